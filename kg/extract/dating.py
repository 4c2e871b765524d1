"""When a statement was made: a date labelled as the day of delivery ("Delivered on: 3 May 2021") in or
right below the heading, the heading's date (the delivery date below a posting date), a news item's own day
("On September 19, ...", "A senior diplomat Friday urged ...", "Jakarta, Monday (8/5) - ..."), a dated
line right below the heading ("UN Headquarters, Geneva, 3 May 2021" under a session line), a body dateline,
a yearless date with the year the text names, a readout's day, a footer's posting date ("Published on:
5 May 2021"), the listing date as a fallback."""
from __future__ import annotations

import datetime as dt
import re

from kg.dates import DateHit, find_dates
from kg.extract.header import (below_heading, body_dateline, delivered_date, first_sentence, is_stamp_line,
                               labelled_delivery,
                               posted_footer, posted_header, tail_lines)
from kg.extract.lead import lead_sentence
from kg.model import Statement
from kg.layout import layout

__all__ = ["statement_date"]


def statement_date(stmt: Statement, hs: int, kind: str) -> tuple[str | None, int | None, int | None]:
    """The day the statement was made (ISO) and the span it was read from; the heading starts at ``hs``."""
    text = stmt.context.text
    told = delivered_date(stmt, [(hs, stmt.heading_end)] + below_heading(stmt)) or labelled_delivery(stmt)
    if told is not None:
        return told.iso, told.start, told.end
    annex = _annex_date(stmt, hs)
    if annex is not None:
        return annex
    # the heading's dates, else those of the title lines above it ("First Committee – Cluster 5 / Thursday, 4 May 2031")
    head = find_dates(text, hs, stmt.heading_end) or (find_dates(text, stmt.start, hs) if stmt.title_start else [])
    if head:
        h = head[-1]
        # a news item (its heading names no kind of statement) may date its lead by the weekday
        news = kind == "news" or layout().kind_of(text[hs:stmt.heading_end]) is None
        on = (_described_day(stmt, h) or _on_date(stmt, h.iso, head) or _dateline_day(stmt, h.iso)
              or (_weekday_before(stmt, h.iso) or _day_before(stmt, h.iso) if news else None))
        return on if on is not None else (h.iso, h.start, h.end)
    # a preamble's dated line above the title ("Vienna, 4 May 2021" over "Statement by ..."), or one right below
    preamble = find_dates(text, stmt.start, hs) if stmt.title_start is not None else []
    below = preamble + [d for ls, le in below_heading(stmt) for d in find_dates(text, ls, le)]
    if below:
        return below[0].iso, below[0].start, below[0].end
    dateline = body_dateline(stmt)
    if dateline is not None and dateline.date is not None:
        return (_day_before(stmt, dateline.date[0]) if kind == "news" else None) or dateline.date
    return _undated(stmt, hs)


_REST_OF_LINE = re.compile(r"[^\n]*\n\s*")  # the rest of a line and the blank lines below it


def _described_day(stmt: Statement, h: DateHit) -> tuple[str, int, int] | None:
    """A video page's upload stamp ("1.2K views  Mar 5, 2031") dates the upload: the description's first sentence right
    below it, when it ends on a date at most a month before ("... delivered by ..., Geneva, 4 March 2031."), dates the
    statement."""
    text = stmt.context.text
    ls = text.rfind("\n", 0, h.start) + 1
    if not h.iso or not layout().upload_stamp.match(text[ls:h.start]):
        return None
    m = _REST_OF_LINE.match(text, h.end)
    if m is None or m.end() >= stmt.end:
        return None
    ds = m.end()
    de = min(x for x in (text.find("\n", ds), text.find(". ", ds), stmt.end) if x >= 0)
    found = find_dates(text, ds, de + 1)
    if not found or not found[-1].iso or text[found[-1].end:de + 1].strip(" .*_\n"):
        return None
    gap = (dt.date.fromisoformat(h.iso) - dt.date.fromisoformat(found[-1].iso)).days
    return (found[-1].iso, found[-1].start, found[-1].end) if 0 <= gap <= 31 else None


