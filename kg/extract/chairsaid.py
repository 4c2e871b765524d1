"""chairOf from the courtesies a statement pays a chair: thanks, tributes, welcomes, congratulations.

- "I thank Chile, and you, Ambassador X, for presiding over this Meeting", "thanking Peru and Ghana for their
  leadership as co-chairs of this process": the states and persons thanked.
- "we pay tribute to the Chair, Ambassador X": the person, chair of this forum (else of the body named last).
- "Peru welcomes you, Ambassador X, back to the Chair of this Council": the person welcomed.
- "under your Presidency, allow me to congratulate Chile on assuming this responsibility": the state, chair of
  this forum.
"""
from __future__ import annotations

import re
from typing import Iterator

from kg.extract.chairs import body_at
from kg.extract.common import mentions_in, outer
from kg.model import Entity, Mention, Relation, Statement

__all__ = ["courtesy_chairs", "last_body_said"]

_CHAIR_WORD = r"(?:co-?)?(?:chair(?:man|woman|person)?|president)s?"
# "for presiding over", "for their leadership as co-presidents of", "for her able work / your steady guidance as Chair of"
_FOR_PRESIDING = re.compile(r"\bfor\s+(?:(?:their|his|her|its|your)\s+)?(?:[a-z]+\s+){0,2}?(?:presiding\s+over|chairing|"
                            r"(?:leadership|work|role|service|efforts|guidance|stewardship|direction)\s+as\s+(?:the\s+)?" + _CHAIR_WORD + r"\s+of)"
                            r"\s+", re.I)
_FOR = re.compile(r"\bfor\b")
_THANKS = re.compile(r"\b(?:thank(?:s|ing)?|commend(?:s|ing)?|congratulat\w+|grateful\s+to|gratitude\s+to|pay(?:s|ing)?\s+"
                     r"tribute\s+to|appreciat\w+)\b", re.I)
# "the Chair, Ambassador X" (not "the Chair of ..."): the person who chairs
_THE_CHAIR_NAMED = re.compile(r"\b[Tt]he\s+(?:Chair(?:man|woman|person)?|Co-Chair)\s*,\s+")
# "welcomes you, Ambassador X, back to the Chair of this Council"
_WELCOME = re.compile(r"\bwelcom\w*\s+(?:you\s*,\s+)?")
_TO_THE_CHAIR = re.compile(r",?\s+(?:back\s+)?to\s+the\s+(?:Chair|chair|Presidency|presidency)\b(?P<of>\s+of\s+)?")
# "congratulate Chile on assuming this responsibility" in a sentence that speaks of the presidency
_ASSUMING = re.compile(r"\s+on\s+(?:(?:its|their|her|his|your)\s+)?(?:assuming|taking\s+(?:up|over|on))\s+"
                       r"(?:this|that|the)\s+(?:responsibility|role|office|function|task|post|position|duty)\b")
_OFFICE = re.compile(r"\b(?:your|the)\s+(?:Presi-?\s*dency|Chairmanship|Chair)\b", re.I)


