/**
 * The ops that backward formulas are written with (`GradOps`): the rules table's `Algebra`
 * over tensors plus the structural ops' linear maps. Every op here is an ordinary recorded
 * tensor op, so under `createGraph` the backward pass builds a graph of its own (higher
 * derivatives for free); without it the engine runs them in no-grad mode.
 *
 * The elementwise part is `TENSOR_ALGEBRA` (elementwise.ts), which forward mode's rules use
 * too; `chain` skips multiplying by ±1, so that d(a + b) costs nothing.
 */
import { TENSOR_ALGEBRA } from './elementwise.js';
import { matmul } from './linalg.js';
import type { GradOps, Shape, TensorBase } from './node.js';
import { sum, sumToShape } from './reduce.js';
import { expand, permute, reshape, toDType, transpose } from './views.js';
import { zerosOf } from './constants.js';

export const GRAD_OPS: GradOps = {
  ...TENSOR_ALGEBRA,
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
