/**
 * mibun's promise, checked on random functions: symbolic `diff`, reverse-mode autograd, the
 * by-hand graph and finite differences give the same derivatives. The trees come from
 * `arbitrary.ts` (every op all engines share, kept inside its domain); each property evaluates
 * them at random points in [-2, 2]³, skipping points within 0.05 of a kink or pole and trees
 * whose inner values exceed 1e6 (where finite differences, not the engines, would be wrong).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compile,
  compileMany,
  diff,
  evaluate,
  parse,
  printSympy,
  type Expr,
} from '../../src/symbolic/index.js';
import { pointArbitrary, treeArbitrary } from './arbitrary.js';
import { close, expectAllClose, expectClose, sameNumber } from './compare.js';
import { toExpr } from './engines.js';
import { printTree } from './print.js';
import {
  autogradGradient,
  autogradHessian,
  autogradSecond,
  graphGradient,
  names,
  numericFirst,
  numericGradient,
  numericHessian,
  symbolicFirst,
  symbolicGradient,
  symbolicHessian,
  valuesAt,
} from './runEngines.js';
import {
  evaluateTree,
  largestMagnitude,
  singularDistance,
  usesVariable,
  type Tree,
} from './tree.js';

/** Scale every run count (e.g. MIBUN_CROSS_RUNS=20 for a long soak); 1 keeps the suite fast. */
const SCALE = Math.max(1, Number(process.env['MIBUN_CROSS_RUNS'] ?? 1));
const runs = (n: number): { numRuns: number } => ({ numRuns: Math.round(n * SCALE) });

/** A point where every engine, finite differences included, is on firm ground. */
function usable(t: Tree, point: readonly number[]): boolean {
  const used = point.some((_, i) => usesVariable(t, i));
  return used && largestMagnitude(t, point) < 1e6 && singularDistance(t, point) > 0.05;
}

const scenario = (variables: 1 | 2 | 3, depth = 4) =>
  fc
    .tuple(treeArbitrary(variables, depth), pointArbitrary(variables))
    .filter(([t, p]) => usable(t, p));

/** The text of a failing case, so a counterexample can be pasted into a REPL. */
const describeCase = (t: Tree, p: readonly number[]): string =>
  `${printTree(t)} at ${JSON.stringify(valuesAt(p))}`;

function withCase(t: Tree, p: readonly number[], check: () => void): void {
  try {
    check();
  } catch (e) {
    throw new Error(`${describeCase(t, p)}\n${(e as Error).message}`);
  }
}

describe('forward values: every engine computes the same function', () => {
  it('autograd and the graph match the tree bit for bit; symbolic evaluate to rounding', () => {
    fc.assert(
      fc.property(scenario(3), ([t, p]) =>
        withCase(t, p, () => {
          const want = evaluateTree(t, p);
          const [adValue] = autogradGradient(t, p);
          const [graphValue] = graphGradient(t, p);
          expect(sameNumber(adValue, want)).toBe(true);
          expect(sameNumber(graphValue, want)).toBe(true);
          // the symbolic engine reorders sums and products while canonicalising
          expectClose('evaluate(parse(f))', evaluate(toExpr(t), valuesAt(p)), want, 1e-11);
        }),
      ),
      runs(150),
    );
  });
});

describe('first derivatives in one variable', () => {
  it('(a) symbolic diff = autograd (float64, one-element tensors) to 1e-9', () => {
    fc.assert(
      fc.property(scenario(1), ([t, p]) =>
        withCase(t, p, () => {
          const sym = symbolicFirst(toExpr(t), p);
          const [, [ad]] = autogradGradient(t, p);
          expectClose('autograd vs symbolic', ad!, sym, 1e-9);
        }),
      ),
      runs(200),
    );
  });

  it('(b) the by-hand graph = autograd (the same rules, the same order: to the last bits)', () => {
    fc.assert(
      fc.property(scenario(1), ([t, p]) =>
        withCase(t, p, () => {
          const [, [graph]] = graphGradient(t, p);
          const [, [ad]] = autogradGradient(t, p);
          expectClose('graph vs autograd', graph!, ad!, 1e-13);
        }),
      ),
      runs(200),
    );
  });

  it('(c) numeric derivativeEstimate: within 1e-6 relative, and within its reported error', () => {
    fc.assert(
      fc.property(scenario(1), ([t, p]) =>
        withCase(t, p, () => {
          const sym = symbolicFirst(toExpr(t), p);
          const est = numericFirst(t, p[0]!);
          expectClose('numeric vs symbolic', est.value, sym, 1e-6);
          // The error estimate is a heuristic (the numeric docs measure it bounding the true
          // error in 99.4-100% of cases); exploring 4,500 trees found it short by at most
          // 1.2x, so a factor 2 is allowed. The 1e-13 term is the symbolic value's own rounding.
          const bound = 2 * est.error + 1e-13 * Math.max(Math.abs(sym), 1);
          if (!(Math.abs(est.value - sym) <= bound)) {
            throw new Error(`numeric ${est.value} ± ${est.error}, symbolic ${sym}`);
          }
        }),
      ),
      runs(150),
    );
  });
});

