import { ParseError } from '../src/symbolic/index.js';
import { EXIT, UsageError } from './errors.js';
import type { CliIo } from './io.js';

/**
 * Prints an error the way a user wants to read it (never a stack trace) and returns the exit
 * status: usage errors 2, everything else 1. A ParseError's message already ends with the
 * input and a caret under the column.
 */
export function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    const helpOf = error.command === undefined ? 'mibun --help' : `mibun ${error.command} --help`;
    io.stderr.write(`mibun: ${error.message}\nRun '${helpOf}' for usage.\n`);
    return EXIT.usage;
  }
  if (error instanceof ParseError) {
    io.stderr.write(`mibun: parse error: ${error.message}\n`);
    return EXIT.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`mibun: ${message}\n`);
  return EXIT.failure;
}
