/**
 * SymPy's `together`: every sum over one common denominator, keeping factors whole,
 * `1/x + 1/y` → `(x + y)/(x*y)`; with `deep`, inside functions and exponents too.
 */
import { core } from '../core.js';
import type { Node } from '../node.js';
import { gcdTermsOf } from './gcdTerms.js';
import { tooDeep } from './depth.js';
import { keyedCache } from './memo.js';
import { rebuild } from './walk.js';

export interface TogetherOptions {
  /** Also inside function arguments and exponents (default false). */
  deep?: boolean;
  /** Bring sums over a common denominator (default true); false only pulls common factors. */
  fraction?: boolean;
}

export function together(n: Node, options: TogetherOptions = {}): Node {
  const deep = options.deep ?? false;
  const fraction = options.fraction ?? true;
  if (tooDeep(n)) return n;
  return togetherCache(`${deep ? 1 : 0}${fraction ? 1 : 0}`, n, () =>
    togetherUncached(n, deep, fraction),
  );
}

const togetherCache = keyedCache();

function togetherUncached(n: Node, deep: boolean, fraction: boolean): Node {
  const memo = new Map<Node, Node>();
  const go = (e: Node): Node => {
    let r = memo.get(e);
    if (r === undefined) {
      r = run(e);
      memo.set(e, r);
    }
    return r;
  };
  const run = (e: Node): Node => {
    if (e.args.length === 0 || (e.kind === 'fn' && !deep)) return e;
    if (e.kind === 'add') return gcdTermsOf(e.args.map(go), { fraction });
    if (e.kind === 'pow') return core.pow(go(e.args[0]!), deep ? go(e.args[1]!) : e.args[1]!);
    return rebuild(e, e.args.map(go));
  };
  return go(n);
}
