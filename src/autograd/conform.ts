/**
 * A tangent or gradient brought to a tensor's shape (expanded where broadcasting stretched)
 * and dtype: forward mode's last step for every op whose inputs may broadcast.
 */
import type { Shape, TensorBase } from './node.js';
import { expand, toDType } from './views.js';

export function conform(t: TensorBase, out: TensorBase): TensorBase {
  let r = t;
  if (!sameShape(r.shape, out.shape)) r = expand(r, out.shape);
  if (r.dtype !== out.dtype) r = toDType(r, out.dtype);
  return r;
}

/** Whether two shapes are equal; the same array object (the usual case) is checked first. */
export function sameShape(a: Shape, b: Shape): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
