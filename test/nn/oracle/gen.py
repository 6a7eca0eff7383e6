"""Writes torchValues.ts: expected values for test/nn from PyTorch.

Run with Debian's python3 (torch 1.13.0a0): /usr/bin/python3 test/nn/oracle/gen.py
Everything is float64. Losses: value and the gradients of input and (float) target, of the
loss itself when reduced, else of sum(loss * G) with G = 0.5, 1.0, 1.5, ... in row-major
order. Optimisers: the parameters after each of N steps from fixed initial values
(foreach=False, PyTorch's single-tensor update). Schedulers: the lr after each epoch.
"""
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
out = []


def lit(x):
    """A TS literal for nested lists / dicts of numbers, strings, bools, None."""
    if isinstance(x, dict):
        key = lambda k: k if k.isidentifier() else repr(k)
        return '{ ' + ', '.join(f'{key(k)}: {lit(v)}' for k, v in x.items()) + ' }'
    if isinstance(x, (list, tuple)):
        return '[' + ', '.join(lit(v) for v in x) + ']'
    if x is None:
        return 'null'
    if isinstance(x, bool):
        return 'true' if x else 'false'
    if isinstance(x, str):
        return repr(x)
    if isinstance(x, int):
        return str(x)
    if math.isnan(x):
        return 'NaN'
    if math.isinf(x):
        return 'Infinity' if x > 0 else '-Infinity'
    return repr(float(x))


def emit(name, value):
    out.append(f'export const {name} = {lit(value)};\n')


def grad_weights(shape):
    n = 1
    for s in shape:
        n *= s
    return (torch.arange(1, n + 1, dtype=torch.float64) * 0.5).reshape(shape)


# ---------------------------------------------------------------------------------------------
# Losses
X34 = [[0.3, -1.2, 2.0, 0.0], [1.5, 0.25, -0.7, 3.1], [-2.2, 0.9, 0.4, -0.05]]
Y34 = [[0.1, -1.0, 2.5, 0.0], [-0.5, 0.25, 0.3, 1.1], [-2.0, 1.9, -0.6, 0.2]]
LOGITS = [[1.0, 2.0, 3.0], [0.5, -1.0, 2.0], [0.0, 0.0, 1.0], [2.0, 1.0, -0.5]]
CLASSES = [0, 2, 1, 1]
PROBS = [[0.2, 0.3, 0.5], [1.0, 0.0, 0.0], [0.1, 0.8, 0.1], [0.0, 0.5, 0.5]]
LOGITS3 = [[[0.2, -0.4], [1.1, 0.3], [-0.6, 0.9]], [[0.0, 2.0], [-1.0, 0.5], [0.7, -0.2]]]  # [2, 3, 2]
CLASSES3 = [[2, 0], [1, 2]]
P_BCE = [[0.1, 0.9, 0.5, 1e-9], [0.0, 1.0, 0.3, 0.999999]]
Y_BCE = [[0.0, 1.0, 0.25, 0.0], [0.0, 1.0, 1.0, 1.0]]
Z_BCE = [[0.3, -2.0, 5.0, -40.0], [40.0, 0.0, -0.7, 1000.0]]
Y_BCEL = [[1.0, 0.0, 0.5, 0.0], [1.0, 1.0, 0.0, 0.3]]


def loss_case(label, fn, ts_fn, inputs, target, options, ts_options, target_grad=True, int_target=False):
    x = torch.tensor(inputs, requires_grad=True)
    if int_target:
        t = torch.tensor(target, dtype=torch.int64)
    else:
        t = torch.tensor(target, requires_grad=target_grad)
    loss = fn(x, t, **options)
    scalar = loss if loss.dim() == 0 else (loss * grad_weights(loss.shape)).sum()
    scalar.backward()
    case = {
        'label': label,
        'fn': ts_fn,
        'input': inputs,
        'target': target,
        'intTarget': int_target,
        'options': ts_options,
        'shape': list(loss.shape),
        'value': loss.tolist(),
        'gradInput': x.grad.tolist(),
        'gradTarget': t.grad.tolist() if (not int_target and target_grad) else None,
    }
    return case


