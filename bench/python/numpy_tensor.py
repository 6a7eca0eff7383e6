"""NumPy peer of bench/tensor.bench.ts: the same float32 array ops, timed like bench/harness.ts.

stdin:  {"minSeconds": 0.5, "rows": [{"name": "...", "op": "add" | "mul" | "exp" | "sum" |
         "transpose" | "matmul", "n": <elements, or the matrix side>}]}
stdout: {"numpy": "1.24.2", "blas": "...", "rows": [{"name": "...", "secondsPerOp": ...}]}

NumPy's matmul calls a native BLAS (Debian's OpenBLAS); it is pinned to one thread so that it
uses the same share of the machine as JavaScript does. Shown for reference only.
"""
import json
import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402  (the thread count must be set before the import)

from timing import time_it


def make(op, n, rng):
    if op in ("add", "mul"):
        a = rng.rand(n).astype(np.float32)
        b = rng.rand(n).astype(np.float32)
        return (lambda: a + b) if op == "add" else (lambda: a * b)
    if op == "exp":
        a = rng.rand(n).astype(np.float32)
        return lambda: np.exp(a)
    if op == "sum":
        a = rng.rand(n).astype(np.float32)
        return lambda: a.sum()
    if op == "transpose":
        a = rng.rand(n, n).astype(np.float32)
        return lambda: np.ascontiguousarray(a.T)
    if op == "matmul":
        a = rng.rand(n, n).astype(np.float32)
        b = rng.rand(n, n).astype(np.float32)
        return lambda: a @ b
    raise ValueError(f"unknown op {op}")


def main():
    request = json.load(sys.stdin)
    min_seconds = float(request.get("minSeconds", 0.5))
    rng = np.random.RandomState(0)
    rows = []
    for row in request["rows"]:
        fn = make(row["op"], int(row["n"]), rng)
        rows.append({"name": row["name"], "secondsPerOp": time_it(fn, min_seconds)})
    json.dump({"numpy": np.__version__, "blas": "OpenBLAS, 1 thread", "rows": rows}, sys.stdout)


if __name__ == "__main__":
    main()
