/**
 * The optimisers' fused updates, PyTorch's addcmul, addcdiv and lerp, with its formulas and
 * order of operations (so results match bit for bit in float64):
 *
 *   addcmul(a, t1, t2, v) = a + (v·t1)·t2
 *   addcdiv(a, t1, t2, v) = a + (v·t1)/t2
 *   lerp(a, b, w)         = a + w·(b − a)          where |w| < 0.5
 *                         = b − (b − a)·(1 − w)    elsewhere (exact at w = 1)
 *
 * The out-of-place forms compose the elementwise ops. The in-place forms (`addcmul_`…) run one
 * loop without temporaries when every array is contiguous, of the target's shape and float
 * dtype, and does not overlap the target other than as the target itself (an optimiser's
 * state); anything else (broadcasting, views, mixed dtypes) takes the composed path, which
 * gives the same values. float32 rounds after each step there, as the composed ops do.
 * PyTorch's CPU kernels may fuse a multiply and an add (FMA, rounding once): lerp can then
 * differ from mibun's in the last bit.
 */
import { add, div, lt, mul, sub } from './binary.js';
import { where } from './conditional.js';
import { isFloatingDType, type AnyTypedArray, type DType } from './dtype.js';
import { DTypeError, ShapeError } from './errors.js';
import { copy_ } from './inplace.js';
import type { NDArray } from './ndarray.js';
import { sameShape } from './shape.js';
import { abs } from './unary.js';

/** a + (value·t1)·t2 */
export function addcmul(a: NDArray, t1: NDArray, t2: NDArray, value = 1): NDArray {
  return add(a, mul(value === 1 ? t1 : mul(t1, value), t2));
}

/** a + (value·t1)/t2 */
export function addcdiv(a: NDArray, t1: NDArray, t2: NDArray, value = 1): NDArray {
  return add(a, div(value === 1 ? t1 : mul(t1, value), t2));
}

/** a + w·(b − a), or b − (b − a)·(1 − w) where |w| ≥ 0.5 (PyTorch's lerp). */
export function lerp(a: NDArray, b: NDArray, weight: NDArray | number): NDArray {
  const diff = sub(b, a);
  if (typeof weight === 'number') {
    // the weight as the dtype holds it (PyTorch converts it first): 1 − w is then exact
    const w = diff.dtype === 'float32' ? Math.fround(weight) : weight;
    return Math.abs(w) < 0.5 ? add(a, mul(diff, w)) : sub(b, mul(diff, 1 - w));
  }
  const small = lt(abs(weight), 0.5);
  return where(small, add(a, mul(weight, diff)), sub(b, mul(diff, sub(1, weight))));
}

/** target += (value·t1)·t2 */
export function addcmul_<D extends DType>(
  target: NDArray<D>,
  t1: NDArray,
  t2: NDArray,
  value = 1,
): NDArray<D> {
  const s = fastStorages(target, t1, t2);
  if (s === null) return copy_(target, checked('addcmul_', target, addcmul(target, t1, t2, value)));
  const [o, x, y] = s;
  const n = target.numel();
  const i0 = target.offset;
  const j1 = t1.offset;
  const j2 = t2.offset;
  if (target.dtype === 'float32') {
    const v = Math.fround(value);
    const f = Math.fround;
    for (let k = 0; k < n; k++) o[i0 + k] = o[i0 + k]! + f(f(v * x[j1 + k]!) * y[j2 + k]!);
  } else {
    for (let k = 0; k < n; k++) o[i0 + k] = o[i0 + k]! + value * x[j1 + k]! * y[j2 + k]!;
  }
  target.bumpVersion();
  return target;
}

