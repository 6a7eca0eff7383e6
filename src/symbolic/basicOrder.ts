/**
 * SymPy's internal argument order (Basic.compare): classes ranked by sympy/core/core.py's
 * ordering_of_classes, then contents compared. SymPy's Mul._eval_derivative multiplies the
 * factors pairwise in this order, and SymPy's two-factor rule (a rational times a sum
 * distributes) makes the result depend on it, so the differentiator needs it to print as
 * SymPy does. Nothing else in mibun depends on it.
 */
import { E, PI } from './node.js';
import type { Node } from './node.js';

// sympy/core/core.py ordering_of_classes, the entries that mibun's nodes can be
const CLASS_ORDER = [
  'Zero',
  'One',
  'Half',
  'Infinity',
  'NaN',
  'NegativeOne',
  'NegativeInfinity',
  'Integer',
  'Rational',
  'Float',
  'Exp1',
  'Pi',
  'ImaginaryUnit',
  'Symbol',
  'Wild',
  'Temporary',
  'Pow',
  'Mul',
  'Add',
  'Derivative',
  'Integral',
  'Abs',
];

function className(n: Node): string {
  switch (n.kind) {
    case 'integer':
      return n.p === 0n ? 'Zero' : n.p === 1n ? 'One' : n.p === -1n ? 'NegativeOne' : 'Integer';
    case 'rational':
      return n.p === 1n && n.q === 2n ? 'Half' : 'Rational';
    case 'float':
      return 'Float';
    case 'constant':
      return n === E ? 'Exp1' : n === PI ? 'Pi' : n.name;
    case 'special':
      return n.name === 'nan' ? 'NaN' : 'ComplexInfinity';
    case 'symbol':
      return 'Symbol';
    case 'pow':
      return 'Pow';
    case 'mul':
      return 'Mul';
    case 'add':
      return 'Add';
    case 'fn':
      return n.name === 'abs' ? 'Abs' : n.name;
  }
}

function compareClasses(a: string, b: string): number {
  if (a === b) return 0;
  const i = CLASS_ORDER.indexOf(a);
  const j = CLASS_ORDER.indexOf(b);
  if (i < 0 && j < 0) return a < b ? -1 : 1;
  const ri = i < 0 ? CLASS_ORDER.length + 1 : i;
  const rj = j < 0 ? CLASS_ORDER.length + 1 : j;
  return ri < rj ? -1 : ri > rj ? 1 : 0;
}

const sortedCache = new WeakMap<Node, readonly Node[]>();

/** The args of a node in SymPy's internal order. */
export function basicArgs(n: Node): readonly Node[] {
  if (n.kind !== 'add' && n.kind !== 'mul') return n.args;
  let s = sortedCache.get(n);
  if (!s) {
    s = [...n.args].sort(basicCompare);
    sortedCache.set(n, s);
  }
  return s;
}

/** Basic.compare: -1, 0 or 1. Iterative over the pairs of subterms, in Python's order. */
export function basicCompare(a: Node, b: Node): number {
  const stack: [Node, Node][] = [[a, b]];
  while (stack.length) {
    const [u, v] = stack.pop()!;
    if (u === v) continue;
    const c = compareClasses(className(u), className(v));
    if (c) return c;
    // _hashable_content: numbers by value, symbols by name, others by their args
    if (u.kind === 'float') {
      if (u.value !== v.value) return u.value < v.value ? -1 : 1;
      continue;
    }
    if (u.isNumber) {
      // Integer: (p,); Rational: (p, q), compared as tuples
      if (u.p !== v.p) return u.p < v.p ? -1 : 1;
      if (u.q !== v.q) return u.q < v.q ? -1 : 1;
      continue;
    }
    if (u.kind === 'symbol') {
      if (u.name !== v.name) return u.name < v.name ? -1 : 1;
      continue;
    }
    const ua = basicArgs(u);
    const va = basicArgs(v);
    if (ua.length !== va.length) return ua.length < va.length ? -1 : 1;
    for (let i = ua.length - 1; i >= 0; i--) stack.push([ua[i]!, va[i]!]);
  }
  return 0;
}
