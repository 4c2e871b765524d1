"""The nodes and edges every view draws the same way: statements, entities (counting the statements
that name them, with their evidence) and the typed relations between entities.

Every node has ``label``, ``type``, ``iri`` and ``statements``; every edge ``label``, ``weight``,
``statements`` and ``evidence``; dated things have ``first`` (and ``last``) ISO dates.
"""
from __future__ import annotations

from collections import Counter

import networkx as nx

from kg.views.data import ViewData, relation_labels

__all__ = ["MAX_EVIDENCE", "add_relations", "count_statement", "entity_node", "link_degrees", "statement_node"]

MAX_EVIDENCE = 12  # pieces of evidence kept per node or edge (the count of all is kept too)


def statement_node(g: nx.Graph, data: ViewData, st: str) -> None:
    """Add statement ``st`` as a node (idempotent)."""
    if st in g:
        return
    info = data.statements[st]
    g.add_node(st, iri=st, label=info.label, type="Statement", kind=info.kind, heading=info.heading,
               document=info.document, date=info.date or "", first=info.date or "", statements=1,
               evidence=[data.evidence(st)])


def entity_node(g: nx.Graph, data: ViewData, e: str) -> None:
    """Add entity ``e`` as a node (idempotent) with an empty statement count."""
    if e in g:
        return
    info = data.entities[e]
    g.add_node(e, iri=e, label=info.label, type=info.type, statements=0, first="", last="", evidence=[],
               evidence_count=0)


def count_statement(g: nx.Graph, data: ViewData, e: str, st: str, seen: set[tuple[str, str]]) -> None:
    """Count statement ``st`` once for entity node ``e``: statement count, first/last dates, quotes."""
    key = (e, st)
    if key in seen:
        return
    seen.add(key)
    node = g.nodes[e]
    node["statements"] += 1
    date = data.statements[st].date
    if date:  # called once per (entity, statement) of the view: kept lean
        if not node["first"] or date < node["first"]:
            node["first"] = date
        node["last"] = max(node["last"], date)
    node["evidence_count"] += data.quote_count(st, e)
    room = MAX_EVIDENCE - len(node["evidence"])
    if room > 0:
        quotes = data.quotes_for(st, e) or [None]  # none: the statement's heading
        node["evidence"].extend(data.evidence(st, q) for q in quotes[:room])


def add_relations(g: nx.MultiDiGraph, data: ViewData) -> None:
    """The typed relations between entities already in ``g``, each with its evidence."""
    labels = relation_labels()
    for s, p, o, support in data.relations:
        if s in g and o in g:
            sts = sorted({st for st, _q in support})
            dates = sorted(d for d in (data.statements[st].date for st in sts) if d)
            g.add_edge(s, o, key=p, predicate=p, label=labels[p], statements=sts, weight=max(1, len(sts)),
                       first=dates[0] if dates else "", evidence=[data.evidence(st, q) for st, q in support[:MAX_EVIDENCE]])


def link_degrees(data: ViewData, every_entity: bool = False) -> dict[str, int]:
    """Degrees where every link of ``data`` is one edge, and every relation between two nodes of the view
    one more (the statements and graph views); with ``every_entity``, unlinked entities too (when no
    date bound leaves them out)."""
    deg: Counter[str] = Counter()
    if every_entity and not data.bounded:
        deg.update(dict.fromkeys(data.entities, 0))
    for st, _p, e in data.links:
        deg[st] += 1
        deg[e] += 1
    for s, _p, o, _support in data.relations:
        if s in deg and o in deg:
            deg[s] += 1
            deg[o] += 1  # a relation of an entity with itself counts twice, as in NetworkX
    return deg
