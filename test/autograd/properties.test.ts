/**
 * Property tests (fast-check) and cross-checks between mibun's own paths: the one-element fast
 * path against the general tensor path, the engine's broadcast reduction against an explicit
 * sum, backward against grad, linearity of the gradient, and that a backward without
 * retainGraph releases what the graph saved.
 */
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BINARY_OPS, UNARY_OPS, type BinaryOp, type UnaryOp } from '../../src/rules/index.js';
import { backward, grad, noGrad, tensor, type Tensor } from '../../src/autograd/index.js';

const unaryAt = (x: Tensor, op: UnaryOp) => (x[op] as () => Tensor).call(x);
const binaryAt = (a: Tensor, b: Tensor, op: BinaryOp) =>
  (a[op] as (o: Tensor) => Tensor).call(a, b);

/** A point inside each op's domain for any t in [0, 1). */
function pointFor(op: string, t: number): number {
  switch (op) {
    case 'log':
    case 'sqrt':
      return 0.1 + 4 * t;
    case 'acosh':
      return 1.1 + 4 * t;
    case 'asin':
    case 'acos':
    case 'atanh':
      return -0.9 + 1.8 * t;
    case 'tan':
    case 'sec':
      return -1.2 + 2.4 * t;
    case 'cot':
    case 'csc':
      return 0.2 + 2.7 * t;
    default:
      return -3 + 6 * t;
  }
}

