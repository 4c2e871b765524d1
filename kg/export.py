"""Writing the store out as Turtle, TriG, N-Quads, N-Triples or JSON-LD, and its network views
as GEXF or GraphML.

TriG and N-Quads keep one named graph per document; Turtle, N-Triples and JSON-LD write the
merged graph. GEXF and GraphML write one of the NetworkX views of ``kg.views.VIEWS`` (lists become
``" | "``-joined text; in GEXF the first date of a node or link is its ``start``, so Gephi's
timeline works). The file is written beside its target and renamed into place, so a failed
export leaves no half-written file; only a regular file is ever replaced so (a device, a pipe or a
symbolic link named as the target is refused).
"""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox

from kg.errors import ExportError
from kg.store import Store

__all__ = ["FORMATS", "NETWORK_FORMATS", "EXTENSIONS", "guess_format", "export", "network_for_export",
           "write_network"]

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
NETWORK_FORMATS = ("gexf", "graphml")
EXTENSIONS = {".gexf": "gexf", ".graphml": "graphml", ".ttl": "turtle", ".turtle": "turtle", ".trig": "trig", ".nq": "nquads", ".nquads": "nquads",
              ".nt": "ntriples", ".ntriples": "ntriples", ".jsonld": "jsonld", ".json": "jsonld"}


def guess_format(path: Path | None, given: str | None) -> str:
    if given:
        return given
    if path is not None:
        fmt = EXTENSIONS.get(path.suffix.lower())
        if fmt is None:
            raise ExportError(f"{path}: cannot tell the format from the extension {path.suffix or '(none)'!r}; "
                              f"pass --format ({', '.join([*FORMATS, *NETWORK_FORMATS])})")
        return fmt
    return "turtle"


def _evidence_text(items: list) -> str:
    return " | ".join(f"{e.get('quote', '')} ({', '.join(x for x in (e.get('document'), e.get('date')) if x)})"
                      for e in items if isinstance(e, dict))


def _flat(d: dict, gexf: bool) -> dict:
    out: dict = {}
    for k, v in d.items():
        if v is None or (v == "" and k in ("first", "last")):
            continue
        if k == "evidence":
            out["evidence"] = _evidence_text(v)
        elif isinstance(v, (list, tuple, set)):
            out[k] = " | ".join(str(x) for x in v)
        elif isinstance(v, (str, int, float, bool)):
            out[k] = v
        else:
            out[k] = str(v)
    if gexf and out.get("first"):
        out["start"] = out["first"]  # Gephi's timeline: the node or link exists from its first date on
    return out


def network_for_export(graph: nx.Graph, fmt: str) -> nx.Graph:
    """A copy of ``graph`` whose attributes GEXF / GraphML can hold (text, numbers, booleans)."""
    gexf = fmt == "gexf"
    g = graph.__class__()
    for n, d in graph.nodes(data=True):
        g.add_node(n, **_flat(d, gexf))
    if graph.is_multigraph():
        for u, v, k, d in graph.edges(keys=True, data=True):
            g.add_edge(u, v, key=k, **_flat(d, gexf))
    else:
        for u, v, d in graph.edges(data=True):
            g.add_edge(u, v, **_flat(d, gexf))
    return g


def write_network(graph: nx.Graph, fmt: str, out: BinaryIO) -> None:
    """``graph`` as GEXF 1.2 or GraphML to the binary stream ``out``."""
    g = network_for_export(graph, fmt)
    if fmt == "gexf":
        nx.write_gexf(g, out)
    else:
        nx.write_graphml(g, out)


def _check_target(path: Path) -> None:
    """Only a regular file (or nothing) may be replaced: a device, a FIFO, a socket, a folder or a
    symbolic link at ``path`` would be swapped for a file by the rename."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as e:
        raise ExportError(f"{path}: cannot write there ({e.strerror or e})") from None
    if stat.S_ISREG(mode):
        return
    what = ("a symbolic link" if stat.S_ISLNK(mode) else "a folder" if stat.S_ISDIR(mode)
            else "a named pipe" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
    raise ExportError(f"{path}: cannot write there: it is {what}, not a regular file, and is left as it is; "
                      "give a file path with -o "
                      "(or -o - for stdout, then redirect it where you like)")


def _write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    _check_target(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as e:
        raise ExportError(f"{path}: cannot write there ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private; an export is an ordinary file
        try:
            os.replace(tmp, path)
        except OSError as e:
            raise ExportError(f"{path}: cannot write there ({e.strerror or e}); choose another -o FILE") from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def export(store: Store, fmt: str, path: Path | None, stdout: BinaryIO | None = None, *,
           view: str = "statements") -> None:
    """Write the store in ``fmt`` to ``path`` (atomically) or to ``stdout``; gexf and graphml write ``view``."""
    if fmt in NETWORK_FORMATS:
        from kg.views import build_view

        graph = build_view(store, view)

        def write(out: BinaryIO) -> None:
            write_network(graph, fmt, out)
    else:
        rdf_format = FORMATS[fmt]

        def write(out: BinaryIO) -> None:
            store.dump(out, rdf_format)
    if path is None:
        out = stdout or sys.stdout.buffer
        write(out)
        out.flush()
        return
    _write_atomically(path, write)
