"""The author a heading names by office alone: "Secretary-General's Message to the ...", "Remarks by the UN Deputy
Secretary-General at ...", "Statement of the President". The author is the person who held that office when the
statement was made, as the gazetteer's dated roles tell (``roles`` in data/gazetteer/persons.yaml); the office's
words in the heading are the mention's span."""
from __future__ import annotations

import functools
import re
from typing import Iterator

from kg.extract.common import lex
from kg.extract.organizations import context_date
from kg.gazetteer import office_key
from kg.model import Entity, Finding, Mention, Relation, Statement

__all__ = ["office_authors", "office_body"]

_KIND = r"(?:(?:video|opening|closing|written|keynote)\s+)?(?:message|remarks|statement|address|speech|op-ed)"
_LONGEST = 8  # words of an office's name worth looking for in a heading
_KIND_WORD = re.compile(_KIND, re.I)  # (a heading without one is not tried against the long pattern)


@functools.lru_cache(maxsize=1)
def _authored() -> re.Pattern:
    offices = sorted({o for _, o in lex().office_holders if len(o.split()) <= _LONGEST}, key=len, reverse=True)
    names = "|".join(r"[\s-]+".join(re.escape(w) for w in o.split()) for o in offices)
    # "<office>'s message", "the <office>'s remarks"; "message of / by / from the <office>"
    # (a capital after the office is a name: "the Secretary-General Jane Roe" names its author already)
    return re.compile(rf"\b(?P<a>{names})(?:['’]s?)?\s+{_KIND}\b|\b{_KIND}\s+(?:of|by|from)\s+(?:the\s+)?"
                      rf"(?:(?-i:[A-Z])[\w.]*\s+){{0,3}}?(?P<b>{names})\b(?![\s-]+(?-i:[A-Z]))", re.I)


def office_authors(stmt: Statement) -> Iterator[Finding]:
    """The holder of the office a heading names as its author, when the gazetteer knows who held it that year."""
    text = stmt.context.text
    if not lex().office_holders or stmt.heading_end <= stmt.start:
        return
    if _KIND_WORD.search(text, stmt.start, stmt.heading_end) is None:
        return  # (most headings name no message, remarks or address: the long pattern of offices is not run)
    m = _authored().search(text, stmt.start, stmt.heading_end)
    when = context_date(stmt) if m else None
    if m is None or when is None:
        return
    group = "a" if m.group("a") else "b"
    s, e = m.start(group), m.end(group)
    holder = _holder(stmt, office_key(m.group(group)), s, when.year)
    if holder is not None:
        yield Mention(s, e, text[s:e], holder, "office", {"titled": True, "title": text[s:e], "office_author": True})
        serves = office_body(holder)
        if serves is not None:  # the office is the body's or the state's: its holder serves it
            yield Relation(holder, "affiliatedWith", serves, s, e)


def office_body(holder: Entity) -> Entity | None:
    """The body or state whose office a known person holds (their ``affiliation`` in the gazetteer)."""
    aff = holder.attr("affiliation") or ""
    return lex().organization(aff) or lex().state(aff)


def _holder(stmt: Statement, office: str, start: int, year: int) -> Entity | None:
    """Who held ``office`` in ``year``: of the body or state named right before it ("UN Secretary-General",
    "Russian President"), else of the one body or state with such an office (many states have a president: the
    page alone does not say which). A year in which the office may have changed hands names nobody."""
    text = stmt.context.text
    before = [m.entity.key for m in stmt.mentions if m.entity.kind in ("State", "Organization")
              and 0 <= start - m.end <= 2 and not text[m.end:start].strip(" -")]
    spans = {aff: held for (aff, o), held in lex().office_holders.items() if o == office}
    aff = before[-1] if before else (next(iter(spans)) if len(spans) == 1 else None)
    held = spans.get(aff, []) if aff is not None else []
    now = [(a, b, ent) for a, b, ent in held if a <= year <= b]
    if len(now) != 1:
        return None
    a, b, ent = now[0]
    # (a holder who took office that year is known to have held it all year only when the last one left the
    # year before; one who left that year, only when nobody is known to have followed)
    if a == year and not any(b2 == year - 1 for _, b2, _ in held):
        return None
    if b == year and any(a2 == year for a2, _, _ in held):
        return None
    return ent
