import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';

/** Runs the CLI in-process and collects what it writes. */
function run(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

describe('mibun diff', () => {
  it('differentiates the seed expression and evaluates it at x=1', () => {
    const r = run('diff', '(x**2 + 2*x)*log(x)', '--at', 'x=1');
    // SymPy 1.11.1: diff((x**2 + 2*x)*log(x), x), and its value at x = 1 (the seed prints 3.0)
    expect(r).toEqual({
      code: 0,
      stdout: '(2*x + 2)*log(x) + (x**2 + 2*x)/x\nat x=1: 3\n',
      stderr: '',
    });
  });

  it('prints only the derivative without --at', () => {
    expect(run('diff', '(x**2 + 2*x)*log(x)').stdout).toBe('(2*x + 2)*log(x) + (x**2 + 2*x)/x\n');
  });

  it('gives every partial with --wrt x,y, and their values', () => {
    const r = run('diff', '(x**2 + 2*x)*log(y)', '--wrt', 'x,y', '--at', 'x=1,y=2');
    // SymPy 1.11.1: diff(f, x) = (2*x + 2)*log(y), diff(f, y) = (x**2 + 2*x)/y;
    // at (1, 2): 4*log(2) = 2.772588722239781 and 3/2 (the seed prints 2.7726, 1.5000)
    expect(r.stdout).toBe(
      'd/dx: (2*x + 2)*log(y)\nd/dy: (x**2 + 2*x)/y\nat x=1, y=2: d/dx = 2.772588722239781, d/dy = 1.5\n',
    );
    expect(r.code).toBe(0);
  });

  it('takes higher orders', () => {
    // SymPy 1.11.1: diff(x**4 + sin(x), x, 3) = 24*x - cos(x)
    expect(run('diff', 'x**4 + sin(x)', '--order', '3').stdout).toBe('24*x - cos(x)\n');
  });

  it('accepts expressions as --at values and merges repeated --at', () => {
    // d/dx sin(x)*y = y*cos(x); at x = pi/3, y = 2: 2*cos(pi/3) = 1.0000000000000002 in float64
    const r = run('diff', 'sin(x)*y', '--wrt', 'x', '--at', 'x=pi/3', '--at', 'y=2');
    expect(r.stdout).toBe(`y*cos(x)\nat x=${Math.PI / 3}, y=2: ${2 * Math.cos(Math.PI / 3)}\n`);
  });

  it('prints LaTeX with --latex', () => {
    // SymPy 1.11.1: latex(diff(x**2*log(x), x)) = '2 x \\log{\\left(x \\right)} + x'
    expect(run('diff', 'x**2*log(x)', '--latex').stdout).toBe('2 x \\log{\\left(x \\right)} + x\n');
  });

  it('prints one JSON object with --json', () => {
    const r = run('diff', '(x**2 + 2*x)*log(x)', '--at', 'x=1', '--json');
    expect(JSON.parse(r.stdout)).toEqual({
      expression: '(x**2 + 2*x)*log(x)',
      order: 1,
      at: { x: 1 },
      derivatives: [
        {
          wrt: 'x',
          derivative: '(2*x + 2)*log(x) + (x**2 + 2*x)/x',
          // SymPy 1.11.1: latex(diff((x**2 + 2*x)*log(x), x))
          latex: '\\left(2 x + 2\\right) \\log{\\left(x \\right)} + \\frac{x^{2} + 2 x}{x}',
          value: 3,
        },
      ],
    });
  });

  it('reads an expression that starts with a minus after --', () => {
    expect(run('diff', '--', '-x**3').stdout).toBe('-3*x**2\n');
  });
});

describe('mibun diff: errors go to stderr with exit status 1 or 2, never a stack trace', () => {
  it('prints a parse error with its caret and exits 1', () => {
    const r = run('diff', '(x**2 + 2x)*log(x)');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "mibun: parse error: missing operator between '2' and 'x' at column 10: write 2*x for a product\n" +
        '(x**2 + 2x)*log(x)\n' +
        '         ^\n',
    );
  });

  it('names an unknown function and suggests the closest one', () => {
    const r = run('diff', 'sni(x)');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown function 'sni' at column 1: did you mean 'sin'?");
  });

  it('asks for --wrt when there are several symbols, listing them', () => {
    const r = run('diff', '(x**2 + 2*x)*log(y)');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has several symbols (x, y)');
    expect(r.stderr).toContain("Run 'mibun diff --help'");
  });

  it('says which --at values are missing', () => {
    const r = run('diff', 'x*y', '--wrt', 'x', '--at', 'x=1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--at gives no value for y');
  });

  it('rejects malformed options', () => {
    expect(run('diff', 'x', '--order', '0').stderr).toContain('--order must be a positive integer');
    expect(run('diff', 'x', '--at', 'x').stderr).toContain('--at expects name=value pairs');
    expect(run('diff', 'x', '--frobnicate').code).toBe(2);
    expect(run('diff').stderr).toContain('missing the expression');
    expect(run('diff', 'x', 'y').stderr).toContain('expected one expression, got 2');
  });

  it('hints at -- when an expression looks like an option', () => {
    const r = run('diff', '-x**2');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown option '-x'");
    expect(r.stderr).toContain("after '--'");
  });

  it('shows --at parse errors with a caret under the value', () => {
    const r = run('diff', 'x', '--at', 'x=1+');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("the input ends after '+'");
  });

  it('never prints a stack trace', () => {
    for (const argv of [['diff', ')'], ['diff', 'x', '--at', 'x=y'], ['nope'], ['diff', 'sin']]) {
      const r = run(...argv);
      expect(r.code).not.toBe(0);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('mibun: help and version', () => {
  it('--help lists the commands', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('diff');
    expect(r.stdout).toContain('Usage:');
  });

  it('diff --help and help diff show the options of diff', () => {
    for (const argv of [
      ['diff', '--help'],
      ['help', 'diff'],
      ['diff', '-h'],
    ]) {
      const r = run(...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('--wrt');
      expect(r.stdout).toContain('--at');
    }
  });

  it('--version prints the version of package.json', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as {
      version: string;
    };
    expect(run('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('no command prints the help to stderr and exits 2; an unknown one is named', () => {
    expect(run().code).toBe(2);
    const r = run('dif', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'dif'");
  });
});
