/**
 * Samplers call the user's function, cache each sample (stencils at steps h and h/2 share
 * points; a Hessian's rows share f(x)), count evaluations, and reject results that are not
 * numbers or whose length changes.
 */
import { NotANumberError, OutputLengthError } from './errors.js';
import type { Vector } from './types.js';

/** f restricted to a line through the point of differentiation, parametrised by s. */
export interface LineSampler {
  /** the outputs of f at line coordinate s (do not modify) */
  at(s: number): Float64Array;
  /** the input of f at line coordinate s, for error messages */
  pointAt(s: number): number | number[];
}

/**
 * A cache for the few dozen points of one line: a linear scan beats a Map (which boxes its
 * number keys) at this size.
 */
class PointCache {
  private readonly keys: number[] = [];
  private readonly values: Float64Array[] = [];

  get(s: number): Float64Array | undefined {
    const keys = this.keys;
    for (let i = keys.length - 1; i >= 0; i--) if (keys[i] === s) return this.values[i];
    return undefined;
  }

  set(s: number, v: Float64Array): void {
    this.keys.push(s);
    this.values.push(v);
  }
}

/** A function of one real variable with one output. */
export class ScalarSampler implements LineSampler {
  evaluations = 0;
  private readonly cache = new PointCache();

  constructor(private readonly f: (x: number) => number) {}

  at(s: number): Float64Array {
    let v = this.cache.get(s);
    if (v === undefined) {
      const y: unknown = this.f(s);
      this.evaluations++;
      if (typeof y !== 'number') throw new NotANumberError(y, s);
      v = Float64Array.of(y);
      this.cache.set(s, v);
    }
    return v;
  }

  pointAt(s: number): number {
    return s;
  }
}

/**
 * A function of a vector with one output (`size` undefined) or a vector of outputs. Each call
 * gets a fresh copy of the point, of the caller's own type (array or Float64Array), so the
 * function may keep or modify it; the base point itself is never modified.
 */
export class VectorSampler<V extends Vector> {
  evaluations = 0;
  /** the output length, fixed by the first call (vector outputs only) */
  size: number | undefined;
  private readonly cache = new Map<string, Float64Array>();

  constructor(
    private readonly f: (x: V) => unknown,
    private readonly x0: Float64Array,
    private readonly asArray: boolean,
    private readonly vectorOutput: boolean,
  ) {}

  /** f at x0 with coordinate iᵏ set to vᵏ for each listed pair (indices strictly increasing). */
  at(changes: readonly (readonly [number, number])[]): Float64Array {
    let key = '';
    // a coordinate set to its own value is no change: f(x0) is then shared by every line
    for (const [i, v] of changes) if (v !== this.x0[i]) key += `${i}:${v};`;
    let out = this.cache.get(key);
    if (out === undefined) {
      const point = this.point(changes);
      const y = this.f((this.asArray ? Array.from(point) : point) as unknown as V);
      this.evaluations++;
      out = this.vectorOutput ? this.checkVector(y, point) : this.checkScalar(y, point);
      this.cache.set(key, out);
    }
    return out;
  }

  /** The input of f for `changes`, as a plain array (for messages). */
  pointOf(changes: readonly (readonly [number, number])[]): number[] {
    return Array.from(this.point(changes));
  }

  /** f along the line x0 + (s − x0ᵢ)eᵢ: coordinate i set to s. */
  coordinate(i: number): LineSampler {
    return {
      at: (s) => this.at([[i, s]]),
      pointAt: (s) => this.pointOf([[i, s]]),
    };
  }

  private point(changes: readonly (readonly [number, number])[]): Float64Array {
    const p = this.x0.slice();
    for (const [i, v] of changes) p[i] = v;
    return p;
  }

  private checkScalar(y: unknown, point: Float64Array): Float64Array {
    if (typeof y !== 'number') throw new NotANumberError(y, Array.from(point));
    return Float64Array.of(y);
  }

  private checkVector(y: unknown, point: Float64Array): Float64Array {
    if (!(Array.isArray(y) || y instanceof Float64Array || y instanceof Float32Array)) {
      throw new NotANumberError(y, Array.from(point));
    }
    if (this.size === undefined) this.size = y.length;
    else if (y.length !== this.size)
      throw new OutputLengthError(this.size, y.length, Array.from(point));
    const out = new Float64Array(y.length);
    for (let k = 0; k < y.length; k++) {
      const v: unknown = (y as ArrayLike<unknown>)[k];
      if (typeof v !== 'number') throw new NotANumberError(v, Array.from(point));
      out[k] = v;
    }
    return out;
  }
}

/** f along x0 + s·v, for directional derivatives. */
export class DirectionSampler<V extends Vector> implements LineSampler {
  evaluations = 0;
  private readonly cache = new PointCache();

  constructor(
    private readonly f: (x: V) => unknown,
    private readonly x0: Float64Array,
    private readonly v: Float64Array,
    private readonly asArray: boolean,
  ) {}

  at(s: number): Float64Array {
    let out = this.cache.get(s);
    if (out === undefined) {
      const point = this.point(s);
      const y: unknown = this.f((this.asArray ? Array.from(point) : point) as unknown as V);
      this.evaluations++;
      if (typeof y !== 'number') throw new NotANumberError(y, Array.from(point));
      out = Float64Array.of(y);
      this.cache.set(s, out);
    }
    return out;
  }

  pointAt(s: number): number[] {
    return Array.from(this.point(s));
  }

  private point(s: number): Float64Array {
    const p = this.x0.slice();
    // s = 0 gives x0 exactly (x + 0·v would turn −0 into 0 and ∞·0 into NaN)
    if (s !== 0) for (let i = 0; i < p.length; i++) p[i]! += s * this.v[i]!;
    return p;
  }
}
