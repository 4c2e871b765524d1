"""The floor of extraction speed: read the files and scan them once with pyahocorasick over every
gazetteer name plus one compiled resolution-symbol regex. Nothing can extract faster than it reads
and matches. (A Python ``re`` alternation of the same names runs ~300x slower: never use one.)"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.extract.common import lex
from kg.gazetteer import fold, iter_forms

__all__ = ["SYMBOL", "automaton", "floor_seconds", "scan"]

SYMBOL = re.compile(r"\b(?:A|S)/(?:RES/|C\.\d/|DEC/)?\d{1,4}/(?:L\.)?\d{1,4}|\bresolutions?\s+\d{2,4}(?:/\d{1,4})?")


def automaton():
    """One Aho-Corasick automaton over the folded forms of every gazetteer name."""
    import ahocorasick

    a = ahocorasick.Automaton()
    for f in iter_forms(lex()):
        a.add_word(fold(f.text), len(f.text))
    a.make_automaton()
    return a


def scan(a, text: str) -> int:
    """Matches of the names and the symbol regex in one text."""
    n = sum(1 for _ in a.iter(text.lower()))
    return n + sum(1 for _ in SYMBOL.finditer(text))


def floor_seconds(texts: list[str] | None = None, files: list[Path] | None = None, a=None) -> float:
    """Seconds to scan ``texts`` (already read) or to read and scan ``files`` (UTF-8)."""
    a = a if a is not None else automaton()
    t = time.perf_counter()
    if files is not None:
        for p in files:
            scan(a, p.read_bytes().decode("utf-8", errors="replace"))
    for text in texts or []:
        scan(a, text)
    return time.perf_counter() - t
