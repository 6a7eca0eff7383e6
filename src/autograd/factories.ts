/**
 * Factories that return Tensors: the tensor module's creation functions, plus PyTorch's
 * `requiresGrad` option. Sharing follows the tensor module (and PyTorch): `tensor` copies,
 * `fromArray` shares the typed array, `asTensor` shares when it can, `floatTensor` copies into
 * float32 (PyTorch's `torch.Tensor(x)`).
 */
import {
  arange as ndArange,
  asTensor as ndAsTensor,
  empty as ndEmpty,
  eye as ndEye,
  floatTensor as ndFloatTensor,
  fromArray as ndFromArray,
  full as ndFull,
  fullLike as ndFullLike,
  linspace as ndLinspace,
  NDArray,
  ones as ndOnes,
  onesLike as ndOnesLike,
  rand as ndRand,
  randint as ndRandint,
  randLike as ndRandLike,
  randn as ndRandn,
  randnLike as ndRandnLike,
  tensor as ndTensor,
  zeros as ndZeros,
  zerosLike as ndZerosLike,
  type DType,
  type DTypeArray,
  type NestedData,
  type RandomState,
  type Shape,
  type ShapeArgs,
} from '../tensor/index.js';
import { Tensor } from './tensor.js';

/** Options of the factories: the dtype (float64 by default) and whether it requires grad. */
export interface TensorOptions<D extends DType> {
  dtype?: D;
  requiresGrad?: boolean;
}

export interface RandomTensorOptions<D extends DType> extends TensorOptions<D> {
  /** the stream to draw from; the global one (`manualSeed`) by default */
  generator?: RandomState;
}

function make<D extends DType>(nd: NDArray<D>, requiresGrad: boolean | undefined): Tensor<D> {
  const t = new Tensor(nd);
  if (requiresGrad) t.requiresGrad_();
  return t;
}

function lastOptions(args: readonly unknown[]): { requiresGrad?: boolean } | undefined {
  const last = args[args.length - 1];
  return typeof last === 'object' && last !== null && !Array.isArray(last)
    ? (last as { requiresGrad?: boolean })
    : undefined;
}

function dtypeOnly<D extends DType>(o: TensorOptions<D> | undefined): { dtype?: D } {
  return o?.dtype === undefined ? {} : { dtype: o.dtype };
}

type Data = NestedData | NDArray | Tensor;

function rawData(data: Data): NestedData | NDArray {
  return data instanceof Tensor ? data.data : data;
}

/**
 * A new tensor holding a copy of `data` (PyTorch's `torch.tensor`): numbers give float64,
 * booleans bool, typed arrays and NDArrays keep their dtype. `tensor(2.5)` is a 0-d scalar.
 *
 * @example
 * const x = tensor([1.0], { requiresGrad: true });
 * String(x); // 'tensor([1.], requires_grad=True)'
 */
export function tensor<D extends DType>(
  data: Data,
  options: TensorOptions<D> & { dtype: D },
): Tensor<D>;
export function tensor(data: Float32Array, options?: TensorOptions<never>): Tensor<'float32'>;
export function tensor(data: Int32Array, options?: TensorOptions<never>): Tensor<'int32'>;
export function tensor<E extends DType>(
  data: NDArray<E> | Tensor<E>,
  options?: TensorOptions<never>,
): Tensor<E>;
export function tensor(
  data: boolean | readonly boolean[] | readonly (readonly boolean[])[],
  options?: TensorOptions<never>,
): Tensor<'bool'>;
export function tensor(data: NestedData, options?: TensorOptions<never>): Tensor<'float64'>;
export function tensor(data: Data, options?: TensorOptions<DType>): Tensor;
export function tensor(data: Data, options: TensorOptions<DType> = {}): Tensor {
  return make(ndTensor(rawData(data), dtypeOnly(options)), options.requiresGrad);
}

