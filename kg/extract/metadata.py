"""What kind of statement this is, when and where it was made, by whom, for whom, at which event
and forum. The header is read first (the heading, its preamble and byline; a listing date only as a
fallback; the first day of a range), then the body's first sentence or a news lead for what the header
leaves out. Each question has its reader: kg.extract.dating (when), kg.extract.speakers (who),
kg.extract.behalf (for whom), kg.extract.venue (the place it was made), kg.extract.forum (the body it was
delivered at)."""
from __future__ import annotations

import re
from typing import Iterator

from kg.extract.behalf import issuer, on_behalf, un_release
from kg.extract.collective import collective
from kg.extract.common import lex
from kg.extract.dating import statement_date
from kg.extract.forum import (MEETING_NOUNS, addressed_body, body_forum, covered_body, header_forum, is_part_of,
                              lead_paragraph_forum, salutation_forum)
from kg.extract.header import body_dateline, first_sentence, head_start, section_kind
from kg.extract.lead import lead_report
from kg.extract.speakers import byline_office, speaker_mentions
from kg.extract.venue import statement_place
from kg.gazetteer import is_caps_line
from kg.layout import layout
from kg.model import Attribute, Entity, Relation, Statement

__all__ = ["metadata"]

_EVENT_NOUN = "|".join(MEETING_NOUNS + ("round", "talks", "ceremony", "event", "gala", "festival", "reception",
                                         "celebration", "exhibition", "symposium", "seminar", "workshop", "congress",
                                         "assembly", "council", "visit", "review conference"))

_EVENT = re.compile(r"(?:\b(?:at|during|before|in the course of)\s+(?:(?:the|a|an)\s+)?|\b(?:delegation|address|message|"
                    r"statement|speech|remarks)\s+to\s+the\s+)(?P<ev>(?:(?!\n\s*\n)[^,;()])*?\b(?:" + _EVENT_NOUN +
                    r")\b(?:(?!\n\s*\n)[^,;()])*)", re.I)

_EVENT_CUT = re.compile(r"\s(?:following|after|with|between|regarding|concerning|about|titled|entitled|delivered|"
                        r"read|presented)\b", re.I)

_CO_CHAIRS = re.compile(r"\b(?:Co-)?Chair(?:s|men|persons)?(?:\s+countries)?\s+of\s+(?:the\s+)?$", re.I)


def _wrapped_end(text: str, es: int, ee: int) -> int:
    """Where an event's name read from ``es`` to ``ee`` ends: a wrapped heading goes on after "OF", or from one
    line of capitals to the next; otherwise a new line ends it."""
    for nl in re.finditer(r"\n", text[es:ee]):
        at = es + nl.start()
        if re.search(r"\b(?:of|the|and|in|on|for|to|at|a|an)\s*$", text[es:at], re.I):
            continue
        nxt = text.find("\n", at + 1)
        if is_caps_line(text[text.rfind("\n", 0, at) + 1:at]) and is_caps_line(text[at + 1:nxt if nxt >= 0 else ee]):
            continue
        return at
    return ee


def _forum(stmt: Statement, hs: int) -> tuple[tuple[Entity, int, int] | None, tuple[str, int, int] | None]:
    text = stmt.context.text
    orgs = [m for m in stmt.mentions if m.entity.kind == "Organization" and not m.info.get("nested")]
    event = None
    forum = None
    ev = _EVENT.search(text, hs, stmt.heading_end)
    if ev:
        es, ee = ev.start("ev"), ev.end("ev")
        cut = _EVENT_CUT.search(text, es, ee)
        ee = cut.start() if cut else ee
        ee = _wrapped_end(text, es, ee)
        event = (re.sub(r"\s+", " ", text[es:ee]).strip(), es, ee)
        inside = [m for m in orgs if es <= m.start < ee and m.entity.attr("type") != "NationalBody"]
        # "the UN OEWG": a body named right before another only qualifies it
        inside = [m for i, m in enumerate(inside)
                  if not (i + 1 < len(inside) and re.fullmatch(r"\s", text[m.end:inside[i + 1].start]))]
        if inside:
            forum = (inside[0].entity, inside[0].start, inside[0].end)
    if forum is None and stmt.role in ("turn", "part"):
        return forum, event  # a speaker's label names who speaks, not where: the page's forum is the turn's
    if forum is None:
        named = header_forum(stmt) or salutation_forum(stmt)
        forum = (named.entity, named.start, named.end) if named is not None else None
    if forum is None:
        # a meetings-coverage page names the body on a line of its own above the text ("First Committee")
        for m in orgs:
            ls = max(stmt.start, text.rfind("\n", stmt.start, m.start) + 1)
            if text.count("\n", stmt.start, ls) > 6:
                break
            le = text.find("\n", m.end, stmt.end)
            le = stmt.end if le < 0 else le
            if m.entity.attr("type") == "UNBody" and not text[ls:m.start].strip(" *_") and not text[m.end:le].strip(" *_"):
                forum = (m.entity, m.start, m.end)
                break
    if forum is None:
        named = (body_forum(stmt, *first_sentence(stmt)) or body_forum(stmt, *lead_report(stmt))
                 or lead_paragraph_forum(stmt, first_sentence(stmt)[0]))
        forum = (named.entity, named.start, named.end) if named is not None else None
    if forum is None:
        # statements by a body's chairs, or by states "representing the Co-Chair countries of" it
        bs, be = first_sentence(stmt)
        for m in orgs:
            if (hs <= m.start < stmt.heading_end or bs <= m.start < be) and _CO_CHAIRS.search(text[max(hs, m.start - 60):m.start]):
                forum = (m.entity, m.start, m.end)
                break
    return forum, event


