/**
 * Ops whose float64 value (rules/scalar.ts) takes PyTorch's shortcut to x itself above a
 * threshold, while the rules table differentiates the smooth function: softplus(x) is x for
 * x > 20, so its numeric partial is 1 there (not σ(x) = 1 − 2e-9…) and its second derivative
 * 0, as PyTorch's softplus_backward, which uses the same threshold. The rules table and the
 * symbolic engine keep the smooth σ(x): the threshold belongs to the float values, not to
 * the function. Tensors (backward and forward mode) and Dual numbers apply it.
 */
import { SOFTPLUS_THRESHOLD, type UnaryOp } from '../rules/index.js';
import { gt } from '../tensor/index.js';
import { where } from './conditional.js';
import type { TensorBase } from './node.js';

export const LINEAR_ABOVE: Readonly<Partial<Record<UnaryOp, number>>> = {
  softplus: SOFTPLUS_THRESHOLD,
};

/**
 * The partial of such an op on tensors: 1 where x > threshold, the rule's `partial` elsewhere.
 * The 1 is a constant, so a second derivative is 0 there; the rule's branch keeps its history.
 */
export function linearAbove(x: TensorBase, partial: TensorBase, threshold: number): TensorBase {
  if (x.nd === null && partial.nd === null) {
    // one element held as a number: choose without making arrays
    if (!(x.scalar > threshold)) return partial;
    return partial.wrapScalar(1, partial.scalarShape, partial.scalarDType);
  }
  return where(gt(x.data, threshold), 1, partial);
}
