"""How long the ``max_nodes`` busiest nodes of each view take to build on a store: ranked first and
evidence read only for what is drawn (``kg.views.top.top_view``, what ``kg render --max-nodes`` does),
against the full build followed by ``top_nodes`` (add --check to compare the two graphs too).

    python bench/view_top.py --store STORE [--max-nodes 5000] [--views statements,comentions] [--full] [--check]

Each figure is one run in a fresh process per path (peak RSS is that process's). Run on demand; it prints
figures and ratios and asserts nothing about speed.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _worker(store: str, view: str, max_nodes: int, path: str) -> None:
    from kg.store import Store
    from kg.views import build_view
    from kg.views.filters import top_nodes
    from kg.views.top import top_view

    t = time.perf_counter()
    with Store(Path(store), read_only=True) as s:
        if path == "top":
            g, total = top_view(s, view, max_nodes)
        else:
            full = build_view(s, view)
            total = full.number_of_nodes()
            g = top_nodes(full, max_nodes)
    print(json.dumps({"s": round(time.perf_counter() - t, 2), "nodes": g.number_of_nodes(),
                      "edges": g.number_of_edges(), "total": total,
                      "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))


def _check(store: str, view: str, max_nodes: int) -> bool:
    import networkx as nx

    from kg.store import Store
    from kg.views import build_view
    from kg.views.filters import top_nodes
    from kg.views.top import top_view

    with Store(Path(store), read_only=True) as s:
        return nx.utils.graphs_equal(top_nodes(build_view(s, view), max_nodes), top_view(s, view, max_nodes)[0])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", help="The store (kg ingest ... --store STORE).")
    ap.add_argument("--max-nodes", type=int, default=5000)
    ap.add_argument("--views", default="statements,comentions,forums,graph")
    ap.add_argument("--full", action="store_true", help="Time the full build + top_nodes too (slow on big stores).")
    ap.add_argument("--check", action="store_true", help="Compare the two graphs (builds both in one process).")
    ap.add_argument("--worker", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        _worker(args.worker[0], args.worker[1], int(args.worker[2]), args.worker[3])
        return 0
    if not args.store:
        ap.error("--store STORE is required")
    print(f"{'view':<11} {'path':<5} {'seconds':>8} {'peak MB':>8} {'nodes':>7} {'of':>8} {'edges':>8}")
    for view in args.views.split(","):
        got = {}
        for path in ("top", "full") if args.full else ("top",):
            res = subprocess.run([sys.executable, __file__, "--worker", args.store, view, str(args.max_nodes), path],
                                 capture_output=True, text=True, check=False)
            if res.returncode != 0:
                print(f"{view:<11} {path:<5} failed: {res.stderr.strip()[-300:]}")
                continue
            r = got[path] = json.loads(res.stdout)
            print(f"{view:<11} {path:<5} {r['s']:>8.2f} {r['rss_mb']:>8} {r['nodes']:>7} {r['total']:>8} {r['edges']:>8}")
        if "top" in got and "full" in got:
            print(f"{view:<11} full/top time {got['full']['s'] / max(got['top']['s'], 0.01):.1f}x, "
                  f"memory {got['full']['rss_mb'] / max(got['top']['rss_mb'], 1):.1f}x")
    for view in args.views.split(",") if args.check else ():  # after the timings: it grows this process
        print(f"{view:<11} same graph: {_check(args.store, view, args.max_nodes)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
