"""The graph view: statements and the entities they name (every entity, when no date bound is given),
and the typed relations between entities (a MultiDiGraph)."""
from __future__ import annotations

import networkx as nx

from kg.store import Store
from kg.views.base import View
from kg.views.data import LINK_LABELS, ViewData, load_view_data
from kg.views.nodes import add_relations, count_statement, entity_node, link_degrees, statement_node

__all__ = ["VIEW", "graph_from", "graph_view"]


def graph_view(store: Store, *, statements: bool = True, date_from: str | None = None,
               date_to: str | None = None) -> nx.MultiDiGraph:
    """Statements and the entities they name, and the typed relations between entities."""
    return graph_from(load_view_data(store, date_from, date_to), statements=statements)


def graph_from(data: ViewData, *, statements: bool = True, keep: set[str] | None = None) -> nx.MultiDiGraph:
    """:func:`graph_view` of ``data``; with ``keep``, only those nodes (the subgraph they induce)."""
    g = nx.MultiDiGraph()
    seen: set[tuple[str, str]] = set()
    if not data.bounded:
        for e in data.entities:
            if keep is None or e in keep:
                entity_node(g, data, e)
    for st, p, e in data.links:
        e_in = keep is None or e in keep
        if e_in:
            entity_node(g, data, e)
            if p == "mentions":
                count_statement(g, data, e, st, seen)
        if statements and (keep is None or st in keep):
            statement_node(g, data, st)
            if e_in:
                quotes = data.quotes_for(st, e) if p == "mentions" else []
                g.add_edge(st, e, key=p, predicate=p, label=LINK_LABELS[p], statements=[st], weight=1,
                           first=data.statements[st].date or "",
                           evidence=[data.evidence(st, q) for q in quotes] or [data.evidence(st)])
    add_relations(g, data)
    return g


VIEW = View("graph", lambda data, keep=None: graph_from(data, keep=keep),
            lambda data: link_degrees(data, every_entity=True))
