"""For whom a statement speaks, in this order: an explicit "on behalf of X" (a state, a body, a list, a
group kept as written when unknown); the issuer ("Statement by Brazil", "EU statement", a UN press
release); the speaker's own state or body. Never a state the text does not tie to the statement."""
from __future__ import annotations

import re

from kg.extract.affiliation import affiliations
from kg.extract.chairs import CAPACITY
from kg.extract.common import lex, listed_after, mentions_in, titles
from kg.extract.header import KIND_AFTER, first_sentence, lookback
from kg.extract.lead import lead_sentence, lead_state, lead_subject_state
from kg.extract.offices import office_body
from kg.extract.organizations import group_entity
from kg.model import Entity, Mention, Statement
from kg.layout import layout

__all__ = ["on_behalf", "issuer", "un_release"]

_ISSUED_BY = re.compile(r"(?:\b(?:statement|comment|commentary|report|article|briefing|remarks|declaration|"
                        r"communiqu[eé]|press release|letter|note|message|explanation of (?:the\s+)?(?:vote|position)|"
                        r"intervention|right of reply|speech|address)\s+(?:(?:delivered|made|presented|read|"
                        r"issued)\s+)?(?:by|of|from)\s+(?:the\s+)?)"
                        r"(?:News Agency\s+|(?:Co-)?Chairs?(?:men)?\s+of\s+(?:the\s+)?|(?:delegation|government|"
                        r"permanent mission|mission|(?:permanent\s+|deputy\s+)*representative|delegate|observer)\s+of\s+"
                        r"(?:the\s+)?)?[\"“«]?$", re.I)

# a heading's line saying which delegation delivered it: "Delivered by the Delegation of the Republic of Korea"
_DELIVERED_BY = re.compile(r"(?:^|\n)[ \t*_■•-]*(?:as\s+)?(?:delivered|presented|read(?:\s+out)?)\s+by\s+(?:the\s+)?"
                           r"(?:delegation|government|permanent\s+mission|mission)\s+of\s+(?:the\s+)?$", re.I)

_ISSUER_CUE = re.compile(r"\b(?:Embassy|Ambassador|Foreign Ministry|Ministry|Mission|Consulate|Spokes(?:wo)?m[ae]n|"
                         r"Spokesperson|press officer|press service|Department)\b", re.I)

# "in the name of" and "speak for" count only when they name a state or body ("In the Name of God")
_ON_BEHALF = re.compile(r"\b(?:on behalf of|(?P<for>in the name of|speak(?:s|ing)?\s+(?:here\s+)?for))\s+(?:the\s+)?",
                        re.I)

# another delegation's statement that this one joins: its "on behalf of" is not this statement's ...
_OTHERS_STATEMENT = re.compile(r"\b(?:align|associat|endors|support|subscrib|join|echo|welcom|share)\w*\b[^.;]{0,80}?"
                               r"\bstatements?\b|\bstatements?\s+(?:made|delivered|read|presented|given)\b|"
                               # ... or a draft another presents: "draft resolution L.9, ..., presented by Chile on behalf of"
                               r"\b(?:draft|resolution|proposal)\b[^;]{0,200}?\b(?:presented|introduced|tabled|submitted)\s+by\b",
                               re.I)

# the symbol of a UN press release ("GA/DIS/3659", "SC/14589", "SG/SM/20847"), in the header or the note below it
_UN_SYMBOL = re.compile(r"(?<![\w/])(?:GA|SC|SG|ECOSOC|DSG|HR|OBV|PI|DC|ENV|SOC|IHA)(?:/[A-Z]{2,4})?/\d{3,6}\b")


def un_release(stmt: Statement) -> bool:
    """Whether the statement is a UN press release: its header, or the note that opens it, gives its symbol."""
    text, end = stmt.context.text, min(stmt.end, stmt.heading_end + 500)
    return text.find("/", stmt.start, end) >= 0 and _UN_SYMBOL.search(text, stmt.start, end) is not None


# another's statement as the topic: "... on the statement by", "regarding the remarks of"
_TOPIC = re.compile(r"\b(?:on|about|regarding|concerning|to|against|in\s+response\s+to|following)\s+(?:the\s+|a\s+|recent\s+)*"
                    r"(?:\w+\s+)?(?:statements?|comments?|remarks|declarations?|article|interview|speech)\s+"
                    r"(?:made\s+|delivered\s+)?(?:by|of|from)\s+(?:the\s+)?[\"“«]?$", re.I)
