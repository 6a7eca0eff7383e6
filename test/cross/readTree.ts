/**
 * Reads mibun/SymPy text into a `Tree` with a parser of its own, so that the tree handed to
 * autograd, the graph and finite differences does not depend on the symbolic parser it is
 * checked against. Python's grammar, in miniature: `+ -` < `* /` < unary minus < `**` (right
 * associative, so `-x**2` is `-(x**2)` and `2**-x` is allowed); integers; `x y z`, `pi`; the
 * rules' unary functions (`Abs` for abs), `atan2(y, x)` and `log(x, b)` = log(x)/log(b).
 */
import { isUnaryOp } from '../../src/rules/index.js';
import { b2, c, pi, u1, v, VARIABLE_NAMES, type Tree } from './tree.js';

const TOKEN = /\s*(\*\*|\d+|[A-Za-z_]\w*|[-+*/(),])/y;

export function readTree(text: string): Tree {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.trimEnd().length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`readTree: cannot read '${text.slice(at)}' in '${text}'`);
    tokens.push(m[1]!);
  }
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const expect = (t: string): void => {
    if (tokens[i] !== t) throw new Error(`readTree: expected '${t}' at token ${i} of '${text}'`);
    i++;
  };

  const sum = (): Tree => {
    let left = product();
    for (let t = peek(); t === '+' || t === '-'; t = peek()) {
      i++;
      left = b2(t === '+' ? 'add' : 'sub', left, product());
    }
    return left;
  };
  const product = (): Tree => {
    let left = signed();
    for (let t = peek(); t === '*' || t === '/'; t = peek()) {
      i++;
      left = b2(t === '*' ? 'mul' : 'div', left, signed());
    }
    return left;
  };
  const signed = (): Tree => {
    if (peek() === '-') {
      i++;
      return u1('neg', signed());
    }
    if (peek() === '+') {
      i++;
      return signed();
    }
    return power();
  };
  const power = (): Tree => {
    const base = atom();
    if (peek() !== '**') return base;
    i++;
    return b2('pow', base, signed());
  };
  const args = (): Tree[] => {
    expect('(');
    const list = [sum()];
    while (peek() === ',') {
      i++;
      list.push(sum());
    }
    expect(')');
    return list;
  };
  const atom = (): Tree => {
    const t = tokens[i++];
    if (t === undefined) throw new Error(`readTree: unexpected end of '${text}'`);
    if (t === '(') {
      const inner = sum();
      expect(')');
      return inner;
    }
    if (/^\d+$/.test(t)) return c(Number(t));
    const variable = (VARIABLE_NAMES as readonly string[]).indexOf(t);
    if (variable >= 0) return v(variable);
    if (t === 'pi') return pi;
    if (peek() !== '(') throw new Error(`readTree: unknown name '${t}' in '${text}'`);
    const a = args();
    const name = t === 'Abs' ? 'abs' : t;
    if (name === 'atan2' && a.length === 2) return b2('atan2', a[0]!, a[1]!);
    if (name === 'log' && a.length === 2) return b2('div', u1('log', a[0]!), u1('log', a[1]!));
    if (isUnaryOp(name) && a.length === 1) return u1(name, a[0]!);
    throw new Error(`readTree: unknown function ${t} of ${a.length} arguments in '${text}'`);
  };

  const tree = sum();
  if (i !== tokens.length) throw new Error(`readTree: unread '${tokens.slice(i).join(' ')}'`);
  return tree;
}
