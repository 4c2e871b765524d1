"""Pages of a query's answer: ``limit`` rows from ``offset``, or after the page a cursor names.

A query without a final ORDER BY is paged by the engine (``LIMIT``/``OFFSET`` added to it): it stops
once the page is read, so the first page costs what its rows cost, not the whole answer. A query with
one (every named query: their order is what makes pages meaningful) is answered and sorted whole, as
:func:`kg.query.run` does, then cut; the sorted answer is kept while the store is unchanged, so the
next pages are cut from it. A cursor (``next`` of a page) names where the next page starts and
the last row before it: resuming checks that this row is still there, so a store that changed between
two pages is said, never answered with rows skipped or repeated.

A named query that declares ``# @page ?var PATTERN`` (``?var`` its first ORDER BY key) is paged by its
keys instead (:func:`keyed_page`): the values of ``?var`` are listed and sorted, and the query is asked
for a few of them at a time until the page is full; its cursor names the last value read, so the next
page starts right after it whatever else changed (keyset paging).
"""
from __future__ import annotations

import base64
import bisect
import hashlib
import json
import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable

import pyoxigraph as ox

from kg.errors import ParameterError, QueryError
from kg.ordering import sort_rows, split_order_by, term_key
from kg.store import Store

__all__ = ["Page", "page", "keyed_page", "paged_sparql"]

_LIMITED = re.compile(r"\b(?:LIMIT|OFFSET)\s+\d+\s*(?:(?:LIMIT|OFFSET)\s+\d+\s*)?$", re.IGNORECASE)
_ORDERED = re.compile(r"\bORDER\s+BY\b[^{}]*$", re.IGNORECASE)  # a final ORDER BY (not a subquery's)


@dataclass
class Page:
    """One page of a SELECT answer; ``next`` is the cursor of the following page (``None``: the last)."""

    variables: list[str]
    rows: list[list[Any]]
    next: str | None
    offset: int


def _fingerprint(sparql: str) -> str:
    return hashlib.sha256(sparql.encode("utf-8")).hexdigest()[:16]


def _row_digest(row: list[Any] | None) -> str:
    return hashlib.sha256(repr([None if t is None else str(t) for t in (row or [])]).encode("utf-8")).hexdigest()[:16]


