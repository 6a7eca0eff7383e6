
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
    pa += 4; pb += 4;
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
}
const MR = 4, NR = 4;
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

