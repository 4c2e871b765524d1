"""Pages of a query's answer: ``limit`` rows from ``offset``, or after the page a cursor names.

A query without a final ORDER BY is paged by the engine (``LIMIT``/``OFFSET`` added to it): it stops
once the page is read, so the first page costs what its rows cost, not the whole answer. A query with
one (every named query: their order is what makes pages meaningful) is answered and sorted whole, as
:func:`kg.query.run` does, then cut. A cursor (``next`` of a page) names where the next page starts and
the last row before it: resuming checks that this row is still there, so a store that changed between
two pages is said, never answered with rows skipped or repeated.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from kg.errors import ParameterError, QueryError
from kg.ordering import sort_rows, split_order_by
from kg.store import Store

__all__ = ["Page", "page", "paged_sparql"]

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
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        q, n, r = raw["q"], int(raw["n"]), str(raw["r"])
    except (ValueError, KeyError, TypeError):
        raise ParameterError(f"--after {cursor[:40]!r}: not a page cursor; give the one the previous page "
                             "printed (`next page: --after ...`)") from None
    if q != _fingerprint(sparql) or n < 1:
        raise ParameterError("--after: this cursor is of another query (or other parameters); page this "
                             "query from its first page")
    return n, r


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
