export {
  Expr,
  symbol,
  symbols,
  integer,
  rational,
  float,
  add,
  mul,
  pow,
  neg,
  sub,
  div,
  applyFunction,
  FUNCTIONS,
  pi,
  E,
  zoo,
  nan,
} from './expr.js';
export type { ExprLike, ExprKind, SubsInput } from './expr.js';
export {
  diff,
  subs,
  evaluate,
  gradient,
  jacobian,
  hessian,
  printSympy,
  printLatex,
} from './operations.js';
export type { ExprInput } from './operations.js';
export { compile, compileMany } from './compile.js';
export type { VariableList } from './compile.js';
export type { DiffSpec } from './diff.js';
export {
  UnknownFunctionError,
  ArityError,
  MissingValueError,
  InvalidValueError,
  DiffVariableError,
  ExactPowerError,
} from './exprErrors.js';
export { parse, parseSyntax, MAX_NESTING } from './parse.js';
export type { SyntaxOptions } from './parse.js';
export { ParseError } from './errors.js';
export type { ParseErrorCode } from './errors.js';
export { expr } from './template.js';
export type { SyntaxNode } from './syntax.js';
export {
  simplify,
  expand,
  cancel,
  together,
  factorTerms,
  collect,
  powsimp,
  expandLog,
  logcombine,
  trigsimp,
  countOps,
  type ExpandHints,
  type FactorTermsOptions,
  type PowsimpOptions,
  type TogetherOptions,
} from './simplify/index.js';
