"""A query's final ``ORDER BY``, done in Python after the engine has answered.

pyoxigraph sorts by comparing the terms themselves, and a long IRI or string is read back from
the store's dictionary at every comparison, so that sorting can take most of a big query's time;
the same rows sorted here as Python strings take a small part of it. Only the
simple clauses the named queries use are taken over (variables, ``ASC``/``DESC`` of a variable,
``STR`` of a variable, nothing after the clause); any other query is left to the engine.

The order is SPARQL's (section 15.1) as pyoxigraph applies it: unbound first, then blank nodes,
IRIs and literals; IRIs and strings by code point; numbers by value; dates by their ISO form
(which sorts as the dates do). Rows the keys leave tied keep the engine's order.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox

__all__ = ["split_order_by", "sort_rows", "term_key"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {_XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short", "byte",
                                "nonNegativeInteger", "nonPositiveInteger", "positiveInteger", "negativeInteger",
                                "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_DATES = {_XSD + "date", _XSD + "dateTime"}
_KEY = r"(?:(?:ASC|DESC)\s*\(\s*(?:STR\s*\(\s*\?\w+\s*\)|\?\w+)\s*\)|STR\s*\(\s*\?\w+\s*\)|\?\w+)"
_CLAUSE = re.compile(rf"\bORDER\s+BY((?:\s*{_KEY})+)\s*$", re.IGNORECASE)
_ONE = re.compile(r"(?:(?P<dir>ASC|DESC)\s*\(\s*)?(?P<str>STR\s*\(\s*)?\?(?P<var>\w+)", re.IGNORECASE)

Key = tuple[str, bool, bool]  # (variable, descending, compared as STR())


def split_order_by(sparql: str) -> tuple[str, list[Key] | None]:
    """``sparql`` without its final ORDER BY, and that clause's keys; ``(sparql, None)`` when the query
    has no final ORDER BY this module takes over. Comments must already be gone."""
    m = _CLAUSE.search(sparql)  # at the very end: a subquery's own ORDER BY is followed by its "}"
    if m is None:
        return sparql, None
    keys = [(k.group("var"), (k.group("dir") or "").upper() == "DESC", k.group("str") is not None)
            for k in _ONE.finditer(m.group(1))]
    return sparql[:m.start()].rstrip() + "\n", keys


def _term_key(term: Any, as_str: bool) -> tuple:
    if term is None or (as_str and isinstance(term, ox.BlankNode)):  # STR() of a blank node is an error
        return (0,)
    if as_str:
        return (3, 2, term.value, "", "")
    if isinstance(term, ox.BlankNode):
        return (1, term.value)
    if isinstance(term, ox.NamedNode):
        return (2, term.value)
    datatype = term.datatype.value if term.datatype is not None else ""
    if datatype in _NUMERIC:
        try:
            return (3, 0, Decimal(term.value))
        except InvalidOperation:
            pass  # "NaN", "INF" or a malformed number: compared by its text below
    elif datatype in _DATES:
        return (3, 1, term.value)
    return (3, 2, term.value, datatype, term.language or "")


def term_key(term: Any, as_str: bool = False) -> tuple:
    """The key a term sorts by (as ``STR(term)`` with ``as_str``), in the order above."""
    return _term_key(term, as_str)


def sort_rows(variables: list[str], rows: list[list[Any]], keys: list[Key]) -> list[list[Any]] | None:
    """``rows`` in the order of ``keys`` (stable: ties keep their order); ``None`` when a key is a
    variable the rows do not hold (the engine must sort those)."""
    index = {v: i for i, v in enumerate(variables)}
    if any(var not in index for var, _, _ in keys):
        return None
    out = list(rows)
    for var, desc, as_str in reversed(keys):  # the last key first; each pass is stable
        i = index[var]
        out.sort(key=lambda row, i=i, as_str=as_str: _term_key(row[i], as_str), reverse=desc)
    return out