def _annex_date(stmt: Statement, hs: int) -> tuple[str | None, int | None, int | None] | None:
    """An annex's own day ("Annex to the letter dated 4 May 2031 ..." dates the letter, not the annex): the date of the
    covering letter's sentence presenting it ("the statement adopted on 28 April 2031 (see annex)"), else the annex's
    own heading dates other than the letter's; None when ``stmt`` is no annex."""
    text, lay = stmt.context.text, layout()
    if not lay.annex_heading.match(text[hs:stmt.heading_end].split("\n", 1)[0]):
        return None
    cover = stmt.parent
    if cover is not None:
        for ref in lay.annex_reference.finditer(text, cover.start, cover.end):
            bs = max(text.rfind(". ", cover.start, ref.start()), cover.start)
            found = find_dates(text, bs, ref.start())
            if found:
                return found[-1].iso, found[-1].start, found[-1].end
    own = [d for d in find_dates(text, hs, stmt.heading_end)
           if not lay.annex_letter_date.search(text[max(hs, d.start - 40):d.start])]
    return (own[-1].iso, own[-1].start, own[-1].end) if own else (None, None, None)


def _undated(stmt: Statement, hs: int) -> tuple[str | None, int | None, int | None]:
    """The day of a statement whose header gives no full date: a yearless date with the year the text names,
    a readout's "On May 6, ..." in the year of its listing, a footer's posting date, the listing date."""
    text = stmt.context.text
    lead = lead_sentence(stmt)[0]  # or its dateline: "MOSCOW, January 13. /TASS/."
    yearless = [d for d in find_dates(text, hs, stmt.heading_end, yearless=True) + find_dates(
        text, lead, min(stmt.end, lead + 40), yearless=True) if d.iso is None]
    year = (_issue_year(stmt) or _page_year(stmt)) if yearless else None
    if year is not None:  # "January 13, 12:17 UTC+3": the year the text speaks of
        d = yearless[-1]
        try:
            return dt.date(year, d.month, d.day).isoformat(), d.start, d.end
        except ValueError:
            pass
    # a readout: "On May 6, Foreign Minister ..." takes the year of the listing date
    if stmt.listing_date:
        bs, be = first_sentence(stmt)
        m = re.match(r"\s*On\s+", text[bs:be])
        if m:
            near = find_dates(text, bs, min(be, bs + 40), yearless=True)
            if near and near[0].start <= bs + m.end() + 1:
                d = near[0]
                year = int(stmt.listing_date[:4])
                iso = f"{year:04d}-{d.month:02d}-{d.day:02d}"
                if iso > stmt.listing_date:
                    iso = f"{year - 1:04d}-{d.month:02d}-{d.day:02d}"
                return iso, d.start, d.end
    posted = posted_footer(stmt) or posted_header(stmt)
    if posted is not None:
        return posted[0].iso, posted[0].start, posted[0].end
    signed = _signed_date(stmt)
    if signed is not None:
        return signed
    return stmt.listing_date, None, None


def _signed_date(stmt: Statement) -> tuple[str, int, int] | None:
    """The date a statement is signed off with, on a short line of its own below the text: "New York, 20 June
    2024", "20 June 2024"; the place before it is a few words at most."""
    text = stmt.context.text
    for ls, le in reversed(tail_lines(stmt, 8)):
        found = find_dates(text, ls, le)
        if len(found) == 1 and le - ls <= 60 and re.fullmatch(r"[\s*_]*(?:[A-Z][\w.’' -]{0,30},?\s*)?", text[ls:found[0].start]) \
                and not text[found[0].end:le].strip(" .*_"):
            return found[0].iso, found[0].start, found[0].end
    return None


_YEAR = re.compile(r"(?<![\d/.–—-])((?:19|20)\d{2})(?![\d/–—-]|\.\d)")

