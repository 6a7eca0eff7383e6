/**
 * Forward mode against reverse mode and against central differences, property-tested on
 * random shapes and values (fast-check). For f with Jacobian J, tangent v and cotangent u:
 *
 *   ⟨u, J v⟩  (forward: the tangent of f(makeDual(x, v)))  =  ⟨Jᵀu, v⟩  (reverse: grad with u)
 *
 * on every op of the rules table (unary; binary with broadcasting and number operands) and on
 * the structural ops; and J v equals mibun/numeric's central-difference Jacobian times v.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BINARY_OPS, UNARY_OPS, type BinaryOp, type UnaryOp } from '../../src/rules/index.js';
import {
  cat,
  dualLevel,
  fromArray,
  grad,
  indexAdd,
  makeDual,
  noGrad,
  scatterAdd,
  stack,
  tensor,
  unpackDual,
  where,
  type Tensor,
} from '../../src/autograd/index.js';
import { jacobian as numericJacobian } from '../../src/numeric/index.js';

type Fn = (...xs: Tensor[]) => Tensor;

/** A small deterministic generator: fast-check draws the seed, so failures shrink and replay. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const numel = (shape: readonly number[]) => shape.reduce((p, q) => p * q, 1);

function randomTensor(shape: readonly number[], next: () => number, lo = -1, hi = 1): Tensor {
  const data = Float64Array.from({ length: numel(shape) }, () => lo + (hi - lo) * next());
  return fromArray(data, [...shape]);
}

function dot(a: Tensor, b: Tensor): number {
  return noGrad(() => a.mul(b).sum().item() as number);
}

/** ⟨u, J v⟩ by forward mode, with J v itself. */
function forwardSide(f: Fn, xs: Tensor[], vs: Tensor[], u: Tensor): [number, Tensor] {
  return dualLevel(() => {
    const out = f(...xs.map((x, i) => makeDual(x, vs[i]!)));
    const t = unpackDual(out).tangent ?? out.mul(0);
    expect(t.shape).toEqual(out.shape);
    return [dot(u, t), t];
  });
}

/** ⟨Jᵀu, v⟩ by reverse mode. */
function reverseSide(f: Fn, xs: Tensor[], vs: Tensor[], u: Tensor): number {
  const leaves = xs.map((x) => x.detach().requiresGrad_());
  const out = f(...leaves);
  const gs = grad(out, leaves, { gradOutputs: u, materializeGrads: true });
  return gs.reduce((s, g, i) => s + dot(g!, vs[i]!), 0);
}

function checkAdjoint(f: Fn, xs: Tensor[], next: () => number, rtol = 1e-10): Tensor {
  const vs = xs.map((x) => randomTensor(x.shape, next));
  const outShape = noGrad(() => f(...xs)).shape;
  const u = randomTensor(outShape, next);
  const [fwd, jv] = forwardSide(f, xs, vs, u);
  const rev = reverseSide(f, xs, vs, u);
  const scale = Math.max(1, Math.abs(rev));
  if (!(Math.abs(fwd - rev) <= rtol * scale)) {
    expect.fail(`⟨u, Jv⟩ = ${fwd} by forward mode, ⟨Jᵀu, v⟩ = ${rev} by reverse mode`);
  }
  return jv;
}

/** Points inside each op's domain (and away from kinks for abs, relu, sign). */
function domain(op: string): [number, number] {
  switch (op) {
    case 'log':
    case 'sqrt':
      return [0.2, 3];
    case 'acosh':
      return [1.2, 3];
    case 'asin':
    case 'acos':
    case 'atanh':
      return [-0.8, 0.8];
    case 'tan':
    case 'sec':
      return [-1.2, 1.2];
    case 'cot':
    case 'csc':
      return [0.3, 2.8];
    default:
      return [-2.5, 2.5];
  }
}

const shapeArb = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 0, maxLength: 3 });
const seedArb = fc.integer({ min: 1, max: 2 ** 31 - 1 });
const unaryAt = (op: UnaryOp) => (x: Tensor) => (x[op] as () => Tensor).call(x);
const binaryAt = (op: BinaryOp) => (a: Tensor, b: Tensor) =>
  (a[op] as (o: Tensor) => Tensor).call(a, b);

