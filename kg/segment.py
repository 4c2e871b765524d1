"""A document's text to its statements: a main text, dated listing items; chrome left out.

A statement is a span ``[start, end)`` of the document text with a heading
``[start, heading_end)``. Page chrome (clocks, phone numbers, banners, letterheads,
"all messages") lies outside every statement.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.dates import find_dates, parse_listing_date
from kg.gazetteer import is_caps_line, lexicon
from kg.layout import Layout, layout
from kg.model import Statement
from kg.turns import split_parts

__all__ = ["Segment", "segment", "is_sentence", "chrome_spans"]


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    heading_end: int
    listing_date: str | None
    role: str = "main"  # main | item | turn | frame (a heading that only frames turns: not a statement)
    parent: int | None = None  # index of the segment a turn belongs to, or of the page's first headed statement
    title_start: int | None = None  # where the heading's title line begins, when title lines of a preamble precede it


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str


def chrome_spans(stmt: Statement) -> list[tuple[int, int]]:
    """The spans of the statement's lines that are page chrome (a menu, a breadcrumb, a share bar, a list of links
    or a contact block left inside its span): no name read there is one the statement names. Worked out once per
    statement."""
    if "chrome_spans" not in stmt.cache:
        stmt.cache["chrome_spans"] = _chrome_spans(stmt.context.text, stmt.start, stmt.end)
    return stmt.cache["chrome_spans"]


def _chrome_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lay = layout()
    lines = [_Line(start + ln.start, start + ln.end, ln.text) for ln in _lines(text[start:end])]
    blank = [not ln.text.strip() for ln in lines]
    chrome = _link_lists(lines, blank, [(not b) and lay.is_chrome(ln.text) for ln, b in zip(lines, blank)], lay)
    return [(ln.start, ln.end) for ln, c in zip(lines, chrome) if c]


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


_SPACED = re.compile(r"^[\s*_]*(?:[A-Z] ){3,}[A-Z][\s*_]*$")


def _is_heading(line: str, lay: Layout) -> bool:
    s = line.strip(" *_#\t")
    if not s or len(s) > 700:
        return False
    if _SPACED.match(line):
        return True
    label = re.match(r"^[A-Z][\w .’'-]{0,40}:\s+", s)
    if label and not (_title_like(s) and lay.kind_of(" ".join(s[label.end():].split()[:3]))):
        return False  # "Brazil: Thank you, Mr. Chair" is a turn of a transcript, not a heading ("Ruritania: Position
        # paper on ..." is one)
    if re.search(r"[^\W\d]-$", s):
        return False  # "2. The Group recalls that the reports of the Group of Govern-": a paragraph's line, broken
    if s[:1].islower():
        return False  # "progress report, which ...": the wrapped line of a paragraph, not a title
    if lay.site_section.match(s):
        return False  # "Meetings Coverage and Press Releases": the site's, not a statement's
    if is_sentence(s) and not lay.kind_of(" ".join(s.split()[:4])):
        return False  # "The following is the text of a joint statement by ...": a sentence of prose, its kind far in
    head = " ".join(s.split()[:10])
    tail = re.split(r"\s[-–—|]\s", s)[-1]  # "HRC60 - Dialogue with the Special Rapporteur on ... - EU Statement"
    return bool(lay.kind_of(head)) or (tail != s and len(tail.split()) <= 5 and bool(lay.kind_of(tail)))


def _is_page_heading(lines: list[_Line], blank: list[bool], i: int, lay: Layout) -> bool:
    """A heading further down a page: a title-like line set off by blank lines, naming a statement kind
    among its first words ("Right of reply by ...", "Foreign Minister Sergey Lavrov’s remarks at ...")."""
    text = lines[i].text
    if blank[i] or i == 0 or len(text) >= 250 and not lay.annex_heading.match(text):
        return False  # (a paragraph's line: every reading below wants a title's length, but a wrapped annex heading)
    return _heads_here(lines, blank, i, lay) and not _translation_above(lines, blank, i, lay)


def _heads_here(lines: list[_Line], blank: list[bool], i: int, lay: Layout) -> bool:
    """Whether line ``i`` (neither blank nor the first) reads as a heading where it stands; ``_is_page_heading``."""
    text = lines[i].text
    if lay.annex_heading.match(text) and blank[i - 1] and _header_block_below(lines, blank, i):
        return True  # "Annex to the letter dated ... from the Permanent Representative of" / "Ruritania to the ..."
    if blank[i - 1] and _title_like(text) and _record_below(lines, blank, i, lay):
        return True  # a record's title over its header ("Question for the Ministry of ..." / "UIN 4711, tabled on ...")
    if blank[i - 1] and _title_like(text) and i + 1 < len(lines) and lay.speaker_cue.match(lines[i + 1].text) and \
            _set_off_below(lines, blank, i, lay):
        return True  # a title over its byline and date ("Agenda item 7: ..." / "Delivered by Ms. ..." / "4 May 2031")
    if _below_rule(lines, blank, i, lay) and lay.bulletin_section.fullmatch(text) and i + 1 < len(lines) and \
            not blank[i + 1]:
        return True  # a newsletter's "UPCOMING" over its next item
    if _below_rule(lines, blank, i, lay):  # a rule drawn above it ("* * *", "———"): its header block may run longer
        if not _header_block_below(lines, blank, i):
            return False
    elif not (blank[i - 1] or _dated_above(lines, blank, i)) or not _set_off_below(lines, blank, i, lay):
        return False
    label = re.match(r"^([A-Z][\w .’'-]{0,40}):\s", text.strip(" *_"))
    if not _title_like(text) or label and not lay.kind_of(label.group(1)) or len(text.split()) < 3:
        return False  # ("Brazil: We support ..." is a turn, "Explanation of vote: draft L.5" a heading; two words are
        # a section's label: "Opening Remarks")
    return bool(lay.kind_of(" ".join(text.split()[:8])))


def _translation_above(lines: list[_Line], blank: list[bool], i: int, lay: Layout) -> bool:
    """Whether a translation's label ("English version") stands above line ``i`` with at most two short title lines
    between: line ``i`` heads the translation of the statement above, no statement of its own."""
    seen, k = 0, i - 1
    while k >= 0 and seen <= 2:
        if not blank[k]:
            if lay.translation_label.match(lines[k].text):
                return True
            if not _title_like(lines[k].text):
                return False
            seen += 1
        k -= 1
    return False


def _record_below(lines: list[_Line], blank: list[bool], i: int, lay: Layout) -> bool:
    """Whether one of the two lines right under line ``i`` (no blank line between) is a parliamentary record's header
    line (``record_header``): line ``i`` is the record's title."""
    for j in (i + 1, i + 2):
        if j >= len(lines) or blank[j]:
            return False
        if lay.record_header.match(lines[j].text):
            return True
    return False


