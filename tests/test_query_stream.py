"""`kg query` writes a big answer as the engine gives it (CSV, TSV, JSON): a 3M-row CONSTRUCT is never
held whole before its first line is printed."""
import csv
import io
import json
import types

from kg.query import adhoc_query, format_result, run, write_result
from kg.store import Store

CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def test_query_stream_rows_come_as_an_iterator_and_read_as_the_whole(corpus_store):
    store_dir, _ = corpus_store
    with Store(store_dir, read_only=True) as store:
        streamed = run(store, adhoc_query(CONSTRUCT), stream=True)
        assert isinstance(streamed.rows, types.GeneratorType)  # not a list held in memory
        out = io.StringIO()
        write_result(streamed, "csv", out)
        whole = run(store, adhoc_query(CONSTRUCT))
        assert isinstance(whole.rows, list) and len(whole.rows) > 1000
    assert sorted(out.getvalue().splitlines()) == sorted(format_result(whole, "csv").splitlines())


def test_query_stream_json_and_tsv_stay_valid(corpus_store):
    store_dir, _ = corpus_store
    with Store(store_dir, read_only=True) as store:
        q = adhoc_query("SELECT ?s ?l WHERE { ?s a dkg:State ; rdfs:label ?l }")
        js, tsv = io.StringIO(), io.StringIO()
        write_result(run(store, q, stream=True), "json", js)
        write_result(run(store, q, stream=True), "tsv", tsv)
        whole = run(store, q)
    doc = json.loads(js.getvalue())
    assert doc["head"]["vars"] == ["s", "l"] and len(doc["results"]["bindings"]) == len(whole.rows) > 0
    assert len(list(csv.reader(io.StringIO(tsv.getvalue()), delimiter="\t"))) == len(whole.rows) + 1


def test_query_stream_cli_writes_a_construct(run_kg, corpus_store):
    store_dir, _ = corpus_store
    r = run_kg("query", "--store", store_dir, "--sparql", CONSTRUCT, "--format", "tsv")
    assert r.returncode == 0 and r.stdout.startswith("subject\tpredicate\tobject\n")
    assert r.stdout.count("\n") > 1000
