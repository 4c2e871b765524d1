"""`kg push` and `kg query --endpoint` without an external server: pushed into a `kg serve --allow-update`
endpoint, and into a small recording HTTP server for retries, interruptions and the Graph Store Protocol."""
from __future__ import annotations

import json
import threading
import urllib.parse
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import TINY_STATEMENT
from test_serve_protocol import TOKEN, start_server, stop_server

from kg.errors import RemoteError
from kg.push import insert_batches, push
from kg.query import bind, load_query, named_queries, run
from kg.remote import Remote, with_prefixes, with_values
from kg.store import Store


class Recorder(BaseHTTPRequestHandler):
    """Answers 204, but ``fail_status`` to the first ``fail_first`` requests and to every request after
    the first ``fail_after`` (-1: never)."""

    def log_message(self, *args: object) -> None:
        pass

    def _handle(self) -> None:
        srv = self.server
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with srv.lock:  # type: ignore[attr-defined]
            srv.seen.append((self.command, self.path, dict(self.headers), body))  # type: ignore[attr-defined]
            failing = srv.fail_first > 0 or 0 <= srv.fail_after <= srv.count  # type: ignore[attr-defined]
            srv.fail_first -= 1  # type: ignore[attr-defined]
            srv.count += 1  # type: ignore[attr-defined]
        self.send_response(srv.fail_status if failing else 204)  # type: ignore[attr-defined]
        if srv.fail_status == 401 and failing:  # type: ignore[attr-defined]
            self.send_header("WWW-Authenticate", 'Basic realm="test"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_PUT = do_DELETE = _handle


@pytest.fixture
def recorder() -> Iterator[ThreadingHTTPServer]:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    srv.lock, srv.seen, srv.fail_first, srv.fail_after, srv.fail_status = threading.Lock(), [], 0, -1, 503
    srv.count = 0
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv
    srv.shutdown()
    srv.server_close()


def url_of(srv: ThreadingHTTPServer, path: str = "/update") -> str:
    return f"http://127.0.0.1:{srv.server_address[1]}{path}"


def updates(srv: ThreadingHTTPServer) -> list[str]:
    return [urllib.parse.parse_qs(body.decode())["update"][0] for cmd, _, _, body in srv.seen if cmd == "POST"]


def no_sleep(_: float) -> None:
    pass


@pytest.fixture
def tiny_store(tmp_path: Path, run_kg, write_texts) -> Path:
    store = tmp_path / "store"
    folder = write_texts({"a.txt": TINY_STATEMENT, "b.txt": TINY_STATEMENT.replace("5 March", "6 March")})
    assert run_kg("ingest", folder, "--store", store).returncode == 0
    return store


def graph_sets(store: Path) -> dict[str, set]:
    with Store(store, read_only=True) as s:
        return {g: {(q.subject, q.predicate, q.object) for q in s.db.quads_for_pattern(None, None, None, ox.NamedNode(g))}
                for g in s.graphs()}


def test_push_into_kg_serve_copies_every_graph_and_repush_sends_nothing(tmp_path: Path, corpus_store, run_kg) -> None:
    target = tmp_path / "target"
    Store(target).close()  # an empty store to serve
    proc, url = start_server(target, "--allow-update")
    try:
        state = tmp_path / "push.json"
        auth = ("--user", "kg", "--password", TOKEN)  # the server's update token, as a basic password
        first = run_kg("push", "--endpoint", url, "--store", corpus_store[0], "--state", state, *auth)
        assert first.returncode == 0, first.stderr
        assert "6 graph(s) sent" in first.stderr  # the documents and the reference graph
        again = run_kg("push", "--endpoint", url, "--store", corpus_store[0], "--state", state, *auth)
        assert again.returncode == 0 and "0 graph(s) sent" in again.stderr and "0 request(s)" in again.stderr
        # every named query gives the same rows through the endpoint as on the store
        remote = Remote(url)
        with Store(corpus_store[0], read_only=True) as s:
            for name, q in named_queries().items():
                values = dict(a.split("=", 1) for a in (q.example or "").split() if "=" in a)
                got = remote.select(with_prefixes(with_values(q.text, bind(q, values))))
                want = run(s, q, values)
                assert (got.variables, got.rows) == (want.variables, want.rows), name
                assert want.rows, name
        # and through the command line, formatted the same
        remote_cli = run_kg("query", "state-mentions", "-p", "state=Russia", "--endpoint", url, "-f", "csv")
        local_cli = run_kg("query", "state-mentions", "-p", "state=Russia", "--store", corpus_store[0], "-f", "csv")
        assert remote_cli.returncode == 0, remote_cli.stderr
        assert remote_cli.stdout == local_cli.stdout
    finally:
        stop_server(proc)
    assert graph_sets(target) == graph_sets(corpus_store[0])


def test_push_retries_a_5xx_then_succeeds(tiny_store: Path, tmp_path: Path, recorder: ThreadingHTTPServer) -> None:
    recorder.fail_first = 2
    naps: list[float] = []
    with Store(tiny_store, read_only=True) as s:
        report = push(s, Remote(url_of(recorder), sleep=naps.append), tmp_path / "state.json")
    assert naps == [1.0, 2.0]  # exponential backoff
    assert len(report.sent) == 3 and len(recorder.seen) == report.requests + 2
    sent = updates(recorder)
    assert sent[0] == sent[1] == sent[2] and sent[2].startswith("DROP SILENT GRAPH <")


def test_push_gives_up_after_the_retries_and_resumes_where_it_stopped(
        tiny_store: Path, tmp_path: Path, recorder: ThreadingHTTPServer) -> None:
    state = tmp_path / "state.json"
    with Store(tiny_store, read_only=True) as s:
        docs = s.graphs()  # the reference graph, then the documents
        per_doc = 1 + -(-len(graph_sets(tiny_store)[docs[0]]) // 200)  # DROP + the INSERTs of the first graph
        recorder.fail_after, recorder.fail_status = per_doc, 503  # the first document goes through, then 503s
        with pytest.raises(RemoteError, match="gave up after 4 retries"):
            push(s, Remote(url_of(recorder), sleep=no_sleep), state)
        done = json.loads(state.read_text())["targets"][url_of(recorder)]
        assert list(done) == [docs[0]]
        recorder.fail_after, recorder.seen = -1, []
        report = push(s, Remote(url_of(recorder), sleep=no_sleep), state)
    assert report.sent == docs[1:] and report.unchanged == [docs[0]]
    assert all(docs[0] not in u for u in updates(recorder))


def test_push_does_not_retry_a_refusal_and_names_the_fix(tiny_store: Path, tmp_path: Path,
                                                          recorder: ThreadingHTTPServer) -> None:
    recorder.fail_first, recorder.fail_status = 100, 403
    with Store(tiny_store, read_only=True) as s, pytest.raises(RemoteError, match="--user and --password"):
        push(s, Remote(url_of(recorder), sleep=no_sleep), tmp_path / "state.json")
    assert len(recorder.seen) == 1


def test_push_answers_a_basic_challenge_with_the_user(tiny_store: Path, tmp_path: Path,
                                                      recorder: ThreadingHTTPServer) -> None:
    recorder.fail_first, recorder.fail_status = 1, 401
    with Store(tiny_store, read_only=True) as s:
        push(s, Remote(url_of(recorder), user="kg", password="secret"), tmp_path / "state.json")
    assert "Authorization" not in recorder.seen[0][2]
    assert recorder.seen[1][2]["Authorization"].startswith("Basic ")


def test_push_graph_store_puts_each_document_and_drops_removed_ones(
        tiny_store: Path, tmp_path: Path, recorder: ThreadingHTTPServer, run_kg) -> None:
    state = tmp_path / "state.json"
    remote = Remote(url_of(recorder, "/sparql"), graph_store=url_of(recorder, "/data"))
    expected = graph_sets(tiny_store)
    with Store(tiny_store, read_only=True) as s:
        push(s, remote, state)
    puts = [(urllib.parse.parse_qs(urllib.parse.urlsplit(p).query)["graph"][0], h["Content-Type"], b)
            for c, p, h, b in recorder.seen if c == "PUT"]
    assert {g: {(t.subject, t.predicate, t.object) for t in ox.parse(b, format=ox.RdfFormat.TURTLE)}
            for g, _, b in puts} == expected
    assert all(ct.startswith("text/turtle") for _, ct, _ in puts)
    with Store(tiny_store, read_only=True) as s:
        gone = s.documents()[0]
        path = s.select("SELECT ?d ?p WHERE { ?d dkg:sourcePath ?p }", {"d": ox.NamedNode(gone)}).rows[0][1].value
    assert run_kg("remove", path, "--store", tiny_store).returncode == 0
    recorder.seen = []
    with Store(tiny_store, read_only=True) as s:
        report = push(s, remote, state)
    assert report.removed == [gone] and report.sent == []
    assert [(c, urllib.parse.parse_qs(urllib.parse.urlsplit(p).query)["graph"][0]) for c, p, _, _ in recorder.seen] \
        == [("DELETE", gone)]


def test_push_insert_batches_keep_every_triple_once() -> None:
    g = "https://example.org/g"
    triples = [ox.Triple(ox.NamedNode(f"https://example.org/s{i}"), ox.NamedNode("https://example.org/p"),
                         ox.Literal(f"value \"{i}\"\n é")) for i in range(450)]
    batches = list(insert_batches(g, triples, max_triples=200))
    assert len(batches) == 3
    got = Counter()
    for b in batches:
        store = ox.Store()
        store.update(b)
        got.update((q.subject, q.predicate, q.object) for q in store)
    assert got == Counter((t.subject, t.predicate, t.object) for t in triples)
    with_bnode = triples + [ox.Triple(ox.BlankNode("b"), ox.NamedNode("https://example.org/p"), ox.Literal("x"))]
    assert len(list(insert_batches(g, with_bnode, max_triples=200))) == 1


def test_push_query_values_binding_matches_substitution(corpus_store) -> None:
    q = load_query("state-mentions")
    bindings = bind(q, {"state": "RUS"})
    text = with_prefixes(with_values(q.text, bindings))
    assert "VALUES (?state) { (<https://w3id.org/diplokg/id/state/RUS>) }" in text
    assert text.startswith("PREFIX dkg: <")
    with Store(corpus_store[0], read_only=True) as s:
        portable = ox.Store()
        # the portable text on a store whose default graph is not the union (as on most servers): the
        # queries read each statement inside its document's named graph
        portable.extend(s.quads())
        res = portable.query(text)
        names = [v.value for v in res.variables]

        def cells(row: list) -> str:  # a ' | '-joined GROUP_CONCAT as a set: engines order its parts as they go
            return str([" | ".join(sorted(t.value.split(" | "))) if isinstance(t, ox.Literal) else t for t in row])

        rows = sorted(cells([sol[v] for v in names]) for sol in res)
        assert rows == sorted(cells(r) for r in run(s, q, {"state": "RUS"}).rows)
        assert rows


def test_push_bad_endpoint_url_is_an_error_not_a_traceback(run_kg, corpus_store) -> None:
    proc = run_kg("push", "--endpoint", "localhost:8890/sparql", "--store", corpus_store[0])
    assert proc.returncode == 1 and "not an http(s) URL" in proc.stderr and "Traceback" not in proc.stderr


def test_push_unreachable_server_is_named(tiny_store: Path, tmp_path: Path) -> None:
    naps: list[float] = []
    with Store(tiny_store, read_only=True) as s, pytest.raises(RemoteError, match="cannot reach http://127.0.0.1:9/"):
        push(s, Remote("http://127.0.0.1:9/update", retries=2, sleep=naps.append), tmp_path / "state.json")
    assert naps == [1.0, 2.0]


def test_push_refused_insert_suggests_a_smaller_batch(tiny_store: Path, tmp_path: Path,
                                                      recorder: ThreadingHTTPServer) -> None:
    recorder.fail_after, recorder.fail_status = 1, 400  # the DROP goes through, the first INSERT DATA is refused
    with Store(tiny_store, read_only=True) as s, pytest.raises(RemoteError, match="smaller --batch-size"):
        push(s, Remote(url_of(recorder), sleep=no_sleep), tmp_path / "state.json", batch_size=50)
    assert len(recorder.seen) == 2  # a 400 is not retried
    assert json.loads((tmp_path / "state.json").read_text())["targets"][url_of(recorder)] == {}
