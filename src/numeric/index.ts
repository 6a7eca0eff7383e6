/**
 * mibun/numeric: numerical differentiation, the independent check of mibun's other engines.
 * Adaptive central differences with Richardson extrapolation and honest error estimates.
 */
export { derivative, derivativeEstimate } from './derivative.js';
export { gradient, gradientEstimate } from './gradient.js';
export { jacobian, jacobianEstimate } from './jacobian.js';
export { hessian, hessianEstimate } from './hessian.js';
export { directionalDerivative, directionalDerivativeEstimate } from './directional.js';
export { numerDeriv } from './numerDeriv.js';
export type { SeedMethod } from './numerDeriv.js';
export {
  NumericError,
  InvalidOptionError,
  InvalidPointError,
  NotANumberError,
  NonFiniteValueError,
  OutputLengthError,
  LengthMismatchError,
} from './errors.js';
export { fornbergWeights, stencil } from './stencil.js';
export type { Stencil } from './stencil.js';
export type {
  DerivativeOptions,
  Estimate,
  MatrixEstimate,
  Method,
  Vector,
  VectorEstimate,
} from './types.js';
