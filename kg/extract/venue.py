"""Where a statement was made, as a careful reader finds it: the city beside the heading's date ("New York,
3 June 2019", "29 June 2021, New York –"), a dated line of the header block ("13-17 May 2021 UNHQ Geneva",
"NEW YORK, 8 March 2021", "Lucca, April 11, 2017"), a labelled field ("[Place] Vienna"), the venue a lead
reports ("said at a meeting of the Council in Vienna", "the session was held in Geneva"), a news dateline,
a named venue in the heading. A city named anywhere else in the text is not the statement's place."""
from __future__ import annotations

import re
from typing import Iterator

from kg.dates import find_dates
from kg.extract.common import lex, titles
from kg.extract.header import body_dateline, first_sentence, new_place
from kg.extract.lead import lead_report
from kg.model import Entity, Mention, Statement
from kg.segment import layout

__all__ = ["statement_place"]

Place = tuple[Entity, int | None, int | None]

_VENUE = re.compile(r"\bat the ((?:[A-Z][\w’'-]+\s+){0,4}(?:Memorial|Museum|Square|Cathedral|Palace|Hall|Cent(?:er|re)|"
                    r"House|Castle|Park|Cemetery|Monument|Theatre|Theater|Library|University|Institute|Academy|"
                    r"Stadium|Arena|Residence|Building|Headquarters))\b")

# a name standing before a date at the start of its line ("Lucca, April 11, 2017", "Islamabad: 5 May 2021")
_NAME_BEFORE = re.compile(r"[\s(]*(?P<name>[A-Z][\w’'.-]*(?:[ -][A-Z][\w’'.-]*){0,3})\s*(?P<sep>[,:])\s*")
_AFTER_DATE = re.compile(r"\s*[,|–—-]?\s*(?:[A-Z]{2,8}\s+)?")  # "2021, Geneva", "2021 | Geneva", "2021 UNHQ Geneva"
_FIELDS_BELOW = 300  # how far below the heading a labelled field still belongs to the header
_LINE_END = re.compile(r"\s*(?:[,;|(–—-].*)?$")  # the city ends the line or its part ("2021 - Moscow hosts talks": no place)


def statement_place(stmt: Statement, hs: int, date_start: int | None, kind: str) -> Place | None:
    """The place of ``stmt`` (its heading starts at ``hs``; its date, when the heading gives it, at
    ``date_start``) and the span it was read from."""
    places = [m for m in stmt.mentions if m.entity.kind == "Place"]
    return (_beside_date(stmt, hs, date_start, places) or _header_line(stmt, places) or _lead_venue(stmt, hs, places)
            or _dateline(stmt) or _named_venue(stmt, hs) or _news_lead(stmt, kind, places))


def _beside_date(stmt: Statement, hs: int, date_start: int | None, places: list[Mention]) -> Place | None:
    """The city right before or after the heading's date: "New York, 3 June 2019", "Geneva-Moscow, 13 October
    2020" (the first of the pair), "March 14, 2023 - Ottawa, Ontario", "29 June 2021, New York – Statement"."""
    if date_start is None or date_start >= stmt.heading_end:
        return None
    text = stmt.context.text
    before = [m for m in places if hs <= m.start and m.end <= date_start and re.fullmatch(r"[\s,(]*", text[m.end:date_start])]
    if before:
        p = before[-1]
        pair = [m for m in places if m.end == p.start - 1 and text[m.end] in "-–"]
        p = pair[0] if pair else p
        return p.entity, p.start, p.end
    end = next((d.end for d in find_dates(text, date_start, stmt.heading_end) if d.start == date_start), None)
    after = [m for m in places if end is not None and end <= m.start < stmt.heading_end
             and re.fullmatch(r"\s*[-–—|,]\s*", text[end:m.start])]
    return (after[0].entity, after[0].start, after[0].end) if after else None


