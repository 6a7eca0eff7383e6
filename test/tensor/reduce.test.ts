import { describe, expect, it } from 'vitest';
import {
  DTypeError,
  IndexError,
  all,
  amax,
  amin,
  any,
  argmax,
  argmin,
  full,
  logSoftmax,
  logsumexp,
  max,
  mean,
  min,
  norm,
  prod,
  softmax,
  std,
  sum,
  tensor,
  variance,
  zeros,
} from '../../src/tensor/index.js';
import { build, expectClose, flat } from './helpers.js';
import {
  ARGMAX_ALL,
  ARGMAX_NAN,
  ARGMIN_DIM0,
  F32_SUM_MILLION_TENTHS,
  LOGSUMEXP_BIG,
  LOGSUMEXP_INF,
  LOG_SOFTMAX_LAST,
  MAX_DIM1,
  MAX_NAN,
  MIN_DIM2_KEEP,
  PROD_ALL,
  PROD_DIM1,
  PROD_INPUT,
  REDUCE_CASES,
  REDUCE_INPUT,
  SOFTMAX_BIG,
  SOFTMAX_DIM1,
} from './oracle/torchValues.js';

const R = build(REDUCE_INPUT, [2, 3, 4]);

function dimsOf(key: string): number | number[] | undefined {
  return key === 'all' ? undefined : (JSON.parse(key) as number | number[]);
}

