"""Dates written in English diplomatic prose: '3-4 June 2019', 'May 27, 2019', '05.06.2019'."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DateHit", "find_dates", "parse_listing_date", "MONTHS"]

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
]
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
    if year is None:
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


def parse_listing_date(text: str) -> str | None:
    hits = find_dates(text)
    return hits[0].iso if hits else None
