/**
 * Custom differentiable functions, in the seed's own protocol (part 4: a forward that keeps a
 * cache, a backward that maps the output's gradient to one gradient per input) and PyTorch's
 * `torch.autograd.Function`:
 *
 *   forward(ctx, ...inputs)     runs without recording; saves what backward needs on ctx
 *   backward(ctx, ...gradOuts)  returns one gradient per input (null for none)
 *
 * The backward runs with the engine's grad mode, so a backward written with tensor ops is
 * itself differentiable under `createGraph`. `gradcheck` catches a wrong one.
 */
import { zeros } from '../tensor/index.js';
import { GraphError } from './errors.js';
import { aliasWith, propagate } from './forward/tangents.js';
import { isGradEnabled, noGrad } from './gradMode.js';
import { edgeOf, Node, type GradOps, type TensorBase } from './node.js';
import { Tensor } from './tensor.js';

/** What forward and backward share (PyTorch's ctx). Any other property may be set on it too. */
export interface FunctionCtx {
  /** Saves tensors for backward; they are checked for in-place changes when read back. */
  saveForBackward(...tensors: Tensor[]): void;
  /** The saved tensors (in backward). */
  readonly savedTensors: Tensor[];
  /** For each input, whether its gradient is wanted (in backward). */
  readonly needsInputGrad: readonly boolean[];
  [extra: string]: unknown;
}

/** An input of a custom function: tensors get gradients, anything else is passed through. */
export type FunctionInput = Tensor | number | boolean | string | null | undefined | object;

/** A gradient returned by backward: a tensor, or null/undefined for "none". */
export type FunctionGrad = Tensor | null | undefined;

export interface FunctionSpec<A extends FunctionInput[], R extends Tensor | Tensor[]> {
  /** Shown in the grad_fn name: `Times` gives `<TimesBackward>`. */
  name?: string;
  forward(ctx: FunctionCtx, ...inputs: A): R;
  backward(ctx: FunctionCtx, ...gradOutputs: Tensor[]): FunctionGrad | readonly FunctionGrad[];
  /**
   * Forward mode (optional, PyTorch's `jvp` staticmethod): the outputs' tangents from the
   * inputs' (zeros for a tensor input without one, null for a non-tensor input). `ctx` is the
   * one forward filled. Without it, a dual input is an error.
   */
  jvp?(ctx: FunctionCtx, ...tangents: (Tensor | null)[]): Tensor | readonly Tensor[];
}

/** A custom function: `apply` runs it and records it. */
export interface CustomFunction<A extends FunctionInput[], R extends Tensor | Tensor[]> {
  readonly name: string;
  apply(...inputs: A): R;
}

class Ctx implements FunctionCtx {
  [extra: string]: unknown;
  private saved: Tensor[] = [];
  private versions: number[] = [];
  private freed = false;
  needsInputGrad: boolean[] = [];
  fnName = '';

  saveForBackward(...tensors: Tensor[]): void {
    this.saved = tensors;
    this.versions = tensors.map((t) => t.version);
  }

  get savedTensors(): Tensor[] {
    if (this.freed) {
      throw new GraphError(
        'freed',
        `${this.fnName}: saved tensors were freed by an earlier backward. Fix: pass retainGraph: true to that backward.`,
      );
    }
    for (let i = 0; i < this.saved.length; i++) {
      const t = this.saved[i]!;
      if (t.version !== this.versions[i]) {
        throw new GraphError(
          'version',
          `one of the variables needed for gradient computation has been modified by an inplace operation: saved tensor ${i} of ${this.fnName} is at version ${t.version}; expected version ${this.versions[i]} instead. Fix: modify a copy (x.clone()) instead.`,
        );
      }
    }
    return this.saved;
  }

  release(): void {
    this.freed = true;
    this.saved = [];
  }
}

class CustomBackward extends Node {
  private readonly inputShapesAll: (readonly number[] | null)[];

  constructor(
    name: string,
    private readonly spec: FunctionSpec<FunctionInput[], Tensor | Tensor[]>,
    private readonly ctx: Ctx,
    private readonly inputs: readonly FunctionInput[],
    private readonly outputs: readonly Tensor[],
  ) {
    super(name);
    this.numOutputs = outputs.length;
    this.next = inputs.map((x) => (x instanceof Tensor ? edgeOf(x) : null));
    if (inputs.some((x) => x instanceof Tensor && x.outputNr !== 0)) {
      this.nextSlot = inputs.map((x) => (x instanceof Tensor ? x.outputNr : 0));
    }
    this.inputShapesAll = inputs.map((x) => (x instanceof Tensor ? x.shape : null));
  }

  apply(grads: readonly (TensorBase | null)[], ops: GradOps): (TensorBase | null)[] {
    // missing output gradients become zeros (PyTorch's materialize_grads)
    const gs = this.outputs.map((o, k) => (grads[k] ?? ops.zeros(o.shape, o)) as Tensor);
    this.ctx.needsInputGrad = this.next.map((_, i) => this.needsInputGrad(i));
    const returned = this.spec.backward(this.ctx, ...gs);
    const list: readonly FunctionGrad[] = Array.isArray(returned)
      ? returned
      : [returned as FunctionGrad];
    if (list.length !== this.inputs.length) {
      throw new GraphError(
        'arity',
        `function ${this.name} returned an incorrect number of gradients (expected ${this.inputs.length}, got ${list.length}). ` +
          'Fix: return one gradient per input of forward, null for inputs without one.',
      );
    }
    return list.map((g, i) => {
      if (g === null || g === undefined) return null;
      const shape = this.inputShapesAll[i];
      if (shape === null || shape === undefined) {
        throw new GraphError(
          'arity',
          `function ${this.name} returned a gradient for input ${i}, which is not a Tensor. Fix: return null there.`,
        );
      }
      if (!sameShape(g.shape, shape)) {
        if (!reducible(g.shape, shape)) {
          throw new GraphError(
            'shape',
            `Function ${this.name} returned an invalid gradient at index ${i} - got [${g.shape.join(', ')}] but expected shape compatible with [${shape.join(', ')}]. ` +
              "Fix: return a gradient of the input's shape.",
          );
        }
        return ops.sumToShape(g, shape);
      }
      return g;
    });
  }

