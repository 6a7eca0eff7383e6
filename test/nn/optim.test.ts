import { describe, expect, it } from 'vitest';
import { VersionError, tensor, zeros, type Tensor } from '../../src/autograd/index.js';
import {
  Adam,
  AdamW,
  CosineAnnealingLR,
  ExponentialLR,
  HyperparameterError,
  LambdaLR,
  MultiStepLR,
  Parameter,
  RMSprop,
  SGD,
  StepLR,
  clipGradNorm_,
  clipGradValue_,
  type LRScheduler,
  type Optimizer,
} from '../../src/nn/index.js';
import { expectClose, flatten, type NestedNumbers } from './helpers.js';
import {
  CLIP_CASES,
  CLIP_GRADS,
  OPTIM_CASES,
  OPTIM_PROBLEM,
  SCHEDULER_CASES,
} from './oracle/torchValues.js';

type AnyOptimizer = Optimizer<{ lr: number }, { [key: string]: Tensor | number | null }>;
type Make = (params: Tensor[] | { params: Tensor[]; lr?: number }[], o: never) => AnyOptimizer;

const OPTIMIZERS: Record<string, Make> = {
  SGD: (p, o) => new SGD(p, o) as unknown as AnyOptimizer,
  Adam: (p, o) => new Adam(p, o) as unknown as AnyOptimizer,
  AdamW: (p, o) => new AdamW(p, o) as unknown as AnyOptimizer,
  RMSprop: (p, o) => new RMSprop(p, o) as unknown as AnyOptimizer,
};

/** The oracle's problem: loss = mean((tanh(X Wᵀ + b) − Y)²) from fixed W, b. */
function problem() {
  const weight = new Parameter(tensor(OPTIM_PROBLEM.weight));
  const bias = new Parameter(tensor(OPTIM_PROBLEM.bias));
  const x = tensor(OPTIM_PROBLEM.x);
  const y = tensor(OPTIM_PROBLEM.y);
  const loss = (): Tensor => x.matmul(weight.t()).add(bias).tanh().sub(y).pow(2).mean();
  return { weight, bias, loss };
}

describe('optimisers follow PyTorch 1.13’s trajectories (float64, to 1e-12)', () => {
  for (const c of OPTIM_CASES) {
    it(`${c.label}: ${OPTIM_PROBLEM.steps} steps`, () => {
      const { weight, bias, loss } = problem();
      const params = c.groups
        ? [{ params: [weight] }, { params: [bias], lr: 0.02 }]
        : [weight, bias];
      const opt = OPTIMIZERS[c.optimizer]!(params, c.options as never);
      for (let k = 0; k < OPTIM_PROBLEM.steps; k++) {
        opt.zeroGrad();
        const l = loss();
        l.backward();
        opt.step();
        // PyTorch 1.13, torch.optim.<optimizer>(foreach=False): loss and parameters after step k
        expect(l.item()).toBeCloseTo(c.losses[k]!, 12);
        const expected = c.steps[k]!;
        expectClose(weight, expected.weight, {
          rel: 1e-12,
          abs: 1e-14,
          what: `weight after step ${k + 1}`,
        });
        expectClose(bias, expected.bias, {
          rel: 1e-12,
          abs: 1e-14,
          what: `bias after step ${k + 1}`,
        });
      }
    });
  }

  it('step(closure) runs the closure with gradients on and returns its loss', () => {
    const { weight, bias, loss } = problem();
    const opt = new SGD([weight, bias], { lr: 0.1, momentum: 0.9 });
    const c = OPTIM_CASES.find((k) => k.label === 'SGD momentum')!;
    for (let k = 0; k < 3; k++) {
      const l = opt.step(() => {
        opt.zeroGrad();
        const v = loss();
        v.backward();
        return v;
      });
      expect(l!.item()).toBeCloseTo(c.losses[k]!, 12);
    }
    expectClose(weight, c.steps[2]!.weight, { rel: 1e-12 });
  });
});

