/**
 * Text → syntax tree → Expr. The grammar is Python's, as SymPy's `parse_expr` reads it:
 *
 * ```text
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := ('+' | '-')* power              -x**2 is -(x**2), as in Python
 * power   := atom [('**' | '^') unary]        right associative; 2**-1 is allowed
 * atom    := number | name | name '(' sum (',' sum)* ')' | '(' sum ')' | ${…}
 * ```
 *
 * Binary chains are loops, not recursion, so `x+x+…` with 100,000 terms is fine; the only
 * recursion is nesting (parentheses, calls, exponents), capped at `MAX_NESTING` levels so that
 * hostile input gets a `ParseError` instead of a stack overflow.
 */
import { ParseError } from './errors.js';
import { FUNCTIONS } from './expr.js';
import type { Expr } from './expr.js';
import { fromSyntax } from './fromSyntax.js';
import type { IntegerNode, FloatNode, Span, SyntaxNode, SumTerm, ProductFactor } from './syntax.js';

/** Deepest nesting of parentheses, calls and exponents that `parse` accepts. */
export const MAX_NESTING = 1000;

/**
 * Parses `text` (Python/SymPy syntax) into a canonical Expr.
 *
 * @throws {ParseError} with the column of the problem and a caret under it.
 * @example
 * parse('(x**2 + 2*x)*log(x)').diff('x').toString(); // '(2*x + 2)*log(x) + (x**2 + 2*x)/x'
 */
export function parse(text: string): Expr {
  return fromSyntax(parseSyntax(text, { isFunction: isFunctionName }), text);
}

function isFunctionName(name: string): boolean {
  return FUNCTIONS.has(name);
}

export interface SyntaxOptions {
  /** spans of `${…}` holes (for the `expr` template), sorted by position; each becomes a slot */
  readonly slots?: readonly Span[];
  /** whether a name is a function, to hint `sin(x)` rather than `sin*x` after `sin x` */
  readonly isFunction?: (name: string) => boolean;
}

/** Parses `text` into a syntax tree without building any algebra. */
export function parseSyntax(text: string, options: SyntaxOptions = {}): SyntaxNode {
  return new Parser(text, options.slots ?? [], options.isFunction ?? (() => false)).parseAll();
}

type TokenKind =
  | 'integer'
  | 'float'
  | 'name'
  | 'slot'
  | '+'
  | '-'
  | '*'
  | '/'
  | '**'
  | '^'
  | '('
  | ')'
  | ','
  | 'end';

const DESCRIBE: Readonly<Record<TokenKind, string>> = {
  integer: 'a number',
  float: 'a number',
  name: 'a name',
  slot: 'a ${…} value',
  '+': "'+'",
  '-': "'-'",
  '*': "'*'",
  '/': "'/'",
  '**': "'**'",
  '^': "'^'",
  '(': "'('",
  ')': "')'",
  ',': "','",
  end: 'the end of the input',
};

