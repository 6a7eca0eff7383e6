/**
 * Properties of the rewrites over random expressions (fast-check): each keeps the value of its
 * input wherever the input is defined, and simplify never returns more operations than it was
 * given. Values are compared with a tolerance scaled by the largest intermediate value of the
 * input, since an exact rewrite may remove cancellation the float evaluation suffers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { core } from '../../src/symbolic/core.js';
import { HALF, makeInteger, makeRational, makeSymbol, NEG_ONE } from '../../src/symbolic/node.js';
import type { Node } from '../../src/symbolic/node.js';
import { evalNode } from '../../src/symbolic/numeric.js';
import { cancel } from '../../src/symbolic/simplify/cancel.js';
import { collect } from '../../src/symbolic/simplify/collect.js';
import { countOps } from '../../src/symbolic/simplify/countOps.js';
import { expand } from '../../src/symbolic/simplify/expand.js';
import { factorTerms } from '../../src/symbolic/simplify/factorTerms.js';
import { expandLog, logcombine } from '../../src/symbolic/simplify/logs.js';
import { powsimp } from '../../src/symbolic/simplify/powsimp.js';
import { simplify } from '../../src/symbolic/simplify/simplify.js';
import { together } from '../../src/symbolic/simplify/together.js';
import { trigsimp } from '../../src/symbolic/simplify/trigsimp.js';
import { str } from './simplifyHelpers.js';

const x = makeSymbol('x');
const y = makeSymbol('y');

const leaf: fc.Arbitrary<Node> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(x, y) },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 4 }).map((i) => makeInteger(BigInt(i))) },
  { weight: 1, arbitrary: fc.constantFrom(HALF, makeRational(-2n, 3n)) },
);

const { node: randomExpr } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'expr' },
    leaf,
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => core.add([a, b])),
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => core.add([a, core.mul([NEG_ONE, b])])),
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => core.mul([a, b])),
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => core.mul([a, core.pow(b, NEG_ONE)])),
    fc
      .tuple(tie('node'), fc.integer({ min: -2, max: 3 }))
      .map(([a, k]) => core.pow(a, makeInteger(BigInt(k)))),
    fc
      .tuple(fc.constantFrom('exp', 'log', 'sin', 'cos'), tie('node'))
      .map(([f, a]) => core.fn(f, [a])),
  ),
}));

const POINTS: readonly [number, number][] = [
  [0.7, 1.3],
  [-0.45, 2.2],
  [1.9, -0.8],
];

/** The value at a point and the largest magnitude met on the way (NaN if undefined). */
function valueAt(n: Node, [xv, yv]: [number, number]): { v: number; scale: number } {
  const memo = new Map<Node, number>();
  const v = evalNode(
    n,
    new Map([
      [x, xv],
      [y, yv],
    ]),
    memo,
  );
  let scale = 1;
  for (const m of memo.values()) if (Number.isFinite(m)) scale = Math.max(scale, Math.abs(m));
  return { v, scale };
}

/** out has the value of input at every point where input is finite and not huge. */
function assertSameValue(input: Node, out: Node): void {
  for (const p of POINTS) {
    const a = valueAt(input, p);
    if (!Number.isFinite(a.v) || a.scale > 1e8) continue;
    const b = valueAt(out, p);
    const tol = 1e-7 * Math.max(a.scale, b.scale);
    if (!(Math.abs(a.v - b.v) <= tol))
      throw new Error(`${str(input)} → ${str(out)}: ${a.v} ≠ ${b.v} at x=${p[0]}, y=${p[1]}`);
  }
}

const check = (name: string, f: (n: Node) => Node, numRuns = 150): void => {
  it(`${name} keeps the value`, () => {
    fc.assert(
      fc.property(randomExpr, (e) => assertSameValue(e, f(e))),
      { numRuns, seed: 20240611 },
    );
  });
};

describe('rewrites keep the value of random expressions', () => {
  check('simplify', simplify, 200);
  check('expand', (n) => expand(n));
  check('cancel', cancel);
  check('together', (n) => together(n, { deep: true }));
  check('factorTerms', (n) => factorTerms(n));
  check('collect(·, x)', (n) => collect(n, x));
  check('powsimp', (n) => powsimp(n, { deep: true }));
  check('trigsimp', trigsimp);
  check('expandLog', expandLog);
  check('logcombine', logcombine);
});

describe('simplify', () => {
  it('never returns more operations than its input', () => {
    fc.assert(
      fc.property(randomExpr, (e) => countOps(simplify(e)) <= countOps(e)),
      { numRuns: 200, seed: 7 },
    );
  });

  it('is idempotent in length: simplifying again does not shorten much further', () => {
    fc.assert(
      fc.property(randomExpr, (e) => {
        const once = simplify(e);
        return countOps(simplify(once)) <= countOps(once);
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});

describe('deep and wide expressions', () => {
  const chain = (levels: number): Node => {
    let e: Node = x;
    for (let i = 0; i < levels; i++)
      e = core.fn(i % 2 ? 'sin' : 'log', [core.add([core.pow(e, makeInteger(2n)), y])]);
    return e;
  };
  const rewrites: Record<string, (n: Node) => Node> = {
    simplify,
    expand: (n) => expand(n),
    cancel,
    together: (n) => together(n, { deep: true }),
    factorTerms: (n) => factorTerms(n),
    collect: (n) => collect(n, x),
    powsimp: (n) => powsimp(n, { deep: true }),
    trigsimp,
    expandLog,
    logcombine,
  };

  it('a chain 10,000 levels deep comes back unchanged, without overflowing the stack', () => {
    const e = chain(5000);
    for (const f of Object.values(rewrites)) expect(f(e)).toBe(e);
    expect(countOps(e)).toBe(3 * 5000); // per level: the function, +, ** (x**2 is one POW)
  });

  it('a chain 100 levels deep is rewritten and keeps its value', () => {
    const e = chain(50);
    for (const f of Object.values(rewrites)) assertSameValue(e, f(e));
  });

  it('a sum of 20,000 terms is simplified', () => {
    const terms: Node[] = [];
    for (let i = 1; i <= 20000; i++)
      terms.push(core.mul([makeInteger(BigInt(i)), core.pow(x, makeInteger(BigInt(i)))]));
    const e = core.add(terms);
    expect(countOps(simplify(e))).toBeLessThanOrEqual(countOps(e));
  });
});
