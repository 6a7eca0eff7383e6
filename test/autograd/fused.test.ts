/**
 * log1p, expm1, the fused updates addcmul(_), addcdiv(_), lerp(_), and softplus's threshold:
 * values, gradients, second derivatives and grad_fn names against PyTorch 1.13 (Debian's
 * python3-torch, float64 unless noted), finite differences (gradcheck), forward mode against
 * reverse, and the one-loop in-place kernels against the composed ops.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GraphError,
  dualLevel,
  grad,
  gradcheck,
  gradgradcheck,
  makeDual,
  noGrad,
  tensor,
  unpackDual,
  type Tensor,
} from '../../src/autograd/index.js';
import { Dual } from '../../src/autograd/index.js';

const values = (t: Tensor | null | undefined): number[] => t!.toArray() as number[];

function expectAllClose(got: readonly number[], want: readonly number[], digits = 14): void {
  expect(got.length).toBe(want.length);
  got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, digits));
}

describe('log1p and expm1', () => {
  it('values, gradients and second derivatives (PyTorch 1.13)', () => {
    const x = tensor([-0.5, 1e-10, 2.0, 30.0], { requiresGrad: true });
    const y = x.log1p();
    expect(String(y.gradFn)).toBe('<Log1PBackward0>');
    // torch.log1p(x); V8's Math.log1p(2) is one ulp below glibc's 1.0986122886681098
    expectAllClose(
      values(y),
      [-0.6931471805599453, 9.999999999500001e-11, 1.0986122886681098, 3.4339872044851463],
    );
    expect(values(y)[1]).toBe(9.999999999500001e-11); // log(1 + 1e-10) would give 1.00000008e-10
    const [g] = grad(y.sum(), x, { createGraph: true });
    expect(values(g)).toEqual([2.0, 0.9999999999, 0.3333333333333333, 0.03225806451612903]);
    const [gg] = grad(g!.sum(), x);
    expectAllClose(values(gg), [-4.0, -0.9999999998, -0.1111111111111111, -0.0010405827263267429]);

    const z = tensor([-0.5, 1e-10, 2.0, -30.0], { requiresGrad: true });
    const e = z.expm1();
    expect(String(e.gradFn)).toBe('<Expm1Backward0>');
    expect(values(e)).toEqual([
      -0.3934693402873666, 1.00000000005e-10, 6.38905609893065, -0.9999999999999064,
    ]);
    const [ge] = grad(e.sum(), z, { createGraph: true });
    const expected = [0.6065306597126334, 1.0000000001, 7.38905609893065, 9.35918009759007e-14];
    expect(values(ge)).toEqual(expected);
    expect(values(grad(ge!.sum(), z)[0])).toEqual(expected); // (eˣ − 1)'' = eˣ
  });

  it('float32 stays float32 (PyTorch 1.13, float32)', () => {
    const x = tensor([1e-8, 0.5, 3.0], { requiresGrad: true, dtype: 'float32' });
    const y = x.log1p();
    expect(y.dtype).toBe('float32');
    expect(values(y)).toEqual([9.99999993922529e-9, 0.40546509623527527, 1.3862943649291992]);
    expect(values(grad(y.sum(), x)[0])).toEqual([1.0, 0.6666666865348816, 0.25]);
    const e = x.expm1();
    expect(values(e)).toEqual([9.99999993922529e-9, 0.6487212777137756, 19.08553695678711]);
    expect(values(grad(e.sum(), x)[0])).toEqual([1.0, 1.6487212181091309, 20.08553695678711]);
  });

  it('one element held as a number gives what the tensor path gives', () => {
    for (const v of [-0.9, 1e-12, 0.3, 7]) {
      const one = tensor([v], { requiresGrad: true });
      const many = tensor([v, v], { requiresGrad: true });
      for (const op of ['log1p', 'expm1'] as const) {
        const y1 = one[op]();
        const y2 = many[op]();
        expect(y1.item()).toBe(values(y2)[0]);
        expect(grad(y1, one)[0]!.item()).toBe(values(grad(y2.sum(), many)[0])[0]);
      }
    }
  });

  it('gradcheck and gradgradcheck', () => {
    const x = tensor([-0.6, 0.01, 1.7], { requiresGrad: true });
    expect(gradcheck((t) => t.log1p(), x)).toBe(true);
    expect(gradgradcheck((t) => t.log1p(), x)).toBe(true);
    expect(gradcheck((t) => t.expm1(), x)).toBe(true);
    expect(gradgradcheck((t) => t.expm1(), x)).toBe(true);
  });

  it('forward mode: the tangent is the derivative', () => {
    dualLevel(() => {
      const x = makeDual(tensor([0.25, 3]), tensor([1, 2]));
      expect(values(unpackDual(x.log1p()).tangent)).toEqual([1 / 1.25, 2 / 4]);
      expectAllClose(values(unpackDual(x.expm1()).tangent), [Math.exp(0.25), 2 * Math.exp(3)]);
    });
  });
});

describe('addcmul, addcdiv, lerp', () => {
  const make = () => ({
    a: tensor([1, 2, 3], { requiresGrad: true }),
    t1: tensor([0.5, -1, 2], { requiresGrad: true }),
    t2: tensor([3, 4, -0.25], { requiresGrad: true }),
  });

  it('in place on a non-leaf: values, gradients, grad_fn (PyTorch 1.13)', () => {
    let { a, t1, t2 } = make();
    let b = a.mul(1).addcmul_(t1, t2, { value: 0.3 });
    expect(String(b.gradFn)).toBe('<AddcmulBackward0>');
    expect(values(b)).toEqual([1.45, 0.8, 2.85]);
    expect(grad(b.sum(), [a, t1, t2]).map(values)).toEqual([
      [1, 1, 1],
      [0.8999999999999999, 1.2, -0.075],
      [0.15, -0.3, 0.6],
    ]);
    ({ a, t1, t2 } = make());
    b = a.mul(1).addcdiv_(t1, t2, { value: 0.3 });
    expect(String(b.gradFn)).toBe('<AddcdivBackward0>');
    expect(values(b)).toEqual([1.05, 1.925, 0.6000000000000001]);
    expect(grad(b.sum(), [a, t1, t2]).map(values)).toEqual([
      [1, 1, 1],
      [0.09999999999999999, 0.075, -1.2],
      [-0.016666666666666666, 0.01875, -9.6],
    ]);
    ({ a, t1 } = make());
    b = a.mul(1).lerp_(t1, 0.3);
    expect(String(b.gradFn)).toBe('<LerpBackward0>');
    expect(values(b)).toEqual([0.85, 1.1, 2.7]);
    expect(grad(b.sum(), [a, t1]).map(values)).toEqual([
      [0.7, 0.7, 0.7],
      [0.3, 0.3, 0.3],
    ]);
    ({ a, t1 } = make());
    const w = tensor([0.2, 0.7, 1.0], { requiresGrad: true });
    b = a.mul(1).lerp_(t1, w);
    expect(String(b.gradFn)).toBe('<LerpBackward1>');
    // |w| ≥ 0.5 uses end − (end − a)(1 − w): −0.09999999999999987, and exactly end at w = 1
    expect(values(b)).toEqual([0.9, -0.09999999999999987, 2.0]);
    expect(grad(b.sum(), [a, t1, w]).map(values)).toEqual([
      [0.8, 0.30000000000000004, 0.0],
      [0.2, 0.7, 1.0],
      [-0.5, -3.0, -1.0],
    ]);
  });

  it('broadcast operands: gradients summed back to their shapes (PyTorch 1.13)', () => {
    const a = tensor(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { requiresGrad: true },
    );
    const t1 = tensor([[0.5], [2]], { requiresGrad: true });
    const t2 = tensor([3, -1, 0.25], { requiresGrad: true });
    const b = a.mul(1).addcdiv_(t1, t2, { value: -0.7 });
    expectAllClose(
      values(b.flatten()),
      [0.8833333333333333, 2.35, 1.6, 3.533333333333333, 6.4, 0.40000000000000036],
    );
    const [ga, g1, g2] = grad(b.mul(b).sum(), [a, t1, t2]);
    expectAllClose(
      values(ga!.flatten()),
      [1.7666666666666666, 4.7, 3.2, 7.066666666666666, 12.8, 0.8000000000000007],
    );
    expectAllClose(values(g1!.flatten()), [-6.082222222222221, 5.071111111111108], 12);
    expectAllClose(values(g2), [1.1679629629629629, 19.564999999999998, 35.84000000000002], 12);
  });

  it('out of place, and gradcheck/gradgradcheck of all five', () => {
    const { a, t1, t2 } = make();
    expect(values(a.addcmul(t1, t2, { value: 0.3 }))).toEqual([1.45, 0.8, 2.85]);
    expect(values(a)).toEqual([1, 2, 3]);
    const w = tensor([0.2, 0.7, -0.4], { requiresGrad: true });
    const cases: [(...xs: Tensor[]) => Tensor, Tensor[]][] = [
      ((x, y, z) => x.addcmul(y, z, { value: -1.5 })) as (...xs: Tensor[]) => Tensor,
      ((x, y, z) => x.addcdiv(y, z, { value: 0.7 })) as (...xs: Tensor[]) => Tensor,
      ((x, y) => x.lerp(y, 0.8)) as (...xs: Tensor[]) => Tensor,
      ((x, y, z) => x.lerp(y, z)) as (...xs: Tensor[]) => Tensor,
    ].map((f, i) => [f, i === 3 ? [a, t1, w] : [a, t1, t2]]);
    for (const [f, xs] of cases) {
      expect(gradcheck((...ts) => f(...ts), xs)).toBe(true);
      expect(gradgradcheck((...ts) => f(...ts), xs)).toBe(true);
    }
  });

  it('on a leaf that requires grad: the in-place error, and an update under noGrad', () => {
    const p = tensor([1, 2, 3], { requiresGrad: true });
    const m = tensor([0.5, -1, 2]);
    expect(() => p.addcmul_(m, m)).toThrow(GraphError);
    noGrad(() => p.addcmul_(m, m, { value: -0.1 }));
    expect(values(p)).toEqual([1 - 0.1 * 0.5 * 0.5, 2 - 0.1, 3 - 0.1 * 2 * 2]);
    expect(p.requiresGrad).toBe(true);
    expect(p.gradFn).toBeNull();
  });

  it('float32, one loop: the values of PyTorch 1.13 float32 ops bit for bit', () => {
    const f32 = (xs: number[]) => tensor(xs, { dtype: 'float32' });
    const x = [0.1, 0.7, -1.3, 2.9];
    const e = f32([0.3, -0.2, 5.1, 1e-3]);
    const d = f32([1.7, 0.3, -2.2, 0.9]);
    expect(values(f32(x).addcmul_(e, d, { value: 0.1 }))).toEqual([
      0.1510000079870224, 0.6940000057220459, -2.421999931335449, 2.900089979171753,
    ]);
    expect(values(f32(x).addcdiv_(e, d, { value: -0.3 }))).toEqual([
      0.0470588244497776, 0.8999999761581421, -0.6045453548431396, 2.8996667861938477,
    ]);
    // lerp: PyTorch's formula in float32 ops, torch: e - (e - x)*(1 - w) with w a float32 0.9
    const lerped = values(f32(x).lerp_(e, 0.9));
    expect(lerped).toEqual([
      0.2800000011920929, -0.10999998450279236, 4.460000038146973, 0.2909000813961029,
    ]);
    // torch.lerp itself fuses the multiply-add (FMA) on this machine: one float32 ulp apart
    const torchLerp = [
      0.2800000011920929, -0.10999998450279236, 4.4599995613098145, 0.2909000813961029,
    ];
    lerped.forEach((v, i) => expect(Math.abs(v - torchLerp[i]!)).toBeLessThanOrEqual(4.8e-7));
    expect(values(f32(x).lerp_(e, 0.1))).toEqual([
      0.12000000476837158, 0.6100000143051147, -0.6599999666213989, 2.610100030899048,
    ]);
    // torch: where(w.abs() < 0.5, x + w*(e - x), e - (e - x)*(1 - w)); torch.lerp (FMA) gives
    // 0.15999996662139893 and -5.779999732971191 for the middle two
    expect(values(f32(x).lerp_(e, f32([0.1, 0.6, -0.7, 1.0])))).toEqual([
      0.12000000476837158, 0.15999995172023773, -5.78000020980835, 0.0010000000474974513,
    ]);
  });

  it('the one-loop kernels equal the composed ops, on any values, float64 and float32', () => {
    // fractions with full mantissas (fc.double favours 0, integers and extremes, which round
    // exactly and would hide a missing rounding step)
    const num = (m: number) => fc.integer({ min: -m * 9973, max: m * 9973 }).map((n) => n / 9973);
    const arr = fc.array(num(50), { minLength: 16, maxLength: 16 });
    fc.assert(
      fc.property(
        arr,
        arr,
        arr,
        num(3),
        fc.constantFrom('float64' as const, 'float32' as const),
        (x, y, z, v, dtype) => {
          const t = (xs: number[]) => tensor(xs, { dtype });
          const d = z.map((u) => (u === 0 ? 1 : u));
          // one loop (contiguous, same shape) against the composed out-of-place ops
          expect(values(t(x).addcmul_(t(y), t(d), { value: v }))).toEqual(
            values(t(x).addcmul(t(y), t(d), { value: v })),
          );
          expect(values(t(x).addcdiv_(t(y), t(d), { value: v }))).toEqual(
            values(t(x).addcdiv(t(y), t(d), { value: v })),
          );
          expect(values(t(x).lerp_(t(y), v))).toEqual(values(t(x).lerp(t(y), v)));
          expect(values(t(x).lerp_(t(y), t(z)))).toEqual(values(t(x).lerp(t(y), t(z))));
          // a view (not contiguous) takes the composed path and must agree too
          const m = t([...x, ...y])
            .reshape(2, 16)
            .t(); // columns (x_i, y_i)
          const before = values(m.select(1, 0).clone());
          m.select(1, 0).lerp_(t(z), v);
          expect(values(m.select(1, 0))).toEqual(values(t(before).lerp(t(z), v)));
          expect(values(m.select(1, 1))).toEqual(values(t(y))); // the other column untouched
        },
      ),
      { numRuns: 60 },
    );
  });

  it('weight 0.5 takes the second formula, as PyTorch (|w| < 0.5 is strict)', () => {
    // torch.lerp(5.275492379532281, -4.898619485211566, 0.5); a + w(e − a) gives …3579
    const a = () => tensor([5.275492379532281]);
    const e = tensor([-4.898619485211566]);
    expect(a().lerp(e, 0.5).item()).toBe(0.188436447160357);
    expect(a().lerp_(e, 0.5).item()).toBe(0.188436447160357);
    expect(
      a()
        .mul(1)
        .lerp_(e, tensor([0.5]))
        .item(),
    ).toBe(0.188436447160357);
  });

  it('the operand may be the target itself (a.addcmul_(a, a) is a + a·a)', () => {
    const a = tensor([1, -2, 3]);
    a.addcmul_(a, a, { value: 2 });
    expect(values(a)).toEqual([3, 6, 21]);
  });
});

describe("softplus's threshold (PyTorch's, at 20) in the gradient", () => {
  it('is exactly 1 above it, σ(x) below, with second derivative 0 above (PyTorch 1.13)', () => {
    const x = tensor([25, 20, 19, -3, NaN], { requiresGrad: true });
    const y = x.softplus();
    expect(values(y).slice(0, 4)).toEqual([
      25, 20.000000002061153, 19.000000005602796, 0.04858735157374206,
    ]);
    const [g] = grad(y.sum(), x, { createGraph: true });
    const gs = values(g);
    expect(gs[0]).toBe(1); // σ(25) would be 1 − 1.4e-11
    // PyTorch computes e^x/(e^x + 1): the same to the last bit or one ulp
    expectAllClose(
      gs.slice(1, 4),
      [0.9999999979388464, 0.9999999943972036, 0.04742587317756679],
      15,
    );
    expect(gs[4]).toBeNaN();
    const gg = values(grad(g!.sum(), x)[0]);
    expect(gg[0]).toBe(0);
    // at x = 20 itself PyTorch's double backward gives 0 (it masks with x < 20, the first
    // derivative with x > 20); mibun gives the smooth σ'(20) = 2.06e-9 there
    expectAllClose(gg.slice(2, 4), [5.6027964176199655e-9, 0.04517665973091214], 15);
  });

  it('the one-element path, float32, forward mode and Dual numbers agree', () => {
    const one = tensor([25], { requiresGrad: true });
    expect(grad(one.softplus(), one)[0]!.item()).toBe(1);
    const f = tensor([25, 21, -1], { requiresGrad: true, dtype: 'float32' });
    // PyTorch 1.13, float32
    expect(values(grad(f.softplus().sum(), f)[0])).toEqual([1, 1, 0.2689414322376251]);
    dualLevel(() => {
      const x = makeDual(tensor([30, 0]), tensor([2, 2]));
      expect(values(unpackDual(x.softplus()).tangent)).toEqual([2, 1]);
    });
    expect(new Dual(30, 1).softplus().tangent).toBe(1);
    expect(new Dual(0, 1).softplus().tangent).toBe(0.5);
  });
});
