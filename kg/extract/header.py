"""What every reader of a statement's header needs: where the heading's title begins, the body's first
sentence (after any greeting), a news dateline opening the body, and how many kinds of statement a text
names."""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from kg.dates import DateHit, find_dates
from kg.extract.common import lex, once, sentence_bounds
from kg.extract.lead import lead_sentence
from kg.iris import slug
from kg.model import Entity, Mention, Statement
from kg.layout import layout

__all__ = ["KIND_AFTER", "LOOKBACK", "Dateline", "head_start", "first_sentence", "body_dateline", "new_place",
           "section_kind", "kind_words", "lookback", "lines", "below_heading", "tail_lines", "delivered_date",
           "labelled_delivery", "posted_footer", "posted_header", "is_stamp_line"]

# the kind of a statement right after a name: that name is its author ("EU Explanation of Vote", "G7 Declaration",
# "Norway's statement"), not its forum or topic
KIND_AFTER = re.compile(r"\s*(?:[’']s\s+)?(?:joint\s+)?(?:statement|explanation|declaration|communiqu|press\s+(?:release|"
                        r"statement)|remarks|comment|position|intervention|speech|address|letter|note|message|briefing|"
                        r"report)", re.I)


def head_start(stmt: Statement) -> int:
    """Where the heading's title begins: after a listing item's date, below a preamble's title lines."""
    if stmt.title_start is not None:
        return stmt.title_start
    m = layout().listing.match(stmt.context.text[stmt.start:stmt.heading_end])
    return stmt.start + m.end() if m else stmt.start


def first_sentence(stmt: Statement) -> tuple[int, int]:
    """The body's first sentence, after any greeting ("Mr. Chair,", "Thank you, Madam President.")."""
    return once(stmt, "first_sentence", _first_sentence)


def _first_sentence(stmt: Statement) -> tuple[int, int]:
    text = stmt.context.text
    pos = stmt.heading_end
    if stmt.role == "turn" and text.startswith(":", pos):
        pos += 1  # a turn's label ends before its colon ("Mr. X (Kenya): I speak ...")
    for _ in range(4):  # (past a greeting, or a line of page chrome: a share bar under the heading)
        while pos < stmt.end and text[pos].isspace():
            pos += 1
        bs, be = sentence_bounds(text, pos, pos, stmt.end)
        nl = text.find("\n", pos, be)
        first = text[pos:nl if nl >= 0 else be]
        if not layout().is_salutation(first) and not layout().is_chrome(first):
            return bs, be
        pos = pos + len(first)
    return sentence_bounds(text, pos, pos, stmt.end)


class Dateline(NamedTuple):
    """A news dateline: its city, its day (ISO and span, when it gives the year) and a wire agency's credit."""

    place: Mention
    date: tuple[str, int, int] | None
    credit: str | None


def body_dateline(stmt: Statement) -> Dateline | None:
    """A dateline opening the body, or the page when it has no headline, as news items write it: "MOSCOW,
    March 3, 2022 (TASS) – ...", "BEIJING, May 4 (Xinhua) -- ...", "MOSCOW, May 4. /TASS/. ...", "UNITED
    NATIONS (Wire News - 4 May, 2021) ..." (patterns in layout.yaml)."""
    return once(stmt, "dateline", _body_dateline)


def _body_dateline(stmt: Statement) -> Dateline | None:
    text = stmt.context.text
    for bs in dict.fromkeys((first_sentence(stmt)[0], lead_sentence(stmt)[0], head_start(stmt))):
        for pat in layout().datelines:
            m = pat.match(text, bs, min(stmt.end, bs + 120))
            if m is None:
                continue
            city = m.group("city")
            found = lex().find("Place", city)
            if found is None and city.isupper():  # a wire dateline names a place: "UNITED NATIONS (Agency) -"
                found = new_place(city)
            if found is None:
                continue
            place = Mention(m.start("city"), m.end("city"), city, found, "place")
            dates = [d for d in find_dates(text, m.start("city"), m.end()) if d.iso]
            credit = m.group("credit").strip() if m.group("credit") else None
            return Dateline(place, (dates[0].iso, dates[0].start, dates[0].end) if dates else None, credit)
    return None


