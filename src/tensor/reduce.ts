/**
 * Reductions over any set of dims (all by default), with PyTorch's `keepdim`. The input is
 * walked in its own memory order (dims sorted by stride) and folded into a float64
 * accumulator, so float32 sums are accurate and a reduction over an outer dim still reads
 * memory sequentially; the result is then converted to the output dtype.
 */
import { allocate, isFloatingDType, type DType, type FloatDType } from './dtype.js';
import { DTypeError, IndexError, ShapeError } from './errors.js';
import { maxRow, minRow, powSumRow, prodRow, sumRow } from './kernels/reduceRows.js';
import { NDArray, trustedArray } from './ndarray.js';
import { contiguousStrides, normalizeDims, shapeSize, type Shape } from './shape.js';
import { copyRow, loop2, type Row2 } from './strided.js';

/** One dim, several dims, or (undefined / []) all dims. */
export type Dims = number | readonly number[] | undefined;

export function reducedDims(a: { readonly shape: Shape }, dim: Dims): number[] {
  const nd = a.shape.length;
  if (dim === undefined) return a.shape.map((_, i) => i);
  const list = typeof dim === 'number' ? [dim] : dim;
  if (list.length === 0) return a.shape.map((_, i) => i);
  return normalizeDims(list, nd);
}

/** The shape after reducing `dims`: removed, or kept as 1 with keepdim. */
export function reducedShape(shape: Shape, dims: readonly number[], keepdim: boolean): number[] {
  const set = new Set(dims);
  const out: number[] = [];
  shape.forEach((s, d) => {
    if (!set.has(d)) out.push(s);
    else if (keepdim) out.push(1);
  });
  return out;
}

/**
 * Folds `a` over `dims` with `row` into a float64 accumulator starting at `init`; returns the
 * accumulator and the output shape.
 */
export function reduceToAccumulator(
  a: NDArray,
  dims: readonly number[],
  keepdim: boolean,
  row: Row2,
  init: number,
): { acc: Float64Array; shape: number[] } {
  const nd = a.shape.length;
  const outShape = reducedShape(a.shape, dims, keepdim);
  const acc = new Float64Array(shapeSize(outShape)).fill(init);
  const keptShape = reducedShape(a.shape, dims, true);
  const keptStrides = contiguousStrides(keptShape);
  const reduced = new Set(dims);
  const accStrides = keptStrides.map((s, d) => (reduced.has(d) ? 0 : s));
  // Walk in the input's memory order: the dim with the smallest stride innermost.
  const order = a.shape.map((_, d) => d);
  order.sort((x, y) => Math.abs(a.strides[y]!) - Math.abs(a.strides[x]!) || x - y);
  if (nd > 0) {
    loop2(
      row,
      a.storage,
      a.offset,
      order.map((d) => a.strides[d]!),
      acc,
      0,
      order.map((d) => accStrides[d]!),
      order.map((d) => a.shape[d]!),
    );
  } else {
    row(a.storage, a.offset, 1, acc, 0, 0, 1);
  }
  return { acc, shape: outShape };
}

function finish(acc: Float64Array, shape: number[], dtype: DType): NDArray {
  if (dtype === 'float64') return trustedArray('float64', acc, shape);
  const out = allocate(dtype, acc.length);
  copyRow(acc, 0, 1, out, 0, 1, acc.length);
  return trustedArray(dtype, out, shape);
}

/** Float dtypes keep theirs; int32 and bool sum to int32 (PyTorch: int64). */
function sumDType(a: NDArray): DType {
  return isFloatingDType(a.dtype) ? a.dtype : 'int32';
}

export interface ReduceFn {
  <D extends FloatDType>(a: NDArray<D>, dim?: Dims, keepdim?: boolean): NDArray<D>;
  (a: NDArray, dim?: Dims, keepdim?: boolean): NDArray;
}

