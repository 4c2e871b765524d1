"""What the store holds: documents, statements, entities by type, triples."""
from __future__ import annotations

from kg.store import Store

__all__ = ["stats"]

_ENTITIES = """
SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a ?class .
  VALUES (?class ?type) {
    (dkg:State "State") (dkg:Organization "Organization") (dkg:Person "Person") (dkg:Resolution "Resolution")
    (dkg:Treaty "Treaty") (dkg:Place "Place") (dkg:Event "Event") (dkg:UNDocument "UNDocument")
  }
} GROUP BY ?type ORDER BY ?type
"""


def _count(store: Store, sparql: str) -> int:
    rows = store.select(sparql).rows
    return int(rows[0][0].value) if rows and rows[0][0] is not None else 0


def stats(store: Store) -> dict[str, object]:
    entities = {row[0].value: int(row[1].value) for row in store.select(_ENTITIES).rows}
    return {
        "documents": _count(store, "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a dkg:Document }"),
        "statements": _count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a dkg:Statement }"),
        "mentions": _count(store, "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a dkg:Mention }"),
        "relations": _count(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
                                   "VALUES ?p { dkg:chairOf dkg:affiliatedWith dkg:establishedBy dkg:sponsoredBy } "
                                   "?s ?p ?o } }"),
        "entities": entities,
        "quads": len(store),
        "triples": _count(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"),
    }