def _cursor(sparql: str, offset: int, last: list[Any]) -> str:
    raw = json.dumps({"q": _fingerprint(sparql), "n": offset, "r": _row_digest(last)}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def _read_cursor(sparql: str, cursor: str) -> tuple[int, str]:
    """``(offset, digest of the row before it)``; a cursor of another query, or no cursor, is refused."""
    raw = _decode(sparql, cursor)
    try:
        n, r = int(raw["n"]), str(raw["r"])
    except (ValueError, KeyError, TypeError):
        raise _not_a_cursor(cursor) from None
    if n < 1:
        raise _not_a_cursor(cursor)
    return n, r


def _decode(sparql: str, cursor: str) -> dict:
    """The fields of ``cursor``, a cursor of this query (``sparql``, its parameters bound)."""
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        q = raw["q"]
    except (ValueError, KeyError, TypeError):
        raise _not_a_cursor(cursor) from None
    if q != _fingerprint(sparql):
        raise ParameterError("--after: this cursor is of another query (or other parameters); page this "
                             "query from its first page")
    return raw


def _not_a_cursor(cursor: str) -> ParameterError:
    return ParameterError(f"--after {cursor[:40]!r}: not a page cursor; give the one the previous page "
                          "printed (`next page: --after ...`)")


def paged_sparql(sparql: str, limit: int, offset: int) -> str | None:
    """``sparql`` asking the engine for ``limit`` rows from ``offset``; ``None`` when it has its own
    LIMIT or OFFSET (then it is paged once answered)."""
    if _LIMITED.search(sparql):
        return None
    return f"{sparql.rstrip()}\nLIMIT {limit}" + (f" OFFSET {offset}" if offset else "")


def page(store: Store, sparql: str, *, limit: int, offset: int = 0, after: str | None = None) -> Page:
    """``limit`` rows of the SELECT ``sparql`` (parameters already bound, comments stripped) from
    ``offset``, or from where the cursor ``after`` says."""
    if limit < 1 or offset < 0:
        raise ParameterError(f"--limit must be 1 or more and --offset 0 or more (not {limit} and {offset})")
    check = None
    if after is not None:
        offset, check = _read_cursor(sparql, after)
    start = offset - 1 if check is not None else offset  # the row before the page, to check it
    variables, rows = _rows(store, sparql, start, limit + 1 + (offset - start))
    if check is not None:
        if not rows or _row_digest(rows[0]) != check:
            raise QueryError("--after: the store changed since the previous page was read (its last row is no "
                             "longer where it was); page the query again from its first page")
        rows = rows[1:]
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = _cursor(sparql, offset + len(rows), rows[-1]) if more and rows else None
    return Page(variables, rows, nxt, offset)


def _rows(store: Store, sparql: str, offset: int, count: int) -> tuple[list[str], list[list[Any]]]:
    """``count`` rows of the answer from ``offset``: by the engine where it can stop early, else from the
    whole answer sorted as :func:`kg.query.run` sorts it (kept for the next pages: :func:`_whole`)."""
    unordered, keys = split_order_by(sparql)
    if keys is None and not _ORDERED.search(sparql):
        limited = paged_sparql(sparql, count, offset)
        if limited is not None:
            result = store.select(limited)
            return result.variables, result.rows
    variables, rows = _whole(store, sparql, unordered, keys)
    return variables, rows[offset:offset + count]


class _Kept:
    """What was derived from a store (an answer, a key list), kept while the store's files are unchanged
    (:meth:`Store.state`), the least recently used dropped first once ``most`` rows or values are kept in
    all (a serve worker's memory is bounded: kg serve --memory); anything over half of that is not kept."""

    def __init__(self, most: int) -> None:
        self.most = most
        self._items: OrderedDict[tuple, tuple[int, Any]] = OrderedDict()

    def get(self, store: Store, what: tuple, make: Callable[[], tuple[int, Any]]) -> Any:
        """The kept value for ``what`` on ``store``, else ``make()`` (its size, its value), kept."""
        state = store.state()
        ident = (str(store.path.resolve()), state, *what)
        if state is not None and ident in self._items:
            self._items.move_to_end(ident)
            return self._items[ident][1]
        size, value = make()
        if state is not None and size <= self.most // 2:
            self._items[ident] = (size, value)
            while sum(n for n, _ in self._items.values()) > self.most:
                self._items.popitem(last=False)
        return value


_WHOLE = _Kept(100_000)  # whole sorted answers, by their rows
_KEYS = _Kept(600_000)  # keyed queries' key lists, by their values


def _whole(store: Store, sparql: str, unordered: str, keys: list | None) -> tuple[list[str], list[list[Any]]]:
    """The whole answer in its order, kept (:class:`_Kept`) so that the pages after the first (an
    aggregate's, or any page read from an --offset) are cut from it instead of answering the query again."""
    def make() -> tuple[int, tuple[list[str], list[list[Any]]]]:
        result = store.select(unordered if keys is not None else sparql)
        rows = sort_rows(result.variables, result.rows, keys) if keys is not None else result.rows
        if rows is None:
            result = store.select(sparql)
            rows = result.rows
        return len(rows), (result.variables, rows)
    return _WHOLE.get(store, (sparql,), make)


def keyed_page(store: Store, sparql: str, var: str, keys_sparql: str, *, limit: int,
               after: str | None = None) -> Page:
    """A page of a query whose first ORDER BY key is ``?var`` (ascending), read a few values of ``?var`` at
    a time. ``keys_sparql`` lists each value with the document graphs (``?doc``) that hold its rows; the
    values are sorted, and the query is asked for the next few of them, seeing only their documents
    (:meth:`Store.select` ``graphs``), until the page is full. The first page costs the list of values
    (kept for the next pages while the store is unchanged) and a few documents' rows, not the whole
    answer. The cursor names the last value read and how many of its rows were given: a store that
    changed between pages does not shift the values after it (keyset paging)."""
    _, order = split_order_by(sparql)
    by_offset = after is not None and "n" in _decode(sparql, after)  # a page that began at an --offset
    if limit < 1 or by_offset or order is None or order[0][0] != var or order[0][1]:
        return page(store, sparql, limit=limit, after=after)
    keys = _keys(store, keys_sparql, var, order[0][2])
    start, skip, last = 0, 0, _NO_KEY
    if after is not None:
        last, skip = _read_key_cursor(sparql, after)
        start = bisect.bisect_left(keys.ranks, term_key(last, order[0][2]))
        if start >= len(keys.values) or keys.values[start] != last:
            skip = 0  # that value is gone: go on from the next one
    variables, rows = _rows_of_keys(store, sparql, var, order, keys, start, limit + skip)
    if var not in variables:
        return page(store, sparql, limit=limit, after=after)
    at = variables.index(var)
    rows = rows[skip:] if last is not _NO_KEY and rows and rows[0][at] == last else rows
    more, rows = len(rows) > limit, rows[:limit]
    nxt = None
    if more and rows:
        key = rows[-1][at]
        given = sum(1 for r in rows if r[at] == key) + (skip if key == last else 0)
        nxt = _key_cursor(sparql, key, given)
    return Page(variables, rows, nxt, 0)


_NO_KEY = object()  # no cursor: the page starts at the first value


@dataclass
class _Keys:
    """The values of a paged query's key, in its order, and the documents holding each value's rows."""

    values: list[Any]
    ranks: list[tuple]
    graphs: list[list[ox.NamedNode]]


def _keys(store: Store, keys_sparql: str, var: str, as_str: bool) -> _Keys:
    """The sorted values of ``?var`` and their documents, kept while the store is unchanged (:class:`_Kept`)."""
    def make() -> tuple[int, _Keys]:
        result = store.select(keys_sparql)
        iv, ig = result.variables.index(var), result.variables.index("doc")
        docs: dict[Any, set[ox.NamedNode]] = {}
        for row in result.rows:
            if isinstance(row[ig], ox.NamedNode):
                docs.setdefault(row[iv], set()).add(row[ig])
        values = sorted(docs, key=lambda t: term_key(t, as_str))
        return len(values), _Keys(values, [term_key(v, as_str) for v in values],
                                  [sorted(docs[v], key=str) for v in values])
    return _KEYS.get(store, (keys_sparql, var, as_str), make)


def _rows_of_keys(store: Store, sparql: str, var: str, order: list, keys: _Keys, start: int,
                  wanted: int) -> tuple[list[str], list[list[Any]]]:
    """At least ``wanted`` + 1 rows of the values from ``start`` on (all when fewer), in the query's order:
    the query is asked for a few values at a time, seeing only the documents that hold them, and keeps
    the rows of those values (a document may hold rows of later values too: they come with theirs)."""
    variables: list[str] = []
    rows: list[list[Any]] = []
    i, want_docs, read = start, 8, 0
    while i < len(keys.values) and len(rows) <= wanted:
        j, graphs = i, set()
        while j < len(keys.values) and (j == i or len(graphs) < want_docs):
            graphs.update(keys.graphs[j])
            j += 1
        chunk = set(keys.values[i:j])
        result = store.select(sparql, graphs=sorted(graphs, key=str))
        variables = result.variables
        at = variables.index(var) if var in variables else None
        got = [r for r in result.rows if at is None or r[at] in chunk]
        rows += sort_rows(variables, got, order) or got
        read += len(graphs)
        # the next few documents: as many as the rows still wanted need, at the rate read so far
        rate = max(len(rows) / read, 0.05)
        i, want_docs = j, max(8, min(1024, int((wanted + 1 - len(rows)) / rate * 1.25) + 1))
    if not variables:  # no values left: an empty page, with the query's columns
        variables = store.select(sparql, graphs=[]).variables
    return variables, rows


def _key_cursor(sparql: str, key: Any, given: int) -> str:
    if key is None:
        fields: dict[str, Any] = {"t": "u"}  # unbound: the rows without a value, first in the order
    elif isinstance(key, ox.NamedNode):
        fields = {"t": "i", "k": key.value}
    else:  # a literal: its datatype or language kept, so that the value read back is the same term
        fields = {"t": "l", "k": key.value, "d": key.datatype.value if key.datatype else None,
                  "g": key.language}
    raw = json.dumps({"q": _fingerprint(sparql), **fields, "i": given}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def _read_key_cursor(sparql: str, cursor: str) -> tuple[Any, int]:
    """``(the last value read, how many of its rows were given)``; another query's cursor is refused."""
    raw = _decode(sparql, cursor)
    try:
        kind, given = raw["t"], int(raw["i"])
        if kind == "u":
            return None, given
        if kind == "i":
            return ox.NamedNode(str(raw["k"])), given
        if raw.get("g"):
            return ox.Literal(str(raw["k"]), language=str(raw["g"])), given
        datatype = ox.NamedNode(str(raw["d"])) if raw.get("d") else None
        return ox.Literal(str(raw["k"]), datatype=datatype), given
    except (ValueError, KeyError, TypeError):
        raise _not_a_cursor(cursor) from None