# the act the heading reports on another's document: "Adoption of the annual progress report of the Working Group"
_ACTED_ON = re.compile(r"\b(?:adoption|approval|publication|release|launch|presentation|consideration|submission|"
                       r"endorsement)\s+of\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){0,4}(?:reports?|statements?|"
                       r"declarations?|communiqu[eé]s?|resolutions?)\s+(?:by|of|from)\s+(?:the\s+)?$", re.I)
# what a headline's subject reacts to: "Secretary-General welcomes consensus on the final report of the Group"
_WELCOMED = re.compile(r"\b(?:welcomes?|welcomed|hails|condemns|deplores|regrets|notes)\b[^.\n]{0,80}?\b(?:reports?|"
                       r"statements?|declarations?|communiqu[eé]s?)\s+(?:by|of|from)\s+(?:the\s+)?$", re.I)
# a name opening the heading's line or following a separator ("... - EU Statement", "EU Statement" on its own line)
_LINE_OPENS = re.compile(r"(?:^|\n|\s[-–—:|])[\s*_\"“«]*(?:the\s+)?$", re.I)
_OWN_BODY = re.compile(r"\s+(?:delegation|government|side|mission|embassy|foreign ministry)\b", re.I)


def _issued_by(pre: str, hs: int, end: int, tail: str) -> bool:
    """``_ISSUED_BY`` at the end of ``pre`` (from :func:`lookback`) stripped of spaces, asterisks and
    underscores, plus ``tail``. A cut ``pre`` is stripped at its end only (its start is not the heading's)."""
    stripped = pre.strip(" *_\n") if len(pre) == end - hs else pre.rstrip(" *_\n")
    return _ISSUED_BY.search(stripped + tail) is not None


# a meeting a body holds, named by the body and the meeting's kind ("UN Security Council Briefing on X")
_HELD = re.compile(r"\s*briefing\b", re.I)


def issuer(stmt: Statement, hs: int, fallback: bool = True, held: bool = True) -> list[Entity]:
    """Who issued a statement: a body or state the heading names as its author, else (with
    ``fallback``) the page's own state when the heading names an embassy, ministry or ambassador. Without
    ``held``, a body named before "Briefing" holds the meeting the statement was made at: no author."""
    text = stmt.context.text
    heading = text[hs:stmt.heading_end]
    for m in stmt.mentions:
        if m.entity.kind not in ("Organization", "State") or not (hs <= m.start < stmt.heading_end) \
                or m.info.get("nested") or m.form in ("capital", "metonym"):
            continue
        pre = lookback(text, hs, m.start)
        if _TOPIC.search(pre) or _ACTED_ON.search(pre) or _WELCOMED.search(pre):
            continue  # "Comment by the Embassy on the statement by Zambia": Zambia's statement is the topic
        if m.entity.kind == "State":  # "Statement by India", "... by the Delegation of India", "by the Russian delegation"
            if (_issued_by(pre, hs, m.start, " ") or _DELIVERED_BY.search(pre)) and (
                    m.form != "adjective" or _OWN_BODY.match(text, m.end)):
                return [m.entity]
            # "Joint Statement of the Foreign Ministers of Russia and China": every state of the list
            if re.search(r"\b(?:statement|declaration|communiqu[eé])\s+(?:by|of)\s+(?:the\s+)?(?:(?:foreign\s+)?ministers|"
                         r"heads\s+of\s+state(?:\s+and\s+government)?|leaders|presidents|governments)\s+of\s+(?:the\s+)?$",
                         pre, re.I):
                return [m.entity] + [o.entity for o in listed_after(stmt, m.end, ("State",), stmt.heading_end)]
            if re.match(r"(?:[’']s|[ \t]*[:–—])?\s+(?:joint\s+|national\s+)?(?:statement|declaration|comment|"
                        r"explanation of (?:vote|position)|intervention|remarks|address|position\s+paper|submission)\b",
                        text[m.end:m.end + 40], re.I):
                return [m.entity]  # "UK statement to the OSCE Permanent Council"
            continue
        if not held and _HELD.match(text, m.end):
            continue
        if _issued_by(pre, hs, m.start, " " if pre.endswith(" ") else "") or (
                (len(pre) == m.start - hs and re.fullmatch(r"[\s*_\"“«]*(?:the\s+)?", pre, re.I) or _LINE_OPENS.search(pre))
                and KIND_AFTER.match(text[m.end:m.end + 30].lstrip(" \"”»"))):
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

