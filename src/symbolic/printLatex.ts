/**
 * SymPy's `latex()` of an expression (sympy/printing/latex.py, default settings):
 * `\frac{…}{…}` for quotients, `\sqrt{x}`, `x^{2}`, `\sin^{2}{\left(x \right)}`,
 * `\log{\left(x \right)}`, `e^{x}`, `\left|{x}\right|`, Greek symbol names as letters.
 */
import { core, ordering } from './core.js';
import { formatFloat } from './floatFormat.js';
import { E, HALF, makeInteger, makeMul, NEG_HALF, NEG_ONE, ONE, PI } from './node.js';
import type { Node } from './node.js';
import { numNeg, numSign } from './numbers.js';
import { asBaseExp, asCoeffMul, coeffOf } from './parts.js';
import { precedence, PREC } from './printStr.js';
import { printDeep, SHALLOW } from './walk.js';
import { compareKeys, sympyName } from './order.js';
import { isNegative } from './signs.js';

const GREEK = new Set(
  'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega'.split(
    ' ',
  ),
);
const GREEK_CAPITALS: Readonly<Record<string, string>> = {
  Alpha: 'A',
  Beta: 'B',
  Gamma: '\\Gamma',
  Delta: '\\Delta',
  Epsilon: 'E',
  Zeta: 'Z',
  Eta: 'H',
  Theta: '\\Theta',
  Iota: 'I',
  Kappa: 'K',
  Lambda: '\\Lambda',
  Mu: 'M',
  Nu: 'N',
  Xi: '\\Xi',
  Omicron: 'O',
  Pi: '\\Pi',
  Rho: 'P',
  Sigma: '\\Sigma',
  Tau: 'T',
  Upsilon: '\\Upsilon',
  Phi: '\\Phi',
  Chi: 'X',
  Psi: '\\Psi',
  Omega: '\\Omega',
  lamda: '\\lambda',
  Lamda: '\\Lambda',
};

/** LaTeX commands SymPy uses directly (the rest get \operatorname). */
const LATEX_FUNCTIONS = new Set([
  'arcsin',
  'arccos',
  'arctan',
  'sin',
  'cos',
  'tan',
  'sinh',
  'cosh',
  'tanh',
  'sqrt',
  'ln',
  'log',
  'sec',
  'csc',
  'cot',
  'coth',
  're',
  'im',
  'frac',
  'root',
  'arg',
]);

function translate(s: string): string {
  if (GREEK_CAPITALS[s]) return GREEK_CAPITALS[s];
  if (GREEK.has(s.toLowerCase())) return '\\' + s.toLowerCase();
  return s;
}

/** SymPy's split_super_sub: `x_1`, `x1` → x with subscript 1; `x__2`, `x^2` → superscript. */
function splitSuperSub(text: string): [string, string[], string[]] {
  const parts = text.split(/(?=__|\^|_)/);
  let name = parts.shift() ?? '';
  const supers: string[] = [];
  const subs: string[] = [];
  for (const p of parts) {
    if (p.startsWith('__')) supers.push(p.slice(2));
    else if (p.startsWith('^')) supers.push(p.slice(1));
    else subs.push(p.slice(1));
  }
  const m = /^([a-zA-Z]+)([0-9]+)$/.exec(name);
  if (m) {
    name = m[1]!;
    subs.unshift(m[2]!);
  }
  return [name, supers, subs];
}

export function latexName(s: string): string {
  if (s.includes('{')) return s;
  const [name, supers, subs] = splitSuperSub(s);
  let out = translate(name);
  if (supers.length) out += `^{${supers.map(translate).join(' ')}}`;
  if (subs.length) out += `_{${subs.map(translate).join(' ')}}`;
  return out;
}

const parens = (s: string): string => `\\left(${s}\\right)`;

/** -n with the coefficient negated in place (SymPy's Mul.__neg__). */
function negate(n: Node): Node {
  if (n.isNumber) return numNeg(n);
  const [c, rest] = asCoeffMul(n);
  const nc = numNeg(c);
  if (nc === ONE) return rest;
  if (rest.kind === 'mul') return makeMul([nc, ...rest.args]);
  return core.mul([nc, rest]);
}

/** An unevaluated product for the numerator or denominator of a printed fraction. */
type Factors = readonly Node[];

export class LatexPrinter {
  /** Texts already printed of some nodes of a deep tree: see printDeep. */
  constructor(private readonly memo?: ReadonlyMap<Node, string>) {}

