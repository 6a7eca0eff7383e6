/**
 * SymPy's `expand` and its single-hint versions: distribute products over sums (`mul`),
 * expand integer powers of sums (`multinomial`), split sums in exponents (`power_exp`:
 * `exp(x + y)` → `exp(x)*exp(y)`), split powers of products where valid (`power_base`) and
 * expand logarithms where valid (`log`: `log(x**(1/2))` → `log(x)/2`, `log(8)` → `3*log(2)`).
 * Each hint is applied bottom-up, in SymPy's order, then multinomial/mul/log are repeated
 * until nothing changes.
 */
import { core } from '../core.js';
import { makeInteger, makeRational, NEG_ONE, ONE } from '../node.js';
import type { Node } from '../node.js';
import { addArgs, mulArgs } from '../parts.js';
import { integerNthRoot } from '../rational.js';
import { isExtendedReal, isNegative, isNonNegative, isNonPositive, isPositive } from '../signs.js';
import { add, div, mul, neg, pow } from './build.js';
import { fraction } from './fraction.js';
import { tooDeep } from './depth.js';
import { keyedCache } from './memo.js';
import { exprFromPoly, polysOf } from './poly/convert.js';
import { constant, mul as polyMul, pow as polyPow } from './poly/sparse.js';
import { bottomUp } from './walk.js';

export interface ExpandHints {
  mul?: boolean;
  multinomial?: boolean;
  powerExp?: boolean;
  powerBase?: boolean;
  log?: boolean;
  /** Descend into arguments (default true). */
  deep?: boolean;
}

type Hint = 'log' | 'multinomial' | 'mul' | 'powerBase' | 'powerExp';

const NODE_RULES: Readonly<Record<Hint, (n: Node) => Node>> = {
  log: (n) => (n.kind === 'fn' && n.name === 'log' ? expandLogNode(n) : n),
  multinomial: (n) => (n.kind === 'pow' ? expandMultinomialNode(n) : n),
  mul: (n) => (n.kind === 'mul' ? expandMulNode(n) : n),
  powerBase: (n) => (n.kind === 'pow' ? expandPowerBaseNode(n) : n),
  powerExp: expandPowerExpNode,
};

/** How many times the multinomial/mul/log round may repeat (SymPy loops until fixed). */
const MAX_ROUNDS = 64;

/** Apply the hints' node rules, in order, to every node bottom-up (or to the root only). */
function applyHints(n: Node, hints: readonly Hint[], deep: boolean): Node {
  if (hints.length === 0) return n;
  const rule = (e: Node): Node => {
    for (const h of hints) e = NODE_RULES[h](e);
    return e;
  };
  if (!deep) return n.args.length ? rule(n) : n;
  return bottomUp(n, rule);
}

/** SymPy's `expand(expr)`; every hint on unless turned off. */
export function expand(n: Node, hints: ExpandHints = {}): Node {
  const on = (h: Hint): boolean => hints[h] ?? true;
  const deep = hints.deep ?? true;
  if (tooDeep(n)) return n;
  const key = HINTS.map((h) => (on(h) ? '1' : '0')).join('') + (deep ? 'd' : '');
  return expandCache(key, n, () => expandUncached(n, on, deep));
}

const HINTS = ['log', 'multinomial', 'mul', 'powerBase', 'powerExp'] as const;
const expandCache = keyedCache();

function expandUncached(n: Node, on: (h: Hint) => boolean, deep: boolean): Node {
  // SymPy applies the hints one after the other over the whole tree (sorted by name, 'mul' as
  // 'mulz' so multinomial runs first); here they run in that order at each node in one pass,
  // then multinomial/mul/log are repeated until nothing changes
  let e = applyHints(n, HINTS.filter(on), deep);
  const again = (['multinomial', 'mul', 'log'] as const).filter(on);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const was = e;
    e = applyHints(e, again, deep);
    if (e === was) break;
  }
  return e;
}

const only = (h: Hint): ExpandHints => ({
  mul: h === 'mul',
  multinomial: h === 'multinomial',
  powerExp: h === 'powerExp',
  powerBase: h === 'powerBase',
  log: h === 'log',
});

/** `expand_mul`: distribute products over sums, nothing else. */
export const expandMul = (n: Node): Node => expand(n, only('mul'));
/** `expand_multinomial`: expand integer powers of sums, nothing else. */
export const expandMultinomial = (n: Node): Node => expand(n, only('multinomial'));
/** `expand_power_exp`: `x**(a + b)` → `x**a*x**b`, `exp(a + b)` → `exp(a)*exp(b)`. */
export const expandPowerExp = (n: Node): Node => expand(n, only('powerExp'));
/** `expand_power_base`: `(2*x)**y` → `2**y*x**y` where that is valid. */
export const expandPowerBase = (n: Node): Node => expand(n, only('powerBase'));

