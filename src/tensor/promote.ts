/**
 * PyTorch's result type for mixed operands (torch.result_type). Operands fall in three tiers:
 * arrays with dimensions, 0-d arrays, and JavaScript numbers/booleans (PyTorch's Python
 * scalars). A lower tier changes the result only when its category (bool < int < float) is
 * higher: float32 + 2.5 stays float32, int32 + 2.5 becomes float64 (mibun's default float),
 * float32 + a 0-d float64 array stays float32. A number is an int if Number.isInteger(it) (JS
 * cannot tell 2 from 2.0).
 */
import { DEFAULT_DTYPE, isFloatingDType, promoteTypes, type DType } from './dtype.js';
import type { NDArray } from './ndarray.js';

export type Operand = NDArray | number | boolean;

function scalarDType(x: number | boolean): DType {
  if (typeof x === 'boolean') return 'bool';
  return Number.isInteger(x) ? 'int32' : DEFAULT_DTYPE;
}

function join(a: DType | undefined, b: DType | undefined): DType | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return promoteTypes(a, b);
}

/** PyTorch's combine_categories: `lower` only counts when it is of a higher category. */
function combine(higher: DType | undefined, lower: DType | undefined): DType | undefined {
  if (higher !== undefined && isFloatingDType(higher)) return higher;
  if (higher === 'bool' || (lower !== undefined && isFloatingDType(lower)))
    return join(higher, lower);
  return higher ?? lower;
}

export function resultType(...operands: Operand[]): DType {
  let dims: DType | undefined;
  let zeroDim: DType | undefined;
  let scalars: DType | undefined;
  for (const x of operands) {
    if (typeof x === 'number' || typeof x === 'boolean') scalars = join(scalars, scalarDType(x));
    else if (x.shape.length === 0) zeroDim = join(zeroDim, x.dtype);
    else dims = join(dims, x.dtype);
  }
  return combine(dims, combine(zeroDim, scalars)) ?? DEFAULT_DTYPE;
}
