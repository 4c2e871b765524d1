"""kg.views.top ranks a view before reading its evidence: its graph must be exactly the one the full build
gives after ``top_nodes`` (nodes, links, every attribute, evidence included), for every view."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from conftest import PROJECT_ROOT, bench_generate, run_kg_in
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.store import Store
from kg.views import VIEWS, build_view
from kg.views.data import load_view_data
from kg.views.filters import top_nodes
from kg.views.prepare import prepare_view
from kg.views.top import degrees, top_view

VIEW_NAMES = list(VIEWS)
DATES = ("2019-01-01", "2021-12-31")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory):
    """A store of 120 generated documents (speeches, ministry pages, listings) and the bundled five."""
    root = tmp_path_factory.mktemp("viewtop")
    for _path, _size in bench_generate().generate(root / "docs", 120, seed=3):
        pass
    proc = run_kg_in(root, "ingest", root / "docs", PROJECT_ROOT / "data" / "statements", "--store", root / "store")
    assert proc.returncode == 0, proc.stderr
    with Store(root / "store", read_only=True) as s:
        yield s


_FULL: dict[tuple, nx.Graph] = {}


def full(store: Store, view: str, dates: tuple[str | None, str | None] = (None, None)) -> nx.Graph:
    key = (id(store), view, dates)
    if key not in _FULL:
        _FULL[key] = build_view(store, view, *dates)
    return _FULL[key]


def assert_same(old: nx.Graph, new: nx.Graph) -> None:
    assert type(old) is type(new)
    assert set(old.nodes) == set(new.nodes)
    for n in old.nodes:
        assert old.nodes[n] == new.nodes[n], n
    if old.is_multigraph():
        assert sorted(old.edges(keys=True)) == sorted(new.edges(keys=True))
    else:
        assert {frozenset(e) if not old.is_directed() else e for e in old.edges} == \
               {frozenset(e) if not new.is_directed() else e for e in new.edges}
    assert nx.utils.graphs_equal(old, new)


def tie_cuts(g: nx.Graph) -> list[int]:
    """``max_nodes`` values whose cut falls inside a run of nodes of equal degree (ranked by label)."""
    ranked = sorted((d for _n, d in g.degree()), reverse=True)
    return [i + 1 for i in range(len(ranked) - 1) if ranked[i] == ranked[i + 1]]


@pytest.mark.parametrize("view", VIEW_NAMES)
def test_viewtop_degrees_are_the_degrees_of_the_full_view(generated, view):
    for dates in ((None, None), DATES):
        g = full(generated, view, dates)
        assert degrees(load_view_data(generated, *dates, quotes=False, statements=False), view) == dict(g.degree())


@pytest.mark.parametrize("view", VIEW_NAMES)
def test_viewtop_top_view_equals_full_build_then_top_nodes(generated, view):
    g = full(generated, view)
    total = g.number_of_nodes()
    cuts = tie_cuts(g)
    assert cuts, "the generated store should have nodes of equal degree"
    sizes = {1, 2, 7, 40, total // 3, cuts[0], cuts[len(cuts) // 2], cuts[-1], total - 1, total, total + 5}
    for n in sorted(s for s in sizes if s >= 1):
        new, count = top_view(generated, view, n)
        assert count == total
        assert_same(top_nodes(g, n), new)


@pytest.mark.parametrize("view", VIEW_NAMES)
def test_viewtop_top_view_keeps_the_date_filter(generated, view):
    g = full(generated, view, DATES)
    assert 0 < g.number_of_nodes() < full(generated, view).number_of_nodes()
    for n in (3, g.number_of_nodes() // 2, g.number_of_nodes()):
        new, count = top_view(generated, view, n, *DATES)
        assert count == g.number_of_nodes()
        assert_same(top_nodes(g, n), new)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(view=st.sampled_from(VIEW_NAMES), fraction=st.floats(0.0, 1.0))
def test_viewtop_any_max_nodes_matches_top_nodes(generated, view, fraction):
    g = full(generated, view)
    n = max(1, round(fraction * g.number_of_nodes()))
    assert_same(top_nodes(g, n), top_view(generated, view, n)[0])


def test_viewtop_bundled_corpus_evidence_and_counts(corpus_store):
    with Store(corpus_store[0], read_only=True) as s:
        g = build_view(s, "statements")
        new, _total = top_view(s, "statements", 30)
        assert_same(top_nodes(g, 30), new)
        ents = [d for _n, d in new.nodes(data=True) if d["type"] != "Statement"]
        assert any(d["evidence_count"] > len(d["evidence"]) for d in ents)  # counts cover what is left out
        quoted = [d for *_e, d in new.edges(data=True) if d.get("predicate") == "mentions"]
        assert quoted and all(ev["quote"] and ev["document"] for d in quoted for ev in d["evidence"])


def test_viewtop_prepare_view_summary_and_filters(generated):
    r = prepare_view(generated, "statements", max_nodes=25)
    assert r.graph.number_of_nodes() == 25 and r.total_nodes == full(generated, "statements").number_of_nodes()
    assert "showing the 25 nodes with most links of" in r.summary
    typed = prepare_view(generated, "statements", types=["State"], max_nodes=10)  # the full build, then filters
    assert {d["type"] for _n, d in typed.graph.nodes(data=True)} <= {"State", "Statement"}
    assert typed.graph.number_of_nodes() == 10


def test_viewtop_cli_render_draws_the_top_nodes(generated, run_kg, tmp_path: Path):
    out = tmp_path / "top.html"
    proc = run_kg("render", "--store", generated.path, "-o", out, "--max-nodes", "40", "--view", "comentions")
    assert proc.returncode == 0, proc.stderr
    assert "comentions view: 40 nodes" in proc.stderr and "showing the 40 nodes with most links" in proc.stderr
    assert out.stat().st_size > 0


def test_viewtop_reads_only_the_quotes_of_what_is_drawn(generated, monkeypatch):
    from kg.views import top as viewtop

    asked: list[int] = []
    real = viewtop._fetch_quotes

    def fetch(store, data, pairs):
        asked.append(len(pairs))
        return real(store, data, pairs)

    def whole_scan(*_a, **_k):
        raise AssertionError("a 10-node view read every quote of the store")

    monkeypatch.setattr(viewtop, "_fetch_quotes", fetch)
    monkeypatch.setattr(viewtop, "load_quotes", whole_scan)
    g, _total = top_view(generated, "statements", 10)
    mentions = sum(1 for *_e, k in full(generated, "statements").edges(keys=True) if k == "mentions")
    assert g.number_of_nodes() == 10 and asked and 0 < asked[0] < mentions / 5
