/**
 * SymPy's `collect(expr, x)`: the terms of a sum grouped by the power of `x` they contain,
 * without expanding anything: `a*x**2 + b*x**2 + a*x - b*x + c` → `c + x**2*(a + b) + x*(a - b)`.
 * `x` may be a symbol or any other non-numeric subexpression (`log(y)`, `sin(t)`, `sqrt(x)`);
 * powers `x**k` with a rational k are grouped per k (as SymPy, `x**a` is not a power of x).
 */
import type { Node } from '../node.js';
import { ONE } from '../node.js';
import { addArgs, asBaseExp, mulArgs } from '../parts.js';
import { add, mul, neg, pow } from './build.js';
import { tooDeep } from './depth.js';
import { expandPowerBase } from './expand.js';

/** A factor as a power of x: its exponent, or undefined when it is not one. */
function exponentOf(factor: Node, x: Node): Node | undefined {
  if (factor === x) return ONE;
  const [b, e] = asBaseExp(factor, neg);
  if (b === x) return e.isRational ? e : undefined;
  // x itself a power: x = b0**e0, factor = b0**(k*e0)
  if (x.kind === 'pow' || (x.kind === 'fn' && x.name === 'exp')) {
    const [b0, e0] = asBaseExp(x, neg);
    if (b === b0) {
      const k = mul([e, pow(e0, neg(ONE))]);
      if (k.isRational) return k;
    }
  }
  return undefined;
}

export function collect(expr: Node, x: Node): Node {
  if (x.isNumber || tooDeep(expr)) return expr;
  const groups = new Map<Node, Node[]>();
  const rest: Node[] = [];
  for (const term of addArgs(expr)) {
    let key: Node | undefined;
    const coeff: Node[] = [];
    for (const f of mulArgs(expandPowerBase(term))) {
      const e = key === undefined ? exponentOf(f, x) : undefined;
      if (e !== undefined) key = e;
      else coeff.push(f);
    }
    if (key === undefined) {
      rest.push(term);
      continue;
    }
    const list = groups.get(key);
    if (list) list.push(mul(coeff));
    else groups.set(key, [mul(coeff)]);
  }
  const out = [...rest];
  for (const [k, coeffs] of groups) out.push(mul([pow(x, k), add(coeffs)]));
  return add(out);
}