describe('the one-element fast path agrees with the general tensor path', () => {
  it('unary ops: value and gradient', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...UNARY_OPS),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (op, t) => {
          const v = pointFor(op, t);
          const one = tensor([v], { requiresGrad: true }); // held as one element: number path
          const many = tensor([v, v, v], { requiresGrad: true }); // strided kernels
          const y1 = unaryAt(one, op);
          const y3 = unaryAt(many, op);
          expect(y1.item()).toBe((y3.toArray() as number[])[1]); // the same float64 function
          const [g1] = grad(y1, one);
          const [g3] = grad(y3.sum(), many);
          const a = g1!.item() as number;
          const b = (g3!.toArray() as number[])[1]!;
          expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(b)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('binary ops: gradients of both operands', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BINARY_OPS),
        fc.double({ min: 0.2, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (op, av, bv) => {
          fc.pre(av !== bv); // maximum/minimum: ties have their own rule
          const a1 = tensor([av], { requiresGrad: true });
          const b1 = tensor([bv], { requiresGrad: true });
          const a3 = tensor([av, av], { requiresGrad: true });
          const b3 = tensor([bv, bv], { requiresGrad: true });
          const [ga1, gb1] = grad(binaryAt(a1, b1, op), [a1, b1]);
          const [ga3, gb3] = grad(binaryAt(a3, b3, op).sum(), [a3, b3]);
          const close = (x: number, y: number) =>
            x === y ||
            Math.abs(x - y) <= 1e-15 * Math.max(1, Math.abs(y)) ||
            (Number.isNaN(x) && Number.isNaN(y));
          expect(close(ga1!.item() as number, (ga3!.toArray() as number[])[0]!)).toBe(true);
          expect(close(gb1!.item() as number, (gb3!.toArray() as number[])[0]!)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('broadcasting: the engine sums each gradient back to its input shape', () => {
  // shapes a, b that broadcast: each dim of a is 1 or n, of b 1 or n, aligned at the end
  const shapes = fc
    .array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 })
    .chain((full) =>
      fc.tuple(
        fc.constant(full),
        fc.array(fc.boolean(), { minLength: full.length, maxLength: full.length }),
        fc.array(fc.boolean(), { minLength: full.length, maxLength: full.length }),
        fc.integer({ min: 0, max: full.length - 1 }),
      ),
    );

  it('d/da Σ a·b is b summed over the dims a was stretched along', () => {
    fc.assert(
      fc.property(shapes, ([full, keepA, keepB, dropB]) => {
        const aShape = full.map((n, i) => (keepA[i] ? n : 1));
        const bShape = full.map((n, i) => (keepB[i] ? n : 1)).slice(dropB); // fewer leading dims
        const size = (s: number[]) => s.reduce((p, q) => p * q, 1);
        const a = tensor(
          Array.from({ length: size(aShape) }, (_, i) => 0.5 + i),
          { requiresGrad: true },
        ).reshape(aShape);
        const b = tensor(
          Array.from({ length: size(bShape) }, (_, i) => 1.25 - i),
          { requiresGrad: true },
        ).reshape(bShape);
        const [ga, gb] = grad(a.mul(b).sum(), [a, b]);
        expect(ga!.shape).toEqual(aShape);
        expect(gb!.shape).toEqual(bShape);
        // explicit: expand both to the full shape and reduce by hand with plain sums
        const out = noGrad(() => a.add(b.mul(0)).shape);
        const bFull = noGrad(() => b.expand(out).add(a.mul(0)));
        const aFull = noGrad(() => a.expand(out).add(b.mul(0)));
        const reduceTo = (t: Tensor, target: number[]) => {
          let r = t;
          const lead = r.shape.length - target.length;
          for (let d = r.shape.length - 1; d >= 0; d--) {
            if (d < lead || (target[d - lead] === 1 && r.shape[d] !== 1)) r = r.sum(d, d >= lead);
          }
          return r.reshape(target);
        };
        expect(ga!.toArray()).toEqual(reduceTo(bFull, aShape).toArray());
        expect(gb!.toArray()).toEqual(reduceTo(aFull, bShape).toArray());
      }),
      { numRuns: 100 },
    );
  });
});

describe('the gradient is linear, and backward agrees with grad', () => {
  it('∇(αf + βg) = α∇f + β∇g', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 4 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (xs, alpha, beta) => {
          const x = tensor(xs, { requiresGrad: true });
          const f = (t: Tensor) => t.sin().mul(t).sum();
          const g = (t: Tensor) => t.exp().sum().log();
          const [both] = grad(f(x).mul(alpha).add(g(x).mul(beta)), x);
          const [gf] = grad(f(x), x);
          const [gg] = grad(g(x), x);
          const expected = gf!.mul(alpha).add(gg!.mul(beta)).toArray() as number[];
          (both!.toArray() as number[]).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
          backward(f(x));
          expect(x.grad!.toArray()).toEqual(gf!.toArray());
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('grad() on random graphs agrees with backward() and retainGrad', () => {
  /** One recorded op: value k + 3 combines two earlier values (leaves are 0, 1, 2). */
  const opArb = fc.record({
    kind: fc.constantFrom('add', 'mul', 'sub', 'sin', 'exp'),
    a: fc.nat(),
    b: fc.nat(),
  });

  it('for any subset of leaves and intermediates as inputs (the pruning walk)', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        (ops, picks) => {
          const build = () => {
            const leaves = [0.3, -0.7, 1.1].map((v) => tensor([v], { requiresGrad: true }));
            const values: Tensor[] = [...leaves];
            for (const { kind, a, b } of ops) {
              const p = values[a % values.length]!;
              const q = values[b % values.length]!;
              values.push(
                kind === 'add'
                  ? p.add(q)
                  : kind === 'mul'
                    ? p.mul(q)
                    : kind === 'sub'
                      ? p.sub(q)
                      : kind === 'sin'
                        ? p.sin()
                        : p.mul(0.5).exp(),
              );
            }
            // the output depends on the last value, and on some earlier ones
            return { leaves, values, out: values[values.length - 1]!.add(values[3]!) };
          };
          const inputs = picks.map((k) => k % (ops.length + 3));
          const g = build();
          const got = grad(
            g.out,
            inputs.map((k) => g.values[k]!),
            { allowUnused: true },
          ).map((t) => t?.item() ?? 0);
          const r = build();
          for (const v of r.values) v.retainGrad();
          r.out.backward();
          // a value the output does not depend on has no .grad: its gradient is 0
          const expected = inputs.map(
            (k) => (r.values[k]!.grad?.item() as number | undefined) ?? 0,
          );
          got.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** V8's gc(), exposed at run time. */
function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('memory', () => {
  async function savedSurvives(retainGraph: boolean): Promise<boolean> {
    const gc = gcFunction();
    const x = tensor([0.5, 1.5], { requiresGrad: true });
    let e: Tensor | null = x.exp(); // saved by ExpBackward0 (its output) and MulBackward0
    const ref = new WeakRef(e);
    const y = e.mul(e).sum();
    e = null;
    y.backward({ retainGraph });
    await new Promise((r) => setTimeout(r, 0)); // WeakRef targets live until the job ends
    gc();
    const alive = ref.deref() !== undefined;
    expect(y.gradFn!.name).toBe('SumBackward0'); // the graph itself is still reachable from y
    return alive;
  }

  it('a backward without retainGraph releases the saved values (the graph keeps nothing)', async () => {
    expect(await savedSurvives(false)).toBe(false);
  });

  it('with retainGraph they stay', async () => {
    expect(await savedSurvives(true)).toBe(true);
  });
});
