/**
 * SymPy's printing order: `sort_key` (the order of the factors of a product) and
 * `as_ordered_terms` (the order of the terms of a sum: by degree in the sorted generators,
 * then by coefficient). Keys are nested arrays compared as Python compares tuples.
 */
import { formatFloat } from './floatFormat.js';
import { E, makeRational, NEG_ONE, ONE } from './node.js';
import type { Core, Node } from './node.js';
import { constantValue } from './numeric.js';
import { numCompare, numSign, toFloat } from './numbers.js';
import { addArgs, asBaseExp, asCoeffMul, asCoeffMulRational, mulArgs } from './parts.js';
import { isPositive } from './signs.js';
import { fillBottomUp, SHALLOW } from './walk.js';

export type KeyItem = number | string | Node | Key;
export type Key = readonly KeyItem[];

export function compareKeys(a: KeyItem, b: KeyItem): number {
  if (a === b) return 0;
  if (!Array.isArray(a) || !Array.isArray(b)) return compareLeaves(a, b);
  // tuples compared element by element, iteratively: keys nest as deep as the expression
  const outerA: Key[] = [];
  const outerB: Key[] = [];
  const outerI: number[] = [];
  let ka: Key = a;
  let kb: Key = b;
  let i = 0;
  for (;;) {
    if (i < ka.length && i < kb.length) {
      const x = ka[i]!;
      const y = kb[i]!;
      i++;
      if (x === y) continue;
      if (Array.isArray(x) && Array.isArray(y)) {
        outerA.push(ka);
        outerB.push(kb);
        outerI.push(i);
        ka = x as Key;
        kb = y as Key;
        i = 0;
        continue;
      }
      const c = compareLeaves(x, y);
      if (c) return c;
      continue;
    }
    if (ka.length !== kb.length) return ka.length - kb.length;
    if (outerA.length === 0) return 0;
    ka = outerA.pop()!;
    kb = outerB.pop()!;
    i = outerI.pop()!;
  }
}

function compareLeaves(a: KeyItem, b: KeyItem): number {
  if (a === b) return 0;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b))
    return numCompare(a as Node, b as Node);
  throw new Error('internal: sort keys of different shapes');
}

/**
 * Two monomials' dense exponent vectors (-e for each generator in rank order) compared as
 * tuples, from their sparse forms [rank, exponent] sorted by rank.
 */
function compareExponents(a: readonly [number, number][], b: readonly [number, number][]): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const ra = i < a.length ? a[i]![0] : Infinity;
    const rb = j < b.length ? b[j]![0] : Infinity;
    const r = Math.min(ra, rb);
    const ea = ra === r ? a[i++]![1] : 0;
    const eb = rb === r ? b[j++]![1] : 0;
    if (ea !== eb) return ea > eb ? -1 : 1;
  }
  return 0;
}

/** SymPy's class names, as its printer and class_key use them. */
export const SYMPY_NAME: Readonly<Record<string, string>> = { abs: 'Abs' };
export const sympyName = (fn: string): string => SYMPY_NAME[fn] ?? fn;

// Function.class_key: (4, i, name), i from SymPy's table, 10000 for other built-ins, 0 for
// functions SymPy does not have (printed by name, as SymPy's undefined functions are).
const FUNCTION_RANK: Readonly<Record<string, number>> = {
  exp: 10,
  log: 11,
  sin: 20,
  cos: 21,
  tan: 22,
  cot: 23,
  sinh: 30,
  cosh: 31,
  tanh: 32,
  relu: 0,
  sigmoid: 0,
  softplus: 0,
  gelu: 0,
};

