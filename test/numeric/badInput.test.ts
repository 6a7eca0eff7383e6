import { describe, expect, it } from 'vitest';
import {
  InvalidOptionError,
  InvalidPointError,
  LengthMismatchError,
  NonFiniteValueError,
  NotANumberError,
  NumericError,
  OutputLengthError,
  derivative,
  derivativeEstimate,
  directionalDerivative,
  gradient,
  hessian,
  jacobian,
  numerDeriv,
} from '../../src/numeric/index.js';
import type { Method } from '../../src/numeric/index.js';

/** Runs `fn`, expects it to throw an instance of `cls`, and returns the error. */
function thrown<E extends Error>(fn: () => unknown, cls: new (...args: never[]) => E): E {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(cls);
    expect(e).toBeInstanceOf(NumericError);
    return e as E;
  }
  throw new Error('expected an error');
}

describe('invalid arguments name the problem', () => {
  it('a non-finite x', () => {
    for (const x of [NaN, Infinity, -Infinity]) {
      const e = thrown(() => derivative(Math.sin, x), InvalidPointError);
      expect(e.x).toBe(x);
      expect(e.message).toContain('finite number');
    }
    const e = thrown(() => gradient((v) => v[0]!, [1, NaN, 3]), InvalidPointError);
    expect(e.index).toBe(1);
    expect(e.message).toContain('coordinate 1 is NaN');
    expect(thrown(() => gradient((v) => v[0]!, 5 as never), InvalidPointError).message).toContain(
      'array or Float64Array',
    );
  });

  it('h <= 0 or not finite', () => {
    for (const h of [0, -1e-3, NaN, Infinity]) {
      const e = thrown(() => derivative(Math.sin, 1, { h }), InvalidOptionError);
      expect(e.option).toBe('h');
      expect(e.value).toBe(h);
      expect(e.message).toContain('Invalid option h');
    }
    expect(thrown(() => numerDeriv(Math.sin, 1, 0), InvalidOptionError).option).toBe('h');
    expect(
      thrown(() => derivative(Math.sin, 1, { initialStep: -1 }), InvalidOptionError).option,
    ).toBe('initialStep');
  });

  it('an unknown method', () => {
    const e = thrown(
      () => derivative(Math.sin, 1, { method: 'centre' as Method }),
      InvalidOptionError,
    );
    expect(e.option).toBe('method');
    expect(e.message).toContain("'central', 'forward' or 'backward'");
    const s = thrown(
      () => numerDeriv(Math.sin, 1, 0.001, 'central' as 'center'),
      InvalidOptionError,
    );
    expect(s.message).toContain("'center' or 'forward'");
  });

  it('an order or n out of range', () => {
    expect(thrown(() => derivative(Math.sin, 1, { order: 3 }), InvalidOptionError).option).toBe(
      'order',
    );
    expect(thrown(() => derivative(Math.sin, 1, { order: 10 }), InvalidOptionError).option).toBe(
      'order',
    );
    expect(thrown(() => derivative(Math.sin, 1, { n: 5 }), InvalidOptionError).option).toBe('n');
    expect(thrown(() => derivative(Math.sin, 1, { n: 1.5 }), InvalidOptionError).option).toBe('n');
    expect(thrown(() => hessian((v) => v[0]!, [1], { n: 1 }), InvalidOptionError).option).toBe('n');
    // one-sided stencils accept odd orders
    expect(Math.abs(derivative(Math.exp, 0, { method: 'forward', order: 3 }) - 1)).toBeLessThan(
      1e-10,
    );
  });

  it('a Jacobian whose output length changes between calls', () => {
    let calls = 0;
    const e = thrown(
      () => jacobian((v) => (++calls > 3 ? [v[0]!, v[1]!, 0] : [v[0]!, v[1]!]), [1, 2]),
      OutputLengthError,
    );
    expect(e.expected).toBe(2);
    expect(e.actual).toBe(3);
    expect(e.point).toHaveLength(2);
    expect(e.message).toContain('same length every time');
  });

  it('a direction of the wrong length', () => {
    const e = thrown(() => directionalDerivative((v) => v[0]!, [1, 2], [1]), LengthMismatchError);
    expect(e.message).toBe('direction v has length 1, expected 2.');
  });
});

