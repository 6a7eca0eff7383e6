/**
 * Reverse mode on one-element tensors, side by side with PyTorch (Debian's python3-torch, when
 * installed) and tfjs-core's CPU backend, in one run:
 *   - the seed's (x**2 + 2*x)*log(y), forward + backward per second; the same through
 *     autograd's grad(f, [x, y]) (PyTorch: torch.autograd.grad) and through mibun/func's
 *     grad(f, { argnums: [0, 1] }) (PyTorch 1.13: functorch.grad; tfjs: tf.grads);
 *   - a chain of 1,000 scalar ops (sin, ·1.5, +0.5 in turn), forward + backward per second;
 *   - memory: the heap after 1,000,000 forward+backward iterations of the seed's function,
 *     against the heap before (nothing may be retained after a backward without retainGraph).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core's CommonJS build registers no gradients (the @tensorflow/tfjs package does):
// register tfjs's own gradient configs for the ops the workloads use.
import { addGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Add_grad.js';
import { logGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Log_grad.js';
import { multiplyGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Multiply_grad.js';
import { powGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Pow_grad.js';
import { sinGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Sin_grad.js';
import { grad, tensor, type Tensor } from '../src/autograd/index.js';
import { grad as funcGrad } from '../src/func/index.js';
import {
  pythonHas,
  ratios,
  row,
  runPython,
  timeIt,
  type BenchRow,
  type BenchSection,
} from './harness.js';

const SEED = 'seed (x**2 + 2*x)*log(y), forward+backward';
const SEED_GRAD = 'seed (x**2 + 2*x)*log(y), forward+grad(f, [x, y])';
const SEED_FUNC = 'seed (x**2 + 2*x)*log(y), func.grad(f, argnums=(0, 1))';
const CHAIN = 'chain of 1000 scalar ops, forward+backward';
const MIN_SECONDS = 1;

function mibunSeed(): () => void {
  const x = tensor([1.0], { requiresGrad: true });
  const y = tensor([2.0], { requiresGrad: true });
  return () => {
    x.pow(2).add(x.mul(2)).mul(y.log()).backward();
  };
}

function mibunSeedGrad(): () => void {
  const x = tensor([1.0], { requiresGrad: true });
  const y = tensor([2.0], { requiresGrad: true });
  return () => {
    grad(x.pow(2).add(x.mul(2)).mul(y.log()), [x, y]);
  };
}

function mibunSeedFunc(): () => void {
  const g = funcGrad((a: Tensor, b: Tensor) => a.pow(2).add(a.mul(2)).mul(b.log()), {
    argnums: [0, 1],
  });
  const x = tensor(1.0);
  const y = tensor(2.0);
  return () => {
    g(x, y);
  };
}

function mibunChain(length: number): () => void {
  const x = tensor([0.5], { requiresGrad: true });
  return () => {
    let z: Tensor = x;
    for (let i = 0; i < length; i++) {
      const k = i % 3;
      z = k === 0 ? z.sin() : k === 1 ? z.mul(1.5) : z.add(0.5);
    }
    z.backward();
  };
}

function tfSeed(): () => void {
  const x = tf.tensor1d([1]);
  const y = tf.tensor1d([2]);
  const g = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    tf.mul(tf.add(tf.pow(a, 2), tf.mul(a, 2)), tf.log(b)),
  );
  return () => {
    tf.tidy(() => g([x, y]));
  };
}

function tfChain(length: number): () => void {
  const x = tf.tensor1d([0.5]);
  const g = tf.grad((a: tf.Tensor) => {
    let z = a;
    for (let i = 0; i < length; i++) {
      const k = i % 3;
      z = k === 0 ? tf.sin(z) : k === 1 ? tf.mul(z, 1.5) : tf.add(z, 0.5);
    }
    return z;
  });
  return () => {
    tf.tidy(() => g(x));
  };
}

/** A function that runs a full garbage collection (V8's, exposed at run time). */
function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Heap before and after 1,000,000 seed iterations, each measured after a full GC. */
function memoryRow(): BenchRow {
  const gc = gcFunction();
  const step = mibunSeed();
  for (let i = 0; i < 10_000; i++) step(); // warm up, then measure from a settled heap
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const n = 1_000_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    step();
    if (i % 100_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const seconds = (performance.now() - t0) / 1000;
  gc();
  const after = process.memoryUsage().heapUsed;
  return row('memory: 1,000,000 seed iterations', 'mibun', seconds / n, {
    heapBeforeMB: +(before / 1e6).toFixed(2),
    heapAfterMB: +(after / 1e6).toFixed(2),
    retainedBytesPerIteration: +((after - before) / n).toFixed(4),
    peakSampledHeapMB: +(peak / 1e6).toFixed(2),
  });
}

interface PythonResult {
  version: string;
  rows: { name: string; seconds: number }[];
}

export async function run(): Promise<BenchSection> {
  const notes: string[] = [];
  const rows: BenchRow[] = [];
  rows.push(row(SEED, 'mibun', timeIt(mibunSeed(), MIN_SECONDS, 1000)));
  rows.push(row(SEED_GRAD, 'mibun', timeIt(mibunSeedGrad(), MIN_SECONDS, 1000)));
  rows.push(row(SEED_FUNC, 'mibun', timeIt(mibunSeedFunc(), MIN_SECONDS, 1000)));
  rows.push(row(CHAIN, 'mibun', timeIt(mibunChain(1000), MIN_SECONDS, 1)));

  for (const config of [
    addGradConfig,
    logGradConfig,
    multiplyGradConfig,
    powGradConfig,
    sinGradConfig,
  ]) {
    tf.registerGradient(config);
  }
  await tf.setBackend('cpu');
  const tfSeedSeconds = timeIt(tfSeed(), MIN_SECONDS, 100);
  rows.push(row(SEED, 'tfjs-cpu', tfSeedSeconds));
  rows.push(row(SEED_FUNC, 'tfjs-cpu', tfSeedSeconds));
  rows.push(row(CHAIN, 'tfjs-cpu', timeIt(tfChain(1000), MIN_SECONDS, 1)));
  notes.push(
    `tfjs-core ${tf.version_core} with the CPU backend; tf.grads inside tf.tidy (tfjs has only ` +
      'this functional API: one timing, shown in the backward and func.grad rows).',
  );

  if (pythonHas('torch')) {
    const py = runPython<PythonResult>('bench/python/torch_autograd.py', {
      minSeconds: MIN_SECONDS,
    });
    for (const r of py.rows) rows.push(row(r.name, 'pytorch', r.seconds));
    notes.push(
      `PyTorch ${py.version} (Debian python3-torch), one thread, float32 one-element tensors; ` +
        'the func.grad row is functorch.grad (torch.func from PyTorch 2.0) on 0-d tensors.',
    );
  } else {
    notes.push('PyTorch rows skipped: /usr/bin/python3 cannot import torch.');
  }

  rows.push(memoryRow());
  notes.push(
    'mibun tensors are float64; the memory row reports heapUsed after a full GC before and after.',
  );
  return { section: 'autograd', rows, ratios: ratios(rows), notes };
}
