"""`kg serve`: the SPARQL 1.1 Protocol, spoken to by a real client (SPARQLWrapper) over HTTP."""
from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from conftest import TINY_STATEMENT, kg_env
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.serve import GRAPH_TYPES, QUERY_TYPES, negotiate

TOKEN = "test-token-for-updates"  # what start_server gives as KG_SERVE_TOKEN
STATES = "SELECT DISTINCT ?s ?label WHERE { ?s a dkg:State ; rdfs:label ?label } ORDER BY ?label"


def start_server(store: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", "0", *extra],
                            env=kg_env(KG_SERVE_TOKEN=TOKEN), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert proc.stderr is not None
    deadline = time.monotonic() + 60
    line = ""
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        m = re.search(r"at (http://\S+/sparql)", line)
        if m:
            return proc, m.group(1)
        if not line and proc.poll() is not None:
            break
    proc.kill()
    raise AssertionError(f"kg serve did not start: {line}{proc.stderr.read()}")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


@pytest.fixture(scope="module")
def endpoint(corpus_store: tuple[Path, Path]) -> Iterator[str]:
    proc, url = start_server(corpus_store[0], "--timeout", "3")
    yield url
    stop_server(proc)


def embedded_rows(store: Path, sparql: str) -> list[tuple[str, ...]]:
    from kg.store import Store

    with Store(store, read_only=True) as s:
        res = s.select(sparql)
    return [tuple(t.value for t in row) for row in res.rows]


def client(url: str, query: str, fmt: str) -> SPARQLWrapper:
    sw = SPARQLWrapper(url)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    return sw


def test_serve_select_json_matches_embedded_store(endpoint: str, corpus_store: tuple[Path, Path]) -> None:
    res = client(endpoint, "PREFIX dkg: <https://w3id.org/diplokg/ontology#>\n" + STATES, JSON).queryAndConvert()
    rows = [(b["s"]["value"], b["label"]["value"]) for b in res["results"]["bindings"]]
    assert rows == embedded_rows(corpus_store[0], STATES)
    assert len(rows) > 5


def test_serve_select_xml_csv_tsv_and_post(endpoint: str, corpus_store: tuple[Path, Path]) -> None:
    expected = sorted(embedded_rows(corpus_store[0], STATES))
    xml = client(endpoint, STATES, XML).queryAndConvert()  # a minidom Document
    xml_labels = sorted(n.firstChild.firstChild.data for n in xml.getElementsByTagName("binding")
                        if n.getAttribute("name") == "label")
    assert xml_labels == sorted(label for _, label in expected)
    text = client(endpoint, STATES, CSV).queryAndConvert().decode()
    assert sorted(tuple(r) for r in list(csv.reader(io.StringIO(text)))[1:]) == expected
    tsv = client(endpoint, STATES, TSV).queryAndConvert().decode().splitlines()
    assert tsv[0] == "?s\t?label" and len(tsv) == len(expected) + 1
    sw = client(endpoint, STATES, CSV)
    sw.setMethod(POST)  # a form-encoded POST
    assert sorted(tuple(r) for r in list(csv.reader(io.StringIO(sw.queryAndConvert().decode())))[1:]) == expected


def test_serve_named_graphs_are_visible_through_graph(endpoint: str, corpus_store: tuple[Path, Path]) -> None:
    q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    res = client(endpoint, q, JSON).queryAndConvert()
    got = {b["g"]["value"]: int(b["n"]["value"]) for b in res["results"]["bindings"]}
    assert got == {g: int(n) for g, n in embedded_rows(corpus_store[0], q)}
    assert len(got) == 6  # the five documents and the reference graph


def test_serve_ask_and_construct(endpoint: str, corpus_store: tuple[Path, Path]) -> None:
    assert client(endpoint, "ASK { ?s a dkg:State }", JSON).queryAndConvert()["boolean"] is True
    assert client(endpoint, "ASK { ?s a dkg:NoSuchClass }", JSON).queryAndConvert()["boolean"] is False
    q = "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a dkg:State ; rdfs:label ?l }"
    turtle = client(endpoint, q, TURTLE).query().response.read()
    got = set(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
    with_labels = {(s, label) for s, label in embedded_rows(corpus_store[0], STATES)}
    assert {(t.subject.value, t.object.value) for t in got} == with_labels
    req = urllib.request.Request(endpoint + "?" + urllib.parse.urlencode({"query": q}),
                                 headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(req, timeout=30) as r:
        assert r.headers["Content-Type"].startswith("application/n-triples")
        assert set(ox.parse(r.read(), format=ox.RdfFormat.N_TRIPLES)) == got


def test_serve_bad_sparql_is_400_with_the_parser_message(endpoint: str) -> None:
    with pytest.raises(QueryBadFormed, match="does not parse"):
        client(endpoint, "SELECT ?s WHERE { ?s ?p }", JSON).queryAndConvert()


def http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def test_serve_read_only_refuses_updates(endpoint: str) -> None:
    update = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:b> <urn:x:c> } }"
    status, body = http(endpoint, update.encode(), {"Content-Type": "application/sparql-update"})
    assert status == 403 and "--allow-update" in body
    status, _ = http(endpoint + "?" + urllib.parse.urlencode({"update": update}))
    assert status == 405
    sw = SPARQLWrapper(endpoint)
    sw.setMethod(POST)
    sw.setQuery(update)
    with pytest.raises(urllib.error.HTTPError) as e:  # SPARQLWrapper passes 403 on as urllib's error
        sw.query()
    assert e.value.code == 403


def test_serve_not_acceptable_unsupported_and_page(endpoint: str) -> None:
    q = urllib.parse.urlencode({"query": STATES})
    assert http(f"{endpoint}?{q}", headers={"Accept": "image/png"})[0] == 406
    assert http(f"{endpoint}?{q}&default-graph-uri=urn:x")[0] == 400
    assert http(endpoint, b"query=x", {"Content-Type": "text/plain"})[0] == 415
    status, page = http(endpoint.rsplit("/", 1)[0] + "/")
    assert status == 200 and '<form action="sparql" method="post">' in page


def test_serve_stops_a_query_past_the_time_limit_and_keeps_serving(endpoint: str) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~10^11 rows
    started = time.monotonic()
    status, body = http(endpoint + "?" + urllib.parse.urlencode({"query": slow}), headers={"Accept": "text/csv"})
    assert status == 503 and "time limit of 3 s" in body
    assert time.monotonic() - started < 20
    status, body = http(endpoint + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}),
                        headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and '"boolean":true' in body


