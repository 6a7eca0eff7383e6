/**
 * The elementwise ops of the rules table, differentiable. Forward: the tensor module's kernel
 * (or, on one-element tensors, the rules' float64 function directly). Backward: the local
 * partial from `src/rules` (`UNARY[op].d`, `BINARY[op].da/db`), evaluated over the engine's
 * `GradOps` (recorded ops under createGraph, so higher derivatives come for free), times the
 * incoming gradient. The sum back to a broadcast input's shape is left to the engine.
 */
import {
  BINARY,
  BINARY_NUMBER,
  BINARY_OPS,
  NUMBER_ALGEBRA,
  UNARY,
  UNARY_NUMBER,
  UNARY_OPS,
  type BinaryOp,
  type BinaryRule,
  type UnaryOp,
  type UnaryRule,
} from '../rules/index.js';
import type { Algebra } from '../rules/index.js';
import type { DType } from '../tensor/index.js';
import { propagate, type JvpRule } from './forward/tangents.js';
import { isGradEnabled } from './gradMode.js';
import { ndBinary, ndUnary } from './kernels.js';
import { edgeOf, Node, type GradOps, type Shape, type TensorBase } from './node.js';
import { BINARY_USES, UNARY_USES, USES_A, USES_B, USES_OUT, USES_X } from './ruleUsage.js';
import { broadcastOnes, isScalarFloat, isScalarFloat64, roundTo, scalarValue } from './scalar.js';
import { conform, sameShape } from './conform.js';
import { LINEAR_ABOVE, linearAbove } from './linearAbove.js';

/** PyTorch's grad_fn name of an op: `mul` → `MulBackward0`. */
function backwardName(op: string): string {
  return op[0]!.toUpperCase() + op.slice(1) + 'Backward0';
}

/** Everything about a unary op, looked up once (hot paths pass this, not the op's name). */
export interface UnaryInfo {
  readonly op: UnaryOp;
  readonly name: string;
  /** which values the rule reads (USES_X | USES_OUT) */
  readonly uses: number;
  readonly rule: UnaryRule;
  readonly value: (x: number) => number;
  /**
   * Where the float64 value becomes x itself (so the partial is 1 above it): softplus's
   * threshold; Infinity for every other op
   */
  readonly linearAbove: number;
  /** forward mode: ṫ = f'(x) · ẋ */
  readonly jvp: JvpRule;
}

/** Everything about a binary op. */
export interface BinaryInfo {
  readonly op: BinaryOp;
  readonly name: string;
  /** which values each partial reads (USES_A | USES_B | USES_OUT) */
  readonly uses: readonly [number, number];
  readonly rule: BinaryRule;
  readonly value: (a: number, b: number) => number;
  /** forward mode: ṫ = ∂f/∂a · ȧ + ∂f/∂b · ḃ */
  readonly jvp: JvpRule;
}

function tableOf<K extends string, V>(keys: readonly K[], f: (k: K) => V): Readonly<Record<K, V>> {
  const out = {} as Record<K, V>;
  for (const k of keys) out[k] = f(k);
  return out;
}

export const UNARY_INFO = tableOf(UNARY_OPS, (op): UnaryInfo => ({
  op,
  name: backwardName(op),
  uses: UNARY_USES[op],
  rule: UNARY[op],
  value: UNARY_NUMBER[op],
  linearAbove: LINEAR_ABOVE[op] ?? Infinity,
  jvp: unaryJvp(UNARY[op], LINEAR_ABOVE[op] ?? Infinity),
}));

export const BINARY_INFO = tableOf(BINARY_OPS, (op): BinaryInfo => ({
  op,
  name: backwardName(op),
  uses: BINARY_USES[op],
  rule: BINARY[op],
  value: BINARY_NUMBER[op],
  jvp: binaryJvp(BINARY[op]),
}));

/** Gradients and tangents are floating point: an integer tensor's constants are float64. */
function floatDType(t: TensorBase): 'float64' | 'float32' {
  return t.dtype === 'float32' ? 'float32' : 'float64';
}

