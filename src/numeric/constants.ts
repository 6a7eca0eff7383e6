/** Tuning constants shared by the engines (measured on the accuracy suite in test/numeric). */

/** Successive steps shrink by this ratio; a power of two keeps x + k·h exact and lets levels share points. */
export const STEP_RATIO = 2;

/** Relative rounding error assumed for each sample of f (a few ulps: 2⁻⁵¹ = 2ε/2). */
export const SAMPLE_ROUNDING = 2 ** -51;
