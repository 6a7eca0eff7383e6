/**
 * How many reverse-mode transforms (grad, vjp, jacrev) enclose the code that runs now. Inside
 * one, a reverse pass is recorded (createGraph) so that the enclosing transform can
 * differentiate its result; elsewhere it is not, and the results are plain tensors, as JAX's
 * and torch.func's, unless an argument already requires grad. Forward-mode transforms (jvp,
 * jacfwd) do not count: tangents pass through an unrecorded backward pass too, so
 * jacfwd(jacrev(f)) records nothing.
 */
let depth = 0;

export function insideReverse(): boolean {
  return depth > 0;
}

/** Runs `fn` one reverse-mode transform deeper. */
export function nestedReverse<R>(fn: () => R): R {
  depth++;
  try {
    return fn();
  } finally {
    depth--;
  }
}

/** `nestedReverse` without the closure, for hot paths: pair each call with `leaveReverse`. */
export function enterReverse(): void {
  depth++;
}

export function leaveReverse(): void {
  depth--;
}
