"""``kg serve``: the SPARQL 1.1 Protocol over the store: ``GET /sparql?query=``, ``POST /sparql`` with
``application/sparql-query``, ``application/sparql-update`` or a form (``query=`` / ``update=``), and a
plain HTML form at ``/``.

HTTP is spoken by waitress (pure Python, well kept, hardened against request smuggling), not by the
standard library's ``http.server``: waitress reads each request whole in its event loop before a
thread sees it, so an idle or slow client holds a connection slot (closed after ``idle_timeout``),
never a thread; it refuses malformed framing (a non-numeric or repeated ``Content-Length``, a
``Transfer-Encoding`` other than chunked) and bodies over :data:`MAX_BODY`. On top of it this module
refuses ``Content-Length`` together with ``Transfer-Encoding`` and closes the connection after every
error answer, so nothing that follows a refused request is read as a new one.

Queries and updates run in worker processes under a time and a memory budget (:mod:`kg.serve_pool`);
the SPARQL text never reaches outside the store (:mod:`kg.sparql_guard`). Updates (``allow_update``)
need the server's token (``Authorization: Bearer TOKEN``, or as the password of HTTP basic
authentication), and are refused from another origin. Every request must name this server in
``Host`` (an IP address, ``localhost``, the ``--host`` name or an ``--allow-host`` name), so a DNS
name pointed at it by a web page (DNS rebinding) is not answered.
"""
from __future__ import annotations

import base64
import binascii
import hmac
import html
import ipaddress
import json
import logging
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from kg.serve_pool import GRAPH_TYPES, QUERY_TYPES, Pool, Reply, negotiate

__all__ = ["GRAPH_TYPES", "QUERY_TYPES", "MAX_BODY", "ServeConfig", "Server", "make_server", "negotiate"]

