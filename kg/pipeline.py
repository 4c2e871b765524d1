"""A document through the extractors: segment, set the document context, run each extractor on
each statement in order, and keep what they find on the statement (never in a graph)."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Callable, Iterable, Iterator

from kg.extract.common import Intervals, lex
from kg.extract.metadata import metadata
from kg.extract.offices import office_authors
from kg.extract.organizations import organizations
from kg.extract.persons import persons
from kg.extract.places import places
from kg.extract.relations import relations
from kg.extract.resolutions import resolutions, session_of
from kg.extract.states import states
from kg.extract.treaties import treaties
from kg.gazetteer import Hit
from kg.model import Attribute, Context, Document, Entity, Finding, Mention, Relation, Statement
from kg.segment import chrome_spans, segment

__all__ = ["ENTITY_EXTRACTORS", "STATEMENT_EXTRACTORS", "INHERITED", "extract_document", "home_state"]

Extractor = Callable[[Statement], Iterable[Finding]]

# entity readers first (later ones may look at what earlier ones found), then statement-level readers
ENTITY_EXTRACTORS: list[Extractor] = [states, organizations, treaties, resolutions, persons, office_authors, places]
STATEMENT_EXTRACTORS: list[Extractor] = [metadata, relations]
# what a transcript turn or a speaker's part takes from its page's main statement when its own words leave it out
INHERITED = ("date", "place", "forum", "event", "published")
# ... but not where and at which meeting, when its own date is more than a week from its page's: another occasion
_OCCASION = ("place", "forum", "event")
_SAME_OCCASION_DAYS = 7
# a document up to this many characters has its names found in one pass; a longer one statement by statement
WHOLE_SCAN_LIMIT = 2_000_000


def home_state(doc: Document, first_statement_start: int | None, hits: list | None = None) -> Entity | None:
    """The state whose page this is: the one whose ministry or other national body fills a line of the page's
    letterhead ("U.S. Department of State" above a press statement about Russia), else the one its letterhead
    and text name most."""
    if hits is not None and first_statement_start is not None:
        owner = _letterhead_owner(doc.text, hits, first_statement_start)
        if owner is not None:
            return owner
    counts: Counter[str] = Counter()
    for h in _chunked_scan(doc.text) if hits is None else hits:
        for f in h.forms:
            if f.entity is not None and f.entity.kind == "State" and f.form in ("name", "adjective", "abbreviation"):
                weight = 3 if first_statement_start is not None and h.start < first_statement_start else 1
                counts[f.entity.key] += weight
                break
    if not counts:
        return None
    return lex().state(counts.most_common(1)[0][0])


_LETTERHEAD_LINES = 3  # a letterhead stands on the page's first lines, or above its first statement


def _letterhead_owner(text: str, hits: list, stop: int) -> Entity | None:
    """The state of the national body whose name alone fills a line above ``stop`` (the first statement) or
    one of the page's first lines."""
    top = 0
    for _ in range(_LETTERHEAD_LINES):
        top = text.find("\n", top) + 1 or len(text)
    stop = max(stop, top)
    for h in hits:
        if h.start >= stop:
            break
        ent = next((f.entity for f in h.forms if f.entity is not None), None)
        # a state by its official name is a letterhead's too ("Federal Ministry / Republic of Austria / ...")
        official = ent is not None and ent.kind == "State" and h.start < top and \
            text[h.start:h.end].casefold() == (ent.attr("official") or "").casefold() != ent.label.casefold()
        if h.outer is not None or ent is None or not official and (
                ent.kind != "Organization" or not ent.attr("state") or ent.attr("type") != "NationalBody"):
            continue
        ls, le = text.rfind("\n", 0, h.start) + 1, text.find("\n", h.end)
        if not text[ls:h.start].strip(" \t*_") and not text[h.end:le if le >= 0 else len(text)].strip(" \t*_"):
            return ent if official else lex().state(ent.attr("state"))
    return None


