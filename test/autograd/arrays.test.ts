/**
 * The arrays behind tensors after the trusted construction path (src/tensor/ndarray.ts's
 * `trustedArray`, used by kernels and views): shapes and strides stay frozen and owned (no
 * caller's array is kept), strides are the row-major ones, and the public constructor still
 * checks and copies what it is given.
 */
import { describe, expect, it } from 'vitest';
import { full, ones, randn, tensor, zeros, type Tensor } from '../../src/autograd/index.js';
import { NDArray, ShapeError } from '../../src/tensor/index.js';

const frozen = (t: Tensor) => Object.isFrozen(t.data.shape) && Object.isFrozen(t.data.strides);

describe('arrays made by kernels and views', () => {
  it('have frozen shapes and strides, row-major for new storage', () => {
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const made: Tensor[] = [
      x.add(x),
      x.mul(2).exp(),
      x.sum(1),
      x.sum(),
      x.matmul(x.t()),
      x.t(),
      x.reshape(3, 2),
      x.unsqueeze(0),
      x.narrow(1, 1, 2),
      x.select(0, 1),
      x.expand(2, 2, 3),
      x.t().clone(),
      x.to('float32'),
      x.max(1).values,
      zeros(2, 3),
      ones([4]),
      full([2], 7),
      randn(3, 2),
    ];
    for (const t of made) expect(frozen(t)).toBe(true);
    expect(x.t().clone().data.strides).toEqual([2, 1]);
    expect(x.sum(1).data.strides).toEqual([1]);
    expect(x.sum().data.strides).toEqual([]);
    expect(x.t().data.strides).toEqual([1, 3]);
    expect(() => (x.add(1).data.shape as number[]).push(1)).toThrow(TypeError);
  });

  it('keep no array the caller passed: changing it afterwards changes nothing', () => {
    const shape = [2, 3];
    const z = zeros(shape);
    const f = full(shape, 1);
    const sizes = [3, 2];
    const r = tensor([1, 2, 3, 4, 5, 6]).reshape(sizes);
    const dims = [1, 0];
    const p = r.permute(dims);
    const target = [4, 3, 2];
    const e = r.expand(target);
    shape[0] = 9;
    sizes[1] = 9;
    dims[0] = 0;
    target[0] = 9;
    expect([z.shape, f.shape, r.shape, p.shape, e.shape]).toEqual([
      [2, 3],
      [2, 3],
      [3, 2],
      [2, 3],
      [4, 3, 2],
    ]);
  });
});

describe('the public NDArray constructor', () => {
  it('still checks sizes, strides and bounds, and copies the shape', () => {
    expect(() => new NDArray('float64', new Float64Array(4), [2, 3])).toThrow(ShapeError);
    expect(() => new NDArray('float64', new Float64Array(4), [2, -2])).toThrow(ShapeError);
    expect(() => new NDArray('float64', new Float64Array(4), [2, 2], [2])).toThrow(ShapeError);
    const shape = [2, 2];
    const nd = new NDArray('float64', new Float64Array(4), shape);
    shape[0] = 7;
    expect(nd.shape).toEqual([2, 2]);
    expect(Object.isFrozen(nd.shape)).toBe(true);
  });
});