W3 = [0.5, 2.0, 1.0]
cases = []
for red in ['mean', 'sum', 'none']:
    cases.append(loss_case(f'mse {red}', F.mse_loss, 'mseLoss', X34, Y34, {'reduction': red}, {'reduction': red}))
    cases.append(loss_case(f'l1 {red}', F.l1_loss, 'l1Loss', X34, Y34, {'reduction': red}, {'reduction': red}))
cases.append(loss_case('huber delta=1', F.huber_loss, 'huberLoss', X34, Y34, {}, {}))
cases.append(loss_case('huber delta=0.5 sum', F.huber_loss, 'huberLoss', X34, Y34, {'delta': 0.5, 'reduction': 'sum'}, {'delta': 0.5, 'reduction': 'sum'}))
cases.append(loss_case('smoothL1 beta=1', F.smooth_l1_loss, 'smoothL1Loss', X34, Y34, {}, {}))
cases.append(loss_case('smoothL1 beta=0.5 none', F.smooth_l1_loss, 'smoothL1Loss', X34, Y34, {'beta': 0.5, 'reduction': 'none'}, {'beta': 0.5, 'reduction': 'none'}))
# beta=0 is l1Loss; away from d = 0, where PyTorch's backward gives -1 and mibun sign(0) = 0
X34_SHIFTED = [[v + 0.125 for v in row] for row in X34]
cases.append(loss_case('smoothL1 beta=0', F.smooth_l1_loss, 'smoothL1Loss', X34_SHIFTED, Y34, {'beta': 0.0}, {'beta': 0.0}))

ce = F.cross_entropy
for red in ['mean', 'sum', 'none']:
    cases.append(loss_case(f'crossEntropy {red}', ce, 'crossEntropy', LOGITS, CLASSES, {'reduction': red}, {'reduction': red}, int_target=True))
cases.append(loss_case('crossEntropy weight', ce, 'crossEntropy', LOGITS, CLASSES, {'weight': torch.tensor(W3)}, {'weight': W3}, int_target=True))
cases.append(loss_case('crossEntropy ignoreIndex', ce, 'crossEntropy', LOGITS, CLASSES, {'ignore_index': 1}, {'ignoreIndex': 1}, int_target=True))
cases.append(loss_case('crossEntropy ignoreIndex none', ce, 'crossEntropy', LOGITS, CLASSES, {'ignore_index': 1, 'reduction': 'none'}, {'ignoreIndex': 1, 'reduction': 'none'}, int_target=True))
cases.append(loss_case('crossEntropy labelSmoothing', ce, 'crossEntropy', LOGITS, CLASSES, {'label_smoothing': 0.1}, {'labelSmoothing': 0.1}, int_target=True))
cases.append(loss_case('crossEntropy labelSmoothing weight ignore', ce, 'crossEntropy', LOGITS, CLASSES, {'label_smoothing': 0.2, 'weight': torch.tensor(W3), 'ignore_index': 2}, {'labelSmoothing': 0.2, 'weight': W3, 'ignoreIndex': 2}, int_target=True))
cases.append(loss_case('crossEntropy labelSmoothing ignore (unweighted)', ce, 'crossEntropy', LOGITS, CLASSES, {'label_smoothing': 0.2, 'ignore_index': 2}, {'labelSmoothing': 0.2, 'ignoreIndex': 2}, int_target=True))
cases.append(loss_case('crossEntropy labelSmoothing sum', ce, 'crossEntropy', LOGITS, CLASSES, {'label_smoothing': 0.3, 'reduction': 'sum'}, {'labelSmoothing': 0.3, 'reduction': 'sum'}, int_target=True))
cases.append(loss_case('crossEntropy labelSmoothing none weight', ce, 'crossEntropy', LOGITS, CLASSES, {'label_smoothing': 0.3, 'reduction': 'none', 'weight': torch.tensor(W3)}, {'labelSmoothing': 0.3, 'reduction': 'none', 'weight': W3}, int_target=True))
cases.append(loss_case('crossEntropy probabilities', ce, 'crossEntropy', LOGITS, PROBS, {}, {}))
cases.append(loss_case('crossEntropy probabilities weight smoothing', ce, 'crossEntropy', LOGITS, PROBS, {'weight': torch.tensor(W3), 'label_smoothing': 0.1}, {'weight': W3, 'labelSmoothing': 0.1}))
cases.append(loss_case('crossEntropy probabilities none', ce, 'crossEntropy', LOGITS, PROBS, {'reduction': 'none'}, {'reduction': 'none'}))
cases.append(loss_case('crossEntropy 1-D input', ce, 'crossEntropy', LOGITS[1], 2, {}, {}, int_target=True))
cases.append(loss_case('crossEntropy [N, C, d]', ce, 'crossEntropy', LOGITS3, CLASSES3, {}, {}, int_target=True))
cases.append(loss_case('crossEntropy [N, C, d] none weight', ce, 'crossEntropy', LOGITS3, CLASSES3, {'reduction': 'none', 'weight': torch.tensor(W3)}, {'reduction': 'none', 'weight': W3}, int_target=True))
LOGP = torch.tensor(LOGITS).log_softmax(1).tolist()
for red in ['mean', 'sum', 'none']:
    cases.append(loss_case(f'nllLoss {red}', F.nll_loss, 'nllLoss', LOGP, CLASSES, {'reduction': red}, {'reduction': red}, int_target=True))
