/**
 * Forward mode's half of op dispatch: every differentiable op, after computing its output,
 * calls `propagate` when an input carries a tangent (one field check, `x.fw !== null`, keeps
 * the cost off reverse mode). `propagate` runs the op's jvp rule once per live dual level,
 * innermost last:
 *
 *   ṫ = Σᵢ ∂ᵢf · ṫᵢ            (elementwise ops: partials from the rules table)
 *   ṫ = f(ṫ₁, …)                (linear ops: sum, reshape, permute, slicing, cat, gather…)
 *   ṫ = ȧ·b + a·ḃ               (matmul: the product rule)
 *
 * At level L the rule sees the inputs and the output with their tangents of levels below L
 * only (aliases, see `below`), and its result carries only those: the nesting of JAX's jvp of
 * jvp, where each level's tangent is itself differentiated by the levels outside it. Rules are
 * written with ordinary recorded tensor ops, so reverse mode differentiates tangents too.
 */
import type { TangentEntry, TensorBase } from '../node.js';
import type { DualLevel } from './level.js';

/** An op input as the ops take it: a tensor, a plain number, or absent. */
export type JvpInput = TensorBase | number | null;

/**
 * The jvp rule of one op at one level: the output's tangent from the inputs' tangents
 * (`tangents[i]` null where input i has none: a zero tangent), the inputs and the output.
 * Returns null when the tangent is zero.
 */
export type JvpRule = (
  tangents: readonly (TensorBase | null)[],
  inputs: readonly JvpInput[],
  out: TensorBase,
) => TensorBase | null;

/** The tangent of `t` at `level`, or null (a zero tangent). */
export function tangentAt(t: TensorBase, level: DualLevel): TensorBase | null {
  const fw = t.fw;
  if (fw === null) return null;
  for (let i = fw.length - 1; i >= 0; i--) {
    const e = fw[i]!;
    if (e.level === level) return level.alive ? e.tangent : null;
  }
  return null;
}

/** Whether `t` carries a tangent of a level that is still open. */
export function hasTangent(t: TensorBase): boolean {
  const fw = t.fw;
  if (fw === null) return false;
  for (let i = 0; i < fw.length; i++) if (fw[i]!.level.alive) return true;
  return false;
}

/** The live entries of `t` below `level` (all of them when level is null). */
function liveBelow(fw: readonly TangentEntry[], level: DualLevel | null): TangentEntry[] {
  const out: TangentEntry[] = [];
  for (const e of fw) if (e.level.alive && (level === null || e.level.id < level.id)) out.push(e);
  return out;
}

/**
 * A tensor with `t`'s values and backward history and only the given tangents (`t` itself when
 * they are the ones it has): what forward mode calls "t at the levels below L".
 */
export function aliasWith(t: TensorBase, fw: readonly TangentEntry[] | null): TensorBase {
  const a = t.nd === null ? t.wrapScalar(t.scalar, t.scalarShape, t.scalarDType) : t.wrap(t.nd);
  a.shareHistory(t);
  a.fw = fw === null || fw.length === 0 ? null : fw;
  return a;
}

/** `t` with only its tangents of live levels below `level` (t itself if it has no others). */
export function below(t: TensorBase, level: DualLevel): TensorBase {
  const fw = t.fw;
  if (fw === null) return t;
  let keep = true;
  for (const e of fw) if (e.level.id >= level.id || !e.level.alive) keep = false;
  return keep ? t : aliasWith(t, liveBelow(fw, level));
}

/** `t` without its tangent at `level` (the other live ones kept). */
export function without(t: TensorBase, level: DualLevel): TensorBase {
  const fw = t.fw;
  if (fw === null) return t;
  return aliasWith(
    t,
    fw.filter((e) => e.level !== level && e.level.alive),
  );
}

/** Adds (or replaces) `t`'s tangent at `level`, keeping the entries sorted by level. */
export function setTangent(t: TensorBase, level: DualLevel, tangent: TensorBase): void {
  const fw = t.fw === null ? [] : t.fw.filter((e) => e.level !== level && e.level.alive);
  let at = fw.length;
  while (at > 0 && fw[at - 1]!.level.id > level.id) at--;
  fw.splice(at, 0, { level, tangent });
  t.fw = fw;
}

/** The live levels that any of `inputs` carries a tangent at, outermost (smallest id) first. */
function levelsOf(inputs: readonly JvpInput[]): DualLevel[] {
  const levels: DualLevel[] = [];
  for (const x of inputs) {
    if (x === null || typeof x === 'number' || x.fw === null) continue;
    for (const e of x.fw) if (e.level.alive && !levels.includes(e.level)) levels.push(e.level);
  }
  return levels.length > 1 ? levels.sort((a, b) => a.id - b.id) : levels;
}

/**
 * Gives `out` its tangent at each live level its inputs carry one at, computed by `rule`
 * (see the file's comment). Levels are done outermost first, so that when the rule for level L
 * runs, `out` already carries exactly its tangents below L.
 */
export function propagate(out: TensorBase, inputs: readonly JvpInput[], rule: JvpRule): void {
  const levels = levelsOf(inputs);
  for (const level of levels) {
    const tangents = inputs.map((x) =>
      x === null || typeof x === 'number' ? null : tangentAt(x, level),
    );
    const seen = inputs.map((x) => (x === null || typeof x === 'number' ? x : below(x, level)));
    const t = rule(tangents, seen, out);
    if (t !== null) setTangent(out, level, below(t, level));
  }
}

/** Whether any input carries a tangent field (stale ones are sorted out by `propagate`). */
export function anyDual(inputs: readonly JvpInput[]): boolean {
  for (const x of inputs) if (x !== null && typeof x !== 'number' && x.fw !== null) return true;
  return false;
}

/**
 * A new leaf with `t`'s values and tangents but none of its backward history: where a
 * transform starts a reverse pass of its own (mibun/func's grad) on a tensor that may carry
 * tangents of an enclosing jvp.
 */
export function detachKeepingTangents<T extends TensorBase>(t: T): T {
  const a = (
    t.nd === null ? t.wrapScalar(t.scalar, t.scalarShape, t.scalarDType) : t.wrap(t.nd)
  ) as T;
  a.viewOf = t.viewOf ?? t;
  a.fw = t.fw;
  return a;
}
