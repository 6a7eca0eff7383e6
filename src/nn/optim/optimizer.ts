/**
 * `Optimizer`: the base of SGD, Adam, AdamW and RMSprop (PyTorch's `torch.optim.Optimizer`).
 * Parameters live in groups, each with its own hyperparameters (`lr`, …); `step()` updates
 * every parameter that has a gradient, in place and under `noGrad`, with the tensor's in-place
 * ops, so each update advances the parameter's version counter: a graph built before the step
 * that saved the parameter refuses to run its backward afterwards, as in PyTorch.
 */
import { enableGrad, fromArray, noGrad, Tensor } from '../../autograd/index.js';
import type { AnyTypedArray } from '../../tensor/index.js';
import { nonNegative } from '../check.js';
import { HyperparameterError } from '../errors.js';
import { saveTensor, type TensorState } from '../stateDict.js';

/** The hyperparameters every optimiser has. */
export interface BaseHyperparameters {
  lr: number;
}

/** A parameter group: its parameters and hyperparameters (PyTorch's `param_groups[i]`). */
export type ParamGroup<H> = H & { params: Tensor[] };

/** A group as given to the constructor: hyperparameters left out take the defaults. */
export type ParamGroupInput<H> = Partial<H> & { params: Iterable<Tensor> };

/** What an optimiser takes: parameters (e.g. `model.parameters()`) or parameter groups. */
export type ParamsInput<H> = Iterable<Tensor> | readonly ParamGroupInput<H>[];

/** A value in an optimiser's per-parameter state. */
export type StateValue = Tensor | number | null;

/** An optimiser's state dict (PyTorch's format, parameters numbered in group order). */
export interface OptimizerStateDict<H> {
  state: Record<number, Record<string, TensorState | number | null>>;
  paramGroups: (H & { params: number[] })[];
}

function isTensorState(v: unknown): v is TensorState {
  return typeof v === 'object' && v !== null && 'shape' in v && 'data' in v;
}

/** A saved tensor back as a Tensor of `like`'s dtype (its data may be a plain array after JSON). */
function restoreTensor(v: TensorState, like: Tensor): Tensor {
  const data: ArrayLike<number> = v.data;
  const values = ArrayBuffer.isView(data)
    ? (data as AnyTypedArray).slice()
    : Float64Array.from(data as ArrayLike<number>);
  const t = fromArray(values, v.shape);
  return t.dtype === like.dtype ? t : t.to(like.dtype);
}

export abstract class Optimizer<
  H extends BaseHyperparameters,
  S extends { [key: string]: StateValue },
