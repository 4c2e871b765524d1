"""A big store from a small one, for query latency at scale: every document graph of STORE copied N times
under new document IRIs (``.../doc/c<k>-<key>``), the reference graph once.

    python bench/replicate.py STORE OUT --copies 47

The copies hold the same statements, mentions and spans as the originals, so the answers grow N-fold and
their shape stays that of the source corpus (generated corpora come from the same templates anyway). It
measures the engine at a size that would take long to extract; it says nothing about extraction.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

__all__ = ["main"]


def main() -> int:
    import pyoxigraph as ox

    from kg.iris import BASE, reference_graph_iri
    from kg.store import MARKER, Store

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--copies", type=int, required=True)
    args = ap.parse_args()
    doc = f"{BASE}doc/".encode()
    with Store(args.store, read_only=True) as src:
        ref = ox.NamedNode(reference_graph_iri())
        docs = ox.serialize((q for q in src.quads() if q.graph_name != ref), format=ox.RdfFormat.N_QUADS)
        refs = ox.serialize(src.db.quads_for_pattern(None, None, None, ref), format=ox.RdfFormat.N_QUADS)
    t = time.perf_counter()
    with Store(args.out) as out:
        out.db.bulk_load(refs, format=ox.RdfFormat.N_QUADS, lenient=True)
        for k in range(args.copies):
            out.db.bulk_load(docs.replace(doc, doc + f"c{k}-".encode()), format=ox.RdfFormat.N_QUADS, lenient=True)
            print(f"\rcopy {k + 1}/{args.copies}", end="", file=sys.stderr, flush=True)
        out.compact()
        quads = len(out)
    print(f"\n{quads} quads in {time.perf_counter() - t:.0f} s ({args.out}, marker {MARKER})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
