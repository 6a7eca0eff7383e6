"""PyTorch peer of bench/autograd.bench.ts: the same workloads, timed the same way (median
seconds per call over batches). Reads {"minSeconds": s} on stdin, prints JSON rows."""
import json
import sys

import torch

from timing import time_it

torch.set_num_threads(1)


def seed_step():
    x = torch.tensor([1.0], requires_grad=True)
    y = torch.tensor([2.0], requires_grad=True)

    def step():
        f = (x**2 + 2 * x) * torch.log(y)
        f.backward()

    return step


def seed_grad_step():
    x = torch.tensor([1.0], requires_grad=True)
    y = torch.tensor([2.0], requires_grad=True)

    def step():
        f = (x**2 + 2 * x) * torch.log(y)
        torch.autograd.grad(f, (x, y))

    return step


def seed_func_grad_step(functorch):
    g = functorch.grad(lambda x, y: (x**2 + 2 * x) * torch.log(y), argnums=(0, 1))
    x = torch.tensor(1.0)
    y = torch.tensor(2.0)
    return lambda: g(x, y)


def chain_step(length):
    x = torch.tensor([0.5], requires_grad=True)

    def step():
        z = x
        for i in range(length):
            k = i % 3
            z = z.sin() if k == 0 else (z * 1.5 if k == 1 else z + 0.5)
        z.backward()

    return step


def main():
    cfg = json.load(sys.stdin)
    s = cfg.get('minSeconds', 1.0)
    rows = [
        {'name': 'seed (x**2 + 2*x)*log(y), forward+backward', 'seconds': time_it(seed_step(), s)},
        {'name': 'seed (x**2 + 2*x)*log(y), forward+grad(f, [x, y])', 'seconds': time_it(seed_grad_step(), s)},
        {'name': 'chain of 1000 scalar ops, forward+backward', 'seconds': time_it(chain_step(1000), s)},
    ]
    try:  # torch.func arrived in PyTorch 2.0; 1.13 ships it as functorch
        import functorch

        rows.append(
            {
                'name': 'seed (x**2 + 2*x)*log(y), func.grad(f, argnums=(0, 1))',
                'seconds': time_it(seed_func_grad_step(functorch), s),
                'api': 'functorch.grad',
            }
        )
    except ImportError:
        pass
    print(json.dumps({'version': torch.__version__, 'rows': rows}))


main()
