"""SymPy peer of bench/symbolic.bench.ts: parse_expr + diff + str, timed like bench/harness.ts.

stdin:  {"minSeconds": 0.5, "rows": [{"name": "...", "wrt": "x", "expressions": ["...", ...]}]}
stdout: {"sympy": "1.11.1", "rows": [{"name": "...", "secondsPerOp": ...}],
         "outputs": {"<expression>": "<str(diff(expression, wrt))>"}}

One operation of a row is the whole list: parse, differentiate and print every expression.
SymPy's cache stays on (its default), which only ever favours SymPy.
"""
import json
import sys
import time

import sympy
from sympy.parsing.sympy_parser import parse_expr


def work(expressions, wrt):
    x = sympy.Symbol(wrt)
    return [str(sympy.diff(parse_expr(text), x)) for text in expressions]


def time_it(fn, min_seconds):
    """Median seconds per call over batches, the batch doubling until it takes 10 ms."""
    for _ in range(3):
        fn()
    samples = []
    n = 1
    start = time.perf_counter()
    while time.perf_counter() - start < min_seconds or len(samples) < 5:
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        dt = time.perf_counter() - t0
        samples.append(dt / n)
        if dt < 0.01:
            n *= 2
    samples.sort()
    return samples[len(samples) // 2]


def main():
    request = json.load(sys.stdin)
    min_seconds = float(request.get("minSeconds", 0.5))
    rows = []
    outputs = {}
    for row in request["rows"]:
        expressions, wrt = row["expressions"], row.get("wrt", "x")
        for text, out in zip(expressions, work(expressions, wrt)):
            outputs[text] = out
        seconds = time_it(lambda: work(expressions, wrt), min_seconds)
        rows.append({"name": row["name"], "secondsPerOp": seconds})
    json.dump({"sympy": sympy.__version__, "rows": rows, "outputs": outputs}, sys.stdout)


if __name__ == "__main__":
    main()