def new_place(name: str) -> Entity:
    """A place the gazetteer does not know, labelled as the text names it ("UNITED NATIONS" as United Nations)."""
    name = " ".join(name.split())
    label = " ".join(w.capitalize() for w in name.split()) if name.isupper() else name
    return Entity("Place", slug(label), label)


def section_kind(stmt: Statement) -> str | None:
    """The kind a site's section label names on the lines right above the statement ("Press Releases",
    "Speeches"): the page's own word for what it holds, read when the heading names no kind."""
    above = stmt.context.text[max(0, stmt.start - 300):stmt.start].split("\n")
    for line in [ln.strip() for ln in reversed(above) if ln.strip()][:3]:
        label = next((c for c in reversed(_CRUMB.split(line)) if layout().section_label.fullmatch(c.strip())), None)
        if label is not None:  # "Press Releases", or the section a breadcrumb or a site title ends in
            return layout().kind_of(label)
        if not layout().is_chrome(line):  # other page chrome between the label and the heading is passed over
            return None
    return None


_CRUMB = re.compile(r"\s(?:>>|::|[>»›/|])\s")  # "Newsroom > Press Releases > 2031", "Agency :: Press Releases"


def kind_words(text: str) -> int:
    """How many kinds of statement ("comment", "statements") ``text`` names, quoted titles aside."""
    bare = re.sub(r"[“\"«][^”\"»]*[”\"»]", " ", text)
    return len({kind for kind, pat in layout().kinds_first + layout().kinds if pat.search(bare)})


LOOKBACK = 300  # characters before a mention that a cue naming it issuer or speaker ("Statement by the delegation of") spans


def lookback(text: str, hs: int, end: int) -> str:
    """The heading's text before ``end``, its last :data:`LOOKBACK` characters only: read once per mention,
    the whole heading made a one-line statement's extraction quadratic in its length."""
    return text[max(hs, end - LOOKBACK):end]


def lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The lines of ``text[start:end]`` as (start, end) spans."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        le = end if nl < 0 else nl
        yield pos, le
        pos = le + 1


_SENTENCE_END = re.compile(r"[.!?;]\W*$")
_ABBREVIATED = re.compile(r"(?:^|\W)[A-Z]\.\W*$")  # "Washington, D.C." ends with an abbreviation, not a sentence
_HEADER_LINES = 5  # at most this many lines below the heading still belong to its header


def _prose(line: str) -> bool:
    s = line.strip(" *_\t")
    if s.endswith("?") and len(s.split()) < 10:
        return False  # a title put as a question ("Editorial: What kind of dialogue?")
    return len(s) >= 250 or bool(_SENTENCE_END.search(s) and not _ABBREVIATED.search(s))


def below_heading(stmt: Statement) -> list[tuple[int, int]]:
    """The short lines right below the heading, before the speech's salutation or the body's prose, that the
    heading's reader left to the body: a session line, an agenda item, a byline, a place, a dateline
    ("Third Session of the Group ...", "Agenda item 4: ...", "UN Headquarters, Geneva, 3 May 2021")."""
    return once(stmt, "below_heading", _below_heading)


def _below_heading(stmt: Statement) -> list[tuple[int, int]]:
    text, found = stmt.context.text, []
    for ls, le in lines(text, stmt.heading_end, stmt.end):
        line = text[ls:le]
        if not line.strip():
            continue
        if len(found) >= _HEADER_LINES or layout().is_salutation(line) or _prose(line):
            break
        found.append((ls, le))
    return found


def tail_lines(stmt: Statement, count: int = 6) -> list[tuple[int, int]]:
    """The statement's last ``count`` short lines (blank lines aside), top down: its sign-off and footer."""
    text, found = stmt.context.text, []
    for ls, le in reversed(list(lines(text, max(stmt.heading_end, stmt.end - 600), stmt.end))):
        if not text[ls:le].strip():
            continue
        if len(found) >= count or _prose(text[ls:le]):
            break
        found.append((ls, le))
    return found[::-1]


