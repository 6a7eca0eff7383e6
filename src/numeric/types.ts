/** Public types of mibun/numeric. */

/** Which side of x the samples lie on: both (`central`), above (`forward`), below (`backward`). */
export type Method = 'central' | 'forward' | 'backward';

/** A point in several dimensions: plain arrays and Float64Arrays are both accepted. */
export type Vector = readonly number[] | Float64Array;

export interface DerivativeOptions {
  /** `'central'` (default), `'forward'` or `'backward'`. */
  method?: Method;
  /**
   * Accuracy order of the finite-difference stencil: the truncation error is O(h^order).
   * Central: 2 (default), 4, 6, 8. Forward/backward: 1 to 8 (default 2). In adaptive mode this is
   * the stencil applied at each step; Richardson extrapolation then raises the order further.
   */
  order?: number;
  /**
   * A fixed step. Without it (the default) the step is chosen adaptively: a geometric sequence
   * of steps, Richardson extrapolation, and the estimate with the smallest error estimate.
   * Must be finite and > 0. The step is absolute (not scaled by |x|).
   */
  h?: number;
  /** Which derivative: 1 (default), 2, 3 or 4. */
  n?: number;
  /**
   * Adaptive mode only: the first (largest) step of the sequence, in absolute units. The default,
   * about max(|x|, 1)/8 for n = 1, assumes f varies on the scale of |x|; for functions that vary
   * much faster (sin(1000x)) the search shrinks its steps until they resolve f, and setting this
   * below the scale of f saves those levels. Must be finite and > 0.
   */
  initialStep?: number;
}

/** A derivative with an honest estimate of its absolute error. */
export interface Estimate {
  /** the derivative */
  value: number;
  /**
   * estimated absolute error of `value`: truncation (from the spread of successive Richardson
   * extrapolants) plus rounding (from the sampled values), plus half the jump between one-sided
   * derivatives when the function has a kink at x. `Infinity` when nothing better is known.
   */
  error: number;
  /** how many times f was called */
  evaluations: number;
  /** the smallest step whose samples entered `value` */
  step: number;
}

/** A vector of derivatives (gradient, directional derivatives) with errors per component. */
export interface VectorEstimate {
  value: number[];
  error: number[];
  evaluations: number;
  step: number[];
}

/** A matrix of derivatives (Jacobian, Hessian), row-major `value[i][j]`. */
export interface MatrixEstimate {
  value: number[][];
  error: number[][];
  evaluations: number;
  step: number[][];
}
