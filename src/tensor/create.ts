/**
 * Creating arrays. The four constructors of the seed keep PyTorch's sharing semantics:
 * `tensor` always copies, `fromArray` always shares (torch.from_numpy), `asTensor` shares when
 * it can (torch.as_tensor), `floatTensor` copies into float32 (torch.Tensor).
 */
import {
  allocate,
  DEFAULT_DTYPE,
  dtypeOfArray,
  isDType,
  type DType,
  type DTypeArray,
} from './dtype.js';
import { DTypeError, ShapeError } from './errors.js';
import { NDArray, trustedArray } from './ndarray.js';
import { checkShape, shapeSize, type Shape } from './shape.js';

/** Nested JavaScript arrays (or typed arrays) of numbers or booleans. */
export type NestedData = number | boolean | ArrayLike<number | boolean> | readonly NestedData[];

export interface DTypeOption<D extends DType> {
  dtype?: D;
}

/** A shape given as sizes, `zeros(2, 3)`, or as one list, `zeros([2, 3])`, then options. */
export type ShapeArgs<O> =
  number[] | [...number[], O] | [readonly number[]] | [readonly number[], O];

function isTypedArray(x: unknown): x is ArrayLike<number> {
  return ArrayBuffer.isView(x) && !(x instanceof DataView);
}

/** Splits `(2, 3, {dtype})` or `([2, 3], {dtype})` into a shape and options. */
export function splitShapeArgs<O extends object>(args: ShapeArgs<O>): [number[], O | undefined] {
  let opts: O | undefined;
  let rest: unknown[] = args;
  const last = args[args.length - 1];
  if (typeof last === 'object' && last !== null && !Array.isArray(last)) {
    opts = last as O;
    rest = args.slice(0, -1);
  }
  const shape =
    rest.length === 1 && Array.isArray(rest[0])
      ? (rest[0] as number[]).slice()
      : (rest as number[]);
  checkShape(shape);
  return [shape, opts];
}

function checkDType(dtype: unknown): DType {
  if (!isDType(dtype)) {
    throw new DTypeError(
      `unknown dtype ${String(dtype)}: expected float64, float32, int32 or bool`,
      [String(dtype)],
    );
  }
  return dtype;
}

/** Stores `v` as `dtype` stores it (bool: ≠ 0). */
function put(out: DTypeArray[DType], i: number, v: number, toBool: boolean): void {
  out[i] = toBool ? (v !== 0 ? 1 : 0) : v;
}

interface Walked {
  shape: number[];
  allBool: boolean;
}

/** The shape of nested data, checking that it is rectangular and holds only numbers/booleans. */
function walkShape(data: NestedData): Walked {
  const shape: number[] = [];
  let probe: unknown = data;
  while (typeof probe === 'object' && probe !== null) {
    const arr = probe as ArrayLike<unknown>;
    if (typeof arr.length !== 'number') break;
    shape.push(arr.length);
    if (isTypedArray(arr) || arr.length === 0) break;
    probe = arr[0];
  }
  let allBool = true;
  let any = false;
  const check = (x: unknown, d: number, path: string): void => {
    if (d === shape.length) {
      if (typeof x === 'boolean') {
        any = true;
        return;
      }
      if (typeof x === 'number') {
        any = true;
        allBool = false;
        return;
      }
      throw new DTypeError(
        `${path} is ${Array.isArray(x) ? 'an array' : typeof x} where a number or boolean was expected (the data is ragged or holds non-numbers)`,
      );
    }
    if (
      typeof x !== 'object' ||
      x === null ||
      typeof (x as ArrayLike<unknown>).length !== 'number'
    ) {
      throw new ShapeError(
        `ragged nested array: ${path} is a ${typeof x} but ${path === 'data' ? 'the data' : 'its siblings'} are arrays of length ${shape[d]}`,
        [shape],
      );
    }
    const arr = x as ArrayLike<unknown>;
    if (arr.length !== shape[d]) {
      throw new ShapeError(
        `ragged nested array: ${path} has length ${arr.length} but ${d === 0 ? 'was expected to have' : `${path.replace(/\[\d+\]$/, '[0]')} has`} length ${shape[d]}`,
        [shape],
      );
    }
    if (isTypedArray(arr)) {
      if (d !== shape.length - 1) {
        throw new ShapeError(
          `ragged nested array: ${path} is a typed array where nested arrays were expected`,
          [shape],
        );
      }
      if (arr.length > 0) {
        allBool = false;
        any = true;
      }
      return;
    }
    for (let i = 0; i < arr.length; i++) check(arr[i], d + 1, `${path}[${i}]`);
  };
  check(data, 0, 'data');
  return { shape, allBool: allBool && any };
}

