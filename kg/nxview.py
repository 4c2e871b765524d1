"""NetworkX views of the store: functions of the RDF graph, never a second store.

``graph_view`` gives a MultiDiGraph of statements and entities: nodes carry IRI, label, type
and the number of statements that name them; edges carry predicate, label, the statements that
support them and their evidence (quoted spans with document and date). ``result_view`` turns the
result of a SPARQL CONSTRUCT (or a SELECT of ?s ?p ?o) into the same kind of graph.
"""
from __future__ import annotations

import networkx as nx
import pyoxigraph as ox

from kg.errors import ParameterError
from kg.store import Store
from kg.viewdata import (
    LINK_LABELS,
    RELATION_LABELS,
    ViewData,
    load_view_data,
    local_name,
)

__all__ = ["EDGE_LABELS", "MAX_EVIDENCE", "graph_from", "graph_view", "result_view"]

EDGE_LABELS = {**LINK_LABELS, **RELATION_LABELS}
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
        quotes = data.quotes_for(st, e) or [data.statements[st].heading]
        node["evidence"].extend(data.evidence(st, q) for q in quotes[:room])


def add_relations(g: nx.MultiDiGraph, data: ViewData) -> None:
    """The typed relations between entities already in ``g``, each with its evidence."""
    for s, p, o, support in data.relations:
        if s in g and o in g:
            sts = sorted({st for st, _q in support})
            dates = sorted(d for d in (data.statements[st].date for st in sts) if d)
            g.add_edge(s, o, key=p, predicate=p, label=RELATION_LABELS[p], statements=sts, weight=max(1, len(sts)),
                       first=dates[0] if dates else "", evidence=[data.evidence(st, q) for st, q in support[:MAX_EVIDENCE]])


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


def result_view(store: Store, sparql: str) -> nx.MultiDiGraph:
    """The graph of a CONSTRUCT (or of a SELECT with ?s ?p ?o columns), labelled from the store.

    IRIs and blank nodes become nodes; a literal object becomes an attribute of its subject node."""
    res = store.select(sparql)
    cols = res.variables
    if cols[:3] != ["subject", "predicate", "object"]:
        if not {"s", "p", "o"} <= set(cols):
            raise ParameterError("a graph view of a SELECT needs the columns ?s ?p ?o (got "
                                 + ", ".join("?" + c for c in cols) + "); or write a CONSTRUCT query")
        idx = [cols.index("s"), cols.index("p"), cols.index("o")]
    else:
        idx = [0, 1, 2]
    data = load_view_data(store)
    g = nx.MultiDiGraph()

    def node(term: object) -> str:
        key = term.value if isinstance(term, ox.NamedNode) else f"_:{term.value}"  # type: ignore[attr-defined]
        if key not in g:
            if key in data.statements:
                statement_node(g, data, key)
            elif key in data.entities:
                entity_node(g, data, key)
            else:
                g.add_node(key, iri=key, label=local_name(key), type="Resource", statements=0)
        return key

    for row in res.rows:
        s, p, o = (row[i] for i in idx)
        if s is None or p is None or o is None or isinstance(s, ox.Literal):
            continue
        sk = node(s)
        name = local_name(p.value)
        if isinstance(o, ox.Literal):
            g.nodes[sk].setdefault(name, o.value)
            continue
        ok = node(o)
        g.add_edge(sk, ok, key=name, predicate=name, label=EDGE_LABELS.get(name, name), statements=[], weight=1)
    return g
