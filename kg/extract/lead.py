"""The lead of a news item or press release: its first real sentence, and the speaker it reports.

A news lead names who spoke and where, whatever the site: "MOSCOW, January 13. /TASS/. ...,
Russia's Permanent Representative to the organization, Alexander Lukashevich, said at a meeting of
the OSCE Permanent Council in Vienna"; "VIENNA, 5 July 2016 - OSCE Media Freedom Representative
Dunja Mijatovic today welcomed ..."; "Ambassador Ana Silva addressed the Conference on Disarmament
today". The speaker is the person a verb of speech follows (an apposition between name and verb
allowed), never one the sentence only cites ("As Secretary-General Guterres said, ...").
"""
from __future__ import annotations

import re

from kg.extract.common import once, sentence_bounds
from kg.model import Entity, Mention, Statement
from kg.layout import layout

__all__ = ["lead_body", "lead_report", "lead_sentence", "lead_speaker", "lead_state", "lead_subject_state"]

_CREDIT = re.compile(r"[\s*_]*(?:©|\(c\)|photo\b|image\b|source\s*:|file photo)", re.I)
# between the name and the verb: ", Russia's envoy to the UN," / " today" / " on Friday" / " has"
_WHEN = (r",?\s+(?:(?:today|yesterday|tonight|this\s+(?:week|morning|afternoon|evening)|earlier\s+today|on\s+\w+day|\w+day|"
         r"also|again|has|had|have|was|were|once\s+again)\s+){0,3}")
# (tried with the apposition and without it: "X, on Monday said ..., at the UN" has a comma further on)
_BRIDGES = (re.compile(r"\s*,[^.;\n]{0,160}?," + _WHEN, re.I), re.compile(_WHEN, re.I))
_MORE_VERBS = re.compile(r"(?:addressed|welcomed|underscored|briefed|presented|urged|called|said|told|"
                         r"made\s+(?:the|these|this|his|her)\s+(?:call|remarks?|appeal|comments?|statement|proposal))\b")
_GLUED = re.compile(r"[a-z]{2}[.!?](?=[A-Z][a-z])")
_CITED = re.compile(r"(?:^|\W)(?i:as|like|when|while|after|before|that|with|according\s+to|and|than)\s+(?:the\s+)?"
                    r"(?:[A-Z][\w.’'-]*\s+){0,4}$")  # "As Minister Anna Vogel said", "like the Ambassador"


def lead_sentence(stmt: Statement) -> tuple[int, int]:
    """The first sentence of the body's first paragraph of prose (100 characters or more, ending as a
    sentence ends), past a standfirst, a photo credit or a section label."""
    return once(stmt, "lead_sentence", _lead_sentence)


def _lead_sentence(stmt: Statement) -> tuple[int, int]:
    text = stmt.context.text
    pos = stmt.heading_end
    while pos < stmt.end:
        nl = text.find("\n", pos, stmt.end)
        le = stmt.end if nl < 0 else nl
        line = text[pos:le]
        if len(line.strip()) >= 100 and not _CREDIT.match(line) and re.search(r"[.!?:\"”»]\s*$", line):
            lead = pos + len(line) - len(line.lstrip())
            bs, be = sentence_bounds(text, lead, lead, stmt.end)
            if be - bs < 60 and be < stmt.end:  # a dateline ("MOSCOW, January 13. /TASS/.") and its sentence
                be = sentence_bounds(text, be + 1, be + 1, stmt.end)[1]
            glued = _GLUED.search(text, bs, be)  # "... its allies.The document ...": a sentence end all the same
            return bs, (glued.start() + 3 if glued else be)
        pos = le + 1
    return stmt.heading_end, stmt.heading_end


def lead_report(stmt: Statement) -> tuple[int, int]:
    """The sentences of a news lead that report the speech: the lead sentence, and the next one when the lead
    gives the speaker by office only ("A Chinese official on Friday called for ... . Wang Wei, director of
    ..., made the call at ...")."""
    return once(stmt, "lead_report", _lead_report)


def _lead_report(stmt: Statement) -> tuple[int, int]:
    bs, be = lead_sentence(stmt)
    if be >= stmt.end or lead_speaker(stmt, bs, be) is not None or lead_state(stmt, bs, be) is None:
        return bs, be
    text = stmt.context.text
    nb = be + len(text[be:stmt.end]) - len(text[be:stmt.end].lstrip(" \t\n.!?\"”"))
    return bs, sentence_bounds(text, nb, nb, stmt.end)[1]


def lead_speaker(stmt: Statement, bs: int, be: int) -> Mention | None:
    """The person the sentence ``[bs, be)`` reports as speaking."""
    text = stmt.context.text
    verbs = layout().reporting_verbs
    for m in stmt.mentions:
        if m.entity.kind != "Person" or not bs <= m.start < be:
            continue
        ats = [b.end() for b in (p.match(text, m.end, be) for p in _BRIDGES) if b is not None] or [m.end]
        if not any(verbs.match(text, at) or _MORE_VERBS.match(text, at) for at in ats):
            continue
        if _CITED.search(text, bs, m.start):
            continue
        return m
    return None