function fillFrom(
  data: NestedData,
  shape: number[],
  out: DTypeArray[DType],
  toBool: boolean,
): void {
  let k = 0;
  const nd = shape.length;
  const walk = (x: unknown, d: number): void => {
    if (d === nd) {
      put(out, k++, Number(x), toBool);
      return;
    }
    const arr = x as ArrayLike<number | boolean>;
    if (d === nd - 1) {
      for (let i = 0; i < arr.length; i++) put(out, k++, Number(arr[i]), toBool);
      return;
    }
    for (let i = 0; i < arr.length; i++) walk(arr[i], d + 1);
  };
  walk(data, 0);
}

/**
 * A new array holding a copy of `data` (PyTorch's `torch.tensor`). Numbers give float64 (JS has
 * no integer literals, so `tensor([1, 2])` is float64, unlike PyTorch's int64), booleans give
 * bool, a typed array keeps its dtype, an NDArray is copied with its dtype. Ragged nesting is a
 * ShapeError naming the path and the lengths.
 */
export function tensor<D extends DType>(
  data: NestedData | NDArray,
  options: { dtype: D },
): NDArray<D>;
export function tensor(data: Float32Array, options?: DTypeOption<never>): NDArray<'float32'>;
export function tensor(data: Int32Array, options?: DTypeOption<never>): NDArray<'int32'>;
export function tensor<E extends DType>(data: NDArray<E>, options?: DTypeOption<never>): NDArray<E>;
export function tensor(
  data: boolean | readonly boolean[] | readonly (readonly boolean[])[],
  options?: DTypeOption<never>,
): NDArray<'bool'>;
export function tensor(data: NestedData, options?: DTypeOption<never>): NDArray<'float64'>;
export function tensor(data: NestedData | NDArray, options?: DTypeOption<DType>): NDArray;
export function tensor(data: NestedData | NDArray, options: DTypeOption<DType> = {}): NDArray {
  if (data instanceof NDArray) {
    const dtype = options.dtype === undefined ? data.dtype : checkDType(options.dtype);
    return dtype === data.dtype ? data.clone() : data.to(dtype);
  }
  const { shape, allBool } = walkShape(data);
  const typed = isTypedArray(data) ? dtypeOfArray(data) : undefined;
  const dtype =
    options.dtype !== undefined
      ? checkDType(options.dtype)
      : (typed ?? (allBool ? 'bool' : DEFAULT_DTYPE));
  const out = allocate(dtype, shapeSize(shape));
  fillFrom(data, shape, out, dtype === 'bool');
  return trustedArray(dtype, out, shape); // walkShape checked the shape and made it
}

/**
 * An array sharing `data`'s memory (PyTorch's `torch.from_numpy`): writes to the typed array
 * show in the NDArray and back. The dtype follows the typed array (Uint8Array is bool).
 */