/** A tensor sharing the typed array's memory (PyTorch's `torch.from_numpy`). */
export function fromArray<A extends DTypeArray[DType]>(
  data: A,
  shape?: Shape,
  options: { requiresGrad?: boolean } = {},
): Tensor<DTypeOf<A>> {
  return make(ndFromArray(data, shape) as NDArray<DTypeOf<A>>, options.requiresGrad);
}

/** The dtype a typed array stands for. */
export type DTypeOf<A> = A extends Float64Array
  ? 'float64'
  : A extends Float32Array
    ? 'float32'
    : A extends Int32Array
      ? 'int32'
      : 'bool';

/** The same memory when no conversion is needed, else a converted copy (PyTorch's `torch.as_tensor`). */
export function asTensor<D extends DType>(data: Data, dtype: D): Tensor<D>;
export function asTensor<E extends DType>(data: Tensor<E> | NDArray<E>): Tensor<E>;
export function asTensor(data: Float32Array): Tensor<'float32'>;
export function asTensor(data: Int32Array): Tensor<'int32'>;
export function asTensor(data: NestedData): Tensor;
export function asTensor(data: Data, dtype?: DType): Tensor {
  if (data instanceof Tensor) return dtype === undefined ? data : data.to(dtype);
  const nd = dtype === undefined ? ndAsTensor(data as NestedData) : ndAsTensor(data, dtype);
  return new Tensor(nd);
}

/** A float32 copy (PyTorch's `torch.Tensor(x)`). */
export function floatTensor(
  data: Data,
  options: { requiresGrad?: boolean } = {},
): Tensor<'float32'> {
  return make(ndFloatTensor(rawData(data)), options.requiresGrad);
}

/** Zeros of a shape: `zeros(2, 3)`, `zeros([2, 3], { dtype: 'float32', requiresGrad: true })`. */
export function zeros<D extends DType = 'float64'>(
  ...args: ShapeArgs<TensorOptions<D>>
): Tensor<D> {
  return make(ndZeros<D>(...args), lastOptions(args)?.requiresGrad);
}

/** Ones of a shape. */
export function ones<D extends DType = 'float64'>(...args: ShapeArgs<TensorOptions<D>>): Tensor<D> {
  return make(ndOnes<D>(...args), lastOptions(args)?.requiresGrad);
}

/** Uninitialised in PyTorch; zeros here. */
export function empty<D extends DType = 'float64'>(
  ...args: ShapeArgs<TensorOptions<D>>
): Tensor<D> {
  return make(ndEmpty<D>(...args), lastOptions(args)?.requiresGrad);
}

/** `shape` filled with `value`. */
export function full<D extends DType = 'float64'>(
  shape: number | readonly number[],
  value: number | boolean,
  options: TensorOptions<D> = {},
): Tensor<D> {
  return make(ndFull(shape, value, dtypeOnly(options)), options.requiresGrad);
}

type Like<D extends DType> = { readonly shape: Shape; readonly dtype: D };

export function zerosLike<D extends DType>(a: Like<D>, options: TensorOptions<D> = {}): Tensor<D> {
  return make(ndZerosLike(a, dtypeOnly(options)), options.requiresGrad);
}

export function onesLike<D extends DType>(a: Like<D>, options: TensorOptions<D> = {}): Tensor<D> {
  return make(ndOnesLike(a, dtypeOnly(options)), options.requiresGrad);
}

export function fullLike<D extends DType>(
  a: Like<D>,
  value: number | boolean,
  options: TensorOptions<D> = {},
): Tensor<D> {
  return make(ndFullLike(a, value, dtypeOnly(options)), options.requiresGrad);
}

