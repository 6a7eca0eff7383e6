import { describe, expect, it } from 'vitest';
import { UNARY_NUMBER, UNARY_OPS } from '../../src/rules/index.js';
import {
  DTypeError,
  ShapeError,
  UNARY_FNS,
  add,
  atan2,
  broadcastShapes,
  clamp,
  div,
  eq,
  ge,
  gt,
  le,
  logicalAnd,
  logicalNot,
  logicalOr,
  logicalXor,
  lt,
  maximum,
  minimum,
  mul,
  ne,
  pow,
  resultType,
  round,
  sub,
  tensor,
  where,
  zeros,
  type DType,
} from '../../src/tensor/index.js';
import { build, expectClose, flat } from './helpers.js';
import {
  BINARY_A,
  BINARY_CASES,
  F32_EQ_TENTH,
  F32_PLUS_TENTH,
  INT32_MUL_WRAP,
  INT_DIV,
  INT_DIV_FLOOR,
  INT_DIV_TRUNC,
  PROMOTE_SCALARS,
  PROMOTE_TENSORS,
  UNARY_CASES,
} from './oracle/torchValues.js';

describe('unary ops against PyTorch', () => {
  for (const op of UNARY_OPS) {
    it(`${op} (float64 and float32)`, () => {
      const c = UNARY_CASES[op];
      const fn = UNARY_FNS[op];
      const y64 = fn(tensor(c.x));
      expect(y64.dtype).toBe('float64');
      // libm and V8's Math differ in the last ulp or two. gelu(-3) = 0.5·x·(1 + erf(x/√2))
      // cancels ~9 bits in 1 + erf (the rules' formula; PyTorch's kernel differs in rounding).
      expectClose(flat(y64), c.float64, op === 'gelu' ? 1e-12 : 4e-15);
      const y32 = fn(tensor(c.x, { dtype: 'float32' }));
      expect(y32.dtype).toBe('float32');
      // mibun computes in float64 and rounds once: exactly the rules' value, rounded …
      const f = UNARY_NUMBER[op];
      expect(flat(y32)).toEqual(c.x.map((x) => Math.fround(f(Math.fround(x)))));
      // … and near PyTorch's float32 kernels (vectorised; gelu's float32 erf cancels badly near -3)
      expectClose(flat(y32), c.float32, op === 'gelu' ? 1e-4 : 3e-7, 1e-37);
    });
  }
  it('integer input gives float64, except neg/abs/sign/relu which keep int32', () => {
    const i = tensor([-2, 0, 3], { dtype: 'int32' });
    expect(UNARY_FNS.exp(i).dtype).toBe('float64');
    expect(UNARY_FNS.neg(i).dtype).toBe('int32');
    expect(UNARY_FNS.relu(i).toArray()).toEqual([0, 0, 3]);
    expect(UNARY_FNS.sign(tensor([true, false])).dtype).toBe('bool');
    expect(() => UNARY_FNS.neg(tensor([true]))).toThrow(DTypeError);
  });
  it('works on strided views', () => {
    const a = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(flat(UNARY_FNS.neg(a.T))).toEqual([-1, -3, -2, -4]);
  });
  it('round is half to even (torch.round)', () => {
    expect(flat(round(tensor([0.5, 1.5, 2.5, -0.5, -1.5, 2.4])))).toEqual([0, 2, 2, -0, -2, 2]);
  });
});

describe('binary ops with broadcasting against PyTorch', () => {
  const A = build(BINARY_A.flat(), [2, 3]);
  const B = tensor([0.5, -1.25, 2.0]);
  const C = tensor([[1.5], [-0.75]]);
  const fns = { add, sub, mul, div, maximum, minimum, atan2 } as const;
  for (const [name, fn] of Object.entries(fns)) {
    it(`${name}: [2,3]∘[3], [2,3]∘[2,1], [3]∘[2,1]`, () => {
      const c = BINARY_CASES[name as keyof typeof fns];
      expectClose(flat(fn(A, B)), c.ab.flat(), 1e-15);
      expectClose(flat(fn(A, C)), c.ac.flat(), 1e-15);
      const bc = fn(B, C);
      expect(bc.shape).toEqual([2, 3]);
      expectClose(flat(bc), c.bc.flat(), 1e-15);
    });
  }
  it('pow: [4]**[3,1]', () => {
    const p = pow(tensor([0.5, 1.5, 2.0, 3.0]), tensor([[2.0], [-0.5], [0.0]]));
    expect(p.shape).toEqual([3, 4]);
    expectClose(flat(p), BINARY_CASES.pow.pq.flat(), 1e-15);
  });
  it('numbers on either side', () => {
    expect(flat(sub(10, tensor([1, 2])))).toEqual([9, 8]);
    expect(flat(div(tensor([1, 2]), 4))).toEqual([0.25, 0.5]);
    expect(add(2, 3).shape).toEqual([]);
  });
  it('rejects shapes that do not broadcast, naming both', () => {
    expect(() => add(zeros(2, 3), zeros(2))).toThrow(ShapeError);
    expect(() => add(zeros(2, 3), zeros(2))).toThrow(/\[2, 3\] and \[2\] cannot be broadcast/);
    expect(() => broadcastShapes([4, 1, 3], [2, 5, 1], [7])).toThrow(ShapeError);
    expect(broadcastShapes([4, 1, 3], [2, 1], [1])).toEqual([4, 2, 3]);
    expect(broadcastShapes([0, 1], [1, 5])).toEqual([0, 5]);
  });
});

