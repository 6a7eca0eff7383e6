import { parseArgs } from 'node:util';
import { parse, type Expr } from '../../src/symbolic/index.js';
import { parseAssignments } from '../assignments.js';
import type { Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { formatNumber } from '../format.js';
import type { CliIo } from '../io.js';

const HELP = `Usage: mibun diff "<expression>" [options]

Differentiates an expression (Python/SymPy syntax: ** or ^ for powers, log, exp, sin, …)
and prints the derivative as SymPy prints it.

Options:
  --wrt <x[,y…]>    variable(s); several give every partial derivative.
                    Default: the expression's only symbol.
  --order <n>       derivative order (default 1)
  --at <x=1,y=2>    also evaluate the derivative there; values may be expressions (x=pi/4)
  --latex           print LaTeX instead of SymPy syntax
  --json            print one JSON object (expression, derivatives, values)
  -h, --help        this text

Examples:
  mibun diff "(x**2 + 2*x)*log(x)" --at x=1
  mibun diff "(x**2 + 2*x)*log(y)" --wrt x,y --at x=1,y=2
  mibun diff "sin(x)**2" --order 2 --latex
  mibun diff -- "-x**3"            (put -- before an expression starting with '-')
`;

const OPTIONS = {
  wrt: { type: 'string' },
  order: { type: 'string' },
  at: { type: 'string', multiple: true },
  latex: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Derivative {
  wrt: string;
  expr: Expr;
  value?: number;
}

export const diffCommand: Command = {
  name: 'diff',
  summary: 'symbolic derivative of an expression, optionally evaluated at a point',
  help: HELP,
  run(args: readonly string[], io: CliIo): number {
    const { values, positionals } = parseOptions(args);
    if (values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (positionals.length !== 1) {
      throw new UsageError(
        positionals.length === 0
          ? 'missing the expression to differentiate'
          : `expected one expression, got ${positionals.length} (${positionals.map((p) => `'${p}'`).join(' ')}); quote the expression`,
        'diff',
      );
    }
    const text = positionals[0]!;
    const f = parse(text);
    const order = parseOrder(values.order);
    const wrt = chooseVariables(f, text, values.wrt);
    const at = values.at === undefined ? undefined : parseAssignments(values.at, 'diff');

    const derivatives: Derivative[] = wrt.map((x) => ({ wrt: x, expr: f.diff(x, order) }));
    if (at !== undefined) {
      const missing = [...new Set(derivatives.flatMap((d) => freeSymbolNames(d.expr)))].filter(
        (name) => !at.has(name),
      );
      if (missing.length > 0) {
        throw new UsageError(
          `--at gives no value for ${missing.join(', ')}, which the derivative needs`,
          'diff',
        );
      }
      const point = Object.fromEntries(at);
      for (const d of derivatives) d.value = d.expr.evaluate(point);
    }

    if (values.json) {
      io.stdout.write(JSON.stringify(toJson(text, order, at, derivatives)) + '\n');
    } else {
      io.stdout.write(toText(derivatives, order, at, values.latex === true));
    }
    return EXIT.ok;
  },
};

/** util.parseArgs, its errors as usage errors (its message already suggests `--` for "-x"). */
function parseOptions(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), 'diff');
  }
}

function parseOrder(text: string | undefined): number {
  if (text === undefined) return 1;
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`--order must be a positive integer, not '${text}'`, 'diff');
  }
  return n;
}

/** `--wrt` as given, else the expression's only symbol. */
function chooseVariables(f: Expr, text: string, wrt: string | undefined): string[] {
  if (wrt !== undefined) {
    const names = wrt.split(',').map((s) => s.trim());
    const bad = names.find(
      (n) => !/^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(n),
    );
    if (bad !== undefined) {
      throw new UsageError(`--wrt expects symbol names separated by commas, not '${bad}'`, 'diff');
    }
    return names;
  }
  const free = freeSymbolNames(f);
  if (free.length === 1) return free;
  if (free.length === 0) {
    throw new UsageError(
      `'${text}' has no symbols to differentiate by; name one with --wrt`,
      'diff',
    );
  }
  throw new UsageError(
    `'${text}' has several symbols (${free.join(', ')}); choose with --wrt ${free[0]}, or --wrt ${free.join(',')} for every partial derivative`,
    'diff',
  );
}

function freeSymbolNames(e: Expr): string[] {
  return e.freeSymbols.map((s) => s.name);
}

function label(wrt: string, order: number): string {
  return order === 1 ? `d/d${wrt}` : `d${order}/d${wrt}${order}`;
}

function pointText(at: ReadonlyMap<string, number>): string {
  return [...at].map(([name, v]) => `${name}=${formatNumber(v)}`).join(', ');
}

function toText(
  derivatives: readonly Derivative[],
  order: number,
  at: ReadonlyMap<string, number> | undefined,
  latex: boolean,
): string {
  const show = (e: Expr) => (latex ? e.toLatex() : e.toString());
  const lines: string[] = [];
  const single = derivatives.length === 1;
  for (const d of derivatives)
    lines.push(single ? show(d.expr) : `${label(d.wrt, order)}: ${show(d.expr)}`);
  if (at !== undefined) {
    const values = derivatives.map((d) =>
      single ? formatNumber(d.value!) : `${label(d.wrt, order)} = ${formatNumber(d.value!)}`,
    );
    lines.push(`at ${pointText(at)}: ${values.join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

function toJson(
  expression: string,
  order: number,
  at: ReadonlyMap<string, number> | undefined,
  derivatives: readonly Derivative[],
) {
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  return {
    expression,
    order,
    ...(at === undefined
      ? {}
      : { at: Object.fromEntries([...at].map(([k, v]) => [k, finite(v)])) }),
    derivatives: derivatives.map((d) => ({
      wrt: d.wrt,
      derivative: d.expr.toString(),
      latex: d.expr.toLatex(),
      ...(d.value === undefined ? {} : { value: finite(d.value) }),
    })),
  };
}
