/**
 * Numerical differentiation: evaluations and time per derivative for the default (adaptive)
 * method, beside the seed's fixed-step `numerDeriv` and SciPy's `scipy.misc.derivative`
 * (SciPy 1.10's fixed-step central difference; `scipy.differentiate` arrived in 1.15), a table
 * of accuracy against evaluations over the 50 smooth functions of test/numeric, and how often the
 * reported error covers the true one on functions far faster than the default first step.
 */
import {
  derivativeEstimate,
  derivative,
  gradient,
  hessian,
  numerDeriv,
} from '../src/numeric/index.js';
import type { DerivativeOptions } from '../src/numeric/index.js';
import { OSCILLATOR_CASES } from '../test/numeric/oscillators.js';
import { SMOOTH_CASES } from '../test/numeric/smoothFunctions.js';
import { pythonHas, ratios, row, runPython, timeIt } from './harness.js';
import type { BenchRow, BenchSection } from './harness.js';

const MIN_SECONDS = 0.3;
const SCIPY = { dx: 1e-3, order: 5 };

interface TimedCase {
  name: string;
  fn: 'seed' | 'exp' | 'log' | 'sin';
  f: (x: number) => number;
  x: number;
  exact: number;
}

const TIMED: TimedCase[] = [
  {
    name: 'd/dx (x²+2x)·log x at 1 (seed)',
    fn: 'seed',
    f: (x) => (x * x + 2 * x) * Math.log(x),
    x: 1,
    exact: 3,
  },
  { name: 'd/dx exp at 1', fn: 'exp', f: Math.exp, x: 1, exact: Math.E },
  { name: 'd/dx log at 2', fn: 'log', f: Math.log, x: 2, exact: 0.5 },
  { name: 'd/dx sin at 0.7', fn: 'sin', f: Math.sin, x: 0.7, exact: Math.cos(0.7) },
];

const rel = (value: number, exact: number): number => Math.abs(value - exact) / Math.abs(exact);
const fmt = (v: number): string => v.toExponential(1);

/** One way of differentiating, run over the accuracy suite. */
interface Way {
  engine: string;
  run: (
    f: (x: number) => number,
    x: number,
  ) => { value: number; evaluations: number; error?: number };
}

function counted(f: (x: number) => number): { g: (x: number) => number; count: () => number } {
  let calls = 0;
  return {
    g: (x) => {
      calls++;
      return f(x);
    },
    count: () => calls,
  };
}

function viaEstimate(options?: DerivativeOptions): Way['run'] {
  return (f, x) => derivativeEstimate(f, x, options);
}

function viaValue(d: (f: (x: number) => number, x: number) => number): Way['run'] {
  return (f, x) => {
    const c = counted(f);
    return { value: d(c.g, x), evaluations: c.count() };
  };
}

const EPS = 2 ** -52;
const WAYS: Way[] = [
  { engine: 'mibun derivative (adaptive, default)', run: viaEstimate() },
  { engine: 'mibun derivative (adaptive, order 4)', run: viaEstimate({ order: 4 }) },
  {
    engine: 'seed numerDeriv center h=1e-3',
    run: viaValue((f, x) => numerDeriv(f, x)),
  },
  {
    engine: 'seed numerDeriv forward h=1e-3',
    run: viaValue((f, x) => numerDeriv(f, x, 0.001, 'forward')),
  },
  {
    // the textbook optimum for order 2: h ≈ ε^(1/3)·max(|x|, 1)
    engine: 'fixed central order 2, h=ε^(1/3)·max(abs(x), 1)',
    run: viaValue((f, x) => derivative(f, x, { h: EPS ** (1 / 3) * Math.max(Math.abs(x), 1) })),
  },
  {
    engine: 'fixed central order 8, h=ε^(1/9)·max(abs(x), 1)',
    run: viaValue((f, x) =>
      derivative(f, x, { order: 8, h: EPS ** (1 / 9) * Math.max(Math.abs(x), 1) }),
    ),
  },
];

/** Runs a way, turning a thrown error (a sample outside f's domain) into a NaN value. */
function attempt(way: Way, f: (x: number) => number, x: number): ReturnType<Way['run']> {
  try {
    return way.run(f, x);
  } catch {
    return { value: NaN, evaluations: 0 };
  }
}

function accuracyRows(notes: string[]): BenchRow[] {
  const rows: BenchRow[] = [];
  notes.push(
    'accuracy over the 50 smooth functions of test/numeric/smoothFunctions.ts (relative error ' +
      'against hand-written closed forms):',
    '| method | mean evaluations | median rel. error | worst rel. error | true error ≤ reported |',
    '|---|---|---|---|---|',
  );
  for (const way of WAYS) {
    const all = SMOOTH_CASES.map((c) => ({ c, r: attempt(way, c.f, c.x) }));
    // a failure (a stencil point outside f's domain: log at 0.05 with a large fixed step) is
    // counted apart; the statistics are over the cases that ran
    const results = all.filter(({ r }) => !Number.isNaN(r.value));
    const failed = all.length - results.length;
    const errs = results.map(({ c, r }) => rel(r.value, c.df(c.x))).sort((a, b) => a - b);
    const evals = results.reduce((s, { r }) => s + r.evaluations, 0) / results.length;
    const withError = results.filter(({ r }) => r.error !== undefined);
    const covered = withError.filter(({ c, r }) => Math.abs(r.value - c.df(c.x)) <= r.error!);
    const coverage = withError.length ? `${covered.length}/${withError.length}` : '(no estimate)';
    const median = errs[errs.length >> 1]!;
    const worst = errs[errs.length - 1]!;
    const seconds = timeIt(() => {
      for (const c of SMOOTH_CASES) attempt(way, c.f, c.x);
    }, MIN_SECONDS);
    rows.push(
      row('accuracy suite (50 functions)', way.engine, seconds / SMOOTH_CASES.length, {
        meanEvaluations: +evals.toFixed(2),
        medianRelError: median,
        worstRelError: worst,
        covered: coverage,
        failed,
      }),
    );
    const worstText = fmt(worst) + (failed ? ` (+${failed} failed)` : '');
    notes.push(
      `| ${way.engine} | ${evals.toFixed(1)} | ${fmt(median)} | ${worstText} | ${coverage} |`,
    );
  }
  return rows;
}

