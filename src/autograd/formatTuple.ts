/** Printing several tensors as Python prints a tuple of them. */
import type { TensorBase } from './node.js';

/**
 * Python's repr of a tuple of tensors, as the seed prints `torch.autograd.grad`'s result:
 * `(tensor([3.]),)` for one, `(tensor([3.]), tensor([3.]))` for two; null prints `None`.
 *
 * @example
 * formatTuple(grad(f, [x, x], { retainGraph: true })); // '(tensor([3.]), tensor([3.]))'
 */
export function formatTuple(items: readonly (TensorBase | null)[]): string {
  const parts = items.map((t) => (t === null ? 'None' : String(t)));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
}
