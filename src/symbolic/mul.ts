/**
 * The canonical product, as SymPy's Mul.flatten builds it: nested products flattened,
 * numbers multiplied into one coefficient, powers of one base merged (`x*x**2` → `x**3`,
 * `exp(x)*exp(2*x)` → `exp(3*x)`), numeric radicals combined (`sqrt(2)*sqrt(6)` →
 * `2*sqrt(3)`), and a number times a sum distributed (`2*(x + 1)` → `2*x + 2`), the one
 * place where SymPy expands on construction.
 */
import {
  E,
  makeMul,
  makeMulSorted,
  makeMulWith,
  makeRational,
  NAN,
  NEG_ONE,
  ONE,
  ZERO,
  ZOO,
} from './node.js';
import type { Core, Node } from './node.js';
import { isZero, numAdd, numMul, numNeg, numSign } from './numbers.js';
import { asBaseExp, asCoeffMul, coeffOf, restOf } from './parts.js';
import { divmod, gcd } from './rational.js';

/**
 * SymPy's _keep_coeff(c, t) for a number c: c*t with the coefficient folded into a product
 * without re-flattening (a coefficient that becomes 1, even 1.0, is dropped, as SymPy's
 * `== 1` does), -1 applied as negation unless `sign` (SymPy's sign=True keeps -1*(a + b)),
 * and a sum kept whole: c*(a + b).
 */
export function keepCoeff(c: Node, t: Node, core: Core, sign = false): Node {
  if (t === ONE) return c;
  if (c === ONE) return t;
  if (c === NEG_ONE && !sign) return negate(t, core);
  if (t.kind === 'add') return makeMul([c, t]);
  if (t.kind === 'mul') {
    const args = [...t.args];
    if (args[0]!.isNumber) {
      const k = numMul(args[0]!, c);
      if (numIsOne(k)) args.shift();
      else args[0] = k;
    } else args.unshift(c);
    return args.length === 1 ? args[0]! : makeMul(args);
  }
  const m = core.mul([c, t]);
  return m.isNumber && !t.isNumber ? makeMul([c, t]) : m;
}

/** Whether a number node equals 1 (the integer, or a float 1.0). */
const numIsOne = (n: Node): boolean => n === ONE || (n.kind === 'float' && n.value === 1);

/**
 * -n as Python's unary minus computes it on a SymPy expression (`__neg__`): a number is
 * negated, a sum term by term (Add.__neg__), a product by negating its coefficient in place
 * (Mul.__neg__), anything else becomes -1*n. zoo and nan are their own negatives.
 */
export function negate(n: Node, core: Core): Node {
  if (n.isNumber) return numNeg(n);
  switch (n.kind) {
    case 'special':
      return n;
    case 'add':
      return core.add(n.args.map((t) => negate(t, core)));
    case 'mul': {
      const c = numNeg(coeffOf(n));
      if (c === ONE) return restOf(n);
      if (n.args[0]!.isNumber) {
        const out = n.args.slice();
        out[0] = c;
        return makeMulSorted(out);
      }
      return makeMulSorted([c, ...n.args]);
    }
    default:
      return core.mul([NEG_ONE, n]);
  }
}

type Pair = [Node, Node];

/** Group exponents of one base by their non-numeric part and add the numeric parts. */
function gather(pairs: readonly Pair[], core: Core): Pair[] {
  const byBase = new Map<Node, Map<Node, Node[]>>();
  for (const [b, e] of pairs) {
    const [c, t] = asCoeffMul(e);
    let terms = byBase.get(b);
    if (!terms) byBase.set(b, (terms = new Map()));
    const list = terms.get(t);
    if (list) list.push(c);
    else terms.set(t, [c]);
  }
  const out: Pair[] = [];
  for (const [b, terms] of byBase)
    for (const [t, cs] of terms) out.push([b, core.mul([core.add(cs), t])]);
  return out;
}

/** e ↦ -e for asBaseExp, made once per core. */
let negator: { core: Core; neg: (e: Node) => Node } | undefined;
function negExp(core: Core): (e: Node) => Node {
  if (negator?.core !== core) negator = { core, neg: (e) => negate(e, core) };
  return negator.neg;
}

/** The base of a factor as Mul.flatten groups it: x for x**2, E for exp(u). */
export function baseOf(f: Node): Node {
  if (f.kind === 'pow') return f.args[0]!.kind === 'rational' ? f : f.args[0]!;
  if (f.kind === 'fn' && f.name === 'exp') return E;
  return f;
}

/**
 * Whether Mul.flatten leaves the factor `f` exactly as it is unless another factor has the
 * same base: a symbol, constant, sum, function, or a power of a non-number whose exponent
 * and value are already canonical (`x**2`; not `x**(2*(y + 1))` as factor_terms leaves it,
 * which flatten would expand). Numbers, products, zoo and nan, and numeric powers
 * (`sqrt(2)`, `2**x`, which combine with each other) are not plain. Decided once per node.
 */
