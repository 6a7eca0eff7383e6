/**
 * Losses as modules (PyTorch's `nn.MSELoss`, `nn.CrossEntropyLoss`, …): `forward(input,
 * target)` calls the function of the same name with the options given to the constructor.
 * Class and element weights are buffers, so they are in the state dict as in PyTorch.
 */
import type { Tensor } from '../../autograd/index.js';
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  type BinaryCrossEntropyOptions,
  type BinaryCrossEntropyWithLogitsOptions,
} from '../functional/binary.js';
import {
  crossEntropy,
  nllLoss,
  type ClassTarget,
  type CrossEntropyOptions,
  type NllLossOptions,
} from '../functional/classification.js';
import { reductionOf, type Reduction, type ReductionOptions } from '../functional/reduction.js';
import {
  huberLoss,
  l1Loss,
  mseLoss,
  smoothL1Loss,
  type HuberOptions,
  type SmoothL1Options,
} from '../functional/regression.js';
import { Module } from '../module.js';

/** A loss module: forward(input, target) → the loss. */
abstract class Loss<T = Tensor> extends Module<[Tensor, T], Tensor> {
  readonly reduction: Reduction;
  constructor(name: string, options: ReductionOptions) {
    super();
    this.reduction = reductionOf(name, options);
  }
}

/** A loss with an optional weight buffer. */
abstract class WeightedLoss<T = Tensor> extends Loss<T> {
  declare weight: Tensor | null;
  constructor(name: string, options: ReductionOptions & { weight?: Tensor | null }) {
    super(name, options);
    this.registerBuffer('weight', options.weight ?? null);
  }
}

export class MSELoss extends Loss {
  constructor(options: ReductionOptions = {}) {
    super('MSELoss', options);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return mseLoss(input, target, { reduction: this.reduction });
  }
}

export class L1Loss extends Loss {
  constructor(options: ReductionOptions = {}) {
    super('L1Loss', options);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return l1Loss(input, target, { reduction: this.reduction });
  }
}

export class HuberLoss extends Loss {
  readonly delta: number;
  constructor(options: HuberOptions = {}) {
    super('HuberLoss', options);
    this.delta = options.delta ?? 1;
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return huberLoss(input, target, { reduction: this.reduction, delta: this.delta });
  }
}

export class SmoothL1Loss extends Loss {
  readonly beta: number;
  constructor(options: SmoothL1Options = {}) {
    super('SmoothL1Loss', options);
    this.beta = options.beta ?? 1;
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return smoothL1Loss(input, target, { reduction: this.reduction, beta: this.beta });
  }
}

export class NLLLoss extends WeightedLoss<ClassTarget> {
  readonly ignoreIndex: number;
  constructor(options: NllLossOptions = {}) {
    super('NLLLoss', options);
    this.ignoreIndex = options.ignoreIndex ?? -100;
  }
  forward(input: Tensor, target: ClassTarget): Tensor {
    return nllLoss(input, target, {
      reduction: this.reduction,
      weight: this.weight,
      ignoreIndex: this.ignoreIndex,
    });
  }
}

export class CrossEntropyLoss extends WeightedLoss<ClassTarget | Tensor> {
  readonly ignoreIndex: number;
  readonly labelSmoothing: number;
  constructor(options: CrossEntropyOptions = {}) {
    super('CrossEntropyLoss', options);
    this.ignoreIndex = options.ignoreIndex ?? -100;
    this.labelSmoothing = options.labelSmoothing ?? 0;
  }
  forward(input: Tensor, target: ClassTarget | Tensor): Tensor {
    return crossEntropy(input, target, {
      reduction: this.reduction,
      weight: this.weight,
      ignoreIndex: this.ignoreIndex,
      labelSmoothing: this.labelSmoothing,
    });
  }
}

export class BCELoss extends WeightedLoss {
  constructor(options: BinaryCrossEntropyOptions = {}) {
    super('BCELoss', options);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return binaryCrossEntropy(input, target, { reduction: this.reduction, weight: this.weight });
  }
}

export class BCEWithLogitsLoss extends WeightedLoss {
  declare posWeight: Tensor | null;
  constructor(options: BinaryCrossEntropyWithLogitsOptions = {}) {
    super('BCEWithLogitsLoss', options);
    this.registerBuffer('posWeight', options.posWeight ?? null);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return binaryCrossEntropyWithLogits(input, target, {
      reduction: this.reduction,
      weight: this.weight,
      posWeight: this.posWeight,
    });
  }
}
