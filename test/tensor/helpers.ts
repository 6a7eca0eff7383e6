import { expect } from 'vitest';
import { NDArray, tensor, type DType } from '../../src/tensor/index.js';

/** Builds an array from flat data and a shape. */
export function build(
  data: readonly (number | boolean)[],
  shape: readonly number[],
  dtype: DType = 'float64',
): NDArray {
  return tensor(data as number[], { dtype }).reshape(shape);
}

/** Rebuilds a large oracle input from its recipe: [kind, n, scale]. */
export function recipe(gen: readonly [string, number, number]): number[] {
  const [kind, n, scale] = gen;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (kind === 'arange') out.push(i * scale);
    else if (kind === 'wave') out.push(Math.sin(i + 1) * scale);
    else if (kind === 'mod3') out.push(i % 3 === 0 ? 1 : 0);
    else throw new Error(`unknown recipe ${kind}`);
  }
  return out;
}

/** Flat values of an array (numbers; bools as 0/1). */
export function flat(a: NDArray): number[] {
  return Array.from(a.contiguous().data as ArrayLike<number>);
}

/** Elementwise closeness with a relative tolerance; NaN matches NaN, ±Infinity must match exactly. */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rel = 1e-12,
  abs = 1e-300,
): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e)) {
      expect(a, `element ${i}`).toBeNaN();
    } else if (!Number.isFinite(e)) {
      expect(a, `element ${i}`).toBe(e);
    } else if (Math.abs(a - e) > Math.max(abs, rel * Math.abs(e))) {
      expect.fail(`element ${i}: ${a} is not within ${rel} (relative) of ${e}`);
    }
  }
}
