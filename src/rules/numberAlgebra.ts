import type { Algebra } from './algebra.js';
import { erf } from './erf.js';

/**
 * The rules read over plain float64 numbers: the partials' values at a point. Forward mode
 * on scalars and the tests of the table itself use it.
 */
export const NUMBER_ALGEBRA: Algebra<number> = {
  num: (c) => c,
  pi: () => Math.PI,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  neg: (a) => -a,
  pow: Math.pow,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  cot: (a) => 1 / Math.tan(a),
  sinh: Math.sinh,
  cosh: Math.cosh,
  sign: Math.sign,
  erf,
};
