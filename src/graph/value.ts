import { BINARY_NUMBER, UNARY_NUMBER } from '../rules/index.js';
import type { BinaryOp, UnaryOp } from '../rules/index.js';

/** Where a traced value came from: an input variable, a constant, or an op on earlier values. */
export type Origin =
  | { kind: 'input'; name: string }
  | { kind: 'constant' }
  | { kind: 'unary'; op: UnaryOp; input: Value }
  | { kind: 'binary'; op: BinaryOp; left: Value; right: Value };

/**
 * A scalar that remembers how it was computed (micrograd's `Value`). Arithmetic on Values
 * records a node in the tape they share; the tape is the computational graph.
 */
export class Value {
  /** A name for printing: the input's name, a label you gave, or `v<id>`. */
  label: string;

  constructor(
    readonly tape: Tape,
    readonly id: number,
    readonly value: number,
    readonly origin: Origin,
  ) {
    this.label = origin.kind === 'input' ? origin.name : `v${id}`;
  }

  /** Names this value in explanations and drawings (`c = a + b` instead of `v3 = v1 + v2`). */
  as(label: string): this {
    this.label = label;
    return this;
  }

  add(other: Value | number): Value {
    return this.tape.binary('add', this, other);
  }
  sub(other: Value | number): Value {
    return this.tape.binary('sub', this, other);
  }
  mul(other: Value | number): Value {
    return this.tape.binary('mul', this, other);
  }
  div(other: Value | number): Value {
    return this.tape.binary('div', this, other);
  }
  pow(other: Value | number): Value {
    return this.tape.binary('pow', this, other);
  }
  neg(): Value {
    return this.tape.unary('neg', this);
  }
  exp(): Value {
    return this.tape.unary('exp', this);
  }
  log(): Value {
    return this.tape.unary('log', this);
  }
  sqrt(): Value {
    return this.tape.unary('sqrt', this);
  }
  sin(): Value {
    return this.tape.unary('sin', this);
  }
  cos(): Value {
    return this.tape.unary('cos', this);
  }
  tanh(): Value {
    return this.tape.unary('tanh', this);
  }
  sigmoid(): Value {
    return this.tape.unary('sigmoid', this);
  }
  relu(): Value {
    return this.tape.unary('relu', this);
  }
  /** Any unary op of the rules table by name. */
  apply(op: UnaryOp): Value {
    return this.tape.unary(op, this);
  }
}

/** The record of every value made during one trace, in the order they were made. */
export class Tape {
  readonly nodes: Value[] = [];

  input(name: string, value: number): Value {
    return this.push(value, { kind: 'input', name });
  }

  constant(value: number): Value {
    const v = this.push(value, { kind: 'constant' });
    v.label = String(value);
    return v;
  }

  unary(op: UnaryOp, input: Value): Value {
    return this.push(UNARY_NUMBER[op](input.value), { kind: 'unary', op, input });
  }

  binary(op: BinaryOp, left: Value | number, right: Value | number): Value {
    const l = this.lift(left);
    const r = this.lift(right);
    return this.push(BINARY_NUMBER[op](l.value, r.value), {
      kind: 'binary',
      op,
      left: l,
      right: r,
    });
  }

  private lift(v: Value | number): Value {
    if (typeof v === 'number') return this.constant(v);
    if (v.tape !== this) {
      throw new Error(
        `mibun/graph: value '${v.label}' belongs to another trace; combine values of one trace only.`,
      );
    }
    return v;
  }

  private push(value: number, origin: Origin): Value {
    const v = new Value(this, this.nodes.length, value, origin);
    this.nodes.push(v);
    return v;
  }
}
