"""What a view is: a graph built from a :class:`~kg.views.data.ViewData` snapshot, and the degree of each of
its nodes counted from the links alone (so that the busiest nodes are picked before any text is read)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

from kg.store import Store
from kg.views.data import ViewData, load_view_data

__all__ = ["View"]


@dataclass(frozen=True)
class View:
    """One network view of the store."""

    name: str  # its key in kg.views.VIEWS, and its module's name
    build: Callable[[ViewData, set[str] | None], nx.Graph]  # the graph; given a set, only those nodes
    degrees: Callable[[ViewData], dict[str, int]]  # every node of ``build(data, None)`` with its degree

    def network(self, store: Store, date_from: str | None = None, date_to: str | None = None) -> nx.Graph:
        """The whole view of ``store`` (of the statements dated within the range, if one is given)."""
        return self.build(load_view_data(store, date_from, date_to), None)
