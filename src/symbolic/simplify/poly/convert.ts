/**
 * Expressions ↔ polynomials, as SymPy's `parallel_poly_from_expr` sees them (without its
 * expansion step, see fromExpr.ts): every factor of every term that is not a number becomes
 * (a power of) a generator — symbols,
 * but also `log(x)`, `exp(x)`, `sqrt(x)`, `pi` — and the generators are sorted as SymPy sorts
 * them (x, y, z first, then p…w, then a…o, then everything else by its printed name).
 * Coefficients are exact rationals, stored as an integer polynomial over a common denominator.
 */
import { core } from '../../core.js';
import {
  makeAdd,
  makeFloat,
  makeInteger,
  makeMul,
  makePow,
  makeRational,
  NEG_ONE,
  ONE,
  ZERO,
} from '../../node.js';

const floatResult = (v: number): Node => (v === 0 ? ZERO : makeFloat(v));
import type { Node } from '../../node.js';
import { asBaseExp, asCoeffMulRational, addArgs, mulArgs } from '../../parts.js';
import { printSympyNode } from '../../printStr.js';
import { gcd, ratioToNumber } from '../../rational.js';
import { keepCoeff, neg } from '../build.js';
import { fromTerms } from './sparse.js';
import type { Poly, Term } from './sparse.js';

/** A polynomial with rational coefficients: `poly / denominator`. */
export interface RationalPoly {
  readonly poly: Poly;
  readonly denominator: bigint;
}

/** SymPy's `decompose_power`: x**(3/2) → [sqrt(x), 3]; exp(-2*x) → [exp(x), -2]. */
export function decomposePower(factor: Node): [Node, number] {
  const [base, exp] = asBaseExp(factor, neg);
  if (exp.isNumber) {
    if (!exp.isRational) return [factor, 1];
    const b = exp.q === 1n ? base : core.pow(base, makeRational(1n, exp.q));
    return [b, Number(exp.p)];
  }
  const [c, tail] = asCoeffMulRational(exp);
  if (c === NEG_ONE) return [core.pow(base, tail), -1];
  if (c !== ONE) return [core.pow(base, keepCoeff(makeRational(1n, c.q), tail)), Number(c.p)];
  return [factor, 1];
}

// sympy/polys/polyutils.py: _gens_order, _max_order, _sort_gens
const GENS_ORDER: Readonly<Record<string, number>> = {
  a: 301,
  b: 302,
  c: 303,
  d: 304,
  e: 305,
  f: 306,
  g: 307,
  h: 308,
  i: 309,
  j: 310,
  k: 311,
  l: 312,
  m: 313,
  n: 314,
  o: 315,
  p: 216,
  q: 217,
  r: 218,
  s: 219,
  t: 220,
  u: 221,
  v: 222,
  w: 223,
  x: 124,
  y: 125,
  z: 126,
};
const MAX_ORDER = 1000;

function genKey(g: Node): [number, string, number] {
  const s = printSympyNode(g);
  const m = /^(.*?)(\d*)$/.exec(s)!;
  const name = m[1]!;
  const index = m[2] ? Number(m[2]) : 0;
  return [GENS_ORDER[name] ?? MAX_ORDER, name, index];
}

/** SymPy's default order of generators. */
export function sortGens(gens: Iterable<Node>): Node[] {
  const keyed = [...gens].map((g) => ({ g, k: genKey(g) }));
  keyed.sort((a, b) => {
    const [oa, na, ia] = a.k;
    const [ob, nb, ib] = b.k;
    if (oa !== ob) return oa - ob;
    if (na !== nb) return na < nb ? -1 : 1;
    return ia - ib;
  });
  return keyed.map((k) => k.g);
}

/** Thrown inside conversion when a coefficient is an infinite or NaN float. */
class InexactCoefficient extends Error {}

/** The exact value of a finite double as p/q (q a power of two). */
function floatToRational(v: number): Node {
  if (!Number.isFinite(v)) throw new InexactCoefficient();
  let q = 1n;
  // doubling is exact; at most 1074 steps for the smallest subnormal
  while (!Number.isInteger(v)) {
    v *= 2;
    q *= 2n;
  }
  return makeRational(BigInt(v), q);
}

interface TermData {
  coeff: Node;
  powers: Map<Node, number>;
}

