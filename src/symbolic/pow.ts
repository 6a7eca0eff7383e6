/**
 * The canonical power, as SymPy's Pow.__new__ and the `_eval_power` methods build it:
 * `x**0` → 1, `x**1` → x, exact numeric powers and radicals (`sqrt(8)` → `2*sqrt(2)`,
 * `2**(-1/2)` → `sqrt(2)/2`), `(x**a)**b` merged where that is valid for real x
 * (`(x**2)**3` → `x**6`, `(x**2)**(1/2)` → `Abs(x)`), products raised term by term
 * (`(2*x)**2` → `4*x**2`, `sqrt(2*x)` → `sqrt(2)*sqrt(x)`), `E**x` → `exp(x)`,
 * `exp(x)**2` → `exp(2*x)`, `Abs(x)**2` → `x**2`.
 */
import {
  E,
  HALF,
  makeFloat,
  makeInteger,
  makePow,
  makeRational,
  NAN,
  NEG_HALF,
  NEG_ONE,
  ONE,
  ZERO,
  ZOO,
} from './node.js';
import type { Core, Node } from './node.js';
import {
  isZero,
  numCompare,
  numInv,
  numMul,
  numNeg,
  exactPowerFits,
  numPowInt,
  numSign,
  toFloat,
} from './numbers.js';
import { negate } from './mul.js';
import { asCoeffMul } from './parts.js';
import type { Ordering } from './order.js';
import {
  bitLength,
  divmod,
  gcd,
  integerNthRoot,
  MAX_EXACT_BITS,
  smallFactors,
} from './rational.js';
import {
  isExtendedReal,
  isNegative,
  isNonNegative,
  isNonZero,
  isPositive,
  signMask,
  UNKNOWN,
} from './signs.js';

export function powEval(b: Node, e: Node, core: Core, ord: Ordering): Node {
  if (e === ZOO) return NAN;
  if (e === ZERO) return ONE;
  if (e === ONE) return b;
  if (b === NAN || e === NAN) return NAN;
  if (e === NEG_ONE && isZero(b)) return ZOO;
  // (-2)**3 → -(2**3), (-pi)**2 → pi**2
  if (
    e.kind === 'integer' &&
    (b.isNumber || (b.kind === 'mul' && !b.hasSymbols)) &&
    ord.couldExtractMinusSign(b)
  ) {
    const nb = core.mul([NEG_ONE, b]);
    if (e.p % 2n === 0n) b = nb;
    else return core.mul([NEG_ONE, core.pow(nb, e)]);
  }
  if (b === ONE) return ONE;
  return evalPower(b, e, core) ?? makePow(b, e);
}

function evalPower(b: Node, e: Node, core: Core): Node | undefined {
  if (b.isNumber) return numberPower(b, e, core);
  if (b === E) return core.fn('exp', [e]);
  if (b === ZOO) {
    if (isPositive(e)) return ZOO;
    if (isNegative(e)) return ZERO;
    return undefined;
  }
  switch (b.kind) {
    case 'pow':
      return powerOfPower(b.args[0]!, b.args[1]!, e, core);
    case 'mul':
      if (e.kind === 'integer') return core.mul(b.args.map((f) => core.pow(f, e)));
      if (e.isNumber) return expandPowerBase(b, e, core);
      return undefined;
    case 'fn':
      return powerOfFunction(b, e, core);
    case 'add':
      return floatSumPower(b, e, core);
    default:
      return undefined;
  }
}

// ---- numbers ------------------------------------------------------------------------------------

function numberPower(b: Node, e: Node, core: Core): Node | undefined {
  if (isZero(b) && b.kind !== 'float') {
    if (isPositive(e)) return ZERO;
    if (isNegative(e)) return ZOO;
    return undefined;
  }
  // an exact value too large to hold stays an unevaluated power (3**(2**40))
  if (e.kind === 'integer') return exactPowerFits(b, e.p) ? numPowInt(b, e.p) : undefined;
  if (e.kind === 'float' || b.kind === 'float') {
    if (!e.isNumber) return undefined;
    const x = toFloat(b);
    const y = toFloat(e);
    if (x < 0 && !Number.isInteger(y)) return undefined; // complex
    // square roots through Math.sqrt, which is correctly rounded (as mpmath is)
    const v = e === HALF ? Math.sqrt(x) : e === NEG_HALF ? Math.sqrt(1 / x) : x ** y;
    return v === 0 ? ZERO : makeFloat(v);
  }
  if (e.kind !== 'rational') return undefined;
  if (numSign(b) < 0) return undefined; // complex: SymPy returns a multiple of I
  if (b.kind === 'integer') return integerRadical(b.p, e, core);
  return rationalRadical(b, e, core);
}

