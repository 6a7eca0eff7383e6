import { tensor } from '../src/autograd/index.js';
const x = tensor([1.0], { requiresGrad: true });
const y = tensor([2.0], { requiresGrad: true });
for (let rep = 0; rep < 3; rep++) {
  const N = 1_000_000;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const f = x.pow(2).add(x.mul(2)).mul(y.log());
    f.backward();
  }
  console.log('seed us/iter', (((performance.now() - t0) / N) * 1e3).toFixed(3));
}
