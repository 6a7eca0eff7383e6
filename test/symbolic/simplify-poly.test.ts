/**
 * The polynomial layer under cancel: sparse integer polynomials, the heuristic gcd and its
 * PRS fallback. The two gcd algorithms are cross-checked on random products with a known
 * common factor, and gcds of fixed polynomials are checked against SymPy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cofactors, prsCofactorsForTest } from '../../src/symbolic/simplify/poly/gcd.js';
import {
  add,
  divExact,
  fromTerms,
  isZero,
  mul,
  neg,
  pow,
  sub,
} from '../../src/symbolic/simplify/poly/sparse.js';
import type { Poly } from '../../src/symbolic/simplify/poly/sparse.js';
import { polysFromExprs } from '../../src/symbolic/simplify/poly/fromExpr.js';
import { exprFromPoly } from '../../src/symbolic/simplify/poly/convert.js';
import { str, sym } from './simplifyHelpers.js';

/** A polynomial in n variables from [coefficient, ...exponents] rows. */
const P = (n: number, rows: number[][]): Poly =>
  fromTerms(
    n,
    rows.map(([c, ...m]) => ({ m, c: BigInt(c!) })),
  );

const equal = (a: Poly, b: Poly): boolean => isZero(sub(a, b));
/** Equal up to sign (a gcd is defined up to a unit). */
const associate = (a: Poly, b: Poly): boolean => equal(a, b) || equal(a, neg(b));

const randomPoly = (n: number): fc.Arbitrary<Poly> =>
  fc
    .array(
      fc.tuple(
        fc.integer({ min: -9, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((rows) =>
      fromTerms(
        n,
        rows.map(([c, m]) => ({ m, c: BigInt(c) })),
      ),
    )
    .filter((p) => !isZero(p));

describe('sparse polynomials', () => {
  it('(x + y)**3 multiplied out', () => {
    const xy = P(2, [
      [1, 1, 0],
      [1, 0, 1],
    ]);
    expect(pow(xy, 3).terms.map((t) => [Number(t.c), ...t.m])).toEqual([
      [1, 3, 0],
      [3, 2, 1],
      [3, 1, 2],
      [1, 0, 3],
    ]);
  });

  it('exact division recovers a factor and refuses a non-factor', () => {
    const f = P(1, [
      [1, 2],
      [-1, 0],
    ]); // x**2 - 1
    const g = P(1, [
      [1, 1],
      [-1, 0],
    ]); // x - 1
    expect(divExact(f, g)!.terms.map((t) => [Number(t.c), ...t.m])).toEqual([
      [1, 1],
      [1, 0],
    ]);
    expect(divExact(g, f)).toBeUndefined();
    expect(divExact(f, P(1, [[2, 1]]))).toBeUndefined();
  });

  it('multiplication distributes over addition (random)', () => {
    fc.assert(
      fc.property(randomPoly(2), randomPoly(2), randomPoly(2), (a, b, c) =>
        equal(mul(a, add(b, c)), add(mul(a, b), mul(a, c))),
      ),
      { numRuns: 100, seed: 3 },
    );
  });
});

describe('gcd', () => {
  for (const n of [1, 2, 3])
    it(`heuristic gcd and PRS agree, and the cofactors multiply back (${n} variables)`, () => {
      fc.assert(
        fc.property(randomPoly(n), randomPoly(n), randomPoly(n), (g, a, b) => {
          const f1 = mul(g, a);
          const f2 = mul(g, b);
          const [h, c1, c2] = cofactors(f1, f2);
          const [hp] = prsCofactorsForTest(f1, f2);
          expect(associate(h, hp)).toBe(true);
          expect(equal(mul(h, c1), f1)).toBe(true);
          expect(equal(mul(h, c2), f2)).toBe(true);
          // the planted factor divides the gcd
          expect(divExact(h, g)).toBeDefined();
        }),
        { numRuns: 60, seed: 17 + n },
      );
    });

  // SymPy 1.11.1: gcd(f, g) for the pairs below (integer polynomials: content included)
  it.each([
    ['x**4 - 1', 'x**6 - 1', 'x**2 - 1'],
    ['2*x**2 + 2*x', '4*x + 4', '2*x + 2'],
    ['x**2*y + x*y**2', 'x**2 - y**2', 'x + y'],
    ['x**3 - y**3', 'x**2 - y**2', 'x - y'],
    ['6*x*y**2 + 9*x**2*y', '12*x**2*y', '3*x*y'],
    ['x**2 + 1', 'x + 1', '1'],
    ['(x + y + z)**2*(x - z)', '(x + y + z)*(y - z)', 'x + y + z'],
  ])('gcd(%s, %s) = %s', (a, b, expected) => {
    const conv = polysFromExprs([sym(a), sym(b)])!;
    const [h] = cofactors(conv.polys[0]!.poly, conv.polys[1]!.poly);
    expect(str(exprFromPoly(h, conv.gens))).toBe(expected);
  });
});