describe('forward mode = reverse mode on every op of the rules table', () => {
  it('unary ops on random shapes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNARY_OPS), shapeArb, seedArb, (op, shape, seed) => {
        const next = rng(seed);
        const [lo, hi] = domain(op);
        const x = randomTensor(shape, next, lo, hi);
        if (op === 'abs' || op === 'relu' || op === 'sign')
          fc.pre(noGrad(() => x.abs().amin().item() as number) > 1e-3);
        checkAdjoint(unaryAt(op), [x], next);
      }),
      { numRuns: 150 },
    );
  });

  // shapes a and b that broadcast: each dim 1 or n, b possibly with fewer leading dims
  const broadcastArb = fc
    .array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 })
    .chain((full) =>
      fc.tuple(
        fc.constant(full),
        fc.array(fc.boolean(), { minLength: full.length, maxLength: full.length }),
        fc.array(fc.boolean(), { minLength: full.length, maxLength: full.length }),
        fc.integer({ min: 0, max: full.length }),
      ),
    );

  it('binary ops with broadcasting, both operands dual', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BINARY_OPS),
        broadcastArb,
        seedArb,
        (op, [full, ka, kb, drop], seed) => {
          const next = rng(seed);
          const aShape = full.map((n, i) => (ka[i] ? n : 1));
          const bShape = full.map((n, i) => (kb[i] ? n : 1)).slice(drop);
          // pow: a positive base; div: b away from 0; maximum/minimum: distinct values
          const a = randomTensor(aShape, next, op === 'pow' ? 0.3 : -2, 2);
          const b = randomTensor(bShape, next, op === 'div' ? 0.5 : -2, 2);
          checkAdjoint(binaryAt(op), [a, b], next);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('binary ops with a number operand on either side', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BINARY_OPS),
        shapeArb,
        seedArb,
        fc.boolean(),
        (op, shape, seed, left) => {
          const next = rng(seed);
          const x = randomTensor(shape, next, 0.3, 2);
          const c = op === 'pow' && left ? 1.7 : 0.9;
          const f: Fn = left
            ? (t) =>
                op === 'sub'
                  ? t.rsub(c)
                  : op === 'div'
                    ? t.rdiv(c)
                    : op === 'pow'
                      ? t.rpow(c)
                      : binaryAt(op)(t, tensor(c))
            : (t) => (t[op] as (o: number) => Tensor).call(t, c);
          checkAdjoint(f, [x], next);
        },
      ),
      { numRuns: 100 },
    );
  });
});

/** A constant [rows, cols] matrix. */
const weights = (rows: number, cols: number): Tensor =>
  fromArray(
    Float64Array.from({ length: rows * cols }, (_, i) => 0.3 * i - 0.7),
    [rows, cols],
  );

/** Structural ops, each as a function of a tensor of (at least) the given rank. */
const STRUCTURAL: Record<string, { rank: number; f: Fn }> = {
  'sum()': { rank: 0, f: (x) => x.sum() },
  'sum(0, keepdim)': { rank: 1, f: (x) => x.sum(0, true) },
  'sum(-1)': { rank: 1, f: (x) => x.sum(-1) },
  'mean(0)': { rank: 1, f: (x) => x.mean(0) },
  'amax(-1)': { rank: 1, f: (x) => x.amax(-1) },
  'max()': { rank: 0, f: (x) => x.max() },
  'min(0).values': { rank: 1, f: (x) => x.min(0).values },
  'max(-1, keepdim).values': { rank: 1, f: (x) => x.max(-1, true).values },
  'logsumexp(0)': { rank: 1, f: (x) => x.logsumexp(0) },
  'softmax(-1)': { rank: 1, f: (x) => x.softmax(-1) },
  'logSoftmax(0)': { rank: 1, f: (x) => x.logSoftmax(0) },
  'reshape(-1)': { rank: 0, f: (x) => x.reshape(-1) },
  'view(-1)': { rank: 0, f: (x) => x.view(-1) },
  'flatten()': { rank: 0, f: (x) => x.flatten() },
  'unsqueeze(0)': { rank: 0, f: (x) => x.unsqueeze(0) },
  'unsqueeze(0).squeeze(0)': { rank: 0, f: (x) => x.unsqueeze(0).squeeze(0) },
  'permute(reversed)': {
    rank: 0,
    f: (x) => x.permute(x.shape.map((_, i) => x.shape.length - 1 - i)),
  },
  'transpose(0, -1)': { rank: 1, f: (x) => x.transpose(0, -1) },
  'T.contiguous()': { rank: 0, f: (x) => x.T.contiguous() },
  expand: { rank: 0, f: (x) => x.unsqueeze(0).expand([2, ...x.shape]) },
  'narrow(0, 0, 1)': { rank: 1, f: (x) => x.narrow(0, 0, 1) },
  'select(-1, last)': { rank: 1, f: (x) => x.select(-1, x.shape[x.shape.length - 1]! - 1) },
  "slice('::2')": { rank: 1, f: (x) => x.slice('::2') },
  'cat([x, 2x], 0)': { rank: 1, f: (x) => cat([x, x.mul(2)], 0) },
  'stack([x, sin x], -1)': { rank: 0, f: (x) => stack([x, x.sin()], -1) },
  'gather(0, zeros)': {
    rank: 1,
    f: (x) =>
      x.gather(0, tensor(new Array(numel(x.shape)).fill(0), { dtype: 'int32' }).reshape(x.shape)),
  },
  'indexSelect(0, [0, 0])': { rank: 1, f: (x) => x.indexSelect(0, [0, 0]) },
  'scatterAdd(x, 0, zeros, x²)': {
    rank: 1,
    f: (x) =>
      scatterAdd(
        x,
        0,
        tensor(new Array(numel(x.shape)).fill(0), { dtype: 'int32' }).reshape(x.shape),
        x.pow(2),
      ),
  },
  'indexAdd(x, 0, [0], x[:1]·3)': {
    rank: 1,
    f: (x) => indexAdd(x, 0, [0], x.narrow(0, 0, 1).mul(3)),
  },
  'where(x > 0, x, 2x)': { rank: 0, f: (x) => where(x.gt(0), x, x.mul(2)) },
  'x.where(x > 0, 1)': { rank: 0, f: (x) => x.where(x.gt(0), 1) },
  'clamp(-0.5, 0.5)': { rank: 0, f: (x) => x.clamp(-0.5, 0.5) },
  'matmul(x, W)': { rank: 1, f: (x) => x.matmul(weights(x.shape[x.shape.length - 1]!, 2)) },
  'matmul(W, x)': { rank: 2, f: (x) => weights(3, x.shape[x.shape.length - 2]!).matmul(x) },
  'matmul(xᵀ, x)': { rank: 2, f: (x) => x.mT.matmul(x) },
  mv: {
    rank: 2,
    f: (x) => {
      const m = x.reshape(-1, x.shape[x.shape.length - 1]!);
      return m.matmul(m.select(0, 0));
    },
  },
  dot: { rank: 1, f: (x) => x.flatten().dot(x.flatten().sin()) },
  'var(0)': { rank: 1, f: (x) => x.var(0, { correction: 0 }) },
  'norm()': { rank: 0, f: (x) => x.norm() },
  'clone().mul_(x) (in place)': { rank: 0, f: (x) => x.clone().mul_(x) },
  'clone().add_(x).exp() (in place)': { rank: 0, f: (x) => x.clone().add_(x.sin()).exp() },
  outer: { rank: 1, f: (x) => x.flatten().outer(x.flatten().cos()) },
};

