/**
 * The same tree built for each engine, through public entry points only:
 * symbolic (`parse` of the printed text), autograd (Tensor methods), the by-hand graph (traced
 * Values) and plain numbers (for finite differences).
 */
import { tensor, type Tensor } from '../../src/autograd/index.js';
import { type Value } from '../../src/graph/index.js';
import { parse, type Expr } from '../../src/symbolic/index.js';
import type { UnaryOp } from '../../src/rules/index.js';
import { printTree } from './print.js';
import { evaluateTree, type Tree, type TreeBinaryOp } from './tree.js';

export function toExpr(t: Tree): Expr {
  return parse(printTree(t));
}

const unaryTensor = (x: Tensor, op: UnaryOp): Tensor => (x[op] as () => Tensor).call(x);

/**
 * The tree as a function of tensors. A constant on the right of a binary op is passed as a plain
 * number (`x.pow(2)`), one on the left uses the reflected method (`x.rsub(2)` for 2 - x) or a
 * tensor that needs no gradient, so the number paths of the engine are exercised too.
 */
export function toTensorFn(t: Tree): (xs: readonly Tensor[]) => Tensor {
  return (xs) => {
    const built = buildTensor(t, xs);
    return typeof built === 'number' ? tensor(built) : built;
  };
}

function buildTensor(t: Tree, xs: readonly Tensor[]): Tensor | number {
  switch (t.kind) {
    case 'var': {
      const x = xs[t.index];
      if (!x) throw new Error(`no tensor for variable ${t.index}`);
      return x;
    }
    case 'const':
      return t.value;
    case 'unary': {
      const a = buildTensor(t.arg, xs);
      return unaryTensor(typeof a === 'number' ? tensor(a) : a, t.op);
    }
    case 'binary':
      return binaryTensor(t.op, buildTensor(t.left, xs), buildTensor(t.right, xs));
  }
}

function binaryTensor(op: TreeBinaryOp, a: Tensor | number, b: Tensor | number): Tensor {
  if (typeof a !== 'number') return (a[op] as (o: Tensor | number) => Tensor).call(a, b);
  if (typeof b === 'number') return binaryTensor(op, tensor(a), b);
  switch (op) {
    case 'sub':
      return b.rsub(a);
    case 'div':
      return b.rdiv(a);
    case 'pow':
      return b.rpow(a);
    default:
      return binaryTensor(op, tensor(a), b);
  }
}

/** The tree as a function of traced Values (mibun/graph). */
export function toValueFn(t: Tree): (...xs: Value[]) => Value {
  return (...xs) => {
    const tape = xs[0]?.tape;
    if (!tape) throw new Error('the graph builder needs at least one input');
    const build = (n: Tree): Value | number => {
      switch (n.kind) {
        case 'var': {
          const x = xs[n.index];
          if (!x) throw new Error(`no Value for variable ${n.index}`);
          return x;
        }
        case 'const':
          return n.value;
        case 'unary': {
          const a = build(n.arg);
          const av = typeof a === 'number' ? tape.constant(a) : a;
          return n.op === 'neg' ? av.neg() : av.apply(n.op);
        }
        case 'binary': {
          const a = build(n.left);
          const b = build(n.right);
          const av = typeof a === 'number' ? tape.constant(a) : a;
          if (n.op === 'atan2') return tape.binary('atan2', av, b);
          return av[n.op](b);
        }
      }
    };
    const out = build(t);
    return typeof out === 'number' ? tape.constant(out) : out;
  };
}

/** The tree as a plain function of one number (variable 0), for finite differences. */
export function toNumberFn(t: Tree): (x: number) => number {
  return (x) => evaluateTree(t, [x]);
}

/** The tree as a plain function of a vector, for finite-difference gradients and Hessians. */
export function toVectorFn(t: Tree): (xs: readonly number[]) => number {
  return (xs) => evaluateTree(t, xs);
}
