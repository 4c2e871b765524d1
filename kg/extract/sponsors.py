"""Sponsorship of resolutions and drafts (sponsoredBy), each with the span it was read from.

"the Russia-US draft resolution", "submitted by Singapore", "co-sponsored by Belarus, China and Iran",
"tabled in the Committee by Norway as draft L.12", "L.8, "Title ...", presented by Chile", "Peru is a
co-sponsor of draft resolution X", "We are proud to co-sponsor draft L.5" (the state speaking).
"""
from __future__ import annotations

import re
from typing import Iterator

from kg.extract.common import listed_before, mentions_in, outer
from kg.model import Entity, Mention, Relation, Statement

__all__ = ["national_drafts", "sponsors"]

_PAIR_DRAFT = re.compile(r"(?P<a>\S+?)[-–](?P<b>\S+?)\s+(?:draft\s+)?(?:resolution|draft)\b")
_HYPHEN_DRAFT = re.compile(r"[-–]\S*\s+(?:draft\s+)?(?:resolution|draft)\b")  # cheap: where _PAIR_DRAFT can match
_WHICH_WAS = re.compile(r",?\s+(?:which|that)\s+(?:was|were|has\s+been|had\s+been|is)\s+(?:\w+ly\s+)?$")
_SPONSOR_BY = re.compile(r"\b(?:submitted|sponsored|co-sponsored|cosponsored|introduced|tabled|presented|proposed|"
                         r"authored|co-authored|drafted|put forward)\s+(?:in\s+the\s+(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,3}\s+)?"
                         r"by\s+", re.I)
_SPONSOR_VERB = re.compile(r"\b(?:submitted|introduced|tabled|sponsored|co-sponsored|presented|drafted|authored|"
                           r"initiated|put forward)\s+(?:the\s+|a\s+|its\s+)?(?:draft\s+)?(?:resolution|decision)?\s*"
                           r"(?=[A-Z\d])")


# between a resolution and "tabled by": its title in quotes, or its subject ("L.60 on outer space, tabled by")
_TITLE_GAP = re.compile(r",?\s*(?:(?:entitled|titled)\s+)?[\"“][^\"”]{1,300}[\"”]\s*,?\s*|\s+on\s+[^,;.:\"“()]{1,80},\s*")
# "tabled by Chile as draft L.8": the resolution right after the states
_AS_DRAFT = re.compile(r"\s+as\s+(?:the\s+)?(?:draft\s+)?(?:resolution\s+|decision\s+)?(?:document\s+)?")
# "is a co-sponsor of", "is among the co-sponsors of", "joined the list of co-sponsors", "we co-sponsor",
# "we are proud to co-sponsor", "we have co-sponsored"
_COSPONSOR = re.compile(
    r"\b(?:(?:is|was|are|were|has\s+been|have\s+been|became|becomes|will\s+be)\s+(?:also\s+)?(?:a|one\s+of\s+the|"
    r"among\s+the)\s+(?:main\s+|original\s+)?co-?sponsors?(?:\s+of)?|(?P<list>(?:has\s+|have\s+|also\s+)*join(?:ed|s)\s+"
    r"(?:the\s+(?:list|group|ranks)\s+of\s+)?(?:the\s+)?(?:co-?)?sponsors(?:\s+of)?)|(?P<we>\b[Ww]e\s+(?:(?:are|were|have|"
    r"had|also|once\s+again|again|proudly|will|am)\s+)*(?:(?:proud|pleased|happy|honoured|honored|glad)\s+to\s+)?"
    r"(?:co-?sponsor(?:ed|ing)?|sponsor(?:ed|ing)?|joined\s+(?:the\s+(?:list\s+of\s+)?)?co-?sponsors(?:\s+of)?)))\b")
# between a state and its verb: "Peru also", "Peru, too,"; or the rest of its clause ("Peru voted yes and")
_SUBJECT_GAP = re.compile(r"\s*(?:,\s*too,\s*)?(?:(?:has|have|also|already|once\s+again|again|proudly)\s+)*|"
                          r"\s+(?:[a-z][\w-]*\s+){1,6}and\s+")
# between the verb and the resolution it names: "this year's draft resolution", "the draft"
_RES_LEAD = re.compile(r"\s+(?:(?:the|this|that|its|our|this\s+year['’]s|last\s+year['’]s)\s+)?(?:[a-z]+\s+){0,2}?"
                       r"(?:(?:draft\s+)?(?:resolution|decision)\s+)?(?:document\s+)?")


_in = outer


