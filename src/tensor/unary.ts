/**
 * Unary elementwise ops: every op of the rules table (UNARY_OPS), plus a few PyTorch staples
 * outside it. Values come from the rules' UNARY_NUMBER (hot ones are specialised loops).
 * Integer and bool inputs give float64 (mibun's default float), except neg/abs/sign/relu, which
 * keep int32, as PyTorch keeps its integer dtype.
 */
import { UNARY_OPS, type UnaryOp } from '../rules/index.js';
import { DEFAULT_DTYPE, isFloatingDType, type DType, type FloatDType } from './dtype.js';
import { DTypeError } from './errors.js';
import { mapUnary } from './elementwise.js';
import { UNARY_ROWS, unaryRowOf } from './kernels/unaryRows.js';
import type { NDArray } from './ndarray.js';
import type { Row2 } from './strided.js';

/** float → same dtype; int32/bool → float64. */
export interface FloatUnaryFn {
  <D extends FloatDType>(a: NDArray<D>): NDArray<D>;
  (a: NDArray): NDArray;
}

/** Ops that map integers to integers (PyTorch keeps the integer dtype). */
const INTEGRAL: ReadonlySet<UnaryOp> = new Set(['neg', 'abs', 'sign', 'relu']);
/** What PyTorch refuses on bool. */
const NOT_ON_BOOL: ReadonlySet<UnaryOp> = new Set(['neg', 'abs', 'relu']);

function outDType(op: string, a: NDArray, integral: boolean, notOnBool: boolean): DType {
  if (isFloatingDType(a.dtype)) return a.dtype;
  if (a.dtype === 'bool' && notOnBool) {
    throw new DTypeError(
      `${op} is not defined for bool arrays (as in PyTorch); convert with .to('float64') first`,
      ['bool'],
    );
  }
  if (integral) return a.dtype;
  return DEFAULT_DTYPE;
}

function unaryFn(op: UnaryOp): FloatUnaryFn {
  const row = UNARY_ROWS[op];
  const integral = INTEGRAL.has(op);
  const notOnBool = NOT_ON_BOOL.has(op);
  return ((a: NDArray) => mapUnary(a, row, outDType(op, a, integral, notOnBool))) as FloatUnaryFn;
}

/** Applies a rules-table op by name: `unary('gelu', a)`. */
export function unary<D extends FloatDType>(op: UnaryOp, a: NDArray<D>): NDArray<D>;
export function unary(op: UnaryOp, a: NDArray): NDArray;
export function unary(op: UnaryOp, a: NDArray): NDArray {
  return UNARY_FNS[op](a);
}

/** One function per rules-table op. */
export const UNARY_FNS = Object.fromEntries(UNARY_OPS.map((op) => [op, unaryFn(op)])) as Readonly<
  Record<UnaryOp, FloatUnaryFn>
>;

export const {
  neg,
  exp,
  log,
  sqrt,
  sin,
  cos,
  tan,
  cot,
  sec,
  csc,
  asin,
  acos,
  atan,
  sinh,
  cosh,
  tanh,
  asinh,
  acosh,
  atanh,
  abs,
  sign,
  erf,
  relu,
  sigmoid,
  softplus,
  gelu,
} = UNARY_FNS;

function extra(op: string, f: (x: number) => number, integral = false): FloatUnaryFn {
  const row: Row2 = unaryRowOf(f);
  return ((a: NDArray) => mapUnary(a, row, outDType(op, a, integral, integral))) as FloatUnaryFn;
}

// PyTorch staples outside the rules table (no derivative rule of their own needed: autograd
// builds them from table ops, or they are piecewise constant).
export const square = extra('square', (x) => x * x, true);
export const reciprocal = extra('reciprocal', (x) => 1 / x);
export const rsqrt = extra('rsqrt', (x) => 1 / Math.sqrt(x));
export const log1p = extra('log1p', Math.log1p);
export const expm1 = extra('expm1', Math.expm1);
export const log2 = extra('log2', Math.log2);
export const log10 = extra('log10', Math.log10);
export const floor = extra('floor', Math.floor, true);
export const ceil = extra('ceil', Math.ceil, true);
export const trunc = extra('trunc', Math.trunc, true);
/** Rounds half to even, as torch.round. */
export const round = extra(
  'round',
  (x) => {
    const r = Math.round(x);
    return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
  },
  true,
);

/** Elementwise: not a number (bool result). */
export function isnan(a: NDArray): NDArray<'bool'> {
  return mapUnary(
    a,
    unaryRowOf((x) => (x !== x ? 1 : 0)),
    'bool',
  ) as NDArray<'bool'>;
}

/** Elementwise: neither infinite nor NaN (bool result). */
export function isfinite(a: NDArray): NDArray<'bool'> {
  return mapUnary(
    a,
    unaryRowOf((x) => (Number.isFinite(x) ? 1 : 0)),
    'bool',
  ) as NDArray<'bool'>;
}

/** Elementwise logical not (bool result): true where the value is 0. */
export function logicalNot(a: NDArray): NDArray<'bool'> {
  return mapUnary(
    a,
    unaryRowOf((x) => (x === 0 ? 1 : 0)),
    'bool',
  ) as NDArray<'bool'>;
}
