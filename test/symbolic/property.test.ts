import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  applyFunction,
  compile,
  div,
  Expr,
  integer,
  mul,
  pow,
  rational,
  sub,
  symbol,
} from '../../src/symbolic/index.js';

const x = symbol('x');
const f1 = (name: string, a: Expr): Expr => applyFunction(name, [a]);
const sq1 = (a: Expr): Expr => add(pow(a, 2), 1); // ≥ 1 everywhere
const bounded = (a: Expr): Expr => f1('sin', a); // in [-1, 1]

/**
 * Every function, each given an argument inside its domain and away from its kinks for every
 * real x, so a random tree is smooth on the whole line: log and sqrt of g**2 + 1, asin of
 * sin(g)/2, tan of sin(g), Abs of sin(g) + 2, exp of sin(g) (values stay moderate).
 */
const UNARY: ((a: Expr) => Expr)[] = [
  (a) => f1('exp', bounded(a)),
  (a) => f1('log', sq1(a)),
  (a) => f1('sqrt', sq1(a)),
  (a) => f1('sin', a),
  (a) => f1('cos', a),
  (a) => f1('tan', bounded(a)),
  (a) => f1('cot', add(pow(bounded(a), 2), rational(1, 2))),
  (a) => f1('sec', bounded(a)),
  (a) => f1('csc', add(pow(bounded(a), 2), rational(1, 2))),
  (a) => f1('asin', div(bounded(a), 2)),
  (a) => f1('acos', div(bounded(a), 2)),
  (a) => f1('atan', a),
  (a) => f1('sinh', bounded(a)),
  (a) => f1('cosh', bounded(a)),
  (a) => f1('tanh', a),
  (a) => f1('asinh', a),
  (a) => f1('acosh', add(pow(a, 2), 2)),
  (a) => f1('atanh', div(bounded(a), 2)),
  (a) => f1('abs', add(bounded(a), 2)),
  (a) => f1('erf', a),
  (a) => f1('relu', add(bounded(a), 2)),
  (a) => f1('sigmoid', a),
  (a) => f1('softplus', bounded(a)),
  (a) => f1('gelu', bounded(a)),
  (a) => pow(a, 2),
  (a) => pow(a, 3),
  (a) => pow(sq1(a), rational(-3, 2)),
  (a) => mul(a, -2),
];
const BINARY: ((a: Expr, b: Expr) => Expr)[] = [
  (a, b) => add(a, b),
  (a, b) => sub(a, b),
  (a, b) => mul(a, b),
  (a, b) => div(a, sq1(b)),
  (a, b) => pow(sq1(a), bounded(b)), // a symbolic exponent
  (a, b) => applyFunction('atan2', [a, sq1(b)]),
];

const leaf = fc.oneof(
  fc.constant(x),
  fc.integer({ min: -3, max: 3 }).map((n) => integer(n)),
  fc.constant(rational(1, 3)),
);

const tree: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(fc.integer({ min: 0, max: UNARY.length - 1 }), tie('e')).map(([i, a]) => UNARY[i]!(a)),
    fc
      .tuple(fc.integer({ min: 0, max: BINARY.length - 1 }), tie('e'), tie('e'))
      .map(([i, a, b]) => BINARY[i]!(a, b)),
  ),
})).e;

/** Sixth-order central difference: error O(h⁶) (with h = 1e-3 about 1e-18·f⁽⁷⁾) plus rounding. */
function centralDifference(f: (x: number) => number, at: number, h = 1e-3): number {
  const d = (k: number): number => f(at + k * h) - f(at - k * h);
  return (45 * d(1) - 9 * d(2) + d(3)) / (60 * h);
}

describe('symbolic derivatives of random expressions', () => {
  it('agree with a high-order central difference everywhere on the line', () => {
    fc.assert(
      fc.property(tree, fc.double({ min: -1.5, max: 1.5, noNaN: true }), (e, at) => {
        const f = compile(e, ['x']);
        const exact = e.diff('x').evaluate({ x: at });
        const approx = centralDifference(f, at);
        const scale = 1 + Math.abs(exact) + Math.abs(f(at));
        expect(Math.abs(exact - approx)).toBeLessThanOrEqual(1e-6 * scale);
      }),
      { numRuns: 300 },
    );
  });

  it('and the second derivative agrees with a central difference of the first', () => {
    fc.assert(
      fc.property(tree, fc.double({ min: -1.5, max: 1.5, noNaN: true }), (e, at) => {
        const d1 = compile(e.diff('x'), ['x']);
        const exact = e.diff('x', 2).evaluate({ x: at });
        const approx = centralDifference(d1, at);
        const scale = 1 + Math.abs(exact) + Math.abs(d1(at));
        expect(Math.abs(exact - approx)).toBeLessThanOrEqual(1e-5 * scale);
      }),
      { numRuns: 100 },
    );
  });
});
