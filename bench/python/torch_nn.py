"""PyTorch peer of bench/nn.bench.ts: the same training steps on the same shapes, float64, one
thread, timed the same way (median seconds per call over batches). Reads {"minSeconds": s} on
stdin, prints JSON rows."""
import json
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

from timing import time_it

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)


def mlp_step(sizes, batch, make_opt):
    torch.manual_seed(0)
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    model = nn.Sequential(*layers)
    x = torch.randn(batch, sizes[0])
    y = torch.randint(0, sizes[-1], (batch,))
    opt = make_opt(model.parameters())

    def step():
        opt.zero_grad()
        F.cross_entropy(model(x), y).backward()
        opt.step()

    return step


def main():
    cfg = json.load(sys.stdin)
    s = cfg.get('minSeconds', 1.0)
    rows = [
        {'name': cfg['small'], 'seconds': time_it(mlp_step([2, 32, 3], 300, lambda p: torch.optim.Adam(p, lr=0.02, foreach=False)), s)},
        {'name': cfg['mnist'], 'seconds': time_it(mlp_step([784, 128, 10], 64, lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, foreach=False)), s)},
    ]
    print(json.dumps({'version': torch.__version__, 'rows': rows}))


main()
