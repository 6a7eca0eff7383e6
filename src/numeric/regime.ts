/**
 * The asymptotic-regime test. Richardson's error estimates assume D(h) = L + a·h^e + …, which
 * only holds once h is small enough for the Taylor series of f to describe it on the stencil. In
 * that regime the differences of successive estimates, δₖ = D(hₖ) − D(hₖ₋₁), shrink by r^e per
 * level (4 for central differences); before it (a step larger than the scale on which f varies:
 * an oscillation, a narrow bump) D(h) wanders, and two levels can agree by chance, which once let
 * a second derivative of cos(exp(exp(z²))) claim −125 ± 101 where the truth is −2.46e7.
 *
 * A level is regular when its δ shrank by at least `minRatio` (√(r^e): half the predicted rate on
 * a log scale) and at most `maxRatio` (a few times the rate of the third error term: faster is a
 * coincidence too), or when δ is down at the rounding error of the samples (the sequence has
 * converged, so no rate can be seen).
 */

/**
 * δ within this many times the rounding error of the two estimates counts as converged. The
 * rounding model (2⁻⁵¹ per sample) already allows a few ulps; this allows a few times more.
 */
const ROUNDING_SLACK = 4;

export class RegimeCheck {
  private count = 0;
  private previous = 0;
  private previousRounding = 0;
  private previousDelta = NaN;
  /** consecutive regular levels up to the last one pushed */
  run = 0;

  constructor(
    /** the least factor by which δ must shrink per level */
    private readonly minRatio: number,
    /**
     * the most: a δ that collapses far faster than the error terms allow is two estimates
     * agreeing by chance, not convergence
     */
    private readonly maxRatio: number,
  ) {}

  /** Adds the estimate at the next step and its rounding error; returns the updated `run`. */
  push(value: number, rounding: number): number {
    const k = this.count++;
    if (k > 0) {
      const delta = Math.abs(value - this.previous);
      const converged = delta <= ROUNDING_SLACK * (rounding + this.previousRounding);
      // the first δ has nothing to shrink from: only a converged one counts
      const shrank =
        k > 1 &&
        delta * this.minRatio <= this.previousDelta &&
        delta * this.maxRatio >= this.previousDelta;
      this.run = converged || shrank ? this.run + 1 : 0;
      this.previousDelta = delta;
    }
    this.previous = value;
    this.previousRounding = rounding;
    return this.run;
  }
}
