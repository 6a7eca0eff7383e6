/**
 * The functions an expression may apply, and what SymPy's `eval` does to each on
 * construction: values at special points (`exp(0)` → 1, `cos(pi)` → -1), symmetry
 * (`sin(-x)` → `-sin(x)`, `cos(-x)` → `cos(x)`), inverses (`exp(log(x))` → `x`), float
 * arguments evaluated. Nothing heavier: that is simplify's job.
 *
 * Symbols are real, so `log(exp(x))` → `x` and `Abs(x**2)` → `x**2`. There are no complex
 * numbers: where SymPy would return one (`log(-2)` = `log(2) + I*pi`), the call stays as is.
 */
import {
  E,
  HALF,
  makeFloat,
  makeFn,
  makeRational,
  NAN,
  NEG_ONE,
  ONE,
  PI,
  TWO,
  ZERO,
  ZOO,
} from './node.js';
import type { Core, Node } from './node.js';
import { applyNumber } from './numeric.js';
import { isZero, numAbs, numCompare, numSign } from './numbers.js';
import type { Ordering } from './order.js';
import { asCoeffMul, coeffOf, mulArgs } from './parts.js';
import { isExtendedReal, isNegative, isNonNegative, isNonPositive, isPositive } from './signs.js';

interface Ctx {
  core: Core;
  ord: Ordering;
}

/** Each function's number of arguments: the parser uses it to name unknown functions. */
export const FUNCTION_ARITY: Readonly<Record<string, number>> = {
  exp: 1,
  log: 1,
  sin: 1,
  cos: 1,
  tan: 1,
  cot: 1,
  sec: 1,
  csc: 1,
  asin: 1,
  acos: 1,
  atan: 1,
  sinh: 1,
  cosh: 1,
  tanh: 1,
  asinh: 1,
  acosh: 1,
  atanh: 1,
  abs: 1,
  sign: 1,
  erf: 1,
  relu: 1,
  sigmoid: 1,
  softplus: 1,
  gelu: 1,
  atan2: 2,
};

const ODD = new Set([
  'sin',
  'tan',
  'cot',
  'csc',
  'asin',
  'atan',
  'sinh',
  'tanh',
  'asinh',
  'atanh',
  'erf',
]);
const EVEN = new Set(['cos', 'sec', 'cosh']);

/** The canonical application of a known function (name as in FUNCTION_ARITY). */
export function fnEval(name: string, args: readonly Node[], ctx: Ctx): Node {
  if (args.includes(NAN)) return NAN;
  const special = EVALUATORS[name]?.(args, ctx);
  if (special) return special;
  // float arguments are evaluated (SymPy's _should_evalf); a non-real result stays symbolic
  if (args.every((a) => a.kind === 'float')) {
    const v = applyNumber(
      name,
      args.map((a) => a.value),
    );
    if (!Number.isNaN(v)) return v === 0 ? ZERO : makeFloat(v);
  }
  const a = args[0]!;
  if (args.length === 1 && (ODD.has(name) || EVEN.has(name)) && ctx.ord.couldExtractMinusSign(a)) {
    const inner = fnEval(name, [ctx.core.mul([NEG_ONE, a])], ctx);
    return ODD.has(name) ? ctx.core.mul([NEG_ONE, inner]) : inner;
  }
  return makeFn(name, args);
}

type Evaluator = (args: readonly Node[], ctx: Ctx) => Node | undefined;

const isFn = (n: Node, name: string): boolean => n.kind === 'fn' && n.name === name;

// ---- multiples of pi --------------------------------------------------------------------------

/** c when n = c*pi with c rational (pi itself: 1), else undefined. */
function piCoefficient(n: Node): Node | undefined {
  if (n === PI) return ONE;
  if (n.kind === 'mul' && n.args.length === 2 && n.args[0]!.isRational && n.args[1] === PI)
    return n.args[0];
  if (n === ZERO) return ZERO;
  return undefined;
}

/** sin(r*pi) for r in [0, 1/2] where it is a simple radical. */
function sinTable(r: Node, core: Core): Node | undefined {
  const sqrt = (k: bigint): Node => core.pow(makeRational(k, 1n), HALF);
  if (r === ZERO) return ZERO;
  if (r === HALF) return ONE;
  const key = `${r.p}/${r.q}`;
  switch (key) {
    case '1/6':
      return HALF;
    case '1/4':
      return core.mul([HALF, sqrt(2n)]);
    case '1/3':
      return core.mul([HALF, sqrt(3n)]);
    default:
      return undefined;
  }
}

