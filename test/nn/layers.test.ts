import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manualSeed, ones, rand, tensor, zeros, type Tensor } from '../../src/autograd/index.js';
import {
  Dropout,
  Embedding,
  Flatten,
  HyperparameterError,
  LayerNorm,
  Linear,
  dropout,
  gelu,
  init,
  leakyRelu,
  silu,
  softplus,
} from '../../src/nn/index.js';
import { IndexError, ShapeError, RandomState as NDRandomState } from '../../src/tensor/index.js';
import { expectClose, gradWeights, valuesOf, type NestedNumbers } from './helpers.js';
import {
  ACTIVATION_CASES,
  ACTIVATION_INPUT,
  EMBEDDING_CASE,
  GAINS,
  LAYER_NORM_CASES,
  LAYER_NORM_INPUT,
  LINEAR_SEED0,
} from './oracle/torchValues.js';

function stats(xs: number[]): { mean: number; variance: number; min: number; max: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
  return { mean, variance, min: Math.min(...xs), max: Math.max(...xs) };
}

describe('Linear', () => {
  it('initialises as PyTorch, U(−1/√in, 1/√in), from mibun’s seeded (NumPy MT19937) stream', () => {
    manualSeed(0);
    const layer = new Linear(3, 2);
    // NumPy 1.24: np.random.seed(0); uniform(-bound, bound, (2, 3)) then uniform(-1/√3, 1/√3, 2),
    // bound computed as torch.nn.init.kaiming_uniform_(a=√5) does
    expectClose(layer.weight, LINEAR_SEED0.weight, { rel: 1e-15 });
    expectClose(layer.bias!, LINEAR_SEED0.bias, { rel: 1e-15 });
  });

  it('weight and bias statistics are those of U(−b, b), b = 1/√in', () => {
    manualSeed(123);
    const layer = new Linear(100, 50);
    const b = 1 / Math.sqrt(100);
    const w = stats(valuesOf(layer.weight));
    expect(w.min).toBeGreaterThanOrEqual(-b);
    expect(w.max).toBeLessThanOrEqual(b);
    expect(w.max).toBeGreaterThan(0.99 * b); // 5000 draws reach the ends
    expect(w.min).toBeLessThan(-0.99 * b);
    // mean 0 ± 4 standard errors; variance b²/3 within 5 %
    expect(Math.abs(w.mean)).toBeLessThan((4 * b) / Math.sqrt(3 * 5000));
    expect(w.variance / ((b * b) / 3)).toBeGreaterThan(0.95);
    expect(w.variance / ((b * b) / 3)).toBeLessThan(1.05);
    const bias = valuesOf(layer.bias!);
    expect(bias.every((v) => Math.abs(v) <= b)).toBe(true);
    expect(layer.parameters().map((p) => p.numel())).toEqual([5000, 50]);
  });

  it('computes x Wᵀ + b for any leading shape; a generator makes the draw reproducible', () => {
    const layer = new Linear(3, 2, { generator: new NDRandomState(7) });
    const again = new Linear(3, 2, { generator: new NDRandomState(7) });
    expect(valuesOf(again.weight)).toEqual(valuesOf(layer.weight));
    const x = rand(4, 5, 3);
    const y = layer.forward(x);
    expect(y.shape).toEqual([4, 5, 2]);
    const [w, bias] = [valuesOf(layer.weight), valuesOf(layer.bias!)];
    const xs = valuesOf(x);
    const ys = valuesOf(y);
    for (let r = 0; r < 20; r++) {
      for (let o = 0; o < 2; o++) {
        let s = bias[o]!;
        for (let i = 0; i < 3; i++) s += xs[r * 3 + i]! * w[o * 3 + i]!;
        expect(ys[r * 2 + o]).toBeCloseTo(s, 14);
      }
    }
  });

  it('gradients: ∂/∂W = gᵀx, ∂/∂b = Σg (property test against the closed form)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 1000 }),
        (n, out, seed) => {
          const layer = new Linear(3, out, { generator: new NDRandomState(seed) });
          const x = rand(n, 3, { generator: new NDRandomState(seed + 1) });
          const g = rand(n, out, { generator: new NDRandomState(seed + 2) });
          layer.forward(x).mul(g).sum().backward();
          expectClose(layer.weight.grad!, valuesOf(g.t().matmul(x)), { rel: 1e-13 });
          expectClose(layer.bias!.grad!, valuesOf(g.sum(0)), { rel: 1e-13 });
        },
      ),
      { numRuns: 30 },
    );
  });

  it('without bias; bad sizes name the value', () => {
    expect(new Linear(2, 2, { bias: false }).parameters()).toHaveLength(1);
    expect(() => new Linear(-1, 2)).toThrow(/inFeatures value: -1/);
    expect(() => new Linear(2, 1.5)).toThrow(HyperparameterError);
  });
});

