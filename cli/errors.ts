/**
 * A mistake in how the command was called (unknown option, missing expression…). The CLI
 * prints the message and a pointer to `--help`, and exits with status 2, as POSIX tools do.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** the command whose --help to point at, or undefined for the top level */
    readonly command?: string,
  ) {
    super(message);
  }
}

/** Exit statuses: 0 success, 1 the input could not be handled, 2 the call itself was wrong. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
