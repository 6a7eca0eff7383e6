/**
 * expr`(x**2 + ${a})*log(y)`: an expression written as text, with holes for values computed
 * in code. A hole is an atom, as if parenthesised: with `a = x + 1`, expr`2*${a}` is 2*(x + 1),
 * never the string splice 2*x + 1.
 */
import { fromSyntax } from './fromSyntax.js';
import { parseSyntax } from './parse.js';
import type { Span, SyntaxNode } from './syntax.js';
import { Expr, FUNCTIONS, float, integer } from './expr.js';
import type { ExprLike } from './expr.js';

interface Parsed {
  readonly text: string;
  readonly tree: SyntaxNode;
}

/** Each template call site has one strings array, so its syntax tree is parsed only once. */
const parsedTemplates = new WeakMap<TemplateStringsArray, Parsed>();

/**
 * Parses a template literal into an Expr. Errors are `ParseError`s whose input shows the holes
 * as `${0}`, `${1}`, ….
 *
 * @example
 * const a = symbol('a');
 * expr`(x**2 + ${a})*log(y)`.toString(); // '(a + x**2)*log(y)'
 * expr`x**${3}`.toString();              // 'x**3'
 */
export function expr(strings: TemplateStringsArray, ...values: ExprLike[]): Expr {
  let parsed = parsedTemplates.get(strings);
  if (parsed === undefined) {
    parsed = parseTemplate(strings);
    parsedTemplates.set(strings, parsed);
  }
  return fromSyntax(parsed.tree, parsed.text, values.map(toExpr));
}

function parseTemplate(strings: TemplateStringsArray): Parsed {
  let text = strings[0] ?? strings.raw[0] ?? '';
  const slots: Span[] = [];
  for (let i = 1; i < strings.length; i++) {
    const hole = `\${${i - 1}}`;
    slots.push({ start: text.length, end: text.length + hole.length });
    text += hole + (strings[i] ?? strings.raw[i] ?? '');
  }
  const tree = parseSyntax(text, { slots, isFunction: (name) => FUNCTIONS.has(name) });
  return { text, tree };
}

/** As everywhere in mibun: safe integers become exact integers, other numbers floats. */
function toExpr(value: ExprLike, index: number): Expr {
  if (value instanceof Expr) return value;
  if (typeof value === 'bigint') return integer(value);
  if (typeof value === 'number' && Number.isFinite(value)) {
    return Number.isSafeInteger(value) ? integer(value) : float(value);
  }
  throw new TypeError(
    `expr\`…\`: hole \${${index}} holds ${describe(value)}; holes take an Expr or a finite number`,
  );
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value)} (parse it first, or write it into the template)`;
  return value === null ? 'null' : typeof value;
}
