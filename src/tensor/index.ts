/** mibun's n-dimensional arrays (no gradients): src/autograd wraps them in Tensor. */
export {
  DTYPES,
  DEFAULT_DTYPE,
  allocate,
  dtypeOfArray,
  isDType,
  isFloatingDType,
  promoteTypes,
  torchName,
} from './dtype.js';
export type { AnyTypedArray, DType, DTypeArray, FloatDType } from './dtype.js';
export { DTypeError, IndexError, ShapeError } from './errors.js';
export {
  broadcastShapes,
  broadcastStrides,
  contiguousStrides,
  normalizeDim,
  normalizeDims,
  sameShape,
  shapeSize,
} from './shape.js';
export type { Shape } from './shape.js';
export type { Layout, StridedArray } from './layout.js';
export type { SliceItem, SliceRange } from './slice.js';
export { NDArray } from './ndarray.js';
export type { Nested, Scalar, SizesArgs, VersionCounter } from './ndarray.js';
export { format } from './format.js';
export type { FormatOptions, PrintOptions } from './format.js';
export {
  arange,
  asTensor,
  empty,
  emptyLike,
  eye,
  floatTensor,
  fromArray,
  full,
  fullLike,
  linspace,
  ones,
  onesLike,
  tensor,
  zeros,
  zerosLike,
} from './create.js';
export type { DTypeOption, NestedData, ShapeArgs } from './create.js';
export { rand, randint, randLike, randn, randnLike } from './randomCreate.js';
export type { RandomOptions } from './randomCreate.js';
export { RandomState, defaultRandomState, manualSeed } from './random.js';
export {
  clone,
  contiguous,
  expand,
  flatten,
  flip,
  narrow,
  permute,
  reshape,
  select,
  slice,
  squeeze,
  transpose,
  unsqueeze,
  view,
} from './views.js';
export { resultType } from './promote.js';
export type { Operand } from './promote.js';
export {
  add,
  atan2,
  div,
  eq,
  ge,
  gt,
  le,
  logicalAnd,
  logicalOr,
  logicalXor,
  lt,
  maximum,
  minimum,
  mul,
  ne,
  pow,
  sub,
} from './binary.js';
export type { ArithmeticFn, ComparisonFn, DivOptions } from './binary.js';
export {
  UNARY_FNS,
  abs,
  acos,
  acosh,
  asin,
  asinh,
  atan,
  atanh,
  ceil,
  cos,
  cosh,
  cot,
  csc,
  erf,
  exp,
  expm1,
  floor,
  gelu,
  isfinite,
  isnan,
  log,
  log10,
  log1p,
  log2,
  logicalNot,
  neg,
  reciprocal,
  relu,
  round,
  rsqrt,
  sec,
  sigmoid,
  sign,
  sin,
  sinh,
  softplus,
  sqrt,
  square,
  tan,
  tanh,
  trunc,
  unary,
} from './unary.js';
export type { FloatUnaryFn } from './unary.js';
export { clamp, where } from './conditional.js';
export { add_, copy_, div_, fill_, mul_, sub_, zero_ } from './inplace.js';
export { addcdiv, addcdiv_, addcmul, addcmul_, lerp, lerp_ } from './fused.js';
export { all, amax, amin, any, mean, prod, reducedShape, sum } from './reduce.js';
export type { Dims, ReduceFn } from './reduce.js';
export { argmax, argmin, max, min } from './argreduce.js';
export type { ValuesIndices } from './argreduce.js';
export { logSoftmax, logsumexp, norm, softmax, std, variance } from './stats.js';
export type { VarianceOptions } from './stats.js';
export { matmul, outer } from './matmul.js';
export { broadcastTo, sumToShape } from './broadcast.js';
export { cat, chunk, split, stack } from './join.js';
export {
  gather,
  indexAdd,
  indexAdd_,
  indexSelect,
  maskedFill,
  maskedFill_,
  maskedScatter,
  maskedScatter_,
  maskedSelect,
  scatterAdd,
  scatterAdd_,
} from './indexing.js';
export type { IndexArg } from './indexing.js';
