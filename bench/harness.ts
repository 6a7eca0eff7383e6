import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** One timed row: what ran, on which engine, how fast. */
export interface BenchRow {
  name: string;
  engine: string;
  /** operations (whatever the row's unit is) per second */
  opsPerSecond: number;
  /** median seconds per operation */
  secondsPerOp: number;
  extra?: Record<string, number | string>;
}

export interface BenchSection {
  section: string;
  rows: BenchRow[];
  /** mibun's rate divided by each peer's, keyed "row name / peer" */
  ratios: Record<string, number>;
  notes: string[];
}

/**
 * Times `fn` in batches until `minSeconds` have passed and returns the median seconds per call
 * over the batches; medians resist the noise of a shared machine.
 */
export function timeIt(fn: () => unknown, minSeconds = 0.5, batch = 1): number {
  for (let i = 0; i < Math.min(batch, 3); i++) fn(); // warm up the JIT
  const samples: number[] = [];
  const start = performance.now();
  let n = Math.max(1, batch);
  while (performance.now() - start < minSeconds * 1000 || samples.length < 5) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    const dt = (performance.now() - t0) / 1000;
    samples.push(dt / n);
    if (dt < 0.01) n *= 2;
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

export function row(
  name: string,
  engine: string,
  secondsPerOp: number,
  extra?: BenchRow['extra'],
): BenchRow {
  return {
    name,
    engine,
    opsPerSecond: 1 / secondsPerOp,
    secondsPerOp,
    ...(extra ? { extra } : {}),
  };
}

export const DEBIAN_PYTHON = '/usr/bin/python3';

/** Whether Debian's python3 can import all of `modules`. */
export function pythonHas(...modules: string[]): boolean {
  if (!existsSync(DEBIAN_PYTHON)) return false;
  try {
    execFileSync(DEBIAN_PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ')], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

/** Runs a Python bench script with JSON on stdin and returns its JSON stdout. */
export function runPython<T>(script: string, input: unknown): T {
  const out = execFileSync(DEBIAN_PYTHON, [script], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as T;
}

/** Ratios mibun/peer of ops per second for each row name that both engines ran. */
export function ratios(rows: BenchRow[], mine = 'mibun'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) {
    if (r.engine === mine) continue;
    const m = rows.find((x) => x.name === r.name && x.engine === mine);
    if (m) out[`${r.name} / ${r.engine}`] = m.opsPerSecond / r.opsPerSecond;
  }
  return out;
}
