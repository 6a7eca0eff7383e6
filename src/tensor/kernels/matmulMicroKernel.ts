/**
 * The register-tiled inner loop of the matrix product: a 4×4 block of out lives in sixteen
 * local variables (V8 keeps most of them in registers) while p walks the packed panels, so each
 * step loads 4 + 4 numbers and does 16 multiply-adds. Written out by hand because a loop over
 * an accumulator array would load and store every partial sum.
 */

/** Rows of A per micro-tile. */
export const MR = 4;
/** Columns of B per micro-tile. */
export const NR = 4;

/**
 * block[i * NR + j] = Σ_p ap[aBase + p * MR + i] · bp[bBase + p * NR + j] for p < kc.
 */
export function microKernel4x4(
  ap: Float64Array,
  aBase: number,
  bp: Float64Array,
  bBase: number,
  kc: number,
  block: Float64Array,
): void {
  let c00 = 0;
  let c01 = 0;
  let c02 = 0;
  let c03 = 0;
  let c10 = 0;
  let c11 = 0;
  let c12 = 0;
  let c13 = 0;
  let c20 = 0;
  let c21 = 0;
  let c22 = 0;
  let c23 = 0;
  let c30 = 0;
  let c31 = 0;
  let c32 = 0;
  let c33 = 0;
  let pa = aBase;
  let pb = bBase;
  for (let p = 0; p < kc; p++) {
    const a0 = ap[pa + 0]!;
    const a1 = ap[pa + 1]!;
    const a2 = ap[pa + 2]!;
    const a3 = ap[pa + 3]!;
    const b0 = bp[pb + 0]!;
    c00 += a0 * b0;
    c10 += a1 * b0;
    c20 += a2 * b0;
    c30 += a3 * b0;
    const b1 = bp[pb + 1]!;
    c01 += a0 * b1;
    c11 += a1 * b1;
    c21 += a2 * b1;
    c31 += a3 * b1;
    const b2 = bp[pb + 2]!;
    c02 += a0 * b2;
    c12 += a1 * b2;
    c22 += a2 * b2;
    c32 += a3 * b2;
    const b3 = bp[pb + 3]!;
    c03 += a0 * b3;
    c13 += a1 * b3;
    c23 += a2 * b3;
    c33 += a3 * b3;
    pa += 4;
    pb += 4;
  }
  block[0] = c00;
  block[1] = c01;
  block[2] = c02;
  block[3] = c03;
  block[4] = c10;
  block[5] = c11;
  block[6] = c12;
  block[7] = c13;
  block[8] = c20;
  block[9] = c21;
  block[10] = c22;
  block[11] = c23;
  block[12] = c30;
  block[13] = c31;
  block[14] = c32;
  block[15] = c33;
}
