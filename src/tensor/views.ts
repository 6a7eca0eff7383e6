/**
 * The view methods of NDArray as free functions (`reshape(a, [2, 3])` ≡ `a.reshape([2, 3])`),
 * for code that composes functions, like the autograd layer. All share storage except
 * `contiguous` (copies when needed) and `clone` (always copies).
 */
import type { DType } from './dtype.js';
import { NDArray, trustedArray } from './ndarray.js';
import { normalizeDims } from './shape.js';
import type { Shape } from './shape.js';
import type { SliceItem } from './slice.js';

export function reshape<D extends DType>(a: NDArray<D>, shape: Shape): NDArray<D> {
  return a.reshape(shape);
}
export function view<D extends DType>(a: NDArray<D>, shape: Shape): NDArray<D> {
  return a.view(shape);
}
export function transpose<D extends DType>(a: NDArray<D>, dim0: number, dim1: number): NDArray<D> {
  return a.transpose(dim0, dim1);
}
export function permute<D extends DType>(a: NDArray<D>, dims: readonly number[]): NDArray<D> {
  return a.permute(dims);
}
export function squeeze<D extends DType>(
  a: NDArray<D>,
  dim?: number | readonly number[],
): NDArray<D> {
  return a.squeeze(dim);
}
export function unsqueeze<D extends DType>(a: NDArray<D>, dim: number): NDArray<D> {
  return a.unsqueeze(dim);
}
export function expand<D extends DType>(a: NDArray<D>, sizes: Shape): NDArray<D> {
  return a.expand(sizes);
}
export function narrow<D extends DType>(
  a: NDArray<D>,
  dim: number,
  start: number,
  length: number,
): NDArray<D> {
  return a.narrow(dim, start, length);
}
export function select<D extends DType>(a: NDArray<D>, dim: number, index: number): NDArray<D> {
  return a.select(dim, index);
}
export function slice<D extends DType>(
  a: NDArray<D>,
  ...items: [string] | SliceItem[]
): NDArray<D> {
  return typeof items[0] === 'string' &&
    items.length === 1 &&
    items[0] !== '...' &&
    items[0] !== 'newaxis'
    ? a.slice(items[0])
    : a.slice(...(items as SliceItem[]));
}
export function flatten<D extends DType>(a: NDArray<D>, startDim = 0, endDim = -1): NDArray<D> {
  return a.flatten(startDim, endDim);
}
export function contiguous<D extends DType>(a: NDArray<D>): NDArray<D> {
  return a.contiguous();
}
export function clone<D extends DType>(a: NDArray<D>): NDArray<D> {
  return a.clone();
}

/** A copy with the order of elements reversed along `dims` (torch.flip copies too). */
export function flip<D extends DType>(a: NDArray<D>, dims: number | readonly number[]): NDArray<D> {
  const list = normalizeDims(typeof dims === 'number' ? [dims] : dims, a.ndim);
  const strides = a.strides.slice();
  let offset = a.offset;
  for (const d of list) {
    if (a.shape[d]! > 0) offset += (a.shape[d]! - 1) * strides[d]!;
    strides[d] = -strides[d]!;
  }
  return trustedArray(a.dtype, a.storage, a.shape, strides, offset).clone();
}
