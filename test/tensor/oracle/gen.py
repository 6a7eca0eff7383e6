"""Writes torchValues.ts: expected values for test/tensor, from PyTorch and NumPy.

Run with Debian's python3 (torch 1.13.0a0, numpy 1.24.2): /usr/bin/python3 gen.py
The default dtype is set to float64 so that reprs follow mibun's convention (float64 prints no
dtype, float32 prints dtype=torch.float32); int64 stands for mibun's int32 (no dtype shown).
"""
import json
import math

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
out = []


def lit(x):
    """A TS literal for nested lists of floats/bools (NaN, Infinity spelled out)."""
    if isinstance(x, (list, tuple)):
        return '[' + ', '.join(lit(v) for v in x) + ']'
    if isinstance(x, bool):
        return 'true' if x else 'false'
    if isinstance(x, int):
        return str(x)
    if math.isnan(x):
        return 'NaN'
    if math.isinf(x):
        return 'Infinity' if x > 0 else '-Infinity'
    return repr(float(x))


def emit(name, value):
    out.append(f'export const {name} = {value};\n')


def data_of(t):
    return t.tolist()


DT = {torch.float64: 'float64', torch.float32: 'float32', torch.int64: 'int32', torch.int32: 'int32', torch.bool: 'bool'}


def wave(n, scale=1.0):
    """Deterministic data: sin(i + 1) * scale (JS Math.sin agrees to the last bit or so)."""
    return [math.sin(i + 1) * scale for i in range(n)]


# ---------------------------------------------------------------- printing
cases = []


def case(label, t, gen=None):
    """Large inputs are given by a recipe the test rebuilds (gen: [kind, n, scale]) instead of data."""
    data = 'gen: %s' % json.dumps(gen) if gen else 'data: %s' % lit(data_of(t.reshape(-1)))
    cases.append('  { label: %s, %s, shape: %s, dtype: %s, repr: %s },' % (
        json.dumps(label), data, json.dumps(list(t.shape)), json.dumps(DT[t.dtype]), json.dumps(repr(t))))


seed = [0.5488135039273248, 0.7151893663724195, 0.6027633760716439, 0.5448831829968969, 0.4236547993389047, 0.6458941130666561]
case('seed 2x3', torch.tensor(seed).reshape(2, 3))
s2 = list(seed); s2[0] = 100.0
case('seed after x[0,0]=100', torch.tensor(s2).reshape(2, 3))
case('seed float32', torch.tensor(seed, dtype=torch.float32).reshape(2, 3))
case('one value 3', torch.tensor([3.0]))
case('0-d 3', torch.tensor(3.0))
case('0-d 0.5', torch.tensor(0.5))
case('0-d -0', torch.tensor(-0.0))
case('zeros', torch.tensor([0.0, 0.0]))
case('neg zero', torch.tensor([0.0, -0.0]))
case('tiny and one', torch.tensor([[1e-5, 1.0]]))
case('big int-valued', torch.tensor([1e9, 1.0]))
case('1e8 int mode', torch.tensor([1e8, 1.0, 2.0]))
case('ratio > 1000 ints', torch.tensor([1.0, 1e4]))
case('nan inf', torch.tensor([float('nan'), 1.5, float('inf')]))
case('nan -inf ints', torch.tensor([float('nan'), 2.0, float('-inf')]))
case('all nan', torch.tensor([float('nan'), float('nan')]))
case('negatives', torch.tensor([[-1.5, 2.25], [3.125, -40.0]]))
case('sci negatives', torch.tensor([-1e-5, 2e3, 0.0]))
case('tie 0.03125', torch.tensor([0.03125, 1.0]))
case('tie 0.00015 sci', torch.tensor([1.25e-5, 1.0]))
case('bool', torch.tensor([True, False]))
case('bool 2d', torch.tensor([[True], [False]]))
case('int', torch.tensor([1, -20]))
case('int 2d', torch.tensor([[1, 22, -333], [4, 5, 6]]))
case('float32 tenths', torch.tensor([0.1, 0.2], dtype=torch.float32))
case('float32 sci', torch.tensor([1e-7, 3.0], dtype=torch.float32))
case('3-d', (torch.arange(24.0) / 7).reshape(2, 3, 4))
case('4-d', (torch.arange(16.0) - 8).reshape(2, 2, 2, 2))
case('wrap 30', torch.arange(30.0) / 3)
case('wrap ints', torch.arange(40) * 1000, ['arange', 40, 1000])
case('wrap 2-d', torch.tensor(wave(60, 100.0)).reshape(2, 30))
case('summary 1001', torch.arange(1001.0), ['arange', 1001, 1])
case('summary 1000 not', torch.arange(1000.0) / 1000, ['arange', 1000, 0.001])
case('summary 40x50', torch.arange(2000.0).reshape(40, 50), ['arange', 2000, 1])
case('summary 3-d', torch.tensor(wave(3000)).reshape(10, 20, 15), ['wave', 3000, 1])
case('summary int', torch.arange(1500).reshape(30, 50), ['arange', 1500, 1])
case('summary bool', (torch.arange(2000) % 3 == 0).reshape(20, 100), ['mod3', 2000, 1])
case('empty 0x3', torch.zeros(0, 3))
case('empty 1-d', torch.zeros(0))
case('empty int', torch.zeros(0, dtype=torch.int32))
case('empty float32', torch.zeros(2, 0, dtype=torch.float32))
case('single column', torch.tensor(wave(5)).reshape(5, 1))
emit('FORMAT_CASES', '[\n' + '\n'.join(cases) + '\n]')