describe('activations match PyTorch 1.13 (value and gradient)', () => {
  const fns: Record<string, (x: Tensor) => Tensor> = {
    gelu: (x) => gelu(x),
    'gelu tanh': (x) => gelu(x, 'tanh'),
    softplus: (x) => softplus(x),
    'softplus beta=2 threshold=5': (x) => softplus(x, 2, 5),
    'leakyRelu 0.1': (x) => leakyRelu(x, 0.1),
    silu,
    relu: (x) => x.relu(),
    sigmoid: (x) => x.sigmoid(),
    tanh: (x) => x.tanh(),
    'softmax dim 1': (x) => x.softmax(1),
    'logSoftmax dim 1': (x) => x.logSoftmax(1),
  };
  for (const c of ACTIVATION_CASES) {
    it(c.label, () => {
      const x = tensor(ACTIVATION_INPUT, { requiresGrad: true });
      const y = fns[c.label]!(x);
      // PyTorch 1.13: F.<fn>(x) and the gradient of sum(y * G). The absolute tolerance covers
      // gelu(−25), which mibun computes through erfc (−7.6e-137) and PyTorch rounds to 0, and
      // softmax's gradient at a saturated entry, a cancellation of O(1) terms (≈1e-9 ± 4e-16).
      expectClose(y, c.value, { rel: 1e-14, abs: 1e-15, what: 'value' });
      y.mul(tensor(gradWeights(y.shape)).reshape(y.shape))
        .sum()
        .backward();
      expectClose(x.grad!, c.grad, { rel: 1e-13, abs: 1e-15, what: 'grad' });
    });
  }
});

describe('LayerNorm matches PyTorch 1.13', () => {
  for (const c of LAYER_NORM_CASES) {
    it(`normalizedShape [${c.normalizedShape.join(', ')}]`, () => {
      const ln = new LayerNorm(c.normalizedShape);
      ln.loadStateDict({ weight: tensor(c.weight as number[]), bias: tensor(c.bias as number[]) });
      const x = tensor(LAYER_NORM_INPUT, { requiresGrad: true });
      const y = ln.forward(x);
      expectClose(y, c.value as NestedNumbers, { rel: 1e-12, abs: 1e-14 });
      y.mul(tensor(gradWeights(y.shape)).reshape(y.shape))
        .sum()
        .backward();
      expectClose(x.grad!, c.gradInput as NestedNumbers, {
        rel: 1e-10,
        abs: 1e-13,
        what: 'grad input',
      });
      expectClose(ln.weight!.grad!, c.gradWeight as NestedNumbers, { rel: 1e-12, abs: 1e-14 });
      expectClose(ln.bias!.grad!, c.gradBias as NestedNumbers, { rel: 1e-14 });
    });
  }
  it('names both shapes when the input does not end with the normalized shape', () => {
    expect(() => new LayerNorm([2, 3]).forward(zeros(3, 2))).toThrow(ShapeError);
    expect(() => new LayerNorm([2, 3]).forward(zeros(3, 2))).toThrow(/\[3, 2\].*\[2, 3\]/);
  });
});

describe('Embedding', () => {
  it('looks rows up; the padding row gets no gradient (PyTorch 1.13)', () => {
    const c = EMBEDDING_CASE;
    const emb = new Embedding(4, 2, { paddingIdx: c.paddingIdx });
    expect(valuesOf(emb.weight).slice(4, 6)).toEqual([0, 0]); // the padding row starts at zero
    emb.loadStateDict({ weight: tensor(c.weight) });
    const y = emb.forward(tensor(c.indices, { dtype: 'int32' }));
    expectClose(y, c.value, { rel: 0 });
    y.mul(tensor(gradWeights(y.shape)).reshape(y.shape))
      .sum()
      .backward();
    expectClose(emb.weight.grad!, c.gradWeight, { rel: 1e-15 });
  });
  it('rejects indices out of range', () => {
    expect(() => new Embedding(3, 2).forward([0, 3])).toThrow(IndexError);
    expect(() => new Embedding(3, 2).forward([0, 3])).toThrow(/index 3/);
  });
});

