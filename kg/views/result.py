"""A query's result as a graph: the result of a SPARQL CONSTRUCT (or a SELECT of ?s ?p ?o), with the
statements and entities it names drawn as the views draw them."""
from __future__ import annotations

import networkx as nx
import pyoxigraph as ox

from kg.errors import ParameterError
from kg.store import Store
from kg.views.data import LINK_LABELS, load_view_data, local_name, relation_labels
from kg.views.nodes import entity_node, statement_node

__all__ = ["result_view"]


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
    labels = {**LINK_LABELS, **relation_labels()}
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
        g.add_edge(sk, ok, key=name, predicate=name, label=labels.get(name, name), statements=[], weight=1)
    return g
