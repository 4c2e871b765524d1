"""When a statement was made: the heading's date (the delivery date below a posting date), a news
item's own day ("On September 19, ...", "A senior diplomat Friday urged ..."), a body dateline, a
yearless date with the year the text names, a readout's day, the listing date as a fallback."""
from __future__ import annotations

import datetime as dt
import re

from kg.dates import find_dates
from kg.extract.header import body_dateline, first_sentence
from kg.extract.lead import lead_sentence
from kg.model import Statement
from kg.segment import layout

__all__ = ["statement_date"]


def statement_date(stmt: Statement, hs: int, kind: str) -> tuple[str | None, int | None, int | None]:
    """The day the statement was made (ISO) and the span it was read from; the heading starts at ``hs``."""
    text = stmt.context.text
    # the heading's dates, else those of the title lines above it ("First Committee – Cluster 5 / Thursday, 4 May 2031")
    head = find_dates(text, hs, stmt.heading_end) or (find_dates(text, stmt.start, hs) if stmt.title_start else [])
    if head:
        h = head[-1]
        # a news item (its heading names no kind of statement) may date its lead by the weekday
        news = kind == "news" or layout().kind_of(text[hs:stmt.heading_end]) is None
        on = _on_date(stmt, h.iso, head) or (_weekday_before(stmt, h.iso) if news else None)
        return on if on is not None else (h.iso, h.start, h.end)
    dateline = body_dateline(stmt)
    if dateline is not None and dateline.date is not None:
        return dateline.date
    lead = lead_sentence(stmt)[0]  # or its dateline: "MOSCOW, January 13. /TASS/."
    yearless = [d for d in find_dates(text, hs, stmt.heading_end, yearless=True) + find_dates(
        text, lead, min(stmt.end, lead + 40), yearless=True) if d.iso is None]
    year = _page_year(stmt) if yearless else None
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
        return stmt.listing_date, None, None
    return None, None, None


_YEAR = re.compile(r"(?<![\d/.–—-])((?:19|20)\d{2})(?![\d/–—-]|\.\d)")

_WEEKDAY = re.compile(r"\b(?:on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _page_year(stmt: Statement) -> int | None:
    """The year a statement's text names most (the latest of equals), ranges and symbols aside."""
    years = [int(y) for y in _YEAR.findall(stmt.context.text, stmt.start, stmt.end)]
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


def _on_date(stmt: Statement, stamp: str | None, head: list) -> tuple[str, int, int] | None:
    """A news item's own day, "On September 19, 2022 local time, ...", when its heading (dates ``head``) only
    carries the day it was posted (a bare date line, at most a week later)."""
    text = stmt.context.text
    if not stamp or not any(_is_bare_date_line(text, d.start) for d in head):
        return None
    bs, be = first_sentence(stmt)
    m = re.match(r"\s*On\s+", text[bs:be])
    near = find_dates(text, bs, min(be, bs + 40)) if m else []
    if near and near[0].iso and near[0].start <= bs + m.end() + 1:
        gap = (dt.date.fromisoformat(stamp) - dt.date.fromisoformat(near[0].iso)).days
        if 0 < gap <= 7:
            return near[0].iso, near[0].start, near[0].end
    return None


def _is_bare_date_line(text: str, pos: int) -> bool:
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    line = text[ls:le if le >= 0 else len(text)]
    return bool(re.fullmatch(r"[\s*_]*[\d./: -]+[\s*_]*", line))
