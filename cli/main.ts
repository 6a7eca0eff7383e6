#!/usr/bin/env node
/**
 * `mibun`: the command-line face of the library. This file only dispatches: each subcommand
 * lives in commands/, parses its own options with Node's util.parseArgs and calls the public
 * API. `main` never throws and never prints a stack trace; it returns the exit status.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { COMMANDS, findCommand } from './commands/index.js';
import { EXIT, UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { reportError } from './report.js';
import { packageVersion } from './version.js';

export type { CliIo } from './io.js';

export const HELP = `mibun: derivatives every way (symbolic, numeric, automatic, by hand)

Usage:
  mibun <command> [options]
  mibun <command> --help     options of one command
  mibun --version

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Example:
  mibun diff "(x**2 + 2*x)*log(x)" --at x=1
`;

/**
 * Runs the CLI on `argv` (the arguments after the program name) and returns the exit status:
 * 0 success, 1 the input could not be handled (e.g. a parse error), 2 a usage error.
 */
export function main(argv: readonly string[], io: CliIo): number {
  try {
    const at = argv.findIndex((a) => !a.startsWith('-'));
    const { values } = parseArgs({
      args: at === -1 ? [...argv] : argv.slice(0, at),
      options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.version) {
      io.stdout.write(`${packageVersion()}\n`);
      return EXIT.ok;
    }
    if (values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (at === -1) {
      io.stderr.write(HELP);
      return EXIT.usage;
    }
    const name = argv[at]!;
    const rest = argv.slice(at + 1);
    if (name === 'help') return help(rest[0], io);
    const command = findCommand(name);
    if (command === undefined) {
      const known = COMMANDS.map((c) => c.name).join(', ');
      throw new UsageError(`unknown command '${name}' (commands: ${known})`);
    }
    return command.run(rest, io); // each command answers its own --help
  } catch (error) {
    return reportError(error, io);
  }
}

function help(name: string | undefined, io: CliIo): number {
  if (name === undefined) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  const command = findCommand(name);
  if (command === undefined) throw new UsageError(`no help for unknown command '${name}'`);
  io.stdout.write(command.help);
  return EXIT.ok;
}

/** True when this file is the program node was asked to run (also through npm's bin symlink). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = main(process.argv.slice(2), process);
}
