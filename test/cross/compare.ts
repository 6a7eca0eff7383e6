/**
 * Closeness of two float64 results that should be equal, with the tolerance scaled to the
 * numbers involved: |a - b| ≤ rel · max(|a|, |b|, floor). The floor (1 unless given) keeps a
 * result that is 0 up to rounding, e.g. a cancelling sum, from demanding a relative match.
 */
export function close(a: number, b: number, rel: number, floor = 1): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), floor);
}

/** Throws an assertion message naming both values and what they are, unless they are close. */
export function expectClose(what: string, got: number, want: number, rel: number, floor = 1): void {
  if (!close(got, want, rel, floor)) {
    const err = Math.abs(got - want) / Math.max(Math.abs(want), floor);
    throw new Error(`${what}: got ${got}, expected ${want} (relative difference ${err}, > ${rel})`);
  }
}

/** Element by element for vectors and matrices (flattened). */
export function expectAllClose(
  what: string,
  got: readonly number[],
  want: readonly number[],
  rel: number,
  floor = 1,
): void {
  if (got.length !== want.length) {
    throw new Error(`${what}: ${got.length} values, expected ${want.length}`);
  }
  got.forEach((g, i) => expectClose(`${what}[${i}]`, g, want[i]!, rel, floor));
}

/**
 * Equal as numbers: NaN equals NaN, and +0 equals -0 (see the `it.fails` case in
 * properties.test.ts for why the sign of zero is not compared here).
 */
export function sameNumber(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}
