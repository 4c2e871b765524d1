"""The ``max_nodes`` busiest nodes of a view, without reading the evidence of the nodes it leaves out.

``top_view(store, view, n)`` gives the same graph as ``top_nodes(build_view(store, view), n)``: the
same nodes, links and attributes, evidence included (tests/test_viewtop.py compares them). It ranks
first, then reads the text only of what is drawn:

1. entities, links, relations and the statements' dates are read as for the full view, but neither
   the statements' headings and documents nor the mention quotes (one row per mention: most of the
   time and memory on a big store);
2. every node's degree in the view's graph is counted from the links (``degrees``: the edges the view
   builders add, parallel edges included) and the nodes are ranked as ``top_nodes`` ranks them (most
   links first, ties by label, then IRI; the labels of statements tied at the cut are read for that);
3. the view builder runs once over the kept nodes without text, noting the statements and
   (statement, entity) pairs it takes evidence from; those are read (VALUES blocks first inside
   ``GRAPH ?g {}``, a few hundred at a time) and the builder runs again with them. An entity's
   ``evidence_count`` counts every quote of every statement: its mentions are counted in SPARQL.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import networkx as nx

from kg.store import Store
from kg.views.data import (
    Quote,
    ViewData,
    load_quotes,
    load_statements,
    load_view_data,
    quote_lists,
    values_block,
)
from kg.views import view as get_view

__all__ = ["CHUNK", "degrees", "top_view"]

CHUNK = 300  # values per VALUES block

# Quotes of some statements (all their mentions), or of some (statement, entity) pairs.
_QUOTES = """
SELECT DISTINCT ?st ?e ?span ?g WHERE { GRAPH ?g {
  VALUES_BLOCK
  ?m dkg:inStatement ?st ; dkg:mentionOf ?e ; dkg:span ?span
} }
"""
# How many mentions these entities have (one pattern: one pass over their mentions).
_MENTION_COUNTS = """
SELECT ?e (COUNT(?m) AS ?n) WHERE { GRAPH ?g { VALUES_BLOCK ?m dkg:mentionOf ?e } } GROUP BY ?e
"""
# Of these (statement, entity) pairs, those with more than one mention, and how many.
_SEVERAL = """
SELECT ?st ?e (COUNT(?m) AS ?n) WHERE { GRAPH ?g {
  VALUES_BLOCK
  ?m dkg:inStatement ?st ; dkg:mentionOf ?e
} } GROUP BY ?st ?e HAVING (COUNT(?m) > 1)
"""


def _chunked(store: Store, sparql: str, names: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> list[list]:
    """The rows of ``sparql`` with its ``VALUES_BLOCK`` bound to ``rows``, a few hundred at a time."""
    todo = sorted(set(rows))
    out: list[list] = []
    for i in range(0, len(todo), CHUNK):
        out.extend(store.select(sparql.replace("VALUES_BLOCK", values_block(names, todo[i:i + CHUNK]))).rows)
    return out


def degrees(data: ViewData, view: str) -> dict[str, int]:
    """Every node of ``view`` with its degree in the view's graph (``g.degree(n)``)."""
    return get_view(view).degrees(data)


def _read_statements(store: Store, data: ViewData, iris: list[str]) -> None:
    """Put the label, heading and document of these statements (so far only dated) in ``data``."""
    todo = [st for st in iris if not data.statements[st].heading]  # every statement read has a heading
    if len(todo) > 10 * CHUNK:  # quicker read all at once, and then kept for the next call
        found = load_statements(store)
        data.statements.update((st, found[st]) for st in data.statements if st in found)
    elif todo:
        data.statements.update(load_statements(store, todo))


def _rank(store: Store, data: ViewData, deg: dict[str, int], max_nodes: int) -> set[str]:
    """The ``max_nodes`` nodes ``top_nodes`` keeps: most links first, ties by label, then IRI. Statements
    carry no label yet: those tied at the cut are read first."""
    by_degree = sorted(deg.values(), reverse=True)
    cut = by_degree[max_nodes - 1]
    _read_statements(store, data, [n for n in deg if deg[n] == cut and n in data.statements])

    def label(n: str) -> str:
        info = data.statements.get(n) or data.entities.get(n)
        return info.label if info is not None else n

    return set(sorted(deg, key=lambda n: (-deg[n], label(n), n))[:max_nodes])


# ---------------------------------------------------------------- text of what is drawn
def _fetch_quotes(store: Store, data: ViewData, pairs: set[tuple[str, str]]) -> dict[tuple[str, str], list[Quote]]:
    """The quotes of ``pairs``: by statement where a statement has several pairs, else by pair; all at once
    when the pairs are a good part of all (a VALUES lookup costs several times a row of the whole scan)."""
    if 5 * len(pairs) > sum(1 for _st, p, _e in data.links if p == "mentions"):
        found = load_quotes(store, data.statements)
    else:
        per_statement: Counter[str] = Counter(st for st, _e in pairs)
        whole = {st for st, n in per_statement.items() if n > 2}
        rows = _chunked(store, _QUOTES, ("st",), ((st,) for st in whole))
        rows += _chunked(store, _QUOTES, ("st", "e"), (pair for pair in pairs if pair[0] not in whole))
        found = quote_lists(store, rows, data.statements)
    return {pair: found[pair] for pair in pairs if pair in found}


def _extra_evidence(store: Store, data: ViewData, view: str, entities: list[str],
                    counted: set[tuple[str, str]]) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """The pieces of evidence beyond one per (statement, entity) pair that ``count_statement`` counts:
    ``(per entity, {})`` when it counts every statement naming a kept entity, else ``({}, per pair)``.
    A mention is one quote (its IRI is minted from its document and span)."""
    if data.bounded or view == "forums":  # only some statements count: the pairs with several mentions
        mentioned = {(st, e) for st, p, e in data.links if p == "mentions"}
        rows = _chunked(store, _SEVERAL, ("st", "e"), counted & mentioned)
        return {}, {(st.value, e.value): int(n.value) for st, e, n in rows}
    # every statement counts: the quotes beyond the first = mentions - statements that mention the entity
    pairs: Counter[str] = Counter(e for _st, p, e in data.links if p == "mentions")
    counts = _chunked(store, _MENTION_COUNTS, ("e",), ((e,) for e in entities))
    return {e.value: int(n.value) - pairs[e.value] for e, n in counts}, {}


def top_view(store: Store, view: str, max_nodes: int, date_from: str | None = None,
             date_to: str | None = None) -> tuple[nx.Graph, int]:
    """``(graph, total)``: the ``max_nodes`` nodes of ``view`` with most links (ties by label, then IRI),
    as ``top_nodes`` keeps them, and the number of nodes of the whole view."""
    build = get_view(view).build
    data = load_view_data(store, date_from, date_to, quotes=False, statements=False)
    deg = degrees(data, view)
    keep = set(deg) if len(deg) <= max_nodes else _rank(store, data, deg, max_nodes)
    data.asked, data.counted, data.quote_counts = set(), set(), {}
    build(data, keep)  # a dry run: which statements and quotes the kept nodes and links show
    asked, counted, data.asked, data.counted = data.asked, data.counted, None, None
    _read_statements(store, data, sorted({x for x in asked if isinstance(x, str)}))
    data.quotes = _fetch_quotes(store, data, {x for x in asked if isinstance(x, tuple)})
    extra, data.quote_counts = _extra_evidence(store, data, view, sorted(n for n in keep if n in data.entities),
                                               counted)
    g = build(data, keep)
    for e, n in extra.items():
        if e in g:
            g.nodes[e]["evidence_count"] += n
    return g, len(deg)