  override release(): void {
    super.release();
    this.ctx.release();
  }
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** Whether a gradient of shape `from` sums to `to` (`to` broadcasts to `from`). */
function reducible(from: readonly number[], to: readonly number[]): boolean {
  if (to.length > from.length) return false;
  const lead = from.length - to.length;
  return to.every((s, i) => s === from[lead + i] || s === 1);
}

function run<A extends FunctionInput[], R extends Tensor | Tensor[]>(
  name: string,
  spec: FunctionSpec<A, R>,
  inputs: A,
): R {
  const ctx = new Ctx();
  ctx.fnName = `${name}Backward`;
  const dual = inputs.some((x) => x instanceof Tensor && x.fw !== null);
  // forward sees its inputs without tangents (PyTorch unpacks them too): jvp gives the tangent
  const seen = dual
    ? (inputs.map((x) => (x instanceof Tensor && x.fw !== null ? aliasWith(x, null) : x)) as A)
    : inputs;
  const result = noGrad(() => spec.forward(ctx, ...seen));
  const record = isGradEnabled() && inputs.some((x) => x instanceof Tensor && x.requiresGrad);
  if (!record && !dual) return result;
  const outs = (Array.isArray(result) ? result : [result]).map((o) =>
    // an input returned as is gets a new tensor object (the same memory) to carry the history
    inputs.includes(o) || seen.includes(o) ? new Tensor(o.data) : o,
  );
  if (dual) forwardTangents(name, spec, ctx, inputs, outs);
  if (!record) return (Array.isArray(result) ? outs : outs[0]) as R;
  const node = new CustomBackward(
    ctx.fnName,
    spec as unknown as FunctionSpec<FunctionInput[], Tensor | Tensor[]>,
    ctx,
    inputs,
    outs,
  );
  outs.forEach((o, k) => {
    o.gradFn = node;
    o.outputNr = k;
    o.requiresGradFlag = true;
  });
  return (Array.isArray(result) ? outs : outs[0]) as R;
}

/** Gives each output its tangent from the spec's jvp (one call per output and level). */
function forwardTangents<A extends FunctionInput[], R extends Tensor | Tensor[]>(
  name: string,
  spec: FunctionSpec<A, R>,
  ctx: Ctx,
  inputs: A,
  outs: readonly Tensor[],
): void {
  const jvp = spec.jvp;
  if (jvp === undefined) {
    throw new GraphError(
      'no-jvp',
      `custom function ${name} got an input with a forward-mode tangent but defines no jvp. ` +
        'Fix: give it a jvp(ctx, ...inputTangents) returning the tangent of each output, or ' +
        'differentiate it in reverse mode (jacrev instead of jacfwd).',
    );
  }
  const tensors = inputs.map((x) => (x instanceof Tensor ? x : null));
  outs.forEach((o, k) =>
    propagate(o, tensors, (ts) => {
      const tangents = tensors.map((x, i) =>
        x === null
          ? null
          : ((ts[i] as Tensor | null) ?? new Tensor(zeros([...x.shape], { dtype: x.dtype }))),
      );
      const r = jvp.call(spec, ctx, ...tangents);
      return (Array.isArray(r) ? (r as readonly Tensor[])[k] : (r as Tensor)) ?? null;
    }),
  );
}

/**
 * Defines a differentiable function from a forward and a backward.
 *
 * @example
 * // the seed's TIMES, with its cache kept on ctx
 * const Times = defineFunction({
 *   name: 'Times',
 *   forward: (ctx, x: Tensor, y: Tensor) => {
 *     ctx.saveForBackward(x, y);
 *     return x.mul(y);
 *   },
 *   backward: (ctx, dout) => {
 *     const [x, y] = ctx.savedTensors;
 *     return [y!.mul(dout!), x!.mul(dout!)];
 *   },
 * });
 * Times.apply(tensor([2], { requiresGrad: true }), tensor([3])); // tensor([6.], grad_fn=<TimesBackward>)
 */
export function defineFunction<A extends FunctionInput[], R extends Tensor | Tensor[]>(
  spec: FunctionSpec<A, R>,
): CustomFunction<A, R> {
  const name = spec.name ?? 'Custom';
  return { name, apply: (...inputs: A) => run(name, spec, inputs) };
}

/**
 * PyTorch's class style: `class Exp extends Function { static forward(ctx, x) {…} static
 * backward(ctx, g) {…} }`, then `Exp.apply(x)`. The grad_fn is named after the class.
 */
export class Function {
  static apply<A extends FunctionInput[], R extends Tensor | Tensor[]>(
    this: {
      name: string;
      forward(ctx: FunctionCtx, ...inputs: A): R;
      backward(ctx: FunctionCtx, ...gradOutputs: Tensor[]): FunctionGrad | readonly FunctionGrad[];
      jvp?(ctx: FunctionCtx, ...tangents: (Tensor | null)[]): Tensor | readonly Tensor[];
    },
    ...inputs: A
  ): R {
    const spec: FunctionSpec<A, R> = { forward: this.forward, backward: this.backward };
    if (this.jvp !== undefined) spec.jvp = this.jvp;
    return run(this.name, spec, inputs);
  }
}
