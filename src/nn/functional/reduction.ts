/** What every loss shares: the `reduction` option and the same-shape check. */
import type { Tensor } from '../../autograd/index.js';
import { ShapeError } from '../../tensor/index.js';
import { oneOf } from '../check.js';

/** How a loss reduces its per-element values: their mean (default), sum, or none. */
export type Reduction = 'mean' | 'sum' | 'none';

export interface ReductionOptions {
  reduction?: Reduction;
}

const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];

/** The validated reduction of `options` ('mean' by default). */
export function reductionOf(fn: string, options: ReductionOptions): Reduction {
  return oneOf(fn, 'reduction', options.reduction ?? 'mean', REDUCTIONS);
}

/** Applies a reduction to per-element losses. */
export function reduce(loss: Tensor, reduction: Reduction): Tensor {
  if (reduction === 'mean') return loss.mean();
  if (reduction === 'sum') return loss.sum();
  return loss;
}

function show(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * Input and target must have one shape. PyTorch broadcasts with a warning (or, for BCE,
 * fails); a silent [N, 1] vs [N] broadcast gives an [N, N] loss that trains the wrong thing,
 * so mibun fails for every loss.
 */
export function checkSameShape(fn: string, input: Tensor, target: Tensor): void {
  const a = input.shape;
  const b = target.shape;
  if (a.length === b.length && a.every((s, i) => s === b[i])) return;
  throw new ShapeError(
    `${fn}: target of shape ${show(b)} does not match input of shape ${show(a)}. ` +
      'Fix: reshape one of them (e.g. target.reshape(input.shape) or input.squeeze(-1)) so that they agree.',
    [a, b],
  );
}
