/**
 * The error of mibun/func's transforms: what was wrong with the function or its arguments,
 * with the facts as fields and a message that says how to fix it.
 */

export type TransformErrorReason =
  | 'output-type' // f returned something other than a Tensor (or [Tensor, aux] with hasAux)
  | 'argument-type' // an argument that is neither a Tensor nor a number
  | 'non-scalar' // grad of a function whose output has more than one element
  | 'argnums' // an argnum outside the arguments given
  | 'arity' // primals and tangents of different lengths, or no arguments at all
  | 'shape'; // a tangent or cotangent whose shape is not its primal's / output's

export class TransformError extends Error {
  override readonly name: string = 'TransformError';
  constructor(
    /** which transform: `grad`, `jvp`, `jacrev`, … */
    readonly transform: string,
    readonly reason: TransformErrorReason,
    message: string,
    /** the shape concerned (the output's for non-scalar, the mismatched one for shape) */
    readonly shape: readonly number[] | null = null,
  ) {
    super(`${transform}: ${message}`);
  }
}
