"""The NetworkX views are functions of the store: their numbers agree with SPARQL counts on it."""
from __future__ import annotations

import networkx as nx
import pytest

from kg.errors import ParameterError
from kg.store import Store
from kg.views.comentions import comention_network
from kg.views.filters import date_bound, focus, keep_types, top_nodes, type_names
from kg.views.forums import forum_network
from kg.views.graph import graph_view
from kg.views.prepare import prepare_view
from kg.views.result import result_view
from kg.views.statements import statement_network

P = "PREFIX dkg: <https://w3id.org/diplokg/ontology#>\n"


@pytest.fixture(scope="module")
def store(corpus_store):
    with Store(corpus_store[0], read_only=True) as s:
        yield s


def count(store: Store, sparql: str) -> int:
    return int(store.select(P + sparql).rows[0][0].value)


def test_nxview_graph_view_nodes_and_edges_carry_their_facts(store):
    g = graph_view(store)
    assert isinstance(g, nx.MultiDiGraph)
    assert sum(1 for _n, d in g.nodes(data=True) if d["type"] == "Statement") == count(
        store, "SELECT (COUNT(?s) AS ?n) WHERE { ?s a dkg:Statement }")
    for n, d in g.nodes(data=True):
        assert d["iri"] == n and d["label"] and d["type"]
        assert isinstance(d["statements"], int)
    for _u, _v, k, d in g.edges(keys=True, data=True):
        assert d["predicate"] == k and d["label"]
        assert isinstance(d["statements"], list)
    mentions = sum(1 for *_e, k in g.edges(keys=True) if k == "mentions")
    assert mentions == count(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?e WHERE { ?m dkg:inStatement ?s ; dkg:mentionOf ?e } }")


def test_nxview_entity_statement_count_matches_the_store(store):
    g = graph_view(store)
    russia = next(n for n, d in g.nodes(data=True) if d["label"] == "Russia")
    expected = count(store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?m dkg:inStatement ?s ; dkg:mentionOf <{russia}> }}")
    assert g.nodes[russia]["statements"] == expected > 1
    ev = g.nodes[russia]["evidence"]
    assert ev and all(e["quote"] and e["document"] for e in ev)
    assert g.nodes[russia]["first"] <= g.nodes[russia]["last"]


def test_nxview_relation_edges_carry_their_evidence(store):
    g = graph_view(store)
    rel = [(u, v, d) for u, v, k, d in g.edges(keys=True, data=True) if k in ("chairOf", "affiliatedWith",
                                                                               "establishedBy", "sponsoredBy")]
    assert len(rel) == count(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
                                    "VALUES ?p { dkg:chairOf dkg:affiliatedWith dkg:establishedBy dkg:sponsoredBy } "
                                    "?s ?p ?o } }")
    quoted = [d for _u, _v, d in rel if d["evidence"]]
    assert quoted, "relations read from text have evidence"
    for d in quoted:
        for e in d["evidence"]:
            assert e["quote"] and e["document"].endswith(".txt")
            assert e["iri"] in d["statements"]


def test_nxview_result_view_of_construct_and_select(store):
    q = "CONSTRUCT { ?p dkg:affiliatedWith ?o } WHERE { ?p dkg:affiliatedWith ?o }"
    g = result_view(store, P + q)
    n = count(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?p ?o WHERE { ?p dkg:affiliatedWith ?o } }")
    assert g.number_of_edges() == n > 0
    assert {d["type"] for _n, d in g.nodes(data=True)} <= {"Person", "State", "Organization"}
    assert all(d["label"] for _n, d in g.nodes(data=True))
    g2 = result_view(store, P + "SELECT ?s ?p ?o WHERE { ?s dkg:affiliatedWith ?o . BIND(dkg:affiliatedWith AS ?p) }")
    assert set(g2.edges()) == set(g.edges())
    with pytest.raises(ParameterError, match=r"\?s \?p \?o"):
        result_view(store, P + "SELECT ?x WHERE { ?x a dkg:State }")


