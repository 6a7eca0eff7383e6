/** Joining and splitting along a dim: cat, stack (copies), split, chunk (views). */
import { allocate, promoteTypes, type DType } from './dtype.js';
import { IndexError, ShapeError } from './errors.js';
import { NDArray, trustedArray } from './ndarray.js';
import { normalizeDim, shapeSize } from './shape.js';
import { copyStrided } from './strided.js';

const show = ShapeError.show;

/**
 * Concatenates along `dim` (torch.cat): every array has the same number of dims and the same
 * sizes except along `dim`; dtypes promote. As PyTorch, 1-D arrays of length 0 are skipped.
 */
export function cat<D extends DType>(arrays: readonly NDArray<D>[], dim?: number): NDArray<D>;
export function cat(arrays: readonly NDArray[], dim?: number): NDArray;
export function cat(arrays: readonly NDArray[], dim = 0): NDArray {
  if (arrays.length === 0) throw new ShapeError('cat needs at least one array');
  const parts = arrays.filter((x) => !(x.ndim === 1 && x.shape[0] === 0));
  if (parts.length === 0) return arrays[0]!.clone();
  const first = parts[0]!;
  if (first.ndim === 0)
    throw new ShapeError('cat: 0-d arrays cannot be concatenated; use stack', [first.shape]);
  const d = normalizeDim(dim, first.ndim);
  let dtype = first.dtype as DType;
  let total = 0;
  for (const x of parts) {
    const sameRest =
      x.ndim === first.ndim && x.shape.every((s, i) => i === d || s === first.shape[i]);
    if (!sameRest) {
      throw new ShapeError(
        `cat along dim ${d}: shapes ${show(first.shape)} and ${show(x.shape)} must match in every other dim`,
        [first.shape, x.shape],
      );
    }
    dtype = promoteTypes(dtype, x.dtype);
    total += x.shape[d]!;
  }
  const shape = first.shape.slice();
  shape[d] = total;
  const out = trustedArray(dtype, allocate(dtype, shapeSize(shape)), shape);
  let at = 0;
  for (const x of parts) {
    const size = x.shape[d]!;
    const target = out.narrow(d, at, size);
    copyStrided(
      x.storage,
      x.offset,
      x.strides,
      out.storage,
      target.offset,
      target.strides,
      x.shape,
      dtype === 'bool',
    );
    at += size;
  }
  return out;
}

/** Stacks equal-shaped arrays along a new dim (torch.stack). */
export function stack<D extends DType>(arrays: readonly NDArray<D>[], dim?: number): NDArray<D>;
export function stack(arrays: readonly NDArray[], dim?: number): NDArray;
export function stack(arrays: readonly NDArray[], dim = 0): NDArray {
  if (arrays.length === 0) throw new ShapeError('stack needs at least one array');
  const first = arrays[0]!;
  for (const x of arrays) {
    if (x.ndim !== first.ndim || !x.shape.every((s, i) => s === first.shape[i])) {
      throw new ShapeError(
        `stack needs equal shapes, got ${show(first.shape)} and ${show(x.shape)}`,
        [first.shape, x.shape],
      );
    }
  }
  const d = normalizeDim(dim, first.ndim + 1);
  if (first.ndim === 0)
    return cat(
      arrays.map((x) => x.reshape([1])),
      0,
    );
  return cat(
    arrays.map((x) => x.unsqueeze(d)),
    d,
  );
}

/**
 * Views along `dim` (torch.split): pieces of `size` (the last may be smaller), or pieces of the
 * given sizes, which must add up to the dim's size.
 */
export function split<D extends DType>(
  a: NDArray<D>,
  sizeOrSections: number | readonly number[],
  dim = 0,
): NDArray<D>[] {
  if (a.ndim === 0) throw new IndexError('split: a 0-d array has no dim to split', dim, 0);
  const d = normalizeDim(dim, a.ndim);
  const n = a.shape[d]!;
  let sizes: number[];
  if (typeof sizeOrSections === 'number') {
    if (!Number.isInteger(sizeOrSections) || sizeOrSections <= 0) {
      throw new ShapeError(
        `split: the piece size must be a positive integer, not ${sizeOrSections}`,
        [a.shape],
      );
    }
    sizes = [];
    for (let at = 0; at < n; at += sizeOrSections) sizes.push(Math.min(sizeOrSections, n - at));
    if (n === 0) sizes.push(0);
  } else {
    sizes = sizeOrSections.slice();
    const total = sizes.reduce((x, y) => x + y, 0);
    if (total !== n || sizes.some((s) => !Number.isInteger(s) || s < 0)) {
      throw new ShapeError(
        `split: sizes [${sizes.join(', ')}] add up to ${total}, but dim ${d} of shape ${show(a.shape)} has size ${n}`,
        [a.shape],
      );
    }
  }
  const out: NDArray<D>[] = [];
  let at = 0;
  for (const s of sizes) {
    out.push(a.narrow(d, at, s));
    at += s;
  }
  return out;
}

/** `chunks` views of (nearly) equal size ⌈n/chunks⌉ along `dim` (torch.chunk; may give fewer). */
export function chunk<D extends DType>(a: NDArray<D>, chunks: number, dim = 0): NDArray<D>[] {
  if (!Number.isInteger(chunks) || chunks <= 0) {
    throw new ShapeError(`chunk: the number of chunks must be a positive integer, not ${chunks}`, [
      a.shape,
    ]);
  }
  if (a.ndim === 0) throw new IndexError('chunk: a 0-d array has no dim to split', dim, 0);
  const n = a.shape[normalizeDim(dim, a.ndim)]!;
  return split(a, Math.max(1, Math.ceil(n / chunks)), dim);
}
