/** Optimisers and learning-rate schedulers (PyTorch's `torch.optim`). */
export { Optimizer } from './optimizer.js';
export type {
  BaseHyperparameters,
  OptimizerStateDict,
  ParamGroup,
  ParamGroupInput,
  ParamsInput,
  StateValue,
} from './optimizer.js';
export { SGD } from './sgd.js';
export type { SGDHyperparameters, SGDOptions } from './sgd.js';
export { Adam, AdamW } from './adam.js';
export type { AdamHyperparameters, AdamOptions } from './adam.js';
export { RMSprop } from './rmsprop.js';
export type { RMSpropHyperparameters, RMSpropOptions } from './rmsprop.js';
export {
  CosineAnnealingLR,
  ExponentialLR,
  LambdaLR,
  LRScheduler,
  MultiStepLR,
  StepLR,
} from './lrScheduler.js';
