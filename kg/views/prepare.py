"""One call for `kg render` and the Python API: a view with its filters applied, and a summary of what
was kept."""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from kg.store import Store
from kg.views import VIEWS, build_view
from kg.views.filters import focus, keep_types, top_nodes
from kg.views.top import top_view

__all__ = ["ViewResult", "prepare_view"]


@dataclass
class ViewResult:
    graph: nx.Graph
    total_nodes: int  # before --max-nodes
    summary: str


def prepare_view(store: Store, view: str = "statements", *, focus_label: str | None = None, depth: int = 1,
                 types: list[str] | None = None, date_from: str | None = None, date_to: str | None = None,
                 max_nodes: int | None = None) -> ViewResult:
    """Build ``view`` and apply the filters in order: dates, types, focus, then the top ``max_nodes``
    (without --type and --focus, ranked before any evidence is read: see kg.views.top)."""
    notes = []
    if date_from or date_to:
        notes.append(f"statements dated {date_from or '…'} to {date_to or '…'}")
    if max_nodes is not None and not types and not focus_label and view in VIEWS:
        g, total = top_view(store, view, max_nodes, date_from, date_to)
    else:
        g = build_view(store, view, date_from, date_to)
        if types:
            g = keep_types(g, types)
            notes.append("types " + ", ".join(types))
        if focus_label:
            g = focus(g, focus_label, depth)
            notes.append(f"within {depth} link(s) of “{focus_label}”")
        total = g.number_of_nodes()
        if max_nodes is not None and total > max_nodes:
            g = top_nodes(g, max_nodes)
    if max_nodes is not None and total > max_nodes:
        notes.append(f"showing the {max_nodes:,} nodes with most links of {total:,} (raise --max-nodes to see more)")
    summary = f"{view} view: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} links"
    if notes:
        summary += " · " + " · ".join(notes)
    return ViewResult(g, total, summary)
