/** Views of a node as a product or a power, as SymPy's as_coeff_Mul / as_base_exp give them. */
import {
  E,
  makeAddSorted,
  makeInteger,
  makeMulSorted,
  makeRational,
  NEG_ONE,
  ONE,
  ZERO,
} from './node.js';
import type { Node } from './node.js';

/** The numeric coefficient and the rest: `3*x*y` → [3, x*y]; `x` → [1, x]; `5` → [5, 1]. */
export function asCoeffMul(n: Node): [Node, Node] {
  return [coeffOf(n), restOf(n)];
}

/** The numeric coefficient of asCoeffMul, without allocating. */
export function coeffOf(n: Node): Node {
  if (n.isNumber) return n;
  if (n.kind === 'mul' && n.args[0]!.isNumber) return n.args[0]!;
  return ONE;
}

/** The rest of asCoeffMul (`3*x*y` → `x*y`), built once per node and kept on it. */
export function restOf(n: Node): Node {
  if (n.isNumber) return ONE;
  if (n.kind !== 'mul') return n;
  let rest = n.restPart;
  if (rest === undefined) {
    const args = n.args;
    if (!args[0]!.isNumber) rest = n;
    else if (args.length === 2) rest = args[1]!;
    else rest = makeMulSorted(args.slice(1));
    n.restPart = rest;
  }
  return rest;
}

/** Like asCoeffMul, but only an exact rational counts as a coefficient (SymPy's rational=True). */
export function asCoeffMulRational(n: Node): [Node, Node] {
  const [c, rest] = asCoeffMul(n);
  return c.kind === 'float' ? [ONE, n] : [c, rest];
}

/** The constant term and the rest of a sum: `x + 2` → [2, x]. */
export function asCoeffAdd(n: Node): [Node, Node] {
  if (n.isNumber) return [n, ZERO];
  if (n.kind === 'add' && n.args[0]!.isNumber) {
    const rest = n.args.slice(1);
    return [n.args[0]!, rest.length === 1 ? rest[0]! : makeAddSorted(rest)];
  }
  return [ZERO, n];
}

/** The factors of a product (a non-product is its own single factor). */
export function mulArgs(n: Node): readonly Node[] {
  return n.kind === 'mul' ? n.args : [n];
}

/** The terms of a sum. */
export function addArgs(n: Node): readonly Node[] {
  return n.kind === 'add' ? n.args : [n];
}

/**
 * Base and exponent: `x**3` → [x, 3]; `exp(u)` → [E, u]; `(1/2)**x` → [2, -x]; else [n, 1].
 * (SymPy's as_base_exp; the exponent of `(1/q)**e` is negated without canonicalising further.)
 */
export function asBaseExp(n: Node, negate: (e: Node) => Node): [Node, Node] {
  if (n.kind === 'pow') {
    const [b, e] = n.args as [Node, Node];
    if (b.kind === 'rational' && b.p === 1n) return [makeInteger(b.q), negate(e)];
    return [b, e];
  }
  if (n.kind === 'fn' && n.name === 'exp') return [E, n.args[0]!];
  return [n, ONE];
}

export function isMinusOne(n: Node): boolean {
  return n === NEG_ONE;
}

export function isInteger(n: Node): boolean {
  return n.kind === 'integer';
}

export function isEvenInteger(n: Node): boolean {
  return n.kind === 'integer' && n.p % 2n === 0n;
}

export function rationalOf(p: bigint, q: bigint): Node {
  return makeRational(p, q);
}
