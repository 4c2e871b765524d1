"""Where a statement was made, as a careful reader finds it: the city beside the heading's date ("New York,
3 June 2019", "29 June 2021, New York –"), a dated line of the header block ("13-17 May 2021 UNHQ Geneva",
"NEW YORK, 8 March 2021", "Lucca, April 11, 2017"), a labelled field ("[Place] Vienna"), the venue a lead
reports ("said at a meeting of the Council in Vienna", "the session was held in Geneva"), a news dateline,
a named venue in the heading, a place line of the byline block below the heading ("Washington, D.C.", "The
Kremlin, Moscow"), a sign-off ("Nairobi / 4 May 2021") or a footer ("Published on: 5 May 2021 | Vienna") at
the end. A city named anywhere else in the text is not the statement's place. The venue an opening names
("Today, in Geneva, the Council ...") beats the city a release was issued in."""
from __future__ import annotations

import re
from kg.dates import find_dates
from kg.extract.common import lex, titles
from kg.extract.header import below_heading, body_dateline, first_sentence, lines, new_place, posted_footer, tail_lines
from kg.extract.lead import lead_report
from kg.model import Entity, Mention, Statement
from kg.layout import layout

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
# between a city and its date: at most its region or country ("Cape Town, South Africa, 1 June 2023")
_TO_DATE = re.compile(r"[\s,:(]*(?:[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,2}\s*,\s*)?")
# a line that only names a place: a venue before it ("The Kremlin, Moscow"), a clock time after it ("Ottawa 14:30")
_VENUE_BEFORE = re.compile(r"[\s*_]*(?:(?:The\s+)?[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3},\s*)?")
_TIME_AFTER = re.compile(r"(?:,?\s*D\.?\s?C\.?)?[\s*_]*(?:\d{1,2}[:.h]\d{2}.{0,12})?")
# a lead opening with the act's time and place: "Today, in Geneva, ...", "On 3 May, in Vienna, ..."
_OPENING_VENUE = re.compile(r"\s*(?:today|yesterday|earlier today|this (?:morning|afternoon|evening|week)|on [^,.;\n]{3,30}?)"
                            r",?\s+in\s+$", re.I)


def statement_place(stmt: Statement, hs: int, date_start: int | None, kind: str) -> Place | None:
    """The place of ``stmt`` (its heading starts at ``hs``; its date, when the heading gives it, at
    ``date_start``) and the span it was read from."""
    places = [m for m in stmt.mentions if m.entity.kind == "Place"]
    return (_opening_venue(stmt, places) or _beside_date(stmt, hs, date_start, places) or _header_line(stmt, places)
            or _lead_venue(stmt, hs, places) or _dateline(stmt) or _named_venue(stmt, hs) or _news_lead(stmt, kind, places)
            or _sign_off(stmt, places) or _here_in(stmt, places))


def _here_in(stmt: Statement, places: list[Mention]) -> Place | None:
    """The city a speaker says they stand in ("we are gathered here in Geneva", "here in Vienna, this week"), when
    nothing else places the statement: the first such city of the text."""
    text = stmt.context.text
    for m in places:
        if stmt.heading_end <= m.start and re.search(r"\bhere\s+in\s+$", text[max(0, m.start - 12):m.start], re.I):
            return m.entity, m.start, m.end
    return None


def _opening_venue(stmt: Statement, places: list[Mention]) -> Place | None:
    """The place a body's first sentence opens with, beside the act's time: "Today, in Geneva, the Council ..."."""
    bs, be = first_sentence(stmt)
    text = stmt.context.text
    for m in places:
        if bs <= m.start < min(be, bs + 60) and _OPENING_VENUE.fullmatch(text, bs, m.start) and text[m.end:m.end + 1] == ",":
            return m.entity, m.start, m.end
    return None


def _beside_date(stmt: Statement, hs: int, date_start: int | None, places: list[Mention]) -> Place | None:
    """The city right before or after the heading's date: "New York, 3 June 2019", "Geneva-Moscow, 13 October
    2020" (the first of the pair), "March 14, 2023 - Ottawa, Ontario", "29 June 2021, New York – Statement"."""
    if date_start is None:
        return None
    text = stmt.context.text
    if date_start >= stmt.heading_end:  # a date read below the heading ("..., Palais des Nations, Geneva, 4 May 2031.")
        return _before_date(text, date_start, places)
    before = [m for m in places if hs <= m.start and m.end <= date_start and _TO_DATE.fullmatch(text, m.end, date_start)]
    if before:
        p = before[-1]
        pair = [m for m in places if m.end == p.start - 1 and text[m.end] in "-–"]
        p = pair[0] if pair else p
        return p.entity, p.start, p.end
    end = next((d.end for d in find_dates(text, date_start, stmt.heading_end) if d.start == date_start), None)
    after = [m for m in places if end is not None and end <= m.start < stmt.heading_end
             and (re.fullmatch(r"\s*[-–—|,]\s*", text[end:m.start]) or _CLOCK_GAP.fullmatch(text, end, m.start))]
    return (after[0].entity, after[0].start, after[0].end) if after else None


# the clock time between a heading's date and its city: "Monday, 4 May 2031, 5:40 p.m. (Local Time)  Geneva, Switzerland"
_CLOCK_GAP = re.compile(r"\s*[-–—|,]?\s*(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?|h)?\s*"
                        r"(?:\((?:local time|[A-Z]{2,5}(?:\s?[+-]\d{1,2})?)\)\s*)?[-–—|,]?\s*", re.I)