# an unnamed speaker known by office: "China's envoy to the UN", "the Russian Foreign Ministry", "a Chinese official"
_OFFICE_NOUN = re.compile(r"(?:[’']s)?\s+(?:(?:top|chief|senior|deputy|permanent|special|new|former|UN|U\.N\.)\s+)*"
                          r"(?:[a-z]+\s+){0,2}?"  # the field of the office: "China's disarmament ambassador"
                          r"(?:envoy|ambassador|representative|delegate|delegation|mission|diplomat|official|"
                          r"spokes(?:man|woman|person)|foreign\s+minist(?:er|ry)|minist(?:er|ry)|government|president|"
                          r"prime\s+minister|side)\b", re.I)


# the members of a body speaking together: "the BRICS leaders", "G7 foreign ministers", "ASEAN heads of state"
_MEMBERS_NOUN = re.compile(r"(?:[’']s)?\s+(?:(?:heads\s+of\s+state(?:\s+and\s+government)?|leaders|(?:foreign\s+)?ministers|"
                           r"member\s+states|members))\b", re.I)


_ACCUSED = re.compile(r"\s(?:accused|critici[sz]ed)\b")


def lead_state(stmt: Statement, bs: int, be: int) -> Entity | None:
    """The state whose unnamed envoy, ministry or official the lead ``[bs, be)`` reports as speaking."""
    return _lead_speaking(stmt, bs, be, "State", _OFFICE_NOUN)


def lead_body(stmt: Statement, bs: int, be: int) -> Entity | None:
    """The intergovernmental body whose leaders or ministers the lead ``[bs, be)`` reports as speaking
    together ("..., the BRICS leaders on Sunday emphasised ...")."""
    found = _lead_speaking(stmt, bs, be, "Organization", _MEMBERS_NOUN)
    return found if found is not None and found.attr("type") == "IntergovernmentalOrganization" else None


def _lead_speaking(stmt: Statement, bs: int, be: int, kind: str, noun: re.Pattern) -> Entity | None:
    text = stmt.context.text
    verbs = layout().reporting_verbs
    for m in stmt.mentions:
        if m.entity.kind != kind or not bs <= m.start < be or m.info.get("nested"):
            continue
        office = noun.match(text, m.end, be)
        if office is None:
            continue
        tail = re.match(r"[^.;]{0,120}?(?=\s(?:said|says|told|stated|noted|stressed|urged|called|warned|declared|"
                        r"addressed|welcomed|emphasi[sz]ed|underlined|reaffirmed|accused|critici[sz]ed)\b)",
                        text[office.end():be])
        at = office.end() + tail.end() if tail else be
        if tail and not _CITED.search(text, bs, m.start) and (verbs.search(text, at, be) or _ACCUSED.match(text, at)):
            return m.entity
    return None


# a lead whose subject is a state, after a dateline at most: "OSLO, 3 May (Agency) -- Norway has today reaffirmed ...",
# "The Kingdom of Norway today called for ...": the state acts, the text is its statement
_BEFORE_SUBJECT = re.compile(r"(?:[^\n]{0,80}?\s[–—-]{1,2}\s+)?(?:the\s+)?", re.I)
_SUBJECT_VERB = re.compile(r"\s+(?:(?:today|yesterday|again|once\s+again|also|firmly|strongly|formally|publicly)\s+)*"
                           r"(?:(?:has|have)\s+(?:(?:today|yesterday|again|also|firmly|strongly|formally|publicly)\s+)*"
                           r"(?!been\b)[a-z]+(?:ed|en)\b|(?:reaffirmed|reiterated|called|urged|welcomed|condemned|announced|"
                           r"expressed|stressed|declared|exposed|attributed|rejected|affirmed)\b|"
                           # the present: "Norway holds X responsible", "Norway is attributing ...", "Norway calls on"
                           r"(?:is|are)\s+(?!being\b)[a-z]+ing\b|(?:holds|calls|condemns|welcomes|urges|reaffirms|"
                           r"reiterates|attributes|announces|expresses|stresses|rejects|supports|strongly\s+condemns)\b)")


def lead_subject_state(stmt: Statement, bs: int, be: int) -> Entity | None:
    """The state the lead ``[bs, be)`` opens with as the subject of what it reports ("The Republic of X has
    reaffirmed ...", "X today condemned ..."); never a state the sentence names further in, nor an adjective."""
    text = stmt.context.text
    first = min((m for m in stmt.mentions if m.entity.kind == "State" and bs <= m.start < be
                 and not m.info.get("nested")), key=lambda m: m.start, default=None)
    if first is None or first.form in ("adjective", "capital", "metonym"):
        return None
    if not _BEFORE_SUBJECT.fullmatch(text, bs, first.start) or not _SUBJECT_VERB.match(text, first.end, be):
        return None
    return first.entity