MAX_BODY = 16 * 1024 * 1024  # bytes of query or update text accepted in one request
PLAIN = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class ServeConfig:
    store: Path
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0  # seconds per query or update
    workers: int = 2
    allow_update: bool = False
    token: str | None = None  # what an update must present (required with allow_update)
    allow_load: bool = False  # LOAD <url> in updates fetches remote data: only when asked for
    memory_mb: int = 1024  # data memory per worker process
    idle_timeout: float = 15.0  # seconds a connection may sit idle or half-sent
    allowed_hosts: tuple[str, ...] = ()  # more names this server answers to in Host


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>diplokg SPARQL endpoint</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:60em}}textarea{{width:100%;font-family:monospace}}</style>
</head><body>
<h1>diplokg SPARQL endpoint</h1>
<p>SPARQL 1.1 Protocol at <code>/sparql</code> ({mode}). The default graph is the union of every document
and of <code>id:reference</code> (the gazetteer's entities); <code>GRAPH ?doc {{ ... }}</code> reaches one document. Prefixes dkg:, rdf:, rdfs:, xsd: ... are predeclared.
Named queries at <code>/query/NAME?PARAM=VALUE</code>, a page at a time with <code>&amp;limit=N</code>
(the next page's address in the <code>Link</code> header). Time limit: {timeout:g} s per request.</p>
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


def _host_name(value: str) -> str:
    """The host of a ``Host`` header or an origin's netloc, without the port, lowercased."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def _host_allowed(cfg: ServeConfig, host_header: str) -> bool:
    name = _host_name(host_header)
    if name in ("localhost", cfg.host.lower(), *(h.lower() for h in cfg.allowed_hosts)):
        return True
    try:
        ipaddress.ip_address(name)  # a literal address cannot be rebound by DNS
        return True
    except ValueError:
        return False


def _authorized(cfg: ServeConfig, header: str) -> bool:
    """``Authorization: Bearer TOKEN`` or basic authentication with TOKEN as the password."""
    if not cfg.token:
        return False
    scheme, _, value = header.strip().partition(" ")
    if scheme.lower() == "bearer":
        given = value.strip()
    elif scheme.lower() == "basic":
        try:
            given = base64.b64decode(value.strip(), validate=True).decode("utf-8").partition(":")[2]
        except (binascii.Error, UnicodeDecodeError):
            return False
    else:
        return False
    return hmac.compare_digest(given.encode(), cfg.token.encode())


def _check_update(cfg: ServeConfig, environ: dict[str, Any]) -> None:
    if not cfg.allow_update:
        raise Reply(403, "this endpoint is read-only; start it with kg serve --allow-update to accept SPARQL Update")
    origin = environ.get("HTTP_ORIGIN")
    if origin is not None and urlsplit(origin).netloc.lower() != environ.get("HTTP_HOST", "").lower():
        raise Reply(403, f"an update from another origin ({origin}) is refused; send it from this server's page "
                         "or from a program")
    if environ.get("HTTP_SEC_FETCH_SITE", "same-origin") not in ("same-origin", "none"):
        raise Reply(403, "an update sent by a page of another site is refused")
    if not _authorized(cfg, environ.get("HTTP_AUTHORIZATION", "")):
        raise Reply(401, "an update needs this server's token: send Authorization: Bearer TOKEN (kg serve prints "
                         "it at start, or takes it from KG_SERVE_TOKEN)")


def _arguments(environ: dict[str, Any]) -> dict[str, list[str]]:
    """The request's parameters: the query string, plus a POST body as SPARQL text or a form."""
    args = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    if environ["REQUEST_METHOD"] != "POST":
        return args
    length = int(environ.get("CONTENT_LENGTH") or 0)  # waitress has checked it, and read the body
    body = environ["wsgi.input"].read(length).decode("utf-8", errors="replace")
    ctype = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
    if ctype == "application/sparql-query":
        args["query"] = [body]
    elif ctype == "application/sparql-update":
        args["update"] = [body]
    elif ctype == "application/x-www-form-urlencoded":
        for k, v in parse_qs(body, keep_blank_values=True).items():
            args.setdefault(k, []).extend(v)
    else:
        raise Reply(415, "send application/sparql-query, application/sparql-update or a form "
                         f"(application/x-www-form-urlencoded), not {ctype or 'no Content-Type'}")
    return args


def _sparql(cfg: ServeConfig, pool: Pool, environ: dict[str, Any]) -> tuple[int, str, bytes]:
    args = _arguments(environ)
    if environ["REQUEST_METHOD"] != "POST" and "update" in args:
        raise Reply(405, "updates are sent with POST (SPARQL 1.1 Protocol)")
    for key in ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri"):
        if key in args:
            raise Reply(400, f"{key} is not supported here: the default graph is the union of every document; "
                             "use GRAPH <document> { ... } or FROM <document> in the query")
    queries, updates = args.get("query", []), args.get("update", [])
    if len(queries) + len(updates) != 1:
        raise Reply(400, "give exactly one query= or update= (SPARQL 1.1 Protocol)")
    if updates:
        _check_update(cfg, environ)
    accept = _format_param(args) or environ.get("HTTP_ACCEPT")
    op, text = ("update", updates[0]) if updates else ("query", queries[0])
    return pool.run(op, text, accept, environ.get("REMOTE_ADDR", ""))


def _named(pool: Pool, environ: dict[str, Any], name: str) -> tuple:
    """``GET /query/NAME?PARAM=VALUE&limit=N&offset=N|after=CURSOR``: a named query (data/queries/NAME.rq), its
    parameters bound as ``kg query -p`` binds them; with ``limit`` one page of it, read as ``kg query
    --limit`` reads it (by keys where the query has them), the next page's address in a ``Link`` header."""
    from kg.errors import QueryError
    from kg.query import bound_text, named_queries

    query = named_queries().get(name)
    if query is None:
        raise Reply(404, f"no named query {name!r}; the named queries: {', '.join(sorted(named_queries()))}")
    args = {k: v for k, v in _arguments(environ).items() if k not in ("format", "output")}
    if any(len(v) != 1 for v in args.values()):
        raise Reply(400, "give each parameter once")
    values = {k: v[0] for k, v in args.items()}
    after = values.pop("after", None)
    try:
        limit, offset = int(values.pop("limit", 0)), int(values.pop("offset", 0))
        text = bound_text(query, values)
    except ValueError:
        raise Reply(400, "limit and offset are whole numbers") from None
    except QueryError as e:
        raise Reply(400, str(e)) from None
    if limit < 0 or offset < 0 or ((offset or after) and not limit) or (offset and after):
        raise Reply(400, "limit must be 1 or more, offset 0 or more; offset and after need a limit, and "
                         "only one of them is given")
    accept, client = _format_param(_arguments(environ)) or environ.get("HTTP_ACCEPT"), environ.get("REMOTE_ADDR", "")
    if not limit:
        return pool.run("query", text, accept, client)
    request = json.dumps({"name": name, "values": values, "limit": limit, "offset": offset, "after": after})
    status, mtype, body, *cursor = pool.run("page", request, accept, client)
    if not cursor or cursor[0] is None:
        return status, mtype, body
    nxt = {k: v[0] for k, v in _arguments(environ).items() if k != "offset"} | {"after": cursor[0]}
    return status, mtype, body, [("Link", f'</query/{quote(name)}?{urlencode(nxt)}>; rel="next"')]


def _route(cfg: ServeConfig, pool: Pool, environ: dict[str, Any]) -> tuple:
    method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "/")
    if not _host_allowed(cfg, environ.get("HTTP_HOST", "")):
        raise Reply(421, f"this server does not answer to Host {environ.get('HTTP_HOST', '(none)')!r}; "
                         "start it with --allow-host NAME to serve that name")
    if path in ("/", "/index.html"):
        if method not in ("GET", "HEAD"):
            raise Reply(405, f"POST queries to /sparql, not {path}")
        return 200, "text/html; charset=utf-8", _page(cfg)
    if path.startswith("/query/") and method in ("GET", "HEAD"):
        return _named(pool, environ, path[len("/query/"):])
    if path != "/sparql":
        raise Reply(404, f"no such page {path}; the endpoint is /sparql")
    if method not in ("GET", "HEAD", "POST"):
        raise Reply(405, f"{method} is not answered here; use GET or POST")
    return _sparql(cfg, pool, environ)


def _app(cfg: ServeConfig, pool: Pool) -> Callable[..., Iterable[bytes]]:
    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        extra: list[tuple[str, str]] = []
        try:
            status, mtype, body, *more = _route(cfg, pool, environ)
            extra = more[0] if more else []  # a page of a named query: the Link to the next page
        except Reply as r:
            status, mtype, body = r.status, PLAIN, r.message.encode()
        except Exception as e:  # noqa: BLE001 - answer, never a traceback on the server's terminal
            status, mtype, body = 500, PLAIN, f"the server failed ({type(e).__name__}: {e})".encode()
        if status == 204:
            body = b""  # no content means none, not even a newline
        elif status != 200 and mtype.startswith("text/plain") and not body.endswith(b"\n"):
            body += b"\n"
        headers = [("Content-Type", mtype), ("Content-Length", str(len(body))), ("Vary", "Accept"), *extra]
        if status == 405:
            headers.append(("Allow", "GET, POST" if environ.get("PATH_INFO") == "/sparql" else "GET"))
        if status == 401:
            headers.append(("WWW-Authenticate", 'Basic realm="diplokg updates", Bearer realm="diplokg updates"'))
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else body]

    return app


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


