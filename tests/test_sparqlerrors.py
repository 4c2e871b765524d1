"""SPARQL syntax errors come back as one line naming the problem, its line and column."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.sparqlerrors import syntax_message
from kg.terms import PREFIXES
from test_cli_commands import assert_one_line_error


def _message(sparql: str) -> str:
    try:
        ox.Store().query(sparql, prefixes=PREFIXES)
    except SyntaxError as e:
        return syntax_message(sparql, str(e), PREFIXES)
    raise AssertionError(f"{sparql!r} parsed")


def test_sparqlerrors_unknown_prefix_is_named_with_the_known_ones():
    msg = _message("SELECT ?x WHERE {\n  ?x a dkg:State ;\n     foo:bar ?y }")
    assert msg.startswith("unknown prefix foo: at line 3, column 6")
    for prefix in PREFIXES:
        assert f"{prefix}:" in msg
    assert "\n" not in msg


def test_sparqlerrors_prefix_declared_in_the_query_is_not_blamed():
    msg = _message("PREFIX foo: <http://example.org/>\nSELECT * WHERE { ?s foo:a ?o . ?s bar:b ?o }")
    assert msg.startswith("unknown prefix bar: at line 2")


@pytest.mark.parametrize("sparql,needle", [
    ("SELECT ?x WHERE { ?x ?p ?o", "a { is not closed"),
    ('SELECT ?x WHERE { ?x ?p "abc }', "a string is not closed"),
    ("SELEC ?x WHERE { ?x ?p ?o }", "a query starts with SELECT"),
    ("SELECT * WHERE { ?s ?p ?o } LIMT 3", "expected one of"),
])
def test_sparqlerrors_other_mistakes_say_line_column_and_what(sparql, needle):
    msg = _message(sparql)
    assert msg.startswith("error at line 1, column ") and needle in msg, msg
    assert len(msg) < 240 and "\n" not in msg and "\\u{" not in msg


def test_sparqlerrors_cli_unknown_prefix_one_line_exit_1(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("query", "--sparql", "SELECT ?x WHERE { ?x foo:bar ?y }", "--store", store)
    assert_one_line_error(proc, "unknown prefix foo:", "line 1, column 22", "dkg:", "rdfs:")
