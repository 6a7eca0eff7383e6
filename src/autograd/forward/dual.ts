/**
 * PyTorch's `torch.autograd.forward_ad` on mibun's tensors: `makeDual(primal, tangent)` inside
 * a `dualLevel` gives a tensor that carries a tangent; every op then computes its output's
 * tangent along with its value (ṫ = Σ ∂ᵢf · ṫᵢ, partials from the rules table), and
 * `unpackDual(y)` reads it back: the Jacobian-vector product J·ṫ in one forward pass.
 */
import { GraphError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { currentLevel, type DualLevel } from './level.js';
import { aliasWith, below, tangentAt, without } from './tangents.js';

/** What `unpackDual` returns: the values, and the tangent (null when there is none). */
export interface UnpackedDual {
  primal: Tensor;
  tangent: Tensor | null;
}

function levelOrCurrent(level: DualLevel | undefined, what: string): DualLevel {
  const l = level ?? currentLevel();
  if (l === null) {
    throw new GraphError(
      'no-level',
      `Trying to create a dual Tensor for forward AD but no level exists (${what}). Fix: call ` +
        'it inside dualLevel(() => …), or use jvp from mibun/func, which opens one.',
    );
  }
  if (!l.alive) {
    throw new GraphError(
      'no-level',
      `${what}: ${String(l)} was already exited. Fix: call it inside that dualLevel's function.`,
    );
  }
  return l;
}

/**
 * A tensor with `primal`'s values and `tangent` as its tangent at `level` (the innermost open
 * level by default). The result is an alias of `primal` for the backward pass: gradients
 * through it reach `primal`. The tangent must have the primal's shape and a float dtype.
 *
 * @example
 * dualLevel(() => {
 *   const x = makeDual(tensor([1, 2]), tensor([1, 1]));
 *   const { tangent } = unpackDual(x.mul(x)); // tensor([2., 4.])
 * });
 */
export function makeDual<T extends Tensor>(primal: T, tangent: Tensor, level?: DualLevel): T {
  const l = levelOrCurrent(level, 'makeDual');
  if (tangentAt(primal, l) !== null) {
    throw new GraphError(
      'dual',
      `Making a dual Tensor based on a Tensor that already has a forward gradient at the same ` +
        `level ${l.id} is not supported. Fix: use unpackDual(t).primal as the primal, or open ` +
        'an inner dualLevel for a second direction.',
    );
  }
  if (!sameShape(primal.shape, tangent.shape)) {
    throw new GraphError(
      'shape',
      'Trying to set a forward gradient that has a different size than that of the original ' +
        `Tensor, this is not supported. Tensor is of size [${primal.shape.join(', ')}] while ` +
        `the given forward gradient is of size [${tangent.shape.join(', ')}]. Fix: pass a ` +
        "tangent of the primal's shape.",
    );
  }
  if (
    (primal.dtype !== 'float64' && primal.dtype !== 'float32') ||
    (tangent.dtype !== 'float64' && tangent.dtype !== 'float32')
  ) {
    throw new GraphError(
      'dtype',
      `forward-mode AD needs floating point tensors, got a ${primal.dtype} primal and a ` +
        `${tangent.dtype} tangent. Fix: convert them first, e.g. x.to('float64').`,
    );
  }
  let t: Tensor = below(tangent, l) as Tensor;
  if (t.dtype !== primal.dtype) t = t.to(primal.dtype);
  const dual = aliasWith(primal, primal.fw) as T;
  const fw = (dual.fw ?? []).filter((e) => e.level.alive);
  let at = fw.length;
  while (at > 0 && fw[at - 1]!.level.id > l.id) at--;
  fw.splice(at, 0, { level: l, tangent: t });
  dual.fw = fw;
  return dual;
}

/**
 * The values and the tangent at `level` (the innermost open level by default) of `t`. The
 * primal is an alias of `t` without that tangent (gradients through it reach `t`); the tangent
 * is null when `t` does not depend on a dual input of that level (a zero tangent).
 */
export function unpackDual(t: Tensor, level?: DualLevel): UnpackedDual {
  const l = level ?? currentLevel();
  if (l === null || !l.alive) return { primal: t, tangent: null };
  const tangent = tangentAt(t, l) as Tensor | null;
  return { primal: tangent === null ? t : (without(t, l) as Tensor), tangent };
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}
