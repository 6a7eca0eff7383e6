/**
 * The 50 composite functions of the PyTorch oracle (oracle/composites.py), written in mibun's
 * API one for one with its Python lambdas. Reverse mode (composites.test.ts) and mibun/func
 * (test/func/composites.test.ts) both differentiate these same definitions.
 */
import { cat, stack, tensor, type Tensor } from '../../src/autograd/index.js';

export type F = (x: Tensor, y: Tensor) => Tensor;
const i32 = (v: number[]) => tensor(v, { dtype: 'int32' });

export const FUNCTIONS: Record<string, F> = {
  seed: (x, y) => x.pow(2).add(x.mul(2)).mul(y.log()).sum(),
  sin_cos: (x, y) => x.sin().mul(y.cos()).sum(),
  tanh_prod: (x, y) => x.mul(y).tanh().sum(),
  exp_ratio: (x, y) => x.exp().div(y.exp().add(1)).sum(),
  sigmoid_affine: (x, y) => x.mul(y).add(x).sigmoid().sum(),
  softplus_diff: (x, y) => x.sub(y).softplus().sum(),
  gelu_scaled: (x, y) => x.gelu().mul(y).sum(),
  erf_prod: (x, y) => x.mul(y).erf().sum(),
  hypot: (x, y) => x.pow(2).add(y.pow(2)).sqrt().sum(),
  atan2: (x, y) => x.atan2(y).sum(),
  pow_tensor: (x, y) => x.pow(y).sum(),
  log1p_sq: (x, y) => x.pow(2).add(1).log().mul(y).sum(),
  asinh_prod: (x, y) => x.mul(y).asinh().sum(),
  acosh_shift: (x, y) => x.pow(2).add(1).add(y.pow(2)).acosh().sum(),
  atanh_small: (x, y) => x.mul(y).div(4).atanh().sum(),
  asin_acos: (x, y) => x.div(3).asin().mul(y.div(3).acos()).sum(),
  atan_cube: (x, y) => x.atan().mul(y.pow(3)).sum(),
  sinh_cosh: (x, y) => x.sinh().mul(y.cosh()).sum(),
  tan_half: (x, y) => x.div(2).tan().mul(y).sum(),
  // mibun has sec and csc of its own; PyTorch's oracle used 1/cos and 1/sin
  sec_csc: (x, y) => x.sec().add(y.csc()).sum(),
  cot_prod: (x, y) => x.mul(y).cot().sum(),
  reciprocal: (x, y) => x.mul(y).reciprocal().sum(),
  maximum_mul: (x, y) => x.maximum(y).mul(x).sum(),
  minimum_mix: (x, y) => x.mul(y).minimum(x.add(y)).sum(),
  abs_diff: (x, y) => x.sub(y).abs().mul(x).sum(),
  relu_sq: (x, y) => x.sub(y).relu().mul(y.pow(2)).sum(),
  sign_mul: (x, y) => x.sign().mul(y).mul(x).sum(),
  neg_exp: (x, y) => x.mul(y.pow(2).neg().exp()).sum(),
  div_sub: (x, y) => x.sub(y).div(x.pow(2).add(1)).sum(),
  logsumexp: (x, y) => x.mul(y).logsumexp(0),
  softmax_dot: (x, y) => x.softmax(0).mul(y).sum(),
  log_softmax_dot: (x, y) => x.mul(y).logSoftmax(0).mul(y).sum(),
  mean_prod: (x, y) => x.mul(y).mean().pow(2),
  max_all: (x, y) => x.mul(y).max().mul(x.sum()),
  sum_ratio: (x, y) => x.sum().div(y.sum()),
  variance: (x, y) => x.sub(x.mean()).pow(2).mean().mul(y.sum()),
  norm: (x, y) => x.pow(2).sum().sqrt().mul(y.pow(2).sum().sqrt()),
  outer_sin: (x, y) => x.reshape(3, 1).mul(y.reshape(1, 3)).sin().sum(),
  outer_matmul: (x, y) => x.reshape(3, 1).matmul(y.reshape(1, 3)).pow(2).sum(),
  matvec_tanh: (x, y) => x.outer(y).matmul(x).tanh().sum(),
  dot_exp: (x, y) => x.matmul(y).exp(),
  cat_cube: (x, y) => cat([x, y]).pow(3).sum(),
  stack_lse: (x, y) => stack([x, y]).exp().mean(0).log().sum(),
  slice_shift: (x, y) => x.slice('1:').mul(y.slice(':-1')).sin().sum(),
  index_select: (x, y) => x.indexSelect(0, [2, 0, 2]).mul(y).exp().sum(),
  gather: (x, y) =>
    x
      .gather(0, i32([1, 1, 0]))
      .pow(2)
      .mul(y)
      .sum(),
  expand_permute: (x, y) =>
    x.reshape(3, 1).expand(3, 2).permute(1, 0).mul(y.slice(':2').reshape(2, 1)).tanh().sum(),
  transpose_mm: (x, y) => x.outer(y).t().matmul(y.outer(x)).sin().sum(),
  sum_dim_keepdim: (x, y) => x.outer(y).sum(1, true).mul(y.outer(x)).cos().sum(),
  mlp: (x, y) => y.outer(y).matmul(x).add(y).tanh().pow(2).sum(),
};
