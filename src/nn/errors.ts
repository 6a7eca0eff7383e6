/**
 * Errors of mibun/nn. Shape mismatches are the tensor layer's `ShapeError` (it carries both
 * shapes); these cover what only nn knows about: hyperparameters and state dicts.
 */

/** A hyperparameter outside its range (a negative learning rate, a dropout p above 1, …). */
export class HyperparameterError extends RangeError {
  override readonly name = 'HyperparameterError';
  constructor(
    /** the option's name, e.g. `lr` */
    readonly option: string,
    /** the value that was given */
    readonly value: unknown,
    /** what the value should be, e.g. `a number >= 0` */
    readonly expected: string,
    /** where it was given, e.g. `SGD` */
    readonly owner: string,
  ) {
    super(
      `${owner}: invalid ${option} value: ${String(value)}. Fix: pass ${option} as ${expected}.`,
    );
  }
}

/** A value a function cannot take (BCE inputs outside [0, 1], class indices out of range…). */
export class InputValueError extends RangeError {
  override readonly name = 'InputValueError';
  constructor(
    /** the function, e.g. `binaryCrossEntropy` */
    readonly fn: string,
    /** the offending value */
    readonly value: number,
    /** its position in the flattened input */
    readonly index: number,
    message: string,
  ) {
    super(`${fn}: ${message}`);
  }
}

/** A shape mismatch between a state dict entry and the module's tensor. */
export interface StateDictMismatch {
  key: string;
  /** the shape in the module */
  expected: readonly number[];
  /** the shape in the state dict */
  got: readonly number[];
}

/** `loadStateDict` found keys missing, unexpected or of the wrong shape. */
export class StateDictError extends Error {
  override readonly name = 'StateDictError';
  constructor(
    /** the module's class name */
    readonly module: string,
    readonly missingKeys: readonly string[],
    readonly unexpectedKeys: readonly string[],
    readonly mismatches: readonly StateDictMismatch[],
  ) {
    super(stateDictMessage(module, missingKeys, unexpectedKeys, mismatches));
  }
}

function quoted(keys: readonly string[]): string {
  return keys.map((k) => `"${k}"`).join(', ');
}

function stateDictMessage(
  module: string,
  missing: readonly string[],
  unexpected: readonly string[],
  mismatches: readonly StateDictMismatch[],
): string {
  const lines = [`Error(s) in loading state_dict for ${module}:`];
  if (unexpected.length > 0)
    lines.push(`\tUnexpected key(s) in state_dict: ${quoted(unexpected)}.`);
  if (missing.length > 0) lines.push(`\tMissing key(s) in state_dict: ${quoted(missing)}.`);
  for (const m of mismatches) {
    lines.push(
      `\tsize mismatch for ${m.key}: copying a param with shape [${m.got.join(', ')}] from checkpoint, ` +
        `the shape in current model is [${m.expected.join(', ')}].`,
    );
  }
  lines.push(
    'Fix: load a state dict saved from the same architecture, or pass { strict: false } to skip missing and unexpected keys.',
  );
  return lines.join('\n');
}
