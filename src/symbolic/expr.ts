/**
 * `Expr`, the public face of an expression, and the factories that build expressions.
 *
 * An Expr wraps one interned node (node.ts) and there is one Expr per node, so structurally
 * equal expressions are the same object: `===` is equality. Expressions are canonical on
 * construction, as SymPy's are: `x + x` is `2*x`, `x*x` is `x**2`, `a - b` is `a + (-1)*b`,
 * `a/b` is `a*b**-1`, `sqrt(x)` is `x**(1/2)`.
 */
import { simplify as simplifyNode } from './simplify/simplify.js';
import { core } from './core.js';
import { differentiate } from './diff.js';
import type { DiffSpec } from './diff.js';
import { evaluateNode } from './evaluate.js';
import type { Values } from './evaluate.js';
import { ArityError, InvalidValueError, UnknownFunctionError } from './exprErrors.js';
import { FUNCTION_ARITY } from './functions.js';
import {
  E as E_NODE,
  HALF,
  makeFloat,
  makeInteger,
  makeRational,
  makeSymbol,
  NAN as NAN_NODE,
  NEG_ONE,
  PI as PI_NODE,
  ZOO as ZOO_NODE,
} from './node.js';
import type { Node, NodeKind } from './node.js';
import { toFloat } from './numbers.js';
import { printLatexNode } from './printLatex.js';
import { printSympyNode } from './printStr.js';
import { substitute } from './subs.js';
import type { Substitution } from './subs.js';

/** A number where an expression is expected: integers become exact, others floats. */
export type ExprLike = Expr | number | bigint;

export type ExprKind = NodeKind;

const wrappers = new WeakMap<Node, Expr>();

export class Expr {
  private constructor(
    /** @internal the interned node; equal expressions share it */
    readonly node: Node,
  ) {}

  /** @internal the one Expr of a node */
  static of(node: Node): Expr {
    let e = wrappers.get(node);
    if (!e) {
      e = new Expr(node);
      wrappers.set(node, e);
    }
    return e;
  }

  /**
   * What the expression is: 'integer', 'rational', 'float', 'symbol', 'constant' (pi, E),
   * 'special' (zoo, nan), 'add', 'mul', 'pow' or 'fn' (a function application).
   */
  get kind(): ExprKind {
    return this.node.kind;
  }
  /** The operands: terms of a sum, factors of a product, [base, exponent], function arguments. */
  get args(): readonly Expr[] {
    return this.node.args.map(Expr.of);
  }
  /** The name of a symbol, constant or function ('abs' for Abs); '' otherwise. */
  get name(): string {
    return this.node.name;
  }
  /** True for integers, rationals and floats. */
  get isNumber(): boolean {
    return this.node.isNumber;
  }
  /** The float64 value of a number (integer, rational, float); NaN for anything else. */
  get value(): number {
    return toFloat(this.node);
  }
  /** Numerator and denominator of an integer or rational (bigint). */
  get numerator(): bigint {
    return this.node.p;
  }
  get denominator(): bigint {
    return this.node.q;
  }
  /** The symbols the expression depends on, sorted by name. */
  get freeSymbols(): readonly Expr[] {
    return this.node.symbols.map(Expr.of);
  }

  add(other: ExprLike): Expr {
    return Expr.of(core.add([this.node, toNode(other)]));
  }
  sub(other: ExprLike): Expr {
    return Expr.of(core.add([this.node, core.mul([NEG_ONE, toNode(other)])]));
  }
  mul(other: ExprLike): Expr {
    return Expr.of(core.mul([this.node, toNode(other)]));
  }
  div(other: ExprLike): Expr {
    return Expr.of(core.mul([this.node, core.pow(toNode(other), NEG_ONE)]));
  }
  pow(other: ExprLike): Expr {
    return Expr.of(core.pow(this.node, toNode(other)));
  }
  neg(): Expr {
    return Expr.of(core.mul([NEG_ONE, this.node]));
  }

  /**
   * The derivative: `f.diff('x')`, `f.diff(x)`, `f.diff('x', 3)` (third), `f.diff('x', 'y')`
   * (mixed partial). Symbols are real, so `Abs(x).diff(x)` is `sign(x)`.
   */
  diff(...spec: DiffSpec<Expr>[]): Expr {
    return Expr.of(differentiate(this.node, spec.map(specToNode)));
  }

