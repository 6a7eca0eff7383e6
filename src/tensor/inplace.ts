/**
 * In-place forms for optimisers and buffers. Each writes through the target's own layout
 * (views too), bumps the shared version counter, and returns the target. The operand must
 * broadcast to the target's shape, and the result dtype must be castable to the target's
 * (a float result cannot go into an int32 target), as in PyTorch.
 */
import type { DType } from './dtype.js';
import { addRow, divRow, imulRow, mulRow, orRow, andRow, subRow } from './kernels/binaryRows.js';
import { DTypeError } from './errors.js';
import { applyInPlace, checkInPlaceCast, operandArray } from './elementwise.js';
import type { NDArray } from './ndarray.js';
import { resultType, type Operand } from './promote.js';
import { copyStrided, type Row3 } from './strided.js';
import { broadcastShapes, broadcastStrides, sameShape } from './shape.js';
import { ShapeError } from './errors.js';
import { mul } from './binary.js';

function inPlace<D extends DType>(
  op: string,
  target: NDArray<D>,
  b: Operand,
  row: (dtype: DType) => Row3 | string,
): NDArray<D> {
  const dtype = resultType(target, b);
  checkInPlaceCast(op, dtype, target.dtype);
  const r = row(dtype);
  if (typeof r === 'string') throw new DTypeError(`${op}: ${r}`, [dtype]);
  applyInPlace(op, target, operandArray(b, dtype), r);
  return target;
}

/** target += alpha · b */
export function add_<D extends DType>(target: NDArray<D>, b: Operand, alpha = 1): NDArray<D> {
  const src = alpha === 1 ? b : typeof b === 'object' ? mul(b, alpha) : Number(b) * alpha;
  return inPlace('add_', target, src, (d) => (d === 'bool' ? orRow : addRow));
}

/** target −= alpha · b */
export function sub_<D extends DType>(target: NDArray<D>, b: Operand, alpha = 1): NDArray<D> {
  const src = alpha === 1 ? b : typeof b === 'object' ? mul(b, alpha) : Number(b) * alpha;
  return inPlace('sub_', target, src, (d) =>
    d === 'bool' ? 'subtracting bools is not supported' : subRow,
  );
}

/** target ·= b */
export function mul_<D extends DType>(target: NDArray<D>, b: Operand): NDArray<D> {
  return inPlace('mul_', target, b, (d) =>
    d === 'int32' ? imulRow : d === 'bool' ? andRow : mulRow,
  );
}

/** target /= b (true division: an integer target is a DTypeError, as PyTorch) */
export function div_<D extends DType>(target: NDArray<D>, b: Operand): NDArray<D> {
  const dtype = resultType(target, b);
  checkInPlaceCast(
    'div_',
    dtype === 'float32' || dtype === 'float64' ? dtype : 'float64',
    target.dtype,
  );
  return inPlace('div_', target, b, () => divRow);
}

/** Every element set to `value`. */
export function fill_<D extends DType>(target: NDArray<D>, value: number | boolean): NDArray<D> {
  // As PyTorch, any scalar fills any dtype (2.5 into int32 stores 2).
  const v = Number(value);
  const s = target.storage;
  const stored = target.dtype === 'bool' ? (v !== 0 ? 1 : 0) : v;
  if (target.isContiguous()) {
    s.fill(stored, target.offset, target.offset + target.numel());
  } else {
    const one = operandArray(stored, target.dtype);
    copyStrided(
      one.storage,
      0,
      target.shape.map(() => 0),
      s,
      target.offset,
      target.strides,
      target.shape,
    );
  }
  target.bumpVersion();
  return target;
}

/** Every element set to 0. */
export function zero_<D extends DType>(target: NDArray<D>): NDArray<D> {
  return fill_(target, 0);
}

/**
 * Copies `src` (broadcast to the target's shape, converted to its dtype, any dtype allowed as in
 * PyTorch's copy_) into the target.
 */
export function copy_<D extends DType>(
  target: NDArray<D>,
  src: NDArray | number | boolean,
): NDArray<D> {
  const s = operandArray(src, typeof src === 'object' ? src.dtype : target.dtype);
  const shape = broadcastShapes(target.shape, s.shape);
  if (!sameShape(shape, target.shape)) {
    throw new ShapeError(
      `copy_: the source of shape ${ShapeError.show(s.shape)} does not broadcast to the target's shape ${ShapeError.show(target.shape)}`,
      [target.shape, s.shape],
    );
  }
  const source = s.storage.buffer === target.storage.buffer ? s.clone() : s;
  const strides = broadcastStrides(source.shape, source.strides, shape);
  copyStrided(
    source.storage,
    source.offset,
    strides,
    target.storage,
    target.offset,
    target.strides,
    shape,
    target.dtype === 'bool',
  );
  target.bumpVersion();
  return target;
}