  print(n: Node): string {
    const known = this.memo?.get(n);
    if (known !== undefined) return known;
    switch (n.kind) {
      case 'integer':
        return n.p.toString();
      case 'rational':
        return `${n.p < 0n ? '- ' : ''}\\frac{${n.p < 0n ? -n.p : n.p}}{${n.q}}`;
      case 'float':
        return this.float(n.value);
      case 'symbol':
        return latexName(n.name);
      case 'constant':
        return n === PI ? '\\pi' : n === E ? 'e' : n.name;
      case 'special':
        return n.name === 'zoo' ? '\\tilde{\\infty}' : '\\text{NaN}';
      case 'add':
        return this.add(n);
      case 'mul':
        return this.mul(n);
      case 'pow':
        return this.pow(n);
      case 'fn':
        return this.fn(n);
    }
  }

  private float(v: number): string {
    const s = formatFloat(v, true);
    const i = s.indexOf('e');
    if (i < 0) return s === 'inf' ? '\\infty' : s === '-inf' ? '- \\infty' : s;
    const exp = s.slice(i + 1);
    return `${s.slice(0, i)} \\cdot 10^{${exp.startsWith('+') ? exp.slice(1) : exp}}`;
  }

  private add(n: Node): string {
    let tex = '';
    ordering.orderedTerms(n).forEach((term, i) => {
      if (i > 0) {
        if (ordering.couldExtractMinusSign(term)) {
          tex += ' - ';
          term = negate(term);
        } else tex += ' + ';
      }
      const t = this.print(term);
      tex += term.kind === 'add' ? parens(t) : t;
    });
    return tex;
  }

  /** SymPy's fraction(expr, exact=True): numerator and denominator factor lists. */
  private fraction(n: Node): [Factors, Factors] {
    const num: Node[] = [];
    const den: Node[] = [];
    for (const term of n.kind === 'mul' ? n.args : [n]) {
      if (term.kind === 'pow' || (term.kind === 'fn' && term.name === 'exp')) {
        const [b, ex] = asBaseExp(term, (e) => core.mul([NEG_ONE, e]));
        if (isNegative(ex)) {
          if (ex === NEG_ONE) den.push(b);
          else if (!ex.hasSymbols) den.push(core.pow(b, negate(ex)));
          else num.push(term);
        } else num.push(term);
      } else if (term.kind === 'rational') {
        if (term.p !== 1n) num.push(makeInteger(term.p));
        den.push(makeInteger(term.q));
      } else num.push(term);
    }
    return [num, den];
  }

  private mul(n: Node): string {
    let tex = '';
    let expr = n;
    if (ordering.couldExtractMinusSign(n)) {
      expr = negate(n);
      tex = '- ';
    }
    const [num, den] = this.fraction(expr);
    if (den.length === 0) return tex + this.convert(expr.kind === 'mul' ? expr.args : [expr]);
    return `${tex}\\frac{${this.convert(num)}}{${this.convert(den)}}`;
  }

  /** The factors of an (unevaluated) product, in SymPy's order, separated by spaces. */
  private convert(factors: Factors): string {
    if (factors.length === 0) return '1';
    if (factors.length === 1) return this.print(factors[0]!);
    const sorted = [...factors].sort((a, b) =>
      compareKeys(ordering.sortKey(a), ordering.sortKey(b)),
    );
    let tex = '';
    let last = '';
    sorted.forEach((term, i) => {
      let t = this.print(term);
      const first = i === 0;
      if (
        term.kind === 'mul'
          ? !first && ordering.couldExtractMinusSign(term)
          : precedence(term) < PREC.Mul
      )
        t = parens(t);
      if (endsWithDigit(last) && strStartsWithDigit(term)) tex += ' \\cdot ';
      else if (tex) tex += ' ';
      tex += t;
      last = t;
    });
    return tex;
  }

  private pow(n: Node): string {
    const [b, e] = n.args as [Node, Node];
    if (e.isRational) {
      const p = e.p;
      const q = e.q;
      if ((p === 1n || p === -1n) && q !== 1n) {
        const base = this.print(b);
        const root = q === 2n ? `\\sqrt{${base}}` : `\\sqrt[${q}]{${base}}`;
        return p < 0n ? `\\frac{1}{${root}}` : root;
      }
      if (p < 0n) {
        if (b === ONE) return `1^{${this.print(e)}}`;
        if (b.kind === 'rational' && b.p > 0n) {
          if (e === NEG_ONE) return `\\frac{1}{\\frac{${b.p}}{${b.q}}}`;
          return `\\frac{1}{(\\frac{${b.p}}{${b.q}})^{${this.print(numNeg(e))}}}`;
        }
        return this.mul(n);
      }
    }
    if (b.kind === 'fn') return this.fn(b, this.print(e));
    let base = this.print(b);
    if (precedence(b) <= PREC.Pow) base = parens(base);
    else if (b.kind === 'symbol' && base.includes('^')) base = `{${base}}`;
    return `${base}^{${this.print(e)}}`;
  }

