import sys
def kernel(MR, NR, name):
    L=[]
    L.append(f"function {name}(ap: Float64Array, aBase: number, bp: Float64Array, bBase: number, kc: number, acc: Float64Array): void {{")
    for i in range(MR):
        for j in range(NR):
            L.append(f"  let c{i}{j} = 0;")
    L.append(f"  let pa = aBase; let pb = bBase;")
    L.append(f"  for (let p = 0; p < kc; p++) {{")
    for i in range(MR): L.append(f"    const a{i} = ap[pa + {i}]!;")
    for j in range(NR):
        L.append(f"    const b{j} = bp[pb + {j}]!;")
        for i in range(MR):
            L.append(f"    c{i}{j} += a{i} * b{j};")
    L.append(f"    pa += {MR}; pb += {NR};")
    L.append("  }")
    for i in range(MR):
        for j in range(NR):
            L.append(f"  acc[{i*NR+j}] = c{i}{j};")
    L.append("}")
    return "\n".join(L)

def full(MR, NR):
    return f'''
{kernel(MR,NR,'micro')}
const MR = {MR}, NR = {NR};
let bufA = new Float64Array(0), bufB = new Float64Array(0);
const acc = new Float64Array(MR*NR);
export function matmul(a: Float32Array|Float64Array, aOff: number, aRS: number, aCS: number, b: Float32Array|Float64Array, bOff: number, bRS: number, bCS: number, out: Float32Array|Float64Array, oOff: number, m: number, k: number, n: number, KC = 256, MC = 128): void {{
  const npanels = Math.ceil(n / NR);
  const kcMax = Math.min(KC, k);
  if (bufB.length < npanels * NR * kcMax) bufB = new Float64Array(npanels * NR * kcMax);
  if (bufA.length < Math.ceil(Math.min(MC, m) / MR) * MR * kcMax) bufA = new Float64Array(Math.ceil(Math.min(MC, m) / MR) * MR * kcMax);
  const bp = bufB, ap = bufA;
  for (let pc = 0; pc < k; pc += KC) {{
    const kc = Math.min(KC, k - pc);
    // pack B
    for (let jp = 0; jp < npanels; jp++) {{
      const j0 = jp * NR; const w = Math.min(NR, n - j0);
      let dst = jp * NR * kc;
      for (let p = 0; p < kc; p++) {{
        let src = bOff + (pc + p) * bRS + j0 * bCS;
        let jj = 0;
        for (; jj < w; jj++) {{ bp[dst + jj] = b[src]!; src += bCS; }}
        for (; jj < NR; jj++) bp[dst + jj] = 0;
        dst += NR;
      }}
    }}
    for (let ic = 0; ic < m; ic += MC) {{
      const mc = Math.min(MC, m - ic);
      const mpanels = Math.ceil(mc / MR);
      for (let ip = 0; ip < mpanels; ip++) {{
        const i0 = ic + ip * MR; const h = Math.min(MR, m - i0);
        let dst = ip * MR * kc;
        for (let p = 0; p < kc; p++) {{
          let src = aOff + i0 * aRS + (pc + p) * aCS;
          let ii = 0;
          for (; ii < h; ii++) {{ ap[dst + ii] = a[src]!; src += aRS; }}
          for (; ii < MR; ii++) ap[dst + ii] = 0;
          dst += MR;
        }}
      }}
      for (let jp = 0; jp < npanels; jp++) {{
        const j0 = jp * NR; const w = Math.min(NR, n - j0);
        for (let ip = 0; ip < mpanels; ip++) {{
          const i0 = ic + ip * MR; const h = Math.min(MR, m - i0);
          micro(ap, ip * MR * kc, bp, jp * NR * kc, kc, acc);
          for (let ii = 0; ii < h; ii++) {{
            let o = oOff + (i0 + ii) * n + j0;
            if (pc === 0) for (let jj = 0; jj < w; jj++) out[o + jj] = acc[ii * NR + jj]!;
            else for (let jj = 0; jj < w; jj++) out[o + jj] += acc[ii * NR + jj]!;
          }}
        }}
      }}
    }}
  }}
}}
'''
MR, NR = int(sys.argv[1]), int(sys.argv[2])
print(full(MR, NR))
