/**
 * Symbolic differentiation. Every local partial comes from the rules table
 * (src/rules/partials.ts) through EXPR_ALGEBRA; this module only applies the chain rule,
 * once, generically: d f(u₁, …, uₙ) = Σ ∂ᵢf · duᵢ.
 *
 * The products are associated as SymPy's `diff` associates them, because SymPy's
 * canonical product distributes a rational over a sum only when the two meet alone
 * (`3*(2*x + 1)` → `6*x + 3`), so the order of multiplication shows in the printed result:
 * - a function: Σ ∂ᵢf·duᵢ, each a product of two (Function._eval_derivative);
 * - a product: Σᵢ (u₁ ⋯ duᵢ ⋯ uₙ), all factors at once (Mul._eval_derivative_n_times);
 * - a power a**b: (da·b)·(∂a/b) for a constant exponent, and a**b·(db·∂b/a**b +
 *   (da·b)·∂a/(b·a**b)) otherwise (Pow._eval_derivative: self·(db·log a + da·b/a)).
 * Higher orders follow SymPy's Derivative: the Leibniz rule on a product, repeated first
 * derivatives on anything else (SymPy's pairwise product rule, in its argument order).
 *
 * Iterative over the expression DAG (shared subterms are differentiated once), so a chain
 * 10,000 deep does not overflow the stack.
 */
import { BINARY, isUnaryOp, UNARY } from '../rules/index.js';
import { basicArgs } from './basicOrder.js';
import { core } from './core.js';
import { EXPR_ALGEBRA as A } from './exprAlgebra.js';
import { factorTerms } from './factorTerms.js';
import { DiffVariableError } from './exprErrors.js';
import { makeInteger, makeMul, makeSymbol, NEG_ONE, ONE, ZERO } from './node.js';
import { numInv, numMul } from './numbers.js';
import type { Node } from './node.js';
import { printSympyNode } from './printStr.js';
import { SHALLOW } from './walk.js';

/** A variable (symbol or its name) or how many times to differentiate by the one before. */
export type DiffSpec<E> = E | string | number;

/** [variable, order] pairs from diff's arguments: ('x', 2, 'y') → [[x, 2], [y, 1]]. */
export function parseSpec(spec: readonly DiffSpec<Node>[]): [Node, number][] {
  const only = spec.length === 1 ? spec[0] : undefined;
  if (typeof only === 'string' && /^[^\s]+$/.test(only)) return [[makeSymbol(only), 1]];
  const out: [Node, number][] = [];
  for (const s of spec) {
    if (typeof s === 'number') {
      const last = out[out.length - 1];
      if (!last) throw new DiffVariableError(String(s), 'a count must follow a variable');
      if (!Number.isInteger(s) || s < 0)
        throw new DiffVariableError(
          printSympyNode(last[0]),
          `the order ${s} is not a non-negative integer`,
        );
      if (last[1] !== 1)
        throw new DiffVariableError(printSympyNode(last[0]), 'two counts in a row');
      last[1] = s;
      continue;
    }
    const v = typeof s === 'string' ? makeSymbol(s.trim()) : s;
    if (typeof s === 'string' && !s.trim()) throw new DiffVariableError("''", 'the name is empty');
    if (v.kind !== 'symbol')
      throw new DiffVariableError(
        printSympyNode(v),
        'it is not a symbol; give a symbol or its name',
      );
    out.push([v, 1]);
  }
  if (out.length === 0)
    throw new DiffVariableError('nothing', 'name the variable, e.g. diff(f, "x")');
  // SymPy merges repeated neighbours (x, x → x twice) and sorts commuting symbols by name
  const merged: [Node, number][] = [];
  for (const [v, c] of out) {
    const last = merged[merged.length - 1];
    if (last && last[0] === v) last[1] += c;
    else if (c > 0) merged.push([v, c]);
  }
  return merged.sort((a, b) => (a[0].name < b[0].name ? -1 : a[0].name > b[0].name ? 1 : 0));
}

/** The derivative of f by each [variable, order] in turn. */
export function differentiate(f: Node, spec: readonly DiffSpec<Node>[]): Node {
  let out = f;
  let order = 0;
  for (const [v, n] of parseSpec(spec)) {
    if (!out.symbols.includes(v)) return ZERO;
    out = new Differentiator(v).nth(out, n);
    order += n;
  }
  // SymPy's Derivative factors the result of a derivative of total order above one
  return order > 1 ? factorTerms(out) : out;
}

