/**
 * The backward pass. Iterative from start to end (no recursion: a chain of a million ops is a
 * loop of a million steps, not a million stack frames):
 *
 * 1. walk the graph from the roots and count, for each node, the edges that reach it;
 * 2. when only some gradients are wanted (grad()'s inputs), mark the nodes that lead to them
 *    (in the same walk: a depth-first search that finishes a node after all those it feeds);
 * 3. run the nodes in topological order (Kahn's algorithm): a node runs once every node that
 *    feeds it has run, so the gradients arriving along different paths are summed first (the
 *    seed's `dx += …`); each returned gradient is summed back to its input's shape when the op
 *    broadcast it (ḡᵢ += sumToShape(ḡ · ∂ᵢf, shapeᵢ): the one place broadcasting is undone).
 */
import { isAnomalyEnabled } from './anomaly.js';
import { AnomalyError, GraphError } from './errors.js';
import { setGradEnabled } from './gradMode.js';
import type { GradOps, Node, TensorBase } from './node.js';
import { AccumulateGrad, ownCopy } from './node.js';

export interface EngineOptions {
  /** keep saved values so that the graph can be run again */
  retainGraph: boolean;
  /** record the backward pass (higher derivatives) */
  createGraph: boolean;
}

let lastEpoch = 0;
/** How many passes are running (a hook may start one inside another). */
let depth = 0;
const NO_CAPTURES: (TensorBase | null)[] = [];
/** The outermost pass hands a one-output node its gradient in this array. */
const GRADS1: (TensorBase | null)[] = [null];

/**
 * Runs the backward pass from `roots` (each seeded with its gradient at output `rootSlots[i]`).
 * Without targets, every node runs and leaves accumulate into `.grad`. With targets, only the
 * nodes that lead to a target run, and the gradient reaching each target tensor (at output
 * `outputNr` of its gradFn, or at a leaf's sink) is returned, null for a target the roots do
 * not depend on; no `.grad` changes. Targets must require grad (the caller checks).
 */
export function execute(
  roots: readonly Node[],
  rootSlots: readonly number[],
  rootGrads: readonly TensorBase[],
  targets: readonly TensorBase[] | null,
  options: EngineOptions,
  ops: GradOps,
): (TensorBase | null)[] {
  const epoch = ++lastEpoch;
  const outermost = depth++ === 0;
  // fresh arrays: reusing module-level (old-generation) ones costs more in write barriers,
  // each store of a young node into them, than allocating these two
  const visited: Node[] = [];
  const ready: Node[] = [];
  const captured: (TensorBase | null)[] = targets === null ? NO_CAPTURES : nulls(targets.length);
  const previousMode = setGradEnabled(options.createGraph);
  try {
    if (targets === null) {
      countDependencies(roots, epoch, visited, ready);
      for (let i = 0; i < visited.length; i++) visited[i]!.needed = true;
    } else {
      markTargets(targets);
      countAndMarkNeeded(roots, epoch, visited, ready, []);
    }
    for (let i = 0; i < roots.length; i++) {
      const root = roots[i]!;
      if (!root.needed) continue;
      addToBuffer(root, rootSlots[i]!, rootGrads[i]!, ops);
    }
    for (let i = 0; i < roots.length; i++) {
      const root = roots[i]!;
      // a root that another root feeds waits for it, like any other node
      if (root.needed && root.pending === 0 && root.epoch === epoch) {
        root.pending = -1; // queued once even when it appears among the roots twice
        ready.push(root);
      }
    }
    const anomaly = isAnomalyEnabled();
    const execAll = targets === null;
    while (ready.length > 0) {
      const node = ready.pop()!;
      let grads: (TensorBase | null)[];
      if (node.numOutputs === 1) {
        grads = outermost ? GRADS1 : [null];
        grads[0] = node.grad0;
        node.grad0 = null;
      } else {
        grads = node.buffer ?? emptyBuffer(node.numOutputs);
        node.buffer = null;
      }
      if (node.preHooks !== null) runHooks(node, grads);
      if (node.retained !== null) retain(node, grads, ops);
      const captures = node.captures;
      if (captures !== null) {
        for (let c = 0; c < captures.length; c += 2) {
          captured[captures[c + 1]!] = grads[captures[c]!] ?? null;
        }
      }
      // a node runs when a wanted gradient lies behind it; leaves' sinks run in backward()
      const runs = execAll || (!(node instanceof AccumulateGrad) && leadsOn(node));
      if (!runs) continue;
      const outputs = hasAny(grads) ? node.apply(grads, ops) : null;
      if (!options.retainGraph) node.release();
      if (outputs !== null && anomaly) checkNaN(node, outputs);
      const next = node.next;
      for (let i = 0; i < next.length; i++) {
        const to = next[i];
        if (to === null || to === undefined || !to.needed) continue;
        const g = outputs === null ? null : (outputs[i] ?? null);
        if (g !== null) {
          outputs![i] = null; // nodes may hand back a reused array: keep nothing in it
          const shapes = node.inputShapes;
          const shape = shapes === null ? null : (shapes[i] ?? null);
          addToBuffer(
            to,
            node.nextSlot === null ? 0 : node.nextSlot[i]!,
            shape === null ? g : ops.sumToShape(g, shape),
            ops,
          );
        }
        if (--to.pending === 0) ready.push(to);
      }
    }
    return captured;
  } finally {
    setGradEnabled(previousMode);
    if (targets !== null) unmarkTargets(targets);
    for (let i = 0; i < visited.length; i++) {
      const n = visited[i]!;
      n.epoch = 0;
      n.pending = 0;
      n.needed = false;
      n.grad0 = null;
      n.buffer = null;
      n.captures = null;
    }
    GRADS1[0] = null;
    depth--;
  }
}

