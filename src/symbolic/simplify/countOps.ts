/**
 * SymPy's `count_ops(expr)` (visual=False): the number of operations in an expression, the
 * measure `simplify` minimises. Each `+`, `-`, `*`, `/`, `**`, unary minus and function call
 * counts once; `x - y` is one SUB, `-x` one NEG, `x/y` one DIV, `2*x*y` two MULs, a rational
 * `-1/3` a NEG and a DIV. Iterative: any depth.
 */
import { E, NEG_ONE, ONE } from '../node.js';
import type { Node } from '../node.js';

import { coeffIsNeg, neg, rawMul } from './build.js';
import { fraction } from './fraction.js';

const cache = new WeakMap<Node, number>();

export function countOps(root: Node): number {
  const hit = cache.get(root);
  if (hit !== undefined) return hit;
  let ops = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    let a = stack.pop()!;
    if (a.isRational) {
      if (a !== ONE) {
        if (a.p < 0n) ops++; // NEG
        if (a.q !== 1n) ops++; // DIV
        continue;
      }
    } else if (a.kind === 'mul') {
      if (coeffIsNeg(a)) {
        ops++; // NEG
        a = a.args[0] === NEG_ONE ? rawMul(a.args.slice(1)) : neg(a);
      }
      const [n, d] = fraction(a);
      if (n.kind === 'integer') {
        ops++; // DIV
        if (n.p < 0n) ops++;
        stack.push(d);
        continue;
      } else if (d !== ONE) {
        if (d.kind !== 'integer') stack.push(d);
        ops++; // DIV
        stack.push(n);
        continue;
      }
    } else if (a.kind === 'add') {
      const args = a.args;
      let negs = 0;
      for (let i = 0; i < args.length; i++) {
        const ai = args[i]!;
        if (coeffIsNeg(ai)) {
          negs++;
          stack.push(neg(ai));
        } else stack.push(ai);
        if (i > 0) ops++; // ADD or SUB
      }
      if (negs === args.length) ops++; // -x - y: NEG + SUB
      continue;
    }
    if (a.kind === 'pow' && a.args[1] === NEG_ONE) {
      ops++; // DIV
      stack.push(a.args[0]!);
      continue;
    }
    if (a === E) {
      ops++; // EXP
      continue;
    }
    if (a.kind === 'mul') ops += a.args.length - 1;
    else if (a.kind === 'pow' || a.kind === 'fn') ops++;
    if (a.kind !== 'symbol') stack.push(...a.args);
  }
  cache.set(root, ops);
  return ops;
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

