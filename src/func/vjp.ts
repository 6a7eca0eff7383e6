/**
 * `vjp(f, ...primals)`, as torch.func.vjp and JAX's: f's output at the primals, and a function
 * mapping a cotangent v (shaped like the output) to vᵀJ, one result per primal. One forward
 * pass, then one reverse pass per call of the returned function.
 */
import {
  enableGrad,
  grad as autogradGrad,
  isGradEnabled,
  zerosLike,
  type Tensor,
} from '../autograd/index.js';
import { anyRequiresGrad, asTensor, entryOf, plain, splitOutput, type Arg } from './args.js';
import { insideReverse, nestedReverse } from './depth.js';
import { TransformError } from './errors.js';

/** Maps a cotangent (a Tensor of the output's shape, or a number for a one-element output) to vᵀJ. */
export type VjpFn = (cotangent: Arg) => Tensor[];

/**
 * [f(...primals), vjpFn]: `vjpFn(v)` returns vᵀ·∂f/∂primalᵢ for each primal (shaped like it).
 * vjpFn may be called many times (the forward pass is kept).
 *
 * @example
 * const [y, vjpFn] = vjp((x: Tensor) => x.pow(2), tensor([1, 2]));
 * vjpFn(tensor([1, 1])); // [tensor([2., 4.])]
 */
export function vjp<A extends Tensor[]>(
  f: (...args: A) => Tensor,
  ...primals: { [K in keyof A]: Arg }
): [Tensor, VjpFn] {
  if (primals.length === 0) {
    throw new TransformError(
      'vjp',
      'arity',
      "no primals given. Fix: call vjp(f, x, …) with f's arguments.",
    );
  }
  const record = isGradEnabled() && (insideReverse() || anyRequiresGrad(primals));
  const [entries, out] = nestedReverse(() =>
    enableGrad(() => {
      const xs = primals.map((p, i) => entryOf(asTensor(p, 'vjp', `primal ${i}`), record));
      const [y] = splitOutput((f as (...a: Tensor[]) => unknown)(...xs), false, 'vjp');
      return [xs, y] as const;
    }),
  );
  const vjpFn: VjpFn = (cotangent) => {
    const v = asTensor(cotangent, 'vjp', 'the cotangent');
    if (v.shape.length !== out.shape.length || v.shape.some((s, i) => s !== out.shape[i])) {
      if (!(typeof cotangent === 'number' && out.numel() === 1)) {
        throw new TransformError(
          'vjp',
          'shape',
          `the cotangent has shape [${v.shape.join(', ')}] but f's output has shape ` +
            `[${out.shape.join(', ')}]. Fix: pass a cotangent of the output's shape.`,
          v.shape,
        );
      }
    }
    const ct = v.shape.length === out.shape.length ? v : v.reshape(out.shape);
    if (!out.requiresGrad) return entries.map((e) => zerosLike(e));
    // differentiable in the cotangent too when it requires grad (vjp is linear in it)
    const again = record || (isGradEnabled() && ct.requiresGrad);
    return nestedReverse(() =>
      enableGrad(() =>
        (
          autogradGrad(out, entries, {
            gradOutputs: ct,
            retainGraph: true,
            createGraph: again,
            materializeGrads: true,
          }) as Tensor[]
        ).map((g) => plain(g, again)),
      ),
    );
  };
  return [plain(out, record), vjpFn];
}
