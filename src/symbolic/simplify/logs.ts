/**
 * Logarithm rewrites, valid for real symbols:
 *
 * - `expandLog` (SymPy's expand_log): `log(x**(1/2))` → `log(x)/2`, `log(2*x)` →
 *   `log(2) + log(x)`, `log(8)` → `3*log(2)`, `log(2/3)` → `log(2) - log(3)`; `log(x*y)` and
 *   `log(x**2)` stay, since x and y may be negative.
 * - `logcombine` (SymPy's logcombine without `force`): logs of positive arguments are merged,
 *   `log(2) + log(3)` → `log(6)`, `2*log(x**2 + 1)` → `log((x**2 + 1)**2)`,
 *   `log(2) - 2*log(3)` → `log(2/9)`; `log(x) + log(y)` stays.
 */
import { makeFn, NEG_ONE, ONE } from '../node.js';
import type { Node } from '../node.js';
import { numNeg, numSign } from '../numbers.js';
import { compareKeys } from '../order.js';
import { ordering } from '../core.js';
import { addArgs } from '../parts.js';
import { isExtendedReal, isPositive } from '../signs.js';
import { add, div, mul, pow } from './build.js';
import { countOps } from './countOps.js';
import { expand } from './expand.js';
import { tooDeep } from './depth.js';
import { bottomUp } from './walk.js';

export function expandLog(n: Node): Node {
  return expand(n, {
    log: true,
    mul: false,
    multinomial: false,
    powerBase: false,
    powerExp: false,
  });
}

const isLog = (n: Node): boolean => n.kind === 'fn' && n.name === 'log';
const goodLog = (l: Node): boolean => isPositive(l.args[0]!);
/** Can the number in front of log(x) move inside as an exponent? */
const goodCoeff = (a: Node): boolean => a !== NEG_ONE && isExtendedReal(a);

/** log(a) left unevaluated, as SymPy's `log(a, evaluate=False)`. */
const rawLog = (a: Node): Node => makeFn('log', [a]);

function combineNode(rv: Node): Node {
  if (rv.kind !== 'add' && rv.kind !== 'mul') return rv;
  const other: Node[] = [];
  // logs grouped by the factors that stay outside (a product, as a key node)
  const log1 = new Map<Node, { co: Node[]; l: Node }[]>();
  const put = (k: Node, co: Node[], l: Node): void => {
    const list = log1.get(k);
    if (list) list.push({ co, l });
    else log1.set(k, [{ co, l }]);
  };
  for (const a of addArgs(rv)) {
    if (isLog(a) && goodLog(a)) put(ONE, [], a);
    else if (a.kind !== 'mul') other.push(a);
    else {
      const ot: Node[] = [];
      const co: Node[] = [];
      const lo: Node[] = [];
      for (const ai of a.args) {
        if (ai.isRational && numSign(ai) < 0) {
          ot.push(NEG_ONE);
          co.push(numNeg(ai));
        } else if (isLog(ai) && goodLog(ai)) lo.push(ai);
        else if (goodCoeff(ai)) co.push(ai);
        else ot.push(ai);
      }
      // a product of several logs is left alone (SymPy nests them; rarely shorter)
      if (lo.length === 1) put(mul(ot), co, lo[0]!);
      else other.push(a);
    }
  }
  if (other.length === 1 && isLog(other[0]!) && log1.size) put(ONE, [], other.pop()!);
  if (log1.size === 0) return rv;
  // logs with the same outside factor multiply: c*log(a) + c*log(b)**… → c*log(a*b)
  const merged = new Map<Node, Node>();
  for (const [k, list] of log1)
    merged.set(k, rawLog(logcombine(mul(list.map(({ co, l }) => pow(l.args[0]!, mul(co)))))));
  // opposite outside factors divide: log(a) - log(b) → log(a/b)
  const keys = [...merged.keys()].sort((a, b) =>
    compareKeys(ordering.sortKey(a), ordering.sortKey(b)),
  );
  for (const k of keys) {
    if (!merged.has(k)) continue;
    const nk = mul([NEG_ONE, k]);
    if (merged.has(nk) && nk !== k) {
      let [num, den] = [k, nk];
      if (countOps(num) > countOps(den)) [num, den] = [den, num];
      const q = div(merged.get(num)!.args[0]!, merged.get(den)!.args[0]!);
      merged.delete(num);
      merged.delete(den);
      other.push(mul([num, rawLog(q)]));
    } else {
      other.push(mul([k, merged.get(k)!]));
      merged.delete(k);
    }
  }
  return add(other);
}

export function logcombine(n: Node): Node {
  if (tooDeep(n)) return n;
  return bottomUp(n, combineNode);
}
