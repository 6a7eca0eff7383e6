/**
 * Memoisation of pure rewrites. Nodes are hash-consed, so a rewrite's result depends only on
 * the node's identity: `simplify` tries cancel, together, factor_terms… on many overlapping
 * candidates, and each distinct subproblem is then solved once.
 */
import type { Node } from '../node.js';

/** `f` with its results remembered per node (held weakly: a dropped node frees its entry). */
export function memoize(f: (n: Node) => Node): (n: Node) => Node {
  const cache = new WeakMap<Node, Node>();
  return (n: Node): Node => {
    let r = cache.get(n);
    if (r === undefined) {
      r = f(n);
      cache.set(n, r);
    }
    return r;
  };
}

/** Like memoize, for functions returning a pair. */
export function memoizePair(f: (n: Node) => [Node, Node]): (n: Node) => [Node, Node] {
  const cache = new WeakMap<Node, [Node, Node]>();
  return (n: Node): [Node, Node] => {
    let r = cache.get(n);
    if (r === undefined) {
      r = f(n);
      cache.set(n, r);
    }
    return r;
  };
}

/** One cache per options key: `cached(key, n, () => compute)`. */
export function keyedCache(): (key: string, n: Node, compute: () => Node) => Node {
  const caches = new Map<string, WeakMap<Node, Node>>();
  return (key, n, compute) => {
    let cache = caches.get(key);
    if (!cache) caches.set(key, (cache = new WeakMap()));
    let r = cache.get(n);
    if (r === undefined) {
      r = compute();
      cache.set(n, r);
    }
    return r;
  };
}
