"""What several extractors share: the gazetteer scan of a statement, done once and cached on it."""
from __future__ import annotations

import bisect
import functools
import re
from typing import Any, Callable, Iterator

import ahocorasick

from kg.gazetteer import Hit, Lexicon, is_caps_line, lexicon, load_yaml
from kg.model import Statement
from kg.paths import GAZETTEER_DIR

__all__ = ["hits", "lex", "titles", "Titles", "sentence_bounds", "SpanIndex", "CapsLines", "once", "mentions_in",
           "listed_after", "listed_before", "Intervals", "Keywords", "lowered", "word_finditer", "anchored_finditer"]


def lex() -> Lexicon:
    return lexicon()


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def word_finditer(pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
    """``pattern.finditer`` with a word boundary before each match, for a pattern that begins with a
    literal word character. Written as ``\\bA/RES`` the regex engine tries every position of the text
    (~40 MB/s); without the ``\\b`` it jumps from one literal to the next (~1 GB/s), and the boundary
    is checked here."""
    endpos = len(text) if endpos is None else endpos
    while True:
        m = pattern.search(text, pos, endpos)
        if m is None:
            return
        s = m.start()
        if s == 0 or not _word_char(text[s - 1]):
            yield m
            pos = m.end() if m.end() > s else s + 1
        else:
            pos = s + 1


def anchored_finditer(pattern: re.Pattern, anchor: re.Pattern, back: int, text: str, pos: int = 0,
                      endpos: int | None = None) -> Iterator[re.Match]:
    """``pattern.finditer``, tried only where ``anchor`` (a literal alternation, found at ~500 MB/s) stands:
    every match of ``pattern`` holds an anchor within its first ``back`` characters. The same matches, in
    the same order, as a scan of every position."""
    endpos = len(text) if endpos is None else endpos
    reach = pos
    for a in anchor.finditer(text, pos, endpos):
        s = max(reach, a.start() - back)
        while s <= a.start():
            m = pattern.match(text, s, endpos)
            if m is None:
                s += 1
                continue
            yield m
            reach = s = m.end() if m.end() > s else s + 1


def mentions_in(stmt: Statement, a: int, b: int, kinds: tuple[str, ...] | None = None) -> list:
    """The statement's mentions lying inside ``[a, b)`` (of ``kinds``), by binary search over an index
    built once the entity readers are done (the mention list no longer changes after that)."""
    idx = stmt.cache.get("mention_index")
    if idx is None or idx[0] is not stmt.mentions or idx[1] != len(stmt.mentions):
        ordered = sorted(stmt.mentions, key=lambda m: m.start)
        idx = stmt.cache["mention_index"] = (stmt.mentions, len(stmt.mentions), [m.start for m in ordered], ordered)
    _, _, starts, ordered = idx
    lo = bisect.bisect_left(starts, a)
    hi = bisect.bisect_left(starts, b)
    return [m for m in ordered[lo:hi] if m.end <= b and (kinds is None or m.entity.kind in kinds)]


def outer(stmt: Statement, kind: str, a: int, b: int) -> list:
    """Mentions of ``kind`` inside ``[a, b)``, outermost names only ("OSCE Minsk Group", not its "OSCE")."""
    return [m for m in mentions_in(stmt, a, b, (kind,)) if not m.info.get("nested")]


# "Russia, the United States and France"; "..., Norway and my own country, Canada"
_LIST_GAP = re.compile(r"\s*(?:,|and|&|,\s*and)\s*(?:(?:my|our)\s+own\s+(?:country|state|nation|government),?\s*)?"
                       r"(?:the\s+)?", re.I)


def listed_after(stmt: Statement, end: int, kinds: tuple[str, ...], limit: int | None = None) -> list:
    """The mentions of ``kinds`` that go on a list whose last name ends at ``end`` ("Russia, the United States
    and France"; a person's title may stand before the name), up to ``limit``; longer names only."""
    text = stmt.context.text
    out = []
    for m in mentions_in(stmt, end, stmt.end if limit is None else limit, kinds):
        if m.info.get("nested"):
            continue
        if not _LIST_GAP.fullmatch(text, end, m.info.get("title_start", m.start)):
            break
        out.append(m)
        end = m.end
    return out


def listed_before(stmt: Statement, last: Any, kinds: tuple[str, ...], limit: int) -> list:
    """The mentions of ``kinds`` on the list that ``last`` closes ("France and Egypt", "Chile, Peru and Mexico"),
    in order, none starting before ``limit``; outermost names only."""
    text = stmt.context.text
    out = [last]
    for m in reversed(mentions_in(stmt, limit, last.start, kinds)):
        if m.info.get("nested"):
            continue
        if m.end > out[0].start or not _LIST_GAP.fullmatch(text, m.end, out[0].info.get("title_start", out[0].start)):
            break
        out.insert(0, m)
    return out


def once(stmt: Statement, key: str, compute: Callable[[Statement], Any]) -> Any:
    """``compute(stmt)``, worked out once per statement (several readers ask for the same span)."""
    if key not in stmt.cache:
        stmt.cache[key] = compute(stmt)
    return stmt.cache[key]


def hits(stmt: Statement) -> list[Hit]:
    """Gazetteer matches in the statement, computed once per statement."""
    cache = stmt.cache
    if "hits" not in cache:
        every = stmt.context.hits
        if every is not None:  # the document was scanned once: take this statement's share
            lo = bisect.bisect_left(every, stmt.start, key=lambda h: h.start)
            hi = bisect.bisect_left(every, stmt.end, lo, key=lambda h: h.start)
            cache["hits"] = [h for h in every[lo:hi] if h.end <= stmt.end]
        else:
            cache["hits"] = lex().scan(stmt.context.text, stmt.start, stmt.end)
    return cache["hits"]


def lowered(stmt: Statement) -> str | None:
    """The statement's text in lower case (offsets as in the text), or None where lowering changes the length."""
    if "lowered" not in stmt.cache:
        seg = stmt.context.text[stmt.start:stmt.end]
        low = seg.lower()
        stmt.cache["lowered"] = low if len(low) == len(seg) else None
    return stmt.cache["lowered"]


class Keywords:
    """Where any of a few words occurs in a statement, found in one Aho-Corasick pass over its lower-cased
    text: the cue that lets a reader run its regular expressions only where they can match."""

    def __init__(self, words: list[str]) -> None:
        self._pattern = re.compile("|".join(re.escape(w) for w in words), re.I)
        self._automaton = ahocorasick.Automaton()
        for w in words:
            self._automaton.add_word(w.lower(), len(w))
        self._automaton.make_automaton()

    def positions(self, stmt: Statement) -> list[int]:
        """Start offsets (in the document text) of the words inside the statement, in order."""
        low = lowered(stmt)
        if low is None:
            return [m.start() for m in self._pattern.finditer(stmt.context.text, stmt.start, stmt.end)]
        return sorted(stmt.start + end - n + 1 for end, n in self._automaton.iter(low))


class Titles:
    def __init__(self) -> None:
        data = load_yaml(GAZETTEER_DIR / "titles.yaml")
        self.honorifics = set(data["honorifics"])
        self.offices = set(data["offices"])
        self.lower_roles = set(data["lowercase_roles"])
        self.modifiers = set(data.get("office_modifiers") or [])
        self.national = {s.lower() for s in data["national_offices"]}
        self.ranks = {s.lower() for s in data["diplomatic_ranks"]}
        self.implies = {org: [s.lower() for s in forms] for org, forms in (data.get("implies") or {}).items()}
        self.stops = {s.lower() for s in data["title_stops"]}
        self.not_names = set(data["not_names"])
        self.particles = set(data["name_particles"])
        self.postnominals = set(data.get("postnominals") or [])
        self.asking_roles = {s.lower() for s in data.get("asking_roles") or []}
        words = sorted(self.honorifics | self.offices, key=len, reverse=True)
        alt = "|".join(re.escape(w) for w in words)
        # a title word ending right before position p: searched on reversed text would be complex; instead
        # we match forward over the window and keep the matches that end where we need them
        self.title_re = re.compile(r"(?<![\w.])(?:" + alt + r")(?![\w])", re.I)
        self.title_word_set = {w.lower() for w in self.honorifics | self.offices}
        # titles of up to three characters ("he", "dr", "ms") occur inside most words ("the", "draft"): they are
        # found by a pattern that starts at a word boundary, the others in one Aho-Corasick pass
        short = sorted((w for w in self.title_word_set if len(w) <= 3), key=len, reverse=True)
        alt_short = "|".join(re.escape(w) for w in short) or "(?!)"
        self._short_first = re.compile(rf"(?:{alt_short})(?!\w)")
        self._short_after = re.compile(rf"[^\w.]((?:{alt_short}))(?!\w)")
        self._title_automaton = ahocorasick.Automaton()
        for w in self.title_word_set:
            if len(w) > 3:
                self._title_automaton.add_word(w, len(w))
        self._title_automaton.make_automaton()
        self.lower_re = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in
                                   sorted(self.lower_roles, key=len, reverse=True)) + r")(?![\w-])")

    def title_matches(self, stmt: Statement) -> list[tuple[int, int]]:
        """Titles and honorifics in the statement, any case, leftmost-longest, as whole words: what
        ``title_re.finditer`` over the statement finds, in one Aho-Corasick pass."""
        low = lowered(stmt)
        if low is None:
            return [m.span() for m in self.title_re.finditer(stmt.context.text, stmt.start, stmt.end)]
        cands = []
        n = len(low)
        for last, length in self._title_automaton.iter(low):
            s, e = last - length + 1, last + 1
            if s > 0 and (low[s - 1].isalnum() or low[s - 1] in "_."):
                continue
            if e < n and (low[e].isalnum() or low[e] == "_"):
                continue
            cands.append((s, -length))
        # at each start only the longest title counts: the pattern tries the longest short title first
        m = self._short_first.match(low)
        if m:
            cands.append((0, -m.end()))
        cands += [(m.start(1), m.start(1) - m.end(1)) for m in self._short_after.finditer(low)]
        out, reach = [], -1
        for s, neg in sorted(cands):
            if s >= reach:
                out.append((stmt.start + s, stmt.start + s - neg))
                reach = s - neg
        return out

    def is_title_word(self, token: str) -> bool:
        return token.lower().rstrip(",") in self.title_word_set


