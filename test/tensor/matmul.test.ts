import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matmulKernel, matmulKernelInt32 } from '../../src/tensor/kernels/matmul.js';
import type { MatmulArray } from '../../src/tensor/kernels/matmul.js';
import { DTypeError } from '../../src/tensor/errors.js';
import { RandomState } from '../../src/tensor/random.js';

type Ctor = Float64ArrayConstructor | Float32ArrayConstructor | Int32ArrayConstructor;

/** A rows×cols matrix stored with some layout: offset, row and column strides. */
interface Strided<T extends MatmulArray> {
  data: T;
  offset: number;
  rowStride: number;
  colStride: number;
  rows: number;
  cols: number;
}

type Layout = 'rowMajor' | 'colMajor' | 'padded' | 'flipped' | 'everyOther';

/** Stores `values` (row-major, rows×cols) in a buffer with the given layout. */
function store<C extends Ctor>(
  ctor: C,
  values: readonly number[],
  rows: number,
  cols: number,
  layout: Layout,
): Strided<InstanceType<C>> {
  const lead = 3; // elements before the matrix, so offsets matter
  let rowStride: number;
  let colStride: number;
  let offset = lead;
  let size: number;
  switch (layout) {
    case 'rowMajor':
      [rowStride, colStride, size] = [cols, 1, rows * cols];
      break;
    case 'colMajor': // a transposed view
      [rowStride, colStride, size] = [1, rows, rows * cols];
      break;
    case 'padded': // a slice of a wider matrix
      [rowStride, colStride, size] = [cols + 2, 1, rows * (cols + 2)];
      break;
    case 'flipped': // rows reversed: negative row stride
      [rowStride, colStride, size] = [-cols, 1, rows * cols];
      offset = lead + (rows - 1) * cols;
      break;
    case 'everyOther': // a [:, ::2] slice
      [rowStride, colStride, size] = [2 * cols, 2, rows * cols * 2];
      break;
  }
  const data = new ctor(lead + size + 2).fill(99) as InstanceType<C>;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++)
      data[offset + i * rowStride + j * colStride] = values[i * cols + j]!;
  }
  return { data, offset, rowStride, colStride, rows, cols };
}

/** The textbook triple loop, summing in float64 in the order p = 0, 1, …, k - 1. */
function naive(a: readonly number[], b: readonly number[], m: number, k: number, n: number) {
  const out: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * k + p]! * b[p * n + j]!;
      out.push(s);
    }
  }
  return out;
}

function run<T extends MatmulArray>(
  A: Strided<MatmulArray>,
  B: Strided<MatmulArray>,
  out: T,
  outOffset = 0,
): T {
  matmulKernel(
    A.data, A.offset, A.rowStride, A.colStride,
    B.data, B.offset, B.rowStride, B.colStride,
    out, outOffset, A.rows, A.cols, B.cols,
  ); // prettier-ignore
  return out;
}

const layouts: Layout[] = ['rowMajor', 'colMajor', 'padded', 'flipped', 'everyOther'];
const arbLayout = fc.constantFrom(...layouts);
// small integers times 1/8 are exact in float32, so float32 inputs carry the same values
const arbValues = (len: number) =>
  fc.array(
    fc.integer({ min: -64, max: 64 }).map((v) => v / 8),
    {
      minLength: len,
      maxLength: len,
    },
  );

const arbProblem = fc
  .record({
    m: fc.integer({ min: 1, max: 41 }),
    k: fc.integer({ min: 1, max: 45 }),
    n: fc.integer({ min: 1, max: 39 }),
  })
  .chain(({ m, k, n }) =>
    fc.record({
      m: fc.constant(m),
      k: fc.constant(k),
      n: fc.constant(n),
      a: arbValues(m * k),
      b: arbValues(k * n),
      layoutA: arbLayout,
      layoutB: arbLayout,
    }),
  );

