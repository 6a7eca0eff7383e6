/**
 * Constructors the rewrites share: canonical sums, products and powers through `core`, plus
 * SymPy's "hollow" product `c*(a + b)` (a number times a sum, kept unexpanded as
 * `Mul(c, Add, evaluate=False)` does), which `factorTerms` and `together` produce.
 */
import { core } from '../core.js';
import { makeAdd, makeMul, NEG_ONE, ONE, ZERO } from '../node.js';
import type { Node } from '../node.js';
import { isZero, numAdd, numMul, numSign } from '../numbers.js';

/** `c*(a + b)` left unexpanded: a product of exactly a number and a sum. */
export function isHollow(n: Node): boolean {
  return (
    n.kind === 'mul' && n.args.length === 2 && n.args[0]!.isNumber && n.args[1]!.kind === 'add'
  );
}

/**
 * The canonical sum of `terms`, keeping hollow products `c*(a + b)` as terms (SymPy's
 * Add.flatten re-creates them unevaluated); hollow terms over the same sum add their numbers.
 */
export function add(terms: readonly Node[]): Node {
  let hollow: Map<Node, Node> | undefined;
  const plain: Node[] = [];
  const stack = [...terms];
  while (stack.length) {
    const t = stack.pop()!;
    if (t.kind === 'add') {
      stack.push(...t.args);
    } else if (isHollow(t)) {
      hollow ??= new Map();
      const s = t.args[1]!;
      const prev = hollow.get(s);
      hollow.set(s, prev ? numAdd(prev, t.args[0]!) : t.args[0]!);
    } else plain.push(t);
  }
  if (!hollow) return core.add(plain);
  const kept: Node[] = [];
  for (const [s, c] of hollow) {
    if (isZero(c)) continue;
    if (c === ONE) plain.push(...s.args);
    else kept.push(makeMul([c, s]));
  }
  const rest = core.add(plain);
  if (kept.length === 0) return rest;
  const all = rest === ZERO ? kept : [...(rest.kind === 'add' ? rest.args : [rest]), ...kept];
  return all.length === 1 ? all[0]! : makeAdd(all);
}

export const mul = (factors: readonly Node[]): Node => core.mul(factors);
export const pow = (b: Node, e: Node): Node => core.pow(b, e);
export const neg = (a: Node): Node => core.mul([NEG_ONE, a]);
export const sub = (a: Node, b: Node): Node => add([a, neg(b)]);
export const div = (a: Node, b: Node): Node => core.mul([a, core.pow(b, NEG_ONE)]);
export const inv = (a: Node): Node => core.pow(a, NEG_ONE);

/**
 * SymPy's `_keep_coeff(c, t, clear=True, sign)`: c*t with the number kept in front of a sum
 * (`2*(x + 1)` stays a product). With `sign` false, -1 times a sum is distributed.
 */
export function keepCoeff(c: Node, t: Node, sign = false): Node {
  if (!c.isNumber) {
    if (t.isNumber) [c, t] = [t, c];
    else return mul([c, t]);
  }
  if (t === ONE) return c;
  if (c === ONE) return t;
  if (c === NEG_ONE && !sign) return neg(t);
  if (t.kind === 'add') return makeMul([c, t]);
  if (t.kind === 'mul') {
    const args = [...t.args];
    if (args[0]!.isNumber) {
      const k = numMul(args[0]!, c);
      if (k === ONE) args.shift();
      else args[0] = k;
    } else args.unshift(c);
    return args.length === 1 ? args[0]! : rawMul(args);
  }
  const m = mul([c, t]);
  if (m.isNumber && !t.isNumber) return rawMul([c, t]);
  return m;
}

/** A product node from factors as given (no flattening, no distributing). */
export function rawMul(factors: readonly Node[]): Node {
  if (factors.length === 1) return factors[0]!;
  if (factors.length === 0) return ONE;
  return makeMul(factors);
}

/** SymPy's `_coeff_isneg`: a negative number, or a product whose coefficient is negative. */
export function coeffIsNeg(n: Node): boolean {
  if (n.kind === 'mul') n = n.args[0]!;
  return n.isNumber && numSign(n) < 0;
}
