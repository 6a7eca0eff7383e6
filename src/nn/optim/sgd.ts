/** Stochastic gradient descent with momentum, dampening, Nesterov and weight decay. */
import type { Tensor } from '../../autograd/index.js';
import { nonNegative } from '../check.js';
import { HyperparameterError } from '../errors.js';
import { Optimizer, type ParamGroup, type ParamsInput } from './optimizer.js';

export interface SGDOptions {
  /** the learning rate (required, as in PyTorch 1.13) */
  lr: number;
  momentum?: number;
  dampening?: number;
  /** L2 penalty: adds weightDecay·p to the gradient */
  weightDecay?: number;
  nesterov?: boolean;
  /** ascend instead of descend */
  maximize?: boolean;
}

export type SGDHyperparameters = Required<SGDOptions>;

interface SGDState {
  [key: string]: Tensor | null;
  momentumBuffer: Tensor | null;
}

/**
 * PyTorch's update, for each parameter p with gradient g:
 *
 *   d = g + weightDecay·p
 *   b = d on the first step, else momentum·b + (1 − dampening)·d
 *   d = d + momentum·b (Nesterov) or b (momentum ≠ 0)
 *   p = p − lr·d
 *
 * @example
 * const opt = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
 * opt.zeroGrad(); loss.backward(); opt.step();
 */
export class SGD extends Optimizer<SGDHyperparameters, SGDState> {
  constructor(params: ParamsInput<SGDHyperparameters>, options: SGDOptions) {
    super(params, {
      lr: options.lr,
      momentum: options.momentum ?? 0,
      dampening: options.dampening ?? 0,
      weightDecay: options.weightDecay ?? 0,
      nesterov: options.nesterov ?? false,
      maximize: options.maximize ?? false,
    });
  }

  protected override checkHyperparameters(h: SGDHyperparameters): void {
    super.checkHyperparameters(h);
    nonNegative('SGD', 'momentum', h.momentum);
    nonNegative('SGD', 'weightDecay', h.weightDecay);
    if (h.nesterov && (h.momentum <= 0 || h.dampening !== 0)) {
      throw new HyperparameterError(
        'nesterov',
        `true with momentum ${h.momentum} and dampening ${h.dampening}`,
        'false, or set momentum > 0 and dampening 0 (Nesterov momentum requires a momentum and zero dampening)',
        'SGD',
      );
    }
  }

  protected initState(): SGDState {
    return { momentumBuffer: null };
  }

  protected update(
    p: Tensor,
    grad: Tensor,
    group: ParamGroup<SGDHyperparameters>,
    state: SGDState,
  ): void {
    const { lr, momentum, dampening, weightDecay, nesterov, maximize } = group;
    let d = maximize ? grad.neg() : grad;
    if (weightDecay !== 0) d = d.add(p.mul(weightDecay));
    if (momentum !== 0) {
      let buf = state.momentumBuffer;
      if (buf === null) {
        buf = d.clone();
        state.momentumBuffer = buf;
      } else {
        buf.mul_(momentum).add_(d.mul(1 - dampening));
      }
      d = nesterov ? d.add(buf.mul(momentum)) : buf;
    }
    p.add_(d.mul(-lr));
  }
}
