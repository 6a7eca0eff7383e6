/** Regression losses: squared error, absolute error, Huber and smooth L1 (PyTorch's formulas). */
import type { Tensor } from '../../autograd/index.js';
import { nonNegative, positive } from '../check.js';
import { checkSameShape, reduce, reductionOf, type ReductionOptions } from './reduction.js';

/** (x − y)², reduced. */
export function mseLoss(input: Tensor, target: Tensor, options: ReductionOptions = {}): Tensor {
  const reduction = reductionOf('mseLoss', options);
  checkSameShape('mseLoss', input, target);
  return reduce(input.sub(target).pow(2), reduction);
}

/** |x − y|, reduced (gradient sign(x − y), 0 where they are equal). */
export function l1Loss(input: Tensor, target: Tensor, options: ReductionOptions = {}): Tensor {
  const reduction = reductionOf('l1Loss', options);
  checkSameShape('l1Loss', input, target);
  return reduce(input.sub(target).abs(), reduction);
}

export interface HuberOptions extends ReductionOptions {
  /** where the loss turns from quadratic to linear (1 by default) */
  delta?: number;
}

/** ½d² where |d| < δ, else δ(|d| − ½δ), with d = x − y. */
export function huberLoss(input: Tensor, target: Tensor, options: HuberOptions = {}): Tensor {
  const reduction = reductionOf('huberLoss', options);
  const delta = positive('huberLoss', 'delta', options.delta ?? 1);
  checkSameShape('huberLoss', input, target);
  const d = input.sub(target);
  const a = d.abs();
  const quadratic = d.pow(2).mul(0.5);
  const linear = a.sub(0.5 * delta).mul(delta);
  return reduce(quadratic.where(a.lt(delta), linear), reduction);
}

export interface SmoothL1Options extends ReductionOptions {
  /** where the loss turns from quadratic to linear (1 by default; 0 gives l1Loss) */
  beta?: number;
}

/** ½d²/β where |d| < β, else |d| − ½β (Huber divided by β). */
export function smoothL1Loss(input: Tensor, target: Tensor, options: SmoothL1Options = {}): Tensor {
  const reduction = reductionOf('smoothL1Loss', options);
  const beta = nonNegative('smoothL1Loss', 'beta', options.beta ?? 1);
  checkSameShape('smoothL1Loss', input, target);
  const d = input.sub(target);
  const a = d.abs();
  if (beta === 0) return reduce(a, reduction);
  const quadratic = d.pow(2).mul(0.5).div(beta);
  return reduce(quadratic.where(a.lt(beta), a.sub(0.5 * beta)), reduction);
}
