"""What kind of statement this is, when and where it was made, by whom, for whom, at which event
and forum. Reads the heading first (listing date only as a fallback; the first day of a range),
then the first sentence of the body for what a heading leaves out (joint statements, readouts)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

from kg.dates import find_dates
from kg.extract.affiliation import affiliations
from kg.extract.common import lex, listed_after, sentence_bounds
from kg.extract.organizations import group_entity
from kg.iris import slug
from kg.model import Attribute, Entity, Mention, Statement
from kg.segment import layout

__all__ = ["metadata", "speaker_mentions"]

_VENUE = re.compile(r"\bat the ((?:[A-Z][\w’'-]+\s+){0,4}(?:Memorial|Museum|Square|Cathedral|Palace|Hall|Cent(?:er|re)|"
                    r"House|Castle|Park|Cemetery|Monument|Theatre|Theater|Library|University|Institute|Academy|"
                    r"Stadium|Arena|Residence|Building|Headquarters))\b")
_EVENT_NOUN = (r"session|meeting|summit|debate|conference|plenary|forum|segment|consultations?|dialogue|hearing|"
               r"round|talks|ceremony|event|gala|festival|reception|celebration|exhibition|symposium|seminar|"
               r"workshop|congress|assembly|council|briefing|visit|review conference")
_EVENT = re.compile(r"(?:\b(?:at|during|before|in the course of)\s+(?:(?:the|a|an)\s+)?|\b(?:delegation|address|message|"
                    r"statement|speech|remarks)\s+to\s+the\s+)(?P<ev>(?:(?!\n\s*\n)[^,;()])*?\b(?:" + _EVENT_NOUN +
                    r")\b(?:(?!\n\s*\n)[^,;()])*)", re.I)
_EVENT_CUT = re.compile(r"\s(?:following|after|with|between|regarding|concerning|about|titled|entitled|delivered|"
                        r"read|presented)\b", re.I)
_ISSUED_BY = re.compile(r"(?:\b(?:statement|comment|commentary|report|article|briefing|remarks|declaration|"
                        r"communiqu[eé]|press release|letter|note|message)\s+(?:by|of|from)\s+(?:the\s+)?)"
                        r"(?:News Agency\s+|(?:Co-)?Chairs?(?:men)?\s+of\s+(?:the\s+)?|(?:delegation|government|"
                        r"permanent mission|mission|(?:permanent\s+|deputy\s+)*representative|delegate|observer)\s+of\s+"
                        r"(?:the\s+)?)?[\"“«]?$", re.I)
_ISSUER_CUE = re.compile(r"\b(?:Embassy|Ambassador|Foreign Ministry|Ministry|Mission|Consulate|Spokes(?:wo)?m[ae]n|"
                         r"Spokesperson|press officer|press service|Department)\b", re.I)
_KIND_AFTER = re.compile(r"^\s*(?:[’']s\s+)?(?:joint\s+)?(?:statement|comment|commentary|declaration|communiqu[eé]|"
                         r"press release|report|remarks|letter|note|message|position|briefing)s?\b", re.I)
_ON_BEHALF = re.compile(r"\bon behalf of\s+(?:the\s+)?", re.I)
_CO_CHAIRS = re.compile(r"\b(?:Co-)?Chair(?:s|men|persons)?(?:\s+countries)?\s+of\s+(?:the\s+)?$", re.I)


def _head_start(stmt: Statement) -> int:
    m = layout().listing.match(stmt.context.text[stmt.start:stmt.heading_end])
    return stmt.start + m.end() if m else stmt.start


def _first_sentence(stmt: Statement) -> tuple[int, int]:
    text = stmt.context.text
    pos = stmt.heading_end
    while pos < stmt.end and text[pos].isspace():
        pos += 1
    return sentence_bounds(text, pos, pos, stmt.end)


def _body_dateline(stmt: Statement) -> tuple[Mention | None, tuple[str, int, int] | None]:
    """A dateline opening the body, as news items write it: "MOSCOW, March 3, 2022 (TASS) – ..."."""
    text = stmt.context.text
    bs, _ = _first_sentence(stmt)
    head = text[bs:bs + 90]
    m = re.match(r"(?P<city>[A-Z][\w .’'-]{1,30}?),\s*(?P<date>[^–—(]{0,30}?)\s*(?:\([^)]{1,30}\)\s*)?[–—-]\s", head)
    if not m:
        return None, None
    city = next((f.entity for f in lex().lookup(m.group("city")) if f.entity is not None and f.entity.kind == "Place"),
                None)  # "MOSCOW" as news agencies write it
    if city is None:
        return None, None
    place = Mention(bs, bs + m.end("city"), m.group("city"), city, "place")
    dates = find_dates(text, bs, bs + m.end())
    return place, ((dates[0].iso, dates[0].start, dates[0].end) if dates and dates[0].iso else None)


def _date(stmt: Statement, hs: int) -> tuple[str | None, int | None, int | None]:
    text = stmt.context.text
    head = find_dates(text, hs, stmt.heading_end)
    if head:
        h = head[-1]
        on = _on_date(stmt, h.iso, head)
        return on if on is not None else (h.iso, h.start, h.end)
    _, body_date = _body_dateline(stmt)
    if body_date:
        return body_date
    # a readout: "On May 6, Foreign Minister ..." takes the year of the listing date
    if stmt.listing_date:
        bs, be = _first_sentence(stmt)
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


def _on_date(stmt: Statement, stamp: str | None, head: list) -> tuple[str, int, int] | None:
    """A news item's own day, "On September 19, 2022 local time, ...", when its heading (dates ``head``) only
    carries the day it was posted (a bare date line, at most a week later)."""
    text = stmt.context.text
    if not stamp or not any(_is_bare_date_line(text, d.start) for d in head):
        return None
    bs, be = _first_sentence(stmt)
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


def _place(stmt: Statement, hs: int, date_start: int | None, kind: str) -> tuple[Entity, int, int] | None:
    text = stmt.context.text
    places = [m for m in stmt.mentions if m.entity.kind == "Place"]
    if date_start is not None and date_start < stmt.heading_end:
        before = [m for m in places if hs <= m.start and m.end <= date_start
                  and re.fullmatch(r"[\s,(]*", text[m.end:date_start])]
        if before:
            p = before[-1]
            pair = [m for m in places if m.end == p.start - 1 and text[m.end] in "-–"]
            p = pair[0] if pair else p
            return p.entity, p.start, p.end
    if date_start is not None and date_start < stmt.heading_end:
        end = next((d.end for d in find_dates(text, date_start, stmt.heading_end) if d.start == date_start), None)
        after = [m for m in places if end is not None and end <= m.start < stmt.heading_end
                 and re.fullmatch(r"\s*[-–—|]\s*", text[end:m.start])]
        if after:  # "March 14, 2023 - Ottawa, Ontario - Global Affairs Canada"
            return after[0].entity, after[0].start, after[0].end
    opening, _ = _body_dateline(stmt)
    if opening is not None:
        return opening.entity, opening.start, opening.end
    v = _VENUE.search(text, hs, stmt.heading_end)
    if v:
        label = v.group(1).strip()
        return Entity("Place", slug(label), label), v.start(1), v.end(1)
    if kind == "news":
        bs, be = _first_sentence(stmt)
        inside = [m for m in places if bs <= m.start < be]
        if inside:
            return inside[0].entity, inside[0].start, inside[0].end
    return None


def _kind_words(text: str) -> int:
    """How many kinds of statement ("comment", "statements") ``text`` names, quoted titles aside."""
    bare = re.sub(r"[“\"«][^”\"»]*[”\"»]", " ", text)
    return len({kind for kind, pat in layout().kinds_first + layout().kinds if pat.search(bare)})


def speaker_mentions(stmt: Statement, kind: str, hs: int) -> list[Mention]:
    """The person mentions that name the statement's speakers."""
    text = stmt.context.text
    head = [m for m in stmt.mentions if m.entity.kind == "Person" and hs <= m.start < stmt.heading_end]
    chosen: list[Mention] = []
    if stmt.role == "turn":  # "The Chair (Mr. Gafoor, Singapore): ...": whoever the label names
        chosen = list(head[:1])
    elif kind == "conversation":
        chosen = list(head)
        if len({m.entity.key for m in chosen}) < 2:
            bs, be = _first_sentence(stmt)
            chosen += [m for m in stmt.mentions if m.entity.kind == "Person" and bs <= m.start < be]
    else:
        for m in head:
            after = text[m.end:m.end + 2]
            end = m.info.get("title_start", m.start)
            pre = _lookback(text, hs, end)  # the whole prefix only where a rule needs it (once per mention)
            # a byline: a titled person starting a heading line below the kind word ("Press Statement /
            # Antony J. Blinken, Secretary of State", "Speech / ... / Ambassador Neil Holland condemns ...")
            byline = pre.rstrip(" *_").endswith("\n") and m.info.get("titled") and _kind_words(text[hs:end]) >= 1
            blank = not pre.strip(" *_\n") and not text[hs:end].strip(" *_\n")
            if after in ("’s", "'s") or blank or byline or (
                    re.search(r"\b(?:by|of|from|on behalf of)\s+(?:the\s+)?[*_]*$", pre, re.I)
                    and _kind_words(text[hs:end]) <= 1):
                chosen.append(m)
                break
        if not chosen:  # "Statement by India ... delivered by Ambassador T.S. Tirumurti"
            for m in head:
                if re.search(r"\b(?:delivered|read|presented|made)\s+(?:out\s+)?by\s+(?:the\s+)?(?:(?:H\.\s?E\.|[A-Z][\w.-]+)\s*){0,4}[*_]*$",
                             _lookback(text, hs, m.info.get("title_start", m.start)), re.I):
                    chosen.append(m)
                    break
        if chosen and re.search(r"\bjoint\b", text[hs:stmt.heading_end], re.I):
            # "Joint statement by Jean-Yves Le Drian and Heiko Maas": every person of the list
            chosen += listed_after(stmt, chosen[-1].end, ("Person",), stmt.heading_end)
        if not chosen:
            # "Following are UN Secretary-General António Guterres’ remarks to ...": the text names its speaker
            bs, be = _first_sentence(stmt)
            if re.match(r"\s*(?:(?:The\s+)?following\s+(?:are|is)|Below\s+(?:are|is))\b", text[bs:be], re.I) or \
                    re.search(r"\b(?:issued|made|released|delivered|gave)\s+the\s+following\s+(?:joint\s+)?"
                              r"(?:statement|remarks|comment|message|declaration)", text[bs:be], re.I):
                # "Following are X's remarks ...", "X, Minister of ..., today issued the following statement"
                chosen = [m for m in stmt.mentions if m.entity.kind == "Person" and bs <= m.start < be][:1]
        if not chosen and re.search(r"\bjoint\b", text[hs:stmt.heading_end], re.I):
            bs, be = _first_sentence(stmt)
            chosen = [m for m in stmt.mentions if m.entity.kind == "Person" and bs <= m.start < be]
    out, seen = [], set()
    for m in chosen:
        if m.entity.key not in seen:
            seen.add(m.entity.key)
            out.append(m)
    return out


