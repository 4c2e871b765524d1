"""`kg export --format gexf|graphml` writes the network views for Gephi, dates as attributes."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from kg.store import Store
from kg.views import build_view

GEXF = "{http://www.gexf.net/1.2draft}"


@pytest.mark.parametrize("view", ["statements", "comentions", "forums"])
def test_nxview_export_gexf_round_trips_the_view(run_kg, corpus_store, view):
    store, _ = corpus_store
    proc = run_kg("export", "--view", view, "-o", f"out/{view}.gexf", "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == f"wrote out/{view}.gexf (gexf)"
    path = run_kg.cwd / "out" / f"{view}.gexf"
    back = nx.read_gexf(path)
    with Store(store, read_only=True) as s:
        g = build_view(s, view)
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    labels = {d["label"] for _n, d in back.nodes(data=True)}
    assert labels == {d["label"] for _n, d in g.nodes(data=True)}
    # Gephi's timeline: the graph is dynamic, with dates, and dated nodes start at their first date
    graph_el = ET.parse(path).getroot().find(f"{GEXF}graph")
    assert graph_el.get("mode") == "dynamic" and graph_el.get("timeformat") == "date"
    starts = {n.get("id"): n.get("start") for n in graph_el.iter(f"{GEXF}node") if n.get("start")}
    assert starts
    for n, start in starts.items():
        assert start == g.nodes[n]["first"]


def test_nxview_export_graphml_keeps_evidence_as_text(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("export", "--format", "graphml", "--view", "statements", "--store", store)
    assert proc.returncode == 0, proc.stderr
    path = run_kg.cwd / "g.graphml"
    path.write_text(proc.stdout, encoding="utf-8")
    back = nx.read_graphml(path)
    with Store(store, read_only=True) as s:
        g = build_view(s, "statements")
    assert back.number_of_edges() == g.number_of_edges()
    quoted = [d for *_e, d in back.edges(data=True) if d.get("predicate") == "mentions"]
    assert quoted and all(d["evidence"] for d in quoted)
    russia = next(n for n, d in back.nodes(data=True) if d["label"] == "Russia")
    assert back.nodes[russia]["statements"] == g.nodes[russia]["statements"]
    assert back.nodes[russia]["first"] == g.nodes[russia]["first"]


def test_nxview_export_format_from_extension(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("export", "--view", "forums", "-o", "f.graphml", "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert "(graphml)" in proc.stderr
    assert nx.read_graphml(run_kg.cwd / "f.graphml").number_of_edges() > 0