/** Derivatives by one variable, memoised over the DAG. */
export class Differentiator {
  private readonly first = new Map<Node, Node>();
  private readonly higher = new Map<Node, Map<number, Node>>();

  constructor(readonly v: Node) {}

  /**
   * d f/dv, iterative over the DAG: children first, then each node from its children. A
   * child's derivative is dropped once all its parents have used it, so a chain n deep keeps
   * O(n) derivatives alive, not O(n²) (each step's derivative is a product of n factors).
   */
  d1(root: Node): Node {
    const known = this.first.get(root);
    if (known) return known;
    if (root.height <= SHALLOW) {
      const out = this.dShallow(root, new Map());
      this.first.set(root, out);
      return out;
    }
    const depends = (n: Node): boolean => n.symbols.includes(this.v) && !this.first.has(n);
    // how many parents in this DAG still need each node's derivative
    const pending = new Map<Node, number>();
    const walk: Node[] = [root];
    while (walk.length) {
      const n = walk.pop()!;
      for (const a of n.args) {
        if (!depends(a)) continue;
        const c = pending.get(a);
        pending.set(a, (c ?? 0) + 1);
        if (c === undefined) walk.push(a);
      }
    }
    const memo = new Map<Node, Node>();
    const d = (a: Node): Node => memo.get(a) ?? this.first.get(a) ?? ZERO;
    const stack: Node[] = [root];
    while (stack.length) {
      const n = stack[stack.length - 1]!;
      if (memo.has(n)) {
        stack.pop();
        continue;
      }
      let ready = true;
      for (const a of n.args)
        if (depends(a) && !memo.has(a)) {
          stack.push(a);
          ready = false;
        }
      if (!ready) continue;
      stack.pop();
      memo.set(n, n.symbols.includes(this.v) ? this.local(n, d) : ZERO);
      for (const a of n.args) {
        const c = pending.get(a);
        if (c === undefined) continue;
        if (c <= 1) {
          pending.delete(a);
          memo.delete(a);
        } else pending.set(a, c - 1);
      }
    }
    const out = memo.get(root)!;
    this.first.set(root, out);
    return out;
  }

  /** d1 by recursion with one memo, for trees of modest height (the usual case). */
  private dShallow(n: Node, memo: Map<Node, Node>): Node {
    let out = memo.get(n) ?? this.first.get(n);
    if (out !== undefined) return out;
    out = n.symbols.includes(this.v) ? this.local(n, (a) => this.dShallow(a, memo)) : ZERO;
    memo.set(n, out);
    return out;
  }

  /** The n-th derivative, as SymPy's Derivative evaluates it. */
  nth(f: Node, n: number): Node {
    if (n === 0) return f;
    if (!f.symbols.includes(this.v)) return ZERO;
    if (n === 1) return this.d1(f);
    let cache = this.higher.get(f);
    const hit = cache?.get(n);
    if (hit) return hit;
    let out: Node;
    if (f.kind === 'mul') out = this.leibniz(f, n);
    else {
      out = f;
      for (let i = 0; i < n; i++) {
        const next = this.once(out);
        if (next === out) break;
        out = next;
      }
    }
    if (!cache) this.higher.set(f, (cache = new Map()));
    cache.set(n, out);
    return out;
  }

  /** One more derivative of an intermediate result: SymPy's _eval_derivative on it. */
  private once(f: Node): Node {
    if (f.kind !== 'mul') return this.d1(f);
    // Mul._eval_derivative: the factors multiplied pairwise, left to right, in SymPy's order
    const args = basicArgs(f);
    const terms: Node[] = [];
    args.forEach((a, i) => {
      const d = this.d1(a);
      if (d === ZERO) return;
      let acc: Node = ONE;
      for (let j = 0; j < args.length; j++) acc = core.mul([acc, j === i ? d : args[j]!]);
      terms.push(acc);
    });
    return core.add(terms);
  }

