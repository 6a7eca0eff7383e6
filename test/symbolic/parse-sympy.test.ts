/**
 * parse(text) builds what SymPy's parse_expr(text) (and sympify(text)) builds: Python
 * evaluates `a*b*c` as `(a*b)*c`, `a/b` as `a*b**-1` and `-a` as `a.__neg__()`, and SymPy's
 * two-argument rule (a rational times a sum distributes) makes that order visible.
 *
 * Expected strings: SymPy 1.11.1, `str(parse_expr(text))` with x, y, z real symbols
 * (`str(sympify(text))` agrees on every row). The first rows were written to exercise the
 * rule; the rest are random expressions from a generator that mixes numbers and sums in
 * products, kept where SymPy's answer is real (mibun has no complex numbers).
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/symbolic/index.js';

// SymPy 1.11.1: str(parse_expr(text, local_dict={x, y, z real}))
const SYMPY_PARSE: readonly (readonly [string, string])[] = [
  ['2*(x + 1)*y', 'y*(2*x + 2)'],
  ['-(x + 1)*y', 'y*(-x - 1)'],
  ['3/(2*(x + 1))', '3/(2*x + 2)'],
  ['-x**2*y', '-x**2*y'],
  ['2*(x+1)**2/(x+1)*y', 'y*(2*x + 2)'],
  ['-0.0', '0.0'],
  ['0.3/3', '0.100000000000000'],
  ['2/3.0', '0.666666666666667'],
  ['1/3*x', 'x/3'],
  ['x/2/y', 'x/(2*y)'],
  ['-x/2', '-x/2'],
  ['2**-1*x', 'x/2'],
  ['x*y/(2*(x+1))', 'x*y/(2*x + 2)'],
  ['-(x+1)', '-x - 1'],
  ['-(-x)', 'x'],
  ['-(2*x)', '-2*x'],
  ['x - (y - x)', '2*x - y'],
  ['(x+1)*(x+1)', '(x + 1)**2'],
  ['2*x*(x+1)/x', '2*x + 2'],
  ['x**2/x**2*(x+1)*3', '3*x + 3'],
  ['(2*x+2)/2', 'x + 1'],
  ['3*(x+1)/3', 'x + 1'],
  ['x*(x+1)*2', '2*x*(x + 1)'],
  ['(x+1)*2*x', 'x*(2*x + 2)'],
  ['sqrt(2)*sqrt(2)*(x+1)', '2*x + 2'],
  ['0.5*(x+1)*2', 'x + 1.0'],
  ['-2*(x+1)', '-2*x - 2'],
  ['1/(x+1)*2', '2/(x + 1)'],
  ['2/(x+1)*(x+1)', '2'],
  ['2*(x + 1)*sin(x)', '(2*x + 2)*sin(x)'],
  ['-(x + 1)*sin(y)', '(-x - 1)*sin(y)'],
  ['x/(2*(x + 1))', 'x/(2*x + 2)'],
  ['exp(-(pi - 1)*(x + 1))', 'exp((1 - pi)*(x + 1))'],
  ['(x + y)*3*(x - y)', '(x - y)*(3*x + 3*y)'],
  ['-3*(x + y)/(x - y)', '(-3*x - 3*y)/(x - y)'],
  ['2*(x + 1) - 2*x', '2'],
  ['(1 - x)*(-1)', 'x - 1'],
  ['-1*(x - 1)*y', 'y*(1 - x)'],
  ['x*2*(y + 1)*3', '6*x*(y + 1)'],
  ['1.5*(x + 2)*y', 'y*(1.5*x + 3.0)'],
  ['2.0*(x + 1)', '2.0*x + 2.0'],
  ['(x + 1)*0.5', '0.5*x + 0.5'],
  ['(x + 1)/2*y', 'y*(x/2 + 1/2)'],
  ['x/(x + 1)/2', 'x/(2*(x + 1))'],
  ['-(x - y)**2*3', '-3*(x - y)**2'],
  ['sin(2*(x + 1))', 'sin(2*x + 2)'],
  ['exp(2*(x + 1)*y)', 'exp(y*(2*x + 2))'],
  ['log(3*(x + 1)/2)', 'log(3*x/2 + 3/2)'],
  ['2*(x + 1)**-1', '2/(x + 1)'],
  ['(x+1)**2*2/(x+1)', '2*x + 2'],
  ['pi*(x + 1)*2', '2*pi*(x + 1)'],
  ['2*pi*(x + 1)', '2*pi*(x + 1)'],
  ['E*(x + 1)/E', 'x + 1'],
  ['-x*(x + 1)', '-x*(x + 1)'],
  ['-(x*(x + 1))', '-x*(x + 1)'],
  ['- - -(x + 1)*2', '-2*x - 2'],
  ['x**2*(x + 1)*(-2)', '-2*x**2*(x + 1)'],
  ['4/(2*x + 2)', '4/(2*x + 2)'],
  ['(4*x + 4)/(2*x + 2)', '(4*x + 4)/(2*x + 2)'],
  ['2*(3*(x + 1))', '6*x + 6'],
  ['2*(x + 1)*(y + 1)', '(2*x + 2)*(y + 1)'],
  ['(x + 1)*(y + 1)*2', '2*(x + 1)*(y + 1)'],
  ['1/2*(x + 1)', 'x/2 + 1/2'],
  ['(x + 1)*(1/2)', 'x/2 + 1/2'],
  ['sqrt(2)*(x + 1)*sqrt(2)', '2*x + 2'],
  ['3*x*y/(6*(x + 1))', '3*x*y/(6*x + 6)'],
  ['-(2*(x + 1))*y', 'y*(-2*x - 2)'],
  ['x*y*(2*(x + 1))', 'x*y*(2*x + 2)'],
  ['1/(2*(x + 1))*y', 'y/(2*x + 2)'],
  [
    '(1*(sqrt(2*x*E*2.0))*((x/x*(-1)/x)**(-1/2))*1)**(3/2)',
    '2.82842712474619*(sqrt(x)/sqrt(-1/x))**(3/2)*exp(3/4)',
  ],
  ['(x/(-(-y))/(sqrt(E)*(3 + y + x))*y)**(-1/2)', 'exp(1/4)/sqrt(x/(x + y + 3))'],
  ['-(pi + pi + y*y + 1.5 + y - Abs(x))', '-y**2 - y + Abs(x) - 2*pi - 1.5'],
  ['1**(-1/2)', '1'],
  ['0 - atan(pi**(-1/2) + 2.0) - x', '-x - atan(1/sqrt(pi) + 2.0)'],
  ['-(sinh((x - E - E)**(-1)))', '-sinh(1/(x - 2*E))'],
  ['-(exp(E + z + x/(y - 2.0 - 2)/(1*pi)))', '-exp(x/(pi*(y - 4.0)) + z + E)'],
  ['(y**(-1/2))**(-1/2)/3*3*x*3', '3*x*y**(1/4)'],
  [
    'atan(sin(y + x + pi)*(cos(x)*(2 - 2 + 2.0)*(1**(1/2))/(sinh(E))))',
    '-atan(2.0*sin(x + y)*cos(x)/sinh(E))',
  ],
  ['-(asin(0.5**(1/2) + -1 - pi))', 'asin(0.292893218813452 + pi)'],
  ['-x - (-1/1.5*1)**(-1) - 0/(3 - y + E/x)/((log(z))**(-2))', '1.5 - x'],
  [
    '-(0.5/pi*(2*(z*3*2.0*0.5)*(-(-1))*1.5)*(pi/2.0*z/y - E + y + 0))',
    '-4.5*z*(y - E + 0.5*pi*z/y)/pi',
  ],
  ['sqrt(x*E/x/3 + 3)*(Abs(tan(x*2.0)))', 'sqrt(E/3 + 3)*Abs(tan(2.0*x))'],
  ['(-x)**(-1)', '-1/x'],
  [
    '-(x*1*3 - -x) + (z*0.5*1.5/3 - x + 3 + pi + 0)**(-1/2)',
    '-4*x + sqrt(3)/(3*sqrt(-x/3 + 0.0833333333333333*z + 1 + pi/3))',
  ],
  [
    'z**(-1)/(-z*(exp(2.0**x))*(E + x/2*(pi**2))*1.5)',
    '-0.666666666666667*exp(-2.0**x)/(z**2*(pi**2*x/2 + E))',
  ],
  ['-(cos((2 + x)**3))', '-cos((x + 2)**3)'],
  [
    '(x + z/(E*(-1)*y*0.5)*(cos(0)) + E)**(-1/2)',
    '0.707106781186548/sqrt(0.5*x + 0.5*E - z*exp(-1)/y)',
  ],
  ['2 - -(-y) - ((E/2.0/pi)**(1/2))**(1/2)', '-y - 0.840896415253715*exp(1/4)/pi**(1/4) + 2'],
  ['x + exp(x**(1/2) + y*0/z) - z', 'x - z + exp(sqrt(x))'],
  ['(-(log(x) + -(-1) + E - x))**(1/2)', 'sqrt(x - log(x) - E - 1)'],
  ['1**(1/2)/(x/y*(sin(1 + y)))', 'y/(x*sin(y + 1))'],
  ['(sin((2.0 + x + y)**x))**(-1)', '1/sin((x + y + 2.0)**x)'],
  [
    'atan(E) + atan((-1)**(-2)/1.5*(E**3)) - 0.5',
    '-0.5 + atan(E) + atan(0.666666666666667*exp(3))',
  ],
  [
    'atan(sin(Abs(x))*(exp(y))*(atan(3 + -1 + y))/(tan(2.0/2)))',
    'atan(0.642092615934331*exp(y)*sin(Abs(x))*atan(y + 2))',
  ],
  ['(-(2.0 - x*y*(asin(x))*1.5))**3', '8.0*(0.75*x*y*asin(x) - 1)**3'],
  ['2**(-2)', '1/4'],
  ['cos(z*2)*(-pi)', '-pi*cos(2*z)'],
  [
    '-(sin(x) - z*y*(3*x*0.5/x + exp(pi) + 0**x)*(y/(x*2*pi/y)))',
    '-sin(x) + y**3*z*(0**x + 1.5 + exp(pi))/(2*pi*x)',
  ],
  ['(log(3**(-1/2)*(2*x*2.0)*x))**(-2)', 'log(1.33333333333333*sqrt(3)*x**2)**(-2)'],
  ['(y*(-x))**(-1)', '-1/(x*y)'],
  ['sin(1.5 - y - sqrt(y)*(Abs(y)*(atan(y))*0))', '-sin(y - 1.5)'],
  ['(pi*(pi*1*0*z*2.0/((-1)**(-1/2))*(x**(-1))))**2', '0'],
  [
    '(0**(1/2) - E - pi**x*(1.5*(-1)/1*(pi*pi)*pi/(3**(3/2))))**(-1/2)',
    '1/sqrt(0.166666666666667*sqrt(3)*pi**3*pi**x - E)',
  ],
  ['atan(0.5*y/z - E)', 'atan(0.5*y/z - E)'],
  [
    'asin(2.0**(1/2) + 1 - -2.0 + y/2.0 + 0.5/1.5 - atan(y) + 0)',
    'asin(0.5*y - atan(y) + 4.74754689570643)',
  ],
  [
    'sinh(-1*3*2/x*(2.0 - 1 + y)*(Abs(1))*(0.5 + x + y))/(-(-1))',
    '-sinh(6*(y + 1.0)*(x + y + 0.5)/x)',
  ],
  ['(atan(E))**(-1/2)/((x**3)**(-1/2))*2*(-0*(z - x)*E*(atan(2.0) - y))', '0'],
  ['tan(-(x**(-1/2)))', '-tan(1/sqrt(x))'],
  ['atan(0**(3/2) - 0 - 0 - y*(asin(x))*(cos(2))/(-1 - -1 + 1))', '-atan(y*cos(2)*asin(x))'],
  [
    'pi/E/(y + 3) - Abs(x) - x*(sin(x - 0 - Abs(1.5)))',
    '-x*sin(x - 1.5) - Abs(x) + pi*exp(-1)/(y + 3)',
  ],
  ['exp(log(atan(z))*(y/3 - -0 + 1)/(sin(asin(E))))', 'exp((y/3 + 1)*exp(-1)*log(atan(z)))'],
  ['(pi*(asin(y))*(exp(1*(-1))))**(3/2)', 'pi**(3/2)*exp(-3/2)*asin(y)**(3/2)'],
  ['(0.5/y*(-1)/y)**(-2)/(cos(x/x*x))*(-(-0.5))/pi*2', '4.0*y**4/(pi*cos(x))'],
  ['(-(2**2))**x + (-y + 0)**(-1/2)', '(-4)**x + 1/sqrt(-y)'],
];

describe('parse builds expressions as SymPy parse_expr does (pairwise, left to right)', () => {
  it.each(SYMPY_PARSE)('%s', (text, sympy) => {
    expect(parse(text).toString()).toBe(sympy);
  });

  it('keeps a product of many distinct factors linear (runs of new factors join at once)', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `x${i}`);
    const e = parse(names.join('*'));
    expect(e.kind).toBe('mul');
    expect(e.args.length).toBe(20_000);
    // the same as multiplying one factor at a time
    expect(parse('2*' + names.slice(0, 50).join('*') + '*(y + 1)').toString()).toBe(
      '2*' + [...names.slice(0, 50)].sort().join('*') + '*(y + 1)',
    );
  });
});
