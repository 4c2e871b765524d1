"""The page's own filters (date range, forum), weak co-mention links hidden by default, evidence listed
once, and labels that do not overlap, in headless Chromium on the bundled corpus where a browser is needed."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from viz.headless import chromium, load_page
from viz.render import page_data

needs_chromium = pytest.mark.skipif(chromium() is None, reason="Chromium is not installed (Debian package "
                                                               "`chromium`; .ci/run installs it)")


def _data(path) -> dict:
    page = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL).group(1))


def _render(run_kg, store, view: str, *extra: str):
    proc = run_kg("render", "--view", view, "-o", f"{view}.html", "--store", store, *extra)
    assert proc.returncode == 0, proc.stderr
    return run_kg.cwd / f"{view}.html", proc


@needs_chromium
def test_viz_page_filters_date_range_hides_nodes_outside_it(run_kg, corpus_store):
    store, _ = corpus_store
    path, _ = _render(run_kg, store, "statements")
    nodes = _data(path)["nodes"]
    want = sum(1 for n in nodes if "dates" in n and n["dates"][1] >= "2020-01-01" and n["dates"][0] <= "2020-06-30")
    loaded = load_page(path, "from=2020&to=2020-06")
    assert loaded.body("ready") == "1"
    assert 0 < int(loaded.body("visible-nodes")) == want < len(nodes)
    assert f"{want} of {len(nodes)} nodes shown" in loaded.dom


@needs_chromium
def test_viz_page_filters_forum_keeps_what_was_said_there(run_kg, corpus_store):
    store, _ = corpus_store
    path, _ = _render(run_kg, store, "statements")
    data = _data(path)
    forum = next(f for f in data["forums"] if f.startswith("Open-ended Working Group"))
    i = data["forums"].index(forum)
    want = sum(1 for n in data["nodes"] if i in n.get("forums", []))
    loaded = load_page(path, "forum=" + forum.replace(" ", "%20"))
    assert 0 < int(loaded.body("visible-nodes")) == want < len(data["nodes"])


@needs_chromium
@pytest.mark.parametrize("view", ["statements", "comentions"])
def test_viz_page_filters_labels_do_not_overlap(run_kg, corpus_store, view):
    store, _ = corpus_store
    path, _ = _render(run_kg, store, view)
    loaded = load_page(path)
    assert loaded.body("ready") == "1"
    assert loaded.body("label-overlaps") == "0"


def test_viz_page_filters_comentions_hide_weak_links_and_say_so(run_kg, corpus_store):
    store, _ = corpus_store
    path, proc = _render(run_kg, store, "comentions")
    strong = _data(path)
    summary = re.search(r'<p id="kg-summary">(.*?)</p>', path.read_text(encoding="utf-8")).group(1)
    m = re.search(r"([\d,]+) link\(s\) of weight below 2 hidden", summary)
    assert m and "--min-weight 1 shows them" in summary and "hidden" in proc.stderr
    path_all = run_kg.cwd / "all.html"
    proc = run_kg("render", "--view", "comentions", "--min-weight", "1", "-o", path_all, "--store", store)
    assert proc.returncode == 0 and "hidden" not in proc.stderr
    every = _data(path_all)
    assert len(every["edges"]) == len(strong["edges"]) + int(m.group(1).replace(",", ""))
    assert all(e.get("w", 1) > 1 for e in strong["edges"])  # weight 2 or more draws wider than 1


def test_viz_page_filters_statement_labels_are_short_clean_headings():
    g = nx.MultiDiGraph()
    g.add_node("s", type="Statement", label="S T A T E M E N T **BY HEAD OF THE RUSSIAN INTERAGENCY DELEGATION TO "
                                            "THE FIRST SUBSTANTIVE SESSION**", date="2021-12-13")
    g.add_node("r", type="State", label="Russia", first="2021-12-13", last="2021-12-13")
    ev = {"quote": "Russia", "statement": "S", "document": "a.txt", "date": "2021-12-13"}
    g.add_edge("s", "r", key="mentions", predicate="mentions", evidence=[ev, ev, dict(ev, quote="Russian")])
    data = page_data(g)
    st = next(n for n in data["nodes"] if n["type"] == "Statement")
    assert st["short"].startswith("STATEMENT BY HEAD") and len(st["short"]) <= 36 and "*" not in st["short"]
    assert st["font"] >= 14 and st["dates"] == ["2021-12-13", "2021-12-13"]
    assert [item[1] for item in data["edges"][0]["evidence"]] == ["Russia", "Russian"]  # each once


def test_viz_page_filters_evidence_keeps_the_sentence_around_a_quote():
    g = nx.MultiDiGraph()
    g.add_node("s", type="Statement", label="S")
    g.add_node("r", type="State", label="Russia")
    ev = {"quote": "Russia", "sentence": "Russia votes no.", "statement": "S", "document": "a.txt", "date": ""}
    g.add_edge("s", "r", key="mentions", predicate="mentions", evidence=[ev, dict(ev, sentence="")])
    assert [item[1:] for item in page_data(g)["edges"][0]["evidence"]] == [["Russia", "Russia votes no."],
                                                                          ["Russia"]]
