import type { Command } from '../command.js';
import { diffCommand } from './diff.js';

/** Every subcommand, in the order `mibun --help` lists them. Add new ones here. */
export const COMMANDS: readonly Command[] = [diffCommand];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
