/**
 * fast-check generators of random trees over every op of the rules table that all four engines
 * know (every unary op; add, sub, mul, div, pow, atan2), each argument kept inside its op's
 * domain by construction: log and sqrt of u**2 + 1 or exp(u), asin/acos/atanh of tanh(u)/2,
 * acosh of u**2 + 2, tan/sec of tanh(u), cot/csc of tanh(u) + 3/2. Kinks (abs, sign, relu) and
 * poles (u/v, u**-2) are left unguarded: the properties skip points too close to them
 * (`singularDistance`).
 */
import fc from 'fast-check';
import { UNARY_OPS, type UnaryOp } from '../../src/rules/index.js';
import { b2, c, half, u1, v, type Tree } from './tree.js';

const one = c(1);
const two = c(2);
/** ≥ 1 everywhere */
const squarePlusOne = (u: Tree): Tree => b2('add', b2('pow', u, two), one);
/** in (-1/2, 1/2) */
const halfTanh = (u: Tree): Tree => b2('div', u1('tanh', u), two);

/** The argument each unary op gets, so that a random tree is real and finite everywhere. */
const GUARD: Readonly<Record<UnaryOp, ((u: Tree) => Tree)[]>> = {
  neg: [(u) => u],
  exp: [(u) => u],
  log: [squarePlusOne, (u) => u1('exp', u)],
  sqrt: [squarePlusOne, (u) => u1('exp', u)],
  sin: [(u) => u],
  cos: [(u) => u],
  tan: [(u) => u1('tanh', u)],
  cot: [(u) => b2('add', u1('tanh', u), c(1.5, '3/2'))],
  sec: [(u) => u1('tanh', u)],
  csc: [(u) => b2('add', u1('tanh', u), c(1.5, '3/2'))],
  asin: [halfTanh],
  acos: [halfTanh],
  atan: [(u) => u],
  sinh: [(u) => u],
  cosh: [(u) => u],
  tanh: [(u) => u],
  asinh: [(u) => u],
  acosh: [(u) => b2('add', b2('pow', u, two), two)],
  atanh: [halfTanh],
  abs: [(u) => u],
  sign: [(u) => u],
  erf: [(u) => u],
  relu: [(u) => u],
  sigmoid: [(u) => u],
  softplus: [(u) => u],
  gelu: [(u) => u],
};

const BINARY: ((a: Tree, b: Tree) => Tree)[] = [
  (a, b) => b2('add', a, b),
  (a, b) => b2('sub', a, b),
  (a, b) => b2('mul', a, b),
  (a, b) => b2('div', a, b), // a pole where b = 0: skipped by singularDistance
  (a, b) => b2('div', a, squarePlusOne(b)),
  (a, b) => b2('pow', squarePlusOne(a), u1('tanh', b)), // a symbolic exponent
  (a, b) => b2('atan2', a, squarePlusOne(b)),
  (a, b) => b2('atan2', squarePlusOne(a), b),
  (a, b) => b2('pow', u1('exp', a), b), // exp(a)**b, which the symbolic side writes exp(a*b)
];

/** Small exact exponents: integer powers, and halves of a positive base. */
const POWER: ((a: Tree) => Tree)[] = [
  (a) => b2('pow', a, two),
  (a) => b2('pow', a, c(3)),
  (a) => b2('pow', a, c(-1)),
  (a) => b2('pow', a, c(-2)),
  (a) => b2('pow', squarePlusOne(a), half),
  (a) => b2('pow', squarePlusOne(a), c(-1.5, '-3/2')),
  (a) => b2('pow', two, u1('tanh', a)), // a constant base: x.rpow(2) on the autograd side
  // powers of a square, which the symbolic side rewrites with Abs for real symbols
  (a) => b2('pow', b2('pow', a, two), half),
  (a) => b2('pow', b2('pow', a, two), c(1.5, '3/2')),
];

const CONSTANTS: Tree[] = [c(-3), c(-2), c(-1), one, two, c(3), half, c(1.5, '3/2')];

/** A random tree in `variables` variables (x, y, z) of at most `depth` generated levels. */
export function treeArbitrary(variables: 1 | 2 | 3, depth = 4): fc.Arbitrary<Tree> {
  const leaf: fc.Arbitrary<Tree> = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: variables - 1 }).map(v) },
    { weight: 1, arbitrary: fc.constantFrom(...CONSTANTS) },
  );
  const unary = fc.constantFrom(...UNARY_OPS);
  const build = (level: number): fc.Arbitrary<Tree> => {
    if (level === 0) return leaf;
    const sub = build(level - 1);
    return fc.oneof(
      { weight: 2, arbitrary: leaf },
      {
        weight: 3,
        arbitrary: fc
          .tuple(unary, fc.nat(), sub)
          .map(([op, k, a]) => u1(op, GUARD[op][k % GUARD[op].length]!(a))),
      },
      {
        weight: 3,
        arbitrary: fc
          .tuple(fc.integer({ min: 0, max: BINARY.length - 1 }), sub, sub)
          .map(([k, a, b]) => BINARY[k]!(a, b)),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.integer({ min: 0, max: POWER.length - 1 }), sub)
          .map(([k, a]) => POWER[k]!(a)),
      },
    );
  };
  return build(depth);
}

/**
 * A point with each coordinate in [-2, 2]: mostly spread evenly (decimal fractions, as people
 * type them), sometimes fast-check's doubles, which favour edge cases (±0, tiny, ±2).
 */
export function pointArbitrary(variables: number): fc.Arbitrary<number[]> {
  const coordinate = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.noBias(fc.integer({ min: -2_000_000, max: 2_000_000 })).map((n) => n / 1e6),
    },
    { weight: 1, arbitrary: fc.double({ min: -2, max: 2, noNaN: true }) },
  );
  return fc.array(coordinate, { minLength: variables, maxLength: variables });
}
