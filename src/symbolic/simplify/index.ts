/**
 * Public simplification API: each function takes an expression (or text, parsed first) and
 * returns an Expr. The node-level implementations live beside this file, one per rewrite.
 */
import { Expr } from '../expr.js';
import type { Node } from '../node.js';
import type { ExprInput } from '../operations.js';
import { parse } from '../parse.js';
import { cancel as cancelNode } from './cancel.js';
import { collect as collectNode } from './collect.js';
import { countOps as countOpsNode } from './countOps.js';
import { expand as expandNode } from './expand.js';
import type { ExpandHints } from './expand.js';
import { factorTerms as factorTermsNode } from './factorTerms.js';
import type { FactorTermsOptions } from './factorTerms.js';
import { expandLog as expandLogNode, logcombine as logcombineNode } from './logs.js';
import { powsimp as powsimpNode } from './powsimp.js';
import type { PowsimpOptions } from './powsimp.js';
import { simplify as simplifyNode } from './simplify.js';
import { together as togetherNode } from './together.js';
import type { TogetherOptions } from './together.js';
import { trigsimp as trigsimpNode } from './trigsimp.js';

export type { ExpandHints, FactorTermsOptions, PowsimpOptions, TogetherOptions };

const nodeOf = (f: ExprInput): Node => (typeof f === 'string' ? parse(f) : f).node;
const lift =
  (g: (n: Node) => Node) =>
  (f: ExprInput): Expr =>
    Expr.of(g(nodeOf(f)));

/**
 * The shortest equivalent form found by SymPy's strategy (cancel, together, factor_terms,
 * powsimp, trig and log rewrites), never with more operations than the input.
 * @example
 * simplify('(2*x + 2)*log(x) + (x**2 + 2*x)/x').toString(); // 'x + 2*(x + 1)*log(x) + 2'
 */
export const simplify = lift(simplifyNode);

/**
 * Multiply out products and integer powers of sums, split sums in exponents and valid log
 * products (SymPy's expand; each hint can be turned off).
 * @example
 * expand('(x + 1)**2').toString(); // 'x**2 + 2*x + 1'
 */
export function expand(f: ExprInput, hints: ExpandHints = {}): Expr {
  return Expr.of(expandNode(nodeOf(f), hints));
}

/**
 * A rational function in lowest terms, numerator and denominator expanded; `log(x)`,
 * `exp(x)`, `sqrt(x)`… count as variables.
 * @example
 * cancel('(x**2 - 1)/(x - 1)').toString(); // 'x + 1'
 */
export const cancel = lift(cancelNode);

/**
 * One common denominator, factors kept whole.
 * @example
 * together('1/x + 1/y').toString(); // '(x + y)/(x*y)'
 */
export function together(f: ExprInput, options: TogetherOptions = {}): Expr {
  return Expr.of(togetherNode(nodeOf(f), options));
}

/**
 * The numeric content and common factors pulled out of every sum, nothing expanded.
 * @example
 * factorTerms('2*x + 2').toString(); // '2*(x + 1)'
 */
export function factorTerms(f: ExprInput, options: FactorTermsOptions = {}): Expr {
  return Expr.of(factorTermsNode(nodeOf(f), options));
}

/**
 * The terms of a sum grouped by the power of `x` they hold.
 * @example
 * collect('a*x**2 + b*x**2 + a*x - b*x + c', 'x').toString(); // 'c + x**2*(a + b) + x*(a - b)'
 */
export function collect(f: ExprInput, x: ExprInput): Expr {
  return Expr.of(collectNode(nodeOf(f), nodeOf(x)));
}

/** Combine powers: `x**a*x**b` → `x**(a + b)`, `exp(x)*exp(y)` → `exp(x + y)`. */
export function powsimp(f: ExprInput, options: PowsimpOptions = {}): Expr {
  return Expr.of(powsimpNode(nodeOf(f), options));
}

/**
 * Split logarithms where valid for real symbols.
 * @example
 * expandLog('log(8*sqrt(x))').toString(); // 'log(x)/2 + 3*log(2)'
 */
export const expandLog = lift(expandLogNode);

/**
 * Merge logarithms of positive arguments.
 * @example
 * logcombine('log(2) + log(3)').toString(); // 'log(6)'
 */
export const logcombine = lift(logcombineNode);

/**
 * Pythagorean, ratio, double-angle and angle-sum identities.
 * @example
 * trigsimp('sin(x)**2 + cos(x)**2').toString(); // '1'
 */
export const trigsimp = lift(trigsimpNode);

/**
 * SymPy's count_ops: the number of operations, the measure simplify minimises.
 * @example
 * countOps('x**2 + 2*x + 1'); // 4
 */
export function countOps(f: ExprInput): number {
  return countOpsNode(nodeOf(f));
}
