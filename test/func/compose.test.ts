/**
 * Composition of the transforms and their options: hasAux, argnums, closures, nesting in every
 * order (checked against closed forms and against each other), results at the top level that
 * carry no history, arguments that already require grad, and random programs on which jacfwd
 * and jacrev must agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cat,
  defineFunction,
  grad as autogradGrad,
  stack,
  tensor,
  where,
  type Tensor,
} from '../../src/autograd/index.js';
import {
  grad,
  hessian,
  hvp,
  jacfwd,
  jacrev,
  jvp,
  valueAndGrad,
  vjp,
} from '../../src/func/index.js';
import { expectClose, values } from './helpers.js';

describe('options', () => {
  it('hasAux: aux passes through grad, valueAndGrad, jacrev, jacfwd and jvp untouched', () => {
    const f = (x: Tensor): [Tensor, { label: string; y: Tensor }] => {
      const y = x.pow(2);
      return [y.sum(), { label: 'squares', y }];
    };
    const x = tensor([1, 2]);
    const [g, aux] = grad(f, { hasAux: true })(x);
    expect(g.toString()).toBe('tensor([2., 4.])');
    expect(aux.label).toBe('squares');
    expect(aux.y.toString()).toBe('tensor([1., 4.])');
    const [[value, aux2], g2] = valueAndGrad(f, { hasAux: true })(x);
    expect([value.toString(), aux2.label, g2.toString()]).toEqual([
      'tensor(5.)',
      'squares',
      'tensor([2., 4.])',
    ]);
    const [j, aux3] = jacrev((t: Tensor) => [t.exp(), 7] as const, { hasAux: true })(x);
    expect(aux3).toBe(7);
    const [jf, aux4] = jacfwd((t: Tensor) => [t.exp(), t.sum()] as const, { hasAux: true })(x);
    expectClose(values(jf), values(j), 1e-15);
    expect(aux4.toString()).toBe('tensor(3.)'); // a Tensor aux comes back without its tangent
    const [out, t, aux5] = jvp((a: Tensor) => [a.sin(), a.cos()] as const, [x], [tensor([1, 1])], {
      hasAux: true,
    });
    expectClose(values(t), [Math.cos(1), Math.cos(2)], 1e-15);
    expectClose(values(aux5), [Math.cos(1), Math.cos(2)], 1e-15);
    expectClose(values(out), [Math.sin(1), Math.sin(2)], 1e-15);
  });

  it('argnums: one, several, and Jacobians per argument', () => {
    const f = (a: Tensor, b: Tensor, c: Tensor) => a.mul(b).add(c.pow(3)).sum();
    const a = tensor([1, 2]);
    const b = tensor([3, 4]);
    // c is broadcast over the two elements: ∂/∂c Σ (a·b + c³) = 2·3c² = 24
    expect(grad(f, { argnums: 2 })(a, b, 2).toString()).toBe('tensor(24.)');
    expect(grad(f, { argnums: [1, 0] })(a, b, 2).map(String)).toEqual([
      'tensor([1., 2.])',
      'tensor([3., 4.])',
    ]);
    const m = (x: Tensor, y: Tensor) => x.mul(y);
    const [jx, jy] = jacrev(m, { argnums: [0, 1] })(a, b);
    const [fx, fy] = jacfwd(m, { argnums: [0, 1] })(a, b);
    expect(jx!.toString()).toBe('tensor([[3., 0.],\n        [0., 4.]])');
    expect(jy!.toString()).toBe('tensor([[1., 0.],\n        [0., 2.]])');
    expectClose(values(fx!), values(jx!), 0);
    expectClose(values(fy!), values(jy!), 0);
    expectClose(values(hessian(f, { argnums: 2 })(a, b, 2)), [24], 1e-15); // 2·6c
  });
});

describe('nesting, in every order', () => {
  const f = (x: Tensor) => x.sin().mul(x.pow(2)).sum();
  // f = Σ x² sin x; f' = 2x sin x + x² cos x; f'' = (2 − x²) sin x + 4x cos x
  const d2 = (x: number) => (2 - x * x) * Math.sin(x) + 4 * x * Math.cos(x);
  const x = tensor([0.3, -1.2, 2]);
  const xs = [0.3, -1.2, 2];

  it('Hessian diagonal five ways', () => {
    const diag = xs.map(d2);
    const ones = tensor([1, 1, 1]);
    expectClose(values(jvp(grad(f), [x], [ones])[1]), diag, 1e-13); // forward over reverse
    expectClose(values(grad((t: Tensor) => jvp(f, [t], [ones])[1])(x)), diag, 1e-13); // reverse over forward
    expectClose(values(vjp(grad(f), x)[1](ones)[0]!), diag, 1e-13); // reverse over reverse
    expectClose(values(hvp(f, x, ones)[1]), diag, 1e-13);
    const H = hessian(f)(x);
    expectClose(values(H.sum(1)), diag, 1e-13);
    expectClose(values(jacrev(jacrev(f))(x)), values(H), 1e-13);
  });

  it('closures: an inner transform sees the outer variable as a constant with a derivative', () => {
    // d/dx [x · d/dy (x·y)]|_{y=c} = d/dx x² = 2x
    const inner = (x: Tensor) => grad((y: Tensor) => x.mul(y))(1.5);
    expect(grad((t: Tensor) => t.mul(inner(t)))(0.7).item()).toBeCloseTo(1.4, 15);
    // and with forward mode outside: d/dx [x · d/dy (x + y)] = 1 (no perturbation confusion)
    const g = (t: Tensor) => t.mul(jvp((y: Tensor) => t.add(y), [2], [1])[1]);
    expect(jvp(g, [0.7], [1])[1].item()).toBe(1);
    expect(grad(g)(0.7).item()).toBe(1);
  });

  it('grad∘grad of a two-argument function: mixed partials', () => {
    const h = (a: Tensor, b: Tensor) => a.pow(2).mul(b.exp());
    // ∂²/∂b∂a a² e^b = 2a e^b
    const dadb = grad((b: Tensor) => grad(h)(1.5, b), {})(0.4);
    expect(dadb.item()).toBeCloseTo(3 * Math.exp(0.4), 14);
  });
});

describe('results and history', () => {
  it('at the top level the results carry no history', () => {
    const x = tensor([1, 2]);
    const f = (t: Tensor) => t.exp().sum();
    expect(grad(f)(x).gradFn).toBeNull();
    const [v, g] = valueAndGrad(f)(x);
    expect([v.gradFn, g.gradFn, v.requiresGrad]).toEqual([null, null, false]);
    expect(jacrev((t: Tensor) => t.exp())(x).gradFn).toBeNull();
    expect(hessian(f)(x).gradFn).toBeNull();
    expect(jvp(grad(f), [x], [x])[1].gradFn).toBeNull();
  });

  it('an argument that requires grad gives differentiable results (mixing with mibun/autograd)', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const g = grad((t: Tensor) => t.pow(3).sum())(w); // 3w²
    expect(g.requiresGrad).toBe(true);
    const [gg] = autogradGrad(g.sum(), w); // 6w
    expect(gg!.toString()).toBe('tensor([ 6., 12.])');
    expect(w.grad).toBeNull(); // the transform never touches .grad
  });

  it('the argument f receives is its own tensor: an alias of one that requires grad', () => {
    const w = tensor([2.0], { requiresGrad: true });
    let seen: Tensor | null = null;
    const g = grad((t: Tensor) => {
      seen = t;
      return t.mul(t).sum();
    })(w);
    expect(seen).not.toBe(w);
    expect(seen!.gradFn?.name).toBe('AliasBackward0'); // PyTorch's name for alias()
    expect(seen!.data.data).toBe(w.data.data); // no copy
    const [gg] = autogradGrad(g.sum(), w); // d(2w)/dw
    expect(gg!.item()).toBe(2);
  });

  it('a number argument is a 0-d float64 tensor that reads and writes like any other', () => {
    const f = (t: Tensor) => {
      expect([t.shape, t.dtype, t.item()]).toEqual([[], 'float64', 3]);
      expect(t.data.toArray()).toBe(3);
      return t.mul(t).mul(t);
    };
    expect(grad(f)(3).item()).toBe(27);
    const [v, g] = valueAndGrad((a: Tensor, b: Tensor) => a.mul(b), { argnums: [0, 1] })(3, 5);
    expect([v.item(), g[0]!.item(), g[1]!.item()]).toEqual([15, 5, 3]);
    expect(grad(grad(f))(3).toString()).toBe('tensor(18.)');
  });
});

describe('random programs: jacfwd = jacrev = vjp rows = jvp columns', () => {
  /** index [n-1, 0, 0, …]: the last element, then the first repeated */
  const lastThenFirst = (n: number) =>
    tensor([n - 1, ...new Array<number>(n - 1).fill(0)], { dtype: 'int32' });
  const OPS: ((x: Tensor) => Tensor)[] = [
    (x) => x.sin(),
    (x) => x.mul(x).tanh(),
    (x) => x.exp().add(1).log(),
    (x) => x.softmax(0).mul(3),
    (x) => cat([x.narrow(0, 1, x.shape[0]! - 1), x.narrow(0, 0, 1).mul(2)]),
    (x) => stack([x, x.cos()]).sum(0),
    (x) => where(x.gt(0), x.pow(2), x.sigmoid()),
    (x) => x.clamp(-0.8, 0.8).add(x.mul(0.1)),
    (x) => x.sub(x.mean()),
    (x) => x.unsqueeze(1).matmul(x.unsqueeze(0)).sum(1).div(4),
    (x) => x.gather(0, lastThenFirst(x.shape[0]!)).mul(x),
    (x) => x.abs().add(0.5).sqrt(),
    (x) => x.maximum(x.mul(-0.5)),
    (x) => x.logsumexp(0, true).expand(x.shape).mul(x),
  ];

  it('chains of four random ops on random points', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: OPS.length - 1 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.double({ min: -1.5, max: 1.5, noNaN: true }), { minLength: 2, maxLength: 4 }),
        (program, point) => {
          const f = (x: Tensor) => program.reduce((t, k) => OPS[k]!(t), x);
          const x = tensor(point);
          const jr = jacrev(f)(x);
          const jf = jacfwd(f)(x);
          expectClose(values(jf), values(jr), 1e-11);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('custom functions', () => {
  const Cube = defineFunction({
    name: 'Cube',
    forward: (ctx, x: Tensor) => {
      ctx.saveForBackward(x);
      return x.pow(3);
    },
    backward: (ctx, g) => g!.mul(ctx.savedTensors[0]!.pow(2).mul(3)),
  });
  const f = (x: Tensor) => Cube.apply(x).sum();

  it('without a jvp: jvp/jacfwd fail clearly, hessian and hvp fall back to reverse over reverse', () => {
    const x = tensor([1, 2]);
    expect(() => jvp(f, [x], [x])).toThrow(/custom function Cube .* defines no jvp/);
    expect(hessian(f)(x).toString()).toBe('tensor([[ 6.,  0.],\n        [ 0., 12.]])');
    const [value, hv] = hvp(f, x, tensor([1, 1]));
    expect([value.toString(), hv.toString()]).toEqual(['tensor(9.)', 'tensor([ 6., 12.])']);
  });

  it('with a jvp: forward mode runs through it', () => {
    const CubeJvp = defineFunction({
      name: 'CubeJvp',
      forward: (ctx, x: Tensor) => {
        ctx.saveForBackward(x);
        return x.pow(3);
      },
      backward: (ctx, g) => g!.mul(ctx.savedTensors[0]!.pow(2).mul(3)),
      jvp: (ctx, t) => t!.mul(ctx.savedTensors[0]!.pow(2).mul(3)),
    });
    expect(jacfwd((x: Tensor) => CubeJvp.apply(x))(tensor([1, 2])).toString()).toBe(
      'tensor([[ 3.,  0.],\n        [ 0., 12.]])',
    );
  });
});
