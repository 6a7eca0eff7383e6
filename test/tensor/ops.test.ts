import { describe, expect, it } from 'vitest';
import {
  DTypeError,
  IndexError,
  ShapeError,
  add_,
  arange,
  broadcastTo,
  cat,
  chunk,
  copy_,
  div_,
  fill_,
  gather,
  indexAdd,
  indexSelect,
  maskedFill,
  maskedFill_,
  maskedScatter,
  maskedSelect,
  matmul,
  mul_,
  ones,
  outer,
  scatterAdd,
  split,
  stack,
  sub_,
  sumToShape,
  gt,
  lt,
  tensor,
  zero_,
  zeros,
} from '../../src/tensor/index.js';
import { build, expectClose, flat } from './helpers.js';
import {
  BATCH_A,
  BATCH_AB,
  BATCH_B,
  GATHER_DIM0,
  GATHER_DIM1,
  GATHER_INPUT,
  INDEX_ADD_DIM0,
  INDEX_SELECT_DIM1,
  MASKED_FILL,
  MASKED_SELECT,
  MASKED_SELECT_BCAST,
  MM_A,
  MM_AB,
  MM_B,
  MV_A3,
  SCATTER_ADD_DIM1,
  VM_3B,
  VV,
} from './oracle/torchValues.js';

describe('matmul against PyTorch', () => {
  const A = build(MM_A, [2, 3]);
  const B = build(MM_B, [3, 4]);
  const v = tensor([1, -2, 0.5]);
  it('matrix·matrix, matrix·vector, vector·matrix, vector·vector', () => {
    expectClose(flat(matmul(A, B)), MM_AB, 1e-14);
    const mv = matmul(A, v);
    expect(mv.shape).toEqual([2]);
    expectClose(flat(mv), MV_A3, 1e-14);
    expect(matmul(v, B).shape).toEqual([4]);
    expectClose(flat(matmul(v, B)), VM_3B, 1e-14);
    const vv = matmul(v, v);
    expect(vv.shape).toEqual([]);
    expect(vv.item()).toBeCloseTo(VV, 14);
  });
  it('batched with broadcasting: [2,1,3,4]·[5,4,2] → [2,5,3,2]', () => {
    const r = matmul(build(BATCH_A, [2, 1, 3, 4]), build(BATCH_B, [5, 4, 2]));
    expect(r.shape).toEqual(BATCH_AB.shape);
    expectClose(flat(r), BATCH_AB.data, 1e-14);
  });
  it('reads transposed operands without copying them, and agrees with the copy', () => {
    const Bt = B.T.contiguous().T; // same values, column-major layout
    expectClose(flat(matmul(A, Bt)), MM_AB, 1e-14);
    expectClose(flat(matmul(B.T, A.T)), flat(matmul(A, B).T), 1e-14);
  });
  it('dtypes: float32 stays, int32 stays (wrapping), bool refused', () => {
    expect(matmul(A.to('float32'), B.to('float32')).dtype).toBe('float32');
    expect(
      matmul(
        tensor([[1, 2]], { dtype: 'int32' }),
        tensor([[3], [4]], { dtype: 'int32' }),
      ).toArray(),
    ).toEqual([[11]]);
    expect(matmul(tensor([[1, 2]], { dtype: 'int32' }), tensor([[0.5], [1]])).dtype).toBe(
      'float64',
    );
    expect(() => matmul(tensor([true]), tensor([true]))).toThrow(DTypeError);
  });
  it('shape errors name both shapes', () => {
    expect(() => matmul(A, A)).toThrow(
      /shapes \[2, 3\] and \[2, 3\] do not fit: the first has 3 columns, the second 2 rows/,
    );
    expect(() => matmul(tensor(1), A)).toThrow(ShapeError);
    expect(() => matmul(zeros(2, 2, 3), zeros(3, 3, 1))).toThrow(/batch dims/);
  });
  it('outer', () => {
    expect(outer(tensor([1, 2]), tensor([3, 4, 5])).toArray()).toEqual([
      [3, 4, 5],
      [6, 8, 10],
    ]);
  });
});