def _dated_above(lines: list[_Line], blank: list[bool], i: int) -> bool:
    """Whether line ``i`` has a date of its own right above it, set off by a blank line above that: the posting stamp
    of a listing's next item ("4 May 2031, 10:15" then "Comment of the Spokesperson on ...")."""
    return i >= 1 and not blank[i] and not blank[i - 1] and (i == 1 or blank[i - 2]) and \
        (_is_bare_date(lines[i - 1].text) or _is_dateline(lines[i - 1].text)) and len(lines[i - 1].text.split()) <= 8


def _below_rule(lines: list[_Line], blank: list[bool], i: int, lay: Layout) -> bool:
    """Whether the nearest line above line ``i`` that is not blank is a rule ("* * *", "————", "____")."""
    k = i - 1
    while k >= 0 and blank[k]:
        k -= 1
    return k >= 0 and lay.rule_line.match(lines[k].text) is not None


def _header_block_below(lines: list[_Line], blank: list[bool], i: int, most: int = 6) -> bool:
    """Whether a blank line (or the page's end) follows line ``i`` after at most ``most`` short title-like lines, no
    sentence among them: the speaker's rank, the meeting, the agenda item, a date ("Minister Counsellor, Mission of X /
    Third Committee, item 4 / 4 May 2031")."""
    for j in range(i + 1, min(i + most + 2, len(lines) + 1)):
        if j == len(lines) or blank[j]:
            return True
        t = lines[j].text.strip(" *_\t")
        if j == i + most + 1 or len(t) >= 160 or not _title_like(t) or is_sentence(t):
            return False
    return True


def _set_off_below(lines: list[_Line], blank: list[bool], i: int, lay: Layout) -> bool:
    """Whether a blank line (or the page's end) follows line ``i``, or follows a short block of at most two
    header lines under it: a place and date ("New York, 4 May 2031"), a byline ("delivered by ..."); or a block of
    up to five header fields ("Date: 3 May 2031 / Type: Statement / Audience: First Committee")."""
    fields = 0
    for j in range(i + 1, min(i + 7, len(lines))):
        if blank[j]:
            return True
        t = lines[j].text.strip(" *_\t")
        if lay.header_field.match(t) and fields == j - i - 1:
            fields += 1
            continue
        if j >= i + 3 or not (_is_dateline(t) or _is_bare_date(t) or re.match(r"(?i)(?:delivered\s+|presented\s+)?by\s", t)) \
                or len(t) >= 120:
            return False
    return True


