"""The one call that builds a filtered view for ``kg render``, ``kg export --view`` and the Python API,
and the filters applied to a view once it is built (so that they work the same for every view).

:func:`filtered_view` is the only place that calls the view builders (:func:`kg.views.prepare.prepare_view`);
:func:`drop_weak_links` hides links supported by fewer than ``min_weight`` statements and the nodes
only they linked: the co-mention view of even five documents has hundreds of pairs named together
once, which draw as a tangle and say little.
"""
from __future__ import annotations

import networkx as nx

from kg.errors import ParameterError
from kg.store import Store
from kg.views.prepare import ViewResult, prepare_view

__all__ = ["DEFAULT_MIN_WEIGHT", "WeakLinks", "default_min_weight", "drop_weak_links", "filtered_view"]

# Views that hide weak links unless told otherwise; the others show every link (min weight 1).
DEFAULT_MIN_WEIGHT = {"comentions": 2}


def default_min_weight(view: str) -> int:
    """The smallest link weight ``view`` shows by default."""
    return DEFAULT_MIN_WEIGHT.get(view, 1)


class WeakLinks:
    """What :func:`drop_weak_links` hid: how many links, and how many nodes only they linked."""

    def __init__(self, min_weight: int, links: int = 0, nodes: int = 0) -> None:
        self.min_weight, self.links, self.nodes = min_weight, links, nodes

    def note(self) -> str:
        """One line for the page's summary (empty when nothing was hidden)."""
        if not self.links:
            return ""
        text = f"{self.links:,} link(s) of weight below {self.min_weight} hidden"
        if self.nodes:
            text += f" with the {self.nodes:,} node(s) only they linked"
        return text + " (--min-weight 1 shows them)"


def drop_weak_links(g: nx.Graph, min_weight: int) -> tuple[nx.Graph, WeakLinks]:
    """``g`` without the links whose ``weight`` (statements supporting them) is below ``min_weight``,
    and without the nodes left unlinked by that (nodes that had no link to begin with stay)."""
    if min_weight < 1:
        raise ParameterError(f"--min-weight {min_weight}: give 1 (every link) or more")
    hidden = WeakLinks(min_weight)
    if min_weight == 1:
        return g, hidden
    keyed = g.is_multigraph()
    edges = g.edges(keys=True, data="weight", default=1) if keyed else g.edges(data="weight", default=1)
    weak = [e[:-1] for e in edges if (e[-1] or 1) < min_weight]
    if not weak:
        return g, hidden
    linked = {n for n in g if g.degree(n) > 0}
    out = g.copy()
    out.remove_edges_from(weak)
    orphans = [n for n in linked if out.degree(n) == 0]
    out.remove_nodes_from(orphans)
    hidden.links, hidden.nodes = len(weak), len(orphans)
    return out, hidden


def _summary(view: str, g: nx.Graph, notes: list[str]) -> str:
    head = f"{view} view: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} links"
    return " · ".join([head, *[n for n in notes if n]])


def filtered_view(store: Store, view: str = "statements", *, focus_label: str | None = None, depth: int = 1,
                  types: list[str] | None = None, date_from: str | None = None, date_to: str | None = None,
                  max_nodes: int | None = None, min_weight: int | None = None) -> ViewResult:
    """``view`` of ``store`` with the filters of ``kg render`` (dates, types, focus, max nodes), then
    without links below ``min_weight`` (default: :func:`default_min_weight`)."""
    if date_from and date_to and date_from > date_to:
        raise ParameterError(f"the start date {date_from} is after the end date {date_to}: no statement lies "
                             "between them; swap --from and --to")
    result = prepare_view(store, view, focus_label=focus_label, depth=depth, types=types, date_from=date_from,
                          date_to=date_to, max_nodes=max_nodes)
    g, hidden = drop_weak_links(result.graph, default_min_weight(view) if min_weight is None else min_weight)
    if not hidden.links:
        return result
    notes = result.summary.split(" · ")[1:]
    return ViewResult(g, result.total_nodes, _summary(view, g, [*notes, hidden.note()]))
