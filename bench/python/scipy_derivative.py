"""SciPy peer of bench/numeric.bench.ts: scipy.misc.derivative (SciPy 1.10 has no
scipy.differentiate; misc.derivative is its fixed-step central difference), timed like
bench/harness.ts, on the same functions.

stdin:  {"minSeconds": 0.3, "rows": [{"name": "...", "fn": "seed" | "exp" | "log" | "sin", "x": 1.0}],
         "dx": 1e-3, "order": 5}
stdout: {"scipy": "1.10.1", "rows": [{"name": "...", "secondsPerOp": ..., "value": ...}]}
"""
import json
import math
import sys
import warnings

import scipy
from scipy.misc import derivative

from timing import time_it

warnings.simplefilter("ignore")  # misc.derivative is deprecated in 1.10

FUNCTIONS = {
    "seed": lambda x: (x**2 + 2 * x) * math.log(x),
    "exp": math.exp,
    "log": math.log,
    "sin": math.sin,
}


def main():
    req = json.load(sys.stdin)
    out = []
    for row in req["rows"]:
        f = FUNCTIONS[row["fn"]]
        x = row["x"]
        call = lambda: derivative(f, x, dx=req["dx"], n=1, order=req["order"])  # noqa: E731
        out.append({"name": row["name"], "secondsPerOp": time_it(call, req["minSeconds"]), "value": call()})
    json.dump({"scipy": scipy.__version__, "rows": out}, sys.stdout)


main()
