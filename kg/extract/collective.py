"""The chair of a body's own statement: a chairman's statement, a communiqué or declaration of the body's
members, an annexed statement whose own title names the body; the chair its text names ("chaired by ...")."""
from __future__ import annotations

import re

from kg.dates import find_dates
from kg.extract.common import sentence_bounds
from kg.extract.header import first_sentence, head_start
from kg.extract.lead import lead_body, lead_sentence
from kg.layout import layout
from kg.model import Entity, Mention, Statement

__all__ = ["collective"]


# a statement a body makes as a whole: its chair's statement, its leaders' declaration or communiqué
_CHAIRS_STATEMENT = re.compile(r"\b(?:Co-)?Chair(?:man|person|woman)?[’']?s?[’']?\s+(?:statement|summary)\b|"
                               r"\bstatement\s+(?:by|of)\s+the\s+(?:Co-)?Chair(?:man|person|woman)?\b", re.I)


_COLLECTIVE = re.compile(r"\b(?:declaration|communiqu[eé]|joint\s+statement|statement\s+of\s+(?:the\s+)?(?:heads|leaders|"
                         r"ministers|foreign\s+ministers|member\s+states))\b", re.I)


_CHAIRED_BY = re.compile(r"\b(?:chaired|presided(?:\s+over)?|co-chaired)\s+by\s+|\bunder\s+the\s+(?:co-)?"
                         r"(?:chairmanship|chairpersonship|chair|presidency)\s+of\s+", re.I)


# a state named as where the meeting sat, on a line of its own after a city: "Valletta, Malta", "Suva, Fiji, 3 May"
_PLACE_LINE = re.compile(r"(?:^|\n)[ \t*_]*[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,2},[ \t]*(?:the[ \t]+)?$")


# a collective text headed by the body's name shortened to its last word: "Forum Communiqué", "Council Declaration"
_SHORT_NAMED = re.compile(r"[\s*_]*(?P<word>[A-Za-z-]+)\s+(?:communiqu[eé]|declaration)[\s*_]*$", re.I)


_ABOVE = 400  # how far above a heading the body it names by its last word may stand


def _named_above(stmt: Statement, hs: int, word: str) -> Entity | None:
    """The intergovernmental body whose name ends in ``word`` on the lines right above ``hs`` (the page's
    title block, even where that block belongs to no statement)."""
    text = stmt.context.text
    for h in reversed([h for h in stmt.context.hits or [] if max(0, hs - _ABOVE) <= h.start < hs and h.outer is None]):
        ent = next((f.entity for f in h.forms if f.entity is not None and f.entity.kind == "Organization"), None)
        if ent is not None and ent.attr("type") == "IntergovernmentalOrganization" \
                and text[h.start:h.end].split()[-1].casefold() == word.casefold():
            return ent
    return None


def _on_dateline(text: str, m: Mention) -> bool:
    """Whether the state at ``m`` ends a line that opens with a date ("18 OCTOBER 2025, MALTA"): where it met."""
    ls = text.rfind("\n", 0, m.start) + 1
    le = text.find("\n", m.end)
    dates = find_dates(text[ls:m.start].title())
    return bool(dates) and not text[m.end:le if le >= 0 else len(text)].strip(" \t*_.") and \
        not text[ls:m.start][dates[-1].end:].strip(" \t,–—-")


_ANNEX = re.compile(r"[\s*_]*annex\b", re.I)


def _annex_title(stmt: Statement) -> tuple[int, int] | None:
    """The annexed text's own title below an annex's heading ("Annex to the letter dated ..." above "Statement of
    the Ministers of ..."), up to the next blank line; None for any other heading."""
    text = stmt.context.text
    if not _ANNEX.match(text, head_start(stmt), stmt.heading_end):
        return None
    start = stmt.heading_end + len(text[stmt.heading_end:stmt.end]) - len(text[stmt.heading_end:stmt.end].lstrip())
    blank = text.find("\n\n", start, min(stmt.end, start + 300))
    return (start, blank) if blank >= 0 else None


def collective(stmt: Statement, hs: int) -> tuple[Entity, Mention | None] | None:
    """A body's own statement: "Chairman's Statement of the 27th ASEAN Regional Forum" (for the body, spoken by
    whoever the text says chaired it), "G7 Declaration on ...", "Statement of Heads of State of Member States of
    the SCO" (for the body, at its meeting). The body, and the chair when named."""
    text = stmt.context.text
    hs, he = _annex_title(stmt) or (hs, stmt.heading_end)
    heading = text[hs:he]
    chair = _CHAIRS_STATEMENT.search(heading)
    if not chair and not _COLLECTIVE.search(heading):
        # a news lead: "..., the BRICS leaders on Sunday emphasised ...": the body speaks, at its meeting (the
        # lead may be all the heading there is: a page that opens with its first paragraph)
        prose = len(heading.strip()) >= 100 and "\n" not in heading.strip() and heading.rstrip()[-1:] in ".!?\"”"
        if prose:
            together = lead_body(stmt, *sentence_bounds(text, hs, hs, stmt.heading_end))
        else:
            together = lead_body(stmt, *lead_sentence(stmt)) if layout().kind_of(heading) in (None, "news") else None
        return (together, None) if together is not None else None
    bodies = [m for m in stmt.mentions if hs <= m.start < he and m.entity.kind == "Organization"
              and not m.info.get("nested") and m.entity.attr("type") == "IntergovernmentalOrganization"]
    short = _SHORT_NAMED.match(heading)
    above = _named_above(stmt, hs, short.group("word")) if short and not bodies else None
    if above is not None:  # "SUMMIT COMMUNIQUÉ" below "... ANDEAN SUMMIT ...": the body named above, by its last word
        return above, None
    if not bodies or any(m.entity.kind == "State" and hs <= m.start < he and not m.info.get("nested")
                         and not _PLACE_LINE.search(text, max(hs, m.start - 40), m.start)
                         and not _on_dateline(text, m) for m in stmt.mentions):
        return None  # "Joint Statement of Russia and China" is the states'
    who = None
    if chair:
        bs, _ = first_sentence(stmt)
        for c in _CHAIRED_BY.finditer(text, bs, min(stmt.end, bs + 600)):
            who = next((p for p in stmt.mentions if p.entity.kind == "Person"
                        and c.end() <= p.start <= c.end() + 30), None)
            if who is not None:
                break
    return bodies[0].entity, who