def delivered_date(stmt: Statement, spans: list[tuple[int, int]]) -> DateHit | None:
    """A date the lines ``spans`` label as the day of delivery ("Delivered on: 3 May 2021")."""
    text = stmt.context.text
    for ls, le in spans:
        if not _may_label(text, ls, le):
            continue
        for d in find_dates(text, ls, le):
            if layout().delivery_label.search(text, ls, d.start):
                return d
    return None


def _may_label(text: str, ls: int, le: int) -> bool:
    """Whether the line ``[ls, le)`` holds a word every delivery label holds (``delivery_label_words``)."""
    return layout().delivery_label_words.search(text, ls, le) is not None


def labelled_delivery(stmt: Statement) -> DateHit | None:
    """A delivery label on a short line of its own anywhere in the statement, the date on it or alone on the line
    below ("Answered on" / "4 May 2031", a written answer's record below the question it answers); or a longer line
    that opens with the label and its date ("Answered on 4 May 2031 by the Minister of State (...)")."""
    text = stmt.context.text
    spans = [sp for sp in lines(text, stmt.heading_end, stmt.end) if text[sp[0]:sp[1]].strip()]
    for n, (ls, le) in enumerate(spans):
        if not _may_label(text, ls, le):
            continue
        found = find_dates(text, ls, min(le, ls + 60))
        if le - ls > 60:
            opening = layout().delivery_label.search(text, ls, found[0].start) if found else None
            if opening is not None and not text[ls:opening.start()].strip(" *_\t"):
                return found[0]
            continue
        label = layout().delivery_label.search(text, ls, le)
        if found and layout().delivery_label.search(text, ls, found[0].start):
            return found[0]
        if label and not found and not text[ls:label.start()].strip(" *_\t") and n + 1 < len(spans):
            below = find_dates(text, *spans[n + 1])
            if len(below) == 1 and spans[n + 1][1] - spans[n + 1][0] <= 40:
                return below[0]
    return None


def posted_footer(stmt: Statement) -> tuple[DateHit, int] | None:
    """A footer line that gives the day the page was posted ("Published on: 5 May 2021 | Vienna",
    "Posted: 05.05.2021"): its date and where the line goes on after it."""
    return _posted(stmt.context.text, list(reversed(tail_lines(stmt))))


_POSTED_REACH = 800  # how far below the heading a news page's "PUBLISHED <date>" line may stand (standfirst, byline)


def posted_header(stmt: Statement) -> tuple[DateHit, int] | None:
    """The same line near the top, below a headline's standfirst and byline ("PUBLISHED Jul 14, 2024, 5:00 AM")."""
    text = stmt.context.text
    near = [(ls, le) for ls, le in lines(text, stmt.heading_end, min(stmt.end, stmt.heading_end + _POSTED_REACH))
            if le - ls < 120]
    return _posted(text, near)


def _posted(text: str, candidates: list[tuple[int, int]]) -> tuple[DateHit, int] | None:
    for ls, le in candidates:
        label = layout().posting_label.match(text, ls + len(re.match(r"[\s*_]*", text[ls:le]).group()), le)
        dates = find_dates(text, ls, le) if label else []
        if dates and not text[label.end():dates[0].start].strip():
            return dates[0], le
    return None


_STAMP_GLUE = re.compile(r"(?:[\s*_|,:()/–—-]|\b(?:at|on)\b)*", re.I)


def is_stamp_line(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` is a page stamp: dates in figures, clock times and posting labels alone
    ("05.06.2019", "13/09/2023 10h27 - Updated on 13/09/2023 18h05"); a date written out alone ("5 May 2021")
    is a release's own date, no stamp."""
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    line = text[ls:le if le >= 0 else len(text)]
    if re.fullmatch(r"[\s*_]*[\d./: -]+[\s*_]*", line):
        return True
    for d in reversed(find_dates(line)):
        line = line[:d.start] + " " + line[d.end:]
    bare = layout().posting_label.sub(" ", layout().clock_time.sub(" ", line))
    return bare != line and _STAMP_GLUE.fullmatch(bare) is not None
