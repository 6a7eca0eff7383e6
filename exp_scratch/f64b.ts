import { matmulKernel } from '../src/tensor/kernels/matmul.js';
for (const n of [16, 24, 32, 48, 64, 96, 64]) {
  const a = new Float64Array(n * n).map(() => Math.random()), b = new Float64Array(n * n).map(() => Math.random());
  const c = new Float64Array(n * n);
  const run = () => matmulKernel(a, 0, 1, n, b, 0, n, 1, c, 0, n, n, n);
  for (let i = 0; i < 300; i++) run();
  const reps = Math.ceil(3e8 / n ** 3);
  const t = performance.now(); for (let i = 0; i < reps; i++) run(); const s = (performance.now() - t) / 1000 / reps;
  console.log('f64', n, (2 * n ** 3 / s / 1e9).toFixed(2), 'GFLOP/s');
}