describe('bad function values', () => {
  it('a non-number result is an error at once', () => {
    const e = thrown(() => derivative(() => 'oops' as unknown as number, 1), NotANumberError);
    expect(e.value).toBe('oops');
    expect(e.message).toContain('returned "oops" (a string)');
    thrown(() => derivative(() => undefined as unknown as number, 1), NotANumberError);
    thrown(() => gradient(() => 1n as unknown as number, [1]), NotANumberError);
    thrown(() => jacobian(() => [1, '2'] as unknown as number[], [1]), NotANumberError);
    thrown(() => jacobian(() => 3 as unknown as number[], [1]), NotANumberError);
  });

  it('NaN at every step (sqrt or log at 0, central) is an error naming the point and steps', () => {
    const e = thrown(() => derivative(Math.sqrt, 0), NonFiniteValueError);
    expect(e.value).toBeNaN();
    expect(e.point).toBeLessThan(0);
    expect(e.smallestStep).toBeLessThan(1e-10);
    expect(e.message).toContain("method 'forward'");
    thrown(() => derivative(Math.log, 0), NonFiniteValueError);
  });

  it('NaN at large steps only (outside the domain) is skipped by shrinking the step', () => {
    // log near 0: the first steps reach x < 0; d/dx log x = 1/x
    const e = derivativeEstimate(Math.log, 1e-3);
    expect(Math.abs(e.value - 1e3)).toBeLessThan(1e-8);
    expect(Math.abs(e.value - 1e3)).toBeLessThanOrEqual(e.error);
    // and at the edge of the domain a one-sided method works: d/dx sqrt(x) at 1 from the right
    expect(
      Math.abs(derivative((x) => (x < 1 ? NaN : Math.sqrt(x)), 1, { method: 'forward' }) - 0.5),
    ).toBeLessThan(1e-10);
  });

  it('f(x) not finite where the stencil needs it is an error with step 0', () => {
    const e = thrown(() => derivative(() => Infinity, 1, { n: 2 }), NonFiniteValueError);
    expect(e.step).toBe(0);
    expect(e.point).toBe(1);
  });

  it('a removable NaN at x itself does not matter to a central first derivative', () => {
    // sin(x)/x is NaN at 0 but its derivative there is 0
    const e = derivativeEstimate((x) => Math.sin(x) / x, 0);
    expect(Math.abs(e.value)).toBeLessThan(1e-14);
    expect(e.error).toBeLessThan(1e-12);
  });

  it('a fixed step that reaches a non-finite value is an error with that step', () => {
    const e = thrown(() => derivative(Math.log, 1e-4, { h: 1e-3 }), NonFiniteValueError);
    expect(e.step).toBe(1e-3);
    expect(e.smallestStep).toBeUndefined();
    expect(e.message).toContain('fixed step h = 0.001');
    thrown(() => numerDeriv(Math.log, 1e-4), NonFiniteValueError);
  });

  it('a vector function that is NaN everywhere off x names the coordinate point', () => {
    const e = thrown(
      () => gradient((v) => (v[0] === 1 && v[1] === 2 ? 0 : NaN), [1, 2]),
      NonFiniteValueError,
    );
    expect(e.x).toEqual([1, 2]);
    expect(Array.isArray(e.point)).toBe(true);
  });
});

describe('non-differentiable points give large errors, not confident answers', () => {
  it('|x| at 0: value 0, error 1 (half the jump between the one-sided slopes ±1)', () => {
    const e = derivativeEstimate(Math.abs, 0);
    expect(e.value).toBe(0);
    expect(e.error).toBeGreaterThanOrEqual(1);
    // also with a fixed step, and in a gradient
    expect(derivativeEstimate(Math.abs, 0, { h: 1e-3 }).error).toBeGreaterThanOrEqual(1);
    const g = gradient((v) => Math.abs(v[0]!) + v[1]!, [0, 1]);
    expect(g).toEqual([0, expect.closeTo(1, 12)]);
  });

  it('relu at 0: error 0.5 around the value 0.5', () => {
    const e = derivativeEstimate((x) => Math.max(0, x), 0);
    expect(e.error).toBeGreaterThanOrEqual(0.5);
  });

  it('a jump or a pole: error comparable to the value', () => {
    for (const f of [(x: number) => (x >= 0 ? 1 : 0), Math.sign, (x: number) => 1 / x]) {
      const e = derivativeEstimate(f, 0);
      expect(e.error).toBeGreaterThan(0.5 * Math.abs(e.value));
      expect(e.error).toBeGreaterThan(1);
    }
  });

  it('|x| just off the kink is differentiable, and the answer is confident', () => {
    // d/dx |x| = 1 at 1e-3: steps shrink below the distance to the kink
    const e = derivativeEstimate(Math.abs, 1e-3);
    expect(Math.abs(e.value - 1)).toBeLessThan(1e-14);
    expect(e.error).toBeLessThan(1e-10);
  });

  it('one-sided methods give the one-sided derivatives of |x| at 0', () => {
    expect(derivative(Math.abs, 0, { method: 'forward' })).toBeCloseTo(1, 12);
    expect(derivative(Math.abs, 0, { method: 'backward' })).toBeCloseTo(-1, 12);
  });
});