const neg = (r: Node): Node => makeRational(-r.p, r.q);

/** Python's `a * b` on SymPy objects: the two-factor product, 1 dropped unflattened. */
function times(a: Node, b: Node, core: Core): Node {
  if (a === ONE) return b;
  if (b === ONE) return a;
  return core.mul([a, b]);
}

/**
 * (p/q)**e for a positive rational p/q and a rational e that is not an integer, as SymPy's
 * Rational._eval_power writes it: with n = ⌊e⌋ + 1 (1 for 0 < e < 1),
 * (p/q)**e = p**e * q**(n - e) * (1/q**n), multiplied left to right.
 */
function rationalRadical(b: Node, e: Node, core: Core): Node | undefined {
  if (e.p < 0n) return core.pow(makeRational(b.q, b.p), neg(e));
  const whole = e.p / e.q;
  const n = whole > 0n ? whole + 1n : 1n;
  if (!exactPowerFits(makeInteger(b.q), n)) return undefined;
  const q = makeInteger(b.q);
  const frac = makeRational(n * e.q - e.p, e.q);
  let out =
    b.p === 1n ? core.pow(q, frac) : times(core.pow(makeInteger(b.p), e), core.pow(q, frac), core);
  out = times(out, makeRational(1n, b.q ** n), core);
  return out;
}

/** n**(p/q) for an integer n > 0: perfect powers pulled out (Integer._eval_power). */
function integerRadical(n: bigint, e: Node, core: Core): Node | undefined {
  if (e.p < 0n) return core.pow(makeRational(1n, n), neg(e));
  // the result has about bits(n)·p/q bits: too large to write out, it stays a power
  if (!exactPowerFits(makeInteger(n), e.p / e.q + 1n)) return undefined;
  const [root, exact] = integerNthRoot(n, Number(e.q));
  if (exact) return makeInteger(root ** e.p);
  let outInt = 1n;
  const outRad: Node[] = [];
  const rest = new Map<bigint, bigint>();
  for (const [prime, k] of smallFactors(n)) {
    const [whole, m] = divmod(BigInt(k) * e.p, e.q);
    if (bitLength(prime) * Number(whole) > MAX_EXACT_BITS) return undefined;
    if (whole > 0n) outInt *= prime ** whole;
    if (m > 0n) {
      const g = gcd(m, e.q);
      if (g !== 1n) outRad.push(makePow(makeInteger(prime), makeRational(m / g, e.q / g)));
      else rest.set(prime, m);
    }
  }
  let g = 0n;
  for (const m of rest.values()) g = g === 0n ? m : gcd(g, m);
  // the remaining radicand ∏ prime**(m/g) can be astronomically large (exponents with huge
  // numerators and coprime remainders): then the power stays as it is
  let size = 0;
  for (const [prime, m] of rest) size += bitLength(prime) * Number(m / g);
  if (size > MAX_EXACT_BITS) return undefined;
  let sqrInt = 1n;
  for (const [prime, m] of rest) sqrInt *= prime ** (m / g);
  if (sqrInt === n && outInt === 1n && outRad.length === 0) return undefined;
  const radical = g === 0n ? ONE : core.pow(makeInteger(sqrInt), makeRational(g, e.q));
  return core.mul([makeInteger(outInt), ...outRad, radical]);
}

// ---- (b**x)**e ------------------------------------------------------------------------------------

/** Pow._eval_power for real bases: when (b**x)**e = b**(x*e) holds. */
function powerOfPower(b: Node, x: Node, e: Node, core: Core): Node | undefined {
  if (e.kind === 'integer') return core.pow(b, core.mul([x, e]));
  if (!isExtendedReal(x)) return undefined;
  if (x === NEG_ONE && e.kind === 'rational' && e.q === 2n) {
    if (isNonNegative(b)) return core.pow(b, neg(e));
    return undefined;
  }
  let base = b;
  if (x.kind === 'integer' && x.p % 2n === 0n && isExtendedReal(b)) base = core.fn('abs', [b]);
  const small = x.isNumber && numCompare(x.kind === 'float' ? x : absRational(x), ONE) < 0;
  if (small || x === ONE || isNonNegative(base)) return core.pow(base, core.mul([x, e]));
  return undefined;
}

const absRational = (r: Node): Node => (numSign(r) < 0 ? neg(r) : r);

// ---- (a*b)**e ---------------------------------------------------------------------------------------

