/**
 * The rules table's Algebra over expression nodes: every derivative the symbolic engine takes
 * comes from src/rules/partials.ts read through this, built with the canonical constructors.
 */
import type { Algebra } from '../rules/index.js';
import { core } from './core.js';
import { HALF, makeInteger, NEG_ONE, ONE, PI } from './node.js';
import type { Node } from './node.js';

const fn1 = (name: string) => (a: Node) => core.fn(name, [a]);

export const EXPR_ALGEBRA: Algebra<Node> = {
  num: (c) => {
    if (!Number.isInteger(c)) throw new Error(`internal: rules asked for the non-integer ${c}`);
    return makeInteger(BigInt(c));
  },
  pi: () => PI,
  add: (a, b) => core.add([a, b]),
  sub: (a, b) => core.add([a, core.mul([NEG_ONE, b])]),
  mul: (a, b) => core.mul([a, b]),
  div: (a, b) => core.mul([a, core.pow(b, NEG_ONE)]),
  neg: (a) => core.mul([NEG_ONE, a]),
  // The rules ask for a non-integer power only in d(a**b)/da = b·a**(b-1). SymPy writes that
  // power as a**b/a (its Pow._eval_derivative multiplies self by b/a), so it is built so here:
  // the same value, and derivatives then print as SymPy's do (x**y*y/x, 3*sqrt(x**3)/(2*x)).
  pow: (a, e) =>
    e.kind === 'integer'
      ? core.pow(a, e)
      : core.mul([core.pow(a, core.add([e, ONE])), core.pow(a, NEG_ONE)]),
  exp: fn1('exp'),
  log: fn1('log'),
  sqrt: (a) => core.pow(a, HALF),
  sin: fn1('sin'),
  cos: fn1('cos'),
  tan: fn1('tan'),
  cot: fn1('cot'),
  sinh: fn1('sinh'),
  cosh: fn1('cosh'),
  sign: fn1('sign'),
  erf: fn1('erf'),
};
