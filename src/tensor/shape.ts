import { IndexError, ShapeError } from './errors.js';

export type Shape = readonly number[];

const show = ShapeError.show;

/** The number of elements of a shape (1 for the scalar shape []). */
export function shapeSize(shape: Shape): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

/** Row-major (C order) strides of a contiguous array of `shape`. */
export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d]!;
  }
  return strides;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A dimension index in [-ndim, ndim) turned into [0, ndim), as PyTorch's dims: -1 is the last.
 * `ndim` is the count the index ranges over (ndim + 1 for unsqueeze).
 */
export function normalizeDim(dim: number, ndim: number, what = 'dim'): number {
  const lo = -Math.max(ndim, 1);
  const hi = Math.max(ndim, 1) - 1;
  if (!Number.isInteger(dim) || dim < lo || dim > hi) {
    throw new IndexError(
      `${what} ${dim} is out of range for an array with ${ndim} dimension(s): expected an integer in [${lo}, ${hi}]`,
      dim,
      ndim,
    );
  }
  return dim < 0 ? dim + Math.max(ndim, 1) : dim;
}

/** Several dims normalised, sorted, each at most once (a repeat is an IndexError). */
export function normalizeDims(dims: readonly number[], ndim: number): number[] {
  const out = dims.map((d) => normalizeDim(d, ndim));
  const seen = new Set<number>();
  for (let i = 0; i < out.length; i++) {
    const d = out[i]!;
    if (seen.has(d)) {
      throw new IndexError(
        `dim ${dims[i]} appears more than once in [${dims.join(', ')}]`,
        d,
        ndim,
      );
    }
    seen.add(d);
  }
  return out.sort((x, y) => x - y);
}

/** Checks that every entry of a shape is a non-negative integer. */
export function checkShape(shape: Shape, what = 'shape'): void {
  for (const s of shape) {
    if (!Number.isInteger(s) || s < 0) {
      throw new ShapeError(
        `${what} ${show(shape)} has an entry ${s}: sizes must be non-negative integers`,
        [shape],
      );
    }
  }
}

/**
 * NumPy's broadcasting: shapes are aligned at their last dimension; each pair of sizes must be
 * equal or one of them 1. The result takes the larger size of each pair.
 */
export function broadcastShapes(...shapes: Shape[]): number[] {
  let ndim = 0;
  for (const s of shapes) ndim = Math.max(ndim, s.length);
  const out = new Array<number>(ndim).fill(1);
  for (const s of shapes) {
    const lead = ndim - s.length;
    for (let i = 0; i < s.length; i++) {
      const size = s[i]!;
      const have = out[lead + i]!;
      if (size === have || size === 1) continue;
      if (have === 1) {
        out[lead + i] = size;
        continue;
      }
      throw new ShapeError(
        `shapes ${shapes.map(show).join(' and ')} cannot be broadcast together: ` +
          `size ${have} and size ${size} meet at dimension ${lead + i - ndim} (counting from the end); ` +
          `each pair must be equal or one of them 1`,
        shapes,
      );
    }
  }
  return out;
}

/**
 * The strides that read an array of (`shape`, `strides`) as if it had `target` shape: 0 on the
 * dimensions that broadcasting stretches. Assumes `broadcastShapes(shape, target)` is `target`.
 */
export function broadcastStrides(shape: Shape, strides: Shape, target: Shape): number[] {
  const out = new Array<number>(target.length).fill(0);
  const lead = target.length - shape.length;
  for (let i = 0; i < shape.length; i++) {
    out[lead + i] = shape[i] === 1 && target[lead + i] !== 1 ? 0 : strides[i]!;
  }
  return out;
}
