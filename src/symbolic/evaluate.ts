/**
 * `evaluate`: the float64 value of an expression at a point, computed with the rules' number
 * functions. JavaScript's arithmetic decides the edge cases: log of a negative number is NaN,
 * 1/0 is Infinity, 0/0 is NaN (SymPy would give complex numbers, zoo or nan).
 */
import { MissingValueError } from './exprErrors.js';
import { makeSymbol } from './node.js';
import type { Node } from './node.js';
import { evalNode, MissingValue } from './numeric.js';

/** Values of symbols, by name. */
export type Values = ReadonlyMap<string, number>;

export function evaluateNode(n: Node, values: Values): number {
  const env = new Map<Node, number>();
  for (const [name, v] of values) env.set(makeSymbol(name), v);
  try {
    return evalNode(n, env);
  } catch (e) {
    if (e instanceof MissingValue) throw new MissingValueError(e.symbol.name, [...values.keys()]);
    throw e;
  }
}
