import type { Algebra } from './algebra.js';
import type { BinaryOp, UnaryOp } from './ops.js';

/**
 * The local partial ∂out/∂x of a unary op, as SymPy's `fdiff` gives it. `out` is the op's own
 * result, which some rules reuse (d exp x = exp x) so that no engine computes it twice.
 */
export interface UnaryRule {
  d<T>(A: Algebra<T>, x: T, out: T): T;
}

/**
 * The two local partials of a binary op. Each is computed only when asked for: an engine never
 * builds the partial of an input that carries no gradient, so d(x**2) never touches log(x).
 */
export interface BinaryRule {
  da<T>(A: Algebra<T>, a: T, b: T, out: T): T;
  db<T>(A: Algebra<T>, a: T, b: T, out: T): T;
}

const one = <T>(A: Algebra<T>, like: T): T => A.num(1, like);
const square = <T>(A: Algebra<T>, x: T): T => A.pow(x, A.num(2, x));

export const UNARY: Readonly<Record<UnaryOp, UnaryRule>> = {
  neg: { d: (A, x) => A.num(-1, x) },
  // d exp x = exp x: reuse the forward result
  exp: { d: (_A, _x, out) => out },
  // d log x = 1/x
  log: { d: (A, x) => A.div(one(A, x), x) },
  // d sqrt x = 1/(2 sqrt x)
  sqrt: { d: (A, _x, out) => A.div(one(A, out), A.mul(A.num(2, out), out)) },
  sin: { d: (A, x) => A.cos(x) },
  cos: { d: (A, x) => A.neg(A.sin(x)) },
  // d tan x = 1 + tan²x (SymPy's form)
  tan: { d: (A, _x, out) => A.add(square(A, out), one(A, out)) },
  // d cot x = -1 - cot²x
  cot: { d: (A, _x, out) => A.sub(A.neg(square(A, out)), one(A, out)) },
  // d sec x = sec x tan x
  sec: { d: (A, x, out) => A.mul(A.tan(x), out) },
  // d csc x = -csc x cot x
  csc: { d: (A, x, out) => A.neg(A.mul(A.cot(x), out)) },
  // d asin x = 1/sqrt(1 - x²)
  asin: { d: (A, x) => A.div(one(A, x), A.sqrt(A.sub(one(A, x), square(A, x)))) },
  // d acos x = -1/sqrt(1 - x²)
  acos: { d: (A, x) => A.div(A.num(-1, x), A.sqrt(A.sub(one(A, x), square(A, x)))) },
  // d atan x = 1/(x² + 1)
  atan: { d: (A, x) => A.div(one(A, x), A.add(square(A, x), one(A, x))) },
  sinh: { d: (A, x) => A.cosh(x) },
  cosh: { d: (A, x) => A.sinh(x) },
  // d tanh x = 1 - tanh²x
  tanh: { d: (A, _x, out) => A.sub(one(A, out), square(A, out)) },
  // d asinh x = 1/sqrt(x² + 1)
  asinh: { d: (A, x) => A.div(one(A, x), A.sqrt(A.add(square(A, x), one(A, x)))) },
  // d acosh x = 1/(sqrt(x - 1) sqrt(x + 1)), SymPy's form: equal to 1/sqrt(x² - 1) on x > 1
  acosh: {
    d: (A, x) => A.div(one(A, x), A.mul(A.sqrt(A.sub(x, one(A, x))), A.sqrt(A.add(x, one(A, x))))),
  },
  // d atanh x = 1/(1 - x²)
  atanh: { d: (A, x) => A.div(one(A, x), A.sub(one(A, x), square(A, x))) },
  // d |x| = sign x for real x; at 0 this gives 0, as PyTorch does
  abs: { d: (A, x) => A.sign(x) },
  // sign is flat almost everywhere; PyTorch (and mibun) give 0, not SymPy's 2·DiracDelta(x)
  sign: { d: (A, x) => A.num(0, x) },
  // d erf x = 2 exp(-x²)/sqrt(π)
  erf: {
    d: (A, x) => A.div(A.mul(A.num(2, x), A.exp(A.neg(square(A, x)))), A.sqrt(A.pi(x))),
  },
  // relu'(x) = 1 for x > 0, else 0 (PyTorch: relu'(0) = 0); sign(relu x) is exactly that
  relu: { d: (A, _x, out) => A.sign(out) },
  // σ' = σ(1 - σ)
  sigmoid: { d: (A, _x, out) => A.mul(out, A.sub(one(A, out), out)) },
  // softplus' = σ(x) = 1/(1 + exp(-x)), the smooth function's (as SymPy's). The float64 value
  // is x itself above SOFTPLUS_THRESHOLD (scalar.ts); autograd makes its partial 1 there.
  softplus: { d: (A, x) => A.div(one(A, x), A.add(one(A, x), A.exp(A.neg(x)))) },
  // gelu(x) = x Φ(x) with Φ(x) = (1 + erf(x/√2))/2, so gelu' = Φ(x) + x exp(-x²/2)/sqrt(2π)
  gelu: {
    d: (A, x) => {
      const two = A.num(2, x);
      const cdf = A.div(A.add(one(A, x), A.erf(A.div(x, A.sqrt(two)))), two);
      const pdf = A.div(A.exp(A.neg(A.div(square(A, x), two))), A.sqrt(A.mul(two, A.pi(x))));
      return A.add(cdf, A.mul(x, pdf));
    },
  },
};

// ∂max(a, b)/∂a = 1 where a > b, 0 where a < b, 1/2 at a tie (PyTorch splits ties evenly)
const tieSplit = <T>(A: Algebra<T>, winner: T, loser: T): T =>
  A.div(A.add(one(A, winner), A.sign(A.sub(winner, loser))), A.num(2, winner));

export const BINARY: Readonly<Record<BinaryOp, BinaryRule>> = {
  add: { da: (A, a) => one(A, a), db: (A, _a, b) => one(A, b) },
  sub: { da: (A, a) => one(A, a), db: (A, _a, b) => A.num(-1, b) },
  mul: { da: (_A, _a, b) => b, db: (_A, a) => a },
  // d(a/b) = 1/b da - a/b² db
  div: {
    da: (A, _a, b) => A.div(one(A, b), b),
    db: (A, a, b) => A.neg(A.div(a, square(A, b))),
  },
  // d(a**b) = b a**(b-1) da + a**b log(a) db
  pow: {
    da: (A, a, b) => A.mul(b, A.pow(a, A.sub(b, one(A, b)))),
    db: (A, a, _b, out) => A.mul(out, A.log(a)),
  },
  // atan2(a, b) is the angle of the point (b, a): ∂a = b/(a² + b²), ∂b = -a/(a² + b²)
  atan2: {
    da: (A, a, b) => A.div(b, A.add(square(A, a), square(A, b))),
    db: (A, a, b) => A.div(A.neg(a), A.add(square(A, a), square(A, b))),
  },
  maximum: { da: (A, a, b) => tieSplit(A, a, b), db: (A, a, b) => tieSplit(A, b, a) },
  minimum: { da: (A, a, b) => tieSplit(A, b, a), db: (A, a, b) => tieSplit(A, a, b) },
};
