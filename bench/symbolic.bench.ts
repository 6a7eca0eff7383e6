/**
 * Symbolic differentiation, text in and text out: parse + diff + print, per engine.
 *   mibun            parse(text).diff('x').toString()
 *   mathjs           derivative(parse(text), 'x', { simplify: false }).toString()
 *   mathjs-simplify  derivative(text, 'x').toString()    (math.js's default: simplifies)
 *   sympy            str(diff(parse_expr(text), x))     (bench/python/sympy_diff.py)
 * One operation of a row is the whole list of that row. The seed expression is one row; the
 * list of bench/expressions.ts is one row per group and one for all of it.
 */
import { derivative, parse as mathjsParse } from 'mathjs';
import { parse } from '../src/symbolic/index.js';
import { EXPRESSION_GROUPS, EXPRESSIONS, SEED_EXPRESSION, toMathjs } from './expressions.js';
import {
  pythonHas,
  ratios,
  row,
  runPython,
  timeIt,
  type BenchRow,
  type BenchSection,
} from './harness.js';

interface Workload {
  readonly name: string;
  readonly expressions: readonly string[];
}

interface SympyResult {
  sympy: string;
  rows: { name: string; secondsPerOp: number }[];
  outputs: Record<string, string>;
}

const MIN_SECONDS = 0.4;
/**
 * V8 needs a second or two of a workload before its optimising tiers settle (measured:
 * mibun's seed row goes 1,300 → 20,000 ops/s over its first 2 s); warm every engine up on
 * the whole list first so no engine is timed while still cold.
 */
const WARM_UP_SECONDS = 2;
const WRT = 'x';

function workloads(): Workload[] {
  return [
    { name: `seed ${SEED_EXPRESSION}`, expressions: [SEED_EXPRESSION] },
    ...EXPRESSION_GROUPS.map((group) => ({
      name: `group ${group}`,
      expressions: EXPRESSIONS.filter((e) => e.group === group).map((e) => e.text),
    })),
    { name: `all ${EXPRESSIONS.length} expressions`, expressions: EXPRESSIONS.map((e) => e.text) },
  ];
}

function mibunDerivatives(texts: readonly string[]): string[] {
  return texts.map((t) => parse(t).diff(WRT).toString());
}

function mathjsDerivatives(texts: readonly string[], simplify: boolean): string[] {
  return texts.map((t) =>
    simplify
      ? derivative(t, WRT).toString()
      : derivative(mathjsParse(t), WRT, { simplify: false }).toString(),
  );
}

export async function run(): Promise<BenchSection> {
  const rows: BenchRow[] = [];
  const notes: string[] = [
    'One op = parse + differentiate + print every expression of the row, text to text.',
    `Each JavaScript engine ran the whole list for ${WARM_UP_SECONDS} s before timing (JIT warm-up).`,
    'mathjs: derivative(..., {simplify: false}), its fastest mode (output unsimplified, e.g. "2 * 1 * x ^ (2 - 1)"); mathjs-simplify: its default, which simplifies the result.',
  ];
  const loads = workloads();
  const all = EXPRESSIONS.map((e) => e.text);
  const allMathjs = all.map(toMathjs);
  warmUp(() => mibunDerivatives(all), WARM_UP_SECONDS);
  warmUp(() => mathjsDerivatives(allMathjs, false), WARM_UP_SECONDS);
  warmUp(() => mathjsDerivatives(allMathjs, true), WARM_UP_SECONDS / 2);
  for (const load of loads) {
    const mathjsTexts = load.expressions.map(toMathjs);
    const n = load.expressions.length;
    const extra = { expressions: n };
    rows.push(
      row(
        load.name,
        'mibun',
        timeIt(() => mibunDerivatives(load.expressions), MIN_SECONDS),
        extra,
      ),
    );
    rows.push(
      row(
        load.name,
        'mathjs',
        timeIt(() => mathjsDerivatives(mathjsTexts, false), MIN_SECONDS),
        extra,
      ),
    );
    rows.push(
      row(
        load.name,
        'mathjs-simplify',
        timeIt(() => mathjsDerivatives(mathjsTexts, true), MIN_SECONDS),
        extra,
      ),
    );
  }

  if (pythonHas('sympy')) {
    const result = runPython<SympyResult>('bench/python/sympy_diff.py', {
      minSeconds: MIN_SECONDS,
      rows: loads.map((l) => ({ name: l.name, wrt: WRT, expressions: l.expressions })),
    });
    for (const r of result.rows) {
      const n = loads.find((l) => l.name === r.name)?.expressions.length ?? 0;
      rows.push(row(r.name, 'sympy', r.secondsPerOp, { expressions: n }));
    }
    notes.push(`sympy ${result.sympy} (Debian python3), cache on (its default).`);
    notes.push(agreement(result.outputs));
  } else {
    notes.push('sympy skipped: /usr/bin/python3 cannot import sympy.');
  }
  return { section: 'symbolic: parse + diff + print', rows, ratios: ratios(rows), notes };
}

function warmUp(fn: () => unknown, seconds: number): void {
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) fn();
}

/** How many of mibun's derivatives print exactly as SymPy's; lists the first differences. */
function agreement(sympyOutputs: Record<string, string>): string {
  const all = EXPRESSIONS.map((e) => e.text);
  const mine = mibunDerivatives(all);
  const differ = all.filter((t, i) => sympyOutputs[t] !== mine[i]);
  const shown = differ
    .slice(0, 5)
    .map((t) => `d/dx ${t}: mibun ${mine[all.indexOf(t)]} vs sympy ${sympyOutputs[t]}`);
  return `mibun prints ${all.length - differ.length}/${all.length} derivatives exactly as SymPy does${shown.length ? `; differences: ${shown.join('; ')}` : ''}.`;
}
