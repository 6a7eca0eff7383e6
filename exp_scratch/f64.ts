import { matmulKernel } from '../src/tensor/kernels/matmul.js';
for (const n of [64, 256, 512]) {
  const a = new Float64Array(n * n).map(() => Math.random()), b = new Float64Array(n * n).map(() => Math.random());
  const c = new Float64Array(n * n);
  const run = () => matmulKernel(a, 0, 1, n, b, 0, n, 1, c, 0, n, n, n); // A transposed
  for (let i = 0; i < 3; i++) run();
  const reps = n <= 256 ? 30 : 5;
  const t = performance.now(); for (let i = 0; i < reps; i++) run(); const s = (performance.now() - t) / 1000 / reps;
  console.log('f64 At·B', n, (2 * n ** 3 / s / 1e9).toFixed(2), 'GFLOP/s');
}
for (const n of [4, 8, 15]) {
  const a = new Float32Array(n * n).fill(1.5), c = new Float32Array(n * n);
  const reps = 200000 / n;
  const run = () => matmulKernel(a, 0, n, 1, a, 0, n, 1, c, 0, n, n, n);
  for (let i = 0; i < 1000; i++) run();
  const t = performance.now(); for (let i = 0; i < reps; i++) run(); const s = (performance.now() - t) / 1000 / reps;
  console.log('small', n, (s * 1e6).toFixed(2), 'us/call', (2 * n ** 3 / s / 1e9).toFixed(2), 'GFLOP/s');
}
