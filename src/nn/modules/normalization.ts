/** `LayerNorm`: normalises over the trailing dims (Ba et al. 2016; PyTorch's `nn.LayerNorm`). */
import { ones, zeros, type Tensor } from '../../autograd/index.js';
import { ShapeError, type FloatDType } from '../../tensor/index.js';
import { integerAtLeast, positive } from '../check.js';
import { Module } from '../module.js';
import { Parameter } from '../parameter.js';
import { pyBool, pyNumber, pyTuple } from '../repr.js';

export interface LayerNormOptions {
  eps?: number;
  /** learn a per-element scale (weight, from 1) and shift (bias, from 0); true by default */
  elementwiseAffine?: boolean;
  /** the shift, when elementwiseAffine (true by default) */
  bias?: boolean;
  dtype?: FloatDType;
}

/**
 * y = (x − E[x]) / √(Var[x] + eps) · weight + bias, the mean and the biased variance taken over
 * the last `normalizedShape.length` dims.
 */
export class LayerNorm extends Module {
  readonly normalizedShape: readonly number[];
  readonly eps: number;
  readonly elementwiseAffine: boolean;
  weight: Parameter | null;
  bias: Parameter | null;

  constructor(normalizedShape: number | readonly number[], options: LayerNormOptions = {}) {
    super();
    const shape = typeof normalizedShape === 'number' ? [normalizedShape] : [...normalizedShape];
    for (const s of shape) integerAtLeast('LayerNorm', 'normalizedShape', s, 1);
    this.normalizedShape = shape;
    this.eps = positive('LayerNorm', 'eps', options.eps ?? 1e-5);
    this.elementwiseAffine = options.elementwiseAffine ?? true;
    const dtype = options.dtype ?? 'float64';
    this.weight = this.elementwiseAffine ? new Parameter(ones(shape, { dtype })) : null;
    this.bias =
      this.elementwiseAffine && options.bias !== false
        ? new Parameter(zeros(shape, { dtype }))
        : null;
  }

  forward(x: Tensor): Tensor {
    const k = this.normalizedShape.length;
    const tail = x.shape.slice(x.shape.length - k);
    if (x.shape.length < k || tail.some((s, i) => s !== this.normalizedShape[i])) {
      throw new ShapeError(
        `LayerNorm: input of shape [${x.shape.join(', ')}] does not end with the normalized shape ` +
          `[${this.normalizedShape.join(', ')}]. Fix: normalise over the input's trailing dims.`,
        [x.shape, this.normalizedShape],
      );
    }
    const dims = this.normalizedShape.map((_, i) => i - k);
    const centred = x.sub(x.mean(dims, true));
    const variance = centred.mul(centred).mean(dims, true);
    let y = centred.mul(variance.add(this.eps).rsqrt());
    if (this.weight !== null) y = y.mul(this.weight);
    if (this.bias !== null) y = y.add(this.bias);
    return y;
  }

  override extraRepr(): string {
    return `${pyTuple(this.normalizedShape)}, eps=${pyNumber(this.eps)}, elementwise_affine=${pyBool(this.elementwiseAffine)}`;
  }
}
