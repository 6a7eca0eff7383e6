/**
 * SymPy's `factor_terms`: pull the numeric content and the common factors out of every sum,
 * recursively, without expanding: `2*x + 2` → `2*(x + 1)`, `x**2*exp(x) + 2*x*exp(x)` →
 * `x*(x + 2)*exp(x)`, `-2*x - 2` → `-2*(x + 1)`.
 */
import type { Node } from '../node.js';
import { numNeg, numSign } from '../numbers.js';
import { asCoeffMul } from '../parts.js';
import { neg } from './build.js';
import { contentPrimitive } from './contentPrimitive.js';
import { gcdTermsOf, keepCoeffClear } from './gcdTerms.js';
import { tooDeep } from './depth.js';
import { keyedCache } from './memo.js';
import { rebuild } from './walk.js';

export interface FactorTermsOptions {
  /** Leave a rational content unsplit over a sum only if no term becomes whole (default false). */
  clear?: boolean;
  /** Bring terms over a common denominator (default false). */
  fraction?: boolean;
  /** Keep a leading -1 as a factor: `-(x + 1)` (default true); false gives `-x - 1`. */
  sign?: boolean;
}

export function factorTerms(n: Node, options: FactorTermsOptions = {}): Node {
  const clear = options.clear ?? false;
  const fraction = options.fraction ?? false;
  const sign = options.sign ?? true;
  if (tooDeep(n)) return n;
  const key = `${clear ? 1 : 0}${fraction ? 1 : 0}${sign ? 1 : 0}`;
  return factorTermsCache(key, n, () => factorTermsUncached(n, clear, fraction, sign));
}

const factorTermsCache = keyedCache();

function factorTermsUncached(n: Node, clear: boolean, fraction: boolean, sign: boolean): Node {
  const memo = new Map<Node, Node>();

  const go = (e: Node): Node => {
    const hit = memo.get(e);
    if (hit) return hit;
    const r = run(e);
    memo.set(e, r);
    return r;
  };

  const run = (e: Node): Node => {
    if (e.args.length === 0) return e;
    if (e.kind === 'pow' || e.kind === 'fn') return rebuild(e, e.args.map(go));
    let [cont, p] = contentPrimitive(e, clear);
    if (p.kind === 'add') {
      let list = p.args.map(go);
      // a common minus sign, which gcd_terms does not take out
      if (list.every((a) => numSign(asCoeffMul(a)[0]) < 0)) {
        cont = numNeg(cont);
        list = list.map(neg);
      }
      p = gcdTermsOf(list, { isPrimitive: true, clear, fraction });
    } else if (p.args.length) {
      p = rebuild(p, p.args.map(go));
    }
    return keepCoeffClear(cont, p, clear, sign);
  };

  return go(n);
}
