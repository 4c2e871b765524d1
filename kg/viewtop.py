"""The ``max_nodes`` busiest nodes of a view, without reading the evidence of the nodes it leaves out.

``top_view(store, view, n)`` gives the same graph as ``top_nodes(build_view(store, view), n)``: the
same nodes, links and attributes, evidence included. It ranks first, then fetches quotes only for
what is drawn:

1. statements, entities, links and relations are read as for the full view, but not the mention
   quotes (one row per mention: most of the time and memory of a big store);
2. every node's degree in the view's graph is counted from the links (``_DEGREES``: the same
   edges the view builders add; parallel edges count) and the nodes are ranked as ``top_nodes``
   ranks them (most links first, ties by label, then IRI);
3. the view builder runs once over the kept nodes without quotes, noting which (statement, entity)
   pairs it takes quotes from; those quotes are fetched (VALUES blocks inside ``GRAPH ?g {}``, a few
   hundred pairs each), with the pairs of kept entities that have more than one quote (their count is
   part of ``evidence_count``); the builder then runs again with them.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

import networkx as nx
import pyoxigraph as ox

from kg.nxview import graph_from
from kg.store import Store
from kg.viewdata import ViewData, load_quotes, load_view_data, quote_lists
from kg.views import comention_graph, comention_named, forum_graph, forum_pairs, statement_graph

__all__ = ["BUILDERS", "CHUNK", "degrees", "top_view"]

CHUNK = 300  # values per VALUES block

BUILDERS: dict[str, Callable[..., nx.Graph]] = {
    "statements": statement_graph,
    "comentions": comention_graph,
    "forums": forum_graph,
    "graph": lambda data, keep=None: graph_from(data, keep=keep),
}

_PAIR_QUOTES = """
SELECT DISTINCT ?st ?e ?q ?start WHERE { GRAPH ?g {
  VALUES_BLOCK
  ?m dkg:inStatement ?st ; dkg:mentionOf ?e ; a dkg:Mention ; dkg:quote ?q ; dkg:startOffset ?start
} }
"""
# (statement, entity) pairs of these entities with more than one mention: the only pairs that can give
# an entity more than one piece of evidence (a pair with one mention or none gives one).
_SEVERAL = """
SELECT ?st ?e WHERE { GRAPH ?g {
  VALUES_BLOCK
  ?m dkg:mentionOf ?e ; dkg:inStatement ?st
} } GROUP BY ?st ?e HAVING (COUNT(?m) > 1)
"""


def _values(names: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> str:
    vars_ = " ".join("?" + n for n in names)
    if len(names) == 1:
        return f"VALUES {vars_} {{ " + " ".join(str(ox.NamedNode(r[0])) for r in rows) + " }"
    body = " ".join("(" + " ".join(str(ox.NamedNode(v)) for v in r) + ")" for r in rows)
    return f"VALUES ({vars_}) {{ {body} }}"


def _chunked(store: Store, sparql: str, names: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> list[list]:
    """The rows of ``sparql`` with its ``VALUES_BLOCK`` bound to ``rows``, a few hundred at a time."""
    todo = sorted(set(rows))
    out: list[list] = []
    for i in range(0, len(todo), CHUNK):
        out.extend(store.select(sparql.replace("VALUES_BLOCK", _values(names, todo[i:i + CHUNK]))).rows)
    return out


# ---------------------------------------------------------------- degrees, as the view builders link nodes
def _link_degrees(data: ViewData, every_entity: bool = False) -> dict[str, int]:
    """statements and graph views: one edge per link, one per relation between two nodes of the view."""
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


def _comention_degrees(data: ViewData) -> dict[str, int]:
    """comentions view: the number of other entities named together with each in some statement."""
    together: dict[str, set[str]] = defaultdict(set)
    for ents in comention_named(data).values():
        group = set(ents)
        for e in group:
            together[e].update(group)
    return {e: len(others) - 1 for e, others in together.items()}


def _forum_degrees(data: ViewData) -> dict[str, int]:
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


_DEGREES: dict[str, Callable[[ViewData], dict[str, int]]] = {
    "statements": _link_degrees,
    "comentions": _comention_degrees,
    "forums": _forum_degrees,
    "graph": lambda data: _link_degrees(data, every_entity=True),
}


def degrees(data: ViewData, view: str) -> dict[str, int]:
    """Every node of ``view`` with its degree in the view's graph (``g.degree(n)``)."""
    return _DEGREES[view](data)


def _label(data: ViewData, node: str) -> str:
    info = data.statements.get(node) or data.entities.get(node)
    return info.label if info is not None else node


# ---------------------------------------------------------------- quotes of what is drawn
def _fetch_quotes(store: Store, data: ViewData, pairs: set[tuple[str, str]]) -> dict[tuple[str, str], list[str]]:
    rows = _chunked(store, _PAIR_QUOTES, ("st", "e"), pairs)
    return quote_lists(rows, data.statements)


def _several(store: Store, entities: Iterable[str]) -> set[tuple[str, str]]:
    return {(st.value, e.value) for st, e in _chunked(store, _SEVERAL, ("e",), ((e,) for e in entities))}


def top_view(store: Store, view: str, max_nodes: int, date_from: str | None = None,
             date_to: str | None = None) -> tuple[nx.Graph, int]:
    """``(graph, total)``: the ``max_nodes`` nodes of ``view`` with most links (ties by label, then IRI),
    as ``top_nodes`` keeps them, and the number of nodes of the whole view."""
    build = BUILDERS[view]
    data = load_view_data(store, date_from, date_to, quotes=False)
    deg = degrees(data, view)
    if len(deg) <= max_nodes:  # everything is drawn: read the quotes in one go
        data.quotes = load_quotes(store, data.statements)
        return build(data), len(deg)
    ranked = sorted(deg, key=lambda n: (-deg[n], _label(data, n), n))
    keep = set(ranked[:max_nodes])
    data.asked, data.quote_counts = set(), {}
    build(data, keep)  # a dry run: which quotes the kept nodes and links show
    asked = {x for x in data.asked if isinstance(x, tuple)}
    several = {pair for pair in _several(store, (n for n in keep if n in data.entities))
               if pair[0] in data.statements}
    data.asked = None
    data.quotes = _fetch_quotes(store, data, asked | several)
    data.quote_counts = {pair: len(data.quotes.get(pair, ())) or 1 for pair in several}
    return build(data, keep), len(deg)
