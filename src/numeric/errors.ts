/**
 * Errors of the numeric module. Each carries the facts (the point, the step, the bad value) and a
 * message that names the problem and how to fix it.
 */

/** Base class: catch this to handle every failure of mibun/numeric. */
export class NumericError extends Error {
  override name = 'NumericError';
}

/** An option or argument is out of range: `h <= 0`, an unknown `method`, an `n` of 7… */
export class InvalidOptionError extends NumericError {
  override name = 'InvalidOptionError';
  constructor(
    /** the option's name, e.g. `'h'` or `'method'` */
    readonly option: string,
    /** what was passed */
    readonly value: unknown,
    /** what would have been accepted */
    readonly expected: string,
  ) {
    super(`Invalid option ${option} = ${describe(value)}: expected ${expected}.`);
  }
}

/** The point of differentiation (or one of its coordinates) is NaN, ±Infinity or not a number. */
export class InvalidPointError extends NumericError {
  override name = 'InvalidPointError';
  constructor(
    /** the bad point, or the bad coordinate of a vector point */
    readonly x: unknown,
    /** the coordinate index for vector points */
    readonly index?: number,
    /** whether a vector (array or Float64Array) was expected */
    readonly expectedVector = false,
  ) {
    super(
      index !== undefined
        ? `Cannot differentiate at this point: coordinate ${index} is ${describe(x)}; every coordinate must be a finite number.`
        : expectedVector
          ? `Cannot differentiate at ${describe(x)}: the point must be an array or Float64Array of finite numbers.`
          : `Cannot differentiate at x = ${describe(x)}: the point must be a finite number.`,
    );
  }
}

/** `f` returned something that is not a number (a string, undefined, a bigint…). */
export class NotANumberError extends NumericError {
  override name = 'NotANumberError';
  constructor(
    /** the value `f` returned */
    readonly value: unknown,
    /** where `f` was evaluated (a number, or a copy of the vector) */
    readonly point: number | readonly number[],
  ) {
    super(
      `The function returned ${describe(value)} (a ${typeof value}) at ${describePoint(point)}; ` +
        `it must return a number${Array.isArray(point) ? ' (or, for jacobian, an array of numbers)' : ''}.`,
    );
  }
}

/**
 * `f` returned NaN or ±Infinity where the derivative needed a value. Adaptive differentiation
 * treats a non-finite value at a large step as "outside f's domain" and retries with smaller
 * steps; this error means that every step failed (`smallestStep` is the last one tried), that
 * `f(x)` itself is not finite where the stencil needs it (`step` 0), or, with a fixed `h`, that a
 * point of the stencil was not finite.
 */
export class NonFiniteValueError extends NumericError {
  override name = 'NonFiniteValueError';
  constructor(
    /** the point of differentiation */
    readonly x: number | readonly number[],
    /** the probed point where `f` was not finite (the first one met) */
    readonly point: number | readonly number[],
    /** the step in use there (0 when it is f(x) itself) */
    readonly step: number,
    /** what `f` returned there */
    readonly value: number,
    /** adaptive mode: the smallest step tried before giving up */
    readonly smallestStep?: number,
  ) {
    let message = `The function returned ${value} at ${describePoint(point)}`;
    if (step === 0) {
      message += ': it must be finite at the point of differentiation for this stencil.';
    } else if (smallestStep === undefined) {
      message +=
        ` (differentiating at ${describePoint(x)} with the fixed step h = ${step}). ` +
        'Pass a smaller h, or a one-sided method if x is at the edge of the domain.';
    } else {
      message +=
        ` (differentiating at ${describePoint(x)}), and every step from ${step} down to ` +
        `${smallestStep} met a non-finite value. If x is at the edge of f's domain use method ` +
        "'forward' or 'backward'.";
    }
    super(message);
  }
}

/** A vector-valued function returned outputs of different lengths on different calls. */
export class OutputLengthError extends NumericError {
  override name = 'OutputLengthError';
  constructor(
    /** the length of the first output */
    readonly expected: number,
    /** the length that differed */
    readonly actual: number,
    /** the input that produced it */
    readonly point: readonly number[],
  ) {
    super(
      `The function returned ${actual} values at ${describePoint(point)} but ${expected} at the ` +
        'first call: a function differentiated by jacobian must return the same length every time.',
    );
  }
}

/** Two vectors that must have one length do not (x and direction v, for instance). */
export class LengthMismatchError extends NumericError {
  override name = 'LengthMismatchError';
  constructor(
    readonly what: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`${what} has length ${actual}, expected ${expected}.`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}

function describePoint(point: number | readonly number[]): string {
  if (typeof point === 'number') return `x = ${point}`;
  const shown = point.slice(0, 6).join(', ');
  return `x = [${shown}${point.length > 6 ? ', …' : ''}]`;
}
