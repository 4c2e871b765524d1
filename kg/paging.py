"""Pages of a query's answer: ``limit`` rows from ``offset``, or after the page a cursor names.

A query without a final ORDER BY is paged by the engine (``LIMIT``/``OFFSET`` added to it): it stops
once the page is read, so the first page costs what its rows cost, not the whole answer. A query with
one (every named query: their order is what makes pages meaningful) is answered and sorted whole, as
:func:`kg.query.run` does, then cut. A cursor (``next`` of a page) names where the next page starts and
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
    """``count`` rows of the answer from ``offset``: by the engine where it can stop early, else the whole
    answer sorted as :func:`kg.query.run` sorts it, then cut."""
    unordered, keys = split_order_by(sparql)
    if keys is None and not _ORDERED.search(sparql):
        limited = paged_sparql(sparql, count, offset)
        if limited is not None:
            result = store.select(limited)
            return result.variables, result.rows
    result = store.select(unordered if keys is not None else sparql)
    rows = sort_rows(result.variables, result.rows, keys) if keys is not None else result.rows
    if rows is None:
        result = store.select(sparql)
        rows = result.rows
    return result.variables, rows[offset:offset + count]


def keyed_page(store: Store, sparql: str, var: str, pattern: str, with_keys: Callable[[list[Any]], str], *,
               limit: int, after: str | None = None) -> Page:
    """A page of a query whose first ORDER BY key is ``?var`` (ascending), read a few values of ``?var`` at
    a time: the values ``{ pattern }`` gives are sorted, and the query is asked for the next few of them
    (``with_keys(values)``: the query with a VALUES block of them) until the page is full. The first page
    costs the pattern and a few values' rows, not the whole answer. The cursor names the last value read
    and how many of its rows were given: a store that changed between pages does not shift the values
    after it (keyset paging)."""
    _, order = split_order_by(sparql)
    by_offset = after is not None and "n" in _decode(sparql, after)  # a page that began at an --offset
    if limit < 1 or by_offset or order is None or order[0][0] != var or order[0][1]:
        return page(store, sparql, limit=limit, after=after)
    as_str = order[0][2]
    keys = sorted({r[0] for r in store.select(f"SELECT DISTINCT ?{var} WHERE {{ {pattern} }}").rows
                   if r[0] is not None}, key=lambda t: term_key(t, as_str))
    ranks = [term_key(k, as_str) for k in keys]
    start, skip, last = 0, 0, None
    if after is not None:
        last, skip = _read_key_cursor(sparql, after)
        start = bisect.bisect_left(ranks, term_key(last, as_str))
        if start >= len(keys) or keys[start] != last:
            skip = 0  # that value is gone: go on from the next one
    variables: list[str] = []
    rows: list[list[Any]] = []
    i, chunk = start, 8
    while i < len(keys) and len(rows) <= limit + skip:
        part, i, chunk = keys[i:i + chunk], i + chunk, min(chunk * 2, 1024)
        result = store.select(with_keys(part))
        variables = result.variables
        rows += sort_rows(variables, result.rows, order) or result.rows
    if not variables:  # no values left: an empty page, with the query's columns
        variables = store.select(with_keys([])).variables
    if var not in variables:
        return page(store, sparql, limit=limit, after=after)
    at = variables.index(var)
    rows = rows[skip:] if last is not None and rows and rows[0][at] == last else rows
    more, rows = len(rows) > limit, rows[:limit]
    nxt = None
    if more and rows:
        key = rows[-1][at]
        given = sum(1 for r in rows if r[at] == key) + (skip if key == last else 0)
        nxt = _key_cursor(sparql, key, given)
    return Page(variables or [], rows, nxt, 0)


def _key_cursor(sparql: str, key: Any, given: int) -> str:
    kind = "i" if isinstance(key, ox.NamedNode) else "l"  # an IRI or a plain string: what a @page key holds
    raw = json.dumps({"q": _fingerprint(sparql), "k": key.value, "t": kind, "i": given}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def _read_key_cursor(sparql: str, cursor: str) -> tuple[Any, int]:
    """``(the last value read, how many of its rows were given)``; another query's cursor is refused."""
    raw = _decode(sparql, cursor)
    try:
        return (ox.NamedNode(str(raw["k"])) if raw["t"] == "i" else ox.Literal(str(raw["k"]))), int(raw["i"])
    except (ValueError, KeyError, TypeError):
        raise _not_a_cursor(cursor) from None
