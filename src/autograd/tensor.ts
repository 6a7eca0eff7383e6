/**
 * `Tensor`: an NDArray with autograd. Every op is a method with PyTorch's name, taking a Tensor
 * or a plain number: `x.pow(2).add(x.mul(2)).mul(y.log())`. The values live in `data` (an
 * NDArray); the autograd state (`requiresGrad`, `grad`, `gradFn`, hooks) in the base class.
 */
import {
  add_ as ndAdd_,
  addcdiv_ as ndAddcdiv_,
  addcmul_ as ndAddcmul_,
  lerp_ as ndLerp_,
  argmax as ndArgmax,
  argmin as ndArgmin,
  div_ as ndDiv_,
  eq as ndEq,
  fill_ as ndFill_,
  format,
  ge as ndGe,
  gt as ndGt,
  le as ndLe,
  lt as ndLt,
  mul_ as ndMul_,
  ne as ndNe,
  pow as ndPow,
  copy_ as ndCopy_,
  sub_ as ndSub_,
  zero_ as ndZero_,
  type DType,
  type FormatOptions,
  type NDArray,
  type Nested,
  type Scalar,
  type SizesArgs,
  type SliceItem,
} from '../tensor/index.js';
import { backward as runBackward, type BackwardOptions } from './api.js';
import { currentLevel } from './forward/level.js';
import { tangentAt } from './forward/tangents.js';
import { clamp, where } from './conditional.js';
import { BINARY_INFO as B, UNARY_INFO as U, binary, unary, type UnaryInfo } from './elementwise.js';
import { addcdiv, addcmul, expm1, lerp, log1p } from './fused.js';
import { gather, indexSelect, type Index } from './indexing.js';
import { inPlace } from './inplace.js';
import { matmul } from './linalg.js';
import { TensorBase, type GradHook, type RemovableHandle, type Shape } from './node.js';
import {
  amax,
  amin,
  max,
  mean,
  min,
  reducedDims,
  sum,
  type Dims,
  type ValuesIndices,
} from './reduce.js';
import { logSoftmax, logsumexp, softmax } from './softmax.js';
import {
  clone,
  expand,
  flatten,
  narrow,
  permute,
  reshape,
  select,
  sizesOf,
  slice,
  squeeze,
  t,
  toDType,
  transpose,
  unflatten,
  unsqueeze,
  view,
} from './views.js';

const NO_SHAPE: Shape = [];

/** The dtype a float op gives: float32 stays, anything else computes in float64. */
export type FloatOf<D extends DType> = D extends 'float32' ? 'float32' : 'float64';

/** A tensor operand: a Tensor or a plain number (PyTorch's Python scalar). */
export type TensorLike = Tensor | number;

/** An op's result as the Tensor it is (every TensorBase is made by `wrap`, i.e. a Tensor). */
function typed<E extends DType>(x: TensorBase<E>): Tensor<E> {
  return x as Tensor<E>;
}

export class Tensor<D extends DType = DType> extends TensorBase<D> {
  /**
   * A tensor around `data` (shared, not copied), with no history. Factories (`tensor`, `zeros`,
   * …) are the usual way to make one. The other parameters are internal: a one-element tensor
   * held as a number.
   */
  constructor(data: NDArray<D> | null, scalar = 0, scalarShape: Shape = NO_SHAPE, scalarDType?: D) {
    super(data, scalar, scalarShape, (scalarDType ?? data?.dtype ?? 'float64') as D);
  }

  wrap<E extends DType>(nd: NDArray<E>): Tensor<E> {
    return new Tensor(nd);
  }

  wrapScalar<E extends DType>(value: number, shape: Shape, dtype: E): Tensor<E> {
    return new Tensor<E>(null, value, shape, dtype);
  }

  // ---- autograd state, typed as Tensor ----------------------------------------------------

  override get grad(): Tensor<D> | null {
    return super.grad as Tensor<D> | null;
  }

  override set grad(g: Tensor<D> | null) {
    super.grad = g;
  }

  /** Sets requiresGrad in place (leaves only) and returns this tensor, as PyTorch's. */
  requiresGrad_(on = true): this {
    this.setRequiresGrad(on);
    return this;
  }

