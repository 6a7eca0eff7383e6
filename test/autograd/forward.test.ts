/**
 * Forward-mode AD (`dualLevel`, `makeDual`, `unpackDual`): PyTorch's torch.autograd.forward_ad
 * semantics and messages, nested levels, forward over reverse and reverse over forward,
 * in-place ops, custom functions with a jvp, and the number-level `Dual`.
 */
import { describe, expect, it } from 'vitest';
import {
  BINARY,
  BINARY_NUMBER,
  BINARY_OPS,
  NUMBER_ALGEBRA,
  UNARY,
  UNARY_NUMBER,
  UNARY_OPS,
  type UnaryOp,
} from '../../src/rules/index.js';
import {
  Dual,
  GraphError,
  defineFunction,
  derivative,
  dual,
  dualLevel,
  enterDualLevel,
  exitDualLevel,
  grad,
  makeDual,
  noGrad,
  tensor,
  unpackDual,
  valueAndDerivative,
  type Tensor,
} from '../../src/autograd/index.js';

const list = (t: Tensor | null) => [t!.toArray()].flat(3) as number[];

function closeTo(actual: readonly number[], expected: readonly number[], rtol = 1e-14): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) =>
    expect(Math.abs(a - expected[i]!)).toBeLessThanOrEqual(
      rtol * Math.max(1, Math.abs(expected[i]!)),
    ),
  );
}

