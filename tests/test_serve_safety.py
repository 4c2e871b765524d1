"""`kg serve` and `kg query` as an attacker would try them (loopback only): no request leaves the
machine from a query, every query is bounded in time and memory, updates need the token and the
same origin, HTTP framing is strict, idle connections are closed."""
from __future__ import annotations

import base64
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from pathlib import Path

import pytest
import requests
from conftest import TINY_STATEMENT
from test_serve_protocol import TOKEN, start_server, stop_server

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


class Listener:
    """A TCP listener on loopback that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop = True
        self._thread.join(5)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    lst = Listener()
    yield lst
    lst.close()


@pytest.fixture(scope="module")
def server(corpus_store: tuple[Path, Path]) -> Iterator[str]:
    proc, url = start_server(corpus_store[0], "--timeout", "5", "--memory", "256", "--idle-timeout", "1")
    yield url
    stop_server(proc)


@pytest.fixture
def update_server(tmp_path: Path, run_kg, write_texts) -> Iterator[str]:
    store = tmp_path / "store"
    assert run_kg("ingest", write_texts({"a.txt": TINY_STATEMENT}), "--store", store).returncode == 0
    proc, url = start_server(store, "--allow-update")
    yield url
    stop_server(proc)


def raw(url: str, data: bytes, wait: float = 10.0) -> bytes:
    """Send ``data`` as it is; return everything the server sends until it closes the connection."""
    parts = urllib.parse.urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=wait) as s:
        s.sendall(data)
        got = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                return got
            got += chunk


# ---------------------------------------------------------------- 1: no outbound request from SPARQL
def test_serve_service_query_reaches_nothing(server: str, listener: Listener, corpus_store, run_kg) -> None:
    q = f"SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{listener.port}/x> {{ ?s ?p ?o }} }}"
    r = requests.get(server, params={"query": q}, headers={"Accept": "text/csv"}, timeout=30)
    assert r.status_code == 400 and "SERVICE is refused" in r.text
    r = requests.post(server, data={"query": q.replace("SERVICE", "service")}, timeout=30)
    assert r.status_code == 400 and "SERVICE is refused" in r.text
    proc = run_kg("query", "--sparql", q, "--store", corpus_store[0])
    assert proc.returncode == 1 and "Error: SERVICE is refused" in proc.stderr
    time.sleep(0.5)
    assert listener.connections == 0


def test_serve_keywords_inside_strings_and_iris_are_not_refused(server: str) -> None:
    q = 'SELECT ?x WHERE { BIND("SERVICE LOAD FROM" AS ?x) FILTER(?x != <urn:SERVICE>) } # SERVICE'
    r = requests.get(server, params={"query": q}, headers={"Accept": "text/csv"}, timeout=30)
    assert r.status_code == 200 and "SERVICE LOAD FROM" in r.text


def test_serve_load_needs_allow_load(update_server: str, listener: Listener) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = requests.post(update_server, data={"update": f"LOAD <http://127.0.0.1:{listener.port}/data.ttl>"},
                      headers=auth, timeout=30)
    assert r.status_code == 400 and "LOAD is refused" in r.text and "--allow-load" in r.text
    r = requests.post(update_server, timeout=30, headers=auth, data={
        "update": f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}"})
    assert r.status_code == 400 and "SERVICE is refused" in r.text
    time.sleep(0.5)
    assert listener.connections == 0


def test_query_from_outside_the_store_is_refused_and_from_a_document_is_applied(
        corpus_store, run_kg, listener: Listener) -> None:
    store = corpus_store[0]
    proc = run_kg("query", "--sparql", f"SELECT * FROM <http://127.0.0.1:{listener.port}/g> WHERE {{ ?s ?p ?o }}",
                  "--store", store)
    assert proc.returncode == 1 and "no such graph" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_kg("query", "--sparql", "SELECT * FROM NAMED <urn:nowhere> WHERE { GRAPH ?g { ?s ?p ?o } }",
                  "--store", store)
    assert proc.returncode == 1 and "FROM <urn:nowhere>" not in proc.stderr and "urn:nowhere" in proc.stderr
    docs = run_kg("query", "--sparql", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g",
                  "-f", "csv", "--store", store).stdout.split()[1:]
    assert len(docs) > 1
    count = "SELECT (COUNT(*) AS ?n) {from} WHERE {{ ?s ?p ?o }}"
    whole = run_kg("query", "--sparql", count.format(**{"from": ""}), "-f", "csv", "--store", store).stdout
    one = run_kg("query", "--sparql", count.format(**{"from": f"FROM <{docs[0]}>"}), "-f", "csv", "--store", store)
    assert one.returncode == 0, one.stderr
    assert 0 < int(one.stdout.split()[1]) < int(whole.split()[1])  # FROM is applied, not ignored
    assert listener.connections == 0


# ---------------------------------------------------------------- 11: parser depth
def test_query_deep_nesting_is_refused_not_a_crash(server: str, corpus_store, run_kg) -> None:
    deep = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000
    proc = run_kg("query", "--sparql", deep, "--store", corpus_store[0])
    assert proc.returncode == 1 and "more than 50 deep" in proc.stderr
    lists = "SELECT * WHERE { ?s ?p " + "(" * 300 + "1" + ")" * 300 + " }"
    r = requests.post(server, data={"query": lists}, timeout=30)
    assert r.status_code == 400 and "deep" in r.text


# ---------------------------------------------------------------- 2: time and memory budgets, fairness
def test_serve_query_over_the_memory_budget_is_stopped_and_the_server_goes_on(corpus_store) -> None:
    proc, url = start_server(corpus_store[0], "--timeout", "120", "--memory", "160", "--workers", "1")
    try:
        huge = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1"
        r = requests.get(url, params={"query": huge}, timeout=150)
        assert r.status_code == 503 and "memory" in r.text and "160 MB" in r.text
        r = requests.get(url, params={"query": "ASK { ?s ?p ?o }"}, timeout=150,
                         headers={"Accept": "application/sparql-results+json"})
        assert r.status_code == 200 and r.json()["boolean"] is True
    finally:
        stop_server(proc)


def test_serve_one_client_cannot_hold_every_worker(server: str) -> None:
    """Two slow queries from 127.0.0.1 take one worker in turn; 127.0.0.2 gets the other at once."""
    parts = urllib.parse.urlsplit(server)

    def get(query: str, source: str) -> int:
        conn = HTTPConnection(parts.hostname, parts.port, timeout=60, source_address=(source, 0))
        conn.request("GET", parts.path + "?" + urllib.parse.urlencode({"query": query}),
                     headers={"Accept": "text/csv", "Host": f"127.0.0.1:{parts.port}"})
        status = conn.getresponse().status
        conn.close()
        return status

    with ThreadPoolExecutor(3) as pool:
        slow = [pool.submit(get, SLOW, "127.0.0.1") for _ in range(2)]
        time.sleep(0.5)
        quick = pool.submit(get, "ASK { ?s ?p ?o }", "127.0.0.2")
        assert quick.result() == 200
        assert not all(f.done() for f in slow)  # answered while the slow client still waits
        assert [f.result() for f in slow] == [503, 503]


# ---------------------------------------------------------------- 3: updates: token, origin, host
def test_serve_update_needs_the_token(update_server: str) -> None:
    r = requests.post(update_server, data={"update": "DROP ALL"}, timeout=30)
    assert r.status_code == 401 and "token" in r.text
    r = requests.post(update_server, data={"update": "DROP ALL"}, headers={"Authorization": "Bearer wrong"},
                      timeout=30)
    assert r.status_code == 401
    basic = base64.b64encode(f"kg:{TOKEN}".encode()).decode()
    r = requests.post(update_server, data={"update": "INSERT DATA { <urn:x:a> <urn:x:b> 'c' }"},
                      headers={"Authorization": f"Basic {basic}"}, timeout=30)
    assert r.status_code == 204
    r = requests.get(update_server, params={"query": "ASK { ?s a dkg:Statement }"},
                     headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert r.json()["boolean"] is True  # nothing was dropped


def test_serve_cross_origin_form_update_is_refused(update_server: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = requests.post(update_server, data={"update": "DROP ALL"}, timeout=30,
                      headers={**auth, "Origin": "http://evil.example"})
    assert r.status_code == 403 and "another origin" in r.text
    r = requests.post(update_server, data={"update": "DROP ALL"}, timeout=30,
                      headers={**auth, "Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    r = requests.get(update_server, params={"query": "ASK { ?s a dkg:Statement }"},
                     headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert r.json()["boolean"] is True


def test_serve_foreign_host_is_refused(server: str) -> None:
    r = requests.get(server, params={"query": "ASK { ?s ?p ?o }"}, headers={"Host": "attacker.example"}, timeout=30)
    assert r.status_code == 421 and "attacker.example" in r.text and "--allow-host" in r.text
    port = urllib.parse.urlsplit(server).port
    r = requests.get(server, params={"query": "ASK { ?s ?p ?o }"}, headers={"Host": f"localhost:{port}"}, timeout=30)
    assert r.status_code == 200


# ---------------------------------------------------------------- 4: framing, errors close, idle timeout
def test_serve_two_content_lengths_are_refused_and_the_connection_closed(server: str) -> None:
    q = b"query=ASK+%7B+%3Fs+%3Fp+%3Fo+%7D"
    smuggled = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    got = raw(server, b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
                      b"\r\nContent-Length: %d\r\nContent-Length: %d\r\n\r\n" % (len(q), len(q)) + q + smuggled)
    assert got[9:12] == b"400" and got.count(b"HTTP/1.") == 1


def test_serve_content_length_with_transfer_encoding_is_refused(server: str) -> None:
    got = raw(server, b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                      b"Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                      b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert got[9:12] == b"400" and got.count(b"HTTP/1.") == 1
    got = raw(server, b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip\r\n\r\nxx")
    assert got[9:12] == b"501" and got.count(b"HTTP/1.") == 1


def test_serve_chunked_body_is_read_as_a_body(server: str) -> None:
    body = b"ASK { ?s ?p ?o }"
    got = raw(server, b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                      b"Accept: application/sparql-results+json\r\nTransfer-Encoding: chunked\r\nConnection: close"
                      b"\r\n\r\n%x\r\n%s\r\n0\r\n\r\n" % (len(body), body))
    assert got[9:12] == b"200" and b'"boolean":true' in got and got.count(b"HTTP/1.") == 1


def test_serve_oversized_body_is_refused_and_what_follows_is_not_served(server: str) -> None:
    got = raw(server, b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                      b"Content-Length: 99999999\r\n\r\nGET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert got[9:12] == b"413" and got.count(b"HTTP/1.") == 1


def test_serve_error_answer_closes_the_connection(server: str) -> None:
    got = raw(server, b"GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert got[9:12] == b"404" and got.count(b"HTTP/1.") == 1 and b"Connection: close" in got


def test_serve_idle_and_half_sent_connections_are_closed(server: str) -> None:
    assert raw(server, b"", wait=20) == b""  # closed by the server, not by our 20 s wait
    got = raw(server, b"GET /sparql?query=ASK HTTP/1.1\r\nHost: 127.0", wait=20)
    assert b"200" not in got


# ---------------------------------------------------------------- 12: lesser
def test_serve_listens_on_ipv6_loopback(corpus_store) -> None:
    try:
        socket.socket(socket.AF_INET6).bind(("::1", 0))
    except OSError:
        pytest.skip("no IPv6 loopback here")
    proc, url = start_server(corpus_store[0], "--host", "::1")
    try:
        assert url.startswith("http://[::1]:")
        r = requests.get(url, params={"query": "ASK { ?s ?p ?o }"}, timeout=30,
                         headers={"Accept": "application/sparql-results+json"})
        assert r.status_code == 200 and r.json()["boolean"] is True
    finally:
        stop_server(proc)


def test_serve_client_leaving_mid_answer_leaves_no_traceback(corpus_store) -> None:
    proc, url = start_server(corpus_store[0])
    try:
        parts = urllib.parse.urlsplit(url)
        big = urllib.parse.quote("SELECT * WHERE { ?s ?p ?o . ?a ?b ?c } LIMIT 200000")
        for _ in range(3):
            with socket.create_connection((parts.hostname, parts.port)) as s:
                s.sendall(b"GET /sparql?query=%s HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/csv\r\n\r\n"
                          % big.encode())
                s.recv(100)
        r = requests.get(url, params={"query": "ASK { ?s ?p ?o }"}, timeout=30, headers={"Accept": "text/csv"})
        assert r.status_code == 200
    finally:
        stop_server(proc)
    assert proc.stderr is not None
    rest = proc.stderr.read()
    assert "Traceback" not in rest and "BrokenPipe" not in rest


def test_serve_ingest_while_serving_gives_answers_or_a_clear_503_never_a_500(tmp_path: Path, run_kg,
                                                                             write_texts) -> None:
    """A store being written by `kg ingest` while `kg serve` reads it: every answer is whole or a clear 503,
    and the server writes no traceback."""
    store = tmp_path / "store"
    folder = write_texts({f"s{i}.txt": TINY_STATEMENT + f"\nItem {i}." for i in range(3)})
    assert run_kg("ingest", folder, "--store", store).returncode == 0
    proc, url = start_server(store)
    statuses: list[int] = []
    try:
        more = write_texts({f"more/m{i}.txt": TINY_STATEMENT + f"\nParagraph {i}." for i in range(40)})
        writer = threading.Thread(target=run_kg, args=("ingest", more, "--store", store))
        writer.start()
        while writer.is_alive() or len(statuses) < 5:
            r = requests.get(url, params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}, timeout=60,
                             headers={"Accept": "text/csv"})
            statuses.append(r.status_code)
            assert r.status_code in (200, 503), r.text
        writer.join(120)
    finally:
        stop_server(proc)
    assert 200 in statuses
    assert proc.stderr is not None and "Traceback" not in proc.stderr.read()