_WEEKDAY = re.compile(r"\b(?:on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


_MONTH_YEAR = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+((?:19|20)\d{2})\b")
# a year naming an event, not a time: "the 2031 Review Conference", "the 2030 Agenda"
_EVENT_YEAR = re.compile(r"(?<![\d/.–—-])(?:19|20)\d{2}[ \t]+[A-Z][a-z]")


def _issue_year(stmt: Statement) -> int | None:
    """The year of the page's own date above its first statement (a newsletter's "Issue 23 | May 2031", a
    masthead's "4 May 2031"): a yearless day in its text ("On 23 April, ...") is of that year."""
    if stmt.parent is not None or stmt.role not in ("main", "frame"):
        return None
    text = stmt.context.text
    top = text[:stmt.start]
    found = [int(d.iso[:4]) for d in find_dates(top) if d.iso] + [int(y) for y in _MONTH_YEAR.findall(top)]
    return found[-1] if found else None


def _page_year(stmt: Statement) -> int | None:
    """The year a statement's text names most (the latest of equals), ranges, symbols and events' years aside."""
    text = stmt.context.text
    events = {m.start() for m in _EVENT_YEAR.finditer(text, stmt.start, stmt.end)}
    years = [int(m.group(1)) for m in _YEAR.finditer(text, stmt.start, stmt.end) if m.start() not in events]
    if not years:
        return None
    return max(set(years), key=lambda y: (years.count(y), y))


def _weekday_before(stmt: Statement, stamp: str | None) -> tuple[str, int, int] | None:
    """A news lead's "A Chinese official Friday called on ...": the last such weekday on or before the day the
    item is dated (its heading gives the posting day)."""
    if not stamp:
        return None
    bs, be = lead_sentence(stmt)
    w = _WEEKDAY.search(stmt.context.text, bs, min(be, bs + 200))
    if w is None or find_dates(stmt.context.text, w.end(), w.end() + 20, yearless=True):
        return None  # "On Monday, April 29, ...": the date is written out
    posted = dt.date.fromisoformat(stamp)
    back = (posted.weekday() - _WEEKDAYS.index(w.group(1))) % 7
    return (posted - dt.timedelta(days=back)).isoformat(), w.start(1), w.end(1)


# the act a news item reports, placed the day before its dateline: "the debate held yesterday", "said yesterday"
_YESTERDAY = re.compile(r"\b(?:held|delivered|made|said|told|stated|spoke|addressed|took\s+place|convened|"
                        r"(?:at|during|in)\s+(?:a|the|its|his|her)\b[^.;\n]{0,200}?)\s+yesterday\b", re.I)
_TODAY = re.compile(r"\btoday\b", re.I)


def _day_before(stmt: Statement, stamp: str | None) -> tuple[str, int, int] | None:
    """A news item dated ``stamp`` (its dateline or posting day) whose first two paragraphs report the act as
    done "yesterday" ("at the open debate ..., held yesterday"): the day before; not when they say "today" first
    (the act is the day's own, "yesterday" some other event)."""
    if not stamp:
        return None
    text = stmt.context.text
    bs = lead_sentence(stmt)[0]
    end = bs
    for _ in range(2):
        nxt = text.find("\n\n", end + 1, stmt.end)
        end = stmt.end if nxt < 0 else nxt
    y = _YESTERDAY.search(text, bs, end)
    if y is None or _TODAY.search(text, bs, y.start()):
        return None
    day = dt.date.fromisoformat(stamp) - dt.timedelta(days=1)
    return day.isoformat(), y.end() - len("yesterday"), y.end()


def _on_date(stmt: Statement, stamp: str | None, head: list) -> tuple[str, int, int] | None:
    """A news item's own day, "On September 19, 2022 local time, ...", when its heading (dates ``head``) only
    carries the day it was posted (a bare date line, at most a week later)."""
    text = stmt.context.text
    if not stamp or not any(is_stamp_line(text, d.start) for d in head):
        return None
    bs, be = first_sentence(stmt)
    m = re.match(r"\s*On\s+", text[bs:be])
    near = find_dates(text, bs, min(be, bs + 40)) if m else []
    if near and near[0].iso and near[0].start <= bs + m.end() + 1:
        gap = (dt.date.fromisoformat(stamp) - dt.date.fromisoformat(near[0].iso)).days
        if 0 < gap <= 7:
            return near[0].iso, near[0].start, near[0].end
    return None


# a dateline that gives the day and month in figures after the weekday: "Jakarta, Monday (8/5) - ..."
_NUMERIC_DAY = re.compile(r"(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*)?\(?"
                          r"(?P<day>\d{1,2})/(?P<month>\d{1,2})\)?")


def _dateline_day(stmt: Statement, stamp: str | None) -> tuple[str, int, int] | None:
    """The day a body dateline gives in figures ("Jakarta, Monday (8/5) -", day first), in the year of the
    heading's posting date ``stamp`` and at most a month before it; its weekday, when given, must agree."""
    dateline = body_dateline(stmt)
    if not stamp or dateline is None or dateline.date is not None:
        return None
    text = stmt.context.text
    m = _NUMERIC_DAY.search(text, dateline.place.end, min(stmt.end, dateline.place.end + 30))
    if m is None or text[dateline.place.end:m.start()].strip(" ,") or m.group("wd") is None and "(" not in m.group():
        return None
    posted = dt.date.fromisoformat(stamp)
    try:
        day = dt.date(posted.year, int(m.group("month")), int(m.group("day")))
    except ValueError:
        return None
    if not 0 <= (posted - day).days <= 31 or (m.group("wd") and _WEEKDAYS[day.weekday()] != m.group("wd")):
        return None
    return day.isoformat(), m.start("day"), m.end("month")
