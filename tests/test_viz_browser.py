"""The HTML views in a real headless Chromium with the network blocked: the graph draws, the
search finds a node, and hostile statement text is shown as text without running."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from viz.headless import chromium, load_page
from viz.render import render_html

pytestmark = pytest.mark.skipif(chromium() is None, reason="Chromium is not installed (Debian package `chromium`; "
                                                           ".ci/run installs it)")

HOSTILE_STATEMENT = (
    "Statement <img src=x onerror=\"document.title='pwned'\"> by Vassily Nebenzia </script><script>"
    "document.title='pwned'</script> at the UN Security Council, New York, 5 March 2021\n\n"
    "Mr. President,\n\n"
    "The Russian Federation supports resolution 75/240 </script><script>document.title='pwned'</script> and calls "
    "on the United States <img src=x onerror=\"document.title='pwned'\"> and Switzerland to join the consensus.\n\n"
    "Thank you.\n"
)


def page_nodes(path) -> list[dict]:
    page = path.read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL).group(1)
    return json.loads(block)["nodes"]


def test_viz_browser_corpus_view_draws_and_search_finds_a_node(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("render", "-o", "out/graph.html", "--store", store)
    assert proc.returncode == 0, proc.stderr
    path = run_kg.cwd / "out" / "graph.html"
    nodes = page_nodes(path)
    assert len(nodes) > 100
    loaded = load_page(path, "search=russia")
    assert loaded.body("ready") == "1", loaded.dom[-2000:]
    assert int(loaded.body("drawn-nodes")) == len(nodes)
    assert loaded.body("search-result") == "Russia"
    # the details panel shows the node found, with evidence from the documents
    panel = re.search(r'<aside id="kg-details">(.*?)</aside>', loaded.dom, re.DOTALL).group(1)
    assert "<h2>Russia</h2>" in panel and "<blockquote" in panel and ".txt" in panel
    assert re.search(r"<blockquote[^>]*>[^<]+<mark>Russia", panel)  # a quote inside its sentence


def test_viz_browser_search_without_match_says_so(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("render", "--view", "comentions", "-o", "c.html", "--store", store)
    assert proc.returncode == 0, proc.stderr
    loaded = load_page(run_kg.cwd / "c.html", "search=Atlantis%20Republic")
    assert loaded.body("ready") == "1"
    assert int(loaded.body("drawn-nodes")) == len(page_nodes(run_kg.cwd / "c.html"))
    assert loaded.body("search-result") == ""
    assert "no node matches “Atlantis Republic”" in loaded.dom


def test_viz_browser_hostile_statement_text_is_shown_not_run(run_kg, write_texts):
    folder = write_texts({"hostile.txt": HOSTILE_STATEMENT})
    assert run_kg("ingest", folder, "--store", "st", "-q").returncode == 0
    proc = run_kg("render", "-o", "h.html", "--store", "st")
    assert proc.returncode == 0, proc.stderr
    loaded = load_page(run_kg.cwd / "h.html", "search=Statement%20%3Cimg")
    assert loaded.body("ready") == "1", loaded.dom[-2000:]
    assert loaded.title == "diplokg — statements" and "pwned" not in loaded.title
    assert "<img" not in loaded.dom  # the <img onerror> never became an element
    # ... and the text is on the page, as text
    panel = re.search(r'<aside id="kg-details">(.*?)</aside>', loaded.dom, re.DOTALL).group(1)
    assert "&lt;/script&gt;&lt;script&gt;document.title='pwned'&lt;/script&gt;" in panel
    assert "&lt;img src=x onerror=" in panel


def test_viz_browser_big_view_draws_from_precomputed_positions(tmp_path):
    g = nx.barabasi_albert_graph(2500, 2, seed=5)
    for n in g:
        g.nodes[n].update(label=f"node {n}", type="State" if n % 3 else "Statement")
    path = tmp_path / "big.html"
    render_html(g, path, title="big")
    loaded = load_page(path, "search=node%201234")
    assert loaded.body("ready") == "1"
    assert loaded.body("drawn-nodes") == "2500"
    assert loaded.body("search-result") == "node 1234"
