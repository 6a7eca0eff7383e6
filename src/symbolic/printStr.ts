/**
 * SymPy's `str` of an expression (sympy/printing/str.py): the same term order, the same
 * parentheses, `sqrt` and `1/x` for powers of ±1/2 and -1, fractions gathered into one
 * denominator (`-2*x/(y + 1)`), floats with 15 significant digits.
 */
import { core, ordering } from './core.js';
import { formatFloat } from './floatFormat.js';
import { HALF, makeInteger, makeMul, NEG_HALF, NEG_ONE, ONE } from './node.js';
import type { Node } from './node.js';
import { numNeg, numSign } from './numbers.js';
import { asCoeffMul, coeffOf } from './parts.js';
import { sympyName } from './order.js';
import { printDeep, SHALLOW } from './walk.js';

// sympy/printing/precedence.py
export const PREC = { Add: 40, Mul: 50, Pow: 60, Func: 70, Atom: 1000 } as const;

export function precedence(n: Node): number {
  switch (n.kind) {
    case 'integer':
      return n.p < 0n ? PREC.Add : PREC.Atom;
    case 'rational':
      return n.p < 0n ? PREC.Add : PREC.Mul;
    case 'float':
      return n.value < 0 ? PREC.Add : PREC.Atom;
    case 'add':
      return PREC.Add;
    case 'mul':
      return ordering.couldExtractMinusSign(n) ? PREC.Add : PREC.Mul;
    case 'pow':
      return PREC.Pow;
    case 'fn':
      return PREC.Func;
    default:
      return PREC.Atom;
  }
}

/** A power written with its exponent negated: the denominator of a printed fraction. */
interface Inverted {
  base: Node;
  exp: Node;
}

export class StrPrinter {
  /** Texts already printed (at a nested level) of some nodes of a deep tree: see printDeep. */
  constructor(private readonly memo?: ReadonlyMap<Node, string>) {}

  print(n: Node, level = 1): string {
    if (this.memo !== undefined && level > 1) {
      const known = this.memo.get(n);
      if (known !== undefined) return known;
    }
    switch (n.kind) {
      case 'integer':
        return n.p.toString();
      case 'rational':
        return `${n.p}/${n.q}`;
      case 'float':
        return formatFloat(n.value, level > 1);
      case 'symbol':
      case 'constant':
      case 'special':
        return n.name;
      case 'add':
        return this.add(n, level);
      case 'mul':
        return this.mul(n, level);
      case 'pow':
        return this.pow(n.args[0]!, n.args[1]!, level);
      case 'fn':
        return `${sympyName(n.name)}(${n.args.map((a) => this.print(a, level + 1)).join(', ')})`;
    }
  }

  private paren(n: Node, level: number, prec: number): string {
    const s = this.print(n, level + 1);
    return precedence(n) <= prec ? `(${s})` : s;
  }

  private add(n: Node, level: number): string {
    let out = '';
    for (const term of ordering.orderedTerms(n)) {
      // a term printed with a leading '-' gives its minus to the sum: x - 2*y
      let negative = false;
      let t: string;
      if (term.isNumber && numSign(term) < 0) {
        negative = true;
        t = this.print(numNeg(term), level + 1);
      } else if (term.kind === 'mul') {
        const [sign, body] = this.mulParts(term, level + 1);
        negative = sign;
        t = body;
      } else t = this.print(term, level + 1);
      if (precedence(term) < PREC.Add || term.kind === 'add') t = `(${t})`;
      out += out === '' ? (negative ? '-' + t : t) : (negative ? ' - ' : ' + ') + t;
    }
    return out;
  }

  private mul(n: Node, level: number): string {
    const [negative, body] = this.mulParts(n, level);
    return negative ? '-' + body : body;
  }

  /** A product's sign (true: printed with a leading '-') and the text after it. */
  private mulParts(n: Node, level: number): [boolean, string] {
    const prec = precedence(n);
    const [c, rest] = asCoeffMul(n);
    let sign = false;
    let expr = n;
    if (numSign(c) < 0) {
      sign = true;
      const nc = numNeg(c);
      expr = keepCoefficient(nc, rest);
    }
    const num: (Node | Inverted)[] = [];
    const den: (Node | Inverted)[] = [];
    for (const item of ordering.orderedFactors(expr)) {
      if (item.kind === 'pow' && numSign(coeffOf(item.args[1]!)) < 0) {
        const [b, e] = item.args as [Node, Node];
        if (e === NEG_ONE) den.push(b);
        else den.push({ base: b, exp: negateExponent(e) });
      } else if (item.isRational) {
        if (item.p !== 1n) num.push(makeInteger(item.p));
        if (item.q !== 1n) den.push(makeInteger(item.q));
      } else num.push(item);
    }
    if (num.length === 0) num.push(ONE);
    const a = this.factors(num, level, prec);
    if (den.length === 0) return [sign, a];
    if (den.length === 1) return [sign, a + '/' + this.factors(den, level, prec)];
    return [sign, a + '/(' + this.factors(den, level, prec) + ')'];
  }

  private factors(items: readonly (Node | Inverted)[], level: number, prec: number): string {
    let out = '';
    for (let i = 0; i < items.length; i++) {
      const x = items[i]!;
      const s = 'base' in x ? this.invertedPow(x, level, prec) : this.paren(x, level, prec);
      out = i === 0 ? s : out + '*' + s;
    }
    return out;
  }

  /** A denominator power b**e printed within a product (precedence of Pow: no parentheses). */
  private invertedPow(x: Inverted, level: number, prec: number): string {
    const s = this.powParts(x.base, x.exp, level + 1);
    return PREC.Pow <= prec ? `(${s})` : s;
  }

  private pow(b: Node, e: Node, level: number): string {
    return this.powParts(b, e, level);
  }

  private powParts(b: Node, e: Node, level: number): string {
    if (e === HALF) return `sqrt(${this.print(b, level + 1)})`;
    if (e === NEG_HALF) return `1/sqrt(${this.print(b, level + 1)})`;
    if (e === NEG_ONE) return `1/${this.paren(b, level, PREC.Pow)}`;
    return `${this.paren(b, level, PREC.Pow)}**${this.paren(e, level, PREC.Pow)}`;
  }
}

/** -e for a printed exponent: the coefficient negated, as SymPy's apow does. */
function negateExponent(e: Node): Node {
  if (e.isNumber) return numNeg(e);
  const [c, rest] = asCoeffMul(e);
  return keepCoefficient(numNeg(c), rest);
}

/** c*t with c put in front of t's factors as they are (SymPy's _keep_coeff). */
function keepCoefficient(c: Node, t: Node): Node {
  if (c === ONE) return t;
  if (t === ONE) return c;
  if (t.kind === 'mul') return makeMul([c, ...t.args]);
  return core.mul([c, t]);
}

const printer = new StrPrinter();

/** SymPy's str() of an expression node (of any depth: see printDeep). */
export function printSympyNode(n: Node): string {
  if (n.height <= SHALLOW) return printer.print(n);
  const memo = new Map<Node, string>();
  const deep = new StrPrinter(memo);
  return printDeep(
    n,
    memo,
    (a) => deep.print(a, 2),
    (a) => deep.print(a, 1),
  );
}
