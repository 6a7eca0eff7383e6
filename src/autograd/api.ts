/**
 * `backward` and `grad`, PyTorch's `torch.autograd.backward` and `torch.autograd.grad`: check
 * the arguments, seed the outputs' gradients and run the engine.
 */
import { sameShape } from '../tensor/index.js';
import { execute, type EngineOptions } from './engine.js';
import { GraphError } from './errors.js';
import { GRAD_OPS } from './gradOps.js';
import { ownCopy, type Node, type TensorBase } from './node.js';
import { isOneElement } from './scalar.js';

export interface BackwardOptions {
  /** Keep the saved values so that the graph can be differentiated again (default: createGraph). */
  retainGraph?: boolean;
  /** Record the backward pass, so that the gradients are differentiable (higher derivatives). */
  createGraph?: boolean;
  /** Accumulate only into these tensors' `.grad` (default: every leaf the outputs depend on). */
  inputs?: TensorBase | readonly TensorBase[];
}

export interface GradOptions {
  /** The gradient of each output ("vector" of the vector-Jacobian product); default ones for scalars. */
  gradOutputs?: TensorBase | readonly (TensorBase | null)[] | null;
  /** Keep the saved values so that the graph can be differentiated again (default: createGraph). */
  retainGraph?: boolean;
  /** Record the backward pass, so that the gradients are differentiable (higher derivatives). */
  createGraph?: boolean;
  /** Return null (instead of failing) for an input the outputs do not depend on. */
  allowUnused?: boolean;
  /** Return zeros (instead of null or an error) for an input the outputs do not depend on. */
  materializeGrads?: boolean;
}

const NO_OPTIONS: GradOptions & BackwardOptions = Object.freeze({});

/** The four engine settings, made once: retainGraph defaults to createGraph, as PyTorch's. */
const ENGINE_OPTIONS: readonly EngineOptions[] = [
  { retainGraph: false, createGraph: false },
  { retainGraph: true, createGraph: false },
  { retainGraph: false, createGraph: true },
  { retainGraph: true, createGraph: true },
];

function engineOptionsFor(retainGraph: boolean | undefined, createGraph = false): EngineOptions {
  return ENGINE_OPTIONS[((retainGraph ?? createGraph) ? 1 : 0) + (createGraph ? 2 : 0)]!;
}

function asList<T>(x: T | readonly T[]): readonly T[] {
  return Array.isArray(x) ? (x as readonly T[]) : [x as T];
}

function isTensorLike(x: unknown): x is TensorBase {
  return typeof x === 'object' && x !== null && 'requiresGradFlag' in x;
}

interface Seeds {
  roots: Node[];
  slots: number[];
  grads: TensorBase[];
}

/** The roots of a backward pass and their gradients (ones for one-element outputs). */
function seed(outputs: readonly TensorBase[], gradOutputs: readonly (TensorBase | null)[]): Seeds {
  if (gradOutputs.length !== 0 && gradOutputs.length !== outputs.length) {
    throw new GraphError(
      'arity',
      `grad can be implicitly created only for scalar outputs: got ${gradOutputs.length} gradients ` +
        `for ${outputs.length} outputs. Fix: pass one gradient per output (null for a one-element output).`,
    );
  }
  const roots: Node[] = [];
  const slots: number[] = [];
  const grads: TensorBase[] = [];
  for (let i = 0; i < outputs.length; i++) {
    const out = outputs[i]!;
    grads.push(seedGradient(out, gradOutputs[i] ?? null, i));
    roots.push(rootOf(out));
    slots.push(out.gradFn === null ? 0 : out.outputNr);
  }
  return { roots, slots, grads };
}

/** The node a backward pass starts from for `out`: its gradFn, or a leaf's sink. */
function rootOf(out: TensorBase): Node {
  return out.gradFn ?? out.gradAccumulator();
}

/** Checks output `i` and its gradient; the implicit gradient of a one-element output is 1. */
function seedGradient(out: TensorBase, g: TensorBase | null, i: number): TensorBase {
  if (!out.requiresGradFlag) {
    throw new GraphError(
      'no-grad',
      `element ${i} of tensors does not require grad and does not have a grad_fn. Fix: create ` +
        'the inputs with requiresGrad: true (or call requiresGrad_()), and compute the output ' +
        'outside noGrad().',
    );
  }
  if (g === null) {
    if (!isOneElement(out.shape)) {
      throw new GraphError(
        'non-scalar',
        `grad can be implicitly created only for scalar outputs; output ${i} has shape ` +
          `[${out.shape.join(', ')}]. Fix: pass a gradient of that shape (e.g. onesLike(y)), ` +
          'or reduce the output to one element first (y.sum()).',
      );
    }
    return out.wrapScalar(1, out.shape, out.dtype === 'float32' ? 'float32' : 'float64');
  }
  if (!sameShape(g.shape, out.shape)) {
    throw new GraphError(
      'shape',
      `Mismatch in shape: grad_output[${i}] has a shape of [${g.shape.join(', ')}] and ` +
        `output[${i}] has a shape of [${out.shape.join(', ')}]. Fix: pass a gradient with the ` +
        "output's shape.",
    );
  }
  return g;
}

/** backward(y) on one output, the common case, without the list handling. */
function backwardFromOne(output: TensorBase, opts: BackwardOptions): void {
  const g = seedGradient(output, null, 0);
  execute(
    [rootOf(output)],
    [output.gradFn === null ? 0 : output.outputNr],
    [g],
    null,
    engineOptionsFor(opts.retainGraph, opts.createGraph),
    GRAD_OPS,
  );
}

