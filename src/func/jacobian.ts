/**
 * Jacobians of f: `jacrev` (reverse mode: one backward pass per output element, over one
 * forward pass) and `jacfwd` (forward mode: one forward pass per input element). Both give
 * the shape out.shape ++ input.shape. jacrev suits functions with fewer outputs than inputs,
 * jacfwd the opposite; both compose with each other and with grad/jvp/vjp.
 */
import {
  enableGrad,
  grad as autogradGrad,
  isGradEnabled,
  stack,
  zeros,
  zerosLike,
  type Tensor,
} from '../autograd/index.js';
import {
  anyRequiresGrad,
  argnumList,
  asTensor,
  tensorArgs,
  entryOfArg,
  plain,
  plainAux,
  splitOutput,
  type Argnums,
  type Loosen,
} from './args.js';
import { insideReverse, nestedReverse } from './depth.js';
import { jvpWithAux } from './jvp.js';

export interface JacobianOptions {
  /** Which argument(s) to differentiate (default 0); an array gives one Jacobian per argument. */
  argnums?: Argnums;
  /** f returns [output, aux]: the transformed function returns [jacobian, aux]. */
  hasAux?: boolean;
}

type Jacobians<O extends JacobianOptions> = O extends { argnums: readonly number[] }
  ? Tensor[]
  : Tensor;

type Transformed<A extends Tensor[], O extends JacobianOptions, Aux> = O extends { hasAux: true }
  ? (...args: Loosen<A>) => [Jacobians<O>, Aux]
  : (...args: Loosen<A>) => Jacobians<O>;

/** The basis tensor e_k of `shape` (1 at flat index k), with `like`'s dtype. */
function basis(shape: readonly number[], k: number, like: Tensor): Tensor {
  const e = zeros([...shape], { dtype: like.dtype === 'float32' ? 'float32' : 'float64' });
  (e.data.storage as Float64Array | Float32Array)[k] = 1;
  return e;
}

function numelOf(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

/** Rows (or columns) of a Jacobian, stacked and reshaped to `shape`. */
function assemble(parts: Tensor[], dim: number, shape: readonly number[], like: Tensor): Tensor {
  if (parts.length === 0)
    return zeros([...shape], { dtype: like.dtype === 'float32' ? 'float32' : 'float64' });
  return stack(parts, dim).reshape([...shape]);
}

function shapeResult<O extends JacobianOptions>(jacs: Tensor[], aux: unknown, options: O): unknown {
  const j = typeof (options.argnums ?? 0) === 'number' ? jacs[0]! : jacs;
  return options.hasAux ? [j, aux] : j;
}

/**
 * The Jacobian of f with respect to argument `argnums` (default 0) by reverse mode: shape
 * out.shape ++ arg.shape, one backward pass per output element.
 *
 * @example
 * jacrev((x: Tensor) => x.pow(2))(tensor([1, 2])); // tensor([[2., 0.], [0., 4.]])
 */
export function jacrev<
  A extends Tensor[],
  O extends JacobianOptions = JacobianOptions,
  Aux = unknown,
>(f: (...args: A) => Tensor | readonly [Tensor, Aux], options?: O): Transformed<A, O, Aux> {
  const opts = (options ?? {}) as O;
  const run = (...args: unknown[]): unknown => {
    const which = argnumList(opts.argnums ?? 0, args.length, 'jacrev');
    const record = isGradEnabled() && (insideReverse() || anyRequiresGrad(args));
    return nestedReverse(() =>
      enableGrad(() => {
        const inputs = tensorArgs(args);
        for (const i of which) inputs[i] = entryOfArg(args[i], inputs[i], record, 'jacrev', i);
        const xs = which.map((i) => inputs[i] as Tensor);
        const [out, aux] = splitOutput(
          (f as (...a: unknown[]) => unknown)(...inputs),
          opts.hasAux ?? false,
          'jacrev',
        );
        const m = out.numel();
        const rows: Tensor[][] = xs.map(() => []);
        for (let k = 0; k < m; k++) {
          const gs = out.requiresGrad
            ? (autogradGrad(out, xs, {
                gradOutputs: basis(out.shape, k, out),
                retainGraph: true,
                createGraph: record,
                materializeGrads: true,
              }) as Tensor[])
            : xs.map((x) => zerosLike(x));
          gs.forEach((g, i) => rows[i]!.push(g.reshape([numelOf(xs[i]!.shape)])));
        }
        const jacs = xs.map((x, i) =>
          plain(assemble(rows[i]!, 0, [...out.shape, ...x.shape], x), record),
        );
        return shapeResult(jacs, plainAux(aux, record), opts);
      }),
    );
  };
  return run as Transformed<A, O, Aux>;
}

/** `jacrev` under the name of torch.autograd.functional and JAX's most-used Jacobian. */
export const jacobian = jacrev;

/**
 * The Jacobian of f with respect to argument `argnums` (default 0) by forward mode: shape
 * out.shape ++ arg.shape, one forward pass (a jvp along a basis vector) per input element.
 *
 * @example
 * jacfwd((x: Tensor) => x.pow(2))(tensor([1, 2])); // tensor([[2., 0.], [0., 4.]])
 */
export function jacfwd<
  A extends Tensor[],
  O extends JacobianOptions = JacobianOptions,
  Aux = unknown,
>(f: (...args: A) => Tensor | readonly [Tensor, Aux], options?: O): Transformed<A, O, Aux> {
  const opts = (options ?? {}) as O;
  const run = (...args: unknown[]): unknown => {
    const which = argnumList(opts.argnums ?? 0, args.length, 'jacfwd');
    const hasAux = opts.hasAux ?? false;
    const tensors = tensorArgs(args);
    for (const i of which) tensors[i] = asTensor(tensors[i], 'jacfwd', `argument ${i}`);
    let aux: unknown = undefined;
    const jacs = which.map((i) => {
      const x = tensors[i] as Tensor;
      const n = x.numel();
      // f as a function of argument i alone, the others fixed
      const fi = (xi: Tensor): unknown => {
        const inputs = tensors.slice();
        inputs[i] = xi;
        return (f as (...a: unknown[]) => unknown)(...inputs);
      };
      const columns: Tensor[] = [];
      let outShape: readonly number[] | null = null;
      for (let j = 0; j < n; j++) {
        const [out, t, a] = jvpWithAux('jacfwd', fi, [x], [basis(x.shape, j, x)], hasAux);
        aux = a;
        outShape = out.shape;
        columns.push(t.reshape([out.numel()]));
      }
      if (outShape === null) {
        // an empty input: one evaluation for the output's shape
        const [out, , a] = jvpWithAux('jacfwd', fi, [x], [x], hasAux);
        aux = a;
        outShape = out.shape;
      }
      return assemble(columns, 1, [...outShape, ...x.shape], x);
    });
    return shapeResult(jacs, aux, opts);
  };
  return run as Transformed<A, O, Aux>;
}
