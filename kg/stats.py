"""What the store holds: documents, statements, entities by type, triples."""
from __future__ import annotations

from kg.kinds import kind_values, relation_values
from kg.store import Store

__all__ = ["stats"]

# entities by kind (those the documents name, not every entity the reference graph describes), relations:
# over the kinds and relations of kg.kinds
_ENTITIES = """SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {
  { SELECT DISTINCT ?e WHERE { ?m dkg:mentionOf ?e } } ?e a ?class . KINDS
} GROUP BY ?type ORDER BY ?type"""
_RELATIONS = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { RELATIONS ?s ?p ?o } }"


def _count(store: Store, sparql: str) -> int:
    rows = store.select(sparql).rows
    return int(rows[0][0].value) if rows and rows[0][0] is not None else 0


def stats(store: Store) -> dict[str, object]:
    """Documents, statements, mentions, relations, entities by kind, quads and distinct triples."""
    entities = {row[0].value: int(row[1].value)
                for row in store.select(_ENTITIES.replace("KINDS", kind_values("class", "type"))).rows}
    return {
        "documents": _count(store, "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a dkg:Document }"),
        "statements": _count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a dkg:Statement }"),
        "mentions": _count(store, "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m dkg:mentionOf ?e }"),
        "relations": _count(store, _RELATIONS.replace("RELATIONS", relation_values("p"))),
        "entities": entities,
        "quads": len(store),
        "triples": _count(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"),
    }
