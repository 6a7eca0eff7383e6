/** Hyperparameter checks shared by modules, losses and optimisers: each names the bad value. */
import { HyperparameterError } from './errors.js';

/** A finite number >= 0 (learning rates, weight decay, momentum…). */
export function nonNegative(owner: string, option: string, value: number): number {
  if (!(typeof value === 'number' && value >= 0 && Number.isFinite(value))) {
    throw new HyperparameterError(option, value, 'a finite number >= 0', owner);
  }
  return value;
}

/** A number in [lo, hi) or [lo, hi] (betas, dropout p…). */
export function inRange(
  owner: string,
  option: string,
  value: number,
  lo: number,
  hi: number,
  closedAbove = false,
): number {
  const ok = typeof value === 'number' && value >= lo && (closedAbove ? value <= hi : value < hi);
  if (!ok) {
    throw new HyperparameterError(
      option,
      value,
      `a number in [${lo}, ${hi}${closedAbove ? ']' : ')'}`,
      owner,
    );
  }
  return value;
}

/** An integer >= min (feature counts, step sizes…). */
export function integerAtLeast(owner: string, option: string, value: number, min: number): number {
  if (!(Number.isInteger(value) && value >= min)) {
    throw new HyperparameterError(option, value, `an integer >= ${min}`, owner);
  }
  return value;
}

/** A finite number > 0 (eps, Huber's delta…). */
export function positive(owner: string, option: string, value: number): number {
  if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
    throw new HyperparameterError(option, value, 'a finite number > 0', owner);
  }
  return value;
}

/** One of a fixed set of strings. */
export function oneOf<S extends string>(
  owner: string,
  option: string,
  value: S,
  allowed: readonly S[],
): S {
  if (!allowed.includes(value)) {
    throw new HyperparameterError(
      option,
      JSON.stringify(value),
      `one of ${allowed.map((a) => `'${a}'`).join(', ')}`,
      owner,
    );
  }
  return value;
}