# suffixes: requires_grad / grad_fn wrapping
x = torch.tensor(s2, requires_grad=True).reshape(2, 3).detach().requires_grad_()
sfx = []
sfx.append('  { label: "seed requires_grad float64", data: %s, shape: [2, 3], dtype: "float64", requiresGrad: true, repr: %s },' % (lit(s2), json.dumps(repr(torch.tensor(s2).reshape(2, 3).requires_grad_()))))
t = torch.tensor(s2, dtype=torch.float32).reshape(2, 3).requires_grad_()
sfx.append('  { label: "seed requires_grad float32", data: %s, shape: [2, 3], dtype: "float32", requiresGrad: true, repr: %s },' % (lit(s2), json.dumps(repr(t))))
xg = torch.tensor([1.0], requires_grad=True)
f = (xg ** 2 + 2 * xg) * torch.log(xg)
sfx.append('  { label: "seed f", data: [0.0], shape: [1], dtype: "float64", gradFn: "MulBackward0", repr: %s },' % json.dumps(repr(f)))
sfx.append('  { label: "seed x", data: [1.0], shape: [1], dtype: "float64", requiresGrad: true, repr: %s },' % json.dumps(repr(xg)))
w = torch.tensor(wave(9, 1000.0), requires_grad=True)
g = w * 2
sfx.append('  { label: "long row grad_fn", data: %s, shape: [9], dtype: "float64", gradFn: "MulBackward0", repr: %s },' % (lit(data_of(g)), json.dumps(repr(g))))
w32 = torch.tensor(wave(7, 1000.0), dtype=torch.float32, requires_grad=True)
g32 = w32 + 1
sfx.append('  { label: "float32 grad_fn wraps", data: %s, shape: [7], dtype: "float32", gradFn: "AddBackward0", repr: %s },' % (lit(data_of(g32)), json.dumps(repr(g32))))
emit('SUFFIX_CASES', '[\n' + '\n'.join(sfx) + '\n]')

# ---------------------------------------------------------------- unary ops
UNARY_X = {
    'default': [-2.5, -1.0, -0.3, 0.0, 0.4, 1.0, 2.7],
    'log': [0.1, 0.5, 1.0, 2.0, 10.0], 'sqrt': [0.0, 0.25, 2.0, 9.0], 'acosh': [1.0, 1.5, 3.0],
    'asin': [-0.9, -0.2, 0.0, 0.5, 0.99], 'acos': [-0.9, -0.2, 0.0, 0.5, 0.99], 'atanh': [-0.9, 0.0, 0.5],
    'cot': [-2.0, -0.5, 0.3, 1.2], 'csc': [-2.0, -0.5, 0.3, 1.2], 'tan': [-1.2, 0.0, 0.7], 'sec': [-1.2, 0.0, 0.7],
    'softplus': [-30.0, -2.0, 0.0, 3.0, 19.9, 20.5, 50.0], 'sigmoid': [-40.0, -3.0, 0.0, 2.0, 40.0],
    'exp': [-3.0, 0.0, 0.5, 2.0, 10.0], 'gelu': [-3.0, -0.5, 0.0, 0.7, 2.5],
}
fns = {
    'neg': torch.neg, 'exp': torch.exp, 'log': torch.log, 'sqrt': torch.sqrt, 'sin': torch.sin, 'cos': torch.cos,
    'tan': torch.tan, 'cot': lambda t: 1 / torch.tan(t), 'sec': lambda t: 1 / torch.cos(t), 'csc': lambda t: 1 / torch.sin(t),
    'asin': torch.asin, 'acos': torch.acos, 'atan': torch.atan, 'sinh': torch.sinh, 'cosh': torch.cosh, 'tanh': torch.tanh,
    'asinh': torch.asinh, 'acosh': torch.acosh, 'atanh': torch.atanh, 'abs': torch.abs, 'sign': torch.sign, 'erf': torch.erf,
    'relu': torch.relu, 'sigmoid': torch.sigmoid, 'softplus': F.softplus, 'gelu': F.gelu,
}
rows = []
for op, fn in fns.items():
    xs = UNARY_X.get(op, UNARY_X['default'])
    y64 = fn(torch.tensor(xs, dtype=torch.float64))
    y32 = fn(torch.tensor(xs, dtype=torch.float32))
    rows.append('  %s: { x: %s, float64: %s, float32: %s },' % (op, lit(xs), lit(data_of(y64)), lit(data_of(y32))))
