/**
 * Row kernels of the binary elementwise ops: o[io + k·so] = a[ia + k·sa] ∘ b[ib + k·sb].
 * Each hot op is its own function with the operator written in the loop (no per-element call),
 * and a unit-stride branch the JIT turns into a tight loop; the general branch also covers
 * broadcasting (a stride of 0). Rarer ops go through the rules' scalar functions.
 */
import { BINARY_NUMBER } from '../../rules/index.js';
import type { Row3 } from '../strided.js';

export const addRow: Row3 = (a, ia, sa, b, ib, sb, o, io, so, n) => {
  if (sa === 1 && sb === 1 && so === 1) {
    for (let k = 0; k < n; k++) o[io + k] = a[ia + k]! + b[ib + k]!;
  } else if (sa === 1 && sb === 0 && so === 1) {
    const y = b[ib]!;
    for (let k = 0; k < n; k++) o[io + k] = a[ia + k]! + y;
  } else for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = a[ia]! + b[ib]!;
};

export const subRow: Row3 = (a, ia, sa, b, ib, sb, o, io, so, n) => {
  if (sa === 1 && sb === 1 && so === 1) {
    for (let k = 0; k < n; k++) o[io + k] = a[ia + k]! - b[ib + k]!;
  } else if (sa === 1 && sb === 0 && so === 1) {
    const y = b[ib]!;
    for (let k = 0; k < n; k++) o[io + k] = a[ia + k]! - y;
  } else for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = a[ia]! - b[ib]!;
};

export const mulRow: Row3 = (a, ia, sa, b, ib, sb, o, io, so, n) => {
  if (sa === 1 && sb === 1 && so === 1) {
    for (let k = 0; k < n; k++) o[io + k] = a[ia + k]! * b[ib + k]!;
  } else if (sa === 1 && sb === 0 && so === 1) {
    const y = b[ib]!;
    for (let k = 0; k < n; k++) o[io + k] = a[ia + k]! * y;
  } else for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = a[ia]! * b[ib]!;
};

/** int32 × int32 wraps modulo 2³² as C's does; a float product would lose the low bits. */
export const imulRow: Row3 = (a, ia, sa, b, ib, sb, o, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = Math.imul(a[ia]!, b[ib]!);
};

export const divRow: Row3 = (a, ia, sa, b, ib, sb, o, io, so, n) => {
  if (sa === 1 && sb === 1 && so === 1) {
    for (let k = 0; k < n; k++) o[io + k] = a[ia + k]! / b[ib + k]!;
  } else if (sa === 1 && sb === 0 && so === 1) {
    const y = b[ib]!;
    for (let k = 0; k < n; k++) o[io + k] = a[ia + k]! / y;
  } else for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = a[ia]! / b[ib]!;
};

/** Logical or of truth values (≠ 0; NaN is true, as in PyTorch): also bool + bool. */
export const orRow: Row3 = (a, ia, sa, b, ib, sb, o, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so)
    o[io] = a[ia]! !== 0 || b[ib]! !== 0 ? 1 : 0;
};

// maximum/minimum propagate NaN (NumPy's and PyTorch's maximum), as BINARY_NUMBER does.
export const maximumRow: Row3 = (a, ia, sa, b, ib, sb, o, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) {
    const x = a[ia]!;
    const y = b[ib]!;
    o[io] = x > y ? x : x !== x || y !== y ? NaN : y;
  }
};

export const minimumRow: Row3 = (a, ia, sa, b, ib, sb, o, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) {
    const x = a[ia]!;
    const y = b[ib]!;
    o[io] = x < y ? x : x !== x || y !== y ? NaN : y;
  }
};

function rowOf(f: (x: number, y: number) => number): Row3 {
  return (a, ia, sa, b, ib, sb, o, io, so, n) => {
    for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = f(a[ia]!, b[ib]!);
  };
}

export const powRow = rowOf(BINARY_NUMBER.pow);
export const atan2Row = rowOf(BINARY_NUMBER.atan2);

// Comparisons write 1/0 into bool storage.
export const eqRow: Row3 = (a, ia, sa, b, ib, sb, o, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = a[ia]! === b[ib]! ? 1 : 0;
};
export const neRow: Row3 = (a, ia, sa, b, ib, sb, o, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = a[ia]! !== b[ib]! ? 1 : 0;
};
export const ltRow: Row3 = (a, ia, sa, b, ib, sb, o, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = a[ia]! < b[ib]! ? 1 : 0;
};
export const leRow: Row3 = (a, ia, sa, b, ib, sb, o, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = a[ia]! <= b[ib]! ? 1 : 0;
};
export const gtRow: Row3 = (a, ia, sa, b, ib, sb, o, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = a[ia]! > b[ib]! ? 1 : 0;
};
export const geRow: Row3 = (a, ia, sa, b, ib, sb, o, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = a[ia]! >= b[ib]! ? 1 : 0;
};
export const andRow: Row3 = (a, ia, sa, b, ib, sb, o, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so)
    o[io] = a[ia]! !== 0 && b[ib]! !== 0 ? 1 : 0;
};
export const xorRow: Row3 = (a, ia, sa, b, ib, sb, o, io, so, n) => {
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so)
    o[io] = (a[ia]! !== 0) !== (b[ib]! !== 0) ? 1 : 0;
};
