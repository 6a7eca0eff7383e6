import { describe, expect, it } from 'vitest';
import {
  DTypeError,
  NDArray,
  RandomState,
  ShapeError,
  arange,
  asTensor,
  emptyLike,
  eye,
  floatTensor,
  fromArray,
  full,
  fullLike,
  linspace,
  manualSeed,
  ones,
  onesLike,
  rand,
  randint,
  randn,
  randnLike,
  tensor,
  zeros,
  zerosLike,
} from '../../src/tensor/index.js';
import { expectClose, flat } from './helpers.js';
import {
  ARANGE_0_1_01,
  LINSPACE_0_1_7,
  LINSPACE_M3_10_6,
  NP_RANDINT_SEED2,
  NP_RANDN_SEED1_5,
  NP_RAND_SEED0_2x3,
} from './oracle/torchValues.js';

// NumPy 1.24: np.random.seed(0); np.random.rand(6)
const SEED0 = [
  0.5488135039273248, 0.7151893663724195, 0.6027633760716439, 0.5448831829968969,
  0.4236547993389047, 0.6458941130666561,
];

describe("the seed's creation cell (torch.tensor / from_numpy / Tensor / as_tensor)", () => {
  it('copies and shares exactly as PyTorch, and prints what the notebook printed', () => {
    const src = new Float64Array(SEED0);
    const x = fromArray(src, [2, 3]); // stands for the NumPy array
    const xTensor = tensor(x);
    const xFromNumpy = fromArray(src, [2, 3]);
    const xFloat = floatTensor(x);
    const xAsTensor = asTensor(x);
    expect([xTensor.dtype, xFromNumpy.dtype, xFloat.dtype, xAsTensor.dtype]).toEqual([
      'float64',
      'float64',
      'float32',
      'float64',
    ]);
    // PyTorch (default dtype float64): print(torch.tensor(x))
    const before = 'tensor([[0.5488, 0.7152, 0.6028],\n        [0.5449, 0.4237, 0.6459]])';
    const before32 =
      'tensor([[0.5488, 0.7152, 0.6028],\n        [0.5449, 0.4237, 0.6459]], dtype=torch.float32)';
    expect(xTensor.toString()).toBe(before);
    expect(xFromNumpy.toString()).toBe(before);
    expect(xFloat.toString()).toBe(before32);
    expect(xAsTensor.toString()).toBe(before);

    src[0] = 100; // x[0, 0] = 100

    const after =
      'tensor([[100.0000,   0.7152,   0.6028],\n        [  0.5449,   0.4237,   0.6459]])';
    expect(xTensor.toString()).toBe(before);
    expect(xFromNumpy.toString()).toBe(after);
    expect(xFloat.toString()).toBe(before32);
    expect(xAsTensor.toString()).toBe(after);
  });

  it('shares both ways: writes through the NDArray show in the typed array', () => {
    const src = new Float32Array([1, 2, 3, 4]);
    const a = fromArray(src, [2, 2]);
    a.set([1, 0], 7);
    expect(src[2]).toBe(7);
    expect(a.version).toBe(1);
  });

  it('asTensor shares a typed array of the asked dtype and copies otherwise', () => {
    const src = new Float64Array([1, 2]);
    const same = asTensor(src);
    const cast = asTensor(src, 'float32');
    src[0] = 5;
    expect(same.get(0)).toBe(5);
    expect(cast.get(0)).toBe(1);
    const nd = tensor([1, 2]);
    expect(asTensor(nd)).toBe(nd);
    expect(asTensor(nd, 'int32').dtype).toBe('int32');
  });
});