cases.append(loss_case('nllLoss weight ignore', F.nll_loss, 'nllLoss', LOGP, CLASSES, {'weight': torch.tensor(W3), 'ignore_index': 0}, {'weight': W3, 'ignoreIndex': 0}, int_target=True))
cases.append(loss_case('nllLoss raw scores', F.nll_loss, 'nllLoss', LOGITS, CLASSES, {}, {}, int_target=True))

bce = F.binary_cross_entropy
W_BCE = [[1.0, 2.0, 0.5, 1.0], [0.0, 1.0, 3.0, 1.0]]
for red in ['mean', 'sum', 'none']:
    cases.append(loss_case(f'binaryCrossEntropy {red}', bce, 'binaryCrossEntropy', P_BCE, Y_BCE, {'reduction': red}, {'reduction': red}))
cases.append(loss_case('binaryCrossEntropy weight', bce, 'binaryCrossEntropy', P_BCE, Y_BCE, {'weight': torch.tensor(W_BCE)}, {'weight': W_BCE}))
bcel = F.binary_cross_entropy_with_logits
PW = [1.0, 3.0, 0.5, 2.0]
for red in ['mean', 'sum', 'none']:
    cases.append(loss_case(f'binaryCrossEntropyWithLogits {red}', bcel, 'binaryCrossEntropyWithLogits', Z_BCE, Y_BCEL, {'reduction': red}, {'reduction': red}))
cases.append(loss_case('binaryCrossEntropyWithLogits weight posWeight', bcel, 'binaryCrossEntropyWithLogits', Z_BCE, Y_BCEL, {'weight': torch.tensor(W_BCE), 'pos_weight': torch.tensor(PW)}, {'weight': W_BCE, 'posWeight': PW}))
cases.append(loss_case('binaryCrossEntropyWithLogits posWeight none', bcel, 'binaryCrossEntropyWithLogits', Z_BCE, Y_BCEL, {'pos_weight': torch.tensor(PW), 'reduction': 'none'}, {'posWeight': PW, 'reduction': 'none'}))
emit('LOSS_CASES', cases)

# ---------------------------------------------------------------------------------------------
# Activations and layers with fixed weights
XA = [[-3.0, -0.5, 0.0, 0.7, 2.5], [25.0, -25.0, 1e-3, -1.3, 4.0]]


def act_case(label, fn):
    x = torch.tensor(XA, requires_grad=True)
    y = fn(x)
    (y * grad_weights(y.shape)).sum().backward()
    return {'label': label, 'value': y.tolist(), 'grad': x.grad.tolist()}


acts = [
    act_case('gelu', lambda x: F.gelu(x)),
    act_case('gelu tanh', lambda x: F.gelu(x, approximate='tanh')),
    act_case('softplus', lambda x: F.softplus(x)),
    act_case('softplus beta=2 threshold=5', lambda x: F.softplus(x, beta=2.0, threshold=5.0)),
    act_case('leakyRelu 0.1', lambda x: F.leaky_relu(x, 0.1)),
    act_case('silu', lambda x: F.silu(x)),
    act_case('relu', lambda x: F.relu(x)),
    act_case('sigmoid', lambda x: torch.sigmoid(x)),
    act_case('tanh', lambda x: torch.tanh(x)),
    act_case('softmax dim 1', lambda x: F.softmax(x, 1)),
    act_case('logSoftmax dim 1', lambda x: F.log_softmax(x, 1)),
]
emit('ACTIVATION_INPUT', XA)
emit('ACTIVATION_CASES', acts)

