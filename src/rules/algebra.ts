/**
 * The operations a derivative rule may use. Each engine supplies one implementation: the
 * symbolic engine builds expressions, the autograd engine builds (differentiable) tensors,
 * forward mode builds numbers or dual numbers. Rules are written against this interface only,
 * so a rule cannot slip into plain number arithmetic: that would not type-check.
 */
export interface Algebra<T> {
  /** A small exact integer shaped like `like` (symbolic output stays exact: `2`, never `2.0`). */
  num(c: number, like: T): T;
  /** The constant π, shaped like `like`. */
  pi(like: T): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  pow(a: T, b: T): T;
  exp(a: T): T;
  log(a: T): T;
  sqrt(a: T): T;
  sin(a: T): T;
  cos(a: T): T;
  tan(a: T): T;
  cot(a: T): T;
  sinh(a: T): T;
  cosh(a: T): T;
  sign(a: T): T;
  erf(a: T): T;
}