def _header_line(stmt: Statement, places: list[Mention]) -> Place | None:
    """A line of the header block (its preamble included) that gives the place: a labelled field (also on the
    short lines right below the heading, where a catalogue record lists its fields), or a date with a city
    beside it."""
    text = stmt.context.text
    for ls, le in _lines(text, stmt.start, stmt.heading_end):
        found = _field(text, ls, le) or _dated_line(text, ls, le, places)
        if found is not None:
            return found
    for ls, le in _lines(text, stmt.heading_end, min(stmt.end, stmt.heading_end + _FIELDS_BELOW)):
        if le - ls >= 100:  # the body's prose has begun
            break
        found = _field(text, ls, le)
        if found is not None:
            return found
    return None


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        le = end if nl < 0 else nl
        yield pos, le
        pos = le + 1


def _field(text: str, ls: int, le: int) -> Place | None:
    m = layout().place_field.match(text, ls, le)
    if m is None:
        return None
    entity = _city(m.group("place"), mint=True)
    return (entity, m.start("place"), m.end("place")) if entity is not None else None


def _dated_line(text: str, ls: int, le: int, places: list[Mention]) -> Place | None:
    for d in find_dates(text, ls, le):
        for m in places:
            if ls <= m.start and m.end <= d.start and re.fullmatch(r"[\s,:(]*", text[m.end:d.start]):
                return m.entity, m.start, m.end
            if d.end <= m.start < le and _AFTER_DATE.fullmatch(text, d.end, m.start) and _LINE_END.match(text, m.end, le):
                return m.entity, m.start, m.end
        name = _NAME_BEFORE.fullmatch(text, ls, d.start)
        # a city the gazetteer does not know, only where the line is that city and its date alone
        if name is not None and len(text[d.end:le].split()) <= 2:
            entity = _city(name.group("name"), mint=name.group("sep") == ",")
            if entity is not None:
                return entity, name.start("name"), name.end("name")
    return None


def _city(name: str, mint: bool) -> Entity | None:
    """The gazetteer's place called ``name`` (in any case); else, when ``mint``, a new place of that name, unless
    the name is a known entity of another kind, a calendar word, an office, a title or a kind of statement
    ("Xinhua, 10 October", "Monday, 5 May", "Press Office, 5 May", "Ambassador, 5 May", "Statement, 5 May")."""
    name = " ".join(name.split())
    found = lex().find("Place", name)
    if found is not None or not mint or lex().lookup(name) or layout().not_places.search(name) or layout().kind_of(name):
        return found
    if any(w.lower() in titles().title_word_set for w in name.split()):  # "Ambassador, 5 May 2021"
        return None
    return new_place(name)


def _lead_venue(stmt: Statement, hs: int, places: list[Mention]) -> Place | None:
    """The venue that the heading, the first sentence or a news lead reports the act at ("said at a meeting of
    the Permanent Council in Vienna", "was held in Geneva"; clauses in layout.yaml)."""
    text = stmt.context.text
    for lo, hi in ((hs, stmt.heading_end), first_sentence(stmt), lead_report(stmt)):
        for m in places:
            if lo <= m.start < hi and layout().place_clauses.search(text, lo, m.start):
                return m.entity, m.start, m.end
    return None


def _dateline(stmt: Statement) -> Place | None:
    found = body_dateline(stmt)
    return (found.place.entity, found.place.start, found.place.end) if found is not None else None


def _named_venue(stmt: Statement, hs: int) -> Place | None:
    """A venue the heading names ("at the Soviet War Memorial")."""
    v = _VENUE.search(stmt.context.text, hs, stmt.heading_end)
    if v is None:
        return None
    return new_place(v.group(1)), v.start(1), v.end(1)


def _news_lead(stmt: Statement, kind: str, places: list[Mention]) -> Place | None:
    """A news item's place, when nothing else gives it: the first city its first sentence names."""
    if kind != "news":
        return None
    bs, be = first_sentence(stmt)
    inside = [m for m in places if bs <= m.start < be]
    return (inside[0].entity, inside[0].start, inside[0].end) if inside else None
