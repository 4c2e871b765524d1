"""Render benchmark: time to write the HTML view, its size, and how long headless Chromium takes to
open it and draw every node, for statement networks of 1k, 5k and 20k nodes.

    python bench/render_bench.py [--sizes 1000,5000,20000] [--keep DIR]

The graphs are synthetic but shaped like ``kg.views.statement_network``: 60% statements, each naming
2-6 entities picked with a long-tailed popularity, and a speaker; every node and edge carries evidence.
Browser time is wall-clock for Chromium to start, load the page, lay out and draw it (the page sets
``data-drawn-nodes`` on <body> once drawn), minus the time it takes for an empty page.
Run on demand; it prints figures, it asserts nothing about speed.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from viz.headless import chromium, load_page
from viz.layout import layout
from viz.render import render_html

TYPES = ["State", "Organization", "Person", "Resolution", "Treaty"]


def statement_like(n: int, seed: int = 1) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    n_ent = int(n * 0.4)
    ents = [f"e{i}" for i in range(n_ent)]
    weights = [1.0 / (i + 1) ** 0.9 for i in range(n_ent)]
    for i, e in enumerate(ents):
        g.add_node(e, iri=f"https://w3id.org/diplokg/id/x/{e}", label=f"Entity {i}", type=TYPES[i % len(TYPES)],
                   statements=0, evidence=[])
    for j in range(n - n_ent):
        st = f"s{j}"
        date = f"20{10 + j % 14:02d}-{1 + j % 12:02d}-{1 + j % 28:02d}"
        ev = {"quote": f"Statement {j} by a delegation at a meeting", "document": f"doc{j // 7}.txt", "date": date,
              "statement": f"Statement {j}"}
        g.add_node(st, iri=f"https://w3id.org/diplokg/id/s/{st}", label=f"Statement {j} by a delegation",
                   type="Statement", date=date, statements=1, evidence=[ev])
        named = set(rng.choices(ents, weights=weights, k=rng.randint(2, 6)))
        for e in named:
            g.nodes[e]["statements"] += 1
            g.add_edge(st, e, key="mentions", predicate="mentions", label="mentions", statements=[st],
                       evidence=[dict(ev, quote=g.nodes[e]["label"])])
        speaker = rng.choice(ents)
        g.add_edge(speaker, st, key="speaker", predicate="speaker", label="spoke", statements=[st], evidence=[ev])
    return g


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,5000,20000")
    ap.add_argument("--keep", type=Path, help="Keep the pages in this folder.")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kg-render-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    browser = chromium()
    baseline = None
    if browser:
        blank = folder / "blank.html"
        blank.write_text("<!DOCTYPE html><title>blank</title><body data-ready=1></body>", encoding="utf-8")
        baseline = min(load_page(blank).seconds for _ in range(2))
        print(f"Chromium: {browser}; an empty page takes {baseline:.2f} s (subtracted below)")
    else:
        print("Chromium not found: browser times skipped")
    print(f"{'nodes':>7} {'edges':>7} {'layout s':>9} {'render s':>9} {'file MB':>8} {'browser s':>10} "
          f"{'drawn':>7} {'search':>8}")
    for n in sizes:
        g = statement_like(n)
        t = time.perf_counter()
        layout(g)
        lay = time.perf_counter() - t
        path = folder / f"view-{n}.html"
        t = time.perf_counter()
        size = render_html(g, path, title=f"bench {n}")
        ren = time.perf_counter() - t
        drawn, found, secs = "-", "-", float("nan")
        if browser:
            loaded = load_page(path, "search=Entity%207", budget_ms=60000, timeout=600)
            secs = loaded.seconds - (baseline or 0.0)
            drawn = loaded.body("drawn-nodes") or "none"
            found = "ok" if loaded.body("search-result") == "Entity 7" else "FAILED"
        print(f"{g.number_of_nodes():>7} {g.number_of_edges():>7} {lay:>9.2f} {ren:>9.2f} {size / 1e6:>8.2f} "
              f"{secs:>10.2f} {drawn:>7} {found:>8}", flush=True)
    print(f"(render includes layout; pages in {folder})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