/** r mod 2 as a Rational node. */
function mod2(c: Node): Node {
  const twoQ = 2n * c.q;
  let p = c.p % twoQ;
  if (p < 0n) p += twoQ;
  return makeRational(p, c.q);
}

const sub = (a: Node, b: Node): Node => makeRational(a.p * b.q - b.p * a.q, a.q * b.q);

/** sin(c*pi) exactly, when c reduces to a tabulated angle. */
function sinOfPiMultiple(c: Node, core: Core): Node | undefined {
  let r = mod2(c);
  let sign = 1;
  if (numCompare(r, ONE) >= 0) {
    r = sub(r, ONE);
    sign = -1;
  }
  if (numCompare(r, HALF) > 0) r = sub(ONE, r);
  const v = sinTable(r, core);
  if (!v) return undefined;
  return sign < 0 ? core.mul([NEG_ONE, v]) : v;
}

const cosOfPiMultiple = (c: Node, core: Core): Node | undefined =>
  sinOfPiMultiple(makeRational(c.p * 2n + c.q, 2n * c.q), core);

/** Split a sum into (rest, m) with m a multiple of pi/2 (SymPy's _peeloff_pi). */
function peelOffPi(arg: Node, core: Core): [Node, Node] | undefined {
  if (arg.kind !== 'add') return undefined;
  let coeff: Node = ZERO;
  const rest: Node[] = [];
  for (const t of arg.args) {
    const k = piCoefficient(t);
    if (k) coeff = makeRational(coeff.p * k.q + k.p * coeff.q, coeff.q * k.q);
    else rest.push(t);
  }
  if (coeff === ZERO) return undefined;
  // m2 = the largest multiple of 1/2 not above coeff
  const halves =
    (2n * coeff.p) / coeff.q - (2n * coeff.p < 0n && (2n * coeff.p) % coeff.q ? 1n : 0n);
  const m2 = makeRational(halves, 2n);
  if (m2 === ZERO) return undefined;
  const m1 = sub(coeff, m2);
  return [core.add([...rest, core.mul([m1, PI])]), m2];
}

// ---- evaluators ---------------------------------------------------------------------------------

function trigSinCos(which: 'sin' | 'cos'): Evaluator {
  return ([a], { core }) => {
    if (a === ZOO) return NAN;
    const c = piCoefficient(a!);
    if (c) return which === 'sin' ? sinOfPiMultiple(c, core) : cosOfPiMultiple(c, core);
    const peeled = peelOffPi(a!, core);
    if (peeled) {
      const [x, m2] = peeled;
      const sm = sinOfPiMultiple(m2, core)!;
      const cm = cosOfPiMultiple(m2, core)!;
      const sx = core.fn('sin', [x]);
      const cx = core.fn('cos', [x]);
      // sin(x + m) = sin m cos x + cos m sin x; cos(x + m) = cos m cos x - sin m sin x
      return which === 'sin'
        ? core.add([core.mul([sm, cx]), core.mul([cm, sx])])
        : core.add([core.mul([cm, cx]), core.mul([NEG_ONE, sm, sx])]);
    }
    if (a!.kind === 'fn') {
      const u = a!.args[0]!;
      const root1mu2 = (): Node =>
        core.pow(core.add([ONE, core.mul([NEG_ONE, core.pow(u, TWO)])]), HALF);
      const root1pu2 = (): Node => core.pow(core.add([ONE, core.pow(u, TWO)]), HALF);
      if (a!.name === 'atan2') {
        // sin(atan2(y, x)) = y/sqrt(x**2 + y**2), cos(…) = x/sqrt(x**2 + y**2)
        const [y, x] = a!.args as [Node, Node];
        const r = core.pow(core.add([core.pow(x, TWO), core.pow(y, TWO)]), HALF);
        return core.mul([which === 'sin' ? y : x, core.pow(r, NEG_ONE)]);
      }
      if (which === 'sin') {
        if (a!.name === 'asin') return u;
        if (a!.name === 'acos') return root1mu2();
        if (a!.name === 'atan') return core.mul([u, core.pow(root1pu2(), NEG_ONE)]);
      } else {
        if (a!.name === 'acos') return u;
        if (a!.name === 'asin') return root1mu2();
        if (a!.name === 'atan') return core.pow(root1pu2(), NEG_ONE);
      }
    }
    return undefined;
  };
}

