import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromArray,
  gradcheck,
  gradgradcheck,
  grad,
  tensor,
  type Tensor,
} from '../../src/autograd/index.js';
import {
  BCELoss,
  BCEWithLogitsLoss,
  CrossEntropyLoss,
  HyperparameterError,
  InputValueError,
  L1Loss,
  MSELoss,
  NLLLoss,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  huberLoss,
  l1Loss,
  mseLoss,
  nllLoss,
  smoothL1Loss,
} from '../../src/nn/index.js';
import { DTypeError, IndexError, ShapeError } from '../../src/tensor/index.js';
import { expectClose, flatten, gradWeights, type NestedNumbers } from './helpers.js';
import { LOSS_CASES } from './oracle/torchValues.js';

type LossFn = (input: Tensor, target: Tensor, options: Record<string, unknown>) => Tensor;

const FUNCTIONS: Record<string, LossFn> = {
  mseLoss,
  l1Loss,
  huberLoss,
  smoothL1Loss,
  crossEntropy: crossEntropy as LossFn,
  nllLoss: nllLoss as LossFn,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
};

/** The oracle's options with weight lists turned into tensors. */
function optionsOf(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...o };
  for (const k of ['weight', 'posWeight']) {
    if (Array.isArray(o[k])) out[k] = tensor(o[k] as number[][]);
  }
  return out;
}

describe('losses match PyTorch 1.13 (value, ∂/∂input, ∂/∂target)', () => {
  for (const c of LOSS_CASES) {
    it(c.label, () => {
      const input = tensor(c.input as NestedNumbers as number[], { requiresGrad: true });
      const target = c.intTarget
        ? tensor(c.target as NestedNumbers as number[], { dtype: 'int32' })
        : tensor(c.target as NestedNumbers as number[], { requiresGrad: c.gradTarget !== null });
      const loss = FUNCTIONS[c.fn]!(input, target as Tensor, optionsOf(c.options));
      expect(loss.shape).toEqual(c.shape);
      // PyTorch 1.13: the value of F.<loss>(input, target, **options)
      expectClose(loss, c.value as NestedNumbers, { rel: 1e-13, what: 'loss' });
      const scalar =
        loss.ndim === 0
          ? loss
          : loss.mul(tensor(gradWeights(loss.shape)).reshape(loss.shape)).sum();
      scalar.backward();
      expectClose(input.grad!, c.gradInput as NestedNumbers, { rel: 1e-12, what: 'grad input' });
      if (c.gradTarget !== null) {
        expectClose(target.grad!, c.gradTarget as NestedNumbers, {
          rel: 1e-12,
          what: 'grad target',
        });
      }
    });
  }
});

describe('loss modules call the functions with their options', () => {
  const x = tensor([
    [0.3, -1.2],
    [2, 0.5],
  ]);
  const y = tensor([
    [0.1, -1],
    [2.5, 0],
  ]);
  it('MSELoss and L1Loss', () => {
    expect(new MSELoss().forward(x, y).item()).toBe(mseLoss(x, y).item());
    expect(new L1Loss({ reduction: 'sum' }).forward(x, y).item()).toBe(
      l1Loss(x, y, { reduction: 'sum' }).item(),
    );
  });
  it('CrossEntropyLoss with weight keeps the weight as a buffer in the state dict', () => {
    const w = tensor([0.5, 2]);
    const m = new CrossEntropyLoss({ weight: w, labelSmoothing: 0.1 });
    const t = tensor([1, 0], { dtype: 'int32' });
    expect(m.forward(x, t).item()).toBe(
      crossEntropy(x, t, { weight: w, labelSmoothing: 0.1 }).item(),
    );
    expect(Object.keys(m.stateDict())).toEqual(['weight']);
    expect(m.parameters()).toHaveLength(0);
    expect(new NLLLoss().forward(x.logSoftmax(1), [1, 0]).item()).toBe(
      nllLoss(x.logSoftmax(1), t).item(),
    );
  });
  it('BCELoss and BCEWithLogitsLoss', () => {
    const p = tensor([0.2, 0.7]);
    const t = tensor([0, 1]);
    expect(new BCELoss().forward(p, t).item()).toBe(binaryCrossEntropy(p, t).item());
    const pw = tensor([2, 3]);
    expect(new BCEWithLogitsLoss({ posWeight: pw }).forward(p, t).item()).toBe(
      binaryCrossEntropyWithLogits(p, t, { posWeight: pw }).item(),
    );
  });
});