def _is_bare_date(line: str) -> bool:
    s = line.strip(" *_()\t")
    if len(s) > 40 or not any(c.isdigit() for c in s[:12]):
        return False  # a date alone on its line is short and opens with a number or a month's short name
    hits = find_dates(s)
    return len(hits) == 1 and hits[0].start <= 1 and hits[0].end >= len(s) - 1


_UI_AFTER = re.compile(r"\s+(?:adjust\s+font\s+size|font\s+size|text\s+size|print(?:\s+version)?|share|e-?mail|"
                       r"listen)\s*:?\s*$", re.I)


def _is_dateline(line: str) -> bool:
    """'New York, 13 December 2021', '(London, 31 March 2019)', 'Published 10 March 2022': a short line
    ending with a date."""
    s = line.strip(" *_()\t")
    fields = re.split(r"\s+\|\s+", s)
    if 1 < len(fields) <= 5 and len(s) <= 200:  # "Ministry | Release No. 12 | Lima, 4 May 2031": one field is the dateline
        return any(_is_dateline(f) for f in fields)
    if not s or len(s) > 80:
        return False
    s = _UI_AFTER.sub("", s)  # "Xinhua, October 10, 2015 Adjust font size:"
    s = re.sub(r"[,;]?\s*(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:a\.\s?m\.|p\.\s?m\.|am|pm|h)?$", "", s) \
        if re.search(r"\d\s*(?:a\.\s?m\.|p\.\s?m\.|am|pm|h|:\d{2})$", s, re.I) else s  # "…, 10 a.m."
    hits = find_dates(s)
    if hits and hits[-1].end >= len(s) - 1:
        return True
    # "Friday, June 2, 2023, 4:32 p.m. Ministry of Foreign Affairs": a date opening a short line of a few words
    return bool(hits) and hits[0].start <= 20 and len(s.split()) <= 12 and s[-1:] not in ".!?"


def segment(text: str, lay: Layout | None = None) -> list[Segment]:
    """Split ``text`` into statements (see the module docstring)."""
    lay = lay or layout()
    lines = _lines(text)
    blank = [not ln.text.strip() for ln in lines]
    chrome = _link_lists(lines, blank, [(not blank[i]) and lay.is_chrome(ln.text) for i, ln in enumerate(lines)], lay)
    known = {ln.text: c for ln, c, b in zip(lines, chrome, blank) if not b}

    def chrome_of(line: str) -> bool:  # the lines read again for speakers' turns: looked up, not matched again
        c = known.get(line)
        return lay.is_chrome(line) if c is None else c
    items = [i for i, ln in enumerate(lines) if _is_item(ln.text, lay)]

    starts: list[tuple[int, str | None]] = []  # (line index, listing date)
    head_override = None  # the last line of the main statement's heading, when it runs over two headings
    first_item = items[0] if items else len(lines)
    pre = [i for i in range(first_item) if not blank[i] and not chrome[i]]
    main = _main_start(lines, chrome, pre, lay)
    preamble = None  # the first line of the title lines above the main heading
    if main is not None and _is_heading(lines[main].text, lay):
        preamble = _preamble_start(lines, blank, chrome, main, lay)
    if main is not None:
        starts.append((main, None))
        # further headed statements on the same page ("Explanation of vote by ..." then "Right of reply by ...")
        main_last = _heading_end(lines, blank, chrome, main, first_item, lay)
        heads = [i - 1 if _dated_above(lines, blank, i) else i for i in range(main + 1, first_item)
                 if not chrome[i] and _is_page_heading(lines, blank, i, lay) and i > main_last + 1]
        while heads and not any(not blank[j] and not chrome[j] and not _header_line(lines[j].text)
                                for j in range((main_last if head_override is None else head_override) + 1, heads[0])):
            # a heading right under the page's own ("SG/SM/20847 / 29 June 2021" then "Secretary-General's
            # Remarks to ...", "EU Statement – ... / New York, 29/06/2021, ID: 2106 / Statements on behalf of
            # the EU" then "29 June 2021, New York – Statement by ..."), and its subtitle right under it ("Joint
            # statement of the Group ahead of ..."): one heading, not statements without words
            head_override = _heading_end(lines, blank, chrome, heads.pop(0), heads[0] if heads else first_item, lay)
        starts += [(i, None) for i in _worded(heads, lines, blank, chrome)]
    for i in items:
        m = lay.listing.match(lines[i].text)
        starts.append((i, parse_listing_date(m.group("date")) if m else None))

    segments: list[Segment] = []
    page = None  # the index of the page's first headed statement
    for n, (i, listed) in enumerate(starts):
        stop = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        body = [j for j in range(i, stop) if not blank[j] and not chrome[j]]
        if not body:
            continue
        last = body[-1]
        head_last = _heading_end(lines, blank, chrome, i, stop, lay) if n or head_override is None else head_override
        start = lines[i].start + (len(lines[i].text) - len(lines[i].text.lstrip()))
        title_start = None
        if n == 0 and preamble is not None and preamble < i:
            title_start, start = start, lines[preamble].start + (len(lines[preamble].text) - len(lines[preamble].text.lstrip()))
        end = lines[last].start + len(lines[last].text.rstrip())
        head_end = min(end, lines[head_last].start + len(lines[head_last].text.rstrip()))
        if listed is not None:
            segments.append(Segment(start, end, head_end, listed, "item"))
            continue
        main_end, parts = split_parts(text, start, head_end, end, lay, chrome_of)
        if main_end is None and n == 0 and title_start is None:
            # a heading that only frames turns takes in the masthead above it, past the page chrome between
            # ("Fourth Committee / 7th meeting / Monday, 3 May 2031" over a record's turns): the meeting they share
            top = next((k for k in range(i) if not blank[k] and not chrome[k]), None)
            if top is not None:
                title_start, start = start, lines[top].start + (len(lines[top].text) - len(lines[top].text.lstrip()))
        here = len(segments)
        page = here if page is None else page  # a later headed statement takes what it leaves unsaid from the first
        segments.append(Segment(start, head_end if main_end is None else main_end, head_end, None,
                                "frame" if main_end is None else "main", None if page == here else page, title_start))
        segments += [Segment(p.start, p.end, p.heading_end, None, p.role, here) for p in parts]
    return segments


