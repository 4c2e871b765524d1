"""What every reader of a statement's header needs: where the heading's title begins, the body's first
sentence (after any greeting), a news dateline opening the body, and how many kinds of statement a text
names."""
from __future__ import annotations

import re
from typing import NamedTuple

from kg.dates import find_dates
from kg.extract.common import lex, once, sentence_bounds
from kg.extract.lead import lead_sentence
from kg.iris import slug
from kg.model import Entity, Mention, Statement
from kg.segment import layout

__all__ = ["KIND_AFTER", "LOOKBACK", "Dateline", "head_start", "first_sentence", "body_dateline", "new_place",
           "section_kind", "kind_words", "lookback"]

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
    for _ in range(4):
        while pos < stmt.end and text[pos].isspace():
            pos += 1
        bs, be = sentence_bounds(text, pos, pos, stmt.end)
        nl = text.find("\n", pos, be)
        first = text[pos:nl if nl >= 0 else be]
        if not layout().is_salutation(first):
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
