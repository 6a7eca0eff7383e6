import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_NESTING, parseSyntax } from '../../src/symbolic/parse.js';
import { ParseError } from '../../src/symbolic/errors.js';
import type { SyntaxNode } from '../../src/symbolic/syntax.js';

/** The tree as a Python-style s-expression, n-ary chains folded left as Python's ast has them. */
function sexpr(node: SyntaxNode): string {
  switch (node.kind) {
    case 'integer':
      return String(node.value);
    case 'float':
      return Number.isInteger(node.value) ? node.value.toFixed(1) : String(node.value);
    case 'name':
      return node.name;
    case 'slot':
      return `$${node.index}`;
    case 'negate':
      return `(neg ${sexpr(node.operand)})`;
    case 'power':
      return `(** ${sexpr(node.base)} ${sexpr(node.exponent)})`;
    case 'call':
      return `(${[node.name, ...node.args.map(sexpr)].join(' ')})`;
    case 'sum':
      return node.terms
        .slice(1)
        .reduce((acc, t) => `(${t.op} ${acc} ${sexpr(t.node)})`, sexpr(node.terms[0]!.node));
    case 'product':
      return node.factors
        .slice(1)
        .reduce((acc, f) => `(${f.op} ${acc} ${sexpr(f.node)})`, sexpr(node.factors[0]!.node));
  }
}

