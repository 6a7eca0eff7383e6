/**
 * The engine's semantics, PyTorch's (expected values and messages from Debian's python3-torch
 * 1.13 where noted): errors, freed graphs, grad mode, hooks, retainGrad, version counters,
 * in-place rebasing, anomaly mode, higher derivatives, deep graphs.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AnomalyError,
  Function,
  GraphError,
  VersionError,
  backward,
  defineFunction,
  detectAnomaly,
  enableGrad,
  grad,
  isGradEnabled,
  noGrad,
  ones,
  setNonLeafGradWarning,
  tensor,
  zeros,
  type FunctionCtx,
  type Tensor,
} from '../../src/autograd/index.js';

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('errors, with PyTorch messages and a fix', () => {
  it('a second backward through freed saved values', () => {
    const x = tensor([1.0], { requiresGrad: true });
    const y = x.mul(x);
    y.backward();
    const e = thrown(() => y.backward());
    expect(e).toBeInstanceOf(GraphError);
    expect((e as GraphError).reason).toBe('freed');
    expect(e.message).toMatch(/^Trying to backward through the graph a second time/);
    expect(e.message).toMatch(/retainGraph: true/);
  });

  it('a node that saved nothing can run twice, as in PyTorch 1.13', () => {
    // PyTorch: x*2, x.pow(2), x/2 fail the second time (they save a value); x+2 and -x do not
    const cases: [(x: Tensor) => Tensor, boolean][] = [
      [(x) => x.mul(2), false],
      [(x) => x.add(2), true],
      [(x) => x.neg(), true],
      [(x) => x.pow(2), false],
      [(x) => x.div(2), false],
    ];
    for (const [f, twice] of cases) {
      const x = tensor([1.0], { requiresGrad: true });
      const y = f(x);
      y.backward();
      if (twice) y.backward();
      else expect(() => y.backward()).toThrow(/second time/);
    }
  });

  it('a non-scalar output without a gradient', () => {
    const x = tensor([1.0, 2.0], { requiresGrad: true });
    const y = x.mul(2);
    // PyTorch 1.13: print(x*2) -> tensor([2., 4.], grad_fn=<MulBackward0>)
    expect(String(y)).toBe('tensor([2., 4.], grad_fn=<MulBackward0>)');
    const e = thrown(() => y.backward());
    expect((e as GraphError).reason).toBe('non-scalar');
    expect(e.message).toMatch(/^grad can be implicitly created only for scalar outputs/);
    expect(e.message).toMatch(/Fix: pass a gradient/);
    y.backward(ones(2));
    expect(String(x.grad)).toBe('tensor([2., 2.])');
  });

  it('an output that does not require grad', () => {
    const e = thrown(() => tensor([1.0]).mul(2).backward());
    expect(e.message).toMatch(
      /^element 0 of tensors does not require grad and does not have a grad_fn/,
    );
  });

  it('a gradient of the wrong shape', () => {
    const x = tensor([1.0, 2.0], { requiresGrad: true });
    const e = thrown(() => backward(x.mul(2), ones(3)));
    expect(e.message).toMatch(
      /^Mismatch in shape: grad_output\[0\] has a shape of \[3\] and output\[0\] has a shape of \[2\]/,
    );
  });

  it('grad() of an unused input: error, null with allowUnused, zeros with materializeGrads', () => {
    const x = tensor([1.0], { requiresGrad: true });
    const z = tensor([3.0], { requiresGrad: true });
    const y = x.mul(2);
    const e = thrown(() => grad(y, [x, z], { retainGraph: true }));
    expect(e.message).toMatch(
      /^One of the differentiated Tensors appears to not have been used in the graph/,
    );
    expect(e.message).toMatch(/allowUnused: true/);
    const [gx, gz] = grad(y, [x, z], { allowUnused: true, retainGraph: true });
    expect(String(gx)).toBe('tensor([2.])');
    expect(gz).toBeNull();
    expect(String(grad(y, [z], { materializeGrads: true })[0])).toBe('tensor([0.])');
  });

  it('requiresGrad on an integer tensor, and on a non-leaf', () => {
    expect(thrown(() => tensor([1, 2], { dtype: 'int32', requiresGrad: true })).message).toMatch(
      /^only Tensors of floating point dtype can require gradients/,
    );
    const y = tensor([1.0], { requiresGrad: true }).mul(2);
    expect(thrown(() => y.requiresGrad_(false)).message).toMatch(
      /^you can only change requires_grad flags of leaf variables/,
    );
  });
});

describe('leaves, grads and printing', () => {
  afterEach(() => setNonLeafGradWarning(true));

  it('requiresGrad_ and isLeaf', () => {
    const x = tensor([1.0, 2.0]);
    expect(x.requiresGrad).toBe(false);
    expect(x.requiresGrad_()).toBe(x);
    expect(x.isLeaf).toBe(true);
    const y = x.exp();
    expect(y.isLeaf).toBe(false);
    expect(y.requiresGrad).toBe(true);
    expect(tensor([1.0]).exp().isLeaf).toBe(true); // no grad: a leaf by convention, as PyTorch
  });

  it("reading a non-leaf's .grad warns once with PyTorch's text; silenceable", () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const y = tensor([1.0], { requiresGrad: true }).mul(2);
    setNonLeafGradWarning(true);
    expect(y.grad).toBeNull();
    expect(y.grad).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(
      /The \.grad attribute of a Tensor that is not a leaf Tensor is being accessed\. Its \.grad attribute won't be populated during autograd\.backward\(\)/,
    );
    setNonLeafGradWarning(false);
    setNonLeafGradWarning(true); // re-armed
    setNonLeafGradWarning(false);
    expect(y.grad).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('retainGrad keeps and accumulates a non-leaf gradient (PyTorch 1.13: z.grad 12, x.grad 36)', () => {
    const x = tensor([1.0], { requiresGrad: true });
    const z = x.mul(3);
    z.retainGrad();
    const w = z.mul(z);
    w.backward({ retainGraph: true });
    w.backward();
    expect(String(z.grad)).toBe('tensor([12.])');
    expect(String(x.grad)).toBe('tensor([36.])');
  });

  it('grad = null and assignment', () => {
    const x = tensor([1.0, 2.0], { requiresGrad: true });
    x.sum().backward();
    x.grad = null;
    expect(x.grad).toBeNull();
    expect(() => {
      x.grad = ones(3);
    }).toThrow(/shape/);
  });

  it('backward(inputs) accumulates only into those', () => {
    const x = tensor([1.0], { requiresGrad: true });
    const y = tensor([2.0], { requiresGrad: true });
    backward(x.mul(y), { inputs: [y] });
    expect(x.grad).toBeNull();
    expect(String(y.grad)).toBe('tensor([1.])');
  });

  it('several outputs with their gradients', () => {
    const x = tensor([1.0, 2.0], { requiresGrad: true });
    backward([x.mul(2), x.pow(2)], [tensor([1.0, 1.0]), tensor([0.5, 0.5])]);
    expect(String(x.grad)).toBe('tensor([3., 4.])');
  });
});

describe('grad mode', () => {
  it('noGrad records nothing; enableGrad inside it records again', () => {
    const x = tensor([1.0], { requiresGrad: true });
    const y = noGrad(() => {
      expect(isGradEnabled()).toBe(false);
      const inner = enableGrad(() => x.mul(2));
      expect(inner.gradFn?.name).toBe('MulBackward0');
      return x.mul(2);
    });
    expect(isGradEnabled()).toBe(true);
    expect(y.requiresGrad).toBe(false);
    expect(y.gradFn).toBeNull();
  });

  it('noGrad restores the mode when fn throws', () => {
    expect(() =>
      noGrad(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(isGradEnabled()).toBe(true);
  });

  it('detach shares memory and cuts history', () => {
    const x = tensor([1.0, 2.0], { requiresGrad: true });
    const y = x.mul(2);
    const d = y.detach();
    expect(d.requiresGrad).toBe(false);
    expect(d.data.storage).toBe(y.data.storage);
    const z = d.mul(x).sum();
    z.backward();
    expect(String(x.grad)).toBe('tensor([2., 4.])');
  });
});

describe('hooks', () => {
  it('a leaf hook sees and may replace the gradient before it accumulates', () => {
    const x = tensor([1.0, 2.0], { requiresGrad: true });
    const seen: string[] = [];
    const h = x.registerHook((g) => {
      seen.push(String(g));
      return g.mul(10);
    });
    x.mul(3).sum().backward();
    expect(seen).toEqual(['tensor([3., 3.])']);
    expect(String(x.grad)).toBe('tensor([30., 30.])');
    h.remove();
    x.grad = null;
    x.mul(3).sum().backward();
    expect(String(x.grad)).toBe('tensor([3., 3.])');
  });

  it('a non-leaf hook changes what flows on', () => {
    const x = tensor([2.0], { requiresGrad: true });
    const y = x.mul(x);
    y.registerHook((g) => g.mul(0.5));
    y.mul(4).backward();
    // dy = 4 halved = 2, dx = 2·2x = 8
    expect(String(x.grad)).toBe('tensor([8.])');
  });
});

describe('version counters', () => {
  it('an in-place change of a saved value is caught (PyTorch: ExpBackward0 saved its output)', () => {
    const w = tensor([1.0, 2.0], { requiresGrad: true });
    const z = w.exp();
    z.mul_(2);
    const e = thrown(() => z.sum().backward());
    expect(e).toBeInstanceOf(VersionError);
    expect(e.message).toMatch(
      /^one of the variables needed for gradient computation has been modified by an inplace operation: \[float64 tensor of shape \[2\]\], which is saved by ExpBackward0, is at version 1; expected version 0 instead/,
    );
    const v = e as VersionError;
    expect([v.savedVersion, v.currentVersion]).toEqual([0, 1]);
  });

  it('an unused saved value may change (MulBackward0 by a constant does not save its output)', () => {
    const w = tensor([1.0, 2.0], { requiresGrad: true });
    const z = w.mul(2);
    z.add_(1); // rebases z's history onto AddBackward0, as PyTorch
    expect(String(z)).toBe('tensor([3., 5.], grad_fn=<AddBackward0>)');
    z.sum().backward();
    expect(String(w.grad)).toBe('tensor([2., 2.])');
  });

  it('an in-place op on a leaf that requires grad fails; under noGrad it is an update', () => {
    const w = tensor([1.0, 2.0], { requiresGrad: true });
    expect(thrown(() => w.add_(1)).message).toMatch(
      /^a leaf Variable that requires grad is being used in an in-place operation/,
    );
    noGrad(() => w.sub_(tensor([0.5, 0.5])));
    expect(String(w)).toBe('tensor([0.5000, 1.5000], requires_grad=True)');
  });

  it('a.mul_(w) records w with a snapshot of a (PyTorch 1.13: w.grad = 2)', () => {
    const w = tensor([3.0], { requiresGrad: true });
    const a = tensor([2.0]);
    a.mul_(w);
    expect(String(a)).toBe('tensor([6.], grad_fn=<MulBackward0>)');
    a.sum().backward();
    expect(String(w.grad)).toBe('tensor([2.])');
  });

  it('y.mul_(y) on a non-leaf cannot be differentiated (its saved input changed)', () => {
    const x = tensor([2.0], { requiresGrad: true });
    const y = x.mul(1);
    y.mul_(y);
    expect(thrown(() => y.backward())).toBeInstanceOf(VersionError);
  });
});

describe('anomaly mode', () => {
  it("names the op that first returned NaN (PyTorch: Function 'SqrtBackward0' returned nan values in its 0th output.)", () => {
    const x = tensor([0.0], { requiresGrad: true });
    const e = thrown(() => detectAnomaly(() => x.sqrt().mul(0).backward()));
    expect(e).toBeInstanceOf(AnomalyError);
    expect((e as AnomalyError).op).toBe('SqrtBackward0');
    expect(e.message).toMatch(/^Function 'SqrtBackward0' returned nan values in its 0th output\./);
    expect((e as AnomalyError).forwardTrace).toMatch(/engine\.test\.ts/);
    // without anomaly mode the NaN simply arrives
    x.sqrt().mul(0).backward();
    expect(String(x.grad)).toBe('tensor([nan])');
  });
});

describe('higher derivatives through createGraph', () => {
  // PyTorch 1.13, float64, at 0.5: (f', f'', f''')
  const cases: [string, (t: Tensor) => Tensor, number, number, number][] = [
    ['tanh', (t) => t.tanh(), 0.7864477329659274, -0.7268619813835873, -0.5652092882597705],
    ['exp', (t) => t.exp(), 1.6487212707001282, 1.6487212707001282, 1.6487212707001282],
    ['sigmoid', (t) => t.sigmoid(), 0.2350037122015945, -0.05755679485232075, -0.09635675628958461],
    ['sin', (t) => t.sin(), 0.8775825618903728, -0.479425538604203, -0.8775825618903728],
    ['log', (t) => t.log(), 2.0, -4.0, 16.0],
    ['gelu', (t) => t.gelu(), 0.8674951246561629, 0.6161143218375241, -0.6601224876830616],
    ['softplus', (t) => t.softplus(), 0.6224593312018546, 0.2350037122015945, -0.05755679485232075],
    ['erf', (t) => t.erf(), 0.8787825789354448, -0.8787825789354448, -0.8787825789354448],
  ];
  for (const [name, f, d1, d2, d3] of cases) {
    it(`${name}: first, second and third derivatives (TF.js fails the second of tanh, exp, sigmoid)`, () => {
      const t = tensor(0.5, { requiresGrad: true });
      const [g] = grad(f(t), t, { createGraph: true });
      const [h] = grad(g!, t, { createGraph: true });
      const [k] = grad(h!, t);
      expect(g!.item()).toBeCloseTo(d1, 14);
      expect(h!.item()).toBeCloseTo(d2, 14);
      expect(k!.item()).toBeCloseTo(d3, 13);
    });
  }

  it('x.grad has a gradFn after backward with createGraph', () => {
    const x = tensor([1.5], { requiresGrad: true });
    x.pow(3).backward({ createGraph: true });
    expect(String(x.grad)).toBe('tensor([6.7500], grad_fn=<MulBackward0>)');
    const [h] = grad(x.grad!, x);
    expect(h!.item()).toBeCloseTo(9, 14); // d²(x³) = 6x
  });

  it('a custom function whose backward uses tensor ops differentiates twice', () => {
    class Cube extends Function {
      static forward(ctx: FunctionCtx, x: Tensor): Tensor {
        ctx.saveForBackward(x);
        return x.pow(3);
      }
      static backward(ctx: FunctionCtx, g: Tensor): Tensor {
        const [x] = ctx.savedTensors;
        return g.mul(x!.pow(2).mul(3));
      }
    }
    const x = tensor(2.0, { requiresGrad: true });
    const y = Cube.apply(x);
    expect(y.gradFn!.name).toBe('CubeBackward');
    const [g] = grad(y, x, { createGraph: true });
    const [h] = grad(g!, x);
    expect(g!.item()).toBe(12);
    expect(h!.item()).toBe(12);
  });
});

describe('custom functions', () => {
  it('wrong number of gradients, wrong shape', () => {
    const Two = defineFunction({
      name: 'Two',
      forward: (_ctx, a: Tensor, b: Tensor) => a.add(b),
      backward: (_ctx, g) => [g],
    });
    const a = tensor([1.0], { requiresGrad: true });
    expect(thrown(() => Two.apply(a, tensor([2.0])).backward()).message).toMatch(
      /returned an incorrect number of gradients \(expected 2, got 1\)/,
    );
    const Shape = defineFunction({
      name: 'Shape',
      forward: (_ctx, x: Tensor) => x.mul(2),
      backward: () => zeros(3),
    });
    expect(
      thrown(() =>
        Shape.apply(tensor([1.0, 2.0], { requiresGrad: true }))
          .sum()
          .backward(),
      ).message,
    ).toMatch(
      /returned an invalid gradient at index 0 - got \[3\] but expected shape compatible with \[2\]/,
    );
  });

  it('several outputs; an unused one gets zeros; ctx carries other values', () => {
    const Split = defineFunction({
      name: 'Split',
      forward: (ctx, x: Tensor) => {
        ctx.scale = 3;
        return [x.mul(2), x.mul(3)];
      },
      backward: (ctx, ga, gb) => ga!.mul(2).add(gb!.mul(ctx.scale as number)),
    });
    const x = tensor([1.0, 1.0], { requiresGrad: true });
    const [a, b] = Split.apply(x);
    expect(a!.gradFn).toBe(b!.gradFn);
    expect(b!.outputNr).toBe(1);
    b!.sum().backward();
    expect(String(x.grad)).toBe('tensor([3., 3.])');
  });
});

describe('deep graphs', () => {
  it('a chain of 1,000,000 ops does not overflow the stack', () => {
    const x = tensor(0.5, { requiresGrad: true });
    let z = x;
    for (let k = 0; k < 1_000_000; k++) z = z.add(1e-6);
    const [g] = grad(z, x);
    expect(g!.item()).toBe(1);
    expect(z.item()).toBeCloseTo(1.5, 9);
  });

  it('a wide fan-in sums every path (the seed’s dx += …)', () => {
    const x = tensor(1.5, { requiresGrad: true });
    let s = x.mul(0);
    for (let k = 0; k < 1000; k++) s = s.add(x.mul(k));
    s.backward();
    expect(x.grad!.item()).toBe((999 * 1000) / 2);
  });
});

describe('.grad tensors do not alias', () => {
  it('d(a + b) passes one gradient to both leaves; zeroing one .grad in place leaves the other', () => {
    const a = tensor([1.0, 2.0], { requiresGrad: true });
    const b = tensor([3.0, 4.0], { requiresGrad: true });
    const g = tensor([1.0, 1.0]);
    backward(a.add(b), g);
    a.grad!.zero_();
    expect(String(b.grad)).toBe('tensor([1., 1.])');
    expect(String(g)).toBe('tensor([1., 1.])');
  });
});

describe('roots and targets', () => {
  it('grad(y, y) is the seed gradient; a non-leaf input in the middle of the graph', () => {
    const x = tensor([2.0], { requiresGrad: true });
    const y = x.mul(x);
    expect(String(grad(y, y, { retainGraph: true })[0])).toBe('tensor([1.])');
    const z = y.mul(3);
    const [gy, gx] = grad(z, [y, x]);
    expect(String(gy)).toBe('tensor([3.])');
    expect(String(gx)).toBe('tensor([12.])');
  });

  it('a diamond: every path to each target is marked (PyTorch 1.13, float64)', () => {
    const x = tensor([0.7], { requiresGrad: true });
    const a = x.sin();
    const b = a.mul(2);
    const d = b.mul(a.exp()); // 2 sin(x) e^(sin x): a reaches d along two paths
    const [ga, gx, gb] = grad(d, [a, x, b]);
    // torch.autograd.grad(d, [a, x, b])
    expect(ga!.item()).toBeCloseTo(6.262813774243094, 14);
    expect(gx!.item()).toBeCloseTo(4.790064185647511, 14);
    expect(gb!.item()).toBeCloseTo(1.9044965343867302, 14);
  });

  it('the same input twice, and both outputs of one node as inputs', () => {
    const Split = defineFunction({
      name: 'Split',
      forward: (_ctx, x: Tensor) => [x.mul(2), x.mul(3)],
      backward: (_ctx, ga, gb) => ga!.mul(2).add(gb!.mul(3)),
    });
    const x = tensor([1.0], { requiresGrad: true });
    const [a, b] = Split.apply(x);
    const z = a!.mul(2).add(b!.mul(5));
    // dz/da = 2, dz/db = 5, dz/dx = 2·2 + 5·3 = 19
    const gs = grad(z, [a!, x, b!, x, a!]);
    expect(gs.map((g) => g.item())).toEqual([2, 19, 5, 19, 2]);
  });

  it('a target the outputs do not reach leaves no mark on it for later passes', () => {
    const x = tensor([2.0], { requiresGrad: true });
    const w = tensor([3.0], { requiresGrad: true });
    const v = w.mul(4); // a non-leaf target, unreached too
    expect(grad(x.mul(x), [x, w, v], { allowUnused: true }).map((g) => g?.item() ?? null)).toEqual([
      4,
      null,
      null,
    ]);
    expect(grad(v.mul(w), [w, v]).map((g) => g.item())).toEqual([24, 3]);
    w.mul(5).backward();
    expect(w.grad!.item()).toBe(5);
  });

  it('branches that lead to no target do not run', () => {
    let runs = 0;
    const Counted = defineFunction({
      name: 'Counted',
      forward: (_ctx, t: Tensor) => t.mul(1),
      backward: (_ctx, g) => {
        runs++;
        return g!;
      },
    });
    const x = tensor([2.0], { requiresGrad: true });
    const y = tensor([3.0], { requiresGrad: true });
    const f = x.mul(y).add(Counted.apply(y.exp()) as Tensor);
    expect(grad(f, [x], { retainGraph: true })[0]!.item()).toBe(3);
    expect(runs).toBe(0);
    expect(grad(f, [y])[0]!.item()).toBeCloseTo(2 + Math.exp(3), 12);
    expect(runs).toBe(1);
  });

  it('backward from a leaf accumulates into itself', () => {
    const x = tensor([2.0], { requiresGrad: true });
    x.backward();
    expect(String(x.grad)).toBe('tensor([1.])');
  });
});