_LOOKBACK = 300  # characters before a mention that a cue naming it the issuer ("Statement by the delegation of") spans


def _lookback(text: str, hs: int, end: int) -> str:
    """The heading's text before ``end``, its last :data:`_LOOKBACK` characters only: read once per mention,
    the whole heading made a one-line statement's extraction quadratic in its length."""
    return text[max(hs, end - _LOOKBACK):end]


def _issued_by(pre: str, hs: int, end: int, tail: str) -> bool:
    """``_ISSUED_BY`` at the end of ``pre`` (from :func:`_lookback`) stripped of spaces, asterisks and
    underscores, plus ``tail``. A cut ``pre`` is stripped at its end only (its start is not the heading's)."""
    stripped = pre.strip(" *_\n") if len(pre) == end - hs else pre.rstrip(" *_\n")
    return _ISSUED_BY.search(stripped + tail) is not None


def _issuer(stmt: Statement, hs: int, fallback: bool = True) -> list[Entity]:
    """Who issued a statement: a body or state the heading names as its author, else (with
    ``fallback``) the page's own state when the heading names an embassy, ministry or ambassador."""
    text = stmt.context.text
    heading = text[hs:stmt.heading_end]
    for m in stmt.mentions:
        if m.entity.kind not in ("Organization", "State") or not (hs <= m.start < stmt.heading_end) \
                or m.info.get("nested") or m.form in ("capital", "metonym"):
            continue
        pre = _lookback(text, hs, m.start)
        if m.entity.kind == "State":  # "Statement by India", "... by the Delegation of India", "by the Russian delegation"
            if _issued_by(pre, hs, m.start, " ") and (m.form != "adjective" or re.match(
                    r"\s+(?:delegation|government|side|mission|embassy|foreign ministry)\b", text[m.end:], re.I)):
                return [m.entity]
            # "Joint Statement of the Foreign Ministers of Russia and China": every state of the list
            if re.search(r"\b(?:statement|declaration|communiqu[eé])\s+(?:by|of)\s+(?:the\s+)?(?:(?:foreign\s+)?ministers|"
                         r"heads\s+of\s+state(?:\s+and\s+government)?|leaders|presidents|governments)\s+of\s+(?:the\s+)?$",
                         pre, re.I):
                return [m.entity] + [o.entity for o in listed_after(stmt, m.end, ("State",), stmt.heading_end)]
            if re.match(r"\s+(?:joint\s+)?(?:statement|declaration|comment|explanation of vote|intervention)\b",
                        text[m.end:m.end + 40], re.I):
                return [m.entity]  # "UK statement to the OSCE Permanent Council"
            continue
        if _issued_by(pre, hs, m.start, " " if pre.endswith(" ") else "") or (
                len(pre) == m.start - hs and re.fullmatch(r"[\s*_\"“«]*(?:the\s+)?", pre, re.I)
                and _KIND_AFTER.match(text[m.end:m.end + 30].lstrip(" \"”»"))):
            t = m.entity.attr("type")
            if t == "NationalBody":
                state = m.entity.attr("state")
                st = lex().state(state) if state else None
                return [st] if st is not None else [m.entity]
            return [m.entity]
    if fallback and _ISSUER_CUE.search(heading) and stmt.context.home_state is not None:
        return [stmt.context.home_state]
    return []


