/**
 * A small expression tree that every engine can be built from: the common language of the
 * cross-checks. Each node is one op of the rules table, so the tree means the same thing to the
 * symbolic parser, the tensor autograd, the by-hand graph and a plain float64 evaluator.
 */
import { BINARY_NUMBER, UNARY_NUMBER, type UnaryOp } from '../../src/rules/index.js';

/** The binary ops that the symbolic engine parses too (it has no maximum/minimum). */
export type TreeBinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'atan2';

export type Tree =
  | { readonly kind: 'var'; readonly index: number }
  /** an exact constant: `text` is how the symbolic side reads it ('2', '-3', '1/2', 'pi') */
  | { readonly kind: 'const'; readonly value: number; readonly text: string }
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly arg: Tree }
  | {
      readonly kind: 'binary';
      readonly op: TreeBinaryOp;
      readonly left: Tree;
      readonly right: Tree;
    };

export const VARIABLE_NAMES = ['x', 'y', 'z'] as const;

export const v = (index: number): Tree => ({ kind: 'var', index });
export const c = (value: number, text = String(value)): Tree => ({ kind: 'const', value, text });
export const half: Tree = c(0.5, '1/2');
export const pi: Tree = c(Math.PI, 'pi');
export const u1 = (op: UnaryOp, arg: Tree): Tree => ({ kind: 'unary', op, arg });
export const b2 = (op: TreeBinaryOp, left: Tree, right: Tree): Tree => ({
  kind: 'binary',
  op,
  left,
  right,
});

/** The value at `point` (one number per variable), with the rules' float64 functions. */
export function evaluateTree(t: Tree, point: readonly number[]): number {
  switch (t.kind) {
    case 'var':
      return point[t.index] ?? NaN;
    case 'const':
      return t.value;
    case 'unary':
      return UNARY_NUMBER[t.op](evaluateTree(t.arg, point));
    case 'binary':
      return BINARY_NUMBER[t.op](evaluateTree(t.left, point), evaluateTree(t.right, point));
  }
}

/** One more than the highest variable index used (0 for a constant tree). */
export function variableCount(t: Tree): number {
  switch (t.kind) {
    case 'var':
      return t.index + 1;
    case 'const':
      return 0;
    case 'unary':
      return variableCount(t.arg);
    case 'binary':
      return Math.max(variableCount(t.left), variableCount(t.right));
  }
}

export function usesVariable(t: Tree, index: number): boolean {
  switch (t.kind) {
    case 'var':
      return t.index === index;
    case 'const':
      return false;
    case 'unary':
      return usesVariable(t.arg, index);
    case 'binary':
      return usesVariable(t.left, index) || usesVariable(t.right, index);
  }
}

export function nodeCount(t: Tree): number {
  switch (t.kind) {
    case 'var':
    case 'const':
      return 1;
    case 'unary':
      return 1 + nodeCount(t.arg);
    case 'binary':
      return 1 + nodeCount(t.left) + nodeCount(t.right);
  }
}

/**
 * How far `point` is from every place where the tree is not smooth: the smallest |argument| of
 * abs, sign and relu (their kinks), of a divisor, and of the base of a negative or fractional
 * power (poles and infinite slopes); 0 where softplus is past its threshold.
 * Finite differences straddling such a place measure something else, so the properties only
 * use points where this is comfortably large.
 */
export function singularDistance(t: Tree, point: readonly number[]): number {
  switch (t.kind) {
    case 'var':
    case 'const':
      return Infinity;
    case 'unary': {
      const inner = singularDistance(t.arg, point);
      const arg = evaluateTree(t.arg, point);
      if (t.op === 'abs' || t.op === 'sign' || t.op === 'relu') {
        return Math.min(inner, Math.abs(arg));
      }
      // softplus(u) is u itself above u = 20 (PyTorch's threshold): a 2e-9 jump at 20, and a
      // slope of exactly 1 beyond, where the rule (and SymPy) say sigmoid(u) = 1 - e^-u
      if (t.op === 'softplus') return Math.min(inner, arg < 20 ? 20 - arg : 0);
      return inner;
    }
    case 'binary': {
      const inner = Math.min(singularDistance(t.left, point), singularDistance(t.right, point));
      if (t.op === 'div') return Math.min(inner, Math.abs(evaluateTree(t.right, point)));
      // a non-integer power has a pole or an infinite slope where its base is 0
      const integerPower = t.right.kind === 'const' && Number.isInteger(t.right.value);
      if (t.op === 'pow' && !(integerPower && t.right.value >= 0)) {
        return Math.min(inner, Math.abs(evaluateTree(t.left, point)));
      }
      return inner;
    }
  }
}

/** The largest |value| of any node at `point`: a tree whose inner values explode is skipped. */
export function largestMagnitude(t: Tree, point: readonly number[]): number {
  const own = Math.abs(evaluateTree(t, point));
  switch (t.kind) {
    case 'var':
    case 'const':
      return own;
    case 'unary':
      return Math.max(own, largestMagnitude(t.arg, point));
    case 'binary':
      return Math.max(own, largestMagnitude(t.left, point), largestMagnitude(t.right, point));
  }
}
