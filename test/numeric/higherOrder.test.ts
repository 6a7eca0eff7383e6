import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  derivative,
  derivativeEstimate,
  fornbergWeights,
  stencil,
} from '../../src/numeric/index.js';

interface Case {
  name: string;
  f: (x: number) => number;
  x: number;
  /** exact f′, f″, f‴, f⁗ at x */
  d: [number, number, number, number];
}

const CASES: Case[] = [
  // closed forms by hand: every derivative of exp is exp; sin cycles cos, −sin, −cos, sin
  { name: 'exp at 1', f: Math.exp, x: 1, d: [Math.E, Math.E, Math.E, Math.E] },
  {
    name: 'sin at 0.7',
    f: Math.sin,
    x: 0.7,
    d: [Math.cos(0.7), -Math.sin(0.7), -Math.cos(0.7), Math.sin(0.7)],
  },
  // log: 1/x, −1/x², 2/x³, −6/x⁴
  { name: 'log at 2', f: Math.log, x: 2, d: [1 / 2, -1 / 4, 2 / 8, -6 / 16] },
  // SymPy 1.11.1: diff((x**2+2*x)*log(x), x, n) at 3/2, n = 1…4
  {
    name: '(x²+2x)log x at 1.5',
    f: (x) => (x * x + 2 * x) * Math.log(x),
    x: 1.5,
    d: [5.527325540540822, 5.144263549549662, 0.4444444444444444, 0.2962962962962963],
  },
  // SymPy 1.11.1: diff(tan(x), x, n) at 1/2
  {
    name: 'tan at 0.5',
    f: Math.tan,
    x: 0.5,
    d: [1.2984464104095248, 1.4186890138709114, 4.9219928425941815, 16.430343835093716],
  },
  // SymPy 1.11.1: diff(exp(-x**2), x, n) at 7/10
  {
    name: 'exp(−x²) at 0.7',
    f: (x) => Math.exp(-x * x),
    x: 0.7,
    d: [-0.8576769518581825, -0.024505055767376643, 3.4650148855070575, -4.703990505105621],
  },
  // SymPy 1.11.1: diff(atan(x), x, n) at 2
  { name: 'atan at 2', f: Math.atan, x: 2, d: [0.2, -0.16, 0.176, -0.2304] },
];

/** The default adaptive method reaches these relative accuracies (measured worst ≈ 1/20 of them). */
const TOLERANCE = [1e-12, 1e-10, 1e-8, 1e-6];

describe('derivatives of order 1 to 4 against closed forms', () => {
  for (const c of CASES) {
    for (let n = 1; n <= 4; n++) {
      it(`${c.name}, n = ${n}`, () => {
        const exact = c.d[n - 1]!;
        const e = derivativeEstimate(c.f, c.x, { n });
        const err = Math.abs(e.value - exact);
        expect(err).toBeLessThanOrEqual(TOLERANCE[n - 1]! * Math.max(1, Math.abs(exact)));
        expect(err).toBeLessThanOrEqual(e.error);
      });
    }
  }

  for (const method of ['forward', 'backward'] as const) {
    it(`${method} differences reach 1e-11 (n = 1) and 1e-4 (n = 4), within their errors`, () => {
      for (const c of CASES) {
        for (let n = 1; n <= 4; n++) {
          const exact = c.d[n - 1]!;
          const e = derivativeEstimate(c.f, c.x, { n, method });
          const err = Math.abs(e.value - exact);
          expect(err).toBeLessThanOrEqual(
            [1e-11, 1e-8, 1e-6, 1e-4][n - 1]! * Math.max(1, Math.abs(exact)),
          );
          expect(err).toBeLessThanOrEqual(e.error);
        }
      }
    });
  }
});

