/**
 * Syntax tree → Expr. Every node goes through the core's canonicalising factories, so
 * `parse('x + x')` is `2*x` exactly as SymPy's `parse_expr` gives it. Names are resolved here:
 * `pi`, `E` (and `zoo`, `nan`, which mibun prints) are constants, names in FUNCTIONS must be
 * called, everything else is a symbol.
 */
import { ParseError } from './errors.js';
import type { ProductNode, SyntaxNode } from './syntax.js';
import {
  E,
  FUNCTIONS,
  add,
  applyFunction,
  float,
  integer,
  mul,
  neg,
  nan,
  pi,
  pow,
  symbol,
  zoo,
  type Expr,
} from './expr.js';

/** Names people type for functions mibun spells differently. */
const ALIASES: Readonly<Record<string, string>> = {
  ln: 'log',
  arcsin: 'asin',
  arccos: 'acos',
  arctan: 'atan',
  arcsinh: 'asinh',
  arccosh: 'acosh',
  arctanh: 'atanh',
  arctan2: 'atan2',
};

/** Names SymPy's parse_expr reads as numbers, so that what mibun prints parses back. */
const CONSTANTS: ReadonlyMap<string, Expr> = new Map([
  ['pi', pi],
  ['E', E],
  ['zoo', zoo],
  ['nan', nan],
]);

const MINUS_ONE = integer(-1);

/** Longest argument list passed to the n-ary factories in one call (engines cap spread calls). */
const CHUNK = 8192;

/**
 * Builds the Expr for `node`. `input` is the parsed text (for error carets); `slots` are the
 * values of the `${…}` holes of a template, in order.
 */
export function fromSyntax(node: SyntaxNode, input: string, slots: readonly Expr[] = []): Expr {
  const converter = new Converter(input, slots);
  try {
    return converter.convert(node);
  } catch (error) {
    if (error instanceof ParseError) throw error;
    // The core refused a value (e.g. a domain error): point at the node it was building.
    const at = converter.current;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ParseError('invalid-value', reason, input, at.start, { length: at.end - at.start });
  }
}

class Converter {
  current: SyntaxNode = { kind: 'integer', value: 0, start: 0, end: 0 };

  constructor(
    private readonly input: string,
    private readonly slots: readonly Expr[],
  ) {}

  convert(node: SyntaxNode): Expr {
    switch (node.kind) {
      case 'integer':
        return integer(node.value);
      case 'float':
        return float(node.value);
      case 'name':
        return this.name(node.name, node);
      case 'slot': {
        const value = this.slots[node.index];
        if (value === undefined)
          throw this.error(node, 'invalid-value', `no value for hole ${node.index}`);
        return value;
      }
      case 'negate': {
        const operand = this.convert(node.operand);
        this.current = node;
        return neg(operand);
      }
      case 'power': {
        const base = this.convert(node.base);
        const exponent = this.convert(node.exponent);
        this.current = node;
        return pow(base, exponent);
      }
      case 'sum': {
        const terms = node.terms.map((t) =>
          t.op === '-' ? this.negated(t.node) : this.convert(t.node),
        );
        this.current = node;
        return chunked(add, terms);
      }
      case 'product': {
        const factors: Expr[] = [];
        this.collectFactors(node, false, factors);
        this.current = node;
        return chunked(mul, factors);
      }
      case 'call':
        return this.call(node);
    }
  }

  /**
   * The factors of a product, for one mul() call, as SymPy's Mul(a, b, c), not left to right
   * as Python would: `2*(x + 1)*y` stays 2*y*(x + 1) instead of distributing 2 into (x + 1);
   * a leading minus is a coefficient of the whole product (`-(x + 1)*y` is -y*(x + 1)); and a
   * divisor that is a product is divided out factor by factor (`3/(2*(x + 1))` is
   * (3/2)*(x + 1)**-1, not 3*(2*x + 2)**-1). Each of these is how mibun prints, so printing
   * and parsing back gives the same expression.
   */
  private collectFactors(node: ProductNode, invert: boolean, out: Expr[]): void {
    node.factors.forEach((f, i) => {
      let part = f.node;
      if (i === 0 && part.kind === 'negate') {
        out.push(MINUS_ONE); // its own inverse
        part = part.operand;
      }
      const inverse = invert !== (f.op === '/');
      if (inverse && part.kind === 'product') {
        this.collectFactors(part, true, out);
        return;
      }
      const value = this.convert(part);
      if (!inverse) {
        out.push(value);
        return;
      }
      this.current = part;
      out.push(pow(value, MINUS_ONE)); // a/b is a*b**-1, as in SymPy
    });
  }

  private negated(node: SyntaxNode): Expr {
    const value = this.convert(node);
    this.current = node;
    return neg(value);
  }

  private name(name: string, node: SyntaxNode): Expr {
    const constant = CONSTANTS.get(name);
    if (constant !== undefined) return constant;
    if (FUNCTIONS.has(name)) {
      throw this.error(node, 'function-without-call', `'${name}' is a function, not a value`, {
        hint: `call it: ${name}(x)`,
      });
    }
    return symbol(name);
  }

  private call(node: Extract<SyntaxNode, { kind: 'call' }>): Expr {
    const { name } = node;
    const arity = FUNCTIONS.get(name);
    const nameSpan = { start: node.start, end: node.open };
    if (arity === undefined) {
      if (CONSTANTS.has(name)) {
        throw this.error(nameSpan, 'not-a-function', `'${name}' is a constant, not a function`, {
          hint: `write ${name}*(…) for a product`,
        });
      }
      throw this.error(nameSpan, 'unknown-function', `unknown function '${name}'`, {
        hint: unknownFunctionHint(name),
      });
    }
    if (!arity.includes(node.args.length)) {
      const want = arity.join(' or ');
      const s = want === '1' ? '' : 's';
      throw this.error(
        node,
        'wrong-arity',
        `${name} takes ${want} argument${s}, not ${node.args.length}`,
      );
    }
    const args = node.args.map((a) => this.convert(a));
    this.current = node;
    return applyFunction(name, args);
  }

  private error(
    span: { start: number; end: number },
    code: ConstructorParameters<typeof ParseError>[0],
    reason: string,
    options: { hint?: string } = {},
  ): ParseError {
    return new ParseError(code, reason, this.input, span.start, {
      length: span.end - span.start,
      ...options,
    });
  }
}

/** `f(...items)` in slices, so a 100,000-term sum never exceeds the engine's argument limit. */
function chunked(f: (...items: Expr[]) => Expr, items: Expr[]): Expr {
  if (items.length <= CHUNK) return f(...items);
  const parts: Expr[] = [];
  for (let i = 0; i < items.length; i += CHUNK) parts.push(f(...items.slice(i, i + CHUNK)));
  return chunked(f, parts);
}

function unknownFunctionHint(name: string): string {
  const alias = ALIASES[name] ?? ALIASES[name.toLowerCase()];
  const guess = alias ?? closestName(name, FUNCTIONS.keys());
  if (guess !== undefined) return `did you mean '${guess}'?`;
  return `known functions: ${[...FUNCTIONS.keys()].sort().join(', ')}; for a product write ${name}*(…)`;
}

/** The candidate nearest to `word` by edit distance, if it is close enough to be a typo. */
export function closestName(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(w.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(w, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Damerau–Levenshtein (optimal string alignment): a swap like 'sni' → 'sin' costs 1. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}