def _main_start(lines: list[_Line], chrome: list[bool], pre: list[int], lay: Layout) -> int | None:
    """The line the page's main statement starts at, among the lines ``pre`` above any listing: its heading; else a
    paragraph before any heading; else the first line that is more than a bare date (a page's own date) from the
    first line of text on."""
    edge = [c and not lay.is_inline_chrome(lines[i].text) for i, c in enumerate(chrome)]  # the chrome that tops a page
    for i in pre:
        if _is_heading(lines[i].text, lay):
            return i
        if len(lines[i].text.strip()) >= 200:  # a paragraph before any heading: the text starts there
            return _below_chrome(pre, edge, i)
    prose = [i for i in pre if _is_text(lines[i].text)]
    if not prose:
        return None
    first = _below_chrome(pre, edge, prose[0])
    return next((i for i in pre if i >= first and not _is_bare_date(lines[i].text)), first)


def _worded(heads: list[int], lines: list[_Line], blank: list[bool], chrome: list[bool]) -> list[int]:
    """``heads`` but those right under another with no text between ("Annex to the letter dated ..." then
    "Declaration of the Ministers on ..."): the second is the first's title, not a statement without words."""
    kept: list[int] = []
    for i in heads:
        if kept and not any(not blank[j] and not chrome[j] and not _header_line(lines[j].text)
                            for j in range(kept[-1] + 1, i)):
            continue
        kept.append(i)
    return kept


def _link_lists(lines: list[_Line], blank: list[bool], chrome: list[bool], lay: Layout) -> list[bool]:
    """``chrome`` with the lists of links to other pages marked too: a label ("Related content", "Read more")
    and the lines right under it that are no text of their own (titles of other pages); a contact block alike
    (a label such as "Press contacts", then names, offices and numbers)."""
    out = list(chrome)
    for i, ln in enumerate(lines):
        if blank[i] or not (lay.link_list_label.match(ln.text) or lay.contact_label.match(ln.text)):
            continue
        out[i] = True
        j = i + 1
        # (a page's title or a contact line may be long: a sentence or a paragraph ends the list)
        while j < len(lines) and not blank[j] and not lay.listing.match(lines[j].text) and \
                (chrome[j] or not (is_sentence(lines[j].text) or len(lines[j].text.strip()) >= 200)):
            out[j] = True
            j += 1
    return _comment_thread(lines, blank, _footers(lines, blank, out, lay), lay)


