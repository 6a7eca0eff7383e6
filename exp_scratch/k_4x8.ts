
function micro(ap: Float64Array, aBase: number, bp: Float64Array, bBase: number, kc: number, acc: Float64Array): void {
  let c00 = 0;
  let c01 = 0;
  let c02 = 0;
  let c03 = 0;
  let c04 = 0;
  let c05 = 0;
  let c06 = 0;
  let c07 = 0;
  let c10 = 0;
  let c11 = 0;
  let c12 = 0;
  let c13 = 0;
  let c14 = 0;
  let c15 = 0;
  let c16 = 0;
  let c17 = 0;
  let c20 = 0;
  let c21 = 0;
  let c22 = 0;
  let c23 = 0;
  let c24 = 0;
  let c25 = 0;
  let c26 = 0;
  let c27 = 0;
  let c30 = 0;
  let c31 = 0;
  let c32 = 0;
  let c33 = 0;
  let c34 = 0;
  let c35 = 0;
  let c36 = 0;
  let c37 = 0;
  let pa = aBase; let pb = bBase;
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
    const b4 = bp[pb + 4]!;
    c04 += a0 * b4;
    c14 += a1 * b4;
    c24 += a2 * b4;
    c34 += a3 * b4;
    const b5 = bp[pb + 5]!;
    c05 += a0 * b5;
    c15 += a1 * b5;
    c25 += a2 * b5;
    c35 += a3 * b5;
    const b6 = bp[pb + 6]!;
    c06 += a0 * b6;
    c16 += a1 * b6;
    c26 += a2 * b6;
    c36 += a3 * b6;
    const b7 = bp[pb + 7]!;
    c07 += a0 * b7;
    c17 += a1 * b7;
    c27 += a2 * b7;
    c37 += a3 * b7;
    pa += 4; pb += 8;
  }
  acc[0] = c00;
  acc[1] = c01;
  acc[2] = c02;
  acc[3] = c03;
  acc[4] = c04;
  acc[5] = c05;
  acc[6] = c06;
  acc[7] = c07;
  acc[8] = c10;
  acc[9] = c11;
  acc[10] = c12;
  acc[11] = c13;
  acc[12] = c14;
  acc[13] = c15;
  acc[14] = c16;
  acc[15] = c17;
  acc[16] = c20;
  acc[17] = c21;
  acc[18] = c22;
  acc[19] = c23;
  acc[20] = c24;
  acc[21] = c25;
  acc[22] = c26;
  acc[23] = c27;
  acc[24] = c30;
  acc[25] = c31;
  acc[26] = c32;
  acc[27] = c33;
  acc[28] = c34;
  acc[29] = c35;
  acc[30] = c36;
  acc[31] = c37;
}
const MR = 4, NR = 8;
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

