"""Writing the store out as Turtle, TriG, N-Quads, N-Triples or JSON-LD.

TriG and N-Quads keep one named graph per document; Turtle, N-Triples and JSON-LD write the
merged graph. The file is written beside its target and renamed into place, so a failed
export leaves no half-written file.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import ExportError
from kg.store import Store

__all__ = ["FORMATS", "EXTENSIONS", "guess_format", "export"]

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
EXTENSIONS = {".ttl": "turtle", ".turtle": "turtle", ".trig": "trig", ".nq": "nquads", ".nquads": "nquads",
              ".nt": "ntriples", ".ntriples": "ntriples", ".jsonld": "jsonld", ".json": "jsonld"}


def guess_format(path: Path | None, given: str | None) -> str:
    if given:
        return given
    if path is not None:
        fmt = EXTENSIONS.get(path.suffix.lower())
        if fmt is None:
            raise ExportError(f"{path}: cannot tell the format from the extension {path.suffix or '(none)'!r}; "
                              f"pass --format ({', '.join(FORMATS)})")
        return fmt
    return "turtle"


def export(store: Store, fmt: str, path: Path | None, stdout: BinaryIO | None = None) -> None:
    """Write the store in ``fmt`` to ``path`` (atomically) or to ``stdout``."""
    rdf_format = FORMATS[fmt]
    if path is None:
        out = stdout or sys.stdout.buffer
        store.dump(out, rdf_format)
        out.flush()
        return
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as e:
        raise ExportError(f"{path}: cannot write there ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            store.dump(fh, rdf_format)
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