/** Σ over `dim` (all dims by default); pairwise summation in float64. */
export const sum = ((a: NDArray, dim?: Dims, keepdim = false) => {
  const { acc, shape } = reduceToAccumulator(a, reducedDims(a, dim), keepdim, sumRow, 0);
  return finish(acc, shape, sumDType(a));
}) as ReduceFn;

/** Π over `dim` (all dims by default). */
export const prod = ((a: NDArray, dim?: Dims, keepdim = false) => {
  const { acc, shape } = reduceToAccumulator(a, reducedDims(a, dim), keepdim, prodRow, 1);
  return finish(acc, shape, sumDType(a));
}) as ReduceFn;

/** The mean over `dim`; float inputs only, as PyTorch (an empty reduction gives NaN). */
export const mean = ((a: NDArray, dim?: Dims, keepdim = false) => {
  if (!isFloatingDType(a.dtype)) {
    throw new DTypeError(
      `mean needs a floating-point array, not ${a.dtype} (as PyTorch); convert with .to('float64')`,
      [a.dtype],
    );
  }
  const dims = reducedDims(a, dim);
  const { acc, shape } = reduceToAccumulator(a, dims, keepdim, sumRow, 0);
  let count = 1;
  for (const d of dims) count *= a.shape[d]!;
  for (let i = 0; i < acc.length; i++) acc[i] = acc[i]! / count;
  return finish(acc, shape, a.dtype);
}) as ReduceFn;

function checkNonEmpty(op: string, a: NDArray, dims: readonly number[]): void {
  for (const d of dims) {
    if (a.shape[d] === 0) {
      throw new IndexError(
        `${op}: cannot reduce dimension ${d} of size 0 (shape ${ShapeError.show(a.shape)}): the result has no identity`,
        d,
        0,
      );
    }
  }
  if (a.shape.length === 0 && shapeSize(a.shape) === 0)
    throw new IndexError(`${op} of an empty array`);
}

/** The largest value over `dim` (all dims by default), NaN-propagating (torch.amax). */
export const amax = ((a: NDArray, dim?: Dims, keepdim = false) => {
  const dims = reducedDims(a, dim);
  checkNonEmpty('amax', a, dims);
  const { acc, shape } = reduceToAccumulator(a, dims, keepdim, maxRow, -Infinity);
  return finish(acc, shape, a.dtype);
}) as ReduceFn;

/** The smallest value over `dim` (all dims by default), NaN-propagating (torch.amin). */
export const amin = ((a: NDArray, dim?: Dims, keepdim = false) => {
  const dims = reducedDims(a, dim);
  checkNonEmpty('amin', a, dims);
  const { acc, shape } = reduceToAccumulator(a, dims, keepdim, minRow, Infinity);
  return finish(acc, shape, a.dtype);
}) as ReduceFn;

/** Whether any element over `dim` is non-zero (bool). */
export function any(a: NDArray, dim?: Dims, keepdim = false): NDArray<'bool'> {
  const { acc, shape } = reduceToAccumulator(a, reducedDims(a, dim), keepdim, truthMaxRow, 0);
  return finish(acc, shape, 'bool') as NDArray<'bool'>;
}

/** Whether every element over `dim` is non-zero (bool). */
export function all(a: NDArray, dim?: Dims, keepdim = false): NDArray<'bool'> {
  const { acc, shape } = reduceToAccumulator(a, reducedDims(a, dim), keepdim, truthMinRow, 1);
  return finish(acc, shape, 'bool') as NDArray<'bool'>;
}

const truthMaxRow: Row2 = (a, ia, sa, acc, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, io += so) if (a[ia] !== 0) acc[io] = 1;
};
const truthMinRow: Row2 = (a, ia, sa, acc, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, io += so) if (a[ia] === 0) acc[io] = 0;
};

/** Σ |a|^p over dims, for norm. */
export function powSum(
  a: NDArray,
  p: number,
  dims: readonly number[],
  keepdim: boolean,
): { acc: Float64Array; shape: number[] } {
  return reduceToAccumulator(a, dims, keepdim, powSumRow(p), 0);
}