describe('dualLevel, makeDual, unpackDual', () => {
  it('the seed function: one forward pass gives f and ∂f along the tangent', () => {
    dualLevel(() => {
      const x = makeDual(tensor([1, 2]), tensor([1, 0]));
      const y = x.pow(2).add(x.mul(2)).mul(x.log());
      // PyTorch 1.13: unpack_dual((x**2 + 2*x)*log(x)).tangent → tensor([3., 0.])
      expect(unpackDual(y).tangent!.toString()).toBe('tensor([3., 0.])');
      expect(unpackDual(y).primal.toString()).toBe('tensor([0.0000, 5.5452])');
    });
  });

  it('a dual tensor prints its tangent, as PyTorch does', () => {
    dualLevel(() => {
      const x = makeDual(tensor([1, 2]), tensor([1, 0]));
      // PyTorch 1.13: repr(make_dual(…)), repr(x.sin())
      expect(x.toString()).toBe('tensor([1., 2.], tangent=tensor([1., 0.]))');
      expect(x.sin().toString()).toBe(
        'tensor([0.8415, 0.9093], tangent=tensor([0.5403, -0.0000]))',
      );
      const w = tensor(0.5, { requiresGrad: true });
      // PyTorch 1.13: tensor(1.6487, grad_fn=<ExpBackward0>, tangent=1.6487212707001282)
      expect(makeDual(w, tensor(1)).exp().toString()).toBe(
        'tensor(1.6487, grad_fn=<ExpBackward0>, tangent=1.6487212707001282)',
      );
    });
  });

  it('prints as PyTorch does when the primal requires grad (the tangent is recorded too)', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    dualLevel(() => {
      const y = makeDual(w, tensor([1, 0])).sin();
      const { primal, tangent } = unpackDual(y);
      // PyTorch 1.13: primal=tensor([0.8415, 0.9093], …), tangent=tensor([0.5403, -0.0000], grad_fn=<MulBackward0>)
      expect(primal.toString()).toBe('tensor([0.8415, 0.9093], grad_fn=<SinBackward0>)');
      expect(tangent!.toString()).toBe('tensor([0.5403, -0.0000], grad_fn=<MulBackward0>)');
    });
  });

  it('softmax and matmul tangents match PyTorch', () => {
    dualLevel(() => {
      const x = makeDual(tensor([1, 2]), tensor([1, 0]));
      // PyTorch 1.13: unpack_dual(torch.softmax(x, 0)).tangent
      closeTo(list(unpackDual(x.softmax(0)).tangent), [0.19661193324148188, -0.19661193324148185]);
      const m = makeDual(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        tensor([
          [0.5, -1],
          [2, 0.25],
        ]),
      );
      // PyTorch 1.13: unpack_dual(m @ m).tangent (the product rule ṁm + mṁ)
      closeTo(list(unpackDual(m.matmul(m)).tangent), [2, -3.5, 12.25, 3]);
    });
  });

  it('errors name the problem as PyTorch does, and the fix', () => {
    expect(() => makeDual(tensor([1]), tensor([1]))).toThrow(
      /no level exists.*Fix: call it inside dualLevel/,
    );
    dualLevel(() => {
      expect(() => makeDual(tensor([1, 2]), tensor([1, 2, 3]))).toThrow(
        /Tensor is of size \[2\] while the given forward gradient is of size \[3\]/,
      );
      const x = makeDual(tensor([1]), tensor([1]));
      expect(() => makeDual(x, tensor([1]))).toThrow(
        /already has a forward gradient at the same level/,
      );
      expect(() => makeDual(tensor([1], { dtype: 'int32' }), tensor([1]))).toThrow(GraphError);
    });
  });

  it('no tangent: unpackDual gives null; detach drops the tangent, noGrad keeps it', () => {
    dualLevel(() => {
      expect(unpackDual(tensor([1])).tangent).toBeNull();
      const x = makeDual(tensor([1, 2]), tensor([1, 1]));
      expect(unpackDual(x.detach()).tangent).toBeNull(); // PyTorch: detach() drops it too
      // PyTorch: forward AD ignores no_grad; exp's tangent is e^x · ẋ
      closeTo(list(unpackDual(noGrad(() => x.exp())).tangent), [Math.E, Math.exp(2)]);
      // ops on tensors with and without tangents: the missing one is zero
      closeTo(list(unpackDual(x.mul(tensor([3, 4]))).tangent), [3, 4]);
    });
  });

  it('a tangent outlives no level: after exit it is ignored', () => {
    const level = enterDualLevel();
    const x = makeDual(tensor([1, 2]), tensor([1, 1]));
    exitDualLevel(level);
    const y = x.mul(2);
    expect(unpackDual(y).tangent).toBeNull();
    expect(unpackDual(y, level).tangent).toBeNull();
  });

  it('nested levels are independent directions (no perturbation confusion)', () => {
    // d/dx [x · d/dy (x + y)] = d/dx [x · 1] = 1 (the classic confusion would give 2)
    const x0 = tensor(0.5);
    const outer = dualLevel((lx) => {
      const x = makeDual(x0, tensor(1));
      const inner = dualLevel((ly) => {
        const y = makeDual(tensor(1.5), tensor(1));
        return unpackDual(x.add(y), ly).tangent!;
      });
      return unpackDual(x.mul(inner), lx).tangent!;
    });
    expect(outer.item()).toBe(1);
    // ∂²/∂a∂b sin(a·b) = cos(ab) − ab·sin(ab) by one dual per level
    const mixed = dualLevel((la) => {
      const a = makeDual(tensor(0.7), tensor(1));
      return dualLevel((lb) => {
        const b = makeDual(tensor(1.3), tensor(1));
        const t = unpackDual(a.mul(b).sin(), lb).tangent!;
        return unpackDual(t, la).tangent!.item() as number;
      });
    });
    const ab = 0.7 * 1.3;
    closeTo([mixed], [Math.cos(ab) - ab * Math.sin(ab)]);
  });

  it('forward over reverse: the tangent of a gradient is a Hessian-vector product', () => {
    dualLevel(() => {
      const x = makeDual(tensor([1, 2]).requiresGrad_(), tensor([1, 0]));
      // ∇ Σ x³ = 3x², its derivative along [1, 0] is 6x·[1, 0]
      for (const createGraph of [true, false]) {
        const [g] = grad(x.pow(3).sum(), x, { createGraph });
        closeTo(list(g!), [3, 12]);
        closeTo(list(unpackDual(g!).tangent), [6, 0]);
      }
    });
  });

  it('reverse over forward: the gradient of a tangent', () => {
    const w = tensor([1, 2, 3], { requiresGrad: true });
    const t = dualLevel(() => {
      const d = makeDual(w, tensor([1, 1, 1]));
      return unpackDual(d.sin().mul(d).sum()).tangent!;
    });
    const [g] = grad(t, w);
    // PyTorch 1.13: torch.autograd.grad(unpack_dual((d.sin()*d).sum()).tangent, w)
    closeTo(list(g!), [0.23913362692838303, -2.6508885267456486, -2.4033450173804924]);
  });

  it('in-place ops carry the tangent (also onto a tensor that had none)', () => {
    dualLevel(() => {
      const x = makeDual(tensor([1, 2]), tensor([1, 1]));
      const y = tensor([3, 4]);
      y.mul_(x); // y = [3, 8], ẏ = 3·1, 4·1
      closeTo(list(y), [3, 8]);
      closeTo(list(unpackDual(y).tangent), [3, 4]);
      const z = x.clone();
      z.pow_(2); // ż = 2x
      closeTo(list(unpackDual(z).tangent), [2, 4]);
      z.zero_();
      closeTo(list(unpackDual(z).tangent), [0, 0]);
    });
  });

  it('custom functions: forward mode needs their jvp', () => {
    const Cube = defineFunction({
      name: 'Cube',
      forward: (ctx, x: Tensor) => {
        ctx.saveForBackward(x);
        return x.pow(3);
      },
      backward: (ctx, g) => g!.mul(ctx.savedTensors[0]!.pow(2).mul(3)),
      jvp: (ctx, t) => t!.mul(ctx.savedTensors[0]!.pow(2).mul(3)),
    });
    const NoJvp = defineFunction({
      name: 'NoJvp',
      forward: (_ctx, x: Tensor) => x.mul(2),
      backward: (_ctx, g) => g!.mul(2),
    });
    dualLevel(() => {
      const x = makeDual(tensor([1, 2]), tensor([1, 0.5]));
      closeTo(list(unpackDual(Cube.apply(x)).tangent), [3, 6]);
      expect(() => NoJvp.apply(x)).toThrow(/defines no jvp\. Fix: give it a jvp/);
    });
  });
});