# LayerNorm over the last dim and over the last two dims, with fixed affine parameters
XL = [[[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]], [[3.0, 3.0, 3.1], [-2.0, 4.0, 0.25]]]
ln_cases = []
for shape, w, b in [([3], [1.0, 0.5, -2.0], [0.1, 0.0, -0.3]), ([2, 3], [[1.0, 2.0, 0.5], [1.5, -1.0, 1.0]], [[0.0, 0.1, 0.2], [0.3, 0.4, 0.5]])]:
    ln = nn.LayerNorm(shape)
    with torch.no_grad():
        ln.weight.copy_(torch.tensor(w))
        ln.bias.copy_(torch.tensor(b))
    x = torch.tensor(XL, requires_grad=True)
    y = ln(x)
    (y * grad_weights(y.shape)).sum().backward()
    ln_cases.append({'normalizedShape': shape, 'weight': w, 'bias': b, 'value': y.tolist(), 'gradInput': x.grad.tolist(), 'gradWeight': ln.weight.grad.tolist(), 'gradBias': ln.bias.grad.tolist()})
emit('LAYER_NORM_INPUT', XL)
emit('LAYER_NORM_CASES', ln_cases)

# Embedding with padding_idx: the padding row gets no gradient
EW = [[0.1, 0.2], [1.0, -1.0], [0.0, 0.0], [3.0, 0.5]]
IDX = [[0, 2, 1], [2, 3, 0]]
emb = nn.Embedding(4, 2, padding_idx=2)
with torch.no_grad():
    emb.weight.copy_(torch.tensor(EW))
ye = emb(torch.tensor(IDX))
(ye * grad_weights(ye.shape)).sum().backward()
emit('EMBEDDING_CASE', {'weight': EW, 'indices': IDX, 'paddingIdx': 2, 'value': ye.tolist(), 'gradWeight': emb.weight.grad.tolist()})

# ---------------------------------------------------------------------------------------------
# Optimisers: loss = mean((tanh(X Wᵀ + b) - Y)²) from fixed W [3, 2], b [3]
W0 = [[0.3, -0.2], [0.1, 0.4], [-0.5, 0.25]]
B0 = [0.05, -0.1, 0.2]
XO = [[1.0, 2.0], [-1.0, 0.5], [0.3, -0.8], [2.0, 1.0], [0.0, -1.5]]
YO = [[0.5, -0.2, 0.1], [0.0, 0.3, -0.4], [0.2, 0.2, 0.2], [0.9, -0.5, 0.0], [-0.3, 0.1, 0.6]]
STEPS = 8


def trajectory(make, groups=False, closure=False):
    W = torch.tensor(W0, requires_grad=True)
    b = torch.tensor(B0, requires_grad=True)
    opt = make([{'params': [W]}, {'params': [b], 'lr': 0.02}] if groups else [W, b])
    X = torch.tensor(XO)
    Y = torch.tensor(YO)
    steps = []
    losses = []

    def compute():
        opt.zero_grad()
        loss = ((torch.tanh(X @ W.t() + b) - Y) ** 2).mean()
        loss.backward()
        return loss

    for _ in range(STEPS):
        loss = compute()
        opt.step()
        losses.append(loss.item())
        steps.append({'weight': W.detach().tolist(), 'bias': b.detach().tolist()})
    return {'losses': losses, 'steps': steps}


optim_cases = []


def add_opt(label, ts_name, ts_options, make, groups=False):
    case = {'label': label, 'optimizer': ts_name, 'options': ts_options, 'groups': groups}
    case.update(trajectory(make, groups))
    optim_cases.append(case)