describe('stencils', () => {
  it('Fornberg weights match the textbook tables', () => {
    // central, 4th order, first derivative: [1/12, −2/3, 0, 2/3, −1/12]
    expect(fornbergWeights([-2, -1, 0, 1, 2], 1)[1]).toEqual(
      [1 / 12, -2 / 3, 0, 2 / 3, -1 / 12].map((w) => expect.closeTo(w, 15)),
    );
    // central second derivative, 2nd order: [1, −2, 1]
    expect(stencil(2, 2, 'central').weights).toEqual([1, -2, 1]);
    // central first derivative, 8th order: [1/280, −4/105, 1/5, −4/5, 4/5, −1/5, 4/105, −1/280]
    const w8 = stencil(1, 8, 'central');
    expect(w8.offsets).toEqual([-4, -3, -2, -1, 1, 2, 3, 4]);
    [1 / 280, -4 / 105, 1 / 5, -4 / 5, 4 / 5, -1 / 5, 4 / 105, -1 / 280].forEach((w, i) =>
      expect(w8.weights[i]).toBeCloseTo(w, 15),
    );
    // forward, 2nd order, first derivative: [−3/2, 2, −1/2]
    expect(stencil(1, 2, 'forward').weights).toEqual([-3 / 2, 2, -1 / 2]);
    // backward mirrors forward with a sign (−1)ⁿ
    expect(stencil(1, 2, 'backward').offsets).toEqual([-2, -1, 0]);
    expect(stencil(1, 2, 'backward').weights).toEqual([1 / 2, -2, 3 / 2]);
    // fourth derivative, central, 2nd order: [1, −4, 6, −4, 1]
    expect(stencil(4, 2, 'central').weights).toEqual([1, -4, 6, -4, 1]);
  });

  it('a stencil of order p is exact on polynomials of degree n + p − 1 (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 3, 4),
        fc.constantFrom(2, 4, 6),
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 10, maxLength: 10 }),
        fc.integer({ min: -3, max: 3 }),
        (n, order, coefs, x) => {
          const degree = n + order - 1;
          const c = coefs.slice(0, degree + 1);
          const p = (t: number): number => c.reduceRight((acc, a) => acc * t + a, 0);
          // exact n-th derivative of Σ cₖ tᵏ
          let exact = 0;
          for (let k = n; k < c.length; k++) {
            let fall = 1;
            for (let j = 0; j < n; j++) fall *= k - j;
            exact += c[k]! * fall * x ** (k - n);
          }
          const got = derivative(p, x, { n, order, h: 0.5 });
          expect(Math.abs(got - exact)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(exact)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fixed-step error falls like h^order', () => {
    for (const order of [2, 4, 6]) {
      const err = (h: number): number =>
        Math.abs(derivative(Math.exp, 0.3, { h, order }) - Math.exp(0.3));
      // halving h divides the error by 2^order (within 15%, rounding negligible at these steps)
      const ratio = err(0.2) / err(0.1);
      expect(ratio / 2 ** order).toBeGreaterThan(0.85);
      expect(ratio / 2 ** order).toBeLessThan(1.15);
    }
  });

  it('the fixed-step error estimate bounds the true error', () => {
    for (const order of [2, 4, 6, 8]) {
      for (const h of [0.3, 0.03, 1e-3, 1e-6]) {
        const e = derivativeEstimate(Math.sin, 1, { h, order });
        expect(Math.abs(e.value - Math.cos(1))).toBeLessThanOrEqual(e.error);
        expect(e.step).toBe(h);
      }
    }
  });

  it('higher orders help the adaptive method too (order 4 base stencil)', () => {
    const e = derivativeEstimate(Math.exp, 1, { order: 4 });
    expect(Math.abs(e.value - Math.E)).toBeLessThanOrEqual(1e-13);
    expect(Math.abs(e.value - Math.E)).toBeLessThanOrEqual(e.error);
  });
});

describe('adaptive steps scale with |x|', () => {
  it('works at large and tiny x', () => {
    // d/dx x³ = 3x²; d/dx log x = 1/x
    expect(Math.abs(derivative((x) => x ** 3, 1e8) / 3e16 - 1)).toBeLessThan(1e-12);
    expect(Math.abs(derivative(Math.log, 1e12) * 1e12 - 1)).toBeLessThan(1e-12);
    expect(Math.abs(derivative(Math.log, 1e-6) * 1e-6 - 1)).toBeLessThan(1e-8);
    expect(Math.abs(derivative(Math.exp, -1e-300) - 1)).toBeLessThan(1e-14);
  });

  it('initialStep adapts to functions that vary faster than |x|', () => {
    // d/dx sin(x) at 1e4 = cos(1e4): with the default first step (1024) it needs every level
    const slow = derivativeEstimate(Math.sin, 1e4);
    const fast = derivativeEstimate(Math.sin, 1e4, { initialStep: 0.125 });
    expect(Math.abs(fast.value - Math.cos(1e4))).toBeLessThan(1e-11);
    expect(fast.error).toBeLessThan(1e-11);
    expect(fast.evaluations).toBeLessThan(slow.evaluations);
    expect(Math.abs(slow.value - Math.cos(1e4))).toBeLessThanOrEqual(slow.error);
  });
});
