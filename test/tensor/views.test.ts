import { describe, expect, it } from 'vitest';
import {
  IndexError,
  ShapeError,
  arange,
  expand,
  flip,
  narrow,
  permute,
  reshape,
  select,
  slice,
  squeeze,
  tensor,
  transpose,
  unsqueeze,
  view,
  zeros,
} from '../../src/tensor/index.js';
import { flat } from './helpers.js';

const a = arange(24).reshape(2, 3, 4);

describe('views share storage and version', () => {
  it('reshape/view of a contiguous array are views', () => {
    const r = a.reshape(6, 4);
    expect(r.storage).toBe(a.storage);
    expect(view(a, [4, -1]).shape).toEqual([4, 6]);
    expect(reshape(a, [-1]).shape).toEqual([24]);
    r.set([0, 0], 99);
    expect(a.get(0, 0, 0)).toBe(99);
    expect(a.version).toBe(1);
    r.set([0, 0], 0);
  });
  it('transpose/permute/T/mT move strides, not data', () => {
    const t = transpose(a, 0, 2);
    expect(t.shape).toEqual([4, 3, 2]);
    expect(t.strides).toEqual([1, 4, 12]);
    expect(t.get(3, 2, 1)).toBe(a.get(1, 2, 3));
    expect(permute(a, [1, 2, 0]).shape).toEqual([3, 4, 2]);
    expect(a.T.shape).toEqual([4, 3, 2]);
    expect(a.mT.shape).toEqual([2, 4, 3]);
    expect(a.permute(2, 0, 1).isContiguous()).toBe(false);
  });
  it('squeeze/unsqueeze/expand/flatten/unflatten', () => {
    const s = zeros(1, 3, 1);
    expect(squeeze(s).shape).toEqual([3]);
    expect(squeeze(s, 0).shape).toEqual([3, 1]);
    expect(s.squeeze(1).shape).toEqual([1, 3, 1]); // size 3: left alone, as PyTorch
    expect(unsqueeze(a, -1).shape).toEqual([2, 3, 4, 1]);
    expect(unsqueeze(a, 0).shape).toEqual([1, 2, 3, 4]);
    const e = expand(tensor([[1], [2]]), [3, 2, -1]);
    expect(e.shape).toEqual([3, 2, 1]);
    expect(
      tensor([[1], [2]])
        .expand(2, 5)
        .toArray(),
    ).toEqual([
      [1, 1, 1, 1, 1],
      [2, 2, 2, 2, 2],
    ]);
    expect(a.flatten(1).shape).toEqual([2, 12]);
    expect(a.flatten().shape).toEqual([24]);
    expect(a.unflatten(2, [2, -1]).shape).toEqual([2, 3, 2, 2]);
  });
  it('narrow/select/slice', () => {
    expect(flat(narrow(a, 2, 1, 2).select(0, 0).select(0, 0))).toEqual([1, 2]);
    expect(flat(narrow(a, 2, -2, 2).select(0, 1).select(0, 2))).toEqual([22, 23]);
    expect(select(a, -1, -1).shape).toEqual([2, 3]);
    expect(flat(select(a, -1, -1))).toEqual([3, 7, 11, 15, 19, 23]);
    // NumPy: np.arange(24).reshape(2,3,4)[1:, ::2, -1]
    expect(flat(a.slice('1:, ::2, -1'))).toEqual([15, 23]);
    expect(flat(slice(a, [1, null], [null, null, 2], -1))).toEqual([15, 23]);
    // a[..., 1:3] and a[None, 0, :, 0]
    expect(a.slice('..., 1:3').shape).toEqual([2, 3, 2]);
    expect(a.slice('None, 0, :, 0').toArray()).toEqual([[0, 4, 8]]);
    expect(a.slice(0, '...', 'newaxis').shape).toEqual([3, 4, 1]);
    // Python clamps slice bounds: a[:, 1:100] and a[:, 5:]
    expect(a.slice(':, 1:100').shape).toEqual([2, 2, 4]);
    expect(a.slice(':, 5:').shape).toEqual([2, 0, 4]);
    expect(a.slice(':, -2:').shape).toEqual([2, 2, 4]);
    expect(a.slice('').shape).toEqual([2, 3, 4]);
  });
  it('flip copies with the order reversed', () => {
    expect(flat(flip(arange(4), 0))).toEqual([3, 2, 1, 0]);
    expect(
      flip(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        [0, 1],
      ).toArray(),
    ).toEqual([
      [4, 3],
      [2, 1],
    ]);
  });
});