  /** The same values (shared memory) without history: gradients stop here. */
  detach(): Tensor<D> {
    const out = new Tensor(this.data);
    out.viewOf = this.viewOf ?? this;
    return out;
  }

  /** Cuts this tensor from its history in place, making it a leaf that does not require grad. */
  detach_(): this {
    this.gradFn = null;
    this.requiresGradFlag = false;
    return this;
  }

  /** `hook(grad)` runs whenever a backward pass computes this tensor's gradient. */
  override registerHook(hook: (grad: Tensor<D>) => Tensor | void): RemovableHandle {
    return super.registerHook(hook as GradHook);
  }

  /**
   * Runs the backward pass from this tensor (PyTorch's `tensor.backward()`): the gradient is
   * implicit (1) for a one-element tensor, else pass one of this tensor's shape.
   */
  backward(gradient?: Tensor | null | BackwardOptions, options?: BackwardOptions): void {
    if (gradient !== null && gradient !== undefined && !(gradient instanceof Tensor)) {
      runBackward(this, gradient);
      return;
    }
    runBackward(this, gradient ?? null, options);
  }

  // ---- what the values are ----------------------------------------------------------------

  get ndim(): number {
    return this.shape.length;
  }

  dim(): number {
    return this.shape.length;
  }

  numel(): number {
    let n = 1;
    for (const s of this.shape) n *= s;
    return n;
  }

  size(): number[];
  size(dim: number): number;
  size(dim?: number): number[] | number {
    return dim === undefined ? this.shape.slice() : this.data.size(dim);
  }

  isContiguous(): boolean {
    return this.nd === null || this.nd.isContiguous();
  }

  /** The value of a one-element tensor. */
  item(): Scalar<D> {
    if (this.nd === null) return this.scalar as Scalar<D>;
    return this.nd.item();
  }

  /** Nested JavaScript arrays of the values. */
  toArray(): Nested<Scalar<D>> {
    return this.data.toArray();
  }

