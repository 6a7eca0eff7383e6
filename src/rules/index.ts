export type { Algebra } from './algebra.js';
export { UNARY_OPS, BINARY_OPS, isUnaryOp, isBinaryOp } from './ops.js';
export type { UnaryOp, BinaryOp } from './ops.js';
export { UNARY, BINARY } from './partials.js';
export type { UnaryRule, BinaryRule } from './partials.js';
export { UNARY_NUMBER, BINARY_NUMBER, SOFTPLUS_THRESHOLD } from './scalar.js';
export { NUMBER_ALGEBRA } from './numberAlgebra.js';
export { erf, erfc } from './erf.js';
