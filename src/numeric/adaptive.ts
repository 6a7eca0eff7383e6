/**
 * Adaptive differentiation: an estimate at steps h₀, h₀/2, h₀/4, …, Richardson extrapolation of
 * the sequence, and for each output the tableau entry with the smallest estimated error
 * (truncation + rounding) among those it can trust: entries of levels where the sequence shows
 * the convergence the error model assumes (regime.ts), and whose claim no later level refutes
 * (candidates.ts). It stops once rounding has overtaken truncation, or when the estimates have
 * stopped improving.
 */
import { Candidates } from './candidates.js';
import { STEP_RATIO } from './constants.js';
import { NonFiniteValueError } from './errors.js';
import { RegimeCheck } from './regime.js';
import { Richardson } from './richardson.js';

/** Levels with finite samples, once every output has an estimate a later level confirmed… */
const MAX_LEVELS = 14;
/**
 * …and at most, while one has none: f varies on a scale much finer than the first step (an
 * oscillation, a narrow bump), and the steps must shrink by up to 2²³ before they resolve it.
 */
const MAX_LEVELS_UNSETTLED = 24;
/** Consecutive regular levels (regime.ts) before the estimates of a level are trusted. */
const TRUSTED_RUN = 2;
/**
 * `Richardson.fluctuation` for f accurate to about half an ulp: the rounding model (2⁻⁵¹ per
 * sample, errors added in absolute value) is this much larger than what the tableau shows.
 * Measured on the smooth suite: 0.01 to 0.2, median 0.05; 0.6 for log(log(x)), whose f is off by
 * a few ulps.
 */
const ACCURATE_FLUCTUATION = 0.05;
/** Levels skipped because f was not finite there (outside its domain) before giving up. */
const MAX_SKIPPED = 40;
/** Levels before any stopping rule applies. */
const MIN_LEVELS = 3;
/** A row whose best error exceeds the best so far by this factor counts as getting worse… */
const WORSE_FACTOR = 2;
/** …and this many such rows in a row end the search… */
const PATIENCE = 2;
/**
 * …once the best estimate has this relative accuracy. Before that the steps may still be too large
 * for the Taylor series to describe f (errors then grow for a few levels before they fall).
 */
const CONVERGED = 1e-7;

/**
 * The first step: about `BASE_STEP[n] · scale`, rounded to a power of two. Larger for higher
 * derivatives, whose rounding error grows like ε/hⁿ.
 */
const BASE_STEP: Readonly<Record<number, number>> = { 1: 1 / 8, 2: 1 / 4, 3: 1 / 2, 4: 1 / 2 };

/** The initial step for the n-th derivative at a point of typical size `scale`: a power of two. */
export function initialStep(n: number, scale: number): number {
  return 2 ** Math.round(Math.log2((BASE_STEP[n] ?? 0.5) * scale));
}

/** A sample that was NaN or ±Infinity. */
export interface BadSample {
  /** the input of f there */
  point: number | number[];
  value: number;
  /** whether it is f at the point of differentiation itself */
  atCentre: boolean;
}

/**
 * Fills `base` with the finite-difference estimate of every output at step h, and `rounding`
 * with its rounding error; or returns the first non-finite sample.
 */
export type Level = (
  h: number,
  base: Float64Array,
  rounding: Float64Array,
) => BadSample | undefined;

export interface LineResult {
  value: Float64Array;
  error: Float64Array;
  /** per output, the smallest step that entered its value */
  step: Float64Array;
  /** the steps of all levels used, largest first */
  steps: number[];
}

/**
 * A second sequence from the same samples plus f(x), watched only for its regime: for central
 * stencils of odd order, which skip f(x) and so cannot see a bump narrower than the step around
 * x (every sample 0, every estimate exactly 0).
 */
export interface Companion {
  level: Level;
  /** the leading power of h in its error, which sets the rate its differences must shrink at */
  exponent: number;
}

/**
 * The regime test for an error c₁h^e + c₂h^(e+s) + …: δ shrinks by r^e per level, by up to
 * r^(e+2s) if c₁ and c₂ happen to vanish; half that rate on a log scale at least, and at most 4
 * times faster.
 */
function regimeCheck(e: number, s: number): RegimeCheck {
  return new RegimeCheck(Math.sqrt(STEP_RATIO ** e), 4 * STEP_RATIO ** (e + 2 * s));
}

/**
 * Runs `level` at steps firstStep·2⁻ᵏ and extrapolates each of the `size` outputs, assuming the
 * error of a level is c₁h^e + c₂h^(e+s) + … with e = `firstExponent`, s = `exponentStep`.
 * `x` describes the point of differentiation in errors.
 */
