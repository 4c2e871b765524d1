"""The Python API, for notebooks and scripts: small functions over a store, in the style of
sqlite-utils' ``Database``.

>>> import kg
>>> g = kg.open(".kg")                                  # doctest: +SKIP
>>> g.ingest(["pages/"])                                # doctest: +SKIP
>>> rows = g.query("state-mentions", state="RUS")       # doctest: +SKIP
>>> G = g.view("comentions", types=["State"])           # doctest: +SKIP
>>> g.show("forums")                                    # doctest: +SKIP

The store is opened for each call and closed after it, so a notebook never keeps it locked: a
``kg ingest`` in a terminal (or another notebook) can write between two cells. Errors are
:class:`kg.errors.KgError` with the same messages as the command line; nothing is printed.
"""
from __future__ import annotations

import datetime as dt
import html
import io
import re
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from kg.errors import InputError, KgError, QueryError
from kg.ingest import IngestReport
from kg.query import NamedQuery, adhoc_query, bind, load_query, named_queries, run, run_page, with_values
from kg.store import Result, Store
from kg.terms import PREFIXES

__all__ = ["Graph", "Page", "Rows", "open", "python_value"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}
_FLOATS = {_XSD + t for t in ("decimal", "double", "float")}


def python_value(term: Any) -> Any:
    """An RDF term as a Python value: an IRI as its string, a number as int or float, an xsd:date as
    :class:`datetime.date`, a boolean as bool, any other literal as its text; unbound as None."""
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if not isinstance(term, ox.Literal):
        return term.value
    dtype = term.datatype.value
    try:
        if dtype in _INTEGERS:
            return int(term.value)
        if dtype in _FLOATS:
            return float(term.value)
        if dtype == _XSD + "date":
            return dt.date.fromisoformat(term.value)
        if dtype == _XSD + "boolean":
            return term.value in ("true", "1")
    except ValueError:
        pass  # an ill-typed literal stays text
    return term.value


class Rows:
    """A query's answer: iterate for one dict per row (Python values), ``.columns``, ``.df()``."""

    def __init__(self, result: Result, next_cursor: str | None = None) -> None:
        self.columns: list[str] = list(result.variables)
        self._rows = result.rows
        self.next = next_cursor  # a page's: the cursor of the page after it (``after=``), None on the last

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self._rows:
            yield {c: python_value(t) for c, t in zip(self.columns, row)}

    def __len__(self) -> int:
        return len(self._rows)

    def __repr__(self) -> str:
        return f"<Rows: {len(self)} row(s) of {', '.join(self.columns)}>"

    def df(self) -> Any:
        """The rows as a pandas DataFrame (pandas is not a dependency: ``pip install pandas``)."""
        try:
            import pandas as pd
        except ImportError:
            raise KgError("Rows.df() needs pandas, which diplokg does not install; run `pip install pandas`, "
                          "or use list(rows) for dicts") from None
        return pd.DataFrame(list(self), columns=self.columns)

    def _repr_html_(self) -> str:
        shown = list(self)[:50]
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns)
        body = "".join("<tr>" + "".join(f"<td>{html.escape('' if r[c] is None else str(r[c]))}</td>"
                                        for c in self.columns) + "</tr>" for r in shown)
        more = f"<p>{len(self) - len(shown)} more row(s)</p>" if len(self) > len(shown) else ""
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


class Page:
    """A view as the same offline HTML page ``kg render`` writes; shown inline in Jupyter (in an iframe
    ``srcdoc``), or written to a file with :meth:`write`."""

    def __init__(self, html_text: str, summary: str, height: int = 720) -> None:
        self.html, self.summary, self.height = html_text, summary, height

    def write(self, path: str | Path) -> Path:
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.html, encoding="utf-8")
        except OSError as e:
            raise KgError(f"{path}: cannot write the page ({e.strerror or e}); choose another file") from None
        return path

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" style="width:100%;height:{self.height}px;'
                f'border:1px solid #ddd" title="{html.escape(self.summary, quote=True)}"></iframe>')

    def __repr__(self) -> str:
        return f"<Page: {self.summary}>"


