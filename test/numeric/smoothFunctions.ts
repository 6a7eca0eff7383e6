/**
 * Smooth test functions with their exact derivatives, written out by hand (the closed forms are
 * textbook calculus; each can be checked with SymPy's diff). Used by the accuracy test and by the
 * numeric benchmark's accuracy table. Every derivative here is nonzero at its point, so relative
 * error is well defined.
 */
export interface SmoothCase {
  name: string;
  f: (x: number) => number;
  /** the exact first derivative */
  df: (x: number) => number;
  x: number;
}

const sq = (x: number): number => x * x;

export const SMOOTH_CASES: readonly SmoothCase[] = [
  { name: 'exp(x) at 1', f: Math.exp, df: Math.exp, x: 1 },
  { name: 'exp(x) at -3', f: Math.exp, df: Math.exp, x: -3 },
  { name: 'exp(x) at 10', f: Math.exp, df: Math.exp, x: 10 },
  { name: 'exp(-x) at 0.001', f: (x) => Math.exp(-x), df: (x) => -Math.exp(-x), x: 0.001 },
  { name: 'log(x) at 2', f: Math.log, df: (x) => 1 / x, x: 2 },
  { name: 'log(x) at 0.05', f: Math.log, df: (x) => 1 / x, x: 0.05 },
  { name: 'log(x) at 1e6', f: Math.log, df: (x) => 1 / x, x: 1e6 },
  { name: 'sin(x) at 0.7', f: Math.sin, df: Math.cos, x: 0.7 },
  { name: 'cos(x) at 2', f: Math.cos, df: (x) => -Math.sin(x), x: 2 },
  { name: 'tan(x) at 1', f: Math.tan, df: (x) => 1 / sq(Math.cos(x)), x: 1 },
  { name: 'atan(x) at 0.5', f: Math.atan, df: (x) => 1 / (1 + x * x), x: 0.5 },
  { name: 'asin(x) at 0.3', f: Math.asin, df: (x) => 1 / Math.sqrt(1 - x * x), x: 0.3 },
  { name: 'acos(x) at -0.4', f: Math.acos, df: (x) => -1 / Math.sqrt(1 - x * x), x: -0.4 },
  { name: 'sqrt(x) at 3', f: Math.sqrt, df: (x) => 1 / (2 * Math.sqrt(x)), x: 3 },
  { name: 'cbrt(x) at 8', f: Math.cbrt, df: (x) => 1 / (3 * sq(Math.cbrt(x))), x: 8 },
  { name: '1/x at 3', f: (x) => 1 / x, df: (x) => -1 / (x * x), x: 3 },
  {
    name: '1/(1+x^2) at 1.5',
    f: (x) => 1 / (1 + x * x),
    df: (x) => (-2 * x) / sq(1 + x * x),
    x: 1.5,
  },
  { name: '(x-1)/(x+2) at 0.5', f: (x) => (x - 1) / (x + 2), df: (x) => 3 / sq(x + 2), x: 0.5 },
  { name: 'x^3-2x+1 at 1.2', f: (x) => x ** 3 - 2 * x + 1, df: (x) => 3 * x * x - 2, x: 1.2 },
  { name: 'x^5 at 2', f: (x) => x ** 5, df: (x) => 5 * x ** 4, x: 2 },
  { name: 'x^3 at 1e5', f: (x) => x ** 3, df: (x) => 3 * x * x, x: 1e5 },
  { name: 'x^-1.5 at 4', f: (x) => x ** -1.5, df: (x) => -1.5 * x ** -2.5, x: 4 },
  {
    name: '(x^2+2x)log(x) at 1 (seed)',
    f: (x) => (x * x + 2 * x) * Math.log(x),
    df: (x) => 2 * (x + 1) * Math.log(x) + (x + 2),
    x: 1,
  },
  { name: 'sinh(x) at 1', f: Math.sinh, df: Math.cosh, x: 1 },
  { name: 'cosh(x) at -2', f: Math.cosh, df: Math.sinh, x: -2 },
  { name: 'tanh(x) at 0.5', f: Math.tanh, df: (x) => 1 - sq(Math.tanh(x)), x: 0.5 },
  { name: 'asinh(x) at 2', f: Math.asinh, df: (x) => 1 / Math.sqrt(1 + x * x), x: 2 },
  { name: 'atanh(x) at 0.5', f: Math.atanh, df: (x) => 1 / (1 - x * x), x: 0.5 },
  { name: 'log1p(x) at 1e-4', f: Math.log1p, df: (x) => 1 / (1 + x), x: 1e-4 },
  { name: 'expm1(x) at -1e-3', f: Math.expm1, df: Math.exp, x: -1e-3 },
  {
    name: 'exp(sin(x)) at 1',
    f: (x) => Math.exp(Math.sin(x)),
    df: (x) => Math.cos(x) * Math.exp(Math.sin(x)),
    x: 1,
  },
  {
    name: 'sin(exp(x)) at 0.5',
    f: (x) => Math.sin(Math.exp(x)),
    df: (x) => Math.exp(x) * Math.cos(Math.exp(x)),
    x: 0.5,
  },
  {
    name: 'log(1+x^2) at 2',
    f: (x) => Math.log(1 + x * x),
    df: (x) => (2 * x) / (1 + x * x),
    x: 2,
  },
  {
    name: 'x exp(-x^2) at 0.8',
    f: (x) => x * Math.exp(-x * x),
    df: (x) => (1 - 2 * x * x) * Math.exp(-x * x),
    x: 0.8,
  },
  {
    name: 'x^x at 1.5',
    f: (x) => x ** x,
    df: (x) => x ** x * (Math.log(x) + 1),
    x: 1.5,
  },
  {
    name: 'sqrt(1+x^2) at 1e3',
    f: (x) => Math.sqrt(1 + x * x),
    df: (x) => x / Math.sqrt(1 + x * x),
    x: 1e3,
  },
  {
    name: 'sigmoid(x) at 0.3',
    f: (x) => 1 / (1 + Math.exp(-x)),
    df: (x) => Math.exp(-x) / sq(1 + Math.exp(-x)),
    x: 0.3,
  },
  {
    name: 'log(cosh(x)) at 1.1',
    f: (x) => Math.log(Math.cosh(x)),
    df: Math.tanh,
    x: 1.1,
  },
  { name: 'cos(x)^2 at 0.4', f: (x) => sq(Math.cos(x)), df: (x) => -Math.sin(2 * x), x: 0.4 },
  { name: 'sin(3x) at 0.2', f: (x) => Math.sin(3 * x), df: (x) => 3 * Math.cos(3 * x), x: 0.2 },
  {
    name: 'atan(exp(x)) at 0',
    f: (x) => Math.atan(Math.exp(x)),
    df: (x) => Math.exp(x) / (1 + Math.exp(2 * x)),
    x: 0,
  },
  {
    name: 'exp(-x)sin(x) at 1',
    f: (x) => Math.exp(-x) * Math.sin(x),
    df: (x) => Math.exp(-x) * (Math.cos(x) - Math.sin(x)),
    x: 1,
  },
  {
    name: 'log(x)/x at 2.5',
    f: (x) => Math.log(x) / x,
    df: (x) => (1 - Math.log(x)) / (x * x),
    x: 2.5,
  },
  {
    name: 'x sin(1/x) at 2',
    f: (x) => x * Math.sin(1 / x),
    df: (x) => Math.sin(1 / x) - Math.cos(1 / x) / x,
    x: 2,
  },
  { name: '2^x at 3', f: (x) => 2 ** x, df: (x) => 2 ** x * Math.LN2, x: 3 },
  {
    name: 'sin(x)/x at 1',
    f: (x) => Math.sin(x) / x,
    df: (x) => (x * Math.cos(x) - Math.sin(x)) / (x * x),
    x: 1,
  },
  {
    name: 'hypot(x, 3) at 4',
    f: (x) => Math.hypot(x, 3),
    df: (x) => x / Math.hypot(x, 3),
    x: 4,
  },
  {
    name: 'cos(x)exp(x) at -1',
    f: (x) => Math.cos(x) * Math.exp(x),
    df: (x) => Math.exp(x) * (Math.cos(x) - Math.sin(x)),
    x: -1,
  },
  {
    name: 'exp(x)/(x^2+1) at -0.5',
    f: (x) => Math.exp(x) / (x * x + 1),
    df: (x) => (Math.exp(x) * sq(x - 1)) / sq(x * x + 1),
    x: -0.5,
  },
  {
    name: 'log(2+sin(x)) at 3',
    f: (x) => Math.log(2 + Math.sin(x)),
    df: (x) => Math.cos(x) / (2 + Math.sin(x)),
    x: 3,
  },
];