describe('cat, stack, split, chunk', () => {
  const x = arange(6).reshape(2, 3);
  it('cat along any dim, promoting dtypes', () => {
    expect(cat([x, x], 0).shape).toEqual([4, 3]);
    expect(cat([x, x.slice(':, :1')], 1).toArray()).toEqual([
      [0, 1, 2, 0],
      [3, 4, 5, 3],
    ]);
    expect(cat([x.to('int32'), x.to('float32')], -1).dtype).toBe('float32');
    expect(cat([zeros(0), x.reshape(-1)]).shape).toEqual([6]);
    expect(() => cat([x, zeros(3, 3)], 1)).toThrow(
      /\[2, 3\] and \[3, 3\] must match in every other dim/,
    );
    expect(() => cat([x], 2)).toThrow(IndexError);
  });
  it('stack makes a new dim', () => {
    expect(stack([x, x], 1).shape).toEqual([2, 2, 3]);
    expect(stack([x, x], -1).shape).toEqual([2, 3, 2]);
    expect(stack([tensor(1), tensor(2)]).toArray()).toEqual([1, 2]);
    expect(() => stack([x, x.T])).toThrow(ShapeError);
  });
  it('split and chunk return views', () => {
    const parts = split(arange(7), 3);
    expect(parts.map((p) => p.toArray())).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(parts[0]!.storage).toBe(parts[1]!.storage);
    expect(split(x, [1, 2], 1).map((p) => p.shape)).toEqual([
      [2, 1],
      [2, 2],
    ]);
    expect(() => split(x, [1, 1], 1)).toThrow(
      /add up to 2, but dim 1 of shape \[2, 3\] has size 3/,
    );
    expect(chunk(arange(6), 4).map((p) => p.numel())).toEqual([2, 2, 2]);
  });
});

describe('gather/scatterAdd, indexSelect/indexAdd, masked ops against PyTorch', () => {
  const G = build(GATHER_INPUT, [3, 4]);
  const idx = tensor(
    [
      [0, 3],
      [2, 2],
      [1, 0],
    ],
    { dtype: 'int32' },
  );
  it('gather', () => {
    expect(flat(gather(G, 1, idx))).toEqual(GATHER_DIM1);
    expect(flat(gather(G, 0, tensor([[2, 0, 1, 1]], { dtype: 'int32' })))).toEqual(GATHER_DIM0);
    expect(flat(gather(G.T, 0, idx.T))).toEqual(flat(gather(G, 1, idx).T));
  });
  it('scatterAdd is the transpose of gather (duplicate indices add up)', () => {
    const src = ones(3, 2);
    src.set([1, 0], 10);
    src.set([1, 1], 10);
    src.set([2, 0], 100);
    src.set([2, 1], 100);
    expect(flat(scatterAdd(zeros(3, 4), 1, idx, src))).toEqual(SCATTER_ADD_DIM1);
  });
  it('indexSelect and indexAdd', () => {
    expect(flat(indexSelect(G, 1, [3, 0, 3]))).toEqual(INDEX_SELECT_DIM1);
    expect(flat(indexAdd(zeros(3, 4), 0, [2, 0, 2], arange(12).reshape(3, 4)))).toEqual(
      INDEX_ADD_DIM0,
    );
  });
  it('maskedSelect/maskedFill/maskedScatter', () => {
    expect(flat(maskedSelect(G, gt(G, 0.3)))).toEqual(MASKED_SELECT);
    expect(flat(maskedSelect(G, tensor([true, false, false, true])))).toEqual(MASKED_SELECT_BCAST);
    expect(flat(maskedFill(G, lt(G, 0), -1))).toEqual(MASKED_FILL);
    const m = gt(G, 0.3);
    const picked = maskedSelect(G, m);
    // maskedScatter puts maskedSelect's values back where they came from
    expect(flat(maskedScatter(zeros(3, 4), m, picked))).toEqual(
      flat(G).map((v) => (v > 0.3 ? v : 0)),
    );
    expect(() => maskedScatter(zeros(3, 4), m, tensor([1]))).toThrow(IndexError);
  });
  it('every index is checked: IndexError, never a silent NaN', () => {
    expect(() => gather(G, 1, tensor([[4]], { dtype: 'int32' }))).toThrow(
      /index 4 is out of range for dim 1 of size 4/,
    );
    expect(flat(gather(G, 1, tensor([[-1]], { dtype: 'int32' })))).toEqual([G.get(0, 3)]);
    expect(() => indexSelect(G, 0, [3])).toThrow(IndexError);
    expect(() => indexSelect(G, 2, [0])).toThrow(IndexError);
    expect(() => gather(G, 1, tensor([[0.5]]) as never)).toThrow(DTypeError);
    expect(() => maskedSelect(G, tensor([1, 0, 0, 1]) as never)).toThrow(DTypeError);
    expect(() => scatterAdd(zeros(3, 4), 1, tensor([[9]], { dtype: 'int32' }), ones(1, 1))).toThrow(
      IndexError,
    );
  });
});

