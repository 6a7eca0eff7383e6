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
import { asCoeffMul } from './parts.js';
import { sympyName } from './order.js';

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
  print(n: Node, level = 1): string {
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
    const parts: string[] = [];
    for (const term of ordering.orderedTerms(n)) {
      let t = this.print(term, level + 1);
      let sign = '+';
      if (t.startsWith('-')) {
        sign = '-';
        t = t.slice(1);
      }
      parts.push(sign, precedence(term) < PREC.Add || term.kind === 'add' ? `(${t})` : t);
    }
    const first = parts.shift();
    return (first === '-' ? '-' : '') + parts.join(' ');
  }

  private mul(n: Node, level: number): string {
    const prec = precedence(n);
    const [c, rest] = asCoeffMul(n);
    let sign = '';
    let expr = n;
    if (numSign(c) < 0) {
      sign = '-';
      const nc = numNeg(c);
      expr = keepCoefficient(nc, rest);
    }
    const num: (Node | Inverted)[] = [];
    const den: (Node | Inverted)[] = [];
    for (const item of ordering.orderedFactors(expr)) {
      if (item.kind === 'pow' && numSign(asCoeffMul(item.args[1]!)[0]) < 0) {
        const [b, e] = item.args as [Node, Node];
        if (e === NEG_ONE) den.push(b);
        else den.push({ base: b, exp: negateExponent(e) });
      } else if (item.isRational) {
        if (item.p !== 1n) num.push(makeInteger(item.p));
        if (item.q !== 1n) den.push(makeInteger(item.q));
      } else num.push(item);
    }
    if (num.length === 0) num.push(ONE);
    const str = (x: Node | Inverted): string =>
      'base' in x ? this.invertedPow(x, level, prec) : this.paren(x, level, prec);
    const a = num.map(str).join('*');
    if (den.length === 0) return sign + a;
    if (den.length === 1) return sign + a + '/' + str(den[0]!);
    return sign + a + '/(' + den.map(str).join('*') + ')';
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

/** SymPy's str() of an expression node. */
export function printSympyNode(n: Node): string {
  return printer.print(n);
}
