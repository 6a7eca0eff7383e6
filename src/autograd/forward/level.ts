/**
 * Dual levels of forward-mode AD (PyTorch's `torch.autograd.forward_ad` levels, JAX's
 * interpreter levels). A tangent belongs to the level that `makeDual` created it at; levels
 * nest, the innermost is the current one, and a tangent of a level that has been exited is
 * ignored everywhere (so tensors need not be visited when a level ends).
 *
 * Distinct levels keep nested derivatives apart (no "perturbation confusion"): an inner jvp's
 * tangents never mix with an outer one's, even when the inner function closes over tensors
 * that carry the outer tangent.
 */

/** One dual level; `id`s increase, so an inner level always has the larger id. */
export class DualLevel {
  private static nextId = 1;
  readonly id: number;
  /** false once the level was exited: its tangents are ignored from then on */
  alive = true;

  constructor() {
    this.id = DualLevel.nextId++;
  }

  toString(): string {
    return `DualLevel(${this.id}${this.alive ? '' : ', exited'})`;
  }
}

const stack: DualLevel[] = [];

/** The innermost level that is open, or null outside every `dualLevel`. */
export function currentLevel(): DualLevel | null {
  return stack[stack.length - 1] ?? null;
}

/** Opens a new innermost level (PyTorch's `enter_dual_level`). Prefer `dualLevel(fn)`. */
export function enterDualLevel(): DualLevel {
  const level = new DualLevel();
  stack.push(level);
  return level;
}

/**
 * Closes `level` and every level opened inside it (PyTorch's `exit_dual_level`); their
 * tangents are forgotten.
 */
export function exitDualLevel(level: DualLevel): void {
  const at = stack.indexOf(level);
  if (at < 0) return;
  for (let i = stack.length - 1; i >= at; i--) stack[i]!.alive = false;
  stack.length = at;
}

/**
 * Runs `fn` inside a new dual level and closes it afterwards, even if `fn` throws (PyTorch's
 * `with fwAD.dual_level():`). Levels nest: a `dualLevel` inside another is a new, independent
 * direction of differentiation.
 *
 * @example
 * dualLevel(() => {
 *   const x = makeDual(tensor([1, 2]), tensor([1, 0]));
 *   unpackDual(x.sin()).tangent; // tensor([0.5403, 0.])
 * });
 */
export function dualLevel<R>(fn: (level: DualLevel) => R): R {
  const level = enterDualLevel();
  try {
    return fn(level);
  } finally {
    exitDualLevel(level);
  }
}
