/**
 * Every differentiable op against finite differences from mibun's numeric module (gradcheck,
 * float64, PyTorch's tolerances), first derivatives and second (gradgradcheck: the backward
 * recorded under createGraph, then checked the same way).
 */
import { describe, expect, it } from 'vitest';
import { BINARY_OPS, UNARY_OPS, type BinaryOp, type UnaryOp } from '../../src/rules/index.js';
import {
  cat,
  GradcheckError,
  gradcheck,
  gradgradcheck,
  indexAdd,
  scatterAdd,
  stack,
  tensor,
  where,
  type Tensor,
} from '../../src/autograd/index.js';

// Points inside each op's domain and away from its kinks (abs, sign, relu at 0; ties of max).
const UNARY_POINTS: Partial<Record<UnaryOp, number[]>> = {
  log: [0.3, 1.7, 4.2],
  sqrt: [0.3, 1.7, 4.2],
  acosh: [1.3, 2.1, 4.0],
  asin: [-0.7, 0.2, 0.6],
  acos: [-0.7, 0.2, 0.6],
  atanh: [-0.7, 0.2, 0.6],
  tan: [-1.1, 0.3, 0.9],
  sec: [-1.1, 0.3, 0.9],
  cot: [0.4, 1.2, 2.5],
  csc: [0.4, 1.2, 2.5],
};
const DEFAULT_POINTS = [-1.3, 0.4, 2.2];

const BINARY_POINTS: Partial<Record<BinaryOp, [number[], number[]]>> = {
  pow: [
    [0.4, 1.3, 2.2],
    [-1.5, 0.7, 2.5],
  ],
  div: [
    [-1.3, 0.4, 2.2],
    [0.7, -1.9, 1.4],
  ],
  maximum: [
    [-1.3, 0.4, 2.2],
    [0.7, -1.9, 1.4],
  ],
  minimum: [
    [-1.3, 0.4, 2.2],
    [0.7, -1.9, 1.4],
  ],
};

const vec = (v: number[]) => tensor(v, { requiresGrad: true });

describe('unary ops of the rules table', () => {
  for (const op of UNARY_OPS) {
    const xs = UNARY_POINTS[op] ?? DEFAULT_POINTS;
    const f = (x: Tensor) => (x[op] as () => Tensor).call(x);
    it(`${op}: gradcheck and gradgradcheck on a vector`, () => {
      expect(gradcheck(f, [vec(xs)])).toBe(true);
      expect(gradgradcheck(f, [vec(xs)])).toBe(true);
    });
    it(`${op}: gradcheck on one element (the number fast path)`, () => {
      expect(gradcheck(f, [vec([xs[1]!])])).toBe(true);
      expect(gradgradcheck(f, [tensor(xs[1]!, { requiresGrad: true })])).toBe(true);
    });
  }
});

describe('binary ops of the rules table', () => {
  for (const op of BINARY_OPS) {
    const [as, bs] = BINARY_POINTS[op] ?? [
      [-1.3, 0.4, 2.2],
      [0.7, -1.9, 1.4],
    ];
    const f = (a: Tensor, b: Tensor) => (a[op] as (o: Tensor) => Tensor).call(a, b);
    it(`${op}: both inputs, first and second derivatives`, () => {
      expect(gradcheck(f, [vec(as), vec(bs)])).toBe(true);
      expect(gradgradcheck(f, [vec(as), vec(bs)])).toBe(true);
    });
    it(`${op}: broadcasting [2, 1] with [3] sums the gradients back (in the engine)`, () => {
      const a = tensor([[as[0]!], [as[2]!]], { requiresGrad: true });
      const b = vec(op === 'pow' ? [0.5, 1.5, 2.5] : bs);
      expect(gradcheck(f, [a, b])).toBe(true);
      expect(gradgradcheck(f, [a, b])).toBe(true);
    });
    it(`${op}: one element, and a number operand`, () => {
      expect(gradcheck(f, [vec([as[1]!]), vec([bs[2]!])])).toBe(true);
      const g = (a: Tensor) => (a[op] as (o: number) => Tensor).call(a, bs[2]!);
      expect(gradcheck(g, [vec(as)])).toBe(true);
      expect(gradgradcheck(g, [vec(as)])).toBe(true);
    });
  }
});

const M = () =>
  tensor(
    [
      [0.3, -1.2, 0.8],
      [1.1, 0.5, -0.4],
    ],
    { requiresGrad: true },
  );

