/**
 * Nesting depth, and the limit past which the rewrites leave an expression alone. Several
 * rewrites (as SymPy's) recurse on the tree; rather than risk the call stack on a tree nested
 * thousands of levels deep, they return such input unchanged. Wide expressions (a sum of
 * 100,000 terms) are not affected: only nesting counts.
 */
import type { Node } from '../node.js';

/** Deepest nesting the recursive rewrites accept (a chain of sin(sin(…)) this long is fine). */
export const MAX_DEPTH = 300;

const depths = new WeakMap<Node, number>();

/** 1 for an atom, 1 + the deepest argument otherwise; iterative and memoised. */
export function depth(root: Node): number {
  const known = depths.get(root);
  if (known !== undefined) return known;
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack[stack.length - 1]!;
    if (depths.has(n)) {
      stack.pop();
      continue;
    }
    let ready = true;
    let d = 0;
    for (const a of n.args) {
      const k = depths.get(a);
      if (k === undefined) {
        stack.push(a);
        ready = false;
      } else if (k > d) d = k;
    }
    if (!ready) continue;
    stack.pop();
    depths.set(n, d + 1);
  }
  return depths.get(root)!;
}

export const tooDeep = (n: Node): boolean => depth(n) > MAX_DEPTH;

/** `f` guarded: input nested deeper than MAX_DEPTH is returned unchanged. */
export const depthSafe =
  (f: (n: Node) => Node) =>
  (n: Node): Node =>
    tooDeep(n) ? n : f(n);
