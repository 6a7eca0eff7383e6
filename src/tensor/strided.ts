/**
 * Iteration over strided arrays without recursion or per-element allocation: the dimensions are
 * coalesced, the innermost one becomes a "row" handed to a row kernel in one call, and an
 * odometer of counters walks the outer dimensions.
 */
import type { AnyTypedArray } from './dtype.js';
import type { Shape } from './shape.js';

/** A row kernel over one input and one output: o[io + k·so] = f(a[ia + k·sa]), k < n. */
export type Row2 = (
  a: AnyTypedArray,
  ia: number,
  sa: number,
  o: AnyTypedArray,
  io: number,
  so: number,
  n: number,
) => void;

/** A row kernel over two inputs and one output. */
export type Row3 = (
  a: AnyTypedArray,
  ia: number,
  sa: number,
  b: AnyTypedArray,
  ib: number,
  sb: number,
  o: AnyTypedArray,
  io: number,
  so: number,
  n: number,
) => void;

export interface Coalesced {
  shape: number[];
  /** one stride list per operand */
  strides: number[][];
}

/**
 * Drops size-1 dimensions and merges neighbours i, i+1 wherever every operand steps through
 * them as through one dimension (strideᵢ = strideᵢ₊₁ · sizeᵢ₊₁). A contiguous array of any
 * shape becomes one row.
 */
export function coalesce(shape: Shape, strides: readonly Shape[]): Coalesced {
  const k = strides.length;
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    const size = shape[d]!;
    if (size === 1) continue;
    const last = outShape.length - 1;
    let merge = last >= 0;
    for (let j = 0; j < k && merge; j++) {
      if (outStrides[j]![last] !== strides[j]![d]! * size) merge = false;
    }
    if (merge) {
      outShape[last] = outShape[last]! * size;
      for (let j = 0; j < k; j++) outStrides[j]![last] = strides[j]![d]!;
    } else {
      outShape.push(size);
      for (let j = 0; j < k; j++) outStrides[j]!.push(strides[j]![d]!);
    }
  }
  return { shape: outShape, strides: outStrides };
}

function hasZero(shape: Shape): boolean {
  for (const s of shape) if (s === 0) return true;
  return false;
}

/** Runs `row` over every row of one input and one output of the same `shape`. */
export function loop2(
  row: Row2,
  a: AnyTypedArray,
  aOffset: number,
  aStrides: Shape,
  o: AnyTypedArray,
  oOffset: number,
  oStrides: Shape,
  shape: Shape,
): void {
  if (hasZero(shape)) return;
  const c = coalesce(shape, [aStrides, oStrides]);
  const nd = c.shape.length;
  if (nd === 0) {
    row(a, aOffset, 1, o, oOffset, 1, 1);
    return;
  }
  const as = c.strides[0]!;
  const os = c.strides[1]!;
  const n = c.shape[nd - 1]!;
  const sa = as[nd - 1]!;
  const so = os[nd - 1]!;
  const rows = shapeRows(c.shape);
  const counter = new Array<number>(nd).fill(0);
  let ia = aOffset;
  let io = oOffset;
  for (let r = 0; r < rows; r++) {
    row(a, ia, sa, o, io, so, n);
    for (let d = nd - 2; d >= 0; d--) {
      ia += as[d]!;
      io += os[d]!;
      if (++counter[d]! < c.shape[d]!) break;
      counter[d] = 0;
      ia -= as[d]! * c.shape[d]!;
      io -= os[d]! * c.shape[d]!;
    }
  }
}

/** Runs `row` over every row of two inputs and one output of the same (broadcast) `shape`. */
export function loop3(
  row: Row3,
  a: AnyTypedArray,
  aOffset: number,
  aStrides: Shape,
  b: AnyTypedArray,
  bOffset: number,
  bStrides: Shape,
  o: AnyTypedArray,
  oOffset: number,
  oStrides: Shape,
  shape: Shape,
): void {
  if (hasZero(shape)) return;
  const c = coalesce(shape, [aStrides, bStrides, oStrides]);
  const nd = c.shape.length;
  if (nd === 0) {
    row(a, aOffset, 1, b, bOffset, 1, o, oOffset, 1, 1);
    return;
  }
  const as = c.strides[0]!;
  const bs = c.strides[1]!;
  const os = c.strides[2]!;
  const n = c.shape[nd - 1]!;
  const sa = as[nd - 1]!;
  const sb = bs[nd - 1]!;
  const so = os[nd - 1]!;
  const rows = shapeRows(c.shape);
  const counter = new Array<number>(nd).fill(0);
  let ia = aOffset;
  let ib = bOffset;
  let io = oOffset;
  for (let r = 0; r < rows; r++) {
    row(a, ia, sa, b, ib, sb, o, io, so, n);
    for (let d = nd - 2; d >= 0; d--) {
      ia += as[d]!;
      ib += bs[d]!;
      io += os[d]!;
      if (++counter[d]! < c.shape[d]!) break;
      counter[d] = 0;
      ia -= as[d]! * c.shape[d]!;
      ib -= bs[d]! * c.shape[d]!;
      io -= os[d]! * c.shape[d]!;
    }
  }
}

