/**
 * Index-array ops, differentiable, in transpose pairs: gather ↔ scatterAdd and indexSelect ↔
 * indexAdd. gather's backward scatters the gradient back (adding where an index repeats);
 * scatterAdd's backward gathers it; likewise for the index_select pair. Since each backward
 * is the other op, recorded, derivatives of any order pass through indexing.
 */
import {
  gather as ndGather,
  indexAdd as ndIndexAdd,
  indexSelect as ndIndexSelect,
  scatterAdd as ndScatterAdd,
  type DType,
  type NDArray,
} from '../tensor/index.js';
import { zerosOf } from './constants.js';
import { propagate, type JvpRule } from './forward/tangents.js';
import { isGradEnabled } from './gradMode.js';
import { edgeOf, Node, type TensorBase } from './node.js';

/** An index: an int32 tensor or NDArray, or a list of integers (indexSelect). */
export type Index = TensorBase<'int32'> | NDArray<'int32'> | readonly number[];

function indexArray(index: Index): NDArray<'int32'> | readonly number[] {
  if (Array.isArray(index)) return index as readonly number[];
  return 'requiresGradFlag' in index
    ? (index as TensorBase<'int32'>).data
    : (index as NDArray<'int32'>);
}

type Kind = 'gather' | 'scatterAdd' | 'indexSelect' | 'indexAdd';

/** Backward of the four ops; `inputs` are (self) or (self, src). */
class IndexBackward extends Node {
  constructor(
    name: string,
    private readonly kind: Kind,
    inputs: readonly TensorBase[],
    private readonly dim: number,
    private readonly index: NDArray<'int32'> | readonly number[],
    private readonly selfShape: readonly number[],
  ) {
    super(name);
    this.next = inputs.map(edgeOf);
    if (inputs.some((t) => t.outputNr !== 0)) this.nextSlot = inputs.map((t) => t.outputNr);
  }

  apply(grads: readonly (TensorBase | null)[]): (TensorBase | null)[] {
    const g = grads[0]!;
    const { dim, index } = this;
    switch (this.kind) {
      case 'gather':
        return [scatterAdd(zerosOf(this.selfShape, g), dim, index as NDArray<'int32'>, g)];
      case 'indexSelect':
        return [indexAdd(zerosOf(this.selfShape, g), dim, index, g)];
      case 'scatterAdd':
        return [
          this.needsInputGrad(0) ? g : null,
          this.needsInputGrad(1) ? gather(g, dim, index as NDArray<'int32'>) : null,
        ];
      case 'indexAdd':
        return [
          this.needsInputGrad(0) ? g : null,
          this.needsInputGrad(1) ? indexSelect(g, dim, index) : null,
        ];
    }
  }
}

/**
 * Records the node, and gives out its tangent: all four ops are linear in (self, src), so the
 * tangent is the same op applied to the tangents (zeros for an input without one).
 */
function record<D extends DType>(
  out: TensorBase<D>,
  make: () => Node,
  inputs: readonly TensorBase[],
  tangentOf: (ts: TensorBase[]) => TensorBase,
): TensorBase<D> {
  if (isGradEnabled() && inputs.some((t) => t.requiresGradFlag)) {
    out.gradFn = make();
    out.requiresGradFlag = true;
  }
  if (inputs.some((t) => t.fw !== null)) propagate(out, inputs, linearJvp(tangentOf));
  return out;
}

function linearJvp(tangentOf: (ts: TensorBase[]) => TensorBase): JvpRule {
  return (tangents, inputs) =>
    tangentOf(
      tangents.map(
        (t, i) => t ?? zerosOf((inputs[i] as TensorBase).shape, inputs[i] as TensorBase),
      ),
    );
}

/** out[i][j] = x[index[i][j]][j] for dim 0, and so on (torch.gather). */
export function gather<D extends DType>(
  x: TensorBase<D>,
  dim: number,
  index: Index,
): TensorBase<D> {
  const idx = indexArray(index) as NDArray<'int32'>;
  const out = x.wrap(ndGather(x.data, dim, idx)) as TensorBase<D>;
  return record(
    out,
    () => new IndexBackward('GatherBackward0', 'gather', [x], dim, idx, x.shape),
    [x],
    ([t]) => gather(t!, dim, idx),
  );
}

/** A copy of x with src added at the index along dim (torch.scatter_add). */
export function scatterAdd<D extends DType>(
  x: TensorBase<D>,
  dim: number,
  index: Index,
  src: TensorBase,
): TensorBase<D> {
  const idx = indexArray(index) as NDArray<'int32'>;
  const out = x.wrap(ndScatterAdd(x.data, dim, idx, src.data)) as TensorBase<D>;
  return record(
    out,
    () => new IndexBackward('ScatterAddBackward0', 'scatterAdd', [x, src], dim, idx, x.shape),
    [x, src],
    ([tx, ts]) => scatterAdd(tx!, dim, idx, ts!),
  );
}

/** The slices index[j] of x along dim (torch.index_select). */
export function indexSelect<D extends DType>(
  x: TensorBase<D>,
  dim: number,
  index: Index,
): TensorBase<D> {
  const idx = indexArray(index);
  const out = x.wrap(ndIndexSelect(x.data, dim, idx)) as TensorBase<D>;
  return record(
    out,
    () => new IndexBackward('IndexSelectBackward0', 'indexSelect', [x], dim, idx, x.shape),
    [x],
    ([t]) => indexSelect(t!, dim, idx),
  );
}

/** A copy of x with src's slices added at index along dim (torch.index_add). */
export function indexAdd<D extends DType>(
  x: TensorBase<D>,
  dim: number,
  index: Index,
  src: TensorBase,
): TensorBase<D> {
  const idx = indexArray(index);
  const out = x.wrap(ndIndexAdd(x.data, dim, idx, src.data)) as TensorBase<D>;
  return record(
    out,
    () => new IndexBackward('IndexAddBackward0', 'indexAdd', [x, src], dim, idx, x.shape),
    [x, src],
    ([tx, ts]) => indexAdd(tx!, dim, idx, ts!),
  );
}
