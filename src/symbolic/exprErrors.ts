/** Errors of the symbolic engine (the parser's ParseError lives in errors.ts). */

/** `applyFunction` was given a name it does not know. */
export class UnknownFunctionError extends Error {
  override readonly name = 'UnknownFunctionError';
  constructor(
    readonly functionName: string,
    readonly known: readonly string[],
  ) {
    super(`unknown function '${functionName}': known functions are ${known.join(', ')}`);
  }
}

/** A function was applied to the wrong number of arguments. */
export class ArityError extends Error {
  override readonly name = 'ArityError';
  constructor(
    readonly functionName: string,
    /** the argument counts the function accepts */
    readonly expected: readonly number[],
    readonly received: number,
  ) {
    const want = expected.join(' or ');
    super(
      `${functionName} takes ${want} argument${want === '1' ? '' : 's'}, ` +
        `but was given ${received}`,
    );
  }
}

/** `evaluate` or a compiled function met a symbol that was given no value. */
export class MissingValueError extends Error {
  override readonly name = 'MissingValueError';
  constructor(
    readonly symbolName: string,
    /** the names that were given values */
    readonly given: readonly string[],
  ) {
    super(
      `no value for symbol '${symbolName}': pass it, e.g. evaluate(f, { ${symbolName}: 1 })` +
        (given.length ? ` (values were given for ${given.join(', ')})` : ''),
    );
  }
}

/** A value that is not a usable number where the engine needs one. */
export class InvalidValueError extends Error {
  override readonly name = 'InvalidValueError';
  constructor(
    readonly what: string,
    readonly value: unknown,
    hint: string,
  ) {
    super(`${what}: ${String(value)} is not valid; ${hint}`);
  }
}

/** A derivative was asked for with respect to something that is not a symbol. */
export class DiffVariableError extends Error {
  override readonly name = 'DiffVariableError';
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`cannot differentiate with respect to ${variable}: ${reason}`);
  }
}

/** An exact power too large to compute (its value would have more than `limitBits` bits). */
export class ExactPowerError extends Error {
  override readonly name = 'ExactPowerError';
  constructor(
    /** the base p/q */
    readonly numerator: bigint,
    readonly denominator: bigint,
    readonly exponent: bigint,
    readonly limitBits: number,
  ) {
    const base = denominator === 1n ? `${numerator}` : `(${numerator}/${denominator})`;
    super(
      `the exact value of ${base}**${exponent} would have more than ${limitBits} bits; ` +
        'keep the power unevaluated (the core does) or use a float base',
    );
  }
}
