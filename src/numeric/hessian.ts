/**
 * Hessians: the diagonal as second derivatives along each coordinate; each mixed partial
 * ∂²f/∂xᵢ∂xⱼ from the product of two first-derivative stencils,
 *   Σₐ Σ_b wₐ w_b f(x + a·hᵢeᵢ + b·hⱼeⱼ) / (hᵢhⱼ)
 * (central, order 2: [f(++) − f(+−) − f(−+) + f(−−)] / 4hᵢhⱼ), whose error has the same powers
 * of the step as the 1-D stencil, so the same Richardson extrapolation applies with hᵢ and hⱼ
 * shrinking together.
 */
import { adaptiveSequence, initialStep } from './adaptive.js';
import type { Companion, Level, LineResult } from './adaptive.js';
import { SAMPLE_ROUNDING } from './constants.js';
import { InvalidOptionError } from './errors.js';
import { fixedStep } from './fixedStep.js';
import { differentiateLine, typicalScale } from './line.js';
import type { ResolvedOptions } from './options.js';
import { checkVector, resolveOptions } from './options.js';
import { VectorSampler } from './sampler.js';
import { stencil } from './stencil.js';
import type { Stencil } from './stencil.js';
import type { DerivativeOptions, MatrixEstimate, Vector } from './types.js';

/**
 * The Hessian H[i][j] = ∂²f/∂xᵢ∂xⱼ (symmetric: each mixed partial is computed once). Options are
 * those of `derivative` except `n`, which is 2 by definition.
 *
 * @example
 * hessian((v) => v[0] ** 2 * v[1], [1, 2]); // [[4, 2], [2, 0]]
 */
export function hessian<V extends Vector>(
  f: (x: V) => number,
  x: V,
  options?: DerivativeOptions,
): number[][] {
  return run(f, x, options, false).value;
}

/** As `hessian`, with error estimates and steps per entry and the total count of calls. */
export function hessianEstimate<V extends Vector>(
  f: (x: V) => number,
  x: V,
  options?: DerivativeOptions,
): MatrixEstimate {
  return run(f, x, options, true);
}

function run<V extends Vector>(
  f: (x: V) => number,
  x: V,
  options: DerivativeOptions | undefined,
  withError: boolean,
): MatrixEstimate {
  if (options?.n !== undefined && options.n !== 2) {
    throw new InvalidOptionError('n', options.n, 'nothing (a Hessian is a second derivative)');
  }
  const x0 = checkVector(x);
  const opts = resolveOptions({ ...options, n: 2 });
  const sampler = new VectorSampler(f, x0, Array.isArray(x), false);
  const d = x0.length;
  const value = square(d);
  const error = square(d);
  const step = square(d);
  const firstRule = stencil(1, opts.order, opts.method);
  for (let i = 0; i < d; i++) {
    const xi = x0[i]!;
    const r = differentiateLine(sampler.coordinate(i), xi, 1, opts, typicalScale(xi), withError);
    value[i]![i] = r.value[0]!;
    error[i]![i] = r.error[0]!;
    step[i]![i] = r.step[0]!;
    for (let j = 0; j < i; j++) {
      const m = mixedPartial(sampler, x0, j, i, firstRule, opts, withError);
      value[i]![j] = value[j]![i] = m.value[0]!;
      error[i]![j] = error[j]![i] = m.error[0]!;
      step[i]![j] = step[j]![i] = m.step[0]!;
    }
  }
  return { value, error, evaluations: sampler.evaluations, step };
}

