/**
 * The kink check of a central first derivative. A symmetric difference cannot see a kink:
 * for |x| at 0, (f(h) − f(−h))/2h is exactly 0 at every step, and the extrapolation agrees with
 * itself. The one-sided derivatives do differ, and their half-difference is
 *   S(h) = (f(x+h) − 2f(x) + f(x−h)) / 2h  →  (f′(x⁺) − f′(x⁻)) / 2   as h → 0,
 * which is 0 for a differentiable f (S(h) = f″(x)h/2 + O(h³)). S is extrapolated to h = 0 from
 * the samples already taken (one more call, for f(x)); whatever part of |S(0)| exceeds its own
 * error estimate is a jump the central value cannot resolve, and is added to the reported error.
 */
import { SAMPLE_ROUNDING } from './constants.js';
import { Richardson } from './richardson.js';
import type { LineSampler } from './sampler.js';

/** Per output: how much the one-sided derivatives at x provably differ by, halved; 0 if smooth. */
export function checkKink(
  sampler: LineSampler,
  x: number,
  steps: readonly number[],
  size: number,
): Float64Array | undefined {
  if (steps.length === 0) return undefined;
  const centre = sampler.at(x);
  const out = new Float64Array(size);
  for (let c = 0; c < size; c++) {
    const f0 = centre[c]!;
    // without a finite f(x) the kink cannot be measured; the main estimate stands alone
    if (!Number.isFinite(f0)) continue;
    // on one side of a kink f is smooth but not even/odd in h: all powers of h appear
    const t = new Richardson(1, 1, steps.length > 1 ? steps[0]! / steps[1]! : 2);
    for (const h of steps) {
      const up = sampler.at(x + h)[c]!;
      const down = sampler.at(x - h)[c]!;
      const s = (up - 2 * f0 + down) / (2 * h);
      const rounding =
        ((Math.abs(up) + 2 * Math.abs(f0) + Math.abs(down)) * SAMPLE_ROUNDING) / (2 * h);
      t.push(s, rounding);
    }
    const best = t.best;
    // a single level gives no error estimate: fall back to the raw one-sided spread
    const excess = Number.isFinite(best.error)
      ? Math.abs(best.value) - best.error
      : Math.abs(best.value) - best.rounding;
    out[c] = Math.max(0, excess);
  }
  return out;
}
