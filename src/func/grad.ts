/**
 * `grad(f)` and `valueAndGrad(f)`, as JAX's and torch.func's: a function computing the
 * gradient of f (which returns a one-element Tensor) with respect to the arguments `argnums`.
 * Reverse mode underneath; composable: `grad(grad(f))` is f'', `jvp(grad(f), …)` is a
 * Hessian-vector product, and grad works inside jacfwd/jacrev/vjp as any other function.
 */
import {
  grad as autogradGrad,
  isGradEnabled,
  setGradEnabled,
  zerosLike,
  type Tensor,
} from '../autograd/index.js';
import {
  anyRequiresGrad,
  argnumsOf,
  checkArgnums,
  checkScalar,
  entryOfArg,
  outputOf,
  plain,
  plainAux,
  splitOutput,
  tensorArgs,
  type Argnums,
  type Loosen,
} from './args.js';
import { enterReverse, insideReverse, leaveReverse } from './depth.js';

export interface GradOptions {
  /** Which arguments to differentiate (default 0); an array gives an array of gradients. */
  argnums?: Argnums;
  /** f returns [output, aux]: aux is passed through untouched (JAX's has_aux). */
  hasAux?: boolean;
}

/** What `grad` computes, before it is shaped for the caller. */
interface GradResult {
  value: Tensor;
  grads: Tensor[];
  aux: unknown;
}

const RECORDED = { createGraph: true, materializeGrads: true } as const;
const UNRECORDED = { createGraph: false, materializeGrads: true } as const;

/**
 * The value and gradients of f at args: one reverse pass over one forward pass. `which` lists
 * the arguments to differentiate (checked here against the call's arguments). The hot path of
 * grad: no closures, and no arrays beyond the arguments, the targets and the gradients.
 */
export function valueAndGrads(
  transform: string,
  f: (...args: never[]) => unknown,
  args: readonly unknown[],
  which: readonly number[],
  hasAux: boolean,
): GradResult {
  checkArgnums(which, args.length, transform);
  const record = isGradEnabled() && (insideReverse() || anyRequiresGrad(args));
  enterReverse();
  const previousMode = setGradEnabled(true);
  try {
    const inputs = tensorArgs(args);
    const targets: Tensor[] = new Array<Tensor>(which.length);
    for (let k = 0; k < which.length; k++) {
      const i = which[k]!;
      inputs[i] = entryOfArg(args[i], inputs[i], record, transform, i);
    }
    // after all entries are in place: a repeated argnum targets the entry f receives
    for (let k = 0; k < which.length; k++) targets[k] = inputs[which[k]!] as Tensor;
    const res = (f as (...a: unknown[]) => unknown)(...inputs);
    let out: Tensor;
    let aux: unknown = undefined;
    if (hasAux) [out, aux] = splitOutput(res, true, transform);
    else out = outputOf(res, transform);
    checkScalar(out, transform);
    let grads: Tensor[];
    if (out.requiresGradFlag) {
      grads = autogradGrad(out, targets, record ? RECORDED : UNRECORDED) as Tensor[];
      for (let k = 0; k < grads.length; k++) grads[k] = plain(grads[k]!, record);
    } else {
      grads = targets;
      for (let k = 0; k < grads.length; k++) grads[k] = zerosLike(targets[k]!);
    }
    return { value: plain(out, record), grads, aux: hasAux ? plainAux(aux, record) : undefined };
  } finally {
    setGradEnabled(previousMode);
    leaveReverse();
  }
}

type Grads<O extends GradOptions> = O extends { argnums: readonly number[] } ? Tensor[] : Tensor;

/**
 * The gradient of `f` (returning a one-element Tensor) with respect to argument `argnums`
 * (default 0), as a function of f's arguments. Arguments may be numbers (0-d tensors).
 * With `argnums: [0, 1]` it returns one gradient per argument; with `hasAux: true`, f returns
 * [output, aux] and the transformed function [gradient, aux].
 *
 * @example
 * const f = (x: Tensor, y: Tensor) => x.pow(2).add(x.mul(2)).mul(y.log());
 * grad(f, { argnums: [0, 1] })(1, 2); // [tensor(2.7726), tensor(1.5000)]
 * grad(grad((x: Tensor) => x.tanh()))(0.5); // tanh''(0.5) = -0.7269
 */
export function grad<A extends Tensor[], O extends GradOptions & { hasAux?: false }>(
  f: (...args: A) => Tensor,
  options?: O,
): (...args: Loosen<A>) => Grads<O>;
export function grad<A extends Tensor[], Aux, O extends GradOptions & { hasAux: true }>(
  f: (...args: A) => readonly [Tensor, Aux],
  options: O,
): (...args: Loosen<A>) => [Grads<O>, Aux];
export function grad(
  f: (...args: never[]) => unknown,
  options: GradOptions = {},
): (...args: unknown[]) => unknown {
  const argnums = options.argnums ?? 0;
  const which = argnumsOf(argnums);
  const hasAux = options.hasAux ?? false;
  return (...args: unknown[]) => {
    const { grads, aux } = valueAndGrads('grad', f, args, which, hasAux);
    const g = typeof argnums === 'number' ? grads[0]! : grads;
    return hasAux ? [g, aux] : g;
  };
}

/**
 * Like `grad`, and the value too: the transformed function returns [value, gradient] (JAX's
 * value_and_grad), or [[value, aux], gradient] with `hasAux: true`.
 *
 * @example
 * valueAndGrad((x: Tensor) => x.pow(3))(2); // [tensor(8.), tensor(12.)]
 */
export function valueAndGrad<A extends Tensor[], O extends GradOptions & { hasAux?: false }>(
  f: (...args: A) => Tensor,
  options?: O,
): (...args: Loosen<A>) => [Tensor, Grads<O>];
export function valueAndGrad<A extends Tensor[], Aux, O extends GradOptions & { hasAux: true }>(
  f: (...args: A) => readonly [Tensor, Aux],
  options: O,
): (...args: Loosen<A>) => [[Tensor, Aux], Grads<O>];
export function valueAndGrad(
  f: (...args: never[]) => unknown,
  options: GradOptions = {},
): (...args: unknown[]) => unknown {
  const argnums = options.argnums ?? 0;
  const which = argnumsOf(argnums);
  const hasAux = options.hasAux ?? false;
  return (...args: unknown[]) => {
    const { value, grads, aux } = valueAndGrads('valueAndGrad', f, args, which, hasAux);
    const g = typeof argnums === 'number' ? grads[0]! : grads;
    return [hasAux ? [value, aux] : value, g];
  };
}