def _param_text(name: str, value: Any) -> str:
    """A keyword argument as the text ``--param NAME=VALUE`` would give (dates as ISO, IRIs as text)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, bool) or not isinstance(value, (str, int, ox.NamedNode)):
        raise QueryError(f"parameter {name}={value!r}: give a string, a whole number or a date")
    return value.value if isinstance(value, ox.NamedNode) else str(value)


def _query_of(name_or_sparql: str) -> NamedQuery:
    """A named query (``statements``), a ``.rq`` file, or SPARQL text (anything with a space or brace)."""
    text = name_or_sparql.strip()
    if re.search(r"[\s{]", text):
        return adhoc_query(text)
    return load_query(text)


class Graph:
    """A diplokg store on disk (created by the first :meth:`ingest`)."""

    def __init__(self, path: str | Path = ".kg", *, wait: float = 5.0) -> None:
        self.path = Path(path)
        self.wait = wait

    def __repr__(self) -> str:
        return f"<kg.Graph {str(self.path)!r}>"

    def _read(self) -> Store:
        return Store(self.path, read_only=True)

    # ------------------------------------------------------------ writing
    def ingest(self, paths: Iterable[str | Path], *, encoding: str | None = None, jobs: int = 1,
               max_size: int | None = None, strict: bool = True, rebuild: bool = False) -> IngestReport:
        """Read files and folders (recursively) into the store, as ``kg ingest`` does. With ``strict``
        (the default), files that could not be read raise :class:`InputError` once the others are in.
        With ``rebuild``, the store is built afresh from ``paths`` (``kg ingest --rebuild``)."""
        from kg.ingest import ingest as run_ingest
        from kg.rebuild import rebuild as run_rebuild

        if isinstance(paths, (str, Path)):
            paths = [paths]
        files = [Path(p) for p in paths]
        if rebuild:
            report = run_rebuild(files, self.path, encoding=encoding, jobs=jobs, max_size=max_size)
        else:
            with Store(self.path, wait=self.wait) as store:
                report = run_ingest(files, store, encoding=encoding, jobs=jobs, max_size=max_size)
        if strict and report.failed:
            err = InputError("; ".join(reason for _p, reason in report.failed)
                             + f" (the other {report.documents} document(s) were ingested)")
            err.report = report  # type: ignore[attr-defined]
            raise err
        return report

    def remove(self, paths: Iterable[str | Path]) -> list[str]:
        """Take the documents read from ``paths`` out of the store; returns their IRIs."""
        if isinstance(paths, (str, Path)):
            paths = [paths]
        with self._read():
            pass  # no store there: say so, and do not create one
        removed: list[str] = []
        with Store(self.path, wait=self.wait) as store:
            for p in paths:
                found = store.documents_from(Path(p).resolve().as_posix())
                if not found:
                    raise InputError(f"{p}: no such document in {self.path}")
                for doc in found:
                    store.remove_document(doc)
                removed += found
        return removed

    # ------------------------------------------------------------ reading
    def queries(self) -> dict[str, NamedQuery]:
        """The named queries (``data/queries/*.rq``) by name, with their parameters."""
        return named_queries()

    def query(self, name_or_sparql: str, /, *, limit: int | None = None, offset: int = 0, after: str | None = None,
              **params: Any) -> Rows:
        """Run a named query (``"state-mentions"``, parameters as keyword arguments), a ``.rq`` file, or
        SPARQL text; rows as dicts. Parameters are typed as the query declares (a state by code or name,
        a resolution by symbol, a date as ``datetime.date`` or ISO text ...) and bound as RDF terms.
        With ``limit``, one page (from ``offset``, or after the page whose ``.next`` is ``after``)."""
        q = _query_of(name_or_sparql)
        values = {k: _param_text(k, v) for k, v in params.items()}
        with self._read() as store:
            if limit is None:
                return Rows(run(store, q, values))
            page = run_page(store, q, values, limit=limit, offset=offset, after=after)
            return Rows(Result(page.variables, page.rows), page.next)

    def rows(self, name_or_sparql: str, /, *, page: int = 1000, **params: Any) -> Iterator[dict[str, Any]]:
        """Every row of the query, as :meth:`query` gives them, read ``page`` rows at a time (each page
        with the store opened anew, so a long loop does not hold it)."""
        after = None
        while True:
            rows = self.query(name_or_sparql, limit=page, after=after, **params)
            yield from rows
            if rows.next is None:
                return
            after = rows.next

    def stats(self) -> dict[str, object]:
        """What ``kg stats`` counts: documents, statements, mentions, relations, entities, triples."""
        from kg.stats import stats

        with self._read() as store:
            return stats(store)

    def dataset(self) -> Any:
        """The whole store as an rdflib ``Dataset``: one named graph per document and the reference graph
        (id:reference), the default graph their union."""
        import rdflib

        buf = io.BytesIO()
        with self._read() as store:
            store.dump(buf, ox.RdfFormat.N_QUADS)
        ds = rdflib.Dataset(default_union=True)
        with warnings.catch_warnings():  # rdflib's N-Quads parser uses its own deprecated API
            warnings.simplefilter("ignore", DeprecationWarning)
            ds.parse(data=buf.getvalue().decode("utf-8"), format="nquads")
        _bind_prefixes(ds)
        return ds

    def graph(self, construct: str | None = None, /, **params: Any) -> Any:
        """An rdflib ``Graph``: every document merged, or the result of a CONSTRUCT / DESCRIBE query."""
        import rdflib

        buf = io.BytesIO()
        with self._read() as store:
            if construct is None:
                store.dump(buf, ox.RdfFormat.N_TRIPLES)
            else:
                q = adhoc_query(construct)
                res = store.query(with_values(q.text, bind(q, {k: _param_text(k, v) for k, v in params.items()})))
                if not isinstance(res, ox.QueryTriples):
                    raise QueryError("graph() takes a CONSTRUCT or DESCRIBE query; use query() for SELECT and ASK")
                ox.serialize(res, buf, format=ox.RdfFormat.N_TRIPLES)
        g = rdflib.Graph()
        g.parse(data=buf.getvalue().decode("utf-8"), format="nt")
        _bind_prefixes(g)
        return g

    # ------------------------------------------------------------ views
    def view(self, name: str = "statements", *, types: Iterable[str] | None = None, focus: str | None = None,
             depth: int = 1, date_from: str | dt.date | None = None, date_to: str | dt.date | None = None,
             max_nodes: int | None = None, min_weight: int | None = None) -> nx.Graph:
        """A NetworkX view, with the filters of ``kg render`` (``statements``, ``comentions``, ``forums``,
        ``graph``; dates as ``2020``, ``2020-06``, ``2020-06-30`` or dates)."""
        return self._view(name, types, focus, depth, date_from, date_to, max_nodes, min_weight).graph

    def page(self, name: str = "statements", **filters: Any) -> Page:
        """The view as the offline HTML page ``kg render`` writes (``filters`` as for :meth:`view`)."""
        from viz.render import page_html

        result = self._view(name, filters.pop("types", None), filters.pop("focus", None), filters.pop("depth", 1),
                            filters.pop("date_from", None), filters.pop("date_to", None),
                            filters.pop("max_nodes", 3000), filters.pop("min_weight", None))
        height = int(filters.pop("height", 720))
        if filters:
            raise TypeError(f"unknown filter(s) {', '.join(filters)}; see help(kg.Graph.view)")
        return Page(page_html(result.graph, title=f"diplokg — {name}", summary=result.summary), result.summary,
                    height)

    def show(self, name: str = "statements", **filters: Any) -> Path | None:
        """Show the view: inline in Jupyter or IPython (the same offline page, in an iframe ``srcdoc``);
        from a plain script, written to a temporary file opened in the web browser, whose path is
        returned. ``filters`` as for :meth:`view`."""
        page = self.page(name, **filters)
        from IPython import get_ipython
        from IPython.display import display

        if get_ipython() is not None:
            display(page)
            return None
        import hashlib
        import tempfile
        import webbrowser

        folder = Path(tempfile.gettempdir()) / "diplokg-views"
        path = page.write(folder / f"{name}-{hashlib.sha256(page.html.encode()).hexdigest()[:12]}.html")
        webbrowser.open(path.resolve().as_uri())
        return path

    def render(self, name: str, path: str | Path, **filters: Any) -> Path:
        """Write the view's page to ``path`` (as ``kg render -o PATH``)."""
        return self.page(name, **filters).write(path)

    def _view(self, name: str, types: Iterable[str] | None, focus: str | None, depth: int,
              date_from: Any, date_to: Any, max_nodes: int | None, min_weight: int | None) -> Any:
        from kg.views.filtered import filtered_view
        from kg.views.filters import date_bound, type_names

        def day(v: Any, end: bool, option: str) -> str | None:
            return date_bound(v.isoformat() if isinstance(v, dt.date) else v, end=end, option=option)

        names = type_names(",".join(types)) if types else None
        with self._read() as store:
            return filtered_view(store, name, focus_label=focus, depth=depth, types=names,
                                 date_from=day(date_from, False, "date_from"), date_to=day(date_to, True, "date_to"),
                                 max_nodes=max_nodes, min_weight=min_weight)


def _bind_prefixes(g: Any) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)


def open(path: str | Path = ".kg", *, wait: float = 5.0) -> Graph:  # noqa: A001 - kg.open, like sqlite3/zarr
    """The store at ``path`` (default ``.kg``, as for the command line)."""
    return Graph(path, wait=wait)
