"""One named query on a kg store, timed: the worker bench/run.py runs in a child process so that a
query that runs too long can be stopped (a query inside pyoxigraph cannot be interrupted).

    python bench/ours.py STORE NAME PARAMS_JSON --reps N --budget SECONDS

Prints JSON: median latency (ms) over up to N runs after one warm-up run (fewer when the runs
exceed the budget; the warm-up alone when it does), and the row count.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

__all__ = ["main"]


def main() -> int:
    from kg.query import load_query, run
    from kg.store import Store

    ap = argparse.ArgumentParser()
    ap.add_argument("store", type=Path)
    ap.add_argument("name")
    ap.add_argument("params")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--budget", type=float, default=20.0)
    args = ap.parse_args()
    values = json.loads(args.params)
    q = load_query(args.name)
    with Store(args.store, read_only=True) as s:
        t = time.perf_counter()
        rows = len(run(s, q, values).rows)
        first = time.perf_counter() - t
        times: list[float] = []
        spent = first
        while len(times) < args.reps and spent < args.budget:
            t = time.perf_counter()
            run(s, q, values)
            times.append(time.perf_counter() - t)
            spent += times[-1]
    times = times or [first]
    print(json.dumps({"p50_ms": round(statistics.median(times) * 1000, 2), "rows": rows, "runs": len(times),
                      "first_ms": round(first * 1000, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
