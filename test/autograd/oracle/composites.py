"""PyTorch oracle for test/autograd/composites.test.ts (development only; no test runs Python).

Prints test/autograd/composites.oracle.ts: for each composite f(x, y) -> scalar, its value, its
gradient and its full Hessian with respect to the concatenation [x, y], all in float64, computed
by torch.autograd (Debian's python3-torch 1.13). Regenerate with
    /usr/bin/python3 test/autograd/oracle/composites.py > test/autograd/composites.oracle.ts
"""
import json
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)

X = [0.6, 1.3, 0.9]
Y = [1.7, 0.8, 2.1]
XN = [-0.7, 1.3, 0.4]   # mixed signs for abs/relu/sign/maximum
YN = [0.5, -0.9, 1.1]

def lse(v, d=0):
    return torch.logsumexp(v, d)

C = {
    'seed': (lambda x, y: ((x**2 + 2*x) * torch.log(y)).sum(), X, Y),
    'sin_cos': (lambda x, y: (torch.sin(x) * torch.cos(y)).sum(), X, Y),
    'tanh_prod': (lambda x, y: torch.tanh(x * y).sum(), X, Y),
    'exp_ratio': (lambda x, y: (torch.exp(x) / (1 + torch.exp(y))).sum(), X, Y),
    'sigmoid_affine': (lambda x, y: torch.sigmoid(x * y + x).sum(), XN, YN),
    'softplus_diff': (lambda x, y: F.softplus(x - y).sum(), XN, YN),
    'gelu_scaled': (lambda x, y: (F.gelu(x) * y).sum(), XN, YN),
    'erf_prod': (lambda x, y: torch.erf(x * y).sum(), XN, YN),
    'hypot': (lambda x, y: torch.sqrt(x**2 + y**2).sum(), XN, YN),
    'atan2': (lambda x, y: torch.atan2(x, y).sum(), XN, YN),
    'pow_tensor': (lambda x, y: (x ** y).sum(), X, Y),
    'log1p_sq': (lambda x, y: (torch.log(1 + x**2) * y).sum(), XN, YN),
    'asinh_prod': (lambda x, y: torch.asinh(x * y).sum(), XN, YN),
    'acosh_shift': (lambda x, y: torch.acosh(1 + x**2 + y**2).sum(), XN, YN),
    'atanh_small': (lambda x, y: torch.atanh(x * y / 4).sum(), XN, YN),
    'asin_acos': (lambda x, y: (torch.asin(x / 3) * torch.acos(y / 3)).sum(), XN, YN),
    'atan_cube': (lambda x, y: (torch.atan(x) * y**3).sum(), XN, YN),
    'sinh_cosh': (lambda x, y: (torch.sinh(x) * torch.cosh(y)).sum(), XN, YN),
    'tan_half': (lambda x, y: (torch.tan(x / 2) * y).sum(), XN, YN),
    'sec_csc': (lambda x, y: (1 / torch.cos(x) + 1 / torch.sin(y)).sum(), X, Y),
    'cot_prod': (lambda x, y: (torch.cos(x * y) / torch.sin(x * y)).sum(), X, Y),
    'reciprocal': (lambda x, y: (1 / (x * y)).sum(), X, Y),
    'maximum_mul': (lambda x, y: (torch.maximum(x, y) * x).sum(), XN, YN),
    'minimum_mix': (lambda x, y: torch.minimum(x * y, x + y).sum(), XN, YN),
    'abs_diff': (lambda x, y: (torch.abs(x - y) * x).sum(), XN, YN),
    'relu_sq': (lambda x, y: (torch.relu(x - y) * y**2).sum(), XN, YN),
    'sign_mul': (lambda x, y: (torch.sign(x) * y * x).sum(), XN, YN),
    'neg_exp': (lambda x, y: (x * torch.exp(-y**2)).sum(), XN, YN),
    'div_sub': (lambda x, y: ((x - y) / (x**2 + 1)).sum(), XN, YN),
    'logsumexp': (lambda x, y: lse(x * y), XN, YN),
    'softmax_dot': (lambda x, y: (torch.softmax(x, 0) * y).sum(), XN, YN),
    'log_softmax_dot': (lambda x, y: (torch.log_softmax(x * y, 0) * y).sum(), XN, YN),
    'mean_prod': (lambda x, y: (x * y).mean() ** 2, XN, YN),
    'max_all': (lambda x, y: (x * y).max() * x.sum(), XN, YN),
    'sum_ratio': (lambda x, y: x.sum() / y.sum(), X, Y),
    'variance': (lambda x, y: ((x - x.mean())**2).mean() * y.sum(), XN, YN),
    'norm': (lambda x, y: torch.sqrt((x**2).sum()) * torch.sqrt((y**2).sum()), XN, YN),
    'outer_sin': (lambda x, y: torch.sin(x.reshape(3, 1) * y.reshape(1, 3)).sum(), XN, YN),
    'outer_matmul': (lambda x, y: (x.reshape(3, 1) @ y.reshape(1, 3)).pow(2).sum(), XN, YN),
    'matvec_tanh': (lambda x, y: torch.tanh(torch.outer(x, y) @ x).sum(), XN, YN),
    'dot_exp': (lambda x, y: torch.exp(x @ y), XN, YN),
    'cat_cube': (lambda x, y: torch.cat([x, y]).pow(3).sum(), XN, YN),
    'stack_lse': (lambda x, y: torch.log(torch.stack([x, y]).exp().mean(0)).sum(), XN, YN),
    'slice_shift': (lambda x, y: (x[1:] * y[:-1]).sin().sum(), XN, YN),
    'index_select': (lambda x, y: (x.index_select(0, torch.tensor([2, 0, 2])) * y).exp().sum(), XN, YN),
    'gather': (lambda x, y: (x.gather(0, torch.tensor([1, 1, 0])) ** 2 * y).sum(), XN, YN),
    'expand_permute': (lambda x, y: (x.reshape(3, 1).expand(3, 2).permute(1, 0) * y[:2].reshape(2, 1)).tanh().sum(), XN, YN),
    'transpose_mm': (lambda x, y: (torch.outer(x, y).t() @ torch.outer(y, x)).sin().sum(), XN, YN),
    'sum_dim_keepdim': (lambda x, y: (torch.outer(x, y).sum(1, keepdim=True) * torch.outer(y, x)).cos().sum(), XN, YN),
    'mlp': (lambda x, y: (torch.tanh(torch.outer(y, y) @ x + y) ** 2).sum(), XN, YN),
}

