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
from kg.extract.forum import body_forum, header_forum, is_part_of
from kg.extract.lead import lead_sentence, lead_speaker
from kg.extract.organizations import group_entity
from kg.iris import slug
from kg.model import Attribute, Entity, Mention, Relation, Statement
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
                        r"communiqu[eé]|press release|letter|note|message)\s+(?:(?:delivered|made|presented|read|"
                        r"issued)\s+)?(?:by|of|from)\s+(?:the\s+)?)"
                        r"(?:News Agency\s+|(?:Co-)?Chairs?(?:men)?\s+of\s+(?:the\s+)?|(?:delegation|government|"
                        r"permanent mission|mission|(?:permanent\s+|deputy\s+)*representative|delegate|observer)\s+of\s+"
                        r"(?:the\s+)?)?[\"“«]?$", re.I)
_ISSUER_CUE = re.compile(r"\b(?:Embassy|Ambassador|Foreign Ministry|Ministry|Mission|Consulate|Spokes(?:wo)?m[ae]n|"
                         r"Spokesperson|press officer|press service|Department)\b", re.I)
_KIND_AFTER = re.compile(r"^\s*(?:[’']s\s+)?(?:joint\s+)?(?:statement|comment|commentary|declaration|communiqu[eé]|"
                         r"press release|report|remarks|letter|note|message|position|briefing)s?\b", re.I)
_ON_BEHALF = re.compile(r"\bon behalf of\s+(?:the\s+)?", re.I)
# another delegation's statement that this one joins: its "on behalf of" is not this statement's
_OTHERS_STATEMENT = re.compile(r"\b(?:align|associat|endors|support|subscrib|join|echo|welcom|share)\w*\b[^.;]{0,80}?"
                               r"\bstatements?\b|\bstatements?\s+(?:made|delivered|read|presented|given)\b", re.I)
_CO_CHAIRS = re.compile(r"\b(?:Co-)?Chair(?:s|men|persons)?(?:\s+countries)?\s+of\s+(?:the\s+)?$", re.I)


def _head_start(stmt: Statement) -> int:
    """Where the heading's title begins: after a listing item's date, below a preamble's title lines."""
    if stmt.title_start is not None:
        return stmt.title_start
    m = layout().listing.match(stmt.context.text[stmt.start:stmt.heading_end])
    return stmt.start + m.end() if m else stmt.start


def _first_sentence(stmt: Statement) -> tuple[int, int]:
    """The body's first sentence, after any greeting ("Mr. Chair,", "Thank you, Madam President.")."""
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


def _date(stmt: Statement, hs: int, kind: str) -> tuple[str | None, int | None, int | None]:
    text = stmt.context.text
    head = find_dates(text, hs, stmt.heading_end)
    if head:
        h = head[-1]
        # a news item (its heading names no kind of statement) may date its lead by the weekday
        news = kind == "news" or layout().kind_of(text[hs:stmt.heading_end]) is None
        on = _on_date(stmt, h.iso, head) or (_weekday_before(stmt, h.iso) if news else None)
        return on if on is not None else (h.iso, h.start, h.end)
    _, body_date = _body_dateline(stmt)
    if body_date:
        return body_date
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
            pre = text[hs:m.info.get("title_start", m.start)]
            # a byline: a titled person starting a heading line below the kind word ("Press Statement /
            # Antony J. Blinken, Secretary of State", "Speech / ... / Ambassador Neil Holland condemns ...")
            byline = pre.rstrip(" *_").endswith("\n") and _kind_words(pre) >= 1 and (
                m.info.get("titled") or _alone_on_line(text, m))
            if after in ("’s", "'s") or not pre.strip(" *_\n") or byline or (
                    re.search(r"\b(?:by|of|from|on behalf of)\s+(?:the\s+)?[*_]*$", pre, re.I)
                    and _kind_words(pre) <= 1):
                chosen.append(m)
                break
        if not chosen:  # "Statement by India ... delivered by Ambassador T.S. Tirumurti"
            for m in head:
                if re.search(r"\b(?:delivered|read|presented|made)\s+(?:out\s+)?by\s+(?:the\s+)?(?:(?:H\.\s?E\.|[A-Z][\w.-]+)\s*){0,4}[*_]*$",
                             text[hs:m.info.get("title_start", m.start)], re.I):
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
        if not chosen and stmt.role in ("main", "item"):
            # a news lead: "..., Alexander Lukashevich, said at a meeting of ...", "X today welcomed ..."
            said = lead_speaker(stmt, *lead_sentence(stmt))
            chosen = [said] if said is not None else []
    out, seen = [], set()
    for m in chosen:
        if m.entity.key not in seen:
            seen.add(m.entity.key)
            out.append(m)
    return out


