import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ADD,
  LOG,
  TIMES,
  backwardPass,
  explain,
  toDot,
  toMermaid,
  trace,
} from '../../src/graph/index.js';

describe('primitives by hand (seed part 4)', () => {
  it('TIMES forward and backward on 2 and 3', () => {
    // seed: v, cache = TIMES['f'](2, 3); dx, dy = TIMES['df'](cache) -> dx=3, dy=2
    const [v, cache] = TIMES.forward(2, 3);
    expect(v).toBe(6);
    expect(TIMES.backward(cache)).toEqual([3, 2]);
  });

  it("the seed's hand-written pass of z = (x*x + 2*x) * log(y) at x=1, y=2", () => {
    // The notebook's cell, which failed there with NameError after a kernel restart.
    const x = 1;
    const y = 2;
    const [a, cacheA] = TIMES.forward(x, x);
    const [b, cacheB] = TIMES.forward(2, x);
    const [c, cacheC] = ADD.forward(a, b);
    const [d, cacheD] = LOG.forward(y);
    const [z, cacheZ] = TIMES.forward(c, d);
    expect(z).toBeCloseTo(3 * Math.log(2), 15);
    const [dc, dd] = TIMES.backward(cacheZ, 1) as [number, number];
    const [dy] = LOG.backward(cacheD, dd);
    const [da, db] = ADD.backward(cacheC, dc) as [number, number];
    let dx = 0;
    dx += TIMES.backward(cacheB, db)[1]!;
    const [dx1, dx2] = TIMES.backward(cacheA, da) as [number, number];
    dx += dx1 + dx2;
    // seed prints: backward pass dx = 2.772589, dy = 1.500000
    expect(dx.toFixed(6)).toBe('2.772589');
    expect(dy!.toFixed(6)).toBe('1.500000');
  });
});

describe('tracing', () => {
  const seed = (x: Parameters<Parameters<typeof trace>[0]>[0], y: typeof x) =>
    x.mul(x).add(x.mul(2)).mul(y.log());

  it('gives the exact gradient of the seed function', () => {
    const { gradients } = backwardPass(trace(seed, { x: 1, y: 2 }));
    // exact: dz/dx = (2x + 2) log y = 4 log 2, dz/dy = (x² + 2x)/y = 1.5
    expect(gradients.x).toBeCloseTo(4 * Math.LN2, 14);
    expect(gradients.y).toBeCloseTo(1.5, 14);
  });

  it('sums the gradients of a value used on several paths (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (x, y) => {
          const { gradients } = backwardPass(trace(seed, { x, y }));
          expect(gradients.x).toBeCloseTo((2 * x + 2) * Math.log(y), 9);
          expect(gradients.y).toBeCloseTo((x * x + 2 * x) / y, 9);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('explains the passes step by step', () => {
    const t = trace(
      (x, y) => {
        const a = x.mul(x).as('a');
        const b = x.mul(2).as('b');
        const c = a.add(b).as('c');
        const d = y.log().as('d');
        return c.mul(d).as('z');
      },
      { x: 1, y: 2 },
    );
    const text = explain(t);
    expect(text).toContain('a = x * x = 1');
    expect(text).toContain('d = log(y) = 0.693147');
    expect(text).toContain('z = c * d, upstream 1: dc += 0.693147, dd += 3');
    expect(text).toContain('dz/dx = 2.77259, dz/dy = 1.5');
  });

  it('draws DOT and Mermaid with values and gradients', () => {
    const t = trace(seed, { x: 1, y: 2 });
    const dot = toDot(t);
    expect(dot.startsWith('digraph mibun {')).toBe(true);
    expect(dot).toContain('x | value 1 | grad 2.77259');
    // x*x, x*2 (with the constant 2), a+b, log y, c*d: 2 + 2 + 2 + 1 + 2 edges
    expect(dot.match(/->/g)?.length).toBe(9);
    expect(toMermaid(t)).toContain('y<br/>value 2<br/>grad 1.5');
  });

  it('handles a chain of 200,000 ops without recursion', () => {
    const t = trace(
      (x) => {
        let v = x;
        for (let i = 0; i < 100_000; i++) v = v.mul(1.000001).sin();
        return v;
      },
      { x: 0.5 },
    );
    expect(Number.isFinite(backwardPass(t).gradients.x)).toBe(true);
  });

  it('rejects non-finite inputs and values from another trace', () => {
    expect(() => trace((x) => x, { x: NaN })).toThrow(/input 'x' is NaN/);
    const other = trace((x) => x, { x: 1 }).output;
    expect(() => trace((x) => x.add(other), { x: 1 })).toThrow(/another trace/);
  });
});
