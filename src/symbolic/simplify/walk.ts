/**
 * Rebuilding expressions from new arguments, and bottom-up maps over a tree. The maps keep an
 * explicit stack (a chain 100,000 deep does not overflow) and visit each shared subterm once.
 */
import { core } from '../core.js';
import type { Node } from '../node.js';
import { add } from './build.js';

/** `n` with its arguments replaced, canonicalised again (`n` itself when nothing changed). */
export function rebuild(n: Node, args: readonly Node[]): Node {
  if (args.length === n.args.length && args.every((a, i) => a === n.args[i])) return n;
  switch (n.kind) {
    case 'add':
      return add(args);
    case 'mul':
      return core.mul(args);
    case 'pow':
      return core.pow(args[0]!, args[1]!);
    case 'fn':
      return core.fn(n.name, args);
    default:
      return n;
  }
}

export interface WalkOptions {
  /** Apply `f` to atoms too (default: only to compound nodes). */
  atoms?: boolean;
  /** Whether to descend into a node's arguments (default: always). */
  descend?: (n: Node) => boolean;
}

/**
 * Post-order map: each compound node is rebuilt from its mapped arguments, then `f` is applied
 * to the rebuilt node (SymPy's `_bottom_up`).
 */
export function bottomUp(root: Node, f: (n: Node) => Node, options: WalkOptions = {}): Node {
  const atoms = options.atoms ?? false;
  const descend = options.descend;
  // atoms map to themselves unless `atoms`: they never enter the memo
  const leaf = (n: Node): boolean => n.args.length === 0 && !atoms;
  if (leaf(root)) return root;
  const memo = new Map<Node, Node>();
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack[stack.length - 1]!;
    if (memo.get(n) !== undefined) {
      stack.pop();
      continue;
    }
    const args = n.args;
    if (args.length === 0 || (descend && !descend(n))) {
      stack.pop();
      memo.set(n, f(n));
      continue;
    }
    let ready = true;
    for (let i = args.length - 1; i >= 0; i--) {
      const a = args[i]!;
      if (!leaf(a) && memo.get(a) === undefined) {
        stack.push(a);
        ready = false;
      }
    }
    if (!ready) continue;
    stack.pop();
    let changed = false;
    const mapped = new Array<Node>(args.length);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const m = leaf(a) ? a : memo.get(a)!;
      mapped[i] = m;
      if (m !== a) changed = true;
    }
    memo.set(n, f(changed ? rebuild(n, mapped) : n));
  }
  return memo.get(root)!;
}

/** Whether any subterm (the root included) satisfies `test`. */
export function hasNode(root: Node, test: (n: Node) => boolean): boolean {
  const seen = new Set<Node>();
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    if (test(n)) return true;
    stack.push(...n.args);
  }
  return false;
}

/** Whether the tree applies a function named in `names`. */
export const hasFunction = (root: Node, names: ReadonlySet<string>): boolean =>
  hasNode(root, (n) => n.kind === 'fn' && names.has(n.name));

/**
 * Σ local(m) over every occurrence m in the tree of `root` (shared subterms counted once per
 * occurrence, as in the printed expression), computed once per distinct node.
 */
export function treeSum(
  root: Node,
  local: (n: Node) => number,
  memo: WeakMap<Node, number>,
): number {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack[stack.length - 1]!;
    if (memo.has(n)) {
      stack.pop();
      continue;
    }
    let ready = true;
    for (const a of n.args)
      if (!memo.has(a)) {
        stack.push(a);
        ready = false;
      }
    if (!ready) continue;
    stack.pop();
    let s = local(n);
    for (const a of n.args) s += memo.get(a)!;
    memo.set(n, s);
  }
  return memo.get(root)!;
}
