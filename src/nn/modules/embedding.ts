/** `Embedding`: a lookup table of learned vectors, one row per index (PyTorch's `nn.Embedding`). */
import { empty, noGrad, tensor, type Tensor } from '../../autograd/index.js';
import { IndexError, type FloatDType, type RandomState } from '../../tensor/index.js';
import { integerAtLeast } from '../check.js';
import { HyperparameterError } from '../errors.js';
import { normal_ } from '../init.js';
import { Module } from '../module.js';
import { Parameter } from '../parameter.js';

export interface EmbeddingOptions {
  /** a row that stays zero and gets no gradient (e.g. for padding tokens) */
  paddingIdx?: number;
  dtype?: FloatDType;
  generator?: RandomState;
}

/**
 * weight [num, dim], drawn from N(0, 1) as PyTorch's; `forward(indices)` gives
 * [...indices.shape, dim].
 */
export class Embedding extends Module<[Tensor<'int32'> | readonly number[]], Tensor> {
  readonly numEmbeddings: number;
  readonly embeddingDim: number;
  readonly paddingIdx: number | null;
  weight: Parameter;

  constructor(numEmbeddings: number, embeddingDim: number, options: EmbeddingOptions = {}) {
    super();
    this.numEmbeddings = integerAtLeast('Embedding', 'numEmbeddings', numEmbeddings, 0);
    this.embeddingDim = integerAtLeast('Embedding', 'embeddingDim', embeddingDim, 0);
    let pad = options.paddingIdx ?? null;
    if (pad !== null) {
      if (!Number.isInteger(pad) || pad >= numEmbeddings || pad < -numEmbeddings) {
        throw new HyperparameterError(
          'paddingIdx',
          pad,
          `an integer in [${-numEmbeddings}, ${numEmbeddings - 1}]`,
          'Embedding',
        );
      }
      if (pad < 0) pad += numEmbeddings;
    }
    this.paddingIdx = pad;
    this.weight = new Parameter(
      empty([numEmbeddings, embeddingDim], { dtype: options.dtype ?? 'float64' }),
    );
    normal_(
      this.weight,
      0,
      1,
      options.generator === undefined ? {} : { generator: options.generator },
    );
    if (pad !== null) noGrad(() => this.weight.select(0, pad).zero_());
  }

  forward(indices: Tensor<'int32'> | readonly number[]): Tensor {
    const idx = Array.isArray(indices)
      ? tensor(indices as number[], { dtype: 'int32' })
      : (indices as Tensor<'int32'>);
    const flat = idx.reshape(-1);
    const values = flat.data.data;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v < 0 || v >= this.numEmbeddings) {
        throw new IndexError(
          `Embedding: index ${v} (at flat position ${i}) is out of range for ${this.numEmbeddings} embeddings. Fix: use indices in [0, ${this.numEmbeddings - 1}].`,
          v,
          this.numEmbeddings,
        );
      }
    }
    let rows = this.weight.indexSelect(0, flat);
    const pad = this.paddingIdx;
    if (pad !== null) {
      // rows at the padding index show the row's value but pass no gradient (PyTorch skips it)
      const keep = flat.ne(pad).unsqueeze(1);
      rows = rows.where(keep, this.weight.detach().select(0, pad));
    }
    return rows.reshape([...idx.shape, this.embeddingDim]);
  }

  override extraRepr(): string {
    const pad = this.paddingIdx === null ? '' : `, padding_idx=${this.paddingIdx}`;
    return `${this.numEmbeddings}, ${this.embeddingDim}${pad}`;
  }
}