@functools.lru_cache(maxsize=1)
def titles() -> Titles:
    return Titles()


_SENT_BREAK = re.compile(r"[.!?;:]\s+(?=[A-Z“\"(])|\n\s*\n")
# a full stop after these is no sentence end ("Mr. Lavrov", "U.S. policy", "H.E. Mr.", "No. 5")
_NO_END_BEFORE = re.compile(r"(?:\b[A-Z]|\bMr|\bMs|\bDr|\bSt|\bNo|\bMrs|\bAmb|\bGen|\bProf|\bRev|\bH\.E|\bU\.S|\bU\.N|\bvs)$")


@functools.lru_cache(maxsize=8)
def _sentence_ends(text: str) -> tuple[list[int], list[int]]:
    """Where sentences end and the next begins, for the whole text (computed once per document)."""
    ends, nexts = [], []
    for m in _SENT_BREAK.finditer(text):
        s = m.start()
        if text[s] != "\n" and _NO_END_BEFORE.search(text, max(0, s - 4), s):
            continue
        ends.append(s)
        nexts.append(m.end())
    return ends, nexts


def sentence_bounds(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence of ``text`` around ``pos``, kept within ``[lo, hi)``."""
    ends, nexts = _sentence_ends(text)
    i = bisect.bisect_right(nexts, pos) - 1  # the last break that ends at or before pos
    start = max(lo, nexts[i]) if i >= 0 else lo
    j = bisect.bisect_left(ends, pos)  # the first break at or after pos
    end = ends[j] + 1 if j < len(ends) and ends[j] < hi else hi
    return start, min(end, hi)


class CapsLines:
    """Which lines of ``text[start:end]`` are ALL CAPS, answered by binary search."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.starts: list[int] = []
        self.caps: list[bool] = []
        pos = text.rfind("\n", 0, start) + 1
        while pos <= end:
            nl = text.find("\n", pos)
            stop = nl if nl >= 0 else len(text)
            self.starts.append(pos)
            self.caps.append(is_caps_line(text[pos:stop]))
            if nl < 0:
                break
            pos = nl + 1
        self.any = any(self.caps)

    def __call__(self, pos: int) -> bool:
        if not self.any:
            return False
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.caps[i]


class Intervals:
    """Non-overlapping spans kept sorted, for overlap and containment tests by binary search."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.starts, e) - 1  # the last span starting before e
        return i >= 0 and self.ends[i] > s

    def contains(self, s: int, e: int) -> bool:
        i = bisect.bisect_right(self.starts, s) - 1
        return i >= 0 and self.ends[i] >= e

    def add(self, s: int, e: int) -> None:
        i = bisect.bisect_left(self.starts, s)
        self.starts.insert(i, s)
        self.ends.insert(i, e)


class SpanIndex:
    """Is a position inside any of a set of spans? Binary search over starts and running maximum ends."""

    def __init__(self, spans) -> None:  # noqa: ANN001
        ordered = sorted(spans)
        self.spans = ordered
        self.starts = [a for a, _ in ordered]
        self.max_end: list[int] = []
        m = -1
        for _, b in ordered:
            m = max(m, b)
            self.max_end.append(m)

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.max_end[i] > pos