# (a number may be a name's word: "the Group of 21")
_GROUP_NAME = re.compile(r"[A-Z][\w’'-]*(?:[ \t]+(?:(?:of|for|on|and|the|in)[ \t]+)*(?:[A-Z][\w’'-]*|\d+\b)){1,8}")


def _behalf_list(stmt: Statement, pos: int) -> list[Entity]:
    """Who is named right after "on behalf of": a body or state, a list of them ("Australia and New Zealand"),
    or a group of states without a name of its own ("a group of like-minded States", "the Nordic countries")."""
    text = stmt.context.text
    members = re.match(r"(?:(?:its|the)\s+)?(?:\d+\s+)?(?:member\s+states|states\s+members|members|member\s+countries)\s+of\s+"
                       r"(?:the\s+)?", text[pos:pos + 60], re.I)
    if members:  # "on behalf of the member States of the European Union": the Union
        body = [o for o in stmt.mentions if o.start == pos + members.end() and o.entity.kind == "Organization"]
        if body:
            return [body[0].entity]
    first = next((o for o in stmt.mentions if o.start == pos and not o.info.get("nested")
                  and o.entity.kind in ("State", "Organization")), None)
    if first is not None:  # a body, or a list of states ("Australia and New Zealand")
        if first.entity.kind == "Organization":  # "the CANZ countries — A, B and C": the states it lists
            after = re.match(r"\s+(?:countries|states|group)\b", text[first.end:first.end + 20], re.I)
            listed = _members_listed(stmt, first.end + (after.end() if after else 0))
            if listed:
                return listed
        more = listed_after(stmt, first.end, ("State",)) if first.entity.kind == "State" else []
        return [first.entity] + [o.entity for o in more]
    g = _AD_HOC_GROUP.match(text, pos, min(stmt.end, pos + 80))
    if g:  # "the Nordic countries – Denmark, Finland, ...": the states it lists, else the group as written
        return _members_listed(stmt, g.end()) or [group_entity(g.group("name"))]
    named = _GROUP_NAME.match(text, pos, min(stmt.end, pos + 120))
    # a group the gazetteer does not know ("the Group of Friends of Digital Peace"): kept as written
    return [group_entity(" ".join(named.group(0).split()))] if named else []


# a group's members set off after its name: "the Nordic countries – A, B and C", "(A, B and C)", ": A, B and C"
_MEMBERS_CUE = re.compile(r"[ \t]*(?:[–—:-]|\()[ \t]*(?:namely[ \t]+)?")


def _members_listed(stmt: Statement, end: int) -> list[Entity]:
    """The states listed right after a group's name (two or more), else nothing."""
    cue = _MEMBERS_CUE.match(stmt.context.text, end)
    if cue is None:
        return []
    first = next((o for o in stmt.mentions if o.start == cue.end() and o.entity.kind == "State"
                  and not o.info.get("nested")), None)
    if first is None:
        return []
    states = [first.entity] + [o.entity for o in listed_after(stmt, first.end, ("State",))]
    return states if len(states) >= 2 else []