/** tan and cot through sin/cos at multiples of pi, and at sums with a multiple of pi/2. */
function trigRatio(which: 'tan' | 'cot'): Evaluator {
  return ([a], { core }) => {
    if (a === ZOO) return NAN;
    const c = piCoefficient(a!);
    if (c) {
      const s = sinOfPiMultiple(c, core);
      const co = cosOfPiMultiple(c, core);
      if (!s || !co) return undefined;
      return which === 'tan'
        ? core.mul([s, core.pow(co, NEG_ONE)])
        : core.mul([co, core.pow(s, NEG_ONE)]);
    }
    const peeled = peelOffPi(a!, core);
    if (peeled) {
      const [x, m2] = peeled;
      // period pi; a shift by an odd multiple of pi/2 turns tan into -cot
      if (m2.q === 1n) return core.fn(which, [x]);
      return core.mul([NEG_ONE, core.fn(which === 'tan' ? 'cot' : 'tan', [x])]);
    }
    if (a!.kind === 'fn') {
      const u = a!.args[0]!;
      const root = (): Node =>
        core.pow(core.add([ONE, core.mul([NEG_ONE, core.pow(u, TWO)])]), HALF);
      const inv = (n: Node): Node => core.pow(n, NEG_ONE);
      if (a!.name === 'atan2') {
        const [y, x] = a!.args as [Node, Node];
        return which === 'tan' ? core.mul([y, inv(x)]) : core.mul([x, inv(y)]);
      }
      if (which === 'tan') {
        if (a!.name === 'atan') return u;
        if (a!.name === 'asin') return core.mul([u, inv(root())]);
        if (a!.name === 'acos') return core.mul([root(), inv(u)]);
      } else {
        if (a!.name === 'atan') return inv(u);
        if (a!.name === 'asin') return core.mul([root(), inv(u)]);
        if (a!.name === 'acos') return core.mul([u, inv(root())]);
      }
    }
    return undefined;
  };
}

/**
 * sec and csc evaluate through cos and sin: sec(pi/4) → sqrt(2), sec(x + pi) → -sec(x),
 * sec(x + pi/2) → -csc(x).
 */
function reciprocalTrig(of: 'sin' | 'cos'): Evaluator {
  const evalOf = trigSinCos(of);
  return (args, ctx) => {
    const { core } = ctx;
    const t = evalOf(args, ctx);
    if (!t) return undefined;
    const [c, rest] = asCoeffMul(t);
    if (rest.kind === 'fn' && (rest.name === 'sin' || rest.name === 'cos')) {
      const r = makeFn(rest.name === 'sin' ? 'csc' : 'sec', rest.args);
      return core.mul([core.pow(c, NEG_ONE), r]);
    }
    return core.pow(t, NEG_ONE);
  };
}

/**
 * Inverse functions at the points of a small table: asin(1/2) = pi/6. The table is built on
 * first use and kept (its entries are canonical nodes, compared by identity); only an
 * argument without symbols can be in it.
 */
function inverseTable(build: (core: Core) => ReadonlyArray<[Node, Node]>): Evaluator {
  let table: Map<Node, Node> | undefined;
  return ([a], { core }) => {
    if (a!.hasSymbols) return undefined;
    table ??= new Map(build(core));
    return table.get(a!);
  };
}

const piTimes = (p: bigint, q: bigint, core: Core): Node => core.mul([makeRational(p, q), PI]);

function evalExp([a]: readonly Node[], { core }: Ctx): Node | undefined {
  if (a === ZERO) return ONE;
  if (a === ONE) return E;
  if (a === ZOO) return NAN;
  if (a!.kind === 'float' && a!.value === 0) return ONE;
  if (isFn(a!, 'log')) return a!.args[0];
  if (a!.kind === 'mul') {
    // exp(c*log(x)) = x**c for a real constant c
    const coeffs: Node[] = [];
    let logArg: Node | undefined;
    for (const f of a!.args) {
      if (isFn(f, 'log')) {
        if (logArg) return undefined;
        logArg = f.args[0];
      } else if (!f.hasSymbols && isExtendedReal(f)) coeffs.push(f);
      else return undefined;
    }
    return logArg ? core.pow(logArg, core.mul(coeffs)) : undefined;
  }
  if (a!.kind === 'add') {
    // exp(x + log(y)) = y*exp(x)
    const out: Node[] = [];
    const kept: Node[] = [];
    let changed = false;
    for (const t of a!.args) {
      if (t === ONE) {
        kept.push(t);
        continue;
      }
      const e = core.fn('exp', [t]);
      if (isFn(e, 'exp')) {
        if (e.args[0] !== t) changed = true;
        kept.push(e.args[0]!);
      } else out.push(e);
    }
    if (out.length || changed) {
      if (kept.length) out.push(makeFn('exp', [core.add(kept)]));
      return core.mul(out);
    }
  }
  return undefined;
}