> {
  readonly defaults: Readonly<H>;
  readonly paramGroups: ParamGroup<H>[] = [];
  /** Per-parameter state (momentum buffers, moment estimates…), made on the first step. */
  readonly state = new Map<Tensor, S>();

  constructor(params: ParamsInput<H>, defaults: H) {
    this.checkHyperparameters(defaults);
    this.defaults = Object.freeze({ ...defaults });
    const list = [...(params as Iterable<Tensor | ParamGroupInput<H>>)];
    if (list.length === 0) {
      throw new HyperparameterError(
        'params',
        '[]',
        'a non-empty list of parameters (did model.parameters() find none?)',
        this.typeName,
      );
    }
    const groups: ParamGroupInput<H>[] = list.every((x) => x instanceof Tensor)
      ? [{ params: list as Tensor[] } as unknown as ParamGroupInput<H>]
      : (list as ParamGroupInput<H>[]);
    for (const g of groups) this.addParamGroup(g);
  }

  /** The class name, used in error messages. */
  get typeName(): string {
    return this.constructor.name;
  }

  /** Throws a HyperparameterError naming the first bad value. */
  protected checkHyperparameters(h: H): void {
    nonNegative(this.typeName, 'lr', h.lr);
  }

  /** Adds a group (e.g. a layer to fine-tune with its own lr); missing options take the defaults. */
  addParamGroup(group: ParamGroupInput<H>): void {
    if (group === null || typeof group !== 'object' || !('params' in group)) {
      throw new HyperparameterError(
        'params',
        String(group),
        'tensors, or groups { params, ...options }',
        this.typeName,
      );
    }
    const params = [...group.params];
    const taken = new Set(this.paramGroups.flatMap((g) => g.params));
    const own = new Set<Tensor>();
    for (const p of params) {
      if (!(p instanceof Tensor)) {
        throw new HyperparameterError('params', String(p), 'Tensors (Parameters)', this.typeName);
      }
      if (!p.isLeaf) {
        throw new HyperparameterError(
          'params',
          `a non-leaf tensor (grad_fn=<${p.gradFn?.name ?? ''}>)`,
          "leaf tensors: can't optimize a non-leaf Tensor; optimise the tensors it was computed from",
          this.typeName,
        );
      }
      if (taken.has(p) || own.has(p)) {
        throw new HyperparameterError(
          'params',
          `a tensor of shape [${p.shape.join(', ')}] listed twice`,
          'groups that share no parameter: some parameters appear in more than one parameter group',
          this.typeName,
        );
      }
      own.add(p);
    }
    const { params: _ignored, ...overrides } = group;
    const full = { ...this.defaults, ...overrides } as H;
    this.checkHyperparameters(full);
    this.paramGroups.push({ ...full, params });
  }

  /** Clears the gradients: to null by default (PyTorch 2's `set_to_none=True`), or to zeros. */
  zeroGrad(setToNone = true): void {
    for (const g of this.paramGroups) {
      for (const p of g.params) {
        const grad = p.grad;
        if (grad === null) continue;
        if (setToNone) p.grad = null;
        else noGrad(() => grad.zero_());
      }
    }
  }

  /**
   * One update of every parameter that has a gradient. `closure`, if given, is run first
   * with gradients enabled (it should clear the gradients, compute the loss, call backward
   * and return the loss); `step` returns what it returned.
   */
  step<L>(closure?: () => L): L | undefined {
    const loss = closure === undefined ? undefined : enableGrad(closure);
    noGrad(() => {
      for (const group of this.paramGroups) {
        for (const p of group.params) {
          const grad = p.grad;
          if (grad === null) continue;
          this.update(p, grad, group, this.stateOf(p));
        }
      }
    });
    return loss;
  }

  private stateOf(p: Tensor): S {
    let s = this.state.get(p);
    if (s === undefined) {
      s = this.initState(p);
      this.state.set(p, s);
    }
    return s;
  }

  /** The state of a parameter before its first step. */
  protected abstract initState(p: Tensor): S;

  /** Updates `p` in place from its gradient (runs under noGrad). */
  protected abstract update(p: Tensor, grad: Tensor, group: ParamGroup<H>, state: S): void;

  /** The state and hyperparameters, parameters numbered in group order (copies). */
  stateDict(): OptimizerStateDict<H> {
    const state: OptimizerStateDict<H>['state'] = {};
    const paramGroups: OptimizerStateDict<H>['paramGroups'] = [];
    let index = 0;
    for (const group of this.paramGroups) {
      const { params, ...hyper } = group;
      const ids: number[] = [];
      for (const p of params) {
        const s = this.state.get(p);
        if (s !== undefined) {
          const saved: Record<string, TensorState | number | null> = {};
          for (const [k, v] of Object.entries(s))
            saved[k] = v instanceof Tensor ? saveTensor(v) : v;
          state[index] = saved;
        }
        ids.push(index++);
      }
      paramGroups.push({ ...(hyper as unknown as H), params: ids });
    }
    return { state, paramGroups };
  }

  /** Restores state and hyperparameters saved by `stateDict()` from an optimiser of the same layout. */
  loadStateDict(dict: OptimizerStateDict<H>): void {
    if (dict.paramGroups.length !== this.paramGroups.length) {
      throw new HyperparameterError(
        'paramGroups',
        `${dict.paramGroups.length} groups`,
        `a state dict with ${this.paramGroups.length} groups, as this optimiser has`,
        this.typeName,
      );
    }
    const byIndex: Tensor[] = [];
    dict.paramGroups.forEach((saved, i) => {
      const group = this.paramGroups[i]!;
      if (saved.params.length !== group.params.length) {
        throw new HyperparameterError(
          `paramGroups[${i}].params`,
          `${saved.params.length} parameters`,
          `${group.params.length} parameters, as this optimiser's group ${i} has`,
          this.typeName,
        );
      }
      saved.params.forEach((id, j) => (byIndex[id] = group.params[j]!));
    });
    dict.paramGroups.forEach((saved, i) => {
      const { params: _ids, ...hyper } = saved;
      const group = this.paramGroups[i]!;
      this.checkHyperparameters({ ...group, ...hyper } as H);
      Object.assign(group, hyper);
    });
    this.state.clear();
    for (const [id, saved] of Object.entries(dict.state)) {
      const p = byIndex[Number(id)];
      if (p === undefined) continue;
      const s: Record<string, StateValue> = {};
      for (const [k, v] of Object.entries(saved)) {
        s[k] = isTensorState(v) ? restoreTensor(v, p) : v;
      }
      this.state.set(p, s as S);
    }
  }
}
