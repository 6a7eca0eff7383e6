/**
 * The syntax tree that `parseSyntax` builds from text, before any algebra happens. It keeps
 * where each piece came from (0-based `start`, exclusive `end` offsets into the input) so that
 * errors found later (an unknown function, a wrong number of arguments) can still point a caret
 * at the right column.
 *
 * Sums and products are n-ary (`x + y - z` is one `sum` with three terms), as in SymPy's Add and
 * Mul: a flat chain of 100,000 terms is one node, not a tree 100,000 levels deep.
 */

export interface Span {
  /** offset of the first character, 0-based */
  readonly start: number;
  /** offset just past the last character */
  readonly end: number;
}

/** A whole number as written: exact, a bigint when it does not fit a double exactly. */
export interface IntegerNode extends Span {
  readonly kind: 'integer';
  readonly value: number | bigint;
}

/** A decimal or scientific literal (`1.5`, `.5`, `2e-3`): a float, as in Python. */
export interface FloatNode extends Span {
  readonly kind: 'float';
  readonly value: number;
}

/** An identifier: a symbol, or the constants `pi` and `E`. */
export interface NameNode extends Span {
  readonly kind: 'name';
  readonly name: string;
}

/** `name(arg, …)`; `open` is the offset of the opening parenthesis. */
export interface CallNode extends Span {
  readonly kind: 'call';
  readonly name: string;
  readonly open: number;
  readonly args: readonly SyntaxNode[];
}

export interface SumTerm {
  readonly op: '+' | '-';
  readonly node: SyntaxNode;
}

/** `a + b - c …`; the first term's op is always '+'. */
export interface SumNode extends Span {
  readonly kind: 'sum';
  readonly terms: readonly SumTerm[];
}

export interface ProductFactor {
  readonly op: '*' | '/';
  readonly node: SyntaxNode;
}

/** `a * b / c …`; the first factor's op is always '*'. */
export interface ProductNode extends Span {
  readonly kind: 'product';
  readonly factors: readonly ProductFactor[];
}

/** `base ** exponent` or `base ^ exponent` (the same thing, right associative). */
export interface PowerNode extends Span {
  readonly kind: 'power';
  readonly base: SyntaxNode;
  readonly exponent: SyntaxNode;
}

/** A run of prefix signs whose net effect is a minus (`-x`, `- - -x`); a net plus leaves no node. */
export interface NegateNode extends Span {
  readonly kind: 'negate';
  readonly operand: SyntaxNode;
}

/** A `${…}` hole of the `expr` tagged template; `index` into its values. */
export interface SlotNode extends Span {
  readonly kind: 'slot';
  readonly index: number;
}

export type SyntaxNode =
  | IntegerNode
  | FloatNode
  | NameNode
  | CallNode
  | SumNode
  | ProductNode
  | PowerNode
  | NegateNode
  | SlotNode;
