"""The comentions view: states, bodies, resolutions and treaties (the kinds of the comention group of
kg.kinds) linked by how many statements name both (an undirected Graph with ``weight``)."""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from kg.kinds import COMENTION, in_group
from kg.store import Store
from kg.views.base import View
from kg.views.data import ViewData, load_view_data
from kg.views.nodes import MAX_EVIDENCE, count_statement, entity_node

__all__ = ["VIEW", "comention_degrees", "comention_graph", "comention_named", "comention_network"]


def comention_named(data: ViewData, types: tuple[str, ...] | None = None) -> dict[str, list[str]]:
    """statement -> the entities of ``types`` it mentions (the comention view's raw material)."""
    types = in_group(COMENTION) if types is None else types
    named: dict[str, list[str]] = defaultdict(list)
    for st, p, e in data.links:
        if p == "mentions" and data.entities[e].type in types:
            named[st].append(e)
    return named


def comention_network(store: Store, date_from: str | None = None, date_to: str | None = None,
                      types: tuple[str, ...] | None = None) -> nx.Graph:
    """States, bodies, resolutions and treaties linked by the number of statements that name both."""
    return comention_graph(load_view_data(store, date_from, date_to), types=types)


def comention_graph(data: ViewData, keep: set[str] | None = None,
                    types: tuple[str, ...] | None = None) -> nx.Graph:
    """:func:`comention_network` of ``data``; with ``keep``, only those nodes (the subgraph they induce)."""
    g = nx.Graph()
    seen: set[tuple[str, str]] = set()
    edges: dict[tuple[str, str], dict] = {}  # (u, v) with u < v -> attributes; a statement comes once
    for st, ents in comention_named(data, types).items():
        if keep is not None:
            ents = [e for e in ents if e in keep]
        for e in ents:
            entity_node(g, data, e)
            count_statement(g, data, e, st, seen)
        date = data.statements[st].date
        for pair in combinations(sorted(set(ents)), 2):
            d = edges.get(pair)
            if d is None:
                d = edges[pair] = {"weight": 0, "statements": [], "first": "", "last": "", "evidence": []}
            d["weight"] += 1
            d["statements"].append(st)
            if date:
                if not d["first"] or date < d["first"]:
                    d["first"] = date
                d["last"] = max(d["last"], date)
            if len(d["evidence"]) < MAX_EVIDENCE:
                d["evidence"].append(data.evidence(st))
    for d in edges.values():
        d["label"] = f"named together in {d['weight']} statement(s)"
    g.add_edges_from((u, v, d) for (u, v), d in edges.items())
    return g


def comention_degrees(data: ViewData) -> dict[str, int]:
    """comentions view: the number of other entities named together with each in some statement."""
    together: dict[str, set[str]] = defaultdict(set)
    for ents in comention_named(data).values():
        group = set(ents)
        for e in group:
            together[e].update(group)
    return {e: len(others) - 1 for e, others in together.items()}


VIEW = View("comentions", lambda data, keep=None: comention_graph(data, keep), comention_degrees)