describe('cross-checks between losses', () => {
  const logits = tensor([
    [1, 2, 3],
    [0.5, -1, 2],
    [0, 0, 1],
  ]);
  const labels = tensor([0, 2, 1], { dtype: 'int32' });

  it('crossEntropy = nllLoss ∘ logSoftmax, and = crossEntropy with one-hot probabilities', () => {
    const a = crossEntropy(logits, labels).item() as number;
    expect(a).toBe(nllLoss(logits.logSoftmax(1), labels).item());
    const onehot = tensor([
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ]);
    expect(crossEntropy(logits, onehot).item()).toBeCloseTo(a, 14);
  });

  it('binaryCrossEntropyWithLogits(z) = binaryCrossEntropy(σ(z)) away from the extremes', () => {
    const z = tensor([-3, -0.5, 0, 0.8, 4], { requiresGrad: true });
    const t = tensor([0, 1, 0.3, 1, 0]);
    const a = binaryCrossEntropyWithLogits(z, t);
    const [ga] = grad(a, z);
    const b = binaryCrossEntropy(z.sigmoid(), t);
    const [gb] = grad(b, z);
    expect(a.item()).toBeCloseTo(b.item() as number, 14);
    expectClose(ga!, flatten(gb!.toArray() as NestedNumbers), { rel: 1e-12 });
  });

  it('binaryCrossEntropyWithLogits keeps tiny gradients that 1 − σ(−x) would round to 0', () => {
    // PyTorch 1.13: σ(−40) − 0 = 4.248354255291589e-18
    const z = tensor([-40], { requiresGrad: true });
    binaryCrossEntropyWithLogits(z, tensor([0]), { reduction: 'sum' }).backward();
    expect(z.grad!.item()).toBeCloseTo(4.248354255291589e-18, 30);
    expect((z.grad!.item() as number) / 4.248354255291589e-18).toBeCloseTo(1, 14);
  });

  it('binaryCrossEntropy at exactly 0 and 1 gives finite values and gradients (PyTorch clamps)', () => {
    const p = tensor([0, 1, 0, 1], { requiresGrad: true });
    const t = tensor([0, 1, 1, 0]);
    const loss = binaryCrossEntropy(p, t, { reduction: 'none' });
    // PyTorch 1.13: [0.0, -0.0, 100.0, 100.0]; grad (x − y)/max(x(1 − x), 1e-12f):
    // [0.0, 0.0, -1000000003995.8029, 1000000003995.8029]
    expect(flatten(loss.toArray() as NestedNumbers)).toEqual([0, -0, 100, 100]);
    loss.sum().backward();
    expect(flatten(p.grad!.toArray() as NestedNumbers)).toEqual([
      0, 0, -1000000003995.8029, 1000000003995.8029,
    ]);
  });

  it('smoothL1Loss with β = 0 is l1Loss, with gradient sign(0) = 0 where PyTorch 1.13 gives −1', () => {
    const x = tensor([0, 1, -2], { requiresGrad: true });
    smoothL1Loss(x, tensor([0, 0, 0]), { beta: 0, reduction: 'sum' }).backward();
    expect(flatten(x.grad!.toArray() as NestedNumbers)).toEqual([0, 1, -1]);
  });

  it('huberLoss = smoothL1Loss · β when δ = β', () => {
    const x = tensor([0.3, -1.2, 2, 0.05]);
    const y = tensor([0.1, -1, 0.5, 0]);
    const h = huberLoss(x, y, { delta: 0.5, reduction: 'none' });
    const s = smoothL1Loss(x, y, { beta: 0.5, reduction: 'none' }).mul(0.5);
    expectClose(h, flatten(s.toArray() as NestedNumbers), { rel: 1e-15 });
  });
});

