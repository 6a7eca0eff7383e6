/**
 * Advanced indexing with index arrays (int32, mibun's integer dtype) and masks (bool), with the
 * out-of-place ↔ in-place pairs autograd needs for the transposes: gather ↔ scatterAdd,
 * indexSelect ↔ indexAdd, maskedSelect ↔ maskedScatter. Every index is range-checked: a wrong
 * index is an IndexError, never a silent NaN or a read past the end.
 */
import { addRow } from './kernels/binaryRows.js';
import { allocate, type DType } from './dtype.js';
import { DTypeError, IndexError, ShapeError } from './errors.js';
import { applyInPlace, checkInPlaceCast, operandArray } from './elementwise.js';
import { NDArray, trustedArray } from './ndarray.js';
import { resultType } from './promote.js';
import { broadcastShapes, broadcastStrides, normalizeDim, sameShape, shapeSize } from './shape.js';
import { copyStrided } from './strided.js';

const show = ShapeError.show;

/** An index given as an int32 array or a list of integers. */
export type IndexArg = NDArray<'int32'> | readonly number[];

function indexArray(op: string, index: IndexArg): NDArray<'int32'> {
  if (Array.isArray(index)) {
    const s = new Int32Array(index.length);
    for (let i = 0; i < index.length; i++) {
      const v = index[i]!;
      if (!Number.isInteger(v))
        throw new IndexError(`${op}: index ${v} at position ${i} is not an integer`, v);
      s[i] = v;
    }
    return trustedArray('int32', s, [index.length]);
  }
  const arr = index as NDArray;
  if (arr.dtype !== 'int32') {
    throw new DTypeError(
      `${op}: the index must be an int32 array, not ${arr.dtype}; convert with .to('int32')`,
      [arr.dtype],
    );
  }
  return arr as NDArray<'int32'>;
}

function checkedIndex(op: string, v: number, size: number, dim: number): number {
  if (v < -size || v >= size) {
    throw new IndexError(
      `${op}: index ${v} is out of range for dim ${dim} of size ${size}`,
      v,
      size,
    );
  }
  return v < 0 ? v + size : v;
}

/**
 * Walks every position of `index` (any strides) with an odometer, calling `visit` with the
 * position's offset in `index`, in `a` (without the `dim` term) and in `out` (contiguous).
 */
function walkIndex(
  index: NDArray<'int32'>,
  a: NDArray,
  d: number,
  visit: (io: number, ao: number, k: number) => void,
): void {
  const shape = index.shape;
  const nd = shape.length;
  const n = shapeSize(shape);
  const counter = new Array<number>(nd).fill(0);
  let io = index.offset;
  let ao = a.offset;
  for (let k = 0; k < n; k++) {
    visit(io, ao, k);
    for (let j = nd - 1; j >= 0; j--) {
      io += index.strides[j]!;
      if (j !== d) ao += a.strides[j]!;
      if (++counter[j]! < shape[j]!) break;
      counter[j] = 0;
      io -= index.strides[j]! * shape[j]!;
      if (j !== d) ao -= a.strides[j]! * shape[j]!;
    }
  }
}

function checkGatherShapes(op: string, a: NDArray, d: number, index: NDArray): void {
  if (index.ndim !== a.ndim || index.shape.some((s, j) => j !== d && s > a.shape[j]!)) {
    throw new ShapeError(
      `${op}: the index of shape ${show(index.shape)} must have the dims of ${show(a.shape)} and be no larger except along dim ${d}`,
      [a.shape, index.shape],
    );
  }
}

/** out[…, i, …] = a[…, index[…, i, …], …] along `dim` (torch.gather); out has index's shape. */
export function gather<D extends DType>(
  a: NDArray<D>,
  dim: number,
  index: NDArray<'int32'>,
): NDArray<D> {
  const idx = indexArray('gather', index);
  const d = normalizeDim(dim, Math.max(a.ndim, 1));
  checkGatherShapes('gather', a, d, idx);
  const out = allocate(a.dtype, idx.numel());
  const size = a.shape[d] ?? 1;
  const step = a.strides[d] ?? 0;
  const src = a.storage;
  const is = idx.storage;
  walkIndex(idx, a, d, (io, ao, k) => {
    out[k] = src[ao + checkedIndex('gather', is[io]!, size, d) * step]!;
  });
  return trustedArray(a.dtype, out, idx.shape);
}