_AD_HOC_GROUP = re.compile(r"(?:(?:a|the|our)\s+)?(?:(?:cross-regional|informal|core)\s+)?(?:group\s+of\s+)?"
                           r"(?P<name>(?:\d+|[a-z]+-[a-z]+|like-minded|Nordic|Baltic|Nordic-Baltic|Central Asian|Pacific|"
                           r"Caribbean|African|Arab|Latin American|European|Asian|member|partner|participating)(?:\s+[A-Za-z-]+){0,2}?"
                           r"\s+(?:States|states|countries|nations|delegations|Member States))\b")


def _behalf_list(stmt: Statement, pos: int) -> list[Entity]:
    """Who is named right after "on behalf of": a body or state, a list of them ("Australia and New Zealand"),
    or a group of states without a name of its own ("a group of like-minded States", "the Nordic countries")."""
    text = stmt.context.text
    members = re.match(r"(?:(?:its|the)\s+)?(?:member\s+states|states\s+members|members|member\s+countries)\s+of\s+"
                       r"(?:the\s+)?", text[pos:pos + 60], re.I)
    if members:  # "on behalf of the member States of the European Union": the Union
        body = [o for o in stmt.mentions if o.start == pos + members.end() and o.entity.kind == "Organization"]
        if body:
            return [body[0].entity]
    first = next((o for o in stmt.mentions if o.start == pos and not o.info.get("nested")
                  and o.entity.kind in ("State", "Organization")), None)
    if first is not None:  # a body, or a list of states ("Australia and New Zealand")
        more = listed_after(stmt, first.end, ("State",)) if first.entity.kind == "State" else []
        return [first.entity] + [o.entity for o in more]
    g = _AD_HOC_GROUP.match(text, pos, min(stmt.end, pos + 80))
    return [group_entity(g.group("name"))] if g else []