def test_nxview_statement_network_points_from_speaker_to_statement_to_entity(store):
    g = statement_network(store)
    for u, v, k, _d in g.edges(keys=True, data=True):
        if k in ("speaker", "onBehalfOf"):
            assert g.nodes[v]["type"] == "Statement" != g.nodes[u]["type"]
        elif k == "mentions":
            assert g.nodes[u]["type"] == "Statement" != g.nodes[v]["type"]
    assert not [n for n in g if g.degree(n) == 0]


def test_nxview_comention_weight_is_the_number_of_statements_naming_both(store):
    g = comention_network(store)
    assert isinstance(g, nx.Graph) and not g.is_directed()
    assert {d["type"] for _n, d in g.nodes(data=True)} <= {"State", "Organization", "Resolution", "Treaty"}
    u, v, d = max(g.edges(data=True), key=lambda e: e[2]["weight"])
    both = count(store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?m dkg:inStatement ?s ; dkg:mentionOf <{u}> . ?n dkg:inStatement ?s ; dkg:mentionOf <{v}> }}")
    assert d["weight"] == both == len(d["statements"]) > 1
    assert d["first"] <= d["last"]


def test_nxview_forum_network_weights_and_dates(store):
    g = forum_network(store)
    assert g.number_of_edges() > 0
    for u, v, d in g.edges(data=True):
        n = count(store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s dkg:forum <{v}> . "
                         f"{{ ?s dkg:speaker <{u}> }} UNION {{ ?s dkg:onBehalfOf <{u}> }} }}")
        assert d["weight"] == n
        assert d["dates"] == sorted(d["dates"])


def test_nxview_date_range_keeps_only_statements_dated_within(store):
    whole = statement_network(store)
    dates = sorted(d["date"] for _n, d in whole.nodes(data=True) if d["type"] == "Statement" and d["date"])
    lo, hi = dates[len(dates) // 4], dates[3 * len(dates) // 4]
    part = statement_network(store, date_from=lo, date_to=hi)
    got = [d["date"] for _n, d in part.nodes(data=True) if d["type"] == "Statement"]
    assert got and all(lo <= x <= hi for x in got)
    assert len(got) == sum(1 for x in dates if lo <= x <= hi)


def test_nxview_filters_focus_types_and_top_nodes(store):
    g = statement_network(store)
    near = focus(g, "russia", 1)
    russia = next(n for n, d in near.nodes(data=True) if d["label"] == "Russia")
    assert set(near) == {russia} | set(g.successors(russia)) | set(g.predecessors(russia))
    only = keep_types(g, type_names("state,resolution"))
    assert {d["type"] for _n, d in only.nodes(data=True)} <= {"State", "Resolution", "Statement"}
    top = top_nodes(g, 10)
    cutoff = sorted((g.degree(n) for n in g), reverse=True)[9]
    assert len(top) == 10 and all(g.degree(n) >= cutoff for n in top)
    with pytest.raises(ParameterError, match="Atlantis"):
        focus(g, "Atlantis")


def test_nxview_prepare_view_says_when_it_leaves_nodes_out(store):
    r = prepare_view(store, "statements", max_nodes=25)
    assert r.graph.number_of_nodes() == 25 < r.total_nodes
    assert f"of {r.total_nodes:,}" in r.summary and "--max-nodes" in r.summary


@pytest.mark.parametrize("text,end,want", [("2020", False, "2020-01-01"), ("2020", True, "2020-12-31"),
                                           ("2020-02", True, "2020-02-29"), ("2021-02", True, "2021-02-28"),
                                           ("2020-12", True, "2020-12-31"), ("2020-03-05", True, "2020-03-05")])
def test_nxview_date_bound_periods(text, end, want):
    assert date_bound(text, end=end, option="--to") == want


@pytest.mark.parametrize("text", ["yesterday", "2020-13", "2020-02-30", "20-01-01"])
def test_nxview_date_bound_rejects_non_dates(text):
    with pytest.raises(ParameterError, match="--from"):
        date_bound(text, end=False, option="--from")
