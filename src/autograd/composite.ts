/**
 * Elementwise ops outside the rules table (log1p, expm1, and the optimisers' fused addcmul,
 * addcdiv, lerp), each with its gradient formulas written beside it, one per input, as
 * PyTorch's derivatives.yaml writes them: ḡ ↦ that input's gradient, in GradOps (recorded
 * under createGraph, so second derivatives come for free). The engine sums a broadcast
 * input's gradient back to its shape.
 *
 * Forward mode reuses the formulas: an elementwise formula is ḡ times a local partial, so
 * applied to input i's tangent it gives input i's term of the output's tangent,
 * ṫ = Σᵢ formulaᵢ(ṫᵢ).
 *
 * Why not the rules table: these ops are not in UNARY_OPS/BINARY_OPS, and adding one there
 * means a rule in every engine (the symbolic one too). Their partials are built here from
 * table ops (log1p' = 1/(1 + x) is `div` and `add`), so nothing is derived twice.
 */
import type { Algebra } from '../rules/index.js';
import type { DType } from '../tensor/index.js';
import { conform } from './conform.js';
import { TENSOR_ALGEBRA } from './elementwise.js';
import { propagate } from './forward/tangents.js';
import { isGradEnabled } from './gradMode.js';
import { edgeOf, Node, type GradOps, type Shape, type TensorBase } from './node.js';

/**
 * The gradient of one input given the output's gradient `g`, the inputs and the output (only
 * those the op's `reads` lists are passed; the others are null).
 */
export type GradFormula = (
  g: TensorBase,
  A: Algebra<TensorBase>,
  inputs: readonly (TensorBase | null)[],
  out: TensorBase | null,
) => TensorBase;

export interface CompositeOp {
  /** PyTorch's grad_fn name, e.g. `Log1PBackward0` */
  readonly name: string;
  /** one formula per input */
  readonly formulas: readonly GradFormula[];
  /** which inputs the formulas read (the others are not kept for the backward pass) */
  readonly readsInputs: readonly boolean[];
  /** whether the formulas read the output */
  readonly readsOut: boolean;
}

class CompositeBackward extends Node {
  private inputs: (TensorBase | null)[] | null;
  private out: TensorBase | null;
  private readonly versions: number[];
  private readonly outVersion: number;
  /** each input's dtype, where one differs from the output's (its gradient is cast back) */
  private readonly dtypes: (DType | null)[] | null = null;

  constructor(
    private readonly op: CompositeOp,
    inputs: readonly TensorBase[],
    out: TensorBase,
  ) {
    super(op.name);
    this.next = inputs.map(edgeOf);
    if (inputs.some((x) => x.outputNr !== 0)) this.nextSlot = inputs.map((x) => x.outputNr);
    const outShape = out.shape;
    if (inputs.some((x) => !sameShape(x.shape, outShape))) {
      this.inputShapes = inputs.map((x) => (sameShape(x.shape, outShape) ? null : x.shape));
    }
    if (inputs.some((x) => x.dtype !== out.dtype)) {
      this.dtypes = inputs.map((x) => (x.dtype === out.dtype ? null : x.dtype));
    }
    this.inputs = inputs.map((x, i) => (op.readsInputs[i] ? x : null));
    this.versions = inputs.map((x) => x.version);
    this.out = op.readsOut ? out : null;
    this.outVersion = out.version;
  }

  apply(grads: readonly (TensorBase | null)[], ops: GradOps): (TensorBase | null)[] {
    this.checkNotFreed();
    const g = grads[0]!;
    const inputs = this.inputs!;
    for (let i = 0; i < inputs.length; i++) {
      const x = inputs[i];
      if (x) this.checkVersion(x, this.versions[i]!);
    }
    const out = this.out;
    if (out !== null) this.checkVersion(out, this.outVersion);
    const result: (TensorBase | null)[] = [];
    for (let i = 0; i < inputs.length; i++) {
      if (!this.needsInputGrad(i)) {
        result.push(null);
        continue;
      }
      let gi = this.op.formulas[i]!(g, ops, inputs, out);
      const dtype = this.dtypes?.[i] ?? null;
      if (dtype !== null && gi.dtype !== dtype) gi = ops.cast(gi, dtype);
      result.push(gi);
    }
    return result;
  }

  override release(): void {
    super.release();
    this.inputs = null;
    this.out = null;
  }
}

function sameShape(a: Shape, b: Shape): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Gives `out` (computed from `inputs` by `op`) its history when an input requires grad, and its
 * tangents when an input carries one. Returns `out`.
 */
export function recordComposite<T extends TensorBase>(
  op: CompositeOp,
  inputs: readonly TensorBase[],
  out: T,
): T {
  let requires = false;
  let dual = false;
  for (let i = 0; i < inputs.length; i++) {
    const x = inputs[i]!;
    if (x.requiresGradFlag) requires = true;
    if (x.fw !== null) dual = true;
  }
  if (requires && isGradEnabled()) {
    out.gradFn = new CompositeBackward(op, inputs, out);
    out.requiresGradFlag = true;
  }
  if (dual) {
    propagate(out, inputs, (tangents, xs, o) => {
      const A = TENSOR_ALGEBRA;
      const seen = xs as readonly TensorBase[];
      let t: TensorBase | null = null;
      for (let i = 0; i < tangents.length; i++) {
        const ti = tangents[i];
        if (!ti) continue;
        const term = conform(op.formulas[i]!(ti, A, seen, o), o);
        t = t === null ? term : A.add(t, term);
      }
      return t;
    });
  }
  return out;
}
