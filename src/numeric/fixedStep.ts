/**
 * Differentiation with a step the caller fixed: one stencil at h, no extrapolation. For an error
 * estimate the same stencil is also applied at 2h: |D(h) − D(2h)| measures the truncation error
 * of D(2h), so bounds that of D(h), and the rounding of the samples is added.
 */
import type { Level, LineResult } from './adaptive.js';
import { NonFiniteValueError } from './errors.js';

export function fixedStep(
  level: Level,
  size: number,
  h: number,
  withError: boolean,
  x: number | readonly number[],
): LineResult {
  const value = new Float64Array(size);
  const rounding = new Float64Array(size);
  const bad = level(h, value, rounding);
  if (bad) throw new NonFiniteValueError(x, bad.point, bad.atCentre ? 0 : h, bad.value);
  const step = new Float64Array(size).fill(h);
  const error = new Float64Array(size).fill(NaN);
  if (!withError) return { value, error, step, steps: [h] };

  const coarse = new Float64Array(size);
  const coarseRounding = new Float64Array(size);
  if (level(2 * h, coarse, coarseRounding)) {
    // 2h leaves f's domain: no estimate of the truncation error is possible
    error.fill(Infinity);
    return { value, error, step, steps: [h] };
  }
  for (let c = 0; c < size; c++) error[c] = Math.abs(value[c]! - coarse[c]!) + rounding[c]!;
  return { value, error, step, steps: [2 * h, h] };
}
