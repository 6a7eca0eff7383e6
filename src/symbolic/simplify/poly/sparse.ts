/**
 * Sparse polynomials with integer coefficients in n variables: the arithmetic that `cancel`,
 * `factor` and the gcd need. A polynomial is a list of terms (exponent vector, bigint
 * coefficient) sorted by decreasing lexicographic order of the exponents, so the first term is
 * the leading term in SymPy's default `lex` order. Values are immutable.
 */
import { gcd } from '../../rational.js';

export interface Term {
  readonly m: readonly number[];
  readonly c: bigint;
}

export interface Poly {
  /** Number of variables. */
  readonly n: number;
  /** Nonzero terms, decreasing lex order, no repeated monomials. */
  readonly terms: readonly Term[];
}

export function compareMonomials(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    if (d) return d;
  }
  return 0;
}

/** A map key for a monomial: exponents packed in one number when they fit, else a string. */
function key(m: readonly number[]): number | string {
  if (m.length <= 5) {
    let k = 0;
    for (const e of m) {
      if (e >= 1024 || e < 0) return m.join(',');
      k = k * 1024 + e;
    }
    return k;
  }
  return m.join(',');
}

/** Terms in any order, possibly repeated or zero, → a polynomial. */
export function fromTerms(n: number, terms: Iterable<Term>): Poly {
  const acc = new Map<number | string, { m: readonly number[]; c: bigint }>();
  for (const t of terms) {
    if (t.c === 0n) continue;
    const k = key(t.m);
    const prev = acc.get(k);
    if (prev) prev.c += t.c;
    else acc.set(k, { m: t.m, c: t.c });
  }
  const out: Term[] = [];
  for (const t of acc.values()) if (t.c !== 0n) out.push(t);
  out.sort((a, b) => compareMonomials(b.m, a.m));
  return { n, terms: out };
}

export const zero = (n: number): Poly => ({ n, terms: [] });
export const constant = (n: number, c: bigint): Poly =>
  c === 0n ? zero(n) : { n, terms: [{ m: new Array<number>(n).fill(0), c }] };

export const isZero = (p: Poly): boolean => p.terms.length === 0;
/** The polynomial is a constant (possibly 0). */
export const isGround = (p: Poly): boolean =>
  p.terms.length === 0 || (p.terms.length === 1 && p.terms[0]!.m.every((e) => e === 0));
export const isOne = (p: Poly): boolean =>
  p.terms.length === 1 && p.terms[0]!.c === 1n && p.terms[0]!.m.every((e) => e === 0);

/** The leading coefficient in lex order (0 for the zero polynomial). */
export const leadingCoeff = (p: Poly): bigint => p.terms[0]?.c ?? 0n;

export function neg(p: Poly): Poly {
  return { n: p.n, terms: p.terms.map((t) => ({ m: t.m, c: -t.c })) };
}

/** Merge of two sorted term lists. */
export function add(a: Poly, b: Poly, sign = 1n): Poly {
  const out: Term[] = [];
  let i = 0;
  let j = 0;
  const A = a.terms;
  const B = b.terms;
  while (i < A.length || j < B.length) {
    const s = A[i];
    const t = B[j];
    const cmp = s === undefined ? -1 : t === undefined ? 1 : compareMonomials(s.m, t.m);
    if (cmp > 0) {
      out.push(s!);
      i++;
    } else if (cmp < 0) {
      out.push(sign === 1n ? t! : { m: t!.m, c: -t!.c });
      j++;
    } else {
      const c = s!.c + sign * t!.c;
      if (c !== 0n) out.push({ m: s!.m, c });
      i++;
      j++;
    }
  }
  return { n: a.n, terms: out };
}

export const sub = (a: Poly, b: Poly): Poly => add(a, b, -1n);

export function scale(p: Poly, c: bigint): Poly {
  if (c === 0n) return zero(p.n);
  if (c === 1n) return p;
  return { n: p.n, terms: p.terms.map((t) => ({ m: t.m, c: t.c * c })) };
}

/** Exact division of every coefficient by c (c must divide them all). */
export function quoGround(p: Poly, c: bigint): Poly {
  if (c === 1n) return p;
  return { n: p.n, terms: p.terms.map((t) => ({ m: t.m, c: t.c / c })) };
}

function mulMonomials(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! + b[i]!;
  return out;
}

export function mul(a: Poly, b: Poly): Poly {
  if (isZero(a) || isZero(b)) return zero(a.n);
  if (a.terms.length === 1 && b.terms.length > 1) [a, b] = [b, a];
  if (b.terms.length === 1) {
    // one term: multiplying by it keeps the order
    const t = b.terms[0]!;
    return { n: a.n, terms: a.terms.map((s) => ({ m: mulMonomials(s.m, t.m), c: s.c * t.c })) };
  }
  const out: Term[] = [];
  for (const s of a.terms)
    for (const t of b.terms) out.push({ m: mulMonomials(s.m, t.m), c: s.c * t.c });
  return fromTerms(a.n, out);
}

