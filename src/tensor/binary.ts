/**
 * Binary elementwise ops with NumPy broadcasting and PyTorch's type promotion. Operands are
 * NDArrays or JavaScript numbers/booleans (which, like Python scalars, never widen a float32
 * array to float64).
 */
import { DEFAULT_DTYPE, isFloatingDType, type DType, type FloatDType } from './dtype.js';
import { DTypeError } from './errors.js';
import { mapBinary, operandArray } from './elementwise.js';
import {
  addRow,
  andRow,
  atan2Row,
  divRow,
  eqRow,
  geRow,
  gtRow,
  imulRow,
  leRow,
  ltRow,
  maximumRow,
  minimumRow,
  mulRow,
  neRow,
  orRow,
  powRow,
  subRow,
  xorRow,
} from './kernels/binaryRows.js';
import { NDArray } from './ndarray.js';
import { resultType, type Operand } from './promote.js';
import type { Row3 } from './strided.js';

/** Same float dtype in, same dtype out; anything else is typed loosely (see resultType). */
export interface ArithmeticFn {
  <D extends FloatDType>(a: NDArray<D>, b: NDArray<D> | number): NDArray<D>;
  <D extends FloatDType>(a: number, b: NDArray<D>): NDArray<D>;
  (a: Operand, b: Operand): NDArray;
}

export interface ComparisonFn {
  (a: Operand, b: Operand): NDArray<'bool'>;
}

function arithmetic(
  op: string,
  a: Operand,
  b: Operand,
  pick: (dtype: DType) => Row3 | string,
): NDArray {
  const dtype = resultType(a, b);
  const row = pick(dtype);
  if (typeof row === 'string') {
    throw new DTypeError(`${op} is not defined for ${dtype} operands: ${row}`, [dtype]);
  }
  return mapBinary(operandArray(a, dtype), operandArray(b, dtype), row, dtype);
}

/** a + b (bool + bool is logical or, as PyTorch). */
export const add = ((a: Operand, b: Operand) =>
  arithmetic('add', a, b, (d) => (d === 'bool' ? orRow : addRow))) as ArithmeticFn;

/** a − b (bool − bool is an error, as PyTorch: use logicalXor). */
export const sub = ((a: Operand, b: Operand) =>
  arithmetic('sub', a, b, (d) =>
    d === 'bool'
      ? 'subtracting bools is not supported; use logicalXor (or convert with .to())'
      : subRow,
  )) as ArithmeticFn;

/** a · b (int32 wraps modulo 2³²; bool · bool is logical and). */
export const mul = ((a: Operand, b: Operand) =>
  arithmetic('mul', a, b, (d) =>
    d === 'int32' ? imulRow : d === 'bool' ? andRow : mulRow,
  )) as ArithmeticFn;

export interface DivOptions {
  /** PyTorch's rounding_mode: 'trunc' rounds the quotient toward 0, 'floor' down; integer operands then give integers */
  roundingMode?: 'trunc' | 'floor';
}

/**
 * a / b. True division: integer operands give float64 (PyTorch gives its default float), unless
 * a rounding mode is asked for.
 */
export function div<D extends FloatDType>(
  a: NDArray<D>,
  b: NDArray<D> | number,
  options?: DivOptions,
): NDArray<D>;
export function div<D extends FloatDType>(
  a: number,
  b: NDArray<D>,
  options?: DivOptions,
): NDArray<D>;
export function div(a: Operand, b: Operand, options?: DivOptions): NDArray;
export function div(a: Operand, b: Operand, options: DivOptions = {}): NDArray {
  const common = resultType(a, b);
  const mode = options.roundingMode;
  if (mode === undefined) {
    const dtype = isFloatingDType(common) ? common : DEFAULT_DTYPE;
    return mapBinary(operandArray(a, dtype), operandArray(b, dtype), divRow, dtype);
  }
  if (common === 'bool')
    throw new DTypeError('div with a rounding mode is not defined for bool operands', ['bool']);
  if (common === 'int32' && isZeroAnywhere(b)) {
    throw new DTypeError('integer division by zero (ZeroDivisionError in PyTorch)', ['int32']);
  }
  const q = mapBinary(operandArray(a, 'float64'), operandArray(b, 'float64'), divRow, 'float64');
  const round = mode === 'trunc' ? Math.trunc : Math.floor;
  const s = q.storage;
  for (let i = 0; i < s.length; i++) s[i] = round(s[i]!);
  return common === 'float64' ? q : q.to(common);
}

function isZeroAnywhere(b: Operand): boolean {
  if (typeof b !== 'object') return Number(b) === 0;
  const d = b.contiguous().data;
  for (let i = 0; i < d.length; i++) if (d[i] === 0) return true;
  return false;
}

/**
 * a ** b. Integer operands stay int32 (a negative integer exponent is an error there, as
 * PyTorch); bool ** bool is not defined.
 */
export const pow = ((a: Operand, b: Operand) => {
  const dtype = resultType(a, b);
  if (dtype === 'bool') throw new DTypeError('pow is not defined for bool operands', ['bool']);
  if (dtype === 'int32' && hasNegative(b)) {
    throw new DTypeError(
      'integers to negative integer powers are not allowed (as PyTorch); convert to float first',
      ['int32'],
    );
  }
  return mapBinary(operandArray(a, dtype), operandArray(b, dtype), powRow, dtype);
}) as ArithmeticFn;

function hasNegative(b: Operand): boolean {
  if (typeof b !== 'object') return Number(b) < 0;
  const d = b.contiguous().data;
  for (let i = 0; i < d.length; i++) if (d[i]! < 0) return true;
  return false;
}

/** atan2(a, b), the angle of the point (b, a); integer operands give float64. */
export const atan2 = ((a: Operand, b: Operand) => {
  const common = resultType(a, b);
  const dtype = isFloatingDType(common) ? common : DEFAULT_DTYPE;
  return mapBinary(operandArray(a, dtype), operandArray(b, dtype), atan2Row, dtype);
}) as ArithmeticFn;

/** Elementwise max, NaN-propagating (torch.maximum). */
export const maximum = ((a: Operand, b: Operand) =>
  arithmetic('maximum', a, b, () => maximumRow)) as ArithmeticFn;

/** Elementwise min, NaN-propagating (torch.minimum). */
export const minimum = ((a: Operand, b: Operand) =>
  arithmetic('minimum', a, b, () => minimumRow)) as ArithmeticFn;

function comparison(a: Operand, b: Operand, row: Row3): NDArray<'bool'> {
  const dtype = resultType(a, b);
  return mapBinary(operandArray(a, dtype), operandArray(b, dtype), row, 'bool') as NDArray<'bool'>;
}

export const eq: ComparisonFn = (a, b) => comparison(a, b, eqRow);
export const ne: ComparisonFn = (a, b) => comparison(a, b, neRow);
export const lt: ComparisonFn = (a, b) => comparison(a, b, ltRow);
export const le: ComparisonFn = (a, b) => comparison(a, b, leRow);
export const gt: ComparisonFn = (a, b) => comparison(a, b, gtRow);
export const ge: ComparisonFn = (a, b) => comparison(a, b, geRow);

/** Elementwise logical and/or/xor of the truth values (≠ 0), giving bool. */
export const logicalAnd: ComparisonFn = (a, b) => comparison(a, b, andRow);
export const logicalOr: ComparisonFn = (a, b) => comparison(a, b, orRow);
export const logicalXor: ComparisonFn = (a, b) => comparison(a, b, xorRow);
