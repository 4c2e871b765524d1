"""Where the project's data lives: the ontology, the gazetteers and the named queries.

The package reads them from the source tree it was installed from (``pip install -e .``).
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["ROOT", "DATA_DIR", "GAZETTEER_DIR", "QUERIES_DIR", "ONTOLOGY_FILE", "SHAPES_FILE"]

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
QUERIES_DIR = DATA_DIR / "queries"
ONTOLOGY_FILE = ROOT / "ontology" / "diplokg.ttl"
SHAPES_FILE = ROOT / "ontology" / "shapes.ttl"