def courtesy_chairs(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    yield from _thanked_for_presiding(stmt, s0, s1)
    yield from _the_chair_named(stmt, s0, s1)
    yield from _welcomed_to_chair(stmt, s0, s1)
    yield from _assuming(stmt, s0, s1)


def _thanked(stmt: Statement, lo: int, hi: int) -> list[Mention]:
    """The states and persons thanked between ``lo`` and ``hi``, not the speaker nor a person's own state."""
    text = stmt.context.text
    speakers = {e.key for e, *_ in stmt.value("speakers", [])}
    found = [x for x in mentions_in(stmt, lo, hi, ("State", "Person")) if not x.info.get("nested")
             and x.entity.key not in speakers and x.form not in ("capital", "metonym", "adjective")]
    persons = [x for x in found if x.entity.kind == "Person"]
    # "Ambassador X of Chile": Chile only says whom the person serves
    return [x for x in found if not any(re.fullmatch(r",?\s+of\s+(?:the\s+)?", text[p.end:x.start]) for p in persons)]


def _body_after(stmt: Statement, pos: int) -> Entity | None:
    """The body named at ``pos`` ("the Group of ...", "this Council"), else this forum where "this" or "our"
    points at a body the text does not name ("this Second Meeting")."""
    found = body_at(stmt, pos)
    det = re.match(r"(?:this|our)\s", stmt.context.text[pos:pos + 5], re.I)
    return found[0] if found else (stmt.value("forum") if det else None)


def _thanked_for_presiding(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    text = stmt.context.text
    for mm in _FOR_PRESIDING.finditer(text, s0, s1):
        thanks = list(_THANKS.finditer(text, s0, mm.start()))
        target = _body_after(stmt, mm.end()) if thanks else None
        if target is None:
            continue
        # "I thank Peru for its statement and Chile for presiding over ...": those thanked for this alone
        lo = thanks[-1].end()
        for f in _FOR.finditer(text, lo, mm.start()):
            lo = f.end()
        for x in _thanked(stmt, lo, mm.start()):
            yield Relation(x.entity, "chairOf", target, x.start, mm.end())


_MEETING_NAME = re.compile(r"\b(?:Meeting|Conference|Committee|Working Group|Commission|Group of Governmental Experts)\b")


def _meets(ent: Entity) -> bool:
    """Whether ``ent`` is a body that meets under a chair ("the Chair" of a working group, a committee, a
    conference), not an organisation as a whole, a state's body or a principal organ led by a President."""
    if ent.attr("family"):
        return True
    if ent.attr("type") == "UNBody":
        return ent.key not in ("UN", "UNGA", "UNSC")
    return ent.attr("type") == "IntergovernmentalOrganization" and _MEETING_NAME.search(ent.label) is not None


def last_body_said(stmt: Statement, lo: int, pos: int) -> Entity | None:
    """The meeting body named last in ``[lo, pos)``, by its name or its head noun ("the committee")."""
    text = stmt.context.text
    named = [o for o in outer(stmt, "Organization", lo, pos) if _meets(o.entity)]
    heads = list(_HEAD.finditer(text, lo, pos))
    if heads and (not named or heads[-1].start() > named[-1].start):
        found = body_at(stmt, heads[-1].start())
        if found is not None and _meets(found[0]):
            return found[0]
    return named[-1].entity if named else None


_HEAD = re.compile(r"\b(?i:the|this|our)\s+(?i:working\s+group|group|committee|conference|commission)\b")


def _the_chair_named(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    """"the Chair, Ambassador X": the chair of the meeting body named last in the paragraph, else of this forum,
    else of the one named last before."""
    text = stmt.context.text
    for mm in _THE_CHAIR_NAMED.finditer(text, s0, s1):  # (the person's title may hold "Chair")
        who = [x for x in outer(stmt, "Person", mm.end(), min(s1, mm.end() + 60))
               if x.start == mm.end() or mm.start() <= x.info.get("title_start", -1) <= mm.end()]
        para = max(stmt.start, text.rfind("\n\n", stmt.start, mm.start()) + 1)
        body = last_body_said(stmt, para, mm.start()) or stmt.value("forum") or \
            last_body_said(stmt, stmt.start, mm.start())
        if who and body is not None:
            yield Relation(who[0].entity, "chairOf", body, mm.start(), who[0].end)


def _welcomed_to_chair(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    text = stmt.context.text
    for mm in _WELCOME.finditer(text, s0, s1):
        who = [x for x in outer(stmt, "Person", mm.end(), min(s1, mm.end() + 60))
               if mm.end() in (x.start, x.info.get("title_start"))]
        # (the person's own state may follow: "Ambassador X of Chile, back to the Chair")
        states = [x for x in outer(stmt, "State", who[0].end, min(s1, who[0].end + 50))
                  if re.fullmatch(r",?\s+of\s+(?:the\s+)?", text[who[0].end:x.start])] if who else []
        to = _TO_THE_CHAIR.match(text, states[0].end if states else who[0].end, s1) if who else None
        if to is None:
            continue
        target = _body_after(stmt, to.end()) if to.group("of") else stmt.value("forum")
        if target is not None:
            yield Relation(who[0].entity, "chairOf", target, who[0].start, to.end())


def _assuming(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    text = stmt.context.text
    forum = stmt.value("forum")
    if forum is None or not _OFFICE.search(text, s0, s1):
        return
    for x in mentions_in(stmt, s0, s1, ("State", "Person")):
        said = _ASSUMING.match(text, x.end, s1)
        if said and not x.info.get("nested") and x.form not in ("capital", "metonym", "adjective"):
            yield Relation(x.entity, "chairOf", forum, x.start, said.end())
