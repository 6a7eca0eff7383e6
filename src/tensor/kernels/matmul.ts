/**
 * The 2-D matrix product kernel: out[m×n] = A[m×k] · B[k×n], A and B given by offset and
 * strides (so transposed and sliced views need no copy), out row-major and contiguous.
 *
 * ```ts
 * matmulKernel(
 *   a: MatmulArray, aOffset: number, aRowStride: number, aColStride: number,
 *   b: MatmulArray, bOffset: number, bRowStride: number, bColStride: number,
 *   out: MatmulArray, outOffset: number, m: number, k: number, n: number,
 * ): void
 * ```
 * A[i, p] = a[aOffset + i * aRowStride + p * aColStride]; B[p, j] likewise;
 * out[outOffset + i * n + j] receives the product. Float inputs may mix (float32 and float64);
 * an Int32Array `out` needs int32 inputs and wraps around like C's int32 arithmetic.
 * `out` must not overlap `a` or `b`.
 *
 * How it is fast in plain JavaScript (the GotoBLAS layout): B is packed, KC rows at a time,
 * into contiguous panels NR columns wide, A into panels MR rows high, both as float64; a
 * register-tiled micro-kernel then keeps an MR×NR block of out in local variables while it
 * walks the shared k dimension, so each element loaded feeds MR or NR multiply-adds. Packing
 * also absorbs any strides and the float32 → float64 conversion. Floats accumulate in float64
 * (float32 outputs are rounded once per KC-long slice of k, not once per term).
 */
import { DTypeError } from '../errors.js';
import { microKernel4x4, MR, NR } from './matmulMicroKernel.js';

/** The storages a matrix product reads and writes. */
export type MatmulArray = Float32Array | Float64Array | Int32Array;
type FloatArray = Float32Array | Float64Array;

/** Rows of k packed per pass: a KC×NR panel of B (32 KB) stays in L1 while A streams from L2. */
const KC = 1024;
/** Rows of A packed per pass: MC×KC float64 (256 KB) sits in L2. */
const MC = 32;

// Scratch buffers grow to the largest product seen and are reused (the API is synchronous and
// single-threaded, so one set per module is safe).
let packedA = new Float64Array(0);
let packedB = new Float64Array(0);
let rowScratch = new Float64Array(0);
const block = new Float64Array(MR * NR);

export function matmulKernel(
  a: MatmulArray,
  aOffset: number,
  aRowStride: number,
  aColStride: number,
  b: MatmulArray,
  bOffset: number,
  bRowStride: number,
  bColStride: number,
  out: MatmulArray,
  outOffset: number,
  m: number,
  k: number,
  n: number,
): void {
  if (out instanceof Int32Array) {
    if (!(a instanceof Int32Array) || !(b instanceof Int32Array)) {
      throw new DTypeError(
        `matmul into an int32 output needs int32 inputs, got ${arrayDType(a)} and ` +
          `${arrayDType(b)}; cast the inputs to int32 or the output to a float dtype`,
        [arrayDType(a), arrayDType(b), 'int32'],
      );
    }
    matmulKernelInt32(a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride, out, outOffset, m, k, n); // prettier-ignore
    return;
  }
  if (a instanceof Int32Array || b instanceof Int32Array) {
    throw new DTypeError(
      `matmul of ${arrayDType(a)} and ${arrayDType(b)} into ${arrayDType(out)}: an int32 input ` +
        `needs an int32 output; cast the int32 input to ${arrayDType(out)} first`,
      [arrayDType(a), arrayDType(b), arrayDType(out)],
    );
  }
  if (m === 0 || n === 0) return;
  if (k === 0) {
    out.fill(0, outOffset, outOffset + m * n);
    return;
  }
  if (m === 1 || n === 1) {
    matmulVector(a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride, out, outOffset, m, k, n); // prettier-ignore
    return;
  }
  matmulPacked(a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride, out, outOffset, m, k, n); // prettier-ignore
}

function arrayDType(x: MatmulArray): string {
  return x instanceof Float64Array ? 'float64' : x instanceof Float32Array ? 'float32' : 'int32';
}

/**
 * The product with a vector operand, where packing would waste work (panels padded to 4 wide):
 * n = 1 is one dot product per row, m = 1 is out = Σ_p A[0, p] · B[p, :] summed in a float64
 * row. (For every other shape, even 4×4, the packed path is the faster one.)
 */
function matmulVector(
  a: FloatArray,
  aOff: number,
  aRS: number,
  aCS: number,
  b: FloatArray,
  bOff: number,
  bRS: number,
  bCS: number,
  out: FloatArray,
  oOff: number,
  m: number,
  k: number,
  n: number,
): void {
  if (n === 1) {
    // one dot product per row
    for (let i = 0; i < m; i++) {
      let s = 0;
      let pa = aOff + i * aRS;
      let pb = bOff;
      for (let p = 0; p < k; p++) {
        s += a[pa]! * b[pb]!;
        pa += aCS;
        pb += bRS;
      }
      out[oOff + i] = s;
    }
    return;
  }
  if (rowScratch.length < n) rowScratch = new Float64Array(n);
  const row = rowScratch;
  for (let i = 0; i < m; i++) {
    row.fill(0, 0, n);
    for (let p = 0; p < k; p++) {
      const aip = a[aOff + i * aRS + p * aCS]!;
      let pb = bOff + p * bRS;
      for (let j = 0; j < n; j++) {
        row[j] = row[j]! + aip * b[pb]!;
        pb += bCS;
      }
    }
    const o = oOff + i * n;
    for (let j = 0; j < n; j++) out[o + j] = row[j]!;
  }
}