export function pow(p: Poly, k: number): Poly {
  let result = constant(p.n, 1n);
  let base = p;
  while (k > 0) {
    if (k & 1) result = mul(result, base);
    k >>= 1;
    if (k) base = mul(base, base);
  }
  return result;
}

/** The gcd of the coefficients, made positive (0 for the zero polynomial). */
export function content(p: Poly): bigint {
  let g = 0n;
  for (const t of p.terms) {
    g = gcd(g, t.c);
    if (g === 1n) break;
  }
  return g;
}

/** [content, p/content] with the content positive. */
export function primitive(p: Poly): [bigint, Poly] {
  const c = content(p);
  if (c === 0n || c === 1n) return [c === 0n ? 0n : 1n, p];
  return [c, quoGround(p, c)];
}

export const maxNorm = (p: Poly): bigint =>
  p.terms.reduce((m, t) => (abs(t.c) > m ? abs(t.c) : m), 0n);

export const abs = (a: bigint): bigint => (a < 0n ? -a : a);

/**
 * f/g when g divides f exactly, else undefined. Lex division by leading terms: if g divides
 * f, every leading term of the running remainder is divisible by LT(g).
 */
export function divExact(f: Poly, g: Poly): Poly | undefined {
  if (isZero(g)) return undefined;
  if (isZero(f)) return f;
  const lt = g.terms[0]!;
  if (g.terms.length === 1) {
    const out: Term[] = [];
    for (const t of f.terms) {
      const m = divMonomial(t.m, lt.m);
      if (!m || t.c % lt.c !== 0n) return undefined;
      out.push({ m, c: t.c / lt.c });
    }
    return { n: f.n, terms: out };
  }
  // in a domain deg_i(f/g) = deg_i(f) - deg_i(g): a quotient term beyond that proves g ∤ f,
  // which also bounds the number of steps
  const bound: number[] = [];
  for (let i = 0; i < f.n; i++) {
    const b = degreeIn(f, i) - degreeIn(g, i);
    if (b < 0) return undefined;
    bound.push(b);
  }
  const q: Term[] = [];
  let r = f;
  while (!isZero(r)) {
    const t = r.terms[0]!;
    const m = divMonomial(t.m, lt.m);
    if (!m || t.c % lt.c !== 0n || m.some((e, i) => e > bound[i]!)) return undefined;
    const qt: Term = { m, c: t.c / lt.c };
    q.push(qt);
    r = sub(r, mul(g, { n: f.n, terms: [qt] }));
  }
  return { n: f.n, terms: q };
}

function divMonomial(a: readonly number[], b: readonly number[]): number[] | undefined {
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    if (d < 0) return undefined;
    out[i] = d;
  }
  return out;
}

/** Degree in variable i (-1 for the zero polynomial). */
export function degreeIn(p: Poly, i: number): number {
  let d = -1;
  for (const t of p.terms) if (t.m[i]! > d) d = t.m[i]!;
  return d;
}

/** Substitute x0 = v: a polynomial in the remaining n-1 variables. */
export function evalFirst(p: Poly, v: bigint): Poly {
  const out: Term[] = [];
  for (const t of p.terms) out.push({ m: t.m.slice(1), c: t.c * v ** BigInt(t.m[0]!) });
  return fromTerms(p.n - 1, out);
}

/** Split by powers of x0: coefficients (polynomials in x1…) keyed by the exponent of x0. */
export function coefficientsInFirst(p: Poly): Map<number, Poly> {
  const groups = new Map<number, Term[]>();
  for (const t of p.terms) {
    const k = t.m[0]!;
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push({ m: t.m.slice(1), c: t.c });
  }
  const out = new Map<number, Poly>();
  // terms were in lex order, so each group is already sorted
  for (const [k, list] of groups) out.set(k, { n: p.n - 1, terms: list });
  return out;
}

/** Σ c_k(x1…)·x0^k from coefficients in n-1 variables. */
export function fromCoefficientsInFirst(n: number, coeffs: Map<number, Poly>): Poly {
  const out: Term[] = [];
  for (const [k, c] of coeffs) for (const t of c.terms) out.push({ m: [k, ...t.m], c: t.c });
  return fromTerms(n, out);
}

/** A polynomial in n-1 variables seen as one in n variables not involving x0. */
export function liftFirst(p: Poly): Poly {
  return { n: p.n + 1, terms: p.terms.map((t) => ({ m: [0, ...t.m], c: t.c })) };
}
