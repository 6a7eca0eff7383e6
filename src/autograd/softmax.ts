/**
 * logsumexp, softmax and logSoftmax with rules of their own, for stability (the forward
 * subtracts the max) and speed; each backward is a few recorded ops on the saved output:
 *   d logsumexp = ḡ · exp(x − out)
 *   d softmax   = out · (ḡ − Σ ḡ·out)
 *   d logSoftmax = ḡ − exp(out) · Σ ḡ
 * (sums over the softmax dim). Under createGraph they differentiate again. Forward mode:
 *   ṫ logsumexp = Σ ẋ · exp(x − out)
 *   ṫ softmax   = out · (ẋ − Σ ẋ·out)
 *   ṫ logSoftmax = ẋ − Σ ẋ·exp(out)
 */
import {
  logSoftmax as ndLogSoftmax,
  logsumexp as ndLogsumexp,
  normalizeDim,
  softmax as ndSoftmax,
  type DType,
} from '../tensor/index.js';
import { TENSOR_ALGEBRA as A } from './elementwise.js';
import { propagate } from './forward/tangents.js';
import { isGradEnabled } from './gradMode.js';
import { edgeOf, Node, type GradOps, type Shape, type TensorBase } from './node.js';
import { keptShape, reducedDims, sum, type Dims } from './reduce.js';
import { reshape } from './views.js';

type Formula = (g: TensorBase, ops: GradOps, x: TensorBase, out: TensorBase) => TensorBase;

class SavedOutputBackward extends Node {
  private x: TensorBase | null;
  private out: TensorBase | null;
  private readonly xVersion: number;
  private readonly outVersion: number;

  constructor(
    name: string,
    x: TensorBase,
    out: TensorBase,
    private readonly formula: Formula,
  ) {
    super(name);
    this.next = [edgeOf(x)];
    if (x.outputNr !== 0) this.nextSlot = [x.outputNr];
    this.x = x;
    this.out = out;
    this.xVersion = x.version;
    this.outVersion = out.version;
  }

  apply(grads: readonly (TensorBase | null)[], ops: GradOps): (TensorBase | null)[] {
    this.checkNotFreed();
    const x = this.x!;
    const out = this.out!;
    this.checkVersion(x, this.xVersion);
    this.checkVersion(out, this.outVersion);
    return [this.formula(grads[0]!, ops, x, out)];
  }

  override release(): void {
    super.release();
    this.x = null;
    this.out = null;
  }
}

/** The tangent of out from the tangent ẋ, x and out (each at the level being computed). */
type TangentFormula = (t: TensorBase, x: TensorBase, out: TensorBase) => TensorBase;

function record<D extends DType>(
  name: string,
  x: TensorBase,
  out: TensorBase<D>,
  formula: Formula,
  tangent: TangentFormula,
): TensorBase<D> {
  if (x.requiresGradFlag && isGradEnabled()) {
    out.gradFn = new SavedOutputBackward(name, x, out, formula);
    out.requiresGradFlag = true;
  }
  if (x.fw !== null) {
    propagate(out, [x], (ts, xs, o) => tangent(ts[0]!, xs[0] as TensorBase, o));
  }
  return out;
}

/** log Σ exp(x) over `dim` (all dims by default), computed without overflow. */
export function logsumexp<D extends DType>(
  x: TensorBase<D>,
  dim?: Dims,
  keepdim = false,
): TensorBase<D> {
  const dims = reducedDims(x.shape, dim);
  const out = x.wrap(ndLogsumexp(x.data, dims, keepdim)) as TensorBase<D>;
  const kept: Shape = keptShape(x.shape, dims);
  return record(
    'LogsumexpBackward0',
    x,
    out,
    (g, ops, xs, o) => {
      const gk = keepdim ? g : ops.reshape(g, kept);
      const ok = keepdim ? o : ops.reshape(o, kept);
      return ops.mul(gk, ops.exp(ops.sub(xs, ok)));
    },
    (t, xs, o) => {
      const ok = keepdim ? o : reshape(o, kept);
      const r = sum(A.mul(t, A.exp(A.sub(xs, ok))), dims, true);
      return keepdim ? r : reshape(r, o.shape);
    },
  );
}

/** exp(x) / Σ exp(x) along `dim`. */
export function softmax<D extends DType>(x: TensorBase<D>, dim: number): TensorBase<D> {
  const d = normalizeDim(dim, x.shape.length);
  const out = x.wrap(ndSoftmax(x.data, d)) as TensorBase<D>;
  return record(
    'SoftmaxBackward0',
    x,
    out,
    (g, ops, _x, o) => ops.mul(o, ops.sub(g, ops.sum(ops.mul(g, o), [d], true))),
    (t, _x, o) => A.mul(o, A.sub(t, sum(A.mul(t, o), [d], true))),
  );
}

/** x − log Σ exp(x) along `dim`. */
export function logSoftmax<D extends DType>(x: TensorBase<D>, dim: number): TensorBase<D> {
  const d = normalizeDim(dim, x.shape.length);
  const out = x.wrap(ndLogSoftmax(x.data, d)) as TensorBase<D>;
  return record(
    'LogSoftmaxBackward0',
    x,
    out,
    (g, ops, _x, o) => ops.sub(g, ops.mul(ops.exp(o), ops.sum(g, [d], true))),
    (t, _x, o) => A.sub(t, sum(A.mul(t, A.exp(o)), [d], true)),
  );
}
