/** `Dropout`, and `Flatten` (two layers whose behaviour is all shape or mode). */
import type { Tensor } from '../../autograd/index.js';
import type { RandomState } from '../../tensor/index.js';
import { inRange } from '../check.js';
import { dropout } from '../functional/activation.js';
import { Module } from '../module.js';
import { pyNumber } from '../repr.js';

/**
 * Zeroes each element with probability p during training and scales the others by 1/(1 − p);
 * passes values through in eval mode (`model.eval()`).
 */
export class Dropout extends Module {
  readonly p: number;
  readonly generator: RandomState | undefined;

  constructor(p = 0.5, options: { generator?: RandomState } = {}) {
    super();
    this.p = inRange('Dropout', 'p', p, 0, 1, true);
    this.generator = options.generator;
  }

  forward(x: Tensor): Tensor {
    return dropout(x, {
      p: this.p,
      training: this.training,
      ...(this.generator === undefined ? {} : { generator: this.generator }),
    });
  }

  override extraRepr(): string {
    return `p=${pyNumber(this.p)}, inplace=False`;
  }
}

/** Flattens dims startDim…endDim into one (by default all but the batch dim). */
export class Flatten extends Module {
  constructor(
    readonly startDim = 1,
    readonly endDim = -1,
  ) {
    super();
  }
  forward(x: Tensor): Tensor {
    return x.flatten(this.startDim, this.endDim);
  }
  override extraRepr(): string {
    return `start_dim=${this.startDim}, end_dim=${this.endDim}`;
  }
}
