/**
 * Training steps (zeroGrad, forward, crossEntropy, backward, optimiser step) of small MLPs,
 * side by side with PyTorch (Debian's python3-torch, when installed), float64, one thread:
 *   - the spiral test's model, 2-32-3 on 300 points, Adam;
 *   - an MNIST-sized model, 784-128-10 on a batch of 64, SGD with momentum.
 */
import { manualSeed, randint, randn, type Tensor } from '../src/autograd/index.js';
import {
  Adam,
  Linear,
  ReLU,
  SGD,
  Sequential,
  crossEntropy,
  type Layer,
  type Parameter,
} from '../src/nn/index.js';
import {
  pythonHas,
  ratios,
  row,
  runPython,
  timeIt,
  type BenchRow,
  type BenchSection,
} from './harness.js';

const SMALL = 'MLP 2-32-3, 300 points, Adam: one training step';
const MNIST = 'MLP 784-128-10, batch 64, SGD momentum: one training step';
const MIN_SECONDS = 1;

interface StepOptimizer {
  zeroGrad(): void;
  step(): unknown;
}

function mlpStep(
  sizes: number[],
  batch: number,
  makeOpt: (p: Parameter[]) => StepOptimizer,
): () => void {
  manualSeed(0);
  const layers: Layer[] = [];
  for (let i = 0; i < sizes.length - 1; i++) {
    layers.push(new Linear(sizes[i]!, sizes[i + 1]!));
    if (i < sizes.length - 2) layers.push(new ReLU());
  }
  const model = new Sequential(...layers);
  const x = randn(batch, sizes[0]!);
  const y = randint(sizes[sizes.length - 1]!, [batch]) as Tensor<'int32'>;
  const opt = makeOpt(model.parameters());
  return () => {
    opt.zeroGrad();
    crossEntropy(model.forward(x), y).backward();
    opt.step();
  };
}

interface PythonResult {
  version: string;
  rows: { name: string; seconds: number }[];
}

export async function run(): Promise<BenchSection> {
  const notes: string[] = [];
  const rows: BenchRow[] = [];
  rows.push(
    row(
      SMALL,
      'mibun',
      timeIt(
        mlpStep([2, 32, 3], 300, (p) => new Adam(p, { lr: 0.02 })),
        MIN_SECONDS,
      ),
    ),
  );
  rows.push(
    row(
      MNIST,
      'mibun',
      timeIt(
        mlpStep([784, 128, 10], 64, (p) => new SGD(p, { lr: 0.1, momentum: 0.9 })),
        MIN_SECONDS,
      ),
    ),
  );
  if (pythonHas('torch')) {
    const py = runPython<PythonResult>('bench/python/torch_nn.py', {
      minSeconds: MIN_SECONDS,
      small: SMALL,
      mnist: MNIST,
    });
    for (const r of py.rows) rows.push(row(r.name, 'pytorch', r.seconds));
    notes.push(
      `PyTorch ${py.version} (Debian python3-torch), one thread, float64, foreach=False optimisers.`,
    );
  } else {
    notes.push('PyTorch rows skipped: /usr/bin/python3 cannot import torch.');
  }
  return { section: 'nn', rows, ratios: ratios(rows), notes };
}