emit('UNARY_CASES', '{\n' + '\n'.join(rows) + '\n}')

# ---------------------------------------------------------------- promotion
dts = [torch.float64, torch.float32, torch.int32, torch.bool]
prom = []
for da in dts:
    for db in dts:
        a = torch.ones(2, dtype=da)
        b1 = torch.ones(2, dtype=db)
        b0 = torch.ones((), dtype=db)
        prom.append('  [%s, %s, %s, %s],' % (json.dumps(DT[da]), json.dumps(DT[db]), json.dumps(DT[torch.result_type(a, b1)]), json.dumps(DT[torch.result_type(a, b0)])))
emit('PROMOTE_TENSORS', '[\n' + '\n'.join(prom) + '\n] as const')
prom = []
for da in dts:
    a = torch.ones(2, dtype=da)
    a0 = torch.ones((), dtype=da)
    for s, sl in [(2, '2'), (2.5, '2.5'), (True, 'true')]:
        prom.append('  [%s, %s, %s, %s],' % (json.dumps(DT[da]), sl, json.dumps(DT[torch.result_type(a, s)]), json.dumps(DT[torch.result_type(a0, s)])))
emit('PROMOTE_SCALARS', '[\n' + '\n'.join(prom) + '\n] as const')

# ---------------------------------------------------------------- binary ops with broadcasting
A = torch.tensor(wave(6, 2.0)).reshape(2, 3)
B = torch.tensor([0.5, -1.25, 2.0])
C = torch.tensor([[1.5], [-0.75]])
bin_rows = []
for name, fn in [('add', torch.add), ('sub', torch.sub), ('mul', torch.mul), ('div', torch.div), ('maximum', torch.maximum),
                 ('minimum', torch.minimum), ('atan2', torch.atan2)]:
    bin_rows.append('  %s: { ab: %s, ac: %s, bc: %s },' % (name, lit(data_of(fn(A, B))), lit(data_of(fn(A, C))), lit(data_of(fn(B, C)))))
P = torch.tensor([0.5, 1.5, 2.0, 3.0])
Q = torch.tensor([[2.0], [-0.5], [0.0]])
bin_rows.append('  pow: { pq: %s },' % lit(data_of(torch.pow(P, Q))))
emit('BINARY_A', lit(data_of(A)))
emit('BINARY_CASES', '{\n' + '\n'.join(bin_rows) + '\n}')
emit('INT_DIV', lit(data_of(torch.tensor([7, -7, 5]) / torch.tensor([2, 2, -3]))))
emit('INT_DIV_TRUNC', lit(data_of(torch.div(torch.tensor([7, -7, 5]), torch.tensor([2, 2, -3]), rounding_mode='trunc'))))
emit('INT_DIV_FLOOR', lit(data_of(torch.div(torch.tensor([7, -7, 5]), torch.tensor([2, 2, -3]), rounding_mode='floor'))))
emit('F32_PLUS_TENTH', lit(data_of(torch.tensor([1.0, 2.0, 3.0], dtype=torch.float32) + 0.1)))
emit('F32_EQ_TENTH', lit(data_of(torch.tensor([0.1, 0.2], dtype=torch.float32) == 0.1)))
emit('INT32_MUL_WRAP', lit(data_of(torch.tensor([2 ** 30, 123456789], dtype=torch.int32) * torch.tensor([4, 987654321], dtype=torch.int32))))