/** SymPy's `_mexpand`: expand_mul(expand_multinomial(expr)). */
export const mexpand = (n: Node): Node => expandMul(expandMultinomial(n));

// ---- mul ---------------------------------------------------------------------------------------

/**
 * The product of `factors`, raised to `power`, multiplied out with polynomial arithmetic: each
 * factor read as a polynomial in free generators (x, sqrt(x), log(y)…), the product taken on
 * exponent vectors and bigint coefficients, each monomial canonicalised once at the end (so
 * sqrt(x)*sqrt(x) still becomes x). Undefined when a coefficient is a float.
 */
function polyProduct(factors: readonly Node[], power = 1): Node | undefined {
  const conv = polysOf(factors, false);
  // floats: the canonical constructors' own arithmetic, so 1 stays 1 in (0.5*x + 1)**2
  if (!conv || conv.inexact) return undefined;
  let acc = constant(conv.gens.length, 1n);
  let den = 1n;
  for (const p of conv.polys) {
    acc = polyMul(acc, p.poly);
    den *= p.denominator;
  }
  if (power !== 1) {
    acc = polyPow(acc, power);
    den **= BigInt(power);
  }
  return exprFromPoly(acc, conv.gens, den);
}

/** The terms of a product of sums, multiplied out (Mul._expandsums). */
function expandSums(sums: readonly Node[]): readonly Node[] {
  let terms: readonly Node[] = addArgs(sums[0]!);
  for (let i = 1; i < sums.length; i++) {
    const next: Node[] = [];
    for (const a of terms) for (const b of sums[i]!.args) next.push(mul([a, b]));
    terms = addArgs(add(next));
  }
  return terms;
}

/** Mul._eval_expand_mul: x*(y + 1)/((x + 1)*(x + 2)) → x*y/(x**2 + 3*x + 2) + x/(…). */
export function expandMulNode(n: Node): Node {
  // nothing to distribute: no sum as a factor, at most one sum in the denominator
  let sumDenominators = 0;
  let needed = false;
  for (const f of n.args) {
    if (f.kind === 'add') needed = true;
    else if (f.kind === 'pow' && f.args[0]!.kind === 'add') sumDenominators++;
  }
  if (!needed && sumDenominators <= 1) return n;
  let [num, den] = fraction(n);
  if (den.kind === 'mul') {
    if (num.kind === 'mul') num = distribute(num);
    den = distribute(den);
  }
  return distribute(div(num, den));
}

/** Up to this many products of terms, distribute directly rather than through polynomials. */
const SMALL_PRODUCT = 8;

function distribute(e: Node): Node {
  if (e.kind !== 'mul') return e;
  const plain: Node[] = [];
  const sums: Node[] = [];
  for (const f of e.args) (f.kind === 'add' ? sums : plain).push(f);
  if (sums.length === 0) return e;
  const p = mul(plain);
  // few terms: distributing directly is cheaper than converting to polynomials and back
  const size = sums.reduce((k, s) => k * s.args.length, 1);
  if (size <= SMALL_PRODUCT) return add(expandSums(sums).map((t) => mul([p, t])));
  return polyProduct([p, ...sums]) ?? add(expandSums(sums).map((t) => mul([p, t])));
}

// ---- multinomial ---------------------------------------------------------------------------------

/** (a + b)**n for a positive integer n, multiplied out by repeated squaring. */
function powerOfSum(base: Node, n: number): Node {
  const fast = base.args.length ** n > SMALL_PRODUCT ? polyProduct([base], n) : undefined;
  if (fast) return fast;
  let result: Node = ONE;
  let sq = base;
  while (n > 0) {
    if (n & 1) result = result === ONE ? sq : add(expandSums([result, sq]));
    n >>= 1;
    if (n) sq = add(expandSums([sq, sq]));
  }
  return result;
}

/** Pow._eval_expand_multinomial. */
export function expandMultinomialNode(n: Node): Node {
  const [base, exp] = n.args as [Node, Node];
  if (base.kind !== 'add' || !exp.isRational) return n;
  if (exp.p > 0n) {
    if (exp.q !== 1n) {
      // (x + 1)**(5/2) → (x + 1)**2 multiplied out, each term times sqrt(x + 1)
      const whole = exp.p / exp.q;
      if (whole === 0n) return n;
      const radical = pow(base, makeRational(exp.p - whole * exp.q, exp.q));
      return add(addArgs(powerOfSum(base, Number(whole))).map((t) => mul([t, radical])));
    }
    return powerOfSum(base, Number(exp.p));
  }
  if (exp.p < 0n && -exp.p > exp.q) {
    return pow(expandMultinomialNode(pow(base, neg(exp))), NEG_ONE);
  }
  return n;
}

