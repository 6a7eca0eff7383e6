/**
 * The element types an NDArray can hold, and the typed array that stores each. float64 is the
 * default: JavaScript numbers are float64, and a derivative library's first duty is accuracy.
 */
export interface DTypeArray {
  float64: Float64Array;
  float32: Float32Array;
  int32: Int32Array;
  bool: Uint8Array;
}

export type DType = keyof DTypeArray;
export type FloatDType = 'float64' | 'float32';

/** Any storage an NDArray can have. */
export type AnyTypedArray = DTypeArray[DType];

export const DTYPES: readonly DType[] = ['float64', 'float32', 'int32', 'bool'];
export const DEFAULT_DTYPE = 'float64' satisfies DType;

export function isDType(name: unknown): name is DType {
  return name === 'float64' || name === 'float32' || name === 'int32' || name === 'bool';
}

export function isFloatingDType(dtype: DType): dtype is FloatDType {
  return dtype === 'float64' || dtype === 'float32';
}

/** A zero-filled typed array of `dtype` with `length` elements. */
export function allocate<D extends DType>(dtype: D, length: number): DTypeArray[D] {
  switch (dtype) {
    case 'float64':
      return new Float64Array(length) as DTypeArray[D];
    case 'float32':
      return new Float32Array(length) as DTypeArray[D];
    case 'int32':
      return new Int32Array(length) as DTypeArray[D];
    default:
      return new Uint8Array(length) as DTypeArray[D];
  }
}

/** The dtype a typed array stands for, or undefined for typed arrays mibun does not store. */
export function dtypeOfArray(array: unknown): DType | undefined {
  if (array instanceof Float64Array) return 'float64';
  if (array instanceof Float32Array) return 'float32';
  if (array instanceof Int32Array) return 'int32';
  if (array instanceof Uint8Array && !(array instanceof Uint8ClampedArray)) return 'bool';
  return undefined;
}

/** PyTorch's name for a dtype, as printed in a repr: `torch.float32`. */
export function torchName(dtype: DType): string {
  return `torch.${dtype}`;
}

// bool < int < float: the category order of PyTorch's type promotion.
const CATEGORY: Readonly<Record<DType, number>> = { bool: 0, int32: 1, float32: 2, float64: 2 };

export function categoryOf(dtype: DType): number {
  return CATEGORY[dtype];
}

/**
 * The smallest dtype that holds both, as `torch.promote_types`: bool < int32 < float32 <
 * float64, with int32 and float32 meeting at float32 (PyTorch's int32 + float32 is float32).
 */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a === 'float64' || b === 'float64') return 'float64';
  if (a === 'float32' || b === 'float32') return 'float32';
  return 'int32';
}
