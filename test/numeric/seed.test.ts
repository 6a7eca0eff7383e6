import { describe, expect, it } from 'vitest';
import { derivative, gradient, numerDeriv } from '../../src/numeric/index.js';

// The seed notebook's functions (../shared/seed/README.md, part 2).
const f = (x: number): number => (x ** 2 + 2 * x) * Math.log(x);
const fxy = (v: readonly number[]): number => (v[0]! ** 2 + 2 * v[0]!) * Math.log(v[1]!);

/** Relative agreement to `digits` significant digits. */
function expectDigits(actual: number, expected: number, digits: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * 10 ** -digits);
}

describe('numerDeriv: the seed notebook reproduced', () => {
  it('prints 2.999999999999666 for numer_deriv(f, 1)', () => {
    // the notebook's In [12]
    expect(numerDeriv(f, 1)).toBe(2.999999999999666);
  });

  it('prints 4.257383635135726 (forward) and 2.9997299032915508 (center) with h = 0.5', () => {
    // the notebook's In [16]
    expectDigits(numerDeriv(f, 1, 0.5, 'forward'), 4.257383635135726, 12);
    expectDigits(numerDeriv(f, 1, 0.5, 'center'), 2.9997299032915508, 12);
    expect(numerDeriv(f, 1, 0.5, 'forward')).toBe(4.257383635135726);
    expect(numerDeriv(f, 1, 0.5, 'center')).toBe(2.9997299032915508);
  });

  it('gives the float64 gradient [2.7725887222396217, 1.5000000312501705] at [1, 2]', () => {
    // The notebook prints [2.77255299, 1.49889143]: it casts to float32 and never restores a
    // probed coordinate (see numerDeriv's docblock). Done right in float64:
    const g = numerDeriv(fxy, [1, 2]);
    expectDigits(g[0]!, 2.7725887222396217, 12);
    expectDigits(g[1]!, 1.5000000312501705, 12);
    // and the same from a Float64Array
    expect(numerDeriv((v: Float64Array) => fxy(Array.from(v)), new Float64Array([1, 2]))).toEqual(
      g,
    );
  });

  it("explains the notebook's [2.77255299, 1.49889143]: float32 and no restore", () => {
    // A line-by-line replica of the notebook's vector branch. NumPy 1.24 rounds the point to
    // float32 and computes log of a float32 scalar in float32; the products stay float64.
    // NumPy 1.24.2 on the notebook's code: [2.772552992563959, 1.498891431883198]
    const notebookF = (v: number[]): number =>
      (v[0]! ** 2 + 2 * v[0]!) * Math.fround(Math.log(v[1]!));
    const h = 0.001;
    const x = [1, 2].map(Math.fround);
    const grad: number[] = [];
    for (let i = 0; i < x.length; i++) {
      const original = x[i]!;
      x[i] = Math.fround(original + h / 2);
      const plus = notebookF(x);
      x[i] = Math.fround(original - h / 2);
      const minus = notebookF(x);
      grad.push((plus - minus) / h); // x[i] is never restored
    }
    expect(grad).toEqual([2.772552992563959, 1.498891431883198]);
    expect(grad.map((g) => g.toFixed(8))).toEqual(['2.77255299', '1.49889143']);
    // restoring the coordinate fixes the y-derivative's 1e-3 error, float64 the rest
    expect(Math.abs(grad[1]! - 1.5)).toBeGreaterThan(1e-3);
    expect(Math.abs(numerDeriv(fxy, [1, 2])[1]! - 1.5)).toBeLessThan(1e-7);
  });

  it('the adaptive derivative gets the seed exactly: f′(1) = 3, ∇ = [4 log 2, 1.5]', () => {
    // SymPy 1.11.1: diff((x**2+2*x)*log(x), x) at 1 = 3; partials at (1, 2): 4*log(2), 3/2
    expect(Math.abs(derivative(f, 1) - 3)).toBeLessThan(1e-14);
    const g = gradient(fxy, [1, 2]);
    expect(Math.abs(g[0]! - 4 * Math.LN2)).toBeLessThan(1e-13);
    expect(Math.abs(g[1]! - 1.5)).toBeLessThan(1e-12);
  });
});
