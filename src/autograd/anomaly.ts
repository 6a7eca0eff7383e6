/**
 * Anomaly mode (PyTorch's `torch.autograd.detect_anomaly`): while it is on, each recorded op
 * keeps the stack trace of its forward call, and the backward pass checks every gradient a node
 * returns for NaN, naming the first op that produced one and where it was created. It costs a
 * stack capture per op, so it is off by default.
 */
let anomaly = false;

export function isAnomalyEnabled(): boolean {
  return anomaly;
}

/** Turns anomaly mode on or off and returns the previous setting. */
export function setDetectAnomaly(on: boolean): boolean {
  const previous = anomaly;
  anomaly = on;
  return previous;
}

/**
 * Runs `fn` (forward and backward both, to be useful) with anomaly mode on.
 *
 * @example
 * detectAnomaly(() => tensor([0], { requiresGrad: true }).sqrt().log().backward(ones([1])));
 * // AnomalyError: Function 'SqrtBackward0' returned nan values in its 0th output. …
 */
export function detectAnomaly<R>(fn: () => R): R {
  const previous = anomaly;
  anomaly = true;
  try {
    return fn();
  } finally {
    anomaly = previous;
  }
}

/** The caller's stack without this module's own frames; recorded by each node in anomaly mode. */
export function captureForwardTrace(): string {
  const stack = new Error().stack ?? '';
  // drop "Error" and the frames of the recording machinery itself
  return stack.split('\n').slice(3).join('\n');
}
