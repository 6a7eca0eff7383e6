/**
 * Grad mode: whether tensor ops record the graph. One module-level flag, as PyTorch's
 * thread-local `GradMode`; JavaScript runs one thread per realm, so a plain variable is enough.
 */
let enabled = true;

/** Whether ops record their inputs for a later backward (PyTorch's `torch.is_grad_enabled()`). */
export function isGradEnabled(): boolean {
  return enabled;
}

/**
 * Switches recording on or off and returns the previous setting, so that a caller can restore
 * it (PyTorch's `torch.set_grad_enabled`).
 */
export function setGradEnabled(on: boolean): boolean {
  const previous = enabled;
  enabled = on;
  return previous;
}

function withGradMode<R>(on: boolean, fn: () => R): R {
  const previous = enabled;
  enabled = on;
  try {
    return fn();
  } finally {
    enabled = previous;
  }
}

/**
 * Runs `fn` without recording the graph (PyTorch's `with torch.no_grad():`): results have no
 * `gradFn` and do not require grad. The setting covers the synchronous part of `fn` only; an
 * async `fn` should `await` inside its own `noGrad` calls.
 *
 * @example
 * const w = tensor([1, 2], { requiresGrad: true });
 * noGrad(() => w.sub_(w.grad!.mul(0.1))); // an optimiser step, not recorded
 */
export function noGrad<R>(fn: () => R): R {
  return withGradMode(false, fn);
}

/** Runs `fn` with recording on, even inside `noGrad` (PyTorch's `torch.enable_grad()`). */
export function enableGrad<R>(fn: () => R): R {
  return withGradMode(true, fn);
}