  /**
   * A shorter equivalent form, as SymPy's `simplify` finds (never longer than this one).
   * @example parse('(2*x + 2)*log(x) + (x**2 + 2*x)/x').simplify().toString(); // 'x + 2*(x + 1)*log(x) + 2'
   */
  simplify(): Expr {
    return Expr.of(simplifyNode(this.node));
  }

  /** Replace symbols (or any subexpressions) by expressions or numbers, then recanonicalise. */
  subs(replacements: SubsInput): Expr {
    return Expr.of(substitute(this.node, toSubstitution(replacements)));
  }

  /** The float64 value with the symbols given (a missing one is a MissingValueError). */
  evaluate(
    values: Readonly<Record<string, number>> | ReadonlyMap<string | Expr, number> = {},
  ): number {
    return evaluateNode(this.node, toValues(values));
  }

  /** The expression as SymPy's `str` prints it. */
  toString(): string {
    return printSympyNode(this.node);
  }

  /** The expression as SymPy's `latex()` prints it. */
  toLatex(): string {
    return printLatexNode(this.node);
  }

  /** Structural equality (the same as `===`; numbers are converted first). */
  equals(other: ExprLike): boolean {
    return toNode(other) === this.node;
  }
}

export type SubsInput =
  | Readonly<Record<string, ExprLike>>
  | ReadonlyMap<string | Expr, ExprLike>
  | ReadonlyArray<readonly [string | Expr, ExprLike]>;

function toSubstitution(input: SubsInput): Substitution {
  const entries: [string | Expr, ExprLike][] =
    input instanceof Map
      ? [...(input as ReadonlyMap<string | Expr, ExprLike>).entries()]
      : Array.isArray(input)
        ? (input as ReadonlyArray<readonly [string | Expr, ExprLike]>).map(([k, v]) => [k, v])
        : Object.entries(input as Readonly<Record<string, ExprLike>>);
  const out = new Map<Node, Node>();
  for (const [k, v] of entries) out.set(typeof k === 'string' ? makeSymbol(k) : k.node, toNode(v));
  return out;
}

function toValues(
  values: Readonly<Record<string, number>> | ReadonlyMap<string | Expr, number>,
): Values {
  const out = new Map<string, number>();
  const entries: [string | Expr, number][] =
    values instanceof Map ? [...values.entries()] : Object.entries(values);
  for (const [k, v] of entries) {
    if (typeof v !== 'number')
      throw new InvalidValueError(`value of ${String(k)}`, v, 'pass a number');
    out.set(typeof k === 'string' ? k : k.name, v);
  }
  return out;
}

function specToNode(s: DiffSpec<Expr>): DiffSpec<Node> {
  if (typeof s === 'number' || typeof s === 'string') return s;
  return s.node;
}

/** @internal an ExprLike as a node */
export function toNode(x: ExprLike): Node {
  if (x instanceof Expr) return x.node;
  if (typeof x === 'bigint') return makeInteger(x);
  if (typeof x === 'number') {
    if (Number.isInteger(x) && Number.isSafeInteger(x)) return makeInteger(BigInt(x));
    if (Number.isNaN(x)) return NAN_NODE;
    return makeFloat(x);
  }
  throw new InvalidValueError('expression', x, 'pass an Expr, a number or a bigint');
}

// ---- factories ----------------------------------------------------------------------------------

/** A (real) symbol. */
export function symbol(name: string): Expr {
  if (typeof name !== 'string' || !name.trim())
    throw new InvalidValueError('symbol name', name, 'give a non-empty name such as "x"');
  return Expr.of(makeSymbol(name.trim()));
}

/** Several symbols from one string: `symbols('x y z')` or `symbols('x, y')`. */
export function symbols(names: string): Expr[] {
  return names
    .split(/[\s,]+/)
    .filter((s) => s.length > 0)
    .map(symbol);
}

/** An exact integer. */
export function integer(n: number | bigint): Expr {
  if (typeof n === 'number' && !Number.isSafeInteger(n))
    throw new InvalidValueError('integer', n, 'pass a safe integer or a bigint');
  return Expr.of(makeInteger(BigInt(n)));
}