describe('structural ops (linear op + transpose pairs)', () => {
  const cases: [string, (x: Tensor) => Tensor][] = [
    ['sum', (x) => x.sum()],
    ['sum dim 1', (x) => x.sum(1)],
    ['sum dims keepdim', (x) => x.sum([0, 1], true)],
    ['mean', (x) => x.mean()],
    ['mean dim 0 keepdim', (x) => x.mean(0, true)],
    ['max', (x) => x.max()],
    ['min', (x) => x.min()],
    ['max dim', (x) => x.max(1).values],
    ['min dim keepdim', (x) => x.min(0, true).values],
    ['amax', (x) => x.amax(1)],
    ['amin', (x) => x.amin(0)],
    ['logsumexp', (x) => x.logsumexp(1)],
    ['softmax', (x) => x.softmax(1)],
    ['logSoftmax', (x) => x.logSoftmax(0)],
    ['var', (x) => x.var(1)],
    ['std', (x) => x.std()],
    ['norm', (x) => x.norm()],
    ['reshape', (x) => x.reshape(3, 2)],
    ['view', (x) => x.view([6])],
    ['flatten', (x) => x.flatten()],
    ['unsqueeze + squeeze', (x) => x.unsqueeze(1).squeeze(1)],
    ['expand', (x) => x.unsqueeze(0).expand(4, 2, 3)],
    ['permute', (x) => x.unsqueeze(2).permute(2, 0, 1)],
    ['transpose', (x) => x.transpose(0, 1)],
    ['t', (x) => x.t()],
    ['T', (x) => x.T],
    ['narrow', (x) => x.narrow(1, 1, 2)],
    ['select', (x) => x.select(0, 1)],
    ['slice', (x) => x.slice('1:, 1:') as Tensor],
    ['slice step', (x) => x.slice(null, [null, null, 2])],
    ['clone', (x) => x.clone()],
    ['contiguous of a transpose', (x) => x.t().contiguous()],
    ['clamp', (x) => x.clamp(-0.5, 0.9)],
    ['where', (x) => x.where(x.gt(0), x.mul(-2))],
    ['matmul 2x3 @ 3x2', (x) => x.matmul(x.t())],
    ['matmul 3x2 @ 2x3', (x) => x.t().matmul(x)],
    ['mv', (x) => x.mv(x.select(0, 0))],
    ['dot', (x) => x.select(0, 0).dot(x.select(0, 1))],
    ['vector @ matrix', (x) => x.select(1, 0).matmul(x)],
    ['batched matmul with broadcasting', (x) => x.unsqueeze(0).expand(2, 2, 3).matmul(x.t())],
    ['outer', (x) => x.select(0, 0).outer(x.select(0, 1))],
    [
      'gather',
      (x) =>
        x.gather(
          1,
          tensor(
            [
              [2, 0, 2],
              [1, 1, 0],
            ],
            { dtype: 'int32' },
          ),
        ),
    ],
    ['indexSelect', (x) => x.indexSelect(1, [2, 0, 2])],
    ['cat', (x) => cat([x, x.mul(2)], 1)],
    ['stack', (x) => stack([x, x.exp()], 1)],
    [
      'scatterAdd',
      (x) =>
        scatterAdd(
          x,
          1,
          tensor(
            [
              [0, 0],
              [2, 1],
            ],
            { dtype: 'int32' },
          ),
          x.narrow(1, 0, 2),
        ),
    ],
    ['indexAdd', (x) => indexAdd(x, 1, [2, 2], x.narrow(1, 1, 2).sin())],
    ['to float64 (a no-op) and to float32', (x) => x.double()],
  ];
  for (const [name, f] of cases) {
    it(`${name}: gradcheck and gradgradcheck`, () => {
      expect(gradcheck(f, [M()])).toBe(true);
      // second derivatives: composed with sin so that they are not all zero
      const g = (x: Tensor) => f(x.sin()).pow(2);
      expect(gradgradcheck(g, [M()])).toBe(true);
    });
  }

  it('where with a number branch and a broadcast condition', () => {
    const f = (x: Tensor) => where(tensor([true, false, true]), x, 1.5);
    expect(gradcheck(f, [M()])).toBe(true);
  });
});

describe('gradcheck reports a wrong backward', () => {
  it('names the input and the element', async () => {
    const { defineFunction } = await import('../../src/autograd/index.js');
    // d(x·y)/dy is x, not 2x: a wrong rule for the second input
    const Bad = defineFunction({
      name: 'BadMul',
      forward: (ctx, x: Tensor, y: Tensor) => {
        ctx.saveForBackward(x, y);
        return x.mul(y);
      },
      backward: (ctx, g) => {
        const [x, y] = ctx.savedTensors;
        return [g!.mul(y!), g!.mul(x!).mul(2)];
      },
    });
    const x = vec([0.5, -1.5]);
    const y = vec([2.0, 3.0]);
    let error: unknown;
    try {
      gradcheck((a, b) => Bad.apply(a, b), [x, y]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GradcheckError);
    const e = error as GradcheckError;
    expect(e.input).toBe(1);
    expect(e.element).toEqual([0]);
    expect(e.analytical).toBeCloseTo(1.0, 12);
    expect(e.numerical).toBeCloseTo(0.5, 6);
    expect(e.message).toMatch(/input 1 at \[0\]/);
    expect(gradcheck((a, b) => Bad.apply(a, b), [x, y], { raiseException: false })).toBe(false);
  });
});
