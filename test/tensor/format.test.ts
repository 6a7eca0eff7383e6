import { describe, expect, it } from 'vitest';
import { format, fromArray, tensor, type DType } from '../../src/tensor/index.js';
import { formatExp, formatFixed } from '../../src/tensor/pyformat.js';
import { build, recipe } from './helpers.js';
import { FORMAT_CASES, SUFFIX_CASES } from './oracle/torchValues.js';

describe('repr matches PyTorch 1.13 (torch/_tensor_str.py) rule for rule', () => {
  for (const c of FORMAT_CASES) {
    it(c.label, () => {
      const data = 'data' in c ? (c.data as number[]) : recipe(c.gen as [string, number, number]);
      const a = build(data, c.shape, c.dtype as DType);
      expect(a.toString()).toBe(c.repr);
    });
  }
  for (const c of SUFFIX_CASES) {
    it(`suffixes: ${c.label}`, () => {
      const a = build(c.data, c.shape, c.dtype as DType);
      const opts = 'gradFn' in c ? { gradFn: c.gradFn } : { requiresGrad: true };
      expect(format(a, opts)).toBe(c.repr);
    });
  }
});

describe('repr of views and odd layouts', () => {
  it('prints a transposed view in logical order', () => {
    const a = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    // PyTorch: torch.tensor([[1.,2,3],[4,5,6]]).T
    expect(a.T.toString()).toBe('tensor([[1., 4.],\n        [2., 5.],\n        [3., 6.]])');
  });
  it('prints a strided slice', () => {
    const a = fromArray(new Float64Array([0.5, 1, 1.5, 2, 2.5, 3]));
    expect(a.slice('::2').toString()).toBe('tensor([0.5000, 1.5000, 2.5000])');
  });
  it('gradFn wins over requiresGrad, as PyTorch prints only grad_fn for non-leaves', () => {
    expect(format(tensor([0]), { requiresGrad: true, gradFn: 'MulBackward0' })).toBe(
      'tensor([0.], grad_fn=<MulBackward0>)',
    );
  });
});

describe('Python number formatting', () => {
  it('rounds exact ties half to even, as Python does (JS rounds them up)', () => {
    // Python: '{:.4f}'.format(0.03125) == '0.0312'; '{:.0f}'.format(2.5) == '2'; '{:.1f}'.format(0.25) == '0.2'
    expect(formatFixed(0.03125, 4)).toBe('0.0312');
    expect(formatFixed(0.09375, 4)).toBe('0.0938');
    expect(formatFixed(2.5, 0)).toBe('2');
    expect(formatFixed(3.5, 0)).toBe('4');
    expect(formatFixed(0.25, 1)).toBe('0.2');
    expect(formatFixed(-0.25, 1)).toBe('-0.2');
    // Python: '{:.4e}'.format(1.25e-5) == '1.2500e-05'; '{:.1e}'.format(0.125) == '1.2e-01'
    expect(formatExp(1.25e-5, 4)).toBe('1.2500e-05');
    expect(formatExp(0.125, 1)).toBe('1.2e-01');
    expect(formatExp(9.5, 0)).toBe('1e+01');
  });
  it('keeps the sign of -0 and spells non-finite values as Python', () => {
    expect(formatFixed(-0, 4)).toBe('-0.0000');
    expect(formatFixed(-0.00001, 4)).toBe('-0.0000');
    expect(formatFixed(NaN, 4)).toBe('nan');
    expect(formatExp(-Infinity, 4)).toBe('-inf');
    expect(formatExp(1e300, 4)).toBe('1.0000e+300');
  });
});
