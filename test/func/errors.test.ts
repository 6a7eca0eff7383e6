/** The errors of mibun/func: each names the problem, carries the facts, and says how to fix it. */
import { describe, expect, it } from 'vitest';
import { tensor, type Tensor } from '../../src/autograd/index.js';
import {
  TransformError,
  grad,
  jacfwd,
  jacrev,
  jvp,
  valueAndGrad,
  vjp,
} from '../../src/func/index.js';

function caught(fn: () => unknown): TransformError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TransformError);
    return e as TransformError;
  }
  throw new Error('expected a TransformError');
}

describe('TransformError', () => {
  it('grad of a non-scalar output names its shape', () => {
    const e = caught(() => grad((x: Tensor) => x.mul(2))(tensor([[1, 2, 3]])));
    expect(e.reason).toBe('non-scalar');
    expect(e.transform).toBe('grad');
    expect(e.shape).toEqual([1, 3]);
    expect(e.message).toBe(
      'grad: f must return a one-element Tensor to be differentiated, got shape [1, 3]. ' +
        'Fix: reduce the output (y.sum(), y.mean()), or use jacrev/jacfwd for its Jacobian, or vjp.',
    );
    expect(caught(() => valueAndGrad((x: Tensor) => x)(tensor([1, 2]))).reason).toBe('non-scalar');
  });

  it('argnums out of range', () => {
    const f = (x: Tensor, y: Tensor) => x.mul(y).sum();
    const e = caught(() => grad(f, { argnums: 2 })(1, 2));
    expect(e.reason).toBe('argnums');
    expect(e.message).toMatch(
      /argnums 2 is out of range for a function called with 2 arguments \(valid: 0 to 1\)/,
    );
    expect(caught(() => grad(f, { argnums: [0, -1] })(1, 2)).message).toMatch(/argnums -1/);
    expect(caught(() => jacrev(f, { argnums: [] })(1, 2)).message).toMatch(/argnums is empty/);
    expect(caught(() => jacfwd(f, { argnums: 5 })(1, 2)).reason).toBe('argnums');
  });

  it('f returning a non-Tensor', () => {
    const asF = (g: unknown) => g as (x: Tensor) => Tensor;
    const e = caught(() => grad(asF((x: Tensor) => (x.item() as number) * 2))(3));
    expect(e.reason).toBe('output-type');
    expect(e.message).toMatch(
      /f must return a Tensor, got a number \(6\)\. Fix: compute with the Tensor arguments/,
    );
    expect(caught(() => grad(asF((x: Tensor) => [x, x]))(3)).message).toMatch(
      /an array of length 2.*hasAux: true/,
    );
    expect(
      caught(() =>
        jvp(
          asF(() => null),
          [1],
          [1],
        ),
      ).message,
    ).toMatch(/got null/);
    expect(
      caught(() =>
        vjp(
          asF(() => 'y'),
          1,
        ),
      ).message,
    ).toMatch(/got a string \(y\)/);
    expect(caught(() => jacrev(asF(() => ({})))(1)).message).toMatch(/an object \(Object\)/);
    const aux = caught(() =>
      grad(
        asF((x: Tensor) => x),
        { hasAux: true } as never,
      )(1),
    );
    expect(aux.message).toMatch(/with hasAux: true, f must return \[output, aux\]/);
  });

  it('arguments, tangents and cotangents of the wrong kind or shape', () => {
    const f = (x: Tensor) => x.exp();
    expect(caught(() => grad((x: Tensor) => x.sum())('a' as never)).reason).toBe('argument-type');
    const j = caught(() => jvp(f, [tensor([1, 2])], [tensor([1, 2, 3])]));
    expect([j.reason, j.shape]).toEqual(['shape', [3]]);
    expect(j.message).toMatch(/tangent 0 has shape \[3\] but primal 0 has shape \[2\]/);
    expect(caught(() => jvp(f, [1, 2], [1])).message).toMatch(/got 2 primals and 1 tangents/);
    const [, vjpFn] = vjp(f, tensor([1, 2]));
    expect(caught(() => vjpFn(tensor([1, 2, 3]))).message).toMatch(
      /the cotangent has shape \[3\] but f's output has shape \[2\]/,
    );
    expect(caught(() => (vjp as (g: unknown) => unknown)(f)).reason).toBe('arity');
  });
});