export function adaptiveSequence(
  level: Level,
  size: number,
  firstStep: number,
  firstExponent: number,
  exponentStep: number,
  x: number | readonly number[],
  companion?: Companion,
): LineResult {
  const outputs = Array.from({ length: size }, () => ({
    tableau: new Richardson(firstExponent, exponentStep, STEP_RATIO),
    regime: regimeCheck(firstExponent, exponentStep),
    companion: companion && regimeCheck(companion.exponent, exponentStep),
    candidates: new Candidates(),
    worseRows: 0,
    stale: 0,
    done: false,
  }));
  const steps: number[] = [];
  const base = new Float64Array(size);
  const rounding = new Float64Array(size);
  const side = new Float64Array(size);
  const sideRounding = new Float64Array(size);
  // dropped (for every output) if f(x) is not finite: a central first derivative does not need it
  let sideLevel = companion?.level;
  let h = firstStep;
  let skipped = 0;
  let firstBad: (BadSample & { step: number }) | undefined;

  while (steps.length < MAX_LEVELS_UNSETTLED) {
    const bad = level(h, base, rounding);
    if (bad !== undefined) {
      // f(x) itself is not finite and the stencil needs it: no step can help
      if (bad.atCentre) throw new NonFiniteValueError(x, bad.point, 0, bad.value);
      firstBad ??= { ...bad, step: h };
      // before any good level: the step reached outside f's domain, so shrink it;
      // after one: f is erratic at small steps, so keep what we have
      if (steps.length > 0) break;
      if (++skipped > MAX_SKIPPED) {
        throw new NonFiniteValueError(x, firstBad.point, firstBad.step, firstBad.value, h);
      }
      h /= STEP_RATIO;
      continue;
    }
    // the companion's only new sample is f(x), and the main level has just sampled the rest
    if (sideLevel?.(h, side, sideRounding)) {
      sideLevel = undefined;
      for (const o of outputs) o.companion = undefined;
    }
    steps.push(h);
    let allDone = true;
    let allSettled = true;
    for (let c = 0; c < size; c++) {
      const o = outputs[c]!;
      if (o.done) continue;
      let run = o.regime.push(base[c]!, rounding[c]!);
      // the companion only has to show that f(x) fits the samples around it: one regular level
      // suffices (a bump narrower than the step makes it grow like 1/hⁿ, never regular)
      if (o.companion) run = Math.min(run, o.companion.push(side[c]!, sideRounding[c]!) + 1);
      // column j rests on the last j + 1 levels, which `run` regular levels vouch for
      const rowBest = o.tableau.push(base[c]!, rounding[c]!, run + 1);
      o.candidates.add(rowBest, run >= TRUSTED_RUN);
      const best = o.candidates.best();
      if (!best) {
        allDone = allSettled = false;
        continue;
      }
      // refuted estimates lose (their error is raised), so one with its own error is credible
      const credible = best.effective === best.error;
      // levels since one claimed a smaller error than the best (trusted or not: a level not yet
      // trusted that claims less shows the steps are still paying off)
      o.stale = rowBest.error < best.effective || best.row === rowBest.row ? 0 : o.stale + 1;
      // the level cap needs a credible estimate that a later level has confirmed, and that the
      // last two levels did not improve on
      if (!credible || !best.confirmed || o.stale < 2) allSettled = false;
      const converged = best.effective <= CONVERGED * Math.abs(best.value);
      o.worseRows =
        converged && rowBest.error > WORSE_FACTOR * best.effective ? o.worseRows + 1 : 0;
      // rounding has overtaken truncation; once the error model has failed here (a refutation),
      // only a confirmed estimate counts, since its truncation estimate may be noise that happens
      // to be small
      const atFloor = best.truncation <= best.rounding && (best.confirmed || !o.candidates.doubted);
      if (steps.length >= MIN_LEVELS && credible && (atFloor || o.worseRows >= PATIENCE)) {
        o.done = true;
      } else {
        allDone = false;
      }
    }
    if (allDone || (allSettled && steps.length >= MAX_LEVELS)) break;
    h /= STEP_RATIO;
  }

  const value = new Float64Array(size);
  const error = new Float64Array(size);
  const step = new Float64Array(size);
  for (let c = 0; c < size; c++) {
    const o = outputs[c]!;
    const { entry, error: e } = o.candidates.result(o.done);
    value[c] = entry?.value ?? NaN;
    error[c] = e;
    if (entry) {
      // f noisier than the rounding model: scale the rounding part by the measured excess
      const noise = (o.tableau.fluctuation(entry.row, entry.column) ?? 0) / ACCURATE_FLUCTUATION;
      if (noise > 1) error[c] = Math.max(e, entry.truncation + noise * entry.rounding);
    }
    step[c] = entry ? steps[entry.row]! : NaN;
  }
  return { value, error, step, steps };
}
