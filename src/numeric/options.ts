/** Checks user options once, so the engines can trust them. */
import { InvalidOptionError, InvalidPointError } from './errors.js';
import type { DerivativeOptions, Method, Vector } from './types.js';

export interface ResolvedOptions {
  method: Method;
  order: number;
  /** the fixed step, or undefined for adaptive steps */
  h: number | undefined;
  n: number;
  /** the first adaptive step, or undefined for the default */
  initialStep: number | undefined;
}

const METHODS: readonly Method[] = ['central', 'forward', 'backward'];

export function resolveOptions(options: DerivativeOptions | undefined): ResolvedOptions {
  const o = options ?? {};
  if (typeof o !== 'object') throw new InvalidOptionError('options', o, 'an object or undefined');
  const method = o.method ?? 'central';
  if (!METHODS.includes(method)) {
    throw new InvalidOptionError('method', method, "'central', 'forward' or 'backward'");
  }
  const n = o.n ?? 1;
  if (!Number.isInteger(n) || n < 1 || n > 4) {
    throw new InvalidOptionError('n', n, 'the derivative order 1, 2, 3 or 4');
  }
  const order = o.order ?? 2;
  const orderOk =
    Number.isInteger(order) &&
    (method === 'central' ? [2, 4, 6, 8].includes(order) : order >= 1 && order <= 8);
  if (!orderOk) {
    throw new InvalidOptionError(
      'order',
      order,
      method === 'central' ? '2, 4, 6 or 8 for central differences' : 'an integer from 1 to 8',
    );
  }
  const h = o.h;
  if (h !== undefined && (typeof h !== 'number' || !Number.isFinite(h) || h <= 0)) {
    throw new InvalidOptionError('h', h, 'a finite step > 0 (or leave it out for adaptive steps)');
  }
  const initialStep = o.initialStep;
  if (
    initialStep !== undefined &&
    (typeof initialStep !== 'number' || !Number.isFinite(initialStep) || initialStep <= 0)
  ) {
    throw new InvalidOptionError('initialStep', initialStep, 'a finite step > 0');
  }
  return { method, order, h, n, initialStep };
}

export function checkPoint(x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new InvalidPointError(x);
  return x;
}

export function checkVector(x: unknown): Float64Array {
  if (!(Array.isArray(x) || x instanceof Float64Array)) {
    throw new InvalidPointError(x, undefined, true);
  }
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v: unknown = (x as Vector)[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidPointError(v, i);
    out[i] = v;
  }
  return out;
}
