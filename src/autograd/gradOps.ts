/**
 * The ops that backward formulas are written with (`GradOps`): the rules table's `Algebra`
 * over tensors plus the structural ops' linear maps. Every op here is an ordinary recorded
 * tensor op, so under `createGraph` the backward pass builds a graph of its own (higher
 * derivatives for free); without it the engine runs them in no-grad mode.
 *
 * Small exact integers (`num`) are 0-d constants held as numbers; `mul`, `div` and `pow` fold
 * the constant 1 away, and `chain` skips multiplying by ±1, so that d(a + b) costs nothing.
 */
import { BINARY_INFO as B, UNARY_INFO as U, binary, unary } from './elementwise.js';
import { matmul } from './linalg.js';
import type { GradOps, Shape, TensorBase } from './node.js';
import { sum, sumToShape } from './reduce.js';
import { expand, permute, reshape, toDType, transpose } from './views.js';
import { zerosOf } from './constants.js';

/** Whether `t` is the constant `c` made by `num` (0-d, held as a number, no history). */
function isConstant(t: TensorBase, c: number): boolean {
  return t.nd === null && t.scalar === c && t.scalarShape.length === 0 && !t.requiresGradFlag;
}

export const GRAD_OPS: GradOps = {
  num: (c, like) => like.wrapScalar(c, [], floatDType(like)),
  pi: (like) => like.wrapScalar(Math.PI, [], floatDType(like)),
  add: (a, b) => binary(B.add, a, b),
  sub: (a, b) => binary(B.sub, a, b),
  mul: (a, b) => (isConstant(b, 1) ? a : isConstant(a, 1) ? b : binary(B.mul, a, b)),
  div: (a, b) => (isConstant(b, 1) ? a : binary(B.div, a, b)),
  pow: (a, b) => (isConstant(b, 1) ? a : binary(B.pow, a, b)),
  neg: (a) => unary(U.neg, a),
  exp: (a) => unary(U.exp, a),
  log: (a) => unary(U.log, a),
  sqrt: (a) => unary(U.sqrt, a),
  sin: (a) => unary(U.sin, a),
  cos: (a) => unary(U.cos, a),
  tan: (a) => unary(U.tan, a),
  cot: (a) => unary(U.cot, a),
  sinh: (a) => unary(U.sinh, a),
  cosh: (a) => unary(U.cosh, a),
  sign: (a) => unary(U.sign, a),
  erf: (a) => unary(U.erf, a),
  sumToShape: (g: TensorBase, shape: Shape) => sumToShape(g, shape),
  expand: (g, shape) => expand(g, shape),
  reshape: (g, shape) => reshape(g, shape),
  permute: (g, dims) => permute(g, dims),
  transpose: (g, d0, d1) => transpose(g, d0, d1),
  matmul: (a, b) => matmul(a, b),
  sum: (g, dims, keepdim) => sum(g, dims, keepdim),
  zeros: (shape, like) => zerosOf(shape, like),
  cast: (g, dtype) => toDType(g, dtype),
};

/** Gradients are floating point: an integer tensor's constants are float64. */
function floatDType(t: TensorBase): 'float64' | 'float32' {
  return t.dtype === 'float32' ? 'float32' : 'float64';
}