/** Whether `t` is the constant `c` made by `num` (0-d, held as a number, no history). */
function isConstant(t: TensorBase, c: number): boolean {
  return (
    t.nd === null &&
    t.scalar === c &&
    t.scalarShape.length === 0 &&
    !t.requiresGradFlag &&
    t.fw === null
  );
}

/**
 * The rules table's Algebra over tensors: each op an ordinary (recorded, forward-mode aware)
 * tensor op. Small exact integers (`num`) are 0-d constants held as numbers; `mul`, `div` and
 * `pow` fold the constant 1 away, so d(a + b) costs nothing. The backward pass (GradOps) and
 * forward mode's jvp rules both evaluate partials with it.
 */
export const TENSOR_ALGEBRA: Algebra<TensorBase> = {
  num: (c, like) => like.wrapScalar(c, [], floatDType(like)),
  pi: (like) => like.wrapScalar(Math.PI, [], floatDType(like)),
  add: (a, b) => binary(BINARY_INFO.add, a, b),
  sub: (a, b) => binary(BINARY_INFO.sub, a, b),
  mul: (a, b) => (isConstant(b, 1) ? a : isConstant(a, 1) ? b : binary(BINARY_INFO.mul, a, b)),
  div: (a, b) => (isConstant(b, 1) ? a : binary(BINARY_INFO.div, a, b)),
  pow: (a, b) => (isConstant(b, 1) ? a : binary(BINARY_INFO.pow, a, b)),
  neg: (a) => unary(UNARY_INFO.neg, a),
  exp: (a) => unary(UNARY_INFO.exp, a),
  log: (a) => unary(UNARY_INFO.log, a),
  sqrt: (a) => unary(UNARY_INFO.sqrt, a),
  sin: (a) => unary(UNARY_INFO.sin, a),
  cos: (a) => unary(UNARY_INFO.cos, a),
  tan: (a) => unary(UNARY_INFO.tan, a),
  cot: (a) => unary(UNARY_INFO.cot, a),
  sinh: (a) => unary(UNARY_INFO.sinh, a),
  cosh: (a) => unary(UNARY_INFO.cosh, a),
  sign: (a) => unary(UNARY_INFO.sign, a),
  erf: (a) => unary(UNARY_INFO.erf, a),
};

/** ṫ = f'(x) · ẋ with the partial from the rules table (1 where x > linearAbove). */
function unaryJvp(rule: UnaryRule, threshold: number): JvpRule {
  return (tangents, inputs, out) => {
    const x = inputs[0] as TensorBase;
    let partial = rule.d(TENSOR_ALGEBRA, x, out);
    if (threshold !== Infinity) partial = linearAbove(x, partial, threshold);
    return chain(TENSOR_ALGEBRA, tangents[0]!, partial);
  };
}

/**
 * ṫ = ∂f/∂a · ȧ + ∂f/∂b · ḃ, each term only for an operand with a tangent (lazy partials, as
 * the backward's), brought to the output's shape (a broadcast operand's term is expanded) and
 * dtype.
 */
function binaryJvp(rule: BinaryRule): JvpRule {
  return (tangents, inputs, out) => {
    const A = TENSOR_ALGEBRA;
    const [ta, tb] = tangents;
    const a = operandTensor(inputs[0]!, out);
    const b = operandTensor(inputs[1]!, out);
    let t: TensorBase | null = ta ? chain(A, ta, rule.da(A, a, b, out)) : null;
    if (tb) {
      const term = chain(A, tb, rule.db(A, a, b, out));
      t = t === null ? term : A.add(t, term);
    }
    return t === null ? null : conform(t, out);
  };
}

/** A number operand as a 0-d constant, as the backward sees it. */
function operandTensor(x: TensorBase | number | null, like: TensorBase): TensorBase {
  return typeof x === 'number' ? like.wrapScalar(x, [], floatDType(like)) : x!;
}

export { conform };

