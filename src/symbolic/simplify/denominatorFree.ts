/** Whether an expression has no denominator at all (so as_numer_denom is [n, 1]). */
import { ordering } from '../core.js';
import type { Node } from '../node.js';
import { numSign } from '../numbers.js';
import { isNonNegative } from '../signs.js';

const free = new WeakMap<Node, boolean>();

/**
 * True when nothing in `n` reads as a denominator (no fraction, no negative or possibly
 * negative exponent, no exp of a negated argument): then as_numer_denom gives [n, 1] and
 * normal(n) is n. Memoised; the walk that calls normal visits arguments first.
 */
export function denominatorFree(n: Node): boolean {
  let r = free.get(n);
  if (r !== undefined) return r;
  switch (n.kind) {
    case 'rational':
      r = false;
      break;
    case 'pow': {
      const e = n.args[1]!;
      r = e.isNumber ? numSign(e) > 0 : !ordering.couldExtractMinusSign(e) && isNonNegative(e);
      break;
    }
    case 'fn':
      r = n.name !== 'exp' || !ordering.couldExtractMinusSign(n.args[0]!);
      break;
    default:
      r = true;
  }
  // function arguments are their own business: normal leaves log(1/x) a numerator
  if (r && n.kind !== 'fn') r = n.args.every(denominatorFree);
  free.set(n, r);
  return r;
}
