/**
 * Arithmetic on number nodes (integer, rational, float), as SymPy's Number classes do it:
 * integers and rationals stay exact; a float anywhere makes the result a float.
 */
import { ExactPowerError } from './exprErrors.js';
import {
  makeFloat,
  makeInteger,
  makeRational,
  makeReducedRational,
  ONE,
  ZERO,
  ZOO,
} from './node.js';
import type { Node } from './node.js';
import { bitLength, MAX_EXACT_BITS, ratioToNumber } from './rational.js';

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
  if (a.kind === 'integer' && b.kind === 'integer') return makeInteger(a.p + b.p);
  if (a.kind === 'float' || b.kind === 'float') return floatResult(toFloat(a) + toFloat(b));
  return makeRational(a.p * b.q + b.p * a.q, a.q * b.q);
}

export function numMul(a: Node, b: Node): Node {
  if (a.kind === 'integer' && b.kind === 'integer') return makeInteger(a.p * b.p);
  if (a.kind === 'float' || b.kind === 'float') return floatResult(toFloat(a) * toFloat(b));
  return makeRational(a.p * b.p, a.q * b.q);
}

export function numNeg(a: Node): Node {
  return a.kind === 'float' ? makeFloat(-a.value) : makeReducedRational(-a.p, a.q);
}

/** 1/a; 1/0 is zoo, as in SymPy. */
export function numInv(a: Node): Node {
  if (isZero(a)) return a.kind === 'float' ? makeFloat(Infinity) : ZOO;
  if (a.kind === 'float') return makeFloat(1 / a.value);
  return a.p < 0n ? makeReducedRational(-a.q, -a.p) : makeReducedRational(a.q, a.p);
}

/** log₂|x| (0 for 0 and ±1), to estimate the size of a power. */
function log2Abs(x: bigint): number {
  const bits = bitLength(x);
  return bits <= 1 ? 0 : bits < 1000 ? Math.log2(Math.abs(Number(x))) : bits;
}

/** Whether the exact a**n (a rational) has at most MAX_EXACT_BITS bits. */
export function exactPowerFits(a: Node, n: bigint): boolean {
  if (a.kind === 'float' || n === 0n) return true;
  const size = Math.max(log2Abs(a.p), log2Abs(a.q));
  return size === 0 || size * Math.abs(Number(n)) <= MAX_EXACT_BITS;
}

/**
 * a**n for an integer n; 0**-n is zoo. An exact result beyond MAX_EXACT_BITS bits is an
 * ExactPowerError (the core's pow leaves such powers unevaluated instead, see pow.ts).
 */
export function numPowInt(a: Node, n: bigint): Node {
  if (n === 0n) return a.kind === 'float' ? makeFloat(1) : ONE;
  if (a.kind === 'float') return makeFloat(n === -1n ? 1 / a.value : a.value ** Number(n));
  if (!exactPowerFits(a, n)) throw new ExactPowerError(a.p, a.q, n, MAX_EXACT_BITS);
  if (n < 0n) {
    if (a.p === 0n) return ZOO;
    const p = a.q ** -n;
    const q = a.p ** -n;
    return q < 0n ? makeReducedRational(-p, -q) : makeReducedRational(p, q);
  }
  return makeReducedRational(a.p ** n, a.q ** n);
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
