/**
 * Losses over class scores: `nllLoss` (log-probabilities and class indices) and
 * `crossEntropy` (logits, via logSoftmax; class indices or class probabilities), with
 * PyTorch's `weight`, `ignoreIndex`, `labelSmoothing` and `reduction`.
 *
 * Inputs are [C] (one sample, target a 0-d index), [N, C] (target [N]) or [N, C, d1, …]
 * (target [N, d1, …]); the class dim is 1 as in PyTorch.
 */
import { fromArray, tensor, type Tensor } from '../../autograd/index.js';
import { DTypeError, IndexError, ShapeError } from '../../tensor/index.js';
import { inRange } from '../check.js';
import { checkSameShape, reductionOf, type Reduction, type ReductionOptions } from './reduction.js';

/** Class indices: an int32 tensor, or a plain list of integers for a 1-D target. */
export type ClassTarget = Tensor<'int32'> | readonly number[];

export interface NllLossOptions extends ReductionOptions {
  /** a rescaling weight per class, shape [C] */
  weight?: Tensor | null;
  /** a target value that contributes neither to the loss nor to the mean's divisor (-100) */
  ignoreIndex?: number;
}

export interface CrossEntropyOptions extends NllLossOptions {
  /** ε in [0, 1]: the target becomes (1 − ε)·onehot + ε/C (Szegedy et al. 2016) */
  labelSmoothing?: number;
}