/**
 * Visits every node reachable from the roots once, counting the edges into each; every node
 * is needed (backward() runs the whole graph).
 */
function countDependencies(
  roots: readonly Node[],
  epoch: number,
  visited: Node[],
  stack: Node[],
): void {
  for (let r = 0; r < roots.length; r++) {
    const root = roots[r]!;
    if (root.epoch === epoch) continue;
    claim(root, epoch);
    visited.push(root);
    stack.push(root);
  }
  while (stack.length > 0) {
    const node = stack.pop()!;
    const next = node.next;
    for (let i = 0; i < next.length; i++) {
      const to = next[i];
      if (to === null || to === undefined) continue;
      to.pending++;
      if (to.epoch !== epoch) {
        claim(to, epoch);
        visited.push(to);
        stack.push(to);
      }
    }
  }
}

/**
 * Counts the edges into each reachable node as countDependencies does, and marks the nodes
 * a gradient must pass through: the (already marked) targets and every node with an edge to
 * a marked node. An iterative depth-first search (`cursors[k]` is where `stack[k]` is in its
 * edge list) finishes a node after every node it feeds, so one walk marks them all: a
 * finished node that is needed marks the node that reached it, and an edge to a node finished
 * earlier marks its tail at once (the graph is acyclic, so a visited node is a finished one).
 */
function countAndMarkNeeded(
  roots: readonly Node[],
  epoch: number,
  visited: Node[],
  stack: Node[],
  cursors: number[],
): void {
  for (let r = 0; r < roots.length; r++) {
    const root = roots[r]!;
    if (root.epoch === epoch) continue;
    claim(root, epoch);
    visited.push(root);
    stack.push(root);
    cursors.push(0);
    while (stack.length > 0) {
      const top = stack.length - 1;
      const node = stack[top]!;
      const next = node.next;
      let i = cursors[top]!;
      let descended = false;
      while (i < next.length) {
        const to = next[i++];
        if (to === null || to === undefined) continue;
        to.pending++;
        if (to.epoch !== epoch) {
          claim(to, epoch);
          visited.push(to);
          cursors[top] = i;
          stack.push(to);
          cursors.push(0);
          descended = true;
          break;
        }
        if (to.needed) node.needed = true;
      }
      if (descended) continue;
      stack.pop();
      cursors.pop();
      if (node.needed && top > 0) stack[top - 1]!.needed = true;
    }
  }
}

