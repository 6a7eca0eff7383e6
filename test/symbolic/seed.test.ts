import { describe, expect, it } from 'vitest';
import { add, applyFunction, mul, pow, symbol } from '../../src/symbolic/index.js';

const x = symbol('x');
const y = symbol('y');
const log = (a: Parameters<typeof applyFunction>[1][number]) => applyFunction('log', [a]);

describe('seed notebook, part 1: direct (symbolic) differentiation', () => {
  const f = mul(add(pow(x, 2), mul(2, x)), log(x));

  it('prints diff((x**2 + 2*x)*log(x), x) as SymPy does', () => {
    // SymPy 1.11.1: diff((x**2 + 2*x)*log(x), x)
    expect(f.diff('x').toString()).toBe('(2*x + 2)*log(x) + (x**2 + 2*x)/x');
    expect(f.diff(x)).toBe(f.diff('x'));
  });

  it("evaluates f(1) = 0 and f'(1) = 3", () => {
    // seed: numpy evaluation of f and of the derivative at x = 1
    expect(f.evaluate({ x: 1 })).toBe(0);
    expect(f.diff('x').evaluate({ x: 1 })).toBe(3);
  });

  it('prints and evaluates the partials of (x**2 + 2*x)*log(y)', () => {
    const g = mul(add(pow(x, 2), mul(2, x)), log(y));
    // SymPy 1.11.1: diff(g, x), diff(g, y); evalf(subs={x: 1.0, y: 2.0}) printed with 4 decimals
    expect(g.diff('x').toString()).toBe('(2*x + 2)*log(y)');
    expect(g.diff('y').toString()).toBe('(x**2 + 2*x)/y');
    expect(g.diff('x').evaluate({ x: 1, y: 2 }).toFixed(4)).toBe('2.7726');
    expect(g.diff('y').evaluate({ x: 1, y: 2 }).toFixed(4)).toBe('1.5000');
  });
});