  /**
   * PyTorch's repr: `tensor([0.], grad_fn=<MulBackward0>)`, `tensor([1.], requires_grad=True)`;
   * inside a dual level, a tensor with a tangent there shows it: `tensor([1.], tangent=tensor([3.]))`.
   */
  override toString(options: FormatOptions = {}): string {
    const fn = this.gradFn;
    const text = format(this.data, {
      ...options,
      ...(fn !== null ? { gradFn: fn.name } : this.requiresGrad ? { requiresGrad: true } : {}),
    });
    const level = this.fw === null ? null : currentLevel();
    const tangent = level === null ? null : (tangentAt(this, level) as Tensor | null);
    if (tangent === null) return text;
    // PyTorch prints a 0-d tangent as a bare float
    const shown = tangent.shape.length === 0 ? String(tangent.item()) : tangent.toString(options);
    return `${text.slice(0, -1)}, tangent=${shown})`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  // ---- elementwise (derivatives from the rules table) -------------------------------------

  private u(op: UnaryInfo): Tensor<FloatOf<D>> {
    return unary(op, this) as unknown as Tensor<FloatOf<D>>;
  }

  neg(): Tensor<D> {
    return typed(unary(U.neg, this));
  }
  exp(): Tensor<FloatOf<D>> {
    return this.u(U.exp);
  }
  log(): Tensor<FloatOf<D>> {
    return this.u(U.log);
  }
  sqrt(): Tensor<FloatOf<D>> {
    return this.u(U.sqrt);
  }
  sin(): Tensor<FloatOf<D>> {
    return this.u(U.sin);
  }
  cos(): Tensor<FloatOf<D>> {
    return this.u(U.cos);
  }
  tan(): Tensor<FloatOf<D>> {
    return this.u(U.tan);
  }
  cot(): Tensor<FloatOf<D>> {
    return this.u(U.cot);
  }
  sec(): Tensor<FloatOf<D>> {
    return this.u(U.sec);
  }
  csc(): Tensor<FloatOf<D>> {
    return this.u(U.csc);
  }
  asin(): Tensor<FloatOf<D>> {
    return this.u(U.asin);
  }
  acos(): Tensor<FloatOf<D>> {
    return this.u(U.acos);
  }
  atan(): Tensor<FloatOf<D>> {
    return this.u(U.atan);
  }
  sinh(): Tensor<FloatOf<D>> {
    return this.u(U.sinh);
  }
  cosh(): Tensor<FloatOf<D>> {
    return this.u(U.cosh);
  }
  tanh(): Tensor<FloatOf<D>> {
    return this.u(U.tanh);
  }
  asinh(): Tensor<FloatOf<D>> {
    return this.u(U.asinh);
  }
  acosh(): Tensor<FloatOf<D>> {
    return this.u(U.acosh);
  }
  atanh(): Tensor<FloatOf<D>> {
    return this.u(U.atanh);
  }
  abs(): Tensor<D> {
    return typed(unary(U.abs, this));
  }
  sign(): Tensor<D> {
    return typed(unary(U.sign, this));
  }
  erf(): Tensor<FloatOf<D>> {
    return this.u(U.erf);
  }
  relu(): Tensor<D> {
    return typed(unary(U.relu, this));
  }
  sigmoid(): Tensor<FloatOf<D>> {
    return this.u(U.sigmoid);
  }
  softplus(): Tensor<FloatOf<D>> {
    return this.u(U.softplus);
  }
  gelu(): Tensor<FloatOf<D>> {
    return this.u(U.gelu);
  }
  /** log(1 + x), accurate for small x (Log1PBackward0: ḡ / (x + 1)). */
  log1p(): Tensor<FloatOf<D>> {
    return log1p(this) as Tensor<FloatOf<D>>;
  }
  /** eˣ − 1, accurate for small x (Expm1Backward0: ḡ · (out + 1)). */
  expm1(): Tensor<FloatOf<D>> {
    return expm1(this) as Tensor<FloatOf<D>>;
  }

  /** x² (PyTorch records it as `x.pow(2)`: PowBackward0). */
  square(): Tensor<D> {
    return typed(binary(B.pow, this, 2)) as Tensor<D>;
  }
  /** 1/x */
  reciprocal(): Tensor<FloatOf<D>> {
    return typed(binary(B.div, 1, this)) as Tensor<FloatOf<D>>;
  }
  /** 1/√x */
  rsqrt(): Tensor<FloatOf<D>> {
    return typed(binary(B.pow, this, -0.5)) as Tensor<FloatOf<D>>;
  }

  add(other: TensorLike): Tensor<D> {
    return typed(binary(B.add, this, other)) as Tensor<D>;
  }
  sub(other: TensorLike): Tensor<D> {
    return typed(binary(B.sub, this, other)) as Tensor<D>;
  }
  /** other − this (PyTorch's rsub: `2 - x`). */
  rsub(other: TensorLike): Tensor<D> {
    return typed(binary(B.sub, other, this)) as Tensor<D>;
  }
  mul(other: TensorLike): Tensor<D> {
    return typed(binary(B.mul, this, other)) as Tensor<D>;
  }
  div(other: TensorLike): Tensor<FloatOf<D>> {
    return typed(binary(B.div, this, other)) as Tensor<FloatOf<D>>;
  }
  /** other / this (`2 / x`). */
  rdiv(other: TensorLike): Tensor<FloatOf<D>> {
    return typed(binary(B.div, other, this)) as Tensor<FloatOf<D>>;
  }
  pow(exponent: TensorLike): Tensor<D> {
    return typed(binary(B.pow, this, exponent)) as Tensor<D>;
  }
  /** other ** this (`2 ** x`). */
  rpow(base: TensorLike): Tensor<D> {
    return typed(binary(B.pow, base, this)) as Tensor<D>;
  }
  atan2(other: TensorLike): Tensor<FloatOf<D>> {
    return typed(binary(B.atan2, this, other)) as Tensor<FloatOf<D>>;
  }
  maximum(other: TensorLike): Tensor<D> {
    return typed(binary(B.maximum, this, other)) as Tensor<D>;
  }
  minimum(other: TensorLike): Tensor<D> {
    return typed(binary(B.minimum, this, other)) as Tensor<D>;
  }

  /** this + (value·t1)·t2 (PyTorch's addcmul). */
  addcmul(t1: Tensor, t2: Tensor, options: { value?: number } = {}): Tensor<D> {
    return typed(addcmul(this, t1, t2, options.value ?? 1)) as Tensor<D>;
  }
  /** this + (value·t1)/t2 (PyTorch's addcdiv). */
  addcdiv(t1: Tensor, t2: Tensor, options: { value?: number } = {}): Tensor<D> {
    return typed(addcdiv(this, t1, t2, options.value ?? 1)) as Tensor<D>;
  }
  /**
   * this + weight·(end − this), as PyTorch computes it: end − (end − this)·(1 − weight) where
   * |weight| ≥ 0.5, so that weight 1 gives end exactly.
   */
  lerp(end: Tensor, weight: TensorLike): Tensor<D> {
    return typed(lerp(this, end, weight)) as Tensor<D>;
  }

  /** Values limited to [min, max]; either bound may be null. */
  clamp(min?: number | null, max?: number | null): Tensor<D> {
    return typed(clamp(this, min, max));
  }
  /** this where `condition` holds, else `other` (PyTorch's `x.where(cond, y)`). */
  where(condition: Tensor<'bool'> | NDArray<'bool'>, other: TensorLike): Tensor<D> {
    return typed(where(condition, this, other)) as Tensor<D>;
  }

  // ---- comparisons (no gradient) ----------------------------------------------------------

  eq(other: TensorLike): Tensor<'bool'> {
    return new Tensor(ndEq(this.data, operand(other)));
  }
  ne(other: TensorLike): Tensor<'bool'> {
    return new Tensor(ndNe(this.data, operand(other)));
  }
  lt(other: TensorLike): Tensor<'bool'> {
    return new Tensor(ndLt(this.data, operand(other)));
  }
  le(other: TensorLike): Tensor<'bool'> {
    return new Tensor(ndLe(this.data, operand(other)));
  }
  gt(other: TensorLike): Tensor<'bool'> {
    return new Tensor(ndGt(this.data, operand(other)));
  }
  ge(other: TensorLike): Tensor<'bool'> {
    return new Tensor(ndGe(this.data, operand(other)));
  }

  // ---- reductions -------------------------------------------------------------------------

  sum(dim?: Dims, keepdim = false): Tensor<D> {
    return typed(sum(this, dim, keepdim));
  }
  mean(dim?: Dims, keepdim = false): Tensor<D> {
    return typed(mean(this, dim, keepdim));
  }
  /** The largest element, or (values, indices) along `dim`. */
  max(): Tensor<D>;
  max(dim: number, keepdim?: boolean): ValuesIndices<Tensor<D>, Tensor<'int32'>>;
  max(dim?: number, keepdim = false): Tensor<D> | ValuesIndices<Tensor<D>, Tensor<'int32'>> {
    if (dim === undefined) return typed(max(this));
    return max(this, dim, keepdim) as ValuesIndices<Tensor<D>, Tensor<'int32'>>;
  }
  /** The smallest element, or (values, indices) along `dim`. */
  min(): Tensor<D>;
  min(dim: number, keepdim?: boolean): ValuesIndices<Tensor<D>, Tensor<'int32'>>;
  min(dim?: number, keepdim = false): Tensor<D> | ValuesIndices<Tensor<D>, Tensor<'int32'>> {
    if (dim === undefined) return typed(min(this));
    return min(this, dim, keepdim) as ValuesIndices<Tensor<D>, Tensor<'int32'>>;
  }
  amax(dim?: Dims, keepdim = false): Tensor<D> {
    return typed(amax(this, dim, keepdim));
  }
  amin(dim?: Dims, keepdim = false): Tensor<D> {
    return typed(amin(this, dim, keepdim));
  }
  argmax(dim?: number, keepdim = false): Tensor<'int32'> {
    return new Tensor(ndArgmax(this.data, dim, keepdim));
  }
  argmin(dim?: number, keepdim = false): Tensor<'int32'> {
    return new Tensor(ndArgmin(this.data, dim, keepdim));
  }
  logsumexp(dim?: Dims, keepdim = false): Tensor<D> {
    return typed(logsumexp(this, dim, keepdim));
  }
  softmax(dim: number): Tensor<D> {
    return typed(softmax(this, dim));
  }
  logSoftmax(dim: number): Tensor<D> {
    return typed(logSoftmax(this, dim));
  }
  /** Variance over `dim` with Bessel's correction (`correction: 0` for the population's). */
  var(dim?: Dims, options: { correction?: number; keepdim?: boolean } = {}): Tensor<D> {
    const keepdim = options.keepdim ?? false;
    const centred = this.sub(this.mean(dim, true));
    let n = 1;
    for (const d of reducedDims(this.shape, dim)) n *= this.shape[d]!;
    const squares = centred.mul(centred).sum(dim, keepdim);
    return squares.div(Math.max(0, n - (options.correction ?? 1))) as Tensor<D>;
  }
  std(dim?: Dims, options: { correction?: number; keepdim?: boolean } = {}): Tensor<D> {
    return this.var(dim, options).sqrt() as Tensor<D>;
  }
  /** The p-norm over `dim` (all elements by default): (Σ |x|ᵖ)^(1/p). */
  norm(p = 2, dim?: Dims, keepdim = false): Tensor<D> {
    if (p === 2) return this.mul(this).sum(dim, keepdim).sqrt() as Tensor<D>;
    return this.abs()
      .pow(p)
      .sum(dim, keepdim)
      .pow(1 / p);
  }

  // ---- shape and views --------------------------------------------------------------------

  reshape(...shape: SizesArgs): Tensor<D> {
    return typed(reshape(this, sizesOf(shape)));
  }
  view(...shape: SizesArgs): Tensor<D> {
    return typed(view(this, sizesOf(shape)));
  }
  flatten(startDim = 0, endDim = -1): Tensor<D> {
    return typed(flatten(this, startDim, endDim));
  }
  unflatten(dim: number, sizes: readonly number[]): Tensor<D> {
    return typed(unflatten(this, dim, sizes));
  }
  squeeze(dim?: number | readonly number[]): Tensor<D> {
    return typed(squeeze(this, dim));
  }
  unsqueeze(dim: number): Tensor<D> {
    return typed(unsqueeze(this, dim));
  }
  expand(...sizes: SizesArgs): Tensor<D> {
    const s = sizesOf(sizes);
    const full = this.data.expand(s).shape; // resolves -1 entries
    return typed(expand(this, full));
  }
  expandAs(other: { readonly shape: Shape }): Tensor<D> {
    return typed(expand(this, other.shape));
  }
  permute(...dims: SizesArgs): Tensor<D> {
    return typed(permute(this, sizesOf(dims)));
  }
  transpose(dim0: number, dim1: number): Tensor<D> {
    return typed(transpose(this, dim0, dim1));
  }
  t(): Tensor<D> {
    return typed(t(this));
  }
  /** All dims reversed. */
  get T(): Tensor<D> {
    const n = this.shape.length;
    return this.permute(this.shape.map((_, i) => n - 1 - i));
  }
  /** The last two dims swapped. */
  get mT(): Tensor<D> {
    return this.transpose(-2, -1);
  }
  narrow(dim: number, start: number, length: number): Tensor<D> {
    return typed(narrow(this, dim, start, length));
  }
  select(dim: number, index: number): Tensor<D> {
    return typed(select(this, dim, index));
  }
  /** NumPy-style basic indexing as a view: `x.slice('1:, ::2')` or `x.slice([1, null], 0)`. */
  slice(spec: string): Tensor<D>;
  slice(...items: SliceItem[]): Tensor<D>;
  slice(...items: [string] | SliceItem[]): Tensor<D> {
    return typed(slice(this, items));
  }
  /** A contiguous copy when this tensor is not contiguous (CloneBackward0 either way). */
  contiguous(): Tensor<D> {
    return this.isContiguous() ? this : this.clone();
  }
  /** A copy with its own memory; the gradient passes through unchanged. */
  clone(): Tensor<D> {
    return typed(clone(this));
  }
  /** The values converted to `dtype`; differentiable between float dtypes. */
  to<E extends DType>(dtype: E): Tensor<E> {
    return typed(toDType(this, dtype));
  }
  float(): Tensor<'float32'> {
    return this.to('float32');
  }
  double(): Tensor<'float64'> {
    return this.to('float64');
  }

  // ---- products and indexing --------------------------------------------------------------

  matmul(other: Tensor): Tensor<D> {
    return typed(matmul(this, other));
  }
  mm(other: Tensor): Tensor<D> {
    return typed(matmul(this, other));
  }
  mv(other: Tensor): Tensor<D> {
    return typed(matmul(this, other));
  }
  dot(other: Tensor): Tensor<D> {
    return typed(matmul(this, other));
  }
  /** The outer product of two vectors. */
  outer(other: Tensor): Tensor<D> {
    return this.unsqueeze(1).mul(other.unsqueeze(0));
  }
  gather(dim: number, index: Index): Tensor<D> {
    return typed(gather(this, dim, index));
  }
  indexSelect(dim: number, index: Index): Tensor<D> {
    return typed(indexSelect(this, dim, index));
  }

  // ---- in place ---------------------------------------------------------------------------

  add_(other: TensorLike): this {
    return inPlace(
      this,
      [other],
      (x) => void ndAdd_(x.data, operand(other)),
      (old) => binary(B.add, old, other),
      'add_',
    );
  }
  sub_(other: TensorLike): this {
    return inPlace(
      this,
      [other],
      (x) => void ndSub_(x.data, operand(other)),
      (old) => binary(B.sub, old, other),
      'sub_',
    );
  }
  mul_(other: TensorLike): this {
    return inPlace(
      this,
      [other],
      (x) => void ndMul_(x.data, operand(other)),
      (old) => binary(B.mul, old, other),
      'mul_',
    );
  }
  div_(other: TensorLike): this {
    return inPlace(
      this,
      [other],
      (x) => void ndDiv_(x.data, operand(other)),
      (old) => binary(B.div, old, other),
      'div_',
    );
  }
  pow_(other: TensorLike): this {
    return inPlace(
      this,
      [other],
      (x) => void ndCopy_(x.data, ndPow(x.data, operand(other))),
      (old) => binary(B.pow, old, other),
      'pow_',
    );
  }
  /** this += (value·t1)·t2 in one loop (an optimiser's update; PyTorch's addcmul_). */
  addcmul_(t1: Tensor, t2: Tensor, options: { value?: number } = {}): this {
    const value = options.value ?? 1;
    return inPlace(
      this,
      [t1, t2],
      (x) => void ndAddcmul_(x.data, t1.data, t2.data, value),
      (old) => addcmul(old, t1, t2, value),
      'addcmul_',
    );
  }
  /** this += (value·t1)/t2 in one loop (PyTorch's addcdiv_). */
  addcdiv_(t1: Tensor, t2: Tensor, options: { value?: number } = {}): this {
    const value = options.value ?? 1;
    return inPlace(
      this,
      [t1, t2],
      (x) => void ndAddcdiv_(x.data, t1.data, t2.data, value),
      (old) => addcdiv(old, t1, t2, value),
      'addcdiv_',
    );
  }
  /** this = lerp(this, end, weight) in one loop (PyTorch's lerp_). */
  lerp_(end: Tensor, weight: TensorLike): this {
    return inPlace(
      this,
      [end, weight],
      (x) => void ndLerp_(x.data, end.data, operand(weight)),
      (old) => lerp(old, end, weight),
      'lerp_',
    );
  }
  zero_(): this {
    return inPlace(
      this,
      [],
      (x) => void ndZero_(x.data),
      (old) => binary(B.mul, old, 0),
      'zero_',
    );
  }
  fill_(value: number): this {
    return inPlace(
      this,
      [],
      (x) => void ndFill_(x.data, value),
      (old) => binary(B.add, binary(B.mul, old, 0), value),
      'fill_',
    );
  }
  /** Copies `src`'s values (broadcast) into this tensor. */
  copy_(src: TensorLike): this {
    return inPlace(
      this,
      [src],
      (x) => void ndCopy_(x.data, operand(src)),
      (old) => binary(B.add, binary(B.mul, old, 0), src),
      'copy_',
    );
  }
}

function operand(x: TensorLike): NDArray | number {
  return typeof x === 'number' ? x : x.data;
}
