/**
 * mibun/func: transforms of functions, as torch.func and JAX. `grad(f)` is a function that
 * computes f's gradient, and transforms compose: `grad(grad(f))`, `jacfwd(jacrev(f))`,
 * `jvp(grad(f), …)`. Reverse mode (`grad`, `vjp`, `jacrev`) runs mibun/autograd's engine;
 * forward mode (`jvp`, `jacfwd`) its dual tensors. Functions take and return Tensors (numbers
 * are accepted for scalar arguments).
 */
export { grad, valueAndGrad } from './grad.js';
export type { GradOptions } from './grad.js';
export { vjp } from './vjp.js';
export type { VjpFn } from './vjp.js';
export { jvp } from './jvp.js';
export type { JvpOptions } from './jvp.js';
export { jacfwd, jacobian, jacrev } from './jacobian.js';
export type { JacobianOptions } from './jacobian.js';
export { hessian, hvp } from './hessian.js';
export type { HessianOptions } from './hessian.js';
export { TransformError } from './errors.js';
export type { TransformErrorReason } from './errors.js';
export type { Arg, Argnums, Loosen } from './args.js';
// forward mode on its own, for convenience (also in mibun/autograd)
export {
  Dual,
  derivative,
  dual,
  dualLevel,
  makeDual,
  unpackDual,
  valueAndDerivative,
} from '../autograd/index.js';
