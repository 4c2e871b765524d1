"""An external SPARQL 1.1 server (Virtuoso, Fuseki, GraphDB, Neptune ...) over HTTP, with ``requests``.

Queries go through the SPARQL 1.1 Protocol (form-encoded POST, JSON results), writes through SPARQL
Update (form ``update=``) or the Graph Store HTTP Protocol (PUT/DELETE ``?graph=IRI``). Connection
errors, timeouts and 5xx answers are retried with exponential backoff; 4xx answers are not.
Authentication is HTTP basic or digest (``auto``: whichever the server's 401 challenge names).
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

import pyoxigraph as ox
import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

from kg.errors import QueryError, RemoteError
from kg.query import with_values
from kg.store import Result
from kg.terms import PREFIXES

__all__ = ["AUTH_KINDS", "Remote", "with_prefixes", "with_values"]

AUTH_KINDS = ("auto", "basic", "digest")
RETRY_STATUS = {500, 502, 503, 504}
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def _without_credentials(url: str) -> tuple[str, str | None, str | None]:
    """``url`` without a ``user:password@`` part, and the user and password it held (URL-decoded)."""
    from urllib.parse import unquote, urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return re.sub(r"//[^/@\s]*@", "//", url), None, None
    if "@" not in parts.netloc:
        return url, None, None
    userinfo, _, host = parts.netloc.rpartition("@")
    user, sep, password = userinfo.partition(":")
    return urlunsplit(parts._replace(netloc=host)), unquote(user), unquote(password) if sep else None


class Remote:
    """One SPARQL server: ``endpoint`` for queries, ``update_endpoint`` (default: the same) for
    SPARQL Update, ``graph_store`` (optional) for the Graph Store Protocol."""

    def __init__(self, endpoint: str, *, update_endpoint: str | None = None, graph_store: str | None = None,
                 user: str | None = None, password: str | None = None, auth: str = "auto",
                 timeout: float = 120.0, retries: int = 4, backoff: float = 1.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        for url in (endpoint, update_endpoint, graph_store):
            if url is not None and not re.match(r"^https?://[^/\s]+", url):
                raise RemoteError(f"{_without_credentials(url)[0]!r} is not an http(s) URL; give e.g. "
                                  "http://localhost:8890/sparql")
        # user:password@ in a URL goes to the authentication, never into a message or the push state
        endpoint, url_user, url_password = _without_credentials(endpoint)
        if update_endpoint is not None:
            update_endpoint = _without_credentials(update_endpoint)[0]
        if graph_store is not None:
            graph_store = _without_credentials(graph_store)[0]
        if user is None and url_user is not None:
            user, password = url_user, password if password is not None else url_password
        if auth not in AUTH_KINDS:
            raise RemoteError(f"unknown authentication {auth!r}; use one of {', '.join(AUTH_KINDS)}")
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or endpoint
        self.graph_store = graph_store
        self.timeout, self.retries, self.backoff, self._sleep = timeout, retries, backoff, sleep
        self._user, self._password, self._auth = user, password or "", auth
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "diplokg"
        if user is not None and auth != "auto":
            self.session.auth = _auth(auth, user, self._password)

    # ------------------------------------------------------------ transport
    def request(self, method: str, url: str, **kw: Any) -> requests.Response:
        """One HTTP request, retried on connection errors and 5xx; raises RemoteError otherwise."""
        kw.setdefault("timeout", self.timeout)
        attempt = 0
        while True:
            problem = None
            try:
                r = self.session.request(method, url, **kw)
            except (requests.ConnectionError, requests.Timeout) as e:
                problem, r = f"cannot reach {url} ({type(e).__name__})", None
            if r is not None:
                if r.status_code == 401 and self._user is not None and self.session.auth is None:
                    scheme = r.headers.get("WWW-Authenticate", "").split(" ", 1)[0].lower()
                    self.session.auth = _auth("digest" if scheme == "digest" else "basic", self._user, self._password)
                    continue  # answer the challenge (does not count as a retry)
                if r.status_code < 400:
                    return r
                if r.status_code not in RETRY_STATUS:
                    raise RemoteError(_refusal(method, url, r, self._user))
                problem = f"{url} answered {r.status_code}: {_snippet(r)}"
            attempt += 1
            if attempt > self.retries:
                raise RemoteError(f"{problem}; gave up after {self.retries} retries")
            self._sleep(self.backoff * 2 ** (attempt - 1))

    # ------------------------------------------------------------ queries
    def select(self, sparql: str) -> Result:
        """Run a query; SELECT/ASK rows as RDF terms, CONSTRUCT/DESCRIBE as subject/predicate/object rows."""
        accept = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
        r = self.request("POST", self.endpoint, data={"query": sparql}, headers={"Accept": accept})
        ctype = r.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if "json" in ctype and "ld+json" not in ctype:
            try:
                doc = r.json()
            except ValueError:
                raise RemoteError(f"{self.endpoint} sent results that are not JSON: {_snippet(r)}") from None
            return _json_result(doc)
        fmt = ox.RdfFormat.from_media_type(ctype) if ctype else None
        if fmt is None:
            raise RemoteError(f"{self.endpoint} answered with {ctype or 'no Content-Type'}, which is no SPARQL result")
        try:
            triples = list(ox.parse(r.content, format=fmt))
        except SyntaxError as e:
            raise RemoteError(f"{self.endpoint} sent a graph that does not parse: {e}") from None
        return Result(["subject", "predicate", "object"], [[t.subject, t.predicate, t.object] for t in triples])

    # ------------------------------------------------------------ writes
    def update(self, sparql: str) -> None:
        self.request("POST", self.update_endpoint, data={"update": sparql.encode("utf-8")},
                     headers={"Accept": "*/*"})

    def put_graph(self, graph: str, ntriples: bytes) -> None:
        """Replace ``graph`` on the server (Graph Store Protocol PUT; N-Triples is Turtle)."""
        self.request("PUT", self._gsp(), params={"graph": graph}, data=ntriples,
                     headers={"Content-Type": "text/turtle; charset=utf-8"})

    def delete_graph(self, graph: str) -> None:
        if self.graph_store is None:
            self.update(f"DROP SILENT GRAPH <{graph}>")
            return
        try:
            self.request("DELETE", self._gsp(), params={"graph": graph})
        except RemoteError as e:
            if " 404" not in str(e):  # already gone
                raise

    def _gsp(self) -> str:
        if self.graph_store is None:
            raise RemoteError("no Graph Store Protocol URL; give --graph-store URL")
        return self.graph_store


def _auth(kind: str, user: str, password: str) -> Any:
    return HTTPDigestAuth(user, password) if kind == "digest" else HTTPBasicAuth(user, password)


def _snippet(r: requests.Response) -> str:
    text = " ".join(r.text.split())
    return text[:300] + ("..." if len(text) > 300 else "")


def _refusal(method: str, url: str, r: requests.Response, user: str | None) -> str:
    hint = ""
    if r.status_code in (401, 403):
        hint = ("; give --user and --password (or KG_REMOTE_USER / KG_REMOTE_PASSWORD)" if user is None
                else f"; check that {user!r} may do this, and the password")
    elif r.status_code == 404:
        hint = "; check the URL"
    elif r.status_code == 400:
        raise QueryError(f"{url} refused the request as malformed: {_snippet(r)}")
    return f"{method} {url} answered {r.status_code} {r.reason}: {_snippet(r)}{hint}"


def _json_term(b: dict[str, Any] | None) -> Any:
    if b is None:
        return None
    kind, value = b.get("type"), b.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if b.get("xml:lang"):
        return ox.Literal(value, language=b["xml:lang"])
    if b.get("datatype"):
        return ox.Literal(value, datatype=ox.NamedNode(b["datatype"]))
    return ox.Literal(value)


def _json_result(doc: dict[str, Any]) -> Result:
    if "boolean" in doc:
        return Result(["result"], [[ox.Literal(str(bool(doc["boolean"])).lower(), datatype=ox.NamedNode(XSD_BOOLEAN))]])
    variables = list(doc.get("head", {}).get("vars", []))
    rows = [[_json_term(b.get(v)) for v in variables] for b in doc.get("results", {}).get("bindings", [])]
    return Result(variables, rows)


# ---------------------------------------------------------------- portable query text
def with_prefixes(sparql: str) -> str:
    """The query with PREFIX lines for the prefixes diplokg predeclares locally (dkg:, rdfs: ...),
    which an external server does not know."""
    declared = {m.lower() for m in re.findall(r"(?im)^\s*PREFIX\s+([\w-]*):", sparql)}
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p.lower() not in declared]
    return "\n".join(lines) + "\n" + sparql
