/**
 * The recorded graph: a tensor with history (`TensorBase`) and the grad functions (`Node`s)
 * that the backward pass runs. They live in one file because each refers to the other (a
 * tensor's `gradFn` is a node; a leaf's `AccumulateGrad` node writes into its tensor), and the
 * import graph of mibun has no cycles.
 *
 * Conventions, as PyTorch's: a node is the backward of one forward op. It receives one
 * gradient per forward output and returns one per forward input; `next[i]` is the node that
 * produced forward input i (its `gradFn`, or the `AccumulateGrad` of a leaf, or null for an
 * input that needs no gradient) and `nextSlot[i]` which output of that node it was.
 */
import type { Algebra } from '../rules/index.js';
import { NDArray, type DType, type DTypeArray } from '../tensor/index.js';
import { captureForwardTrace, isAnomalyEnabled } from './anomaly.js';
import { GraphError, VersionError, freedError } from './errors.js';
import type { DualLevel } from './forward/level.js';
import { warnNonLeafGrad } from './warnings.js';

export type Shape = readonly number[];

/** A gradient hook: returns a replacement gradient, or nothing to keep the one it was given. */
export type GradHook = (grad: TensorBase) => TensorBase | void;

/** What `registerHook` returns: call `remove()` to unregister. */
export interface RemovableHandle {
  remove(): void;
}

/**
 * The differentiable ops that backward formulas are written with. The engine passes one
 * implementation to every node; under `createGraph` its ops record, so that a backward pass
 * is itself differentiable. The elementwise part is the rules table's `Algebra`.
 */
export interface GradOps extends Algebra<TensorBase> {
  /** Sums `g` over the dimensions that broadcasting stretched, back to `shape`. */
  sumToShape(g: TensorBase, shape: Shape): TensorBase;
  /** Broadcasts `g` to `shape` (the transpose of sumToShape). */
  expand(g: TensorBase, shape: Shape): TensorBase;
  reshape(g: TensorBase, shape: Shape): TensorBase;
  permute(g: TensorBase, dims: readonly number[]): TensorBase;
  transpose(g: TensorBase, dim0: number, dim1: number): TensorBase;
  matmul(a: TensorBase, b: TensorBase): TensorBase;
  sum(g: TensorBase, dims: readonly number[], keepdim: boolean): TensorBase;
  /** An all-zero tensor of `shape` and `like`'s dtype, recorded as a constant. */
  zeros(shape: Shape, like: TensorBase): TensorBase;
  /** `g` converted to `dtype` (a gradient goes back to its input's float dtype). */
  cast(g: TensorBase, dtype: DType): TensorBase;
}

/**
 * A forward-mode tangent: the directional derivative of a tensor at one dual level. The
 * tangent is an ordinary tensor (it may carry tangents of outer levels, and a history of its
 * own, so derivatives of derivatives work).
 */
export interface TangentEntry {
  readonly level: DualLevel;
  readonly tangent: TensorBase;
}

/** One removable entry of a hook list. */
interface HookEntry {
  fn: GradHook;
}

/** A grad function: the backward of one recorded op. */
export abstract class Node {
  /** PyTorch's name for it, e.g. `MulBackward0` (the seed prints it). */
  readonly name: string;
  /** The node behind each forward input, or null for an input that needs no gradient. */
  next: (Node | null)[] = NO_EDGES;
  /** Which output of `next[i]` forward input i was; null when all are output 0. */
  nextSlot: number[] | null = null;
  /**
   * The shape of each forward input that the op broadcast (null entries elsewhere); null when
   * none was. The engine, not the node, sums those gradients back: ḡᵢ = sumToShape(ḡᵢ, shapeᵢ).
   */
  inputShapes: (Shape | null)[] | null = null;
  /** How many outputs the forward op had (custom functions may have several). */
  numOutputs = 1;
  /** Where the forward op was called, recorded in anomaly mode. */
  readonly trace: string | null;
  /** Set once the saved values are released: a second backward through this node fails. */
  freed = false;

