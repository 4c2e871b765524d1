"""NetworkX views of the store: functions of the RDF graph, never a second store.

``graph_view`` gives a MultiDiGraph of statements and entities: nodes carry IRI, label, type
and the number of statements that name them; edges carry predicate, label and the statements
that support them.
"""
from __future__ import annotations

import networkx as nx

from kg.store import Store

__all__ = ["graph_view", "EDGE_LABELS"]

EDGE_LABELS = {
    "mentions": "mentions", "speaker": "speaker", "onBehalfOf": "on behalf of", "forum": "forum",
    "chairOf": "chair of", "affiliatedWith": "affiliated with", "establishedBy": "established by",
    "sponsoredBy": "sponsored by",
}

_NODES = """
SELECT ?e ?type (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?st) AS ?statements) WHERE {
  ?e a ?class ; rdfs:label ?l .
  VALUES (?class ?type) {
    (dkg:State "State") (dkg:Organization "Organization") (dkg:Person "Person") (dkg:Resolution "Resolution")
    (dkg:Treaty "Treaty") (dkg:Statement "Statement")
  }
  OPTIONAL { ?st dkg:mentions ?e }
} GROUP BY ?e ?type
"""
_STATEMENT_EDGES = """
SELECT DISTINCT ?st ?p ?o WHERE {
  VALUES ?p { dkg:mentions dkg:speaker dkg:onBehalfOf dkg:forum }
  ?st a dkg:Statement ; ?p ?o .
}
"""
_RELATIONS = """
SELECT ?s ?p ?o (GROUP_CONCAT(DISTINCT STR(?st); separator=" ") AS ?support) WHERE {
  VALUES ?p { dkg:chairOf dkg:affiliatedWith dkg:establishedBy dkg:sponsoredBy }
  ?s ?p ?o .
  OPTIONAL { ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; dkg:inStatement ?st }
} GROUP BY ?s ?p ?o
"""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def graph_view(store: Store, *, statements: bool = True) -> nx.MultiDiGraph:
    """Statements and the entities they name, and the typed relations between entities."""
    g = nx.MultiDiGraph()
    for e, typ, label, n in store.select(_NODES).rows:
        if typ.value == "Statement" and not statements:
            continue
        # an entity typed twice (Organization and its subclass) keeps its first reading
        if e.value not in g:
            g.add_node(e.value, iri=e.value, label=label.value, type=typ.value, statements=int(n.value))
    if statements:
        for st, p, o in store.select(_STATEMENT_EDGES).rows:
            if st.value in g and o.value in g:
                name = _local(p.value)
                g.add_edge(st.value, o.value, key=name, predicate=p.value, label=EDGE_LABELS[name],
                           statements=[st.value])
    for s, p, o, support in store.select(_RELATIONS).rows:
        if s.value in g and o.value in g:
            name = _local(p.value)
            g.add_edge(s.value, o.value, key=name, predicate=p.value, label=EDGE_LABELS[name],
                       statements=(support.value.split() if support is not None and support.value else []))
    return g
