/**
 * `jvp(f, primals, tangents)`, as torch.func.jvp and JAX's: f's output and its directional
 * derivative J·t, in one forward pass of true forward mode (dual tensors at a fresh level).
 */
import { Tensor, dualLevel, makeDual, unpackDual, zerosLike } from '../autograd/index.js';
import { asTensor, splitOutput, type Arg } from './args.js';
import { TransformError } from './errors.js';

export interface JvpOptions {
  /** f returns [output, aux]: aux is returned third, untouched (a Tensor loses its tangent). */
  hasAux?: boolean;
}

function list(x: Arg | readonly Arg[]): readonly Arg[] {
  return Array.isArray(x) ? (x as readonly Arg[]) : [x as Arg];
}

/** The JVP with the aux, for the transforms built on it. */
export function jvpWithAux(
  transform: string,
  f: (...args: never[]) => unknown,
  primals: Arg | readonly Arg[],
  tangents: Arg | readonly Arg[],
  hasAux: boolean,
): [Tensor, Tensor, unknown] {
  const ps = list(primals);
  const ts = list(tangents);
  if (ps.length !== ts.length || ps.length === 0) {
    throw new TransformError(
      transform,
      'arity',
      `got ${ps.length} primals and ${ts.length} tangents. Fix: pass one tangent per primal ` +
        '(and at least one primal).',
    );
  }
  return dualLevel((level) => {
    const duals = ps.map((p, i) => {
      const x = asTensor(p, transform, `primal ${i}`);
      let t = asTensor(ts[i], transform, `tangent ${i}`);
      if (typeof ts[i] === 'number' && t.numel() !== x.numel()) t = t.expand(x.shape);
      if (!sameShape(t.shape, x.shape)) {
        if (t.numel() !== 1 || x.numel() !== 1) {
          throw new TransformError(
            transform,
            'shape',
            `tangent ${i} has shape [${t.shape.join(', ')}] but primal ${i} has shape ` +
              `[${x.shape.join(', ')}]. Fix: pass a tangent of its primal's shape.`,
            t.shape,
          );
        }
        t = t.reshape(x.shape);
      }
      if (t.dtype !== x.dtype && (x.dtype === 'float32' || x.dtype === 'float64'))
        t = t.to(x.dtype);
      return makeDual(x, t, level);
    });
    const [out, aux] = splitOutput((f as (...a: Tensor[]) => unknown)(...duals), hasAux, transform);
    const { primal, tangent } = unpackDual(out, level);
    return [primal, tangent ?? zerosLike(primal), stripAux(aux, level)];
  });
}

/** aux without the level's tangents (a Tensor, or Tensors in an array), anything else as is. */
function stripAux(aux: unknown, level: Parameters<typeof unpackDual>[1]): unknown {
  if (aux instanceof Tensor) return unpackDual(aux, level).primal;
  if (Array.isArray(aux)) return aux.map((a: unknown) => stripAux(a, level));
  return aux;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * [f(...primals), J·tangents]: the output and its derivative in the direction of the tangents
 * (one per primal, shaped like it), by forward mode. Primals and tangents may be numbers for
 * scalars. With `hasAux: true`, f returns [output, aux] and jvp returns [output, J·t, aux].
 *
 * @example
 * jvp((x: Tensor) => x.sin(), [tensor([0, 1])], [tensor([1, 1])]); // [sin x, cos x]
 */
export function jvp<A extends Tensor[]>(
  f: (...args: A) => Tensor,
  primals: Arg | readonly Arg[],
  tangents: Arg | readonly Arg[],
  options?: JvpOptions & { hasAux?: false },
): [Tensor, Tensor];
export function jvp<A extends Tensor[], Aux>(
  f: (...args: A) => readonly [Tensor, Aux],
  primals: Arg | readonly Arg[],
  tangents: Arg | readonly Arg[],
  options: JvpOptions & { hasAux: true },
): [Tensor, Tensor, Aux];
export function jvp(
  f: (...args: never[]) => unknown,
  primals: Arg | readonly Arg[],
  tangents: Arg | readonly Arg[],
  options: JvpOptions = {},
): unknown[] {
  const hasAux = options.hasAux ?? false;
  const [out, tangent, aux] = jvpWithAux('jvp', f, primals, tangents, hasAux);
  return hasAux ? [out, tangent, aux] : [out, tangent];
}
