/**
 * Shape and view ops, differentiable. Each is linear, and its backward is its transpose:
 * reshape ↔ reshape back, permute ↔ inverse permute, expand ↔ sumToShape, and a selecting view
 * (narrow, select, slice) ↔ `embed`, which writes the gradient into zeros of the input's
 * shape through the same view. `embed` is itself recorded, with the view as its backward,
 * so second derivatives pass through indexing too.
 */
import {
  copy_,
  zeros as ndZeros,
  type DType,
  type NDArray,
  type SizesArgs,
  type SliceItem,
} from '../tensor/index.js';
import { propagate, type JvpRule } from './forward/tangents.js';
import { isGradEnabled } from './gradMode.js';
import { edgeOf, Node, type GradOps, type Shape, type TensorBase } from './node.js';

/** A view of an NDArray (the forward of a view op). */
export type ViewFn = (nd: NDArray) => NDArray;

/** Sizes given spread, `reshape(2, 3)`, or as one list, `reshape([2, 3])`. */
export function sizesOf(args: SizesArgs): number[] {
  return args.length === 1 && Array.isArray(args[0]) ? args[0].slice() : (args as number[]);
}

/** A backward that maps the gradient by one linear function of GradOps. */
class LinearBackward extends Node {
  constructor(
    name: string,
    x: TensorBase,
    private readonly transposeOf: (g: TensorBase, ops: GradOps) => TensorBase,
  ) {
    super(name);
    this.next = [edgeOf(x)];
    if (x.outputNr !== 0) this.nextSlot = [x.outputNr];
  }

  apply(grads: readonly (TensorBase | null)[], ops: GradOps): (TensorBase | null)[] {
    return [this.transposeOf(grads[0]!, ops)];
  }
}

/** A linear op applied to a tangent: forward mode's rule for every op in this file. */
type TangentFn = (t: TensorBase) => TensorBase;

/**
 * Wraps the NDArray view `out` of `x`, recording `name` with backward `transposeOf` when x
 * requires grad, and giving it the tangent `tangentOf(ẋ)` when x carries one. The view shares
 * x's memory and version counter.
 */
function viewResult<D extends DType>(
  x: TensorBase<D>,
  out: NDArray<D>,
  name: string,
  transposeOf: (g: TensorBase, ops: GradOps) => TensorBase,
  tangentOf: TangentFn,
): TensorBase<D> {
  const t = x.wrap(out);
  t.viewOf = x.viewOf ?? x;
  return recordLinear(x, t, name, transposeOf, tangentOf);
}

export function reshape<D extends DType>(
  x: TensorBase<D>,
  shape: Shape,
  name = 'ReshapeAliasBackward0',
): TensorBase<D> {
  const from = x.shape;
  return viewResult(
    x,
    x.data.reshape(shape),
    name,
    (g, ops) => ops.reshape(g, from),
    (t) => reshape(t, shape, name),
  );
}

export function view<D extends DType>(x: TensorBase<D>, shape: Shape): TensorBase<D> {
  const from = x.shape;
  // the tangent may not be contiguous where x is (an expanded zero, say): reshape copies then
  return viewResult(
    x,
    x.data.view(shape),
    'ViewBackward0',
    (g, ops) => ops.reshape(g, from),
    (t) => reshape(t, shape, 'ViewBackward0'),
  );
}

export function flatten<D extends DType>(
  x: TensorBase<D>,
  startDim = 0,
  endDim = -1,
): TensorBase<D> {
  const from = x.shape;
  return viewResult(
    x,
    x.data.flatten(startDim, endDim),
    'ReshapeAliasBackward0',
    (g, ops) => ops.reshape(g, from),
    (t) => flatten(t, startDim, endDim),
  );
}

export function unflatten<D extends DType>(
  x: TensorBase<D>,
  dim: number,
  sizes: Shape,
): TensorBase<D> {
  const from = x.shape;
  return viewResult(
    x,
    x.data.unflatten(dim, sizes),
    'ViewBackward0',
    (g, ops) => ops.reshape(g, from),
    (t) => unflatten(t, dim, sizes),
  );
}

