/**
 * The tensor module's elementwise kernels, looked up by the rules table's op names: the one
 * place where autograd meets the tensor module's function names.
 */
import type { BinaryOp, UnaryOp } from '../rules/index.js';
import {
  add,
  atan2,
  div,
  maximum,
  minimum,
  mul,
  pow,
  sub,
  unary,
  type NDArray,
} from '../tensor/index.js';

type Operand = NDArray | number;

const BINARY_KERNELS: Readonly<Record<BinaryOp, (a: Operand, b: Operand) => NDArray>> = {
  add,
  sub,
  mul,
  div: (a, b) => div(a, b),
  pow,
  atan2,
  maximum,
  minimum,
};

export function ndUnary(op: UnaryOp, x: NDArray): NDArray {
  return unary(op, x);
}

export function ndBinary(op: BinaryOp, a: Operand, b: Operand): NDArray {
  return BINARY_KERNELS[op](a, b);
}
