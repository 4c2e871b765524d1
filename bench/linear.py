"""Is extraction linear in a statement's length? Times extraction of one single-line statement of
25 KB, 100 KB and 1 MB (a corpus statement, its lines joined by spaces, repeated: an English one and
a Russian one, which name many people and bodies in what is then all heading), and prints the time
per KB of each: a linear extraction keeps it flat (within 2x); a quadratic one grows with the size.

    python bench/linear.py [--sizes 25,100,1000] [--source FILE ...] [--profile KB]

Run on demand; not part of the unit tests.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract.common import lex
from kg.model import Document
from kg.pipeline import extract_document


SOURCES = [ROOT / "data" / "statements" / "002_4bd959af0db8c8a3.txt",  # a UN mission's statement (English)
           ROOT / "data" / "statements" / "001_f9d219dfafaa685e.txt"]  # the same mission's (Russian)


def one_line(kb: int, source: Path) -> str:
    """``kb`` KB of ``source`` as one line (a pasted web page without line breaks), repeated to size."""
    once = " ".join(source.read_text(encoding="utf-8").split())
    text = once
    while len(text) < kb * 1000:
        text += " " + once
    return text[: kb * 1000]


def extract_seconds(text: str) -> float:
    doc = Document(identity=f"/bench/linear-{len(text)}.txt", name="linear.txt", text=text, sha256="0" * 64,
                   media_type="text/plain", text_source="bench", encoding="utf-8")
    started = time.perf_counter()
    extract_document(doc)
    return time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="25,100,1000", help="KB, comma-separated")
    ap.add_argument("--source", type=Path, nargs="+", default=SOURCES, help="statements to make the lines of")
    ap.add_argument("--profile", type=int, metavar="KB", help="profile extraction of one statement of this size")
    args = ap.parse_args()
    lex()  # the gazetteers load once, outside the timings
    extract_seconds(one_line(5, args.source[0]))  # and the extractors' compiled patterns and caches
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(extract_seconds, one_line(args.profile, args.source[0]))
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
        return 0
    flat = True
    for source in args.source:
        per_kb = []
        for kb in (int(s) for s in args.sizes.split(",")):
            secs = extract_seconds(one_line(kb, source))
            per_kb.append(secs * 1000 / kb)
            print(f"{source.name}  {kb:>6} KB  {secs:8.2f} s  {per_kb[-1]:7.2f} ms/KB", flush=True)
        ratio = max(per_kb) / max(min(per_kb), 1e-9)
        flat = flat and ratio <= 2
        print(f"{source.name}: time per KB varies {ratio:.1f}x across sizes "
              f"({'flat' if ratio <= 2 else 'NOT flat'}: the limit is 2x)")
    return 0 if flat else 1


if __name__ == "__main__":
    sys.exit(main())