/** ḡ · ∂f, skipping the multiplication when the partial is the constant 1 or -1. */
export function chain(ops: Algebra<TensorBase>, g: TensorBase, partial: TensorBase): TensorBase {
  if (
    partial.nd === null &&
    partial.scalarShape.length === 0 &&
    !partial.requiresGradFlag &&
    partial.fw === null
  ) {
    if (partial.scalar === 1) return g;
    if (partial.scalar === -1) return ops.neg(g);
  }
  return ops.mul(g, partial);
}

/**
 * The arrays the elementwise nodes return their gradients in. The engine reads (and clears)
 * them before it runs another node, so one pair serves every node and a backward allocates
 * no result arrays; a nested pass (from a hook) only runs between two nodes, never inside.
 */
const OUT1: (TensorBase | null)[] = [null];
const OUT2: (TensorBase | null)[] = [null, null];

/** Marks `out` as computed by `node` (PyTorch's set_history). */
function record(out: TensorBase, node: Node): void {
  out.gradFn = node;
  out.requiresGradFlag = true;
}

/** The backward of a unary op: ḡ · f'(x). */
class UnaryBackward extends Node {
  private readonly saves: boolean;
  private x: TensorBase | null;
  private out: TensorBase | null;
  private readonly xVersion: number;
  private readonly outVersion: number;

  constructor(
    private readonly info: UnaryInfo,
    x: TensorBase,
    out: TensorBase,
  ) {
    super(info.name);
    this.next = [edgeOf(x)];
    if (x.outputNr !== 0) this.nextSlot = [x.outputNr];
    const uses = info.uses;
    this.saves = uses !== 0;
    this.x = uses & USES_X ? x : null;
    this.out = uses & USES_OUT ? out : null;
    this.xVersion = x.version;
    this.outVersion = out.version;
  }

  apply(grads: readonly (TensorBase | null)[], ops: GradOps): (TensorBase | null)[] {
    if (this.saves) this.checkNotFreed(); // a rule that reads nothing (neg) runs again, as PyTorch
    const g = grads[0]!;
    const x = this.x;
    const out = this.out;
    if (x !== null) this.checkVersion(x, this.xVersion);
    if (out !== null) this.checkVersion(out, this.outVersion);
    const rule = this.info.rule;
    if (
      !isGradEnabled() &&
      isScalarFloat64(g) &&
      (x === null || isScalarFloat64(x)) &&
      (out === null || isScalarFloat64(out)) &&
      g.fw === null &&
      (x === null || x.fw === null) &&
      (out === null || out.fw === null)
    ) {
      const xv = x === null ? NaN : scalarValue(x);
      const ov = out === null ? NaN : scalarValue(out);
      // NaN > threshold is false: a NaN input keeps the rule's NaN partial
      const d = xv > this.info.linearAbove ? 1 : rule.d(NUMBER_ALGEBRA, xv, ov);
      OUT1[0] = g.wrapScalar(scalarValue(g) * d, g.shape, 'float64');
      return OUT1;
    }
    // a rule reads no value it did not save; `g` stands in where a rule only asks num(c, like)
    let partial = rule.d(ops, x ?? g, out ?? g);
    const threshold = this.info.linearAbove;
    if (threshold !== Infinity) partial = linearAbove(x!, partial, threshold);
    OUT1[0] = chain(ops, g, partial);
    return OUT1;
  }

  override release(): void {
    super.release();
    this.x = null;
    this.out = null;
  }
}

/** The backward of a binary op: (ḡ · ∂f/∂a, ḡ · ∂f/∂b), each built only when wanted. */
class BinaryBackward extends Node {
  private readonly saves: boolean;
  /** the operands' dtypes when one differs from the output's, else null */
  private readonly dtypes: [DType, DType] | null = null;
  private a: TensorBase | null;
  private b: TensorBase | null;
  private out: TensorBase | null;
  private readonly aVersion: number;
  private readonly bVersion: number;
  private readonly outVersion: number;

