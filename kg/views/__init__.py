"""Network views of the store: functions of the RDF graph, read with SPARQL, never a second store.

:data:`VIEWS` is the one registry of views (the CLI's ``--view``, the exporter and the Python API read
it). View ``NAME`` lives in module ``kg.views.NAME``: its builder and the degree count that ranks its
nodes before any text is read (:mod:`kg.views.top`), as that module's ``VIEW``. Importing this package
loads no view (nor NetworkX), so that every command starts quickly; :func:`view` loads one.

The rest of the API: :mod:`kg.views.prepare` (a view with the filters of `kg render`),
:mod:`kg.views.filters`, :mod:`kg.views.result` (the graph of a query's result), :mod:`kg.views.data`
(what views read from the store).
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from kg.errors import ParameterError

if TYPE_CHECKING:
    import networkx as nx

    from kg.store import Store
    from kg.views.base import View

__all__ = ["VIEWS", "build_view", "view"]

VIEWS: dict[str, str] = {
    "statements": "speaker -> statement -> what it names, with the relations between them",
    "comentions": "states, bodies, resolutions and treaties linked by the statements naming both",
    "forums": "person or state -> the forum it spoke at, with dates",
    "graph": "statements and every entity, with the links and relations between them",
}


def view(name: str) -> View:
    """The view called ``name`` (its module's ``VIEW``)."""
    if name not in VIEWS:
        raise ParameterError(f"unknown view {name!r}; choose one of {', '.join(VIEWS)}")
    return importlib.import_module(f"kg.views.{name}").VIEW


def build_view(store: Store, name: str, date_from: str | None = None, date_to: str | None = None) -> nx.Graph:
    """The whole view ``name`` of ``store`` (of the statements dated within the range, if one is given)."""
    return view(name).network(store, date_from, date_to)