export function isPlain(f: Node, core: Core): boolean {
  if (f.plainFactor !== 0) return f.plainFactor === 1;
  let plain: boolean;
  switch (f.kind) {
    case 'symbol':
    case 'constant':
    case 'add':
      plain = true;
      break;
    case 'fn':
    case 'pow': {
      if (f.kind === 'fn' && f.name !== 'exp') {
        plain = true;
        break;
      }
      f.plainFactor = 2; // while deciding: no (a cycle through the constructors ends here)
      const [b, e] = f.kind === 'pow' ? (f.args as [Node, Node]) : [E, f.args[0]!];
      if (b.isNumber) plain = false;
      else {
        // what gather() does to the factor on its own: exponent re-multiplied, power rebuilt
        const e2 = core.mul([coeffOf(e), restOf(e)]);
        plain = e2 === e && core.pow(b, e) === f;
      }
      break;
    }
    default:
      plain = false;
  }
  f.plainFactor = plain ? 1 : 2;
  return plain;
}

/**
 * A product times one more factor whose base it does not contain: the factor just joins
 * (what the full flatten below would do, in one pass over the product). This is the chain
 * rule's usual step, so d(sin(sin(…(x)))) stays fast at depth 10,000.
 */
function appendFactor(m: Node, f: Node, core: Core): Node | undefined {
  if (!isPlain(f, core)) return undefined;
  const b = baseOf(f);
  for (const g of m.args) if (baseOf(g) === b) return undefined;
  return makeMulWith(m, f);
}

/**
 * Two factors in the shapes that need no gathering (SymPy's Mul.flatten gives the same):
 * number × number, number × plain factor, number × product (the coefficient changes),
 * plain × plain with different bases, product × plain factor with a new base. Undefined
 * when the full flatten is needed.
 */
/**
 * SymPy's two-argument rule (Mul.flatten on exactly two factors): a nonzero rational times a
 * sum distributes, 2*(x + 1) → 2*x + 2; times r*(sum) (left unexpanded by factor_terms) it
 * stays (a*r)*(sum). Undefined when the rule does not apply.
 */
function twoArgRule(a: Node, b: Node, core: Core): Node | undefined {
  if (b.isRational) [a, b] = [b, a];
  if (!a.isRational || a === ZERO) return undefined;
  if (b.kind === 'add') return distribute(a, b, core);
  if (b.kind !== 'mul') return undefined;
  const r = coeffOf(b);
  const rest = restOf(b);
  if (rest.kind !== 'add' || r === ONE) return undefined;
  const ar = numMul(a, r);
  return ar === ONE ? rest : makeMul([ar, rest]);
}

function mulTwo(a: Node, b: Node, core: Core): Node | undefined {
  if (b.isNumber) [a, b] = [b, a];
  if (a.isNumber) {
    if (b.isNumber) return numMul(a, b);
    if (isZero(a) || b.kind === 'special' || b.kind === 'add') return undefined;
    if (b.kind === 'mul') {
      const r = coeffOf(b);
      const rest = restOf(b);
      if (rest.kind === 'add') return undefined;
      const k = numMul(a, r);
      if (isZero(k)) return ZERO;
      if (k === ONE) return rest;
      if (r === ONE) return makeMulSorted([k, ...b.args]);
      const out = b.args.slice();
      out[0] = k;
      return makeMulSorted(out);
    }
    return isPlain(b, core) ? makeMulSorted([a, b]) : undefined;
  }
  if (a.kind === 'mul') return b.kind === 'mul' ? undefined : appendFactor(a, b, core);
  if (b.kind === 'mul') return appendFactor(b, a, core);
  if (isPlain(a, core) && isPlain(b, core) && baseOf(a) !== baseOf(b)) return makeMul([a, b]);
  return undefined;
}

/**
 * Three or more factors that need no gathering: numbers (multiplied in order) and plain
 * factors with distinct bases, products among them flattened. Undefined otherwise, and when
 * one sum would be left with a number (that distributes).
 */
function mulPlain(seq: readonly Node[], core: Core): Node | undefined {
  let coeff: Node = ONE;
  const factors: Node[] = [];
  const bases: Node[] = [];
  const take = (f: Node): boolean => {
    if (f.isNumber) {
      coeff = numMul(coeff, f);
      return true;
    }
    if (!isPlain(f, core)) return false;
    const b = baseOf(f);
    if (bases.includes(b)) return false;
    bases.push(b);
    factors.push(f);
    return true;
  };
  for (const a of seq) {
    if (a.kind === 'mul') {
      for (const f of a.args) if (!take(f)) return undefined;
    } else if (!take(a)) return undefined;
  }
  if (isZero(coeff)) return ZERO;
  if (factors.length === 0) return coeff;
  if (factors.length === 1 && (coeff === ONE || factors[0]!.kind !== 'add'))
    return coeff === ONE ? factors[0]! : makeMulSorted([coeff, factors[0]!]);
  if (factors.length === 1) return undefined;
  if (coeff !== ONE) factors.push(coeff);
  return makeMul(factors);
}

