/**
 * SymPy's `gcd_terms` (sympy/core/exprtools.py): the common factor of the terms of a sum
 * pulled out without expanding anything, `x*y + x` → `x*(y + 1)`,
 * `x/(x + 1) + 1/(x + 1)` → `1`. Each term is a coefficient and two multisets of factors
 * (numerator, denominator); the gcd of the terms is taken factor by factor, and with
 * `fraction` the terms are brought over their least common denominator.
 */
import { core } from '../core.js';
import { makeInteger, makeRational, ONE, ZERO } from '../node.js';
import type { Node } from '../node.js';
import { numMul, numPowInt } from '../numbers.js';
import { asBaseExp, asCoeffMul, mulArgs } from '../parts.js';
import { gcd } from '../rational.js';
import { add, keepCoeff, mul, neg, pow, rawMul } from './build.js';
import { primitive } from './contentPrimitive.js';
import { decomposePower } from './poly/convert.js';

/** Factors with integer multiplicities (SymPy's Factors restricted to what Term builds). */
type Factors = Map<Node, number>;

interface Term {
  coeff: Node;
  numer: Factors;
  denom: Factors;
}

/** Does a term have a sum (or a power of one) among its factors? */
const hasSumFactor = (t: Node): boolean =>
  mulArgs(t).some((f) => f.kind === 'add' || (f.kind === 'pow' && f.args[0]!.kind === 'add'));

function termOf(t: Node): Term {
  const [coeff0, rest] = asCoeffMul(t);
  let coeff = coeff0;
  const numer: Factors = new Map();
  const denom: Factors = new Map();
  if (rest !== ONE)
    for (const factor of mulArgs(rest)) {
      const [base0, e] = decomposePower(factor);
      let base = base0;
      if (base.kind === 'add') {
        const [cont, prim] = primitive(base);
        base = prim;
        coeff = numMul(coeff, numPowInt(cont, BigInt(e)));
      }
      const into = e > 0 ? numer : denom;
      into.set(base, (into.get(base) ?? 0) + Math.abs(e));
    }
  return { coeff, numer, denom };
}

function factorsMul(a: Factors, b: Factors): Factors {
  const out = new Map(a);
  for (const [f, e] of b) {
    const s = (out.get(f) ?? 0) + e;
    if (s) out.set(f, s);
    else out.delete(f);
  }
  return out;
}

/** Remove the common part of numer and denom (Factors.normal). */
function factorsNormal(n: Factors, d: Factors): [Factors, Factors] {
  const nn = new Map(n);
  const dd = new Map(d);
  for (const [f, en] of n) {
    const ed = d.get(f);
    if (ed === undefined) continue;
    const diff = en - ed;
    if (diff > 0) {
      nn.set(f, diff);
      dd.delete(f);
    } else if (diff < 0) {
      nn.delete(f);
      dd.set(f, -diff);
    } else {
      nn.delete(f);
      dd.delete(f);
    }
  }
  return [nn, dd];
}

function factorsGcd(a: Factors, b: Factors): Factors {
  const out: Factors = new Map();
  for (const [f, e] of a) {
    const o = b.get(f);
    if (o !== undefined) out.set(f, Math.min(e, o));
  }
  return out;
}

function factorsLcm(a: Factors, b: Factors): Factors {
  const out = new Map(a);
  for (const [f, e] of b) out.set(f, Math.max(e, out.get(f) ?? 0));
  return out;
}

/** Factors.quo: exponents of b subtracted from a, keeping only what stays positive. */
function factorsQuo(a: Factors, b: Factors): Factors {
  const out = new Map(a);
  for (const [f, e] of b) {
    const have = out.get(f);
    if (have === undefined) continue;
    if (have - e > 0) out.set(f, have - e);
    else out.delete(f);
  }
  return out;
}

/** Factors.as_expr: b**(k*e) for a factor b**e with multiplicity k. */
function factorsExpr(fs: Factors): Node {
  const args: Node[] = [];
  for (const [f, k] of fs) {
    if (k === 1) args.push(f);
    else {
      const [b, e] = asBaseExp(f, neg);
      args.push(pow(b, keepCoeff(makeInteger(BigInt(k)), e)));
    }
  }
  return mul(args);
}

const termExpr = (t: Term): Node =>
  mul([t.coeff, mul([factorsExpr(t.numer), pow(factorsExpr(t.denom), makeInteger(-1n))])]);

const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

/** Rational.gcd: gcd of numerators over lcm of denominators (floats: 1). */
function coeffGcd(a: Node, b: Node): Node {
  if (!a.isRational || !b.isRational) return ONE;
  if (b === ZERO) return b;
  return makeRational(gcd(a.p, b.p), lcm(a.q, b.q));
}

function termMul(a: Term, b: Term): Term {
  const [numer, denom] = factorsNormal(factorsMul(a.numer, b.numer), factorsMul(a.denom, b.denom));
  return { coeff: numMul(a.coeff, b.coeff), numer, denom };
}

const termInv = (t: Term): Term => ({
  coeff: makeRational(t.coeff.q, t.coeff.p),
  numer: t.denom,
  denom: t.numer,
});

