"""What the person readers of one statement share (kg/extract/persons.py, kg/extract/marked.py): the statement's
tokens and where titles and non-person names stand (:class:`Scan`), the persons found so far (:class:`Found`), and
how a name or a surname becomes a person (:func:`person_entity`, :func:`by_surname`)."""
from __future__ import annotations

import re

from kg.extract.common import CapsLines, Intervals, SpanIndex, hits, lex, titles
from kg.extract.titling import TOKEN, Tok
from kg.model import Entity, Mention, Statement
from kg.segment import chrome_spans

__all__ = ["Found", "Scan", "by_surname", "caps_to_title", "person_entity"]


def person_entity(name: str) -> Entity:
    """The person called ``name``: the gazetteer's entry if it knows the name, else a new identity."""
    lexicon = lex()
    known = lexicon.find_person(name)
    if known is not None:
        return known
    return Entity("Person", lexicon.person_key(name), name)


def caps_to_title(name: str) -> str:
    return " ".join(t.capitalize() if t.isupper() and len(t) > 1 else t for t in name.split())


def _blocked_spans(stmt: Statement) -> list[tuple[int, int]]:
    """Spans of gazetteer names that are not persons (states, bodies, places, treaties), and the lines of page
    chrome inside the statement (a menu's "Ambassador  Consular Issues", an index label "Editorial Sections:")."""
    out = []
    for h in hits(stmt):
        if not any(f.entity is not None and f.entity.kind == "Person" for f in h.forms):
            out.append((h.start, h.end))
    return out + chrome_spans(stmt)


def _title_spans(stmt: Statement, caps_line: CapsLines) -> list[tuple[int, int]]:
    text, start, end = stmt.context.text, stmt.start, stmt.end
    out = []
    for s, e in titles().title_matches(stmt):
        if text[s].isupper() or caps_line(s):
            out.append((s, e))
    # "H.E.Mr." written without spaces
    for m in re.finditer(r"H\.\s?E\.\s?(?:Mr|Ms|Mrs|Dr)\.?", text[start:end]):
        out.append((start + m.start(), start + m.end()))
    return out


class Scan:
    """What every reader of one statement looks at: the document's text, the statement's tokens, where titles
    stand (``tspans``), where gazetteer names that are not persons stand (``blocked``: no person is made of
    them) and which lines are in capitals. Computed once, shared by the readers."""

    __slots__ = ("stmt", "text", "toks", "tspans", "blocked", "caps_line")

    def __init__(self, stmt: Statement) -> None:
        self.stmt = stmt
        self.text = text = stmt.context.text
        self.blocked = SpanIndex(_blocked_spans(stmt))
        self.caps_line = CapsLines(text, stmt.start, stmt.end)
        self.tspans = SpanIndex(_title_spans(stmt, self.caps_line))
        self.toks: list[Tok] = list(TOKEN.finditer(text, stmt.start, stmt.end))


class Found:
    """The persons found so far, in the order found. Each claims its span (``taken``): the readers run surest
    first, so a later reading never names a person over text an earlier one took."""

    __slots__ = ("text", "found", "taken")

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[Mention] = []
        self.taken = Intervals()

    def at(self, s: int, e: int) -> Mention | None:
        """The finding read at exactly ``text[s:e]``, if any (a later reader may add to what it says)."""
        return next((f for f in self.found if f.start == s and f.end == e), None)

    def add(self, s: int, e: int, ent: Entity, form: str, info: dict) -> None:
        """Record ``ent`` named at ``text[s:e]``, unless an earlier finding overlaps that span."""
        if self.taken.overlaps(s, e):
            return
        self.taken.add(s, e)
        self.found.append(Mention(s, e, self.text[s:e], ent, form, info))


def by_surname(ctx, surname: str, year: int | None = None) -> Entity | None:  # noqa: ANN001
    """The person of ``surname`` met in the document, else the one known person of that surname; of several,
    the one whose dated role covers ``year`` (the statement's), if only one does."""
    if surname in ctx.persons:
        return ctx.persons[surname]
    known = lex().person_surnames.get(surname) or []
    if len(known) > 1 and year is not None:
        years = lex().role_years
        known = [p for p in known if any(a <= year <= b for a, b in years.get(p.key, ()))]
    return known[0] if len(known) == 1 else None
