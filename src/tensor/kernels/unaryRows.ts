/**
 * Row kernels of the unary elementwise ops: o[io + k·so] = f(a[ia + k·sa]). The hot ones (exp,
 * log, neg…) call the Math function directly in the loop; every other op takes its value from
 * the rules table (UNARY_NUMBER), the single implementation of each function.
 */
import { UNARY_NUMBER, type UnaryOp } from '../../rules/index.js';
import type { Row2 } from '../strided.js';

export const expRow: Row2 = (a, ia, sa, o, io, so, n) => {
  if (sa === 1 && so === 1) for (let k = 0; k < n; k++) o[io + k] = Math.exp(a[ia + k]!);
  else for (let k = 0; k < n; k++, ia += sa, io += so) o[io] = Math.exp(a[ia]!);
};

export const logRow: Row2 = (a, ia, sa, o, io, so, n) => {
  if (sa === 1 && so === 1) for (let k = 0; k < n; k++) o[io + k] = Math.log(a[ia + k]!);
  else for (let k = 0; k < n; k++, ia += sa, io += so) o[io] = Math.log(a[ia]!);
};

export const negRow: Row2 = (a, ia, sa, o, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, io += so) o[io] = -a[ia]!;
};

export const absRow: Row2 = (a, ia, sa, o, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, io += so) o[io] = Math.abs(a[ia]!);
};

export const sqrtRow: Row2 = (a, ia, sa, o, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, io += so) o[io] = Math.sqrt(a[ia]!);
};

export const tanhRow: Row2 = (a, ia, sa, o, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, io += so) o[io] = Math.tanh(a[ia]!);
};

/** relu(NaN) is NaN, as PyTorch's. */
export const reluRow: Row2 = (a, ia, sa, o, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, io += so) {
    const x = a[ia]!;
    o[io] = x > 0 ? x : x !== x ? NaN : 0;
  }
};

function rowOf(f: (x: number) => number): Row2 {
  return (a, ia, sa, o, io, so, n) => {
    for (let k = 0; k < n; k++, ia += sa, io += so) o[io] = f(a[ia]!);
  };
}

const SPECIALISED: Partial<Record<UnaryOp, Row2>> = {
  exp: expRow,
  log: logRow,
  neg: negRow,
  abs: absRow,
  sqrt: sqrtRow,
  tanh: tanhRow,
  relu: reluRow,
};

/** The row kernel of each unary op. */
export const UNARY_ROWS = Object.fromEntries(
  (Object.keys(UNARY_NUMBER) as UnaryOp[]).map((op) => [
    op,
    SPECIALISED[op] ?? rowOf(UNARY_NUMBER[op]),
  ]),
) as Readonly<Record<UnaryOp, Row2>>;

/** Any function applied elementwise (for ops outside the rules table: floor, log1p…). */
export { rowOf as unaryRowOf };