export function squeeze<D extends DType>(
  x: TensorBase<D>,
  dim?: number | readonly number[],
): TensorBase<D> {
  const from = x.shape;
  const name = dim === undefined ? 'SqueezeBackward0' : 'SqueezeBackward1';
  return viewResult(
    x,
    x.data.squeeze(dim),
    name,
    (g, ops) => ops.reshape(g, from),
    (t) => squeeze(t, dim),
  );
}

export function unsqueeze<D extends DType>(x: TensorBase<D>, dim: number): TensorBase<D> {
  const from = x.shape;
  return viewResult(
    x,
    x.data.unsqueeze(dim),
    'UnsqueezeBackward0',
    (g, ops) => ops.reshape(g, from),
    (t) => unsqueeze(t, dim),
  );
}

/** Broadcasts to `shape` without copying; the gradient is summed back (sumToShape). */
export function expand<D extends DType>(x: TensorBase<D>, shape: Shape): TensorBase<D> {
  const from = x.shape;
  return viewResult(
    x,
    x.data.expand(shape),
    'ExpandBackward0',
    (g, ops) => ops.sumToShape(g, from),
    (t) => expand(t, shape),
  );
}

export function permute<D extends DType>(x: TensorBase<D>, dims: readonly number[]): TensorBase<D> {
  const out = x.data.permute(dims.slice());
  const n = dims.length;
  const inverse = new Array<number>(n);
  for (let i = 0; i < n; i++) inverse[(dims[i]! + n) % n] = i;
  return viewResult(
    x,
    out,
    'PermuteBackward0',
    (g, ops) => ops.permute(g, inverse),
    (t) => permute(t, dims),
  );
}

export function transpose<D extends DType>(
  x: TensorBase<D>,
  dim0: number,
  dim1: number,
  name = 'TransposeBackward0',
): TensorBase<D> {
  return viewResult(
    x,
    x.data.transpose(dim0, dim1),
    name,
    (g, ops) => ops.transpose(g, dim0, dim1),
    (t) => transpose(t, dim0, dim1, name),
  );
}

/** PyTorch's `t()`: a transpose of a matrix, a no-op on 0-d and 1-d tensors. */
export function t<D extends DType>(x: TensorBase<D>): TensorBase<D> {
  if (x.shape.length < 2) {
    return viewResult(
      x,
      x.data.view(x.shape),
      'TBackward0',
      (g) => g,
      (dt) => t(dt),
    );
  }
  return transpose(x, 0, 1, 'TBackward0');
}

/**
 * The same tensor under a new node (PyTorch's `alias`, AliasBackward0): shares x's memory (or
 * its number), and the gradient passes unchanged. mibun/func uses it where a transform needs a
 * tensor of its own to target that still depends on x.
 */
export function alias<D extends DType>(x: TensorBase<D>): TensorBase<D> {
  const out = x.nd === null ? x.wrapScalar(x.scalar, x.scalarShape, x.scalarDType) : x.wrap(x.nd);
  out.viewOf = x.viewOf ?? x;
  return recordLinear(x, out, 'AliasBackward0', identity, alias);
}

function identity(g: TensorBase): TensorBase {
  return g;
}

/** A copy with its own memory; the gradient passes unchanged (CloneBackward0). */
export function clone<D extends DType>(x: TensorBase<D>): TensorBase<D> {
  if (x.nd === null) {
    const out = x.wrapScalar(x.scalar, x.scalarShape, x.scalarDType);
    return recordLinear(x, out, 'CloneBackward0', (g) => g, clone);
  }
  return recordLinear(x, x.wrap(x.nd.clone()), 'CloneBackward0', (g) => g, clone);
}