describe('matmulKernel against the naive triple loop', () => {
  it('float64: bit-identical for any shape and layout (same summation order)', () => {
    fc.assert(
      fc.property(arbProblem, ({ m, k, n, a, b, layoutA, layoutB }) => {
        const A = store(Float64Array, a, m, k, layoutA);
        const B = store(Float64Array, b, k, n, layoutB);
        const out = run(A, B, new Float64Array(m * n + 5).fill(7), 2);
        expect(Array.from(out.subarray(2, 2 + m * n))).toEqual(naive(a, b, m, k, n));
        // nothing outside out[outOffset, outOffset + m*n) is touched
        expect([out[0], out[1], out[2 + m * n], out[4 + m * n]]).toEqual([7, 7, 7, 7]);
      }),
      { numRuns: 120 },
    );
  });

  it('float32 (and mixed) inputs: float64 sums rounded once to float32', () => {
    fc.assert(
      fc.property(arbProblem, fc.boolean(), ({ m, k, n, a, b, layoutA, layoutB }, mixed) => {
        const A = store(Float32Array, a, m, k, layoutA);
        const B = store(mixed ? Float64Array : Float32Array, b, k, n, layoutB);
        const out = run(A, B, new Float32Array(m * n));
        expect(Array.from(out)).toEqual(naive(a, b, m, k, n).map(Math.fround));
      }),
      { numRuns: 80 },
    );
  });

  it('random doubles on shapes around the packing edges', () => {
    const r = new RandomState(3);
    for (const [m, k, n] of [
      [1, 300, 70],
      [70, 300, 1],
      [4, 4, 4],
      [16, 16, 16],
      [17, 33, 9],
      [33, 1, 129],
      [64, 65, 63],
    ] as const) {
      const a = Array.from(r.randn(m, k));
      const b = Array.from(r.randn(k, n));
      const A = store(Float64Array, a, m, k, 'colMajor');
      const B = store(Float64Array, b, k, n, 'padded');
      expect(Array.from(run(A, B, new Float64Array(m * n)))).toEqual(naive(a, b, m, k, n));
    }
  });

  it('k longer than one packed slice (1024) adds the slices', () => {
    const r = new RandomState(4);
    const [m, k, n] = [9, 2500, 6];
    const a = Array.from(r.rand(m, k));
    const b = Array.from(r.rand(k, n));
    const got = run(store(Float64Array, a, m, k, 'rowMajor'), store(Float64Array, b, k, n, 'colMajor'), new Float64Array(m * n)); // prettier-ignore
    const want = naive(a, b, m, k, n);
    for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i]!, 10);
  });

  it('k = 0 gives zeros; m = 0 or n = 0 writes nothing', () => {
    const out = new Float64Array(6).fill(5);
    matmulKernel(new Float64Array(0), 0, 0, 1, new Float64Array(0), 0, 3, 1, out, 0, 2, 0, 3);
    expect(Array.from(out)).toEqual([0, 0, 0, 0, 0, 0]);
    const untouched = new Float64Array(2).fill(5);
    matmulKernel(new Float64Array(4), 0, 2, 1, new Float64Array(0), 0, 0, 1, untouched, 0, 2, 2, 0);
    expect(Array.from(untouched)).toEqual([5, 5]);
  });
});

