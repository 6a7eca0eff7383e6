/** What went wrong, for programs that want to react to the kind of parse error. */
export type ParseErrorCode =
  /** nothing but whitespace */
  | 'empty'
  /** a character that no token starts with (`$`, `=`, `[`) */
  | 'unexpected-character'
  /** an operand was expected: after an operator, after `(`, or at the start */
  | 'missing-operand'
  /** two operands side by side (`2x`, `x y`, `(a)(b)`) */
  | 'missing-operator'
  /** a token that cannot come here (`,` outside a call, `)` after an operator) */
  | 'unexpected-token'
  | 'unclosed-parenthesis'
  | 'unmatched-parenthesis'
  | 'unknown-function'
  /** a call of something that is not a function (`pi(2)`, `x(2)` when `x` is a symbol) */
  | 'not-a-function'
  /** a function name used as a value (`sin + 1`) */
  | 'function-without-call'
  | 'wrong-arity'
  /** nesting deeper than the parser allows (see `MAX_NESTING`) */
  | 'too-deep'
  /** a literal that is not a usable number (`1e999` overflows a double) */
  | 'bad-number'
  /** the symbolic core refused to build a value (the reason comes from the core) */
  | 'invalid-value';

/** Longest stretch of the input line shown above the caret; longer lines are cut around it. */
const WINDOW = 72;

/**
 * A syntax error in an expression, with the facts to point at it: the input, the 0-based
 * `offset` and the 1-based `line` and `column`. The message names the problem, gives a hint
 * when there is a likely fix, and ends with the input line and a caret line under the column:
 *
 * ```text
 * unknown function 'sni' at column 1: did you mean 'sin'?
 * sni(x) + 1
 * ^~~
 * ```
 */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  /** the problem alone, without position or caret */
  readonly reason: string;
  readonly code: ParseErrorCode;
  /** the whole text that was parsed */
  readonly input: string;
  /** 0-based offset of the error in `input` */
  readonly offset: number;
  /** 1-based line of the error (inputs may span lines) */
  readonly line: number;
  /** 1-based column of the error within its line */
  readonly column: number;
  /** how many characters the caret underlines (at least 1) */
  readonly length: number;
  /** a likely fix (also part of `message`), e.g. "write 2*x for a product" */
  readonly hint: string | undefined;

  constructor(
    code: ParseErrorCode,
    reason: string,
    input: string,
    offset: number,
    options: { length?: number; hint?: string } = {},
  ) {
    const at = Math.max(0, Math.min(offset, input.length));
    const lineStart = at === 0 ? 0 : input.lastIndexOf('\n', at - 1) + 1;
    const nextBreak = input.indexOf('\n', at);
    const lineEnd = nextBreak === -1 ? input.length : nextBreak;
    const line = countLineBreaks(input, lineStart) + 1;
    const column = at - lineStart + 1;
    const length = Math.max(1, Math.min(options.length ?? 1, lineEnd - at));
    const where = line > 1 ? `line ${line}, column ${column}` : `column ${column}`;
    const hint = options.hint;
    const head = `${reason} at ${where}${hint === undefined ? '' : `: ${hint}`}`;
    super(`${head}\n${caretLines(input.slice(lineStart, lineEnd), at - lineStart, length)}`);
    this.reason = reason;
    this.code = code;
    this.input = input;
    this.offset = at;
    this.line = line;
    this.column = column;
    this.length = length;
    this.hint = hint;
  }
}

function countLineBreaks(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The line (cut to a window around the column when long) and `^~~` under the error. */
function caretLines(lineText: string, at: number, length: number): string {
  let from = 0;
  let to = lineText.length;
  if (to > WINDOW) {
    from = Math.max(0, Math.min(at - WINDOW / 2, to - WINDOW));
    to = Math.min(to, from + WINDOW);
  }
  const shown = lineText.slice(from, to);
  const left = from > 0 ? '…' : '';
  const right = to < lineText.length ? '…' : '';
  // Keep tabs in the padding so the caret lines up however the terminal renders them.
  const pad = (left ? ' ' : '') + lineText.slice(from, at).replace(/[^\t]/g, ' ');
  const underline = '^' + '~'.repeat(Math.max(0, Math.min(length, to - at) - 1));
  return `${left}${shown}${right}\n${pad}${underline}`;
}