/**
 * (a*b)**e for a non-integer number e, as SymPy's Pow._eval_expand_power_base does it:
 * factors known to be ≥ 0 are raised one by one, the others stay together:
 * sqrt(2*x) → sqrt(2)*sqrt(x), sqrt(x*y) stays, sqrt(-2*x) → sqrt(2)*sqrt(-x).
 *
 * As in SymPy, a non-numeric factor's power is built unevaluated here and evaluated only
 * when several meet in a product (Mul.flatten evaluates each), and a lone result is returned
 * as it is. That is what ends the recursion: (-1/a)**(3/2) with a < 0 rewrites its base to
 * itself (-(1/a) is again -1/a) and must stay as it is, not be raised again forever.
 */
function expandPowerBase(b: Node, e: Node, core: Core): Node {
  const nonneg: Node[] = [];
  const negs: Node[] = [];
  const other: Node[] = [];
  for (const f of b.args) {
    const m = signMask(f);
    if (m === UNKNOWN) other.push(f);
    else if (isNonNegative(f)) nonneg.push(f);
    else if (isNegative(f)) negs.push(f);
    else other.push(f);
  }
  if (negs.length > 1) {
    let o: Node = ONE;
    if (other.length === 0 && negs[0]!.isNumber) o = negs.shift()!;
    if (negs.length % 2) o = negate(o, core);
    for (const n of negs) nonneg.push(negate(n, core));
    if (o !== ONE) other.push(o);
  } else if (negs.length && other.length) {
    if (negs[0]!.isNumber && negs[0] !== NEG_ONE) {
      other.push(NEG_ONE);
      nonneg.push(negate(negs[0]!, core));
    } else other.push(...negs);
  } else other.push(...negs);
  let rv: Node = ONE;
  if (nonneg.length) {
    // powers of constants are evaluated at once, the others left for the product to evaluate
    const npow: Node[] = [];
    const rest: Node[] = [];
    for (const f of nonneg) {
      if (f.kind === 'pow' && f.args[1]!.isRational && !f.args[0]!.hasSymbols) npow.push(f);
      else rest.push(f);
    }
    rv = core.mul(npow.map((f) => core.pow(f, e)));
    const raised = rest.map((f) => makePow(f, e));
    rv = times(rv, raised.length === 1 ? raised[0]! : core.mul(raised), core);
  }
  if (other.length) rv = times(rv, makePow(core.mul(other), e), core);
  return rv;
}

/**
 * A sum with float coefficients to a numeric power (not ±1): the largest coefficient comes
 * out, (15.625*x + 46.875)**2 → 2197.265625*(0.333333333333333*x + 1)**2 (Add._eval_power).
 */
function floatSumPower(b: Node, e: Node, core: Core): Node | undefined {
  if (!e.isNumber || numCompare(absNumber(e), ONE) === 0) return undefined;
  // a constant sum to a rational power goes through SymPy's other branch, which keeps it
  if (e.isRational && !b.hasSymbols) return undefined;
  const parts = b.args.map(asCoeffMul);
  if (!parts.some(([c]) => c.kind === 'float')) return undefined;
  let big: Node = NEG_ONE;
  for (const [c] of parts) if (numCompare(absNumber(c), big) >= 0) big = absNumber(c);
  if (numSign(big) <= 0 || numCompare(big, ONE) === 0) return undefined;
  const terms = parts.map(([c, m]) => {
    const scaled =
      numCompare(absNumber(c), big) === 0
        ? makeInteger(BigInt(numSign(c)))
        : numMul(c, numInv(big));
    return core.mul([scaled, m]);
  });
  return core.mul([core.pow(big, e), core.pow(core.add(terms), e)]);
}

const absNumber = (n: Node): Node => (numSign(n) < 0 ? numNeg(n) : n);

// ---- f(x)**e --------------------------------------------------------------------------------------

function powerOfFunction(f: Node, e: Node, core: Core): Node | undefined {
  const a = f.args[0]!;
  switch (f.name) {
    case 'exp':
      // exp(a)**e = exp(a*e) for real a (or integer e)
      if (e.kind === 'integer' || isExtendedReal(a)) return core.fn('exp', [core.mul([a, e])]);
      return undefined;
    case 'abs':
      if (isExtendedReal(a) && e.kind === 'integer') {
        if (e.p % 2n === 0n) return core.pow(a, e);
        if (e !== NEG_ONE) return core.mul([core.pow(a, makeInteger(e.p - 1n)), f]);
      }
      return undefined;
    case 'sign':
      if (isNonZero(a) && e.kind === 'integer' && e.p % 2n === 0n) return ONE;
      return undefined;
    default:
      return undefined;
  }
}
