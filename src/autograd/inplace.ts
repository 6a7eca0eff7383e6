/**
 * In-place ops. Outside recording they are the tensor module's in-place kernels (bumping the
 * version counter that saved-value checks read). While recording, an in-place op on a tensor
 * that requires grad is computed out of place from a snapshot of the old value and written
 * back, and the tensor's history is rebased onto the new node (PyTorch's rebase_history): the
 * old node still holds the old value; any node that saved the tensor itself sees its version
 * change and refuses to run. A tensor carrying a forward-mode tangent (or an operand carrying
 * one) takes the out-of-place path too, and the tangent of the result becomes the tensor's.
 */
import { copy_ } from '../tensor/index.js';
import { GraphError } from './errors.js';
import { isGradEnabled } from './gradMode.js';
import type { TensorBase } from './node.js';

/**
 * Applies an in-place op to `target`: `direct` when nothing is recorded, else `compute` on a
 * snapshot of the old value (with the old history), whose result is written into `target`.
 */
export function inPlace<T extends TensorBase>(
  target: T,
  others: readonly (TensorBase | number | null | undefined)[],
  direct: (t: T) => void,
  compute: (old: TensorBase) => TensorBase,
  op: string,
): T {
  let record = isGradEnabled() && target.requiresGradFlag;
  if (!record && isGradEnabled()) {
    for (const o of others)
      if (typeof o === 'object' && o !== null && o.requiresGradFlag) record = true;
  }
  let dual = target.fw !== null;
  for (const o of others) if (typeof o === 'object' && o !== null && o.fw !== null) dual = true;
  if (!record && !dual) {
    direct(target);
    return target;
  }
  if (!record) {
    // forward mode only: compute out of place so that the tangent is computed too
    const old = target.wrap(target.data.clone());
    old.fw = target.fw;
    const result = compute(old);
    copy_(target.data, result.data);
    target.fw = result.fw;
    return target;
  }
  if (target.gradFn === null && target.requiresGradFlag) {
    throw new GraphError(
      'leaf-in-place',
      `a leaf Variable that requires grad is being used in an in-place operation (${op}). ` +
        'Fix: run the update inside noGrad(() => …) (an optimiser step), or work on a copy (x.clone()).',
    );
  }
  if (target.viewOf !== null) {
    throw new GraphError(
      'leaf-in-place',
      `${op} on a view while recording gradients is not supported by mibun (PyTorch's CopySlices). ` +
        'Fix: build the result out of place (cat, where, indexAdd), or clone() the view first.',
    );
  }
  const old = target.wrap(target.data.clone());
  old.gradFn = target.gradFn;
  old.outputNr = target.outputNr;
  old.requiresGradFlag = target.requiresGradFlag;
  old.fw = target.fw;
  const result = compute(old);
  copy_(target.data, result.data);
  target.gradFn = result.gradFn;
  target.outputNr = result.outputNr;
  target.requiresGradFlag = result.requiresGradFlag;
  target.fw = result.fw;
  return target;
}
