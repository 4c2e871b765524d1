"""What a SPARQL text may ask of the engine, checked before the engine sees it.

pyoxigraph evaluates ``SERVICE <url>`` by sending an HTTP request, and ``LOAD <url>`` by fetching the
URL: from a query a user (or a web page, through ``kg serve``) could make this machine reach any
address. Its parser also recurses once per nested ``{``, ``(`` or ``[``: a few thousand crash the
process (a segmentation fault, no message) and a few hundred nested lists take seconds each. So every
query and update is read once here, token by token (comments, strings and IRIs skipped as units, so
that a keyword inside them does not count):

- ``SERVICE`` is refused; ``LOAD`` only where the caller allows it (``kg serve --allow-load``);
- ``FROM`` / ``FROM NAMED`` IRIs are returned, for the store to refuse any that is not one of its graphs
  (a dataset never reaches outside the store);
- nesting deeper than :data:`MAX_DEPTH` is refused.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.errors import QueryError

__all__ = ["MAX_DEPTH", "Checked", "check"]

MAX_DEPTH = 50  # nested { ( [ ; the shipped queries use under 10, the parser slows down past ~60

_TOKEN = re.compile(r"""
    (?P<skip>\s+|\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
              |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<name>[?$][\w\u00b7-\U0010ffff]+|@[A-Za-z0-9-]+|_:[^\s(){}\[\],;]+
              |(?:[A-Za-z\u00c0-\U0010ffff][\w.\u00b7-\U0010ffff-]*)?:[^\s(){}\[\],;<>"']*)
  | (?P<word>[A-Za-z_][\w]*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)


@dataclass
class Checked:
    """What a SPARQL text names as its dataset: the IRIs after ``FROM`` and ``FROM NAMED``
    (a prefixed name is given as written, ``dkg:x``)."""

    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)

    @property
    def has_dataset(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


def check(text: str, *, allow_load: bool = False) -> Checked:
    """Read ``text`` once; raise :class:`QueryError` for ``SERVICE``, ``LOAD`` (unless ``allow_load``)
    or nesting over :data:`MAX_DEPTH`; return the dataset it names."""
    out = Checked()
    depth = 0
    pending: str | None = None  # "default" after FROM, "named" after FROM NAMED
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "skip":
            continue
        value = m.group()
        if kind == "open":
            depth += 1
            if depth > MAX_DEPTH:
                raise QueryError(f"the query nests {{ }}, ( ) or [ ] more than {MAX_DEPTH} deep; "
                                 "write it flatter")
        elif kind == "close":
            depth = max(0, depth - 1)
        word = value.upper() if kind == "word" else ""
        if word == "SERVICE":
            raise QueryError("SERVICE is refused: a query never reaches outside the store "
                             "(federate by pushing both datasets to one server, see kg push)")
        if word == "LOAD" and not allow_load:
            raise QueryError("LOAD is refused: the store never fetches data from a URL here; ingest files "
                             "with kg ingest (or start kg serve with --allow-load)")
        if pending == "default" and word == "NAMED":
            pending = "named"
            continue
        if pending is not None and kind in ("iri", "name"):
            (out.default_graphs if pending == "default" else out.named_graphs).append(
                value[1:-1] if kind == "iri" else value)
        pending = "default" if word == "FROM" else None
    return out
