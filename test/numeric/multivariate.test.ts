import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  directionalDerivative,
  directionalDerivativeEstimate,
  gradient,
  gradientEstimate,
  hessian,
  hessianEstimate,
  jacobian,
  jacobianEstimate,
} from '../../src/numeric/index.js';

// g(x, y, z) = exp(x·y)·sin(z) + x³y/z
const g = (v: readonly number[]): number =>
  Math.exp(v[0]! * v[1]!) * Math.sin(v[2]!) + (v[0]! ** 3 * v[1]!) / v[2]!;
const P = [0.5, -1.5, 0.7];
// SymPy 1.11.1: [diff(g, v) for v in (x, y, z)] at (1/2, −3/2, 7/10)
const G = [-2.063603189345743, 0.3307248726390572, 0.7439389286229612];
// SymPy 1.11.1: hessian(g, (x, y, z)) at (1/2, −3/2, 7/10)
const H = [
  [-5.7438809302671, 1.1475052934623857, 1.7539895662492317],
  [1.1475052934623857, 0.07607672203381433, -0.07445910711709086],
  [1.7539895662492317, -0.07445910711709086, -1.3976013487766568],
];

function maxAbsDiff(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
}

describe('gradient', () => {
  it('matches SymPy to ~1e-13 and within its error estimates', () => {
    const e = gradientEstimate(g, P);
    expect(maxAbsDiff(e.value, G)).toBeLessThan(1e-12);
    e.value.forEach((v, i) => expect(Math.abs(v - G[i]!)).toBeLessThanOrEqual(e.error[i]!));
    expect(e.evaluations).toBeLessThan(60);
    expect(e.step).toHaveLength(3);
  });

  it('passes the caller’s type and never mutates the point', () => {
    const seen = new Set<string>();
    const x = new Float64Array([1, 2]);
    gradient((v) => {
      seen.add(v.constructor.name);
      v[0] = 99; // a function that scribbles on its argument must not disturb the next call
      return 0;
    }, x);
    expect([...seen]).toEqual(['Float64Array']);
    expect(Array.from(x)).toEqual([1, 2]);
    const arr = [1, 2];
    gradient((v) => {
      seen.add(Array.isArray(v) ? 'Array' : 'other');
      return v[0]! * v[1]!;
    }, arr);
    expect(seen.has('Array')).toBe(true);
    expect(arr).toEqual([1, 2]);
  });

  it('takes a per-coordinate step scaled by that coordinate', () => {
    // f = log(x) + log(y) at (1e-3 … no: 1, 1e6): ∂ = [1, 1e-6]
    const e = gradientEstimate((v) => Math.log(v[0]!) + Math.log(v[1]!), [1, 1e6]);
    expect(Math.abs(e.value[0]! - 1)).toBeLessThan(1e-13);
    expect(Math.abs(e.value[1]! * 1e6 - 1)).toBeLessThan(1e-12);
    expect(e.step[1]! / e.step[0]!).toBeGreaterThan(1e4);
  });
});

describe('jacobian', () => {
  const F = (v: readonly number[]): number[] => [
    v[0]! * v[1]!,
    Math.sin(v[0]!),
    Math.exp(v[0]! * v[1]!),
  ];
  it('matches the closed form [[y, x], [cos x, 0], [y·e^(xy), x·e^(xy)]]', () => {
    const [x, y] = [2, 3];
    const exact = [
      [y, x],
      [Math.cos(x), 0],
      [y * Math.exp(x * y), x * Math.exp(x * y)],
    ];
    const e = jacobianEstimate(F, [x, y]);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 2; j++) {
        const err = Math.abs(e.value[i]![j]! - exact[i]![j]!);
        expect(err).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(exact[i]![j]!)));
        expect(err).toBeLessThanOrEqual(e.error[i]![j]!);
      }
    }
  });

  it('of the gradient equals the Hessian (two engines agree)', () => {
    const J = jacobian((v) => gradient(g, v), P);
    const Hn = hessian(g, P);
    for (let i = 0; i < 3; i++) expect(maxAbsDiff(J[i]!, Hn[i]!)).toBeLessThan(1e-8);
  });

  it('of a scalar-output F is the gradient as a 1×n matrix', () => {
    const J = jacobian((v) => [g(v)], P);
    expect(J).toHaveLength(1);
    expect(maxAbsDiff(J[0]!, G)).toBeLessThan(1e-12);
  });
});

