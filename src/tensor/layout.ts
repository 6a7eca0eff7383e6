/**
 * Views as pure functions of a layout (shape, strides, offset): each returns the layout of the
 * view and never touches storage, so the NDArray class can wrap them without import cycles.
 */
import type { DType, DTypeArray } from './dtype.js';
import { IndexError, ShapeError } from './errors.js';
import { contiguousStrides, normalizeDim, normalizeDims, shapeSize, type Shape } from './shape.js';

export interface Layout {
  readonly shape: Shape;
  readonly strides: Shape;
  readonly offset: number;
}

const show = ShapeError.show;

/** Whether the layout walks its elements in row-major order with no gaps. */
export function isContiguousLayout(l: Layout): boolean {
  let expected = 1;
  for (let d = l.shape.length - 1; d >= 0; d--) {
    const size = l.shape[d]!;
    if (size === 1) continue;
    if (size === 0) return true;
    if (l.strides[d] !== expected) return false;
    expected *= size;
  }
  return true;
}

/** Replaces one -1 in `shape` by the size that makes the element count `numel`. */
export function inferShape(shape: Shape, numel: number, from: Shape): number[] {
  let infer = -1;
  let known = 1;
  for (let i = 0; i < shape.length; i++) {
    const s = shape[i]!;
    if (s === -1) {
      if (infer >= 0) {
        throw new ShapeError(
          `shape ${show(shape)} has more than one -1; only one size can be inferred`,
          [shape],
        );
      }
      infer = i;
    } else {
      if (!Number.isInteger(s) || s < 0) {
        throw new ShapeError(
          `shape ${show(shape)} has an entry ${s}: sizes must be non-negative integers or -1`,
          [shape],
        );
      }
      known *= s;
    }
  }
  const out = shape.slice();
  if (infer >= 0) {
    if (known === 0 || numel % known !== 0) {
      throw new ShapeError(
        `shape ${show(shape)} is invalid for an array of shape ${show(from)} (${numel} elements)`,
        [from, shape],
      );
    }
    out[infer] = numel / known;
  } else if (known !== numel) {
    throw new ShapeError(
      `shape ${show(shape)} (${known} elements) is invalid for an array of shape ${show(from)} (${numel} elements)`,
      [from, shape],
    );
  }
  return out;
}

/**
 * The strides that let `l` be viewed with `shape` (same element count) without copying, or
 * undefined when the memory order does not allow it. PyTorch's `computeStride`: each run of
 * old dimensions that is contiguous in itself can be re-split freely.
 */
export function viewStrides(l: Layout, shape: Shape): number[] | undefined {
  if (isContiguousLayout(l) || shapeSize(l.shape) === 0) return contiguousStrides(shape);
  const oldShape = l.shape;
  const oldStrides = l.strides;
  const strides = new Array<number>(shape.length).fill(0);
  let viewD = shape.length - 1;
  let chunkBase = oldStrides[oldStrides.length - 1] ?? 1;
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let d = oldShape.length - 1; d >= 0; d--) {
    tensorNumel *= oldShape[d]!;
    if (d === 0 || (oldShape[d - 1] !== 1 && oldStrides[d - 1] !== tensorNumel * chunkBase)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || shape[viewD] === 1)) {
        strides[viewD] = viewNumel * chunkBase;
        viewNumel *= shape[viewD]!;
        viewD--;
      }
      if (viewNumel !== tensorNumel) return undefined;
      if (d > 0) {
        chunkBase = oldStrides[d - 1]!;
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  return viewD === -1 ? strides : undefined;
}

export function permuteLayout(l: Layout, dims: readonly number[]): Layout {
  const nd = l.shape.length;
  if (dims.length !== nd) {
    throw new IndexError(
      `permute needs one dim per dimension: got [${dims.join(', ')}] for shape ${show(l.shape)}`,
      dims.length,
      nd,
    );
  }
  normalizeDims(dims, nd); // checks the range and that no dim repeats
  const ds = dims.map((d) => normalizeDim(d, nd));
  return {
    shape: ds.map((d) => l.shape[d]!),
    strides: ds.map((d) => l.strides[d]!),
    offset: l.offset,
  };
}

