/**
 * Test helpers for simplify: text → Node as SymPy's `sympify` builds it (binary operators
 * applied left to right, each step canonicalised, as Python evaluates `2*(x + 1)*y`), and
 * SymPy's str() of a node.
 */
import { core } from '../../src/symbolic/core.js';
import {
  E,
  HALF,
  makeFloat,
  makeInteger,
  makeSymbol,
  NEG_ONE,
  PI,
} from '../../src/symbolic/node.js';
import type { Node } from '../../src/symbolic/node.js';
import { parseSyntax } from '../../src/symbolic/parse.js';
import { printSympyNode } from '../../src/symbolic/printStr.js';
import type { SyntaxNode } from '../../src/symbolic/syntax.js';

const FUNCTIONS = new Set([
  'exp',
  'log',
  'sin',
  'cos',
  'tan',
  'cot',
  'sec',
  'csc',
  'asin',
  'acos',
  'atan',
  'sinh',
  'cosh',
  'tanh',
  'asinh',
  'acosh',
  'atanh',
  'erf',
  'sign',
  'atan2',
]);

function build(s: SyntaxNode): Node {
  switch (s.kind) {
    case 'integer':
      return makeInteger(BigInt(s.value));
    case 'float':
      return makeFloat(s.value);
    case 'name':
      return s.name === 'pi' ? PI : s.name === 'E' ? E : makeSymbol(s.name);
    case 'call': {
      const args = s.args.map(build);
      if (s.name === 'sqrt') return core.pow(args[0]!, HALF);
      if (s.name === 'Abs') return core.fn('abs', args);
      if (!FUNCTIONS.has(s.name)) throw new Error(`unknown function ${s.name}`);
      return core.fn(s.name, args);
    }
    case 'sum':
      return s.terms.reduce<Node | undefined>((acc, t) => {
        const v = t.op === '-' ? core.mul([NEG_ONE, build(t.node)]) : build(t.node);
        return acc === undefined ? v : core.add([acc, v]);
      }, undefined)!;
    case 'product':
      return s.factors.reduce<Node | undefined>((acc, f) => {
        const v = f.op === '/' ? core.pow(build(f.node), NEG_ONE) : build(f.node);
        return acc === undefined ? v : core.mul([acc, v]);
      }, undefined)!;
    case 'power':
      return core.pow(build(s.base), build(s.exponent));
    case 'negate':
      return core.mul([NEG_ONE, build(s.operand)]);
    case 'slot':
      throw new Error('no slots here');
  }
}

/** Text → Node, as `sympify(text)` would build it. */
export function sym(text: string): Node {
  return build(
    parseSyntax(text, { isFunction: (n) => FUNCTIONS.has(n) || n === 'sqrt' || n === 'Abs' }),
  );
}

export const str = printSympyNode;
