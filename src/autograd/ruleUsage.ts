/**
 * Which values each rule of the table reads, found by running it once over a probe algebra
 * whose "values" are bit sets of the arguments they came from. A node then saves only those
 * values (as PyTorch's derivatives.yaml saves only what a formula names), so modifying an
 * unused one in place is not an error, and memory holds nothing the backward will not read.
 */
import {
  BINARY,
  BINARY_OPS,
  UNARY,
  UNARY_OPS,
  type Algebra,
  type BinaryOp,
  type UnaryOp,
} from '../rules/index.js';

export const USES_X = 1;
export const USES_OUT = 2;
/** for binary rules: a is bit 1, b bit 4, out bit 2 */
export const USES_A = 1;
export const USES_B = 4;

const or = (a: number, b: number): number => a | b;
const same = (a: number): number => a;

const PROBE: Algebra<number> = {
  num: () => 0,
  pi: () => 0,
  add: or,
  sub: or,
  mul: or,
  div: or,
  pow: or,
  neg: same,
  exp: same,
  log: same,
  sqrt: same,
  sin: same,
  cos: same,
  tan: same,
  cot: same,
  sinh: same,
  cosh: same,
  sign: same,
  erf: same,
};

function tableOf<K extends string, V>(keys: readonly K[], f: (k: K) => V): Readonly<Record<K, V>> {
  const out = {} as Record<K, V>;
  for (const k of keys) out[k] = f(k);
  return out;
}

/** Bits USES_X | USES_OUT that `UNARY[op].d` reads. */
export const UNARY_USES = tableOf(UNARY_OPS, (op: UnaryOp) => UNARY[op].d(PROBE, USES_X, USES_OUT));

/** Bits USES_A | USES_B | USES_OUT that `BINARY[op].da` and `.db` read. */
export const BINARY_USES = tableOf(BINARY_OPS, (op: BinaryOp) => {
  const rule = BINARY[op];
  return [
    rule.da(PROBE, USES_A, USES_B, USES_OUT),
    rule.db(PROBE, USES_A, USES_B, USES_OUT),
  ] as const;
});