def test_serve_allow_update_writes_to_the_store(tmp_path: Path, run_kg, write_texts) -> None:
    store = tmp_path / "store"
    assert run_kg("ingest", write_texts({"a.txt": TINY_STATEMENT}), "--store", store).returncode == 0
    proc, url = start_server(store, "--allow-update")
    try:
        sw = SPARQLWrapper(url, updateEndpoint=url)
        sw.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
        sw.setMethod(POST)
        sw.setQuery('INSERT DATA { GRAPH <urn:x:notes> { <urn:x:n1> rdfs:label "a note" } }')
        assert sw.query().response.status == 204
        with requests.Session() as http_session:  # 204s keep a kept-alive connection usable
            http_session.headers["Authorization"] = f"Bearer {TOKEN}"
            for i in range(3):
                r = http_session.post(url, data={"update": f"INSERT DATA {{ <urn:x:k{i}> rdfs:label 'k' }}"})
                assert r.status_code == 204 and r.content == b""
            assert http_session.post(url, data={"query": "ASK { <urn:x:k2> ?p ?o }"},
                                     headers={"Accept": "application/sparql-results+json"}).json()["boolean"]
        res = client(url, "SELECT ?g ?l WHERE { GRAPH ?g { <urn:x:n1> rdfs:label ?l } }", JSON).queryAndConvert()
        assert [(b["g"]["value"], b["l"]["value"]) for b in res["results"]["bindings"]] == [("urn:x:notes", "a note")]
    finally:
        stop_server(proc)
    assert embedded_rows(store, "SELECT ?l WHERE { <urn:x:n1> rdfs:label ?l }") == [("a note",)]


def test_serve_port_in_use_says_so(endpoint: str, corpus_store: tuple[Path, Path], run_kg) -> None:
    port = urllib.parse.urlsplit(endpoint).port
    proc = run_kg("serve", "--store", corpus_store[0], "--port", str(port))
    assert proc.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in proc.stderr and "--port" in proc.stderr
    assert "Traceback" not in proc.stderr and "unexpected" not in proc.stderr


def test_serve_answers_concurrent_clients(endpoint: str, corpus_store: tuple[Path, Path]) -> None:
    from concurrent.futures import ThreadPoolExecutor

    expected = sorted(embedded_rows(corpus_store[0], STATES))

    def ask(_: int) -> list[tuple[str, ...]]:
        text = client(endpoint, STATES, CSV).queryAndConvert().decode()
        return sorted(tuple(r) for r in list(csv.reader(io.StringIO(text)))[1:])

    with ThreadPoolExecutor(6) as pool:  # more clients than workers: the rest wait their turn
        assert list(pool.map(ask, range(12))) == [expected] * 12