describe('tensor() from nested data', () => {
  it('infers shape and dtype (numbers → float64, booleans → bool, typed arrays keep theirs)', () => {
    expect(
      tensor([
        [1, 2, 3],
        [4, 5, 6],
      ]).shape,
    ).toEqual([2, 3]);
    expect(tensor([1, 2]).dtype).toBe('float64');
    expect(tensor([true, false]).dtype).toBe('bool');
    expect(tensor(new Int32Array([1, 2])).dtype).toBe('int32');
    expect(tensor(3.5).shape).toEqual([]);
    expect(tensor(3.5).item()).toBe(3.5);
    expect(tensor([]).shape).toEqual([0]);
    expect(tensor([[], []]).shape).toEqual([2, 0]);
    expect(tensor([new Float64Array([1, 2]), new Float64Array([3, 4])]).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
  it('converts on request: float → int32 truncates, → bool is ≠ 0', () => {
    expect(tensor([1.7, -1.7, 2.2], { dtype: 'int32' }).toArray()).toEqual([1, -1, 2]);
    expect(tensor([0, 0.5, NaN], { dtype: 'bool' }).toArray()).toEqual([false, true, true]);
    expect(flat(tensor([0.1], { dtype: 'float32' }))).toEqual([Math.fround(0.1)]);
  });
  it('rejects ragged data, naming the path and the lengths', () => {
    expect(() =>
      tensor([
        [1, 2, 3],
        [4, 5],
      ]),
    ).toThrow(ShapeError);
    expect(() =>
      tensor([
        [1, 2, 3],
        [4, 5],
      ]),
    ).toThrow(/data\[1\] has length 2 but data\[0\] has length 3/);
    expect(() => tensor([[1, 2], 3])).toThrow(/ragged nested array: data\[1\] is a number/);
    expect(() =>
      tensor([
        [[1], [2]],
        [[3], [4, 5]],
      ]),
    ).toThrow(/data\[1\]\[1\] has length 2 but data\[1\]\[0\] has length 1/);
    expect(() => tensor([1, [2]] as unknown as number[])).toThrow(/data\[1\] is an array/);
    expect(() => tensor(['a'] as unknown as number[])).toThrow(DTypeError);
  });
  it('rejects unknown dtypes', () => {
    expect(() => tensor([1], { dtype: 'int64' as 'int32' })).toThrow(DTypeError);
  });
});

describe('fromArray', () => {
  it('checks that the shape fits the buffer', () => {
    expect(() => fromArray(new Float64Array(6), [4, 2])).toThrow(ShapeError);
    expect(() => fromArray(new Float64Array(6), [4, 2])).toThrow(
      /\[4, 2\] has 8 elements but the array has 6/,
    );
    expect(() => fromArray(new Uint16Array(2) as unknown as Uint8Array)).toThrow(DTypeError);
  });
  it('maps Uint8Array to bool', () => {
    expect(fromArray(new Uint8Array([1, 0])).toArray()).toEqual([true, false]);
  });
});

describe('filled constructors', () => {
  it('zeros/ones/full/eye with shapes spread or listed', () => {
    expect(zeros(2, 3).shape).toEqual([2, 3]);
    expect(zeros([2, 3], { dtype: 'int32' }).dtype).toBe('int32');
    expect(ones(2, { dtype: 'float32' }).toArray()).toEqual([1, 1]);
    expect(full([2], 7).toArray()).toEqual([7, 7]);
    expect(full([1], true).dtype).toBe('bool');
    expect(eye(2, 3).toArray()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(eye(2).toArray()).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(() => zeros(-1)).toThrow(ShapeError);
    expect(() => zeros(1.5)).toThrow(ShapeError);
  });
  it('*Like copy shape and dtype', () => {
    const a = ones([2, 2], { dtype: 'float32' });
    expect(zerosLike(a).dtype).toBe('float32');
    expect(onesLike(a).toArray()).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(fullLike(a, 3).toArray()).toEqual([
      [3, 3],
      [3, 3],
    ]);
    expect(emptyLike(a).shape).toEqual([2, 2]);
    expect(randnLike(a).dtype).toBe('float32');
  });
  it('arange and linspace agree with PyTorch', () => {
    expect(arange(5).toArray()).toEqual([0, 1, 2, 3, 4]);
    expect(arange(2, 8, 3).toArray()).toEqual([2, 5]);
    expect(arange(5, { dtype: 'int32' }).dtype).toBe('int32');
    expect(flat(arange(0, 1, 0.1))).toEqual(ARANGE_0_1_01); // torch.arange(0, 1, 0.1)
    expect(flat(linspace(0, 1, 7))).toEqual(LINSPACE_0_1_7); // torch.linspace(0, 1, 7), bit for bit
    expect(flat(linspace(-3, 10, 6))).toEqual(LINSPACE_M3_10_6);
    expect(linspace(2, 3, 1).toArray()).toEqual([2]);
    expect(() => arange(0, 1, 0)).toThrow(ShapeError);
  });
});

describe('random constructors draw from NumPy-compatible MT19937', () => {
  it('rand after manualSeed(0) equals np.random.seed(0); np.random.rand(2, 3)', () => {
    manualSeed(0);
    const a = rand(2, 3);
    expect(a.shape).toEqual([2, 3]);
    expect(flat(a)).toEqual(NP_RAND_SEED0_2x3);
  });
  it('randn and randint equal NumPy for the same seed', () => {
    expectClose(flat(randn(5, { generator: new RandomState(1) })), NP_RANDN_SEED1_5, 1e-15);
    const r = randint(-3, 7, [8], { generator: new RandomState(2) });
    expect(r.dtype).toBe('int32');
    expect(flat(r)).toEqual(NP_RANDINT_SEED2);
  });
  it('float32 rand rounds the float64 draws', () => {
    const a = rand([3], { dtype: 'float32', generator: new RandomState(0) });
    expect(flat(a)).toEqual(NP_RAND_SEED0_2x3.slice(0, 3).map(Math.fround));
    expect(() => rand([2], { dtype: 'int32' })).toThrow(DTypeError);
  });
});

describe('accessors', () => {
  it('item, get, toArray, data, numel, dim, size', () => {
    const a = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(a.numel()).toBe(6);
    expect(a.dim()).toBe(2);
    expect(a.size()).toEqual([2, 3]);
    expect(a.size(-1)).toBe(3);
    expect(a.get(1, -1)).toBe(6);
    expect(a.T.get(2, 0)).toBe(3);
    expect(Array.from(a.T.data)).toEqual([1, 4, 2, 5, 3, 6]);
    expect(a.data).toBe(a.storage); // contiguous: no copy
    expect(tensor([[7]]).item()).toBe(7);
    expect(tensor([true]).item()).toBe(true);
    expect(() => a.item()).toThrow(
      /item\(\) needs exactly one element, but the array has shape \[2, 3\]/,
    );
    expect(() => a.get(2, 0)).toThrow(/index 2 is out of range for dimension 0 of size 2/);
    expect(() => a.get(0)).toThrow(/1 indices given for an array with 2 dimension/);
  });
  it('NDArray refuses a layout that reaches outside its storage', () => {
    expect(() => new NDArray('float64', new Float64Array(4), [2, 3])).toThrow(ShapeError);
  });
});
