/**
 * Second derivatives: `hessian(f)` as jacfwd(jacrev(f)) (forward over reverse, as JAX and
 * torch.func do: n forward passes, each carrying one backward pass), and `hvp`, the
 * Hessian-vector product H·v as jvp(grad(f)) in a single forward-over-reverse pass, without
 * forming H. A custom function without a jvp cannot run in forward mode: then both fall back
 * to reverse over reverse (its backward, recorded, is differentiated again).
 */
import { GraphError, type Tensor } from '../autograd/index.js';
import { asTensor, type Arg, type Loosen } from './args.js';
import { valueAndGrads } from './grad.js';
import { jacfwd, jacrev } from './jacobian.js';
import { jvpWithAux } from './jvp.js';

export interface HessianOptions {
  /** Which argument to differentiate twice (default 0). */
  argnums?: number;
}

type AnyFn = (...args: Tensor[]) => Tensor;

/** argnums 0, as the list valueAndGrads takes. */
const FIRST: readonly number[] = [0];

/** Runs `forward`, or `reverse` when forward mode meets a custom function without a jvp. */
function forwardOrReverse<R>(forward: () => R, reverse: () => R): R {
  try {
    return forward();
  } catch (e) {
    if (e instanceof GraphError && e.reason === 'no-jvp') return reverse();
    throw e;
  }
}

/**
 * The Hessian of f with respect to argument `argnums` (default 0): shape
 * out.shape ++ arg.shape ++ arg.shape (for the usual one-element f, arg.shape ++ arg.shape).
 *
 * @example
 * const f = (p: Tensor) => p.select(0, 0).pow(2).mul(p.select(0, 1).log());
 * hessian(f)(tensor([1, 2])); // [[2 log 2, 1], [1, -1/4]]
 */
export function hessian<A extends Tensor[]>(
  f: (...args: A) => Tensor,
  options: HessianOptions = {},
): (...args: Loosen<A>) => Tensor {
  const argnums = options.argnums ?? 0;
  const first = jacrev(f, { argnums }) as unknown as AnyFn;
  const fwd = jacfwd(first, { argnums }) as unknown as AnyFn;
  const rev = jacrev(first, { argnums }) as unknown as AnyFn;
  return ((...args: Tensor[]) =>
    forwardOrReverse(
      () => fwd(...args),
      () => rev(...args),
    )) as unknown as (...args: Loosen<A>) => Tensor;
}

/**
 * [f(x), H·v]: the Hessian of a one-element f at x times v (shaped like x), by forward over
 * reverse mode: one pass, the Hessian never formed.
 *
 * @example
 * hvp((x: Tensor) => x.pow(3).sum(), tensor([1, 2]), tensor([1, 0])); // [tensor(9.), tensor([6., 0.])]
 */
export function hvp(f: (x: Tensor) => Tensor, x: Arg, v: Arg): [Tensor, Tensor] {
  const xt = asTensor(x, 'hvp', 'x');
  const vt = asTensor(v, 'hvp', 'v');
  const g = f as (...a: never[]) => unknown;
  return forwardOrReverse(
    () => {
      const [, hv, value] = jvpWithAux(
        'hvp',
        (xi: Tensor) => {
          const r = valueAndGrads('hvp', g, [xi], FIRST, false);
          return [r.grads[0]!, r.value];
        },
        [xt],
        [vt],
        true,
      );
      return [value as Tensor, hv];
    },
    () => {
      // H·v = ∇(∇f · v): the gradient of a one-element function of x
      const r = valueAndGrads(
        'hvp',
        (xi: Tensor) => {
          const inner = valueAndGrads('hvp', g, [xi], FIRST, false);
          return [inner.grads[0]!.mul(vt).sum(), inner.value];
        },
        [xt],
        FIRST,
        true,
      );
      return [r.aux as Tensor, r.grads[0]!];
    },
  );
}
