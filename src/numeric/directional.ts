/** Directional derivatives: d/ds f(x + s·v) at s = 0, one adaptive line. */
import { LengthMismatchError } from './errors.js';
import { differentiateLine } from './line.js';
import { checkVector, resolveOptions } from './options.js';
import { DirectionSampler } from './sampler.js';
import type { DerivativeOptions, Estimate, Vector } from './types.js';

/**
 * The derivative of f along v at x (v is not normalised: the result is ∇f(x)·v). One line,
 * so it costs as much as a single `derivative`, whatever the dimension. The first step moves x
 * by about max(‖x‖∞, 1)/8 in the direction's largest coordinate; `step` is reported in units of s.
 *
 * @example
 * directionalDerivative((p) => p[0] * p[1], [2, 3], [1, 1]); // 5
 */
export function directionalDerivative<V extends Vector>(
  f: (x: V) => number,
  x: V,
  v: Vector,
  options?: DerivativeOptions,
): number {
  return run(f, x, v, options, false).value;
}

/** As `directionalDerivative`, with the error estimate, the count of calls and the step in s. */
export function directionalDerivativeEstimate<V extends Vector>(
  f: (x: V) => number,
  x: V,
  v: Vector,
  options?: DerivativeOptions,
): Estimate {
  return run(f, x, v, options, true);
}

function run<V extends Vector>(
  f: (x: V) => number,
  x: V,
  v: Vector,
  options: DerivativeOptions | undefined,
  withError: boolean,
): Estimate {
  const x0 = checkVector(x);
  const dir = checkVector(v);
  if (dir.length !== x0.length) throw new LengthMismatchError('direction v', x0.length, dir.length);
  const opts = resolveOptions(options);
  const vMax = maxAbs(dir);
  // the derivative along the zero vector is 0, whatever f is
  if (vMax === 0) return { value: 0, error: 0, evaluations: 0, step: 0 };
  // differentiate along u = v/‖v‖∞ (so steps neither overflow nor vanish for huge or tiny v),
  // then d/ds f(x + s·v) = ‖v‖ⁿ · dⁿ/dtⁿ f(x + t·u)
  const unit = dir.map((t) => t / vMax);
  const sampler = new DirectionSampler(f, x0, unit, Array.isArray(x));
  const r = differentiateLine(sampler, 0, 1, opts, Math.max(maxAbs(x0), 1), withError);
  const factor = vMax ** opts.n;
  return {
    value: r.value[0]! * factor,
    error: r.error[0]! * factor,
    evaluations: sampler.evaluations,
    step: r.step[0]! / vMax,
  };
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}
