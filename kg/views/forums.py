"""The forums view: speakers and the states or bodies they spoke for -> the forum they spoke at, weighted
by statements, with their dates (a DiGraph)."""
from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx

from kg.store import Store
from kg.views.base import View
from kg.views.data import ViewData
from kg.views.nodes import MAX_EVIDENCE, count_statement, entity_node

__all__ = ["VIEW", "forum_degrees", "forum_graph", "forum_network", "forum_pairs"]


def forum_pairs(data: ViewData) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """statement -> its forums, and statement -> its speakers and the states or bodies it was spoken for."""
    forums: dict[str, list[str]] = defaultdict(list)
    actors: dict[str, list[str]] = defaultdict(list)
    for st, p, e in data.links:
        if p == "forum":
            forums[st].append(e)
        elif p in ("speaker", "onBehalfOf"):
            actors[st].append(e)
    return forums, actors


def forum_network(store: Store, date_from: str | None = None, date_to: str | None = None) -> nx.DiGraph:
    """Speakers and the states or bodies they spoke for -> the forum they spoke at, with dates."""
    return VIEW.network(store, date_from, date_to)


def forum_graph(data: ViewData, keep: set[str] | None = None) -> nx.DiGraph:
    """:func:`forum_network` of ``data``; with ``keep``, only those nodes (the subgraph they induce)."""
    forums, actors = forum_pairs(data)
    g = nx.DiGraph()
    seen: set[tuple[str, str]] = set()
    for st, fs in forums.items():
        info = data.statements[st]
        for f in fs:
            f_in = keep is None or f in keep
            if f_in:
                entity_node(g, data, f)
                count_statement(g, data, f, st, seen)
            for a in actors.get(st, []):
                if keep is not None and a not in keep:
                    continue
                entity_node(g, data, a)
                count_statement(g, data, a, st, seen)
                if not f_in:
                    continue
                if g.has_edge(a, f):
                    d = g.edges[a, f]
                else:
                    g.add_edge(a, f, weight=0, statements=[], dates=[], first="", last="", evidence=[])
                    d = g.edges[a, f]
                if st in d["statements"]:
                    continue
                d["weight"] += 1
                d["statements"].append(st)
                if info.date:
                    d["dates"] = sorted({*d["dates"], info.date})
                    d["first"], d["last"] = d["dates"][0], d["dates"][-1]
                if len(d["evidence"]) < MAX_EVIDENCE:
                    d["evidence"].append(data.evidence(st))
    for _u, _v, d in g.edges(data=True):
        d["label"] = f"spoke at ({d['weight']} statement(s))"
    return g


def forum_degrees(data: ViewData) -> dict[str, int]:
    """forums view: one edge per (speaker or state spoken for, forum) pair."""
    forums, actors = forum_pairs(data)
    deg: Counter[str] = Counter()
    edges: set[tuple[str, str]] = set()
    for st, fs in forums.items():
        for f in fs:
            deg[f] += 0
            for a in actors.get(st, []):
                deg[a] += 0
                edges.add((a, f))
    for a, f in edges:
        deg[a] += 1
        deg[f] += 1
    return deg


VIEW = View("forums", forum_graph, forum_degrees)