def test_serve_without_a_store_says_so(run_kg, tmp_path: Path) -> None:
    proc = run_kg("serve", "--store", tmp_path / "nothing", "--port", "0")
    assert proc.returncode == 1
    assert "no store here yet" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("accept, offered, expected", [
    (None, QUERY_TYPES, "application/sparql-results+json"),
    ("text/csv", QUERY_TYPES, "text/csv"),
    ("text/csv;q=0.5, application/sparql-results+xml", QUERY_TYPES, "application/sparql-results+xml"),
    ("*/*;q=0.1, text/tab-separated-values", QUERY_TYPES, "text/tab-separated-values"),
    ("text/*", GRAPH_TYPES, "text/turtle"),
    ("application/sparql-results+json, text/turtle;q=0.9", GRAPH_TYPES, "text/turtle"),
    ("image/png", QUERY_TYPES, None),
    ("text/csv;q=0", QUERY_TYPES, None),
])
def test_serve_negotiate_prefers_quality_then_specificity(accept: str | None, offered: dict, expected: str) -> None:
    assert negotiate(accept, offered) == expected


def test_serve_help_has_an_example(run_kg) -> None:
    proc = run_kg("serve", "--help")
    assert proc.returncode == 0 and "Example" in proc.stdout and "--allow-update" in proc.stdout


def test_serve_allow_update_beside_a_writer_says_the_store_is_busy(tmp_path: Path, run_kg, write_texts) -> None:
    from kg.store import Store

    store = tmp_path / "store"
    assert run_kg("ingest", write_texts({"a.txt": TINY_STATEMENT}), "--store", store).returncode == 0
    with Store(store):  # another process holds the write lock
        proc = run_kg("serve", "--store", store, "--port", "0", "--allow-update")
    assert proc.returncode == 1, proc.stderr
    assert "another kg process is writing" in proc.stderr and "Traceback" not in proc.stderr


def test_serve_named_query_pages(endpoint: str, corpus_store: tuple[Path, Path], run_kg) -> None:
    store, _ = corpus_store
    whole = run_kg("query", "statements", "-f", "csv", "--store", store).stdout
    expected = list(csv.reader(io.StringIO(whole)))[1:]
    got = requests.get(f"{endpoint.rsplit('/', 1)[0]}/query/statements",
                       params={"limit": 3, "offset": 2, "format": "csv"}, timeout=30)
    assert got.status_code == 200, got.text
    assert [row[0] for row in list(csv.reader(io.StringIO(got.text)))[1:]] == [row[0] for row in expected[2:5]]
    named = requests.get(f"{endpoint.rsplit('/', 1)[0]}/query/resolution-mentions",
                         params={"resolution": "75/240", "limit": 1, "format": "json"}, timeout=30)
    assert named.status_code == 200 and len(named.json()["results"]["bindings"]) == 1
    for params, status in (({"limit": "x"}, 400), ({"nope": "1"}, 400), ({"offset": 2}, 400)):
        assert requests.get(f"{endpoint.rsplit('/', 1)[0]}/query/statements", params=params,
                            timeout=30).status_code == status, params
    assert requests.get(f"{endpoint.rsplit('/', 1)[0]}/query/..%2F..%2Fetc", timeout=30).status_code == 404


def test_serve_named_query_pages_follow_their_link_to_the_whole_answer(endpoint: str,
                                                                        corpus_store: tuple[Path, Path],
                                                                        run_kg) -> None:
    store, _ = corpus_store
    base = endpoint.rsplit("/", 1)[0]
    for name, params in (("mentions", {}), ("forum-speakers", {"forum": "OEWG"})):
        whole = run_kg("query", name, *[f"--param={k}={v}" for k, v in params.items()], "-f", "csv",
                       "--store", store).stdout
        expected = [row[:2] for row in list(csv.reader(io.StringIO(whole)))[1:]]
        rows: list[list[str]] = []
        url, query = f"{base}/query/{name}", {**params, "limit": 25, "format": "csv"}
        for _ in range(1000):
            got = requests.get(url, params=query, timeout=30)
            assert got.status_code == 200, got.text
            rows += [row[:2] for row in list(csv.reader(io.StringIO(got.text)))[1:]]
            if "next" not in got.links:
                break
            url, query = urllib.parse.urljoin(base + "/", got.links["next"]["url"]), None
        assert len(expected) > 25 or name != "mentions"
        assert rows == expected, name
    bad = requests.get(f"{base}/query/mentions", params={"limit": 5, "after": "nonsense!"}, timeout=30)
    assert bad.status_code == 400 and "not a page cursor" in bad.text
    both = requests.get(f"{base}/query/mentions", params={"limit": 5, "offset": 1, "after": "x"}, timeout=30)
    assert both.status_code == 400
