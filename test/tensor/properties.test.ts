import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  cat,
  fromArray,
  matmul,
  mul,
  softmax,
  split,
  sum,
  sumToShape,
  type NDArray,
} from '../../src/tensor/index.js';
import { expectClose, flat } from './helpers.js';

const RUNS = { numRuns: 60 };

const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 });

/** An array of `shape` filled with reproducible values from `seed`. */
function filled(shape: number[], seed: number): NDArray<'float64'> {
  let n = 1;
  for (const s of shape) n *= s;
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = Math.round(Math.sin(seed * 7.1 + i * 1.3) * 1000) / 100;
  return fromArray(data, shape);
}

/** A shape that broadcasts with `shape`: some dims set to 1, some leading dims dropped. */
const broadcastPartner = (shape: number[]): fc.Arbitrary<number[]> =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: shape.length, maxLength: shape.length }),
      fc.nat(shape.length),
    )
    .map(([ones, drop]) => shape.map((s, i) => (ones[i] ? 1 : s)).slice(drop));

/** A random permutation of 0…n-1. */
const permutation = (n: number): fc.Arbitrary<number[]> =>
  fc.array(fc.double({ noNaN: true }), { minLength: n, maxLength: n }).map((keys) =>
    keys
      .map((k, i) => [k, i] as const)
      .sort((x, y) => x[0] - y[0] || x[1] - y[1])
      .map(([, i]) => i),
  );

describe('algebraic identities on random shapes (fast-check)', () => {
  it('broadcasting is commutative for add and mul', () => {
    fc.assert(
      fc.property(
        shapeArb.chain((s) => fc.tuple(fc.constant(s), broadcastPartner(s))),
        fc.integer({ min: 1, max: 99 }),
        ([sa, sb], seed) => {
          const a = filled(sa, seed);
          const b = filled(sb, seed + 1);
          expect(add(a, b).shape).toEqual(sa);
          expect(flat(add(a, b))).toEqual(flat(add(b, a)));
          expect(flat(mul(a, b))).toEqual(flat(mul(b, a)));
        },
      ),
      RUNS,
    );
  });

  it('sum over all axes = sum over one axis, then the rest', () => {
    fc.assert(
      fc.property(
        shapeArb.filter((s) => s.length > 0),
        fc.nat(),
        fc.integer({ min: 1, max: 99 }),
        (shape, k, seed) => {
          const a = filled(shape, seed);
          const d = k % shape.length;
          expectClose([sum(sum(a, d)).item()], [sum(a).item()], 1e-12, 1e-12);
          expectClose([sum(sum(a, d, true)).item()], [sum(a).item()], 1e-12, 1e-12);
        },
      ),
      RUNS,
    );
  });

  it('transposing twice, and permuting then un-permuting, is the identity', () => {
    fc.assert(
      fc.property(
        shapeArb.chain((s) => fc.tuple(fc.constant(s), permutation(s.length))),
        fc.integer({ min: 1, max: 99 }),
        ([shape, perm], seed) => {
          const a = filled(shape, seed);
          expect(a.T.T.toArray()).toEqual(a.toArray());
          const inverse = perm.map((_, i) => perm.indexOf(i));
          const p = a.permute(perm);
          expect(p.permute(inverse).toArray()).toEqual(a.toArray());
          // a permuted view, copied, reads the same as the view itself
          expect(p.contiguous().toArray()).toEqual(p.toArray());
        },
      ),
      RUNS,
    );
  });

  it('reshape round-trips, also from non-contiguous views', () => {
    fc.assert(
      fc.property(
        shapeArb.chain((s) => fc.tuple(fc.constant(s), permutation(s.length))),
        fc.integer({ min: 1, max: 99 }),
        ([shape, perm], seed) => {
          const v = filled(shape, seed).permute(perm);
          const flatView = v.reshape(-1);
          expect(flat(flatView)).toEqual(flat(v.contiguous()));
          expect(flatView.reshape(v.shape).toArray()).toEqual(v.toArray());
        },
      ),
      RUNS,
    );
  });

  it('elementwise ops on strided views equal the same ops on contiguous copies', () => {
    fc.assert(
      fc.property(
        shapeArb
          .chain((s) => fc.tuple(fc.constant(s), permutation(s.length)))
          .chain(([s, p]) =>
            fc.tuple(fc.constant(s), fc.constant(p), broadcastPartner(p.map((i) => s[i]!))),
          ),
        fc.integer({ min: 1, max: 99 }),
        ([shape, perm, other], seed) => {
          const a = filled(shape, seed).permute(perm); // strided
          const b = filled(other, seed + 2).T.T; // broadcast operand
          expect(flat(add(a, b))).toEqual(flat(add(a.contiguous(), b.contiguous())));
          expect(flat(mul(b, a))).toEqual(flat(mul(b.contiguous(), a.contiguous())));
        },
      ),
      RUNS,
    );
  });

  it('softmax sums to 1 along its dim', () => {
    fc.assert(
      fc.property(
        shapeArb.filter((s) => s.length > 0),
        fc.nat(),
        fc.integer({ min: 1, max: 99 }),
        (shape, k, seed) => {
          const d = k % shape.length;
          const s = sum(softmax(mul(filled(shape, seed), 30), d), d);
          for (const v of flat(s)) expect(Math.abs(v - 1)).toBeLessThan(1e-14);
        },
      ),
      RUNS,
    );
  });

  it('sumToShape undoes the broadcast of a constant (each element counted once per copy)', () => {
    fc.assert(
      fc.property(
        shapeArb.chain((s) => fc.tuple(fc.constant(s), broadcastPartner(s))),
        fc.integer({ min: 1, max: 99 }),
        ([big, small], seed) => {
          const x = filled(small, seed);
          const copies = big.reduce((p, s) => p * s, 1) / small.reduce((p, s) => p * s, 1);
          expectClose(flat(sumToShape(x.expand(big), small)), flat(mul(x, copies)), 1e-13, 1e-12);
        },
      ),
      RUNS,
    );
  });

  it('cat then split along a dim gives the parts back', () => {
    fc.assert(
      fc.property(
        shapeArb.filter((s) => s.length > 0),
        fc.nat(),
        fc.integer({ min: 1, max: 4 }),
        (shape, k, m) => {
          const d = k % shape.length;
          const second = shape.slice();
          second[d] = m;
          const a = filled(shape, 3);
          const b = filled(second, 4);
          const [x, y] = split(cat([a, b], d), [shape[d]!, m], d);
          expect(x!.toArray()).toEqual(a.toArray());
          expect(y!.toArray()).toEqual(b.toArray());
        },
      ),
      RUNS,
    );
  });

  it('matmul equals the textbook triple loop, for any operand layouts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.boolean(),
        fc.boolean(),
        (m, k, n, ta, tb) => {
          const A = ta ? filled([k, m], 5).T : filled([m, k], 5);
          const B = tb ? filled([n, k], 6).T : filled([k, n], 6);
          const C = matmul(A, B);
          const want: number[] = [];
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < n; j++) {
              let s = 0;
              for (let p = 0; p < k; p++) s += (A.get(i, p) as number) * (B.get(p, j) as number);
              want.push(s);
            }
          }
          expectClose(flat(C), want, 1e-12, 1e-12);
        },
      ),
      RUNS,
    );
  });
});