/** r*(t₁ + t₂ + …) → r*t₁ + r*t₂ + … (SymPy: Add(*[_keep_coeff(r, t) for t in sum.args])). */
function distribute(r: Node, sum: Node, core: Core): Node {
  return core.add(sum.args.map((t) => keepCoeff(r, t, core)));
}

/**
 * The canonical product of `input` (SymPy's Mul.flatten). `fast` = false skips the
 * two-factor shortcuts (mulTwo), so tests can check they agree with the general path.
 */
export function mulFlatten(input: readonly Node[], core: Core, fast = true): Node {
  const seq = input.includes(ONE) ? input.filter((a) => a !== ONE) : input;
  if (seq.length === 0) return ONE;
  if (seq.length === 1) return seq[0]!;
  if (seq.length === 2) {
    const ruled = twoArgRule(seq[0]!, seq[1]!, core);
    if (ruled) return ruled;
    const quick = fast ? mulTwo(seq[0]!, seq[1]!, core) : undefined;
    if (quick) return quick;
  } else if (fast && seq.length <= 16) {
    const quick = mulPlain(seq, core);
    if (quick) return quick;
  }

  let coeff: Node = ONE;
  let infinite = false;
  const cPowers: Pair[] = [];
  const numExp: Pair[] = []; // positive number ** symbolic exponent: 2**x * 3**x → 6**x
  const numRat = new Map<Node, Node[]>(); // positive integer ** rational: sqrt(2)*sqrt(3) → sqrt(6)

  const stack = [...seq].reverse();
  while (stack.length) {
    const o = stack.pop()!;
    if (o === NAN) return NAN;
    if (o === ZOO) {
      infinite = true;
      continue;
    }
    if (o.kind === 'mul') {
      for (let i = o.args.length - 1; i >= 0; i--) stack.push(o.args[i]!);
      continue;
    }
    if (o.isNumber) {
      coeff = numMul(coeff, o);
      continue;
    }
    const [b, e] = asBaseExp(o, negExp(core));
    if (o.kind === 'pow' && b.isNumber) {
      // a number to a negative fraction is a sign of an unevaluated power ((1/2)**(1/2) as
      // 2**(-1/2)): evaluated (sqrt(2)/2) and its factors taken in, as SymPy does
      if (e.kind === 'rational' && e.p < 0n) {
        const p = core.pow(b, e);
        if (p !== o && !(p.kind === 'pow' && p.args[0] === b && p.args[1] === e)) {
          stack.push(p);
          continue;
        }
      }
      if (e.isRational && b.kind === 'integer' && b.p > 0n && e.kind === 'rational' && e.p > 0n) {
        const list = numRat.get(b);
        if (list) list.push(e);
        else numRat.set(b, [e]);
        continue;
      }
      if (!e.isNumber && numSign(b) > 0) {
        numExp.push([b, e]);
        continue;
      }
    }
    cPowers.push([b, e]);
  }

  // x**a * x**b → x**(a+b); repeat once if raising to a power changed a base (|x|**2 → x**2)
  let cPart: Node[] = [];
  let powers = gather(cPowers, core);
  for (let round = 0; round < 2; round++) {
    cPart = [];
    const next: Pair[] = [];
    let changed = false;
    for (let [b, e] of powers) {
      if (isZero(e)) continue;
      let p: Node;
      if (e === ONE) {
        if (b.isNumber) {
          coeff = numMul(coeff, b);
          continue;
        }
        p = b;
      } else {
        p = core.pow(b, e);
        if (p.kind === 'pow' && b.kind !== 'pow') {
          const bi = b;
          [b, e] = asBaseExp(p, negExp(core));
          if (b !== bi) changed = true;
        }
      }
      cPart.push(p);
      next.push([b, e]);
    }
    if (changed && new Set(next.map(([b]) => b)).size !== next.length) powers = gather(next, core);
    else break;
  }

  // 2**x * 3**x → 6**x
  const byExp = new Map<Node, Node[]>();
  for (const [b, e] of gather(numExp, core)) {
    const list = byExp.get(e);
    if (list) list.push(b);
    else byExp.set(e, [b]);
  }
  for (const [e, bs] of byExp) if (!isZero(e)) cPart.push(core.pow(core.mul(bs), e));

  coeff = numMul(coeff, radicals(numRat, cPart, core));

  if (infinite) return isZero(coeff) ? NAN : ZOO;
  if (isZero(coeff)) return ZERO;

  // numbers produced along the way (a power that evaluated) join the coefficient; products
  // produced by a power (|x|**3 → x**2*|x|) are spread
  const factors: Node[] = [];
  const spread = [...cPart];
  while (spread.length) {
    const f = spread.pop()!;
    if (f.isNumber) coeff = numMul(coeff, f);
    else if (f.kind === 'mul') spread.push(...f.args);
    else if (f !== ONE) factors.push(f);
  }
  if (isZero(coeff)) return ZERO;

  // a number times a single sum distributes (2*(x + 1) → 2*x + 2)
  if (factors.length === 1 && coeff !== ONE && factors[0]!.kind === 'add')
    return core.add(factors[0]!.args.map((t) => core.mul([coeff, t])));

  if (coeff !== ONE) factors.push(coeff);
  if (factors.length === 0) return ONE;
  if (factors.length === 1) return factors[0]!;
  return makeMul(factors);
}