# ---------------------------------------------------------------- reductions
R = torch.tensor(wave(24, 3.0)).reshape(2, 3, 4)
red = []
for dims in [None, 0, 1, 2, -1, (0, 2), (1, 2), (0, 1, 2)]:
    key = 'all' if dims is None else str(dims if isinstance(dims, int) else list(dims)).replace(' ', '')
    kw = {} if dims is None else {'dim': dims}
    s = torch.sum(R, **kw)
    m = torch.mean(R, **kw)
    v = torch.var(R, **kw) if dims is not None else torch.var(R)
    sd = torch.std(R, **kw) if dims is not None else torch.std(R)
    v0 = torch.var(R, dim=dims, correction=0) if dims is not None else torch.var(R, unbiased=False)
    lse = torch.logsumexp(R, dim=dims if dims is not None else (0, 1, 2))
    am = torch.amax(R, dim=dims if dims is not None else (0, 1, 2))
    an = torch.amin(R, dim=dims if dims is not None else (0, 1, 2))
    n2 = torch.linalg.vector_norm(R, 2, dim=dims)
    n1 = torch.linalg.vector_norm(R, 1, dim=dims)
    n3 = torch.linalg.vector_norm(R, 3, dim=dims)
    ninf = torch.linalg.vector_norm(R, float('inf'), dim=dims)
    red.append('  %s: { sum: %s, mean: %s, var: %s, std: %s, var0: %s, logsumexp: %s, amax: %s, amin: %s, norm2: %s, norm1: %s, norm3: %s, normInf: %s, shape: %s, keepShape: %s },' % (
        json.dumps(key), lit(data_of(s.reshape(-1))), lit(data_of(m.reshape(-1))), lit(data_of(v.reshape(-1))), lit(data_of(sd.reshape(-1))),
        lit(data_of(v0.reshape(-1))), lit(data_of(lse.reshape(-1))), lit(data_of(am.reshape(-1))), lit(data_of(an.reshape(-1))),
        lit(data_of(n2.reshape(-1))), lit(data_of(n1.reshape(-1))), lit(data_of(n3.reshape(-1))), lit(data_of(ninf.reshape(-1))),
        json.dumps(list(s.shape)), json.dumps(list(torch.sum(R, **kw, keepdim=True).shape) if dims is not None else [1, 1, 1])))
emit('REDUCE_INPUT', lit(data_of(R.reshape(-1))))
emit('REDUCE_CASES', '{\n' + '\n'.join(red) + '\n}')
P2 = torch.tensor(wave(12, 1.0)).reshape(3, 4) + 1.5
emit('PROD_INPUT', lit(data_of(P2.reshape(-1))))
emit('PROD_DIM1', lit(data_of(torch.prod(P2, 1))))
emit('PROD_ALL', lit(torch.prod(P2).item()))
mx = torch.max(R, 1)
emit('MAX_DIM1', '{ values: %s, indices: %s }' % (lit(data_of(mx.values.reshape(-1))), lit(data_of(mx.indices.reshape(-1)))))
mn = torch.min(R, 2, keepdim=True)
emit('MIN_DIM2_KEEP', '{ values: %s, indices: %s, shape: %s }' % (lit(data_of(mn.values.reshape(-1))), lit(data_of(mn.indices.reshape(-1))), json.dumps(list(mn.values.shape))))
emit('ARGMAX_ALL', str(torch.argmax(R).item()))
emit('ARGMIN_DIM0', lit(data_of(torch.argmin(R, 0).reshape(-1))))
emit('SOFTMAX_DIM1', lit(data_of(torch.softmax(R, 1).reshape(-1))))
emit('LOG_SOFTMAX_LAST', lit(data_of(torch.log_softmax(R, -1).reshape(-1))))
big = torch.tensor([[1000.0, 1001.0, 999.0], [-1000.0, -1002.0, -1001.0]])
emit('SOFTMAX_BIG', lit(data_of(torch.softmax(big, 1).reshape(-1))))
emit('LOGSUMEXP_BIG', lit(data_of(torch.logsumexp(big, 1))))
emit('LOGSUMEXP_INF', lit(data_of(torch.logsumexp(torch.tensor([[float('-inf'), float('-inf')], [float('inf'), 1.0]]), 1))))
emit('MAX_NAN', lit(data_of(torch.amax(torch.tensor([[1.0, float('nan'), 3.0], [4.0, 5.0, 6.0]]), 1))))
emit('ARGMAX_NAN', lit(data_of(torch.argmax(torch.tensor([[1.0, float('nan'), 3.0], [4.0, 5.0, 6.0]]), 1))))
F32BIG = torch.full((1 << 20,), 0.1, dtype=torch.float32)
emit('F32_SUM_MILLION_TENTHS', lit(torch.sum(F32BIG.double()).item()))

