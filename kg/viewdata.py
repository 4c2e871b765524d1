"""What the graph views read from the store, fetched with a few SPARQL SELECTs (each inside the document
graphs, where an entity is described once: over the union its type and label repeat once per document).

This is a transient snapshot for building one view, never kept or written anywhere: the store
stays the only store. Evidence is kept as small dicts (quote, document, date, statement) so that
views can carry it on nodes and edges and the HTML page can show it.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.store import Store

__all__ = [
    "ENTITY_TYPES",
    "LINK_LABELS",
    "RELATION_LABELS",
    "EntityInfo",
    "StatementInfo",
    "ViewData",
    "in_range",
    "load_quotes",
    "load_view_data",
    "local_name",
    "quote_lists",
]

ENTITY_TYPES = ("State", "Organization", "Person", "Resolution", "Treaty", "Place", "UNDocument")
LINK_LABELS = {"mentions": "mentions", "speaker": "speaker", "onBehalfOf": "on behalf of", "forum": "forum"}
RELATION_LABELS = {"chairOf": "chair of", "affiliatedWith": "affiliated with", "establishedBy": "established by",
                   "sponsoredBy": "sponsored by"}


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
    quotes: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (statement, entity) -> quotes
    relations: list[tuple[str, str, str, list[tuple[str, str]]]] = field(default_factory=list)
    bounded: bool = False  # statements were kept by date: entities named by none of them are left out
    # When ``quotes`` holds only the pairs a view draws (kg.viewtop): how many quotes the other pairs have
    # (a pair not listed has one quote or none: either way it counts one piece of evidence).
    quote_counts: dict[tuple[str, str], int] | None = None
    # A dry run of a view builder notes here the statements and (statement, entity) pairs it takes evidence from.
    asked: set | None = None

    def quotes_for(self, statement: str, entity: str) -> list[str]:
        """The quoted spans of ``entity`` in ``statement``, in the order they occur."""
        if self.asked is not None:
            self.asked.add((statement, entity))
        return self.quotes.get((statement, entity), [])

    def quote_count(self, statement: str, entity: str) -> int:
        """How many pieces of evidence ``statement`` gives ``entity``: its quotes, or its heading when none."""
        if self.quote_counts is not None:
            return self.quote_counts.get((statement, entity), 1)
        return len(self.quotes.get((statement, entity), ())) or 1

    def evidence(self, statement: str, quote: str | None = None) -> dict[str, str]:
        """One piece of evidence: the quoted span, its statement, document and date."""
        if self.asked is not None:
            self.asked.add(statement)
        st = self.statements[statement]
        return {"quote": quote if quote is not None else st.heading, "statement": st.heading,
                "document": st.document, "date": st.date or "", "iri": st.iri}


_PREFIX = ("PREFIX dkg: <https://w3id.org/diplokg/ontology#>\n"
           "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
           "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n")
_STATEMENTS = _PREFIX + """
SELECT ?st (SAMPLE(?l) AS ?label) (SAMPLE(?h) AS ?heading) (SAMPLE(?k) AS ?kind) (MIN(STR(?d)) AS ?date)
       (SAMPLE(?dl) AS ?docLabel) (SAMPLE(?p) AS ?path) WHERE { GRAPH ?g {
  ?st a dkg:Statement .
  OPTIONAL { ?st rdfs:label ?l } OPTIONAL { ?st dkg:heading ?h } OPTIONAL { ?st dkg:kind ?k }
  OPTIONAL { ?st dkg:date ?d }
  OPTIONAL { ?st dkg:inDocument ?doc . OPTIONAL { ?doc rdfs:label ?dl } OPTIONAL { ?doc dkg:sourcePath ?p } }
} } GROUP BY ?st
"""
_ENTITIES = _PREFIX + """
SELECT ?e ?type (SAMPLE(?l) AS ?label) WHERE {
  VALUES (?class ?type) { CLASSES }
  GRAPH ?g { ?e a ?class ; rdfs:label ?l }
} GROUP BY ?e ?type
""".replace("CLASSES", " ".join(f'(dkg:{t} "{t}")' for t in ENTITY_TYPES))
_LINKS = _PREFIX + """
SELECT DISTINCT ?st ?p ?e WHERE {
  VALUES ?p { PROPERTIES }
  GRAPH ?g { ?st a dkg:Statement ; ?p ?e }
}
""".replace("PROPERTIES", " ".join(f"dkg:{p}" for p in LINK_LABELS))
_MENTIONS = _PREFIX + """
SELECT DISTINCT ?st ?e ?q ?start WHERE {
  GRAPH ?g { ?m a dkg:Mention ; dkg:inStatement ?st ; dkg:mentionOf ?e ; dkg:quote ?q ; dkg:startOffset ?start }
}
"""
_RELATIONS = _PREFIX + """
SELECT DISTINCT ?s ?p ?o ?st ?q WHERE {
  VALUES ?p { PROPERTIES }
  GRAPH ?g {
    ?s ?p ?o .
    OPTIONAL { ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; dkg:inStatement ?st ; dkg:quote ?q }
  }
} ORDER BY ?s ?p ?o ?st
""".replace("PROPERTIES", " ".join(f"dkg:{p}" for p in RELATION_LABELS))


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


def quote_lists(rows: Iterable[list], statements: dict[str, StatementInfo]) -> dict[tuple[str, str], list[str]]:
    """``(statement, entity) -> quotes`` in the order they occur, from rows of ?st ?e ?q ?start (sorted
    here: an ORDER BY in the query costs pyoxigraph more than the whole rest of it)."""
    found: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for st, e, q, start in rows:
        if st.value in statements:
            found[(st.value, e.value)].append((int(start.value), q.value))
    return {key: [q for _start, q in sorted(spans)] for key, spans in found.items()}


def load_quotes(store: Store, statements: dict[str, StatementInfo]) -> dict[tuple[str, str], list[str]]:
    """Every quote of every mention in ``statements``, as ``(statement, entity) -> quotes``."""
    return quote_lists(store.select(_MENTIONS).rows, statements)


def load_view_data(store: Store, date_from: str | None = None, date_to: str | None = None, *,
                   quotes: bool = True) -> ViewData:
    """Statements (dated within the range, if one is given), entities, links, quotes (unless not
    ``quotes``: then none, for kg.viewtop to fetch those it draws) and relations."""
    bounded = date_from is not None or date_to is not None
    data = ViewData(bounded=bounded)
    for st, label, heading, kind, date, doc_label, path in store.select(_STATEMENTS).rows:
        d = _v(date)
        if not in_range(d, date_from, date_to):
            continue
        head = _v(heading) or _v(label) or local_name(st.value)
        data.statements[st.value] = StatementInfo(st.value, _v(label) or head, head, _v(kind) or "statement",
                                                  d, _v(doc_label) or "", _v(path) or "")
    for e, typ, label in store.select(_ENTITIES).rows:
        if e.value not in data.entities:  # typed twice (a resolution and its draft class): first reading
            data.entities[e.value] = EntityInfo(e.value, label.value, typ.value)
    for st, p, e in store.select(_LINKS).rows:
        if st.value in data.statements and e.value in data.entities:
            data.links.append((st.value, local_name(p.value), e.value))
    if quotes:
        data.quotes = load_quotes(store, data.statements)
    grouped: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for s, p, o, st, q in store.select(_RELATIONS).rows:
        if s.value not in data.entities or o.value not in data.entities:
            continue
        key = (s.value, local_name(p.value), o.value)
        support = grouped.setdefault(key, [])
        if st is not None and st.value in data.statements:
            support.append((st.value, _v(q) or ""))
    data.relations = [(s, p, o, sup) for (s, p, o), sup in grouped.items() if sup or not bounded]
    return data