O = torch.optim
add_opt('SGD lr=0.1', 'SGD', {'lr': 0.1}, lambda p: O.SGD(p, lr=0.1, foreach=False))
add_opt('SGD momentum', 'SGD', {'lr': 0.1, 'momentum': 0.9}, lambda p: O.SGD(p, lr=0.1, momentum=0.9, foreach=False))
add_opt('SGD momentum dampening weightDecay', 'SGD', {'lr': 0.1, 'momentum': 0.8, 'dampening': 0.3, 'weightDecay': 0.01}, lambda p: O.SGD(p, lr=0.1, momentum=0.8, dampening=0.3, weight_decay=0.01, foreach=False))
add_opt('SGD nesterov weightDecay', 'SGD', {'lr': 0.2, 'momentum': 0.9, 'nesterov': True, 'weightDecay': 0.05}, lambda p: O.SGD(p, lr=0.2, momentum=0.9, nesterov=True, weight_decay=0.05, foreach=False))
add_opt('SGD maximize', 'SGD', {'lr': 0.05, 'momentum': 0.5, 'maximize': True}, lambda p: O.SGD(p, lr=0.05, momentum=0.5, maximize=True, foreach=False))
add_opt('SGD groups', 'SGD', {'lr': 0.1, 'momentum': 0.9}, lambda p: O.SGD(p, lr=0.1, momentum=0.9, foreach=False), groups=True)
add_opt('Adam', 'Adam', {'lr': 0.05}, lambda p: O.Adam(p, lr=0.05, foreach=False))
add_opt('Adam betas eps weightDecay', 'Adam', {'lr': 0.03, 'betas': [0.8, 0.99], 'eps': 1e-6, 'weightDecay': 0.1}, lambda p: O.Adam(p, lr=0.03, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1, foreach=False))
add_opt('Adam amsgrad', 'Adam', {'lr': 0.05, 'amsgrad': True}, lambda p: O.Adam(p, lr=0.05, amsgrad=True, foreach=False))
add_opt('Adam groups', 'Adam', {'lr': 0.05}, lambda p: O.Adam(p, lr=0.05, foreach=False), groups=True)
add_opt('AdamW', 'AdamW', {'lr': 0.05}, lambda p: O.AdamW(p, lr=0.05, foreach=False))
add_opt('AdamW weightDecay amsgrad', 'AdamW', {'lr': 0.05, 'weightDecay': 0.3, 'amsgrad': True}, lambda p: O.AdamW(p, lr=0.05, weight_decay=0.3, amsgrad=True, foreach=False))
add_opt('RMSprop', 'RMSprop', {'lr': 0.01}, lambda p: O.RMSprop(p, lr=0.01, foreach=False))
add_opt('RMSprop centered momentum weightDecay', 'RMSprop', {'lr': 0.01, 'alpha': 0.9, 'momentum': 0.9, 'centered': True, 'weightDecay': 0.01}, lambda p: O.RMSprop(p, lr=0.01, alpha=0.9, momentum=0.9, centered=True, weight_decay=0.01, foreach=False))
emit('OPTIM_PROBLEM', {'weight': W0, 'bias': B0, 'x': XO, 'y': YO, 'steps': STEPS})
emit('OPTIM_CASES', optim_cases)

# ---------------------------------------------------------------------------------------------
# Learning-rate schedulers: the lr after construction and after each of 12 steps
def lrs(make, lr=0.1, n=12):
    p = torch.zeros(1, requires_grad=True)
    opt = O.SGD([p], lr=lr)
    sched = make(opt)
    seq = [opt.param_groups[0]['lr']]
    for _ in range(n):
        opt.step()
        sched.step()
        seq.append(opt.param_groups[0]['lr'])
    return seq


S = O.lr_scheduler
emit('SCHEDULER_CASES', [
    {'label': 'StepLR(3, 0.5)', 'scheduler': 'StepLR', 'args': [3, 0.5], 'lrs': lrs(lambda o: S.StepLR(o, 3, 0.5))},
    {'label': 'MultiStepLR([2, 5, 5], 0.1)', 'scheduler': 'MultiStepLR', 'args': [[2, 5, 5], 0.1], 'lrs': lrs(lambda o: S.MultiStepLR(o, [2, 5, 5], 0.1))},
    {'label': 'ExponentialLR(0.9)', 'scheduler': 'ExponentialLR', 'args': [0.9], 'lrs': lrs(lambda o: S.ExponentialLR(o, 0.9))},
    {'label': 'CosineAnnealingLR(5, 0.01)', 'scheduler': 'CosineAnnealingLR', 'args': [5, 0.01], 'lrs': lrs(lambda o: S.CosineAnnealingLR(o, 5, 0.01))},
    {'label': 'LambdaLR(0.95 ** e)', 'scheduler': 'LambdaLR', 'args': [], 'lrs': lrs(lambda o: S.LambdaLR(o, lambda e: 0.95 ** e))},
])