describe('reductions over any dims against PyTorch', () => {
  for (const [key, c] of Object.entries(REDUCE_CASES)) {
    it(`dim=${key}`, () => {
      const dim = dimsOf(key);
      const s = sum(R, dim);
      expect(s.shape).toEqual(c.shape);
      expect(sum(R, dim, true).shape).toEqual(c.keepShape);
      expectClose(flat(s), c.sum, 1e-13, 1e-14);
      expectClose(flat(mean(R, dim)), c.mean, 1e-13, 1e-14);
      expectClose(flat(variance(R, dim)), c.var, 1e-13);
      expectClose(flat(std(R, dim)), c.std, 1e-13);
      expectClose(flat(variance(R, dim, { correction: 0 })), c.var0, 1e-13);
      expectClose(flat(variance(R, dim, { unbiased: false })), c.var0, 1e-13);
      expectClose(flat(logsumexp(R, dim)), c.logsumexp, 1e-14);
      expect(flat(amax(R, dim))).toEqual(c.amax);
      expect(flat(amin(R, dim))).toEqual(c.amin);
      expectClose(flat(norm(R, 2, dim)), c.norm2, 1e-14);
      expectClose(flat(norm(R, 'fro', dim)), c.norm2, 1e-14);
      expectClose(flat(norm(R, 1, dim)), c.norm1, 1e-14);
      expectClose(flat(norm(R, 3, dim)), c.norm3, 1e-14);
      expect(flat(norm(R, Infinity, dim))).toEqual(c.normInf);
    });
  }
  it('reduces transposed and sliced views (memory order differs from logical order)', () => {
    const t = R.permute(2, 0, 1); // shape [4, 2, 3]
    expectClose(flat(sum(t, 0)), flat(sum(R, 2)), 1e-15);
    expectClose(flat(sum(t, [1, 2])), flat(sum(R, [0, 1])), 1e-15);
    expectClose(
      flat(sum(R.slice('..., ::2'), -1)),
      flat(R.select(2, 0)).map((v, i) => v + flat(R.select(2, 2))[i]!),
      1e-15,
    );
  });
  it('prod, max/min with indices, argmax/argmin', () => {
    const P = build(PROD_INPUT, [3, 4]);
    expectClose(flat(prod(P, 1)), PROD_DIM1, 1e-14);
    expectClose([prod(P).item() as number], [PROD_ALL], 1e-14);
    const mx = max(R, 1);
    expect(flat(mx.values)).toEqual(MAX_DIM1.values);
    expect(flat(mx.indices)).toEqual(MAX_DIM1.indices);
    expect(mx.indices.dtype).toBe('int32');
    const mn = min(R, 2, true);
    expect(mn.values.shape).toEqual(MIN_DIM2_KEEP.shape);
    expect(flat(mn.values)).toEqual(MIN_DIM2_KEEP.values);
    expect(flat(mn.indices)).toEqual(MIN_DIM2_KEEP.indices);
    expect(argmax(R).item()).toBe(ARGMAX_ALL);
    expect(flat(argmin(R, 0))).toEqual(ARGMIN_DIM0);
    expect(max(R).item()).toBe(Math.max(...REDUCE_INPUT));
    expect(argmax(R, undefined, true).shape).toEqual([1, 1, 1]);
  });
  it('NaN propagates through max and is what argmax points at', () => {
    const x = tensor([
      [1, NaN, 3],
      [4, 5, 6],
    ]);
    expect(flat(amax(x, 1))).toEqual(MAX_NAN);
    expect(flat(argmax(x, 1))).toEqual(ARGMAX_NAN);
    expect(flat(max(x, 0).values)).toEqual([4, NaN, 6]);
  });
  it('softmax and logSoftmax, stable for large inputs', () => {
    expectClose(flat(softmax(R, 1)), SOFTMAX_DIM1, 1e-14);
    expectClose(flat(logSoftmax(R, -1)), LOG_SOFTMAX_LAST, 1e-14);
    const big = tensor([
      [1000, 1001, 999],
      [-1000, -1002, -1001],
    ]);
    expectClose(flat(softmax(big, 1)), SOFTMAX_BIG, 1e-14);
    expectClose(flat(logsumexp(big, 1)), LOGSUMEXP_BIG, 1e-15);
    expect(
      flat(
        logsumexp(
          tensor([
            [-Infinity, -Infinity],
            [Infinity, 1],
          ]),
          1,
        ),
      ),
    ).toEqual(LOGSUMEXP_INF);
  });
  it('float32 sums accumulate in float64 (no drift over a million terms)', () => {
    const x = full([1 << 20], 0.1, { dtype: 'float32' });
    const s = sum(x);
    expect(s.dtype).toBe('float32');
    // PyTorch: torch.full((2**20,), 0.1, dtype=float32).double().sum(), rounded to float32
    expect(s.item()).toBe(Math.fround(F32_SUM_MILLION_TENTHS));
  });
  it('dtypes: int sums stay int32, bool sums count, mean refuses ints', () => {
    expect(sum(tensor([1, 2], { dtype: 'int32' })).dtype).toBe('int32');
    expect(sum(tensor([true, true, false])).item()).toBe(2);
    expect(() => mean(tensor([1], { dtype: 'int32' }))).toThrow(DTypeError);
    expect(() => variance(tensor([1], { dtype: 'int32' }))).toThrow(DTypeError);
    expect(any(tensor([0, 0, 2])).item()).toBe(true);
    expect(
      all(
        tensor([
          [1, 0],
          [1, 1],
        ]),
        1,
      ).toArray(),
    ).toEqual([false, true]);
  });
  it('empty reductions: sum 0, prod 1, mean NaN, max refuses', () => {
    const e = zeros(0, 3);
    expect(flat(sum(e, 0))).toEqual([0, 0, 0]);
    expect(flat(prod(e, 0))).toEqual([1, 1, 1]);
    expect(mean(e).item()).toBeNaN();
    expect(() => amax(e, 0)).toThrow(IndexError);
    expect(() => max(e, 0)).toThrow(/cannot reduce dimension 0 of size 0/);
    expect(flat(amax(e, 1))).toEqual([]);
  });
  it('bad dims are IndexErrors naming the dim and the rank', () => {
    expect(() => sum(R, 3)).toThrow(IndexError);
    expect(() => sum(R, 3)).toThrow(
      /dim 3 is out of range for an array with 3 dimension\(s\): expected an integer in \[-3, 2\]/,
    );
    expect(() => sum(R, [0, -3])).toThrow(/appears more than once/);
    expect(() => softmax(R, -4)).toThrow(IndexError);
    expect(flat(sum(R, -3))).toEqual(flat(sum(R, 0)));
  });
  it('variance of one element is NaN (N − 1 = 0), as PyTorch', () => {
    expect(variance(tensor([3])).item()).toBeNaN();
    expect(variance(tensor([3]), undefined, { correction: 0 }).item()).toBe(0);
  });
});