def _forum(stmt: Statement, hs: int) -> tuple[tuple[Entity, int, int] | None, tuple[str, int, int] | None]:
    text = stmt.context.text
    orgs = [m for m in stmt.mentions if m.entity.kind == "Organization" and not m.info.get("nested")]
    event = None
    forum = None
    ev = _EVENT.search(text, hs, stmt.heading_end)
    if ev:
        es, ee = ev.start("ev"), ev.end("ev")
        cut = _EVENT_CUT.search(text, es, ee)
        ee = cut.start() if cut else ee
        for nl in re.finditer(r"\n", text[es:ee]):  # a wrapped heading goes on after "OF"; a new line does not
            if not re.search(r"\b(?:of|the|and|in|on|for|to|at|a|an)\s*$", text[es:es + nl.start()], re.I):
                ee = es + nl.start()
                break
        event = (re.sub(r"\s+", " ", text[es:ee]).strip(), es, ee)
        inside = [m for m in orgs if es <= m.start < ee and m.entity.attr("type") != "NationalBody"]
        # "the UN OEWG": a body named right before another only qualifies it
        inside = [m for i, m in enumerate(inside)
                  if not (i + 1 < len(inside) and re.fullmatch(r"\s", text[m.end:inside[i + 1].start]))]
        if inside:
            forum = (inside[0].entity, inside[0].start, inside[0].end)
    if forum is None and stmt.role in ("turn", "part"):
        return forum, event  # a speaker's label names who speaks, not where: the page's forum is the turn's
    if forum is None:
        # a body named at the start of the heading or right after a dash ("EU Statement – UN OEWG on ..."),
        # the UN itself only when no more particular body follows ("United Nations / General Assembly")
        for m in sorted(orgs, key=lambda m: m.entity.attr("type") == "UNBody" and m.entity.key == "UN"):
            pre = text[hs:m.start].strip(" *_")
            if hs <= m.start < stmt.heading_end and m.entity.attr("type") in ("UNBody", "IntergovernmentalOrganization") \
                    and (not pre.strip() or re.search(r"(?:[–—:-]|\n)\s*(?:(?:before|at|in)\s+)?(?:the)?\s*$|\b(?:at|before)\s+the\s*$", pre, re.I)
                         or (pre.endswith(",") and re.match(r"\s*(?:,|[–—]|$)", text[m.end:stmt.heading_end]))) \
                    and not _KIND_AFTER.match(text[m.end:m.end + 30]):
                # "UN General Assembly 77th First Committee": the committee named right after its parent
                sub = next((o for o in orgs if m.end <= o.start <= m.end + 16 and o.entity.attr("parent") == m.entity.key
                            and re.fullmatch(r"[\s\w’'-]*", text[m.end:o.start])), m)
                forum = (sub.entity, sub.start, sub.end)
                break
    if forum is None:
        # a meetings-coverage page names the body on a line of its own above the text ("First Committee")
        for m in orgs:
            ls = max(stmt.start, text.rfind("\n", stmt.start, m.start) + 1)
            if text.count("\n", stmt.start, ls) > 6:
                break
            le = text.find("\n", m.end, stmt.end)
            le = stmt.end if le < 0 else le
            if m.entity.attr("type") == "UNBody" and not text[ls:m.start].strip(" *_") and not text[m.end:le].strip(" *_"):
                forum = (m.entity, m.start, m.end)
                break
    if forum is None:
        # statements by a body's chairs, or by states "representing the Co-Chair countries of" it
        bs, be = _first_sentence(stmt)
        for m in orgs:
            if (hs <= m.start < stmt.heading_end or bs <= m.start < be) and _CO_CHAIRS.search(text[max(hs, m.start - 60):m.start]):
                forum = (m.entity, m.start, m.end)
                break
    return forum, event