describe('property: crossEntropy = logsumexp − logit[target], gradient softmax − onehot', () => {
  it('on random logits and labels', () => {
    const row = fc.array(fc.double({ min: -30, max: 30, noNaN: true }), {
      minLength: 4,
      maxLength: 4,
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(row, fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 5 }),
        (samples) => {
          const n = samples.length;
          const x = tensor(
            samples.map(([r]) => r),
            { requiresGrad: true },
          );
          const labels = samples.map(([, t]) => t);
          const loss = crossEntropy(x, labels, { reduction: 'sum' });
          let expected = 0;
          const expectedGrad: number[] = [];
          for (const [r, t] of samples) {
            const m = Math.max(...r);
            const z = r.reduce((a, v) => a + Math.exp(v - m), 0);
            expected += m + Math.log(z) - r[t]!;
            r.forEach((v, c) => expectedGrad.push(Math.exp(v - m) / z - (c === t ? 1 : 0)));
          }
          expect(loss.item()).toBeCloseTo(
            expected,
            10 - Math.ceil(Math.log10(Math.max(1, expected))),
          );
          loss.backward();
          expectClose(x.grad!, expectedGrad, { rel: 1e-9, abs: 1e-12 });
          expect(x.grad!.shape).toEqual([n, 4]);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('custom backward formulas are right to second order (gradcheck)', () => {
  it('binaryCrossEntropy and binaryCrossEntropyWithLogits', () => {
    const p = fromArray(Float64Array.of(0.2, 0.6, 0.9), [3], { requiresGrad: true });
    const t = fromArray(Float64Array.of(0.1, 1, 0.4), [3], { requiresGrad: true });
    expect(gradcheck((a, b) => binaryCrossEntropy(a!, b!, { reduction: 'sum' }), [p, t])).toBe(
      true,
    );
    const z = fromArray(Float64Array.of(-1.5, 0.3, 2), [3], { requiresGrad: true });
    const pw = tensor([2, 0.5, 1]);
    const f = (a?: Tensor, b?: Tensor): Tensor =>
      binaryCrossEntropyWithLogits(a!, b!, { posWeight: pw, reduction: 'sum' });
    expect(gradcheck(f, [z, t])).toBe(true);
    expect(gradgradcheck(f, [z, t])).toBe(true);
  });
});

describe('errors name the problem', () => {
  it('shape mismatches name both shapes', () => {
    const a = tensor([[1], [2], [3]]);
    const b = tensor([1, 2, 3]);
    const err = (() => {
      try {
        mseLoss(a, b);
      } catch (e) {
        return e;
      }
    })() as ShapeError;
    expect(err).toBeInstanceOf(ShapeError);
    expect(err.message).toContain('[3, 1]');
    expect(err.message).toContain('[3]');
    expect(err.shapes).toEqual([[3, 1], [3]]);
    expect(() => crossEntropy(tensor([[1, 2]]), tensor([0, 1], { dtype: 'int32' }))).toThrow(
      /target of shape \[2\] does not fit input of shape \[1, 2\]/,
    );
    expect(() =>
      crossEntropy(tensor([[1, 2]]), tensor([0], { dtype: 'int32' }), {
        weight: tensor([1, 2, 3]),
      }),
    ).toThrow(ShapeError);
  });

  it('class indices out of range, float class indices, BCE inputs outside [0, 1]', () => {
    expect(() => crossEntropy(tensor([[1, 2, 3]]), [3])).toThrow(IndexError);
    expect(() => crossEntropy(tensor([[1, 2, 3]]), [3])).toThrow(/Target 3 is out of bounds/);
    expect(() => nllLoss(tensor([[1, 2, 3]]), tensor([1.0]) as never)).toThrow(DTypeError);
    expect(() => crossEntropy(tensor([[1, 2, 3]]), [0.5])).toThrow(
      /integers, got 0.5 at position 0/,
    );
    expect(() => binaryCrossEntropy(tensor([0.5, 1.5]), tensor([0, 1]))).toThrow(InputValueError);
    expect(() => binaryCrossEntropy(tensor([0.5, 1.5]), tensor([0, 1]))).toThrow(
      /element 1 is 1.5/,
    );
  });

  it('bad options name the value', () => {
    expect(() => mseLoss(tensor([1]), tensor([1]), { reduction: 'avg' as 'mean' })).toThrow(
      HyperparameterError,
    );
    expect(() => mseLoss(tensor([1]), tensor([1]), { reduction: 'avg' as 'mean' })).toThrow(
      /"avg"/,
    );
    expect(() => crossEntropy(tensor([[1, 2]]), [0], { labelSmoothing: 1.5 })).toThrow(/1\.5/);
    expect(() => huberLoss(tensor([1]), tensor([1]), { delta: -1 })).toThrow(/delta value: -1/);
  });
});
