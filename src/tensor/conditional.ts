/** `where` and `clamp`: elementwise choices. */
import { allocate, type DType, type FloatDType } from './dtype.js';
import { DTypeError } from './errors.js';
import { maximum, minimum } from './binary.js';
import { operandArray } from './elementwise.js';
import { NDArray, trustedArray } from './ndarray.js';
import { resultType, type Operand } from './promote.js';
import { broadcastShapes, broadcastStrides, contiguousStrides, shapeSize } from './shape.js';
import { copyStrided, loop3, type Row3 } from './strided.js';

// o = c ? o : b  (o already holds a)
const keepOrTake: Row3 = (c, ic, sc, b, ib, sb, o, io, so, n) => {
  for (let k = 0; k < n; k++, ic += sc, ib += sb, io += so) if (c[ic] === 0) o[io] = b[ib]!;
};

/**
 * a where `condition` is true, else b (torch.where): the three broadcast together and a, b
 * promote as in arithmetic. `condition` must be bool (compare first: `where(gt(x, 0), x, 0)`).
 */
export function where<D extends DType>(
  condition: NDArray<'bool'>,
  a: NDArray<D>,
  b: NDArray<D> | number,
): NDArray<D>;
export function where(condition: NDArray<'bool'>, a: Operand, b: Operand): NDArray;
export function where(condition: NDArray, a: Operand, b: Operand): NDArray {
  if (condition.dtype !== 'bool') {
    throw new DTypeError(
      `where: the condition must be a bool array, not ${condition.dtype}; compare first, e.g. ne(c, 0)`,
      [condition.dtype],
    );
  }
  const dtype = resultType(a, b);
  const A = operandArray(a, dtype);
  const B = operandArray(b, dtype);
  const shape = broadcastShapes(condition.shape, A.shape, B.shape);
  const strides = contiguousStrides(shape);
  const out = allocate(dtype, shapeSize(shape));
  copyStrided(
    A.storage,
    A.offset,
    broadcastStrides(A.shape, A.strides, shape),
    out,
    0,
    strides,
    shape,
    dtype === 'bool',
  );
  loop3(
    keepOrTake,
    condition.storage,
    condition.offset,
    broadcastStrides(condition.shape, condition.strides, shape),
    B.storage,
    B.offset,
    broadcastStrides(B.shape, B.strides, shape),
    out,
    0,
    strides,
    shape,
  );
  return trustedArray(dtype, out, shape);
}

/**
 * Each value limited to [min, max] (either may be omitted; both may be arrays that broadcast).
 * min(max(a, lo), hi), so NaN stays NaN and lo > hi gives hi, as torch.clamp.
 */
export function clamp<D extends FloatDType>(
  a: NDArray<D>,
  min?: number | NDArray<D> | null,
  max?: number | NDArray<D> | null,
): NDArray<D>;
export function clamp(a: NDArray, min?: Operand | null, max?: Operand | null): NDArray;
export function clamp(a: NDArray, min?: Operand | null, max?: Operand | null): NDArray {
  if ((min === undefined || min === null) && (max === undefined || max === null)) {
    throw new DTypeError('clamp needs at least one of min and max');
  }
  const ops: Operand[] = [a];
  if (min !== undefined && min !== null) ops.push(min);
  if (max !== undefined && max !== null) ops.push(max);
  const dtype = resultType(...ops);
  let out = operandArray(a, dtype);
  if (min !== undefined && min !== null) out = maximum(out, operandArray(min, dtype));
  if (max !== undefined && max !== null) out = minimum(out, operandArray(max, dtype));
  return out.dtype === dtype ? out : out.to(dtype);
}