def _comment_thread(lines: list[_Line], blank: list[bool], chrome: list[bool], lay: Layout) -> list[bool]:
    """``chrome`` with a page's comment threads marked: each head (``comment_thread``: "Comments (4)", "Most
    relevant") and every line below it to the page's end or the next item of a listing."""
    out, thread = list(chrome), False
    for i, ln in enumerate(lines):
        if thread and lay.listing.match(ln.text):
            thread = False
        elif not thread and not blank[i] and lay.comment_thread_words.search(ln.text) \
                and lay.comment_thread.match(ln.text):
            thread = True
        out[i] = out[i] or thread
    return out


_FOOTER_WORDS = 6  # a footer's link is a few words


def _footers(lines: list[_Line], blank: list[bool], chrome: list[bool], lay: Layout) -> list[bool]:
    """``chrome`` with a site's footer blocks marked: runs of short lines, no sentence among them, one of them a
    footer's link ("Privacy Policy", "Accessibility Statement")."""
    out, i = list(chrome), 0
    while i < len(lines):
        j = i
        while j < len(lines) and not blank[j]:
            j += 1
        block = range(i, j)
        if len(block) >= 2 and any(lay.footer_link.match(lines[k].text) for k in block) and all(
                chrome[k] or (len(lines[k].text.split()) <= _FOOTER_WORDS and not re.search(r"[.!?,;]\s*$", lines[k].text))
                for k in block):
            for k in block:
                out[k] = True
        i = j + 1
    return out


def _is_item(line: str, lay: Layout) -> bool:
    """A dated item of a listing ("05.06.2019 - Article ..."), not a date and a format label under a title
    ("2031-03-04 – Speech", "12.05.2031 | Press release"): an item has a title of its own."""
    m = lay.listing.match(line)
    if m is None:
        return False
    rest = line[m.end():].strip(" *_")
    # (nor a date and a place: "15 December 2031 | Geneva" is a byline's dateline; nor a date and one word, a format
    # label in any language: "04.11.2031 - Artikel")
    return not (len(rest.split()) <= 2 and lay.kind_of(rest)) and not _a_place(rest) and \
        not re.fullmatch(r"[^\W\d]+", rest)


def _a_place(text: str) -> bool:
    """Whether ``text`` is only the name of a city or state the gazetteer knows ("Geneva", "New York, USA")."""
    names = [n.strip() for n in text.split(",")]
    return 0 < len(names) <= 2 and all(any(f.entity is not None and f.entity.kind in ("Place", "State")
                                           for f in lexicon().lookup(n)) for n in names)


def _header_line(line: str) -> bool:
    """A line between two headings that is no text of its own: a label ("New York", "Location: Geneva"), a
    date and place, a category, an ID."""
    return not _is_text(line)


def _is_text(line: str) -> bool:
    """A line of text of its own: a sentence, or a paragraph's length."""
    return len(line.strip()) >= 80 or is_sentence(line)


def is_sentence(line: str) -> bool:
    """A line of prose, however short: eight words or more ending as a sentence ends."""
    s = line.strip(" *_\t").rstrip("\"”’')»")  # (a quotation's last sentence ends inside its closing mark)
    return len(s.split()) >= 8 and s[-1:] in ".!?"


def _below_chrome(pre: list[int], chrome: list[bool], i: int) -> int:
    """The first line of text above line ``i`` (of ``pre``, the non-chrome lines): below the last chrome
    line above it (a ticker, a breadcrumb: a label above them is chrome too), else the page's first."""
    last_chrome = max((c for c in range(i) if chrome[c]), default=None)
    return pre[0] if last_chrome is None else next(k for k in pre if k > last_chrome)


def _preamble_start(lines: list[_Line], blank: list[bool], chrome: list[bool], main: int, lay: Layout) -> int:
    """Where a statement's header begins: the title lines right above its heading line that name the
    forum, session or topic ("Open-ended Working Group on ... / Third substantive session / Statement by
    ..."), up to four, each of three words or more (a one- or two-word line above is a menu or a label)."""
    first, taken, k = main, 0, main - 1
    while k >= 0 and taken < 4:
        if blank[k]:
            k -= 1
            continue
        t = lines[k].text.strip(" *_#\t")
        if chrome[k] or len(t) >= 200 or re.search(r"[.!?;,]$", t) or len(t.split()) < 3 or lay.letterhead.match(t):
            break
        first, taken, k = k, taken + 1, k - 1
    return first