def _before_date(text: str, date_start: int, places: list[Mention]) -> Place | None:
    """The city right before a date read below the heading, on the date's own line: "Geneva, 4 May 2031"."""
    ls = text.rfind("\n", 0, date_start) + 1
    before = [m for m in places if ls <= m.start and m.end <= date_start and _TO_DATE.fullmatch(text, m.end, date_start)]
    return (before[-1].entity, before[-1].start, before[-1].end) if before else None


def _header_line(stmt: Statement, places: list[Mention]) -> Place | None:
    """A line of the header block (its preamble included) that gives the place: a labelled field (also on the
    short lines right below the heading, where a catalogue record lists its fields), or a date with a city
    beside it."""
    text = stmt.context.text
    for i, (ls, le) in enumerate(lines(text, stmt.start, stmt.heading_end)):
        # (a byline block's place line, once the title is past: "Jane Doe, Spokesperson / Washington, D.C.")
        found = _field(text, ls, le) or _dated_line(text, ls, le, places) or (i and (
            _place_line(text, ls, le, places) or _city_and_country(stmt, ls, le, places)))
        if found:
            return found
    for ls, le in below_heading(stmt):  # a byline block the heading's reader left to the body
        found = _dated_line(text, ls, le, places) or _place_line(text, ls, le, places)
        if found is not None:
            return found
    for ls, le in lines(text, stmt.heading_end, min(stmt.end, stmt.heading_end + _FIELDS_BELOW)):
        if le - ls >= 100:  # the body's prose has begun
            break
        found = _field(text, ls, le)
        if found is not None:
            return found
    return None


def _place_line(text: str, ls: int, le: int, places: list[Mention]) -> Place | None:
    """A line of a byline block that names a known place alone, a venue before it or a clock time after it
    ("Washington, D.C.", "The Kremlin, Moscow", "Ottawa  14:30")."""
    for p in places:
        if ls <= p.start and p.end <= le and _VENUE_BEFORE.fullmatch(text, ls, p.start) and _TIME_AFTER.fullmatch(text, p.end, le):
            return p.entity, p.start, p.end
    return None


# a line that is a city and its country alone: "Lusaka, Zambia", "Rarotonga, Cook Islands"
_CITY_COUNTRY = re.compile(r"[\s*_]*(?P<city>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,2}),[ \t]+(?:the[ \t]+)?"
                           r"(?P<country>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3})[\s*_]*")


def _city_and_country(stmt: Statement, ls: int, le: int, places: list[Mention]) -> Place | None:
    """A title-block line that names a city and its country alone ("Lusaka, Zambia"): the city, the gazetteer's
    when it knows it (and places it in that country), else a new place of that name."""
    text = stmt.context.text
    m = _CITY_COUNTRY.fullmatch(text, ls, le)
    if m is None:
        return None
    state = next((x.entity for x in stmt.mentions if x.entity.kind == "State" and x.form == "name"
                  and (x.start, x.end) == (m.start("country"), m.end("country"))), None)
    if state is None:
        return None
    known = [p for p in places if (p.start, p.end) == (m.start("city"), m.end("city"))]
    if known:
        return (known[0].entity, known[0].start, known[0].end) if known[0].entity.attr("country") in (None, state.key) \
            else None
    entity = _city(m.group("city"), mint=True)
    return (entity, m.start("city"), m.end("city")) if entity is not None else None


def _sign_off(stmt: Statement, places: list[Mention]) -> Place | None:
    """The place a statement signs off with or its footer gives: "Nairobi / 4 May 2021", "Nairobi, 4 May 2021",
    "Published on: 5 May 2021 | Nairobi"."""
    text = stmt.context.text
    posted = posted_footer(stmt)
    if posted is not None:
        d, le = posted
        name = re.fullmatch(r"\s*[|,–—-]\s*(?P<name>[^|\n]{2,40}?)[\s*_]*", text[d.end:le])
        entity = _city(name.group("name"), mint=False) if name else None
        if entity is not None:
            return entity, d.end + name.start("name"), d.end + name.end("name")
    tail = tail_lines(stmt)
    for i, (ls, le) in enumerate(tail):
        found = _dated_line(text, ls, le, places)
        if found is None and i + 1 < len(tail) and _bare_date(text, *tail[i + 1]):
            found = _place_line(text, ls, le, places)
        if found is not None:
            return found
    return None


def _field(text: str, ls: int, le: int) -> Place | None:
    m = layout().place_field.match(text, ls, le)
    if m is None:
        return None
    # a field listing a venue, a city and more ("Venue: Palais des Nations, Geneva, and online"): the known city
    for part in re.finditer(r"[^,;]+", m.group("place")):
        known = lex().find("Place", part.group().strip())
        if known is not None and "," in m.group("place"):
            at = m.start("place") + part.start() + len(part.group()) - len(part.group().lstrip())
            return known, at, at + len(part.group().strip())
    entity = _city(m.group("place"), mint=True)
    return (entity, m.start("place"), m.end("place")) if entity is not None else None


def _bare_date(text: str, ls: int, le: int) -> bool:
    dates = find_dates(text, ls, le)
    return bool(dates) and not text[ls:dates[0].start].strip(" *_") and not text[dates[-1].end:le].strip(" *_")


def _dated_line(text: str, ls: int, le: int, places: list[Mention]) -> Place | None:
    for d in find_dates(text, ls, le):
        for m in places:
            if ls <= m.start and m.end <= d.start and _TO_DATE.fullmatch(text, m.end, d.start):
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
