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
  UnknownFunctionError,
  ArityError,
  MissingValueError,
  InvalidValueError,
  DiffVariableError,
} from './exprErrors.js';
export { parse, parseSyntax, MAX_NESTING } from './parse.js';
export type { SyntaxOptions } from './parse.js';
export { ParseError } from './errors.js';
export type { ParseErrorCode } from './errors.js';
export { expr } from './template.js';
export type { SyntaxNode } from './syntax.js';
