/** Jacobians of vector-valued functions of a vector. */
import { differentiateLine, typicalScale } from './line.js';
import { checkVector, resolveOptions } from './options.js';
import { VectorSampler } from './sampler.js';
import type { DerivativeOptions, MatrixEstimate, Vector } from './types.js';

/**
 * The Jacobian J[i][j] = ∂Fᵢ/∂xⱼ (m rows for m outputs, one column per coordinate). Each column
 * is one adaptive line through x along coordinate j, shared by all outputs; each output keeps
 * the step that suits it. F receives a fresh copy of the point of the same type as `x` and must
 * return an array (or typed array) of the same length at every call.
 *
 * @example
 * jacobian((v) => [v[0] * v[1], Math.sin(v[0])], [2, 3]);
 * // [[3, 2], [cos 2, 0]]
 * @throws OutputLengthError if F's output length changes between calls.
 */
export function jacobian<V extends Vector>(
  F: (x: V) => Vector,
  x: V,
  options?: DerivativeOptions,
): number[][] {
  return run(F, x, options, false).value;
}

/** As `jacobian`, with error estimates and steps per entry and the total count of calls. */
export function jacobianEstimate<V extends Vector>(
  F: (x: V) => Vector,
  x: V,
  options?: DerivativeOptions,
): MatrixEstimate {
  return run(F, x, options, true);
}

function run<V extends Vector>(
  F: (x: V) => Vector,
  x: V,
  options: DerivativeOptions | undefined,
  withError: boolean,
): MatrixEstimate {
  const x0 = checkVector(x);
  const opts = resolveOptions(options);
  const sampler = new VectorSampler(F, x0, Array.isArray(x), true);
  const m = sampler.at([]).length; // F(x) fixes the output length
  const value = rows(m);
  const error = rows(m);
  const step = rows(m);
  for (let j = 0; j < x0.length; j++) {
    const xj = x0[j]!;
    const r = differentiateLine(sampler.coordinate(j), xj, m, opts, typicalScale(xj), withError);
    for (let i = 0; i < m; i++) {
      value[i]!.push(r.value[i]!);
      error[i]!.push(r.error[i]!);
      step[i]!.push(r.step[i]!);
    }
  }
  return { value, error, evaluations: sampler.evaluations, step };
}

function rows(m: number): number[][] {
  return Array.from({ length: m }, () => []);
}
