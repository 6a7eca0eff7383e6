/**
 * The seed notebook's `numer_deriv(f, x, h=0.001, method="center")`, kept as the teaching version:
 * one fixed step, no extrapolation, no error estimate. Use `derivative` / `gradient` for real work:
 * they reach ~1e-15 where this stops at ~1e-7 (central) or ~1e-3 (forward).
 *
 * - `'forward'`: (f(x + h) − f(x)) / h, error ≈ f″(x)·h/2.
 * - `'center'`: (f(x + h/2) − f(x − h/2)) / h, error ≈ f‴(x)·h²/24. Note the notebook's
 *   convention: the two samples are h apart (h/2 each side), not 2h as in most textbooks.
 * - A vector x gives the gradient, one coordinate at a time.
 *
 * The notebook's vector case prints [2.77255299, 1.49889143] for ∇[(x² + 2x)·log y] at (1, 2),
 * off in the 4th digit from the exact [2.772588722239781, 1.5], because of two bugs this version
 * does not repeat:
 * 1. `x_ = x.copy().astype('float32')`: the point is rounded to float32, so x ± h/2 is off by up to
 *    6e-8 and NumPy then computes `log` of the float32 coordinate in float32 (relative error
 *    ~6e-8, which the division by h = 0.001 amplifies to ~1e-4). Here every value is a float64.
 * 2. A probed coordinate is never put back: after the x-derivative, x stays at 1 − h/2 = 0.9995,
 *    so the y-derivative is taken at (0.9995, 2) instead of (1, 2). Here each coordinate is
 *    restored before the next one is probed, which gives [2.7725887222396217, 1.5000000312501705].
 */
import { InvalidOptionError, NonFiniteValueError, NotANumberError } from './errors.js';
import { checkPoint, checkVector } from './options.js';
import type { Vector } from './types.js';

/** The two methods of the notebook's `numer_deriv`. */
export type SeedMethod = 'center' | 'forward';

/**
 * The seed's numerical derivative: a number x gives f′(x), a vector x gives ∇f(x).
 *
 * @example
 * const f = (x: number) => (x ** 2 + 2 * x) * Math.log(x);
 * numerDeriv(f, 1); // 2.999999999999666, as the notebook prints
 * numerDeriv(f, 1, 0.5, 'forward'); // 4.257383635135726
 * numerDeriv((v) => (v[0] ** 2 + 2 * v[0]) * Math.log(v[1]), [1, 2]); // [2.7725887222396217, 1.5000000312501705]
 */
export function numerDeriv(
  f: (x: number) => number,
  x: number,
  h?: number,
  method?: SeedMethod,
): number;
export function numerDeriv<V extends Vector>(
  f: (x: V) => number,
  x: V,
  h?: number,
  method?: SeedMethod,
): number[];
export function numerDeriv(
  f: ((x: number) => number) | ((x: Vector) => number),
  x: number | Vector,
  h = 0.001,
  method: SeedMethod = 'center',
): number | number[] {
  if (typeof h !== 'number' || !Number.isFinite(h) || h <= 0) {
    throw new InvalidOptionError('h', h, 'a finite step > 0');
  }
  if (method !== 'center' && method !== 'forward') {
    throw new InvalidOptionError('method', method, "'center' or 'forward' (the notebook's names)");
  }
  // the forward difference samples x + h and x; the central one x ± h/2
  const [up, down] = method === 'forward' ? [h, 0] : [h / 2, -h / 2];
  if (typeof x === 'number') {
    const x0 = checkPoint(x);
    const g = f as (x: number) => number;
    const at = (s: number): number => checked(g(s), s, x0, h);
    return (at(x0 + up) - at(x0 + down)) / h;
  }
  const x0 = checkVector(x);
  const g = f as (x: Vector) => number;
  const asArray = Array.isArray(x);
  const grad: number[] = [];
  for (let i = 0; i < x0.length; i++) {
    const at = (s: number): number => {
      // a fresh copy with only coordinate i moved: the base point is never modified (bug 2)
      const p = x0.slice();
      p[i] = s;
      return checked(g(asArray ? Array.from(p) : p), Array.from(p), Array.from(x0), h);
    };
    grad.push((at(x0[i]! + up) - at(x0[i]! + down)) / h);
  }
  return grad;
}

function checked(y: unknown, point: number | number[], x: number | number[], h: number): number {
  if (typeof y !== 'number') throw new NotANumberError(y, point);
  if (!Number.isFinite(y)) throw new NonFiniteValueError(x, point, h, y);
  return y;
}