export function transposeLayout(l: Layout, dim0: number, dim1: number): Layout {
  const nd = l.shape.length;
  if (nd === 0) {
    normalizeDim(dim0, 0);
    normalizeDim(dim1, 0);
    return l;
  }
  const a = normalizeDim(dim0, nd);
  const b = normalizeDim(dim1, nd);
  const shape = l.shape.slice();
  const strides = l.strides.slice();
  shape[a] = l.shape[b]!;
  shape[b] = l.shape[a]!;
  strides[a] = l.strides[b]!;
  strides[b] = l.strides[a]!;
  return { shape, strides, offset: l.offset };
}

/** Removes size-1 dimensions: all of them, or those of `dims` (others are left, as PyTorch). */
export function squeezeLayout(l: Layout, dims?: number | readonly number[]): Layout {
  const nd = l.shape.length;
  let drop: Set<number>;
  if (dims === undefined) {
    drop = new Set();
    l.shape.forEach((s, d) => s === 1 && drop.add(d));
  } else {
    const list = typeof dims === 'number' ? [dims] : dims;
    drop = new Set(normalizeDims(list, nd).filter((d) => l.shape[d] === 1));
  }
  const shape: number[] = [];
  const strides: number[] = [];
  for (let d = 0; d < nd; d++) {
    if (drop.has(d)) continue;
    shape.push(l.shape[d]!);
    strides.push(l.strides[d]!);
  }
  return { shape, strides, offset: l.offset };
}

/** Inserts a size-1 dimension at `dim`, which ranges over [-ndim-1, ndim]. */
export function unsqueezeLayout(l: Layout, dim: number): Layout {
  const nd = l.shape.length;
  const d = normalizeDim(dim, nd + 1);
  const shape = l.shape.slice();
  const strides = l.strides.slice();
  shape.splice(d, 0, 1);
  strides.splice(d, 0, d < nd ? l.shape[d]! * l.strides[d]! : 1);
  return { shape, strides, offset: l.offset };
}

/**
 * Broadcasts to `sizes` without copying (stride 0 on stretched dims). -1 keeps a size; new
 * leading dims may be added, as PyTorch's `expand`.
 */
export function expandLayout(l: Layout, sizes: Shape): Layout {
  const nd = l.shape.length;
  if (sizes.length < nd) {
    throw new ShapeError(
      `expand: the target ${show(sizes)} has fewer dimensions than the array's shape ${show(l.shape)}`,
      [l.shape, sizes],
    );
  }
  const lead = sizes.length - nd;
  const shape = new Array<number>(sizes.length);
  const strides = new Array<number>(sizes.length);
  for (let i = 0; i < sizes.length; i++) {
    const want = sizes[i]!;
    if (i < lead) {
      if (want < 0 || !Number.isInteger(want)) {
        throw new ShapeError(
          `expand: size ${want} is not allowed for the new leading dimension ${i} of ${show(sizes)}`,
          [l.shape, sizes],
        );
      }
      shape[i] = want;
      strides[i] = 0;
      continue;
    }
    const have = l.shape[i - lead]!;
    if (want === -1 || want === have) {
      shape[i] = have;
      strides[i] = l.strides[i - lead]!;
    } else if (have === 1 && Number.isInteger(want) && want >= 0) {
      shape[i] = want;
      strides[i] = 0;
    } else {
      throw new ShapeError(
        `expand: shape ${show(l.shape)} cannot be expanded to ${show(sizes)}: size ${have} at dimension ${i - lead} must be 1 to grow to ${want}`,
        [l.shape, sizes],
      );
    }
  }
  return { shape, strides, offset: l.offset };
}