const OSCILLATOR_METHODS: [string, DerivativeOptions][] = [
  ['central', {}],
  ['central order 4', { order: 4 }],
  ['forward', { method: 'forward' }],
  ['backward', { method: 'backward' }],
];

/**
 * The 8 oscillators and narrow bumps of test/numeric/oscillators.ts, n = 1…4: how often the
 * reported error covers the true one, the median relative error, and the cost.
 */
function oscillatorRows(notes: string[]): BenchRow[] {
  const rows: BenchRow[] = [];
  notes.push(
    'fast oscillators and narrow bumps (test/numeric/oscillators.ts: 8 cases, n = 1…4, SymPy ' +
      'values), default adaptive steps:',
    '| method | true error ≤ reported | median rel. error | mean evaluations |',
    '|---|---|---|---|',
  );
  for (const [label, options] of OSCILLATOR_METHODS) {
    let covered = 0;
    let evaluations = 0;
    const relErrors: number[] = [];
    const runs = OSCILLATOR_CASES.flatMap((c) => [1, 2, 3, 4].map((n) => ({ c, n })));
    for (const { c, n } of runs) {
      const e = derivativeEstimate(c.f, c.x, { ...options, n });
      const want = c.d[n - 1]!;
      if (Math.abs(e.value - want) <= e.error) covered++;
      relErrors.push(rel(e.value, want));
      evaluations += e.evaluations;
    }
    relErrors.sort((a, b) => a - b);
    const seconds = timeIt(() => {
      for (const { c, n } of runs) derivativeEstimate(c.f, c.x, { ...options, n });
    }, MIN_SECONDS);
    const mean = evaluations / runs.length;
    rows.push(
      row('oscillators (8 cases × n = 1…4)', `mibun ${label}`, seconds / runs.length, {
        covered: `${covered}/${runs.length}`,
        medianRelError: relErrors[relErrors.length >> 1]!,
        meanEvaluations: +mean.toFixed(1),
      }),
    );
    notes.push(
      `| ${label} | ${covered}/${runs.length} | ${fmt(relErrors[relErrors.length >> 1]!)} | ${mean.toFixed(1)} |`,
    );
  }
  return rows;
}

export async function run(): Promise<BenchSection> {
  const rows: BenchRow[] = [];
  const notes: string[] = [];

  for (const c of TIMED) {
    const e = derivativeEstimate(c.f, c.x);
    rows.push(
      row(
        c.name,
        'mibun',
        timeIt(() => derivative(c.f, c.x), MIN_SECONDS),
        {
          evaluations: e.evaluations,
          relError: rel(e.value, c.exact),
          reportedError: e.error,
        },
      ),
    );
    rows.push(
      row(
        c.name,
        'mibun numerDeriv (seed, h=1e-3)',
        timeIt(() => numerDeriv(c.f, c.x), MIN_SECONDS),
        {
          evaluations: 2,
          relError: rel(numerDeriv(c.f, c.x), c.exact),
        },
      ),
    );
  }

  const fxy = (v: readonly number[]): number => (v[0]! ** 2 + 2 * v[0]!) * Math.log(v[1]!);
  rows.push(
    row(
      'gradient of the seed f_xy at [1, 2]',
      'mibun',
      timeIt(() => gradient(fxy, [1, 2]), MIN_SECONDS),
    ),
  );
  const g3 = (v: readonly number[]): number =>
    Math.exp(v[0]! * v[1]!) * Math.sin(v[2]!) + (v[0]! ** 3 * v[1]!) / v[2]!;
  rows.push(
    row(
      'hessian 3×3 of exp(xy)sin z + x³y/z',
      'mibun',
      timeIt(() => hessian(g3, [0.5, -1.5, 0.7]), MIN_SECONDS),
    ),
  );

  if (pythonHas('scipy')) {
    const out = runPython<{
      scipy: string;
      rows: { name: string; secondsPerOp: number; value: number }[];
    }>(new URL('./python/scipy_derivative.py', import.meta.url).pathname, {
      minSeconds: MIN_SECONDS,
      ...SCIPY,
      rows: TIMED.map((c) => ({ name: c.name, fn: c.fn, x: c.x })),
    });
    for (const r of out.rows) {
      const c = TIMED.find((t) => t.name === r.name)!;
      rows.push(
        row(r.name, `scipy ${out.scipy} misc.derivative (dx=1e-3, order=5)`, r.secondsPerOp, {
          evaluations: 4,
          relError: rel(r.value, c.exact),
        }),
      );
    }
  } else {
    notes.push('SciPy not available: the scipy.misc.derivative rows are skipped.');
  }

  rows.push(...accuracyRows(notes));
  rows.push(...oscillatorRows(notes));
  notes.push(
    'mibun rows are the default adaptive method (Richardson extrapolation, ~12 evaluations, ' +
      'error ~1e-15); the fixed-step peers take 2–5 evaluations for ~1e-7 to ~1e-12, so a ratio ' +
      'below 1 is the price of 7 more digits, not slowness per evaluation.',
  );
  return { section: 'numeric', rows, ratios: ratios(rows), notes };
}
