/**
 * Reductions, differentiable. sum's transpose is expand (the gradient is copied back over the
 * summed dims); mean divides by the count; max/min send the gradient to the elements that
 * attained the extreme: split evenly among ties for the full reduction and amax/amin (PyTorch's
 * MaxBackward1, AmaxBackward0), to the reported index for max/min along a dim (MaxBackward0).
 */
import {
  amax as ndAmax,
  amin as ndAmin,
  arange as ndArange,
  div as ndDiv,
  eq as ndEq,
  max as ndMax,
  mean as ndMean,
  min as ndMin,
  normalizeDims,
  sameShape,
  sum as ndSum,
  type DType,
  type NDArray,
} from '../tensor/index.js';
import { BINARY_INFO, binary } from './elementwise.js';
import { propagate } from './forward/tangents.js';
import { isGradEnabled } from './gradMode.js';
import { edgeOf, Node, type GradOps, type Shape, type TensorBase } from './node.js';
import { isOneElement } from './scalar.js';
import { linearJvp, reshape } from './views.js';

/** Dims as a reduction takes them: one, several, or all (undefined). */
export type Dims = number | readonly number[] | undefined;

/** The reduced dims, normalised and sorted (all of them when `dim` is undefined). */
export function reducedDims(shape: Shape, dim: Dims): number[] {
  if (dim === undefined) return shape.map((_, i) => i);
  return normalizeDims(typeof dim === 'number' ? [dim] : dim, shape.length);
}

/** `shape` with the reduced dims kept as size 1. */
export function keptShape(shape: Shape, dims: readonly number[]): number[] {
  const out = shape.slice();
  for (const d of dims) out[d] = 1;
  return out;
}

/** The gradient of a reduction's output, reshaped to the kept-dims shape. */
function keepDims(ops: GradOps, g: TensorBase, kept: Shape, keepdim: boolean): TensorBase {
  return keepdim || sameShape(g.shape, kept) ? g : ops.reshape(g, kept);
}

/** A reduction's backward, written as a function of the kept-dims gradient. */
class ReduceBackward extends Node {
  private saved: NDArray[] | null;
  private readonly versions: number[];

  constructor(
    name: string,
    x: TensorBase,
    private readonly kept: Shape,
    private readonly keepdim: boolean,
    saved: NDArray[],
    private readonly transposeOf: (gk: TensorBase, ops: GradOps, saved: NDArray[]) => TensorBase,
  ) {
    super(name);
    this.next = [edgeOf(x)];
    if (x.outputNr !== 0) this.nextSlot = [x.outputNr];
    this.saved = saved;
    this.versions = saved.map((nd) => nd.version);
  }

  apply(grads: readonly (TensorBase | null)[], ops: GradOps): (TensorBase | null)[] {
    this.checkNotFreed();
    const saved = this.saved!;
    for (let i = 0; i < saved.length; i++) this.checkArrayVersion(saved[i]!, this.versions[i]!);
    const gk = keepDims(ops, grads[0]!, this.kept, this.keepdim);
    return [this.transposeOf(gk, ops, saved)];
  }

  override release(): void {
    super.release();
    this.saved = null;
  }
}

/**
 * Records `node` as out's backward when x requires grad, and gives out the tangent
 * `tangentOf(ẋ)` when x carries one (every reduction here is linear in x, given the positions
 * of the extremes).
 */
function record<D extends DType>(
  x: TensorBase,
  out: TensorBase<D>,
  node: () => Node,
  tangentOf: (t: TensorBase) => TensorBase,
): TensorBase<D> {
  if (x.requiresGradFlag && isGradEnabled()) {
    out.gradFn = node();
    out.requiresGradFlag = true;
  }
  if (x.fw !== null) propagate(out, [x], linearJvp(tangentOf));
  return out;
}

/** Σ over `dims` of t·w: the tangent of a reduction that picks elements with weights w. */
function weightedSum(
  t: TensorBase,
  weights: NDArray,
  dims: readonly number[],
  keepdim: boolean,
): TensorBase {
  return sum(binary(BINARY_INFO.mul, t, t.wrap(weights)), dims, keepdim);
}