describe('hessian', () => {
  it('matches SymPy within its error estimates', () => {
    const e = hessianEstimate(g, P);
    for (let i = 0; i < 3; i++) {
      expect(maxAbsDiff(e.value[i]!, H[i]!)).toBeLessThan(1e-9);
      for (let j = 0; j < 3; j++) {
        expect(Math.abs(e.value[i]![j]! - H[i]![j]!)).toBeLessThanOrEqual(e.error[i]![j]!);
        expect(e.value[i]![j]).toBe(e.value[j]![i]); // symmetric by construction
      }
    }
  });

  it('of the seed’s f_xy is [[2 log y, (2x+2)/y], [(2x+2)/y, −(x²+2x)/y²]]', () => {
    // closed form by hand from SymPy's partials (2x + 2)·log y and (x² + 2x)/y
    const Hn = hessian((v) => (v[0]! ** 2 + 2 * v[0]!) * Math.log(v[1]!), [1, 2]);
    const exact = [
      [2 * Math.LN2, 2],
      [2, -0.75],
    ];
    for (let i = 0; i < 2; i++) expect(maxAbsDiff(Hn[i]!, exact[i]!)).toBeLessThan(1e-10);
  });

  it('of Rosenbrock at (1.2, 0.7) is [[1200x² − 400y + 2, −400x], [−400x, 200]]', () => {
    const ros = (v: readonly number[]): number =>
      100 * (v[1]! - v[0]! ** 2) ** 2 + (1 - v[0]!) ** 2;
    const Hn = hessian(ros, [1.2, 0.7]);
    expect(maxAbsDiff(Hn[0]!, [1450, -480])).toBeLessThan(1e-9);
    expect(maxAbsDiff(Hn[1]!, [-480, 200])).toBeLessThan(1e-9);
  });

  it('of a quadratic form xᵀAx is A + Aᵀ (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 9, maxLength: 9 }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (a, x) => {
          const A = (i: number, j: number): number => a[3 * i + j]!;
          const q = (v: readonly number[]): number => {
            let s = 0;
            for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) s += A(i, j) * v[i]! * v[j]!;
            return s;
          };
          const Hn = hessian(q, x);
          for (let i = 0; i < 3; i++) {
            for (let j = 0; j < 3; j++) {
              expect(Math.abs(Hn[i]![j]! - (A(i, j) + A(j, i)))).toBeLessThan(1e-9);
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('works with a fixed step and with forward differences', () => {
    const fixed = hessian(g, P, { h: 1e-3, order: 4 });
    const forward = hessian(g, P, { method: 'forward' });
    for (let i = 0; i < 3; i++) {
      expect(maxAbsDiff(fixed[i]!, H[i]!)).toBeLessThan(1e-6);
      expect(maxAbsDiff(forward[i]!, H[i]!)).toBeLessThan(1e-6);
    }
  });
});

describe('directionalDerivative', () => {
  it('equals ∇g·v (property, against the SymPy gradient)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (v) => {
          const exact = G[0]! * v[0]! + G[1]! * v[1]! + G[2]! * v[2]!;
          const e = directionalDerivativeEstimate(g, P, v);
          const scale = Math.max(1, Math.abs(v[0]!), Math.abs(v[1]!), Math.abs(v[2]!));
          expect(Math.abs(e.value - exact)).toBeLessThan(1e-11 * scale);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('costs one line whatever the dimension', () => {
    const dim = 50;
    const x = Array.from({ length: dim }, (_, i) => i / dim);
    const v = Array.from({ length: dim }, () => 1);
    const sum = (p: readonly number[]): number => p.reduce((s, t) => s + Math.sin(t), 0);
    const e = directionalDerivativeEstimate(sum, x, v);
    const exact = x.reduce((s, t) => s + Math.cos(t), 0);
    expect(Math.abs(e.value - exact)).toBeLessThan(1e-12 * dim);
    expect(e.evaluations).toBeLessThan(30);
  });

  it('is 0 along the zero vector without calling f', () => {
    let calls = 0;
    const e = directionalDerivativeEstimate(() => ++calls, [1, 2], [0, 0]);
    expect(e).toEqual({ value: 0, error: 0, evaluations: 0, step: 0 });
    expect(calls).toBe(0);
  });

  it('takes second directional derivatives vᵀHv', () => {
    const v = [1, -2, 0.5];
    let exact = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) exact += v[i]! * H[i]![j]! * v[j]!;
    expect(Math.abs(directionalDerivative(g, P, v, { n: 2 }) - exact)).toBeLessThan(1e-8);
  });
});
