import { allocate, type DType, type DTypeArray } from './dtype.js';
import { IndexError, ShapeError } from './errors.js';
import { format, type FormatOptions } from './format.js';
import {
  expandLayout,
  flattenLayoutShape,
  inferShape,
  isContiguousLayout,
  narrowLayout,
  normalizeIndex,
  permuteLayout,
  selectLayout,
  squeezeLayout,
  transposeLayout,
  unsqueezeLayout,
  viewStrides,
  type Layout,
  type StridedArray,
} from './layout.js';
import { checkShape, contiguousStrides, normalizeDim, shapeSize, type Shape } from './shape.js';
import { parseSlice, sliceLayout, type SliceItem } from './slice.js';
import { copyStrided } from './strided.js';

/** What `item()` gives: a boolean for bool arrays, a number otherwise. */
export type Scalar<D extends DType> = D extends 'bool' ? boolean : number;
/** What `toArray()` gives: nested JavaScript arrays (a bare scalar for a 0-d array). */
export type Nested<T> = T | Nested<T>[];

/** Shared by an array and all its views: counts in-place writes (autograd checks it). */
export interface VersionCounter {
  value: number;
}

/** Sizes given either spread, `reshape(2, 3)`, or as one list, `reshape([2, 3])`. */
export type SizesArgs = number[] | [readonly number[]];

function sizesOf(args: SizesArgs): number[] {
  return args.length === 1 && Array.isArray(args[0]) ? args[0].slice() : (args as number[]);
}

/** Set by `trustedArray` for the one constructor call it makes (read and cleared first thing). */
let trusting = false;

const NO_STRIDES: readonly number[] = Object.freeze([]);
const UNIT_STRIDES: readonly number[] = Object.freeze([1]);

/** Frozen row-major strides of `shape`; the common ranks 0 and 1 share one constant each. */
function frozenContiguousStrides(shape: Shape): readonly number[] {
  if (shape.length === 0) return NO_STRIDES;
  if (shape.length === 1) return UNIT_STRIDES;
  return Object.freeze(contiguousStrides(shape));
}

/**
 * @internal An NDArray from parts the library computed itself (the kernels' and views' own
 * results): the constructor skips its checks (sizes are non-negative integers, strides match
 * the shape, the view stays inside the storage) and takes `shape` and `strides` as they are,
 * freezing them in place instead of copying. The caller promises both arrays are fresh (or
 * already frozen) and valid. Not exported from the package: user input goes through the
 * checking constructor.
 */
export function trustedArray<D extends DType>(
  dtype: D,
  storage: DTypeArray[D],
  shape: Shape,
  strides?: Shape,
  offset = 0,
  counter?: VersionCounter,
): NDArray<D> {
  trusting = true;
  return new NDArray(dtype, storage, shape, strides, offset, counter);
}

/**
 * A strided view of a typed array: element (i₀, i₁, …) lives at
 * `storage[offset + i₀·strides[0] + i₁·strides[1] + …]`. Views (reshape, transpose, slice…)
 * share storage and version counter; math lives in free functions (`add(a, b)`, `sum(a)`…) that
 * return new arrays, plus in-place forms (`add_`) that bump `version`.
 */
export class NDArray<D extends DType = DType> implements StridedArray<D> {
  readonly shape: readonly number[];
  readonly strides: readonly number[];

  constructor(
    readonly dtype: D,
    readonly storage: DTypeArray[D],
    shape: Shape,
    strides?: Shape,
    readonly offset = 0,
    private readonly counter: VersionCounter = { value: 0 },
  ) {
    if (trusting) {
      trusting = false; // first, so that no later call is trusted by mistake
      this.shape = Object.freeze(shape);
      this.strides =
        strides === undefined ? frozenContiguousStrides(shape) : Object.freeze(strides);
      return;
    }
    checkShape(shape);
    this.shape = Object.freeze(shape.slice());
    this.strides = Object.freeze(strides ? strides.slice() : contiguousStrides(shape));
    if (this.strides.length !== shape.length) {
      throw new ShapeError(
        `strides [${this.strides.join(', ')}] do not match shape ${ShapeError.show(shape)}`,
        [shape],
      );
    }
    if (shapeSize(shape) > 0) {
      let lo = offset;
      let hi = offset;
      for (let d = 0; d < shape.length; d++) {
        const reach = (shape[d]! - 1) * this.strides[d]!;
        if (reach < 0) lo += reach;
        else hi += reach;
      }
      if (lo < 0 || hi >= storage.length || !Number.isInteger(offset)) {
        throw new ShapeError(
          `a view of shape ${ShapeError.show(shape)} (strides [${this.strides.join(', ')}], offset ${offset}) reaches elements ${lo}…${hi}, outside storage of length ${storage.length}`,
          [shape],
        );
      }
    }
  }

