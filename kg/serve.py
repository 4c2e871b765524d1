"""``kg serve``: the SPARQL 1.1 Protocol over the store, with the standard library's HTTP server.

pyoxigraph's Python package ships no HTTP server (the Rust ``oxigraph`` binary does, but it is not a
Python package), so this module is a small one: ``GET /sparql?query=``, ``POST /sparql`` with
``application/sparql-query``, ``application/sparql-update`` or a form (``query=`` / ``update=``), and a
plain HTML form at ``/`` (no YASGUI: no well-kept Python package serves it offline).

Queries run in worker *processes*, each with its own handle on the store. A query that runs past
the time limit is answered with 503 and its worker is killed and replaced: pyoxigraph cannot cancel a
query from Python, so killing the process is the only way to really stop one. Updates (only with
``allow_update``) are transactions in pyoxigraph, so a killed update leaves the store as it was.

Read-only workers reopen the store for every request, so each answer reflects what is on disk at
that moment. pyoxigraph calls reading while another process writes "undefined behaviour": stop the
server while ``kg ingest`` writes (or serve a copy of the store).
"""
from __future__ import annotations

import html
import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

__all__ = ["GRAPH_TYPES", "QUERY_TYPES", "ServeConfig", "make_server", "negotiate"]

MAX_BODY = 16 * 1024 * 1024  # bytes of query or update text accepted in one request

# media type -> pyoxigraph format name, first one the default
QUERY_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
GRAPH_TYPES = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "text/plain": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML",
    "application/ld+json": "JSON_LD",
    "application/n-quads": "N_QUADS",
    "application/trig": "TRIG",
}


@dataclass(frozen=True)
class ServeConfig:
    store: Path
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0  # seconds per query or update
    workers: int = 2
    allow_update: bool = False


