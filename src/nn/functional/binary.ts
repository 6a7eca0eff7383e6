/**
 * Binary cross-entropy, on probabilities and on logits. Each is a custom function with
 * PyTorch's own forward and backward formulas, because the obvious compositions lose what
 * matters at the extremes: at a probability of exactly 0 or 1, autograd through a clamped log
 * gives 0·∞ = NaN where PyTorch's (x − y)/max(x(1 − x), 1e-12) gives a number; on logits,
 * 1 − σ(−x) rounds a gradient of 1e-18 to 0 where σ(x) − y keeps it. The backward formulas are
 * written with tensor ops, so they are differentiable again (double backward).
 */
import { defineFunction, Tensor } from '../../autograd/index.js';
import {
  add as ndAdd,
  clamp as ndClamp,
  exp as ndExp,
  log as ndLog,
  log1p as ndLog1p,
  mul as ndMul,
  neg as ndNeg,
  sub as ndSub,
  type NDArray,
} from '../../tensor/index.js';
import { InputValueError } from '../errors.js';
import { checkSameShape, reduce, reductionOf, type ReductionOptions } from './reduction.js';

export interface BinaryCrossEntropyOptions extends ReductionOptions {
  /** a rescaling weight per element (broadcast to the input's shape) */
  weight?: Tensor | null;
}

export interface BinaryCrossEntropyWithLogitsOptions extends BinaryCrossEntropyOptions {
  /** the weight of positive examples, per class (broadcast along the last dim) */
  posWeight?: Tensor | null;
}

const LOG_FLOOR = -100; // PyTorch clamps each log at −100 so that the loss stays finite
// PyTorch's floor for x(1 − x) in the gradient: the C++ constant 1e-12 is a float, 1e-12f
const EPS = Math.fround(1e-12);

/** −(y·max(log x, −100) + (1 − y)·max(log(1 − x), −100)), elementwise. */
const BinaryCrossEntropy = defineFunction<[Tensor, Tensor], Tensor>({
  name: 'BinaryCrossEntropy',
  forward(ctx, x, y) {
    ctx.saveForBackward(x, y);
    const logX = ndClamp(ndLog(x.data as NDArray), LOG_FLOOR, null);
    const log1mX = ndClamp(ndLog1p(ndNeg(x.data as NDArray)), LOG_FLOOR, null);
    // PyTorch's CPU kernel: (y − 1)·log(1 − x) − y·log(x)
    return new Tensor(ndSub(ndMul(ndSub(y.data, 1), log1mX), ndMul(y.data, logX)));
  },
  backward(ctx, g) {
    const [x, y] = ctx.savedTensors as [Tensor, Tensor];
    const gx = ctx.needsInputGrad[0] ? g!.mul(x.sub(y)).div(x.rsub(1).mul(x).clamp(EPS)) : null;
    // ∂/∂y = log(1 − x) − log x = −logit(x), unclamped as PyTorch's (±∞ at x = 0, 1)
    const gy = ctx.needsInputGrad[1] ? g!.mul(x.div(x.rsub(1)).log().neg()) : null;
    return [gx, gy];
  },
});

function checkProbabilities(x: Tensor): void {
  const values = x.data.data;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v <= 1)) {
      throw new InputValueError(
        'binaryCrossEntropy',
        v,
        i,
        `all elements of input should be between 0 and 1; element ${i} is ${v}. ` +
          'Fix: pass probabilities (e.g. logits.sigmoid()), or use binaryCrossEntropyWithLogits on the logits, which is also more stable.',
      );
    }
  }
}

/**
 * Binary cross-entropy of probabilities `input` in [0, 1] against targets in [0, 1]:
 * −w·(y·log x + (1 − y)·log(1 − x)), each log clamped at −100, reduced.
 */
export function binaryCrossEntropy(
  input: Tensor,
  target: Tensor,
  options: BinaryCrossEntropyOptions = {},
): Tensor {
  const reduction = reductionOf('binaryCrossEntropy', options);
  checkSameShape('binaryCrossEntropy', input, target);
  checkProbabilities(input);
  let loss = BinaryCrossEntropy.apply(input, target);
  const w = options.weight;
  if (w !== null && w !== undefined) loss = loss.mul(w.detach());
  return reduce(loss, reduction);
}

/**
 * (1 − y)·x + l·(log(e^(−m) + e^(−x−m)) + m), m = max(−x, 0), l = 1 + (p − 1)·y: the
 * cross-entropy of σ(x) computed without overflow (PyTorch's CPU formula).
 */
const BinaryCrossEntropyWithLogits = defineFunction<[Tensor, Tensor, Tensor | null], Tensor>({
  name: 'BinaryCrossEntropyWithLogits',
  forward(ctx, x, y, pw) {
    ctx.saveForBackward(...(pw === null ? [x, y] : [x, y, pw]));
    const xd = x.data as NDArray;
    const m = ndClamp(ndNeg(xd), 0, null);
    const logTerm = ndLog(ndAdd(ndExp(ndNeg(m)), ndExp(ndSub(ndNeg(xd), m))));
    const oneMinusY = ndSub(1, y.data);
    if (pw === null) return new Tensor(ndAdd(ndAdd(ndMul(oneMinusY, xd), m), logTerm));
    const logWeight = ndAdd(ndMul(ndSub(pw.data, 1), y.data), 1);
    return new Tensor(ndAdd(ndMul(oneMinusY, xd), ndMul(logWeight, ndAdd(logTerm, m))));
  },
  backward(ctx, g) {
    const [x, y, pw] = ctx.savedTensors as [Tensor, Tensor, Tensor | undefined];
    let gx: Tensor | null = null;
    let gy: Tensor | null = null;
    if (ctx.needsInputGrad[0]) {
      // σ(x) − y, or (p·y + 1 − y)·σ(x) − p·y with pos_weight p
      if (pw === undefined) gx = x.sigmoid().sub(y).mul(g!);
      else {
        const py = pw.mul(y);
        gx = py.add(1).sub(y).mul(x.sigmoid()).sub(py).mul(g!);
      }
    }
    if (ctx.needsInputGrad[1]) {
      // −x, or log σ(−x) − p·log σ(x) = p·softplus(−x) − softplus(x)
      gy =
        pw === undefined ? x.neg().mul(g!) : pw.mul(x.neg().softplus()).sub(x.softplus()).mul(g!);
    }
    return [gx, gy, null];
  },
});

/**
 * Binary cross-entropy of logits: the same loss as `binaryCrossEntropy(input.sigmoid(),
 * target)` without the overflow or the lost precision; gradient σ(x) − y.
 */
export function binaryCrossEntropyWithLogits(
  input: Tensor,
  target: Tensor,
  options: BinaryCrossEntropyWithLogitsOptions = {},
): Tensor {
  const reduction = reductionOf('binaryCrossEntropyWithLogits', options);
  checkSameShape('binaryCrossEntropyWithLogits', input, target);
  const pw = options.posWeight ?? null;
  let loss = BinaryCrossEntropyWithLogits.apply(input, target, pw === null ? null : pw.detach());
  const w = options.weight;
  if (w !== null && w !== undefined) loss = loss.mul(w.detach());
  return reduce(loss, reduction);
}
