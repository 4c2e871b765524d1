"""The naive peer: the same quads in rdflib's default in-memory store, queried with rdflib's SPARQL
engine (default graph = union of the document graphs, as in kg's store).

    python bench/naive.py QUADS.nq QUERIES.json --timeout SECONDS [--reps N]

QUERIES.json is a list of {"name", "text", "bindings": {var: N3 term}}. Prints one JSON object:
load time, triple count, peak RSS, and per query the latencies or "timeout". Each query runs under
SIGALRM, so a query that takes too long is cut off and the others still run.
"""
from __future__ import annotations

import argparse
import json
import resource
import signal
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

__all__ = ["main"]


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def _patch_distinct_aggregates() -> None:
    """rdflib raises NotBoundError for an aggregate with DISTINCT over a variable an OPTIONAL left unbound
    (RDFLib/rdflib#716, #882); SPARQL 1.1 (18.5) says such a row is left out of that aggregate. Do so."""
    from rdflib.plugins.sparql.aggregates import Accumulator
    from rdflib.plugins.sparql.sparql import NotBoundError

    original = Accumulator.use_row

    def use_row(self, row):
        try:
            return original(self, row)
        except NotBoundError:
            return False

    Accumulator.use_row = use_row


def main() -> int:
    import rdflib
    from rdflib.util import from_n3

    from kg.terms import PREFIXES

    ap = argparse.ArgumentParser()
    ap.add_argument("quads", type=Path)
    ap.add_argument("queries", type=Path)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    specs = json.loads(args.queries.read_text())
    _patch_distinct_aggregates()

    t = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(str(args.quads), format="nquads")
    load_s = time.perf_counter() - t
    triples = sum(len(g) for g in ds.graphs())
    out = {"load_s": round(load_s, 3), "quads": triples, "load_triples_s": round(triples / load_s) if load_s else None,
           "queries": {}}
    signal.signal(signal.SIGALRM, _alarm)
    for spec in specs:
        bindings = {rdflib.Variable(k): from_n3(v) for k, v in spec["bindings"].items()}
        times: list[float] = []
        rows = None
        status = "ok"
        for _ in range(args.reps):
            signal.setitimer(signal.ITIMER_REAL, args.timeout)
            t = time.perf_counter()
            try:
                rows = len(list(ds.query(spec["text"], initNs=PREFIXES, initBindings=bindings)))
                times.append(time.perf_counter() - t)
            except _Timeout:
                if not times:
                    status = f"timeout >{args.timeout:g}s"
                break
            except Exception as e:  # noqa: BLE001 - rdflib's engine fails on some queries; report and go on
                status = f"error: {type(e).__name__}: {str(e)[:120]}"
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            if sum(times) > min(args.timeout, 5.0):  # slow but finished: one or two runs are enough
                break
        out["queries"][spec["name"]] = {"status": status, "rows": rows,
                                        "p50_ms": round(statistics.median(times) * 1000, 2) if times else None,
                                        "runs": len(times)}
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