def _channel_class() -> type:
    """waitress's connection, stricter: ``Content-Length`` with ``Transfer-Encoding`` or twice is a 400, and
    the connection is closed after any error answer."""
    from waitress.channel import HTTPChannel
    from waitress.parser import HTTPRequestParser, ParsingError
    from waitress.task import WSGITask

    class StrictParser(HTTPRequestParser):
        def parse_header(self, header_plus: bytes) -> None:
            names = [line.split(b":", 1)[0].strip().lower() for line in header_plus.split(b"\r\n")[1:]
                     if b":" in line]
            if names.count(b"content-length") > 1:
                raise ParsingError("more than one Content-Length header")
            if b"content-length" in names and b"transfer-encoding" in names:
                raise ParsingError("Content-Length together with Transfer-Encoding")
            super().parse_header(header_plus)

    class ClosingTask(WSGITask):
        def build_response_header(self) -> bytes:
            if self.status[:1] in ("4", "5"):
                self.set_close_on_finish()
            return super().build_response_header()

    class Channel(HTTPChannel):
        parser_class = StrictParser
        task_class = ClosingTask

    return Channel


class Server:
    """A bound server: ``server_address``, ``serve_forever()`` (returns on Ctrl-C), ``server_close()``."""

    def __init__(self, inner: Any, pool: Pool) -> None:
        self._inner, self.pool = inner, pool

    @property
    def server_address(self) -> tuple[str, int]:
        return self._inner.effective_host, int(self._inner.effective_port)

    def serve_forever(self) -> None:
        self._inner.run()

    def server_close(self) -> None:
        try:
            self._inner.close()
            self._inner.task_dispatcher.shutdown(timeout=5)
        finally:
            self.pool.close()


def make_server(cfg: ServeConfig) -> Server:
    """A bound server (``port`` 0 picks a free one; see ``server.server_address``); call
    ``serve_forever()`` then ``server_close()``, which also stops the workers."""
    from waitress.server import create_server

    from kg.errors import StoreError
    from kg.store import Store

    if cfg.allow_update and not cfg.token:
        raise StoreError("updates need a token (ServeConfig.token); kg serve makes one")
    with Store(cfg.store, read_only=True):  # fail early, with the store's own message, if there is no store
        pass
    size = 1 if cfg.allow_update else max(1, cfg.workers)
    try:
        pool = Pool(cfg.store, read_only=not cfg.allow_update, size=size, timeout=cfg.timeout,
                    memory_mb=cfg.memory_mb, allow_load=cfg.allow_load)
    except Reply as r:
        raise StoreError(f"{cfg.store}: cannot start serving: {r.message}") from None
    logging.getLogger("waitress").addHandler(logging.NullHandler())
    logging.getLogger("waitress").propagate = False  # the CLI owns the terminal: no access or queue logs
    try:
        inner = create_server(_app(cfg, pool), host=cfg.host, port=cfg.port, ipv6=True,
                              threads=size + 4 * size, connection_limit=100, channel_timeout=cfg.idle_timeout,
                              cleanup_interval=max(1, min(30, int(cfg.idle_timeout / 2))),
                              max_request_body_size=MAX_BODY, ident="diplokg", expose_tracebacks=False,
                              clear_untrusted_proxy_headers=True)
    except BaseException:
        pool.close()
        raise
    inner.channel_class = _channel_class()
    return Server(inner, pool)