def _alone_on_line(text: str, m: Mention) -> bool:
    """Whether the name at ``m`` fills its line (a byline: "Michele Markoff" above her office)."""
    ls = text.rfind("\n", 0, m.start) + 1
    le = text.find("\n", m.end)
    return not text[ls:m.start].strip(" *_\t") and not text[m.end:le if le >= 0 else len(text)].strip(" *_,\t")


def _byline_office(stmt: Statement, m: Mention) -> None:
    """A byline names the speaker's office on the lines below the name, down to the place and date
    ("Acting Coordinator / Office of the Coordinator for Cyber Issues / U.S. Department of State"): that
    block is the speaker's title, for whom they speak and the affiliation read from it."""
    text = stmt.context.text
    le = text.find("\n", m.end)
    if m.info.get("post_title") or text[m.end:le if le >= 0 else len(text)].strip(" *_,\t"):
        return  # the name does not end its line ("Statement by Ms. Rachel Hicks" does)
    a = text.find("\n", m.end, stmt.heading_end)
    if a < 0:
        return
    b = a
    for line in re.finditer(r"[^\n]+", text[a:stmt.heading_end]):
        if find_dates(line.group(0)) or not line.group(0).strip():
            break
        b = a + line.end()
    if b > a:
        m.info.update(post_title=(a + 1, b), titled=True)
        m.info.setdefault("title", " ".join(text[a + 1:b].split()))


# a statement a body makes as a whole: its chair's statement, its leaders' declaration or communiqué
_CHAIRS_STATEMENT = re.compile(r"\b(?:Co-)?Chair(?:man|person|woman)?[’']?s?[’']?\s+(?:statement|summary)\b|"
                               r"\bstatement\s+(?:by|of)\s+the\s+(?:Co-)?Chair(?:man|person|woman)?\b", re.I)
_COLLECTIVE = re.compile(r"\b(?:declaration|communiqu[eé]|joint\s+statement|statement\s+of\s+(?:the\s+)?(?:heads|leaders|"
                         r"ministers|foreign\s+ministers|member\s+states))\b", re.I)
_CHAIRED_BY = re.compile(r"\b(?:chaired|presided(?:\s+over)?|co-chaired)\s+by\s+|\bunder\s+the\s+(?:co-)?"
                         r"(?:chairmanship|chairpersonship|chair|presidency)\s+of\s+", re.I)


def _collective(stmt: Statement, hs: int) -> tuple[Entity, Mention | None] | None:
    """A body's own statement: "Chairman's Statement of the 27th ASEAN Regional Forum" (for the body, spoken by
    whoever the text says chaired it), "G7 Declaration on ...", "Statement of Heads of State of Member States of
    the SCO" (for the body, at its meeting). The body, and the chair when named."""
    text = stmt.context.text
    heading = text[hs:stmt.heading_end]
    chair = _CHAIRS_STATEMENT.search(heading)
    if not chair and not _COLLECTIVE.search(heading):
        return None
    bodies = [m for m in stmt.mentions if hs <= m.start < stmt.heading_end and m.entity.kind == "Organization"
              and not m.info.get("nested") and m.entity.attr("type") == "IntergovernmentalOrganization"]
    if not bodies or any(m.entity.kind == "State" and hs <= m.start < stmt.heading_end and not m.info.get("nested")
                         for m in stmt.mentions):
        return None  # "Joint Statement of Russia and China" is the states'
    who = None
    if chair:
        bs, _ = _first_sentence(stmt)
        for c in _CHAIRED_BY.finditer(text, bs, min(stmt.end, bs + 600)):
            who = next((p for p in stmt.mentions if p.entity.kind == "Person"
                        and c.end() <= p.start <= c.end() + 30), None)
            if who is not None:
                break
    return bodies[0].entity, who