describe('copies', () => {
  it('contiguous copies only when needed; clone always', () => {
    expect(a.contiguous()).toBe(a);
    const t = a.T.contiguous();
    expect(t.isContiguous()).toBe(true);
    expect(t.storage).not.toBe(a.storage);
    expect(t.toArray()).toEqual(a.T.toArray());
    const c = a.clone();
    expect(c.storage).not.toBe(a.storage);
    expect(c.version).toBe(0);
  });
  it('reshape copies a non-viewable layout, view refuses it', () => {
    const t = a.transpose(0, 1); // [3, 2, 4], not contiguous
    expect(t.reshape(3, 2, 2, 2).storage).toBe(a.storage); // splitting the last dim: a view
    expect(t.reshape(3, 8).storage).not.toBe(a.storage); // merging dims 1, 2 (strides 12, 1): a copy
    const u = a.transpose(1, 2); // [2, 4, 3]
    const r = u.reshape(-1);
    expect(r.storage).not.toBe(a.storage);
    expect(flat(r)).toEqual(flat(u));
    expect(() => u.view(-1)).toThrow(ShapeError);
    expect(() => u.view(-1)).toThrow(/cannot be viewed as \[24\] without copying/);
  });
  it('to() converts dtype', () => {
    expect(tensor([1.9, -1.9]).to('int32').toArray()).toEqual([1, -1]);
    expect(tensor([0, 2]).to('bool').toArray()).toEqual([false, true]);
    const f = tensor([1]);
    expect(f.to('float64')).toBe(f);
  });
});

describe('bad shapes, indices and axes', () => {
  it('reshape with the wrong count or two -1s', () => {
    expect(() => a.reshape(5, 5)).toThrow(
      /shape \[5, 5\] \(25 elements\) is invalid for an array of shape \[2, 3, 4\] \(24 elements\)/,
    );
    expect(() => a.reshape(-1, -1)).toThrow(/more than one -1/);
    expect(() => a.reshape(5, -1)).toThrow(ShapeError);
  });
  it('out-of-range dims (negative allowed as PyTorch)', () => {
    expect(() => a.transpose(0, 3)).toThrow(IndexError);
    expect(a.transpose(-1, -3).shape).toEqual([4, 3, 2]);
    expect(() => a.permute(0, 1)).toThrow(/permute needs one dim per dimension/);
    expect(() => a.permute(0, 1, 1)).toThrow(/appears more than once/);
    expect(() => a.unsqueeze(4)).toThrow(IndexError);
    expect(a.unsqueeze(3).shape).toEqual([2, 3, 4, 1]);
    expect(a.unsqueeze(-4).shape).toEqual([1, 2, 3, 4]);
    expect(() => a.unsqueeze(-5)).toThrow(IndexError);
    expect(() => a.size(3)).toThrow(IndexError);
  });
  it('out-of-range indices and bad slices', () => {
    expect(() => a.select(1, 3)).toThrow(/index 3 is out of range for dimension 1 of size 3/);
    expect(a.select(1, -3).shape).toEqual([2, 4]);
    expect(() => a.select(1, -4)).toThrow(IndexError);
    expect(() => a.narrow(2, 3, 2)).toThrow(/start 3 \+ length 2 exceeds dimension 2 of size 4/);
    expect(() => a.slice('0, 0, 0, 0')).toThrow(/too many indices: 4 given for an array with 3/);
    expect(() => a.slice('::-1')).toThrow(/steps must be positive/);
    expect(() => a.slice('1:x')).toThrow(/"x" is not an integer/);
    expect(() => a.slice('..., ...')).toThrow(/only one ellipsis/);
    expect(() => a.slice(':, 5')).toThrow(IndexError);
  });
  it('expand refuses non-1 dims', () => {
    expect(() => a.expand(2, 3, 5)).toThrow(/size 4 at dimension 2 must be 1 to grow to 5/);
    expect(() => a.expand(3, 4)).toThrow(ShapeError);
  });
});
