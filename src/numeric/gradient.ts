/** Gradients of scalar functions of a vector, one adaptive derivative per coordinate. */
import { differentiateLine, typicalScale } from './line.js';
import { checkVector, resolveOptions } from './options.js';
import { VectorSampler } from './sampler.js';
import type { DerivativeOptions, Vector, VectorEstimate } from './types.js';

/**
 * ∇f(x): ∂f/∂xᵢ for each coordinate, each with its own adaptive step (scaled by max(|xᵢ|, 1)).
 * f receives a fresh copy of the point, of the same type as `x` (array or Float64Array).
 * Options are those of `derivative` (`n: 2` gives the Hessian's diagonal).
 *
 * @example
 * gradient((v) => (v[0] ** 2 + 2 * v[0]) * Math.log(v[1]), [1, 2]);
 * // [2.772588722239781, 1.5] (to ~1e-15)
 */
export function gradient<V extends Vector>(
  f: (x: V) => number,
  x: V,
  options?: DerivativeOptions,
): number[] {
  return run(f, x, options, false).value;
}

/** As `gradient`, with per-coordinate error estimates and steps and the total count of calls. */
export function gradientEstimate<V extends Vector>(
  f: (x: V) => number,
  x: V,
  options?: DerivativeOptions,
): VectorEstimate {
  return run(f, x, options, true);
}

function run<V extends Vector>(
  f: (x: V) => number,
  x: V,
  options: DerivativeOptions | undefined,
  withError: boolean,
): VectorEstimate {
  const x0 = checkVector(x);
  const opts = resolveOptions(options);
  const sampler = new VectorSampler(f, x0, Array.isArray(x), false);
  const value: number[] = [];
  const error: number[] = [];
  const step: number[] = [];
  for (let i = 0; i < x0.length; i++) {
    const xi = x0[i]!;
    const r = differentiateLine(sampler.coordinate(i), xi, 1, opts, typicalScale(xi), withError);
    value.push(r.value[0]!);
    error.push(r.error[0]!);
    step.push(r.step[0]!);
  }
  return { value, error, evaluations: sampler.evaluations, step };
}