describe('Dual numbers', () => {
  it("the seed: f(1) = 0, f'(1) = 3 (the notebook's numpy values)", () => {
    const x = dual(1, 1);
    const y = x.pow(2).add(x.mul(2)).mul(x.log());
    expect(y.toString()).toBe('Dual(0, 3)');
    expect(valueAndDerivative((t) => t.pow(2).add(t.mul(2)).mul(t.log()), 1)).toEqual([0, 3]);
    // ∂/∂y at (1, 2) by seeding y: (1 + 2)/2
    const [a, b] = [dual(1), dual(2, 1)];
    expect(a.pow(2).add(a.mul(2)).mul(b.log()).tangent).toBe(1.5);
  });

  it("every unary op: value from UNARY_NUMBER, tangent f'(x)·ṫ from the rules table", () => {
    const at: Record<string, number> = {
      acosh: 1.7,
      asin: 0.3,
      acos: 0.3,
      atanh: 0.3,
      log: 0.8,
      sqrt: 0.8,
    };
    for (const op of UNARY_OPS) {
      const x = at[op] ?? 0.6;
      const d = (dual(x, 2.5)[op] as () => Dual).call(dual(x, 2.5));
      const out = UNARY_NUMBER[op](x);
      expect(d.value).toBe(out);
      expect(d.tangent).toBe(UNARY[op].d(NUMBER_ALGEBRA, x, out) * 2.5);
      // and the same as the tensor forward mode
      const t = dualLevel(() => {
        const xt = makeDual(tensor([x]), tensor([2.5]));
        return unpackDual((xt[op as UnaryOp] as () => Tensor).call(xt)).tangent!.item() as number;
      });
      expect(Math.abs(t - d.tangent)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(t)));
    }
  });

  it('every binary op: both partials, numbers as constants', () => {
    for (const op of BINARY_OPS) {
      const [a, b] = [1.3, 0.7];
      const both = (dual(a, 1)[op] as (o: Dual) => Dual).call(dual(a, 1), dual(b, 1));
      const out = BINARY_NUMBER[op](a, b);
      const rule = BINARY[op];
      expect(both.value).toBe(out);
      expect(both.tangent).toBeCloseTo(
        rule.da(NUMBER_ALGEBRA, a, b, out) + rule.db(NUMBER_ALGEBRA, a, b, out),
        15,
      );
      const left = (dual(a, 1)[op] as (o: number) => Dual).call(dual(a, 1), b);
      expect(left.tangent).toBe(rule.da(NUMBER_ALGEBRA, a, b, out));
    }
    expect(dual(2, 1).rsub(5).toString()).toBe('Dual(3, -1)');
    expect(dual(2, 1).rdiv(1).toString()).toBe('Dual(0.5, -0.25)');
    expect(dual(3, 1).rpow(2).tangent).toBeCloseTo(8 * Math.LN2, 15);
    expect(dual(3, 1).square().toString()).toBe('Dual(9, 6)');
  });

  it('derivative() against a central difference; zero tangents stay zero', () => {
    const f = (x: Dual) => x.sin().mul(x.exp()).div(x.pow(2).add(1)).gelu();
    const g = (x: number) => {
      const y = (Math.sin(x) * Math.exp(x)) / (x * x + 1);
      return UNARY_NUMBER.gelu(y);
    };
    const h = 1e-5;
    expect(derivative(f, 0.4)).toBeCloseTo((g(0.4 + h) - g(0.4 - h)) / (2 * h), 9);
    // sqrt'(0) is infinite, but a constant's tangent is 0, not NaN
    expect(dual(0).sqrt().tangent).toBe(0);
    expect(derivative(() => 3, 1)).toBe(0);
  });
});
