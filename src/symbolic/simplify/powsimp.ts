/**
 * SymPy's `powsimp`: combine powers in products. `combine: 'exp'` adds exponents of one base
 * (`x**a*x**b` → `x**(a + b)`, `exp(x)*exp(y)` → `exp(x + y)`, `2**x/4` → `2**(x - 2)`);
 * `combine: 'base'` multiplies bases under one exponent where that is valid for real symbols
 * (`2**x*y**x` → `(2*y)**x`; `sqrt(x)*sqrt(y)` stays, x and y may be negative); `'all'` does
 * both.
 */
import { makeInteger, NEG_ONE, ONE, ZERO } from '../node.js';
import type { Node } from '../node.js';
import { numMul, numPowInt } from '../numbers.js';
import { addArgs, asBaseExp, asCoeffMulRational } from '../parts.js';
import { isNegative, isNonNegative, isPositive } from '../signs.js';
import { add, coeffIsNeg, mul, neg, pow } from './build.js';
import { expandMulNode } from './expand.js';
import { factorTerms } from './factorTerms.js';
import { asNumerDenom } from './fraction.js';
import { tooDeep } from './depth.js';
import { keyedCache } from './memo.js';
import { rebuild } from './walk.js';

export type PowsimpCombine = 'all' | 'exp' | 'base';

export interface PowsimpOptions {
  /** Also inside function arguments and bases/exponents (default false). */
  deep?: boolean;
  combine?: PowsimpCombine;
}

export function powsimp(n: Node, options: PowsimpOptions = {}): Node {
  const deep = options.deep ?? false;
  const combine = options.combine ?? 'all';
  if (tooDeep(n)) return n;
  return powsimpCache(`${deep ? 1 : 0}${combine}`, n, () => powsimpUncached(n, deep, combine));
}

const powsimpCache = keyedCache();

function powsimpUncached(n: Node, deep: boolean, combine: PowsimpCombine): Node {
  const memo = new Map<string, Node>();
  const go = (e: Node, how: PowsimpCombine, d: boolean): Node => {
    if (e.args.length === 0) return e;
    const key = `${e.id}:${how}:${d ? 1 : 0}`;
    let r = memo.get(key);
    if (r === undefined) {
      r = run(e, how, d);
      memo.set(key, r);
    }
    return r;
  };
  const run = (e: Node, how: PowsimpCombine, d: boolean): Node => {
    if (d || e.kind === 'add' || e.kind === 'mul')
      e = rebuild(
        e,
        e.args.map((a) => go(a, how, d)),
      );
    if (e.kind !== 'mul' && e.kind !== 'pow') return e;
    const factors = e.kind === 'mul' ? e.args : [e];
    const recurse = (x: Node): Node => go(x, how, d);
    if (how === 'base') return combineBases(factors, d ? recurse : undefined, e);
    const combined = combineExponents(factors, d ? recurse : undefined, e);
    if (how === 'exp' || (combined.kind !== 'mul' && combined.kind !== 'pow')) return combined;
    const parts = combined.kind === 'mul' ? combined.args : [combined];
    return combineBases(parts, d ? recurse : undefined, combined);
  };
  return go(n, combine, deep);
}

/** How many times the prime p divides the rational r (negative for the denominator). */
function multiplicity(p: bigint, r: Node): number {
  let k = 0;
  let a = r.p < 0n ? -r.p : r.p;
  let b = r.q;
  if (b % p === 0n) {
    while (b % p === 0n) {
      b /= p;
      k--;
    }
    return k;
  }
  while (a !== 0n && a % p === 0n) {
    a /= p;
    k++;
  }
  return k;
}

/**
 * Whether combineExponents would rebuild the product unchanged: at most one number, bases all
 * different, none of the special bases (a power, an integer, a rational base, two sums or a
 * product that could be a negated base). Most products of a polynomial take this path.
 */
