/**
 * Bottom-up walks for recursive algorithms on deep expressions. The printers, the sort keys
 * and the sign analysis are written recursively (as SymPy's are); on a tree thousands of
 * levels deep, they first fill their caches children-first with `fillBottomUp`, so that each
 * recursive call then finds its children's results cached and goes only a few levels down.
 */
import type { Node } from './node.js';

/** Trees at most this tall are handled by plain recursion. */
export const SHALLOW = 200;

/**
 * Calls `visit(n)` for every node under `root` (root included) for which `done(n)` is false,
 * children before parents, each node once, iteratively.
 */
export function fillBottomUp(
  root: Node,
  done: (n: Node) => boolean,
  visit: (n: Node) => void,
): void {
  if (done(root)) return;
  const seen = new Set<Node>();
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack[stack.length - 1]!;
    if (seen.has(n)) {
      stack.pop();
      continue;
    }
    let ready = true;
    for (const a of n.args)
      if (!seen.has(a) && !done(a)) {
        stack.push(a);
        ready = false;
      }
    if (!ready) continue;
    stack.pop();
    seen.add(n);
    visit(n);
  }
}

/** Deep printing keeps the text of one node in about every BAND levels. */
const BAND = 64;

/**
 * Prints a tree of any depth with a recursive printer: the nodes where the height crosses
 * a multiple of BAND (going down from a parent) are printed first, children first, and
 * remembered in `memo`, which the printer consults; every later recursion then stops within
 * BAND + SHALLOW levels. Only those nodes' texts are kept (about 1/BAND of them).
 */
export function printDeep(
  root: Node,
  memo: Map<Node, string>,
  print: (n: Node) => string,
  printRoot: (n: Node) => string,
): string {
  const band = (n: Node): number => Math.floor(n.height / BAND);
  const order: Node[] = [];
  const keep = new Set<Node>();
  fillBottomUp(
    root,
    (a) => a.height <= SHALLOW,
    (n) => {
      order.push(n);
      for (const a of n.args) if (a.height > SHALLOW && band(a) !== band(n)) keep.add(a);
    },
  );
  for (const n of order) if (keep.has(n) && n !== root) memo.set(n, print(n));
  return printRoot(root);
}
