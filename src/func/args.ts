/**
 * What every transform does with its arguments and with f's result: numbers become 0-d
 * float64 tensors, argnums are checked against the arguments given, f's output is checked to
 * be a Tensor (and split from its aux), and differentiated arguments get entry tensors that a
 * reverse pass can target.
 */
import { Tensor } from '../autograd/index.js';
import { detachKeepingTangents } from '../autograd/forward/tangents.js';
import { alias } from '../autograd/views.js';
import { TransformError } from './errors.js';

/** An argument of a transformed function: a Tensor, or a number for a scalar. */
export type Arg = Tensor | number;

/**
 * f's parameters as the transformed function takes them: a Tensor may be given as a number
 * (f receives a 0-d float64 tensor; any number argument becomes one, so pass other constants
 * through a closure).
 */
export type Loosen<A extends unknown[]> = { [K in keyof A]: A[K] extends Tensor ? Arg : A[K] };

/** Which arguments to differentiate: one index, or several (results come as an array then). */
export type Argnums = number | readonly number[];

export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (typeof x === 'object') return `an object (${x.constructor?.name ?? 'Object'})`;
  return `a ${typeof x} (${String(x)})`;
}

const NO_SHAPE: readonly number[] = [];

/**
 * A number as a 0-d float64 tensor, held as a number (as an op's one-element result is) rather
 * than in an NDArray: the values are made only if something asks for them.
 */
export function numberTensor(a: number): Tensor<'float64'> {
  return new Tensor<'float64'>(null, a, NO_SHAPE, 'float64');
}

/** `a` as a tensor: a number is a 0-d float64 tensor. */
export function asTensor(a: unknown, transform: string, what: string): Tensor {
  if (a instanceof Tensor) return a;
  if (typeof a === 'number') return numberTensor(a);
  throw new TransformError(
    transform,
    'argument-type',
    `${what} must be a Tensor or a number, got ${describe(a)}. Fix: wrap the values with tensor(…).`,
  );
}

/** The argnums as a list (a copy, so that the caller's array may change), unchecked. */
export function argnumsOf(argnums: Argnums): readonly number[] {
  return typeof argnums === 'number' ? [argnums] : [...argnums];
}

/** The argnums as a list, each checked against the number of arguments. */
export function argnumList(argnums: Argnums, count: number, transform: string): number[] {
  const list = typeof argnums === 'number' ? [argnums] : [...argnums];
  checkArgnums(list, count, transform);
  return list;
}

/** Checks each of `list` against the number of arguments of a call (`count`). */
export function checkArgnums(list: readonly number[], count: number, transform: string): void {
  if (list.length === 0) {
    throw new TransformError(
      transform,
      'argnums',
      'argnums is empty. Fix: name at least one argument.',
    );
  }
  for (const i of list) {
    if (!Number.isInteger(i) || i < 0 || i >= count) {
      throw new TransformError(
        transform,
        'argnums',
        `argnums ${i} is out of range for a function called with ${count} argument` +
          `${count === 1 ? '' : 's'} (valid: ${count === 0 ? 'none' : `0 to ${count - 1}`}). ` +
          'Fix: pass an argnums below the number of arguments, or pass more arguments.',
      );
    }
  }
}

/** f's result as [output, aux], checked to hold a Tensor output. */
export function splitOutput(res: unknown, hasAux: boolean, transform: string): [Tensor, unknown] {
  if (hasAux) {
    if (!Array.isArray(res) || res.length !== 2) {
      throw new TransformError(
        transform,
        'output-type',
        `with hasAux: true, f must return [output, aux], got ${describe(res)}. ` +
          'Fix: return a pair, e.g. [loss, { logits }].',
      );
    }
    return [checkTensor(res[0], transform), res[1]];
  }
  return [checkTensor(res, transform), undefined];
}

/** f's result checked to be a Tensor (the output of f without aux). */
export function outputOf(res: unknown, transform: string): Tensor {
  return checkTensor(res, transform);
}

function checkTensor(out: unknown, transform: string): Tensor {
  if (out instanceof Tensor) return out;
  const hint = Array.isArray(out)
    ? 'Fix: return one Tensor (stack or cat several), or pass hasAux: true if the second element is auxiliary data.'
    : typeof out === 'number'
      ? 'Fix: compute with the Tensor arguments f receives (x.mul(2), not x * 2), so that the result is a Tensor.'
      : 'Fix: return a Tensor computed from the arguments.';
  throw new TransformError(
    transform,
    'output-type',
    `f must return a Tensor, got ${describe(out)}. ${hint}`,
  );
}

/** Throws unless `out` has one element (what grad differentiates). */
export function checkScalar(out: Tensor, transform: string): void {
  if (out.numel() !== 1) {
    throw new TransformError(
      transform,
      'non-scalar',
      `f must return a one-element Tensor to be differentiated, got shape [${out.shape.join(', ')}]. ` +
        'Fix: reduce the output (y.sum(), y.mean()), or use jacrev/jacfwd for its Jacobian, or vjp.',
      out.shape,
    );
  }
}

/**
 * The tensor f receives for a differentiated argument, and that the reverse pass targets: a
 * fresh leaf that requires grad (keeping any forward-mode tangents of an enclosing jvp), or,
 * when the argument already requires grad (an enclosing grad), an identity op on it (alias:
 * no copy, no new NDArray), so that the gradient stays differentiable with respect to the
 * argument.
 */
export function entryOf(a: Tensor, record: boolean): Tensor {
  if (record && a.requiresGradFlag) return alias(a) as Tensor;
  return detachKeepingTangents(a).requiresGrad_();
}

/**
 * The entry for argument `arg` of a call, whose tensor form (`tensorArgs`) is `t`: a number's
 * tensor is the transform's own, so it becomes the leaf itself, with no detached copy.
 */
export function entryOfArg(
  arg: unknown,
  t: unknown,
  record: boolean,
  transform: string,
  i: number,
): Tensor {
  if (typeof arg === 'number' && t instanceof Tensor && !t.requiresGrad) return t.requiresGrad_();
  return entryOf(asTensor(arg, transform, `argument ${i}`), record);
}

/** A result handed back at the top level: no backward history (tangents kept). */
export function plain(t: Tensor, record: boolean): Tensor {
  return record || t.gradFn === null ? t : detachKeepingTangents(t);
}

/**
 * The arguments f receives: numbers as 0-d float64 tensors (as JAX traces Python floats), the
 * rest as given; the differentiated ones are replaced by entries afterwards.
 */
export function tensorArgs(args: readonly unknown[]): unknown[] {
  const out = new Array<unknown>(args.length);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    out[i] = typeof a === 'number' ? numberTensor(a) : a;
  }
  return out;
}

/**
 * aux handed back at the top level: Tensors in it (also inside arrays and plain objects) lose
 * their backward history, as the transform's own results do; anything else is returned as is.
 */
export function plainAux(aux: unknown, record: boolean): unknown {
  if (record) return aux;
  if (aux instanceof Tensor) return plain(aux, false);
  if (Array.isArray(aux)) return aux.map((a: unknown) => plainAux(a, false));
  if (aux !== null && typeof aux === 'object' && Object.getPrototypeOf(aux) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(aux)) out[k] = plainAux(v, false);
    return out;
  }
  return aux;
}

/** Whether a transform's reverse pass must be recorded (see depth.ts). */
export function anyRequiresGrad(args: readonly unknown[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a instanceof Tensor && a.requiresGradFlag) return true;
  }
  return false;
}
