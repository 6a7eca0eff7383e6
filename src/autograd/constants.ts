/** Constant tensors the backward formulas need. */
import { zeros as ndZeros } from '../tensor/index.js';
import type { Shape, TensorBase } from './node.js';
import { isOneElement } from './scalar.js';

/** Zeros of `shape` with `like`'s float dtype, no history (a number when it has one element). */
export function zerosOf(shape: Shape, like: TensorBase): TensorBase {
  const dtype = like.dtype === 'float32' ? 'float32' : 'float64';
  if (isOneElement(shape)) return like.wrapScalar(0, shape.slice(), dtype);
  return like.wrap(ndZeros(shape.slice(), { dtype }));
}
