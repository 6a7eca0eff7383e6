/**
 * SymPy's `signsimp`: a sum that reads better negated (`1 - x` → `-(x - 1)`) gives its minus
 * sign to the product or integer power around it: `y*(1 - x)` → `-y*(x - 1)`,
 * `1/(1 - x)` → `-1/(x - 1)`, `(1 - x)**2` → `(x - 1)**2`. Sums elsewhere keep their form.
 */
import { ordering } from '../core.js';
import { NEG_ONE } from '../node.js';
import type { Node } from '../node.js';
import { mul, neg, pow } from './build.js';
import { memoize } from './memo.js';
import { bottomUp } from './walk.js';

const negatable = (n: Node): boolean => n.kind === 'add' && ordering.couldExtractMinusSign(n);

export const signsimp = memoize(signsimpUncached);

function signsimpUncached(n: Node): Node {
  return bottomUp(n, (e) => {
    if (e.kind === 'mul') {
      let flips = 0;
      const args = e.args.map((a) => {
        if (!negatable(a)) return a;
        flips++;
        return neg(a);
      });
      if (!flips) return e;
      if (flips % 2) args.push(NEG_ONE);
      return mul(args);
    }
    if (e.kind === 'pow' && e.args[1]!.kind === 'integer' && negatable(e.args[0]!)) {
      const [b, x] = e.args as [Node, Node];
      const p = pow(neg(b), x);
      return x.p % 2n === 0n ? p : neg(p);
    }
    return e;
  });
}