/**
 * coeff times a numeric power that normally evaluates to a number; one too large to write
 * out (see MAX_EXACT_BITS) stays a power and joins the factors instead.
 */
function absorb(coeff: Node, p: Node, out: Node[]): Node {
  if (p.isNumber) return numMul(coeff, p);
  for (const f of p.kind === 'mul' ? p.args : [p]) {
    if (f.isNumber) coeff = numMul(coeff, f);
    else out.push(f);
  }
  return coeff;
}

/**
 * Products of positive integers to rational powers, as Mul.flatten combines them: exponents
 * of one base added, bases with one exponent multiplied, whole powers moved into the
 * coefficient (sqrt(2)*sqrt(2) → 2, sqrt(2)*sqrt(3) → sqrt(6), sqrt(2)*sqrt(6) → 2*sqrt(3)).
 * Pushes the remaining radicals to `out` and returns the numeric factor extracted.
 */
function radicals(numRat: Map<Node, Node[]>, out: Node[], core: Core): Node {
  if (numRat.size === 0) return ONE;
  let coeff: Node = ONE;
  // sum the exponents of each base, then group bases by total exponent
  const byExp = new Map<Node, bigint>();
  const order: Node[] = [];
  for (const [b, es] of numRat) {
    const e = es.reduce((s, x) => numAdd(s, x), ZERO);
    const prev = byExp.get(e);
    if (prev === undefined) {
      byExp.set(e, b.p);
      order.push(e);
    } else byExp.set(e, prev * b.p);
  }
  const pending: [bigint, Node][] = [];
  for (const e of order) {
    const b = byExp.get(e)!;
    const bNode = makeRational(b, 1n);
    if (e.q === 1n) {
      coeff = absorb(coeff, core.pow(bNode, e), out);
      continue;
    }
    let ee = e;
    if (e.p > e.q) {
      const [whole, rest] = divmod(e.p, e.q);
      coeff = absorb(coeff, core.pow(bNode, makeRational(whole, 1n)), out);
      ee = makeRational(rest, e.q);
    }
    pending.push([b, ee]);
  }
  // common factors of bases with different exponents: 4**(1/3)*6**(1/4) → 2**(7/12)*…
  const pnew = new Map<Node, bigint>();
  for (let i = 0; i < pending.length; i++) {
    const ei = pending[i]![1];
    let bi = pending[i]![0];
    for (let j = i + 1; j < pending.length && bi !== 1n; j++) {
      const [bj, ej] = pending[j]!;
      const g = gcd(bi, bj);
      if (g === 1n) continue;
      let e = numAdd(ei, ej);
      if (e.q === 1n) coeff = absorb(coeff, core.pow(makeRational(g, 1n), e), out);
      else {
        if (e.p > e.q) {
          const [whole, rest] = divmod(e.p, e.q);
          coeff = absorb(coeff, core.pow(makeRational(g, 1n), makeRational(whole, 1n)), out);
          e = makeRational(rest, e.q);
        }
        pending.push([g, e]);
      }
      pending[j] = [bj / g, ej];
      bi /= g;
    }
    if (bi !== 1n) {
      const obj = core.pow(makeRational(bi, 1n), ei);
      for (const f of obj.kind === 'mul' ? obj.args : [obj]) {
        if (f.isNumber) coeff = numMul(coeff, f);
        else if (f.kind === 'pow') {
          const [b, e] = f.args as [Node, Node];
          pnew.set(e, (pnew.get(e) ?? 1n) * b.p);
        } else out.push(f);
      }
    }
  }
  for (const [e, b] of pnew) {
    const p = core.pow(makeRational(b, 1n), e);
    if (p.isNumber) coeff = numMul(coeff, p);
    else out.push(p);
  }
  return coeff;
}