# the symbol of a UN press release ("GA/DIS/3659", "SC/14589", "SG/SM/20847"), in the header or the note below it
_UN_SYMBOL = re.compile(r"(?<![\w/])(?:GA|SC|SG|ECOSOC|DSG|HR|OBV|PI|DC|ENV|SOC|IHA)(?:/[A-Z]{2,4})?/\d{3,6}\b")


def _un_release(stmt: Statement) -> bool:
    """Whether the statement is a UN press release: its header, or the note that opens it, gives its symbol."""
    return _UN_SYMBOL.search(stmt.context.text, stmt.start, min(stmt.end, stmt.heading_end + 500)) is not None


def _covered_body(stmt: Statement) -> Mention | None:
    """The body whose meeting a UN press release covers: the first UN body its headline or lead names
    ("First Committee Approves 15 Draft Resolutions", "General Assembly: First Committee"), the finer of two."""
    text = stmt.context.text
    cands = [m for m in stmt.mentions if stmt.start <= m.start < stmt.heading_end + 500 and m.entity.kind == "Organization"
             and not m.info.get("nested") and m.entity.attr("type") == "UNBody" and m.entity.key != "UN"]
    if not cands:
        return None
    first = cands[0]
    finer = [o for o in cands[1:] if is_part_of(o.entity, first.entity) and o.start - first.end <= 40
             and re.fullmatch(r"[\s\w:’'-]*", text[first.end:o.start])]
    return finer[0] if finer else first


