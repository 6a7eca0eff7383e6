/**
 * Drivers of the elementwise ops: turn operands into arrays of the compute dtype, broadcast
 * their shapes (stride 0 where a dim is stretched), allocate the output and run a row kernel
 * over the coalesced rows.
 */
import { allocate, categoryOf, type DType } from './dtype.js';
import { DTypeError, ShapeError } from './errors.js';
import { NDArray, trustedArray } from './ndarray.js';
import type { Operand } from './promote.js';
import {
  broadcastShapes,
  broadcastStrides,
  contiguousStrides,
  sameShape,
  shapeSize,
} from './shape.js';
import { loop2, loop3, type Row2, type Row3 } from './strided.js';

/**
 * An operand as an array whose values are those the compute dtype sees: numbers become 0-d
 * arrays of that dtype (so a float32 op uses fround(0.1), as PyTorch casts Python scalars), and
 * a float64 array meeting a float32 computation (only a 0-d one can) is rounded likewise.
 */
export function operandArray(x: Operand, dtype: DType): NDArray {
  if (typeof x === 'number' || typeof x === 'boolean') {
    const s = allocate(dtype, 1);
    const v = Number(x);
    s[0] = dtype === 'bool' ? (v !== 0 ? 1 : 0) : v;
    return trustedArray(dtype, s, []);
  }
  if (x.dtype === 'float64' && dtype === 'float32') return x.to('float32');
  return x;
}

/** out = row(a, b) over the broadcast shape, in a new array of `outDtype`. */
export function mapBinary(a: NDArray, b: NDArray, row: Row3, outDtype: DType): NDArray {
  const shape = sameShape(a.shape, b.shape) ? a.shape : broadcastShapes(a.shape, b.shape);
  const out = allocate(outDtype, shapeSize(shape));
  loop3(
    row,
    a.storage,
    a.offset,
    broadcastStrides(a.shape, a.strides, shape),
    b.storage,
    b.offset,
    broadcastStrides(b.shape, b.strides, shape),
    out,
    0,
    contiguousStrides(shape),
    shape,
  );
  return trustedArray(outDtype, out, shape);
}

/** out = row(a) in a new array of `outDtype`. */
export function mapUnary(a: NDArray, row: Row2, outDtype: DType): NDArray {
  const shape = a.shape;
  const out = allocate(outDtype, shapeSize(shape));
  loop2(row, a.storage, a.offset, a.strides, out, 0, contiguousStrides(shape), shape);
  return trustedArray(outDtype, out, shape);
}

/** PyTorch's can_cast: never down a category (float → int, int → bool). */
export function canCast(from: DType, to: DType): boolean {
  return categoryOf(from) <= categoryOf(to);
}

export function checkInPlaceCast(op: string, result: DType, target: DType): void {
  if (!canCast(result, target)) {
    throw new DTypeError(
      `${op}: the result has dtype ${result}, which cannot be written in place into an array of dtype ${target}; use the out-of-place form or convert the target with .to('${result}')`,
      [result, target],
    );
  }
}

/** Whether two arrays might read/write the same elements through different layouts. */
function overlaps(target: NDArray, b: NDArray): boolean {
  if (target.storage.buffer !== b.storage.buffer) return false;
  return !(
    target.storage.byteOffset === b.storage.byteOffset &&
    target.offset === b.offset &&
    sameShape(target.shape, b.shape) &&
    sameShape(target.strides, b.strides)
  );
}

/** target = row(target, b) in place; b broadcasts to target's shape. Bumps target's version. */
export function applyInPlace(op: string, target: NDArray, b: NDArray, row: Row3): void {
  const shape = broadcastShapes(target.shape, b.shape);
  if (!sameShape(shape, target.shape)) {
    throw new ShapeError(
      `${op}: the operand of shape ${ShapeError.show(b.shape)} does not broadcast to the target's shape ${ShapeError.show(target.shape)} (in-place ops cannot grow the target)`,
      [target.shape, b.shape],
    );
  }
  // A source overlapping the target differently (a.add_(a.T)) is read from a copy.
  const src = overlaps(target, b) ? b.clone() : b;
  loop3(
    row,
    target.storage,
    target.offset,
    target.strides,
    src.storage,
    src.offset,
    broadcastStrides(src.shape, src.strides, shape),
    target.storage,
    target.offset,
    target.strides,
    shape,
  );
  target.bumpVersion();
}
