/**
 * Syntax tree → Expr, built as Python evaluates the same text on SymPy objects, so that
 * `parse(text)` is SymPy's `parse_expr(text)` (and `sympify(text)`) exactly:
 * - products and quotients pairwise, left to right: `a*b*c` is `(a*b)*c` and `a/b` is
 *   `a*b**-1`. SymPy's two-argument rule then shows: `2*(x + 1)*y` is `y*(2*x + 2)`, because
 *   `2*(x + 1)` meets alone first and distributes;
 * - `-a` is Python's unary minus (SymPy's `__neg__`): a sum is negated term by term, a
 *   product's coefficient in place (`-(x + 1)*y` is `y*(-x - 1)`);
 * - sums are built at once: SymPy's Add collects terms the same way whichever the order, so
 *   one n-ary sum equals Python's left-to-right chain (and a 100,000-term sum stays linear).
 * Names are resolved here: `pi`, `E` (and `zoo`, `nan`, which mibun prints) are constants,
 * names in FUNCTIONS must be called, everything else is a symbol.
 */
import { core } from './core.js';
import { ParseError } from './errors.js';
import { applyFunctionNode, Expr, FUNCTIONS } from './expr.js';
import { baseOf, isPlain, negate } from './mul.js';
import {
  E,
  makeFloat,
  makeInteger,
  makeMul,
  makeSymbol,
  NAN,
  NEG_ONE,
  ONE,
  PI,
  ZOO,
} from './node.js';
import type { Node } from './node.js';
import { isZero, numMul, numInv, toFloat } from './numbers.js';
import type { ProductNode, SyntaxNode } from './syntax.js';

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
const CONSTANTS: ReadonlyMap<string, Node> = new Map([
  ['pi', PI],
  ['E', E],
  ['zoo', ZOO],
  ['nan', NAN],
]);

/** Products with more factors than this batch runs of new plain factors (see product()). */
const BATCH_AFTER = 8;

/**
 * Builds the Expr for `node`. `input` is the parsed text (for error carets); `slots` are the
 * values of the `${…}` holes of a template, in order.
 */
export function fromSyntax(node: SyntaxNode, input: string, slots: readonly Expr[] = []): Expr {
  const converter = new Converter(input, slots);
  try {
    return Expr.of(converter.convert(node));
  } catch (error) {
    if (error instanceof ParseError) throw error;
    // The core refused a value (e.g. a domain error): point at the node it was building.
    const at = converter.current;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ParseError('invalid-value', reason, input, at.start, { length: at.end - at.start });
  }
}

/**
 * Python's `a / b` on SymPy objects: `a*b**-1` (just `b**-1` when a is 1), except that a
 * float divided by a nonzero number is one correctly rounded division (Float.__truediv__).
 */
function divide(a: Node, b: Node): Node {
  if (a.kind === 'float' && b.isNumber && !isZero(b)) {
    const v = a.value / toFloat(b);
    return v === 0 ? makeInteger(0n) : makeFloat(v);
  }
  // a rational over a float is a*(1/b), two roundings, as Rational.__truediv__ does it
  if (a.isNumber && b.kind === 'float' && !isZero(b)) return numMul(a, numInv(b));
  const denom = core.pow(b, NEG_ONE);
  return a === ONE ? denom : core.mul([a, denom]);
}

class Converter {
  current: SyntaxNode = { kind: 'integer', value: 0, start: 0, end: 0 };

  constructor(
    private readonly input: string,
    private readonly slots: readonly Expr[],
  ) {}

  convert(node: SyntaxNode): Node {
    switch (node.kind) {
      case 'integer':
        return makeInteger(typeof node.value === 'bigint' ? node.value : BigInt(node.value));
      case 'float':
        return makeFloat(node.value);
      case 'name':
        return this.name(node.name, node);
      case 'slot': {
        const value = this.slots[node.index];
        if (value === undefined)
          throw this.error(node, 'invalid-value', `no value for hole ${node.index}`);
        return value.node;
      }
      case 'negate': {
        const operand = this.convert(node.operand);
        this.current = node;
        return negate(operand, core);
      }
      case 'power': {
        const base = this.convert(node.base);
        const exponent = this.convert(node.exponent);
        this.current = node;
        return core.pow(base, exponent);
      }
      case 'sum': {
        const terms = node.terms.map((t) => {
          const value = this.convert(t.node);
          this.current = t.node;
          return t.op === '-' ? negate(value, core) : value;
        });
        this.current = node;
        return core.add(terms);
      }
      case 'product':
        return this.product(node);
      case 'call':
        return this.call(node);
    }
  }

  /**
   * `f₁ * f₂ / f₃ …` left to right, each step one two-factor product as Python makes it.
   * In a long product, a run of plain factors with bases new to the product (`x*y*z*…`)
   * joins in one step: appending them one at a time gives the same product, in quadratic
   * time.
   */
  private product(node: ProductNode): Node {
    const factors = node.factors;
    let acc = this.convert(factors[0]!.node);
    const batch = factors.length > BATCH_AFTER;
    let pending: Node[] = [];
    let bases: Set<Node> | undefined;
    const flush = (): void => {
      if (pending.length === 0) return;
      acc = makeMul([...(acc.kind === 'mul' ? acc.args : [acc]), ...pending]);
      pending = [];
    };
    for (let i = 1; i < factors.length; i++) {
      const { op, node: part } = factors[i]!;
      const value = this.convert(part);
      this.current = part;
      if (op === '/' && value.isNumber && acc.isNumber) {
        acc = divide(acc, value);
        bases = undefined;
        continue;
      }
      const factor = op === '/' ? core.pow(value, NEG_ONE) : value;
      if (batch && this.joinsPlainly(acc, factor, (bases ??= basesOf(acc)), pending)) {
        pending.push(factor);
        bases.add(baseOf(factor));
        continue;
      }
      flush();
      this.current = node;
      acc = op === '/' && acc === ONE ? factor : core.mul([acc, factor]);
      bases = undefined;
    }
    flush();
    return acc;
  }

  /** Whether `f` would just join the product `acc` (see product()). */
  private joinsPlainly(acc: Node, f: Node, bases: Set<Node>, pending: readonly Node[]): boolean {
    if (acc.isNumber || acc.kind === 'special') return false;
    if (pending.length === 0 && acc.kind !== 'mul' && !isPlain(acc, core)) return false;
    if (f.isNumber || f.kind === 'mul' || !isPlain(f, core)) return false;
    return !bases.has(baseOf(f));
  }

  private name(name: string, node: SyntaxNode): Node {
    const constant = CONSTANTS.get(name);
    if (constant !== undefined) return constant;
    if (FUNCTIONS.has(name)) {
      throw this.error(node, 'function-without-call', `'${name}' is a function, not a value`, {
        hint: `call it: ${name}(x)`,
      });
    }
    return makeSymbol(name);
  }

  private call(node: Extract<SyntaxNode, { kind: 'call' }>): Node {
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
    return applyFunctionNode(name, args);
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

/** The bases of a product's factors (of a single factor: its base), as Mul.flatten groups them. */
function basesOf(n: Node): Set<Node> {
  return new Set((n.kind === 'mul' ? n.args : [n]).map(baseOf));
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