def sponsors(stmt: Statement, s0: int, s1: int, low: str) -> Iterator[Relation]:
    """``low``: the sentence ``[s0, s1)`` in lower case."""
    text = stmt.context.text
    sent = text[s0:s1]
    drafts = stmt.cache.get("drafts")
    if drafts is None:
        drafts = stmt.cache["drafts"] = [r for r in stmt.mentions if r.entity.kind == "Resolution"
                                         and r.entity.attr("draft")]
    # "the Russia-US draft resolution": the resolution of this sentence, else the statement's one draft
    for mm in _PAIR_DRAFT.finditer(sent) if _HYPHEN_DRAFT.search(sent) else ():
        a_ = _in(stmt, "State", s0 + mm.start(), s0 + mm.end("a") + 1)
        b_ = _in(stmt, "State", s0 + mm.start("b"), s0 + mm.end("b"))
        in_sent = _in(stmt, "Resolution", s0, s1)
        target = in_sent[0] if in_sent else (drafts[0] if len({d.entity.key for d in drafts}) == 1 else None)
        if a_ and b_ and target is not None:
            for st in (a_[0].entity, b_[0].entity):
                yield Relation(target.entity, "sponsoredBy", st, s0 + mm.start(), s0 + mm.end())
    # "Russia, together with 30 co-sponsors, submitted draft resolution A/C.1/75/L.4"
    for mm in _SPONSOR_VERB.finditer(sent):
        res = [r for r in _in(stmt, "Resolution", s0 + mm.end(), s1) if r.start <= s0 + mm.end() + 2]
        subj = _in(stmt, "State", s0, s0 + mm.start())
        glued = [x for x in subj if text[x.end:s0 + mm.start()] in ("-", "–")]
        subj = glued[-1:] or subj  # "the Russian-drafted resolution 73/27": that state only
        if res and subj and not re.search(r"\b(?:which|that|who)\b", text[subj[0].end:s0 + mm.start()]):
            for st in subj:
                yield Relation(res[0].entity, "sponsoredBy", st.entity, st.start, res[0].end)
    # "Germany co-sponsored the resolution together with France and Egypt": the resolution named last before
    for mm in re.finditer(r"\b(?:co-?sponsored|sponsored|tabled|submitted|introduced|put\s+forward|drafted|authored)\s+"
                          r"(?:the|this|that|our)\s+(?:draft\s+)?(?:resolution|draft)\b(?!\s+(?:A/|[0-9L]))", sent):
        subj = [x for x in _in(stmt, "State", s0, s0 + mm.start())
                if re.fullmatch(r"\s*(?:(?:has|had|have|also|jointly)\s+)*", text[x.end:s0 + mm.start()])]
        named = [r for r in mentions_in(stmt, stmt.start, s0 + mm.start(), ("Resolution",))]
        if not subj or not named:
            continue
        states = listed_before(stmt, subj[-1], ("State",), s0)  # "France and Egypt had tabled ..."
        tw = re.match(r"\s+(?:together\s+with|along\s+with|with)\s+(?:the\s+)?", sent[mm.end():])
        if tw:
            states += _listed_after(stmt, s0 + mm.end() + tw.end(), s1)
        states += _cosponsors_including(stmt, s0 + mm.end(), s1)
        for st in states:
            yield Relation(named[-1].entity, "sponsoredBy", st.entity, min(st.start, s0 + mm.start()), max(st.end, s0 + mm.end()))
    # "The draft was co-sponsored by Belarus, China and Iran": the draft named last
    m_draft = re.match(r"\s*(?:The|This|That|Our)\s+draft(?:\s+resolution)?\s+(?:(?:was|has been|is)\s+)?"
                       r"(?:co-?sponsored|sponsored|submitted|tabled|put forward)\s+by\s+", sent)
    earlier = [r for r in drafts if r.end <= s0]
    if m_draft and earlier:
        for st in _listed_after(stmt, s0 + m_draft.end(), s1):
            yield Relation(earlier[-1].entity, "sponsoredBy", st.entity, s0, st.end)
    if "by" in low:
        yield from _sponsored_by(stmt, s0, s1)
    if "sponsor" in low:
        yield from _cosponsors(stmt, s0, s1)
    if "we " in low:
        yield from _we_tabled(stmt, s0, s1)
    if "which" in low or "that" in low:
        yield from _which_states_tabled(stmt, s0, s1)
    if "initiative" in low or "proposal" in low or "brainchild" in low:
        yield from _initiative(stmt, s0, s1)


# "resolution 75/36, which we tabled in the General Assembly": the state speaking sponsored the resolution before
_WE_TABLED = re.compile(r",?\s+(?:which|that)\s+we\s+(?:(?:have|had|also|jointly|proudly|first|successfully)\s+)*"
                        r"(?:tabled|submitted|introduced|sponsored|co-?sponsored|presented|put\s+forward|drafted|"
                        r"authored|initiated)\b")


