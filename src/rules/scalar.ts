import { erf, erfc } from './erf.js';
import type { BinaryOp, UnaryOp } from './ops.js';

const SQRT1_2 = Math.SQRT1_2;

/** Logistic sigmoid, computed so that neither branch overflows. */
function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * PyTorch's softplus threshold: above it the value is x itself (log(1 + eˣ) − x < 2.1e-9
 * there), so the numeric derivative is exactly 1 (autograd applies it to the partial too).
 */
export const SOFTPLUS_THRESHOLD = 20;

/** log(1 + eˣ) with PyTorch's default threshold: above 20 it returns x itself. */
function softplus(x: number): number {
  return x > SOFTPLUS_THRESHOLD ? x : Math.log1p(Math.exp(x));
}

/** max/min that propagate NaN, as NumPy's maximum/minimum and PyTorch's do. */
function maximum(a: number, b: number): number {
  return a !== a || b !== b ? NaN : a > b ? a : b;
}
function minimum(a: number, b: number): number {
  return a !== a || b !== b ? NaN : a < b ? a : b;
}

/** The value of each unary op on a float64. Every engine evaluates numbers with these. */
export const UNARY_NUMBER: Readonly<Record<UnaryOp, (x: number) => number>> = {
  neg: (x) => -x,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  cot: (x) => 1 / Math.tan(x),
  sec: (x) => 1 / Math.cos(x),
  csc: (x) => 1 / Math.sin(x),
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  asinh: Math.asinh,
  acosh: Math.acosh,
  atanh: Math.atanh,
  abs: Math.abs,
  sign: Math.sign,
  erf,
  relu: (x) => (x > 0 ? x : x !== x ? NaN : 0),
  sigmoid,
  softplus,
  // x Φ(x) with Φ(x) = erfc(-x/√2)/2: no cancellation for negative x, unlike 1 + erf(x/√2)
  gelu: (x) => 0.5 * x * erfc(-x * SQRT1_2),
};

/** The value of each binary op on float64s. */
export const BINARY_NUMBER: Readonly<Record<BinaryOp, (a: number, b: number) => number>> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: Math.pow,
  atan2: Math.atan2,
  maximum,
  minimum,
};
