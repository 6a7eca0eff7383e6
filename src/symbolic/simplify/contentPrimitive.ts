/**
 * SymPy's `primitive` and `as_content_primitive`: the positive rational content of an
 * expression and what is left, `6*x + 4` → [2, 3*x + 2], `(2*x + 2)**2` → [4, (x + 1)**2].
 */
import { core } from '../core.js';
import { makeAdd, makeInteger, makeMul, makeRational, NEG_ONE, ONE, ZERO } from '../node.js';
import type { Node } from '../node.js';
import { numMul, numSign } from '../numbers.js';
import { asBaseExp, asCoeffAdd, asCoeffMul } from '../parts.js';
import { gcd } from '../rational.js';
import { add, keepCoeff, mul, neg } from './build.js';
import { memoizePair } from './memo.js';

const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

/**
 * Add.primitive: the rational content (gcd of numerators over lcm of denominators, positive)
 * and the sum divided by it, term by term without re-collecting: `2*x + 4` → [2, x + 2].
 */
export function primitive(n: Node): [Node, Node] {
  if (n.kind !== 'add') {
    const [c, rest] = asCoeffMul(n);
    if (!c.isRational || c === ZERO) return [ONE, n];
    return numSign(c) < 0 ? [makeRational(-c.p, c.q), neg(rest)] : [c, rest];
  }
  let g = 0n;
  let l = 1n;
  const parts = n.args.map((a) => {
    const [c, m] = asCoeffMul(a);
    return c.isRational ? { p: c.p, q: c.q, m } : { p: 1n, q: 1n, m: a };
  });
  for (const t of parts) {
    g = gcd(g, t.p);
    l = lcm(l, t.q);
  }
  if (g === 1n && l === 1n) return [ONE, n];
  const terms = parts.map((t) => keepCoeff(makeInteger((t.p / g) * (l / t.q)), t.m));
  return [makeRational(g, l), rawAdd(terms)];
}

/** A sum of terms known to be distinct and canonical (no re-collection). */
function rawAdd(terms: readonly Node[]): Node {
  if (terms.some((t) => t.kind === 'add')) return add(terms);
  return terms.length === 1 ? terms[0]! : makeAdd(terms);
}

const cleared = memoizePair((n) => contentPrimitiveUncached(n, true));
const uncleared = memoizePair((n) => contentPrimitiveUncached(n, false));

/**
 * expr.as_content_primitive(): [positive rational R, expr/R]; R = 1 when nothing comes out.
 * With `clear` false, a fractional content is left inside a sum when a term then has a whole
 * coefficient (`x*y + y/2` stays [1, x*y + y/2] rather than [1/2, 2*x*y + y]).
 */
export function contentPrimitive(n: Node, clear = true): [Node, Node] {
  return clear ? cleared(n) : uncleared(n);
}

function contentPrimitiveUncached(n: Node, clear: boolean): [Node, Node] {
  switch (n.kind) {
    case 'integer':
    case 'rational':
      if (n === ZERO) return [ONE, n];
      return numSign(n) > 0 ? [n, ONE] : [makeRational(-n.p, n.q), NEG_ONE];
    case 'add': {
      let changed = false;
      const terms = n.args.map((a) => {
        const [c, p] = contentPrimitive(a, clear);
        // a term that already reads c*p (the usual case) is kept without rebuilding
        const [c0, p0] = asCoeffMul(a);
        if (c0 === c && p0 === p) return a;
        const t = keepCoeff(c, p);
        if (t !== a) changed = true;
        return t;
      });
      const [con, prim] = primitive(changed ? add(terms) : n);
      if (clear || con.kind !== 'rational' || prim.kind !== 'add') return [con, prim];
      // keep the denominator inside if a term then has a whole coefficient
      const d = makeRational(1n, con.q);
      const inside = mul([prim, d]);
      if (inside.kind === 'add' && inside.args.some((a) => asCoeffMul(a)[0].kind === 'integer'))
        return [makeInteger(con.p), inside];
      return [con, prim];
    }
    case 'mul': {
      let coef: Node = ONE;
      let changed = false;
      const args: Node[] = [];
      for (const a of n.args) {
        const [c, p] = contentPrimitive(a, clear);
        coef = numMul(coef, c);
        if (a.isNumber) {
          if (p !== ONE) args.push(p);
        } else if (c !== ONE || p !== a) changed = true;
        if (!a.isNumber && p !== ONE) args.push(p);
      }
      if (!changed) {
        // only the numeric coefficient moved out: the rest is n's other factors as they are
        const rest = n.args.filter((a) => !a.isNumber);
        const sign = args.length > rest.length ? args[0]! : ONE; // -1 when the number was negative
        if (sign === ONE) return [coef, rest.length === 1 ? rest[0]! : makeMul(rest)];
        if (rest.length > 1 || rest[0]!.kind !== 'add') return [coef, makeMul([sign, ...rest])];
      }
      return [coef, core.mul(args)];
    }
    case 'pow': {
      const b = n.args[0]!;
      // x**k, f(x)**k: no content anywhere
      if (
        n.args[1]!.kind === 'integer' &&
        (b.kind === 'symbol' || b.kind === 'fn' || b.kind === 'constant')
      )
        return [ONE, n];
      return powContentPrimitive(n, clear);
    }
    default:
      return [ONE, n];
  }
}

function powContentPrimitive(n: Node, clear: boolean): [Node, Node] {
  const [b0, e0] = asBaseExp(n, neg);
  const b = keepCoeff(...contentPrimitive(b0, clear));
  const [ce, pe] = contentPrimitive(e0, clear);
  if (b.isRational) {
    // b**(ce*(h + t)) = b**⌊ce*h⌋ * b**(ce*t + r) with the whole part of the exponent pulled out
    const [h, t] = asCoeffAdd(pe);
    if (h.isRational && b !== ZERO) {
      const ceh = numMul(ce, h);
      let c = core.pow(b, ceh);
      let r: Node = ZERO;
      if (!c.isRational) {
        const whole = floorDiv(ceh.p, ceh.q);
        r = makeRational(ceh.p - whole * ceh.q, 1n);
        c = core.pow(b, makeInteger(whole));
      }
      const rest = add([t, core.mul([r, core.pow(ce, NEG_ONE), makeRational(1n, ceh.q)])]);
      return [c, core.pow(b, keepCoeff(ce, rest))];
    }
  }
  const e = keepCoeff(ce, pe);
  if (e.isRational && b.kind === 'mul') {
    const [h, t] = contentPrimitive(b, clear);
    const [c, m0] = asCoeffMul(core.pow(h, e));
    const [m, me] = asBaseExp(m0, neg);
    if (m === ONE || me === e) return [c, core.pow(keepCoeff(m, t), e)];
  }
  return [ONE, core.pow(b, e)];
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
