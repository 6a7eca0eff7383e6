/**
 * log1p, expm1 and the fused updates addcmul, addcdiv, lerp, differentiable, with PyTorch's
 * grad_fn names and gradient formulas (derivatives.yaml, FunctionsManual.cpp):
 *
 *   log1p(x)               ḡx = ḡ / (x + 1)
 *   expm1(x)               ḡx = ḡ · (out + 1)
 *   addcmul(a, t₁, t₂, v)  ḡa = ḡ,  ḡt₁ = ḡ · (t₂·v),  ḡt₂ = ḡ · (t₁·v)
 *   addcdiv(a, t₁, t₂, v)  ḡa = ḡ,  ḡt₁ = ḡ · (v/t₂),  ḡt₂ = −ḡ · (v·t₁/(t₂·t₂))
 *   lerp(a, b, w)          ḡa = ḡ · (1 − w),  ḡb = ḡ · w,  ḡw = ḡ · (b − a)
 *
 * (v a number; w a number, LerpBackward0, or a tensor, LerpBackward1). Values come from the
 * tensor module's kernels (Math.log1p and Math.expm1 are accurate near 0, where log(1 + x) and
 * exp(x) − 1 lose every digit), or on one-element tensors from the same Math functions.
 */
import type { Algebra } from '../rules/index.js';
import {
  addcdiv as ndAddcdiv,
  addcmul as ndAddcmul,
  expm1 as ndExpm1,
  lerp as ndLerp,
  log1p as ndLog1p,
  type NDArray,
} from '../tensor/index.js';
import { recordComposite, type CompositeOp } from './composite.js';
import type { TensorBase } from './node.js';
import { isScalarFloat, roundTo, scalarValue } from './scalar.js';

type A = Algebra<TensorBase>;

/** A 0-d constant `v` of `like`'s float dtype (any float, where A.num takes small integers). */
function constant(like: TensorBase, v: number): TensorBase {
  const dtype = like.dtype === 'float32' ? 'float32' : 'float64';
  return like.wrapScalar(roundTo(dtype, v), [], dtype);
}

/** t·v, or t itself when v is 1. */
function times(A: A, t: TensorBase, v: number): TensorBase {
  return v === 1 ? t : A.mul(t, constant(t, v));
}

const LOG1P: CompositeOp = {
  name: 'Log1PBackward0',
  formulas: [(g, A, [x]) => A.div(g, A.add(x!, A.num(1, x!)))],
  readsInputs: [true],
  readsOut: false,
};

const EXPM1: CompositeOp = {
  name: 'Expm1Backward0',
  formulas: [(g, A, _xs, out) => A.mul(g, A.add(out!, A.num(1, out!)))],
  readsInputs: [false],
  readsOut: true,
};

function addcmulOp(v: number): CompositeOp {
  return {
    name: 'AddcmulBackward0',
    formulas: [
      (g) => g,
      (g, A, [, , t2]) => A.mul(g, times(A, t2!, v)),
      (g, A, [, t1]) => A.mul(g, times(A, t1!, v)),
    ],
    readsInputs: [false, true, true],
    readsOut: false,
  };
}

function addcdivOp(v: number): CompositeOp {
  return {
    name: 'AddcdivBackward0',
    formulas: [
      (g) => g,
      (g, A, [, , t2]) => A.mul(g, A.div(constant(t2!, v), t2!)),
      (g, A, [, t1, t2]) => A.mul(A.neg(g), A.div(times(A, t1!, v), A.mul(t2!, t2!))),
    ],
    readsInputs: [false, true, true],
    readsOut: false,
  };
}

function lerpScalarOp(w: number): CompositeOp {
  return {
    name: 'LerpBackward0',
    formulas: [(g, A) => times(A, g, 1 - w), (g, A) => times(A, g, w)],
    readsInputs: [false, false],
    readsOut: false,
  };
}

const LERP_TENSOR: CompositeOp = {
  name: 'LerpBackward1',
  formulas: [
    (g, A, [, , w]) => A.mul(g, A.sub(A.num(1, w!), w!)),
    (g, A, [, , w]) => A.mul(g, w!),
    (g, A, [a, b]) => A.mul(g, A.sub(b!, a!)),
  ],
  readsInputs: [true, true, true],
  readsOut: false,
};

/** f(x) by `value` on a one-element float tensor, else by the NDArray kernel `kernel`. */
function elementwise(
  x: TensorBase,
  value: (v: number) => number,
  kernel: (a: NDArray) => NDArray,
): TensorBase {
  if (isScalarFloat(x)) {
    const dtype = x.dtype;
    return x.wrapScalar(roundTo(dtype, value(scalarValue(x))), x.shape, dtype);
  }
  return x.wrap(kernel(x.data));
}

/** log(1 + x), accurate for small x (Log1PBackward0). */
export function log1p(x: TensorBase): TensorBase {
  return recordComposite(LOG1P, [x], elementwise(x, Math.log1p, ndLog1p));
}

/** eˣ − 1, accurate for small x (Expm1Backward0). */
export function expm1(x: TensorBase): TensorBase {
  return recordComposite(EXPM1, [x], elementwise(x, Math.expm1, ndExpm1));
}

/** a + (v·t₁)·t₂ (AddcmulBackward0). */
export function addcmul(a: TensorBase, t1: TensorBase, t2: TensorBase, value = 1): TensorBase {
  const out = a.wrap(ndAddcmul(a.data, t1.data, t2.data, value));
  return recordComposite(addcmulOp(value), [a, t1, t2], out);
}

/** a + (v·t₁)/t₂ (AddcdivBackward0). */
export function addcdiv(a: TensorBase, t1: TensorBase, t2: TensorBase, value = 1): TensorBase {
  const out = a.wrap(ndAddcdiv(a.data, t1.data, t2.data, value));
  return recordComposite(addcdivOp(value), [a, t1, t2], out);
}

/** a + w·(b − a), PyTorch's two-sided formula (LerpBackward0 for a number w, else 1). */
export function lerp(a: TensorBase, end: TensorBase, weight: TensorBase | number): TensorBase {
  if (typeof weight === 'number') {
    const out = a.wrap(ndLerp(a.data, end.data, weight));
    return recordComposite(lerpScalarOp(weight), [a, end], out);
  }
  const out = a.wrap(ndLerp(a.data, end.data, weight.data));
  return recordComposite(LERP_TENSOR, [a, end, weight], out);
}