describe('forward mode = reverse mode on the structural ops', () => {
  it('each op on random shapes of its rank', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(STRUCTURAL)),
        shapeArb,
        seedArb,
        (name, shape, seed) => {
          const { rank, f } = STRUCTURAL[name]!;
          fc.pre(shape.length >= rank);
          const next = rng(seed);
          const x = randomTensor(shape, next, -2, 2);
          checkAdjoint(f, [x], next);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('forward mode = central differences (mibun/numeric)', () => {
  /** the values of t in row-major order (a 0-d tensor gives one) */
  const flatValues = (t: Tensor): number[] => [t.toArray()].flat(4) as number[];

  /** J·v with J from mibun/numeric's central-difference Jacobian (adaptive step) */
  const numericJv = (f: Fn, x: Tensor, v: Tensor): number[] => {
    const shape = [...x.shape];
    const F = (p: readonly number[] | Float64Array): number[] =>
      noGrad(() => flatValues(f(fromArray(Float64Array.from(p), shape))));
    const J = numericJacobian(F, flatValues(x));
    const vv = flatValues(v);
    return J.map((row) => row.reduce((s, jij, j) => s + jij * vv[j]!, 0));
  };

  it('every unary and binary op of the table, J·v', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...UNARY_OPS, ...BINARY_OPS),
        shapeArb,
        seedArb,
        (op, shape, seed) => {
          const next = rng(seed);
          const [lo, hi] = domain(op);
          const x = randomTensor(shape, next, op === 'pow' ? 0.3 : lo, hi);
          const other = randomTensor(shape, next, 0.5, 2);
          const away = (t: Tensor) => noGrad(() => t.abs().amin().item() as number) > 0.05;
          if (op === 'abs' || op === 'relu' || op === 'sign') fc.pre(away(x));
          if (op === 'maximum' || op === 'minimum') fc.pre(away(noGrad(() => x.sub(other))));
          const f: Fn = (UNARY_OPS as readonly string[]).includes(op)
            ? unaryAt(op as UnaryOp)
            : (t) => binaryAt(op as BinaryOp)(t, other);
          const v = randomTensor(shape, next);
          const jv = flatValues(dualLevel(() => unpackDual(f(makeDual(x, v))).tangent ?? x.mul(0)));
          const expected = numericJv(f, x, v);
          expect(jv.length).toBe(expected.length);
          jv.forEach((a, i) =>
            expect(Math.abs(a - expected[i]!)).toBeLessThanOrEqual(
              1e-7 * Math.max(1, Math.abs(expected[i]!)),
            ),
          );
        },
      ),
      { numRuns: 120 },
    );
  });
});
