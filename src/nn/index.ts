/**
 * mibun/nn: neural-network modules, losses, optimisers and initialisers on mibun's autograd,
 * with PyTorch's names (camelCase) and semantics.
 */
export { Module } from './module.js';
export type { AnyModule } from './module.js';
export { Parameter } from './parameter.js';
export type { LoadResult, StateDict, StateDictInput, TensorState } from './stateDict.js';
export { HyperparameterError, InputValueError, StateDictError } from './errors.js';
export type { StateDictMismatch } from './errors.js';

// layers
export { Identity, Linear } from './modules/linear.js';
export type { LinearOptions } from './modules/linear.js';
export { Sequential } from './modules/container.js';
export type { Layer } from './modules/container.js';
export {
  GELU,
  LeakyReLU,
  LogSoftmax,
  ReLU,
  SiLU,
  Sigmoid,
  Softmax,
  Softplus,
  Tanh,
} from './modules/activation.js';
export { Dropout, Flatten } from './modules/dropout.js';
export { Embedding } from './modules/embedding.js';
export type { EmbeddingOptions } from './modules/embedding.js';
export { LayerNorm } from './modules/normalization.js';
export type { LayerNormOptions } from './modules/normalization.js';

// losses
export {
  BCELoss,
  BCEWithLogitsLoss,
  CrossEntropyLoss,
  HuberLoss,
  L1Loss,
  MSELoss,
  NLLLoss,
  SmoothL1Loss,
} from './modules/loss.js';
export { huberLoss, l1Loss, mseLoss, smoothL1Loss } from './functional/regression.js';
export type { HuberOptions, SmoothL1Options } from './functional/regression.js';
export { crossEntropy, nllLoss } from './functional/classification.js';
export type {
  ClassTarget,
  CrossEntropyOptions,
  NllLossOptions,
} from './functional/classification.js';
export { binaryCrossEntropy, binaryCrossEntropyWithLogits } from './functional/binary.js';
export type {
  BinaryCrossEntropyOptions,
  BinaryCrossEntropyWithLogitsOptions,
} from './functional/binary.js';
export type { Reduction, ReductionOptions } from './functional/reduction.js';

// functional activations
export { dropout, gelu, leakyRelu, silu, softplus } from './functional/activation.js';
export type { DropoutOptions, GeluApproximate } from './functional/activation.js';

// optimisers, schedulers, initialisers, gradient clipping
export * from './optim/index.js';
export * as init from './init.js';
export type { InitOptions, KaimingOptions, Nonlinearity } from './init.js';
export { clipGradNorm_, clipGradValue_ } from './clipGrad.js';
export type { ClipGradNormOptions } from './clipGrad.js';
