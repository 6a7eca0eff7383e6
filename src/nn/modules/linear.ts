/** `Linear`: y = x Wᵀ + b (PyTorch's `nn.Linear`), and `Identity`. */
import { empty, type Tensor } from '../../autograd/index.js';
import { ShapeError, type FloatDType, type RandomState } from '../../tensor/index.js';
import { integerAtLeast } from '../check.js';
import { computeFans, kaimingUniform_, uniform_ } from '../init.js';
import { Module } from '../module.js';
import { Parameter } from '../parameter.js';
import { pyBool } from '../repr.js';

export interface LinearOptions {
  /** whether to add a learned bias (true by default) */
  bias?: boolean;
  /** float64 by default */
  dtype?: FloatDType;
  /** the stream the initial weights are drawn from (the global one by default) */
  generator?: RandomState;
}

/**
 * A fully connected layer: weight [out, in], bias [out]. Both start as PyTorch's do:
 * U(-1/√in, 1/√in) (kaiming-uniform with a = √5), drawn from mibun's seeded generator.
 *
 * @example
 * manualSeed(0);
 * const fc = new Linear(2, 3);
 * fc.forward(tensor([[1, 2]])).shape; // [1, 3]
 * String(fc); // 'Linear(in_features=2, out_features=3, bias=True)'
 */
export class Linear extends Module {
  readonly inFeatures: number;
  readonly outFeatures: number;
  weight: Parameter;
  bias: Parameter | null;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    this.inFeatures = integerAtLeast('Linear', 'inFeatures', inFeatures, 0);
    this.outFeatures = integerAtLeast('Linear', 'outFeatures', outFeatures, 0);
    const dtype = options.dtype ?? 'float64';
    this.weight = new Parameter(empty([outFeatures, inFeatures], { dtype }));
    this.bias = options.bias === false ? null : new Parameter(empty([outFeatures], { dtype }));
    this.resetParameters(options.generator);
  }

  /** Draws fresh initial values (PyTorch's `reset_parameters`). */
  resetParameters(generator?: RandomState): void {
    const g = generator === undefined ? {} : { generator };
    kaimingUniform_(this.weight, { a: Math.sqrt(5), ...g });
    if (this.bias !== null) {
      const [fanIn] = computeFans(this.weight);
      const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
      uniform_(this.bias, -bound, bound, g);
    }
  }

  /** x: [..., in] → [..., out]. A ShapeError names both shapes when the last size is not `in`. */
  forward(x: Tensor): Tensor {
    const last = x.shape[x.shape.length - 1];
    if (x.shape.length === 0 || last !== this.inFeatures) {
      throw new ShapeError(
        `Linear(in_features=${this.inFeatures}): input of shape [${x.shape.join(', ')}] has ` +
          `${x.shape.length === 0 ? 'no dimensions' : `${last} features in its last dimension`}, but the ` +
          `weight of shape [${this.weight.shape.join(', ')}] needs ${this.inFeatures}. Fix: reshape the input to [..., ${this.inFeatures}].`,
        [x.shape, this.weight.shape],
      );
    }
    const y = x.matmul(this.weight.t());
    return this.bias === null ? y : y.add(this.bias);
  }

  override extraRepr(): string {
    return `in_features=${this.inFeatures}, out_features=${this.outFeatures}, bias=${pyBool(this.bias !== null)}`;
  }
}

/** Returns its input unchanged (a placeholder layer). */
export class Identity extends Module {
  forward(x: Tensor): Tensor {
    return x;
  }
}