# ---------------------------------------------------------------------------------------------
# Gradient clipping
G1 = [[3.0, -4.0], [1.0, 0.5]]
G2 = [12.0, -0.25, 2.0]
clip = []
for max_norm, norm_type in [(1.0, 2.0), (100.0, 2.0), (2.0, 1.0), (0.5, math.inf)]:
    a = torch.zeros(2, 2, requires_grad=True)
    b = torch.zeros(3, requires_grad=True)
    a.grad = torch.tensor(G1)
    b.grad = torch.tensor(G2)
    total = torch.nn.utils.clip_grad_norm_([a, b], max_norm, norm_type)
    clip.append({'maxNorm': max_norm, 'normType': norm_type, 'total': total.item(), 'grads': [a.grad.tolist(), b.grad.tolist()]})
emit('CLIP_GRADS', [G1, G2])
emit('CLIP_CASES', clip)

# ---------------------------------------------------------------------------------------------
# Reprs
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(2, 8), nn.GELU(approximate='tanh'), nn.Dropout(0.25), nn.Linear(8, 3, bias=False))
        self.norm = nn.LayerNorm(3, eps=1e-6)
        self.act = nn.LeakyReLU(0.2)

    def forward(self, x):
        return self.act(self.norm(self.body(x)))


emit('REPRS', {
    'linear': repr(nn.Linear(2, 3)),
    'linearNoBias': repr(nn.Linear(4, 1, bias=False)),
    'sequential': repr(nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1), nn.Sigmoid())),
    'net': repr(Net()),
    'layers': [repr(m) for m in [nn.Dropout(), nn.GELU(), nn.Softplus(), nn.Flatten(), nn.Identity(), nn.Embedding(3, 4), nn.Embedding(10, 2, padding_idx=0), nn.LayerNorm([2, 3]), nn.CrossEntropyLoss(), nn.MSELoss(), nn.Tanh(), nn.LeakyReLU(), nn.Softmax(1), nn.SiLU()]],
    'parameter': repr(nn.Parameter(torch.tensor([1.0, 2.0]))),
    'netParams': [n for n, _ in Net().named_parameters()],
    'netStateKeys': list(Net().state_dict().keys()),
    'netParamCount': sum(p.numel() for p in Net().parameters()),
})

# ---------------------------------------------------------------------------------------------
# Initialisation: gains, and Linear(3, 2)'s first draw after manualSeed(0). mibun's stream is
# NumPy's MT19937 RandomState (not PyTorch's generator), and PyTorch's bounds are computed the
# way torch.nn.init does: bound = sqrt(3) * gain / sqrt(fan_in) with gain = sqrt(2 / (1 + a^2)).
import numpy as np

emit('GAINS', {
    'linear': nn.init.calculate_gain('linear'),
    'sigmoid': nn.init.calculate_gain('sigmoid'),
    'tanh': nn.init.calculate_gain('tanh'),
    'relu': nn.init.calculate_gain('relu'),
    'leaky_relu': nn.init.calculate_gain('leaky_relu'),
    'leaky_relu_0.2': nn.init.calculate_gain('leaky_relu', 0.2),
    'selu': nn.init.calculate_gain('selu'),
})
gain = math.sqrt(2.0 / (1 + math.sqrt(5) ** 2))
w_bound = math.sqrt(3.0) * (gain / math.sqrt(3))
b_bound = 1 / math.sqrt(3)
np.random.seed(0)
w = np.random.uniform(-w_bound, w_bound, (2, 3))
b = np.random.uniform(-b_bound, b_bound, 2)
emit('LINEAR_SEED0', {'weight': w.tolist(), 'bias': b.tolist(), 'numpy': np.__version__})

with open(os.path.join(HERE, 'torchValues.ts'), 'w') as f:
    f.write(f'// Generated by test/nn/oracle/gen.py with PyTorch {torch.__version__} (float64). Do not edit;\n')
    f.write('// regenerate with /usr/bin/python3 test/nn/oracle/gen.py\n')
    f.writelines(out)
print('wrote', len(out), 'exports')