// ---- power_exp, power_base ---------------------------------------------------------------------

function expandPowerExpNode(n: Node): Node {
  if (n.kind === 'pow' && n.args[1]!.kind === 'add') {
    const b = n.args[0]!;
    return mul(n.args[1]!.args.map((t) => pow(b, t)));
  }
  if (n.kind === 'fn' && n.name === 'exp' && n.args[0]!.kind === 'add')
    return mul(n.args[0]!.args.map((t) => core.fn('exp', [t])));
  return n;
}

/** Pow._eval_expand_power_base for real factors: nonnegative factors are split off. */
function expandPowerBaseNode(n: Node): Node {
  const [b, e] = n.args as [Node, Node];
  if (b.kind !== 'mul') return n;
  const nonneg: Node[] = [];
  const negs: Node[] = [];
  const other: Node[] = [];
  for (const f of b.args) {
    if (!isExtendedReal(f)) other.push(f);
    else if (isNonNegative(f)) nonneg.push(f);
    else if (isNegative(f)) negs.push(f);
    else other.push(f);
  }
  let cargs: Node[];
  if (e.kind === 'integer') {
    cargs = [...nonneg, ...negs, ...other];
    other.length = 0;
  } else {
    if (negs.length > 1) {
      let o: Node = ONE;
      if (other.length === 0 && negs[0]!.isNumber) o = negs.shift()!;
      if (negs.length % 2) o = neg(o);
      for (const x of negs) nonneg.push(neg(x));
      if (o !== ONE) other.push(o);
    } else if (negs.length && other.length) {
      if (negs[0]!.isNumber && negs[0] !== NEG_ONE) {
        other.push(NEG_ONE);
        nonneg.push(neg(negs[0]!));
      } else other.push(...negs);
    } else other.push(...negs);
    cargs = nonneg;
  }
  if (cargs.length === 0) return n;
  const parts = cargs.map((f) => pow(f, e));
  if (other.length) parts.push(pow(mul(other), e));
  return mul(parts);
}

// ---- log ---------------------------------------------------------------------------------------

/** n = b**k with k as large as possible (SymPy's perfect_power), for n > 1. */
function perfectPower(n: bigint): [bigint, number] | undefined {
  for (let k = n.toString(2).length; k >= 2; k--) {
    const [r, exact] = integerNthRoot(n, k);
    if (exact && r > 1n) return [r, k];
  }
  return undefined;
}

const log = (a: Node): Node => core.fn('log', [a]);

/** log._eval_expand_log without force: only the splits valid for the factors' signs. */
export function expandLogNode(n: Node): Node {
  const arg = n.args[0]!;
  if (arg.kind === 'integer') {
    if (arg.p > 1n) {
      const pp = perfectPower(arg.p);
      if (pp) return mul([makeInteger(BigInt(pp[1])), log(makeInteger(pp[0]))]);
    }
    return n;
  }
  if (arg.kind === 'rational') return add([log(makeInteger(arg.p)), neg(log(makeInteger(arg.q)))]);
  if (arg.kind === 'mul') {
    const terms: Node[] = [];
    const nonpos: Node[] = [];
    for (const x of mulArgs(arg)) {
      if (isPositive(x)) {
        const a = log(x);
        terms.push(a.kind === 'fn' && a.name === 'log' ? expandLogNode(a) : a);
      } else if (isNegative(x)) {
        terms.push(log(neg(x)));
        nonpos.push(NEG_ONE);
      } else nonpos.push(x);
    }
    return add([...terms, log(mul(nonpos))]);
  }
  if (arg.kind === 'pow' || (arg.kind === 'fn' && arg.name === 'exp')) {
    const [b, e] = arg.kind === 'pow' ? (arg.args as [Node, Node]) : [null, arg.args[0]!];
    if (b === null) return n; // log(exp(x)) already evaluated where valid
    const ok =
      isExtendedReal(e) &&
      (isPositive(b) || (isPositive(add([e, ONE])) && isNonPositive(add([e, NEG_ONE]))));
    if (ok) {
      const a = log(b);
      return mul([e, a.kind === 'fn' && a.name === 'log' ? expandLogNode(a) : a]);
    }
  }
  return n;
}
