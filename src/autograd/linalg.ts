/**
 * Matrix products, differentiable. C = A·B is linear in each factor; its transposes are
 * Ā = C̄·Bᵀ and B̄ = Aᵀ·C̄. A 1-D operand is a row (left) or column (right) vector whose dim the
 * product removes; the backward puts it back, and the engine sums a broadcast batch back to
 * each operand's shape.
 */
import { matmul as ndMatmul, type DType } from '../tensor/index.js';
import { TENSOR_ALGEBRA } from './elementwise.js';
import { propagate, type JvpRule } from './forward/tangents.js';
import { isGradEnabled } from './gradMode.js';
import { edgeOf, Node, type GradOps, type Shape, type TensorBase } from './node.js';

/** PyTorch's name for the product that torch.matmul dispatches to. */
function productName(aDims: number, bDims: number): string {
  if (aDims === 1 && bDims === 1) return 'DotBackward0';
  if (aDims === 2 && bDims === 1) return 'MvBackward0';
  if (aDims === 2 && bDims === 2) return 'MmBackward0';
  return 'BmmBackward0';
}

class MatmulBackward extends Node {
  private a: TensorBase | null;
  private b: TensorBase | null;
  private readonly aVersion: number;
  private readonly bVersion: number;

  constructor(
    a: TensorBase,
    b: TensorBase,
    private readonly outShape: Shape,
  ) {
    super(productName(a.shape.length, b.shape.length));
    this.next = [edgeOf(a), edgeOf(b)];
    if (a.outputNr !== 0 || b.outputNr !== 0) this.nextSlot = [a.outputNr, b.outputNr];
    // each factor's gradient reads the other factor only
    this.a = b.requiresGradFlag ? a : null;
    this.b = a.requiresGradFlag ? b : null;
    this.aVersion = a.version;
    this.bVersion = b.version;
    this.inputShapes = [a.shape, b.shape];
  }

  apply(grads: readonly (TensorBase | null)[], ops: GradOps): (TensorBase | null)[] {
    this.checkNotFreed();
    const { a, b } = this;
    if (a !== null) this.checkVersion(a, this.aVersion);
    if (b !== null) this.checkVersion(b, this.bVersion);
    const g = grads[0]!;
    const wantA = this.needsInputGrad(0) && b !== null;
    const wantB = this.needsInputGrad(1) && a !== null;
    // Work with ≥2-D operands: a row vector [1, k] for a 1-D left factor, a column [k, 1] right.
    const aShape = this.inputShapes![0]!;
    const bShape = this.inputShapes![1]!;
    const a2 = a === null ? null : a.shape.length === 1 ? ops.reshape(a, [1, a.shape[0]!]) : a;
    const b2 = b === null ? null : b.shape.length === 1 ? ops.reshape(b, [b.shape[0]!, 1]) : b;
    const g2 = ops.reshape(g, matrixOutShape(this.outShape, aShape.length, bShape.length));
    let ga = wantA ? ops.matmul(g2, ops.transpose(b2!, -2, -1)) : null;
    let gb = wantB ? ops.matmul(ops.transpose(a2!, -2, -1), g2) : null;
    // drop the dim a 1-D factor was given: the row of a, the column of b
    if (ga !== null && aShape.length === 1) ga = ops.reshape(ga, dropDim(ga.shape, -2));
    if (gb !== null && bShape.length === 1) gb = ops.reshape(gb, dropDim(gb.shape, -1));
    return [ga, gb];
  }

  override release(): void {
    super.release();
    this.a = null;
    this.b = null;
  }
}

function dropDim(shape: Shape, dim: number): number[] {
  const s = shape.slice();
  s.splice(shape.length + dim, 1);
  return s;
}

/** The output shape with the dims that 1-D factors removed put back as size 1. */
function matrixOutShape(out: Shape, aDims: number, bDims: number): number[] {
  const s = out.slice();
  if (aDims === 1) s.splice(bDims === 1 ? 0 : s.length - 1, 0, 1);
  if (bDims === 1) s.push(1);
  return s;
}

/** torch.matmul: dot, matrix-vector, matrix and batched products. */
export function matmul<D extends DType>(a: TensorBase<D>, b: TensorBase): TensorBase<D> {
  const out = a.wrap(ndMatmul(a.data, b.data)) as TensorBase<D>;
  if ((a.requiresGradFlag || b.requiresGradFlag) && isGradEnabled()) {
    out.gradFn = new MatmulBackward(a, b, out.shape);
    out.requiresGradFlag = true;
  }
  if (a.fw !== null || b.fw !== null) propagate(out, [a, b], matmulJvp);
  return out;
}

/** The product rule: (A·B)˙ = Ȧ·B + A·Ḃ (both terms have the output's shape). */
const matmulJvp: JvpRule = ([ta, tb], [a, b]) => {
  const left = ta ? matmul(ta, b as TensorBase) : null;
  const right = tb ? matmul(a as TensorBase, tb) : null;
  return left === null ? right : right === null ? left : TENSOR_ALGEBRA.add(left, right);
};
