/**
 * Regression tests for functions that vary much faster than the default first step. The
 * adaptive search once trusted two early levels that agreed by chance:
 * derivativeEstimate(cos(exp(exp(z²))), 1.353552, { n: 2 }) returned -124.95 ± 101 where SymPy
 * gives -24562648.2281548, and a bump narrower than the step gave 0 ± 0 for odd n. Each estimate
 * here must now be within its reported error: either right, or saying how wrong it may be.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivativeEstimate, hessianEstimate } from '../../src/numeric/index.js';
import type { DerivativeOptions } from '../../src/numeric/index.js';
import { OSCILLATOR_CASES } from './oscillators.js';

const METHODS: [string, DerivativeOptions][] = [
  ['central', {}],
  ['central order 4', { order: 4 }],
  ['forward', { method: 'forward' }],
  ['backward', { method: 'backward' }],
];

/**
 * Known misses, each `it.fails`. cos(exp(x²)) at 3, forward, n = 3: at steps near 2e-7 each
 * sample of f is off by ~5e-13 (exp(x²) ≈ 8103 rounded, then cos of it: 1000 times the rounding
 * model's 2⁻⁵¹·|f|), and the errors of neighbouring samples are correlated, so the tableau
 * converges smoothly to a value 1e-6 relative off while claiming 2e-8. No later level exists to
 * measure the noise (the search stops at that level), so it goes unnoticed.
 */
const KNOWN_MISSES = new Set(['cos(exp(x**2)) at 3 | forward | 3']);

describe('fast oscillations and narrow bumps: within the reported error', () => {
  for (const c of OSCILLATOR_CASES) {
    for (const [label, options] of METHODS) {
      for (let n = 1; n <= 4; n++) {
        const name = `${c.name} | ${label} | ${n}`;
        const test = KNOWN_MISSES.has(name) ? it.fails : it;
        test(name, () => {
          const want = c.d[n - 1]!;
          const e = derivativeEstimate(c.f, c.x, { ...options, n });
          const off = Math.abs(e.value - want);
          expect(off, `${e.value} ± ${e.error}, SymPy ${want}`).toBeLessThanOrEqual(e.error);
        });
      }
    }
  }
});

describe('the default search resolves the fine scale instead of giving up', () => {
  // honesty alone would allow a useless error; the default method shrinks its steps until the
  // oscillation or bump is resolved (measured worst: 8e-4 relative claimed, for n = 4)
  for (const c of OSCILLATOR_CASES) {
    it(`${c.name}: reported error ≤ 1e-3 relative for n = 1…4`, () => {
      for (let n = 1; n <= 4; n++) {
        const want = c.d[n - 1]!;
        const e = derivativeEstimate(c.f, c.x, { n });
        expect(e.error, `n = ${n}`).toBeLessThanOrEqual(1e-3 * Math.abs(want));
        expect(Math.abs(e.value - want), `n = ${n}`).toBeLessThanOrEqual(e.error);
      }
    });
  }

  it('the fuzz case: second derivative to 1e-7 relative, first to 1e-11', () => {
    const [first, second] = OSCILLATOR_CASES[0]!.d;
    const f = OSCILLATOR_CASES[0]!.f;
    const e1 = derivativeEstimate(f, 1.353552);
    const e2 = derivativeEstimate(f, 1.353552, { n: 2 });
    expect(Math.abs(e1.value / first - 1)).toBeLessThan(1e-11);
    expect(Math.abs(e2.value / second - 1)).toBeLessThan(1e-7);
    // the steps went down to the oscillation's scale (period ~7e-4)
    expect(e2.step).toBeLessThan(1e-4);
  });

  it('a bump narrower than the step: odd n no longer reads 0 ± 0 off samples that are all 0', () => {
    // every x ± h with h from 1/2 down to 1/512 lands where the bump has underflowed to 0
    const c = OSCILLATOR_CASES.find((k) => k.name.startsWith('exp(-(1000*x)**2)'))!;
    const e = derivativeEstimate(c.f, c.x, { n: 3 });
    expect(e.value).not.toBe(0);
    expect(Math.abs(e.value - c.d[2]) / Math.abs(c.d[2])).toBeLessThan(1e-8);
  });
});

