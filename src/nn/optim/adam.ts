/** Adam (Kingma & Ba 2015) and AdamW (Loshchilov & Hutter 2019), with PyTorch's update order. */
import { zerosLike, type Tensor } from '../../autograd/index.js';
import { inRange, nonNegative } from '../check.js';
import { Optimizer, type ParamGroup, type ParamsInput } from './optimizer.js';

export interface AdamOptions {
  /** 1e-3 by default */
  lr?: number;
  /** the decay rates of the moment estimates, [0.9, 0.999] by default */
  betas?: readonly [number, number];
  /** added to the denominator (1e-8) */
  eps?: number;
  /** Adam: an L2 term added to the gradient (0); AdamW: decoupled decay of the weights (0.01) */
  weightDecay?: number;
  /** use the running maximum of the second moment (Reddi et al. 2018) */
  amsgrad?: boolean;
  maximize?: boolean;
}

export type AdamHyperparameters = Required<AdamOptions>;

interface AdamState {
  [key: string]: Tensor | number | null;
  step: number;
  expAvg: Tensor;
  expAvgSq: Tensor;
  maxExpAvgSq: Tensor | null;
}

abstract class AdamBase extends Optimizer<AdamHyperparameters, AdamState> {
  protected override checkHyperparameters(h: AdamHyperparameters): void {
    super.checkHyperparameters(h);
    nonNegative(this.typeName, 'eps', h.eps);
    inRange(this.typeName, 'betas[0]', h.betas[0], 0, 1);
    inRange(this.typeName, 'betas[1]', h.betas[1], 0, 1);
    nonNegative(this.typeName, 'weightDecay', h.weightDecay);
  }

  protected initState(p: Tensor): AdamState {
    return { step: 0, expAvg: zerosLike(p), expAvgSq: zerosLike(p), maxExpAvgSq: null };
  }

  /** The Adam step proper, after any weight decay (PyTorch's _single_tensor_adam). */
  protected adamStep(
    p: Tensor,
    g: Tensor,
    group: ParamGroup<AdamHyperparameters>,
    s: AdamState,
  ): void {
    const { lr, betas, eps, amsgrad } = group;
    const [beta1, beta2] = betas;
    s.step += 1;
    s.expAvg.mul_(beta1).add_(g.mul(1 - beta1));
    s.expAvgSq.mul_(beta2).add_(g.mul(1 - beta2).mul(g));
    const biasCorrection1 = 1 - beta1 ** s.step;
    const biasCorrection2 = 1 - beta2 ** s.step;
    const stepSize = lr / biasCorrection1;
    const biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
    let second = s.expAvgSq;
    if (amsgrad) {
      s.maxExpAvgSq ??= zerosLike(p);
      s.maxExpAvgSq.copy_(s.maxExpAvgSq.maximum(s.expAvgSq));
      second = s.maxExpAvgSq;
    }
    const denom = second.sqrt().div(biasCorrection2Sqrt).add_(eps);
    // p += −stepSize · m / denom (addcdiv)
    p.add_(s.expAvg.mul(-stepSize).div(denom));
  }
}

function hyperparameters(o: AdamOptions, weightDecay: number): AdamHyperparameters {
  return {
    lr: o.lr ?? 1e-3,
    betas: o.betas ?? [0.9, 0.999],
    eps: o.eps ?? 1e-8,
    weightDecay: o.weightDecay ?? weightDecay,
    amsgrad: o.amsgrad ?? false,
    maximize: o.maximize ?? false,
  };
}

/**
 * m = β₁m + (1 − β₁)g, v = β₂v + (1 − β₂)g², p −= lr/(1 − β₁ᵗ) · m / (√v/√(1 − β₂ᵗ) + eps),
 * with g = ∇ + weightDecay·p (L2 through the gradient).
 */
export class Adam extends AdamBase {
  constructor(params: ParamsInput<AdamHyperparameters>, options: AdamOptions = {}) {
    super(params, hyperparameters(options, 0));
  }

  protected update(
    p: Tensor,
    grad: Tensor,
    group: ParamGroup<AdamHyperparameters>,
    state: AdamState,
  ): void {
    let g = group.maximize ? grad.neg() : grad;
    if (group.weightDecay !== 0) g = g.add(p.mul(group.weightDecay));
    this.adamStep(p, g, group, state);
  }
}

/** Adam with decoupled weight decay: p = p·(1 − lr·weightDecay) before the Adam step. */
export class AdamW extends AdamBase {
  constructor(params: ParamsInput<AdamHyperparameters>, options: AdamOptions = {}) {
    super(params, hyperparameters(options, 1e-2));
  }

  protected update(
    p: Tensor,
    grad: Tensor,
    group: ParamGroup<AdamHyperparameters>,
    state: AdamState,
  ): void {
    const g = group.maximize ? grad.neg() : grad;
    p.mul_(1 - group.lr * group.weightDecay);
    this.adamStep(p, g, group, state);
  }
}
