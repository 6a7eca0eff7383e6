/**
 * Numerator and denominator: SymPy's `fraction` (split a product by the signs of its
 * exponents, no recombination) and `as_numer_denom` (bring a whole expression over one
 * denominator, `1/x + 1/y` → [x + y, x*y]).
 */
import { core, ordering } from '../core.js';
import { makeInteger, NEG_ONE, ONE } from '../node.js';
import type { Node } from '../node.js';
import { numSign } from '../numbers.js';
import type { Ordering } from '../order.js';
import { asBaseExp, mulArgs } from '../parts.js';
import { isExtendedReal, isNegative, isNonPositive, isPositive } from '../signs.js';
import { add, keepCoeff, mul, neg, pow } from './build.js';
import { primitive } from './contentPrimitive.js';
import { denominatorFree } from './denominatorFree.js';
import { memoizePair } from './memo.js';

const ord: Ordering = ordering;

/** Is the exponent known negative / known positive (numbers exactly, symbols by sign). */
const expNegative = (e: Node): boolean => (e.isNumber ? numSign(e) < 0 : isNegative(e));
const expPositive = (e: Node): boolean => (e.isNumber ? numSign(e) > 0 : isPositive(e));

/**
 * SymPy's `fraction(expr)`: [numerator, denominator] of a product, factor by factor. With
 * `shallow`, a power whose exponent's sign is unknown is placed by the exponent's look
 * (`x**(-y)` in the denominator) instead of by recursing into its base (for very deep trees).
 */
export function fraction(n: Node, shallow = false): [Node, Node] {
  const numer: Node[] = [];
  const denom: Node[] = [];
  for (const term of mulArgs(n)) {
    if (term.kind === 'pow' || (term.kind === 'fn' && term.name === 'exp')) {
      const [b, ex] = asBaseExp(term, neg);
      if (expNegative(ex)) {
        denom.push(ex === NEG_ONE ? b : pow(b, neg(ex)));
      } else if (expPositive(ex)) {
        numer.push(term);
      } else if (ex.kind === 'mul' && shallow) {
        if (ord.couldExtractMinusSign(ex)) denom.push(pow(b, neg(ex)));
        else numer.push(term);
      } else if (ex.kind === 'mul') {
        const [nn, dd] = asNumerDenom(term);
        if (nn !== ONE) numer.push(nn);
        denom.push(dd);
      } else numer.push(term);
    } else if (term.kind === 'rational') {
      if (term.p !== 1n) numer.push(makeInteger(term.p));
      denom.push(makeInteger(term.q));
    } else numer.push(term);
  }
  return [mul(numer), mul(denom)];
}

/** expr.as_numer_denom(): one fraction, numerator and denominator separately. */
export const asNumerDenom = memoizePair(asNumerDenomUncached);

function asNumerDenomUncached(n: Node): [Node, Node] {
  if (denominatorFree(n)) return [n, ONE];
  switch (n.kind) {
    case 'integer':
    case 'float':
      return [n, ONE];
    case 'rational':
      return [makeInteger(n.p), makeInteger(n.q)];
    case 'mul': {
      const ns: Node[] = [];
      const ds: Node[] = [];
      for (const f of n.args) {
        const [a, b] = asNumerDenom(f);
        ns.push(a);
        ds.push(b);
      }
      return [mul(ns), mul(ds)];
    }
    case 'pow':
      return powNumerDenom(n);
    case 'fn':
      return n.name === 'exp' ? expNumerDenom(n) : [n, ONE];
    case 'add':
      return addNumerDenom(n);
    default:
      return [n, ONE];
  }
}

/** ExpBase.as_numer_denom: exp(-x) → [1, exp(x)]. */
function expNumerDenom(n: Node): [Node, Node] {
  const e = n.args[0]!;
  let negExp = expNegative(e);
  if (!negExp && !expNegative(neg(e))) negExp = ord.couldExtractMinusSign(e);
  return negExp ? [ONE, core.fn('exp', [neg(e)])] : [n, ONE];
}

/** Pow.as_numer_denom for a real setting: (x/y)**e splits only when that is valid. */
function powNumerDenom(n: Node): [Node, Node] {
  const [base, exp0] = asBaseExp(n, neg);
  let exp = exp0;
  let [nb, db] = asNumerDenom(base);
  let negExp = expNegative(exp);
  if (exp.kind === 'mul' && !negExp && !expPositive(exp)) negExp = ord.couldExtractMinusSign(exp);
  const intExp = exp.kind === 'integer';
  if (!(isExtendedReal(db) || intExp)) {
    nb = base;
    db = ONE;
  }
  if (isNonPositive(db)) {
    nb = neg(nb);
    db = neg(db);
  } else if (!isPositive(db) && !intExp) {
    nb = base;
    db = ONE;
  }
  if (negExp) {
    exp = neg(exp);
    return [pow(db, exp), pow(nb, exp)];
  }
  return [pow(nb, exp), pow(db, exp)];
}

/** Add.as_numer_denom: terms grouped by denominator, then cross-multiplied. */
function addNumerDenom(n: Node): [Node, Node] {
  const [content, expr] = primitive(n);
  if (expr.kind !== 'add') {
    return asNumerDenom(mul([content, expr]));
  }
  const [ncon, dcon] = asNumerDenom(content);
  const byDenom = new Map<Node, Node[]>();
  for (const f of expr.args) {
    const [ni, di] = asNumerDenom(f);
    const list = byDenom.get(di);
    if (list) list.push(ni);
    else byDenom.set(di, [ni]);
  }
  if (byDenom.size === 1) {
    const [d, ns] = [...byDenom][0]!;
    return [add(ns.map((ni) => keepCoeff(ncon, ni))), keepCoeff(dcon, d)];
  }
  const denoms: Node[] = [];
  const numers: Node[] = [];
  for (const [d, ns] of byDenom) {
    denoms.push(d);
    numers.push(ns.length === 1 ? ns[0]! : add(ns));
  }
  const terms = numers.map((ni, i) => mul([...denoms.slice(0, i), ni, ...denoms.slice(i + 1)]));
  return [keepCoeff(ncon, add(terms)), keepCoeff(dcon, mul(denoms))];
}