  constructor(
    name: string,
    private readonly info: BinaryInfo,
    a: TensorBase | number,
    b: TensorBase | number,
    out: TensorBase,
    /** the operands given as numbers (PyTorch's wrapped scalars), else NaN */
    private readonly aNumber: number,
    private readonly bNumber: number,
  ) {
    super(name);
    const ea = typeof a === 'number' ? null : edgeOf(a);
    const eb = typeof b === 'number' ? null : edgeOf(b);
    this.next = [ea, eb];
    const sa = typeof a === 'number' ? 0 : a.outputNr;
    const sb = typeof b === 'number' ? 0 : b.outputNr;
    if (sa !== 0 || sb !== 0) this.nextSlot = [sa, sb];
    const both = info.uses;
    let uses = (ea === null ? 0 : both[0]) | (eb === null ? 0 : both[1]);
    const outShape = out.shape;
    const aShape = typeof a === 'number' ? outShape : a.shape;
    const bShape = typeof b === 'number' ? outShape : b.shape;
    if (
      (ea !== null && !sameShape(aShape, outShape)) ||
      (eb !== null && !sameShape(bShape, outShape))
    ) {
      this.inputShapes = [aShape, bShape];
    }
    // a number operand counts as saved (PyTorch saves it as a wrapped tensor): x*2 frees too
    this.saves = uses !== 0;
    if (typeof a === 'number') uses &= ~USES_A;
    if (typeof b === 'number') uses &= ~USES_B;
    this.a = uses & USES_A ? (a as TensorBase) : null;
    this.b = uses & USES_B ? (b as TensorBase) : null;
    this.out = uses & USES_OUT ? out : null;
    // mixed dtypes (float32 with a 0-d float64): each gradient returns to its input's dtype
    const outDType = out.dtype;
    const aDType = typeof a === 'number' ? outDType : a.dtype;
    const bDType = typeof b === 'number' ? outDType : b.dtype;
    if (aDType !== outDType || bDType !== outDType) this.dtypes = [aDType, bDType];
    this.aVersion = typeof a === 'number' ? 0 : a.version;
    this.bVersion = typeof b === 'number' ? 0 : b.version;
    this.outVersion = out.version;
  }

  apply(grads: readonly (TensorBase | null)[], ops: GradOps): (TensorBase | null)[] {
    if (this.saves) this.checkNotFreed(); // d(a + b) reads nothing: it runs again, as PyTorch
    const g = grads[0]!;
    const { a, b, out } = this;
    if (a !== null) this.checkVersion(a, this.aVersion);
    if (b !== null) this.checkVersion(b, this.bVersion);
    if (out !== null) this.checkVersion(out, this.outVersion);
    const rule = this.info.rule;
    const wantA = this.needsInputGrad(0);
    const wantB = this.needsInputGrad(1);
    if (
      !isGradEnabled() &&
      isScalarFloat64(g) &&
      (a === null || isScalarFloat64(a)) &&
      (b === null || isScalarFloat64(b)) &&
      (out === null || isScalarFloat64(out)) &&
      g.fw === null &&
      (a === null || a.fw === null) &&
      (b === null || b.fw === null) &&
      (out === null || out.fw === null)
    ) {
      const av = a === null ? this.aNumber : scalarValue(a);
      const bv = b === null ? this.bNumber : scalarValue(b);
      const ov = out === null ? NaN : scalarValue(out);
      const gv = scalarValue(g);
      const shape = g.shape;
      OUT2[0] = wantA
        ? g.wrapScalar(gv * rule.da(NUMBER_ALGEBRA, av, bv, ov), shape, 'float64')
        : null;
      OUT2[1] = wantB
        ? g.wrapScalar(gv * rule.db(NUMBER_ALGEBRA, av, bv, ov), shape, 'float64')
        : null;
      return OUT2;
    }
    const dtype = g.dtype;
    const at = a ?? g.wrapScalar(this.aNumber, [], dtype);
    const bt = b ?? g.wrapScalar(this.bNumber, [], dtype);
    const ot = out ?? g; // never read: the rule did not ask for out
    let ga = wantA ? chain(ops, g, rule.da(ops, at, bt, ot)) : null;
    let gb = wantB ? chain(ops, g, rule.db(ops, at, bt, ot)) : null;
    const dtypes = this.dtypes;
    if (dtypes !== null) {
      if (ga !== null && ga.dtype !== dtypes[0]) ga = ops.cast(ga, dtypes[0]);
      if (gb !== null && gb.dtype !== dtypes[1]) gb = ops.cast(gb, dtypes[1]);
    }
    OUT2[0] = ga;
    OUT2[1] = gb;
    return OUT2;
  }

