"""Query input is data, never SPARQL: parameters are bound as typed RDF terms (a wrong type is a
one-line error naming the parameter), updates are refused, and a malformed query names its line and
column. The store is the same afterwards."""
from __future__ import annotations

import json
import re

import pyoxigraph as ox
import pytest
from conftest import stats_json

INJECTIONS = ['x" } ; DROP ALL ; #', "x' } ; DROP ALL ; #", "x\n} ; DROP ALL ; #", 'x\\" } DELETE WHERE { ?s ?p ?o } #']


@pytest.fixture
def typed_query(run_kg):
    path = run_kg.cwd / "typed.rq"
    path.write_text("# Echo typed parameters.\n# @param when date  A day.\n# @param n integer  A count.\n"
                    "# @param target iri  Anything.\nSELECT ?when ?n ?target WHERE { }\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("param,value,needle", [
    ("when", "2021-13-45", "YYYY-MM-DD"),
    ("when", 'x" } ; DROP ALL ; #', "YYYY-MM-DD"),
    ("n", "ten", "whole number"),
    ("n", "1 } ; DROP ALL", "whole number"),
    ("target", "not an iri", "not an IRI"),
    ("target", "https://x.org/a> } ; DROP ALL ; #", "not an IRI"),
], ids=["bad-date", "hostile-date", "bad-integer", "hostile-integer", "bad-iri", "hostile-iri"])
def test_query_injection_wrongly_typed_parameter_is_one_line_error(run_kg, corpus_store, typed_query, param,
                                                                   value, needle):
    store, _ = corpus_store
    args = {"when": "2021-03-05", "n": "3", "target": "https://example.org/x"}
    args[param] = value
    proc = run_kg("query", typed_query, *[f"-p{k}={v}" for k, v in args.items()], "--store", store)
    assert proc.returncode == 1 and proc.stdout == "" and "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: --param {param}=") and needle in lines[0], proc.stderr


def test_query_injection_typed_parameters_come_back_as_typed_terms(run_kg, corpus_store, typed_query):
    store, _ = corpus_store
    proc = run_kg("query", typed_query, "-p", "when=2021-03-05", "-p", "n=3", "-p", "target=https://example.org/x",
                  "--format", "json", "--store", store)
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)["results"]["bindings"][0]
    assert row["when"] == {"type": "literal", "value": "2021-03-05",
                           "datatype": "http://www.w3.org/2001/XMLSchema#date"}
    assert row["n"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    assert row["target"] == {"type": "uri", "value": "https://example.org/x"}


@pytest.mark.parametrize("value", INJECTIONS)
def test_query_injection_adhoc_values_are_bound_as_literals(run_kg, corpus_store, value):
    store, _ = corpus_store
    before = stats_json(store, run_kg.cwd)
    proc = run_kg("query", "--sparql", "SELECT ?v WHERE { }", "-p", f"v={value}", "--format", "json",
                  "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["results"]["bindings"] == [{"v": {"type": "literal", "value": value}}]
    assert stats_json(store, run_kg.cwd) == before


@pytest.mark.parametrize("update", ["DROP ALL", "CLEAR DEFAULT", "PREFIX ex: <http://e.x/>\nINSERT DATA { ex:a ex:b ex:c }",
                                    "DELETE WHERE { ?s ?p ?o }", "LOAD <http://example.org/x.ttl>"])
def test_query_injection_updates_are_refused_and_the_store_unchanged(run_kg, corpus_store, update):
    store, _ = corpus_store
    before = stats_json(store, run_kg.cwd)
    proc = run_kg("query", "--sparql", update, "--store", store)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "updates are refused" in lines[0], proc.stderr
    assert stats_json(store, run_kg.cwd) == before


def test_query_injection_malformed_query_names_line_and_column(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("query", "--sparql", "SELECT ?x\nWHERE {\n  ?x rdfs:label \"unclosed\n}", "--store", store)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "does not parse: error at line 3, column 26" in lines[0], proc.stderr


# ------------------------------------------------------------------ where a parameter is bound
def test_query_values_block_opens_the_graph_group_or_stands_at_the_bind_mark():
    from kg.query import with_values

    name = ox.NamedNode("https://w3id.org/diplokg/id/state/RUS")
    plain = "SELECT ?s WHERE {\n  GRAPH ?doc { ?s dkg:onBehalfOf ?state }\n}"
    got = with_values(plain, {"state": name})
    assert "GRAPH ?doc {\n  VALUES (?state) { (<https://w3id.org/diplokg/id/state/RUS>) }" in got
    marked = "SELECT ?f WHERE {\n  { SELECT ?f WHERE {\n      # @bind\n      ?f dkg:partOf ?forum .\n  } }\n}"
    got = with_values(marked, {"forum": name})
    inner = got.index("{ SELECT ?f WHERE {")
    assert inner < got.index("VALUES (?forum)") < got.index("?f dkg:partOf") and "@bind" not in got
    assert with_values("SELECT ?s WHERE { ?s ?p ?state }", {"state": name}).startswith(
        "SELECT ?s WHERE {\n  VALUES (?state)")


def test_query_bound_named_queries_give_the_rows_of_pyoxigraph_substitutions(corpus_store):
    """Binding by a VALUES block (fast) and by pyoxigraph's substitutions (slow here) agree on every
    named query with parameters, with each query's own example values."""
    from kg.query import bind, load_query, named_queries, run
    from kg.store import Store

    def rows(result):
        # GROUP_CONCAT has no order in SPARQL: compare its parts as sets (of the literal's text, not of its
        # quoted form, whose quotes would stick to the first and last part)
        return sorted(tuple(" | ".join(sorted(t.value.split(" | "))) if isinstance(t, ox.Literal)
                            else str(t) if t is not None else "" for t in row) for row in result.rows)

    store, _ = corpus_store
    checked = 0
    with Store(store, read_only=True) as st:
        for q in named_queries().values():
            if not q.params or not q.example:
                continue
            values = dict(re.findall(r"--param\s+(\w+)=(\S+)", q.example))
            q = load_query(q.name)
            fast = run(st, q, values)
            slow = st.select(q.text, bind(q, values))
            assert fast.variables == slow.variables
            assert rows(fast) == rows(slow) and fast.rows, q.name
            checked += 1
    assert checked >= 4