function classKey(n: Node): Key {
  switch (n.kind) {
    case 'integer':
    case 'rational':
    case 'float':
      return [1, 0, 'Number'];
    case 'symbol':
      return [2, 0, 'Symbol'];
    case 'constant':
      return [2, 0, n === E ? 'Exp1' : 'Pi'];
    case 'special':
      return n.name === 'nan' ? [1, 0, 'Number'] : [2, 0, 'ComplexInfinity'];
    case 'mul':
      return [3, 0, 'Mul'];
    case 'add':
      return [3, 1, 'Add'];
    case 'pow':
      return [3, 2, 'Pow'];
    case 'fn':
      return [4, FUNCTION_RANK[n.name] ?? 10000, sympyName(n.name)];
  }
}

/** str() of an atom, as sort_key uses it. */
export function atomString(n: Node): string {
  switch (n.kind) {
    case 'integer':
      return n.p.toString();
    case 'rational':
      return `${n.p}/${n.q}`;
    case 'float':
      return formatFloat(n.value, false);
    default:
      return n.name;
  }
}

const isAtom = (n: Node): boolean => n.args.length === 0;

export class Ordering {
  private readonly keys = new WeakMap<Node, Key>();
  private readonly terms = new WeakMap<Node, readonly Node[]>();
  private readonly factors = new WeakMap<Node, readonly Node[]>();
  private oneKey: Key | undefined;

  constructor(private readonly core: Core) {}

  sortKey(n: Node): Key {
    let k = this.keys.get(n);
    if (!k) {
      // a deep tree: the keys of its subtrees first, bottom-up (computeKey recurses)
      if (n.height > SHALLOW)
        fillBottomUp(
          n,
          (a) => a.height <= SHALLOW || this.keys.has(a),
          (a) => this.keys.set(a, this.computeKey(a)),
        );
      k = this.keys.get(n) ?? this.computeKey(n);
      this.keys.set(n, k);
    }
    return k;
  }

  private computeKey(n: Node): Key {
    if (n.isNumber || n.name === 'nan') return [classKey(n), [0, []], [], n];
    const one = (this.oneKey ??= this.sortKey(ONE));
    if (isAtom(n)) return [classKey(n), [1, [atomString(n)]], one, ONE];
    // Expr.sort_key: split off the coefficient and the exponent
    const [coeff, rest] = asCoeffMul(n);
    let expr = rest;
    let exp: Node = ONE;
    if (expr.kind === 'pow') [expr, exp] = expr.args as [Node, Node];
    let args: Key;
    if (isAtom(expr)) args = [1, [atomString(expr)]];
    else {
      const parts =
        expr.kind === 'add'
          ? this.orderedTerms(expr)
          : expr.kind === 'mul'
            ? this.orderedFactors(expr)
            : expr.args;
      args = [parts.length, parts.map((a) => this.sortKey(a))];
    }
    return [classKey(expr), args, this.sortKey(exp), coeff];
  }

  /** The factors of a product in printing order (sorted by sort_key). */
  orderedFactors(n: Node): readonly Node[] {
    if (n.kind !== 'mul') return [n];
    let f = this.factors.get(n);
    if (!f) {
      f = [...n.args].sort((a, b) => compareKeys(this.sortKey(a), this.sortKey(b)));
      this.factors.set(n, f);
    }
    return f;
  }

  /** The terms of a sum in printing order (SymPy's as_ordered_terms with order=None). */
  orderedTerms(n: Node): readonly Node[] {
    if (n.kind !== 'add') return [n];
    let t = this.terms.get(n);
    if (!t) {
      t = this.computeOrderedTerms(n);
      this.terms.set(n, t);
    }
    return t;
  }

