/**
 * The canonicalising constructors, wired together: `core.add`, `core.mul`, `core.pow` and
 * `core.fn` build every expression in its canonical form, and `ordering` knows SymPy's
 * printing order. Each piece lives in its own module and receives `core` as a parameter, so
 * the modules do not import each other in a circle.
 *
 * Results are remembered in a small direct-mapped cache keyed by the operation and its
 * arguments (nodes are hash-consed, so identity is equality): differentiating builds the same
 * products and sums over and over (SymPy caches its constructors for the same reason). The
 * cache holds at most CACHE_SLOTS results strongly; a colliding entry simply replaces the old.
 */
import { addFlatten } from './add.js';
import { fnEval } from './functions.js';
import { mulFlatten } from './mul.js';
import type { Core, Node } from './node.js';
import { Ordering } from './order.js';
import { powEval } from './pow.js';

const CACHE_SLOTS = 16384; // a power of two
const MAX_CACHED_ARGS = 4;

const enum Op {
  Add = 1,
  Mul = 2,
  Pow = 3,
  Fn = 4,
}

interface Entry {
  op: Op;
  name: string;
  args: readonly Node[];
  result: Node;
}

const slots: (Entry | undefined)[] = new Array<Entry | undefined>(CACHE_SLOTS);

function slotOf(op: Op, name: string, args: readonly Node[]): number {
  let h = op * 0x9e3779b1;
  if (name) h ^= name.charCodeAt(0) * 31 + name.length;
  for (let i = 0; i < args.length; i++) {
    h = Math.imul(h ^ args[i]!.hash, 0x85ebca6b);
    h ^= h >>> 13;
  }
  return h & (CACHE_SLOTS - 1);
}

function cached(
  op: Op,
  name: string,
  args: readonly Node[],
  build: (args: readonly Node[]) => Node,
): Node {
  if (args.length > MAX_CACHED_ARGS) return build(args);
  const slot = slotOf(op, name, args);
  const e = slots[slot];
  if (e !== undefined && e.op === op && e.name === name && e.args.length === args.length) {
    const ea = e.args;
    let same = true;
    for (let i = 0; i < args.length; i++)
      if (ea[i] !== args[i]) {
        same = false;
        break;
      }
    if (same) return e.result;
  }
  const result = build(args);
  slots[slot] = { op, name, args: args.slice(), result };
  return result;
}

const buildAdd = (terms: readonly Node[]): Node => addFlatten(terms, core);
const buildMul = (factors: readonly Node[]): Node => mulFlatten(factors, core);
const buildPow = (be: readonly Node[]): Node => powEval(be[0]!, be[1]!, core, ordering);

export const core: Core = {
  add: (terms) => (terms.length === 1 ? terms[0]! : cached(Op.Add, '', terms, buildAdd)),
  mul: (factors) => (factors.length === 1 ? factors[0]! : cached(Op.Mul, '', factors, buildMul)),
  pow: (base, exp) => cached(Op.Pow, '', [base, exp], buildPow),
  fn: (name, args) => cached(Op.Fn, name, args, (a) => fnEval(name, a, { core, ord: ordering })),
};

export const ordering = new Ordering(core);