# "resolution 78/241, which Austria tabled", "which France and Egypt had tabled", "which Peru was proud to table"
_WHICH_STATES = re.compile(r",?\s+(?:which|that)\s+(?:the\s+)?(?=[A-Z])")
_STATES_TABLED = re.compile(r"\s+(?:(?:had|has|have|also|jointly|proudly|first|successfully|(?:was|were|is|are)\s+(?:proud|"
                            r"pleased|honoured|honored)\s+to)\s+)*(?:tabled?|submit(?:ted)?|introduced?|(?:co-?)?sponsor(?:ed)?|"
                            r"presented?|put\s+forward|drafted|authored|initiated)\b")


# after a sponsor's verb: "... together with some 40 co-sponsors, including the Republic of Korea and Chile"
_INCLUDING = re.compile(r"[^.;:]{0,80}?\b(?:together|along)\s+with\s+(?:(?:some|about|around|over|more\s+than|a\s+"
                        r"(?:broad\s+|large\s+|wide\s+)?group\s+of|\d+|[a-z]+-?[a-z]*)\s+){0,4}(?:other\s+)?co-?sponsors,?\s+"
                        r"(?:including|among\s+them|such\s+as|notably)\s+(?:the\s+)?")


def _cosponsors_including(stmt: Statement, pos: int, s1: int) -> list[Mention]:
    """The states named as the co-sponsors who joined the sponsor whose verb ends at ``pos``."""
    said = _INCLUDING.match(stmt.context.text, pos, s1)
    return _listed_after(stmt, said.end(), s1) if said else []


