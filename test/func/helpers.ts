/** Shared by the mibun/func tests: flattening nested arrays and comparing with a tolerance. */
import { expect } from 'vitest';
import type { Tensor } from '../../src/autograd/index.js';

export function flat(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  if (Array.isArray(v)) return v.flatMap(flat);
  throw new TypeError(`not a nested array of numbers: ${String(v)}`);
}

export function shapeOf(v: unknown): number[] {
  return Array.isArray(v) ? [v.length, ...shapeOf(v[0])] : [];
}

export function values(t: Tensor): number[] {
  return flat(t.toArray());
}

/** Each entry within rtol·max(1, |expected|) of the expected one. */
export function expectClose(
  actual: readonly number[],
  expected: readonly number[],
  rtol = 1e-10,
): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const a = actual[i]!;
    if (Math.abs(a - e) > rtol * Math.max(1, Math.abs(e))) {
      expect.fail(`entry ${i}: got ${a}, expected ${e} (rtol ${rtol})`);
    }
  }
}
