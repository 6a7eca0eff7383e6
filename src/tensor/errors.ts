/** Errors of the tensor module. Each carries the facts (shapes, axis, dtypes) as fields. */

function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Shapes that do not fit together: broadcasting, reshaping, concatenating, matmul… */
export class ShapeError extends Error {
  override readonly name = 'ShapeError';
  constructor(
    message: string,
    /** the shapes involved, in the order the message names them */
    readonly shapes: readonly (readonly number[])[] = [],
  ) {
    super(message);
  }

  /** "shape [2, 3]": a shape as messages print it. */
  static show(shape: readonly number[]): string {
    return formatShape(shape);
  }
}

/** An operation that does not accept the dtype(s) it was given. */
export class DTypeError extends Error {
  override readonly name = 'DTypeError';
  constructor(
    message: string,
    readonly dtypes: readonly string[] = [],
  ) {
    super(message);
  }
}

/** An index or an axis (dimension) outside its range, or a malformed index/slice. */
export class IndexError extends Error {
  override readonly name = 'IndexError';
  constructor(
    message: string,
    /** the offending index or axis, when there is one */
    readonly index?: number,
    /** the size it had to fit (the dimension's length, or the number of dimensions) */
    readonly size?: number,
  ) {
    super(message);
  }
}