# ---------------------------------------------------------------- matmul
M1 = torch.tensor(wave(6)).reshape(2, 3)
M2 = torch.tensor(wave(12, 2.0)).reshape(3, 4)
V3 = torch.tensor([1.0, -2.0, 0.5])
BA = torch.tensor(wave(24, 0.5)).reshape(2, 1, 3, 4)
BB = torch.tensor(wave(40, 1.5)).reshape(5, 4, 2)
emit('MM_A', lit(data_of(M1.reshape(-1))))
emit('MM_B', lit(data_of(M2.reshape(-1))))
emit('MM_AB', lit(data_of((M1 @ M2).reshape(-1))))
emit('MV_A3', lit(data_of(M1 @ V3)))
emit('VM_3B', lit(data_of(V3 @ M2)))
emit('VV', lit((V3 @ V3).item()))
emit('BATCH_A', lit(data_of(BA.reshape(-1))))
emit('BATCH_B', lit(data_of(BB.reshape(-1))))
emit('BATCH_AB', '{ data: %s, shape: %s }' % (lit(data_of((BA @ BB).reshape(-1))), json.dumps(list((BA @ BB).shape))))

# ---------------------------------------------------------------- indexing
G = torch.tensor(wave(12)).reshape(3, 4)
idx = torch.tensor([[0, 3], [2, 2], [1, 0]])
emit('GATHER_INPUT', lit(data_of(G.reshape(-1))))
emit('GATHER_DIM1', lit(data_of(torch.gather(G, 1, idx).reshape(-1))))
idx0 = torch.tensor([[2, 0, 1, 1]])
emit('GATHER_DIM0', lit(data_of(torch.gather(G, 0, idx0).reshape(-1))))
emit('SCATTER_ADD_DIM1', lit(data_of(torch.zeros(3, 4).scatter_add(1, idx, torch.ones(3, 2) * torch.tensor([[1.0], [10.0], [100.0]])).reshape(-1))))
emit('INDEX_SELECT_DIM1', lit(data_of(torch.index_select(G, 1, torch.tensor([3, 0, 3])).reshape(-1))))
emit('INDEX_ADD_DIM0', lit(data_of(torch.zeros(3, 4).index_add(0, torch.tensor([2, 0, 2]), torch.arange(12.0).reshape(3, 4)).reshape(-1))))
emit('MASKED_SELECT', lit(data_of(torch.masked_select(G, G > 0.3))))
emit('MASKED_SELECT_BCAST', lit(data_of(torch.masked_select(G, torch.tensor([True, False, False, True])))))
emit('MASKED_FILL', lit(data_of(G.masked_fill(G < 0, -1.0).reshape(-1))))

# ---------------------------------------------------------------- creation
emit('LINSPACE_0_1_7', lit(data_of(torch.linspace(0, 1, 7))))
emit('LINSPACE_M3_10_6', lit(data_of(torch.linspace(-3, 10, 6))))
emit('ARANGE_0_1_01', lit(data_of(torch.arange(0, 1, 0.1))))
np.random.seed(0)
emit('NP_RAND_SEED0_2x3', lit(np.random.rand(2, 3).reshape(-1).tolist()))
np.random.seed(1)
emit('NP_RANDN_SEED1_5', lit(np.random.randn(5).tolist()))
np.random.seed(2)
emit('NP_RANDINT_SEED2', lit(np.random.randint(-3, 7, size=8).tolist()))

with open('torchValues.ts', 'w') as fh:
    fh.write('// Generated by test/tensor/oracle/gen.py with PyTorch %s and NumPy %s\n' % (torch.__version__, np.__version__))
    fh.write('// (torch.set_default_dtype(torch.float64); int64 stands for mibun\'s int32). Do not edit.\n')
    fh.write('/* eslint-disable */\n')
    fh.writelines(out)
