/**
 * Greatest common divisors of integer polynomials, as SymPy's `dmp_zz_heu_gcd` computes them:
 * the heuristic GCD (evaluate the first variable at a large integer ξ, take the gcd one
 * variable down, rebuild the polynomial from the ξ-adic digits of the result, keep it if it
 * divides both). Six tries; then a primitive PRS (pseudo-remainder sequence) that always works.
 */
import { gcd as igcd } from '../../rational.js';
import {
  abs,
  coefficientsInFirst,
  constant,
  content,
  divExact,
  evalFirst,
  fromCoefficientsInFirst,
  fromTerms,
  isZero,
  leadingCoeff,
  liftFirst,
  maxNorm,
  mul,
  neg,
  primitive,
  quoGround,
  scale,
  sub,
  zero,
} from './sparse.js';
import type { Poly, Term } from './sparse.js';

const HEU_GCD_MAX = 6;

/** [h, f/h, g/h] with h = gcd(f, g), its leading coefficient positive (SymPy's cofactors). */
export function cofactors(f: Poly, g: Poly): [Poly, Poly, Poly] {
  if (f.terms.length === 1 && !isZero(g)) return monomialCofactors(f, g);
  if (g.terms.length === 1 && !isZero(f)) {
    const [h, cg, cf] = monomialCofactors(g, f);
    return [h, cf, cg];
  }
  return heuGcd(f, g) ?? prsCofactors(f, g);
}

/** gcd of a single term with a polynomial: the common monomial and integer content. */
function monomialCofactors(t: Poly, g: Poly): [Poly, Poly, Poly] {
  const { m, c } = t.terms[0]!;
  const mg = [...m];
  let cg = c;
  for (const s of g.terms) {
    for (let i = 0; i < mg.length; i++) if (s.m[i]! < mg[i]!) mg[i] = s.m[i]!;
    cg = igcd(cg, s.c);
  }
  const h: Poly = { n: t.n, terms: [{ m: mg, c: cg }] };
  return [h, divExact(t, h)!, divExact(g, h)!];
}

export function polyGcd(f: Poly, g: Poly): Poly {
  return cofactors(f, g)[0];
}

