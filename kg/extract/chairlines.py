"""chairOf from a page's field lines and from a speaker's own words about their office.

- A verbatim record's masthead: "Chair: Ms. X . . . . (State)" (the person chairs the body the masthead names
  last above the line, and serves the state in brackets); "President: Mr. Y (State)" the same.
- An organisation's document: "Chairpersonship: State" (the state chairs the organisation the heading names).
- "I speak in my capacity as Chair of the Working Group": the speaker chairs the body; "Chile, in its capacity as
  Chair of ...": the state.
"""
from __future__ import annotations

import re
from typing import Iterator

from kg.extract.chairs import CAPACITY, body_at, whole_chaired
from kg.extract.common import lex, mentions_in, outer
from kg.extract.personscan import person_entity
from kg.model import Entity, Relation, Statement

__all__ = ["field_chairs", "capacity_chairs"]

# "Chair:    Ms. Chan . . . . . (Chile)": the office, the person's name (dotted leaders after it), the state
_PERSON_FIELD = re.compile(r"^[ \t]*(?:Acting\s+)?(?:Chair(?:man|woman|person)?|President)[ \t]*:[ \t]+"
                           r"(?:(?:Mr|Ms|Mrs|Dr|H\.\s?E)\.?[ \t]+|Madam[ \t]+)?(?P<name>(?-i:[A-Z])[\w'’-]+(?:[ \t]+"
                           r"(?:(?-i:[A-Z])[\w'’-]+|de|da|del|van|von|bin|al))*)[ \t.…]*(?:\((?P<state>[^()\n]{2,60})\))?"
                           r"[ \t]*$", re.M)
# "Chairpersonship: North Macedonia", "Presidency: Malta": the state holding the office
_HELD_FIELD = re.compile(r"^[ \t]*(?P<noun>Chairmanship|Chairpersonship|Chairship|Presidency)[ \t]*:[ \t]+"
                         r"(?P<state>[^\n:]{2,60}?)[ \t]*$", re.M)


def _body_above(stmt: Statement, lo: int, pos: int) -> Entity | None:
    """The body the lines above ``pos`` (from ``lo``) name last, other than the UN itself; else the forum."""
    found = [h for h in lex().scan(stmt.context.text, lo, pos) if h.outer is None]
    for h in reversed(found):
        bodies = [f.entity for f in h.forms if f.entity is not None and f.entity.kind == "Organization"]
        if bodies and bodies[0].key != "UN":
            return bodies[0]
    return stmt.value("forum")


def field_chairs(stmt: Statement) -> Iterator[Relation]:
    """chairOf (and the chair's state) from the field lines of the page's head: above the first statement's
    words, or in a statement's own heading."""
    text = stmt.context.text
    lo = 0 if stmt.index == 0 else stmt.start
    hi = text.find("\n", stmt.heading_end, stmt.end)  # (a heading may end inside the field's line: "Chair:")
    hi = stmt.end if hi < 0 else hi
    if not re.search(r"(?:Chair|President)\w*[ \t]*:", text[lo:hi]):
        return
    for m in _PERSON_FIELD.finditer(text, lo, hi):
        body = _body_above(stmt, lo, m.start())
        name = " ".join(m.group("name").split())
        if body is None or len(name.split()) > 5:
            continue
        known = mentions_in(stmt, m.start("name"), m.end("name"), ("Person",))  # (read there when in the statement)
        who = known[0].entity if known else person_entity(name)
        yield Relation(who, "chairOf", body, m.start(), m.end("name"))
        state = lex().find("State", m.group("state").strip()) if m.group("state") else None
        if state is not None:
            yield Relation(who, "affiliatedWith", state, m.start("name"), m.end())
    for m in _HELD_FIELD.finditer(text, lo, hi):
        state = lex().find("State", m.group("state"))
        body = _body_above(stmt, lo, m.start())
        if state is not None and body is not None:
            yield Relation(state, "chairOf", whole_chaired(body, m.group("noun")), m.start(), m.end())


def capacity_chairs(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    """"I speak in my capacity as Chair of the Group": the speaker (the one person who speaks) chairs it;
    "Chile, in its capacity as President of the Council": the state named last before."""
    text = stmt.context.text
    for m in CAPACITY.finditer(text, s0, s1):
        body = body_at(stmt, m.end())
        if body is None or m.group("whose").lower() not in ("my", "its", "their") or \
                m.group("office").lower() == "coordinator":  # (a group's coordinator chairs no body)
            continue
        if m.group("whose").lower() == "my":
            speakers = [e for e, *_ in stmt.value("speakers", []) if e.kind == "Person"]
            who = speakers[0] if len(speakers) == 1 else None
        else:
            states = [x for x in outer(stmt, "State", s0, m.start()) if x.form not in ("capital", "metonym")]
            who = states[-1].entity if states else None
        if who is not None:
            yield Relation(who, "chairOf", body[0], m.start(), body[1])
