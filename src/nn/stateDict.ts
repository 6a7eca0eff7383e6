/**
 * State dicts: a module's parameters and persistent buffers by dotted name, as plain typed
 * arrays (copies), so that they survive `structuredClone`, postMessage and, after
 * `Array.from`, JSON. PyTorch's `state_dict()`/`load_state_dict()`.
 */
import { fromArray, noGrad, Tensor } from '../autograd/index.js';
import type { AnyTypedArray, DType } from '../tensor/index.js';
import { StateDictError, type StateDictMismatch } from './errors.js';

/** One saved tensor: its shape, dtype and values in row-major order (a copy). */
export interface TensorState {
  shape: number[];
  dtype: DType;
  data: AnyTypedArray;
}

/** What `stateDict()` returns: dotted names (`0.weight`) to saved tensors, in module order. */
export type StateDict = Record<string, TensorState>;

/** What `loadStateDict` takes: saved tensors (any array-like values, e.g. after JSON) or Tensors. */
export type StateDictInput = Readonly<
  Record<string, { readonly shape: readonly number[]; readonly data: ArrayLike<number> } | Tensor>
>;

/** What `loadStateDict` reports when `strict` is false (PyTorch's `_IncompatibleKeys`). */
export interface LoadResult {
  missingKeys: string[];
  unexpectedKeys: string[];
}

export function saveTensor(t: Tensor): TensorState {
  const nd = t.data;
  return { shape: nd.shape.slice(), dtype: nd.dtype, data: nd.clone().storage };
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function asTensorOf(
  entry: { readonly shape: readonly number[]; readonly data: ArrayLike<number> } | Tensor,
): Tensor {
  if (entry instanceof Tensor) return entry;
  const values = ArrayBuffer.isView(entry.data)
    ? (entry.data as unknown as AnyTypedArray)
    : Float64Array.from(entry.data);
  return fromArray(values, entry.shape);
}

/**
 * Copies `input` into `targets` (name → the module's tensor). Checks everything first, so a
 * failed load changes nothing; shape mismatches fail even when not strict, as in PyTorch.
 */
export function loadInto(
  moduleName: string,
  targets: ReadonlyMap<string, Tensor>,
  input: StateDictInput,
  strict: boolean,
): LoadResult {
  const missingKeys: string[] = [];
  const mismatches: StateDictMismatch[] = [];
  const loads: [Tensor, Tensor][] = [];
  for (const [key, target] of targets) {
    const entry = Object.prototype.hasOwnProperty.call(input, key) ? input[key] : undefined;
    if (entry === undefined) {
      missingKeys.push(key);
      continue;
    }
    if (!sameShape(entry.shape, target.shape)) {
      mismatches.push({ key, expected: target.shape.slice(), got: entry.shape.slice() });
      continue;
    }
    loads.push([target, asTensorOf(entry)]);
  }
  const unexpectedKeys = Object.keys(input).filter((k) => !targets.has(k));
  if (mismatches.length > 0 || (strict && (missingKeys.length > 0 || unexpectedKeys.length > 0))) {
    throw new StateDictError(moduleName, missingKeys, unexpectedKeys, mismatches);
  }
  noGrad(() => {
    for (const [target, source] of loads) target.copy_(source);
  });
  return { missingKeys, unexpectedKeys };
}
