/**
 * Tensor kernels side by side: mibun's NDArray against tfjs-core's pure-JavaScript CPU backend
 * (the fair peer: same language, same single thread), with NumPy from Debian as a reference
 * when it is there (native code and BLAS, so not a like-for-like peer).
 *
 * Rows: elementwise add/mul/exp and a full sum over 1M float32 elements, transpose + contiguous
 * copy of a 1024×1024 float32 matrix, and float32 matmul of n×n matrices for n = 128…1024
 * (extra.gflops = 2n³ / seconds / 1e9). Every tfjs result is forced with dataSync() and disposed.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { add, exp, fromArray, matmul, mul, RandomState, sum } from '../src/tensor/index.js';
import type { NDArray } from '../src/tensor/index.js';
import { pythonHas, ratios, row, runPython, timeIt } from './harness.js';
import type { BenchRow, BenchSection } from './harness.js';

const MIN_SECONDS = 0.4;
const ELEMENTS = 1 << 20;
const TRANSPOSE_SIDE = 1024;
const MATMUL_SIDES = [128, 256, 512, 1024] as const;

interface Case {
  name: string;
  op: 'add' | 'mul' | 'exp' | 'sum' | 'transpose' | 'matmul';
  /** elements for elementwise ops and sum, the matrix side otherwise */
  n: number;
}

const CASES: Case[] = [
  { name: 'add f32 1M', op: 'add', n: ELEMENTS },
  { name: 'mul f32 1M', op: 'mul', n: ELEMENTS },
  { name: 'exp f32 1M', op: 'exp', n: ELEMENTS },
  { name: 'sum f32 1M', op: 'sum', n: ELEMENTS },
  { name: 'transpose+contiguous f32 1024x1024', op: 'transpose', n: TRANSPOSE_SIDE },
  ...MATMUL_SIDES.map((n): Case => ({ name: `matmul f32 ${n}`, op: 'matmul', n })),
];

/**
 * timeIt, except for calls so slow (tfjs's 1024 matmul takes 3 s) that timeIt's warm-up and
 * five samples would take about 20 s: those take the median of three calls.
 */
function timeRow(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  const first = (performance.now() - t0) / 1000;
  if (first < 0.5) return timeIt(fn, MIN_SECONDS);
  const samples = [first];
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    fn();
    samples.push((performance.now() - t) / 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[1]!;
}

function extraFor(c: Case, seconds: number): BenchRow['extra'] {
  if (c.op === 'matmul') return { gflops: +((2 * c.n ** 3) / seconds / 1e9).toFixed(3) };
  const elements = c.op === 'transpose' ? c.n * c.n : c.n;
  return { melementsPerSecond: +(elements / seconds / 1e6).toFixed(1) };
}

function randomF32(gen: RandomState, length: number): Float32Array {
  return new Float32Array(gen.rand(length));
}

/** The mibun call for a case, through the public NDArray API of src/tensor/index.ts. */
function mibunCase(c: Case, gen: RandomState): { fn: () => unknown; via: string } {
  switch (c.op) {
    case 'add':
    case 'mul': {
      const a = fromArray(randomF32(gen, c.n));
      const b = fromArray(randomF32(gen, c.n));
      const op = c.op === 'add' ? add : mul;
      return { fn: (): NDArray => op(a, b), via: `${c.op}(a, b)` };
    }
    case 'exp': {
      const a = fromArray(randomF32(gen, c.n));
      return { fn: (): NDArray => exp(a), via: 'exp(a)' };
    }
    case 'sum': {
      const a = fromArray(randomF32(gen, c.n));
      return { fn: (): NDArray => sum(a), via: 'sum(a)' };
    }
    case 'transpose': {
      const x = fromArray(randomF32(gen, c.n * c.n), [c.n, c.n]);
      return { fn: (): NDArray => x.transpose(0, 1).contiguous(), via: 'transpose(0, 1).contiguous()' }; // prettier-ignore
    }
    case 'matmul': {
      const a = fromArray(randomF32(gen, c.n * c.n), [c.n, c.n]);
      const b = fromArray(randomF32(gen, c.n * c.n), [c.n, c.n]);
      return { fn: (): NDArray => matmul(a, b), via: 'matmul(a, b)' };
    }
  }
}

function tfCase(c: Case, gen: RandomState): () => unknown {
  switch (c.op) {
    case 'add':
    case 'mul': {
      const a = tf.tensor1d(randomF32(gen, c.n), 'float32');
      const b = tf.tensor1d(randomF32(gen, c.n), 'float32');
      const op = c.op === 'add' ? tf.add : tf.mul;
      return () => force(op(a, b));
    }
    case 'exp': {
      const a = tf.tensor1d(randomF32(gen, c.n), 'float32');
      return () => force(tf.exp(a));
    }
    case 'sum': {
      const a = tf.tensor1d(randomF32(gen, c.n), 'float32');
      return () => force(tf.sum(a));
    }
    case 'transpose': {
      const a = tf.tensor2d(randomF32(gen, c.n * c.n), [c.n, c.n], 'float32');
      return () => force(tf.transpose(a));
    }
    case 'matmul': {
      const a = tf.tensor2d(randomF32(gen, c.n * c.n), [c.n, c.n], 'float32');
      const b = tf.tensor2d(randomF32(gen, c.n * c.n), [c.n, c.n], 'float32');
      return () => force(tf.matMul(a, b));
    }
  }
}

/** What bench/python/numpy_tensor.py prints. */
interface NumpyReply {
  numpy: string;
  blas: string;
  rows: { name: string; secondsPerOp: number }[];
}

function force(t: tf.Tensor): unknown {
  const values = t.dataSync();
  t.dispose();
  return values;
}

export async function run(): Promise<BenchSection> {
  const notes: string[] = [];
  const rows: BenchRow[] = [];
  const gen = new RandomState(0);

  tf.enableProdMode(); // skips tfjs's debug-time argument checks: the fastest tfjs there is
  await tf.setBackend('cpu');
  await tf.ready();
  // each case runs mibun then tfjs back to back, so that load from elsewhere on a shared
  // machine hits both sides of a ratio alike
  for (const c of CASES) {
    const mine = mibunCase(c, gen);
    const s = timeRow(mine.fn);
    rows.push(row(c.name, 'mibun', s, { ...extraFor(c, s), via: mine.via }));
    const peer = timeRow(tfCase(c, gen));
    rows.push(row(c.name, 'tfjs-cpu', peer, extraFor(c, peer)));
  }
  notes.push(
    `tfjs-core ${tf.version_core} with @tensorflow/tfjs-backend-cpu (pure JavaScript, one thread), prod mode`,
  );

  if (pythonHas('numpy')) {
    const script = new URL('./python/numpy_tensor.py', import.meta.url).pathname;
    const out = runPython<NumpyReply>(script, {
      minSeconds: MIN_SECONDS,
      rows: CASES.map(({ name, op, n }) => ({ name, op, n })),
    });
    for (const r of out.rows) {
      const c = CASES.find((x) => x.name === r.name)!;
      rows.push(row(r.name, 'numpy', r.secondsPerOp, extraFor(c, r.secondsPerOp)));
    }
    notes.push(
      `numpy ${out.numpy} (${out.blas}): native code and BLAS, shown for reference only; ` +
        'the like-for-like peer is tfjs-cpu',
    );
  } else {
    notes.push('numpy rows skipped: /usr/bin/python3 cannot import numpy');
  }
  notes.push(
    'mibun float32 matmul sums in float64 (one rounding per output); tfjs and BLAS sum in float32',
  );

  return { section: 'tensor', rows, ratios: ratios(rows), notes };
}
