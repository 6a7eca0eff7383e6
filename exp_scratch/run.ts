const which = process.argv[2]!;
const { matmul } = await import(`./k_${which}.ts`);
const KC = Number(process.argv[3] ?? 256), MC = Number(process.argv[4] ?? 128);
for (const n of [128, 256, 512, 1024]) {
  const a = new Float32Array(n * n).map(() => Math.random()), b = new Float32Array(n * n).map(() => Math.random());
  const c = new Float32Array(n * n);
  const run = () => matmul(a, 0, n, 1, b, 0, n, 1, c, 0, n, n, n, KC, MC);
  run(); run();
  const reps = n <= 256 ? 30 : n === 512 ? 5 : 2;
  const t = performance.now(); for (let i = 0; i < reps; i++) run(); const s = (performance.now() - t) / 1000 / reps;
  // check one entry
  let ref = 0; for (let p = 0; p < n; p++) ref += a[5 * n + p]! * b[p * n + 7]!;
  console.log(which, n, (s * 1000).toFixed(2), 'ms', (2 * n ** 3 / s / 1e9).toFixed(2), 'GFLOP/s', Math.abs(ref - c[5 * n + 7]!) < 1e-3 ? 'ok' : 'BAD');
}
