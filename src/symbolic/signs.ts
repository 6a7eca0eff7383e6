/**
 * What is known about the sign of an expression when every symbol is real (SymPy's
 * `Symbol('x', real=True)`): a small stand-in for SymPy's assumptions, enough for the
 * automatic simplifications that depend on them (|exp x| = exp x, log(exp x) = x, …).
 *
 * A mask of the values the expression may take: NEG | ZERO | POS, or UNKNOWN when it may not
 * be real (log of something that may be negative, sqrt of a symbol, 1/x where x may be 0).
 */
import type { Node } from './node.js';
import { numSign } from './numbers.js';
import { constantValue } from './numeric.js';
import { fillBottomUp, SHALLOW } from './walk.js';

export const NEG = 1;
export const ZERO_SIGN = 2;
export const POS = 4;
export const REAL = NEG | ZERO_SIGN | POS;
export const UNKNOWN = 8;

const cache = new WeakMap<Node, number>();

export function signMask(n: Node): number {
  let m = cache.get(n);
  if (m === undefined) {
    // a deep tree: the args' masks first, bottom-up, so the recursion below stays shallow
    if (n.height > SHALLOW)
      fillBottomUp(
        n,
        (a) => a.height <= SHALLOW || cache.has(a),
        (a) => cache.set(a, computeMask(a)),
      );
    m = cache.get(n) ?? computeMask(n);
    cache.set(n, m);
  }
  return m;
}

export const isExtendedReal = (n: Node): boolean => signMask(n) !== UNKNOWN;
export const isPositive = (n: Node): boolean => signMask(n) === POS;
export const isNegative = (n: Node): boolean => signMask(n) === NEG;
export const isNonNegative = (n: Node): boolean => {
  const m = signMask(n);
  return m !== UNKNOWN && (m & NEG) === 0;
};
export const isNonPositive = (n: Node): boolean => {
  const m = signMask(n);
  return m !== UNKNOWN && (m & POS) === 0;
};
export const isNonZero = (n: Node): boolean => {
  const m = signMask(n);
  return m !== UNKNOWN && (m & ZERO_SIGN) === 0;
};

function numberMask(n: Node): number {
  const s = numSign(n);
  return s > 0 ? POS : s < 0 ? NEG : s === 0 ? ZERO_SIGN : UNKNOWN;
}

/** The signs a product can take given the signs its two factors can take. */
function mulMasks(a: number, b: number): number {
  if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN;
  let out = 0;
  for (const x of [NEG, ZERO_SIGN, POS]) {
    if (!(a & x)) continue;
    for (const y of [NEG, ZERO_SIGN, POS]) {
      if (!(b & y)) continue;
      if (x === ZERO_SIGN || y === ZERO_SIGN) out |= ZERO_SIGN;
      else out |= x === y ? POS : NEG;
    }
  }
  return out;
}

function addMasks(masks: number[]): number {
  if (masks.includes(UNKNOWN)) return UNKNOWN;
  const nonNeg = masks.every((m) => !(m & NEG));
  const nonPos = masks.every((m) => !(m & POS));
  if (nonNeg)
    return masks.some((m) => m === POS)
      ? POS
      : masks.every((m) => m === ZERO_SIGN)
        ? ZERO_SIGN
        : POS | ZERO_SIGN;
  if (nonPos) return masks.some((m) => m === NEG) ? NEG : NEG | ZERO_SIGN;
  return REAL;
}

function powMask(b: Node, e: Node): number {
  const mb = signMask(b);
  if (mb === UNKNOWN) return UNKNOWN;
  if (e.kind === 'integer') {
    const mayBeZero = (mb & ZERO_SIGN) !== 0;
    if (e.p < 0n && mayBeZero) return UNKNOWN; // 1/0 is zoo, not real
    if (e.p % 2n === 0n) return mayBeZero ? POS | ZERO_SIGN : POS;
    return mb;
  }
  const me = signMask(e);
  if (me === UNKNOWN) return UNKNOWN;
  if (mb === POS) return POS;
  if (mb === (POS | ZERO_SIGN) && me === POS) return POS | ZERO_SIGN;
  return UNKNOWN;
}

/** Odd, increasing functions: the result has the sign of the argument. */
const SIGN_PRESERVING = new Set(['sinh', 'tanh', 'asinh', 'atan', 'erf', 'gelu', 'sign']);
/** Real for every real argument. */
const REAL_VALUED = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc', 'atan2']);

/**
 * A constant expression (no symbols) whose value is clearly away from 0 has that sign
 * (SymPy decides these numerically too: |sec(3/2)| is sec(3/2)).
 */
function computeMask(n: Node): number {
  const m = structuralMask(n);
  if ((m === REAL || m === UNKNOWN) && !n.hasSymbols && n.args.length > 0) {
    const v = constantValue(n);
    if (Number.isFinite(v) && Math.abs(v) > 1e-9) return v > 0 ? POS : NEG;
  }
  return m;
}

function structuralMask(n: Node): number {
  switch (n.kind) {
    case 'integer':
    case 'rational':
    case 'float':
      return numberMask(n);
    case 'constant':
      return POS;
    case 'symbol':
      return REAL;
    case 'special':
      return UNKNOWN;
    case 'add':
      return addMasks(n.args.map(signMask));
    case 'mul':
      return n.args.reduce((m, a) => mulMasks(m, signMask(a)), POS);
    case 'pow':
      return powMask(n.args[0]!, n.args[1]!);
    case 'fn': {
      const args = n.args.map(signMask);
      if (args.includes(UNKNOWN)) return UNKNOWN;
      const a = args[0]!;
      if (SIGN_PRESERVING.has(n.name)) return a;
      if (REAL_VALUED.has(n.name)) return REAL;
      switch (n.name) {
        case 'exp':
        case 'cosh':
        case 'sigmoid':
        case 'softplus':
          return POS;
        case 'abs':
          return a & ZERO_SIGN ? POS | ZERO_SIGN : POS;
        case 'relu':
          return a & POS ? (a & ~POS ? POS | ZERO_SIGN : POS) : ZERO_SIGN;
        case 'log':
          return a === POS ? REAL : UNKNOWN;
        default:
          return UNKNOWN;
      }
    }
  }
}