function nothingToCombine(factors: readonly Node[]): boolean {
  const seen = new Set<Node>();
  let numbers = 0;
  let sums = 0;
  for (const term of factors) {
    if (term.isNumber) {
      if (++numbers > 1) return false;
      continue;
    }
    if (term.kind === 'pow' && term.args[0]!.isNumber) return false;
    const [b] = asBaseExp(term, neg);
    if (b.kind === 'pow' || b.kind === 'mul' || b.isNumber || seen.has(b)) return false;
    if (b.kind === 'fn' && b.name === 'exp') return false;
    if (b.kind === 'add' && ++sums > 1) return false;
    seen.add(b);
  }
  return true;
}

/** The 'exp' part: exponents of one base added up. */
function combineExponents(
  factors: readonly Node[],
  recurse?: (x: Node) => Node,
  whole?: Node,
): Node {
  if (nothingToCombine(factors)) return whole ?? mul(factors);
  let coeff: Node = ONE;
  const powers = new Map<Node, Node[]>();
  for (const term of factors) {
    if (term.isRational) {
      coeff = numMul(coeff, term);
      continue;
    }
    let [b, e] = asBaseExp(term, neg);
    if (recurse) {
      b = recurse(b);
      e = recurse(e);
    }
    if (b.kind === 'pow' || (b.kind === 'fn' && b.name === 'exp')) {
      b = pow(b, e);
      e = ONE;
    }
    const list = powers.get(b);
    if (list) list.push(e);
    else powers.set(b, [e]);
  }
  const summed = new Map<Node, Node>();
  for (const [b, es] of powers) {
    // 2**x/4 → 2**(x - 2)
    if (
      b.kind === 'integer' &&
      b.p > 1n &&
      coeff !== ONE &&
      coeff.isRational &&
      !es.every((x) => x.isNumber)
    ) {
      const m = multiplicity(b.p, coeff);
      if (m) {
        es.push(makeInteger(BigInt(m)));
        coeff = numMul(coeff, numPowInt(b, BigInt(-m)));
      }
    }
    summed.set(b, add(es));
  }
  if (coeff !== ONE) summed.set(coeff, add([summed.get(coeff) ?? ZERO, ONE]));
  // a positive base and its inverse: 2**x*(1/2)**y → 2**(x - y)
  const skip = new Set<Node>();
  for (const [b, e] of [...summed]) {
    if (skip.has(b) || !summed.has(b) || !isPositive(b)) continue;
    const binv = pow(b, NEG_ONE);
    if (b !== binv && summed.has(binv)) {
      if (asNumerDenom(b)[0] === ONE) {
        summed.delete(b);
        summed.set(binv, add([summed.get(binv)!, neg(e)]));
      } else {
        skip.add(binv);
        const ei = summed.get(binv)!;
        summed.delete(binv);
        summed.set(b, add([summed.get(b)!, neg(ei)]));
      }
    }
  }
  // a base and its negative: (x - 1)**2*(1 - x) → -(1 - x)**3 (integer exponents)
  for (const [b] of [...summed]) {
    if (!(b.kind === 'symbol' || b.kind === 'add')) continue;
    const nb = neg(b);
    if (!summed.has(b) || !summed.has(nb)) continue;
    const e = summed.get(b)!;
    if (e.kind !== 'integer' && !isPositive(b) && !isNegative(b)) continue;
    let moved: Node;
    if (e.kind === 'integer' || isNegative(b)) {
      summed.delete(b);
      summed.set(nb, add([summed.get(nb)!, e]));
      moved = e;
    } else {
      moved = summed.get(nb)!;
      summed.delete(nb);
      summed.set(b, add([summed.get(b)!, moved]));
    }
    summed.set(NEG_ONE, add([summed.get(NEG_ONE) ?? ZERO, moved]));
  }
  const parts: Node[] = [];
  for (const [b, e] of summed) if (e !== ZERO) parts.push(pow(b, e));
  return mul(parts);
}

/** Number of terms of a product of sums once multiplied out (powsimp's _terms). */
function termCount(e: Node): number {
  if (e.kind === 'add') return e.args.reduce((s, a) => s + termCount(a), 0);
  if (e.kind === 'mul') return e.args.reduce((s, a) => s * termCount(a), 1);
  return 1;
}