/** target += (value·t1)/t2 */
export function addcdiv_<D extends DType>(
  target: NDArray<D>,
  t1: NDArray,
  t2: NDArray,
  value = 1,
): NDArray<D> {
  const s = fastStorages(target, t1, t2);
  if (s === null) return copy_(target, checked('addcdiv_', target, addcdiv(target, t1, t2, value)));
  const [o, x, y] = s;
  const n = target.numel();
  const i0 = target.offset;
  const j1 = t1.offset;
  const j2 = t2.offset;
  if (target.dtype === 'float32') {
    const v = Math.fround(value);
    const f = Math.fround;
    for (let k = 0; k < n; k++) o[i0 + k] = o[i0 + k]! + f(f(v * x[j1 + k]!) / y[j2 + k]!);
  } else {
    for (let k = 0; k < n; k++) o[i0 + k] = o[i0 + k]! + (value * x[j1 + k]!) / y[j2 + k]!;
  }
  target.bumpVersion();
  return target;
}

/** target = lerp(target, end, weight) */
export function lerp_<D extends DType>(
  target: NDArray<D>,
  end: NDArray,
  weight: NDArray | number,
): NDArray<D> {
  const s =
    typeof weight === 'number' ? fastStorages(target, end, end) : fastStorages(target, end, weight);
  if (s === null) return copy_(target, checked('lerp_', target, lerp(target, end, weight)));
  const [o, b] = s;
  const n = target.numel();
  const i0 = target.offset;
  const j = end.offset;
  const f32 = target.dtype === 'float32';
  const r = f32 ? Math.fround : (x: number) => x;
  if (typeof weight === 'number') {
    const w = r(weight); // as lerp() sees it
    const small = Math.abs(w) < 0.5;
    const rest = r(1 - w);
    for (let k = 0; k < n; k++) {
      const a = o[i0 + k]!;
      const e = b[j + k]!;
      const diff = r(e - a);
      o[i0 + k] = small ? a + r(w * diff) : e - r(diff * rest);
    }
  } else {
    const ws = s[2];
    const jw = weight.offset;
    for (let k = 0; k < n; k++) {
      const a = o[i0 + k]!;
      const e = b[j + k]!;
      const w = ws[jw + k]!;
      const diff = r(e - a);
      o[i0 + k] = Math.abs(w) < 0.5 ? a + r(w * diff) : e - r(diff * r(1 - w));
    }
  }
  target.bumpVersion();
  return target;
}

/**
 * The storages of target, x and y when the single loop applies (see the file's comment), else
 * null. x and y may be the same array, or the target itself (`a.addcmul_(a, a)`): element k
 * is then read before it is written.
 */
function fastStorages(
  target: NDArray,
  x: NDArray,
  y: NDArray,
): [AnyTypedArray, AnyTypedArray, AnyTypedArray] | null {
  const dtype = target.dtype;
  if (!isFloatingDType(dtype) || x.dtype !== dtype || y.dtype !== dtype) return null;
  if (!sameShape(x.shape, target.shape) || !sameShape(y.shape, target.shape)) return null;
  if (!target.isContiguous() || !x.isContiguous() || !y.isContiguous()) return null;
  if (!apartOrSame(target, x) || !apartOrSame(target, y)) return null;
  return [target.storage, x.storage, y.storage];
}

/** Whether `x` shares no memory with `target`, or is exactly the target's elements. */
function apartOrSame(target: NDArray, x: NDArray): boolean {
  if (x.storage.buffer !== target.storage.buffer) return true;
  return x.storage.byteOffset === target.storage.byteOffset && x.offset === target.offset;
}

/** The composed result, checked to fit in place: the target's shape and a castable dtype. */
function checked(op: string, target: NDArray, result: NDArray): NDArray {
  // the result has the broadcast shape of target and operands: never smaller than the target
  if (!sameShape(result.shape, target.shape)) {
    throw new ShapeError(
      `${op}: the operands broadcast with the target to shape ${ShapeError.show(result.shape)}, larger than the target's ${ShapeError.show(target.shape)} (in-place ops cannot grow the target)`,
      [target.shape, result.shape],
    );
  }
  if (isFloatingDType(result.dtype) && !isFloatingDType(target.dtype)) {
    throw new DTypeError(
      `${op}: the result has dtype ${result.dtype}, which cannot be written in place into an array of dtype ${target.dtype}; convert the target with .to('${result.dtype}')`,
      [result.dtype, target.dtype],
    );
  }
  return result;
}