def metadata(stmt: Statement) -> Iterator[Attribute]:
    text = stmt.context.text
    hs = _head_start(stmt)
    kind = layout().kind_of(text[hs:stmt.heading_end]) or ("statement" if stmt.listing_date is None else "news")
    if stmt.role == "turn":
        kind = "transcript turn"
    yield Attribute("kind", kind)
    date, ds, de = _date(stmt, hs)
    if date:
        yield Attribute("date", date, ds, de)
    if stmt.listing_date:
        yield Attribute("published", stmt.listing_date)
    place = _place(stmt, hs, ds, kind)
    if place:
        yield Attribute("place", place[0], place[1], place[2])
    named = [e for e in _issuer(stmt, hs, fallback=False) if e.kind == "State"]
    if named:  # "UK statement to the OSCE": an unqualified "Ambassador" below it is the UK's
        stmt.cache["own_state"] = named[0]
    speakers = speaker_mentions(stmt, kind, hs)
    if speakers:
        yield Attribute("speakers", [(m.entity, m.start, m.end, m.info.get("title")) for m in speakers])
    behalf: list[Entity] = []
    head_and_first = (hs, _first_sentence(stmt)[1])
    for m in _ON_BEHALF.finditer(text, *head_and_first):
        behalf += _behalf_list(stmt, m.end())
        if re.search(r"\balso\s+$", text[max(hs, m.start() - 8):m.start()], re.I):
            # "Statement by Japan, also on behalf of Australia and New Zealand": the speaker's state too
            behalf[:0] = named
    if not behalf:
        for m in speakers:
            affs = affiliations(stmt, m, True)
            if affs:
                behalf.append(next((a for a in affs if a.kind == "State"), affs[0]))
            elif not m.info.get("titled"):
                # a speaker named without a title ("Sergey Lavrov’s opening remarks"): whom the gazetteer
                # says they serve, else the state whose page this is
                known = lex().state(m.entity.attr("affiliation") or "")
                home = stmt.cache.get("own_state") or stmt.context.home_state
                if known is not None or home is not None:
                    behalf.append(known if known is not None else home)
    if not behalf and stmt.role in ("turn", "part"):
        # "Brazil: ...", "Mr. Nebenzia (Russian Federation): ...", "The representative of Mexico said ..."
        behalf = [m.entity for m in stmt.mentions if hs <= m.start < stmt.heading_end and not m.info.get("nested")
                  and m.entity.kind in ("State", "Organization") and m.entity.attr("type") != "NationalBody"][:1]
    if not behalf and not speakers:
        behalf = _issuer(stmt, hs)
    if behalf:
        uniq = list({(e.kind, e.key): e for e in behalf}.values())
        yield Attribute("on_behalf_of", uniq)
    forum, event = _forum(stmt, hs)
    if forum:
        yield Attribute("forum", forum[0], forum[1], forum[2])
    if event:
        yield Attribute("event", event[0], event[1], event[2])
