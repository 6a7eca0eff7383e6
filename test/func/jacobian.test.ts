/**
 * Jacobians and Hessians of vector functions against PyTorch 1.13's
 * torch.autograd.functional.jacobian / hessian (torch.oracle.ts), each computed every way
 * mibun/func offers: jacrev, jacfwd, jacobian; hessian (forward over reverse), jacrev∘jacrev,
 * jacfwd∘jacfwd, and mibun/autograd's reverse-over-reverse hessian. The functions are written
 * one for one with the Python ones in oracle/torch_func.py.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hessian as autogradHessian,
  stack,
  tensor,
  type Tensor,
} from '../../src/autograd/index.js';
import { hessian, hvp, jacfwd, jacobian, jacrev, vjp, jvp } from '../../src/func/index.js';
import { HESSIANS, JACOBIANS } from './torch.oracle.js';
import { expectClose, flat, shapeOf, values } from './helpers.js';

const A = tensor([
  [0.3, -1.2, 0.5],
  [0.8, 0.1, -0.4],
  [-0.6, 0.9, 0.2],
]);
const at = (x: Tensor, i: number) => x.select(0, i);

const VECTOR_FUNCTIONS: Record<string, (x: Tensor) => Tensor> = {
  poly: (x) =>
    stack([
      at(x, 0).mul(at(x, 1)),
      at(x, 0).sin().add(at(x, 2).pow(2)),
      at(x, 1).exp().mul(at(x, 2).tanh()),
    ]),
  softmax_sigmoid: (x) => x.softmax(0).mul(x.sigmoid()),
  matrix_tanh: (x) => x.matmul(x).tanh(),
  logsumexp_affine: (x) => A.matmul(x).tanh().logsumexp(0, true).mul(x),
  wide: (x) =>
    stack([
      x.sum(),
      at(x, 0)
        .mul(at(x, 3))
        .sub(at(x, 1).mul(at(x, 2))),
    ]),
};

const SCALAR_FUNCTIONS: Record<string, (x: Tensor) => Tensor> = {
  rosenbrock: (x) => {
    const head = x.slice(':-1');
    return x.slice('1:').sub(head.pow(2)).pow(2).mul(100).add(head.rsub(1).pow(2)).sum();
  },
  norm_atan_erf_gelu: (x) => x.norm().mul(x.atan().sum()).add(x.erf().mul(x.gelu()).sum()),
  logsumexp_tanh_affine: (x) => A.matmul(x).tanh().logsumexp(0),
  matrix_sigmoid_softplus: (x) => x.matmul(x.T).sigmoid().sum().add(x.softplus().pow(2).mean()),
  seed: (x) => at(x, 0).pow(2).add(at(x, 0).mul(2)).mul(at(x, 1).log()),
};

describe('Jacobians vs torch.autograd.functional.jacobian', () => {
  for (const [name, o] of Object.entries(JACOBIANS)) {
    const f = VECTOR_FUNCTIONS[name]!;
    it(`${name}: jacrev, jacfwd and jacobian`, () => {
      const x = tensor(o.x as number[]);
      expectClose(values(f(x)), flat(o.value), 1e-14);
      for (const jac of [jacrev, jacfwd, jacobian]) {
        const j = jac(f)(x);
        expect(j.shape).toEqual(shapeOf(o.jacobian));
        expectClose(values(j), flat(o.jacobian), 1e-12);
      }
    });
  }
});

describe('Hessians vs torch.autograd.functional.hessian', () => {
  for (const [name, o] of Object.entries(HESSIANS)) {
    const f = SCALAR_FUNCTIONS[name]!;
    it(`${name}: hessian, jacrev∘jacrev, jacfwd∘jacfwd, autograd's hessian, hvp`, () => {
      const x = tensor(o.x as number[]);
      const expected = flat(o.hessian);
      expectClose(values(f(x)), [o.value], 1e-14);
      const h = hessian(f)(x);
      expect(h.shape).toEqual(shapeOf(o.hessian));
      expectClose(values(h), expected, 1e-11);
      expectClose(values(jacrev(jacrev(f))(x)), expected, 1e-11);
      expectClose(values(jacfwd(jacfwd(f))(x)), expected, 1e-11);
      expectClose(values(autogradHessian(f, x)), expected, 1e-11);
      // H·e₀ is H's first column (row, by symmetry)
      const e0 = tensor(flat(o.x).map((_, i) => (i === 0 ? 1 : 0))).reshape(x.shape);
      const [value, hv] = hvp(f, x, e0);
      expectClose([value.item() as number], [o.value], 1e-14);
      const n = x.numel();
      expectClose(
        values(hv),
        expected.filter((_, i) => i % n === 0),
        1e-11,
      );
    });
  }
});

describe('jacfwd equals jacrev, and jvp/vjp are its columns/rows', () => {
  const point = (n: number) =>
    fc.array(fc.double({ min: -1.5, max: 1.5, noNaN: true }), { minLength: n, maxLength: n });
  it('on random points, for every vector function of 3 or 4 inputs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('poly', 'softmax_sigmoid', 'logsumexp_affine', 'wide'),
        point(4),
        (name, p) => {
          const f = VECTOR_FUNCTIONS[name]!;
          const n = (JACOBIANS[name]!.x as number[]).length;
          const x = tensor(p.slice(0, n));
          const jr = jacrev(f)(x);
          const jf = jacfwd(f)(x);
          expectClose(values(jf), values(jr), 1e-12);
          // column 1 is J·e₁ (jvp); row 0 is e₀ᵀJ (vjp)
          const e1 = tensor(p.slice(0, n).map((_, i) => (i === 1 ? 1 : 0)));
          const m = jr.shape[0]!;
          expectClose(values(jvp(f, [x], [e1])[1]), values(jr.select(1, 1)), 1e-12);
          const [, vjpFn] = vjp(f, x);
          const u0 = tensor(new Array<number>(m).fill(0).map((_, i) => (i === 0 ? 1 : 0)));
          expectClose(values(vjpFn(u0)[0]!), values(jr.select(0, 0)), 1e-12);
        },
      ),
      { numRuns: 25 },
    );
  });
});