def on_behalf(stmt: Statement, hs: int, speakers: list[Mention], named: list[Entity],
              body: tuple[Entity, Mention | None] | None, release: bool,
              kind: str = "") -> tuple[list[Entity], Mention | None]:
    """For whom the statement speaks, and the speaker whose own state or body that is (None when the text
    says so otherwise). ``named``: states the heading names as issuer; ``body``: the body whose own
    statement this is; ``release``: a UN press release; ``kind``: the statement's kind."""
    # (a UN press release reports others' words: only its heading says for whom it speaks)
    upto = stmt.heading_end if release else first_sentence(stmt)[1]
    behalf, explicit = _explicit(stmt, hs, named, upto)
    if not behalf and not explicit:  # "I speak in my capacity as Chair of the Working Group": for the body
        behalf = _capacity(stmt, hs, upto) or _chair_speaking(stmt, speakers)
        explicit = bool(behalf)
    for m in speakers:  # "Delivered by: Ambassador X, ..., on behalf of the Group of 77": the field line says
        if not behalf and m.info.get("field_line"):
            behalf, explicit = _explicit(stmt, m.info["field_line"][0], named, m.info["field_line"][1], field=True)
    if len(behalf) == 1 and behalf[0].key.startswith("GROUP-") and _UNNAMED_GROUP.search(behalf[0].label):
        # "on behalf of a group of 12 countries" in the lead, then the statement lists them: "on behalf of
        # Chile, Fiji, ... and my own country, Peru"
        behalf = _listed_later(stmt, stmt.heading_end if release else first_sentence(stmt)[1]) or behalf
    if not behalf and not explicit and stmt.role in ("main", "item"):
        # "The following is the text of a joint statement by the Governments of ...", a "Signatories:" list
        behalf = _joint_issuers(stmt) or _signatories(stmt)
    said_for = None  # the speaker whose own state or body the statement is for
    if not behalf and not explicit and speakers and stmt.role in ("main", "item"):
        # "Statement of the Group of 77 and China / Delivered by: H.E. Mr. X, Permanent Representative of
        # Mozambique": the group the heading names as author, not the speaker's own state
        behalf = [e for e in issuer(stmt, hs, fallback=False, held=False) if e.kind == "Organization"][:1]
    if not behalf and not explicit:
        behalf, said_for = _speakers_own(stmt, speakers)
    if not behalf and stmt.role in ("turn", "part"):
        # "Brazil: ...", "Mr. Nebenzia (Russian Federation): ...", "The representative of Mexico said ..."
        behalf = [m.entity for m in stmt.mentions if hs <= m.start < stmt.heading_end and not m.info.get("nested")
                  and m.entity.kind in ("State", "Organization") and m.entity.attr("type") != "NationalBody"][:1]
        if not behalf and stmt.role == "turn":  # "BRAZIL:", a label in capitals
            label = stmt.context.text[hs:stmt.heading_end].strip(" *_:\t")
            behalf = [f.entity for f in lex().lookup(label.title()) if f.entity is not None
                      and f.entity.kind == "State"][:1]
    if body is not None and not explicit:
        behalf, said_for = [body[0]], None
    elif (release or stmt.role == "main" and _meeting_summary(stmt)) and not behalf and not speakers and not explicit:
        behalf = [lex().organization("UN")]  # a UN press release, or the UN's summary of a meeting, speaks for the UN
    if not behalf and not speakers and not explicit and stmt.role in ("main", "item"):
        behalf = _account_holder(stmt)  # a social-media post: "MFA of Kazakhstan / @MFA_KZ" above it
    if not behalf and not speakers and not explicit:
        behalf = issuer(stmt, hs, fallback=stmt.role not in ("turn", "part"))  # a turn is no page's own
    if not behalf and not speakers and not explicit and stmt.role in ("main", "item"):
        # a news lead: "China's envoy to the UN said ...", "the Russian Foreign Ministry said ..."
        state = lead_state(stmt, *lead_sentence(stmt)) or lead_subject_state(stmt, *lead_sentence(stmt))
        behalf = [state] if state is not None else []
    if not behalf and not speakers and not explicit and stmt.role in ("main", "item"):
        state = _from_line_state(stmt)  # "From: Ministry of Defence": a page field naming the state's ministry
        behalf = [state] if state is not None else []
    home = stmt.context.home_state
    if not behalf and not speakers and not explicit and kind == "press release" and stmt.role == "main" \
            and home is not None and any(m.entity.key == home.key for m in stmt.mentions if m.entity.kind == "State") \
            and _letterhead_body(stmt) is None:  # (a body's letterhead says whose page it is: not the state named most)
        behalf = [home]  # an unsigned press release on a state's page, which it names: that state's
    if not behalf and not speakers and not explicit and stmt.role == "main":
        body = _letterhead_body(stmt)  # an unsigned release on an international body's own page: the body's
        behalf = [body] if body is not None else []
    if not behalf and not speakers and not explicit and stmt.role in ("main", "item"):
        state = _mission_letterhead(stmt)  # an unsigned item of a mission's newsletter: the mission's state
        behalf = [state] if state is not None else []
    return list({(e.kind, e.key): e for e in behalf}.values()), said_for


# a social-media account's handle on the line below its name ("MFA of Kazakhstan\n@MFA_KZ")
_HANDLE = re.compile(r"\n[ \t]*@\w{2,30}[ \t]*(?:\n|$)")


