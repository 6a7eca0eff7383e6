/** SymPy's `Expr.normal()`: an expression as one fraction n/d (a numeric d stays in front). */
import { ONE } from '../node.js';
import type { Node } from '../node.js';
import { numInv, numMul } from '../numbers.js';
import { mulArgs } from '../parts.js';
import { div, rawMul } from './build.js';
import { denominatorFree } from './denominatorFree.js';
import { asNumerDenom } from './fraction.js';

export function normal(n: Node): Node {
  if (denominatorFree(n)) return n;
  const [num, den] = asNumerDenom(n);
  if (den === ONE) return num;
  if (den.isNumber) return unevaluatedMul(num, numInv(den));
  return div(num, den);
}

/** `_unevaluated_Mul(a, c)`: the factors of a and the number c, without distributing c. */
function unevaluatedMul(a: Node, c: Node): Node {
  let co = c;
  const rest: Node[] = [];
  for (const f of mulArgs(a)) {
    if (f.isNumber) co = numMul(co, f);
    else rest.push(f);
  }
  if (co !== ONE) rest.unshift(co);
  return rawMul(rest);
}