function termsOf(expr: Node, gens: Set<Node>, floats: { seen: boolean }): TermData[] {
  const out: TermData[] = [];
  for (const term of addArgs(expr)) {
    let coeff: Node = ONE;
    const powers = new Map<Node, number>();
    for (const factor of mulArgs(term)) {
      if (factor.isNumber) {
        if (factor.kind === 'float') {
          floats.seen = true;
          coeff = floatToRational(factor.value);
        } else coeff = factor;
        continue;
      }
      let [base, e] = decomposePower(factor);
      if (e < 0) {
        e = -e;
        base = core.pow(base, NEG_ONE);
      }
      powers.set(base, (powers.get(base) ?? 0) + e);
      gens.add(base);
    }
    out.push({ coeff, powers });
  }
  return out;
}

/** Polynomials in shared generators; `inexact` when some coefficient was a float. */
export interface PolySystem {
  gens: Node[];
  polys: RationalPoly[];
  inexact: boolean;
}

/**
 * Several expanded expressions as polynomials in one shared list of generators (sorted as
 * SymPy sorts them when `sort`). Float coefficients are read exactly (a double is a dyadic
 * rational) and flagged, so results can be turned back into floats; undefined for inf/NaN.
 */
export function polysOf(exprs: readonly Node[], sort = true): PolySystem | undefined {
  const gensSet = new Set<Node>();
  let data: TermData[][];
  const floats = { seen: false };
  try {
    data = exprs.map((e) => termsOf(e, gensSet, floats));
  } catch (err) {
    if (err instanceof InexactCoefficient) return undefined;
    throw err;
  }
  const gens = sort ? sortGens(gensSet) : [...gensSet];
  const index = new Map(gens.map((g, i) => [g, i]));
  const polys = data.map((terms) => {
    let den = 1n;
    for (const t of terms) den = (den / gcd(den, t.coeff.q)) * t.coeff.q;
    const out: Term[] = terms.map((t) => {
      const m = new Array<number>(gens.length).fill(0);
      for (const [b, e] of t.powers) m[index.get(b)!] = e;
      return { m, c: t.coeff.p * (den / t.coeff.q) };
    });
    return { poly: fromTerms(gens.length, out), denominator: den };
  });
  return { gens, polys, inexact: floats.seen };
}

/**
 * A generator whose integer powers and products with other such generators are already
 * canonical when built raw: a symbol, pi, or a function other than exp/Abs/sign (whose powers
 * rewrite themselves: exp(x)**2 → exp(2*x), Abs(x)**2 → x**2).
 */
function isPlainGen(g: Node): boolean {
  if (g.kind === 'symbol') return true;
  if (g.kind === 'constant') return g.name === 'pi';
  return g.kind === 'fn' && g.name !== 'exp' && g.name !== 'abs' && g.name !== 'sign';
}

/**
 * Σ c·Π gen**e back to an expression (canonical), each coefficient c/den; as floats when
 * `inexact` (SymPy's RR domain prints `1.0*x + 1.0`).
 */
export function exprFromPoly(p: Poly, gens: readonly Node[], den = 1n, inexact = false): Node {
  if (!inexact && gens.every(isPlainGen)) return rawExprFromPoly(p, gens, den);
  const coeff = (c: bigint): Node =>
    inexact ? floatResult(ratioToNumber(c, den)) : makeRational(c, den);
  const terms = p.terms.map((t) => {
    const factors: Node[] = [coeff(t.c)];
    t.m.forEach((e, i) => {
      if (e) factors.push(core.pow(gens[i]!, makeInteger(BigInt(e))));
    });
    return core.mul(factors);
  });
  return core.add(terms);
}

/**
 * exprFromPoly for plain generators: distinct exponent vectors give distinct canonical
 * monomials, so the nodes are built directly (no re-collection), which is several times faster.
 */
function rawExprFromPoly(p: Poly, gens: readonly Node[], den: bigint): Node {
  const powers = new Map<number, Node>();
  const power = (i: number, e: number): Node => {
    if (e === 1) return gens[i]!;
    const k = e * gens.length + i;
    let n = powers.get(k);
    if (!n) powers.set(k, (n = makePow(gens[i]!, makeInteger(BigInt(e)))));
    return n;
  };
  const terms = p.terms.map((t) => {
    const c = den === 1n ? makeInteger(t.c) : makeRational(t.c, den);
    const factors: Node[] = [];
    for (let i = 0; i < t.m.length; i++) if (t.m[i]) factors.push(power(i, t.m[i]!));
    if (factors.length === 0) return c;
    if (c === ONE) return factors.length === 1 ? factors[0]! : makeMul(factors);
    return makeMul([c, ...factors]);
  });
  if (terms.length === 0) return ZERO;
  return terms.length === 1 ? terms[0]! : makeAdd(terms);
}
