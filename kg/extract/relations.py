"""Typed relations between entities, each with the span it was read from.

- affiliatedWith: a person's office ("Foreign Minister of Denmark Jeppe Kofod" -> Denmark).
- chairOf: read by kg.extract.chairs (and "Chair of the OEWG" in a person's title, here).
- establishedBy: "the mandate of the OEWG enshrined in resolution 75/240", "established pursuant to".
- sponsoredBy: read by kg.extract.sponsors.
"""
from __future__ import annotations

import re
from typing import Iterator

from kg.extract.affiliation import affiliations, title_spans
from kg.extract.chairlines import capacity_chairs, field_chairs
from kg.extract.chairs import addressed_chairs, body_at, chairs, starting_at
from kg.extract.chairsaid import courtesy_chairs
from kg.extract.common import Keywords, outer, sentence_bounds
from kg.extract.sponsors import national_drafts, sponsors
from kg.model import Entity, Mention, Relation, Statement

__all__ = ["relations"]

_ESTABLISH = re.compile(r"\bmandate\b[^.;]{0,120}?\b(?P<verb>enshrined|set forth|set out|established|defined|contained|"
                        r"laid down|stipulated|provided for)\s+(?:in|by|under)\b|"
                        r"\b(?P<verb2>established|establishment|set up|created|creation|convened|mandated)\s+(?:by|pursuant to|under|"
                        r"in accordance with|in line with|through)\b", re.I)
# "resolution 73/27 that established the OEWG", "resolution 75/240 has entrusted the OEWG to ...": the body a
# resolution set up or gave its mandate
_FOUNDING = re.compile(r",?\s+(?:(?:that|which)\s+)?(?:has\s+|had\s+)?(?:established|set\s+up|created|mandated|convened|"
                       r"entrusted|tasked)\s+(?:the\s+)?", re.I)
# words (lower case) without which a group of patterns cannot match a sentence
_CHAIR_CUES = ("chair", "presid", "led", "leadership", "responsibility")
_ESTABLISH_CUES = ("mandate", "establish", "set", "creat", "conven", "entrust", "tasked")
_SPONSOR_CUES = ("resolution", "draft", "sponsor", "submitted", "introduced", "tabled", "presented", "proposed",
                 "authored", "put", "initiated", "initiative", "proposal")
# every relation pattern below needs one of these words in its sentence
_TRIGGER = Keywords(["chair", "presid", "led by", "leadership", "responsibility", "sponsor", "submitted", "introduced",
                     "tabled", "presented", "proposed", "authored", "drafted", "put forward", "initiated", "initiative",
                     "proposal", "draft", "resolution", "decision", "mandate", "established", "establishment",
                     "creation", "set up", "created", "convened", "entrusted", "tasked"])


_in = outer


def relations(stmt: Statement) -> Iterator[Relation]:
    speakers = {e.key for e, *_ in stmt.value("speakers", [])}
    affiliated = set()
    for m in stmt.mentions:
        if m.entity.kind == "Person":
            for r in _from_titles(stmt, m, m.entity.key in speakers):
                affiliated.add((r.subject.key, r.predicate))
                yield r
    yield from _speaker_state(stmt, affiliated)
    yield from _party_after(stmt)
    yield from addressed_chairs(stmt)
    yield from field_chairs(stmt)
    text = stmt.context.text
    for s0, s1 in _hot_sentences(stmt):
        low = text[s0:s1].lower()  # each group of patterns runs only where its words are
        if any(w in low for w in _CHAIR_CUES):
            yield from chairs(stmt, s0, s1)
            yield from capacity_chairs(stmt, s0, s1)
            yield from courtesy_chairs(stmt, s0, s1)
        if any(w in low for w in _ESTABLISH_CUES):
            yield from _established(stmt, s0, s1)
        if any(w in low for w in _SPONSOR_CUES):
            yield from sponsors(stmt, s0, s1, low)
        if "draft" in low:
            yield from national_drafts(stmt, s0, s1)


def _speaker_state(stmt: Statement, affiliated: set[tuple[str, str]]) -> Iterator[Relation]:
    """A speaker who speaks for their own state serves it ("Statement by Ms. Rachel Hicks / Delegation of the
    United States of America"): affiliatedWith, read from the span that named the speaker."""
    behalf = stmt.attrs.get("on_behalf_of")
    if behalf is None or behalf.start is None or len(behalf.value) != 1 or behalf.value[0].kind != "State":
        return
    for ent, s, e, _title in stmt.value("speakers", []):
        if s == behalf.start and (ent.key, "affiliatedWith") not in affiliated:
            yield Relation(ent, "affiliatedWith", behalf.value[0], s, e)


_BRACKET = re.compile(r"[ \t]*\([ \t]*")


def _party_after(stmt: Statement) -> Iterator[Relation]:
    """A member's party in brackets after the name ("member Jansen (CDA)", "Senator X (SPD)"): affiliatedWith."""
    text = stmt.context.text
    for m in stmt.mentions:
        gap = _BRACKET.match(text, m.end) if m.entity.kind == "Person" else None
        party = [o for o in outer(stmt, "Organization", gap.end(), gap.end() + 80) if o.start == gap.end()
                 and o.entity.attr("type") == "PoliticalParty" and re.match(r"[ \t]*\)", text[o.end:o.end + 3])] \
            if gap else []
        if party:
            yield Relation(m.entity, "affiliatedWith", party[0].entity, m.start, party[0].end + 1)


