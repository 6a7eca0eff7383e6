/**
 * Richardson extrapolation over steps h, h/r, h/r², … (Neville's tableau, as in Ridders' method).
 * If D(h) = L + a₁h^e₁ + a₂h^e₂ + …, column c of the tableau has the first c terms removed:
 *   T[k][c] = T[k][c−1] + (T[k][c−1] − T[k−1][c−1]) / (r^e_c − 1).
 * Each entry's error is estimated from its distance to the two lower-order entries it was built
 * from (that distance measures their error, so it bounds the entry's own), plus the rounding
 * error of the samples carried through the same linear combination.
 */
export interface TableauEntry {
  value: number;
  /** truncation estimate + rounding estimate */
  error: number;
  truncation: number;
  rounding: number;
  /** the row (0 = the largest step) */
  row: number;
  /** the column (0 = the estimate at that step, c = c terms of the error removed) */
  column: number;
}

/** r^e_c per column, per (e₁, step, r) */
const FACTORS = new Map<string, number[]>();

export class Richardson {
  private values: number[] = [];
  private roundings: number[] = [];
  /** every row so far: values[k][c] and their rounding errors */
  private readonly rowValues: number[][] = [];
  private readonly rowRoundings: number[][] = [];
  private row = -1;
  private readonly factors: number[];
  /** the entry with the smallest error so far */
  best: TableauEntry = {
    value: NaN,
    error: Infinity,
    truncation: Infinity,
    rounding: 0,
    row: -1,
    column: 0,
  };

  constructor(
    /** e₁: the accuracy order of the base estimates */
    private readonly firstExponent: number,
    /** e_{c+1} − e_c: 2 for central differences (even powers only), 1 otherwise */
    private readonly exponentStep: number,
    /** the ratio between successive steps */
    private readonly ratio: number,
  ) {
    // shared by every tableau with the same exponents: a derivative builds a few, each used briefly
    const key = `${firstExponent}/${exponentStep}/${ratio}`;
    let factors = FACTORS.get(key);
    if (factors === undefined) FACTORS.set(key, (factors = []));
    this.factors = factors;
  }

  /**
   * Adds the estimate at the next (smaller) step and its rounding error; returns the best entry
   * of the new row among columns 0…`maxColumn` (column c rests on the last c + 1 steps: a caller
   * that trusts only the last few steps limits it; every column is still computed).
   */
  push(value: number, rounding: number, maxColumn = Infinity): TableauEntry {
    const row = ++this.row;
    const prev = this.values;
    const prevR = this.roundings;
    const cur = [value];
    const curR = [rounding];
    // the best entry of this row, kept in locals: one object is built at the end
    let bestValue = value;
    let bestTruncation = row > 0 ? Math.abs(value - prev[0]!) : Infinity;
    let bestRounding = rounding;
    let bestError = bestTruncation + rounding;
    let bestColumn = 0;
    for (let c = 1; c <= row; c++) {
      const q = this.factor(c);
      const lower = cur[c - 1]!;
      const lowerPrev = prev[c - 1]!;
      const t = lower + (lower - lowerPrev) / (q - 1);
      const r = (q * curR[c - 1]! + prevR[c - 1]!) / (q - 1);
      cur.push(t);
      curR.push(r);
      const truncation = Math.max(Math.abs(t - lower), Math.abs(t - lowerPrev));
      if (c <= maxColumn && truncation + r < bestError) {
        bestValue = t;
        bestTruncation = truncation;
        bestRounding = r;
        bestError = truncation + r;
        bestColumn = c;
      }
    }
    this.values = cur;
    this.roundings = curR;
    this.rowValues.push(cur);
    this.rowRoundings.push(curR);
    const entry: TableauEntry = {
      value: bestValue,
      error: bestError,
      truncation: bestTruncation,
      rounding: bestRounding,
      row,
      column: bestColumn,
    };
    if (entry.error < this.best.error) this.best = entry;
    return entry;
  }

  /** r^e_c: the ratio by which column c's eliminated error term shrinks from row to row. */
  private factor(c: number): number {
    let q = this.factors[c];
    if (q === undefined) {
      q = this.ratio ** (this.firstExponent + (c - 1) * this.exponentStep);
      this.factors[c] = q;
    }
    return q;
  }

  /**
   * How much more the tableau fluctuates than its rounding model says, from the rows after
   * `row`: the median over entries T[k][c] with k > row and c ≥ `column` of
   *   |T[k][c] − T[k−1][c]| / (rounding of T[k][c] + rounding of T[k−1][c]).
   * Past the best entry, truncation in these columns is smaller still (the steps are smaller), so
   * what moves them is the noise of f; for f accurate to a few ulps the ratio is below 1, for a
   * deeply nested f (cos of a large argument) it can reach hundreds. `undefined` without such
   * entries.
   */
  fluctuation(row: number, column: number): number | undefined {
    const ratios: number[] = [];
    for (let k = row + 1; k < this.rowValues.length; k++) {
      const cur = this.rowValues[k]!;
      const prev = this.rowValues[k - 1]!;
      const curR = this.rowRoundings[k]!;
      const prevR = this.rowRoundings[k - 1]!;
      for (let c = column; c < prev.length; c++) {
        const scale = curR[c]! + prevR[c]!;
        if (scale > 0) ratios.push(Math.abs(cur[c]! - prev[c]!) / scale);
      }
    }
    if (ratios.length === 0) return undefined;
    ratios.sort((a, b) => a - b);
    return ratios[ratios.length >> 1];
  }

  get rows(): number {
    return this.row + 1;
  }
}