def _account_holder(stmt: Statement) -> list[Entity]:
    """The body whose account posted the statement: its name fills a line and its handle the next one. A
    ministry's or other national body's account speaks for its state."""
    text = stmt.context.text
    for m in stmt.mentions:
        if m.entity.kind != "Organization" or m.info.get("nested") or not _HANDLE.match(text, m.end):
            continue
        if text[text.rfind("\n", 0, m.start) + 1:m.start].strip(" \t*_"):
            continue
        state = m.entity.attr("state") if m.entity.attr("type") == "NationalBody" else None
        found = lex().state(state) if state else m.entity
        return [found] if found is not None else []
    return []


# a page's field line naming who published it: "From: Department for Trade", "From: Ministry of X and Jane Doe"
_FROM_LINE = re.compile(r"^[ \t*_]*from[ \t]*:[ \t*_]*", re.I | re.M)


def _from_line_state(stmt: Statement) -> Entity | None:
    """The state whose ministry or other national body a "From:" field line names first."""
    text = stmt.context.text
    for f in _FROM_LINE.finditer(text, stmt.start, stmt.end):
        le = text.find("\n", f.end(), stmt.end)
        le = stmt.end if le < 0 else le
        first = min((m for m in stmt.mentions if f.end() <= m.start < le and m.entity.kind == "Organization"
                     and not m.info.get("nested")), key=lambda m: m.start, default=None)
        if first is not None and first.entity.attr("type") == "NationalBody":
            return lex().state(first.entity.attr("state") or "")
    return None


# a UN body's meeting told in the third person: "The Economic and Social Council today held a panel ...", "The
# Committee concluded its general debate ..."
_MEETING_VERB = re.compile(r"\s+(?:(?:today|this\s+(?:morning|afternoon|evening)|yesterday|also)\s+)*(?:held|met|concluded|"
                           r"began|opened|continued|resumed|heard|considered|started|closed)\b", re.I)


def _meeting_summary(stmt: Statement) -> bool:
    """Whether the lead reports a meeting of a UN body, that body its subject: the UN's own summary of it."""
    text = stmt.context.text
    bs, be = lead_sentence(stmt)
    first = next((m for m in stmt.mentions if bs <= m.start < be and not m.info.get("nested")), None)
    return first is not None and first.entity.kind == "Organization" and first.entity.attr("type") == "UNBody" \
        and re.fullmatch(r"\s*(?:the\s+)?", text[bs:first.start], re.I) is not None \
        and _MEETING_VERB.match(text, first.end, be) is not None


# the issuers a page's note names for the joint text it carries: "The following is the text of a joint statement
# by the Governments of the United States of America and Japan", "... joint declaration of A and B"
_JOINT_BY = re.compile(r"\bjoint\s+(?:statement|declaration|communiqu[eé]|press\s+statement)\s+(?:issued\s+)?(?:by|of|from)"
                       r"\s+(?:the\s+)?(?:(?:governments?|leaders|ministers|foreign\s+ministers)\s+of\s+(?:the\s+)?)?", re.I)


# the issuers as the first sentence's subject, acting together: "The Governments of A, B and C have today jointly
# condemned ...", "The Foreign Ministers of A and B jointly announced ..."
_JOINT_SUBJECT = re.compile(r"\s*(?:the\s+)?(?:governments|foreign\s+ministers|ministers|leaders)\s+of\s+(?:the\s+)?", re.I)
_JOINTLY = re.compile(r"\s+(?:(?:have|has|had|today|also)\s+)*(?:jointly|together)\b", re.I)


def _joint_issuers(stmt: Statement) -> list[Entity]:
    """The states (two or more) a joint statement's first sentence names as its issuers."""
    text = stmt.context.text
    bs, be = first_sentence(stmt)
    m = _JOINT_BY.search(text, bs, be)
    subject = _JOINT_SUBJECT.match(text, bs, be) if m is None else None
    at = m.end() if m is not None else subject.end() if subject is not None else -1
    first = next((o for o in stmt.mentions if o.start == at and o.entity.kind == "State"), None)
    if first is None:
        return []
    listed = listed_after(stmt, first.end, ("State",), be)
    if m is None and not _JOINTLY.match(text, listed[-1].end if listed else first.end, be):
        return []  # "The Governments of A and B were urged to ...": named, not speaking together
    states = [first.entity] + [o.entity for o in listed]
    return states if len(states) >= 2 else []


