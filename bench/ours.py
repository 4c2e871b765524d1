"""One named query on a kg store, timed: the worker bench/run.py runs in a child process so that a
query that runs too long can be stopped (a query inside pyoxigraph cannot be interrupted).

    python bench/ours.py STORE NAME PARAMS_JSON --reps N --budget SECONDS

Prints JSON: median latency (ms) over up to N runs after one warm-up run (fewer when the runs
exceed the budget; the warm-up alone when it does), and the row count; then the same for the first
page of 100 rows (``kg query NAME --limit 100``: what a client of ``kg serve`` asks for first), and that
page's first call (``first_page_first_ms``: a query paged by keys lists its keys then, kept for the calls
after it while the store is unchanged; the whole answer's runs before it do not list them).
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


PAGE = 100  # rows in the first page


def _timed(call, reps: int, budget: float) -> tuple[list[float], float, object]:
    """One warm-up call, then up to ``reps`` timed calls within ``budget`` seconds."""
    t = time.perf_counter()
    got = call()
    first = time.perf_counter() - t
    times: list[float] = []
    spent = first
    while len(times) < reps and spent < budget:
        t = time.perf_counter()
        call()
        times.append(time.perf_counter() - t)
        spent += times[-1]
    return times or [first], first, got


def main() -> int:
    from kg.query import load_query, run, run_page
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
        times, first, got = _timed(lambda: run(s, q, values), args.reps, args.budget)
        pages, first_page, _ = _timed(lambda: run_page(s, q, values, limit=PAGE), args.reps, args.budget)
    print(json.dumps({"p50_ms": round(statistics.median(times) * 1000, 2), "rows": len(got.rows),
                      "runs": len(times), "first_ms": round(first * 1000, 2),
                      "first_page_p50_ms": round(statistics.median(pages) * 1000, 2),
                      "first_page_first_ms": round(first_page * 1000, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