function trivial(f: Poly, g: Poly): [Poly, Poly, Poly] | undefined {
  const n = f.n;
  const one = constant(n, 1n);
  if (isZero(f) && isZero(g)) return [zero(n), zero(n), zero(n)];
  if (isZero(f))
    return leadingCoeff(g) >= 0n ? [g, zero(n), one] : [neg(g), zero(n), constant(n, -1n)];
  if (isZero(g))
    return leadingCoeff(f) >= 0n ? [f, one, zero(n)] : [neg(f), constant(n, -1n), zero(n)];
  return undefined;
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** Symmetric residue of c modulo p, in (-p/2, p/2] (SymPy's gf_int). */
function symmetricMod(c: bigint, p: bigint): bigint {
  let r = c % p;
  if (r < 0n) r += p;
  return r <= p / 2n ? r : r - p;
}

/** Rebuild a polynomial in one more variable from its values at x0 = ξ (ξ-adic digits). */
function interpolate(h: Poly, x: bigint): Poly {
  const coeffs = new Map<number, Poly>();
  let k = 0;
  while (!isZero(h)) {
    const g = fromTerms(
      h.n,
      h.terms.map((t): Term => ({ m: t.m, c: symmetricMod(t.c, x) })),
    );
    if (!isZero(g)) coeffs.set(k, g);
    h = quoGround(sub(h, g), x);
    k++;
  }
  const f = fromCoefficientsInFirst(h.n + 1, coeffs);
  return leadingCoeff(f) < 0n ? neg(f) : f;
}

function heuGcd(f: Poly, g: Poly): [Poly, Poly, Poly] | undefined {
  const t = trivial(f, g);
  if (t) return t;
  if (f.n === 0) {
    const a = f.terms[0]!.c;
    const b = g.terms[0]!.c;
    const h = igcd(a, b);
    return [constant(0, h), constant(0, a / h), constant(0, b / h)];
  }
  const c = igcd(content(f), content(g));
  f = quoGround(f, c);
  g = quoGround(g, c);
  const fNorm = maxNorm(f);
  const gNorm = maxNorm(g);
  const B = 2n * (fNorm < gNorm ? fNorm : gNorm) + 29n;
  const a = fNorm / abs(leadingCoeff(f));
  const b = gNorm / abs(leadingCoeff(g));
  let x = B < 99n * isqrt(B) ? B : 99n * isqrt(B);
  const low = 2n * (a < b ? a : b) + 4n;
  if (low > x) x = low;
  for (let i = 0; i < HEU_GCD_MAX; i++) {
    const ff = evalFirst(f, x);
    const gg = evalFirst(g, x);
    if (!isZero(ff) && !isZero(gg)) {
      const down = heuGcd(ff, gg);
      if (!down) return undefined;
      const [h0, cff0, cfg0] = down;
      let h = primitive(interpolate(h0, x))[1];
      let cff = divExact(f, h);
      let cfg = cff && divExact(g, h);
      if (cff && cfg) return [scale(h, c), cff, cfg];
      cff = interpolate(cff0, x);
      const h1 = divExact(f, cff);
      cfg = h1 && divExact(g, h1);
      if (h1 && cfg) return [scale(h1, c), cff, cfg];
      cfg = interpolate(cfg0, x);
      h = divExact(g, cfg) ?? zero(f.n);
      const cff2 = isZero(h) ? undefined : divExact(f, h);
      if (cff2) return [scale(h, c), cff2, cfg];
    }
    x = (73794n * x * isqrt(isqrt(x))) / 27011n;
  }
  return undefined;
}

// ---- primitive PRS: the fallback that always succeeds ------------------------------------------

/** The gcd of the coefficients in x1… of a polynomial seen in x0 (a polynomial in n-1 variables). */
function contentInFirst(p: Poly): Poly {
  let g: Poly | undefined;
  for (const c of coefficientsInFirst(p).values()) {
    g = g ? anyGcd(g, c) : c;
    // a unit content cannot shrink further
    if (g.terms.length === 1 && (g.terms[0]!.c === 1n || g.terms[0]!.c === -1n))
      if (g.terms[0]!.m.every((e) => e === 0)) break;
  }
  return g ?? zero(p.n - 1);
}

function degreeFirst(p: Poly): number {
  return p.terms[0]?.m[0] ?? -1;
}

/** Pseudo-remainder of f by g in x0: lc(g)^(df-dg+1)·f mod g. */
function pseudoRemainder(f: Poly, g: Poly): Poly {
  const dg = degreeFirst(g);
  const lcg = leadingCoeffFirst(g);
  let r = f;
  let k = degreeFirst(f) - dg + 1;
  while (!isZero(r) && degreeFirst(r) >= dg) {
    const dr = degreeFirst(r);
    const lcr = leadingCoeffFirst(r);
    const shift = (p: Poly): Poly => ({
      n: p.n,
      terms: p.terms.map((t) => ({ m: [t.m[0]! + dr - dg, ...t.m.slice(1)], c: t.c })),
    });
    r = sub(mul(r, liftFirst(lcg)), mul(shift(g), liftFirst(lcr)));
    k--;
  }
  for (; k > 0; k--) r = mul(r, liftFirst(lcg));
  return r;
}

function leadingCoeffFirst(p: Poly): Poly {
  return coefficientsInFirst(p).get(degreeFirst(p)) ?? zero(p.n - 1);
}

/** The gcd one variable down (contents): heuristic first, PRS if it gives up. */
function anyGcd(f: Poly, g: Poly): Poly {
  const h = heuGcd(f, g)?.[0] ?? prsGcd(f, g);
  return leadingCoeff(h) < 0n ? neg(h) : h;
}

/** Primitive PRS in x0; contents (gcds in the other variables) through anyGcd. */
function prsGcd(f: Poly, g: Poly): Poly {
  if (isZero(f)) return leadingCoeff(g) < 0n ? neg(g) : g;
  if (isZero(g)) return leadingCoeff(f) < 0n ? neg(f) : f;
  if (f.n === 0) return constant(0, igcd(f.terms[0]!.c, g.terms[0]!.c));
  const cf = contentInFirst(f);
  const cg = contentInFirst(g);
  let a = divExact(f, liftFirst(cf))!;
  let b = divExact(g, liftFirst(cg))!;
  const c = liftFirst(anyGcd(cf, cg));
  if (degreeFirst(a) < degreeFirst(b)) [a, b] = [b, a];
  while (!isZero(b)) {
    const r = pseudoRemainder(a, b);
    a = b;
    b = isZero(r) ? r : divExact(r, liftFirst(contentInFirst(r)))!;
  }
  let h = degreeFirst(a) === 0 ? constant(f.n, 1n) : divExact(a, liftFirst(contentInFirst(a)))!;
  h = mul(h, c);
  return leadingCoeff(h) < 0n ? neg(h) : h;
}

function prsCofactors(f: Poly, g: Poly): [Poly, Poly, Poly] {
  const t = trivial(f, g);
  if (t) return t;
  const h = prsGcd(f, g);
  return [h, divExact(f, h)!, divExact(g, h)!];
}

/** Exposed for tests: the fallback alone, to cross-check the heuristic. */
export const prsCofactorsForTest = prsCofactors;
