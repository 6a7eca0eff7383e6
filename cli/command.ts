import type { CliIo } from './io.js';

/**
 * One subcommand (`mibun diff …`). Each lives in `commands/<name>.ts` and is listed in
 * `commands/index.ts`; `main` does the dispatch, `--help` and error printing for all of them.
 */
export interface Command {
  readonly name: string;
  /** one line for `mibun --help` */
  readonly summary: string;
  /** the full text of `mibun <name> --help` */
  readonly help: string;
  /** runs with the arguments after the command name; returns the exit status */
  run(args: readonly string[], io: CliIo): number;
}
