/**
 * torch.matmul: 1-D·1-D is a dot product (0-d), 2-D·2-D a matrix product, a 1-D operand is a
 * row (left) or column (right) vector whose dim is removed again, and leading (batch) dims
 * broadcast. The 2-D products run in `matmulKernel` (kernels/matmul.ts), which reads strided
 * operands directly, so transposed views are not copied.
 *
 * Mixed float dtypes promote (float32 · float64 → float64) where PyTorch raises; int32 · float
 * promotes the int32 operand first.
 */
import { allocate, isFloatingDType, promoteTypes, type DType, type FloatDType } from './dtype.js';
import { DTypeError, ShapeError } from './errors.js';
import { matmulKernel, type MatmulArray } from './kernels/matmul.js';
import { NDArray, trustedArray } from './ndarray.js';
import { broadcastShapes, broadcastStrides, shapeSize } from './shape.js';
import { mul } from './binary.js';

const show = ShapeError.show;

export function matmul<D extends FloatDType>(a: NDArray<D>, b: NDArray<D>): NDArray<D>;
export function matmul(a: NDArray, b: NDArray): NDArray;
export function matmul(a: NDArray, b: NDArray): NDArray {
  if (a.ndim === 0 || b.ndim === 0) {
    throw new ShapeError(
      `matmul needs operands of at least 1 dimension, got shapes ${show(a.shape)} and ${show(b.shape)}; use mul for scalars`,
      [a.shape, b.shape],
    );
  }
  const dtype = promoteTypes(a.dtype, b.dtype);
  if (dtype === 'bool') throw new DTypeError('matmul is not defined for bool arrays', ['bool']);
  const cast = (x: NDArray): NDArray =>
    isFloatingDType(dtype) && !isFloatingDType(x.dtype) ? x.to(dtype) : x;
  const A = cast(a.ndim === 1 ? a.unsqueeze(0) : a);
  const B = cast(b.ndim === 1 ? b.unsqueeze(-1) : b);
  const m = A.shape[A.ndim - 2]!;
  const k = A.shape[A.ndim - 1]!;
  const n = B.shape[B.ndim - 1]!;
  if (B.shape[B.ndim - 2] !== k) {
    throw new ShapeError(
      `matmul: shapes ${show(a.shape)} and ${show(b.shape)} do not fit: the first has ${k} columns, the second ${B.shape[B.ndim - 2]} rows`,
      [a.shape, b.shape],
    );
  }
  const aBatch = A.shape.slice(0, -2);
  const bBatch = B.shape.slice(0, -2);
  let batch: number[];
  try {
    batch = broadcastShapes(aBatch, bBatch);
  } catch {
    throw new ShapeError(
      `matmul: the batch dims of shapes ${show(a.shape)} and ${show(b.shape)} (${show(aBatch)} and ${show(bBatch)}) do not broadcast`,
      [a.shape, b.shape],
    );
  }
  const aStrides = broadcastStrides(aBatch, A.strides.slice(0, -2), batch);
  const bStrides = broadcastStrides(bBatch, B.strides.slice(0, -2), batch);
  const count = shapeSize(batch);
  const out = allocate(dtype as Exclude<DType, 'bool'>, count * m * n);
  const [ars, acs] = [A.strides[A.ndim - 2]!, A.strides[A.ndim - 1]!];
  const [brs, bcs] = [B.strides[B.ndim - 2]!, B.strides[B.ndim - 1]!];
  const counter = new Array<number>(batch.length).fill(0);
  let ao = A.offset;
  let bo = B.offset;
  for (let i = 0; i < count; i++) {
    matmulKernel(
      A.storage as MatmulArray,
      ao,
      ars,
      acs,
      B.storage as MatmulArray,
      bo,
      brs,
      bcs,
      out,
      i * m * n,
      m,
      k,
      n,
    );
    for (let d = batch.length - 1; d >= 0; d--) {
      ao += aStrides[d]!;
      bo += bStrides[d]!;
      if (++counter[d]! < batch[d]!) break;
      counter[d] = 0;
      ao -= aStrides[d]! * batch[d]!;
      bo -= bStrides[d]! * batch[d]!;
    }
  }
  const shape = [...batch, m, n];
  if (b.ndim === 1) shape.pop();
  if (a.ndim === 1) shape.splice(shape.length - (b.ndim === 1 ? 1 : 2), 1);
  return trustedArray(dtype, out, shape);
}

/** The outer product of two vectors: out[i, j] = a[i] · b[j]. */
export function outer<D extends FloatDType>(a: NDArray<D>, b: NDArray<D>): NDArray<D>;
export function outer(a: NDArray, b: NDArray): NDArray;
export function outer(a: NDArray, b: NDArray): NDArray {
  if (a.ndim !== 1 || b.ndim !== 1) {
    throw new ShapeError(
      `outer needs two vectors, got shapes ${show(a.shape)} and ${show(b.shape)}`,
      [a.shape, b.shape],
    );
  }
  return mul(a.unsqueeze(1), b);
}
