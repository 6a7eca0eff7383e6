/**
 * The core's shortcuts for two-argument products and sums (number × factor, product ×
 * new factor, sum + unlike term, …) and its result cache must give exactly the node the
 * general flatten gives. Checked on random canonical expressions, including the shapes the
 * shortcuts are for and the ones they must refuse (like bases, numeric radicals, sums that
 * distribute, floats, zoo, factor_terms' unexpanded c*(a + b)).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addFlatten } from '../../src/symbolic/add.js';
import { core } from '../../src/symbolic/core.js';
import { mulFlatten } from '../../src/symbolic/mul.js';
import { printSympyNode } from '../../src/symbolic/printStr.js';
import { makeMul, makeRational } from '../../src/symbolic/node.js';
import type { Node } from '../../src/symbolic/node.js';
import {
  add,
  applyFunction,
  E,
  float,
  integer,
  mul,
  pi,
  pow,
  rational,
  symbol,
  zoo,
  type Expr,
} from '../../src/symbolic/index.js';

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  fc.constantFrom('x', 'y', 'z').map((n) => symbol(n)),
  fc.integer({ min: -4, max: 4 }).map((n) => integer(n)),
  fc.constantFrom(rational(1, 2), rational(-3, 2), rational(2, 3)),
  fc.constantFrom(float(0.5), float(-2.5), float(1)),
  fc.constantFrom(pi, E),
  fc.constantFrom(pow(2, rational(1, 2)), pow(3, rational(1, 3)), pow(2, symbol('x'))),
);

const tree: fc.Arbitrary<Expr> = fc.letrec<{ t: Expr }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('t'), { minLength: 2, maxLength: 3 }).map((xs) => add(...xs)),
    fc.array(tie('t'), { minLength: 2, maxLength: 3 }).map((xs) => mul(...xs)),
    fc
      .tuple(tie('t'), fc.constantFrom(integer(2), integer(-1), rational(1, 2), symbol('y')))
      .map(([b, e]) => pow(b, e)),
    fc
      .tuple(fc.constantFrom('exp', 'sin', 'log', 'Abs'), tie('t'))
      .map(([f, a]) => applyFunction(f, [a])),
  ),
})).t;

/** Also factor_terms' products c*(a + b), which no constructor makes but users may hold. */
const operand: fc.Arbitrary<Node> = fc.oneof(
  { weight: 6, arbitrary: tree.map((e) => e.node) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(2n, -3n),
        tree.filter((e) => e.kind === 'add'),
      )
      .map(([c, s]) => makeMul([makeRational(c, 1n), s.node])),
  },
  { weight: 1, arbitrary: fc.constant(zoo.node) },
);

/** Identity of nodes, reported in SymPy's notation when it fails. */
function same(got: Node, want: Node): void {
  expect(printSympyNode(got)).toBe(printSympyNode(want));
  expect(got).toBe(want);
}

describe('core shortcuts agree with the general flatten', () => {
  it('products of two factors', () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        same(core.mul([a, b]), mulFlatten([a, b], core, false));
        same(core.mul([b, a]), mulFlatten([a, b], core, false));
      }),
      { numRuns: 400 },
    );
  });

  it('products of three factors', () => {
    fc.assert(
      fc.property(operand, operand, operand, (a, b, c) => {
        same(core.mul([a, b, c]), mulFlatten([a, b, c], core, false));
      }),
      { numRuns: 400 },
    );
  });

  it('sums of two terms', () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        same(core.add([a, b]), addFlatten([a, b], core, false));
        same(core.add([b, a]), addFlatten([a, b], core, false));
      }),
      { numRuns: 400 },
    );
  });

  it("an n-ary sum is Python's left-to-right chain of two-term sums (the parser relies on it)", () => {
    fc.assert(
      fc.property(fc.array(operand, { minLength: 3, maxLength: 6 }), (terms) => {
        const chain = terms.slice(1).reduce((acc, t) => core.add([acc, t]), terms[0]!);
        same(core.add(terms), chain);
      }),
      { numRuns: 300 },
    );
  });

  it('cached results are the ones computed afresh', () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        const first = core.pow(a, b);
        expect(core.pow(a, b)).toBe(first);
        expect(core.mul([a, b, a])).toBe(mulFlatten([a, b, a], core));
      }),
      { numRuns: 200 },
    );
  });
});