  // Engine bookkeeping for the backward pass that is running (reset when it ends).
  /** @internal the pass that visited this node, 0 when none is running over it */
  epoch = 0;
  /** @internal gradients still to arrive before the node can run */
  pending = 0;
  /** @internal whether a gradient for this node is wanted (grad() prunes the others) */
  needed = false;
  /** @internal the gradient summed so far (a node with one forward output) */
  grad0: TensorBase | null = null;
  /** @internal the gradients summed so far, one per forward output (several outputs) */
  buffer: (TensorBase | null)[] | null = null;
  /**
   * @internal the gradients the pass delivers from this node (grad()'s inputs), as flat pairs:
   * the gradient reaching output `captures[2k]` goes to entry `captures[2k + 1]` of the result
   */
  captures: number[] | null = null;

  /** Tensor hooks per forward output (the hooks of the tensor that output became). */
  preHooks: (HookEntry[] | null)[] | null = null;
  /** Tensors that called `retainGrad()`, per forward output. */
  retained: (TensorBase | null)[] | null = null;

  constructor(name: string) {
    this.name = name;
    this.trace = isAnomalyEnabled() ? captureForwardTrace() : null;
  }

  /**
   * Gradients of the forward inputs given those of the forward outputs (`grads[k]` is null
   * when no gradient reached output k). Entry i may be null when `needsInputGrad(i)` is false.
   * Called by the engine only, which reads the result before it runs another node: a node
   * may return the same array every time.
   */
  abstract apply(grads: readonly (TensorBase | null)[], ops: GradOps): (TensorBase | null)[];

  /** Releases the saved values (after a backward without `retainGraph`). */
  release(): void {
    this.freed = true;
  }

  /** Whether the backward pass that is running wants the gradient of forward input `i`. */
  needsInputGrad(i: number): boolean {
    const n = this.next[i];
    return n !== null && n !== undefined && n.needed;
  }

  /** PyTorch's `next_functions`: `[node, outputNr]` per forward input. */
  get nextFunctions(): [Node | null, number][] {
    return this.next.map((n, i) => [n, this.nextSlot?.[i] ?? 0]);
  }

  /** Hooks this node's forward output `slot` (used by tensors' `registerHook`). */
  addPreHook(slot: number, fn: GradHook): RemovableHandle {
    this.preHooks ??= [];
    const list = (this.preHooks[slot] ??= []);
    const entry: HookEntry = { fn };
    list.push(entry);
    return {
      remove: () => {
        const at = list.indexOf(entry);
        if (at >= 0) list.splice(at, 1);
      },
    };
  }

  /** Throws PyTorch's "backward through the graph a second time" error if released. */
  protected checkNotFreed(): void {
    if (this.freed) throw freedError(this.name);
  }

  /** Throws a VersionError if `t` was modified in place since it was saved at `version`. */
  protected checkVersion(t: TensorBase, version: number): void {
    const now = t.version;
    if (now !== version) {
      throw new VersionError(this.name, t.shape, t.dtype, version, now);
    }
  }

  /** The same check for a saved NDArray. */
  protected checkArrayVersion(nd: NDArray, version: number): void {
    const now = nd.version;
    if (now !== version) {
      throw new VersionError(this.name, nd.shape, nd.dtype, version, now);
    }
  }

  toString(): string {
    return `<${this.name}>`;
  }
}

const NO_EDGES: (Node | null)[] = [];

/** The node behind a tensor used as a forward input: its gradFn, a leaf's accumulator, or null. */
export function edgeOf(t: TensorBase): Node | null {
  if (t.gradFn !== null) return t.gradFn;
  return t.requiresGradFlag ? t.gradAccumulator() : null;
}

/**
 * The sink of a leaf: adds the gradient that reaches it into the leaf's `.grad` (PyTorch's
 * `AccumulateGrad`). Accumulation is out of place, so a `.grad` tensor handed out earlier never
 * changes under its holder's feet.
 */
export class AccumulateGrad extends Node {
  constructor(readonly variable: TensorBase) {
    super('AccumulateGrad');
  }