  private computeOrderedTerms(n: Node): readonly Node[] {
    const special = this.numberMinusTerm(n);
    if (special) return special;
    const gens = new Map<Node, number>();
    const decomposed = n.args.map((term) => {
      const [c, rest] = asCoeffMul(term);
      let coeff = toFloat(c);
      // a constant factor joins the coefficient; one without a real value (SymPy: complex)
      // sorts after the real ones
      let complex = 0;
      const monom = new Map<Node, number>();
      if (rest !== ONE)
        for (const factor of mulArgs(rest)) {
          if (!factor.hasSymbols) {
            const v = constantValue(factor);
            if (Number.isFinite(v)) {
              coeff *= v;
              continue;
            }
            if (Number.isNaN(v)) {
              complex = 1;
              continue;
            }
          }
          const [base, e] = this.decomposePower(factor);
          monom.set(base, e);
          gens.set(base, 0);
        }
      return { term, coeff, complex, monom };
    });
    const sortedGens = [...gens.keys()].sort((a, b) =>
      compareKeys(this.sortKey(a), this.sortKey(b)),
    );
    // SymPy's key is (the dense vector of -exponents over the sorted generators, complex,
    // coefficient). The vectors are compared sparsely, generator by generator in rank order,
    // so a sum of n distinct symbols sorts in O(n log n), not O(n²) time and memory.
    const rank = new Map<Node, number>();
    sortedGens.forEach((g, i) => rank.set(g, i));
    const keyed = decomposed.map(({ term, coeff, complex, monom }) => {
      const sparse: [number, number][] = [];
      for (const [g, e] of monom) sparse.push([rank.get(g)!, e]);
      sparse.sort((a, b) => a[0] - b[0]);
      return { term, sparse, complex, coeff: complex ? 0 : coeff };
    });
    keyed.sort(
      (a, b) =>
        compareExponents(a.sparse, b.sparse) ||
        a.complex - b.complex ||
        (a.coeff < b.coeff ? -1 : a.coeff > b.coeff ? 1 : 0),
    );
    return keyed.map((k) => k.term);
  }

  /** `1 - x`, `pi - 2*x`: a positive number and a negated term print in that order. */
  private numberMinusTerm(n: Node): readonly Node[] | undefined {
    if (n.args.length !== 2) return undefined;
    const isNum = (a: Node): boolean => a.isNumber || a.kind === 'constant';
    const sorted = [...n.args].sort((a, b) => Number(!isNum(a)) - Number(!isNum(b)));
    const [a, b] = sorted as [Node, Node];
    if (!isNum(a) || b.kind !== 'mul') return undefined;
    const m = [...b.args].sort((u, v) => Number(!u.isNumber) - Number(!v.isNumber));
    if (m.length === 2 && m[0]!.isNumber && isPositive(a) && numSign(m[0]!) < 0) return sorted;
    return undefined;
  }

  /** SymPy's decompose_power: x**(3/2) → [x**(1/2), 3]; exp(-2*x) → [exp(x), -2]. */
  private decomposePower(factor: Node): [Node, number] {
    const [base, exp] = asBaseExp(factor, (e) => this.core.mul([NEG_ONE, e]));
    if (exp.isNumber) {
      if (exp.kind === 'integer') return [base, Number(exp.p)];
      if (exp.kind === 'rational')
        return [this.core.pow(base, makeRational(1n, exp.q)), Number(exp.p)];
      return [factor, 1];
    }
    const [c, tail] = asCoeffMulRational(exp);
    if (c === NEG_ONE) return [this.core.pow(base, tail), -1];
    if (c !== ONE) {
      const t = this.core.mul([makeRational(1n, c.q), tail]);
      return [this.core.pow(base, t), Number(c.p)];
    }
    return [factor, 1];
  }

  /** SymPy's could_extract_minus_sign: is -n "simpler" than n? */
  couldExtractMinusSign(n: Node): boolean {
    if (n.isNumber) return numSign(n) < 0;
    if (n.kind === 'mul') return n.args[0]!.isNumber && numSign(n.args[0]!) < 0;
    if (n.kind !== 'add') return false;
    let negative = 0;
    for (const t of addArgs(n)) if (this.couldExtractMinusSign(t)) negative++;
    const positive = n.args.length - negative;
    if (positive !== negative) return negative > positive;
    const minus = this.core.mul([NEG_ONE, n]);
    return compareKeys(this.sortKey(n), this.sortKey(minus)) < 0;
  }
}