  private fn(n: Node, exp?: string): string {
    const args = n.args.map((a) => this.print(a));
    if (n.name === 'exp') {
      const tex = `e^{${args[0]}}`;
      return exp === undefined ? tex : `${parens(tex)}^{${exp}}`;
    }
    if (n.name === 'log') {
      const tex = `\\log{\\left(${args[0]} \\right)}`;
      return exp === undefined ? tex : `${tex}^{${exp}}`;
    }
    if (n.name === 'abs') {
      const tex = `\\left|{${args[0]}}\\right|`;
      return exp === undefined ? tex : `${tex}^{${exp}}`;
    }
    let name = functionName(sympyName(n.name));
    if (exp !== undefined) name = `${name.includes('^') ? `{${name}}` : name}^{${exp}}`;
    return `${name}{\\left(${args.join(',')} \\right)}`;
  }
}

/** SymPy's _hprint_Function: \sin, a single letter as is, \operatorname{name} otherwise. */
function functionName(func: string): string {
  const f = latexName(func);
  if (LATEX_FUNCTIONS.has(f)) return '\\' + f;
  const sup = f.indexOf('^');
  const sub = f.indexOf('_');
  if (f.length === 1 || f.startsWith('\\') || sub === 1 || sup === 1) return f;
  const cut = [sup, sub].filter((i) => i > 0);
  if (cut.length) {
    const i = Math.min(...cut);
    return `\\operatorname{${f.slice(0, i)}}${f.slice(i)}`;
  }
  return `\\operatorname{${f}}`;
}

/** Whether `s` ends with a digit followed only by '}' and ' ' (SymPy: `[0-9][} ]*$`). */
function endsWithDigit(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && (s[i] === '}' || s[i] === ' ')) i--;
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/**
 * Whether str(n) starts with a digit (SymPy's latex puts \\cdot between such factors),
 * found by following the first printed piece down the tree instead of printing it all.
 */
function strStartsWithDigit(n: Node): boolean {
  for (;;) {
    switch (n.kind) {
      case 'integer':
      case 'rational':
        return n.p >= 0n;
      case 'float':
        return n.value >= 0 && Number.isFinite(n.value);
      case 'symbol':
      case 'constant':
      case 'special':
        return /^[0-9]/.test(n.name);
      case 'fn':
        return false;
      case 'pow': {
        const [b, e] = n.args as [Node, Node];
        if (e === HALF) return false; // sqrt(…)
        if (e === NEG_HALF || e === NEG_ONE) return true; // 1/…
        if (precedence(b) <= PREC.Pow) return false; // (…)**e
        n = b;
        continue;
      }
      case 'add': {
        // the first term, after the sum's sign
        const t = ordering.orderedTerms(n)[0]!;
        if (t.kind === 'add' || numSign(coeffOf(t)) < 0) return false;
        n = t;
        continue;
      }
      case 'mul': {
        // sign, then the numerator: the coefficient's numerator unless it is 1, else the
        // first factor in sort order that is not a negative power ('1' if there is none)
        const [c] = asCoeffMul(n);
        if (numSign(c) < 0) return false;
        if (c.kind === 'float') return Number.isFinite(c.value);
        if (c.p !== 1n) return true;
        let next: Node | undefined;
        for (const f of ordering.orderedFactors(n)) {
          if (f.isNumber) continue;
          if (f.kind === 'pow' && numSign(coeffOf(f.args[1]!)) < 0) continue;
          next = f;
          break;
        }
        if (next === undefined) return true;
        if (precedence(next) <= PREC.Mul) return false; // parenthesised
        n = next;
        continue;
      }
    }
  }
}

const printer = new LatexPrinter();

/** SymPy's latex() of an expression node (of any depth: see printDeep). */
export function printLatexNode(n: Node): string {
  if (n.height <= SHALLOW) return printer.print(n);
  const memo = new Map<Node, string>();
  const deep = new LatexPrinter(memo);
  const print = (a: Node): string => deep.print(a);
  return printDeep(n, memo, print, print);
}