describe('matmulKernel against NumPy', () => {
  it('RandomState(0): rand(3, 4) @ rand(4, 5)', () => {
    const r = new RandomState(0);
    const a = r.rand(3, 4);
    const b = r.rand(4, 5);
    const out = new Float64Array(15);
    matmulKernel(a, 0, 4, 1, b, 0, 5, 1, out, 0, 3, 4, 5);
    // NumPy 1.24: r = np.random.RandomState(0); A = r.rand(3, 4); B = r.rand(4, 5); A @ B
    const want = [
      1.7001284505065268, 1.819330143952603, 0.9584427950151161, 1.2775880276036689,
      1.0909208652882638, 1.822806763294099, 1.701660151946737, 1.0135701905458985,
      1.1849413794001562, 1.2779076989409146, 1.7316597647428291, 2.0843080361115383,
      0.7150070012598836, 1.1057697791820926, 0.8488989423126472,
    ];
    for (let i = 0; i < 15; i++) expect(out[i]).toBeCloseTo(want[i]!, 14);
  });

  it('RandomState(1): rand(37, 70) @ rand(70, 29), float64 and float32', () => {
    const r = new RandomState(1);
    const a = r.rand(37, 70);
    const b = r.rand(70, 29);
    const out = new Float64Array(37 * 29);
    matmulKernel(a, 0, 70, 1, b, 0, 29, 1, out, 0, 37, 70, 29);
    // NumPy 1.24: C = A @ B; C[0, 0], C[36, 28], C[17, 11], C.sum()
    expect(out[0]).toBeCloseTo(17.638440272416194, 12);
    expect(out[36 * 29 + 28]).toBeCloseTo(15.600893490956553, 12);
    expect(out[17 * 29 + 11]).toBeCloseTo(18.247961883602237, 12);
    expect(out.reduce((s, v) => s + v, 0)).toBeCloseTo(18607.064248293445, 9);
    const out32 = new Float32Array(37 * 29);
    matmulKernel(
      new Float32Array(a),
      0,
      70,
      1,
      new Float32Array(b),
      0,
      29,
      1,
      out32,
      0,
      37,
      70,
      29,
    );
    // NumPy 1.24: (A.astype(float32) @ B.astype(float32))[17, 11] (sgemm sums in float32;
    // mibun sums in float64, so the two agree to within a float32 ulp, 2**-19 here)
    expect(Math.abs(out32[17 * 29 + 11]! - 18.247962951660156)).toBeLessThanOrEqual(2 ** -19);
  });

  it('int32 wraps around like NumPy', () => {
    // NumPy 1.24: np.array([[2**30, 3], [-7, 2**31 - 1]], int32) @ np.array([[4, -1], [5, 2**20]], int32)
    const a = new Int32Array([2 ** 30, 3, -7, 2 ** 31 - 1]);
    const b = new Int32Array([4, -1, 5, 2 ** 20]);
    const out = new Int32Array(4);
    matmulKernel(a, 0, 2, 1, b, 0, 2, 1, out, 0, 2, 2, 2);
    expect(Array.from(out)).toEqual([15, -1070596096, 2147483615, -1048569]);
    // NumPy 1.24: [[-1, 6, 4, -1], [2, 9, 2, -1], [-2, -7, 8, 2]] @ [[6, -4], [-2, -6], [-3, -5], [1, 2]]
    const c = new Int32Array([-1, 6, 4, -1, 2, 9, 2, -1, -2, -7, 8, 2]);
    const d = new Int32Array([6, -4, -2, -6, -3, -5, 1, 2]);
    const out2 = new Int32Array(6);
    matmulKernelInt32(c, 0, 4, 1, d, 0, 2, 1, out2, 0, 3, 4, 2);
    expect(Array.from(out2)).toEqual([-31, -54, -13, -74, -20, 14]);
  });
});

describe('matmulKernel int32 and errors', () => {
  it('int32 equals exact integer products taken modulo 2**32, any layout', () => {
    const arbInt = (len: number) =>
      fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), {
        minLength: len,
        maxLength: len,
      });
    const problem = fc
      .record({
        m: fc.integer({ min: 1, max: 7 }),
        k: fc.integer({ min: 1, max: 7 }),
        n: fc.integer({ min: 1, max: 7 }),
      }) // prettier-ignore
      .chain(
        ({ m, k, n }) =>
        fc.record({ m: fc.constant(m), k: fc.constant(k), n: fc.constant(n), a: arbInt(m * k), b: arbInt(k * n), la: arbLayout, lb: arbLayout }), // prettier-ignore
      );
    fc.assert(
      fc.property(problem, ({ m, k, n, a, b, la, lb }) => {
        const out = run(store(Int32Array, a, m, k, la), store(Int32Array, b, k, n, lb), new Int32Array(m * n)); // prettier-ignore
        const want: number[] = [];
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) {
            let s = 0n;
            for (let p = 0; p < k; p++) s += BigInt(a[i * k + p]!) * BigInt(b[p * n + j]!);
            want.push(Number(BigInt.asIntN(32, s)));
          }
        }
        expect(Array.from(out)).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses to mix int32 with floats, naming the dtypes', () => {
    const f = new Float64Array(4);
    const i = new Int32Array(4);
    expect(() => matmulKernel(i, 0, 2, 1, f, 0, 2, 1, f, 0, 2, 2, 2)).toThrow(DTypeError);
    expect(() => matmulKernel(f, 0, 2, 1, f, 0, 2, 1, i, 0, 2, 2, 2)).toThrow(
      /int32 output needs int32 inputs, got float64 and float64/,
    );
  });
});
