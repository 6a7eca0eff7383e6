/**
 * The Tensor factories and API odds: PyTorch's sharing semantics of the seed's four
 * constructors (In [27]), dtypes and printing, requiresGrad on creation.
 */
import { describe, expect, it } from 'vitest';
import {
  arange,
  asTensor,
  eye,
  floatTensor,
  fromArray,
  full,
  grad,
  linspace,
  manualSeed,
  ones,
  rand,
  tensor,
  zeros,
  zerosLike,
} from '../../src/autograd/index.js';

describe('factories', () => {
  it('tensor and floatTensor copy, fromArray and asTensor share (the seed: x[0, 0] = 100)', () => {
    const x = Float64Array.of(0.5488135039273248, 0.7151893663724195, 0.6027633760716439);
    const copied = tensor(x);
    const shared = fromArray(x);
    const asIs = asTensor(x);
    const f32 = floatTensor(x);
    x[0] = 100;
    expect(String(copied)).toBe('tensor([0.5488, 0.7152, 0.6028])');
    expect(String(shared)).toBe('tensor([100.0000,   0.7152,   0.6028])');
    expect(String(asIs)).toBe('tensor([100.0000,   0.7152,   0.6028])');
    // PyTorch: torch.Tensor(x) copies into float32
    expect(String(f32)).toBe('tensor([0.5488, 0.7152, 0.6028], dtype=torch.float32)');
    expect([copied.dtype, shared.dtype, asIs.dtype, f32.dtype]).toEqual([
      'float64',
      'float64',
      'float64',
      'float32',
    ]);
  });

  it('requiresGrad on creation, for every factory that makes floats', () => {
    for (const t of [
      zeros(2, { requiresGrad: true }),
      ones([2], { requiresGrad: true }),
      full([2], 3, { requiresGrad: true }),
      arange(3, { requiresGrad: true }),
      linspace(0, 1, 3, { requiresGrad: true }),
      eye(2, { requiresGrad: true }),
      rand(2, { requiresGrad: true }),
      zerosLike(tensor([1.0]), { requiresGrad: true }),
      fromArray(Float64Array.of(1), [1], { requiresGrad: true }),
    ]) {
      expect(t.requiresGrad).toBe(true);
      expect(t.isLeaf).toBe(true);
    }
  });

  it('manualSeed makes rand reproducible (NumPy: np.random.seed(0); np.random.rand(3))', () => {
    manualSeed(0);
    expect(String(rand(3))).toBe('tensor([0.5488, 0.7152, 0.6028])');
  });

  it('a 0-d tensor is a scalar', () => {
    const s = tensor(2.5, { requiresGrad: true });
    expect(s.shape).toEqual([]);
    expect(String(s)).toBe('tensor(2.5000, requires_grad=True)');
    const [g] = grad(s.mul(s), s);
    expect(String(g)).toBe('tensor(5.)');
  });

  it('float32 stays float32 through ops and gradients (numbers never widen it)', () => {
    const x = tensor([1.0], { dtype: 'float32', requiresGrad: true });
    const y = x.pow(2).add(x.mul(2)).mul(x.add(1).log());
    expect(String(y)).toBe('tensor([2.0794], dtype=torch.float32, grad_fn=<MulBackward0>)');
    const [g] = grad(y, x);
    expect(g!.dtype).toBe('float32');
    // PyTorch 1.13, float32: 4·log 2 + 3/2
    expect(String(g)).toBe('tensor([4.2726], dtype=torch.float32)');
  });

  it('mixed dtypes: each gradient returns to its input dtype (PyTorch 1.13)', () => {
    const a = tensor([1.0, 2.0], { dtype: 'float32', requiresGrad: true });
    const b = tensor(3.0, { requiresGrad: true }); // 0-d float64: does not widen a
    const y = a.mul(b);
    expect(String(y)).toBe('tensor([3., 6.], dtype=torch.float32, grad_fn=<MulBackward0>)');
    y.sum().backward();
    expect(String(a.grad)).toBe('tensor([3., 3.], dtype=torch.float32)');
    expect(String(b.grad)).toBe('tensor(3.)'); // float64, mibun's default, prints no dtype
  });
});
