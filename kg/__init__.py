"""diplokg: a knowledge graph of diplomatic actors, forums and resolutions.

``kg.open(".kg")`` gives the Python API (:class:`kg.api.Graph`); it is imported on first use, so the
command line starts without it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.api import Graph

__all__ = ["__version__", "open", "Graph"]
__version__ = "0.1.0"


def open(path: Any = ".kg", *, wait: float = 5.0) -> "Graph":  # noqa: A001 - kg.open, like sqlite3.connect
    """The store at ``path`` (default ``.kg``), as a :class:`kg.api.Graph`: ingest, query, views, pages."""
    from kg.api import open as api_open

    return api_open(path, wait=wait)


def __getattr__(name: str) -> Any:
    if name == "Graph":
        from kg.api import Graph

        return Graph
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
