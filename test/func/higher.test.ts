/**
 * Higher derivatives by composing transforms: grad(grad(grad(f))) against PyTorch 1.13's
 * torch.autograd.grad with create_graph three times (torch.oracle.ts), and the same third
 * derivative by every other composition of forward and reverse mode, which must agree.
 */
import { describe, expect, it } from 'vitest';
import { tensor, type Tensor } from '../../src/autograd/index.js';
import { grad, jacfwd, jacrev, jvp } from '../../src/func/index.js';
import { THIRD_DERIVATIVES } from './torch.oracle.js';

type Unary = 'tanh' | 'exp' | 'sigmoid' | 'sin' | 'log' | 'erf' | 'gelu';
const fn = (op: Unary) => (x: Tensor) => x[op]();
/** d/dx by forward mode: the tangent along 1 */
const dfwd = (g: (x: Tensor) => Tensor) => (x: Tensor) => jvp(g, [x], [1])[1];

function near(actual: number, expected: number, rtol: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rtol * Math.max(1, Math.abs(expected)));
}

describe("third derivatives of the rules table's functions", () => {
  for (const [op, rows] of Object.entries(THIRD_DERIVATIVES)) {
    const f = fn(op as Unary);
    for (const [x, d1, d2, d3] of rows) {
      it(`${op} at ${x}: grad, grad∘grad, grad∘grad∘grad vs PyTorch`, () => {
        near(grad(f)(x).item() as number, d1, 1e-14);
        near(grad(grad(f))(x).item() as number, d2, 1e-13);
        near(grad(grad(grad(f)))(x).item() as number, d3, 1e-12);
      });
      it(`${op} at ${x}: forward over forward, forward over reverse, reverse over forward`, () => {
        near(dfwd(dfwd(dfwd(f)))(tensor(x)).item() as number, d3, 1e-12);
        near(dfwd(grad(grad(f)))(tensor(x)).item() as number, d3, 1e-12);
        near(grad(dfwd(grad(f)))(x).item() as number, d3, 1e-12);
        near(grad(grad(dfwd(f)))(x).item() as number, d3, 1e-12);
        // Jacobians of a 0-d function are 0-d: jacfwd∘jacrev∘jacfwd is f''' as well
        near(jacfwd(jacrev(jacfwd(f)))(x).item() as number, d3, 1e-12);
      });
    }
  }
});
