import type { CliIo } from './io.js';

/**
 * One subcommand (`mibun diff …`). Each lives in `commands/<name>.ts` and is listed in
 * `commands/index.ts`; `main` dispatches to it and prints the errors it throws.
 */
export interface Command {
  readonly name: string;
  /** one line for `mibun --help` */
  readonly summary: string;
  /** the full text of `mibun <name> --help` */
  readonly help: string;
  /**
   * Runs with the arguments after the command name (parsing them with util.parseArgs, and
   * printing `help` for --help); returns the exit status or throws UsageError / ParseError.
   */
  run(args: readonly string[], io: CliIo): number;
}
