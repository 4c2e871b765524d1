"""What every reader of a statement's header needs: where the heading's title begins, the body's first
sentence (after any greeting), a news dateline opening the body, and how many kinds of statement a text
names."""
from __future__ import annotations

import re

from kg.dates import find_dates
from kg.extract.common import lex, once, sentence_bounds
from kg.model import Mention, Statement
from kg.segment import layout

__all__ = ["KIND_AFTER", "LOOKBACK", "head_start", "first_sentence", "body_dateline", "kind_words", "lookback"]

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


def body_dateline(stmt: Statement) -> tuple[Mention | None, tuple[str, int, int] | None]:
    """A dateline opening the body, as news items write it: "MOSCOW, March 3, 2022 (TASS) – ...",
    "BEIJING, May 4 (Xinhua) -- ..."."""
    text = stmt.context.text
    bs, _ = first_sentence(stmt)
    head = text[bs:bs + 90]
    m = re.match(r"(?P<city>[A-Z][\w .’'-]{1,30}?),\s*(?P<date>[^–—(]{0,30}?)\s*(?:\([^)]{1,30}\)\s*)?[–—-]{1,2}\s", head)
    if not m:
        return None, None
    city = next((f.entity for f in lex().lookup(m.group("city")) if f.entity is not None and f.entity.kind == "Place"),
                None)  # "MOSCOW" as news agencies write it
    if city is None:
        return None, None
    place = Mention(bs, bs + m.end("city"), m.group("city"), city, "place")
    dates = find_dates(text, bs, bs + m.end())
    return place, ((dates[0].iso, dates[0].start, dates[0].end) if dates and dates[0].iso else None)


def kind_words(text: str) -> int:
    """How many kinds of statement ("comment", "statements") ``text`` names, quoted titles aside."""
    bare = re.sub(r"[“\"«][^”\"»]*[”\"»]", " ", text)
    return len({kind for kind, pat in layout().kinds_first + layout().kinds if pat.search(bare)})


LOOKBACK = 300  # characters before a mention that a cue naming it issuer or speaker ("Statement by the delegation of") spans


def lookback(text: str, hs: int, end: int) -> str:
    """The heading's text before ``end``, its last :data:`LOOKBACK` characters only: read once per mention,
    the whole heading made a one-line statement's extraction quadratic in its length."""
    return text[max(hs, end - LOOKBACK):end]
