/**
 * `Module`: the base class of layers and models (PyTorch's `nn.Module`).
 *
 * PyTorch registers parameters and submodules in `__setattr__`. JavaScript has no such hook
 * that stays cheap and typed, so a Module finds them by looking at its own properties, in
 * the order they were defined: a `Parameter` is a parameter, a `Module` is a child, an array
 * of either gives `name.0`, `name.1`, … (PyTorch's ModuleList/ParameterList naming). Buffers
 * (tensors saved in the state dict that are not trained) are declared with `registerBuffer`.
 *
 * A module is run with `module.forward(x)`: JavaScript objects cannot be made callable without
 * a Proxy or a function object, either of which would cost every call and confuse types.
 */
import { noGrad, type Tensor } from '../autograd/index.js';
import type { FloatDType } from '../tensor/index.js';
import { Parameter } from './parameter.js';
import { moduleRepr } from './repr.js';
import {
  loadInto,
  saveTensor,
  type LoadResult,
  type StateDict,
  type StateDictInput,
} from './stateDict.js';

/** Any module, whatever its forward takes and returns. */
export type AnyModule = Module<never[], unknown>;

/** One own member a module found: a parameter, a child module or a buffer. */
type Member =
  | { kind: 'parameter'; name: string; value: Parameter }
  | { kind: 'module'; name: string; value: AnyModule }
  | { kind: 'buffer'; name: string; value: Tensor; persistent: boolean };

export abstract class Module<In extends unknown[] = [Tensor], Out = Tensor> {
  /** Whether the module is in training mode (Dropout drops only then); see `train`/`eval`. */
  training = true;
  /** Names of own properties registered as buffers, and whether each is saved. */
  readonly #buffers = new Map<string, boolean>();

  /** The computation. Call it directly: `model.forward(x)`. */
  abstract forward(...inputs: In): Out;

  /**
   * The own properties to look at for parameters and children, in order. Containers such as
   * Sequential override it to name their members `0`, `1`, ….
   */
  protected ownEntries(): Iterable<readonly [string, unknown]> {
    return Object.entries(this);
  }

