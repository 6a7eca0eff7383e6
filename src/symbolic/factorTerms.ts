/**
 * SymPy's factor_terms (sympy/core/exprtools.py), which its `diff` applies to derivatives of
 * total order above one: a sum's rational content and the factors common to all its terms
 * are pulled out, everywhere in the expression: `-4*x**2*sin(x**2) + 2*cos(x**2)` →
 * `2*(-2*x**2*sin(x**2) + cos(x**2))`, `x**2*y*exp(x*y) + 2*x*exp(x*y)` →
 * `x*(x*y + 2)*exp(x*y)`, `sin(2*x + 2)` → `sin(2*(x + 1))`.
 *
 * The result may hold a number times a sum unexpanded (`2*(x + 1)`), as SymPy's does; the
 * canonical constructors would distribute it again if it were rebuilt.
 */
import { core } from './core.js';
import { keepCoeff as keepCoeffOf } from './mul.js';
import { makeInteger, makeRational, NEG_ONE, ONE } from './node.js';
import type { Node } from './node.js';
import { numMul, numNeg, numSign } from './numbers.js';
import { asBaseExp, asCoeffMul, coeffOf, mulArgs } from './parts.js';
import { gcd } from './rational.js';
import { mapBottomUp, rebuild } from './subs.js';

const negate = (e: Node): Node => core.mul([NEG_ONE, e]);

/** SymPy's _keep_coeff(c, t, sign=True): c·t without distributing c over a sum. */
const keepCoeff = (c: Node, t: Node): Node => keepCoeffOf(c, t, core, true);

/** The rational content of a sum: gcd of numerators over lcm of denominators (Add.primitive). */
function primitive(n: Node): [Node, Node] {
  let g = 0n;
  let l = 1n;
  for (const t of n.args) {
    const [c] = asCoeffMul(t);
    if (!c.isRational) return [ONE, n];
    g = gcd(g, c.p);
    l = (l * c.q) / gcd(l, c.q);
  }
  if (g === 0n) return [ONE, n];
  const content = makeRational(g, l);
  if (content === ONE) return [ONE, n];
  const inv = makeRational(l, g);
  return [content, core.add(n.args.map((t) => core.mul([inv, t])))];
}

/**
 * A fractional coefficient's denominator goes back into the sum when some term keeps an
 * integer coefficient: 1/2·(2*y + 1) → y + 1/2 (SymPy's `clear=False`).
 */
function denominatorIntoSum(cont: Node, sum: Node): { cont: Node; sum: Node } {
  if (cont.kind !== 'rational' || sum.kind !== 'add') return { cont, sum };
  const scaled = core.mul([makeRational(1n, cont.q), sum]);
  if (scaled.kind === 'add' && scaled.args.some((a) => coeffOf(a).kind === 'integer'))
    return { cont: makeInteger(cont.p), sum: scaled };
  return { cont, sum };
}

/** Numerator and denominator powers of a term (Term/Factors of exprtools). */
interface TermParts {
  coeff: Node;
  numer: Map<Node, Node>;
  denom: Map<Node, Node>;
}

function termParts(t: Node): TermParts {
  const [coeff, rest] = asCoeffMul(t);
  const numer = new Map<Node, Node>();
  const denom = new Map<Node, Node>();
  if (rest !== ONE)
    for (const f of mulArgs(rest)) {
      const [b, e] = asBaseExp(f, negate);
      if (numSign(coeffOf(e)) < 0) denom.set(b, negate(e));
      else numer.set(b, e);
    }
  return { coeff, numer, denom };
}

/** Factors.gcd: the common bases, each with the smaller exponent where that is decidable. */
function gcdFactors(a: Map<Node, Node>, b: Map<Node, Node>): Map<Node, Node> {
  const out = new Map<Node, Node>();
  for (const [base, e] of a) {
    const f = b.get(base);
    if (!f) continue;
    if (e === f) out.set(base, e);
    else if (e.isNumber && f.isNumber) out.set(base, numSign(core.add([e, negate(f)])) < 0 ? e : f);
  }
  return out;
}

function rationalGcd(a: Node, b: Node): Node {
  if (!a.isRational || !b.isRational) return ONE;
  const q = (a.q * b.q) / gcd(a.q, b.q);
  return makeRational(gcd(a.p, b.p), q);
}

const product = (m: Map<Node, Node>): Node => core.mul([...m].map(([b, e]) => core.pow(b, e)));

/** gcd_terms(p, isprimitive=True) for a sum p. */
function gcdTerms(p: Node): Node {
  const parts = p.args.map(termParts);
  let coeff = parts[0]!.coeff;
  let numer = parts[0]!.numer;
  let denom = parts[0]!.denom;
  for (const t of parts.slice(1)) {
    coeff = rationalGcd(coeff, t.coeff);
    numer = gcdFactors(numer, t.numer);
    denom = gcdFactors(denom, t.denom);
  }
  if (numSign(coeff) < 0) coeff = numNeg(coeff);
  const common = core.mul([product(numer), core.pow(product(denom), NEG_ONE)]);
  const cont = core.mul([coeff, common]);
  if (cont === ONE) return p;
  const inv = core.pow(cont, NEG_ONE);
  let sum = core.add(p.args.map((t) => core.mul([t, inv])));
  const [c0, factors] = asCoeffMul(cont);
  const { cont: c, sum: s } = denominatorIntoSum(c0, sum);
  sum = s;
  return keepCoeff(c, core.mul([factors, sum]));
}

function factorNode(n: Node, args: readonly Node[]): Node {
  if (n.kind !== 'add' && n.kind !== 'mul') return rebuild(n, args);
  if (n.kind === 'mul') {
    // content of each factor, then the product of the primitive parts
    let cont: Node = ONE;
    const prims: Node[] = [];
    for (const a of args) {
      const [c, p] =
        a.kind === 'mul' && a.args[0]!.isNumber && a.args[1]?.kind === 'add' && a.args.length === 2
          ? [a.args[0]!, a.args[1]!]
          : a.isNumber
            ? [a, ONE]
            : [ONE, a];
      cont = numMul(cont, c);
      if (p !== ONE) prims.push(p);
    }
    return keepCoeff(cont, core.mul(prims));
  }
  const sum = core.add(args.map(unwrapCoeff));
  // The terms may have collapsed (exp(y)/4 + 0): what is left is no sum, and already factored.
  if (sum.kind !== 'add') return sum;
  let [cont, p] = primitive(sum);
  if (p.kind !== 'add') return keepCoeff(cont, p);
  ({ cont, sum: p } = denominatorIntoSum(cont, p));
  let terms = p.args;
  if (terms.every((a) => numSign(coeffOf(a)) < 0)) {
    cont = numNeg(cont);
    terms = terms.map(negate);
  }
  return keepCoeff(cont, gcdTerms(core.add(terms)));
}

/** A term that factor_terms left as c*(sum) goes back into a sum canonically. */
function unwrapCoeff(a: Node): Node {
  if (a.kind === 'mul' && a.args.length === 2 && a.args[0]!.isNumber && a.args[1]!.kind === 'add')
    return core.mul([a.args[0]!, a.args[1]!]);
  return a;
}

export function factorTerms(root: Node): Node {
  return mapBottomUp(root, (n, args) => (n.args.length === 0 ? n : factorNode(n, args)));
}
