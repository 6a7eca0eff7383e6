/**
 * `Parameter`: a leaf tensor that requires grad and that a Module lists in `parameters()`
 * (PyTorch's `nn.Parameter`). It shares memory with the tensor or NDArray it is made from.
 */
import { Tensor } from '../autograd/index.js';
import type { DType, FormatOptions, NDArray } from '../tensor/index.js';

export class Parameter<D extends DType = DType> extends Tensor<D> {
  /**
   * @example
   * const w = new Parameter(zeros(2, 3)); // w.requiresGrad === true, w.isLeaf === true
   */
  constructor(data: Tensor<D> | NDArray<D>, requiresGrad = true) {
    super(data instanceof Tensor ? data.data : data);
    this.requiresGrad_(requiresGrad);
  }

  /** PyTorch's repr: `Parameter containing:` and the tensor below it. */
  override toString(options: FormatOptions = {}): string {
    return `Parameter containing:\n${super.toString(options)}`;
  }
}
