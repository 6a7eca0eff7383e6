import { describe, expect, it } from 'vitest';
import {
  add,
  applyFunction,
  ArityError,
  div,
  E,
  float,
  FUNCTIONS,
  integer,
  mul,
  neg,
  parse,
  pi,
  pow,
  rational,
  sub,
  symbol,
  symbols,
  UnknownFunctionError,
} from '../../src/symbolic/index.js';

const x = symbol('x');
const y = symbol('y');

describe('hash-consing', () => {
  it('makes structurally equal expressions the same object', () => {
    expect(add(x, y)).toBe(add(y, x));
    expect(mul(x, add(y, 1))).toBe(mul(add(1, y), x));
    expect(parse('sin(x)**2 + cos(x)')).toBe(
      add(applyFunction('cos', [x]), pow(applyFunction('sin', [x]), 2)),
    );
    expect(symbol('x')).toBe(x);
    expect(integer(3)).toBe(integer(3n));
    expect(x.equals(symbol('x'))).toBe(true);
    expect(integer(2).equals(2)).toBe(true);
    expect(x.equals(y)).toBe(false);
  });

  it('shares subterms between an expression and its derivatives', () => {
    const f = parse('sin(x**2 + 1)');
    const d = f.diff('x');
    // d = 2*x*cos(x**2 + 1): the argument is the very same node as in f
    const inner = f.args[0]!;
    const cos = d.args.find((a) => a.kind === 'fn')!;
    expect(cos.args[0]).toBe(inner);
  });

  it('keeps symbols apart by name, and names are trimmed', () => {
    expect(symbols('x, y z').map(String)).toEqual(['x', 'y', 'z']);
    expect(symbol(' x ')).toBe(x);
    expect(() => symbol('')).toThrow(/symbol name/);
  });
});

describe('canonical forms on construction (as SymPy 1.11.1)', () => {
  it.each([
    ['x + x', add(x, x), '2*x'],
    ['x*x', mul(x, x), 'x**2'],
    ['2*x/2', div(mul(2, x), 2), 'x'],
    ['x - x', sub(x, x), '0'],
    ['(x**2)**3', pow(pow(x, 2), 3), 'x**6'],
    ['-(x + 1)', neg(add(x, 1)), '-x - 1'],
    ['x/y*y', mul(div(x, y), y), 'x'],
    ['x**2*x**-2', mul(pow(x, 2), pow(x, -2)), '1'],
    ['sqrt(x)*sqrt(x)', mul(applyFunction('sqrt', [x]), applyFunction('sqrt', [x])), 'x'],
    ['exp(x)*exp(-x)', mul(applyFunction('exp', [x]), applyFunction('exp', [neg(x)])), '1'],
    ['log(x, 8)', applyFunction('log', [x, 8]), 'log(x)/log(8)'],
    ['E**x', pow(E, x), 'exp(x)'],
    ['sin(pi)', applyFunction('sin', [pi]), '0'],
  ])('%s', (_label, e, printed) => {
    expect(e.toString()).toBe(printed);
  });

  it('writes a - b as a + (-1)*b and a/b as a*b**-1', () => {
    const d = sub(x, y);
    expect(d.kind).toBe('add');
    expect(d.args.map(String).sort()).toEqual(['-y', 'x']);
    const q = div(x, y);
    expect(q.kind).toBe('mul');
    expect(q.args.some((a) => a.kind === 'pow' && a.args[1]!.equals(-1))).toBe(true);
    expect(applyFunction('sqrt', [x])).toBe(pow(x, rational(1, 2)));
  });
});

describe('exact numbers', () => {
  it('adds and multiplies rationals exactly (bigint)', () => {
    // SymPy 1.11.1: Rational(1,3) + Rational(1,6) → 1/2; Rational(2**70, 3)*3 → 1180591620717411303424
    expect(add(rational(1, 3), rational(1, 6)).toString()).toBe('1/2');
    expect(mul(rational(2n ** 70n, 3), 3).toString()).toBe('1180591620717411303424');
    expect(add(rational(10n ** 30n + 1n, 7), rational(1, 7)).toString()).toBe(
      '1000000000000000000000000000002/7',
    );
    // SymPy 1.11.1: Rational(2,3)**50
    expect(pow(rational(2, 3), 50).toString()).toBe('1125899906842624/717897987691852588770249');
    expect(pow(3, -2).toString()).toBe('1/9');
    expect(applyFunction('sqrt', [rational(9, 4)]).toString()).toBe('3/2');
    expect(rational(6, -4).numerator).toBe(-3n);
    expect(rational(6, -4).denominator).toBe(2n);
  });

  it('makes a float contagious, as SymPy does', () => {
    expect(mul(float(2.5), x).toString()).toBe('2.5*x');
    expect(add(rational(1, 2), float(0.5)).toString()).toBe('1.00000000000000');
    expect(mul(float(1), x).toString()).toBe('1.0*x');
    expect(pow(x, float(0.5)).toString()).toBe('x**0.5');
    // JavaScript numbers: integers are exact, others floats
    expect(x.mul(2).toString()).toBe('2*x');
    expect(x.mul(0.25).toString()).toBe('0.25*x');
  });

  it('gives zoo for division by zero, as SymPy does', () => {
    expect(div(1, 0).toString()).toBe('zoo');
    expect(rational(1, 0).toString()).toBe('zoo');
    expect(rational(0, 0).toString()).toBe('nan');
    expect(applyFunction('log', [0]).toString()).toBe('zoo');
  });
});

describe('functions', () => {
  it('knows every unary op of the rules table, plus sqrt, atan2 and Abs', () => {
    for (const name of [
      'exp',
      'log',
      'sqrt',
      'sin',
      'atan2',
      'abs',
      'Abs',
      'relu',
      'sigmoid',
      'softplus',
      'gelu',
    ])
      expect(FUNCTIONS.has(name)).toBe(true);
    expect(FUNCTIONS.get('log')).toEqual([1, 2]);
    expect(FUNCTIONS.get('atan2')).toEqual([2]);
  });

  it('prints mibun-only functions by name and evaluates them at special points', () => {
    expect(applyFunction('relu', [x]).toString()).toBe('relu(x)');
    expect(applyFunction('relu', [-2]).toString()).toBe('0');
    expect(applyFunction('sigmoid', [0]).toString()).toBe('1/2');
    expect(applyFunction('softplus', [0]).toString()).toBe('log(2)');
    expect(applyFunction('gelu', [x]).toLatex()).toBe('\\operatorname{gelu}{\\left(x \\right)}');
    expect(applyFunction('abs', [x]).toString()).toBe('Abs(x)');
  });

  it('rejects unknown names and wrong argument counts with the facts', () => {
    expect(() => applyFunction('sni', [x])).toThrow(UnknownFunctionError);
    expect(() => applyFunction('sni', [x])).toThrow(/unknown function 'sni'/);
    try {
      applyFunction('atan2', [x]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ArityError);
      expect((e as ArityError).expected).toEqual([2]);
      expect((e as ArityError).received).toBe(1);
      expect((e as Error).message).toBe('atan2 takes 2 arguments, but was given 1');
    }
  });
});
