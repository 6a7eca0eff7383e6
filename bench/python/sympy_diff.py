"""SymPy peer of bench/symbolic.bench.ts: parse_expr + diff + str, timed like bench/harness.ts.

stdin:  {"minSeconds": 0.5, "rows": [{"name": "...", "wrt": "x", "expressions": ["...", ...]}]}
stdout: {"sympy": "1.11.1", "rows": [{"name": "...", "secondsPerOp": ...}],
         "outputs": {"<expression>": "<str(diff(expression, wrt))>"}}

One operation of a row is the whole list: parse, differentiate and print every expression.
SymPy's cache stays on (its default), which only ever favours SymPy.
"""
import json
import sys

import sympy
from sympy.parsing.sympy_parser import parse_expr

from timing import time_it


def work(expressions, wrt):
    x = sympy.Symbol(wrt)
    return [str(sympy.diff(parse_expr(text), x)) for text in expressions]


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
