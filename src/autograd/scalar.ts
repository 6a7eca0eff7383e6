/**
 * The one-element fast path. The seed's graphs are made of one-element tensors, where the cost
 * of an op is its bookkeeping, not its arithmetic: such tensors are held as numbers (see
 * TensorBase), and ops on them compute with the rules' float64 functions directly.
 */
import type { DType, NDArray } from '../tensor/index.js';
import type { Shape, TensorBase } from './node.js';

/** Whether `t` is a one-element float tensor (held as a number, or a one-element NDArray). */
export function isScalarFloat(t: TensorBase): boolean {
  const nd = t.nd;
  if (nd === null) return true;
  if (nd.dtype !== 'float64' && nd.dtype !== 'float32') return false;
  return isOneElement(nd.shape);
}

/** Whether `t` is a one-element float64 tensor. */
export function isScalarFloat64(t: TensorBase): boolean {
  const nd = t.nd;
  if (nd === null) return t.scalarDType === 'float64';
  return nd.dtype === 'float64' && isOneElement(nd.shape);
}

export function isOneElement(shape: Shape): boolean {
  for (let i = 0; i < shape.length; i++) if (shape[i] !== 1) return false;
  return true;
}

/** The value of a one-element tensor. */
export function scalarValue(t: TensorBase): number {
  const nd = t.nd;
  return nd === null ? t.scalar : (nd as NDArray<'float64'>).storage[nd.offset]!;
}

/** `v` stored as `dtype` stores it (float32 rounds to nearest). */
export function roundTo(dtype: DType, v: number): number {
  return dtype === 'float32' ? Math.fround(v) : v;
}

/** The longer of two all-ones shapes: what broadcasting two one-element tensors gives. */
export function broadcastOnes(a: Shape, b: Shape): Shape {
  return b.length > a.length ? b : a;
}