def _from_titles(stmt: Statement, m: Mention, is_speaker: bool) -> Iterator[Relation]:
    """affiliatedWith from a person's title, and chairOf from "Chair of the OEWG, Ambassador X"."""
    text = stmt.context.text
    ranges = title_spans(m)
    for aff in affiliations(stmt, m, is_speaker):
        yield Relation(m.entity, "affiliatedWith", aff, min([m.start] + [a for a, _ in ranges]),
                       max([m.end] + [b for _, b in ranges]))
    for a, b in ranges:
        ch = re.search(r"\b(?<!Co-)(?:Chair(?:man|woman|person)?|President)\s+of\s+(?:the\s+)?", text[a:b])
        body = body_at(stmt, a + ch.end()) if ch else None  # (or "the Working Group": the body meant)
        if body:
            yield Relation(m.entity, "chairOf", body[0], min(a, m.start), max(b, m.end))


def _established(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    """"the mandate of the OEWG enshrined in resolution 75/240", "established pursuant to resolution X":
    the nearest body named before the verb, the first resolution after it."""
    sent = stmt.context.text[s0:s1]
    for mm in _ESTABLISH.finditer(sent):
        verb = s0 + (mm.start("verb") if mm.group("verb") else mm.start("verb2"))
        orgs = [o for o in _in(stmt, "Organization", s0, verb)
                if (o.entity.attr("family") or o.entity.attr("type") == "UNBody")
                and o.entity.key not in ("UN", "UNGA", "UNSC")]
        res = _in(stmt, "Resolution", s0 + mm.end(), s1)
        # a body whose very name says so: "the Committee established pursuant to resolution 1718 (2006)"
        named = [o for o in stmt.mentions if o.entity.kind == "Organization" and o.start < verb < o.end]
        body = (named[0].entity, named[0].start) if named else (orgs[-1].entity, orgs[-1].start) if orgs \
            else _group_said(stmt, s0, verb)
        if body is not None and res:
            yield Relation(body[0], "establishedBy", res[0].entity, body[1], res[0].end)
    # "the resolution that set up the committee, 74/247, ...": the body said, the symbol set off after it
    for mm in _THAT_FOUNDED.finditer(sent):
        body = body_at(stmt, s0 + mm.start("body"))
        gap = _SET_OFF.match(stmt.context.text, body[1], s1) if body else None
        res = [r for r in _in(stmt, "Resolution", gap.end(), s1) if r.start == gap.end()] if gap else []
        if res and (body[0].attr("family") or body[0].attr("type") == "UNBody"):
            yield Relation(body[0], "establishedBy", res[0].entity, s0 + mm.start(), res[0].end)
    # the active voice: "resolution 73/27 that established the OEWG", "decision X, which set up the Group"
    for mm in _FOUNDING.finditer(sent):
        res = [r for r in _in(stmt, "Resolution", s0, s0 + mm.start()) if s0 + mm.start() - r.end <= 2]
        orgs = [o for o in starting_at(stmt, "Organization", s0 + mm.end()) if o.entity.attr("family")
                or o.entity.attr("type") == "UNBody"]
        if res and orgs:
            yield Relation(orgs[0].entity, "establishedBy", res[-1].entity, res[-1].start, orgs[0].end)


_THAT_FOUNDED = re.compile(r"\b[Rr]esolution\s+(?:that|which)\s+(?:has\s+|had\s+)?(?:established|set\s+up|created)\s+"
                           r"(?P<body>(?:the|this)\s+)", re.I)
_SET_OFF = re.compile(r"\s*(?:,|\(|[–—-])\s*(?:(?:General\s+Assembly\s+)?resolution\s+)?")
_GROUP_SAID = re.compile(r"\bthe\s+(?:Working\s+Group|Group)\b")


def _group_said(stmt: Statement, s0: int, verb: int) -> tuple[Entity, int] | None:
    """The body "the Group" stands for when the sentence names it only so ("the work of the Group since its
    establishment by resolution X"): the OEWG or GGE named before, else this forum."""
    said = list(_GROUP_SAID.finditer(stmt.context.text, s0, verb))
    found = body_at(stmt, said[-1].start() + 4) if said else None
    if found is None or not (found[0].attr("family") or found[0].attr("type") == "UNBody"):
        return None
    return found[0], said[-1].start()


def _hot_sentences(stmt: Statement) -> Iterator[tuple[int, int]]:
    """The sentences holding a word some relation pattern needs ("chair", "sponsor", "mandate", ...): the
    patterns run there only, not on every sentence."""
    text = stmt.context.text
    done = -1
    for pos in _TRIGGER.positions(stmt):
        if pos < done:
            continue
        s0, s1 = sentence_bounds(text, pos, stmt.start, stmt.end)
        if s1 <= s0:
            s1 = s0 + 1
        done = s1
        yield s0, s1
