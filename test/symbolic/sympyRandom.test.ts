import { describe, expect, it } from 'vitest';
import {
  applyFunction,
  E,
  float,
  integer,
  pi,
  rational,
  symbol,
} from '../../src/symbolic/index.js';
import type { Expr } from '../../src/symbolic/index.js';
import { RANDOM_EXPRESSIONS } from './sympyRandomTable.js';
import type { Tree } from './sympyRandomTable.js';

function build(t: Tree): Expr {
  if (typeof t === 'string') return t === 'E' ? E : t === 'pi' ? pi : symbol(t);
  const [op, a, b] = t;
  if (op === 'i') return integer(a as number);
  if (op === 'r') return rational(a as number, b as number);
  if (op === 'fl') return float(a as number);
  if (op === 'f') return applyFunction(a as string, [build(b as Tree)]);
  const l = build(a as Tree);
  const r = build(b as Tree);
  switch (op) {
    case '+':
      return l.add(r);
    case '-':
      return l.sub(r);
    case '*':
      return l.mul(r);
    case '/':
      return l.div(r);
    case '^':
      return l.pow(r);
    default:
      return applyFunction('atan2', [l, r]);
  }
}

describe('random expressions print and differentiate as SymPy 1.11.1', () => {
  RANDOM_EXPRESSIONS.forEach(([tree, str, latex, d, d2], i) => {
    it(`#${i}: ${str}`, () => {
      const e = build(tree);
      expect(e.toString()).toBe(str);
      expect(e.toLatex()).toBe(latex);
      expect(e.diff('x').toString()).toBe(d);
      expect(e.diff('x', 2).toString()).toBe(d2);
    });
  });
});