  apply(grads: readonly (TensorBase | null)[], ops: GradOps): (TensorBase | null)[] {
    const g = grads[0];
    if (g === null || g === undefined) return NO_GRADS;
    const v = this.variable;
    const old = v.gradValue;
    v.gradValue = old === null ? ownCopy(g) : ops.add(old, g);
    return NO_GRADS;
  }
}

const NO_GRADS: (TensorBase | null)[] = [];

/**
 * The gradient a `.grad` starts from. The same gradient tensor may reach several leaves (d(a + b)
 * passes ḡ to both) or be the caller's own: a copy keeps `.grad`s from aliasing each other, so
 * an in-place change of one (`x.grad.zero_()`) touches no other. A gradient with history
 * (createGraph) or with forward-mode tangents is kept as is, to stay differentiable.
 */
export function ownCopy(g: TensorBase): TensorBase {
  if (g.requiresGradFlag || g.fw !== null) return g; // keep its history, or its tangents
  return g.nd === null
    ? g.wrapScalar(g.scalar, g.scalarShape, g.scalarDType)
    : g.wrap(g.nd.clone());
}

/**
 * A tensor with history. The user-facing `Tensor` class extends it with every op as a method;
 * the engine and the ops need only this. `data` holds the values (an NDArray, shared with
 * views and `detach()`); everything else is autograd bookkeeping.
 *
 * A one-element float tensor made by an op on one-element tensors starts as a plain number
 * (`scalar`) and gets its NDArray only when something asks for `data`: the seed's scalar
 * graphs then cost an object per op, not a typed array and a strided view.
 */
export abstract class TensorBase<D extends DType = DType> {
  /** @internal the values, or null while the tensor is held as a number */
  nd: NDArray<D> | null;
  /** @internal the value of a tensor held as a number */
  scalar: number;
  /** @internal the shape of a tensor held as a number (all ones, or []) */
  scalarShape: Shape;
  /** @internal the dtype of a tensor held as a number */
  scalarDType: D;
  /** The node that computed this tensor; null for leaves. */
  gradFn: Node | null = null;
  /** Which output of `gradFn` this tensor is. */
  outputNr = 0;
  /** @internal the flag behind `requiresGrad` (ops read it on every call) */
  requiresGradFlag = false;
  /** @internal the gradient behind `grad`, without the non-leaf warning */
  gradValue: TensorBase | null = null;
  /** Whether `retainGrad()` was called on this non-leaf. */
  retainsGrad = false;
  /** @internal the tensor this one is a view of (its memory's owner), or null */
  viewOf: TensorBase | null = null;
  /**
   * @internal forward-mode tangents, one per dual level, innermost (largest id) last; null
   * when the tensor carries none (ops check this one field to skip forward mode entirely)
   */
  fw: readonly TangentEntry[] | null = null;
  private accumulator: AccumulateGrad | null = null;

  protected constructor(nd: NDArray<D> | null, scalar: number, scalarShape: Shape, scalarDType: D) {
    this.nd = nd;
    this.scalar = scalar;
    this.scalarShape = scalarShape;
    this.scalarDType = scalarDType;
  }

  /** The values (an NDArray sharing memory with this tensor). */
  get data(): NDArray<D> {
    return this.nd ?? this.materialize();
  }

  set data(nd: NDArray<D>) {
    this.nd = nd;
  }

  get shape(): Shape {
    return this.nd === null ? this.scalarShape : this.nd.shape;
  }

  get dtype(): D {
    return this.nd === null ? this.scalarDType : this.nd.dtype;
  }

  /** @internal the in-place write count of the values (0 for a tensor held as a number) */
  get version(): number {
    return this.nd === null ? 0 : this.nd.version;
  }

  private materialize(): NDArray<D> {
    const storage = (
      this.scalarDType === 'float32' ? Float32Array.of(this.scalar) : Float64Array.of(this.scalar)
    ) as DTypeArray[D];
    const nd = new NDArray(this.scalarDType, storage, this.scalarShape);
    this.nd = nd;
    return nd;
  }

  /** A new tensor of this class around `nd`, with no history (the ops' virtual constructor). */
  abstract wrap<E extends DType>(nd: NDArray<E>): TensorBase<E>;