const isInteger = (e: Node): boolean => e.kind === 'integer';

/**
 * Whether combineBases would change nothing: exponents plain and all different, except whole
 * numbers (bases under one integer exponent multiply into the same canonical product).
 */
function basesStay(factors: readonly Node[]): boolean {
  const seen = new Set<Node>();
  // ...but a number and a sum alone under exponent 1 distribute: -(x + 1) → -x - 1
  const firsts = factors.filter((t) => asBaseExp(t, neg)[1] === ONE);
  if (firsts.length === 2 && firsts.some((t) => t.isNumber) && firsts.some((t) => t.kind === 'add'))
    return false;
  for (const t of factors) {
    const [, e] = asBaseExp(t, neg);
    if (e.kind === 'integer') continue;
    if (e.kind === 'add' || seen.has(e)) return false;
    const [c, rest] = asCoeffMulRational(e);
    if (c !== ONE && rest !== ONE) return false;
    seen.add(e);
  }
  return true;
}

/** The 'base' part: bases under one exponent multiplied, where valid. */
function combineBases(factors: readonly Node[], recurse?: (x: Node) => Node, whole?: Node): Node {
  if (basesStay(factors)) return whole ?? mul(factors);
  const cPowers: [Node, Node][] = factors.map((t) => asBaseExp(t, neg));
  // 2**(2*x) → 4**x when the base is nonnegative or the exponent whole
  for (let i = 0; i < cPowers.length; i++) {
    const [b, e] = cPowers[i]!;
    const [bn, bd] = asNumerDenom(b);
    if (!((isNonNegative(bn) && isNonNegative(bd)) || isInteger(e))) continue;
    const [c, t] = asCoeffMulRational(e);
    if (c !== ONE && t !== ONE) cPowers[i] = [pow(b, c), t];
  }
  const byExp = new Map<Node, Node[]>();
  for (let [b, e] of cPowers) {
    if (recurse) e = recurse(e);
    if (e.kind === 'add' && (isPositive(b) || isInteger(e))) {
      e = factorTerms(e);
      if (coeffIsNeg(e)) {
        e = neg(e);
        b = pow(b, NEG_ONE);
      }
    }
    const list = byExp.get(e);
    if (list) list.push(b);
    else byExp.set(e, [b]);
  }
  const out = new Map<Node, Node[]>();
  const put = (b: Node, e: Node): void => {
    const list = out.get(b);
    if (list) list.push(e);
    else out.set(b, [e]);
  };
  for (const [e, bases] of byExp) {
    let newBase: Node;
    if (bases.length === 1) newBase = bases[0]!;
    else if (isInteger(e)) newBase = mul(bases);
    else {
      let unk: Node[] = [];
      const nonneg: Node[] = [];
      let negs: Node[] = [];
      for (const bi of bases) {
        if (isNegative(bi)) negs.push(bi);
        else if (isNonNegative(bi)) nonneg.push(bi);
        else unk.push(bi);
      }
      if ((unk.length === 1 && negs.length === 0) || (negs.length === 1 && unk.length === 0)) {
        nonneg.push(...unk, ...negs);
        unk = [];
        negs = [];
      } else if (negs.length) {
        const [p, q] = asNumerDenom(e);
        if (e.isRational || (isInteger(p) && isInteger(q))) {
          negs = negs.map(neg);
          for (let i = 0; i < negs.length; i++) unk.push(NEG_ONE);
        } else {
          unk.push(...negs);
          negs = [];
        }
      }
      for (const b of unk) put(b, e);
      newBase = mul([...nonneg, ...negs]);
      const expanded = expandMulNode(newBase);
      if (addArgs(expanded).length < termCount(newBase)) newBase = factorTerms(expanded);
    }
    put(newBase, e);
  }
  const parts: Node[] = [];
  for (const [b, es] of out) for (const e of es) parts.push(pow(b, e));
  return mul(parts);
}
