/**
 * The names of the elementwise operations that every engine knows. Lowercase, as in SymPy and
 * PyTorch. Adding a name here makes every `Record<UnaryOp, …>` in the code base a compile
 * error until the new op has its value and its partial.
 */
export const UNARY_OPS = [
  'neg',
  'exp',
  'log',
  'sqrt',
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
  'abs',
  'sign',
  'erf',
  'relu',
  'sigmoid',
  'softplus',
  'gelu',
] as const;

export const BINARY_OPS = [
  'add',
  'sub',
  'mul',
  'div',
  'pow',
  'atan2',
  'maximum',
  'minimum',
] as const;

export type UnaryOp = (typeof UNARY_OPS)[number];
export type BinaryOp = (typeof BINARY_OPS)[number];

const unarySet: ReadonlySet<string> = new Set(UNARY_OPS);
const binarySet: ReadonlySet<string> = new Set(BINARY_OPS);

export function isUnaryOp(name: string): name is UnaryOp {
  return unarySet.has(name);
}

export function isBinaryOp(name: string): name is BinaryOp {
  return binarySet.has(name);
}