# a joint text's list of the states that sign it, one a line or in a row: "Signatories:\nAustralia\nBelgium ..."
_SIGNED_BY = re.compile(r"^[ \t*_]*(?:signatories|signed\s+by|co-?signed\s+by|endorsed\s+by|signing\s+states)[ \t]*:[ \t*_]*",
                        re.I | re.M)


def _signatories(stmt: Statement) -> list[Entity]:
    """The states a "Signatories:" list names (two or more), up to the first line that is not one of them."""
    text = stmt.context.text
    label = _SIGNED_BY.search(text, stmt.start, stmt.end)
    if label is None:
        return []
    states: list[Entity] = []
    pos = label.end()
    for m in sorted((m for m in stmt.mentions if m.start >= pos and m.entity.kind == "State"), key=lambda m: m.start):
        if text[pos:m.start].strip(" \t\n,;*_•-") not in ("", "and"):
            break  # (the list ends where other words begin)
        states.append(m.entity)
        pos = m.end
    return states if len(states) >= 2 else []


# a group known only by what it is ("43 countries", "like-minded States"), not by a name of its own
_UNNAMED_GROUP = re.compile(r"\b(?:countries|states|nations|delegations)$", re.I)
_LATER = 1500  # how far below the lead a statement naming an unnamed group's members may still list them


def _listed_later(stmt: Statement, pos: int) -> list[Entity]:
    """The states a later "on behalf of" lists (two or more), within :data:`_LATER` characters of ``pos``."""
    for m in _ON_BEHALF.finditer(stmt.context.text, pos, min(stmt.end, pos + _LATER)):
        found = _behalf_list(stmt, m.end())
        if sum(e.kind == "State" for e in found) >= 2:
            return found
    return []


_LETTERHEAD_LINES = 3  # the page's first lines, where its letterhead stands


def _letterhead_body(stmt: Statement) -> Entity | None:
    """The intergovernmental or UN body whose name alone fills one of the page's first lines, above the
    statement's heading ("COUNCIL OF EUROPE" over its newsroom): the page is the body's own."""
    text, hits = stmt.context.text, stmt.context.hits or []
    top = 0
    for _ in range(_LETTERHEAD_LINES):
        nl = text.find("\n", top, stmt.heading_end)
        top = stmt.heading_end if nl < 0 else nl + 1
    for h in hits:
        if h.start >= top:
            break
        if h.outer is not None:
            continue
        ent = next((f.entity for f in h.forms if f.entity is not None and f.entity.kind == "Organization"), None)
        if ent is None or ent.attr("type") not in ("IntergovernmentalOrganization", "UNBody"):
            continue
        ls, le = text.rfind("\n", 0, h.start) + 1, text.find("\n", h.end)
        rest = text[h.end:le if le >= 0 else len(text)].strip(" \t*_")
        # (or the body's office: "United Nations Secretary-General" over the office's statements)
        if not text[ls:h.start].strip(" \t*_") and (not rest or titles().title_re.fullmatch(rest)):
            return ent
    return None


def _mission_letterhead(stmt: Statement) -> Entity | None:
    """The state whose mission, embassy or ministry a letterhead line among the page's first lines names
    ("Permanent Mission of Ireland to the United Nations, Geneva"): the page is that state's."""
    text, hits = stmt.context.text, stmt.context.hits or []
    top = 0
    for _ in range(_LETTERHEAD_LINES):
        top = text.find("\n", top) + 1 or len(text)
    for line in re.finditer(r"[^\n]+", text[:top]):
        if not layout().letterhead.match(line.group(0).strip(" \t*_")):
            continue
        for h in hits:
            if line.start() <= h.start < line.end() and h.outer is None:
                st = next((f.entity for f in h.forms if f.entity is not None and f.entity.kind == "State"), None)
                if st is not None:
                    return st
    for h in hits:  # a ministry's name opening one of the first lines, maybe with its abbreviation after it
        if h.start >= top:
            break
        body = None if h.outer is not None else \
            next((f.entity for f in h.forms if f.entity is not None and f.entity.kind == "Organization"), None)
        ls, le = text.rfind("\n", 0, h.start) + 1, text.find("\n", h.end)
        if body is not None and body.attr("type") == "NationalBody" and body.key.startswith("MFA-") and \
                not text[ls:h.start].strip(" \t*_") and _ABBREVIATION_ONLY.fullmatch(text[h.end:le if le >= 0 else top]):
            return lex().state(body.attr("state") or "")
    return None