describe('sumToShape and broadcastTo', () => {
  it('sums broadcast dims away (the gradient of broadcasting)', () => {
    const g = arange(24).reshape(2, 3, 4);
    expect(sumToShape(g, [3, 4]).shape).toEqual([3, 4]);
    expect(flat(sumToShape(g, [3, 1]))).toEqual([60, 92, 124]);
    expect(flat(sumToShape(g, [1, 1, 4]))).toEqual([60, 66, 72, 78]);
    expect(sumToShape(g, []).item()).toBe(276);
    expect(sumToShape(g, [2, 3, 4])).toBe(g);
    expect(() => sumToShape(g, [2, 4])).toThrow(/\[2, 4\] does not broadcast to \[2, 3, 4\]/);
  });
  it('broadcastTo is a view', () => {
    const b = broadcastTo(tensor([1, 2]), [3, 2]);
    expect(b.strides).toEqual([0, 1]);
    expect(() => broadcastTo(tensor([1, 2]), [3])).toThrow(ShapeError);
  });
});

describe('in-place ops bump the version shared by views', () => {
  it('add_/sub_/mul_/div_/fill_/zero_/copy_', () => {
    const p = tensor([1, 2, 3, 4]);
    const v = p.reshape(2, 2);
    add_(p, tensor([1, 1, 1, 1]));
    sub_(p, 1, 2); // p -= 2·1
    mul_(v, tensor([[10], [100]])); // broadcast operand
    div_(p, 2);
    expect(p.toArray()).toEqual([0, 5, 100, 150]);
    expect(p.version).toBe(4);
    expect(v.version).toBe(4);
    fill_(v.slice(':, 1'), 7);
    expect(p.toArray()).toEqual([0, 7, 100, 7]);
    zero_(v.select(0, 1));
    expect(p.toArray()).toEqual([0, 7, 0, 0]);
    copy_(v, tensor([5, 6], { dtype: 'int32' }));
    expect(p.toArray()).toEqual([5, 6, 5, 6]);
    expect(p.version).toBe(7);
    add_(p, tensor([1, 2, 3, 4]), -1);
    expect(p.toArray()).toEqual([4, 4, 2, 2]);
  });
  it('reads an overlapping source before writing (a.add_(a.T))', () => {
    const m = tensor([
      [1, 2],
      [3, 4],
    ]);
    add_(m, m.T);
    expect(m.toArray()).toEqual([
      [2, 5],
      [5, 8],
    ]);
  });
  it('refuses to grow the target or to write floats into int32', () => {
    expect(() => add_(zeros(2), zeros(2, 2))).toThrow(
      /does not broadcast to the target's shape \[2\]/,
    );
    expect(() => div_(zeros(2, { dtype: 'int32' }), 2)).toThrow(DTypeError);
    expect(() => add_(zeros(2, { dtype: 'int32' }), 0.5)).toThrow(/cannot be written in place/);
    const i = zeros(2, { dtype: 'int32' });
    add_(i, 3);
    expect(i.toArray()).toEqual([3, 3]);
    const f32 = zeros(2, { dtype: 'float32' });
    add_(f32, tensor([0.1, 0.2])); // float64 operand into float32: allowed (same category)
    expect(flat(f32)).toEqual([Math.fround(0.1), Math.fround(0.2)]);
    const mask = tensor([true, false]);
    maskedFill_(f32, mask, 9);
    expect(flat(f32)).toEqual([9, Math.fround(0.2)]);
  });
});
