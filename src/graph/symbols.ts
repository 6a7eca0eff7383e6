import type { BinaryOp } from '../rules/index.js';
import type { Value } from './value.js';

const INFIX: Partial<Record<BinaryOp, string>> = {
  add: '+',
  sub: '-',
  mul: '*',
  div: '/',
  pow: '**',
};

/** `a * b`, `log(y)`, `atan2(a, b)`: how a node's operation reads. */
export function describeOperation(node: Value): string {
  const o = node.origin;
  switch (o.kind) {
    case 'input':
      return `input ${o.name}`;
    case 'constant':
      return 'constant';
    case 'unary':
      return `${o.op}(${o.input.label})`;
    case 'binary': {
      const infix = INFIX[o.op];
      return infix
        ? `${o.left.label} ${infix} ${o.right.label}`
        : `${o.op}(${o.left.label}, ${o.right.label})`;
    }
  }
}

/** Six significant digits, as the seed's `{:.6f}` reads, without trailing noise. */
export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}