function evalLog([a]: readonly Node[], { core }: Ctx): Node | undefined {
  if (a === ONE) return ZERO;
  if (a === ZERO) return ZOO;
  if (a === E) return ONE;
  if (a === ZOO) return ZOO;
  if (a!.kind === 'rational' && a!.p === 1n)
    return core.mul([NEG_ONE, core.fn('log', [makeRational(a!.q, 1n)])]);
  if (isFn(a!, 'exp') && isExtendedReal(a!.args[0]!)) return a!.args[0];
  return undefined;
}

/** A product's factors split into numerator and denominator (negative powers). */
function numerDenom(n: Node, core: Core): [Node, Node] {
  const num: Node[] = [];
  const den: Node[] = [];
  for (const f of mulArgs(n)) {
    if (f.kind === 'pow' && numSign(coeffOf(f.args[1]!)) < 0) den.push(core.pow(f, NEG_ONE));
    else if (f.kind === 'rational') {
      num.push(makeRational(f.p, 1n));
      den.push(makeRational(f.q, 1n));
    } else num.push(f);
  }
  return [core.mul(num), core.mul(den)];
}

function evalAbs([a]: readonly Node[], ctx: Ctx): Node | undefined {
  const { core, ord } = ctx;
  if (a!.isNumber) return isZero(a!) ? ZERO : numAbs(a!); // Abs(0.0) is 0, as in SymPy
  if (a === ZOO) return ZOO; // SymPy: oo
  const [n, d] = numerDenom(a!, core);
  if (d.hasSymbols && !n.hasSymbols)
    return core.mul([core.fn('abs', [n]), core.pow(core.fn('abs', [d]), NEG_ONE)]);
  if (a!.kind === 'mul') {
    const known: Node[] = [];
    const unknown: Node[] = [];
    for (const f of a!.args) {
      if (f.kind === 'pow' && f.args[1]!.kind === 'integer' && f.args[1]!.p < 0n) {
        const b = core.fn('abs', [f.args[0]!]);
        if (isFn(b, 'abs')) unknown.push(f);
        else known.push(core.pow(b, f.args[1]!));
        continue;
      }
      const t = core.fn('abs', [f]);
      if (isFn(t, 'abs')) unknown.push(f);
      else known.push(t);
    }
    if (known.length) {
      if (unknown.length) known.push(makeFn('abs', [core.mul(unknown)]));
      return core.mul(known);
    }
  }
  if (a!.kind === 'pow') {
    const [b, e] = a!.args as [Node, Node];
    if (isExtendedReal(b) && e.kind === 'integer') {
      if (e.p % 2n === 0n) return a;
      if (b === NEG_ONE) return ONE;
      return core.pow(core.fn('abs', [b]), e);
    }
  }
  if (isNonNegative(a!)) return a;
  if (isNonPositive(a!)) return core.mul([NEG_ONE, a!]);
  if (ord.couldExtractMinusSign(a!)) return core.fn('abs', [core.mul([NEG_ONE, a!])]);
  return undefined;
}

function evalSign([a]: readonly Node[], { core }: Ctx): Node | undefined {
  if (a!.isNumber) return makeRational(BigInt(numSign(a!)), 1n);
  if (isPositive(a!)) return ONE;
  if (isNegative(a!)) return NEG_ONE;
  if (isFn(a!, 'sign')) return a;
  if (a!.kind === 'mul') {
    const [c, rest] = asCoeffMul(a!);
    let s = numSign(c);
    const unknown: Node[] = [];
    const factors = mulArgs(rest);
    for (const f of factors) {
      if (isNegative(f)) s = -s;
      else if (!isPositive(f)) unknown.push(f);
    }
    if (c === ONE && unknown.length === factors.length) return undefined;
    const inner = unknown.length ? makeFn('sign', [core.mul(unknown)]) : ONE;
    return core.mul([makeRational(BigInt(s), 1n), inner]);
  }
  return undefined;
}

