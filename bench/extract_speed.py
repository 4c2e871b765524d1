"""Extraction and ingest speed on a folder of statements, beside the floor.

    python bench/extract_speed.py [FOLDER] [--repeat N] [--json FILE]

Prints MB/s of text through extraction alone, through the whole ingest (read, extract, assemble,
write to a fresh on-disk store), and of the floor: reading the same texts and scanning them once
with pyahocorasick over every gazetteer name plus one compiled resolution-symbol regex (nothing
can extract faster than it reads and matches). Run on demand; not part of the unit tests.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.floor import automaton, floor_seconds
from kg.extract.common import lex
from kg.ingest import ingest
from kg.pipeline import extract_document
from kg.read import find_files, read_document
from kg.store import Store


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=ROOT / "data" / "statements")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the texts for extraction and floor")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()

    t0 = time.perf_counter()
    lex()
    load_s = time.perf_counter() - t0
    files, _ = find_files([args.folder])
    docs = [read_document(p) for p in files]
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6

    t = time.perf_counter()
    statements = 0
    for _ in range(args.repeat):
        for d in docs:
            statements += len(extract_document(d))
    extract_s = (time.perf_counter() - t) / args.repeat

    a = automaton()
    floor_s = min(floor_seconds([d.text for d in docs], a=a) for _ in range(args.repeat))

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        with Store(Path(tmp) / "store") as store:
            ingest([args.folder], store)
        ingest_s = time.perf_counter() - t

    out = {
        "documents": len(docs), "mb": round(mb, 4), "statements": statements // args.repeat,
        "gazetteer_load_s": round(load_s, 3),
        "extract_mb_s": round(mb / extract_s, 3), "floor_mb_s": round(mb / floor_s, 2),
        "extract_vs_floor": round((mb / extract_s) / (mb / floor_s), 4),
        "ingest_mb_s": round(mb / ingest_s, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    width = max(len(k) for k in out)
    for k, v in out.items():
        print(f"{k:<{width}}  {v}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