/** The parts of _gcd_terms: [content, numerator, denominator]. */
export function gcdTermsParts(
  input: readonly Node[],
  isPrimitive: boolean,
  fraction: boolean,
): [Node, Node, Node] {
  const terms = input.filter((t) => t !== ZERO).map(termOf);
  if (terms.length === 0) return [ZERO, ZERO, ONE];
  if (terms.length === 1) {
    const t = terms[0]!;
    return [t.coeff, factorsExpr(t.numer), factorsExpr(t.denom)];
  }
  let cont = terms[0]!;
  for (const t of terms.slice(1))
    cont = {
      coeff: coeffGcd(cont.coeff, t.coeff),
      numer: factorsGcd(cont.numer, t.numer),
      denom: factorsGcd(cont.denom, t.denom),
    };
  // nothing in common and nothing to bring over a denominator: the terms stay as they are
  // (unless a sum inside had content pulled out of it, which changes how a term reads)
  if (
    cont.coeff === ONE &&
    cont.numer.size === 0 &&
    cont.denom.size === 0 &&
    (!fraction || terms.every((t) => t.denom.size === 0)) &&
    !input.some(hasSumFactor)
  ) {
    const numer = add(input);
    if (!isPrimitive && numer.kind === 'add') {
      const [c, p] = primitive(numer);
      return [c, p, ONE];
    }
    return [ONE, numer, ONE];
  }
  const contInv = termInv(cont);
  const quotients = terms.map((t) => termMul(t, contInv));
  let numers: Node[];
  let denom: Factors;
  if (fraction) {
    denom = quotients[0]!.denom;
    for (const t of quotients.slice(1)) denom = factorsLcm(denom, t.denom);
    numers = quotients.map((t) =>
      core.mul([t.coeff, factorsExpr(factorsMul(t.numer, factorsQuo(denom, t.denom)))]),
    );
  } else {
    numers = quotients.map(termExpr);
    denom = new Map();
  }
  let contExpr = termExpr(cont);
  let numer = add(numers);
  if (!isPrimitive && numer.kind === 'add') {
    const [c, p] = primitive(numer);
    contExpr = mul([contExpr, c]);
    numer = p;
  }
  return [contExpr, numer, factorsExpr(denom)];
}

export interface GcdTermsOptions {
  isPrimitive?: boolean;
  clear?: boolean;
  fraction?: boolean;
}

/**
 * gcd_terms of a sum given as its list of terms: the common factor in front
 * (`[2*x*y, 4*x]` → `2*x*(y + 2)`).
 */
export function gcdTermsOf(terms: readonly Node[], options: GcdTermsOptions = {}): Node {
  const clear = options.clear ?? true;
  const [cont, numer0, denom] = gcdTermsParts(
    terms,
    options.isPrimitive ?? false,
    options.fraction ?? true,
  );
  let numer = numer0;
  const [coeff0, factors] = asCoeffMul(cont);
  let coeff = coeff0;
  if (!clear) {
    const [c, rest] = asCoeffMul(coeff);
    if (c.kind === 'rational' && numer.kind === 'add') {
      const d = makeInteger(c.q);
      const scaled = mul([numer, pow(d, makeInteger(-1n))]);
      if (scaled.kind === 'add' && scaled.args.some((a) => asCoeffMul(a)[0].kind === 'integer')) {
        numer = scaled;
        coeff = mul([makeInteger(c.p), rest]);
      }
    }
  }
  return keepCoeffClear(coeff, mul([factors, numer, pow(denom, makeInteger(-1n))]), clear);
}

/** _keep_coeff with clear=False distributes a fraction over a sum when a term becomes whole. */
export function keepCoeffClear(coeff: Node, factors: Node, clear: boolean, sign = false): Node {
  if (!clear && coeff.kind === 'rational' && factors.kind === 'add') {
    const parts = factors.args.map((a) => {
      const [c, m] = asCoeffMul(a);
      return [keepCoeff(c, coeff), m] as const;
    });
    if (parts.some(([c]) => c.kind === 'integer'))
      return add(
        parts.map(([c, m]) => (c === ONE ? m : m === ONE ? c : rawMul([c, ...mulArgs(m)]))),
      );
  }
  return keepCoeff(coeff, factors, sign);
}

/** gcd_terms(expr): on a sum, its terms; on anything else, recursively inside. */
export function gcdTerms(n: Node, options: GcdTermsOptions = {}): Node {
  if (n.kind === 'add') return gcdTermsOf(n.args, options);
  if (n.args.length === 0) return n;
  if (n.kind === 'mul') {
    const [c, rest] = asCoeffMul(n);
    return keepCoeffClear(
      c,
      mul(mulArgs(rest).map((a) => gcdTerms(a, options))),
      options.clear ?? true,
    );
  }
  const args = n.args.map((a) => gcdTerms(a, options));
  return args.every((a, i) => a === n.args[i]) ? n : rebuildGeneric(n, args);
}

function rebuildGeneric(n: Node, args: readonly Node[]): Node {
  if (n.kind === 'pow') return pow(args[0]!, args[1]!);
  if (n.kind === 'fn') return core.fn(n.name, args);
  return n;
}