function claim(node: Node, epoch: number): void {
  if (node.epoch !== 0) {
    throw new GraphError(
      'reentrant',
      `${node.name} is already part of a backward pass that is running. Fix: do not call ` +
        'backward or grad on a graph from inside a hook or custom backward of that same graph.',
    );
  }
  node.epoch = epoch;
}

/**
 * Marks each target's node as needed and asks for its gradient to be captured. A node that
 * another running pass holds (epoch set) is left alone: if this pass's roots reach it, claim()
 * reports the reentrant call; if not, its gradient stays null.
 */
function markTargets(targets: readonly TensorBase[]): void {
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    const node = targetNode(t);
    if (node.epoch !== 0) continue;
    node.needed = true;
    const slot = t.gradFn === null ? 0 : t.outputNr;
    if (node.captures === null) node.captures = [slot, i];
    else node.captures.push(slot, i);
  }
}

/** Where a target's gradient arrives: its gradFn, or a leaf's sink. */
function targetNode(t: TensorBase): Node {
  return t.gradFn ?? t.gradAccumulator();
}

/** Clears what markTargets set on targets the roots did not reach (the others are visited). */
function unmarkTargets(targets: readonly TensorBase[]): void {
  for (let i = 0; i < targets.length; i++) {
    const node = targetNode(targets[i]!);
    if (node.epoch !== 0) continue;
    node.needed = false;
    node.captures = null;
  }
}

function leadsOn(node: Node): boolean {
  const next = node.next;
  for (let i = 0; i < next.length; i++) if (next[i]?.needed) return true;
  return false;
}

function addToBuffer(node: Node, slot: number, g: TensorBase, ops: GradOps): void {
  if (node.numOutputs === 1) {
    const old = node.grad0;
    node.grad0 = old === null ? g : ops.add(old, g);
    return;
  }
  let buffer = node.buffer;
  if (buffer === null) {
    buffer = emptyBuffer(node.numOutputs);
    node.buffer = buffer;
  }
  const old = buffer[slot] ?? null;
  buffer[slot] = old === null ? g : ops.add(old, g);
}

/** n nulls in a packed array (`new Array(n)` is holey, and stays so after `fill`). */
function nulls(n: number): (TensorBase | null)[] {
  const out: (TensorBase | null)[] = [];
  for (let i = 0; i < n; i++) out.push(null);
  return out;
}

function emptyBuffer(n: number): (TensorBase | null)[] {
  return new Array<TensorBase | null>(n).fill(null);
}

function hasAny(grads: readonly (TensorBase | null)[]): boolean {
  for (let i = 0; i < grads.length; i++) if (grads[i] !== null) return true;
  return false;
}

/** Runs the tensor hooks registered on each output; a hook may replace the gradient. */
function runHooks(node: Node, grads: (TensorBase | null)[]): void {
  const hooks = node.preHooks!;
  for (let slot = 0; slot < hooks.length; slot++) {
    const list = hooks[slot];
    if (!list) continue;
    for (const { fn } of list.slice()) {
      const g = grads[slot];
      if (g === null || g === undefined) break;
      const replaced = fn(g);
      if (replaced) grads[slot] = replaced;
    }
  }
}

/** Adds each output's gradient into the `.grad` of the non-leaf that called retainGrad(). */
function retain(node: Node, grads: readonly (TensorBase | null)[], ops: GradOps): void {
  const retained = node.retained!;
  for (let slot = 0; slot < retained.length; slot++) {
    const t = retained[slot];
    const g = grads[slot];
    if (!t || !g) continue;
    t.gradValue = t.gradValue === null ? ownCopy(g) : ops.add(t.gradValue, g);
  }
}

function checkNaN(node: Node, outputs: readonly (TensorBase | null)[]): void {
  for (let i = 0; i < outputs.length; i++) {
    const g = outputs[i];
    if (g && hasNaN(g)) throw new AnomalyError(node.name, i, node.trace ?? '(not recorded)');
  }
}

function hasNaN(t: TensorBase): boolean {
  if (t.nd === null) return t.scalar !== t.scalar;
  const values = t.nd.data;
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}
