/**
 * Float64 values of nodes, computed with the rules' own number functions (UNARY_NUMBER,
 * BINARY_NUMBER) so every engine agrees on what `erf(0.3)` or `softplus(30)` is.
 * Iterative (an explicit stack), so a chain 100,000 deep cannot overflow; shared subterms
 * are computed once.
 */
import { BINARY_NUMBER, isUnaryOp, UNARY_NUMBER } from '../rules/index.js';
import { E, PI } from './node.js';
import type { Node } from './node.js';
import { toFloat } from './numbers.js';

function leafValue(n: Node, env: ReadonlyMap<Node, number>): number {
  switch (n.kind) {
    case 'integer':
    case 'rational':
    case 'float':
      return toFloat(n);
    case 'constant':
      return n === PI ? Math.PI : n === E ? Math.E : NaN;
    case 'special':
      return n.name === 'zoo' ? Infinity : NaN;
    case 'symbol': {
      const v = env.get(n);
      if (v === undefined) throw new MissingValue(n);
      return v;
    }
    default:
      throw new Error('internal: not a leaf');
  }
}

/** Thrown (and turned into a public error by the caller) when a symbol has no value. */
export class MissingValue extends Error {
  constructor(readonly symbol: Node) {
    super(`no value for ${symbol.name}`);
  }
}

/** The value of a function node given its arguments' values. */
export function applyNumber(name: string, args: readonly number[]): number {
  if (name === 'atan2') return BINARY_NUMBER.atan2(args[0]!, args[1]!);
  if (isUnaryOp(name)) return UNARY_NUMBER[name](args[0]!);
  throw new Error(`internal: no numeric value for ${name}`);
}

function combine(n: Node, vals: readonly number[]): number {
  switch (n.kind) {
    case 'add': {
      // start from -0, the identity of +, so that a sum of -0 terms stays -0 (as compile's
      // `a + b` and autograd give)
      let s = -0;
      for (const v of vals) s += v;
      return s;
    }
    case 'mul': {
      let p = 1;
      for (const v of vals) p *= v;
      return p;
    }
    case 'pow':
      return BINARY_NUMBER.pow(vals[0]!, vals[1]!);
    case 'fn':
      return applyNumber(n.name, vals);
    default:
      throw new Error('internal: not a compound node');
  }
}

/**
 * The float64 value of `root` with symbols bound by `env` (throws MissingValue for an unbound
 * symbol). `memo` may be shared between calls with the same env.
 */
export function evalNode(
  root: Node,
  env: ReadonlyMap<Node, number>,
  memo: Map<Node, number> = new Map(),
): number {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack[stack.length - 1]!;
    if (memo.has(n)) {
      stack.pop();
      continue;
    }
    if (n.args.length === 0) {
      memo.set(n, leafValue(n, env));
      stack.pop();
      continue;
    }
    let ready = true;
    for (const a of n.args)
      if (!memo.has(a)) {
        stack.push(a);
        ready = false;
      }
    if (!ready) continue;
    stack.pop();
    memo.set(
      n,
      combine(
        n,
        n.args.map((a) => memo.get(a)!),
      ),
    );
  }
  return memo.get(root)!;
}

const constants = new WeakMap<Node, number>();

/** The value of an expression without symbols (NaN if it has any). */
export function constantValue(n: Node): number {
  if (n.hasSymbols) return NaN;
  let v = constants.get(n);
  if (v === undefined) {
    v = evalNode(n, new Map());
    constants.set(n, v);
  }
  return v;
}