function matmulPacked(
  a: FloatArray,
  aOff: number,
  aRS: number,
  aCS: number,
  b: FloatArray,
  bOff: number,
  bRS: number,
  bCS: number,
  out: FloatArray,
  oOff: number,
  m: number,
  k: number,
  n: number,
): void {
  const nPanels = Math.ceil(n / NR);
  const kcMax = Math.min(KC, k);
  const mcMax = Math.min(MC, m);
  const sizeB = nPanels * NR * kcMax;
  const sizeA = Math.ceil(mcMax / MR) * MR * kcMax;
  if (packedB.length < sizeB) packedB = new Float64Array(sizeB);
  if (packedA.length < sizeA) packedA = new Float64Array(sizeA);
  const bp = packedB;
  const ap = packedA;

  for (let pc = 0; pc < k; pc += KC) {
    const kc = Math.min(KC, k - pc);
    packPanels(b, bOff + pc * bRS, bCS, bRS, n, kc, NR, bp);
    for (let ic = 0; ic < m; ic += MC) {
      const mc = Math.min(MC, m - ic);
      const mPanels = Math.ceil(mc / MR);
      packPanels(a, aOff + ic * aRS + pc * aCS, aRS, aCS, mc, kc, MR, ap);
      for (let jp = 0; jp < nPanels; jp++) {
        const j0 = jp * NR;
        const w = Math.min(NR, n - j0);
        for (let ip = 0; ip < mPanels; ip++) {
          const i0 = ic + ip * MR;
          const h = Math.min(MR, m - i0);
          microKernel4x4(ap, ip * MR * kc, bp, jp * NR * kc, kc, block);
          for (let ii = 0; ii < h; ii++) {
            const o = oOff + (i0 + ii) * n + j0;
            const r = ii * NR;
            if (pc === 0) for (let jj = 0; jj < w; jj++) out[o + jj] = block[r + jj]!;
            else for (let jj = 0; jj < w; jj++) out[o + jj] = out[o + jj]! + block[r + jj]!;
          }
        }
      }
    }
  }
}

/**
 * Copies a `count × depth` strided slab into panels `width` lines wide: line t (a row of A or
 * a column of B), depth p lands at panel(t / width)[p * width + t % width]; the last panel is
 * padded with zeros so the micro-kernel never needs a bounds check.
 */
function packPanels(
  src: FloatArray,
  offset: number,
  lineStride: number,
  depthStride: number,
  count: number,
  depth: number,
  width: number,
  dst: Float64Array,
): void {
  const panels = Math.ceil(count / width);
  for (let q = 0; q < panels; q++) {
    const t0 = q * width;
    const lines = Math.min(width, count - t0);
    let d = q * width * depth;
    let s0 = offset + t0 * lineStride;
    if (lines === width && width === 4) {
      const s1 = lineStride;
      for (let p = 0; p < depth; p++) {
        dst[d] = src[s0]!;
        dst[d + 1] = src[s0 + s1]!;
        dst[d + 2] = src[s0 + 2 * s1]!;
        dst[d + 3] = src[s0 + 3 * s1]!;
        d += 4;
        s0 += depthStride;
      }
      continue;
    }
    for (let p = 0; p < depth; p++) {
      let s = s0;
      let t = 0;
      for (; t < lines; t++) {
        dst[d + t] = src[s]!;
        s += lineStride;
      }
      for (; t < width; t++) dst[d + t] = 0;
      d += width;
      s0 += depthStride;
    }
  }
}

/**
 * int32 product with C's wrap-around: every multiply-add is taken modulo 2**32 (Math.imul, | 0),
 * as NumPy's and PyTorch's int32 matmul do. i-p-j order keeps B's rows streaming.
 */
export function matmulKernelInt32(
  a: Int32Array,
  aOffset: number,
  aRowStride: number,
  aColStride: number,
  b: Int32Array,
  bOffset: number,
  bRowStride: number,
  bColStride: number,
  out: Int32Array,
  outOffset: number,
  m: number,
  k: number,
  n: number,
): void {
  for (let i = 0; i < m; i++) {
    const o = outOffset + i * n;
    out.fill(0, o, o + n);
    for (let p = 0; p < k; p++) {
      const aip = a[aOffset + i * aRowStride + p * aColStride]!;
      if (aip === 0) continue;
      let pb = bOffset + p * bRowStride;
      for (let j = 0; j < n; j++) {
        out[o + j] = (out[o + j]! + Math.imul(aip, b[pb]!)) | 0;
        pb += bColStride;
      }
    }
  }
}