/** target[…, index[…, i, …], …] += src[…, i, …] in place (torch.Tensor.scatter_add_). */
export function scatterAdd_<D extends DType>(
  target: NDArray<D>,
  dim: number,
  index: NDArray<'int32'>,
  src: NDArray,
): NDArray<D> {
  const idx = indexArray('scatterAdd_', index);
  const d = normalizeDim(dim, Math.max(target.ndim, 1));
  checkGatherShapes('scatterAdd_', target, d, idx);
  if (src.ndim !== idx.ndim || idx.shape.some((s, j) => s > src.shape[j]!)) {
    throw new ShapeError(
      `scatterAdd_: src of shape ${show(src.shape)} must be at least as large as the index ${show(idx.shape)} in every dim`,
      [src.shape, idx.shape],
    );
  }
  checkInPlaceCast('scatterAdd_', resultType(target, src), target.dtype);
  const size = target.shape[d] ?? 1;
  const step = target.strides[d] ?? 0;
  const t = target.storage;
  const is = idx.storage;
  // src is read at the index's positions: a view of src cut to the index's shape.
  const srcView = idx.shape.reduce((v, s, j) => v.narrow(j, 0, s), src);
  const vals = srcView.contiguous().data;
  walkIndex(idx, target, d, (io, ao, k) => {
    const at = ao + checkedIndex('scatterAdd_', is[io]!, size, d) * step;
    t[at] = t[at]! + vals[k]!;
  });
  target.bumpVersion();
  return target;
}

/** A copy of `a` with src added at the index (out-of-place scatterAdd). */
export function scatterAdd<D extends DType>(
  a: NDArray<D>,
  dim: number,
  index: NDArray<'int32'>,
  src: NDArray,
): NDArray<D> {
  return scatterAdd_(a.clone(), dim, index, src);
}

/** The slices `index[j]` along `dim` (torch.index_select); a copy. */
export function indexSelect<D extends DType>(
  a: NDArray<D>,
  dim: number,
  index: IndexArg,
): NDArray<D> {
  const idx = indexArray('indexSelect', index);
  if (idx.ndim > 1)
    throw new ShapeError(`indexSelect: the index must be 1-D, got shape ${show(idx.shape)}`, [
      idx.shape,
    ]);
  const d = normalizeDim(dim, Math.max(a.ndim, 1));
  const src = a.ndim === 0 ? a.reshape([1]) : a;
  const shape = src.shape.slice();
  const n = idx.numel();
  shape[d] = n;
  const out = trustedArray(a.dtype, allocate(a.dtype, shapeSize(shape)), shape);
  const flat = idx.reshape([-1]);
  for (let j = 0; j < n; j++) {
    const i = checkedIndex('indexSelect', flat.get(j) as number, src.shape[d]!, d);
    const from = src.select(d, i);
    const to = out.select(d, j);
    copyStrided(
      from.storage,
      from.offset,
      from.strides,
      out.storage,
      to.offset,
      to.strides,
      from.shape,
    );
  }
  return a.ndim === 0 ? out.reshape(idx.ndim === 0 ? [] : [n]) : out;
}

/** target.select(dim, index[j]) += src.select(dim, j) in place (torch.Tensor.index_add_). */
export function indexAdd_<D extends DType>(
  target: NDArray<D>,
  dim: number,
  index: IndexArg,
  src: NDArray,
): NDArray<D> {
  const idx = indexArray('indexAdd_', index).reshape([-1]);
  const d = normalizeDim(dim, Math.max(target.ndim, 1));
  const expected = target.shape.slice();
  expected[d] = idx.numel();
  if (!sameShape(src.shape, expected)) {
    throw new ShapeError(
      `indexAdd_: src has shape ${show(src.shape)}; with ${idx.numel()} indices along dim ${d} of ${show(target.shape)} it must be ${show(expected)}`,
      [src.shape, target.shape],
    );
  }
  const dtype = resultType(target, src);
  checkInPlaceCast('indexAdd_', dtype, target.dtype);
  for (let j = 0; j < idx.numel(); j++) {
    const i = checkedIndex('indexAdd_', idx.get(j) as number, target.shape[d]!, d);
    applyInPlace('indexAdd_', target.select(d, i), operandArray(src.select(d, j), dtype), addRow);
  }
  return target;
}

/** A copy of `a` with src's slices added at the index (out-of-place indexAdd). */
export function indexAdd<D extends DType>(
  a: NDArray<D>,
  dim: number,
  index: IndexArg,
  src: NDArray,
): NDArray<D> {
  return indexAdd_(a.clone(), dim, index, src);
}

function checkMask(op: string, mask: NDArray): void {
  if (mask.dtype !== 'bool') {
    throw new DTypeError(
      `${op}: the mask must be a bool array, not ${mask.dtype}; compare first, e.g. gt(x, 0)`,
      [mask.dtype],
    );
  }
}