class Reply(Exception):
    """An HTTP answer other than 200, with a plain-text message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def negotiate(accept: str | None, offered: dict[str, str]) -> str | None:
    """The media type of ``offered`` the ``Accept`` header prefers (q-values, ``type/*``, ``*/*``);
    the first offered type when there is no header; ``None`` when nothing offered is acceptable."""
    if not accept or not accept.strip():
        return next(iter(offered))
    best: tuple[tuple[float, int, int], str] | None = None
    for order, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        mtype, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q <= 0 or "/" not in mtype:
            continue
        if mtype == "*/*":
            cand = next(iter(offered))
        elif mtype.endswith("/*"):
            cand = next((t for t in offered if t.startswith(mtype[:-1])), None)
        else:
            cand = mtype if mtype in offered else None
        if cand is None:
            continue
        key = (q, 0 if "*" in mtype else 1, -order)  # higher q, then more specific, then earlier
        if best is None or key > best[0]:
            best = (key, cand)
    return best[1] if best else None


# ---------------------------------------------------------------- workers (separate processes)
def _serialize(res: Any, accept: str | None) -> tuple[str, bytes]:
    import pyoxigraph as ox

    if isinstance(res, ox.QueryTriples):
        mtype = negotiate(accept, GRAPH_TYPES)
        if mtype is None:
            raise Reply(406, f"a CONSTRUCT/DESCRIBE result can be sent as {', '.join(GRAPH_TYPES)}; "
                             f"none of them is in Accept: {accept}")
        return mtype, res.serialize(format=getattr(ox.RdfFormat, GRAPH_TYPES[mtype]))
    mtype = negotiate(accept, QUERY_TYPES)
    if mtype is None:
        raise Reply(406, f"a SELECT/ASK result can be sent as {', '.join(QUERY_TYPES)}; "
                         f"none of them is in Accept: {accept}")
    return mtype, res.serialize(format=getattr(ox.QueryResultsFormat, QUERY_TYPES[mtype]))


def _answer(store: Any, op: str, text: str, accept: str | None) -> tuple[int, str, bytes]:
    from kg.errors import QueryError, StoreError

    try:
        if op == "update":
            store.update(text)
            return 204, "text/plain", b""
        res = store.query(text)
        mtype, body = _serialize(res, accept)  # evaluation happens here, while serializing
        return 200, mtype + ("; charset=utf-8" if mtype.startswith("text/") else ""), body
    except Reply as r:
        return r.status, "text/plain; charset=utf-8", r.message.encode()
    except QueryError as e:
        return 400, "text/plain; charset=utf-8", str(e).encode()
    except StoreError as e:
        return 500, "text/plain; charset=utf-8", str(e).encode()
    except (OSError, RuntimeError, ValueError, TypeError) as e:  # raised while evaluating lazily
        return 400, "text/plain; charset=utf-8", f"the query cannot run: {e}".encode()


def _worker(conn: Any, store_path: str, read_only: bool) -> None:
    """Answer (op, text, accept) requests from ``conn`` until it closes."""
    from kg.errors import KgError
    from kg.store import Store

    try:
        held = None if read_only else Store(Path(store_path))
    except KgError as e:
        conn.send(("failed", str(e)))
        return
    conn.send(("ready", ""))  # imports done and store open: time limits count from here
    while True:
        try:
            op, text, accept = conn.recv()
        except (EOFError, OSError):
            break
        try:
            if held is not None:
                reply = _answer(held, op, text, accept)
            else:  # reopen for each request: the answer reflects the store as it is now
                with Store(Path(store_path), read_only=True) as store:
                    reply = _answer(store, op, text, accept)
        except KgError as e:
            reply = (503, "text/plain; charset=utf-8", str(e).encode())
        conn.send(reply)
    if held is not None:
        held.close()


class _Pool:
    """Worker processes handing out answers; a worker past the time limit is killed and replaced."""

    def __init__(self, store: Path, read_only: bool, size: int, timeout: float) -> None:
        self._ctx = mp.get_context("spawn")  # no fork of a threaded server holding a store
        self._store, self._read_only, self._timeout = str(store), read_only, timeout
        self._idle: queue.Queue = queue.Queue()
        self._lock = threading.Lock()
        self._all: list[Any] = []
        try:
            for _ in range(size):
                self._idle.put(self._spawn())
        except Reply:
            self.close()
            raise

    def _spawn(self) -> tuple[Any, Any]:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker, args=(child, self._store, self._read_only), daemon=True)
        proc.start()
        child.close()
        with self._lock:
            self._all.append(proc)
        status, message = "failed", "the worker did not start within 120 s"
        try:
            if parent.poll(120):
                status, message = parent.recv()
        except (EOFError, OSError):
            message = "the worker exited while starting"
        if status != "ready":
            self._retire(proc, parent)
            raise Reply(503, message)
        return proc, parent

    def _replace(self) -> None:
        """Start a worker in place of a retired one, in the background (the caller answers at once)."""
        def start() -> None:
            for _ in range(3):
                try:
                    self._idle.put(self._spawn())
                    return
                except Reply:
                    continue
        threading.Thread(target=start, daemon=True).start()

    def _retire(self, proc: Any, conn: Any) -> None:
        proc.kill()
        proc.join(5)
        conn.close()
        with self._lock:
            if proc in self._all:
                self._all.remove(proc)

    def run(self, op: str, text: str, accept: str | None) -> tuple[int, str, bytes]:
        try:
            proc, conn = self._idle.get(timeout=self._timeout)
        except queue.Empty:
            raise Reply(503, f"every worker is busy; try again (the time limit is {self._timeout:g} s)") from None
        try:
            conn.send((op, text, accept))
            if conn.poll(self._timeout):
                reply = conn.recv()
                self._idle.put((proc, conn))
                return reply
        except (EOFError, OSError, BrokenPipeError):
            self._retire(proc, conn)
            self._replace()
            raise Reply(500, "the worker answering this request died; it is being replaced") from None
        self._retire(proc, conn)  # past the limit: stop it for real
        self._replace()
        raise Reply(503, f"the {op} ran longer than the time limit of {self._timeout:g} s and was stopped "
                         "(raise it with kg serve --timeout)")

    def close(self) -> None:
        """Stop every worker: an idle one by closing its pipe (it closes its store and exits), a busy
        one or one that does not exit within 10 s by killing it."""
        while True:
            try:
                proc, conn = self._idle.get_nowait()
            except queue.Empty:
                break
            conn.close()
            proc.join(10)
        with self._lock:
            procs = list(self._all)
        for p in procs:
            if p.is_alive():
                p.kill()
            p.join(5)


# ---------------------------------------------------------------- HTTP
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>diplokg SPARQL endpoint</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:60em}}textarea{{width:100%;font-family:monospace}}</style>
</head><body>
<h1>diplokg SPARQL endpoint</h1>
<p>SPARQL 1.1 Protocol at <code>/sparql</code> ({mode}). The default graph is the union of every document;
<code>GRAPH ?doc {{ ... }}</code> reaches one document. Prefixes dkg:, rdf:, rdfs:, xsd: ... are predeclared.
Time limit: {timeout:g} s per request.</p>
<form action="sparql" method="post">
<textarea name="query" rows="14">SELECT ?state ?label WHERE {{
  ?state a dkg:State ; rdfs:label ?label .
}} ORDER BY ?label LIMIT 50</textarea>
<p>Results as <select name="format">{options}</select> <button type="submit">Run query</button></p>
</form></body></html>
"""


def _page(cfg: ServeConfig) -> bytes:
    options = "".join(f'<option value="{html.escape(t)}">{html.escape(t)}</option>'
                      for t in ["text/csv", "application/sparql-results+json", "application/sparql-results+xml",
                                "text/tab-separated-values", "text/turtle"])
    mode = "queries and updates" if cfg.allow_update else "read-only"
    return PAGE.format(mode=mode, timeout=cfg.timeout, options=options).encode()


def _post_arguments(ctype: str, body: str, query: str) -> dict[str, list[str]] | None:
    """The protocol's arguments of a POST, from its URL and its body as its Content-Type says (None: a
    Content-Type the protocol does not know)."""
    args = parse_qs(query, keep_blank_values=True)
    if ctype == "application/sparql-query":
        args["query"] = [body]
    elif ctype == "application/sparql-update":
        args["update"] = [body]
    elif ctype == "application/x-www-form-urlencoded":
        for k, v in parse_qs(body, keep_blank_values=True).items():
            args.setdefault(k, []).extend(v)
    else:
        return None
    return args


