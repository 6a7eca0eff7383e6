/**
 * The 50 composite functions of test/autograd/composites.test.ts (one for one with PyTorch
 * lambdas in test/autograd/oracle/composites.py), differentiated by mibun/func: gradient by
 * grad, full Hessian by hessian = jacfwd(jacrev(f)) (forward over reverse: every op's jvp rule
 * runs on the backward pass), against PyTorch 1.13's values in composites.oracle.ts.
 */
import { describe, expect, it } from 'vitest';
import { tensor, type Tensor } from '../../src/autograd/index.js';
import { grad, hessian } from '../../src/func/index.js';
import { COMPOSITES } from '../autograd/composites.oracle.js';
import { expectClose, values } from './helpers.js';

import { FUNCTIONS, type F } from '../autograd/composites.functions.js';

/** f of the concatenation p = [x, y], as the oracle differentiates it */
const ofConcat = (f: F) => (p: Tensor) => f(p.narrow(0, 0, 3), p.narrow(0, 3, 3));

describe('composites through mibun/func vs PyTorch', () => {
  it('every oracle entry has its function', () => {
    expect(Object.keys(FUNCTIONS).sort()).toEqual(Object.keys(COMPOSITES).sort());
  });
  for (const [name, oracle] of Object.entries(COMPOSITES)) {
    it(`${name}: grad and hessian (forward over reverse)`, () => {
      const f = ofConcat(FUNCTIONS[name]!);
      const p = tensor([...oracle.x, ...oracle.y]);
      expectClose(values(grad(f)(p)), oracle.grad, 1e-10);
      expectClose(values(hessian(f)(p)), oracle.hessian.flat(), 1e-11);
    });
  }
});
