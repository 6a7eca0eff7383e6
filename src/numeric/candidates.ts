/**
 * The estimates an adaptive sequence may report: the best tableau entry of each level, whether
 * that level was trusted (regime.ts), and how far later levels contradict it.
 *
 * A later estimate v ± e refutes an earlier claim w ± d when |v − w| > d + e: both cannot hold.
 * The sequence is refining, so the earlier claim gives way: its error becomes |v − w| + e (what
 * it is off by if the later one is right). Estimates that keep changing by more than they claim
 * so lose to the ones that settle.
 */
import type { TableauEntry } from './richardson.js';

export interface Candidate extends TableauEntry {
  /** whether its level was in the asymptotic regime */
  trusted: boolean;
  /** its error, raised to the largest disagreement with a later estimate */
  effective: number;
  /**
   * whether a later estimate has landed within its error, give or take the later one's rounding
   * error: overlapping error bars are not enough, since a later level still far from converged
   * has a wide bar that overlaps anything
   */
  confirmed: boolean;
}

export class Candidates {
  private readonly list: Candidate[] = [];
  /**
   * Whether a later level has refuted a trusted estimate: the error model does not hold here
   * (f noisier than its rounding model, or a regime that only looked asymptotic), so an
   * estimate is reported only once a later level has confirmed it.
   */
  doubted = false;

  /** Adds the best entry of the next level, and checks every earlier claim against it. */
  add(entry: TableauEntry, trusted: boolean): void {
    for (const c of this.list) {
      const gap = Math.abs(entry.value - c.value);
      if (gap > c.error + entry.error) {
        c.effective = Math.max(c.effective, gap + entry.error);
        if (c.trusted) this.doubted = true;
      } else if (gap <= c.error + entry.rounding) {
        c.confirmed = true;
      }
    }
    // written out, not spread: object spread is slow here, and this runs at every level
    this.list.push({
      value: entry.value,
      error: entry.error,
      truncation: entry.truncation,
      rounding: entry.rounding,
      row: entry.row,
      column: entry.column,
      trusted,
      effective: entry.error,
      confirmed: false,
    });
  }

  /**
   * The trusted estimate with the smallest error after refutation; with `confirmed`, only among
   * those a later level has confirmed.
   */
  best(confirmed = false): Candidate | undefined {
    let best: Candidate | undefined;
    for (const c of this.list) {
      if (!c.trusted || (confirmed && !c.confirmed)) continue;
      if (isSmaller(c, best)) best = c;
    }
    return best;
  }

  /**
   * What to report: the best trusted estimate (a confirmed one if the sequence is `doubted` or
   * the search ended without settling, `settled` false); without any, the estimate with the
   * smallest error of its own, whose error is then at least the spread of all the estimates (none
   * of them could be trusted, so they say no more than where the derivative might be).
   */
  result(settled: boolean): { entry: Candidate | undefined; error: number } {
    const trusted = (!settled || this.doubted ? this.best(true) : undefined) ?? this.best();
    if (trusted) return { entry: trusted, error: trusted.effective };
    // by its own error: every estimate of a sequence that never converged (a pole, a jump) is
    // refuted by the next, and the last, at the smallest step, is the furthest off
    let best: Candidate | undefined;
    for (const c of this.list) {
      if (!Number.isNaN(c.error) && (best === undefined || c.error < best.error)) best = c;
    }
    if (!best) return { entry: undefined, error: Infinity };
    let spread = 0;
    for (const c of this.list) spread = Math.max(spread, Math.abs(c.value - best.value));
    return { entry: best, error: Math.max(best.effective, spread) };
  }
}

/** Whether c has a smaller effective error than `than` (NaN errors never win; ties keep the first). */
function isSmaller(c: Candidate, than: Candidate | undefined): boolean {
  if (Number.isNaN(c.effective)) return false;
  return than === undefined || c.effective < than.effective;
}