function parseError(text: string): ParseError {
  try {
    parseSyntax(text, { isFunction: (n) => ['sin', 'cos', 'log', 'atan2'].includes(n) });
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error(`expected a ParseError for ${JSON.stringify(text)}`);
}

describe('parseSyntax: grammar and precedence', () => {
  // Python 3.11 ast.parse(text, mode='eval') with '^' read as '**', printed by the same
  // s-expression rules (left-folded chains, runs of unary signs collapsed to their net sign).
  const PYTHON_AST: [string, string][] = [
    ['(x**2 + 2*x)*log(x)', '(* (+ (** x 2) (* 2 x)) (log x))'],
    ['-x**2', '(neg (** x 2))'],
    ['2**-1', '(** 2 (neg 1))'],
    ['2^3^2', '(** 2 (** 3 2))'],
    ['2**3**2', '(** 2 (** 3 2))'],
    ['-2**-3**-4', '(neg (** 2 (neg (** 3 (neg 4)))))'],
    ['a - b - c', '(- (- a b) c)'],
    ['a/b/c', '(/ (/ a b) c)'],
    ['a/b*c', '(* (/ a b) c)'],
    ['a - -b', '(- a (neg b))'],
    ['--x', 'x'],
    ['-+-x', 'x'],
    ['+x', 'x'],
    ['x*-y', '(* x (neg y))'],
    ['x**y*z', '(* (** x y) z)'],
    ['-x*y', '(* (neg x) y)'],
    ['(-x)**2', '(** (neg x) 2)'],
    ['1.5e-3*x', '(* 0.0015 x)'],
    ['.5 + 5. + 1e3 + 1E+3', '(+ (+ (+ 0.5 5.0) 1000.0) 1000.0)'],
    ['12345678901234567890*x', '(* 12345678901234567890 x)'],
    ['sin(cos(x))', '(sin (cos x))'],
    ['atan2(y, x + 1)', '(atan2 y (+ x 1))'],
    ['f_1 + _a2', '(+ f_1 _a2)'],
    ['a + b*c**d - e/f', '(- (+ a (* b (** c d))) (/ e f))'],
    ['x ** 2', '(** x 2)'],
    ['  x  +\n\ty  ', '(+ x y)'],
  ];
  it.each(PYTHON_AST)('%s', (text, expected) => {
    expect(sexpr(parseSyntax(text))).toBe(expected);
  });

  it('keeps big integers exact as bigint and small ones as numbers', () => {
    const big = parseSyntax('123456789012345678901234567890');
    expect(big).toMatchObject({ kind: 'integer', value: 123456789012345678901234567890n });
    expect(parseSyntax('9007199254740991')).toMatchObject({ value: 9007199254740991 });
    expect(parseSyntax('9007199254740993')).toMatchObject({ value: 9007199254740993n });
    expect(parseSyntax('2.0')).toMatchObject({ kind: 'float', value: 2 });
  });

  it('reads Unicode identifiers as Python does', () => {
    expect(sexpr(parseSyntax('θ*r + α_1'))).toBe('(+ (* θ r) α_1)');
  });

  it('records where each node came from', () => {
    const node = parseSyntax('  sin(x) + 10');
    expect(node).toMatchObject({ kind: 'sum', start: 2, end: 13 });
    expect(node.kind === 'sum' && node.terms[0]!.node).toMatchObject({
      kind: 'call',
      start: 2,
      end: 8,
      open: 5,
    });
    expect(node.kind === 'sum' && node.terms[1]!.node).toMatchObject({
      kind: 'integer',
      start: 11,
      end: 13,
    });
  });

  it('parses a flat chain of 100,000 terms in loops, not recursion', () => {
    const node = parseSyntax(
      Array.from({ length: 100_000 }, (_, i) => (i % 2 ? 'x' : 'y')).join(' + '),
    );
    expect(node.kind === 'sum' && node.terms.length).toBe(100_000);
    const product = parseSyntax(Array(100_000).fill('x').join('*'));
    expect(product.kind === 'product' && product.factors.length).toBe(100_000);
    expect(sexpr(parseSyntax('-'.repeat(100_001) + 'x'))).toBe('(neg x)');
  });

  it(`accepts nesting up to ${MAX_NESTING} levels`, () => {
    const n = MAX_NESTING;
    expect(sexpr(parseSyntax('('.repeat(n) + 'x' + ')'.repeat(n)))).toBe('x');
    expect(parseSyntax('sin('.repeat(n) + 'x' + ')'.repeat(n)).kind).toBe('call');
  });
});

describe('parseSyntax: errors', () => {
  it('gives the column, the input and a caret line at the end of the message', () => {
    const e = parseError('x + 2y');
    expect(e).toBeInstanceOf(ParseError);
    expect(e.name).toBe('ParseError');
    expect(e.code).toBe('missing-operator');
    expect(e.column).toBe(6);
    expect(e.input).toBe('x + 2y');
    expect(e.hint).toBe('write 2*y for a product');
    expect(e.message).toBe(
      "missing operator between '2' and 'y' at column 6: write 2*y for a product\nx + 2y\n     ^",
    );
  });

  const CASES: [input: string, code: string, column: number, fragment: string][] = [
    ['', 'empty', 1, 'empty expression'],
    ['   ', 'empty', 1, 'empty expression'],
    ['x +', 'missing-operand', 3, "the input ends after '+'"],
    ['x**', 'missing-operand', 2, "'**' needs an operand"],
    ['2x', 'missing-operator', 2, 'write 2*x'],
    ['2(x+1)', 'missing-operator', 2, 'write 2*(…)'],
    ['(x+1)(x-1)', 'missing-operator', 6, 'write (…)*(…)'],
    ['x y', 'missing-operator', 3, 'write x*y'],
    ['sin x', 'missing-operator', 5, 'sin(x)'],
    ['(x + 1', 'unclosed-parenthesis', 1, "'(' is never closed"],
    ['((x) + 1', 'unclosed-parenthesis', 1, "'(' is never closed"],
    ['log(x + sin(y)', 'unclosed-parenthesis', 4, "'(' is never closed"],
    ['x + 1)', 'unmatched-parenthesis', 6, "')' has no matching '('"],
    ['()', 'missing-operand', 1, 'empty parentheses'],
    ['x + )', 'missing-operand', 5, "missing operand between '+' and ')'"],
    ['* x', 'missing-operand', 1, "cannot start with '*'"],
    ['x * / y', 'missing-operand', 5, "missing operand between '*' and '/'"],
    ['x ** * 2', 'missing-operand', 6, "missing operand between '**' and '*'"],
    ['x // 2', 'unexpected-token', 3, "'//' is not an operator"],
    ['a, b', 'unexpected-token', 2, "',' outside a function call"],
    ['(a, b)', 'unexpected-token', 3, "',' outside a function call"],
    ['atan2(, x)', 'missing-operand', 7, "missing argument before ','"],
    ['x $ y', 'unexpected-character', 3, "unexpected character '$'"],
    ['x = 1', 'unexpected-character', 3, "unexpected character '='"],
    ['a − b', 'unexpected-character', 3, "write '-'"],
    ['x²', 'unexpected-character', 2, "write '**2'"],
    ['[x]', 'unexpected-character', 1, "use '(' and ')'"],
    ['x.y', 'unexpected-character', 2, "unexpected character '.'"],
    ['x\u0007', 'unexpected-character', 2, 'U+0007'],
    ['1e999 * x', 'bad-number', 1, 'too large for a float'],
  ];
  it.each(CASES)('%j → %s at column %i', (input, code, column, fragment) => {
    const e = parseError(input);
    expect(e.code).toBe(code);
    expect(e.column).toBe(column);
    expect(e.message).toContain(fragment);
    const lines = e.message.split('\n');
    expect(lines.at(-2)).toBe(input.split('\n')[0]);
    expect(lines.at(-1)).toBe(' '.repeat(column - 1) + '^' + '~'.repeat(e.length - 1));
  });

  it('gives line and column for multi-line input', () => {
    const e = parseError('x +\n  y z');
    expect([e.line, e.column, e.offset]).toEqual([2, 5, 8]);
    expect(e.message.split('\n').slice(-2)).toEqual(['  y z', '    ^']);
  });

  it('keeps tabs in the caret padding so the caret lines up', () => {
    expect(parseError('\tx\t@').message.split('\n').at(-1)).toBe('\t \t^');
  });

  it('turns 100,000 nested parentheses into a ParseError, not a stack overflow', () => {
    for (const open of ['(', 'sin(']) {
      const e = parseError(open.repeat(100_000) + 'x' + ')'.repeat(100_000));
      expect(e.code).toBe('too-deep');
      expect(e.message).toContain(`nested more than ${MAX_NESTING} levels`);
      // the caret sits on the first opening that goes too deep; the shown line is cut around it
      expect(e.offset).toBe(open.length * MAX_NESTING + (open === '(' ? 0 : 3));
      expect(e.message.split('\n').at(-2)!.length).toBeLessThan(80);
    }
    expect(parseError('x' + '**x'.repeat(100_000)).code).toBe('too-deep');
  });

  it('never throws anything but ParseError on random text (fast-check)', () => {
    const alphabet = fc.constantFrom(
      ...'xy2 .e+-*/^(),_$=\t\n1sin'.split(''),
      'sin(',
      '**',
      '−',
      '😀',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 30 }).map((a) => a.join('')),
        (text) => {
          try {
            parseSyntax(text);
          } catch (e) {
            if (!(e instanceof ParseError)) throw e;
            expect(e.column).toBeGreaterThanOrEqual(1);
            expect(e.offset).toBeLessThanOrEqual(text.length);
          }
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        try {
          parseSyntax(text);
        } catch (e) {
          if (!(e instanceof ParseError)) throw e;
        }
      }),
      { numRuns: 1000 },
    );
  });
});
