/**
 * Arithmetic on number nodes (integer, rational, float), as SymPy's Number classes do it:
 * integers and rationals stay exact; a float anywhere makes the result a float.
 */
import { makeFloat, makeRational, ONE, ZERO, ZOO } from './node.js';
import type { Node } from './node.js';
import { ratioToNumber } from './rational.js';

/** The float64 value of a number node (integer, rational, float); NaN for anything else. */
export function toFloat(a: Node): number {
  switch (a.kind) {
    case 'integer':
      return Number(a.p);
    case 'rational':
      return ratioToNumber(a.p, a.q);
    case 'float':
      return a.value;
    default:
      return NaN;
  }
}

export function isZero(a: Node): boolean {
  return a === ZERO || (a.kind === 'float' && a.value === 0);
}

/** A float result of arithmetic; an exact zero becomes the integer 0, as SymPy's Float._new does. */
function floatResult(v: number): Node {
  return v === 0 ? ZERO : makeFloat(v);
}

export function numAdd(a: Node, b: Node): Node {
  if (a.kind === 'float' || b.kind === 'float') return floatResult(toFloat(a) + toFloat(b));
  return makeRational(a.p * b.q + b.p * a.q, a.q * b.q);
}

export function numMul(a: Node, b: Node): Node {
  if (a.kind === 'float' || b.kind === 'float') return floatResult(toFloat(a) * toFloat(b));
  return makeRational(a.p * b.p, a.q * b.q);
}

export function numNeg(a: Node): Node {
  return a.kind === 'float' ? makeFloat(-a.value) : makeRational(-a.p, a.q);
}

/** 1/a; 1/0 is zoo, as in SymPy. */
export function numInv(a: Node): Node {
  if (isZero(a)) return a.kind === 'float' ? makeFloat(Infinity) : ZOO;
  return a.kind === 'float' ? makeFloat(1 / a.value) : makeRational(a.q, a.p);
}

/** a**n for an integer n; 0**-n is zoo. */
export function numPowInt(a: Node, n: bigint): Node {
  if (n === 0n) return a.kind === 'float' ? makeFloat(1) : ONE;
  if (a.kind === 'float') return makeFloat(a.value ** Number(n));
  if (n < 0n) {
    if (a.p === 0n) return ZOO;
    return makeRational(a.q ** -n, a.p ** -n);
  }
  return makeRational(a.p ** n, a.q ** n);
}

/** -1, 0 or 1 (NaN for a NaN float). */
export function numSign(a: Node): number {
  if (a.kind === 'float') return Math.sign(a.value);
  return a.p > 0n ? 1 : a.p < 0n ? -1 : 0;
}

/** Numeric comparison of two number nodes: exact for rationals, through floats otherwise. */
export function numCompare(a: Node, b: Node): number {
  if (a.kind !== 'float' && b.kind !== 'float') {
    const l = a.p * b.q;
    const r = b.p * a.q;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  const x = toFloat(a);
  const y = toFloat(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function numAbs(a: Node): Node {
  return numSign(a) < 0 ? numNeg(a) : a;
}