  /** (u₁⋯uₘ)⁽ⁿ⁾ = Σ n!/(k₁!⋯kₘ!) u₁⁽ᵏ¹⁾⋯uₘ⁽ᵏᵐ⁾ over k₁ + … + kₘ = n. */
  private leibniz(f: Node, n: number): Node {
    const args = f.args;
    const terms: Node[] = [];
    const k = new Array<number>(args.length).fill(0);
    const factorial = (m: number): bigint => (m <= 1 ? 1n : BigInt(m) * factorial(m - 1));
    const visit = (i: number, left: number): void => {
      if (i === args.length - 1) {
        k[i] = left;
        const factors = args.map((a, j) => this.nth(a, k[j]!));
        if (factors.includes(ZERO)) return;
        const c = k.reduce((acc, kj) => acc / factorial(kj), factorial(n));
        const p = core.mul(factors);
        terms.push(c === 1n ? p : core.mul([makeInteger(c), p]));
        return;
      }
      for (let kk = left; kk >= 0; kk--) {
        k[i] = kk;
        visit(i + 1, left - kk);
      }
    };
    visit(0, n);
    return core.add(terms);
  }

  /** The first derivative of one node, given its arguments' first derivatives. */
  private local(n: Node, d: (a: Node) => Node): Node {
    switch (n.kind) {
      case 'symbol':
        return n === this.v ? ONE : ZERO;
      case 'add':
        return core.add(n.args.map(d));
      case 'mul': {
        // ∂(u₁⋯uₙ)/∂uᵢ is the product of the others (the table's mul rule, n-ary)
        const terms: Node[] = [];
        n.args.forEach((a, i) => {
          const da = d(a);
          if (da !== ZERO) terms.push(core.mul(n.args.map((b, j) => (j === i ? da : b))));
        });
        return core.add(terms);
      }
      case 'pow':
        return this.power(n, d(n.args[0]!), d(n.args[1]!));
      case 'fn':
        return this.function(n, d);
      default:
        return ZERO;
    }
  }

  private power(out: Node, da: Node, db: Node): Node {
    if (da === ZERO && db === ZERO) return ZERO;
    const [a, b] = out.args as [Node, Node];
    // SymPy: a**b·(db·log(a) + (da·b)/a). From the table: ∂/∂b = a**b·log(a) and
    // ∂/∂a = b·a**(b-1) = b·a**b/a, each divided by a**b (and b) to associate the same way.
    const terms: Node[] = [];
    if (db !== ZERO) terms.push(core.mul([db, divideOut(BINARY.pow.db(A, a, b, out), out)]));
    if (da !== ZERO) {
      const overA = divideOut(divideOut(BINARY.pow.da(A, a, b, out), b), out);
      terms.push(core.mul([core.mul([da, b]), overA]));
    }
    return core.mul([out, core.add(terms)]);
  }

  private function(n: Node, d: (a: Node) => Node): Node {
    const terms: Node[] = [];
    if (n.name === 'atan2') {
      const [y, x] = n.args as [Node, Node];
      const dy = d(y);
      const dx = d(x);
      if (dy !== ZERO) terms.push(core.mul([BINARY.atan2.da(A, y, x, n), dy]));
      if (dx !== ZERO) terms.push(core.mul([BINARY.atan2.db(A, y, x, n), dx]));
      return core.add(terms);
    }
    if (!isUnaryOp(n.name)) throw new Error(`internal: no rule for ${n.name}`);
    const u = n.args[0]!;
    const du = d(u);
    if (du === ZERO) return ZERO;
    return core.mul([UNARY[n.name].d(A, u, n), du]);
  }
}

/**
 * p/f where f is known to be a factor of p: f's factors are struck out of p's (a numeric
 * factor divides p's coefficient), so p = x·a**x/a divided by a**x is exactly x/a even when
 * a**x·a**(-x) would not cancel canonically (exponents x + 1 and -x - 1 are different terms).
 */
function divideOut(p: Node, f: Node): Node {
  if (p === f) return ONE;
  const factors = [...(p.kind === 'mul' ? p.args : [p])];
  for (const g of f.kind === 'mul' ? f.args : [f]) {
    const i = factors.indexOf(g);
    if (i >= 0) {
      factors.splice(i, 1);
      continue;
    }
    const c = factors[0];
    if (g.isNumber && c?.isNumber) {
      factors[0] = numMul(c, numInv(g));
      if (factors[0] === ONE) factors.shift();
      continue;
    }
    return core.mul([p, core.pow(f, NEG_ONE)]);
  }
  return factors.length === 0 ? ONE : factors.length === 1 ? factors[0]! : makeMul(factors);
}
