/**
 * Composite reductions built from the primitive ones (each written in its stable form):
 * variance/std (two passes: mean, then squared deviations), logsumexp and softmax (shifted by
 * the max), norm. Float inputs only, as PyTorch's; int32/bool raise a DTypeError.
 */
import { add, div, mul, ne, sub } from './binary.js';
import { isFloatingDType, type FloatDType } from './dtype.js';
import { DTypeError } from './errors.js';
import { NDArray, trustedArray } from './ndarray.js';
import { amax, amin, mean, powSum, reducedDims, sum, type Dims } from './reduce.js';
import { normalizeDim } from './shape.js';
import { abs, exp, log, sqrt } from './unary.js';

function checkFloat(op: string, a: NDArray): void {
  if (!isFloatingDType(a.dtype)) {
    throw new DTypeError(
      `${op} needs a floating-point array, not ${a.dtype} (as PyTorch); convert with .to('float64')`,
      [a.dtype],
    );
  }
}

export interface VarianceOptions {
  /** divide by N − correction (1, Bessel's correction, by default; 0 gives the population variance) */
  correction?: number;
  /** PyTorch's older flag: false means correction 0 */
  unbiased?: boolean;
  keepdim?: boolean;
}

/** Variance over `dim` (all dims by default): Σ(x − mean)² / (N − correction). */
export function variance<D extends FloatDType>(
  a: NDArray<D>,
  dim?: Dims,
  options?: VarianceOptions,
): NDArray<D>;
export function variance(a: NDArray, dim?: Dims, options?: VarianceOptions): NDArray;
export function variance(a: NDArray, dim?: Dims, options: VarianceOptions = {}): NDArray {
  checkFloat('variance', a);
  const correction = options.correction ?? (options.unbiased === false ? 0 : 1);
  const dims = reducedDims(a, dim);
  let n = 1;
  for (const d of dims) n *= a.shape[d]!;
  const dev = sub(a, mean(a, dims, true));
  return div(sum(mul(dev, dev), dims, options.keepdim ?? false), Math.max(0, n - correction));
}

/** Standard deviation: √variance (same options). */
export function std<D extends FloatDType>(
  a: NDArray<D>,
  dim?: Dims,
  options?: VarianceOptions,
): NDArray<D>;
export function std(a: NDArray, dim?: Dims, options?: VarianceOptions): NDArray;
export function std(a: NDArray, dim?: Dims, options: VarianceOptions = {}): NDArray {
  return sqrt(variance(a, dim, options));
}

/** Replaces ±∞ and NaN by 0 in a fresh array (the shift of logsumexp must be finite). */
function finiteOrZero<D extends FloatDType>(m: NDArray<D>): NDArray<D> {
  const s = m.storage;
  for (let i = 0; i < s.length; i++) if (!Number.isFinite(s[i]!)) s[i] = 0;
  return m;
}

/** log Σ exp(a) over `dim`, computed as m + log Σ exp(a − m) with m the max, so it never overflows. */
export function logsumexp<D extends FloatDType>(
  a: NDArray<D>,
  dim?: Dims,
  keepdim?: boolean,
): NDArray<D>;
export function logsumexp(a: NDArray, dim?: Dims, keepdim?: boolean): NDArray;
export function logsumexp(a: NDArray, dim?: Dims, keepdim = false): NDArray {
  checkFloat('logsumexp', a);
  const dims = reducedDims(a, dim);
  const m = finiteOrZero(amax(a, dims, true) as NDArray<FloatDType>);
  const out = add(log(sum(exp(sub(a, m)), dims, true)), m);
  return keepdim ? out : out.squeeze(dims);
}

/** exp(a) / Σ exp(a) along `dim`, shifted by the max along `dim`. */
export function softmax<D extends FloatDType>(a: NDArray<D>, dim: number): NDArray<D>;
export function softmax(a: NDArray, dim: number): NDArray;
export function softmax(a: NDArray, dim: number): NDArray {
  checkFloat('softmax', a);
  const d = normalizeDim(dim, a.shape.length);
  const e = exp(sub(a, amax(a, a.shape.length === 0 ? [] : [d], true)));
  return div(e, sum(e, a.shape.length === 0 ? [] : [d], true));
}

/** a − logsumexp(a) along `dim`: the log of softmax without its underflow. */
export function logSoftmax<D extends FloatDType>(a: NDArray<D>, dim: number): NDArray<D>;
export function logSoftmax(a: NDArray, dim: number): NDArray;
export function logSoftmax(a: NDArray, dim: number): NDArray {
  checkFloat('logSoftmax', a);
  const d = normalizeDim(dim, a.shape.length);
  const dims = a.shape.length === 0 ? [] : [d];
  const shifted = sub(a, amax(a, dims, true));
  return sub(shifted, log(sum(exp(shifted), dims, true)));
}

/**
 * The p-norm over `dim` (all dims by default, i.e. of the flattened array): (Σ|x|ᵖ)^(1/p).
 * p = 2 (default) or 'fro' is Euclidean, 1 the sum of magnitudes, ±Infinity the max/min
 * magnitude, 0 the count of non-zeros; as torch.linalg.vector_norm.
 */
export function norm<D extends FloatDType>(
  a: NDArray<D>,
  p?: number | 'fro',
  dim?: Dims,
  keepdim?: boolean,
): NDArray<D>;
export function norm(a: NDArray, p?: number | 'fro', dim?: Dims, keepdim?: boolean): NDArray;
export function norm(a: NDArray, p: number | 'fro' = 2, dim?: Dims, keepdim = false): NDArray {
  checkFloat('norm', a);
  const dims = reducedDims(a, dim);
  const q = p === 'fro' ? 2 : p;
  if (q === 2) return sqrt(sum(mul(a, a), dims, keepdim));
  if (q === 1) return sum(abs(a), dims, keepdim);
  if (q === Infinity) return amax(abs(a), dims, keepdim);
  if (q === -Infinity) return amin(abs(a), dims, keepdim);
  if (q === 0) return sum(ne(a, 0), dims, keepdim).to(a.dtype);
  const { acc, shape } = powSum(a, q, dims, keepdim);
  for (let i = 0; i < acc.length; i++) acc[i] = acc[i]! ** (1 / q);
  return trustedArray('float64', acc, shape).to(a.dtype);
}