describe('the Hessian sees a bump narrower than its steps', () => {
  it('mixed partial of exp(-(1000x)² - (1000y)²) at (0.0003, 0.0002)', () => {
    // SymPy 1.11.1: hessian(exp(-((1000*x)**2 + (1000*y)**2)), (x, y)) at the doubles
    const want = [
      [-1440076.5067097207, 210742.90342093472],
      [210742.90342093472, -1615695.5928938328],
    ];
    const f = (v: readonly number[]): number =>
      Math.exp(-((1000 * v[0]!) ** 2 + (1000 * v[1]!) ** 2));
    const h = hessianEstimate(f, [0.0003, 0.0002]);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) {
        // the mixed entry once came out 0 ± 0: its stencil (x ± h, y ± h) skips the bump
        expect(Math.abs(h.value[i]![j]! - want[i]![j]!)).toBeLessThanOrEqual(h.error[i]![j]!);
        expect(h.error[i]![j]!).toBeLessThan(1e-9 * Math.abs(want[i]![j]!));
      }
    }
  });
});

describe('a deeply nested function the soak found under-reported', () => {
  it('acosh(atan2(atan2(acos(tanh(x)/2)**2 + 1, x**2), 2)**2 + 2) at x = -0.160466', () => {
    // the entry with the smallest error estimate was a Richardson extrapolation reaching back
    // to the first step (1/8), whose truncation estimate came out small by chance: the value was
    // off by 1.1e-12 with 1.5e-13 reported. The next level disagrees with it beyond both error
    // estimates, which now refutes it.
    const want = 0.01538828843144698; // SymPy 1.11.1
    const f = (x: number): number =>
      Math.acosh(Math.atan2(Math.atan2(Math.acos(Math.tanh(x) / 2) ** 2 + 1, x * x), 2) ** 2 + 2);
    const e = derivativeEstimate(f, -0.160466);
    expect(Math.abs(e.value - want)).toBeLessThanOrEqual(e.error);
    expect(e.error).toBeLessThan(1e-12);
  });
});

describe('sin(ωx) for random ω and x (fast-check)', () => {
  // ω an integer and x a multiple of 1/1024, so ωx is exact and so is the oracle
  // ωⁿ·sin(ωx + nπ/2) (to an ulp); ω·t is exact at every sample too (dyadic steps). The misses
  // left are aliasing: when ω·h₀ is close to a multiple of 2π·2ᴸ, the samples at h₀, h₀/2, …,
  // h₀/2ᴸ are exactly those of a slow sinusoid, and nothing computed from them can tell.
  // Measured over 4 seeds: 95–97.5% covered; before the regime test and refutation 61–67%.
  const arbitrary = fc.record({
    omega: fc.integer({ min: 20, max: 2000 }),
    k: fc.integer({ min: -4096, max: 4096 }),
    n: fc.integer({ min: 1, max: 4 }),
  });

  it('the reported error covers the true error in at least 90% of 200 cases', () => {
    const samples = fc.sample(arbitrary, { numRuns: 200, seed: 20250101 });
    let covered = 0;
    for (const { omega, k, n } of samples) {
      const x = k / 1024;
      const cycle = [Math.cos(omega * x), -Math.sin(omega * x), -Math.cos(omega * x)];
      const want = omega ** n * (cycle[(n - 1) % 4] ?? Math.sin(omega * x));
      const e = derivativeEstimate((t) => Math.sin(omega * t), x, { n });
      if (Math.abs(e.value - want) <= e.error + 1e-13 * Math.abs(want)) covered++;
    }
    expect(covered / samples.length).toBeGreaterThanOrEqual(0.9);
  });
});
