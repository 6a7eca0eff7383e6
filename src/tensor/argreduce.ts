/**
 * max/min with indices and argmax/argmin. Along one dim: each output position scans its line
 * (the dim moved last by a view). Without a dim: the flattened array. Ties give the first
 * index; NaN counts as the largest (and smallest) value, so its index is returned, as PyTorch.
 */
import { allocate, type DType } from './dtype.js';
import { IndexError, ShapeError } from './errors.js';
import { NDArray, trustedArray } from './ndarray.js';
import { normalizeDim, shapeSize } from './shape.js';

function scan(
  a: NDArray,
  dim: number | undefined,
  keepdim: boolean,
  largest: boolean,
  op: string,
): { values: NDArray; indices: NDArray<'int32'> } {
  let src = a;
  let d: number;
  if (dim === undefined) {
    src = a.reshape([-1]);
    d = 0;
  } else {
    d = a.shape.length === 0 ? (normalizeDim(dim, 0), 0) : normalizeDim(dim, a.shape.length);
    if (a.shape.length === 0) src = a.reshape([1]);
  }
  const n = src.shape[d]!;
  if (n === 0) {
    throw new IndexError(
      `${op}: cannot reduce dimension ${d} of size 0 (shape ${ShapeError.show(a.shape)})`,
      d,
      0,
    );
  }
  // Move dim d last; iterate the other dims with an odometer.
  const perm = src.shape.map((_, i) => i).filter((i) => i !== d);
  perm.push(d);
  const v = src.permute(perm);
  const outer = v.shape.slice(0, -1);
  const count = shapeSize(outer);
  const values = allocate(a.dtype as DType, count);
  const indices = new Int32Array(count);
  const storage = v.storage;
  const step = v.strides[v.strides.length - 1]!;
  const nd = outer.length;
  const counter = new Array<number>(nd).fill(0);
  let base = v.offset;
  for (let o = 0; o < count; o++) {
    let best = storage[base]!;
    let at = 0;
    let p = base + step;
    for (let k = 1; k < n && best === best; k++, p += step) {
      const x = storage[p]!;
      if (largest ? !(x <= best) : !(x >= best)) {
        best = x;
        at = k;
      }
    }
    values[o] = best;
    indices[o] = at;
    for (let j = nd - 1; j >= 0; j--) {
      base += v.strides[j]!;
      if (++counter[j]! < outer[j]!) break;
      counter[j] = 0;
      base -= v.strides[j]! * outer[j]!;
    }
  }
  let shape = outer;
  if (dim !== undefined && keepdim && a.shape.length > 0) {
    shape = a.shape.slice();
    shape[d] = 1;
  }
  if (dim === undefined && keepdim) shape = a.shape.map(() => 1);
  return {
    values: trustedArray(a.dtype, values, shape),
    indices: trustedArray('int32', indices, shape),
  };
}

export interface ValuesIndices<D extends DType> {
  values: NDArray<D>;
  /** int32 (PyTorch: int64) */
  indices: NDArray<'int32'>;
}

/**
 * `max(a)`: the largest element as a 0-d array. `max(a, dim, keepdim)`: `{ values, indices }`
 * along `dim`, as PyTorch's torch.max(input, dim).
 */
export function max<D extends DType>(a: NDArray<D>): NDArray<D>;
export function max<D extends DType>(
  a: NDArray<D>,
  dim: number,
  keepdim?: boolean,
): ValuesIndices<D>;
export function max(a: NDArray, dim?: number, keepdim = false): NDArray | ValuesIndices<DType> {
  const r = scan(a, dim, keepdim, true, 'max');
  return dim === undefined ? r.values : r;
}

/** `min(a)` or `min(a, dim, keepdim)` → `{ values, indices }`, as torch.min. */
export function min<D extends DType>(a: NDArray<D>): NDArray<D>;
export function min<D extends DType>(
  a: NDArray<D>,
  dim: number,
  keepdim?: boolean,
): ValuesIndices<D>;
export function min(a: NDArray, dim?: number, keepdim = false): NDArray | ValuesIndices<DType> {
  const r = scan(a, dim, keepdim, false, 'min');
  return dim === undefined ? r.values : r;
}

/** Index of the largest value along `dim`, or in the flattened array (int32). */
export function argmax(a: NDArray, dim?: number, keepdim = false): NDArray<'int32'> {
  return scan(a, dim, keepdim, true, 'argmax').indices;
}

/** Index of the smallest value along `dim`, or in the flattened array (int32). */
export function argmin(a: NDArray, dim?: number, keepdim = false): NDArray<'int32'> {
  return scan(a, dim, keepdim, false, 'argmin').indices;
}
