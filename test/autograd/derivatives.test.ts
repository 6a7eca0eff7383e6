/**
 * vjp, jvp, hvp, jacobian, hessian (torch.autograd.functional): Hessians of the composite
 * functions against PyTorch's (composites.oracle.ts), Jacobians against mibun's numeric
 * module, and the products against the full matrices.
 */
import { describe, expect, it } from 'vitest';
import { jacobian as numericJacobian } from '../../src/numeric/index.js';
import {
  hessian,
  hvp,
  jacobian,
  jvp,
  stack,
  tensor,
  vjp,
  type Tensor,
} from '../../src/autograd/index.js';
import { COMPOSITES } from './composites.oracle.js';

const values = (t: Tensor) => Array.from(t.data.contiguous().data as Float64Array);

describe('jacobian and hessian', () => {
  it('jacobian of (x0·x1, sin x0, x1²) agrees with central differences', () => {
    const three = (x: Tensor) => {
      const a = x.select(0, 0);
      const b = x.select(0, 1);
      return stack([a.mul(b), a.sin(), b.pow(2)]);
    };
    const J = jacobian(three, tensor([2, 3]));
    expect(J.shape).toEqual([3, 2]);
    const numeric = numericJacobian((v) => [v[0]! * v[1]!, Math.sin(v[0]!), v[1]! ** 2], [2, 3]);
    const flat = values(J);
    numeric.flat().forEach((v, i) => expect(flat[i]).toBeCloseTo(v, 8));
  });

  for (const name of ['seed', 'mlp', 'softmax_dot', 'matvec_tanh', 'gather', 'sum_dim_keepdim']) {
    it(`hessian of ${name} matches PyTorch`, () => {
      const o = COMPOSITES[name]!;
      const FUNCTIONS: Record<string, (x: Tensor, y: Tensor) => Tensor> = {
        seed: (x, y) => x.pow(2).add(x.mul(2)).mul(y.log()).sum(),
        mlp: (x, y) => y.outer(y).matmul(x).add(y).tanh().pow(2).sum(),
        softmax_dot: (x, y) => x.softmax(0).mul(y).sum(),
        matvec_tanh: (x, y) => x.outer(y).matmul(x).tanh().sum(),
        gather: (x, y) =>
          x
            .gather(0, tensor([1, 1, 0], { dtype: 'int32' }))
            .pow(2)
            .mul(y)
            .sum(),
        sum_dim_keepdim: (x, y) => x.outer(y).sum(1, true).mul(y.outer(x)).cos().sum(),
      };
      const f = FUNCTIONS[name]!;
      const H = hessian((z) => f(z.narrow(0, 0, 3), z.narrow(0, 3, 3)), tensor([...o.x, ...o.y]));
      expect(H.shape).toEqual([6, 6]);
      const h = values(H);
      o.hessian
        .flat()
        .forEach((v, i) =>
          expect(Math.abs(h[i]! - v)).toBeLessThanOrEqual(1e-12 + 1e-10 * Math.abs(v)),
        );
    });
  }
});

describe('products', () => {
  const f = (x: Tensor) => x.sin().mul(x.select(0, 0)).add(x.exp().sum());
  const x0 = tensor([0.3, -1.1, 0.7]);

  it('vjp = vᵀJ and jvp = J·u', () => {
    const J = jacobian(f, x0);
    const u = tensor([0.5, -2, 1]);
    const v = tensor([1, 0.25, -3]);
    const [, [vj]] = vjp(f, x0, v);
    const [, ju] = jvp(f, x0, u);
    const expectedVJ = v.unsqueeze(0).matmul(J).squeeze(0);
    const expectedJU = J.matmul(u);
    values(vj!).forEach((a, i) => expect(a).toBeCloseTo(values(expectedVJ)[i]!, 13));
    values(ju).forEach((a, i) => expect(a).toBeCloseTo(values(expectedJU)[i]!, 13));
  });

  it('hvp = H·v, and the inputs are left alone', () => {
    const g = (x: Tensor) => x.pow(3).sum().mul(x.select(0, 1)).add(x.tanh().sum());
    const x = tensor([0.3, -1.1, 0.7], { requiresGrad: true });
    const v = tensor([1, 2, -1]);
    const H = hessian(g, x);
    const [, hv] = hvp(g, x, v);
    values(hv).forEach((a, i) => expect(a).toBeCloseTo(values(H.matmul(v))[i]!, 12));
    expect(x.grad).toBeNull();
  });
});
