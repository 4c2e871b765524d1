"""What several extractors share: the gazetteer scan of a statement, done once and cached on it."""
from __future__ import annotations

import functools
import re

from kg.gazetteer import Hit, Lexicon, lexicon, load_yaml
from kg.model import Statement
from kg.paths import GAZETTEER_DIR

__all__ = ["hits", "lex", "titles", "Titles", "sentence_bounds", "line_is_caps"]


def lex() -> Lexicon:
    return lexicon()


def hits(stmt: Statement) -> list[Hit]:
    """Gazetteer matches in the statement, computed once per statement."""
    cache = stmt.cache
    if "hits" not in cache:
        cache["hits"] = lex().scan(stmt.context.text, stmt.start, stmt.end)
    return cache["hits"]


class Titles:
    def __init__(self) -> None:
        data = load_yaml(GAZETTEER_DIR / "titles.yaml")
        self.honorifics = set(data["honorifics"])
        self.offices = set(data["offices"])
        self.lower_roles = set(data["lowercase_roles"])
        self.national = {s.lower() for s in data["national_offices"]}
        self.ranks = {s.lower() for s in data["diplomatic_ranks"]}
        self.implies = {org: [s.lower() for s in forms] for org, forms in (data.get("implies") or {}).items()}
        self.stops = {s.lower() for s in data["title_stops"]}
        words = sorted(self.honorifics | self.offices, key=len, reverse=True)
        alt = "|".join(re.escape(w) for w in words)
        # a title word ending right before position p: searched on reversed text would be complex; instead
        # we match forward over the window and keep the matches that end where we need them
        self.title_re = re.compile(r"(?<![\w.])(?:" + alt + r")(?![\w])", re.I)
        self.title_word_set = {w.lower() for w in self.honorifics | self.offices}
        self.lower_re = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in
                                   sorted(self.lower_roles, key=len, reverse=True)) + r")(?![\w-])")

    def is_title_word(self, token: str) -> bool:
        return token.lower().rstrip(",") in self.title_word_set


@functools.lru_cache(maxsize=1)
def titles() -> Titles:
    return Titles()


_SENT_END = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\bMrs)(?<!\bAmb)(?<!\bGen)"
                       r"(?<!\bProf)(?<!\bRev)(?<!\bH\.E)(?<!\bU\.S)(?<!\bU\.N)(?<!\bvs)"
                       r"[.!?;:]\s+(?=[A-Z“\"(])|\n\s*\n")


def sentence_bounds(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence of ``text`` around ``pos``, kept within ``[lo, hi)``."""
    start = lo
    for m in _SENT_END.finditer(text, lo, pos):
        start = m.end()
    m = _SENT_END.search(text, pos, hi)
    return start, (m.start() + 1 if m else hi)


def line_is_caps(text: str, pos: int) -> bool:
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    line = text[ls: le if le >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and not any(c.islower() for c in letters)