def _draft_committee(stmt: Statement) -> tuple[Entity, int, int] | None:
    """The Main Committee an explanation of vote speaks in, as the symbol of its draft says ("A/C.1/78/L.2": the
    First Committee)."""
    for m in stmt.mentions:
        c = re.match(r"A/C\.([1-6])/", m.entity.key) if m.entity.kind == "Resolution" else None
        committee = lex().organization(f"UNGA-C{c.group(1)}") if c else None
        if committee is not None:
            return committee, m.start, m.end
    return None


def _unnamed_kind(stmt: Statement) -> str:
    """The kind of a statement whose heading and section name none: an item of a dated listing, or one
    opening with a wire agency's dateline ("MOSCOW, May 4 (TASS) –"), is news; one opening with a bare dateline
    ("VIENNA, 4 May 2021 – The Representative today welcomed ...") a press release; anything else a statement."""
    if stmt.listing_date is not None:
        return "news"
    dateline = body_dateline(stmt)
    if dateline is None:
        return "statement"
    return "news" if dateline.credit else "press release"


def metadata(stmt: Statement) -> Iterator[Attribute | Relation]:
    text = stmt.context.text
    hs = head_start(stmt)
    kind = layout().kind_of(text[hs:stmt.heading_end]) or section_kind(stmt) or _unnamed_kind(stmt)
    if stmt.role == "turn":
        kind = "transcript turn"
    yield Attribute("kind", kind)
    date, ds, de = statement_date(stmt, hs, kind)
    if date:
        yield Attribute("date", date, ds, de)
    if stmt.listing_date:
        yield Attribute("published", stmt.listing_date)
    place = statement_place(stmt, hs, ds, kind)
    if place:
        yield Attribute("place", place[0], place[1], place[2])
    named = [e for e in issuer(stmt, hs, fallback=False) if e.kind == "State"]
    if named:  # "UK statement to the OSCE": an unqualified "Ambassador" below it is the UK's
        stmt.own_state = named[0]
    speakers = speaker_mentions(stmt, kind, hs)
    body = collective(stmt, hs) if stmt.role in ("main", "item") else None
    if body is not None and body[1] is not None and not speakers:
        speakers = [body[1]]
        yield Relation(body[1].entity, "chairOf", body[0], body[1].start, body[1].end)  # "chaired by H.E. Mr X"
    for m in speakers:
        if hs <= m.start < stmt.heading_end:
            byline_office(stmt, m)
    if speakers:
        yield Attribute("speakers", [(m.entity, m.start, m.end, m.info.get("title")) for m in speakers])
    release = un_release(stmt)
    behalf, said_for = on_behalf(stmt, hs, speakers, named, body, release, kind)
    if behalf:
        # the speaker's span when the statement is for the speaker's own state: the affiliation's evidence
        yield Attribute("on_behalf_of", behalf, *((said_for.start, said_for.end) if said_for else (None, None)))
    forum, event = _forum(stmt, hs)
    if forum is not None and forum[0].key == "UN":  # "at UN talks": the committee the lead says was addressed
        finer = addressed_body(stmt, forum[0])
        # the UN as a whole holds no meeting of its own: "a speech at the United Nations" names no forum
        forum = (finer.entity, finer.start, finer.end) if finer is not None else None
    if body is not None and (forum is None or is_part_of(body[0], forum[0])):
        forum = (body[0], None, None)  # the body's own meeting
    if forum is None and release:
        covered = covered_body(stmt)
        forum = (covered.entity, covered.start, covered.end) if covered is not None else None
    if forum is None and kind == "explanation of vote":
        forum = _draft_committee(stmt)
    if forum:
        yield Attribute("forum", forum[0], forum[1], forum[2])
    if event:
        yield Attribute("event", event[0], event[1], event[2])
