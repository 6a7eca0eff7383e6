/**
 * gradcheck: the engine's Jacobian against central differences from mibun's numeric module
 * (PyTorch's `torch.autograd.gradcheck`, with its defaults: eps 1e-6, atol 1e-5, rtol 1e-3,
 * float64 inputs). The analytical Jacobian is built row by row with backward passes (one per
 * output element, gradOutputs a one-hot); the numerical one column by column by perturbing one
 * input element at a time. gradgradcheck does the same for the gradient itself (second
 * derivatives through createGraph).
 */
import { jacobian } from '../numeric/index.js';
import { RandomState, randnLike as ndRandnLike, zeros as ndZeros } from '../tensor/index.js';
import { grad } from './api.js';
import { Tensor } from './tensor.js';

export interface GradcheckOptions {
  /** The finite-difference step (PyTorch's 1e-6); 'adaptive' lets the numeric module choose steps and extrapolate. */
  eps?: number | 'adaptive';
  /** Absolute tolerance (1e-5). */
  atol?: number;
  /** Relative tolerance, relative to the numerical value (1e-3). */
  rtol?: number;
  /** Throw a GradcheckError on a mismatch (default) rather than return false. */
  raiseException?: boolean;
}

/** A Jacobian entry where the engine and the finite differences disagree. */
export class GradcheckError extends Error {
  override readonly name = 'GradcheckError';
  constructor(
    /** which input (of those passed to gradcheck) */
    readonly input: number,
    /** the input element, as a multi-index */
    readonly element: readonly number[],
    /** which output of fn */
    readonly output: number,
    /** the output element, as a multi-index */
    readonly outputElement: readonly number[],
    readonly analytical: number,
    readonly numerical: number,
  ) {
    super(
      `Jacobian mismatch for output ${output} at [${outputElement.join(', ')}] with respect to ` +
        `input ${input} at [${element.join(', ')}]: numerical ${numerical}, analytical ${analytical}. ` +
        `Fix: check the backward of the ops that input ${input} flows through (a custom ` +
        "function's backward first); if the point is a kink of the function, move the input off it.",
    );
  }
}

type Fn = (...inputs: Tensor[]) => Tensor | readonly Tensor[];

function outputsOf(fn: Fn, inputs: readonly Tensor[]): Tensor[] {
  const r = fn(...inputs);
  return Array.isArray(r) ? [...r] : [r as Tensor];
}

/** The multi-index of flat (row-major) position `k` in `shape`. */
function unravel(k: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    const s = shape[d]!;
    idx[d] = k % s;
    k = Math.floor(k / s);
  }
  return idx;
}

function flatValues(t: Tensor): number[] {
  return Array.from(t.data.contiguous().data as Float64Array, Number);
}

function numel(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

/**
 * Checks the gradients of `fn` at `inputs` (those with requiresGrad) against finite
 * differences. Returns true, or throws a GradcheckError naming the input and the element
 * that disagree (false instead with `raiseException: false`).
 *
 * @example
 * const x = tensor([0.3, 1.2], { requiresGrad: true });
 * gradcheck((x) => x.sin().mul(x), [x]); // true
 */
export function gradcheck(
  fn: Fn,
  inputs: Tensor | readonly Tensor[],
  options: GradcheckOptions = {},
): boolean {
  const ins = inputs instanceof Tensor ? [inputs] : [...inputs];
  const eps = options.eps ?? 1e-6;
  const atol = options.atol ?? 1e-5;
  const rtol = options.rtol ?? 1e-3;
  const wrt = ins.map((t, i) => [t, i] as const).filter(([t]) => t.requiresGrad);
  for (const [t, i] of wrt) {
    if (t.dtype !== 'float64') {
      throw new TypeError(
        `gradcheck: input ${i} is ${t.dtype}; finite differences need float64. Fix: pass x.double().`,
      );
    }
  }
  const outs = outputsOf(fn, ins).filter((o) => o.dtype === 'float64' || o.dtype === 'float32');
  // analytical[o][k][w] = gradient of output o element k w.r.t. input wrt[w] (flat)
  const analytical = outs.map((o) => {
    const rows: number[][][] = [];
    const n = numel(o.shape);
    for (let k = 0; k < n; k++) {
      if (!o.requiresGrad) {
        rows.push(wrt.map(([t]) => new Array<number>(numel(t.shape)).fill(0)));
        continue;
      }
      const onehot = new Tensor(ndZeros([...o.shape], { dtype: o.dtype }));
      onehot.data.storage[k] = 1;
      const gs = grad(
        o,
        wrt.map(([t]) => t),
        { gradOutputs: onehot, retainGraph: true, materializeGrads: true },
      );
      rows.push(gs.map((g) => flatValues(g!)));
    }
    return rows;
  });
  for (let w = 0; w < wrt.length; w++) {
    const [t, i] = wrt[w]!;
    const shape = t.shape;
    // fn runs with recording on: gradgradcheck's fn takes gradients inside
    const F = (v: readonly number[]): number[] => {
      const probe = new Tensor(t.data.clone()).requiresGrad_();
      probe.data.storage.set(v);
      const args = ins.map((x, j) => (j === i ? probe : x));
      return outputsOf(fn, args).flatMap((o) =>
        o.dtype === 'float64' || o.dtype === 'float32' ? flatValues(o) : [],
      );
    };
    const x0 = flatValues(t);
    const numerical = jacobian(F, x0, eps === 'adaptive' ? {} : { h: eps });
    let row = 0;
    for (let o = 0; o < outs.length; o++) {
      const n = numel(outs[o]!.shape);
      for (let k = 0; k < n; k++, row++) {
        const an = analytical[o]![k]![w]!;
        const nu = numerical[row]!;
        for (let j = 0; j < x0.length; j++) {
          const a = an[j]!;
          const b = nu[j]!;
          if (!(Math.abs(a - b) <= atol + rtol * Math.abs(b))) {
            if (options.raiseException === false) return false;
            throw new GradcheckError(i, unravel(j, shape), o, unravel(k, outs[o]!.shape), a, b);
          }
        }
      }
    }
  }
  return true;
}

/**
 * Checks second derivatives: gradcheck of (inputs, v) ↦ grad(fn(inputs), inputs, v) with the
 * backward recorded (createGraph), v a fixed random vector per output unless given.
 */
export function gradgradcheck(
  fn: Fn,
  inputs: Tensor | readonly Tensor[],
  gradOutputs?: readonly Tensor[],
  options: GradcheckOptions = {},
): boolean {
  const ins = inputs instanceof Tensor ? [inputs] : [...inputs];
  const outs = outputsOf(fn, ins);
  const rng = new RandomState(0);
  const vs = (
    gradOutputs ?? outs.map((o) => new Tensor(ndRandnLike(o.data, { generator: rng })))
  ).map((v) => new Tensor(v.data.clone()).requiresGrad_());
  const nIn = ins.length;
  const gradFn = (...args: Tensor[]): Tensor[] => {
    const xs = args.slice(0, nIn);
    const g = args.slice(nIn);
    const diffXs = xs.filter((x) => x.requiresGrad);
    const out = outputsOf(fn, xs);
    const live = out.map((o, k) => [o, g[k]!] as const).filter(([o]) => o.requiresGrad);
    if (live.length === 0) return diffXs.map((x) => new Tensor(ndZeros([...x.shape])));
    return grad(
      live.map(([o]) => o),
      diffXs,
      { gradOutputs: live.map(([, v]) => v), createGraph: true, materializeGrads: true },
    ) as Tensor[];
  };
  return gradcheck(gradFn, [...ins, ...vs], options);
}
