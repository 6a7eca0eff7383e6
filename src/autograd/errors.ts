/**
 * Errors of the autograd engine. Each names what went wrong as PyTorch does (so that its
 * messages can be searched for) and adds how to fix it; the facts are fields.
 */

/** Why a backward pass cannot run. */
export type GraphErrorReason =
  | 'freed' // saved values were released by an earlier backward
  | 'non-scalar' // an implicit gradient for an output with more than one element
  | 'no-grad' // an output that does not require grad
  | 'unused' // an input of grad() that the outputs do not depend on
  | 'input-no-grad' // an input of grad() that does not require grad
  | 'version' // a saved value changed in place after it was saved
  | 'leaf-in-place' // an in-place op on a leaf that requires grad
  | 'non-leaf-flag' // requiresGrad_ on a tensor computed by an op
  | 'dtype' // gradients for a non-floating dtype
  | 'shape' // a gradient whose shape does not match its tensor
  | 'arity' // a node (custom function) returned the wrong number of gradients
  | 'reentrant' // a backward inside a backward over the same nodes
  | 'anomaly' // anomaly mode found NaN in a gradient
  | 'no-jvp' // forward mode through a custom function that defines no jvp
  | 'no-level' // makeDual outside every dualLevel (or in one already exited)
  | 'dual'; // makeDual on a tensor that has a tangent at that level already

export class GraphError extends Error {
  override readonly name: string = 'GraphError';
  constructor(
    readonly reason: GraphErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** A saved tensor that was modified in place between the forward and the backward pass. */
export class VersionError extends GraphError {
  override readonly name: string = 'VersionError';
  constructor(
    /** the grad function that saved it, e.g. `MulBackward0` */
    readonly op: string,
    readonly shape: readonly number[],
    readonly dtype: string,
    readonly savedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      'version',
      'one of the variables needed for gradient computation has been modified by an inplace ' +
        `operation: [${dtype} tensor of shape [${shape.join(', ')}]], which is saved by ${op}, ` +
        `is at version ${currentVersion}; expected version ${savedVersion} instead. ` +
        'Fix: modify a copy (x.clone()) or use the out-of-place op (mul instead of mul_); ' +
        'detectAnomaly() shows where the op that saved it was created.',
    );
  }
}

/** In anomaly mode: the first node of a backward pass that returned NaN. */
export class AnomalyError extends GraphError {
  override readonly name: string = 'AnomalyError';
  constructor(
    /** the grad function, e.g. `LogBackward0` */
    readonly op: string,
    /** which of its gradients (one per input of the forward op) holds the NaN */
    readonly outputIndex: number,
    /** the stack trace of the forward call that created the node */
    readonly forwardTrace: string,
  ) {
    super(
      'anomaly',
      `Function '${op}' returned nan values in its ${outputIndex}th output. ` +
        "Fix: check that op's inputs lie in its domain (log and sqrt of 0 or negatives, 0/0); " +
        `the forward op was created at:\n${forwardTrace}`,
    );
  }
}

export const FREED_MESSAGE =
  'Trying to backward through the graph a second time (or directly access saved tensors after ' +
  'they have already been freed). Saved intermediate values of the graph are freed when you ' +
  'call .backward() or autograd.grad(). Specify retainGraph: true if you need to backward ' +
  'through the graph a second time or if you need to access saved tensors after calling backward.';

export function freedError(op: string): GraphError {
  return new GraphError('freed', `${FREED_MESSAGE} (The freed node is ${op}.)`);
}
