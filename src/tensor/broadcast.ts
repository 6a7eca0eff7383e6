/** Broadcasting as explicit operations, and its transpose (the gradient reduction). */
import type { DType } from './dtype.js';
import { ShapeError } from './errors.js';
import type { NDArray } from './ndarray.js';
import { sum } from './reduce.js';
import { broadcastShapes, sameShape, type Shape } from './shape.js';

/** A view of `a` broadcast to `shape` (torch.broadcast_to). */
export function broadcastTo<D extends DType>(a: NDArray<D>, shape: Shape): NDArray<D> {
  const target = broadcastShapes(a.shape, shape);
  if (!sameShape(target, shape)) {
    throw new ShapeError(
      `broadcastTo: shape ${ShapeError.show(a.shape)} cannot be broadcast to ${ShapeError.show(shape)}`,
      [a.shape, shape],
    );
  }
  return a.expand(shape);
}

/**
 * Sums `a` down to `shape`, the transpose of broadcasting `shape` up to a.shape: the leading
 * dims `shape` lacks are summed away and the dims where `shape` has 1 are summed with keepdim.
 * Reverse mode applies it to the gradient of every broadcasting op: ḡ_x = sumToShape(ḡ, x.shape).
 */
export function sumToShape<D extends DType>(a: NDArray<D>, shape: Shape): NDArray<D> {
  if (sameShape(a.shape, shape)) return a;
  const lead = a.shape.length - shape.length;
  let ok = lead >= 0;
  for (let i = 0; ok && i < shape.length; i++) {
    if (shape[i] !== 1 && shape[i] !== a.shape[lead + i]) ok = false;
  }
  if (!ok) {
    throw new ShapeError(
      `sumToShape: shape ${ShapeError.show(shape)} does not broadcast to ${ShapeError.show(a.shape)}, so ${ShapeError.show(a.shape)} cannot be summed down to it`,
      [a.shape, shape],
    );
  }
  const dims: number[] = [];
  for (let d = 0; d < lead; d++) dims.push(d);
  for (let i = 0; i < shape.length; i++)
    if (shape[i] === 1 && a.shape[lead + i] !== 1) dims.push(lead + i);
  if (dims.length === 0) return a.reshape(shape);
  return (sum(a, dims, true) as NDArray<D>).reshape(shape);
}
