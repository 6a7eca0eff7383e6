import { expect } from 'vitest';
import type { Tensor } from '../../src/autograd/index.js';

/** A nested list of numbers, as the oracle writes them. */
export type NestedNumbers = number | readonly NestedNumbers[];

/** Flattens nested lists in row-major order. */
export function flatten(x: NestedNumbers): number[] {
  if (typeof x === 'number') return [x];
  return x.flatMap((v) => flatten(v));
}

/** The values of a tensor in row-major order. */
export function valuesOf(t: Tensor): number[] {
  return Array.from(t.data.contiguous().data as ArrayLike<number>);
}

/**
 * Elementwise |a − e| <= max(abs, rel·|e|); NaN must match NaN and ±Infinity exactly.
 * `what` names the quantity in the failure message.
 */
export function expectClose(
  actual: Tensor | NestedNumbers,
  expected: NestedNumbers,
  { rel = 1e-12, abs = 1e-15, what = 'value' }: { rel?: number; abs?: number; what?: string } = {},
): void {
  const a = typeof actual === 'object' && 'data' in actual ? valuesOf(actual) : flatten(actual);
  const e = flatten(expected);
  expect(a.length, `${what}: number of elements`).toBe(e.length);
  for (let i = 0; i < e.length; i++) {
    const ai = a[i]!;
    const ei = e[i]!;
    if (Number.isNaN(ei)) expect(ai, `${what}[${i}]`).toBeNaN();
    else if (!Number.isFinite(ei)) expect(ai, `${what}[${i}]`).toBe(ei);
    else if (!(Math.abs(ai - ei) <= Math.max(abs, rel * Math.abs(ei)))) {
      expect.fail(`${what}[${i}]: ${ai} is not within ${rel} (relative) / ${abs} of ${ei}`);
    }
  }
}

/** The weights 0.5, 1.0, 1.5, … the oracle multiplies an unreduced loss by before summing. */
export function gradWeights(shape: readonly number[]): number[] {
  let n = 1;
  for (const s of shape) n *= s;
  return Array.from({ length: n }, (_, i) => (i + 1) * 0.5);
}
