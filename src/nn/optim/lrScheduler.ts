/**
 * Learning-rate schedulers (PyTorch's `torch.optim.lr_scheduler`), in PyTorch's chainable
 * form: each `step()` derives the new lr from the group's current one, so the values match
 * PyTorch's to the last bit (the closed forms differ in rounding). Call `scheduler.step()`
 * after `optimizer.step()`, once per epoch.
 */
import { integerAtLeast, nonNegative } from '../check.js';
import { HyperparameterError } from '../errors.js';
import type { BaseHyperparameters, Optimizer, StateValue } from './optimizer.js';

/** Any optimiser (whatever its hyperparameters and state). */
type AnyOptimizer = Optimizer<BaseHyperparameters, { [key: string]: StateValue }>;

export abstract class LRScheduler {
  /** The epoch count: 0 right after construction, +1 per `step()`. */
  lastEpoch = -1;
  /** Each group's lr when the scheduler was made. */
  readonly baseLrs: readonly number[];
  #lastLr: number[] = [];

  constructor(readonly optimizer: AnyOptimizer) {
    this.baseLrs = optimizer.paramGroups.map((g) => g.lr);
  }

  /** Sets epoch 0's learning rates; subclasses call it at the end of their constructor. */
  protected initialStep(): void {
    this.step();
  }

  /** The learning rates for `lastEpoch`, from the groups' current ones. */
  protected abstract getLr(): number[];

  /** Advances one epoch and writes the new learning rates into the optimiser's groups. */
  step(): void {
    this.lastEpoch += 1;
    const lrs = this.getLr();
    this.optimizer.paramGroups.forEach((g, i) => (g.lr = lrs[i]!));
    this.#lastLr = lrs;
  }

  /** The learning rates set by the last `step()`. */
  getLastLr(): number[] {
    return this.#lastLr.slice();
  }

  protected currentLrs(): number[] {
    return this.optimizer.paramGroups.map((g) => g.lr);
  }
}

/** Multiplies the lr by gamma every `stepSize` epochs. */
export class StepLR extends LRScheduler {
  constructor(
    optimizer: AnyOptimizer,
    readonly stepSize: number,
    readonly gamma = 0.1,
  ) {
    super(optimizer);
    integerAtLeast('StepLR', 'stepSize', stepSize, 1);
    nonNegative('StepLR', 'gamma', gamma);
    this.initialStep();
  }
  protected getLr(): number[] {
    const lrs = this.currentLrs();
    if (this.lastEpoch === 0 || this.lastEpoch % this.stepSize !== 0) return lrs;
    return lrs.map((lr) => lr * this.gamma);
  }
}

/** Multiplies the lr by gamma at each milestone epoch. */
export class MultiStepLR extends LRScheduler {
  readonly milestones: readonly number[];
  constructor(
    optimizer: AnyOptimizer,
    milestones: readonly number[],
    readonly gamma = 0.1,
  ) {
    super(optimizer);
    for (const m of milestones) integerAtLeast('MultiStepLR', 'milestones', m, 0);
    nonNegative('MultiStepLR', 'gamma', gamma);
    this.milestones = milestones.slice().sort((a, b) => a - b);
    this.initialStep();
  }
  protected getLr(): number[] {
    const hits = this.milestones.filter((m) => m === this.lastEpoch).length;
    const lrs = this.currentLrs();
    return hits === 0 ? lrs : lrs.map((lr) => lr * this.gamma ** hits);
  }
}

/** Multiplies the lr by gamma every epoch. */
export class ExponentialLR extends LRScheduler {
  constructor(
    optimizer: AnyOptimizer,
    readonly gamma: number,
  ) {
    super(optimizer);
    nonNegative('ExponentialLR', 'gamma', gamma);
    this.initialStep();
  }
  protected getLr(): number[] {
    const lrs = this.currentLrs();
    return this.lastEpoch === 0 ? lrs : lrs.map((lr) => lr * this.gamma);
  }
}

/** lr = baseLr · lrLambda(epoch). */
export class LambdaLR extends LRScheduler {
  constructor(
    optimizer: AnyOptimizer,
    readonly lrLambda: (epoch: number) => number,
  ) {
    super(optimizer);
    if (typeof lrLambda !== 'function') {
      throw new HyperparameterError(
        'lrLambda',
        String(lrLambda),
        'a function of the epoch',
        'LambdaLR',
      );
    }
    this.initialStep();
  }
  protected getLr(): number[] {
    return this.baseLrs.map((base) => base * this.lrLambda(this.lastEpoch));
  }
}

/**
 * Cosine annealing from the base lr down to etaMin over tMax epochs (SGDR without restarts,
 * Loshchilov & Hutter 2017), in PyTorch's recursive form.
 */
export class CosineAnnealingLR extends LRScheduler {
  constructor(
    optimizer: AnyOptimizer,
    readonly tMax: number,
    readonly etaMin = 0,
  ) {
    super(optimizer);
    integerAtLeast('CosineAnnealingLR', 'tMax', tMax, 1);
    this.initialStep();
  }
  protected getLr(): number[] {
    const e = this.lastEpoch;
    const T = this.tMax;
    const lrs = this.currentLrs();
    if (e === 0) return lrs;
    if ((e - 1 - T) % (2 * T) === 0) {
      return lrs.map(
        (lr, i) => lr + ((this.baseLrs[i]! - this.etaMin) * (1 - Math.cos(Math.PI / T))) / 2,
      );
    }
    return lrs.map(
      (lr) =>
        ((1 + Math.cos((Math.PI * e) / T)) / (1 + Math.cos((Math.PI * (e - 1)) / T))) *
          (lr - this.etaMin) +
        this.etaMin,
    );
  }
}
