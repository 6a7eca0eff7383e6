/**
 * SymPy's `cancel`: a rational function in lowest terms, `(x**2 - 1)/(x - 1)` → `x + 1`.
 * Numerator and denominator are read as polynomials in their generators (symbols, and also
 * `log(x)`, `exp(x)`, `sqrt(x)`…), their gcd (poly/gcd.ts) is divided out, integer contents
 * too, and the denominator's leading coefficient (lex order) is made positive. The result is
 * numerator/denominator, both expanded.
 */
import { core } from '../core.js';
import { NEG_ONE, ZERO } from '../node.js';
import type { Node } from '../node.js';
import { gcd } from '../rational.js';
import { asNumerDenom } from './fraction.js';
import { expand } from './expand.js';
import { cofactors } from './poly/gcd.js';
import { exprFromPoly } from './poly/convert.js';
import type { RationalPoly } from './poly/convert.js';
import { polysFromExprs } from './poly/fromExpr.js';
import { constant, isZero, leadingCoeff, neg, scale } from './poly/sparse.js';
import type { Poly } from './poly/sparse.js';
import { depthSafe } from './depth.js';
import { memoize } from './memo.js';
import { signsimp } from './signsimp.js';

/** P/Q = F/G in lowest terms, integer coefficients, LC(Q) > 0 (PolyElement.cancel). */
export function cancelPolys(F: RationalPoly, G: RationalPoly): [Poly, Poly] {
  if (isZero(F.poly)) return [F.poly, constant(F.poly.n, 1n)];
  const [, p0, q0] = cofactors(F.poly, G.poly);
  // F = f/fd, G = g/gd: F/G = f·gd/(g·fd), with the gcd of gd and fd removed
  const h = gcd(G.denominator, F.denominator);
  let p = scale(p0, G.denominator / h);
  let q = scale(q0, F.denominator / h);
  if (leadingCoeff(q) < 0n) {
    p = neg(p);
    q = neg(q);
  }
  return [p, q];
}

export const cancel = memoize(depthSafe(cancelUncached));

function cancelUncached(n: Node): Node {
  n = signsimp(n);
  if (n.args.length === 0) return n;
  // SymPy applies factor_terms(f, radical=True) first; without the radical part it cannot
  // change the generators, and P/Q in lowest terms with LC(Q) > 0 is unique, so it is skipped
  const f = n;
  const [p, q] = asNumerDenom(f);
  const conv = polysFromExprs([p, q]);
  if (!conv) return f;
  if (conv.gens.length === 0) return expand(f);
  const [F, G] = conv.polys as [RationalPoly, RationalPoly];
  if (isZero(G.poly)) return f;
  const [P, Q] = cancelPolys(F, G);
  const num = exprFromPoly(P, conv.gens, 1n, conv.inexact);
  const den = exprFromPoly(Q, conv.gens, 1n, conv.inexact);
  if (num === ZERO) return ZERO;
  return core.mul([num, core.pow(den, NEG_ONE)]);
}
