/**
 * Random arrays drawn from a seedable MT19937 stream (`RandomState` of ./random.ts, NumPy's
 * legacy generator). Draws fill the array in row-major order, so after `manualSeed(0)`,
 * `rand(2, 3)` holds the values of `np.random.seed(0); np.random.rand(2, 3)`.
 */
import { allocate, DEFAULT_DTYPE, isFloatingDType, type DType } from './dtype.js';
import { DTypeError } from './errors.js';
import { NDArray, trustedArray } from './ndarray.js';
import { defaultRandomState, type RandomState } from './random.js';
import { shapeSize, type Shape } from './shape.js';
import { splitShapeArgs, type ShapeArgs } from './create.js';

export interface RandomOptions<D extends DType> {
  dtype?: D;
  /** the stream to draw from; the global one (`manualSeed`) by default */
  generator?: RandomState;
}

function floatDType(dtype: DType | undefined, fn: string): DType {
  const d = dtype ?? DEFAULT_DTYPE;
  if (!isFloatingDType(d)) {
    throw new DTypeError(
      `${fn} makes floating-point values; dtype ${d} is not float64 or float32`,
      [d],
    );
  }
  return d;
}

/** Uniform values in [0, 1), as `torch.rand` (drawn like NumPy's `rand`). */
export function rand<D extends DType = 'float64'>(
  ...args: ShapeArgs<RandomOptions<D>>
): NDArray<D> {
  const [shape, opts] = splitShapeArgs(args);
  const dtype = floatDType(opts?.dtype, 'rand') as D;
  const gen = opts?.generator ?? defaultRandomState;
  const out = allocate(dtype, shapeSize(shape));
  for (let i = 0; i < out.length; i++) out[i] = gen.random();
  return trustedArray(dtype, out, shape); // splitShapeArgs checked it
}

/** Standard normal values, as `torch.randn` (drawn like NumPy's `randn`, polar Box–Muller). */
export function randn<D extends DType = 'float64'>(
  ...args: ShapeArgs<RandomOptions<D>>
): NDArray<D> {
  const [shape, opts] = splitShapeArgs(args);
  const dtype = floatDType(opts?.dtype, 'randn') as D;
  const gen = opts?.generator ?? defaultRandomState;
  const out = allocate(dtype, shapeSize(shape));
  for (let i = 0; i < out.length; i++) out[i] = gen.standardNormal();
  return trustedArray(dtype, out, shape); // splitShapeArgs checked it
}

/**
 * Integers in [low, high), as `torch.randint(low, high, size)`; `randint(high, size)` starts at
 * 0. int32 by default (mibun's integer dtype; PyTorch's is int64). Drawn like NumPy's `randint`.
 */
export function randint<D extends DType = 'int32'>(
  high: number,
  shape: Shape,
  options?: RandomOptions<D>,
): NDArray<D>;
export function randint<D extends DType = 'int32'>(
  low: number,
  high: number,
  shape: Shape,
  options?: RandomOptions<D>,
): NDArray<D>;
export function randint(
  a: number,
  b: number | Shape,
  c?: Shape | RandomOptions<DType>,
  d?: RandomOptions<DType>,
): NDArray {
  let low = 0;
  let high: number;
  let shape: Shape;
  let opts: RandomOptions<DType> | undefined;
  if (typeof b === 'number') {
    low = a;
    high = b;
    shape = c as Shape;
    opts = d;
  } else {
    high = a;
    shape = b;
    opts = c as RandomOptions<DType> | undefined;
  }
  const dtype = opts?.dtype ?? 'int32';
  const gen = opts?.generator ?? defaultRandomState;
  const values = gen.randint(low, high, shape.slice());
  const out = allocate(dtype, values.length);
  for (let i = 0; i < out.length; i++) out[i] = values[i]!;
  return new NDArray(dtype, out, shape.slice());
}

export function randLike<D extends DType>(
  a: { readonly shape: Shape; readonly dtype: D },
  options: RandomOptions<D> = {},
): NDArray<D> {
  return rand(a.shape.slice(), {
    dtype: options.dtype ?? a.dtype,
    ...(options.generator ? { generator: options.generator } : {}),
  });
}

export function randnLike<D extends DType>(
  a: { readonly shape: Shape; readonly dtype: D },
  options: RandomOptions<D> = {},
): NDArray<D> {
  return randn(a.shape.slice(), {
    dtype: options.dtype ?? a.dtype,
    ...(options.generator ? { generator: options.generator } : {}),
  });
}
