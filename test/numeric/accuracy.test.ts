import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivativeEstimate, numerDeriv } from '../../src/numeric/index.js';
import { SMOOTH_CASES } from './smoothFunctions.js';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

describe('accuracy on smooth functions with default options', () => {
  const results = SMOOTH_CASES.map((c) => {
    const e = derivativeEstimate(c.f, c.x);
    const exact = c.df(c.x);
    const trueError = Math.abs(e.value - exact);
    return { ...c, e, exact, trueError, relative: trueError / Math.abs(exact) };
  });

  it('has at least 40 cases', () => {
    expect(SMOOTH_CASES.length).toBeGreaterThanOrEqual(40);
  });

  it('median relative error ≤ 1e-12, worst ≤ 1e-9', () => {
    const rel = results.map((r) => r.relative);
    expect(median(rel)).toBeLessThanOrEqual(1e-12);
    expect(Math.max(...rel)).toBeLessThanOrEqual(1e-9);
  });

  it('the reported error bounds the true error in at least 95% of cases', () => {
    const covered = results.filter((r) => r.trueError <= r.e.error).length;
    expect(covered / results.length).toBeGreaterThanOrEqual(0.95);
  });

  it('the reported error is not uselessly loose: median ≤ 1e-11 relative', () => {
    expect(median(results.map((r) => r.e.error / Math.abs(r.exact)))).toBeLessThanOrEqual(1e-11);
  });

  it('uses few evaluations: at most 30 each, about 12 on average', () => {
    const evals = results.map((r) => r.e.evaluations);
    expect(Math.max(...evals)).toBeLessThanOrEqual(30);
    // measured 12.04 before the regime test and refutation (for fast oscillators), 12.12 after:
    // smooth functions must not pay for them
    expect(evals.reduce((a, b) => a + b, 0) / evals.length).toBeLessThanOrEqual(12.5);
  });

  it("beats the seed's fixed step (h = 0.001) by orders of magnitude", () => {
    const seedRel = SMOOTH_CASES.map(
      (c) => Math.abs(numerDeriv(c.f, c.x) - c.df(c.x)) / Math.abs(c.df(c.x)),
    );
    expect(median(seedRel)).toBeGreaterThan(1e-9);
    expect(median(seedRel)).toBeGreaterThan(1000 * median(results.map((r) => r.relative)));
  });

  for (const r of results) {
    it(`${r.name}: within 1e-9 and within the reported error`, () => {
      expect(r.relative).toBeLessThanOrEqual(1e-9);
      expect(r.e.error).toBeGreaterThan(0);
      expect(Number.isFinite(r.e.error)).toBe(true);
    });
  }
});

describe('accuracy on random smooth functions (fast-check)', () => {
  // a·e^(bx) + c·sin(dx + e) and 1/(p + (x − a)²), derivatives by hand
  // two-decimal coefficients: fc.double favours subnormals, whose derivatives vanish below
  // the rounding of f itself
  const coef = (lo: number, hi: number): fc.Arbitrary<number> =>
    fc.integer({ min: lo * 100, max: hi * 100 }).map((k) => k / 100);
  const family = fc.record({
    a: coef(-2, 2),
    b: coef(-2, 2),
    c: coef(-2, 2),
    d: coef(-3, 3),
    e: coef(0, 2),
    p: coef(0.5, 3),
    x: coef(-5, 5),
    rational: fc.boolean(),
  });

  it('reported errors bound the true error in ≥ 95% of 200 cases; relative error ≤ 1e-9', () => {
    const samples = fc.sample(family, { numRuns: 200, seed: 20240611 });
    let covered = 0;
    for (const { a, b, c, d, e, p, x, rational } of samples) {
      const f = rational
        ? (t: number) => 1 / (p + (t - a) ** 2)
        : (t: number) => a * Math.exp(b * t) + c * Math.sin(d * t + e);
      const df = rational
        ? (t: number) => (-2 * (t - a)) / (p + (t - a) ** 2) ** 2
        : (t: number) => a * b * Math.exp(b * t) + c * d * Math.cos(d * t + e);
      const est = derivativeEstimate(f, x);
      const err = Math.abs(est.value - df(x));
      if (err <= est.error) covered++;
      // relative to the size of the terms, since df can cancel to 0
      const size = rational ? 1 : Math.abs(a * b * Math.exp(b * x)) + Math.abs(c * d) + 1e-300;
      expect(err / size).toBeLessThan(1e-9);
    }
    expect(covered / samples.length).toBeGreaterThanOrEqual(0.95);
  });
});