  /** Own parameters, children and buffers, in definition order. */
  private *members(): Generator<Member> {
    for (const [name, value] of this.ownEntries()) {
      const persistent = this.#buffers.get(name);
      if (persistent !== undefined) {
        if (value !== null && value !== undefined)
          yield { kind: 'buffer', name, value: value as Tensor, persistent };
        continue;
      }
      if (value instanceof Parameter) yield { kind: 'parameter', name, value };
      else if (value instanceof Module) yield { kind: 'module', name, value: value as AnyModule };
      else if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const v: unknown = value[i];
          if (v instanceof Parameter) yield { kind: 'parameter', name: `${name}.${i}`, value: v };
          else if (v instanceof Module)
            yield { kind: 'module', name: `${name}.${i}`, value: v as AnyModule };
        }
      }
    }
  }

  /**
   * Declares `this[name] = tensor` a buffer: saved in the state dict (unless `persistent` is
   * false) but not a parameter. PyTorch's `register_buffer`.
   */
  registerBuffer(name: string, tensor: Tensor | null, persistent = true): void {
    this.#buffers.set(name, persistent);
    (this as unknown as Record<string, unknown>)[name] = tensor;
  }

  /** Direct submodules as [name, module], each once. */
  namedChildren(): [string, AnyModule][] {
    const seen = new Set<AnyModule>();
    const out: [string, AnyModule][] = [];
    for (const m of this.members()) {
      if (m.kind === 'module' && !seen.has(m.value)) {
        seen.add(m.value);
        out.push([m.name, m.value]);
      }
    }
    return out;
  }

  /** Direct submodules. */
  children(): AnyModule[] {
    return this.namedChildren().map(([, m]) => m);
  }

  /** This module and every module below it, depth first, each once: [dotted name, module]. */
  namedModules(prefix = ''): [string, AnyModule][] {
    const out: [string, AnyModule][] = [];
    const seen = new Set<AnyModule>();
    const visit = (m: AnyModule, name: string): void => {
      if (seen.has(m)) return;
      seen.add(m);
      out.push([name, m]);
      for (const [childName, child] of m.namedChildren()) {
        visit(child, name === '' ? childName : `${name}.${childName}`);
      }
    };
    visit(this as unknown as AnyModule, prefix);
    return out;
  }

  /** This module and every module below it. */
  modules(): AnyModule[] {
    return this.namedModules().map(([, m]) => m);
  }

  /**
   * Parameters by dotted name (`0.weight`), depth first; a parameter shared by two modules
   * is listed once, under its first name (PyTorch's `remove_duplicate=True`).
   */
  namedParameters(prefix = '', recurse = true): [string, Parameter][] {
    return this.collect('parameter', prefix, recurse) as [string, Parameter][];
  }

  /** The parameters (each once): what an optimiser takes. */
  parameters(recurse = true): Parameter[] {
    return this.namedParameters('', recurse).map(([, p]) => p);
  }

  /** Buffers by dotted name. */
  namedBuffers(prefix = '', recurse = true): [string, Tensor][] {
    return this.collect('buffer', prefix, recurse);
  }

  buffers(recurse = true): Tensor[] {
    return this.namedBuffers('', recurse).map(([, b]) => b);
  }

  private collect(
    kind: 'parameter' | 'buffer',
    prefix: string,
    recurse: boolean,
  ): [string, Tensor][] {
    const modules = recurse
      ? this.namedModules(prefix)
      : ([[prefix, this]] as [string, AnyModule][]);
    const seen = new Set<Tensor>();
    const out: [string, Tensor][] = [];
    for (const [moduleName, m] of modules) {
      for (const member of m.members()) {
        if (member.kind !== kind || seen.has(member.value)) continue;
        seen.add(member.value);
        out.push([moduleName === '' ? member.name : `${moduleName}.${member.name}`, member.value]);
      }
    }
    return out;
  }

  /** Sets training mode on this module and all below it; returns this. */
  train(mode = true): this {
    for (const m of this.modules()) m.training = mode;
    return this;
  }

  /** Evaluation mode (`train(false)`): Dropout passes values through. Returns this. */
  eval(): this {
    return this.train(false);
  }

  /** Sets `requiresGrad` on every parameter (freezing or unfreezing them); returns this. */
  requiresGrad_(on = true): this {
    for (const p of this.parameters()) p.requiresGrad_(on);
    return this;
  }

  /**
   * Clears the parameters' gradients: to null by default (PyTorch 2's `set_to_none=True`),
   * or to zeros in place when `setToNone` is false.
   */
  zeroGrad(setToNone = true): void {
    for (const p of this.parameters()) {
      const g = p.grad;
      if (g === null) continue;
      if (setToNone) p.grad = null;
      else noGrad(() => g.zero_());
    }
  }

  /** Calls `fn` on every submodule, then on this one (e.g. custom init); returns this. */
  apply(fn: (m: AnyModule) => void): this {
    for (const child of this.children()) child.apply(fn);
    fn(this as unknown as AnyModule);
    return this;
  }

  /** Converts every parameter and buffer (and gradient) to `dtype` in place; returns this. */
  to(dtype: FloatDType): this {
    const tensors = [...this.parameters(), ...this.buffers()];
    for (const t of tensors) {
      if (t.dtype !== 'float64' && t.dtype !== 'float32') continue;
      t.data = t.data.to(dtype);
      const g = t.grad;
      if (g !== null) t.grad = g.to(dtype);
    }
    return this;
  }

  double(): this {
    return this.to('float64');
  }

  float(): this {
    return this.to('float32');
  }

  /** The tensors a state dict holds: own parameters, own persistent buffers, then children's. */
  private stateTensors(): Map<string, Tensor> {
    const out = new Map<string, Tensor>();
    for (const [moduleName, m] of this.namedModules()) {
      const members = [...m.members()];
      // each module's parameters, then its buffers (PyTorch's _save_to_state_dict)
      for (const kind of ['parameter', 'buffer'] as const) {
        for (const member of members) {
          if (member.kind !== kind) continue;
          if (member.kind === 'buffer' && !member.persistent) continue;
          const key = moduleName === '' ? member.name : `${moduleName}.${member.name}`;
          if (!out.has(key)) out.set(key, member.value);
        }
      }
    }
    return out;
  }

  /**
   * Copies of the parameters and persistent buffers by dotted name (PyTorch's `state_dict()`),
   * as `{ shape, dtype, data }` with a typed array.
   */
  stateDict(): StateDict {
    const out: StateDict = {};
    for (const [key, t] of this.stateTensors()) out[key] = saveTensor(t);
    return out;
  }

  /**
   * Copies values into the parameters and buffers in place (their version counters advance).
   * Strict by default: missing or unexpected keys throw a StateDictError naming them; shape
   * mismatches always do. Nothing is copied when it throws.
   */
  loadStateDict(state: StateDictInput, options: { strict?: boolean } = {}): LoadResult {
    return loadInto(this.typeName, this.stateTensors(), state, options.strict ?? true);
  }

  /** The class name shown by `toString` (the constructor's name). */
  get typeName(): string {
    return this.constructor.name;
  }

  /** The part inside the parentheses of the repr, e.g. `in_features=2, out_features=3, bias=True`. */
  extraRepr(): string {
    return '';
  }

  /** PyTorch's repr: `Sequential(\n  (0): Linear(in_features=2, out_features=3, bias=True)\n)`. */
  toString(): string {
    return moduleRepr(
      this.typeName,
      this.extraRepr(),
      this.namedChildren().map(([name, m]) => [name, m.toString()] as const),
    );
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
