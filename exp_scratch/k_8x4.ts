
function micro(ap: Float64Array, aBase: number, bp: Float64Array, bBase: number, kc: number, acc: Float64Array): void {
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
  let c40 = 0;
  let c41 = 0;
  let c42 = 0;
  let c43 = 0;
  let c50 = 0;
  let c51 = 0;
  let c52 = 0;
  let c53 = 0;
  let c60 = 0;
  let c61 = 0;
  let c62 = 0;
  let c63 = 0;
  let c70 = 0;
  let c71 = 0;
  let c72 = 0;
  let c73 = 0;
  let pa = aBase; let pb = bBase;
  for (let p = 0; p < kc; p++) {
    const a0 = ap[pa + 0]!;
    const a1 = ap[pa + 1]!;
    const a2 = ap[pa + 2]!;
    const a3 = ap[pa + 3]!;
    const a4 = ap[pa + 4]!;
    const a5 = ap[pa + 5]!;
    const a6 = ap[pa + 6]!;
    const a7 = ap[pa + 7]!;
    const b0 = bp[pb + 0]!;
    c00 += a0 * b0;
    c10 += a1 * b0;
    c20 += a2 * b0;
    c30 += a3 * b0;
    c40 += a4 * b0;
    c50 += a5 * b0;
    c60 += a6 * b0;
    c70 += a7 * b0;
    const b1 = bp[pb + 1]!;
    c01 += a0 * b1;
    c11 += a1 * b1;
    c21 += a2 * b1;
    c31 += a3 * b1;
    c41 += a4 * b1;
    c51 += a5 * b1;
    c61 += a6 * b1;
    c71 += a7 * b1;
    const b2 = bp[pb + 2]!;
    c02 += a0 * b2;
    c12 += a1 * b2;
    c22 += a2 * b2;
    c32 += a3 * b2;
    c42 += a4 * b2;
    c52 += a5 * b2;
    c62 += a6 * b2;
    c72 += a7 * b2;
    const b3 = bp[pb + 3]!;
    c03 += a0 * b3;
    c13 += a1 * b3;
    c23 += a2 * b3;
    c33 += a3 * b3;
    c43 += a4 * b3;
    c53 += a5 * b3;
    c63 += a6 * b3;
    c73 += a7 * b3;
    pa += 8; pb += 4;
  }
  acc[0] = c00;
  acc[1] = c01;
  acc[2] = c02;
  acc[3] = c03;
  acc[4] = c10;
  acc[5] = c11;
  acc[6] = c12;
  acc[7] = c13;
  acc[8] = c20;
  acc[9] = c21;
  acc[10] = c22;
  acc[11] = c23;
  acc[12] = c30;
  acc[13] = c31;
  acc[14] = c32;
  acc[15] = c33;
  acc[16] = c40;
  acc[17] = c41;
  acc[18] = c42;
  acc[19] = c43;
  acc[20] = c50;
  acc[21] = c51;
  acc[22] = c52;
  acc[23] = c53;
  acc[24] = c60;
  acc[25] = c61;
  acc[26] = c62;
  acc[27] = c63;
  acc[28] = c70;
  acc[29] = c71;
  acc[30] = c72;
  acc[31] = c73;
}
const MR = 8, NR = 4;
let bufA = new Float64Array(0), bufB = new Float64Array(0);
const acc = new Float64Array(MR*NR);
export function matmul(a: Float32Array|Float64Array, aOff: number, aRS: number, aCS: number, b: Float32Array|Float64Array, bOff: number, bRS: number, bCS: number, out: Float32Array|Float64Array, oOff: number, m: number, k: number, n: number, KC = 256, MC = 128): void {
  const npanels = Math.ceil(n / NR);
  const kcMax = Math.min(KC, k);
  if (bufB.length < npanels * NR * kcMax) bufB = new Float64Array(npanels * NR * kcMax);
  if (bufA.length < Math.ceil(Math.min(MC, m) / MR) * MR * kcMax) bufA = new Float64Array(Math.ceil(Math.min(MC, m) / MR) * MR * kcMax);
  const bp = bufB, ap = bufA;
  for (let pc = 0; pc < k; pc += KC) {
    const kc = Math.min(KC, k - pc);
    // pack B
    for (let jp = 0; jp < npanels; jp++) {
      const j0 = jp * NR; const w = Math.min(NR, n - j0);
      let dst = jp * NR * kc;
      for (let p = 0; p < kc; p++) {
        let src = bOff + (pc + p) * bRS + j0 * bCS;
        let jj = 0;
        for (; jj < w; jj++) { bp[dst + jj] = b[src]!; src += bCS; }
        for (; jj < NR; jj++) bp[dst + jj] = 0;
        dst += NR;
      }
    }
    for (let ic = 0; ic < m; ic += MC) {
      const mc = Math.min(MC, m - ic);
      const mpanels = Math.ceil(mc / MR);
      for (let ip = 0; ip < mpanels; ip++) {
        const i0 = ic + ip * MR; const h = Math.min(MR, m - i0);
        let dst = ip * MR * kc;
        for (let p = 0; p < kc; p++) {
          let src = aOff + i0 * aRS + (pc + p) * aCS;
          let ii = 0;
          for (; ii < h; ii++) { ap[dst + ii] = a[src]!; src += aRS; }
          for (; ii < MR; ii++) ap[dst + ii] = 0;
          dst += MR;
        }
      }
      for (let jp = 0; jp < npanels; jp++) {
        const j0 = jp * NR; const w = Math.min(NR, n - j0);
        for (let ip = 0; ip < mpanels; ip++) {
          const i0 = ic + ip * MR; const h = Math.min(MR, m - i0);
          micro(ap, ip * MR * kc, bp, jp * NR * kc, kc, acc);
          for (let ii = 0; ii < h; ii++) {
            let o = oOff + (i0 + ii) * n + j0;
            if (pc === 0) for (let jj = 0; jj < w; jj++) out[o + jj] = acc[ii * NR + jj]!;
            else for (let jj = 0; jj < w; jj++) out[o + jj] += acc[ii * NR + jj]!;
          }
        }
      }
    }
  }
}