/** Characters people paste from papers and other languages, with what mibun wants instead. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  '−': "write '-' (this is the Unicode minus sign U+2212)",
  '×': "write '*' for a product",
  '·': "write '*' for a product",
  '⋅': "write '*' for a product",
  '÷': "write '/' for a quotient",
  '²': "write '**2' for a square",
  '³': "write '**3' for a cube",
  '√': "write 'sqrt(x)' for a square root",
  '[': "use '(' and ')' for grouping",
  ']': "use '(' and ')' for grouping",
  '{': "use '(' and ')' for grouping",
  '}': "use '(' and ')' for grouping",
  '=': 'an expression has no equals sign; give values separately, e.g. f.evaluate({ x: 1 })',
  '!': 'factorials are not supported',
  '%': 'the remainder operator is not supported',
  '.': "write a number as 0.5 or .5; there is no attribute access (write 'sin(x)', not 'x.sin')",
  $: "'${…}' holes work only inside the expr`…` template",
};

class Parser {
  private pos = 0;
  private kind: TokenKind = 'end';
  private tokStart = 0;
  private tokEnd = 0;
  private tokValue: number | bigint = 0;
  private prevKind: TokenKind = 'end';
  private prevStart = 0;
  private prevEnd = 0;
  private nextSlot = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly slots: readonly Span[],
    private readonly isFunction: (name: string) => boolean,
  ) {}

  parseAll(): SyntaxNode {
    this.advance();
    if (this.kind === 'end') throw new ParseError('empty', 'empty expression', this.text, 0);
    const node = this.parseSum();
    if (this.peek() !== 'end') throw this.afterOperand();
    return node;
  }

  // ---- grammar ------------------------------------------------------------------------------

  private parseSum(): SyntaxNode {
    const first = this.parseProduct();
    if (this.kind !== '+' && this.kind !== '-') return first;
    const terms: SumTerm[] = [{ op: '+', node: first }];
    let last = first;
    while (this.kind === '+' || this.kind === '-') {
      const op = this.kind;
      this.advance();
      last = this.parseProduct();
      terms.push({ op, node: last });
    }
    return { kind: 'sum', terms, start: first.start, end: last.end };
  }

  private parseProduct(): SyntaxNode {
    const first = this.parseUnary();
    if (this.kind !== '*' && this.kind !== '/') return first;
    const factors: ProductFactor[] = [{ op: '*', node: first }];
    let last = first;
    while (this.kind === '*' || this.kind === '/') {
      const op = this.kind;
      if (op === '/' && this.text.charCodeAt(this.tokEnd) === SLASH) {
        throw new ParseError(
          'unexpected-token',
          "'//' is not an operator",
          this.text,
          this.tokStart,
          {
            length: 2,
            hint: "write '/' for division (floor division is not supported)",
          },
        );
      }
      this.advance();
      last = this.parseUnary();
      factors.push({ op, node: last });
    }
    return { kind: 'product', factors, start: first.start, end: last.end };
  }

  /** A run of signs is read in a loop and collapsed to its net sign: `- - x` is `x`. */
  private parseUnary(): SyntaxNode {
    const start = this.tokStart;
    let negative = false;
    while (this.kind === '+' || this.kind === '-') {
      if (this.kind === '-') negative = !negative;
      this.advance();
    }
    const operand = this.parsePower();
    return negative ? { kind: 'negate', operand, start, end: operand.end } : operand;
  }

  private parsePower(): SyntaxNode {
    const base = this.parseAtom();
    if (this.kind !== '**' && this.kind !== '^') return base;
    this.enter();
    this.advance();
    const exponent = this.parseUnary();
    this.depth--;
    return { kind: 'power', base, exponent, start: base.start, end: exponent.end };
  }

  private parseAtom(): SyntaxNode {
    const start = this.tokStart;
    const end = this.tokEnd;
    switch (this.kind) {
      case 'integer': {
        const node: IntegerNode = { kind: 'integer', value: this.tokValue, start, end };
        this.advance();
        return node;
      }
      case 'float': {
        const node: FloatNode = { kind: 'float', value: Number(this.tokValue), start, end };
        this.advance();
        return node;
      }
      case 'slot': {
        const index = this.nextSlot - 1;
        this.advance();
        return { kind: 'slot', index, start, end };
      }
      case 'name': {
        const name = this.text.slice(start, end);
        this.advance();
        if (this.peek() !== '(') return { kind: 'name', name, start, end };
        return this.parseCall(name, start);
      }
      case '(': {
        this.enter();
        this.advance();
        const inner = this.parseSum();
        if (this.peek() !== ')') throw this.unclosed(start);
        this.depth--;
        this.advance();
        return inner;
      }
      default:
        throw this.missingOperand();
    }
  }

  private parseCall(name: string, start: number): SyntaxNode {
    const open = this.tokStart;
    this.enter();
    this.advance();
    const args: SyntaxNode[] = [];
    if (this.kind !== ')') {
      for (;;) {
        args.push(this.parseSum());
        if (this.peek() === ')') break;
        if (this.kind !== ',') throw this.unclosed(open);
        this.advance();
      }
    }
    this.depth--;
    const end = this.tokEnd;
    this.advance();
    return { kind: 'call', name, open, args, start, end };
  }

  /** The current token's kind, unnarrowed: every `advance()` changes it behind TypeScript's back. */
  private peek(): TokenKind {
    return this.kind;
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) {
      throw new ParseError(
        'too-deep',
        `expression nested more than ${MAX_NESTING} levels deep`,
        this.text,
        this.tokStart,
        { hint: 'parentheses, calls and exponents can nest at most that deep' },
      );
    }
  }

  // ---- errors -------------------------------------------------------------------------------

  /** The current token cannot start an operand. */
  private missingOperand(): ParseError {
    const { text, kind, prevKind } = this;
    const prev = text.slice(this.prevStart, this.prevEnd);
    if (kind === 'end') {
      if (prevKind === 'end') return new ParseError('empty', 'empty expression', text, 0);
      return new ParseError(
        'missing-operand',
        `the input ends after '${prev}'`,
        text,
        this.prevStart,
        { length: prev.length, hint: `'${prev}' needs an operand after it` },
      );
    }
    if (kind === ')' && prevKind === '(') {
      return new ParseError('missing-operand', 'empty parentheses', text, this.prevStart, {
        length: this.tokEnd - this.prevStart,
        hint: 'put an expression between them',
      });
    }
    const what = DESCRIBE[kind];
    if (kind === ',') {
      return new ParseError('missing-operand', `missing argument before ','`, text, this.tokStart);
    }
    if (this.tokStart === 0 || prevKind === 'end') {
      return new ParseError(
        'missing-operand',
        `an expression cannot start with ${what}`,
        text,
        this.tokStart,
        {
          length: this.tokEnd - this.tokStart,
        },
      );
    }
    return new ParseError(
      'missing-operand',
      `missing operand between '${prev}' and ${what}`,
      text,
      this.tokStart,
      { length: this.tokEnd - this.tokStart },
    );
  }

  /**
   * An operand has just ended and the current token is neither an operator nor what closes
   * the operand: two operands side by side, a stray `)` or `,`.
   */
  private afterOperand(): ParseError {
    const { text, kind } = this;
    const token = text.slice(this.tokStart, this.tokEnd);
    if (kind === ')') {
      return new ParseError(
        'unmatched-parenthesis',
        "')' has no matching '('",
        text,
        this.tokStart,
        {
          hint: "remove it or add '(' before it",
        },
      );
    }
    if (kind === ',') {
      return new ParseError(
        'unexpected-token',
        "',' outside a function call",
        text,
        this.tokStart,
        {
          hint: 'commas separate the arguments of a call such as atan2(y, x)',
        },
      );
    }
    const prev = text.slice(this.prevStart, this.prevEnd);
    return new ParseError(
      'missing-operator',
      `missing operator between '${shorten(prev)}' and '${shorten(token)}'`,
      text,
      this.tokStart,
      { length: token.length, hint: this.productHint(prev, token) },
    );
  }

  /** The `(` at `open` was not closed where the current token stands. */
  private unclosed(open: number): ParseError {
    const { kind } = this;
    if (kind === 'end') {
      return new ParseError('unclosed-parenthesis', "'(' is never closed", this.text, open, {
        hint: "add ')' at the end",
      });
    }
    if (kind === ',') {
      return new ParseError(
        'unexpected-token',
        "',' outside a function call",
        this.text,
        this.tokStart,
        {
          hint: 'commas separate the arguments of a call such as atan2(y, x)',
        },
      );
    }
    return this.afterOperand();
  }

  /** How to write what the user probably meant when two operands touch (`2x`, `sin x`). */
  private productHint(prev: string, token: string): string {
    const { prevKind, kind } = this;
    const right = kind === '(' ? '(…)' : kind === 'slot' ? token : shorten(token);
    if (prevKind === 'name' && this.isFunction(prev)) {
      return `call the function with parentheses: ${prev}(${right})`;
    }
    if (prevKind === 'integer' || prevKind === 'float' || prevKind === 'name' || prevKind === ')') {
      const left = prevKind === ')' ? '(…)' : shorten(prev);
      return `write ${left}*${right} for a product`;
    }
    return 'put an operator between them';
  }

  // ---- tokens -------------------------------------------------------------------------------

  /** Scans the next token from `pos` into `kind`, `tokStart`, `tokEnd` (and `tokValue`). */
  private advance(): void {
    this.prevKind = this.kind;
    this.prevStart = this.tokStart;
    this.prevEnd = this.tokEnd;
    const { text } = this;
    const n = text.length;
    let i = this.pos;
    for (;;) {
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === SPACE || (c >= TAB && c <= CR)) i++;
      else if (c >= 128 && /\s/.test(text[i]!)) i++;
      else break;
    }
    this.tokStart = i;
    if (i >= n) {
      this.kind = 'end';
      this.tokEnd = this.pos = i;
      return;
    }
    const slot = this.slots[this.nextSlot];
    if (slot !== undefined && slot.start === i) {
      this.nextSlot++;
      this.kind = 'slot';
      this.tokEnd = this.pos = slot.end;
      return;
    }
    const c = text.charCodeAt(i);
    let kind: TokenKind;
    switch (c) {
      case PLUS:
        kind = '+';
        break;
      case MINUS:
        kind = '-';
        break;
      case STAR:
        kind = text.charCodeAt(i + 1) === STAR ? '**' : '*';
        break;
      case SLASH:
        kind = '/';
        break;
      case CARET:
        kind = '^';
        break;
      case LPAREN:
        kind = '(';
        break;
      case RPAREN:
        kind = ')';
        break;
      case COMMA:
        kind = ',';
        break;
      default:
        if (isDigit(c) || (c === DOT && isDigit(text.charCodeAt(i + 1)))) return this.scanNumber(i);
        if (isNameStart(c) || (c >= 128 && NAME_START.test(charAt(text, i)))) {
          return this.scanName(i);
        }
        throw this.strayCharacter(i);
    }
    this.kind = kind;
    this.tokEnd = this.pos = i + kind.length;
  }

  private scanNumber(start: number): void {
    const { text } = this;
    let i = start;
    while (isDigit(text.charCodeAt(i))) i++;
    let isFloat = false;
    if (text.charCodeAt(i) === DOT) {
      isFloat = true;
      i++;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === LOWER_E || e === UPPER_E) {
      let j = i + 1;
      const sign = text.charCodeAt(j);
      if (sign === PLUS || sign === MINUS) j++;
      if (isDigit(text.charCodeAt(j))) {
        isFloat = true;
        while (isDigit(text.charCodeAt(j))) j++;
        i = j;
      }
    }
    const literal = text.slice(start, i);
    this.tokStart = start;
    this.tokEnd = this.pos = i;
    if (isFloat) {
      const value = readFloat(literal);
      if (!Number.isFinite(value)) {
        throw new ParseError('bad-number', `${literal} is too large for a float`, text, start, {
          length: literal.length,
          hint: 'floats are IEEE doubles (at most about 1.8e308); write it as an exact integer or use a smaller value',
        });
      }
      this.kind = 'float';
      this.tokValue = value;
      return;
    }
    const value = Number(literal);
    this.kind = 'integer';
    this.tokValue = Number.isSafeInteger(value) ? value : BigInt(literal);
  }

  private scanName(start: number): void {
    const { text } = this;
    const n = text.length;
    let i = start;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isNameStart(c) || isDigit(c)) i++;
      else if (c >= 128) {
        const ch = charAt(text, i);
        if (!NAME_PART.test(ch)) break;
        i += ch.length;
      } else break;
    }
    this.kind = 'name';
    this.tokStart = start;
    this.tokEnd = this.pos = i;
  }

  private strayCharacter(i: number): ParseError {
    const ch = charAt(this.text, i);
    const code = ch.codePointAt(0)!;
    const shown =
      code < 32 || code === 127
        ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
        : `'${ch}'`;
    return new ParseError('unexpected-character', `unexpected character ${shown}`, this.text, i, {
      length: ch.length,
      ...(LOOKALIKES[ch] === undefined ? {} : { hint: LOOKALIKES[ch] }),
    });
  }
}