  /** A new one-element float tensor of this class held as a number, with no history. */
  abstract wrapScalar<E extends DType>(value: number, shape: Shape, dtype: E): TensorBase<E>;

  /** Whether gradients are computed for this tensor. */
  get requiresGrad(): boolean {
    return this.requiresGradFlag;
  }

  set requiresGrad(on: boolean) {
    this.setRequiresGrad(on);
  }

  /** A tensor computed by no recorded op (PyTorch's `is_leaf`). */
  get isLeaf(): boolean {
    return this.gradFn === null;
  }

  /**
   * The gradient summed into this tensor by backward passes; null until one reaches it.
   * Reading it on a non-leaf that did not call `retainGrad()` warns once, as PyTorch does.
   */
  get grad(): TensorBase | null {
    if (this.gradFn !== null && !this.retainsGrad) warnNonLeafGrad();
    return this.gradValue;
  }

  set grad(g: TensorBase | null) {
    if (g !== null && !sameShape(g.shape, this.shape)) {
      throw new GraphError(
        'shape',
        `assigned grad has shape [${g.shape.join(', ')}] but the tensor has shape ` +
          `[${this.shape.join(', ')}]. Fix: assign a gradient of the tensor's own shape.`,
      );
    }
    this.gradValue = g;
  }

  /** Sets `.grad` back to null (PyTorch's `zero_grad(set_to_none=True)`). */
  zeroGrad(): void {
    this.gradValue = null;
  }

  /** @internal validates and sets the flag; `requiresGrad_` and the setter call it. */
  setRequiresGrad(on: boolean): void {
    if (this.gradFn !== null) {
      if (on) return;
      throw new GraphError(
        'non-leaf-flag',
        "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach(). " +
          'Fix: call detach() on this tensor instead.',
      );
    }
    if (on && this.dtype !== 'float64' && this.dtype !== 'float32') {
      throw new GraphError(
        'dtype',
        `only Tensors of floating point dtype can require gradients, and this one is ${this.dtype}. ` +
          "Fix: convert it first, e.g. x.to('float64').",
      );
    }
    this.requiresGradFlag = on;
  }

  /** Keeps `.grad` for this non-leaf too (PyTorch's `retain_grad()`); a no-op on leaves. */
  retainGrad(): void {
    const fn = this.gradFn;
    if (fn === null) {
      if (!this.requiresGradFlag) {
        throw new GraphError(
          'no-grad',
          "can't retain_grad on Tensor that has requires_grad=False. Fix: create it with requiresGrad: true.",
        );
      }
      return;
    }
    if (this.retainsGrad) return;
    this.retainsGrad = true;
    fn.retained ??= [];
    fn.retained[this.outputNr] = this;
  }

  /**
   * Registers `fn` to run on this tensor's gradient each time a backward pass computes it;
   * `fn` may return a replacement. Returns a handle whose `remove()` unregisters it.
   */
  registerHook(fn: GradHook): RemovableHandle {
    if (!this.requiresGradFlag) {
      throw new GraphError(
        'no-grad',
        "cannot register a hook on a tensor that doesn't require gradient. Fix: create it with requiresGrad: true.",
      );
    }
    const fnNode = this.gradFn;
    if (fnNode !== null) return fnNode.addPreHook(this.outputNr, fn);
    return this.gradAccumulator().addPreHook(0, fn);
  }

  /**
   * @internal makes this tensor an alias of `src` for the backward pass: the same node (or,
   * for a leaf, the same `AccumulateGrad`, so gradients still reach `src.grad`), the same
   * memory owner. Forward mode uses aliases to see a tensor with fewer tangents.
   */
  shareHistory(src: TensorBase): void {
    this.gradFn = src.gradFn;
    this.outputNr = src.outputNr;
    this.requiresGradFlag = src.requiresGradFlag;
    if (src.gradFn === null && src.requiresGradFlag) this.accumulator = src.gradAccumulator();
    this.viewOf = src.viewOf ?? src;
  }

  /** @internal the `AccumulateGrad` node of this leaf, made on first use and kept. */
  gradAccumulator(): AccumulateGrad {
    return (this.accumulator ??= new AccumulateGrad(this));
  }
}

function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
