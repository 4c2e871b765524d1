"""The statements view: who spoke (a person, or the state or body spoken for) -> statement -> what it
mentions, where and at which event it was said, plus the typed relations between those entities
(a MultiDiGraph)."""
from __future__ import annotations

import networkx as nx

from kg.store import Store
from kg.views.base import View
from kg.views.data import LINK_LABELS, ViewData
from kg.views.nodes import MAX_EVIDENCE, add_relations, count_statement, entity_node, link_degrees, statement_node

__all__ = ["VIEW", "statement_graph", "statement_network"]

_OUTWARD = {"forum": "at forum", "deliveredAt": "delivered at"}  # statement -> where it was said


def statement_network(store: Store, date_from: str | None = None, date_to: str | None = None) -> nx.MultiDiGraph:
    """Who spoke (person, or the state/body spoken for) -> statement -> what it mentions."""
    return VIEW.network(store, date_from, date_to)


def statement_graph(data: ViewData, keep: set[str] | None = None) -> nx.MultiDiGraph:
    """:func:`statement_network` of ``data``; with ``keep``, only those nodes (the subgraph they induce)."""
    g = nx.MultiDiGraph()
    seen: set[tuple[str, str]] = set()
    for st, p, e in data.links:
        st_in, e_in = keep is None or st in keep, keep is None or e in keep
        if st_in:
            statement_node(g, data, st)
        if e_in:
            entity_node(g, data, e)
            count_statement(g, data, e, st, seen)
        if not (st_in and e_in):
            continue
        info = data.statements[st]
        if p == "mentions":
            quotes = data.quotes_for(st, e)
            ev = [data.evidence(st, q) for q in quotes[:MAX_EVIDENCE]] or [data.evidence(st)]
            g.add_edge(st, e, key=p, predicate=p, label=LINK_LABELS[p], statements=[st], weight=1,
                       first=info.date or "", evidence=ev)
        elif p in _OUTWARD:
            g.add_edge(st, e, key=p, predicate=p, label=_OUTWARD[p], statements=[st], weight=1,
                       first=info.date or "", evidence=[data.evidence(st)])
        else:  # speaker, onBehalfOf: the actor points at what it said
            g.add_edge(e, st, key=p, predicate=p, label="spoke" if p == "speaker" else "spoken for", statements=[st],
                       weight=1, first=info.date or "", evidence=[data.evidence(st)])
    add_relations(g, data)
    return g


VIEW = View("statements", statement_graph, link_degrees)