describe('(d) second derivatives in one variable', () => {
  it('diff twice = diff(f, x, 2) = autograd grad of grad (createGraph) = numeric n: 2', () => {
    fc.assert(
      fc.property(scenario(1, 3), ([t, p]) =>
        withCase(t, p, () => {
          const f = toExpr(t);
          const values = valuesAt(p);
          const twice = evaluate(diff(diff(f, 'x'), 'x'), values);
          const second = evaluate(diff(f, 'x', 2), values);
          expectClose('diff(f, x, 2) vs diff(diff(f, x), x)', second, twice, 1e-9);
          expectClose('autograd grad of grad', autogradSecond(t, p), twice, 1e-9);
          const est = numericFirst(t, p[0]!, 2);
          expectClose('numeric n: 2', est.value, twice, 1e-5);
        }),
      ),
      runs(100),
    );
  });
});

describe('(e) gradients and Hessians in 2 and 3 variables', () => {
  for (const variables of [2, 3] as const) {
    it(`${variables} variables: symbolic gradient/hessian = autograd = graph = numeric`, () => {
      fc.assert(
        fc.property(scenario(variables, 3), ([t, p]) =>
          withCase(t, p, () => {
            const f = toExpr(t);
            const symG = symbolicGradient(f, p);
            const [, adG] = autogradGradient(t, p);
            const [, graphG] = graphGradient(t, p);
            expectAllClose('autograd gradient', adG, symG, 1e-9);
            expectAllClose('graph gradient', graphG, adG, 1e-13);
            expectAllClose('numeric gradient', numericGradient(t, p), symG, 1e-6);

            const symH = symbolicHessian(f, p).flat();
            expectAllClose('autograd hessian', autogradHessian(t, p).flat(), symH, 1e-9);
            expectAllClose('numeric hessian', numericHessian(t, p).flat(), symH, 1e-4);
          }),
        ),
        runs(40),
      );
    });
  }
});

describe('(f) compile(f) = evaluate(f), bit for bit', () => {
  it('for f and its derivatives, at random points (the sign of a zero aside, see below)', () => {
    fc.assert(
      fc.property(scenario(3, 3), ([t, p]) =>
        withCase(t, p, () => {
          const f = toExpr(t);
          const vars = names(p.length);
          const values = valuesAt(p);
          for (const g of [f, ...vars.map((v) => diff(f, v))]) {
            const compiled = compile(g, vars)(...p);
            const evaluated = evaluate(g, values);
            if (!sameNumber(compiled, evaluated)) {
              throw new Error(`${String(g)}: compile ${compiled}, evaluate ${evaluated}`);
            }
          }
        }),
      ),
      runs(150),
    );
  });

  // BUG (src/symbolic, evaluate): a sum whose terms are all -0 evaluates to +0, because the
  // evaluator starts its sum at +0 (0 + -0 = +0) while compile's generated `t0 + t1` keeps -0,
  // as IEEE addition and autograd do. A later atan2 or 1/… turns the sign into a real
  // difference: atan2(x**5 + x**3, -1) at x = -1e-200 (x³ and x⁵ underflow to -0) evaluates to
  // +π; compile and autograd give -π.
  it.fails('keeps the sign of a zero sum: atan2(x**3 + x**5, -1) at x = -1e-200', () => {
    const f = parse('atan2(x**3 + x**5, -1)');
    expect(compile(f, ['x'])(-1e-200)).toBe(-Math.PI);
    expect(evaluate(f, { x: -1e-200 })).toBe(-Math.PI);
  });

  // BUG (src/symbolic, compileMany): with one expression the generated code returns the bare
  // value (`return t0;`) instead of an array, though the type and the docs promise number[]:
  // compileMany([parse('x**2')], ['x'])(3) is 9, not [9]. A gradient in one variable hits it.
  it.fails('compileMany of one expression returns an array of one value', () => {
    expect(compileMany([parse('x**2')], ['x'])(3)).toEqual([9]);
  });
});

describe('(g) printing diff(f) and parsing it back', () => {
  it('gives an expression with the same values', () => {
    fc.assert(
      fc.property(scenario(2, 4), ([t, p]) =>
        withCase(t, p, () => {
          const f: Expr = toExpr(t);
          const values = valuesAt(p);
          for (const g of [f, diff(f, 'x'), diff(f, 'x', 'y')]) {
            const text = printSympy(g);
            const back = parse(text);
            const a = evaluate(back, values);
            const b = evaluate(g, values);
            if (!close(a, b, 1e-12)) throw new Error(`${text}: reparsed ${a}, original ${b}`);
          }
        }),
      ),
      runs(150),
    );
  });
});