  override release(): void {
    super.release();
    this.a = null;
    this.b = null;
    this.out = null;
  }
}

/**
 * f(x) for a unary op of the rules table (its name, or its UNARY_INFO entry), recorded when x
 * requires grad.
 */
export function unary<D extends DType>(op: UnaryOp | UnaryInfo, x: TensorBase<D>): TensorBase<D> {
  const info = typeof op === 'string' ? UNARY_INFO[op] : op;
  let out: TensorBase<D>;
  if (x.nd === null) {
    // one element held as a number: compute with the rules' own float64 function
    const dtype = x.scalarDType;
    out = x.wrapScalar(roundTo(dtype, info.value(x.scalar)), x.scalarShape, dtype);
  } else if (isScalarFloat(x)) {
    const dtype = x.nd.dtype;
    out = x.wrapScalar(roundTo(dtype, info.value(scalarValue(x))), x.nd.shape, dtype);
  } else {
    out = x.wrap(ndUnary(info.op, x.nd)) as TensorBase<D>;
  }
  if (x.requiresGradFlag && isGradEnabled()) record(out, new UnaryBackward(info, x, out));
  if (x.fw !== null) propagate(out, [x], info.jvp);
  return out;
}

/**
 * f(a, b) for a binary op of the rules table (its name, or its BINARY_INFO entry); either
 * operand may be a plain number (PyTorch's wrapped scalar: it never widens a float32 tensor,
 * and gets no gradient).
 */
export function binary(
  op: BinaryOp | BinaryInfo,
  a: TensorBase | number,
  b: TensorBase | number,
): TensorBase {
  const info = typeof op === 'string' ? BINARY_INFO[op] : op;
  const like = typeof a === 'number' ? b : a;
  if (typeof like === 'number') {
    throw new TypeError(`${info.op}: at least one operand must be a Tensor, got two numbers`);
  }
  let out = scalarBinary(info, a, b, like);
  if (out === null) {
    const an = typeof a === 'number' ? a : a.data;
    const bn = typeof b === 'number' ? b : b.data;
    out = like.wrap(ndBinary(info.op, an, bn));
  }
  const ra = typeof a !== 'number' && a.requiresGradFlag;
  const rb = typeof b !== 'number' && b.requiresGradFlag;
  if ((ra || rb) && isGradEnabled()) {
    const name = info.op === 'pow' && typeof b !== 'number' ? 'PowBackward1' : info.name;
    const aNumber = typeof a === 'number' ? a : NaN;
    const bNumber = typeof b === 'number' ? b : NaN;
    record(out, new BinaryBackward(name, info, a, b, out, aNumber, bNumber));
  }
  if ((typeof a !== 'number' && a.fw !== null) || (typeof b !== 'number' && b.fw !== null)) {
    propagate(out, [a, b], info.jvp);
  }
  return out;
}

/**
 * The one-element fast path of `binary`: both operands one-element floats of one dtype (or
 * numbers). Null when it does not apply.
 */
function scalarBinary(
  info: BinaryInfo,
  a: TensorBase | number,
  b: TensorBase | number,
  like: TensorBase,
): TensorBase | null {
  if (!isScalarFloat(like)) return null;
  const dtype = like.dtype;
  let shape: Shape = like.shape;
  let av: number;
  let bv: number;
  if (typeof a === 'number') {
    av = roundTo(dtype, a);
    bv = scalarValue(b as TensorBase);
  } else if (typeof b === 'number') {
    av = scalarValue(a);
    bv = roundTo(dtype, b);
  } else {
    if (!isScalarFloat(b) || b.dtype !== dtype) return null;
    av = scalarValue(a);
    bv = scalarValue(b);
    shape = broadcastOnes(a.shape, b.shape);
  }
  return like.wrapScalar(roundTo(dtype, info.value(av, bv)), shape, dtype);
}