describe("type promotion is PyTorch's result_type", () => {
  it('between arrays, with dims and 0-d', () => {
    for (const [a, b, withDims, zeroDim] of PROMOTE_TENSORS) {
      const x = zeros([2], { dtype: a as DType });
      expect(resultType(x, zeros([2], { dtype: b as DType })), `${a} ${b}`).toBe(withDims);
      expect(resultType(x, zeros([], { dtype: b as DType })), `${a} 0-d ${b}`).toBe(zeroDim);
    }
  });
  it('with JS numbers and booleans (Python scalars)', () => {
    for (const [a, s, withDims, zeroDim] of PROMOTE_SCALARS) {
      expect(resultType(zeros([2], { dtype: a as DType }), s), `${a} ${s}`).toBe(withDims);
      expect(resultType(zeros([], { dtype: a as DType }), s), `0-d ${a} ${s}`).toBe(zeroDim);
    }
  });
  it('a scalar is cast to float32 before a float32 op (no silent widening)', () => {
    const y = add(tensor([1, 2, 3], { dtype: 'float32' }), 0.1);
    expect(y.dtype).toBe('float32');
    expect(flat(y)).toEqual(F32_PLUS_TENTH);
    expect(eq(tensor([0.1, 0.2], { dtype: 'float32' }), 0.1).toArray()).toEqual(F32_EQ_TENTH);
  });
  it('int / int is float64 true division; rounding modes give int32', () => {
    const a = tensor([7, -7, 5], { dtype: 'int32' });
    const b = tensor([2, 2, -3], { dtype: 'int32' });
    expect(div(a, b).dtype).toBe('float64');
    expectClose(flat(div(a, b)), INT_DIV, 1e-15);
    expect(flat(div(a, b, { roundingMode: 'trunc' }))).toEqual(INT_DIV_TRUNC);
    expect(div(a, b, { roundingMode: 'floor' }).dtype).toBe('int32');
    expect(flat(div(a, b, { roundingMode: 'floor' }))).toEqual(INT_DIV_FLOOR);
    expect(() => div(a, 0, { roundingMode: 'floor' })).toThrow(DTypeError);
  });
  it('int32 arithmetic wraps as C does', () => {
    const a = tensor([2 ** 30, 123456789], { dtype: 'int32' });
    const b = tensor([4, 987654321], { dtype: 'int32' });
    expect(flat(mul(a, b))).toEqual(INT32_MUL_WRAP);
    expect(add(a, 1).dtype).toBe('int32');
  });
  it('bool arithmetic: + is or, * is and, − is refused; pow on ints refuses negative exponents', () => {
    const t = tensor([true, true, false, false]);
    const u = tensor([true, false, true, false]);
    expect(add(t, u).toArray()).toEqual([true, true, true, false]);
    expect(mul(t, u).toArray()).toEqual([true, false, false, false]);
    expect(() => sub(t, u)).toThrow(DTypeError);
    expect(add(t, 2).dtype).toBe('int32');
    expect(() => pow(tensor([2], { dtype: 'int32' }), -1)).toThrow(/negative integer powers/);
    expect(pow(tensor([2], { dtype: 'int32' }), 3).toArray()).toEqual([8]);
  });
});

describe('comparisons, where, clamp', () => {
  const x = tensor([1, 2, NaN, 4]);
  it('comparisons give bool; NaN compares false except ne', () => {
    expect(lt(x, 2).toArray()).toEqual([true, false, false, false]);
    expect(le(x, 2).toArray()).toEqual([true, true, false, false]);
    expect(gt(x, 2).toArray()).toEqual([false, false, false, true]);
    expect(ge(x, 2).toArray()).toEqual([false, true, false, true]);
    expect(eq(x, x).toArray()).toEqual([true, true, false, true]);
    expect(ne(x, x).toArray()).toEqual([false, false, true, false]);
    expect(eq(tensor([1], { dtype: 'int32' }), 1.0).dtype).toBe('bool');
  });
  it('logical ops treat non-zero (and NaN) as true', () => {
    expect(logicalAnd(x, tensor([0, 1, 1, 1])).toArray()).toEqual([false, true, true, true]);
    expect(logicalOr(tensor([0, 0]), tensor([0, 3])).toArray()).toEqual([false, true]);
    expect(logicalXor(tensor([0, 2]), tensor([1, 3])).toArray()).toEqual([true, false]);
    expect(logicalNot(tensor([0, 2])).toArray()).toEqual([true, false]);
  });
  it('where broadcasts condition and both branches', () => {
    const c = tensor([[true], [false]]);
    const w = where(c, tensor([1, 2, 3]), 0);
    expect(w.toArray()).toEqual([
      [1, 2, 3],
      [0, 0, 0],
    ]);
    expect(where(gt(x, 1.5), x, -1).toArray()).toEqual([-1, 2, -1, 4]);
    expect(() => where(tensor([1]) as never, x, x)).toThrow(DTypeError);
  });
  it('clamp (torch.clamp): NaN stays, min > max gives max, arrays broadcast', () => {
    expect(clamp(x, 1.5, 3).toArray()).toEqual([1.5, 2, NaN, 3]);
    expect(clamp(x, null, 2).toArray()).toEqual([1, 2, NaN, 2]);
    expect(clamp(tensor([1, 5]), 4, 2).toArray()).toEqual([2, 2]);
    expect(clamp(tensor([[1, 5]]), tensor([[2], [0]])).toArray()).toEqual([
      [2, 5],
      [1, 5],
    ]);
    expect(clamp(tensor([1, 5], { dtype: 'int32' }), 0.5).dtype).toBe('float64');
    expect(() => clamp(x)).toThrow(DTypeError);
  });
});
