/**
 * Warnings the engine prints once, as Python's default warning filter does. Each can be
 * silenced (tests, or users who read a non-leaf's `.grad` on purpose).
 */
let nonLeafGradWarning = true;
let warnedNonLeafGrad = false;

/** PyTorch 1.13's text, with mibun's method name. */
export const NON_LEAF_GRAD_WARNING =
  'The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad ' +
  "attribute won't be populated during autograd.backward(). If you indeed want the .grad field " +
  'to be populated for a non-leaf Tensor, use .retainGrad() on the non-leaf Tensor. If you ' +
  'access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead.';

/**
 * Turns the non-leaf `.grad` warning on or off and returns the previous setting. Turning it on
 * again also re-arms it, so that it is printed once more.
 */
export function setNonLeafGradWarning(on: boolean): boolean {
  const previous = nonLeafGradWarning;
  nonLeafGradWarning = on;
  if (on) warnedNonLeafGrad = false;
  return previous;
}

/** Called when a non-leaf's `.grad` is read without `retainGrad()`. */
export function warnNonLeafGrad(): void {
  if (!nonLeafGradWarning || warnedNonLeafGrad) return;
  warnedNonLeafGrad = true;
  console.warn(`UserWarning: ${NON_LEAF_GRAD_WARNING}`);
}
