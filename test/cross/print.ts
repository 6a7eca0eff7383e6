import { VARIABLE_NAMES, type Tree } from './tree.js';

const INFIX = { add: '+', sub: '-', mul: '*', div: '/', pow: '**' } as const;

/**
 * The tree as mibun/SymPy text, fully parenthesised so that no precedence rule of either parser
 * matters: `((x)**(2) + sin(x))`. Function names are SymPy's (`Abs`); relu, sigmoid, softplus
 * and gelu are mibun's own names.
 */
export function printTree(t: Tree): string {
  switch (t.kind) {
    case 'var':
      return VARIABLE_NAMES[t.index] ?? `v${t.index}`;
    case 'const':
      return `(${t.text})`;
    case 'unary':
      if (t.op === 'neg') return `(-(${printTree(t.arg)}))`;
      return `${t.op === 'abs' ? 'Abs' : t.op}(${printTree(t.arg)})`;
    case 'binary': {
      const l = printTree(t.left);
      const r = printTree(t.right);
      if (t.op === 'atan2') return `atan2(${l}, ${r})`;
      if (t.op === 'pow') return `(${l})**(${r})`;
      return `(${l} ${INFIX[t.op]} ${r})`;
    }
  }
}