def _which_states_tabled(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    """The states a relative clause right after a resolution says tabled it."""
    text = stmt.context.text
    for r in _in(stmt, "Resolution", s0, s1):
        which = _WHICH_STATES.match(text, r.end, s1)
        if which is None:
            continue
        states = []
        for x in _in(stmt, "State", which.end(), min(s1, which.end() + 160)):
            gap = text[states[-1].end if states else which.end():x.start]
            if x.form in ("capital", "metonym") or not re.fullmatch(r"(?:,\s*|,?\s+and\s+(?:the\s+)?)?" if states else r"", gap):
                break
            states.append(x)
        said = _STATES_TABLED.match(text, states[-1].end, s1) if states else None
        for st in (states + _cosponsors_including(stmt, said.end(), s1)) if said else ():
            yield Relation(r.entity, "sponsoredBy", st.entity, r.start, said.end())


# "resolution 74/247, was Russia's initiative", "..., which was a Peruvian proposal", "..., adopted on the initiative
# of Chile": the state whose proposal the resolution was
_WAS_ITS = re.compile(r",?\s+(?:which\s+|that\s+)?(?:was|is)\s+(?:(?:originally|initially|first|also)\s+)?(?:an?\s+|the\s+)?")
_ITS_IDEA = re.compile(r"(?:[’']s)?\s+(?:own\s+)?(?:initiative|proposal|brainchild)\b")
_ON_INITIATIVE = re.compile(r",?\s+(?:(?:which\s+)?(?:was\s+)?(?:adopted|drafted|tabled|introduced)\s+)?(?:on|at)\s+the\s+"
                            r"(?:initiative|proposal)\s+of\s+(?:the\s+)?")


def _initiative(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    """The state a clause right after a resolution names as its proposer."""
    text = stmt.context.text
    for r in _in(stmt, "Resolution", s0, s1):
        was = _WAS_ITS.match(text, r.end, s1)
        st = [x for x in _in(stmt, "State", was.end(), s1) if x.start == was.end()] if was else []
        idea = _ITS_IDEA.match(text, st[0].end, s1) if st and st[0].form not in ("capital", "metonym") else None
        if idea:
            yield Relation(r.entity, "sponsoredBy", st[0].entity, r.start, idea.end())
            continue
        on = _ON_INITIATIVE.match(text, r.end, s1)
        for x in _listed_after(stmt, on.end(), s1) if on else ():
            yield Relation(r.entity, "sponsoredBy", x.entity, r.start, x.end)


def _we_tabled(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    text = stmt.context.text
    for r in _in(stmt, "Resolution", s0, s1):
        said = _WE_TABLED.match(text, r.end, s1)
        st = _speaking_state(stmt) if said else None
        if st is not None:
            yield Relation(r.entity, "sponsoredBy", st, r.start, said.end())


def _sponsored_by(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    """"draft resolution A/C.1/76/L.11 was submitted by Singapore", "L.8, "Its title", presented by Chile",
    "L.8 on outer space, tabled by Chile" (the resolution before the verb, maybe with its title or subject
    between), and "tabled in the Committee by Chile as draft L.8" (the resolution after the states)."""
    text = stmt.context.text
    for mm in _SPONSOR_BY.finditer(text, s0, s1):
        states = _listed_after(stmt, mm.end(), s1)
        if not states:
            continue
        res = _in(stmt, "Resolution", s0, mm.start())
        gap = text[res[-1].end:mm.start()] if res else ""
        relative = len(gap) <= 90 and _WHICH_WAS.search(gap)  # "resolution 77/37 on ..., which was tabled by"
        if res and (_TITLE_GAP.fullmatch(gap) or not ((len(gap) > 30 and not relative) or re.search(r"[A-Z]", gap))):
            for st in states:  # (not "the Programme of Action, co-sponsored by ...": no resolution of its own)
                yield Relation(res[-1].entity, "sponsoredBy", st.entity, res[-1].start, st.end)
            continue
        as_draft = _AS_DRAFT.match(text, states[-1].end, s1)
        after = _in(stmt, "Resolution", as_draft.end(), s1) if as_draft else []
        if after and after[0].start == as_draft.end():
            for st in states:
                yield Relation(after[0].entity, "sponsoredBy", st.entity, mm.start(), after[0].end)


def _cosponsors(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    """"Peru is a co-sponsor of draft resolution X", "Peru voted in favour and joined the list of co-sponsors" (of
    the resolution named before), "We are proud to co-sponsor draft L.5" (the state speaking)."""
    text = stmt.context.text
    for mm in _COSPONSOR.finditer(text, s0, s1):
        if mm.group("we"):
            st = _speaking_state(stmt)
            if st is None:
                continue
            subj, at = st, mm.start()
        else:
            cands = [x for x in _in(stmt, "State", s0, mm.start()) if x.form not in ("capital", "metonym") and (
                x.start == s0 or _SUBJECT_GAP.fullmatch(text, x.end, mm.start()))]
            if not cands or _in(stmt, "State", cands[-1].end, mm.start()):
                continue
            subj, at = cands[-1].entity, cands[-1].start
        after = [r for r in _in(stmt, "Resolution", mm.end(), s1) if _RES_LEAD.fullmatch(text, mm.end(), r.start)]
        before = [r for r in mentions_in(stmt, stmt.start, mm.start(), ("Resolution",))
                  if not text.count("\n\n", r.end, mm.start())]  # named earlier in the same paragraph
        if after:
            yield Relation(after[0].entity, "sponsoredBy", subj, at, after[0].end)
        elif mm.group("list") and before:
            yield Relation(before[-1].entity, "sponsoredBy", subj, before[-1].start, mm.end())


def _speaking_state(stmt: Statement) -> Entity | None:
    """The one state a statement speaks for ("we"): its on-behalf-of, else the state its heading names."""
    behalf = stmt.value("on_behalf_of") or []
    if len(behalf) == 1 and behalf[0].kind == "State":
        return behalf[0]
    return None if behalf else stmt.own_state


def national_drafts(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    """"the Russian draft A/C.1/74/L.50", "the Chinese draft resolution": the state whose draft it is, the
    resolution named right after (else the statement's one draft)."""
    text = stmt.context.text
    drafts = {r.entity.key: r for r in stmt.mentions if r.entity.kind == "Resolution" and r.entity.attr("draft")}
    for st in _in(stmt, "State", s0, s1):
        if st.form != "adjective":
            continue
        d = re.match(r"\s+draft(?:\s+resolution)?\b\s*(?:\(?(?:document\s+)?)?", text[st.end:s1])
        if d is None:
            continue
        after = [r for r in _in(stmt, "Resolution", st.end + d.end(), s1) if r.start <= st.end + d.end() + 2]
        target = after[0].entity if after else (next(iter(drafts.values())).entity if len(drafts) == 1 else None)
        if target is not None:
            yield Relation(target, "sponsoredBy", st.entity, st.start, st.end + d.end())


def _listed_after(stmt: Statement, start: int, s1: int) -> list[Mention]:
    """The states listed right after "sponsored by": up to the verb or clause that ends the list."""
    text = stmt.context.text
    tail = text[start:s1]
    stop = re.search(r"[.;:]|\b(?:which|that|who|was|were|is|are|has|have|had|will|would|and\s+(?:adopted|approved))\b",
                     tail)
    listed = _in(stmt, "State", start, start + (stop.start() if stop else len(tail)))
    # "proposed by Russia, and Japan voted against it": a state that acts on its own ends the list before it
    acting = next((k for k, x in enumerate(listed) if k and _ACTS.match(text, x.end)), len(listed))
    return listed[:acting]


_ACTS = re.compile(r"\s+(?:(?:also|then|later|firmly|strongly)\s+)?(?:voted|said|called|abstained|opposed|rejected|objected|"
                   r"supported|expressed|stated|noted|argued|insisted|explained|warned)\b")
