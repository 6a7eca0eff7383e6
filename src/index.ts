/**
 * mibun: derivatives every way. The root entry gives tensors with PyTorch-style autograd
 * (`tensor`, `Tensor`, `backward`, `grad`, `noGrad`, …), NumPy's legacy `RandomState`, the
 * error classes, and each other part as a namespace; the subpaths `mibun/symbolic`,
 * `mibun/numeric`, `mibun/autograd`, `mibun/graph` give the same parts directly.
 */
export * from './autograd/index.js';
export { RandomState, ShapeError, DTypeError, IndexError, NDArray } from './tensor/index.js';
export type { DType, DTypeArray, Shape } from './tensor/index.js';
export { ParseError } from './symbolic/index.js';
export * as symbolic from './symbolic/index.js';
export * as numeric from './numeric/index.js';
export * as graph from './graph/index.js';
export * as nn from './nn/index.js';
export * as func from './func/index.js';