_ABBREVIATION_ONLY = re.compile(r"[ \t*_]*(?:\(?[A-Z]{2,8}\)?)?[ \t*_]*")


# a third party described as acting for someone: "a group which conducts operations on behalf of", "actors working on
# behalf of" (never the speaker: "which I deliver on behalf of", "I am acting on behalf of")
_DESCRIBED = re.compile(r"(?:\b(?:which|who|that)\s+(?:(?:is|are|was|were|has|have)\s+(?:been\s+)?)?(?:\w+ly\s+)?"
                        r"(?:conducts?|operates?|acts?|works?|carr(?:y|ies)\s+out|spies|operating|working|conducting)"
                        r"(?:\s+(?:operations|activities|attacks|campaigns))?|\b(?:actors?|groups?|hackers?|units?|agents?|"
                        r"proxies|operatives|entities|individuals)\s+(?:\w+\s+)?(?:acting|operating|working))\s+$", re.I)


def _explicit(stmt: Statement, hs: int, named: list[Entity], upto: int,
              field: bool = False) -> tuple[list[Entity], bool]:
    """Who an "on behalf of" ("in the name of", "I speak for") in the heading or first sentence (up to ``upto``) names, and
    whether the text says for whom at all (an unknown group, never replaced by the speaker's country). With
    ``field``, ``hs``-``upto`` is the field line naming the speaker, no other statement's words."""
    text = stmt.context.text
    behalf: list[Entity] = []
    explicit = False
    for m in _ON_BEHALF.finditer(text, hs, upto):
        if not field and m.start() >= stmt.heading_end and _OTHERS_STATEMENT.search(text, first_sentence(stmt)[0], m.start()):
            continue  # "We align ourselves with the statement made by Indonesia on behalf of the NAM"
        if _DESCRIBED.search(text, max(hs, m.start() - 80), m.start()):
            continue  # "a group which conducts operations on behalf of X": whom a third party serves, not the text
        found = _behalf_list(stmt, m.end())
        # "on behalf of H.E. Mr. Alexander Yakovenko": a person's stand-in, who speaks for the person's state
        explicit = explicit or bool(found) or not m.group("for") and not any(
            p.entity.kind == "Person" and p.info.get("title_start", p.start) <= m.end() + 12 and p.start >= m.end()
            for p in stmt.mentions)
        behalf += found
        if re.search(r"\balso\s+$", text[max(hs, m.start() - 8):m.start()], re.I):
            # "Statement by Japan, also on behalf of Australia and New Zealand": the speaker's state too
            behalf[:0] = named
    return behalf, explicit


# an organ of a body, named before it ("the Coordinating Bureau of the Movement of ..."): its chair speaks for the body
_ORGAN_OF = re.compile(r"(?:[A-Z][\w-]*\s+){1,4}of\s+(?:the\s+)?")


def _capacity(stmt: Statement, lo: int, hi: int) -> list[Entity]:
    """The body whose chair (president, coordinator) the text between ``lo`` and ``hi`` says speaks as such: that
    body, or the body an organ of it belongs to ("Chair of the Coordinating Bureau of the Movement of X")."""
    text = stmt.context.text
    for cue in CAPACITY.finditer(text, lo, hi):
        at = cue.end()
        if not any(o.start == at and o.entity.kind == "Organization" for o in stmt.mentions):
            organ = _ORGAN_OF.match(text, at, min(hi, at + 80))
            at = organ.end() if organ else at
        body = next((o for o in stmt.mentions if o.start == at and o.entity.kind == "Organization"
                     and not o.info.get("nested")), None)
        if body is None:
            continue
        parent = body.entity.attr("parent")
        inner = next((o.entity for o in stmt.mentions if o.entity.key == parent and body.start < o.start
                      and o.end <= body.end), None) if parent else None
        return [inner or body.entity]  # (an organ named whole, its body inside its name: the body)
    return []