/**
 * The values converted to `dtype` (a copy). Between float dtypes the gradient is converted
 * back (ToCopyBackward0); to int32 or bool nothing is recorded, as PyTorch.
 */
export function toDType<D extends DType, E extends DType>(
  x: TensorBase<D>,
  dtype: E,
): TensorBase<E> {
  if ((dtype as DType) === x.dtype) return x as unknown as TensorBase<E>;
  const from = x.dtype;
  const out = x.wrap(x.data.to(dtype));
  if (dtype !== 'float64' && dtype !== 'float32') return out;
  return recordLinear(
    x,
    out,
    'ToCopyBackward0',
    (g) => toDType(g, from),
    (t) => toDType(t, dtype),
  );
}

function recordLinear<E extends DType>(
  x: TensorBase,
  out: TensorBase<E>,
  name: string,
  transposeOf: (g: TensorBase, ops: GradOps) => TensorBase,
  tangentOf: TangentFn,
): TensorBase<E> {
  if (x.requiresGradFlag && isGradEnabled()) {
    out.gradFn = new LinearBackward(name, x, transposeOf);
    out.requiresGradFlag = true;
  }
  if (x.fw !== null) propagate(out, [x], linearJvp(tangentOf));
  return out;
}

/** The jvp rule of a linear op of one input: the op itself, applied to the tangent. */
export function linearJvp(tangentOf: TangentFn): JvpRule {
  return (tangents) => tangentOf(tangents[0]!);
}

/**
 * A view that picks some of x's elements (narrow, select, slice…). Backward: the gradient
 * embedded in zeros of x's shape through the same view.
 */
export function selectingView<D extends DType>(
  x: TensorBase<D>,
  fn: ViewFn,
  name: string,
): TensorBase<D> {
  const from = x.shape;
  const out = fn(x.data) as NDArray<D>;
  return viewResult(
    x,
    out,
    name,
    (g) => embed(g, from, fn, name),
    (t) => selectingView(t, fn, name),
  );
}

export function narrow<D extends DType>(
  x: TensorBase<D>,
  dim: number,
  start: number,
  length: number,
): TensorBase<D> {
  return selectingView(x, (nd) => nd.narrow(dim, start, length), 'SliceBackward0');
}

export function select<D extends DType>(
  x: TensorBase<D>,
  dim: number,
  index: number,
): TensorBase<D> {
  return selectingView(x, (nd) => nd.select(dim, index), 'SelectBackward0');
}

export function slice<D extends DType>(
  x: TensorBase<D>,
  items: [string] | SliceItem[],
): TensorBase<D> {
  return selectingView(x, (nd) => nd.slice(...(items as SliceItem[])), 'SliceBackward0');
}

/** The backward of a selecting view: zeros of `shape` with `g` written through `fn`. */
class EmbedBackward extends Node {
  constructor(
    name: string,
    g: TensorBase,
    private readonly fn: ViewFn,
    private readonly viewName: string,
  ) {
    super(name);
    this.next = [edgeOf(g)];
    if (g.outputNr !== 0) this.nextSlot = [g.outputNr];
  }

  apply(grads: readonly (TensorBase | null)[]): (TensorBase | null)[] {
    return [selectingView(grads[0]!, this.fn, this.viewName)];
  }
}

/** Zeros of `shape` with `g` written into the view `fn` of them (the transpose of that view). */
export function embed(g: TensorBase, shape: Shape, fn: ViewFn, viewName: string): TensorBase {
  const dtype = g.dtype;
  const base = ndZeros([...shape], { dtype });
  copy_(fn(base), g.data);
  const out = g.wrap(base);
  if (g.requiresGradFlag && isGradEnabled()) {
    out.gradFn = new EmbedBackward(viewName.replace(/0$/, 'Backward0'), g, fn, viewName);
    out.requiresGradFlag = true;
  }
  if (g.fw !== null)
    propagate(
      out,
      [g],
      linearJvp((t) => embed(t, shape, fn, viewName)),
    );
  return out;
}