/** The number of rows (product of all but the last size) of a non-empty shape. */
function shapeRows(shape: Shape): number {
  let r = 1;
  for (let d = 0; d < shape.length - 1; d++) r *= shape[d]!;
  return r;
}

/** Copies a row, converting by the typed array's own store (float32 rounds, int32 truncates). */
export const copyRow: Row2 = (a, ia, sa, o, io, so, n) => {
  if (sa === 1 && so === 1) {
    if (ia === 0 && io === 0 && n === a.length && a.constructor === o.constructor) {
      (o as Float64Array).set(a as Float64Array);
      return;
    }
    for (let k = 0; k < n; k++) o[io + k] = a[ia + k]!;
    return;
  }
  for (let k = 0; k < n; k++, ia += sa, io += so) o[io] = a[ia]!;
};

/** Copies a row into bool storage: any non-zero value (NaN too, as PyTorch) becomes 1. */
export const copyRowToBool: Row2 = (a, ia, sa, o, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, io += so) {
    const v = a[ia]!;
    o[io] = v === 0 ? 0 : 1;
  }
};

const TILE = 32;

/**
 * Copies src (strides `srcStrides`) into dst (strides `dstStrides`), element by element, both of
 * `shape`. A transposed 2-D source is copied in 32×32 tiles, so that reads and writes both stay
 * within a few cache lines.
 */
export function copyStrided(
  src: AnyTypedArray,
  srcOffset: number,
  srcStrides: Shape,
  dst: AnyTypedArray,
  dstOffset: number,
  dstStrides: Shape,
  shape: Shape,
  toBool = false,
): void {
  if (!toBool && !hasZero(shape)) {
    const c = coalesce(shape, [srcStrides, dstStrides]);
    const nd = c.shape.length;
    if (nd >= 2) {
      const ss = c.strides[0]!;
      const ds = c.strides[1]!;
      // The source steps by 1 along the second-to-last dim and far along the last: tile.
      if (Math.abs(ss[nd - 1]!) > 1 && Math.abs(ss[nd - 2]!) === 1) {
        copyTiled(src, srcOffset, ss, dst, dstOffset, ds, c.shape);
        return;
      }
    }
  }
  loop2(
    toBool ? copyRowToBool : copyRow,
    src,
    srcOffset,
    srcStrides,
    dst,
    dstOffset,
    dstStrides,
    shape,
  );
}

function copyTiled(
  src: AnyTypedArray,
  srcOffset: number,
  ss: number[],
  dst: AnyTypedArray,
  dstOffset: number,
  ds: number[],
  shape: number[],
): void {
  const nd = shape.length;
  const n0 = shape[nd - 2]!;
  const n1 = shape[nd - 1]!;
  const s0 = ss[nd - 2]!;
  const s1 = ss[nd - 1]!;
  const d0 = ds[nd - 2]!;
  const d1 = ds[nd - 1]!;
  // Odometer over the leading (batch) dims; each step copies one 2-D matrix in tiles.
  const outer = nd - 2;
  let mats = 1;
  for (let d = 0; d < outer; d++) mats *= shape[d]!;
  const counter = new Array<number>(outer).fill(0);
  let so = srcOffset;
  let dO = dstOffset;
  for (let m = 0; m < mats; m++) {
    for (let i0 = 0; i0 < n0; i0 += TILE) {
      const e0 = Math.min(i0 + TILE, n0);
      for (let j0 = 0; j0 < n1; j0 += TILE) {
        const e1 = Math.min(j0 + TILE, n1);
        for (let i = i0; i < e0; i++) {
          let si = so + i * s0 + j0 * s1;
          let di = dO + i * d0 + j0 * d1;
          for (let j = j0; j < e1; j++, si += s1, di += d1) dst[di] = src[si]!;
        }
      }
    }
    for (let d = outer - 1; d >= 0; d--) {
      so += ss[d]!;
      dO += ds[d]!;
      if (++counter[d]! < shape[d]!) break;
      counter[d] = 0;
      so -= ss[d]! * shape[d]!;
      dO -= ds[d]! * shape[d]!;
    }
  }
}