export function fromArray(data: Float64Array, shape?: Shape): NDArray<'float64'>;
export function fromArray(data: Float32Array, shape?: Shape): NDArray<'float32'>;
export function fromArray(data: Int32Array, shape?: Shape): NDArray<'int32'>;
export function fromArray(data: Uint8Array, shape?: Shape): NDArray<'bool'>;
export function fromArray(data: DTypeArray[DType], shape?: Shape): NDArray;
export function fromArray(data: DTypeArray[DType], shape: Shape = [data.length]): NDArray {
  const dtype = dtypeOfArray(data);
  if (dtype === undefined) {
    const name = (data as object)?.constructor?.name ?? typeof data;
    throw new DTypeError(
      `fromArray takes a Float64Array, Float32Array, Int32Array or Uint8Array (bool), not ${name}`,
      [name],
    );
  }
  checkShape(shape);
  if (shapeSize(shape) !== data.length) {
    throw new ShapeError(
      `fromArray: shape ${ShapeError.show(shape)} has ${shapeSize(shape)} elements but the array has ${data.length}`,
      [shape, [data.length]],
    );
  }
  return new NDArray(dtype, data, shape);
}

/**
 * PyTorch's `torch.as_tensor`: the same memory when no conversion is needed (an NDArray is
 * returned as is; a typed array is shared as by `fromArray`), a converted copy otherwise.
 */
export function asTensor<D extends DType>(data: NestedData | NDArray, dtype: D): NDArray<D>;
export function asTensor<E extends DType>(data: NDArray<E>): NDArray<E>;
export function asTensor(data: Float32Array): NDArray<'float32'>;
export function asTensor(data: Int32Array): NDArray<'int32'>;
export function asTensor(data: NestedData): NDArray;
export function asTensor(data: NestedData | NDArray, dtype?: DType): NDArray {
  if (data instanceof NDArray) return dtype === undefined ? data : data.to(checkDType(dtype));
  const typed = isTypedArray(data) ? dtypeOfArray(data) : undefined;
  if (typed !== undefined && (dtype === undefined || dtype === typed)) {
    return fromArray(data as DTypeArray[DType]);
  }
  return dtype === undefined ? tensor(data) : tensor(data, { dtype });
}

/**
 * A float32 copy of `data`, standing for PyTorch's `torch.Tensor(x)` / `torch.FloatTensor(x)`
 * (which always copy into the 32-bit float type).
 */
export function floatTensor(data: NestedData | NDArray): NDArray<'float32'> {
  return tensor(data, { dtype: 'float32' });
}

function filled<D extends DType>(shape: number[], dtype: D, value: number): NDArray<D> {
  const out = allocate(dtype, shapeSize(shape));
  if (value !== 0) out.fill(dtype === 'bool' ? (value !== 0 ? 1 : 0) : value);
  return trustedArray(dtype, out, shape); // every caller checked the shape and copied it
}

/** Zeros of a shape: `zeros(2, 3)`, `zeros([2, 3], { dtype: 'float32' })`. */
export function zeros<D extends DType = 'float64'>(...args: ShapeArgs<DTypeOption<D>>): NDArray<D> {
  const [shape, opts] = splitShapeArgs(args);
  return filled(shape, checkDType(opts?.dtype ?? DEFAULT_DTYPE) as D, 0);
}

/** Ones of a shape. */
export function ones<D extends DType = 'float64'>(...args: ShapeArgs<DTypeOption<D>>): NDArray<D> {
  const [shape, opts] = splitShapeArgs(args);
  return filled(shape, checkDType(opts?.dtype ?? DEFAULT_DTYPE) as D, 1);
}

/** Uninitialised in PyTorch; zeros here (typed arrays start zeroed). */
export function empty<D extends DType = 'float64'>(...args: ShapeArgs<DTypeOption<D>>): NDArray<D> {
  return zeros(...args);
}

/** `shape` filled with `value`: float64 for a number, bool for a boolean, unless `dtype` says. */
export function full<D extends DType = 'float64'>(
  shape: number | readonly number[],
  value: number | boolean,
  options: DTypeOption<D> = {},
): NDArray<D> {
  const s = typeof shape === 'number' ? [shape] : shape.slice();
  checkShape(s);
  const dtype = checkDType(
    options.dtype ?? (typeof value === 'boolean' ? 'bool' : DEFAULT_DTYPE),
  ) as D;
  return filled(s, dtype, Number(value));
}

type Like = { readonly shape: Shape; readonly dtype: DType };

