/**
 * PyTorch's `torch.autograd.functional`: vjp, jvp, hvp, jacobian and hessian of a function of
 * tensors, built on the reverse-mode engine. jvp uses the double-backward trick (as PyTorch's
 * does): with g(v) = Jᵀv, which is linear in v, J·u = ∂(g(v)·u)/∂v, one backward through the
 * recorded backward pass; so it works for every op that works under createGraph.
 */
import { ones as ndOnes, zeros as ndZeros } from '../tensor/index.js';
import { grad } from './api.js';
import { enableGrad } from './gradMode.js';
import { stack } from './functional.js';
import { Tensor } from './tensor.js';

type Fn = (...inputs: Tensor[]) => Tensor;

export interface DerivativeOptions {
  /** Keep the result differentiable (record the passes), for derivatives of higher order. */
  createGraph?: boolean;
}

/** Fresh leaves with the inputs' values (and dtype) that require grad. */
function leaves(inputs: Tensor | readonly Tensor[]): Tensor[] {
  const list = inputs instanceof Tensor ? [inputs] : [...inputs];
  return list.map((t) => (t.requiresGrad && !t.isLeaf ? t : new Tensor(t.data).requiresGrad_()));
}

function zerosLikeOf(t: Tensor): Tensor {
  return new Tensor(ndZeros([...t.shape], { dtype: t.dtype }));
}

/**
 * The vector-Jacobian product vᵀJ of `fn` at `inputs`, one result per input; `v` may be left
 * out when `fn` returns one element. Returns [fn(inputs), vjps].
 *
 * @example
 * vjp((x) => x.pow(2), tensor([1, 2]), tensor([1, 1]))[1]; // [tensor([2., 4.])]
 */
export function vjp(
  fn: Fn,
  inputs: Tensor | readonly Tensor[],
  v?: Tensor,
  options: DerivativeOptions = {},
): [Tensor, Tensor[]] {
  const xs = leaves(inputs);
  return enableGrad(() => {
    const out = fn(...xs);
    if (!out.requiresGrad) return [out, xs.map(zerosLikeOf)];
    const g = grad(out, xs, {
      ...(v ? { gradOutputs: v } : {}),
      createGraph: options.createGraph ?? false,
      materializeGrads: true,
    });
    return [out, g as Tensor[]];
  });
}

/**
 * The Jacobian-vector product J·u of `fn` at `inputs`, with one tangent per input (u may be
 * left out when there is one input with one element). Returns [fn(inputs), J·u].
 *
 * @example
 * jvp((x) => x.pow(2), tensor([1, 2]), tensor([1, 0]))[1]; // tensor([2., 0.])
 */
export function jvp(
  fn: Fn,
  inputs: Tensor | readonly Tensor[],
  u?: Tensor | readonly Tensor[],
  options: DerivativeOptions = {},
): [Tensor, Tensor] {
  const xs = leaves(inputs);
  const tangents =
    u === undefined
      ? xs.map((x) => new Tensor(ndOnes([...x.shape], { dtype: x.dtype })))
      : u instanceof Tensor
        ? [u]
        : [...u];
  return enableGrad(() => {
    const out = fn(...xs);
    if (!out.requiresGrad) return [out, zerosLikeOf(out)];
    // g(v) = Jᵀv with v a dummy that requires grad; then J·u = ∂(g(v)·u)/∂v
    const v = zerosLikeOf(out).requiresGrad_();
    const gs = grad(out, xs, { gradOutputs: v, createGraph: true, materializeGrads: true });
    const live = gs.map((g, i) => [g!, tangents[i]!] as const).filter(([g]) => g.requiresGrad);
    if (live.length === 0) return [out, zerosLikeOf(out)];
    const [ju] = grad(
      live.map(([g]) => g),
      v,
      {
        gradOutputs: live.map(([, t]) => t),
        createGraph: options.createGraph ?? false,
        materializeGrads: true,
      },
    );
    return [out, ju!];
  });
}

/**
 * The Jacobian of `fn` at `input`: a tensor of shape out.shape ++ input.shape (one backward
 * pass per output element).
 */
export function jacobian(
  fn: (x: Tensor) => Tensor,
  input: Tensor,
  options: DerivativeOptions = {},
): Tensor {
  const [x] = leaves(input);
  return enableGrad(() => {
    const out = fn(x!);
    const n = out.numel();
    const flat = out.reshape([n]);
    const rows: Tensor[] = [];
    for (let k = 0; k < n; k++) {
      const [g] = out.requiresGrad
        ? grad(flat.select(0, k), x!, {
            retainGraph: true,
            createGraph: options.createGraph ?? false,
            materializeGrads: true,
          })
        : [zerosLikeOf(x!)];
      rows.push(g!.reshape([x!.numel()]));
    }
    const m = rows.length === 0 ? zerosLikeOf(x!).reshape([0, x!.numel()]) : stack(rows);
    return m.reshape([...out.shape, ...x!.shape]);
  });
}

/** The Hessian of a one-element `fn` at `input`: shape input.shape ++ input.shape. */
export function hessian(
  fn: (x: Tensor) => Tensor,
  input: Tensor,
  options: DerivativeOptions = {},
): Tensor {
  return jacobian(
    (x) =>
      enableGrad(() => {
        const y = fn(x);
        return y.requiresGrad
          ? grad(y, x, { createGraph: true, materializeGrads: true })[0]!
          : zerosLikeOf(x);
      }),
    input,
    options,
  );
}

/** The Hessian-vector product H·v of a one-element `fn` at `input`. Returns [fn(input), H·v]. */
export function hvp(
  fn: (x: Tensor) => Tensor,
  input: Tensor,
  v: Tensor,
  options: DerivativeOptions = {},
): [Tensor, Tensor] {
  const [x] = leaves(input);
  return enableGrad(() => {
    const y = fn(x!);
    const [g] = grad(y, x!, { createGraph: true, materializeGrads: true });
    if (!g!.requiresGrad) return [y, zerosLikeOf(x!)];
    // H is symmetric: H·v = ∂(g·v)/∂x
    const [hv] = grad(g!.mul(v).sum(), x!, {
      createGraph: options.createGraph ?? false,
      materializeGrads: true,
    });
    return [y, hv!];
  });
}
