/**
 * where and clamp, differentiable. Both select, per element, which input the output copies,
 * so their backward routes the gradient by the same selection (a linear map): where's
 * transpose is where(cond, ḡ, 0) and where(cond, 0, ḡ); clamp's passes ḡ where min ≤ x ≤ max
 * (PyTorch: the bounds themselves pass it too).
 */
import {
  clamp as ndClamp,
  ge as ndGe,
  le as ndLe,
  logicalAnd,
  sameShape,
  where as ndWhere,
  type DType,
  type NDArray,
} from '../tensor/index.js';
import { conform } from './conform.js';
import { propagate } from './forward/tangents.js';
import { isGradEnabled } from './gradMode.js';
import { edgeOf, Node, type TensorBase } from './node.js';

class WhereBackward extends Node {
  constructor(
    name: string,
    private readonly cond: NDArray<'bool'>,
    a: TensorBase | number,
    b: TensorBase | number,
    outShape: readonly number[],
  ) {
    super(name);
    const ta = typeof a === 'number' ? null : a;
    const tb = typeof b === 'number' ? null : b;
    this.next = [ta === null ? null : edgeOf(ta), tb === null ? null : edgeOf(tb)];
    const sa = ta?.outputNr ?? 0;
    const sb = tb?.outputNr ?? 0;
    if (sa !== 0 || sb !== 0) this.nextSlot = [sa, sb];
    const aShape = ta?.shape ?? outShape;
    const bShape = tb?.shape ?? outShape;
    if (!sameShape(aShape, outShape) || !sameShape(bShape, outShape))
      this.inputShapes = [aShape, bShape];
  }

  apply(grads: readonly (TensorBase | null)[]): (TensorBase | null)[] {
    const g = grads[0]!;
    return [
      this.needsInputGrad(0) ? where(this.cond, g, 0) : null,
      this.needsInputGrad(1) ? where(this.cond, 0, g) : null,
    ];
  }
}

function conditionOf(cond: TensorBase | NDArray<'bool'>): NDArray<'bool'> {
  return ('requiresGradFlag' in cond ? cond.data : cond) as NDArray<'bool'>;
}

/** a where `cond` is true, else b (torch.where); a and b may be numbers and broadcast. */
export function where(
  cond: TensorBase | NDArray<'bool'>,
  a: TensorBase | number,
  b: TensorBase | number,
): TensorBase {
  const like = typeof a === 'number' ? b : a;
  if (typeof like === 'number') {
    throw new TypeError('where: at least one of a and b must be a Tensor, got two numbers');
  }
  const c = conditionOf(cond);
  const out = like.wrap(
    ndWhere(c, typeof a === 'number' ? a : a.data, typeof b === 'number' ? b : b.data),
  );
  const ra = typeof a !== 'number' && a.requiresGradFlag;
  const rb = typeof b !== 'number' && b.requiresGradFlag;
  if ((ra || rb) && isGradEnabled()) {
    out.gradFn = new WhereBackward('WhereBackward0', c, a, b, out.shape);
    out.requiresGradFlag = true;
  }
  if ((typeof a !== 'number' && a.fw !== null) || (typeof b !== 'number' && b.fw !== null)) {
    // linear in (a, b): the tangent is selected as the values are, zero from a number
    propagate(out, [a, b], ([ta, tb], _inputs, o) => conform(where(c, ta ?? 0, tb ?? 0), o));
  }
  return out;
}

/** Each value limited to [min, max] (either may be null); the gradient passes where x is inside. */
export function clamp<D extends DType>(
  x: TensorBase<D>,
  min?: number | null,
  max?: number | null,
): TensorBase<D> {
  const xd = x.data;
  const out = x.wrap(ndClamp(xd, min, max)) as TensorBase<D>;
  if (x.requiresGradFlag && isGradEnabled()) {
    const node = new WhereBackward('ClampBackward1', insideOf(xd, min, max)!, x, 0, out.shape);
    out.gradFn = node;
    out.requiresGradFlag = true;
  }
  if (x.fw !== null) {
    // the tangent passes where x is inside [min, max], as the gradient does
    const inside = insideOf(xd, min, max);
    propagate(out, [x], ([t]) => (inside === null ? t! : where(inside, t!, 0)));
  }
  return out;
}

/** Where min ≤ x ≤ max (null when there are no bounds: everywhere). */
function insideOf(
  xd: NDArray,
  min: number | null | undefined,
  max: number | null | undefined,
): NDArray<'bool'> | null {
  let inside: NDArray<'bool'> | null = null;
  if (min !== undefined && min !== null) inside = ndGe(xd, min);
  if (max !== undefined && max !== null) {
    const below = ndLe(xd, max);
    inside = inside === null ? below : logicalAnd(inside, below);
  }
  return inside;
}