function shorten(s: string): string {
  return s.length > 20 ? `${s.slice(0, 17)}…` : s;
}

const TAB = 9;
const CR = 13;
const SPACE = 32;
const LPAREN = 40;
const RPAREN = 41;
const STAR = 42;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const CARET = 94;
const UNDERSCORE = 95;
const UPPER_E = 69;
const LOWER_E = 101;

/** Python identifiers: a letter or '_' then letters, digits, marks, connectors (PEP 3131). */
const NAME_START = /^[\p{L}\p{Nl}_]$/u;
const NAME_PART = /^[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]$/u;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === UNDERSCORE;
}

/** The whole code point at `i` (one or two UTF-16 units). */
function charAt(text: string, i: number): string {
  return String.fromCodePoint(text.codePointAt(i)!);
}

/** The largest double printed to 15 significant digits, as SymPy and mibun print it. */
const MAX_PRINTED = 1.79769313486232;

/**
 * A decimal literal as a double. Literals that round just past the largest double
 * (`1.79769313486232e+308`, the largest double printed with 15 digits) read as that double,
 * so every float mibun prints parses back; anything larger is Infinity.
 */
function readFloat(literal: string): number {
  const value = Number(literal);
  if (Number.isFinite(value)) return value;
  const [mantissa = '', exponent = '0'] = literal.split(/[eE]/);
  return Number(`${mantissa}e${Number(exponent) - 308}`) <= MAX_PRINTED ? Number.MAX_VALUE : value;
}