/** Visits, in row-major order of the broadcast shape, the offsets in `a` where `mask` is true. */
function forMasked(op: string, a: NDArray, mask: NDArray, visit: (ao: number) => void): number[] {
  checkMask(op, mask);
  const shape = broadcastShapes(a.shape, mask.shape);
  const as = broadcastStrides(a.shape, a.strides, shape);
  const ms = broadcastStrides(mask.shape, mask.strides, shape);
  const nd = shape.length;
  const n = shapeSize(shape);
  const counter = new Array<number>(nd).fill(0);
  let ao = a.offset;
  let mo = mask.offset;
  const m = mask.storage;
  for (let k = 0; k < n; k++) {
    if (m[mo] !== 0) visit(ao);
    for (let j = nd - 1; j >= 0; j--) {
      ao += as[j]!;
      mo += ms[j]!;
      if (++counter[j]! < shape[j]!) break;
      counter[j] = 0;
      ao -= as[j]! * shape[j]!;
      mo -= ms[j]! * shape[j]!;
    }
  }
  return shape;
}

/** The elements where `mask` (broadcast with a) is true, as a 1-D array (torch.masked_select). */
export function maskedSelect<D extends DType>(a: NDArray<D>, mask: NDArray<'bool'>): NDArray<D> {
  const picked: number[] = [];
  const s = a.storage;
  forMasked('maskedSelect', a, mask, (ao) => picked.push(s[ao]!));
  const out = allocate(a.dtype, picked.length);
  for (let i = 0; i < picked.length; i++) out[i] = picked[i]!;
  return trustedArray(a.dtype, out, [picked.length]);
}

/** Writes `value` where `mask` is true, in place (torch.Tensor.masked_fill_); mask broadcasts to target. */
export function maskedFill_<D extends DType>(
  target: NDArray<D>,
  mask: NDArray<'bool'>,
  value: number | boolean,
): NDArray<D> {
  checkMask('maskedFill_', mask);
  const shape = broadcastShapes(target.shape, mask.shape);
  if (!sameShape(shape, target.shape)) {
    throw new ShapeError(
      `maskedFill_: the mask of shape ${show(mask.shape)} does not broadcast to ${show(target.shape)}`,
      [target.shape, mask.shape],
    );
  }
  const v = Number(value);
  const stored = target.dtype === 'bool' ? (v !== 0 ? 1 : 0) : v;
  const s = target.storage;
  forMasked('maskedFill_', target, mask, (ao) => {
    s[ao] = stored;
  });
  target.bumpVersion();
  return target;
}

/** A copy of `a` with `value` where `mask` is true (torch.masked_fill). */
export function maskedFill<D extends DType>(
  a: NDArray<D>,
  mask: NDArray<'bool'>,
  value: number | boolean,
): NDArray<D> {
  const shape = broadcastShapes(a.shape, mask.shape);
  return maskedFill_(a.expand(shape).clone(), mask, value);
}

/**
 * Writes source's elements, in order, where `mask` is true, in place (torch.masked_scatter_):
 * the transpose of maskedSelect.
 */
export function maskedScatter_<D extends DType>(
  target: NDArray<D>,
  mask: NDArray<'bool'>,
  source: NDArray,
): NDArray<D> {
  checkMask('maskedScatter_', mask);
  const shape = broadcastShapes(target.shape, mask.shape);
  if (!sameShape(shape, target.shape)) {
    throw new ShapeError(
      `maskedScatter_: the mask of shape ${show(mask.shape)} does not broadcast to ${show(target.shape)}`,
      [target.shape, mask.shape],
    );
  }
  checkInPlaceCast('maskedScatter_', source.dtype, target.dtype);
  const src = source.contiguous().data;
  const s = target.storage;
  let k = 0;
  forMasked('maskedScatter_', target, mask, (ao) => {
    if (k >= src.length) {
      throw new IndexError(
        `maskedScatter_: the mask selects more elements than source's ${src.length}`,
        k,
        src.length,
      );
    }
    s[ao] = src[k++]!;
  });
  target.bumpVersion();
  return target;
}

/** A copy of `a` with source's elements written where `mask` is true. */
export function maskedScatter<D extends DType>(
  a: NDArray<D>,
  mask: NDArray<'bool'>,
  source: NDArray,
): NDArray<D> {
  const shape = broadcastShapes(a.shape, mask.shape);
  return maskedScatter_(a.expand(shape).clone(), mask, source);
}
