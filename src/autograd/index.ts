/**
 * mibun/autograd: reverse-mode automatic differentiation on tensors, with PyTorch's semantics
 * (`backward`, `grad`, `noGrad`, custom functions, gradcheck, anomaly mode) and the Tensor API.
 */
export { Tensor } from './tensor.js';
export type { FloatOf, TensorLike } from './tensor.js';
export {
  arange,
  asTensor,
  empty,
  eye,
  floatTensor,
  fromArray,
  full,
  fullLike,
  linspace,
  ones,
  onesLike,
  rand,
  randint,
  randLike,
  randn,
  randnLike,
  tensor,
  zeros,
  zerosLike,
} from './factories.js';
export type { DTypeOf, RandomTensorOptions, TensorOptions } from './factories.js';
export { manualSeed } from '../tensor/index.js';
export { backward, grad } from './api.js';
export type { BackwardOptions, GradOptions } from './api.js';
export { enableGrad, isGradEnabled, noGrad, setGradEnabled } from './gradMode.js';
export { detectAnomaly, isAnomalyEnabled, setDetectAnomaly } from './anomaly.js';
export { AnomalyError, GraphError, VersionError } from './errors.js';
export type { GraphErrorReason } from './errors.js';
export { Node, TensorBase } from './node.js';
export type { GradHook, RemovableHandle } from './node.js';
export { setNonLeafGradWarning } from './warnings.js';
export { formatTuple } from './formatTuple.js';
export { Function, defineFunction } from './function.js';
export type {
  CustomFunction,
  FunctionCtx,
  FunctionGrad,
  FunctionInput,
  FunctionSpec,
} from './function.js';
export { GradcheckError, gradcheck, gradgradcheck } from './gradcheck.js';
export type { GradcheckOptions } from './gradcheck.js';
export {
  abs,
  add,
  addcdiv,
  addcmul,
  atan2,
  cat,
  cos,
  div,
  exp,
  expm1,
  indexAdd,
  lerp,
  log,
  log1p,
  logSoftmax,
  logsumexp,
  matmul,
  maximum,
  mean,
  minimum,
  mul,
  neg,
  pow,
  relu,
  scatterAdd,
  sigmoid,
  sin,
  softmax,
  sqrt,
  stack,
  sub,
  sum,
  tan,
  tanh,
  where,
} from './functional.js';
export { hessian, hvp, jacobian, jvp, vjp } from './derivatives.js';
export type { DerivativeOptions } from './derivatives.js';
export { DualLevel, dualLevel, enterDualLevel, exitDualLevel } from './forward/level.js';
export { makeDual, unpackDual } from './forward/dual.js';
export type { UnpackedDual } from './forward/dual.js';
export { Dual, derivative, dual, valueAndDerivative } from './forward/dualNumber.js';
export type { DualLike } from './forward/dualNumber.js';