def _chunked_scan(text: str, size: int = 1_000_000) -> Iterator[Hit]:
    """Every gazetteer match of a long text, a line-aligned chunk at a time (memory stays small)."""
    pos = 0
    while pos < len(text):
        end = len(text) if pos + size >= len(text) else (text.rfind("\n", pos, pos + size) + 1 or pos + size)
        yield from lex().scan(text, pos, end)
        pos = end


def _apply(stmt: Statement, findings: Iterable[Finding]) -> None:
    for f in findings:
        if isinstance(f, Mention):
            stmt.mentions.append(f)
        elif isinstance(f, Relation):
            stmt.relations.append(f)
        elif isinstance(f, Attribute):
            stmt.attrs[f.name] = f
        else:  # pragma: no cover - a programming error in an extractor
            raise TypeError(f"extractor yielded {type(f).__name__}, not a finding")


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """Longest reading first: drop a mention overlapping a longer one of the same kind, or lying inside
    a person's name. A name nested inside a longer name ("Ministry of Foreign Affairs" in "Department ...
    of the Ministry of Foreign Affairs") stays beside it."""
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), m.start))
    by_kind: dict[str, Intervals] = {}
    seen: set[tuple[int, int, str]] = set()
    kept: list[Mention] = []
    persons = by_kind.setdefault("Person", Intervals())
    for m in ordered:
        kind = m.entity.kind
        if (m.start, m.end, kind) in seen:
            continue
        if kind != "Person" and persons.contains(m.start, m.end):
            continue
        same = by_kind.setdefault(kind, Intervals())
        if not m.info.get("nested"):
            if same.overlaps(m.start, m.end):
                continue
            same.add(m.start, m.end)
        seen.add((m.start, m.end, kind))
        kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end))


def _off_chrome(stmt: Statement, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` less those on a line of page chrome inside the statement (a menu's "Security Council")."""
    spans = chrome_spans(stmt)
    return [m for m in mentions if not any(a <= m.start < b for a, b in spans)] if spans else mentions


def _another_occasion(stmt: Statement) -> bool:
    """Whether ``stmt`` has a date of its own more than a week from its page's main statement's (a release of July
    below one of December on a page of releases): it was made on another occasion."""
    own, page = stmt.attrs.get("date"), stmt.parent.attrs.get("date") if stmt.parent is not None else None
    if own is None or page is None or not own.value or not page.value:
        return False
    try:
        return abs((dt.date.fromisoformat(own.value) - dt.date.fromisoformat(page.value)).days) > _SAME_OCCASION_DAYS
    except (TypeError, ValueError):
        return False


def extract_document(doc: Document) -> list[Statement]:
    """Every statement of ``doc`` with its mentions, attributes and relations."""
    segments = segment(doc.text)
    ctx = Context(doc)
    ctx.session = session_of(doc.text)
    if len(doc.text) <= WHOLE_SCAN_LIMIT:
        ctx.hits = lex().scan(doc.text)
    ctx.home_state = home_state(doc, segments[0].start if segments else None, ctx.hits)
    stmts: list[Statement] = []
    shown = 0
    for s in segments:
        parent = stmts[s.parent] if s.parent is not None else None
        stmts.append(Statement(-1 if s.role == "frame" else shown, s.start, s.end, s.heading_end, ctx,
                               s.listing_date, s.role, parent, title_start=s.title_start))
        shown += s.role != "frame"
    for stmt in stmts:
        for extractor in ENTITY_EXTRACTORS:
            _apply(stmt, extractor(stmt))
        stmt.mentions = _off_chrome(stmt, _dedupe(stmt.mentions))
        for extractor in STATEMENT_EXTRACTORS:
            _apply(stmt, extractor(stmt))
        if stmt.parent is not None:
            apart = _another_occasion(stmt)
            for name in INHERITED:
                if name not in stmt.attrs and name in stmt.parent.attrs and not (apart and name in _OCCASION):
                    stmt.attrs[name] = stmt.parent.attrs[name]
        stmt.cache.clear()
    return [s for s in stmts if s.role != "frame"]
