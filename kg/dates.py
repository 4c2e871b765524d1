"""Dates written in English diplomatic prose: '3-4 June 2019', 'May 27, 2019', '05.06.2019'."""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

__all__ = ["DateHit", "find_dates", "parse_listing_date", "date_follows", "MONTHS"]

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_RANGE = r"(?:\s*[-–—]\s*\d{1,2})?"
_MON2 = _MON.replace("?P<mon>", "?:")
_PATTERNS = [
    # ranges over two months take their first day: "29 April - 10 May 2019", "April 29 - May 10, 2019"
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r"\s*[-–—]\s*\d{1,2}(?:st|nd|rd|th)?\s+" + _MON2 +
               r",?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b" + _MON + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*[-–—]\s*" + _MON2 + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+"
               r"(?P<year>\d{4})\b", re.I),
    # 3-4 June 2019, 13 December 2021
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?" + _RANGE + r"\s+(?:of\s+)?" + _MON + r",?\s+(?P<year>\d{4})\b", re.I),
    # May 27, 2019; September 4 2019; April 29 - May 10 handled by the first day
    re.compile(r"\b" + _MON + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?" + _RANGE + r",?\s+(?P<year>\d{4})\b", re.I),
    # 05.06.2019 (day first, as on European sites)
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})\b"),
    # 2019-06-05
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    # 2019.06.05, 2019/06/05, "2019. 6. 5." (year first: always year, month, day, as East Asian sites write it)
    re.compile(r"(?<![\d.])\b(?P<year>(?:19|20)\d{2})(?:\.[ \t]?|/)(?P<mnum>\d{1,2})(?:\.[ \t]?|/)(?P<day>\d{1,2})\b"
               r"(?![.,]?\d)"),
    # 05-06-2019 (day first, as dotted dates)
    re.compile(r"\b(?P<day>\d{1,2})-(?P<mnum>\d{1,2})-(?P<year>\d{4})\b"),
]
# 10/13/2021, 6/10/2023: which number is the month follows the site's convention (see _slash_order)
_SLASHED = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})\b")
_MONTH_FIRST = re.compile(r"\b" + _MON2 + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b", re.I)
_DAY_FIRST = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON2 + r",?\s+\d{4}\b", re.I)
# day and month without a year: "On May 6, ...", "on 6 May"
_NO_YEAR = [
    re.compile(r"\b" + _MON + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{4})", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"\b(?!\s*,?\s*\d{4})", re.I),
]


@dataclass(frozen=True, slots=True)
class DateHit:
    start: int
    end: int
    iso: str | None  # None when the year is unknown
    month: int
    day: int


def _make(year: int | None, month: int, day: int) -> str | None:
    if year is None or not 1900 <= year <= 2100:  # "1595-03-08" in a page counter is no date
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(m: re.Match) -> int:
    if m.groupdict().get("mnum"):
        return int(m.group("mnum"))
    return MONTHS[m.group("mon").lower().rstrip(".")[:4] if m.group("mon").lower().startswith("sept")
                  else m.group("mon").lower().rstrip(".")[:3]]


def find_dates(text: str, start: int = 0, end: int | None = None, *, yearless: bool = False) -> list[DateHit]:
    """Full dates in ``text[start:end]`` in order (with ``yearless``, also day-month dates)."""
    end = len(text) if end is None else end
    seg = text[start:end]
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    for pat in _PATTERNS:
        for m in pat.finditer(seg):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            month, day = _month(m), int(m.group("day"))
            iso = _make(int(m.group("year")), month, day)
            if iso:
                hits.append(DateHit(start + m.start(), start + m.end(), iso, month, day))
                taken.append((m.start(), m.end()))
    for m in _SLASHED.finditer(seg) if "/" in seg else ():
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        a, b = int(m.group("a")), int(m.group("b"))
        order = "dmy" if a > 12 else "mdy" if b > 12 else _slash_order(text)
        iso = None if order is None else _make(int(m.group("year")), *((b, a) if order == "dmy" else (a, b)))
        if iso:
            hits.append(DateHit(start + m.start(), start + m.end(), iso, int(iso[5:7]), int(iso[8:])))
            taken.append((m.start(), m.end()))
    if yearless:
        for pat in _NO_YEAR:
            for m in pat.finditer(seg):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                month, day = _month(m), int(m.group("day"))
                if 1 <= day <= 31:
                    hits.append(DateHit(start + m.start(), start + m.end(), None, month, day))
                    taken.append((m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


@functools.lru_cache(maxsize=8)
def _slash_order(text: str) -> str | None:
    """How the site writes day and month in slashed dates: as an unambiguous slashed date on the page
    shows ("10/13/2021" is month first), else as its written dates do ("October 6, 2023": month first;
    "6 October 2023": day first); None when the page does not tell."""
    for m in _SLASHED.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a > 12 or b > 12:
            return "dmy" if a > 12 else "mdy"
    month_first, day_first = len(_MONTH_FIRST.findall(text)), len(_DAY_FIRST.findall(text))
    if month_first == day_first:
        return None
    return "mdy" if month_first > day_first else "dmy"


def parse_listing_date(text: str) -> str | None:
    hits = find_dates(text)
    return hits[0].iso if hits else None


# a date right after a name, as a dateline writes it: "Moscow, May 27, 2019", "Singapore, 4 May 2022", "(London, 31 March"
_DATE_AFTER = re.compile(r",?\s*\(?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|\d{1,2}\b|" + _MON2 + r"\s+\d{1,2}\b)")


def date_follows(text: str, pos: int) -> bool:
    """Whether a date follows ``text[pos:]`` (after a comma): the name before it is a dateline's place."""
    return _DATE_AFTER.match(text, pos, pos + 30) is not None
