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
}

export class Richardson {
  private values: number[] = [];
  private roundings: number[] = [];
  private row = -1;
  private readonly factors: number[] = [];
  /** the entry with the smallest error so far */
  best: TableauEntry = { value: NaN, error: Infinity, truncation: Infinity, rounding: 0, row: -1 };

  constructor(
    /** e₁: the accuracy order of the base estimates */
    private readonly firstExponent: number,
    /** e_{c+1} − e_c: 2 for central differences (even powers only), 1 otherwise */
    private readonly exponentStep: number,
    /** the ratio between successive steps */
    private readonly ratio: number,
  ) {}

  /**
   * Adds the estimate at the next (smaller) step and its rounding error; returns the best entry
   * of the new row.
   */
  push(value: number, rounding: number): TableauEntry {
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
    for (let c = 1; c <= row; c++) {
      const q = this.factor(c);
      const lower = cur[c - 1]!;
      const lowerPrev = prev[c - 1]!;
      const t = lower + (lower - lowerPrev) / (q - 1);
      const r = (q * curR[c - 1]! + prevR[c - 1]!) / (q - 1);
      cur.push(t);
      curR.push(r);
      const truncation = Math.max(Math.abs(t - lower), Math.abs(t - lowerPrev));
      if (truncation + r < bestError) {
        bestValue = t;
        bestTruncation = truncation;
        bestRounding = r;
        bestError = truncation + r;
      }
    }
    this.values = cur;
    this.roundings = curR;
    const entry: TableauEntry = {
      value: bestValue,
      error: bestError,
      truncation: bestTruncation,
      rounding: bestRounding,
      row,
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

  get rows(): number {
    return this.row + 1;
  }
}
