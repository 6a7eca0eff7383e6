/**
 * The seed's two-variable function f(x, y) = (x² + 2x)·log y through every transform of
 * mibun/func: each must give ∇f(1, 2) = [2.7726, 1.5000] (the notebook's printed values; the
 * exact gradient is [4 log 2, 3/2] = [2.772588722239781, 1.5]).
 */
import { describe, expect, it } from 'vitest';
import { tensor, type Tensor } from '../../src/autograd/index.js';
import {
  grad,
  hessian,
  hvp,
  jacfwd,
  jacobian,
  jacrev,
  jvp,
  valueAndGrad,
  vjp,
} from '../../src/func/index.js';
import { expectClose, values } from './helpers.js';

// SymPy 1.11.1: diff((x**2 + 2*x)*log(y), x), diff(…, y) at (1, 2): 4*log(2), 3/2
const GRAD = [4 * Math.LN2, 1.5];
const VALUE = 3 * Math.LN2;
const f = (x: Tensor, y: Tensor): Tensor => x.pow(2).add(x.mul(2)).mul(y.log());
/** f of one vector argument p = [x, y] */
const fv = (p: Tensor): Tensor => f(p.select(0, 0), p.select(0, 1));
const P = (): Tensor => tensor([1, 2]);

describe('the seed function through every transform', () => {
  it('grad, with argnums [0, 1] and one at a time; numbers or tensors', () => {
    const [gx, gy] = grad(f, { argnums: [0, 1] })(1, 2);
    expectClose([gx!.item() as number, gy!.item() as number], GRAD, 1e-15);
    expect(grad(f)(1, 2).toString()).toBe('tensor(2.7726)');
    expect(grad(f, { argnums: 1 })(tensor([1.0]), tensor([2.0])).toString()).toBe(
      'tensor([1.5000])',
    );
    expectClose(values(grad(fv)(P())), GRAD, 1e-15);
  });

  it('valueAndGrad', () => {
    const [value, g] = valueAndGrad(fv)(P());
    expectClose([value.item() as number], [VALUE], 1e-15);
    expect(g.toString()).toBe('tensor([2.7726, 1.5000])');
  });

  it("vjp: vjpFn(1) is the gradient, vjpFn(2) twice it (the seed's grad_outputs)", () => {
    const [out, vjpFn] = vjp(f, 1, 2);
    expectClose([out.item() as number], [VALUE], 1e-15);
    expectClose(
      vjpFn(1).map((t) => t.item() as number),
      GRAD,
      1e-15,
    );
    // the seed's grad(z, [x, y], grad_outputs=2) printed (tensor([5.5452]), tensor([3.]))
    expect(vjpFn(2).map(String)).toEqual(['tensor(5.5452)', 'tensor(3.)']);
  });

  it('jvp along each axis gives one partial (true forward mode)', () => {
    const [o1, dx] = jvp(f, [1, 2], [1, 0]);
    const [, dy] = jvp(f, [1, 2], [0, 1]);
    expectClose(
      [o1.item() as number, dx.item() as number, dy.item() as number],
      [VALUE, ...GRAD],
      1e-15,
    );
    const [, dp] = jvp(fv, [P()], [tensor([1, 1])]);
    expectClose([dp.item() as number], [GRAD[0]! + GRAD[1]!], 1e-15);
  });

  it('jacrev, jacfwd and jacobian of the one-output function', () => {
    for (const jac of [jacrev, jacfwd, jacobian]) {
      const j = jac(fv)(P());
      expect(j.shape).toEqual([2]);
      expect(j.toString()).toBe('tensor([2.7726, 1.5000])');
      expectClose(values(j), GRAD, 1e-15);
    }
  });

  it('hessian and hvp: the second derivatives behind the same gradient', () => {
    // SymPy 1.11.1: hessian((x**2 + 2*x)*log(y), (x, y)) at (1, 2): [[2 log 2, 2], [2, -3/4]]
    const H = [2 * Math.LN2, 2, 2, -0.75];
    expectClose(values(hessian(fv)(P())), H, 1e-14);
    const [value, hv] = hvp(fv, P(), tensor([1, 0]));
    expectClose([value.item() as number], [VALUE], 1e-15);
    expectClose(values(hv), [H[0]!, H[2]!], 1e-14);
  });
});