describe('optimiser mechanics', () => {
  it('updates in place: same tensor object, version counter advances, old graphs refuse to run', () => {
    const w = new Parameter(tensor([1.0, 2.0]));
    const opt = new SGD([w], { lr: 0.1 });
    w.mul(w).sum().backward();
    const before = w.version;
    const saved = w.mul(w).sum(); // MulBackward0 saves w
    opt.step();
    expect(opt.paramGroups[0]!.params[0]).toBe(w);
    expect(w.version).toBe(before + 1);
    expectClose(w, [0.8, 1.6], { rel: 1e-15 });
    expect(w.isLeaf && w.requiresGrad && w.gradFn === null).toBe(true);
    expect(() => saved.backward()).toThrow(VersionError);
  });

  it('skips parameters without gradients; zeroGrad sets them to null or zero', () => {
    const a = new Parameter(tensor([1.0]));
    const b = new Parameter(tensor([5.0]));
    const opt = new Adam([a, b], { lr: 0.1 });
    a.mul(3).sum().backward();
    opt.step();
    expect(b.item()).toBe(5);
    // Adam's first step: m̂ = g, √v̂ = |g|, so p −= lr·g/(|g| + eps)
    expect(a.item()).toBeCloseTo(1 - (0.1 * 3) / (3 + 1e-8), 15);
    expect(opt.state.has(b)).toBe(false);
    opt.zeroGrad(false);
    expect(a.grad!.item()).toBe(0);
    opt.zeroGrad();
    expect(a.grad).toBeNull();
  });

  it('state dict round-trip: a restored optimiser continues the same trajectory', () => {
    const c = OPTIM_CASES.find((k) => k.label === 'Adam amsgrad')!;
    const first = problem();
    const opt = new Adam([first.weight, first.bias], { lr: 0.05, amsgrad: true });
    const run = (o: AnyOptimizer | Adam, p: ReturnType<typeof problem>) => {
      o.zeroGrad();
      p.loss().backward();
      o.step();
    };
    for (let k = 0; k < 4; k++) run(opt, first);
    const saved = JSON.parse(
      JSON.stringify(opt.stateDict(), (_k, v: unknown) =>
        ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v,
      ),
    );
    const second = problem();
    second.weight.data = tensor(c.steps[3]!.weight).data;
    second.bias.data = tensor(c.steps[3]!.bias).data;
    const resumed = new Adam([second.weight, second.bias], { lr: 0.5 });
    resumed.loadStateDict(saved);
    expect(resumed.paramGroups[0]!.lr).toBe(0.05);
    expect(resumed.paramGroups[0]!.amsgrad).toBe(true);
    for (let k = 4; k < OPTIM_PROBLEM.steps; k++) run(resumed, second);
    expectClose(second.weight, c.steps[OPTIM_PROBLEM.steps - 1]!.weight, { rel: 1e-12 });
  });

  it('hyperparameter errors name the value', () => {
    const p = [new Parameter(zeros(2))];
    expect(() => new SGD(p, { lr: -0.1 })).toThrow(HyperparameterError);
    expect(() => new SGD(p, { lr: -0.1 })).toThrow(/SGD: invalid lr value: -0\.1/);
    expect(() => new SGD(p, { lr: 0.1, momentum: -1 })).toThrow(/momentum value: -1/);
    expect(() => new SGD(p, { lr: 0.1, nesterov: true })).toThrow(/nesterov/);
    expect(() => new Adam(p, { betas: [0.9, 1.0] })).toThrow(/betas\[1\] value: 1/);
    expect(() => new AdamW(p, { eps: -1e-8 })).toThrow(/eps value: -1e-8/);
    expect(() => new RMSprop(p, { weightDecay: -0.5 })).toThrow(/weightDecay value: -0\.5/);
    expect(() => new SGD([], { lr: 0.1 })).toThrow(/non-empty list of parameters/);
    expect(() => new SGD([{ params: p }, { params: p, lr: -1 }], { lr: 0.1 })).toThrow(
      /more than one parameter group/,
    );
    const err = (() => {
      try {
        new SGD(p, { lr: Number.NaN });
      } catch (e) {
        return e as HyperparameterError;
      }
    })();
    expect(err?.option).toBe('lr');
    expect(err?.value).toBeNaN();
    const nonLeaf = new Parameter(zeros(2)).mul(2);
    expect(() => new SGD([nonLeaf], { lr: 0.1 })).toThrow(/non-leaf/);
  });
});

describe('learning-rate schedulers match PyTorch 1.13', () => {
  const make: Record<string, (o: SGD, args: readonly unknown[]) => LRScheduler> = {
    StepLR: (o, a) => new StepLR(o, a[0] as number, a[1] as number),
    MultiStepLR: (o, a) => new MultiStepLR(o, a[0] as number[], a[1] as number),
    ExponentialLR: (o, a) => new ExponentialLR(o, a[0] as number),
    CosineAnnealingLR: (o, a) => new CosineAnnealingLR(o, a[0] as number, a[1] as number),
    LambdaLR: (o) => new LambdaLR(o, (e) => 0.95 ** e),
  };
  for (const c of SCHEDULER_CASES) {
    it(c.label, () => {
      const opt = new SGD([new Parameter(zeros(1))], { lr: 0.1 });
      const sched = make[c.scheduler]!(opt, c.args as readonly unknown[]);
      const lrs = [opt.paramGroups[0]!.lr];
      for (let k = 0; k < 12; k++) {
        opt.step();
        sched.step();
        lrs.push(opt.paramGroups[0]!.lr);
      }
      // PyTorch 1.13: param_groups[0]['lr'] after construction and after each scheduler.step()
      expectClose(lrs, c.lrs, { rel: 1e-15, abs: 1e-18 });
      expect(sched.getLastLr()).toEqual([lrs[12]]);
    });
  }
  it('StepLR rejects a non-integer step size', () => {
    const opt = new SGD([new Parameter(zeros(1))], { lr: 0.1 });
    expect(() => new StepLR(opt, 2.5)).toThrow(/stepSize value: 2\.5/);
  });
});

describe('gradient clipping matches PyTorch 1.13', () => {
  for (const c of CLIP_CASES) {
    it(`clipGradNorm_ maxNorm=${c.maxNorm} normType=${c.normType}`, () => {
      const a = new Parameter(zeros(2, 2));
      const b = new Parameter(zeros(3));
      a.grad = tensor(CLIP_GRADS[0] as number[][]);
      b.grad = tensor(CLIP_GRADS[1] as number[]);
      const total = clipGradNorm_([a, b], c.maxNorm, { normType: c.normType });
      expect(total).toBeCloseTo(c.total, 12);
      expectClose(a.grad!, c.grads[0] as NestedNumbers, { rel: 1e-12 });
      expectClose(b.grad!, c.grads[1] as NestedNumbers, { rel: 1e-12 });
    });
  }
  it('clipGradValue_ clamps each element', () => {
    const a = new Parameter(zeros(3));
    a.grad = tensor([-3, 0.5, 2]);
    clipGradValue_([a], 1);
    expect(flatten(a.grad.toArray() as NestedNumbers)).toEqual([-1, 0.5, 1]);
  });
});
