import {
  BINARY,
  BINARY_NUMBER,
  NUMBER_ALGEBRA,
  UNARY,
  UNARY_NUMBER,
  isBinaryOp,
  isUnaryOp,
} from '../rules/index.js';
import type { BinaryOp, UnaryOp } from '../rules/index.js';

/**
 * A primitive written by hand, as in the seed's part 4: a forward function that returns the
 * value and what the backward pass will need (the cache), and a backward function that takes
 * that cache and the upstream gradient `dout` and returns one gradient per input.
 * The local partials come from the shared rules table, so these agree with every engine.
 */
export interface Primitive<Inputs extends number[]> {
  readonly op: UnaryOp | BinaryOp;
  forward(...inputs: Inputs): [value: number, cache: PrimitiveCache];
  backward(cache: PrimitiveCache, dout?: number): number[];
}

/** The inputs and the output of one primitive call, kept for its backward pass. */
export interface PrimitiveCache {
  readonly inputs: readonly number[];
  readonly output: number;
}

export function unaryPrimitive(op: UnaryOp): Primitive<[number]> {
  const f = UNARY_NUMBER[op];
  const rule = UNARY[op];
  return {
    op,
    forward(x) {
      const output = f(x);
      return [output, { inputs: [x], output }];
    },
    backward(cache, dout = 1) {
      const x = cache.inputs[0] ?? NaN;
      return [rule.d(NUMBER_ALGEBRA, x, cache.output) * dout];
    },
  };
}

export function binaryPrimitive(op: BinaryOp): Primitive<[number, number]> {
  const f = BINARY_NUMBER[op];
  const rule = BINARY[op];
  return {
    op,
    forward(a, b) {
      const output = f(a, b);
      return [output, { inputs: [a, b], output }];
    },
    backward(cache, dout = 1) {
      const a = cache.inputs[0] ?? NaN;
      const b = cache.inputs[1] ?? NaN;
      return [
        rule.da(NUMBER_ALGEBRA, a, b, cache.output) * dout,
        rule.db(NUMBER_ALGEBRA, a, b, cache.output) * dout,
      ];
    },
  };
}

/** Looks a primitive up by op name; an unknown name is an error listing what exists. */
export function primitive(op: string): Primitive<[number]> | Primitive<[number, number]> {
  if (isUnaryOp(op)) return unaryPrimitive(op);
  if (isBinaryOp(op)) return binaryPrimitive(op);
  throw new Error(
    `mibun/graph: no primitive named '${op}'. Use one of the ops in the rules table.`,
  );
}

/** The seed's three primitives under its own names. */
export const TIMES = binaryPrimitive('mul');
export const ADD = binaryPrimitive('add');
export const LOG = unaryPrimitive('log');
