/**
 * cat and stack, differentiable. Each input lands in its own block of the output, so the
 * transpose hands each input its block of the gradient: narrow for cat, select for stack.
 */
import { cat as ndCat, normalizeDim, stack as ndStack, type DType } from '../tensor/index.js';
import { propagate, type JvpRule } from './forward/tangents.js';
import { isGradEnabled } from './gradMode.js';
import { edgeOf, Node, type TensorBase } from './node.js';
import { zerosOf } from './constants.js';
import { narrow, select } from './views.js';

class JoinBackward extends Node {
  constructor(
    name: string,
    inputs: readonly TensorBase[],
    private readonly dim: number,
    /** for cat: each input's [offset, size] along dim; for stack: null */
    private readonly blocks: [number, number][] | null,
  ) {
    super(name);
    this.next = inputs.map(edgeOf);
    if (inputs.some((t) => t.outputNr !== 0)) this.nextSlot = inputs.map((t) => t.outputNr);
  }

  apply(grads: readonly (TensorBase | null)[]): (TensorBase | null)[] {
    const g = grads[0]!;
    return this.next.map((_, i) => {
      if (!this.needsInputGrad(i)) return null;
      const block = this.blocks?.[i];
      if (!block) return select(g, this.dim, i);
      // an empty 1-D input that cat skipped gets an empty gradient of its own shape
      return block[1] < 0 ? zerosOf([0], g) : narrow(g, this.dim, block[0], block[1]);
    });
  }
}

function anyDual(ts: readonly TensorBase[]): boolean {
  for (const t of ts) if (t.fw !== null) return true;
  return false;
}

/** cat and stack are linear: the output's tangent joins the inputs' (zeros where none). */
function joinJvp(join: (ts: TensorBase[]) => TensorBase): JvpRule {
  return (tangents, inputs) =>
    join(
      tangents.map(
        (t, i) => t ?? zerosOf((inputs[i] as TensorBase).shape, inputs[i] as TensorBase),
      ),
    );
}

function anyRequiresGrad(ts: readonly TensorBase[]): boolean {
  if (!isGradEnabled()) return false;
  for (const t of ts) if (t.requiresGradFlag) return true;
  return false;
}

/** Joins tensors along an existing dim (torch.cat). */
export function cat<D extends DType>(tensors: readonly TensorBase<D>[], dim = 0): TensorBase<D> {
  const first = tensors[0];
  if (first === undefined) return ndCat([], dim) as never; // the tensor module's error
  const out = first.wrap(
    ndCat(
      tensors.map((t) => t.data),
      dim,
    ),
  ) as TensorBase<D>;
  if (anyRequiresGrad(tensors)) {
    const d = normalizeDim(dim, out.shape.length);
    const blocks: [number, number][] = [];
    let at = 0;
    for (const t of tensors) {
      // cat skips empty 1-D inputs (PyTorch's legacy rule): size -1 marks them
      if (t.shape.length === 1 && t.shape[0] === 0 && out.shape.length !== 1) {
        blocks.push([at, -1]);
        continue;
      }
      const size = t.shape[d]!;
      blocks.push([at, size]);
      at += size;
    }
    out.gradFn = new JoinBackward('CatBackward0', tensors, d, blocks);
    out.requiresGradFlag = true;
  }
  if (anyDual(tensors))
    propagate(
      out,
      tensors,
      joinJvp((ts) => cat(ts, dim)),
    );
  return out;
}

/** Joins equal-shaped tensors along a new dim (torch.stack). */
export function stack<D extends DType>(tensors: readonly TensorBase<D>[], dim = 0): TensorBase<D> {
  const first = tensors[0];
  if (first === undefined) return ndStack([], dim) as never; // the tensor module's error
  const out = first.wrap(
    ndStack(
      tensors.map((t) => t.data),
      dim,
    ),
  ) as TensorBase<D>;
  if (anyRequiresGrad(tensors)) {
    out.gradFn = new JoinBackward(
      'StackBackward0',
      tensors,
      normalizeDim(dim, out.shape.length),
      null,
    );
    out.requiresGradFlag = true;
  }
  if (anyDual(tensors))
    propagate(
      out,
      tensors,
      joinJvp((ts) => stack(ts, dim)),
    );
  return out;
}
