/**
 * SymPy's `count_ops(expr)` (visual=False): the number of operations in an expression, the
 * measure `simplify` minimises. Each `+`, `-`, `*`, `/`, `**`, unary minus and function call
 * counts once; `x - y` is one SUB, `-x` one NEG, `x/y` one DIV, `2*x*y` two MULs, a rational
 * `-1/3` a NEG and a DIV. Iterative: any depth.
 */
import { E, NEG_ONE, ONE } from '../node.js';
import type { Node } from '../node.js';

import { coeffIsNeg, neg, rawMul } from './build.js';
import { tooDeep } from './depth.js';
import { fraction } from './fraction.js';

const cache = new WeakMap<Node, number>();

/**
 * The operations at `a` itself and the subexpressions still to count (SymPy's loop body). The
 * children may be derived nodes (`-a`, the numerator of `a`), which are counted in turn.
 */
function step(a: Node, shallow: boolean): [number, readonly Node[]] {
  let ops = 0;
  if (a.isRational) {
    if (a !== ONE) return [(a.p < 0n ? 1 : 0) + (a.q !== 1n ? 1 : 0), []]; // NEG, DIV
  } else if (a.kind === 'mul') {
    if (coeffIsNeg(a)) {
      ops++; // NEG
      a = a.args[0] === NEG_ONE ? rawMul(a.args.slice(1)) : neg(a);
    }
    const [n, d] = fraction(a, shallow);
    if (n.kind === 'integer') return [ops + 1 + (n.p < 0n ? 1 : 0), [d]]; // DIV (NEG)
    if (d !== ONE) return [ops + 1, d.kind !== 'integer' ? [d, n] : [n]]; // DIV
  } else if (a.kind === 'add') {
    let negs = 0;
    const children = a.args.map((ai) => {
      if (!coeffIsNeg(ai)) return ai;
      negs++;
      return neg(ai);
    });
    // n - 1 ADD/SUB, and a NEG when every term is negative (-x - y)
    return [a.args.length - 1 + (negs === a.args.length ? 1 : 0), children];
  }
  if (a.kind === 'pow' && a.args[1] === NEG_ONE) return [ops + 1, [a.args[0]!]]; // DIV
  if (a === E) return [ops + 1, []]; // EXP
  if (a.kind === 'mul') ops += a.args.length - 1;
  else if (a.kind === 'pow' || a.kind === 'fn') ops++;
  return [ops, a.kind === 'symbol' ? [] : a.args];
}

/**
 * The count, with each distinct node counted once and reused: a hash-consed expression shares
 * subterms, and its printed (tree) size can be exponential in its number of nodes.
 */
export function countOps(root: Node): number {
  const hit = cache.get(root);
  if (hit !== undefined) return hit;
  const shallow = tooDeep(root);
  const pending = new Map<Node, [number, readonly Node[]]>();
  const stack: Node[] = [root];
  while (stack.length) {
    const a = stack[stack.length - 1]!;
    if (cache.has(a)) {
      stack.pop();
      continue;
    }
    let entry = pending.get(a);
    if (!entry) {
      entry = step(a, shallow);
      pending.set(a, entry);
      let ready = true;
      for (const c of entry[1])
        if (!cache.has(c)) {
          stack.push(c);
          ready = false;
        }
      if (!ready) continue;
    }
    stack.pop();
    let total = entry[0];
    for (const c of entry[1]) total += cache.get(c)!;
    cache.set(a, total);
  }
  return cache.get(root)!;
}

/** SymPy's `shorter(*choices)`: the first of the choices with the fewest operations. */
export function shortest(...choices: Node[]): Node {
  let best = choices[0]!;
  let bestOps = countOps(best);
  for (let i = 1; i < choices.length; i++) {
    const c = choices[i]!;
    if (c === best) continue;
    const k = countOps(c);
    if (k < bestOps) {
      best = c;
      bestOps = k;
    }
  }
  return best;
}
