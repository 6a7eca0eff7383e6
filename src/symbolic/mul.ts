/**
 * The canonical product, as SymPy's Mul.flatten builds it: nested products flattened,
 * numbers multiplied into one coefficient, powers of one base merged (`x*x**2` → `x**3`,
 * `exp(x)*exp(2*x)` → `exp(3*x)`), numeric radicals combined (`sqrt(2)*sqrt(6)` →
 * `2*sqrt(3)`), and a number times a sum distributed (`2*(x + 1)` → `2*x + 2`), the one
 * place where SymPy expands on construction.
 */
import { E, makeMul, makeMulWith, makeRational, NAN, NEG_ONE, ONE, ZERO, ZOO } from './node.js';
import type { Core, Node } from './node.js';
import { isZero, numAdd, numMul, numSign } from './numbers.js';
import { asBaseExp, asCoeffMul } from './parts.js';
import { divmod, gcd } from './rational.js';

/** SymPy's _keep_coeff(c, t): c*t with the coefficient folded into t without re-flattening. */
export function keepCoeff(c: Node, t: Node, core: Core): Node {
  if (t === ONE) return c;
  if (c === ONE) return t;
  if (t.kind === 'mul') {
    const args = [...t.args];
    if (args[0]!.isNumber) {
      const k = numMul(args[0]!, c);
      if (k === ONE) args.shift();
      else args[0] = k;
    } else args.unshift(c);
    return args.length === 1 ? args[0]! : makeMul(args);
  }
  return core.mul([c, t]);
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

const negate = (core: Core) => (e: Node) => core.mul([NEG_ONE, e]);

/** The base of a factor as Mul.flatten groups it: x for x**2, E for exp(u). */
function baseOf(f: Node): Node {
  if (f.kind === 'pow') return f.args[0]!.kind === 'rational' ? f : f.args[0]!;
  if (f.kind === 'fn' && f.name === 'exp') return E;
  return f;
}

/**
 * A product times one more factor whose base it does not contain: the factor just joins
 * (what the full flatten below would do, in one pass over the product). This is the chain
 * rule's usual step, so d(sin(sin(…(x)))) stays fast at depth 10,000.
 */
function appendFactor(m: Node, f: Node): Node | undefined {
  if (f.kind === 'mul' || f.kind === 'add' || f.kind === 'special' || f.isNumber) return undefined;
  const b = baseOf(f);
  if (b.isNumber || b.kind === 'pow') return undefined; // numeric radicals combine
  for (const g of m.args) if (baseOf(g) === b) return undefined;
  return makeMulWith(m, f);
}

export function mulFlatten(input: readonly Node[], core: Core): Node {
  const seq = input.filter((a) => a !== ONE);
  if (seq.length === 0) return ONE;
  if (seq.length === 1) return seq[0]!;
  if (seq.length === 2) {
    const [a, b] = seq as [Node, Node];
    const fast =
      a.kind === 'mul' ? appendFactor(a, b) : b.kind === 'mul' ? appendFactor(b, a) : undefined;
    if (fast) return fast;
  }

  // SymPy's two-argument rule: a rational times a sum distributes, 2*(x + 1) → 2*x + 2
  if (seq.length === 2) {
    let [a, b] = seq as [Node, Node];
    if (b.isRational) [a, b] = [b, a];
    if (a.isRational && !isZero(a) && b.kind === 'add')
      return core.add(b.args.map((t) => keepCoeff(a, t, core)));
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
    const [b, e] = asBaseExp(o, negate(core));
    if (o.kind === 'pow' && b.isNumber) {
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
          [b, e] = asBaseExp(p, negate(core));
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
 * Products of positive integers to rational powers, as Mul.flatten combines them: exponents
 * of one base added, bases with one exponent multiplied, whole powers moved into the
 * coefficient (sqrt(2)*sqrt(2) → 2, sqrt(2)*sqrt(3) → sqrt(6), sqrt(2)*sqrt(6) → 2*sqrt(3)).
 * Pushes the remaining radicals to `out` and returns the numeric factor extracted.
 */
function radicals(numRat: Map<Node, Node[]>, out: Node[], core: Core): Node {
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
      coeff = numMul(coeff, core.pow(bNode, e));
      continue;
    }
    let ee = e;
    if (e.p > e.q) {
      const [whole, rest] = divmod(e.p, e.q);
      coeff = numMul(coeff, core.pow(bNode, makeRational(whole, 1n)));
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
      if (e.q === 1n) coeff = numMul(coeff, core.pow(makeRational(g, 1n), e));
      else {
        if (e.p > e.q) {
          const [whole, rest] = divmod(e.p, e.q);
          coeff = numMul(coeff, core.pow(makeRational(g, 1n), makeRational(whole, 1n)));
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
