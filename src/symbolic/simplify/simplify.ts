/**
 * SymPy's `simplify`: try a handful of rewrites and keep the shortest result by `countOps`.
 * The steps are SymPy 1.11's, in its order (sympy/simplify/simplify.py):
 *
 * 1. `signsimp`; the arguments of functions other than exp are simplified first;
 * 2. every subexpression made one fraction (`normal`), then `powsimp` and the rational content
 *    pulled out;
 * 3. the shortest of `cancel`, `cancel` after expanding, and `together` (deep);
 * 4. `factor_terms` (with `sign: false`), then trig identities and log rewrites where present;
 * 5. the shortest of `powsimp` variants, `cancel`, `factor_terms`, `expand_mul`;
 * 6. `2*(x + 1)` distributed again, and a leading minus sign tidied.
 *
 * Unlike SymPy (which accepts up to 1.7 times the input's operations), the result is never
 * longer than the input: otherwise the input comes back unchanged.
 */
import { core, ordering } from '../core.js';

import type { Node } from '../node.js';
import { div, isHollow, mul, neg } from './build.js';
import { cancel } from './cancel.js';
import { contentPrimitive } from './contentPrimitive.js';
import { countOps, shortest } from './countOps.js';
import { expandMul, expandPowerExp, mexpand } from './expand.js';
import { factorTerms } from './factorTerms.js';
import { fraction } from './fraction.js';
import { expandLog, logcombine } from './logs.js';
import { normal } from './normal.js';
import { powsimp } from './powsimp.js';
import { signsimp } from './signsimp.js';
import { together } from './together.js';
import { hasTrig, trigsimp } from './trigsimp.js';
import { tooDeep } from './depth.js';
import { bottomUp, hasFunction, rebuild } from './walk.js';

const cache = new WeakMap<Node, Node>();

const LOG = new Set(['log']);

/** The shortest equivalent form found; never more operations than `n` (see `countOps`). */
export function simplify(n: Node): Node {
  let r = cache.get(n);
  if (r === undefined) {
    r = run(n);
    cache.set(n, r);
  }
  return r;
}

function run(input: Node): Node {
  if (input.args.length === 0 || tooDeep(input)) return input;
  const out = pipeline(input);
  // signsimp may lengthen (`y*(1 - x)` → `-y*(x - 1)`): the input itself is the bound
  return countOps(out) > countOps(input) ? input : out;
}

function pipeline(input: Node): Node {
  const original = signsimp(input);
  let expr = original;
  if (expr.args.length === 0) return expr;

  // simplify the arguments of functions (SymPy's deep `replace`); exp is handled below
  expr = bottomUp(expr, (e) =>
    e.kind === 'fn' && e.name !== 'exp' ? rebuild(e, e.args.map(simplify)) : e,
  );
  if (!(expr.kind === 'add' || expr.kind === 'mul' || expr.kind === 'pow' || isExp(expr))) {
    return expr.kind === 'fn' && expr.name === 'log' ? simplifyLog(expr) : expr;
  }

  expr = bottomUp(expr, normal);
  expr = mul(contentPrimitive(powsimp(expr)));
  const e0 = cancel(expr);
  const expr1 = shortest(e0, cancel(mexpand(e0)));
  const expr2 = shortest(together(expr, { deep: true }), together(expr1, { deep: true }));
  expr = shortest(expr2, expr1, expr);
  expr = factorTerms(expr, { sign: false });

  if (hasTrig(expr)) expr = trigsimp(expr);
  if (hasFunction(expr, LOG)) expr = shortest(expandLog(expr), logcombine(expr));

  let short = shortest(powsimp(expr, { combine: 'exp', deep: true }), powsimp(expr), expr);
  short = shortest(short, cancel(short));
  short = shortest(short, factorTerms(short), expandPowerExp(expandMul(short)));

  // 2*(x + 1) back to 2*x + 2
  expr = bottomUp(short, (e) => (isHollow(e) ? core.mul(e.args) : e));

  if (ordering.couldExtractMinusSign(expr)) {
    const [num, den] = fraction(expr);
    if (den.kind !== 'integer' || den.p !== 0n) expr = signsimp(div(neg(num), neg(den)));
  }

  if (countOps(expr) > countOps(original)) expr = original;
  return expr;
}

const isExp = (n: Node): boolean => n.kind === 'fn' && n.name === 'exp';

/** log._eval_simplify: the argument simplified, then expand_log if that is no longer. */
function simplifyLog(e: Node): Node {
  const expanded = expandLog(e);
  return countOps(expanded) <= countOps(e) ? expanded : e;
}
