import { parse } from '../src/symbolic/index.js';
import { UsageError } from './errors.js';

/**
 * Reads `--at` values: `x=1,y=2`, where each value is itself an expression without symbols
 * (`x=pi/4`, `y=exp(1)`, `z=atan2(1, 2)`). Commas inside parentheses belong to the value.
 * Several `--at` options are merged; a name given twice is an error.
 */
export function parseAssignments(texts: readonly string[], command: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const text of texts) {
    for (const part of splitTopLevel(text)) {
      const eq = part.indexOf('=');
      const name = eq === -1 ? '' : part.slice(0, eq).trim();
      if (!/^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(name)) {
        throw new UsageError(
          `--at expects name=value pairs separated by commas (e.g. --at x=1,y=2), not '${part.trim()}'`,
          command,
        );
      }
      if (values.has(name)) throw new UsageError(`--at gives ${name} twice`, command);
      const value = parse(part.slice(eq + 1));
      const symbols = value.freeSymbols.map((s) => s.name);
      if (symbols.length > 0) {
        throw new UsageError(
          `--at ${name}=… must be a number or a constant expression such as pi/4; it uses ${symbols.join(', ')}`,
          command,
        );
      }
      values.set(name, value.evaluate());
    }
  }
  return values;
}

/** Splits at commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}