def flat(t):
    return [float(v) for v in t.reshape(-1)]

out = {}
for name, (f, xv, yv) in C.items():
    x = torch.tensor(xv)
    y = torch.tensor(yv)
    v = f(x, y)
    xr = x.clone().requires_grad_()
    yr = y.clone().requires_grad_()
    gx, gy = torch.autograd.grad(f(xr, yr), (xr, yr))
    hess = torch.autograd.functional.hessian(lambda a, b: f(a, b), (x, y))
    # Hessian of the concatenated input [x, y]: rows are d(grad_i), columns d/d input_j
    n = len(xv) + len(yv)
    H = [[0.0] * n for _ in range(n)]
    blocks = {(0, 0): hess[0][0], (0, 1): hess[0][1], (1, 0): hess[1][0], (1, 1): hess[1][1]}
    for (bi, bj), blk in blocks.items():
        for i in range(3):
            for j in range(3):
                H[bi * 3 + i][bj * 3 + j] = float(blk[i, j])
    out[name] = {'x': xv, 'y': yv, 'value': float(v), 'grad': flat(gx) + flat(gy), 'hessian': H}

print('// Generated by test/autograd/oracle/composites.py with PyTorch ' + torch.__version__ +
      ' (Debian python3-torch), float64: value, gradient and full Hessian w.r.t. [x, y].')
print('// Do not edit by hand; regenerate with /usr/bin/python3 test/autograd/oracle/composites.py')
print('export interface CompositeOracle {')
print('  x: number[];')
print('  y: number[];')
print('  value: number;')
print('  grad: number[];')
print('  hessian: number[][];')
print('}')
print('export const COMPOSITES: Record<string, CompositeOracle> = ' + json.dumps(out, indent=2) + ';')