def _issuer(stmt: Statement, hs: int, fallback: bool = True) -> list[Entity]:
    """Who issued a statement: a body or state the heading names as its author, else (with
    ``fallback``) the page's own state when the heading names an embassy, ministry or ambassador."""
    text = stmt.context.text
    heading = text[hs:stmt.heading_end]
    for m in stmt.mentions:
        if m.entity.kind not in ("Organization", "State") or not (hs <= m.start < stmt.heading_end) \
                or m.info.get("nested") or m.form in ("capital", "metonym"):
            continue
        pre = text[hs:m.start]
        if m.entity.kind == "State":  # "Statement by India", "... by the Delegation of India", "by the Russian delegation"
            if _ISSUED_BY.search(pre.strip(" *_\n") + " ") and (m.form != "adjective" or re.match(
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
        if _ISSUED_BY.search(pre.strip(" *_\n") + (" " if pre.endswith(" ") else "")) or (
                re.fullmatch(r"[\s*_\"“«]*(?:the\s+)?", pre, re.I)
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


_GROUP_NAME = re.compile(r"[A-Z][\w’'-]*(?:[ \t]+(?:(?:of|for|on|and|the|in)[ \t]+)*[A-Z][\w’'-]*){1,8}")


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
    if g:
        return [group_entity(g.group("name"))]
    named = _GROUP_NAME.match(text, pos, min(stmt.end, pos + 120))
    # a group the gazetteer does not know ("the Group of Friends of Digital Peace"): kept as written
    return [group_entity(" ".join(named.group(0).split()))] if named else []


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
        named = header_forum(stmt)
        forum = (named.entity, named.start, named.end) if named is not None else None
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
        named = body_forum(stmt, *_first_sentence(stmt)) or body_forum(stmt, *lead_sentence(stmt))
        forum = (named.entity, named.start, named.end) if named is not None else None
    if forum is None:
        # statements by a body's chairs, or by states "representing the Co-Chair countries of" it
        bs, be = _first_sentence(stmt)
        for m in orgs:
            if (hs <= m.start < stmt.heading_end or bs <= m.start < be) and _CO_CHAIRS.search(text[max(hs, m.start - 60):m.start]):
                forum = (m.entity, m.start, m.end)
                break
    return forum, event


def metadata(stmt: Statement) -> Iterator[Attribute | Relation]:
    text = stmt.context.text
    hs = _head_start(stmt)
    kind = layout().kind_of(text[hs:stmt.heading_end]) or ("statement" if stmt.listing_date is None else "news")
    if stmt.role == "turn":
        kind = "transcript turn"
    yield Attribute("kind", kind)
    date, ds, de = _date(stmt, hs, kind)
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
    body = _collective(stmt, hs) if stmt.role in ("main", "item") else None
    if body is not None and body[1] is not None and not speakers:
        speakers = [body[1]]
        yield Relation(body[1].entity, "chairOf", body[0], body[1].start, body[1].end)  # "chaired by H.E. Mr X"
    for m in speakers:
        if hs <= m.start < stmt.heading_end:
            _byline_office(stmt, m)
    if speakers:
        yield Attribute("speakers", [(m.entity, m.start, m.end, m.info.get("title")) for m in speakers])
    behalf: list[Entity] = []
    explicit = False  # the text says for whom ("on behalf of ..."), even if it names no one we know
    head_and_first = (hs, _first_sentence(stmt)[1])
    for m in _ON_BEHALF.finditer(text, *head_and_first):
        if m.start() >= stmt.heading_end and _OTHERS_STATEMENT.search(text, _first_sentence(stmt)[0], m.start()):
            continue  # "We align ourselves with the statement made by Indonesia on behalf of the NAM"
        found = _behalf_list(stmt, m.end())
        # "on behalf of H.E. Mr. Alexander Yakovenko": a person's stand-in, who speaks for the person's state
        explicit = explicit or bool(found) or not any(
            p.entity.kind == "Person" and p.info.get("title_start", p.start) <= m.end() + 12 and p.start >= m.end()
            for p in stmt.mentions)
        behalf += found
        if re.search(r"\balso\s+$", text[max(hs, m.start() - 8):m.start()], re.I):
            # "Statement by Japan, also on behalf of Australia and New Zealand": the speaker's state too
            behalf[:0] = named
    said_for = None  # the speaker whose own state or body the statement is for
    if not behalf and not explicit:
        for m in speakers:
            before = len(behalf)
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
            if len(behalf) > before and said_for is None:
                said_for = m
    if not behalf and stmt.role in ("turn", "part"):
        # "Brazil: ...", "Mr. Nebenzia (Russian Federation): ...", "The representative of Mexico said ..."
        behalf = [m.entity for m in stmt.mentions if hs <= m.start < stmt.heading_end and not m.info.get("nested")
                  and m.entity.kind in ("State", "Organization") and m.entity.attr("type") != "NationalBody"][:1]
    release = _un_release(stmt)
    if body is not None and not explicit:
        behalf, said_for = [body[0]], None
    elif release and not behalf and not speakers and not explicit:
        behalf = [lex().organization("UN")]  # a UN press release speaks for the UN
    if not behalf and not speakers and not explicit:
        behalf = _issuer(stmt, hs)
    if behalf:
        uniq = list({(e.kind, e.key): e for e in behalf}.values())
        # the speaker's span when the statement is for the speaker's own state: the affiliation's evidence
        yield Attribute("on_behalf_of", uniq, *((said_for.start, said_for.end) if said_for else (None, None)))
    forum, event = _forum(stmt, hs)
    if body is not None and (forum is None or is_part_of(body[0], forum[0])):
        forum = (body[0], None, None)  # the body's own meeting
    if forum is None and release:
        covered = _covered_body(stmt)
        forum = (covered.entity, covered.start, covered.end) if covered is not None else None
    if forum:
        yield Attribute("forum", forum[0], forum[1], forum[2])
    if event:
        yield Attribute("event", event[0], event[1], event[2])
