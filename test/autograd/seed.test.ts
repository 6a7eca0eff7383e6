/**
 * The seed notebook's part 3 (torch.autograd) and part 4 (reverse mode by hand), reproduced
 * with mibun. Expected strings are what the notebook printed (PyTorch 1.x, float32 tensors,
 * which print like mibun's float64 ones) and what Debian's PyTorch 1.13 prints for the same
 * calls in float64.
 */
import { describe, expect, it } from 'vitest';
import {
  backward,
  defineFunction,
  formatTuple,
  grad,
  log,
  tensor,
  type Tensor,
} from '../../src/autograd/index.js';
import { fromArray as ndFromArray } from '../../src/tensor/index.js';

const f = (x: Tensor) => x.pow(2).add(x.mul(2)).mul(x.log());
const fxy = (x: Tensor, y: Tensor) => x.pow(2).add(x.mul(2)).mul(log(y));

describe('seed part 3: torch.autograd', () => {
  it('In [29]: requires_grad on a float64 tensor prints as PyTorch', () => {
    // seed: np.random.seed(0); x = np.random.rand(2, 3); x[0, 0] = 100
    const x = ndFromArray(
      Float64Array.of(
        100,
        0.7151893663724195,
        0.6027633760716439,
        0.5448831829968969,
        0.4236547993389047,
        0.6458941130666561,
      ),
      [2, 3],
    );
    const t = tensor(x, { requiresGrad: true });
    // The seed printed `dtype=torch.float64,` before requires_grad (PyTorch's default dtype is
    // float32, mibun's float64, which prints no dtype), so its suffix wrapped onto a new line.
    // PyTorch 1.13 prints the default-dtype tensor exactly as mibun does:
    // torch.tensor(x, dtype=torch.float32, requires_grad=True)
    expect(String(t)).toBe(
      'tensor([[100.0000,   0.7152,   0.6028],\n        [  0.5449,   0.4237,   0.6459]], requires_grad=True)',
    );
    expect(t.dtype).toBe('float64');
    expect(t.requiresGrad).toBe(true);
  });

  it('In [32]: backward fills x.grad, null before', () => {
    const x = tensor([1.0], { requiresGrad: true });
    const y = f(x);
    expect(String(x)).toBe('tensor([1.], requires_grad=True)');
    expect(String(y)).toBe('tensor([0.], grad_fn=<MulBackward0>)');
    expect(x.grad).toBeNull();
    backward(y, { retainGraph: true });
    expect(String(x.grad)).toBe('tensor([3.])');
  });

  it('In [35]: grad returns one gradient per input, (x, x) gives two', () => {
    const x = tensor([1.0], { requiresGrad: true });
    const y = f(x);
    expect(formatTuple(grad(y, x, { retainGraph: true }))).toBe('(tensor([3.]),)');
    expect(formatTuple(grad(y, [x, x], { retainGraph: true }))).toBe(
      '(tensor([3.]), tensor([3.]))',
    );
    expect(x.grad).toBeNull(); // grad() returns, it does not accumulate
  });

  it('In [36]: two inputs, backward then grad', () => {
    const x = tensor([1.0], { requiresGrad: true });
    const y = tensor([2.0], { requiresGrad: true });
    const z = fxy(x, y);
    backward(z, { retainGraph: true });
    expect(String(x.grad)).toBe('tensor([2.7726])');
    expect(String(y.grad)).toBe('tensor([1.5000])');
    expect(formatTuple(grad(z, [x, y], { retainGraph: true }))).toBe(
      '(tensor([2.7726]), tensor([1.5000]))',
    );
  });

  it('last cell: gradOutputs 2 scales the gradients', () => {
    const x = tensor([1.0], { requiresGrad: true });
    const y = tensor([2.0], { requiresGrad: true });
    const z = fxy(x, y);
    const dz = grad(z, [x, y], { gradOutputs: tensor([2.0]), retainGraph: true });
    expect(formatTuple(dz)).toBe('(tensor([5.5452]), tensor([3.]))');
    // exact values: 2·(2x + 2)·log y = 8 log 2, 2·(x² + 2x)/y = 3
    expect(dz[0]!.item()).toBeCloseTo(8 * Math.log(2), 14);
    expect(dz[1]!.item()).toBe(3);
  });

  it('gradients accumulate across backward calls, and zeroGrad clears them', () => {
    const x = tensor([1.0], { requiresGrad: true });
    const y = f(x);
    backward(y, { retainGraph: true });
    backward(y, { retainGraph: true });
    expect(String(x.grad)).toBe('tensor([6.])');
    x.zeroGrad();
    expect(x.grad).toBeNull();
    y.backward();
    expect(String(x.grad)).toBe('tensor([3.])');
  });

  it('gradFn and nextFunctions carry PyTorch names', () => {
    const x = tensor([1.0], { requiresGrad: true });
    const y = f(x);
    expect(y.gradFn!.name).toBe('MulBackward0');
    expect(y.gradFn!.nextFunctions.map(([n, k]) => `${n?.name ?? 'None'}:${k}`)).toEqual([
      'AddBackward0:0',
      'LogBackward0:0',
    ]);
    const pow = y.gradFn!.next[0]!.next[0]!;
    expect(pow.name).toBe('PowBackward0');
    // PyTorch 1.13: (x**2).grad_fn.next_functions == ((<AccumulateGrad>, 0), (None, 0))? no:
    // x**2 has a scalar exponent, so only x: ((<AccumulateGrad>, 0), (None, 0)) for 2*x
    expect(pow.nextFunctions.map(([n]) => n?.name ?? 'None')).toEqual(['AccumulateGrad', 'None']);
    const twoX = y.gradFn!.next[0]!.next[1]!;
    expect(twoX.name).toBe('MulBackward0');
    expect(twoX.nextFunctions.map(([n, k]) => `${n?.name ?? 'None'}:${k}`)).toEqual([
      'AccumulateGrad:0',
      'None:0',
    ]);
  });
});