function evalAtan2([y, x]: readonly Node[], { core }: Ctx): Node | undefined {
  if (!isExtendedReal(x!) || !isExtendedReal(y!)) return undefined;
  const atanYX = (): Node => core.fn('atan', [core.mul([y!, core.pow(x!, NEG_ONE)])]);
  if (isPositive(x!)) return atanYX();
  if (isNegative(x!)) {
    if (isNegative(y!)) return core.add([atanYX(), core.mul([NEG_ONE, PI])]);
    if (isNonNegative(y!)) return core.add([atanYX(), PI]);
  }
  if (x === ZERO) {
    if (isPositive(y!)) return core.mul([HALF, PI]);
    if (isNegative(y!)) return core.mul([makeRational(-1n, 2n), PI]);
    if (y === ZERO) return NAN;
  }
  return undefined;
}

function evalRelu([a]: readonly Node[]): Node | undefined {
  if (a!.isRational) return numSign(a!) > 0 ? a : ZERO;
  return undefined;
}

const at =
  (point: Node, value: (core: Core) => Node): Evaluator =>
  ([a], { core }) =>
    a === point ? value(core) : undefined;

const first =
  (...evs: Evaluator[]): Evaluator =>
  (args, ctx) => {
    for (const ev of evs) {
      const r = ev(args, ctx);
      if (r) return r;
    }
    return undefined;
  };

const inverse =
  (of: string): Evaluator =>
  ([a]) =>
    isFn(a!, of) ? a!.args[0] : undefined;

const sqrtOf = (k: bigint, core: Core): Node => core.pow(makeRational(k, 1n), HALF);

const EVALUATORS: Readonly<Record<string, Evaluator>> = {
  exp: evalExp,
  log: evalLog,
  sin: trigSinCos('sin'),
  cos: trigSinCos('cos'),
  tan: trigRatio('tan'),
  cot: trigRatio('cot'),
  sec: reciprocalTrig('cos'),
  csc: reciprocalTrig('sin'),
  asin: inverseTable((core) => [
    [ZERO, ZERO],
    [ONE, piTimes(1n, 2n, core)],
    [HALF, piTimes(1n, 6n, core)],
    [core.mul([HALF, sqrtOf(2n, core)]), piTimes(1n, 4n, core)],
    [core.mul([HALF, sqrtOf(3n, core)]), piTimes(1n, 3n, core)],
  ]),
  acos: inverseTable((core) => [
    [ZERO, piTimes(1n, 2n, core)],
    [ONE, ZERO],
    [NEG_ONE, PI],
    [HALF, piTimes(1n, 3n, core)],
    [makeRational(-1n, 2n), piTimes(2n, 3n, core)],
  ]),
  atan: inverseTable((core) => [
    [ZERO, ZERO],
    [ONE, piTimes(1n, 4n, core)],
    [sqrtOf(3n, core), piTimes(1n, 3n, core)],
    [core.mul([makeRational(1n, 3n), sqrtOf(3n, core)]), piTimes(1n, 6n, core)],
  ]),
  sinh: first(
    at(ZERO, () => ZERO),
    inverse('asinh'),
  ),
  cosh: first(
    at(ZERO, () => ONE),
    inverse('acosh'),
  ),
  tanh: first(
    at(ZERO, () => ZERO),
    inverse('atanh'),
  ),
  asinh: first(
    at(ZERO, () => ZERO),
    // asinh(1) = log(1 + sqrt(2)), as SymPy writes it
    at(ONE, (core) => core.fn('log', [core.add([ONE, sqrtOf(2n, core)])])),
  ),
  acosh: at(ONE, () => ZERO),
  atanh: at(ZERO, () => ZERO),
  abs: evalAbs,
  sign: evalSign,
  erf: at(ZERO, () => ZERO),
  relu: evalRelu,
  sigmoid: at(ZERO, () => HALF),
  softplus: at(ZERO, (core) => core.fn('log', [TWO])),
  gelu: at(ZERO, () => ZERO),
  atan2: evalAtan2,
};