export function zerosLike<D extends DType>(
  a: { readonly shape: Shape; readonly dtype: D },
  options: DTypeOption<D> = {},
): NDArray<D> {
  return filled(a.shape.slice(), options.dtype ?? a.dtype, 0);
}

export function onesLike<D extends DType>(
  a: { readonly shape: Shape; readonly dtype: D },
  options: DTypeOption<D> = {},
): NDArray<D> {
  return filled(a.shape.slice(), options.dtype ?? a.dtype, 1);
}

export function fullLike<D extends DType>(
  a: { readonly shape: Shape; readonly dtype: D },
  value: number | boolean,
  options: DTypeOption<D> = {},
): NDArray<D> {
  return filled(a.shape.slice(), options.dtype ?? a.dtype, Number(value));
}

export function emptyLike(a: Like): NDArray {
  return filled(a.shape.slice(), a.dtype, 0);
}

/**
 * Values from `start` (inclusive) to `end` (exclusive) by `step`, as `torch.arange`; `arange(n)`
 * is 0…n-1. float64 unless `dtype` says (JS cannot tell `5` from `5.`, so there is no int
 * inference; pass `{ dtype: 'int32' }`). Element i is start + i·step.
 */
export function arange<D extends DType = 'float64'>(
  end: number,
  options?: DTypeOption<D>,
): NDArray<D>;
export function arange<D extends DType = 'float64'>(
  start: number,
  end: number,
  step?: number,
  options?: DTypeOption<D>,
): NDArray<D>;
export function arange(
  a: number,
  b?: number | DTypeOption<DType>,
  c?: number,
  d?: DTypeOption<DType>,
): NDArray {
  let start = 0;
  let end = a;
  let step = 1;
  let opts: DTypeOption<DType> | undefined;
  if (typeof b === 'number') {
    start = a;
    end = b;
    step = c ?? 1;
    opts = d;
  } else opts = b;
  if (!Number.isFinite(start) || !Number.isFinite(end) || !Number.isFinite(step) || step === 0) {
    throw new ShapeError(
      `arange(${start}, ${end}, ${step}): bounds must be finite and the step non-zero`,
    );
  }
  const n = Math.max(0, Math.ceil((end - start) / step));
  const dtype = checkDType(opts?.dtype ?? DEFAULT_DTYPE);
  const out = allocate(dtype, n);
  for (let i = 0; i < n; i++) put(out, i, start + i * step, dtype === 'bool');
  return trustedArray(dtype, out, [n]);
}

/**
 * `steps` evenly spaced values from `start` to `end` inclusive. As PyTorch's CPU kernel, the
 * first half counts up from start and the second half down from end, so both ends are exact.
 */
export function linspace<D extends DType = 'float64'>(
  start: number,
  end: number,
  steps: number,
  options: DTypeOption<D> = {},
): NDArray<D> {
  if (!Number.isInteger(steps) || steps < 0) {
    throw new ShapeError(`linspace: steps must be a non-negative integer, not ${steps}`);
  }
  const dtype = checkDType(options.dtype ?? DEFAULT_DTYPE) as D;
  const out = allocate(dtype, steps);
  if (steps === 1) out[0] = start;
  else if (steps > 1) {
    const step = (end - start) / (steps - 1);
    const half = Math.floor(steps / 2);
    for (let i = 0; i < steps; i++) {
      put(out, i, i < half ? start + step * i : end - step * (steps - i - 1), dtype === 'bool');
    }
  }
  return trustedArray(dtype, out, [steps]);
}

/** The n×m identity (m = n by default). */
export function eye<D extends DType = 'float64'>(
  n: number,
  m?: number | DTypeOption<D>,
  options?: DTypeOption<D>,
): NDArray<D> {
  const cols = typeof m === 'number' ? m : n;
  const opts = typeof m === 'object' ? m : options;
  checkShape([n, cols]);
  const dtype = checkDType(opts?.dtype ?? DEFAULT_DTYPE) as D;
  const out = allocate(dtype, n * cols);
  for (let i = 0; i < Math.min(n, cols); i++) out[i * cols + i] = 1;
  return trustedArray(dtype, out, [n, cols]);
}
