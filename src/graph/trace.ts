import { binaryPrimitive, unaryPrimitive } from './primitives.js';
import { Tape, Value } from './value.js';

/** One step of the backward pass: the node run and the gradients it sent to its inputs. */
export interface BackwardStep {
  node: Value;
  /** ∂output/∂node, the gradient that arrived (summed over every path) */
  upstream: number;
  /** (input, gradient sent) pairs; an input reached twice appears twice */
  sent: { to: Value; gradient: number }[];
}

/** A traced computation: its nodes in the order they ran, its output and its inputs. */
export interface Trace {
  readonly nodes: readonly Value[];
  readonly output: Value;
  readonly inputs: Readonly<Record<string, Value>>;
}

/**
 * Runs `fn` on traced inputs and records the computational graph. The inputs are passed in
 * the order of `point`'s keys.
 * @example
 * const t = trace((x, y) => x.mul(x).add(x.mul(2)).mul(y.log()), { x: 1, y: 2 });
 * backwardPass(t).gradients; // { x: 2.772588722239781, y: 1.5 }
 */
export function trace(
  fn: (...inputs: Value[]) => Value | number,
  point: Record<string, number>,
): Trace {
  const tape = new Tape();
  const inputs: Record<string, Value> = {};
  for (const [name, value] of Object.entries(point)) {
    if (!Number.isFinite(value)) {
      throw new Error(`mibun/graph: input '${name}' is ${value}; give a finite number.`);
    }
    inputs[name] = tape.input(name, value);
  }
  const result = fn(...Object.values(inputs));
  const output = typeof result === 'number' ? tape.constant(result) : result;
  if (output.tape !== tape) {
    throw new Error('mibun/graph: the traced function returned a value from another trace.');
  }
  return { nodes: tape.nodes, output, inputs };
}

/**
 * The backward pass, run node by node from the output back to the inputs, each node's
 * backward taken from its primitive. A value used twice (x in x*x + 2*x) receives a gradient
 * along each path and they are summed, the seed's `dx += …`. Nodes are visited in reverse
 * creation order, which is a topological order, so no recursion is needed.
 */
export function backwardPass(t: Trace): {
  gradients: Record<string, number>;
  steps: BackwardStep[];
  adjoint: Map<Value, number>;
} {
  const adjoint = new Map<Value, number>([[t.output, 1]]);
  const steps: BackwardStep[] = [];
  for (let i = t.output.id; i >= 0; i--) {
    const node = t.nodes[i];
    if (!node) continue;
    const upstream = adjoint.get(node);
    if (upstream === undefined) continue;
    const o = node.origin;
    if (o.kind === 'input' || o.kind === 'constant') continue;
    const sent: BackwardStep['sent'] = [];
    if (o.kind === 'unary') {
      const [g] = unaryPrimitive(o.op).backward(
        { inputs: [o.input.value], output: node.value },
        upstream,
      );
      sent.push({ to: o.input, gradient: g ?? NaN });
    } else {
      const [ga, gb] = binaryPrimitive(o.op).backward(
        { inputs: [o.left.value, o.right.value], output: node.value },
        upstream,
      );
      sent.push({ to: o.left, gradient: ga ?? NaN }, { to: o.right, gradient: gb ?? NaN });
    }
    for (const { to, gradient } of sent) adjoint.set(to, (adjoint.get(to) ?? 0) + gradient);
    steps.push({ node, upstream, sent });
  }
  const gradients: Record<string, number> = {};
  for (const [name, v] of Object.entries(t.inputs)) gradients[name] = adjoint.get(v) ?? 0;
  return { gradients, steps, adjoint };
}
