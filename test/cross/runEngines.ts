/**
 * Derivatives of one tree at one point by each engine, as plain numbers: the values the
 * cross-check properties and the table test compare.
 */
import { grad, hessian as adHessian, tensor, type Tensor } from '../../src/autograd/index.js';
import { backwardPass, trace } from '../../src/graph/index.js';
import {
  derivativeEstimate,
  gradientEstimate,
  hessianEstimate,
  type Estimate,
  type MatrixEstimate,
  type VectorEstimate,
} from '../../src/numeric/index.js';
import {
  diff,
  evaluate,
  gradient as symGradient,
  hessian as symHessian,
  type Expr,
} from '../../src/symbolic/index.js';
import { toNumberFn, toTensorFn, toValueFn, toVectorFn } from './engines.js';
import { VARIABLE_NAMES, type Tree } from './tree.js';

export function names(n: number): string[] {
  return VARIABLE_NAMES.slice(0, n);
}

export function valuesAt(point: readonly number[]): Record<string, number> {
  const values: Record<string, number> = {};
  point.forEach((p, i) => (values[VARIABLE_NAMES[i]!] = p));
  return values;
}

/** ∂f/∂x (variable 0) evaluated: symbolic `diff` then `evaluate`. */
export function symbolicFirst(f: Expr, point: readonly number[]): number {
  return evaluate(diff(f, 'x'), valuesAt(point));
}

const leaves = (point: readonly number[]): Tensor[] =>
  point.map((p) => tensor([p], { requiresGrad: true }));

const item = (t: Tensor | null | undefined): number => (t ? (t.item() as number) : NaN);

/** The forward value and the gradient by reverse mode on one-element float64 tensors. */
export function autogradGradient(t: Tree, point: readonly number[]): [number, number[]] {
  const xs = leaves(point);
  const y = toTensorFn(t)(xs);
  const gs = grad(y, xs, { allowUnused: true, materializeGrads: true });
  return [item(y), gs.map(item)];
}

/**
 * ∂²f/∂x² (variable 0) by grad of grad: the first backward is recorded (`createGraph`), the
 * second differentiates it. A first derivative that no longer depends on x (f linear in x) is
 * a tensor without history; its derivative is 0.
 */
export function autogradSecond(t: Tree, point: readonly number[]): number {
  const xs = leaves(point);
  const y = toTensorFn(t)(xs);
  const [g] = grad(y, xs[0]!, { createGraph: true });
  if (!g || !g.requiresGrad) return 0;
  const [h] = grad(g, xs[0]!, { allowUnused: true, materializeGrads: true });
  return item(h);
}

/**
 * The full Hessian by autograd's functional `hessian` on one vector input (the tensor path,
 * not the one-element fast path), each variable read with `select`.
 */
export function autogradHessian(t: Tree, point: readonly number[]): number[][] {
  const fn = toTensorFn(t);
  const h = adHessian((v) => fn(point.map((_, i) => v.select(0, i))), tensor([...point]));
  return h.toArray() as number[][];
}

/**
 * Values and derivatives at several points at once: x is one float64 vector tensor (the
 * strided kernels and broadcasting, not the one-element path), and the gradient of the sum.
 */
export function autogradBatch(t: Tree, xs: readonly number[]): [number[], number[]] {
  const x = tensor([...xs], { requiresGrad: true });
  const y = toTensorFn(t)([x]);
  // a tree that ignores x (a constant) still broadcasts to x's shape through 0*x
  const full = y.shape.length === 0 || y.numel() !== xs.length ? y.add(x.mul(0)) : y;
  const [g] = grad(full.sum(), x);
  return [full.toArray() as number[], g!.toArray() as number[]];
}

/** The gradient by the by-hand graph: trace the Values, run `backwardPass`. */
export function graphGradient(t: Tree, point: readonly number[]): [number, number[]] {
  const tr = trace(toValueFn(t), valuesAt(point));
  const { gradients } = backwardPass(tr);
  return [tr.output.value, names(point.length).map((n) => gradients[n] ?? NaN)];
}

/**
 * A first-order bound on the rounding error of computing f in float64: each op's result is off
 * by a few ulps (4ε taken: arithmetic rounds once, Math functions within a few ulps), and that error
 * reaches the output multiplied by ∂f/∂node, which the graph's backward pass gives for every
 * node: Σ 4ε·|node · adjoint(node)|. Finite differences divide this noise by their step.
 */
export function evaluationNoise(t: Tree, point: readonly number[]): number {
  const tr = trace(toValueFn(t), valuesAt(point));
  const { adjoint } = backwardPass(tr);
  let sum = 0;
  for (const node of tr.nodes) {
    if (node.origin.kind === 'input' || node.origin.kind === 'constant') continue;
    sum += Math.abs(node.value * (adjoint.get(node) ?? 0));
  }
  return 4 * Number.EPSILON * 0.5 * sum;
}

export function numericFirst(t: Tree, x: number, n: 1 | 2 = 1): Estimate {
  return derivativeEstimate(toNumberFn(t), x, { n });
}

export function numericGradient(t: Tree, point: readonly number[]): VectorEstimate {
  return gradientEstimate(toVectorFn(t), [...point]);
}

export function numericHessian(t: Tree, point: readonly number[]): MatrixEstimate {
  return hessianEstimate(toVectorFn(t), [...point]);
}

export function symbolicGradient(f: Expr, point: readonly number[]): number[] {
  const values = valuesAt(point);
  return symGradient(f, names(point.length)).map((g) => evaluate(g, values));
}

export function symbolicHessian(f: Expr, point: readonly number[]): number[][] {
  const values = valuesAt(point);
  return symHessian(f, names(point.length)).map((row) => row.map((h) => evaluate(h, values)));
}
