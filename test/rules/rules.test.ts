import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BINARY,
  BINARY_NUMBER,
  BINARY_OPS,
  NUMBER_ALGEBRA as A,
  UNARY,
  UNARY_NUMBER,
  UNARY_OPS,
  erf,
  erfc,
} from '../../src/rules/index.js';

/** Fourth-order central difference: the independent check of each partial in the table. */
function centralDifference(f: (x: number) => number, x: number, h = 1e-4): number {
  return (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h);
}

// Points inside every op's domain (acosh needs x > 1; asin, acos, atanh need |x| < 1).
const domain: Record<string, [number, number]> = {
  log: [0.2, 5],
  sqrt: [0.2, 5],
  acosh: [1.2, 5],
  asin: [-0.9, 0.9],
  acos: [-0.9, 0.9],
  atanh: [-0.9, 0.9],
  tan: [-1.3, 1.3],
  sec: [-1.3, 1.3],
  cot: [0.2, 3],
  csc: [0.2, 3],
  abs: [0.1, 3],
  sign: [0.1, 3],
  relu: [0.1, 3],
};

describe('rules table', () => {
  for (const op of UNARY_OPS) {
    it(`d ${op} agrees with a central difference`, () => {
      const [lo, hi] = domain[op] ?? [-3, 3];
      fc.assert(
        fc.property(fc.double({ min: lo, max: hi, noNaN: true }), (x) => {
          const f = UNARY_NUMBER[op];
          const exact = UNARY[op].d(A, x, f(x));
          const approx = centralDifference(f, x);
          expect(exact).toBeCloseTo(approx, 6);
        }),
        { numRuns: 50 },
      );
    });
  }

  for (const op of BINARY_OPS) {
    it(`partials of ${op} agree with central differences`, () => {
      fc.assert(
        fc.property(
          fc.double({ min: 0.3, max: 3, noNaN: true }),
          fc.double({ min: 0.3, max: 3, noNaN: true }),
          (a, b) => {
            if (Math.abs(a - b) < 1e-3) return; // max/min are not smooth at a tie
            const f = BINARY_NUMBER[op];
            const out = f(a, b);
            expect(BINARY[op].da(A, a, b, out)).toBeCloseTo(
              centralDifference((t) => f(t, b), a),
              6,
            );
            expect(BINARY[op].db(A, a, b, out)).toBeCloseTo(
              centralDifference((t) => f(a, t), b),
              6,
            );
          },
        ),
        { numRuns: 50 },
      );
    });
  }

  it('follows PyTorch at non-smooth points', () => {
    expect(UNARY.relu.d(A, 0, UNARY_NUMBER.relu(0))).toBe(0);
    expect(UNARY.abs.d(A, 0, 0)).toBe(0);
    expect(BINARY.maximum.da(A, 2, 2, 2)).toBe(0.5);
    expect(BINARY.maximum.db(A, 2, 2, 2)).toBe(0.5);
    expect(BINARY.minimum.da(A, 1, 2, 1)).toBe(1);
    expect(BINARY.minimum.db(A, 1, 2, 1)).toBe(0);
  });

  it('erf matches SciPy to 1e-15', () => {
    // scipy 1.10.1: scipy.special.erf(v)
    const scipy: [number, number][] = [
      [0.1, 0.1124629160182849],
      [0.5, 0.5204998778130465],
      [1, 0.8427007929497148],
      [2, 0.9953222650189527],
      [2.4999, 0.9995928300996666],
      [2.5, 0.999593047982555],
      [3, 0.9999779095030014],
      [4, 0.9999999845827421],
      [-1.5, -0.9661051464753108],
    ];
    for (const [x, want] of scipy) expect(Math.abs(erf(x) - want)).toBeLessThan(2e-16 * 4);
  });

  it('erfc keeps relative accuracy in the tail', () => {
    // scipy 1.10.1: scipy.special.erfc(v)
    const scipy: [number, number][] = [
      [-3, 1.9999779095030015],
      [-1.5, 1.9661051464753108],
      [0.3, 0.6713732405408726],
      [1, 0.15729920705028516],
      [2.5, 0.00040695201744495886],
      [5, 1.5374597944280347e-12],
      [10, 2.0884875837625446e-45],
    ];
    for (const [x, want] of scipy) expect(Math.abs(erfc(x) - want) / want).toBeLessThan(1e-15);
  });

  it('gelu is accurate in the negative tail, where 1 + erf(x/√2) cancels', () => {
    // mpmath 1.3 at 30 digits: 0.5*x*erfc(-x/sqrt(2)). PyTorch 1.13's float64 gelu(-5) is
    // -1.4332578593401202e-06, off in the 11th digit because it computes 1 + erf(x/√2).
    const exact: [number, number][] = [
      [-5, -1.4332578593959695e-6],
      [-3, -0.0040496940948902835],
      [-1, -0.15865525393145705],
      [0.5, 0.34573123063700656],
      [2, 1.9544997361036416],
    ];
    for (const [x, want] of exact) {
      expect(Math.abs(UNARY_NUMBER.gelu(x) - want) / Math.abs(want)).toBeLessThan(4e-15);
    }
  });
});
