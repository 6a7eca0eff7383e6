/**
 * Row kernels of the reductions, all of one shape: fold a[ia + k·sa] (k < n) into the float64
 * accumulator acc[io + k·so]. so = 0 folds the whole row into one slot (the reduced dim is the
 * innermost); so ≠ 0 folds element-wise into a row of slots (the reduced dim is an outer one).
 */
import type { AnyTypedArray } from '../dtype.js';
import type { Row2 } from '../strided.js';

const BLOCK = 128;

// One leaf per storage type: a loop that sees a single typed-array class stays monomorphic and
// runs about 1.4× faster than one shared by float32 and float64 storage.
function leaf64(a: Float64Array, i: number, n: number): number {
  let r0 = 0;
  let r1 = 0;
  let r2 = 0;
  let r3 = 0;
  let k = 0;
  for (; k + 4 <= n; k += 4) {
    r0 += a[i + k]!;
    r1 += a[i + k + 1]!;
    r2 += a[i + k + 2]!;
    r3 += a[i + k + 3]!;
  }
  for (; k < n; k++) r0 += a[i + k]!;
  return r0 + r1 + (r2 + r3);
}

function leaf32(a: Float32Array, i: number, n: number): number {
  let r0 = 0;
  let r1 = 0;
  let r2 = 0;
  let r3 = 0;
  let k = 0;
  for (; k + 4 <= n; k += 4) {
    r0 += a[i + k]!;
    r1 += a[i + k + 1]!;
    r2 += a[i + k + 2]!;
    r3 += a[i + k + 3]!;
  }
  for (; k < n; k++) r0 += a[i + k]!;
  return r0 + r1 + (r2 + r3);
}

function leafAny(a: AnyTypedArray, i: number, s: number, n: number): number {
  if (s === 1 && a instanceof Float64Array) return leaf64(a, i, n);
  if (s === 1 && a instanceof Float32Array) return leaf32(a, i, n);
  let r = 0;
  for (let k = 0; k < n; k++, i += s) r += a[i]!;
  return r;
}

/**
 * Σ a[i + k·s], k < n, by pairwise summation (NumPy's): blocks of 128 summed with 4 partial
 * sums, blocks combined in a balanced tree, so the rounding error grows as O(log n), not O(n).
 */
export function pairwiseSum(a: AnyTypedArray, i: number, s: number, n: number): number {
  // float32 (and int32) values summed in a float64 accumulator err by at most n·2⁻⁵³·Σ|a|,
  // 1e-10 relative at n = 1e6: far below float32's own 6e-8, so no pairwise tree is needed.
  if (s === 1 && a instanceof Float32Array) return leaf32(a, i, n);
  if (n <= BLOCK) return leafAny(a, i, s, n);
  let half = n >> 1;
  half -= half % 8;
  return pairwiseSum(a, i, s, half) + pairwiseSum(a, i + half * s, s, n - half);
}

export const sumRow: Row2 = (a, ia, sa, acc, io, so, n) => {
  if (so === 0) acc[io] = acc[io]! + pairwiseSum(a, ia, sa, n);
  else for (let k = 0; k < n; k++, ia += sa, io += so) acc[io] = acc[io]! + a[ia]!;
};

export const prodRow: Row2 = (a, ia, sa, acc, io, so, n) => {
  if (so === 0) {
    let p = acc[io]!;
    for (let k = 0; k < n; k++, ia += sa) p *= a[ia]!;
    acc[io] = p;
  } else for (let k = 0; k < n; k++, ia += sa, io += so) acc[io] = acc[io]! * a[ia]!;
};

// max/min propagate NaN: once a slot is NaN it stays NaN.
export const maxRow: Row2 = (a, ia, sa, acc, io, so, n) => {
  if (so === 0) {
    let m = acc[io]!;
    for (let k = 0; k < n; k++, ia += sa) {
      const v = a[ia]!;
      if (!(v <= m) && m === m) m = v;
    }
    acc[io] = m;
  } else {
    for (let k = 0; k < n; k++, ia += sa, io += so) {
      const v = a[ia]!;
      const m = acc[io]!;
      if (!(v <= m) && m === m) acc[io] = v;
    }
  }
};

export const minRow: Row2 = (a, ia, sa, acc, io, so, n) => {
  if (so === 0) {
    let m = acc[io]!;
    for (let k = 0; k < n; k++, ia += sa) {
      const v = a[ia]!;
      if (!(v >= m) && m === m) m = v;
    }
    acc[io] = m;
  } else {
    for (let k = 0; k < n; k++, ia += sa, io += so) {
      const v = a[ia]!;
      const m = acc[io]!;
      if (!(v >= m) && m === m) acc[io] = v;
    }
  }
};

/** Σ |a|^p (p-norms other than 1, 2, ±∞, 0). */
export function powSumRow(p: number): Row2 {
  return (a, ia, sa, acc, io, so, n) => {
    for (let k = 0; k < n; k++, ia += sa, io += so) acc[io] = acc[io]! + Math.abs(a[ia]!) ** p;
  };
}
