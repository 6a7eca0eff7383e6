/**
 * Finite-difference stencils: the offsets (in units of the step h) and weights w such that
 *   f⁽ⁿ⁾(x) ≈ Σ wᵢ f(x + oᵢ h) / hⁿ,
 * with the powers of h that appear in the truncation error, which Richardson extrapolation needs.
 */
import { InvalidOptionError } from './errors.js';
import type { Method } from './types.js';

export interface Stencil {
  /** multiples of h at which f is sampled (only those with a nonzero weight) */
  readonly offsets: readonly number[];
  readonly weights: readonly number[];
  /** the derivative order n */
  readonly n: number;
  /** accuracy order: the error is c₁h^p + c₂h^(p+s) + c₃h^(p+2s) + … */
  readonly order: number;
  /** s above: 2 for a symmetric (central) stencil, whose error has only even powers; 1 otherwise */
  readonly exponentStep: number;
}

/**
 * Weights of the derivatives 0…m at 0 of the polynomial through the points `offsets` (Fornberg,
 * "Generation of finite difference formulas on arbitrarily spaced grids", 1988): row k holds the
 * weights of the k-th derivative.
 */
export function fornbergWeights(offsets: readonly number[], m: number): number[][] {
  const count = offsets.length;
  const c: number[][] = Array.from({ length: count }, () => new Array<number>(m + 1).fill(0));
  const at = (i: number): number => offsets[i]!;
  c[0]![0] = 1;
  let c1 = 1;
  let c4 = at(0);
  for (let i = 1; i < count; i++) {
    const mn = Math.min(i, m);
    let c2 = 1;
    const c5 = c4;
    c4 = at(i);
    const ci = c[i]!;
    const prev = c[i - 1]!;
    for (let j = 0; j < i; j++) {
      const c3 = at(i) - at(j);
      c2 *= c3;
      if (j === i - 1) {
        for (let k = mn; k >= 1; k--) ci[k] = (c1 * (k * prev[k - 1]! - c5 * prev[k]!)) / c2;
        ci[0] = (-c1 * c5 * prev[0]!) / c2;
      }
      const cj = c[j]!;
      for (let k = mn; k >= 1; k--) cj[k] = (c4 * cj[k]! - k * cj[k - 1]!) / c3;
      cj[0] = (c4 * cj[0]!) / c3;
    }
    c1 = c2;
  }
  // transpose to [derivative][point]
  return Array.from({ length: m + 1 }, (_, k) => c.map((row) => row[k]!));
}

const cache = new Map<string, Stencil>();

/**
 * The stencil for the n-th derivative with accuracy `order`:
 * - central: offsets −m…m with m = ⌊(n+1)/2⌋ − 1 + order/2 (order even), error in h^order, h^(order+2)…
 * - forward: offsets 0…n+order−1, error in h^order, h^(order+1)…; backward: the mirror image.
 */
export function stencil(n: number, order: number, method: Method): Stencil {
  const key = `${n}/${order}/${method}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let offsets: number[];
  if (method === 'central') {
    if (order % 2 !== 0) {
      throw new InvalidOptionError('order', order, 'an even order (2, 4, 6 or 8) for central');
    }
    const m = Math.floor((n + 1) / 2) - 1 + order / 2;
    // centre first, then ±1, ±2…: Fornberg's recurrences are most accurate in this order
    offsets = [0];
    for (let i = 1; i <= m; i++) offsets.push(-i, i);
  } else {
    const sign = method === 'forward' ? 1 : -1;
    offsets = Array.from({ length: n + order }, (_, i) => (i === 0 ? 0 : sign * i));
  }
  const raw = fornbergWeights(offsets, n)[n]!;
  const largest = Math.max(...raw.map(Math.abs));
  const kept: { o: number; w: number }[] = [];
  raw.forEach((w, i) => {
    // the centre weight of an odd central derivative is exactly 0 in exact arithmetic
    if (Math.abs(w) > 1e-13 * largest) kept.push({ o: offsets[i]!, w: roundRational(w) });
  });
  kept.sort((a, b) => a.o - b.o);
  const result: Stencil = {
    offsets: kept.map((k) => k.o),
    weights: kept.map((k) => k.w),
    n,
    order,
    exponentStep: method === 'central' ? 2 : 1,
  };
  cache.set(key, result);
  return result;
}

/**
 * Stencil weights on integer offsets are rationals with small denominators (1/12, 3/2, 1/280…);
 * snapping to the nearest such rational removes the rounding the recurrence left behind.
 */
function roundRational(w: number): number {
  for (const d of [1, 2, 3, 4, 5, 6, 8, 12, 20, 24, 30, 40, 60, 120, 240, 280, 560, 840, 5040]) {
    const num = Math.round(w * d);
    if (Math.abs(num / d - w) <= 1e-12 * Math.max(1, Math.abs(w))) return num / d;
  }
  return w;
}