def _reply_body(status: int, mtype: str, body: bytes) -> bytes:
    """No content means none, not even a newline (it would corrupt a kept-alive connection); a plain-text
    error ends with one."""
    if status == 204:
        return b""
    if status != 200 and mtype.startswith("text/plain") and not body.endswith(b"\n"):
        return body + b"\n"
    return body


def _handler(cfg: ServeConfig, pool: _Pool) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "diplokg"
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the CLI owns the terminal; access logs are not wanted there

        def _send(self, status: int, mtype: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", mtype)
            self.send_header("Content-Length", str(len(body)))
            if status == 405:
                self.send_header("Allow", "GET, POST" if self.path.startswith("/sparql") else "GET")
            self.send_header("Vary", "Accept")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _fail(self, status: int, message: str) -> None:
            self._send(status, "text/plain; charset=utf-8", (message + "\n").encode())

        def do_HEAD(self) -> None:
            self.do_GET()

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path in ("/", "/index.html"):
                return self._send(200, "text/html; charset=utf-8", _page(cfg))
            if url.path != "/sparql":
                return self._fail(404, f"no such page {url.path}; the endpoint is /sparql")
            args = parse_qs(url.query, keep_blank_values=True)
            if "update" in args:
                return self._fail(405, "updates are sent with POST (SPARQL 1.1 Protocol)")
            self._dispatch(args, None)

        def do_POST(self) -> None:
            url = urlsplit(self.path)
            if url.path != "/sparql":
                return self._fail(404 if url.path not in ("/", "/index.html") else 405,
                                  f"POST queries to /sparql, not {url.path}")
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                return self._fail(400, "the Content-Length header is not a number")
            if length > MAX_BODY:
                return self._fail(413, f"the request is larger than {MAX_BODY} bytes")
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            args = _post_arguments(ctype, body, url.query)
            if args is None:
                return self._fail(415, "send application/sparql-query, application/sparql-update or a form "
                                       f"(application/x-www-form-urlencoded), not {ctype or 'no Content-Type'}")
            self._dispatch(args, body)

        def _dispatch(self, args: dict[str, list[str]], _body: str | None) -> None:
            for key in ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri"):
                if key in args:
                    return self._fail(400, f"{key} is not supported here: the default graph is the union of "
                                           "every document; use GRAPH <document> { ... } in the query")
            queries, updates = args.get("query", []), args.get("update", [])
            if len(queries) + len(updates) != 1:
                return self._fail(400, "give exactly one query= or update= (SPARQL 1.1 Protocol)")
            accept = _format_param(args) or self.headers.get("Accept")
            if updates and not cfg.allow_update:
                return self._fail(403, "this endpoint is read-only; start it with kg serve --allow-update "
                                       "to accept SPARQL Update")
            op, text = ("update", updates[0]) if updates else ("query", queries[0])
            try:
                status, mtype, body = pool.run(op, text, accept)
            except Reply as r:
                return self._fail(r.status, r.message)
            self._send(status, mtype, _reply_body(status, mtype, body))

    return Handler


SHORT_FORMATS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                 "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
                 "ttl": "text/turtle", "ntriples": "application/n-triples", "nt": "application/n-triples",
                 "rdfxml": "application/rdf+xml", "jsonld": "application/ld+json"}


def _format_param(args: dict[str, list[str]]) -> str | None:
    """``format=`` / ``output=`` (as SPARQLWrapper, YASGUI and the form at / send it): a media type or a
    short name; it overrides Accept. JSON asked for by name also covers CONSTRUCT (as JSON-LD)."""
    for key in ("format", "output"):
        for value in args.get(key, []):
            v = value.strip().lower()
            if "/" in v:
                return v
            if v in SHORT_FORMATS:
                return SHORT_FORMATS[v] + (", application/ld+json;q=0.9" if v == "json" else "") + \
                    (", text/turtle;q=0.9" if v == "xml" else "")
    return None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    pool: _Pool | None = None  # set once bound; a failed bind closes the server before that

    def server_close(self) -> None:
        super().server_close()
        if self.pool is not None:
            self.pool.close()


def make_server(cfg: ServeConfig) -> ThreadingHTTPServer:
    """A bound server (``port`` 0 picks a free one; see ``server.server_address``); call
    ``serve_forever()`` then ``server_close()``, which also stops the workers."""
    from kg.errors import StoreError
    from kg.store import Store

    with Store(cfg.store, read_only=True):  # fail early, with the store's own message, if there is no store
        pass
    try:
        pool = _Pool(cfg.store, read_only=not cfg.allow_update, size=1 if cfg.allow_update else max(1, cfg.workers),
                     timeout=cfg.timeout)
    except Reply as r:
        raise StoreError(f"{cfg.store}: cannot start serving: {r.message}") from None
    try:
        server = _Server((cfg.host, cfg.port), _handler(cfg, pool))
    except BaseException:
        pool.close()
        raise
    server.pool = pool
    return server