/** Checks that input `i` of grad() (or backward()'s `inputs`) can receive a gradient. */
function checkInput(t: TensorBase, i: number): void {
  if (!t.requiresGradFlag) {
    throw new GraphError(
      'input-no-grad',
      `One of the differentiated Tensors does not require grad (input ${i}). Fix: create it ` +
        'with requiresGrad: true, or leave it out of the inputs.',
    );
  }
}

function gradList(
  g: TensorBase | readonly (TensorBase | null)[] | null | undefined,
): readonly (TensorBase | null)[] {
  if (g === null || g === undefined) return [];
  return asList(g);
}

/**
 * Computes the gradients of `tensors` with respect to the leaves of their graph and adds them
 * into each leaf's `.grad` (PyTorch's `torch.autograd.backward`). `gradTensors` gives the
 * gradient of each output (needed for outputs with more than one element); options may also
 * come second: `backward(f, { retainGraph: true })`.
 *
 * @example
 * const x = tensor([1], { requiresGrad: true });
 * const f = x.pow(2).add(x.mul(2)).mul(x.log());
 * backward(f, { retainGraph: true });
 * String(x.grad); // 'tensor([3.])'
 */
export function backward(
  tensors: TensorBase | readonly TensorBase[],
  gradTensors?: TensorBase | readonly (TensorBase | null)[] | null | BackwardOptions,
  options: BackwardOptions = NO_OPTIONS,
): void {
  let grads = gradTensors;
  let opts = options;
  if (grads !== null && grads !== undefined && !Array.isArray(grads) && !isTensorLike(grads)) {
    opts = grads as BackwardOptions;
    grads = undefined;
  }
  if (
    isTensorLike(tensors) &&
    (grads === null || grads === undefined) &&
    opts.inputs === undefined
  ) {
    backwardFromOne(tensors, opts);
    return;
  }
  const outputs = asList(tensors);
  const {
    roots,
    slots,
    grads: seeds,
  } = seed(
    outputs,
    gradList(grads as TensorBase | readonly (TensorBase | null)[] | null | undefined),
  );
  const engineOptions = engineOptionsFor(opts.retainGraph, opts.createGraph);
  if (opts.inputs === undefined) {
    execute(roots, slots, seeds, null, engineOptions, GRAD_OPS);
    return;
  }
  const inputs = asList(opts.inputs);
  if (inputs.length === 0) {
    throw new GraphError(
      'arity',
      "'inputs' argument to backward() cannot be empty. Fix: leave it out to accumulate into every leaf.",
    );
  }
  for (let i = 0; i < inputs.length; i++) checkInput(inputs[i]!, i);
  const captured = execute(roots, slots, seeds, inputs, engineOptions, GRAD_OPS);
  for (let i = 0; i < inputs.length; i++) {
    const g = captured[i];
    if (!g) continue;
    const t = inputs[i]!;
    t.gradValue = t.gradValue === null ? ownCopy(g) : GRAD_OPS.add(t.gradValue, g);
  }
}

/**
 * The gradients of `outputs` with respect to each of `inputs`, returned rather than
 * accumulated (PyTorch's `torch.autograd.grad`). One gradient per input, in order; the same
 * tensor may appear twice (`grad(f, [x, x])` gives two gradients).
 *
 * @example
 * const x = tensor([1], { requiresGrad: true });
 * const y = tensor([2], { requiresGrad: true });
 * const z = x.pow(2).add(x.mul(2)).mul(y.log());
 * formatTuple(grad(z, [x, y], { gradOutputs: tensor([2]) })); // '(tensor([5.5452]), tensor([3.]))'
 */
export function grad<T extends TensorBase>(
  outputs: TensorBase | readonly TensorBase[],
  inputs: T | readonly T[],
  options?: GradOptions & { allowUnused?: false },
): T[];
export function grad<T extends TensorBase>(
  outputs: TensorBase | readonly TensorBase[],
  inputs: T | readonly T[],
  options: GradOptions,
): (T | null)[];
export function grad<T extends TensorBase>(
  outputs: TensorBase | readonly TensorBase[],
  inputs: T | readonly T[],
  options: GradOptions = NO_OPTIONS,
): (T | null)[] {
  const gradOutputs = options.gradOutputs;
  let roots: readonly Node[], slots: readonly number[], grads: readonly TensorBase[];
  if (isTensorLike(outputs) && (gradOutputs === null || gradOutputs === undefined)) {
    // one output with the implicit gradient, the common case, without the list handling
    grads = [seedGradient(outputs, null, 0)];
    roots = [rootOf(outputs)];
    slots = [outputs.gradFn === null ? 0 : outputs.outputNr];
  } else {
    ({ roots, slots, grads } = seed(asList(outputs), gradList(gradOutputs)));
  }
  const ins = asList(inputs);
  for (let i = 0; i < ins.length; i++) checkInput(ins[i]!, i);
  const engineOptions = engineOptionsFor(options.retainGraph, options.createGraph);
  const captured = execute(roots, slots, grads, ins, engineOptions, GRAD_OPS);
  // the engine's result array becomes grad()'s: fill in the inputs no gradient reached
  for (let i = 0; i < captured.length; i++) {
    if (captured[i] === null) captured[i] = missingGradient(ins[i]!, i, options);
  }
  return captured as (T | null)[];
}

/** The gradient of an input the outputs do not depend on: zeros, null, or an error. */
function missingGradient(input: TensorBase, i: number, options: GradOptions): TensorBase | null {
  if (options.materializeGrads) return GRAD_OPS.zeros(input.shape, input);
  if (options.allowUnused) return null;
  throw new GraphError(
    'unused',
    `One of the differentiated Tensors appears to not have been used in the graph (input ${i}). ` +
      'Set allowUnused: true if this is the desired behavior (its gradient is then null), or ' +
      'materializeGrads: true for zeros.',
  );
}