describe('Dropout', () => {
  it('zeroes about p of the elements and scales the rest by 1/(1 − p); gradient is the mask', () => {
    manualSeed(5);
    const x = ones(100, 100, { requiresGrad: true });
    const d = new Dropout(0.3);
    const y = d.forward(x);
    const v = valuesOf(y);
    const zerosFraction = v.filter((e) => e === 0).length / v.length;
    expect(Math.abs(zerosFraction - 0.3)).toBeLessThan(0.02); // 4.4 standard errors
    expect(v.every((e) => e === 0 || e === 1 / 0.7)).toBe(true);
    y.sum().backward();
    expect(valuesOf(x.grad!)).toEqual(v);
  });
  it('passes values through in eval mode and for p = 0; p = 1 zeroes everything', () => {
    const x = rand(3, 4);
    const d = new Dropout(0.5);
    d.eval();
    expect(d.forward(x)).toBe(x);
    expect(dropout(x, { p: 0 })).toBe(x);
    expect(valuesOf(dropout(x, { p: 1 }))).toEqual(new Array(12).fill(0));
  });
  it('seeded masks repeat; bad p names the value', () => {
    manualSeed(9);
    const a = valuesOf(new Dropout().forward(ones(20)));
    manualSeed(9);
    expect(valuesOf(new Dropout().forward(ones(20)))).toEqual(a);
    expect(() => new Dropout(1.5)).toThrow(/Dropout: invalid p value: 1\.5/);
  });
});

describe('Flatten', () => {
  it('keeps the batch dim by default', () => {
    expect(new Flatten().forward(zeros(2, 3, 4)).shape).toEqual([2, 12]);
    expect(new Flatten(0).forward(zeros(2, 3, 4)).shape).toEqual([24]);
  });
});

describe('init', () => {
  it('gains are PyTorch’s', () => {
    // PyTorch 1.13: torch.nn.init.calculate_gain
    expect(init.calculateGain('linear')).toBe(GAINS.linear);
    expect(init.calculateGain('sigmoid')).toBe(GAINS.sigmoid);
    expect(init.calculateGain('tanh')).toBe(GAINS.tanh);
    expect(init.calculateGain('relu')).toBe(GAINS.relu);
    expect(init.calculateGain('leaky_relu')).toBe(GAINS.leaky_relu);
    expect(init.calculateGain('leaky_relu', 0.2)).toBe(GAINS['leaky_relu_0.2']);
    expect(init.calculateGain('selu')).toBe(GAINS.selu);
  });
  it('kaiming and xavier bounds and spreads', () => {
    manualSeed(3);
    const w = zeros(200, 50);
    init.kaimingUniform_(w, { nonlinearity: 'relu' });
    const bound = Math.sqrt(2) * Math.sqrt(3 / 50);
    const s = stats(valuesOf(w));
    expect(s.max).toBeLessThanOrEqual(bound);
    expect(s.min).toBeGreaterThanOrEqual(-bound);
    expect(s.variance / (2 / 50)).toBeCloseTo(1, 1); // Var = gain²/fan_in
    init.xavierUniform_(w);
    const a = Math.sqrt(6 / 250);
    expect(valuesOf(w).every((v) => Math.abs(v) <= a)).toBe(true);
    init.kaimingNormal_(w, { mode: 'fanOut', nonlinearity: 'relu' });
    expect(stats(valuesOf(w)).variance / (2 / 200)).toBeCloseTo(1, 1);
    init.xavierNormal_(w, 2);
    expect(stats(valuesOf(w)).variance / ((4 * 2) / 250)).toBeCloseTo(1, 1);
  });
  it('in place, versions advance; constant, zeros, ones, eye, normal', () => {
    const w = zeros(2, 3);
    const v = w.version;
    expect(init.constant_(w, 2.5)).toBe(w);
    expect(valuesOf(w)).toEqual([2.5, 2.5, 2.5, 2.5, 2.5, 2.5]);
    expect(w.version).toBeGreaterThan(v);
    expect(valuesOf(init.eye_(w))).toEqual([1, 0, 0, 0, 1, 0]);
    expect(valuesOf(init.ones_(w))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(valuesOf(init.zeros_(w))).toEqual([0, 0, 0, 0, 0, 0]);
    manualSeed(4);
    const big = zeros(10000);
    init.normal_(big, 3, 0.5);
    const s = stats(valuesOf(big));
    expect(Math.abs(s.mean - 3)).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(s.variance) - 0.5)).toBeLessThan(0.02);
  });
  it('fans need two dims', () => {
    expect(() => init.kaimingUniform_(zeros(3))).toThrow(ShapeError);
    expect(init.computeFans(zeros(4, 3, 5))).toEqual([15, 20]);
  });
});
