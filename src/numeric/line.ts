/**
 * One derivative along one line: the stencil applied at each step (adaptive, with Richardson
 * extrapolation) or at the caller's fixed step.
 */
import { adaptiveSequence, initialStep } from './adaptive.js';
import type { BadSample, Companion, Level, LineResult } from './adaptive.js';
import { SAMPLE_ROUNDING } from './constants.js';
import { fixedStep } from './fixedStep.js';
import { checkKink } from './kink.js';
import type { ResolvedOptions } from './options.js';
import type { LineSampler } from './sampler.js';
import { stencil } from './stencil.js';
import type { Stencil } from './stencil.js';

/** Steps scale with |x| (relative steps), but never below 1: near 0 the scale is absolute. */
export function typicalScale(x: number): number {
  return Math.max(Math.abs(x), 1);
}

/**
 * The n-th derivative at line coordinate `s0` of every output of `sampler`. `scale` is the typical
 * size of the coordinate (it sets the first adaptive step); `withError` asks the fixed-step mode
 * for an error estimate, which costs a second stencil.
 */
export function differentiateLine(
  sampler: LineSampler,
  s0: number,
  size: number,
  options: ResolvedOptions,
  scale: number,
  withError: boolean,
): LineResult {
  const rule = stencil(options.n, options.order, options.method);
  const level = stencilLevel(sampler, s0, rule);
  const x = sampler.pointAt(s0);
  const symmetricFirst = rule.n === 1 && rule.exponentStep === 2;
  if (options.h !== undefined) {
    const result = fixedStep(level, size, options.h, withError, x);
    if (withError && symmetricFirst && result.steps.length === 2) {
      addKink(result, checkKink(sampler, s0, result.steps, size));
    }
    return result;
  }
  const first = options.initialStep ?? initialStep(options.n, scale);
  const result = adaptiveSequence(
    level,
    size,
    first,
    rule.order,
    rule.exponentStep,
    x,
    centreCompanion(sampler, s0, rule),
  );
  if (symmetricFirst) addKink(result, checkKink(sampler, s0, result.steps, size));
  return result;
}

/**
 * For a central stencil of odd order n (which skips f(x)): h·D_{n+1}(h), the (n+1)-th derivative
 * stencil on the same points plus f(x), times h. For smooth f it tends to 0 like h (and to half
 * the jump at a kink of f when n = 1: the kink check's S(h)); if f(x) is out of line with the
 * samples around it (a bump narrower than the step) it grows like 1/hⁿ instead.
 */
function centreCompanion(sampler: LineSampler, s0: number, rule: Stencil): Companion | undefined {
  if (rule.exponentStep !== 2 || rule.n % 2 === 0) return undefined;
  const even = stencilLevel(sampler, s0, stencil(rule.n + 1, rule.order, 'central'));
  return {
    level: (h, base, rounding) => {
      const bad = even(h, base, rounding);
      for (let c = 0; c < base.length; c++) {
        base[c]! *= h;
        rounding[c]! *= h;
      }
      return bad;
    },
    exponent: 1,
  };
}

function addKink(result: LineResult, jump: Float64Array | undefined): void {
  if (jump) for (let c = 0; c < jump.length; c++) result.error[c]! += jump[c]!;
}

/** Σ wᵢ f(s0 + oᵢh)/hⁿ per output, with its rounding error ε·Σ|wᵢ f(…)|/hⁿ. */
export function stencilLevel(sampler: LineSampler, s0: number, rule: Stencil): Level {
  const { offsets, weights } = rule;
  // sample the centre first: if f(x) itself is not finite, that is the error to report
  const order = offsets
    .map((_, i) => i)
    .sort((a, b) => Math.abs(offsets[a]!) - Math.abs(offsets[b]!));
  // f(x) is needed at every level: keep it rather than look it up in the sampler's cache
  let centre: Float64Array | undefined;
  return (h, base, rounding) => {
    base.fill(0);
    rounding.fill(0);
    for (const i of order) {
      const s = s0 + offsets[i]! * h;
      const f = s === s0 ? (centre ??= sampler.at(s)) : sampler.at(s);
      const w = weights[i]!;
      for (let c = 0; c < f.length; c++) {
        const v = f[c]!;
        if (!Number.isFinite(v)) {
          return { point: sampler.pointAt(s), value: v, atCentre: s === s0 } satisfies BadSample;
        }
        base[c]! += w * v;
        rounding[c]! += Math.abs(w * v);
      }
    }
    const hn = h ** rule.n;
    for (let c = 0; c < base.length; c++) {
      base[c]! /= hn;
      rounding[c] = (rounding[c]! * SAMPLE_ROUNDING) / hn;
    }
    return undefined;
  };
}
