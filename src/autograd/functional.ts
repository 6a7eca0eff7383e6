/**
 * Function forms of the Tensor ops, as `torch.log(y)`: `log(y)` is `y.log()`. Ops on several
 * tensors (cat, stack, where) exist only in this form.
 */
import type { DType, NDArray } from '../tensor/index.js';
import { where as whereOp } from './conditional.js';
import { binary } from './elementwise.js';
import { indexAdd as indexAddOp, scatterAdd as scatterAddOp, type Index } from './indexing.js';
import { cat as catOp, stack as stackOp } from './join.js';
import type { FloatOf, Tensor, TensorLike } from './tensor.js';

/** Joins tensors along an existing dim (torch.cat). */
export function cat<D extends DType>(tensors: readonly Tensor<D>[], dim = 0): Tensor<D> {
  return catOp(tensors, dim) as Tensor<D>;
}

/** Joins equal-shaped tensors along a new dim (torch.stack). */
export function stack<D extends DType>(tensors: readonly Tensor<D>[], dim = 0): Tensor<D> {
  return stackOp(tensors, dim) as Tensor<D>;
}

/** a where `condition` holds, else b (torch.where); either may be a number. */
export function where(
  condition: Tensor<'bool'> | NDArray<'bool'>,
  a: TensorLike,
  b: TensorLike,
): Tensor {
  return whereOp(condition, a, b) as Tensor;
}

/** A copy of x with src added at index along dim (torch.scatter_add). */
export function scatterAdd<D extends DType>(
  x: Tensor<D>,
  dim: number,
  index: Index,
  src: Tensor,
): Tensor<D> {
  return scatterAddOp(x, dim, index, src) as Tensor<D>;
}

/** A copy of x with src's slices added at index along dim (torch.index_add). */
export function indexAdd<D extends DType>(
  x: Tensor<D>,
  dim: number,
  index: Index,
  src: Tensor,
): Tensor<D> {
  return indexAddOp(x, dim, index, src) as Tensor<D>;
}

type Operand = TensorLike;

/** a + b; either may be a number. */
export const add = (a: Operand, b: Operand): Tensor => binary('add', a, b) as Tensor;
/** a − b; either may be a number (`sub(2, x)` is PyTorch's `2 - x`). */
export const sub = (a: Operand, b: Operand): Tensor => binary('sub', a, b) as Tensor;
export const mul = (a: Operand, b: Operand): Tensor => binary('mul', a, b) as Tensor;
export const div = (a: Operand, b: Operand): Tensor => binary('div', a, b) as Tensor;
export const pow = (a: Operand, b: Operand): Tensor => binary('pow', a, b) as Tensor;
export const atan2 = (a: Operand, b: Operand): Tensor => binary('atan2', a, b) as Tensor;
export const maximum = (a: Operand, b: Operand): Tensor => binary('maximum', a, b) as Tensor;
export const minimum = (a: Operand, b: Operand): Tensor => binary('minimum', a, b) as Tensor;

export const neg = <D extends DType>(x: Tensor<D>): Tensor<D> => x.neg();
export const exp = <D extends DType>(x: Tensor<D>): Tensor<FloatOf<D>> => x.exp();
export const log = <D extends DType>(x: Tensor<D>): Tensor<FloatOf<D>> => x.log();
export const sqrt = <D extends DType>(x: Tensor<D>): Tensor<FloatOf<D>> => x.sqrt();
export const sin = <D extends DType>(x: Tensor<D>): Tensor<FloatOf<D>> => x.sin();
export const cos = <D extends DType>(x: Tensor<D>): Tensor<FloatOf<D>> => x.cos();
export const tan = <D extends DType>(x: Tensor<D>): Tensor<FloatOf<D>> => x.tan();
export const tanh = <D extends DType>(x: Tensor<D>): Tensor<FloatOf<D>> => x.tanh();
export const sigmoid = <D extends DType>(x: Tensor<D>): Tensor<FloatOf<D>> => x.sigmoid();
export const log1p = <D extends DType>(x: Tensor<D>): Tensor<FloatOf<D>> => x.log1p();
export const expm1 = <D extends DType>(x: Tensor<D>): Tensor<FloatOf<D>> => x.expm1();
/** input + (value·t1)·t2 (torch.addcmul). */
export const addcmul = <D extends DType>(
  input: Tensor<D>,
  t1: Tensor,
  t2: Tensor,
  options: { value?: number } = {},
): Tensor<D> => input.addcmul(t1, t2, options);
/** input + (value·t1)/t2 (torch.addcdiv). */
export const addcdiv = <D extends DType>(
  input: Tensor<D>,
  t1: Tensor,
  t2: Tensor,
  options: { value?: number } = {},
): Tensor<D> => input.addcdiv(t1, t2, options);
/** input + weight·(end − input) (torch.lerp). */
export const lerp = <D extends DType>(input: Tensor<D>, end: Tensor, weight: Operand): Tensor<D> =>
  input.lerp(end, weight);
export const relu = <D extends DType>(x: Tensor<D>): Tensor<D> => x.relu();
export const abs = <D extends DType>(x: Tensor<D>): Tensor<D> => x.abs();
export const matmul = <D extends DType>(a: Tensor<D>, b: Tensor): Tensor<D> => a.matmul(b);
export const sum = <D extends DType>(
  x: Tensor<D>,
  dim?: number | readonly number[],
  keepdim = false,
): Tensor<D> => x.sum(dim, keepdim);
export const mean = <D extends DType>(
  x: Tensor<D>,
  dim?: number | readonly number[],
  keepdim = false,
): Tensor<D> => x.mean(dim, keepdim);
export const softmax = <D extends DType>(x: Tensor<D>, dim: number): Tensor<D> => x.softmax(dim);
export const logSoftmax = <D extends DType>(x: Tensor<D>, dim: number): Tensor<D> =>
  x.logSoftmax(dim);
export const logsumexp = <D extends DType>(
  x: Tensor<D>,
  dim?: number | readonly number[],
  keepdim = false,
): Tensor<D> => x.logsumexp(dim, keepdim);
