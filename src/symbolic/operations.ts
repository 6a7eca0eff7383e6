/**
 * The symbolic engine's functions, for expressions or text (parsed first): diff, subs,
 * evaluate, gradient, jacobian, hessian, and the printers.
 */
import { variableNodes } from './compile.js';
import type { VariableList } from './compile.js';
import type { DiffSpec } from './diff.js';
import { Expr } from './expr.js';
import type { SubsInput } from './expr.js';
import { parse } from './parse.js';

/** An expression, or text to parse into one. */
export type ExprInput = Expr | string;

const toExpr = (f: ExprInput): Expr => (typeof f === 'string' ? parse(f) : f);

/**
 * The derivative of f: `diff(f, 'x')`, `diff(f, x)`, `diff(f, 'x', 3)` (third derivative),
 * `diff(f, 'x', 'y')` (mixed partial). Text is parsed first.
 * @example
 * diff('(x**2 + 2*x)*log(x)', 'x').toString(); // '(2*x + 2)*log(x) + (x**2 + 2*x)/x'
 */
export function diff(f: ExprInput, ...spec: DiffSpec<Expr>[]): Expr {
  return toExpr(f).diff(...spec);
}

/** Replace symbols by expressions or numbers: `subs('x**2 + y', { x: 3 })` is `y + 9`. */
export function subs(f: ExprInput, replacements: SubsInput): Expr {
  return toExpr(f).subs(replacements);
}

/** The float64 value at a point: `evaluate('x*y', { x: 2, y: 3 })` is 6. */
export function evaluate(
  f: ExprInput,
  values: Readonly<Record<string, number>> | ReadonlyMap<string | Expr, number> = {},
): number {
  return toExpr(f).evaluate(values);
}

const vars = (v: VariableList): Expr[] => variableNodes(v).map(Expr.of);

/** [∂f/∂v₁, …, ∂f/∂vₙ]. */
export function gradient(f: ExprInput, variables: VariableList): Expr[] {
  const g = toExpr(f);
  return vars(variables).map((v) => g.diff(v));
}

/** The matrix ∂fᵢ/∂vⱼ (rows: functions, columns: variables), as SymPy's Matrix.jacobian. */
export function jacobian(fs: readonly ExprInput[], variables: VariableList): Expr[][] {
  const vs = vars(variables);
  return fs.map((f) => {
    const g = toExpr(f);
    return vs.map((v) => g.diff(v));
  });
}

/**
 * The matrix ∂²f/∂vᵢ∂vⱼ, each entry f.diff(vᵢ).diff(vⱼ) and the lower triangle mirrored,
 * as SymPy's hessian builds it.
 */
export function hessian(f: ExprInput, variables: VariableList): Expr[][] {
  const g = toExpr(f);
  const vs = vars(variables);
  const first = vs.map((v) => g.diff(v));
  const h: Expr[][] = vs.map(() => []);
  for (let i = 0; i < vs.length; i++)
    for (let j = i; j < vs.length; j++) {
      const e = first[i]!.diff(vs[j]!);
      h[i]![j] = e;
      h[j]![i] = e;
    }
  return h;
}

/** SymPy's str() of an expression. */
export function printSympy(f: ExprInput): string {
  return toExpr(f).toString();
}

/** SymPy's latex() of an expression. */
export function printLatex(f: ExprInput): string {
  return toExpr(f).toLatex();
}