  /** How many in-place writes this storage has seen (shared with every view of it). */
  get version(): number {
    return this.counter.value;
  }

  /** Records an in-place write; every in-place function calls it. */
  bumpVersion(): void {
    this.counter.value++;
  }

  /** The number of elements. */
  numel(): number {
    return shapeSize(this.shape);
  }

  /** The number of dimensions. */
  dim(): number {
    return this.shape.length;
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** The shape, or the size of one dimension (negative dims count from the end). */
  size(): number[];
  size(dim: number): number;
  size(dim?: number): number[] | number {
    if (dim === undefined) return this.shape.slice();
    return this.shape[normalizeDim(dim, this.shape.length)]!;
  }

  isContiguous(): boolean {
    return isContiguousLayout(this);
  }

  private read(i: number): Scalar<D> {
    const v = this.storage[i]!;
    return (this.dtype === 'bool' ? v !== 0 : v) as Scalar<D>;
  }

  /** The value of a one-element array, as PyTorch's `item()`. */
  item(): Scalar<D> {
    const n = this.numel();
    if (n !== 1) {
      throw new ShapeError(
        `item() needs exactly one element, but the array has shape ${ShapeError.show(this.shape)} (${n} elements)`,
        [this.shape],
      );
    }
    return this.read(this.offset);
  }

  private offsetOf(index: readonly number[]): number {
    if (index.length !== this.shape.length) {
      throw new IndexError(
        `${index.length} indices given for an array with ${this.shape.length} dimension(s) (shape ${ShapeError.show(this.shape)})`,
        index.length,
        this.shape.length,
      );
    }
    let o = this.offset;
    for (let d = 0; d < index.length; d++) {
      o += normalizeIndex(index[d]!, this.shape[d]!, d) * this.strides[d]!;
    }
    return o;
  }

  /** One element by its full index (negative indices count from the end). */
  get(...index: number[]): Scalar<D> {
    return this.read(this.offsetOf(index));
  }

  /** Writes one element in place (bumps `version`). */
  set(index: readonly number[], value: number | boolean): void {
    const v = typeof value === 'boolean' ? Number(value) : value;
    this.storage[this.offsetOf(index)] = this.dtype === 'bool' ? (v !== 0 ? 1 : 0) : v;
    this.bumpVersion();
  }

  /** Nested JavaScript arrays (numbers, or booleans for bool). */
  toArray(): Nested<Scalar<D>> {
    const nd = this.shape.length;
    const walk = (d: number, o: number): Nested<Scalar<D>> => {
      if (d === nd) return this.read(o);
      const out: Nested<Scalar<D>>[] = new Array(this.shape[d]!);
      for (let i = 0; i < out.length; i++) out[i] = walk(d + 1, o + i * this.strides[d]!);
      return out;
    };
    return walk(0, this.offset);
  }

  /**
   * The elements in row-major order as a typed array of length `numel()`. It is the storage
   * itself (or a subarray of it) when the view is contiguous, else a fresh copy: read it, do not
   * write to it (use `set`, `copy_` or the in-place functions).
   */
  get data(): DTypeArray[D] {
    if (this.isContiguous()) {
      const n = this.numel();
      if (this.offset === 0 && n === this.storage.length) return this.storage;
      return this.storage.subarray(this.offset, this.offset + n) as DTypeArray[D];
    }
    return this.contiguous().storage;
  }

  /** A copy with its own storage, contiguous, version 0. */
  clone(): NDArray<D> {
    const out = allocate(this.dtype, this.numel());
    const shape = this.shape;
    copyStrided(this.storage, this.offset, this.strides, out, 0, contiguousStrides(shape), shape);
    return trustedArray(this.dtype, out, shape);
  }

  /** This array if already contiguous, else a contiguous copy. */
  contiguous(): NDArray<D> {
    return this.isContiguous() ? this : this.clone();
  }

  /**
   * The array converted to `dtype` (this array itself when it has that dtype): float → int32
   * truncates toward zero, anything → bool is `≠ 0`, float64 → float32 rounds to nearest.
   */
  to<E extends DType>(dtype: E): NDArray<E> {
    if ((dtype as DType) === this.dtype) return this as unknown as NDArray<E>;
    const out = allocate(dtype, this.numel());
    const shape = this.shape;
    copyStrided(
      this.storage,
      this.offset,
      this.strides,
      out,
      0,
      contiguousStrides(shape),
      shape,
      dtype === 'bool',
    );
    return trustedArray(dtype, out, shape);
  }

  /** A view with the layout a layout function computed (valid by construction: trusted). */
  private withLayout(l: Layout): NDArray<D> {
    return trustedArray(this.dtype, this.storage, l.shape, l.strides, l.offset, this.counter);
  }

  /** A view with another shape (one size may be -1); a ShapeError when memory order forbids it. */
  view(...shape: SizesArgs): NDArray<D> {
    const target = inferShape(sizesOf(shape), this.numel(), this.shape);
    const strides = viewStrides(this, target);
    if (!strides) {
      throw new ShapeError(
        `view: shape ${ShapeError.show(this.shape)} with strides [${this.strides.join(', ')}] cannot be viewed as ${ShapeError.show(target)} without copying; use reshape() (which copies when it must) or contiguous().view()`,
        [this.shape, target],
      );
    }
    return this.withLayout({ shape: target, strides, offset: this.offset });
  }

  /** Another shape with the same elements: a view when possible, else a copy (as PyTorch). */
  reshape(...shape: SizesArgs): NDArray<D> {
    const target = inferShape(sizesOf(shape), this.numel(), this.shape);
    const strides = viewStrides(this, target);
    if (strides) return this.withLayout({ shape: target, strides, offset: this.offset });
    return this.clone().withLayout({
      shape: target,
      strides: contiguousStrides(target),
      offset: 0,
    });
  }

  /** Dims `startDim`…`endDim` merged into one (a view when possible). */
  flatten(startDim = 0, endDim = -1): NDArray<D> {
    return this.reshape(flattenLayoutShape(this.shape, startDim, endDim));
  }

  /** Dimension `dim` split into `sizes` (one may be -1). */
  unflatten(dim: number, sizes: readonly number[]): NDArray<D> {
    const d = normalizeDim(dim, this.shape.length);
    const inner = inferShape(sizes, this.shape[d]!, [this.shape[d]!]);
    return this.view([...this.shape.slice(0, d), ...inner, ...this.shape.slice(d + 1)]);
  }

  transpose(dim0: number, dim1: number): NDArray<D> {
    return this.withLayout(transposeLayout(this, dim0, dim1));
  }

  permute(...dims: SizesArgs): NDArray<D> {
    return this.withLayout(permuteLayout(this, sizesOf(dims)));
  }

  /** All dims reversed (PyTorch's `.T`). */
  get T(): NDArray<D> {
    const dims = this.shape.map((_, i) => this.shape.length - 1 - i);
    return this.withLayout(permuteLayout(this, dims));
  }

  /** The last two dims swapped (PyTorch's `.mT`). */
  get mT(): NDArray<D> {
    if (this.shape.length < 2) {
      throw new IndexError(
        `mT needs at least 2 dimensions; shape is ${ShapeError.show(this.shape)}`,
        this.shape.length,
        2,
      );
    }
    return this.transpose(-2, -1);
  }

  squeeze(dim?: number | readonly number[]): NDArray<D> {
    return this.withLayout(squeezeLayout(this, dim));
  }

  unsqueeze(dim: number): NDArray<D> {
    return this.withLayout(unsqueezeLayout(this, dim));
  }

  /** Broadcast to a larger shape without copying (-1 keeps a size). */
  expand(...sizes: SizesArgs): NDArray<D> {
    return this.withLayout(expandLayout(this, sizesOf(sizes)));
  }

  expandAs(other: { readonly shape: Shape }): NDArray<D> {
    return this.expand(other.shape);
  }

  /** `length` elements from `start` along `dim`. */
  narrow(dim: number, start: number, length: number): NDArray<D> {
    return this.withLayout(narrowLayout(this, dim, start, length));
  }

  /** The slice at `index` along `dim`, with that dim removed. */
  select(dim: number, index: number): NDArray<D> {
    return this.withLayout(selectLayout(this, dim, index));
  }

  /**
   * NumPy/PyTorch basic indexing as a view: `a.slice('1:, ::2')`, `a.slice('..., 0')`,
   * or `a.slice([1, null], [null, null, 2])`, `a.slice(0)`, `a.slice(null, -1)`.
   */
  slice(spec: string): NDArray<D>;
  slice(...items: SliceItem[]): NDArray<D>;
  slice(...args: [string] | SliceItem[]): NDArray<D> {
    const items =
      args.length === 1 && typeof args[0] === 'string' && args[0] !== '...' && args[0] !== 'newaxis'
        ? parseSlice(args[0])
        : (args as SliceItem[]);
    return this.withLayout(sliceLayout(this, items));
  }

  /** PyTorch's repr, e.g. `tensor([[0.5488, 0.7152]])`. */
  toString(options?: FormatOptions): string {
    return format(this, options);
  }

  /** Lets Node's console.log and util.inspect print the repr. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return format(this);
  }
}
