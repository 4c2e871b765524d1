"""A named query's final ORDER BY, done in Python (kg.ordering), gives the engine's order."""
from __future__ import annotations

import shlex

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ordering import sort_rows, split_order_by
from kg.query import _strip_comments, adhoc_query, bind, named_queries, run, with_values
from kg.store import Store

XSD = "http://www.w3.org/2001/XMLSchema#"


def _example(q) -> dict[str, str]:
    words = shlex.split(q.example or "")
    return dict(w.split("=", 1) for a, w in zip(words, words[1:]) if a in ("--param", "-p"))


def _key_columns(variables: list[str], rows: list, keys) -> list[tuple]:
    idx = [variables.index(v) for v, _, _ in keys]
    return [tuple(str(row[i]) for i in idx) for row in rows]


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_query_ordering_named_queries_sorted_here_as_by_the_engine(corpus_store, name):
    q = named_queries()[name]
    sparql = with_values(q.text, bind(q, _example(q)))
    _, keys = split_order_by(_strip_comments(sparql))
    assert keys, f"{name}: its ORDER BY is one kg.ordering takes over"
    with Store(corpus_store[0], read_only=True) as store:
        engine = store.select(sparql)
        here = run(store, q, _example(q))
    assert here.variables == engine.variables and engine.rows
    assert sorted(map(str, here.rows)) == sorted(map(str, engine.rows))
    assert _key_columns(here.variables, here.rows, keys) == _key_columns(engine.variables, engine.rows, keys)


def test_query_ordering_split_takes_simple_final_clauses_only():
    head, keys = split_order_by("SELECT ?a ?b WHERE { ?a ?p ?b }\nORDER BY DESC(?a) STR(?b) ASC(STR(?c))\n")
    assert keys == [("a", True, False), ("b", False, True), ("c", False, True)]
    assert "ORDER" not in head
    for kept in ("SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a LIMIT 5",  # a LIMIT needs the engine's order
                 "SELECT ?a WHERE { ?a ?p ?b } ORDER BY (?a + 1)",
                 "SELECT ?a WHERE { { SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a LIMIT 1 } }"):
        assert split_order_by(kept) == (kept, None), kept


def test_query_ordering_by_a_variable_not_returned_is_left_to_the_engine(corpus_store):
    q = adhoc_query("SELECT ?label WHERE { GRAPH ?g { ?s a dkg:State ; rdfs:label ?label ; dkg:iso3 ?iso } }\n"
                    "ORDER BY DESC(?iso)")
    with Store(corpus_store[0], read_only=True) as store:
        here = run(store, q)
        engine = store.select(q.text)
    assert [str(r) for r in here.rows] == [str(r) for r in engine.rows] and len(engine.rows) > 1


_KINDS = [
    st.integers(-50, 50).map(lambda n: ox.Literal(str(n), datatype=ox.NamedNode(XSD + "integer"))),
    st.dates().map(lambda d: ox.Literal(d.isoformat(), datatype=ox.NamedNode(XSD + "date"))),
    st.text(alphabet="aAbé ZΩ1", max_size=4).map(ox.Literal),
    st.text(alphabet="abz/-", min_size=1, max_size=4).map(lambda s: ox.NamedNode("https://x.org/" + s)),
]


@st.composite
def _rows(draw) -> list[list]:
    """Rows of two columns, each of one kind of term (SPARQL leaves numbers against strings open), some unbound."""
    a, b = draw(st.sampled_from(_KINDS)), draw(st.sampled_from(_KINDS))
    return draw(st.lists(st.tuples(st.none() | a, st.none() | b).map(list), max_size=12))


@given(_rows(), st.booleans(), st.booleans())
@settings(max_examples=200, deadline=None)
def test_query_ordering_matches_pyoxigraph_on_random_terms(rows, desc_a, str_b):
    """Unbound values, numbers, dates, strings and IRIs in the order pyoxigraph gives them."""
    order = f"{'DESC(?a)' if desc_a else '?a'} {'STR(?b)' if str_b else '?b'}"
    values = " ".join(f"({'UNDEF' if a is None else a} {'UNDEF' if b is None else b})" for a, b in rows)
    engine = [[s["a"], s["b"]] for s in ox.Store().query(
        f"SELECT ?a ?b WHERE {{ VALUES (?a ?b) {{ {values} }} }} ORDER BY {order}")] if rows else []
    _, keys = split_order_by(f"SELECT * WHERE {{}} ORDER BY {order}")
    here = sort_rows(["a", "b"], rows, keys)
    assert [(str(a), str(b)) for a, b in here] == [(str(a), str(b)) for a, b in engine]