# a chair who says they speak as such: "my job as chair is to ...", "As Chair, I ..."
_AS_CHAIR = re.compile(r"\b(?:my|our)\s+(?:job|role|task|duty|responsibility|aim)\s+as\s+(?:the\s+)?(?:co-)?chair"
                       r"(?:man|person|woman)?\b|\bas\s+(?:the\s+)?(?:co-)?chair(?:man|person|woman)?,\s+I\b", re.I)
# the body a speaker is named as chair of: "OEWG chair X", "Chair of the Working Group, X"
_CHAIR_BEFORE = re.compile(r"[ \t]+(?:co-)?chair(?:man|person|woman)?[ \t]+$", re.I)
_CHAIR_OF = re.compile(r"\b(?:co-)?chair(?:man|person|woman)?\s+of\s+(?:the\s+)?$", re.I)


def _chair_speaking(stmt: Statement, speakers: list[Mention]) -> list[Entity]:
    """The body a speaker is named chair of right before their name ("OEWG chair Jane Doe", "Chair of the Group,
    Jane Doe"), when the speaker says they speak as chair ("My job as chair is to ...")."""
    text = stmt.context.text
    if not speakers or not _AS_CHAIR.search(text, stmt.heading_end, stmt.end):
        return []
    for m in speakers:
        start = m.info.get("title_start", m.start)
        for o in mentions_in(stmt, max(stmt.start, start - 120), start, ("Organization",)):
            if o.info.get("nested"):
                continue
            if _CHAIR_BEFORE.fullmatch(text, o.end, start) or (
                    re.fullmatch(r"[ \t]*,?[ \t]+", text[o.end:start]) and _CHAIR_OF.search(text, max(0, o.start - 30), o.start)):
                # (a body of that family the statement names too is the one meant: "OEWG" -> the OEWG of its years)
                finer = next((x.entity for x in stmt.mentions if x.entity.kind == "Organization"
                              and o.entity.key in (x.entity.attr("family"), x.entity.attr("parent"))), None)
                return [finer or o.entity]
    return []


def _honorific_only(m: Mention) -> bool:
    """Whether the title read before the name is a form of address alone ("Mr.", "H.E. Ms."), with no office."""
    words = (m.info.get("title") or "").replace(",", " ").split()
    if not words or m.info.get("post_title"):
        return False
    # (word by word: "The Rt Hon Lord" is "The Rt Hon" and "Lord")
    hon = {w.lower() for h in titles().honorifics for w in h.split()}
    return all(w.lower() in hon for w in words)


def _named_own(stmt: Statement, person: Entity) -> Entity | None:
    """The state or body the gazetteer says ``person`` serves, if the statement names it."""
    own = office_body(person)
    return own if own is not None and any(x.entity.key == own.key for x in stmt.mentions) else None


def _speakers_own(stmt: Statement, speakers: list[Mention]) -> tuple[list[Entity], Mention | None]:
    """The state or body each speaker serves, by their title, else (untitled) by the gazetteer or the page."""
    behalf: list[Entity] = []
    said_for = None
    for m in speakers:
        before = len(behalf)
        affs = affiliations(stmt, m, True)
        if affs:
            behalf.append(next((a for a in affs if a.kind == "State"), affs[0]))
        elif m.info.get("lead_state") is not None:  # quoted below a lead naming their state's envoy
            behalf.append(m.info["lead_state"])
        elif m.info.get("office_author"):  # "Secretary-General's Message": the body or state of that office
            serves = office_body(m.entity)
            behalf += [serves] if serves is not None else []
        elif m.info.get("titled") and (own := _named_own(stmt, m.entity)) is not None:
            # a title naming no state or body ("Federal Councillor X"): whom the gazetteer says they serve, when the
            # statement names that state or body too
            behalf.append(own)
        elif not m.info.get("titled") or _honorific_only(m):
            # a speaker named without a title ("Sergey Lavrov’s opening remarks"), or a form of address only
            # ("Statement by Mr. X, First Counsellor"): whom the gazetteer says they serve, else the state whose
            # page this is
            known = office_body(m.entity)  # (a body's official serves the body: "António Guterres" -> the UN)
            # (an author's byline is no official's: a writer does not speak for the state the page names most)
            home = stmt.own_state or (stmt.context.home_state if stmt.role not in ("turn", "part")
                                      and not m.info.get("byline") else None)
            if known is not None or home is not None:
                behalf.append(known if known is not None else home)
        if len(behalf) > before and said_for is None:
            said_for = m
    return behalf, said_for