describe('seed part 4: reverse mode by hand, as custom functions', () => {
  // The notebook's TIMES, ADD and LOG: a forward that keeps a cache, a backward from it.
  const TIMES = defineFunction({
    name: 'Times',
    forward: (ctx, a: Tensor, b: Tensor) => {
      ctx.saveForBackward(a, b);
      return a.mul(b);
    },
    backward: (ctx, dout) => {
      const [a, b] = ctx.savedTensors;
      return [b!.mul(dout!), a!.mul(dout!)];
    },
  });
  const ADD = defineFunction({
    name: 'Add',
    forward: (_ctx, a: Tensor, b: Tensor) => a.add(b),
    backward: (_ctx, dout) => [dout, dout],
  });
  const LOG = defineFunction({
    name: 'Log',
    forward: (ctx, a: Tensor) => {
      ctx.saveForBackward(a);
      return a.log();
    },
    backward: (ctx, dout) => dout!.div(ctx.savedTensors[0]!),
  });

  it('z = (x*x + 2*x)*log(y): dx = 2.772589, dy = 1.500000', () => {
    const x = tensor(1, { requiresGrad: true });
    const y = tensor(2, { requiresGrad: true });
    const two = tensor(2);
    const a = TIMES.apply(x, x);
    const b = TIMES.apply(two, x);
    const c = ADD.apply(a, b);
    const d = LOG.apply(y);
    const z = TIMES.apply(c, d);
    // z = (1 + 2)·log 2
    expect(String(z)).toBe('tensor(2.0794, grad_fn=<TimesBackward>)');
    z.backward();
    // the notebook's format "{:.6f}"
    expect(x.grad!.item().toFixed(6)).toBe('2.772589');
    expect(y.grad!.item().toFixed(6)).toBe('1.500000');
    // the gradient that reaches x along the two paths is summed: 2x·log y + 2·log y
    expect(x.grad!.item()).toBeCloseTo(4 * Math.log(2), 14);
  });
});
