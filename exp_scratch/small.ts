import { matmulKernel } from '../src/tensor/kernels/matmul.js';
for (const n of [4, 6, 8, 10, 12, 15]) {
  const a = new Float32Array(n * n).fill(1.5), c = new Float32Array(n * n);
  const reps = Math.ceil(3e7 / n ** 3);
  const run = () => matmulKernel(a, 0, n, 1, a, 0, n, 1, c, 0, n, n, n);
  for (let i = 0; i < 3000; i++) run();
  const t = performance.now(); for (let i = 0; i < reps; i++) run(); const s = (performance.now() - t) / 1000 / reps;
  console.log('small', n, (s * 1e6).toFixed(2), 'us/call', (2 * n ** 3 / s / 1e9).toFixed(2), 'GFLOP/s');
}
