/**
 * The canonicalising constructors, wired together: `core.add`, `core.mul`, `core.pow` and
 * `core.fn` build every expression in its canonical form, and `ordering` knows SymPy's
 * printing order. Each piece lives in its own module and receives `core` as a parameter, so
 * the modules do not import each other in a circle.
 */
import { addFlatten } from './add.js';
import { fnEval } from './functions.js';
import { mulFlatten } from './mul.js';
import type { Core } from './node.js';
import { Ordering } from './order.js';
import { powEval } from './pow.js';

export const core: Core = {
  add: (terms) => addFlatten(terms, core),
  mul: (factors) => mulFlatten(factors, core),
  pow: (base, exp) => powEval(base, exp, core, ordering),
  fn: (name, args) => fnEval(name, args, { core, ord: ordering }),
};

export const ordering = new Ordering(core);
