/** Gradient clipping (PyTorch's `torch.nn.utils.clip_grad_norm_` and `clip_grad_value_`). */
import { noGrad, type Tensor } from '../autograd/index.js';
import { nonNegative } from './check.js';
import { HyperparameterError } from './errors.js';

export interface ClipGradNormOptions {
  /** the p of the p-norm (2 by default; Infinity for the largest absolute value) */
  normType?: number;
  /** throw when the total norm is NaN or infinite instead of scaling by it */
  errorIfNonfinite?: boolean;
}

function gradsOf(parameters: Iterable<Tensor>): Tensor[] {
  const out: Tensor[] = [];
  for (const p of parameters) {
    const g = p.grad;
    if (g !== null) out.push(g);
  }
  return out;
}

/**
 * Scales all gradients together so that their total norm (the norm of the per-tensor norms)
 * is at most `maxNorm`: g ← g · min(1, maxNorm/(total + 1e-6)). Returns the total norm before
 * clipping (a number; PyTorch returns a 0-d tensor).
 */
export function clipGradNorm_(
  parameters: Iterable<Tensor>,
  maxNorm: number,
  options: ClipGradNormOptions = {},
): number {
  nonNegative('clipGradNorm_', 'maxNorm', maxNorm);
  const p = options.normType ?? 2;
  if (!(p > 0))
    throw new HyperparameterError('normType', p, 'a number > 0 or Infinity', 'clipGradNorm_');
  const grads = gradsOf(parameters);
  if (grads.length === 0) return 0;
  return noGrad(() => {
    let total: number;
    if (p === Infinity) {
      total = Math.max(...grads.map((g) => g.abs().max().item() as number));
    } else {
      let sum = 0;
      for (const g of grads) sum += (g.norm(p).item() as number) ** p;
      total = sum ** (1 / p);
    }
    if (options.errorIfNonfinite && !Number.isFinite(total)) {
      throw new HyperparameterError(
        'gradients',
        `total norm ${total}`,
        'finite gradients (the total norm of order ' +
          p +
          ' is non-finite, so it cannot be clipped); ' +
          'or pass errorIfNonfinite: false',
        'clipGradNorm_',
      );
    }
    const coef = Math.min(maxNorm / (total + 1e-6), 1);
    for (const g of grads) g.mul_(coef);
    return total;
  });
}

/** Clamps every gradient element to [−clipValue, clipValue] in place. */
export function clipGradValue_(parameters: Iterable<Tensor>, clipValue: number): void {
  nonNegative('clipGradValue_', 'clipValue', clipValue);
  noGrad(() => {
    for (const g of gradsOf(parameters)) g.copy_(g.clamp(-clipValue, clipValue));
  });
}
