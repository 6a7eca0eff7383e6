import { describe, expect, it } from 'vitest';
import { parse } from '../../src/symbolic/index.js';
import { DERIVATIVES } from './derivativeTable.js';

/** |a - b| within 1e-11 relative (or absolute near zero). */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-11 * (1 + Math.abs(b));
}

describe('textbook derivatives against SymPy 1.11.1', () => {
  it('has at least 80 rows and 30 exact strings', () => {
    expect(DERIVATIVES.length).toBeGreaterThanOrEqual(80);
    expect(DERIVATIVES.filter((r) => r[4] !== null).length).toBeGreaterThanOrEqual(30);
  });

  for (const [f, wrt, points, values, sympy] of DERIVATIVES) {
    const label = `d/d${wrt.join(' d')} ${f}`;
    it(label, () => {
      const d = parse(f).diff(...wrt);
      points.forEach((p, i) => {
        const at: Record<string, number> = p.length === 2 ? { x: p[0]!, y: p[1]! } : { x: p[0]! };
        const v = d.evaluate(at);
        if (!close(v, values[i]!)) expect(v).toBe(values[i]);
      });
      if (sympy !== null) expect(d.toString()).toBe(sympy);
    });
  }
});