def _heading_end(lines: list[_Line], blank: list[bool], chrome: list[bool], i: int, stop: int, lay: Layout) -> int:
    """Index of the heading's last line: the heading line; the lines right below it that read like
    more of a title (up to three, each starting with a capital, none ending a sentence: "Statement by
    India / Open-ended Working Group on ICTs / Fourth Session, New York, 7 March 2023"); the all-caps
    or "BY ..." blocks below a bare heading word ("S T A T E M E N T"); a place-and-date line after it."""
    last = i
    j = i + 1
    while j < stop and j - i <= 3 and not blank[j] and not chrome[j] and _title_like(lines[j - 1].text) \
            and re.match(r"[\s*_]*[A-Z0-9(“\"]", lines[j].text) and len(lines[j].text) < 250:
        last = j
        j += 1
    bare = len(lines[i].text.strip(" *_")) < 40 or _SPACED.match(lines[i].text)
    while j < stop:
        if not blank[j] and _is_dateline(lines[j].text):  # a date stamp may look like chrome ("1595-03-08-2022")
            return _byline_below(lines, blank, chrome, j, stop)
        if blank[j] or chrome[j]:
            j += 1
            continue
        t = lines[j].text.strip(" *_")
        if re.match(r"(?i)(?:from|by|source|location|place|date)\s*:", t) and len(t) < 200:
            last = j  # a page's byline block ("From: Foreign, Commonwealth & Development Office")
            j += 1
            continue
        if bare and (is_caps_line(t, least=4) or re.match(r"(?i)by\b", t)):
            last = j
            j += 1
            continue
        return _byline_end(lines, blank, chrome, j, stop, last, lay, bool(bare))
    return last


def _byline_below(lines: list[_Line], blank: list[bool], chrome: list[bool], j: int, stop: int) -> int:
    """Line ``j`` (a heading's dateline), or the byline right under it that says who delivered the statement or
    when ("2031-05-04 – Speech" then "Delivered by Ambassador ...", "Published 5 May 2031" then "Delivered on: 4 May
    2031")."""
    k = next((k for k in range(j + 1, stop) if not blank[k] and not chrome[k]), None)
    if k is not None and k - j <= 2 and len(lines[k].text) < 250 and \
            re.match(r"(?i)[\s*_\[]*(?:delivered|presented|read out)\s+(?:by|on)\b", lines[k].text):
        return k
    return j


def _byline_end(lines: list[_Line], blank: list[bool], chrome: list[bool], j: int, stop: int, last: int,
                lay: Layout, bare: bool = False) -> int:
    """The last line of a byline block that starts at line ``j``: short title-like lines, blank lines
    allowed between them (a centred header), that end in a date ("Michele Markoff / Acting Coordinator /
    Office of ... / Washington, D.C. / March 12, 2021") or right above the speech's salutation ("Mr. Atul
    Gotsurve / Joint Secretary" then "Mr. Chair,"); a second date a few lines further down (the delivery
    date below a posting date) belongs to the block too. Below a ``bare`` heading (a kind word, a date: "04 Oct
    2023 | Statement") up to three title lines before the prose are the real title. Else ``last``."""
    seen, found, budget, prev = 0, None, 9, last
    while j < stop and seen < budget:
        if blank[j] or chrome[j]:
            j += 1
            continue
        t = lines[j].text
        if lay.is_salutation(t):
            return prev if found is None and seen <= 5 else (found if found is not None else last)
        dated = _is_dateline(t) or _is_bare_date(t)
        if not dated and (len(t.strip()) >= 200 or not _title_like(t)):
            if found is None and bare and 0 < seen <= 3:
                return prev
            break
        seen += 1
        if dated:
            budget = seen + 4 if found is None else budget  # a second date only a few lines further down
            found = j
        prev = j
        j += 1
    return last if found is None else found


_ABBREVIATION_END = re.compile(r"(?:(?<!\w)[A-Z]\.|(?<!\w)(?:Jr|Sr|St|Inc|Ltd|Co|Mr|Mrs|Ms|Dr|Amb|Gov)\.)$")


def _title_like(line: str) -> bool:
    """A line that reads like a title or a byline: short, not ending a sentence ("Washington, D.C." ends
    with an abbreviation, not a sentence)."""
    s = line.strip(" *_\t")
    return bool(s) and len(s) < 250 and not (re.search(r"[.!?:;][\"”’')»]*$", s) and not _ABBREVIATION_END.search(s))
