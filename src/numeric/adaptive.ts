/**
 * Adaptive differentiation: an estimate at steps h₀, h₀/2, h₀/4, …, Richardson extrapolation of
 * the sequence, and for each output the tableau entry with the smallest estimated error
 * (truncation + rounding). It stops once rounding has overtaken truncation, or when the
 * estimates have stopped improving.
 */
import { STEP_RATIO } from './constants.js';
import { NonFiniteValueError } from './errors.js';
import { Richardson } from './richardson.js';

/** At most this many levels with finite samples. */
const MAX_LEVELS = 14;
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
): LineResult {
  const tableaux = Array.from(
    { length: size },
    () => new Richardson(firstExponent, exponentStep, STEP_RATIO),
  );
  const done = new Uint8Array(size);
  const worseRows = new Uint8Array(size);
  const steps: number[] = [];
  const base = new Float64Array(size);
  const rounding = new Float64Array(size);
  let h = firstStep;
  let skipped = 0;
  let firstBad: (BadSample & { step: number }) | undefined;

  while (steps.length < MAX_LEVELS) {
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
    steps.push(h);
    let allDone = true;
    for (let c = 0; c < size; c++) {
      if (done[c]) continue;
      const t = tableaux[c]!;
      const rowBest = t.push(base[c]!, rounding[c]!);
      const best = t.best;
      const converged = best.error <= CONVERGED * Math.abs(best.value);
      worseRows[c] = converged && rowBest.error > WORSE_FACTOR * best.error ? worseRows[c]! + 1 : 0;
      if (
        steps.length >= MIN_LEVELS &&
        (best.truncation <= best.rounding || worseRows[c]! >= PATIENCE)
      ) {
        done[c] = 1;
      } else {
        allDone = false;
      }
    }
    if (allDone) break;
    h /= STEP_RATIO;
  }

  const value = new Float64Array(size);
  const error = new Float64Array(size);
  const step = new Float64Array(size);
  for (let c = 0; c < size; c++) {
    const best = tableaux[c]!.best;
    value[c] = best.value;
    error[c] = best.error;
    step[c] = steps[best.row] ?? NaN;
  }
  return { value, error, step, steps };
}
