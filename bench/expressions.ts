/**
 * The expressions the symbolic benchmark differentiates with respect to `x`, written in
 * Python syntax (`**` for powers) so that SymPy's `parse_expr` and mibun's `parse` read them
 * as they are; math.js gets them through `toMathjs` (`**` → `^`). Every function used here is
 * one that all three engines know.
 */
export interface BenchExpression {
  readonly group: ExpressionGroup;
  readonly text: string;
}

export type ExpressionGroup =
  | 'polynomial'
  | 'trig'
  | 'exp-log'
  | 'hyperbolic'
  | 'product-quotient'
  | 'nested'
  | 'variable-exponent'
  | 'multivariate';

/** The seed notebook's function: SymPy prints its derivative as `(2*x + 2)*log(x) + (x**2 + 2*x)/x`. */
export const SEED_EXPRESSION = '(x**2 + 2*x)*log(x)';

const BY_GROUP: Readonly<Record<ExpressionGroup, readonly string[]>> = {
  polynomial: [
    'x**2 + 2*x',
    '3*x**4 - 2*x**3 + x - 7',
    '(x + 1)**5',
    '(2*x**2 - 3*x + 1)**3',
    'x**10 + x**9 + x**8 + x**7 + x**6 + x**5 + x**4 + x**3 + x**2 + x + 1',
    '(x**2 + 1)*(x**3 - x)',
    'x**-2 + 3*x**-1',
    'x**(1/2) + x**(3/2)',
  ],
  trig: [
    'sin(x)',
    'sin(x)*cos(x)',
    'tan(x)**2',
    'sin(2*x + 1)',
    'cos(x**2)',
    'sin(x)**2 + cos(x)**2',
    'sec(x) + csc(x) + cot(x)',
    'atan(x) + asin(x/2) + acos(x/3)',
  ],
  'exp-log': [
    'exp(x)',
    'exp(-x**2)',
    'log(x)',
    'x*log(x) - x',
    'log(x**2 + 1)',
    'exp(x)*log(x)',
    'log(sin(x))',
    'exp(2*x)/(1 + exp(2*x))',
  ],
  hyperbolic: ['sinh(x) + cosh(x)', 'tanh(x)**2', 'sinh(x**2)*cosh(x)', 'log(cosh(x))'],
  'product-quotient': [
    SEED_EXPRESSION,
    '(x + 1)/(x - 1)',
    'x/(x**2 + 1)',
    '(x**2 - 1)/(x**2 + 1)',
    'sin(x)/x',
    '1/(1 + exp(-x))',
    'x*sin(x)*exp(x)',
    '(x**3 + 2*x)/(x**2 - 5*x + 6)',
  ],
  nested: [
    'sin(cos(tan(x)))',
    'exp(sin(x**2))',
    'log(log(x))',
    'sqrt(1 + sqrt(x))',
    'sqrt(x**2 + 1)',
    'sin(exp(x))*cos(log(x))',
    'exp(exp(exp(x)))',
    'atan(sqrt(x**2 - 1))',
  ],
  'variable-exponent': [
    'x**x',
    'x**sin(x)',
    '2**x',
    'x**(x**x)',
    'sin(x)**cos(x)',
    '(x + 1)**(1/x)',
  ],
  multivariate: [
    '(x**2 + 2*x)*log(y)',
    'x**2*y + sin(x*y) + exp(x + y)',
    '(x*y + z)**3/(x - y*z)',
    'sin(x)*cos(y) + cos(x)*sin(y) + tan(x*y*z)',
  ],
};

export const EXPRESSION_GROUPS = Object.keys(BY_GROUP) as ExpressionGroup[];

export const EXPRESSIONS: readonly BenchExpression[] = EXPRESSION_GROUPS.flatMap((group) =>
  BY_GROUP[group].map((text) => ({ group, text })),
);

/** math.js writes powers as `^` and has no `**`. */
export function toMathjs(text: string): string {
  return text.replaceAll('**', '^');
}