/** Σ over `dim` (all dims by default); backward: the gradient expanded back. */
export function sum<D extends DType>(x: TensorBase<D>, dim?: Dims, keepdim = false): TensorBase<D> {
  const shape = x.shape;
  const dims = reducedDims(shape, dim);
  const out = x.wrap(ndSum(x.data, dims, keepdim)) as TensorBase<D>;
  const kept = keptShape(shape, dims);
  const name = dim === undefined ? 'SumBackward0' : 'SumBackward1';
  return record(
    x,
    out,
    () => new ReduceBackward(name, x, kept, keepdim, [], (gk, ops) => ops.expand(gk, shape)),
    (t) => sum(t, dims, keepdim),
  );
}

/** The mean over `dim`; backward: the gradient expanded back, divided by the count. */
export function mean<D extends DType>(
  x: TensorBase<D>,
  dim?: Dims,
  keepdim = false,
): TensorBase<D> {
  const shape = x.shape;
  const dims = reducedDims(shape, dim);
  const out = x.wrap(ndMean(x.data, dims, keepdim)) as TensorBase<D>;
  const kept = keptShape(shape, dims);
  let count = 1;
  for (const d of dims) count *= shape[d]!;
  const name = dim === undefined ? 'MeanBackward0' : 'MeanBackward1';
  return record(
    x,
    out,
    () =>
      new ReduceBackward(name, x, kept, keepdim, [], (gk, ops) =>
        ops.div(ops.expand(gk, shape), ops.num(count, gk)),
      ),
    (t) => mean(t, dims, keepdim),
  );
}

/**
 * The weights with which an extreme's gradient is split: 1/k on each of the k elements equal
 * to the extreme (per reduced slice), 0 elsewhere. A constant: its derivative is zero almost
 * everywhere.
 */
function tieWeights(x: NDArray, extremeKept: NDArray, dims: readonly number[]): NDArray {
  const hits = ndEq(x, extremeKept).to(x.dtype);
  return ndDiv(hits, ndSum(hits, dims, true));
}

function evenly<D extends DType>(
  name: string,
  x: TensorBase<D>,
  dims: number[],
  keepdim: boolean,
  reduce: (nd: NDArray, dims: number[], keepdim: boolean) => NDArray,
): TensorBase<D> {
  const shape = x.shape;
  const outKept = reduce(x.data, dims, true);
  const out = x.wrap(
    keepdim ? outKept : outKept.reshape(reducedShapeOf(shape, dims)),
  ) as TensorBase<D>;
  const kept = keptShape(shape, dims);
  return record(
    x,
    out,
    () =>
      new ReduceBackward(name, x, kept, keepdim, [x.data, outKept], (gk, ops, [xd, od]) =>
        ops.mul(ops.expand(gk, shape), gk.wrap(tieWeights(xd!, od!, dims))),
      ),
    // ties share the tangent as they share the gradient: Σ ẋ·w over the reduced dims
    (t) => weightedSum(t, tieWeights(x.data, outKept, dims), dims, keepdim),
  );
}

function reducedShapeOf(shape: Shape, dims: readonly number[]): number[] {
  return shape.filter((_, i) => !dims.includes(i));
}

/** The largest value over `dims` (all by default); ties share the gradient (torch.amax). */
export function amax<D extends DType>(
  x: TensorBase<D>,
  dim?: Dims,
  keepdim = false,
): TensorBase<D> {
  return evenly('AmaxBackward0', x, reducedDims(x.shape, dim), keepdim, (nd, d, k) =>
    ndAmax(nd, d, k),
  );
}

/** The smallest value over `dims` (all by default); ties share the gradient (torch.amin). */
export function amin<D extends DType>(
  x: TensorBase<D>,
  dim?: Dims,
  keepdim = false,
): TensorBase<D> {
  return evenly('AminBackward0', x, reducedDims(x.shape, dim), keepdim, (nd, d, k) =>
    ndAmin(nd, d, k),
  );
}

/** What max/min along a dim return: PyTorch's (values, indices), by name or by position. */
export type ValuesIndices<T, I> = [values: T, indices: I] & { values: T; indices: I };