function mixedPartial<V extends Vector>(
  sampler: VectorSampler<V>,
  x0: Float64Array,
  i: number,
  j: number,
  rule: Stencil,
  opts: ResolvedOptions,
  withError: boolean,
): LineResult {
  const xi = x0[i]!;
  const xj = x0[j]!;
  const point = Array.from(x0);
  if (opts.h !== undefined) {
    const { level } = mixedLevels(sampler, x0, i, j, rule, 1, 1);
    return fixedStep(level, 1, opts.h, withError, point);
  }
  // hᵢ = t·Hᵢ and hⱼ = t·Hⱼ with t = 1, 1/2, 1/4…; the reported step is the larger of the two
  const hi = opts.initialStep ?? initialStep(2, typicalScale(xi));
  const hj = opts.initialStep ?? initialStep(2, typicalScale(xj));
  const levels = mixedLevels(sampler, x0, i, j, rule, hi, hj);
  // a central product stencil skips f(x); one-sided ones include it
  const companion: Companion | undefined =
    rule.exponentStep === 2 ? { level: levels.companion, exponent: 2 } : undefined;
  const level = levels.level;
  const r = adaptiveSequence(level, 1, 1, rule.order, rule.exponentStep, point, companion);
  r.step[0] = r.step[0]! * Math.max(hi, hj);
  return r;
}

/**
 * The product stencil at hᵢ = t·ri, hⱼ = t·rj (i < j), and its regime companion
 *   Σₐ Σ_b |wₐ w_b| (f(x + a·hᵢeᵢ + b·hⱼeⱼ) − f(x)) / (hᵢhⱼ)
 * from the same samples plus f(x). The offsets are symmetric, so odd powers of t cancel in the
 * companion and it tends to a finite limit (a mix of f's second derivatives) with error O(t²); a
 * bump around x narrower than the steps makes it grow like 1/t² instead, where the central mixed
 * stencil itself (offsets ±1 in both coordinates for order 2) sees only zeros.
 */
function mixedLevels<V extends Vector>(
  sampler: VectorSampler<V>,
  x0: Float64Array,
  i: number,
  j: number,
  rule: Stencil,
  ri: number,
  rj: number,
): { level: Level; companion: Level } {
  const { offsets, weights } = rule;
  const xi = x0[i]!;
  const xj = x0[j]!;
  // the companion's sums over the samples of the last step `level` ran: Σ|w|·v, Σ|w|·|v|, Σ|w|
  let sideStep = NaN;
  let sideSum = 0;
  let sideAbs = 0;
  let sideWeight = 0;
  let f0: number | undefined;
  const level: Level = (t, base, rounding) => {
    const hi = t * ri;
    const hj = t * rj;
    let sum = 0;
    let abs = 0;
    sideStep = NaN;
    sideSum = sideAbs = sideWeight = 0;
    for (let a = 0; a < offsets.length; a++) {
      for (let b = 0; b < offsets.length; b++) {
        const change: [number, number][] = [
          [i, xi + offsets[a]! * hi],
          [j, xj + offsets[b]! * hj],
        ];
        const v = sampler.at(change)[0]!;
        if (!Number.isFinite(v)) {
          const atCentre = offsets[a] === 0 && offsets[b] === 0;
          return { point: sampler.pointOf(change), value: v, atCentre };
        }
        const w = weights[a]! * weights[b]!;
        sum += w * v;
        abs += Math.abs(w * v);
        sideSum += Math.abs(w) * v;
        sideAbs += Math.abs(w * v);
        sideWeight += Math.abs(w);
      }
    }
    sideStep = t;
    base[0] = sum / (hi * hj);
    rounding[0] = (abs * SAMPLE_ROUNDING) / (hi * hj);
    return undefined;
  };
  const companion: Level = (t, base, rounding) => {
    f0 ??= sampler.at([])[0]!;
    if (!Number.isFinite(f0)) return { point: Array.from(x0), value: f0, atCentre: true };
    // adaptiveSequence runs the companion right after the level, at the same step
    if (sideStep !== t) {
      const bad = level(t, base, rounding);
      if (bad) return bad;
    }
    const area = t * ri * (t * rj);
    base[0] = (sideSum - sideWeight * f0) / area;
    rounding[0] = ((sideAbs + sideWeight * Math.abs(f0)) * SAMPLE_ROUNDING) / area;
    return undefined;
  };
  return { level, companion };
}

function square(d: number): number[][] {
  return Array.from({ length: d }, () => new Array<number>(d).fill(0));
}