/** The exact rational p/q in lowest terms (q = 0 gives zoo, as in SymPy). */
export function rational(p: number | bigint, q: number | bigint): Expr {
  for (const v of [p, q])
    if (typeof v === 'number' && !Number.isSafeInteger(v))
      throw new InvalidValueError('rational', v, 'numerator and denominator must be integers');
  const bp = BigInt(p);
  const bq = BigInt(q);
  if (bq === 0n) return Expr.of(bp === 0n ? NAN_NODE : ZOO_NODE);
  return Expr.of(makeRational(bp, bq));
}

/** A float64 number: stays a float through arithmetic (2.5*x, 1.0*x). */
export function float(x: number): Expr {
  if (typeof x !== 'number') throw new InvalidValueError('float', x, 'pass a number');
  return Expr.of(Number.isNaN(x) ? NAN_NODE : makeFloat(x));
}

export function add(...terms: ExprLike[]): Expr {
  return Expr.of(core.add(terms.map(toNode)));
}
export function mul(...factors: ExprLike[]): Expr {
  return Expr.of(core.mul(factors.map(toNode)));
}
export function pow(base: ExprLike, exp: ExprLike): Expr {
  return Expr.of(core.pow(toNode(base), toNode(exp)));
}
export function neg(a: ExprLike): Expr {
  return Expr.of(core.mul([NEG_ONE, toNode(a)]));
}
export function sub(a: ExprLike, b: ExprLike): Expr {
  return Expr.of(core.add([toNode(a), core.mul([NEG_ONE, toNode(b)])]));
}
export function div(a: ExprLike, b: ExprLike): Expr {
  return Expr.of(core.mul([toNode(a), core.pow(toNode(b), NEG_ONE)]));
}

/** Alternative spellings accepted by applyFunction. */
const ALIASES: Readonly<Record<string, string>> = { Abs: 'abs' };

/**
 * The functions applyFunction knows, with the argument counts each accepts. `sqrt` is a
 * power (`x**(1/2)`); `log(x, b)` is `log(x)/log(b)`; `Abs` is another name for `abs`.
 */
export const FUNCTIONS: ReadonlyMap<string, readonly number[]> = new Map<string, readonly number[]>(
  [
    ...Object.entries(FUNCTION_ARITY).map(([k, n]): [string, readonly number[]] => [
      k,
      k === 'log' ? [1, 2] : [n],
    ]),
    ['sqrt', [1]],
    ['Abs', [1]],
  ],
);

/** `name(args…)`: a known function applied and canonicalised (see FUNCTIONS). */
export function applyFunction(name: string, args: readonly ExprLike[]): Expr {
  const arity = FUNCTIONS.get(name);
  if (!arity) throw new UnknownFunctionError(name, [...FUNCTIONS.keys()]);
  if (!arity.includes(args.length)) throw new ArityError(name, arity, args.length);
  return Expr.of(applyFunctionNode(name, args.map(toNode)));
}

/** @internal applyFunction on nodes, for a name and argument count already checked */
export function applyFunctionNode(name: string, nodes: readonly Node[]): Node {
  if (name === 'sqrt') return core.pow(nodes[0]!, HALF);
  if (name === 'log' && nodes.length === 2) return logBase(nodes[0]!, nodes[1]!);
  return core.fn(ALIASES[name] ?? name, nodes);
}

/** log(x, b) = log(x)/log(b); for integers, whole powers of b come out: log(8, 2) = 3. */
function logBase(x: Node, b: Node): Node {
  if (x.kind === 'integer' && b.kind === 'integer' && x.p > 0n && b.p > 1n) {
    let n = 0n;
    let rest = x.p;
    while (rest % b.p === 0n) {
      rest /= b.p;
      n++;
    }
    if (n > 0n) {
      const remaining = core.mul([
        core.fn('log', [makeInteger(rest)]),
        core.pow(core.fn('log', [b]), NEG_ONE),
      ]);
      return core.add([makeInteger(n), remaining]);
    }
  }
  return core.mul([core.fn('log', [x]), core.pow(core.fn('log', [b]), NEG_ONE)]);
}

/** π and e. */
export const pi: Expr = Expr.of(PI_NODE);
export const E: Expr = Expr.of(E_NODE);
/** SymPy's complex infinity (1/0) and not-a-number (0/0). */
export const zoo: Expr = Expr.of(ZOO_NODE);
export const nan: Expr = Expr.of(NAN_NODE);
