/** RMSprop (Hinton's lecture 6e; PyTorch's variant with momentum and centring). */
import { zerosLike, type Tensor } from '../../autograd/index.js';
import { nonNegative } from '../check.js';
import { Optimizer, type ParamGroup, type ParamsInput } from './optimizer.js';

export interface RMSpropOptions {
  /** 1e-2 by default */
  lr?: number;
  /** the decay of the squared-gradient average (0.99) */
  alpha?: number;
  eps?: number;
  weightDecay?: number;
  momentum?: number;
  /** divide by the estimated variance instead of the raw second moment */
  centered?: boolean;
  maximize?: boolean;
}

export type RMSpropHyperparameters = Required<RMSpropOptions>;

interface RMSpropState {
  [key: string]: Tensor | number | null;
  step: number;
  squareAvg: Tensor;
  gradAvg: Tensor | null;
  momentumBuffer: Tensor | null;
}

/**
 * v = αv + (1 − α)g², a = √(v − ḡ²) (centred) or √v, plus eps;
 * p −= lr·b with b = momentum·b + g/a, or p −= lr·g/a without momentum.
 */
export class RMSprop extends Optimizer<RMSpropHyperparameters, RMSpropState> {
  constructor(params: ParamsInput<RMSpropHyperparameters>, options: RMSpropOptions = {}) {
    super(params, {
      lr: options.lr ?? 1e-2,
      alpha: options.alpha ?? 0.99,
      eps: options.eps ?? 1e-8,
      weightDecay: options.weightDecay ?? 0,
      momentum: options.momentum ?? 0,
      centered: options.centered ?? false,
      maximize: options.maximize ?? false,
    });
  }

  protected override checkHyperparameters(h: RMSpropHyperparameters): void {
    super.checkHyperparameters(h);
    nonNegative('RMSprop', 'eps', h.eps);
    nonNegative('RMSprop', 'momentum', h.momentum);
    nonNegative('RMSprop', 'weightDecay', h.weightDecay);
    nonNegative('RMSprop', 'alpha', h.alpha);
  }

  protected initState(p: Tensor): RMSpropState {
    return { step: 0, squareAvg: zerosLike(p), gradAvg: null, momentumBuffer: null };
  }

  protected update(
    p: Tensor,
    grad: Tensor,
    group: ParamGroup<RMSpropHyperparameters>,
    s: RMSpropState,
  ): void {
    const { lr, alpha, eps, weightDecay, momentum, centered, maximize } = group;
    s.step += 1;
    let g = maximize ? grad.neg() : grad;
    if (weightDecay !== 0) g = g.add(p.mul(weightDecay));
    s.squareAvg.mul_(alpha).add_(g.mul(1 - alpha).mul(g));
    let avg: Tensor;
    if (centered) {
      s.gradAvg ??= zerosLike(p);
      s.gradAvg.mul_(alpha).add_(g.mul(1 - alpha));
      avg = s.squareAvg.add(s.gradAvg.mul(-1).mul(s.gradAvg)).sqrt();
    } else {
      avg = s.squareAvg.sqrt();
    }
    avg.add_(eps);
    if (momentum > 0) {
      s.momentumBuffer ??= zerosLike(p);
      s.momentumBuffer.mul_(momentum).add_(g.div(avg));
      p.add_(s.momentumBuffer.mul(-lr));
    } else {
      p.add_(g.mul(-lr).div(avg));
    }
  }
}