function show(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** The scores as [M, C] with the class dim last, and the shape of a per-sample loss. */
function classesLast(fn: string, input: Tensor): { flat: Tensor; outShape: number[]; C: number } {
  const s = input.shape;
  if (s.length === 0) {
    throw new ShapeError(
      `${fn}: input must have a class dimension, got a 0-d tensor. Fix: pass scores of shape [C] or [N, C].`,
      [s],
    );
  }
  if (s.length === 1) return { flat: input.unsqueeze(0), outShape: [], C: s[0]! };
  const C = s[1]!;
  if (s.length === 2) return { flat: input, outShape: [s[0]!], C };
  const perm = [0, ...s.slice(2).map((_, i) => i + 2), 1];
  return {
    flat: input.permute(perm).reshape(-1, C),
    outShape: [s[0]!, ...s.slice(2)],
    C,
  };
}

/** What a class-index target gives: a safe index per sample and its weight (0 when ignored). */
interface Picks {
  flat: Tensor;
  outShape: number[];
  C: number;
  /** [M, 1] int32: the target, or 0 where ignored */
  index: Tensor<'int32'>;
  /** weight[target] per sample, 0 where ignored */
  sampleWeight: Float64Array;
  /** 1 per sample, 0 where ignored */
  kept: Float64Array;
  /** whether any weight is not 1 (then the losses are multiplied by it) */
  weighted: boolean;
}

function classPicks(
  fn: string,
  input: Tensor,
  target: ClassTarget,
  weight: Tensor | null | undefined,
  ignoreIndex: number,
): Picks {
  const { flat, outShape, C } = classesLast(fn, input);
  if (Array.isArray(target)) {
    const i = (target as readonly number[]).findIndex((v) => !Number.isInteger(v));
    if (i >= 0) {
      throw new DTypeError(
        `${fn}: class indices must be integers, got ${String(target[i])} at position ${i}. Fix: pass integer labels (or float class probabilities as a tensor, for crossEntropy).`,
        ['float64'],
      );
    }
  }
  const t = Array.isArray(target)
    ? tensor(target as number[], { dtype: 'int32' })
    : (target as Tensor<'int32'>);
  if (t.dtype !== 'int32') {
    throw new DTypeError(
      `${fn}: class-index targets must be int32, got ${t.dtype}. Fix: pass tensor(labels, { dtype: 'int32' })` +
        (fn === 'crossEntropy' ? ', or float class probabilities of the input’s shape.' : '.'),
      [t.dtype],
    );
  }
  const ts = t.shape;
  if (ts.length !== outShape.length || ts.some((d, i) => d !== outShape[i])) {
    throw new ShapeError(
      `${fn}: target of shape ${show(ts)} does not fit input of shape ${show(input.shape)}; ` +
        `class indices for it have shape ${show(outShape)}. Fix: give one class index per sample (the input's class dim is ${input.shape.length === 1 ? 0 : 1}).`,
      [input.shape, ts],
    );
  }
  let w: ArrayLike<number> | null = null;
  if (weight !== null && weight !== undefined) {
    if (weight.shape.length !== 1 || weight.shape[0] !== C) {
      throw new ShapeError(
        `${fn}: weight of shape ${show(weight.shape)} does not match the ${C} classes of input ${show(input.shape)}. Fix: pass one weight per class, shape [${C}].`,
        [weight.shape, input.shape],
      );
    }
    w = weight.data.data as ArrayLike<number>;
  }
  const values = t.reshape(-1).data.data;
  const M = values.length;
  const index = new Int32Array(M);
  const sampleWeight = new Float64Array(M);
  const kept = new Float64Array(M);
  let weighted = false;
  for (let i = 0; i < M; i++) {
    const v = values[i]!;
    if (v === ignoreIndex) {
      weighted = true;
      continue;
    }
    if (v < 0 || v >= C) {
      throw new IndexError(
        `${fn}: Target ${v} is out of bounds (at flat position ${i}): class indices must be in [0, ${C - 1}] or equal ignoreIndex (${ignoreIndex}).`,
        v,
        C,
      );
    }
    index[i] = v;
    kept[i] = 1;
    const wi = w === null ? 1 : w[v]!;
    sampleWeight[i] = wi;
    if (wi !== 1) weighted = true;
  }
  return { flat, outShape, C, index: fromArray(index, [M, 1]), sampleWeight, kept, weighted };
}

function floatLike(values: Float64Array, like: Tensor): Tensor {
  const t = fromArray(values);
  return like.dtype === 'float32' ? t.to('float32') : t;
}

function sumOf(xs: Float64Array): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** −weight[t]·input[t] per sample, reduced; the mean divides by the summed weights. */
function nllFromPicks(p: Picks, reduction: Reduction): Tensor {
  const M = p.sampleWeight.length;
  let losses = p.flat.gather(1, p.index).reshape(M).neg();
  if (p.weighted) losses = losses.mul(floatLike(p.sampleWeight, p.flat));
  if (reduction === 'none') return losses.reshape(p.outShape);
  if (reduction === 'sum') return losses.sum();
  return losses.sum().div(sumOf(p.sampleWeight));
}

/**
 * The negative log-likelihood of class indices under log-probabilities `input`:
 * −weight[t]·input[t], reduced (the mean divides by Σ weight[t] over non-ignored samples).
 */
export function nllLoss(input: Tensor, target: ClassTarget, options: NllLossOptions = {}): Tensor {
  const reduction = reductionOf('nllLoss', options);
  const p = classPicks('nllLoss', input, target, options.weight, options.ignoreIndex ?? -100);
  return nllFromPicks(p, reduction);
}

/** The weight tensor reshaped to broadcast along the class dim of `input`. */
function classWeight(input: Tensor, weight: Tensor, C: number): Tensor {
  if (weight.shape.length !== 1 || weight.shape[0] !== C) {
    throw new ShapeError(
      `crossEntropy: weight of shape ${show(weight.shape)} does not match the ${C} classes of input ${show(input.shape)}. Fix: pass one weight per class, shape [${C}].`,
      [weight.shape, input.shape],
    );
  }
  const shape = input.shape.map((_, i) => (i === (input.shape.length === 1 ? 0 : 1) ? C : 1));
  return weight.detach().reshape(shape);
}

/**
 * Cross-entropy of logits: `nllLoss(input.logSoftmax(classDim), target)` for class indices
 * (int32), or −Σ_c weight_c·p_c·logSoftmax(input)_c for class probabilities p (a float target
 * of the input's shape; the mean divides by the number of samples). With label smoothing ε,
 * (1 − ε)·nll + ε/C·(−Σ_c weight_c·logSoftmax(input)_c), as PyTorch 1.13.
 *
 * @example
 * crossEntropy(tensor([[2, 1, 0.1]]), tensor([0], { dtype: 'int32' })); // tensor(0.4170)
 */
export function crossEntropy(
  input: Tensor,
  target: ClassTarget | Tensor,
  options: CrossEntropyOptions = {},
): Tensor {
  const reduction = reductionOf('crossEntropy', options);
  const eps = inRange('crossEntropy', 'labelSmoothing', options.labelSmoothing ?? 0, 0, 1, true);
  if (input.shape.length === 0) classesLast('crossEntropy', input); // throws the shape error
  const classDim = input.shape.length === 1 ? 0 : 1;
  const logp = input.logSoftmax(classDim);
  const C = input.shape[classDim]!;
  const weight = options.weight ?? null;

  if (!Array.isArray(target) && (target as Tensor).dtype !== 'int32') {
    return probabilityTargets(input, logp, target as Tensor, weight, eps, C, classDim, reduction);
  }
  const p = classPicks(
    'crossEntropy',
    logp,
    target as ClassTarget,
    weight,
    options.ignoreIndex ?? -100,
  );
  const nll = nllFromPicks(p, reduction);
  if (eps === 0) return nll;

  // −Σ_c w_c·logp_c per sample, zero where ignored
  const weighted = weight === null ? p.flat : p.flat.mul(weight.detach());
  let smooth = weighted.sum(1).neg();
  if (p.kept.some((k) => k === 0)) smooth = smooth.mul(floatLike(p.kept, p.flat));
  let reduced: Tensor;
  if (reduction === 'none') reduced = smooth.reshape(p.outShape);
  else if (reduction === 'sum') reduced = smooth.sum();
  else reduced = smooth.sum().div(weight === null ? sumOf(p.kept) : sumOf(p.sampleWeight));
  return nll.mul(1 - eps).add(reduced.mul(eps / C));
}

function probabilityTargets(
  input: Tensor,
  logp: Tensor,
  target: Tensor,
  weight: Tensor | null,
  eps: number,
  C: number,
  classDim: number,
  reduction: Reduction,
): Tensor {
  checkSameShape('crossEntropy', input, target);
  const probs = eps === 0 ? target : target.mul(1 - eps).add(eps / C);
  let terms = logp.mul(probs);
  if (weight !== null) terms = terms.mul(classWeight(input, weight, C));
  const losses = terms.sum(classDim).neg();
  if (reduction === 'none') return losses;
  if (reduction === 'sum') return losses.sum();
  return losses.sum().div(input.numel() / C);
}