/** Values from `start` to `end` (exclusive) by `step`, as `torch.arange`; `arange(n)` is 0…n-1. */
export function arange<D extends DType = 'float64'>(
  end: number,
  options?: TensorOptions<D>,
): Tensor<D>;
export function arange<D extends DType = 'float64'>(
  start: number,
  end: number,
  step?: number,
  options?: TensorOptions<D>,
): Tensor<D>;
export function arange(
  a: number,
  b?: number | TensorOptions<DType>,
  c?: number,
  d?: TensorOptions<DType>,
): Tensor {
  if (typeof b === 'number') return make(ndArange(a, b, c ?? 1, dtypeOnly(d)), d?.requiresGrad);
  return make(ndArange(a, dtypeOnly(b)), b?.requiresGrad);
}

/** `steps` evenly spaced values from `start` to `end` inclusive. */
export function linspace<D extends DType = 'float64'>(
  start: number,
  end: number,
  steps: number,
  options: TensorOptions<D> = {},
): Tensor<D> {
  return make(ndLinspace(start, end, steps, dtypeOnly(options)), options.requiresGrad);
}

/** The n×m identity (m = n by default). */
export function eye<D extends DType = 'float64'>(
  n: number,
  m?: number | TensorOptions<D>,
  options?: TensorOptions<D>,
): Tensor<D> {
  const opts = typeof m === 'object' ? m : options;
  const cols = typeof m === 'number' ? m : n;
  return make(ndEye(n, cols, dtypeOnly(opts)), opts?.requiresGrad);
}

function randomOptions<D extends DType>(
  o: RandomTensorOptions<D> | undefined,
): { dtype?: D; generator?: RandomState } {
  return { ...dtypeOnly(o), ...(o?.generator ? { generator: o.generator } : {}) };
}

function splitRandomArgs<D extends DType>(
  args: ShapeArgs<RandomTensorOptions<D>>,
): [number[] | [readonly number[]], RandomTensorOptions<D> | undefined] {
  const opts = lastOptions(args) as RandomTensorOptions<D> | undefined;
  const sizes = (opts ? args.slice(0, -1) : args) as number[] | [readonly number[]];
  return [sizes, opts];
}

/** Uniform values in [0, 1) from the global (or given) MT19937 stream. */
export function rand<D extends DType = 'float64'>(
  ...args: ShapeArgs<RandomTensorOptions<D>>
): Tensor<D> {
  const [sizes, opts] = splitRandomArgs(args);
  return make(ndRand<D>(...sizes, randomOptions(opts)), opts?.requiresGrad);
}

/** Standard normal values. */
export function randn<D extends DType = 'float64'>(
  ...args: ShapeArgs<RandomTensorOptions<D>>
): Tensor<D> {
  const [sizes, opts] = splitRandomArgs(args);
  return make(ndRandn<D>(...sizes, randomOptions(opts)), opts?.requiresGrad);
}

/** Integers in [low, high) (int32); `randint(high, shape)` starts at 0. */
export function randint<D extends DType = 'int32'>(
  high: number,
  shape: Shape,
  options?: RandomTensorOptions<D>,
): Tensor<D>;
export function randint<D extends DType = 'int32'>(
  low: number,
  high: number,
  shape: Shape,
  options?: RandomTensorOptions<D>,
): Tensor<D>;
export function randint(
  a: number,
  b: number | Shape,
  c?: Shape | RandomTensorOptions<DType>,
  d?: RandomTensorOptions<DType>,
): Tensor {
  if (typeof b === 'number') return new Tensor(ndRandint(a, b, c as Shape, randomOptions(d)));
  return new Tensor(ndRandint(a, b, randomOptions(c as RandomTensorOptions<DType> | undefined)));
}

export function randLike<D extends DType>(
  a: Like<D>,
  options: RandomTensorOptions<D> = {},
): Tensor<D> {
  return make(ndRandLike(a, randomOptions(options)), options.requiresGrad);
}

export function randnLike<D extends DType>(
  a: Like<D>,
  options: RandomTensorOptions<D> = {},
): Tensor<D> {
  return make(ndRandnLike(a, randomOptions(options)), options.requiresGrad);
}
