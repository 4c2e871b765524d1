"""What the graph views read from the store, fetched with a few SPARQL SELECTs (each inside the document
graphs, where an entity is described once: over the union its type and label repeat once per document).

This is a transient snapshot for building one view, never kept or written anywhere: the store
stays the only store. Evidence is kept as small dicts (quote, sentence, document, date, statement) so
that views can carry it on nodes and edges and the HTML page can show it. The store keeps no quotes:
a span's words and the sentence around them are cut here from its document's text (``dkg:text``).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

import pyoxigraph as ox

from kg.kinds import KINDS, RELATIONS, kind_values, relation_values
from kg.query import values_clause
from kg.spans import parse_span, sentence_around
from kg.store import Store
from kg.terms import RDF, RDFS

__all__ = [
    "LINK_LABELS",
    "EntityInfo",
    "Quote",
    "StatementInfo",
    "ViewData",
    "in_range",
    "iri_rows",
    "load_entities",
    "load_links",
    "load_quotes",
    "load_relations",
    "load_statements",
    "load_view_data",
    "local_name",
    "quote_lists",
    "relation_labels",
    "values_block",
]

# the properties that link a statement to an entity, in the order they are read
LINK_LABELS = {"mentions": "mentions", "speaker": "speaker", "onBehalfOf": "on behalf of", "forum": "forum",
               "deliveredAt": "delivered at"}


def relation_labels() -> dict[str, str]:
    """The relations between entities (kg.kinds) and their labels."""
    return {r.name: r.label for r in RELATIONS.values()}


class Quote(NamedTuple):
    """The words of a span (a mention, a relation's evidence) and the sentence around them."""

    text: str
    sentence: str


@dataclass
class StatementInfo:
    iri: str
    label: str
    heading: str
    kind: str
    date: str | None
    document: str
    path: str


@dataclass
class EntityInfo:
    iri: str
    label: str
    type: str


@dataclass
class ViewData:
    statements: dict[str, StatementInfo] = field(default_factory=dict)
    entities: dict[str, EntityInfo] = field(default_factory=dict)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (statement, property, entity)
    quotes: dict[tuple[str, str], list[Quote]] = field(default_factory=dict)  # (statement, entity) -> quotes
    relations: list[tuple[str, str, str, list[tuple[str, Quote]]]] = field(default_factory=list)
    bounded: bool = False  # statements were kept by date: entities named by none of them are left out
    # When ``quotes`` holds only the pairs a view draws (kg.views.top): how many quotes the other pairs have
    # (a pair not listed has one quote or none: either way it counts one piece of evidence).
    quote_counts: dict[tuple[str, str], int] | None = None
    # A dry run of a view builder notes here the statements and (statement, entity) pairs it takes evidence from.
    asked: set | None = None
    counted: set | None = None  # ... and the (statement, entity) pairs whose quotes it counts

    def quotes_for(self, statement: str, entity: str) -> list[Quote]:
        """The quoted spans of ``entity`` in ``statement``, in the order they occur."""
        if self.asked is not None:
            self.asked.add((statement, entity))
        return self.quotes.get((statement, entity), [])

    def quote_count(self, statement: str, entity: str) -> int:
        """How many pieces of evidence ``statement`` gives ``entity``: its quotes, or its heading when none."""
        if self.counted is not None:
            self.counted.add((statement, entity))
        if self.quote_counts is not None:
            return self.quote_counts.get((statement, entity), 1)
        return len(self.quotes.get((statement, entity), ())) or 1

    def evidence(self, statement: str, quote: Quote | None = None) -> dict[str, str]:
        """One piece of evidence: the quoted span (or, without one, the statement's heading) and the
        sentence around it, its statement, document and date."""
        if self.asked is not None:
            self.asked.add(statement)
        st = self.statements[statement]
        out = {"quote": quote.text if quote is not None else st.heading, "statement": st.heading,
               "document": st.document, "date": st.date or "", "iri": st.iri}
        if quote is not None and quote.sentence != quote.text:
            out["sentence"] = quote.sentence
        return out


# (the store declares the prefixes dkg:, rdf:, rdfs: of kg.terms.PREFIXES for every query)
# Grouped in Python: GROUP BY with SAMPLE costs pyoxigraph more than the rest of the query.
_STATEMENTS = """
SELECT ?st ?l ?h ?k ?d ?dl ?p WHERE { GRAPH ?g {
  VALUES_BLOCK
  ?st a dkg:Statement .
  OPTIONAL { ?st rdfs:label ?l } OPTIONAL { ?st dkg:heading ?h } OPTIONAL { ?st dkg:kind ?k }
  OPTIONAL { ?st dkg:date ?d }
  OPTIONAL { ?st dkg:inDocument ?doc . OPTIONAL { ?doc rdfs:label ?dl } OPTIONAL { ?doc dkg:sourcePath ?p } }
} }
"""
_DATES = """
SELECT ?st (MIN(STR(?d)) AS ?date) WHERE { GRAPH ?g { ?st a dkg:Statement OPTIONAL { ?st dkg:date ?d } } } GROUP BY ?st
"""
# An entity is typed and labelled in every document that names it: its types are read once per
# entity (DISTINCT), its label from the first description (a label per description is much slower).
# KINDS: every kind of kg.kinds.
_TYPES = "SELECT DISTINCT ?e ?type WHERE { GRAPH ?g { KINDS ?e a ?class } }"
# One query per property (in LINK_LABELS order): with a VALUES of properties pyoxigraph is much slower.
# A statement names an entity when one of its mentions does (no triple links the two directly).
_LINK = "SELECT ?st ?e WHERE { GRAPH ?g { ?st dkg:PROPERTY ?e } }"
_NAMED = "SELECT DISTINCT ?st ?e WHERE { GRAPH ?g { ?m dkg:inStatement ?st ; dkg:mentionOf ?e } }"
_MENTIONS = """
SELECT DISTINCT ?st ?e ?span ?g WHERE {
  GRAPH ?g { ?m dkg:inStatement ?st ; dkg:mentionOf ?e ; dkg:span ?span }
}
"""
_RELATED = "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { RELATIONS ?s ?p ?o } }"  # every relation of kg.kinds
_SUPPORT = """
SELECT DISTINCT ?s ?p ?o ?st ?span ?g WHERE { GRAPH ?g {
  ?ev rdf:predicate ?p ; rdf:subject ?s ; rdf:object ?o ; dkg:inStatement ?st ; dkg:span ?span
} }
"""
_LABEL, _TYPE = ox.NamedNode(str(RDFS.label)), ox.NamedNode(str(RDF.type))


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _v(term: object) -> str | None:
    return None if term is None else term.value  # type: ignore[attr-defined]


def in_range(date: str | None, date_from: str | None, date_to: str | None) -> bool:
    """Whether a statement dated ``date`` falls in [date_from, date_to]; undated ones only without bounds."""
    if date_from is None and date_to is None:
        return True
    if not date:
        return False
    return (date_from is None or date >= date_from) and (date_to is None or date <= date_to)


class _Texts:
    """The documents' texts, each read from the store once, and the quotes cut from them."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.texts: dict[str, str] = {}

    def quote(self, doc: str, start: int, end: int) -> Quote:
        text = self.texts.get(doc)
        if text is None:
            text = self.texts[doc] = self.store.document_text(doc) or ""
        return Quote(text[start:end], sentence_around(text, start, end))


def quote_lists(store: Store, rows: Iterable[list], statements: dict[str, StatementInfo]
                ) -> dict[tuple[str, str], list[Quote]]:
    """``(statement, entity) -> quotes`` in the order they occur, from rows of ?st ?e ?span ?g
    (sorted here: an ORDER BY in the query costs pyoxigraph more than the whole rest of it)."""
    found: dict[tuple[str, str], list[tuple[int, int, str]]] = defaultdict(list)
    for st, e, span, g in rows:
        if st.value in statements:
            found[(st.value, e.value)].append((*parse_span(span.value), g.value))
    texts = _Texts(store)
    return {key: [texts.quote(g, start, end) for start, end, g in sorted(spans)] for key, spans in found.items()}


def load_quotes(store: Store, statements: dict[str, StatementInfo]) -> dict[tuple[str, str], list[Quote]]:
    """Every quote of every mention in ``statements``, as ``(statement, entity) -> quotes``."""
    return quote_lists(store, store.select(_MENTIONS).rows, statements)


def iri_rows(store: Store, sparql: str) -> list[list[str]]:
    """The rows of a SELECT whose every value is an IRI, as strings (read from its TSV serialization:
    quicker than a Python term per value)."""
    text = store.query(sparql).serialize(format=ox.QueryResultsFormat.TSV).decode("utf-8")
    return [[cell[1:-1] for cell in line.split("\t")] for line in text.split("\n")[1:] if line]


def values_block(names: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> str:
    """``VALUES (?a ?b) { (<x> <y>) ... }`` of IRIs (:func:`kg.query.values_clause`)."""
    return values_clause(names, ([ox.NamedNode(v) for v in r] for r in rows))


def _statement_infos(rows: Iterable[list]) -> dict[str, StatementInfo]:
    """One StatementInfo per statement from rows of ?st ?label ?heading ?kind ?date ?docLabel ?path: the
    first value of each (as SAMPLE), the earliest date."""
    found: dict[str, list] = {}
    for row in rows:
        values = [_v(t) for t in row]
        have = found.get(values[0])
        if have is None:
            found[values[0]] = values
            continue
        for k in (1, 2, 3, 5, 6):
            if have[k] is None:
                have[k] = values[k]
        if values[4] is not None and (have[4] is None or values[4] < have[4]):
            have[4] = values[4]
    out = {}
    for st, label, heading, kind, date, doc_label, path in found.values():
        head = heading or label or local_name(st)
        out[st] = StatementInfo(st, label or head, head, kind or "statement", date, doc_label or "", path or "")
    return out


def load_statements(store: Store, iris: Iterable[str] | None = None, chunk: int = 300) -> dict[str, StatementInfo]:
    """Statements with their label, heading, kind, date and document: all, or those of ``iris`` (all are
    read in one go when that is quicker: more than a few thousand)."""
    todo = None if iris is None else sorted(set(iris))
    if todo is None or len(todo) > 10 * chunk:
        found = _statement_infos(store.select(_STATEMENTS.replace("VALUES_BLOCK", "")).rows)
        return found if todo is None else {st: found[st] for st in todo if st in found}
    rows: list = []
    for i in range(0, len(todo), chunk):
        block = values_block(("st",), ((x,) for x in todo[i:i + chunk]))
        rows.extend(store.select(_STATEMENTS.replace("VALUES_BLOCK", block)).rows)
    return _statement_infos(rows)


def load_entities(store: Store) -> dict[str, EntityInfo]:
    """Every entity of a kind of kg.kinds with its type and label."""
    out: dict[str, EntityInfo] = {}
    for e, typ in store.select(_TYPES.replace("KINDS", kind_values("class", "type"))).rows:
        if e.value in out:  # typed twice (a resolution and its draft class): first reading
            continue
        # the label given in the first document that types it (labels of a person vary with the spelling)
        cls = ox.NamedNode(str(KINDS[typ.value].term))
        for typed in store.db.quads_for_pattern(e, _TYPE, cls, None):
            first = next(store.db.quads_for_pattern(e, _LABEL, None, typed.graph_name), None)
            if first is not None:
                out[e.value] = EntityInfo(e.value, first.object.value, typ.value)
                break
    return out


def load_links(store: Store, statements: dict[str, StatementInfo], entities: dict[str, EntityInfo]) -> list[tuple[str, str, str]]:
    """(statement, property, entity) for every statement of ``statements`` and entity of ``entities``."""
    links: dict[tuple[str, str, str], None] = {}
    for p in LINK_LABELS:
        for st, e in iri_rows(store, _NAMED if p == "mentions" else _LINK.replace("PROPERTY", p)):
            if st in statements and e in entities:
                links[(st, p, e)] = None
    return list(links)


def load_relations(store: Store, statements: dict[str, StatementInfo], entities: dict[str, EntityInfo],
                   bounded: bool) -> list[tuple[str, str, str, list[tuple[str, Quote]]]]:
    """The typed relations between ``entities`` (sorted), each with the statements and quotes that support
    it; with ``bounded`` dates, only those that some statement of ``statements`` supports."""
    related = iri_rows(store, _RELATED.replace("RELATIONS", relation_values("p")))
    grouped: dict[tuple[str, str, str], list[tuple[str, Quote]]] = {
        (s, local_name(p), o): [] for s, p, o in sorted(related)
        if s in entities and o in entities}
    texts = _Texts(store)
    support = sorted((s.value, local_name(p.value), o.value, st.value,
                      texts.quote(g.value, *parse_span(span.value)))
                     for s, p, o, st, span, g in store.select(_SUPPORT).rows)
    for s, p, o, st, q in support:
        if (s, p, o) in grouped and st in statements:
            grouped[(s, p, o)].append((st, q))
    return [(s, p, o, sup) for (s, p, o), sup in grouped.items() if sup or not bounded]


def load_view_data(store: Store, date_from: str | None = None, date_to: str | None = None, *,
                   quotes: bool = True, statements: bool = True) -> ViewData:
    """Statements (dated within the range, if one is given), entities, links, quotes and relations.
    Without ``quotes``, no quotes; without ``statements``, only the statements' dates (kg.views.top
    reads the rest for the statements it draws)."""
    bounded = date_from is not None or date_to is not None
    data = ViewData(bounded=bounded)
    if statements:
        found = load_statements(store)
    else:
        found = {st.value: StatementInfo(st.value, "", "", "statement", _v(date), "", "")
                 for st, date in store.select(_DATES).rows}
    data.statements = {st: info for st, info in found.items() if in_range(info.date, date_from, date_to)}
    data.entities = load_entities(store)
    data.links = load_links(store, data.statements, data.entities)
    if quotes:
        data.quotes = load_quotes(store, data.statements)
    data.relations = load_relations(store, data.statements, data.entities, bounded)
    return data