/** Checks an index against a dimension's size and makes it non-negative. */
export function normalizeIndex(index: number, size: number, dim: number): number {
  if (!Number.isInteger(index) || index < -size || index >= size) {
    throw new IndexError(
      `index ${index} is out of range for dimension ${dim} of size ${size}: expected an integer in [${-size}, ${size - 1}]`,
      index,
      size,
    );
  }
  return index < 0 ? index + size : index;
}

/** Picks one index along `dim` and drops that dimension. */
export function selectLayout(l: Layout, dim: number, index: number): Layout {
  const nd = l.shape.length;
  if (nd === 0) throw new IndexError('select: a 0-d array has no dimension to index', dim, 0);
  const d = normalizeDim(dim, nd);
  const i = normalizeIndex(index, l.shape[d]!, d);
  const shape = l.shape.slice();
  const strides = l.strides.slice();
  shape.splice(d, 1);
  strides.splice(d, 1);
  return { shape, strides, offset: l.offset + i * l.strides[d]! };
}

/** Elements start … start+length-1 along `dim` (a negative start counts from the end). */
export function narrowLayout(l: Layout, dim: number, start: number, length: number): Layout {
  const nd = l.shape.length;
  if (nd === 0) throw new IndexError('narrow: a 0-d array has no dimension to narrow', dim, 0);
  const d = normalizeDim(dim, nd);
  const size = l.shape[d]!;
  const s = start < 0 ? start + size : start;
  if (!Number.isInteger(s) || s < 0 || s > size) {
    throw new IndexError(
      `narrow: start ${start} is out of range for dimension ${d} of size ${size}`,
      start,
      size,
    );
  }
  if (!Number.isInteger(length) || length < 0 || s + length > size) {
    throw new IndexError(
      `narrow: start ${start} + length ${length} exceeds dimension ${d} of size ${size}`,
      length,
      size,
    );
  }
  const shape = l.shape.slice();
  shape[d] = length;
  return { shape, strides: l.strides, offset: l.offset + s * l.strides[d]! };
}

/** Python's slice on one dimension: clamped bounds, step > 0 (as PyTorch). */
export function sliceDim(
  l: Layout,
  d: number,
  start: number | null | undefined,
  stop: number | null | undefined,
  step: number | null | undefined,
): Layout {
  const size = l.shape[d]!;
  const st = step ?? 1;
  if (!Number.isInteger(st) || st <= 0) {
    throw new IndexError(
      `slice step ${st} on dimension ${d}: steps must be positive integers, as in PyTorch (use flip() to reverse)`,
      st,
      size,
    );
  }
  const clamp = (v: number | null | undefined, dflt: number): number => {
    if (v === null || v === undefined) return dflt;
    if (!Number.isInteger(v))
      throw new IndexError(`slice bound ${v} on dimension ${d} is not an integer`, v, size);
    const w = v < 0 ? v + size : v;
    return Math.min(Math.max(w, 0), size);
  };
  const a = clamp(start, 0);
  const b = Math.max(clamp(stop, size), a);
  const shape = l.shape.slice();
  const strides = l.strides.slice();
  shape[d] = Math.ceil((b - a) / st);
  strides[d] = l.strides[d]! * st;
  return { shape, strides, offset: l.offset + (shape[d] === 0 ? 0 : a * l.strides[d]!) };
}

export function flattenLayoutShape(shape: Shape, startDim: number, endDim: number): number[] {
  const nd = shape.length;
  if (nd === 0) return [1];
  const s = normalizeDim(startDim, nd, 'startDim');
  const e = normalizeDim(endDim, nd, 'endDim');
  if (s > e) {
    throw new IndexError(
      `flatten: startDim ${startDim} comes after endDim ${endDim}`,
      startDim,
      nd,
    );
  }
  let merged = 1;
  for (let d = s; d <= e; d++) merged *= shape[d]!;
  return [...shape.slice(0, s), merged, ...shape.slice(e + 1)];
}

/** What printing and the kernels need to read an array: storage, dtype and a layout. */
export interface StridedArray<D extends DType = DType> extends Layout {
  readonly storage: DTypeArray[D];
  readonly dtype: D;
}
