"""Where the project's data lives: the ontology, the gazetteers and the named queries; and how a
user's path is shown in a message.

The package reads them from the source tree it was installed from (``pip install -e .``).
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["printable", "unicode_path", "ROOT", "DATA_DIR", "GAZETTEER_DIR", "QUERIES_DIR", "ONTOLOGY_FILE", "SHAPES_FILE"]

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
QUERIES_DIR = DATA_DIR / "queries"
ONTOLOGY_FILE = ROOT / "ontology" / "diplokg.ttl"
SHAPES_FILE = ROOT / "ontology" / "shapes.ttl"


def unicode_path(path: str | Path) -> str:
    """A path as valid Unicode text (for the graph): a byte of the name that is not UTF-8 (which Python
    keeps as a lone surrogate) is written ``\\xNN``; every other character stays as it is."""
    text = str(path)
    if text.isascii():
        return text
    return "".join(f"\\x{ord(ch) - 0xDC00:02x}" if 0xDC80 <= ord(ch) <= 0xDCFF else ch for ch in text)


def printable(path: str | Path) -> str:
    """A path for one line of a message: control characters escaped (``\\n``, ``\\x1b``), bytes that are
    not UTF-8 (kept by Python as surrogates) shown as ``\\xNN``; anything else as it is."""
    text = unicode_path(path)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
