/** `Sequential`: layers applied one after another (PyTorch's `nn.Sequential`). */
import type { Tensor } from '../../autograd/index.js';
import { IndexError } from '../../tensor/index.js';
import { Module } from '../module.js';

/** A layer that maps one tensor to one tensor: what a Sequential chains. */
export type Layer = Module<[Tensor], Tensor>;

/**
 * Runs its layers in order; they are named `0`, `1`, … in `namedParameters()`, the state dict
 * and the repr, as in PyTorch.
 *
 * @example
 * const model = new Sequential(new Linear(2, 8), new ReLU(), new Linear(8, 1));
 * model.forward(x);
 */
export class Sequential extends Module {
  readonly #layers: Layer[];

  constructor(...layers: Layer[]) {
    super();
    this.#layers = layers.slice();
  }

  protected override *ownEntries(): Iterable<readonly [string, unknown]> {
    yield* super.ownEntries();
    for (let i = 0; i < this.#layers.length; i++) yield [String(i), this.#layers[i]];
  }

  forward(x: Tensor): Tensor {
    let y = x;
    for (const layer of this.#layers) y = layer.forward(y);
    return y;
  }

  get length(): number {
    return this.#layers.length;
  }

  /** The layer at `index` (negative counts from the end). */
  at(index: number): Layer {
    const n = this.#layers.length;
    const i = index < 0 ? index + n : index;
    const layer = Number.isInteger(i) ? this.#layers[i] : undefined;
    if (layer === undefined) {
      throw new IndexError(
        `index ${index} is out of range for a Sequential of ${n} layers. Fix: use an index in [${-n}, ${n - 1}].`,
        index,
        n,
      );
    }
    return layer;
  }

  /** Adds a layer at the end; returns this. */
  append(layer: Layer): this {
    this.#layers.push(layer);
    return this;
  }

  [Symbol.iterator](): Iterator<Layer> {
    return this.#layers[Symbol.iterator]();
  }
}