function alongDim<D extends DType>(
  name: string,
  x: TensorBase<D>,
  dim: number,
  keepdim: boolean,
  reduce: (
    nd: NDArray,
    dim: number,
    keepdim: boolean,
  ) => { values: NDArray; indices: NDArray<'int32'> },
): ValuesIndices<TensorBase<D>, TensorBase<'int32'>> {
  const shape = x.shape;
  const [d] = reducedDims(shape, dim);
  const r = reduce(x.data, d!, true);
  const vals = x.wrap(keepdim ? r.values : r.values.squeeze(d!)) as TensorBase<D>;
  const idx = x.wrap(keepdim ? r.indices : r.indices.squeeze(d!));
  const kept = keptShape(shape, [d!]);
  const oneHot = (): NDArray => {
    const size = shape[d!]!;
    const positions = ndArange(size, { dtype: 'int32' }).reshape(
      kept.map((s, i) => (i === d ? size : 1)),
    );
    return ndEq(positions, r.indices).to(x.dtype);
  };
  record(
    x,
    vals,
    () => {
      const hot = oneHot();
      return new ReduceBackward(name, x, kept, keepdim, [], (gk, ops) =>
        ops.mul(ops.expand(gk, shape), gk.wrap(hot)),
      );
    },
    // the tangent of the element each index picks
    (t) => weightedSum(t, oneHot(), [d!], keepdim),
  );
  return Object.assign([vals, idx] as [TensorBase<D>, TensorBase<'int32'>], {
    values: vals,
    indices: idx,
  });
}

/** The largest element (ties share the gradient), or (values, indices) along `dim`. */
export function max<D extends DType>(x: TensorBase<D>): TensorBase<D>;
export function max<D extends DType>(
  x: TensorBase<D>,
  dim: number,
  keepdim?: boolean,
): ValuesIndices<TensorBase<D>, TensorBase<'int32'>>;
export function max<D extends DType>(
  x: TensorBase<D>,
  dim?: number,
  keepdim = false,
): TensorBase<D> | ValuesIndices<TensorBase<D>, TensorBase<'int32'>> {
  if (dim === undefined)
    return evenly('MaxBackward1', x, reducedDims(x.shape, undefined), false, (nd, d, k) =>
      ndAmax(nd, d, k),
    );
  return alongDim('MaxBackward0', x, dim, keepdim, (nd, d, k) => ndMax(nd, d, k));
}

/** The smallest element (ties share the gradient), or (values, indices) along `dim`. */
export function min<D extends DType>(x: TensorBase<D>): TensorBase<D>;
export function min<D extends DType>(
  x: TensorBase<D>,
  dim: number,
  keepdim?: boolean,
): ValuesIndices<TensorBase<D>, TensorBase<'int32'>>;
export function min<D extends DType>(
  x: TensorBase<D>,
  dim?: number,
  keepdim = false,
): TensorBase<D> | ValuesIndices<TensorBase<D>, TensorBase<'int32'>> {
  if (dim === undefined)
    return evenly('MinBackward1', x, reducedDims(x.shape, undefined), false, (nd, d, k) =>
      ndAmin(nd, d, k),
    );
  return alongDim('MinBackward0', x, dim, keepdim, (nd, d, k) => ndMin(nd, d, k));
}

/**
 * Sums `g` over the dimensions that broadcasting stretched so that it has `shape` again: the
 * transpose of broadcasting, applied by the engine to each broadcast input's gradient.
 */
export function sumToShape(g: TensorBase, shape: Shape): TensorBase {
  const from = g.shape;
  if (sameShape(from, shape)) return g;
  if (isOneElement(from) && isOneElement(shape)) {
    // a gradient held as a number, outside recording: a new shape, nothing to share
    if (g.nd === null && g.fw === null && !(g.requiresGradFlag && isGradEnabled()))
      return g.wrapScalar(g.scalar, shape.slice(), g.scalarDType);
    return reshape(g, shape);
  }
  const lead = from.length - shape.length;
  const dims: number[] = [];
  for (let i = 0; i < from.length; i++) {
    if (i < lead || (shape[i - lead] === 1 && from[i] !== 1)) dims.push(i);
  }
  const summed = dims.length > 0 ? sum(g, dims, true) : g;
  return sameShape(summed.shape, shape) ? summed : reshape(summed, shape);
}
