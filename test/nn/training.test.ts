/**
 * Real training runs: everything below is seeded (mibun's MT19937 stream), so each run is the
 * same on every machine; the bounds leave room for last-bit differences between JS engines.
 */
import { describe, expect, it } from 'vitest';
import {
  fromArray,
  manualSeed,
  noGrad,
  randn,
  tensor,
  type Tensor,
} from '../../src/autograd/index.js';
import {
  Adam,
  Linear,
  MSELoss,
  ReLU,
  SGD,
  Sequential,
  StepLR,
  Tanh,
  binaryCrossEntropyWithLogits,
  crossEntropy,
} from '../../src/nn/index.js';
import { RandomState } from '../../src/tensor/index.js';
import { valuesOf } from './helpers.js';

/** CS231n's K-arm spiral: N points per arm, radius 0…1, angle noise σ = 0.2. */
function spiral(
  seed: number,
  K = 3,
  N = 100,
): { x: Tensor; y: Tensor<'int32'>; labels: Int32Array } {
  const gen = new RandomState(seed);
  const xs = new Float64Array(K * N * 2);
  const labels = new Int32Array(K * N);
  for (let k = 0; k < K; k++) {
    for (let i = 0; i < N; i++) {
      const r = i / (N - 1);
      const t = k * 4 + (i / (N - 1)) * 4 + gen.normal(0, 0.2);
      xs[(k * N + i) * 2] = r * Math.sin(t);
      xs[(k * N + i) * 2 + 1] = r * Math.cos(t);
      labels[k * N + i] = k;
    }
  }
  return { x: fromArray(xs, [K * N, 2]), y: fromArray(labels, [K * N]), labels };
}

function accuracy(logits: Tensor, labels: ArrayLike<number>): number {
  const pred = logits.argmax(1).data.data;
  let ok = 0;
  for (let i = 0; i < labels.length; i++) if (pred[i] === labels[i]) ok++;
  return ok / labels.length;
}

describe('training', () => {
  it('a 2-layer MLP learns XOR (100 %) with SGD + momentum in 200 steps', () => {
    manualSeed(0);
    const model = new Sequential(new Linear(2, 8), new Tanh(), new Linear(8, 1));
    const x = tensor([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    const y = tensor([[0], [1], [1], [0]]);
    const opt = new SGD(model.parameters(), { lr: 0.5, momentum: 0.9 });
    let loss = Infinity;
    for (let step = 0; step < 200; step++) {
      opt.zeroGrad();
      const l = binaryCrossEntropyWithLogits(model.forward(x), y);
      l.backward();
      opt.step();
      loss = l.item() as number;
    }
    expect(loss).toBeLessThan(0.05);
    const predicted = valuesOf(noGrad(() => model.forward(x).sigmoid())).map((p) =>
      p > 0.5 ? 1 : 0,
    );
    expect(predicted).toEqual([0, 1, 1, 0]);
  });

  it('float32 models train too, and stay float32 (Adam state, losses)', () => {
    manualSeed(1);
    const model = new Sequential(
      new Linear(2, 8, { dtype: 'float32' }),
      new Tanh(),
      new Linear(8, 2, { dtype: 'float32' }),
    );
    const x = tensor(
      [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
      { dtype: 'float32' },
    );
    const labels = [0, 1, 1, 0];
    const opt = new Adam(model.parameters(), { lr: 0.05 });
    for (let step = 0; step < 150; step++) {
      opt.zeroGrad();
      const loss = crossEntropy(model.forward(x), labels);
      expect(loss.dtype).toBe('float32');
      loss.backward();
      opt.step();
    }
    expect(model.parameters().every((p) => p.dtype === 'float32')).toBe(true);
    expect(
      accuracy(
        noGrad(() => model.forward(x)),
        labels,
      ),
    ).toBe(1);
  });

  it('an MLP separates a 3-arm spiral (≥ 97 % train, ≥ 95 % on a fresh draw) with Adam in 400 steps', () => {
    const train = spiral(0);
    manualSeed(0);
    const model = new Sequential(new Linear(2, 32), new ReLU(), new Linear(32, 3));
    const opt = new Adam(model.parameters(), { lr: 0.02 });
    const schedule = new StepLR(opt, 300, 0.5);
    let first = 0;
    let last = 0;
    for (let step = 0; step < 400; step++) {
      opt.zeroGrad();
      const loss = crossEntropy(model.forward(train.x), train.y);
      loss.backward();
      opt.step();
      schedule.step();
      if (step === 0) first = loss.item() as number;
      last = loss.item() as number;
    }
    expect(first).toBeGreaterThan(1); // ≈ log 3 at the start
    expect(last).toBeLessThan(0.1);
    model.eval();
    expect(
      accuracy(
        noGrad(() => model.forward(train.x)),
        train.labels,
      ),
    ).toBeGreaterThanOrEqual(0.97);
    const test = spiral(1);
    expect(
      accuracy(
        noGrad(() => model.forward(test.x)),
        test.labels,
      ),
    ).toBeGreaterThanOrEqual(0.95);
    expect(opt.paramGroups[0]!.lr).toBe(0.01);
  });

  it('linear regression recovers known coefficients, and equals the least-squares solution', () => {
    const gen = new RandomState(42);
    const n = 200;
    const trueW = [2, -3.5, 0.5];
    const trueB = 1.25;
    manualSeed(42);
    const x = randn(n, 3);
    const xs = valuesOf(x);
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      ys[i] = trueB + gen.normal(0, 0.01);
      for (let j = 0; j < 3; j++) ys[i]! += trueW[j]! * xs[i * 3 + j]!;
    }
    const y = fromArray(ys, [n, 1]);
    const model = new Linear(3, 1);
    const opt = new SGD(model.parameters(), { lr: 0.1 });
    const mse = new MSELoss();
    for (let step = 0; step < 400; step++) {
      opt.zeroGrad();
      mse.forward(model.forward(x), y).backward();
      opt.step();
    }
    const w = valuesOf(model.weight);
    const b = valuesOf(model.bias!)[0]!;
    w.forEach((v, j) => expect(Math.abs(v - trueW[j]!)).toBeLessThan(0.005));
    expect(Math.abs(b - trueB)).toBeLessThan(0.005);
    // the least-squares solution of [X 1]·β = y by the normal equations (Gaussian elimination)
    const beta = leastSquares(xs, ys, n, 3);
    w.forEach((v, j) => expect(v).toBeCloseTo(beta[j]!, 9));
    expect(b).toBeCloseTo(beta[3]!, 9);
  });
});

/** Solves (AᵀA)β = Aᵀy for A = [X 1] (n × (d + 1)) with partial pivoting. */
function leastSquares(xs: number[], ys: Float64Array, n: number, d: number): number[] {
  const m = d + 1;
  const a = Array.from({ length: m }, () => new Array<number>(m + 1).fill(0));
  for (let i = 0; i < n; i++) {
    const row = [...xs.slice(i * d, i * d + d), 1];
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < m; c++) a[r]![c]! += row[r]! * row[c]!;
      a[r]![m]! += row[r]! * ys[i]!;
    }
  }
  for (let c = 0; c < m; c++) {
    let p = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let r = c + 1; r < m; r++) {
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k <= m; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  const beta = new Array<number>(m).fill(0);
  for (let r = m - 1; r >= 0; r--) {
    let s = a[r]![m]!;
    for (let k = r + 1; k < m; k++) s -= a[r]![k]! * beta[k]!;
    beta[r] = s / a[r]![r]!;
  }
  return beta;
}
