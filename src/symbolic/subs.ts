/**
 * `subs`: replace subexpressions (usually symbols) and rebuild canonically from the leaves
 * up, so `(x**2 + 2*x).subs({x: 1})` is `3` and `sin(x).subs({x: 0})` is `0`. Iterative:
 * a chain 100,000 deep cannot overflow; shared subterms are rebuilt once. Replacements are
 * simultaneous (`{x: y, y: x}` swaps), as SymPy's `subs(..., simultaneous=True)`.
 */
import { core } from './core.js';
import type { Node } from './node.js';

export type Substitution = ReadonlyMap<Node, Node>;

export function rebuild(n: Node, args: readonly Node[]): Node {
  switch (n.kind) {
    case 'add':
      return core.add(args);
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

/** Map every node bottom-up: `leaf(n)` may replace a node outright (then its args are not visited). */
export function transform(root: Node, replace: (n: Node) => Node | undefined): Node {
  const done = new Map<Node, Node>();
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack[stack.length - 1]!;
    if (done.has(n)) {
      stack.pop();
      continue;
    }
    const r = replace(n);
    if (r !== undefined || n.args.length === 0) {
      done.set(n, r ?? n);
      stack.pop();
      continue;
    }
    let ready = true;
    for (const a of n.args)
      if (!done.has(a)) {
        stack.push(a);
        ready = false;
      }
    if (!ready) continue;
    stack.pop();
    const args = n.args.map((a) => done.get(a)!);
    done.set(n, args.every((a, i) => a === n.args[i]) ? n : rebuild(n, args));
  }
  return done.get(root)!;
}

export function substitute(root: Node, subs: Substitution): Node {
  if (subs.size === 0) return root;
  return transform(root, (n) => subs.get(n));
}

/** Rebuild every node bottom-up with `combine(node, newArgs)`; iterative, shared subterms once. */
export function mapBottomUp(root: Node, combine: (n: Node, args: readonly Node[]) => Node): Node {
  const done = new Map<Node, Node>();
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack[stack.length - 1]!;
    if (done.has(n)) {
      stack.pop();
      continue;
    }
    let ready = true;
    for (const a of n.args)
      if (!done.has(a)) {
        stack.push(a);
        ready = false;
      }
    if (!ready) continue;
    stack.pop();
    done.set(
      n,
      combine(
        n,
        n.args.map((a) => done.get(a)!),
      ),
    );
  }
  return done.get(root)!;
}
