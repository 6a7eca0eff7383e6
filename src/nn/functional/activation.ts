/**
 * Activations beyond the Tensor's own methods (`relu`, `sigmoid`, `tanh`, `softplus`,
 * `gelu`), and dropout: PyTorch's `torch.nn.functional` forms with their options.
 */
import { rand, type Tensor } from '../../autograd/index.js';
import type { RandomState } from '../../tensor/index.js';
import { inRange, oneOf } from '../check.js';

/** GELU's two forms: exact x·Φ(x), or PyTorch's tanh approximation. */
export type GeluApproximate = 'none' | 'tanh';

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/**
 * x·Φ(x) (`approximate: 'none'`, the rules table's erf form), or
 * ½x(1 + tanh(√(2/π)(x + 0.044715x³))) (`'tanh'`).
 */
export function gelu(x: Tensor, approximate: GeluApproximate = 'none'): Tensor {
  oneOf('gelu', 'approximate', approximate, ['none', 'tanh']);
  if (approximate === 'none') return x.gelu();
  const inner = x.add(x.pow(3).mul(0.044715)).mul(SQRT_2_OVER_PI);
  return x.mul(0.5).mul(inner.tanh().add(1));
}

/**
 * log(1 + exp(βx))/β, and x itself where βx > threshold (PyTorch's cut-off, which also keeps
 * the gradient exactly 1 there).
 */
export function softplus(x: Tensor, beta = 1, threshold = 20): Tensor {
  // The rules table's softplus has PyTorch's cut-off at 20 in its value but not in its
  // derivative (σ(25) = 1 − 1.4e-11, where PyTorch's gradient is exactly 1): the where() below
  // gives the linear branch its exact gradient for every beta and threshold.
  const bx = beta === 1 ? x : x.mul(beta);
  const soft = beta === 1 ? bx.softplus() : bx.softplus().div(beta);
  return x.where(bx.gt(threshold), soft);
}

/** x for x > 0, negativeSlope·x otherwise (the slope also at 0, as PyTorch's gradient). */
export function leakyRelu(x: Tensor, negativeSlope = 0.01): Tensor {
  return x.where(x.gt(0), x.mul(negativeSlope));
}

/** x·σ(x) (SiLU, also called swish). */
export function silu(x: Tensor): Tensor {
  return x.mul(x.sigmoid());
}

export interface DropoutOptions {
  /** the probability of zeroing an element (0.5 by default) */
  p?: number;
  /** dropout acts only in training; false passes `x` through */
  training?: boolean;
  /** the stream the mask is drawn from (the global one by default) */
  generator?: RandomState;
}

/**
 * Zeroes each element with probability p and scales the rest by 1/(1 − p), so that the
 * expected value is unchanged (inverted dropout, as PyTorch). The mask is drawn from mibun's
 * seeded stream. Identity when not training or p = 0.
 */
export function dropout(x: Tensor, options: DropoutOptions = {}): Tensor {
  const p = inRange('dropout', 'p', options.p ?? 0.5, 0, 1, true);
  if (options.training === false || p === 0) return x;
  if (p === 1) return x.mul(0);
  const dtype = x.dtype === 'float32' ? 'float32' : 'float64';
  const gen = options.generator === undefined ? {} : { generator: options.generator };
  const keep = rand([...x.shape], { dtype, ...gen }).ge(p);
  // PyTorch's noise tensor: bernoulli(1 − p) / (1 − p), then x · noise
  const noise = keep.to(dtype).div(1 - p);
  return x.mul(noise);
}
