"""The forum of a statement: the body in whose meeting it was delivered, told apart from bodies it
merely names.

Read from the statement's header (the preamble's title lines, the heading, the byline) first:
- a body after a cue of delivery: "at the First Committee", "to the Forum for Security Co-operation",
  "before the Security Council", "during the second session of the OEWG", "addressed the Conference
  on Disarmament";
- a body opening a title line or a clause of it: "72nd UNGA First Committee", "Open-ended Working
  Group on ... / Third substantive session";
- a body in a labelled field: "Forum: Open-ended Working Group on ...";
never a body that is part of an office ("Permanent Representative of Chile to the United Nations").
The short lines right below the heading (a session line, "Human Rights Council – 50th Session") are read
when the heading names no forum. Of several, the field wins over the cue, the cue over the title line, and
a body wins over the one it belongs to (the First Committee over the General Assembly, the UN last). The body's first sentence is read the same way
for a cue ("..., said at a meeting of the OSCE Permanent Council in Vienna"), for a body whose members
met ("The Foreign Ministers of the Group met on ...") and for a body that acted as the lead opens ("Today,
in Geneva, the Council adopted ...") when the header names no forum. A header that names only the United
Nations yields to the UN body the lead says the speaker addressed ("told the First Committee").
"""
from __future__ import annotations

import re

from kg.extract.common import lex
from kg.extract.header import KIND_AFTER, below_heading, lines
from kg.model import Entity, Mention, Statement
from kg.layout import layout

__all__ = ["FORUM_TYPES", "MEETING_NOUNS", "header_forum", "body_forum", "covered_body", "is_part_of", "addressed_body",
           "lead_paragraph_forum", "salutation_forum"]

FORUM_TYPES = ("UNBody", "IntergovernmentalOrganization")
# the words of a meeting, one list for the forum's cues and the event's name (kg.extract.metadata)
MEETING_NOUNS = ("meeting", "session", "debate", "segment", "sitting", "plenary", "consultations?", "dialogue",
                 "hearing", "conference", "summit", "discussion", "briefing", "forum")
_MEETING = ("(?:" + "|".join(MEETING_NOUNS) + "|exchange of views|retreat|conclusion|opening|closing|launch|outset|"
            "margins|sidelines)s?")
# a cue of delivery and what stands between it and the body: "at the 2nd substantive session of the", "to a
# UN Security Council open debate on ... of the", "AT THE THEMATIC DEBATE ON ..., 78TH SESSION OF THE"
_CUE_WORD = re.compile(r"(?:^|[^\w-])(?P<cue>at|to|before|during|in the course of|in|addressed|addressing|addresses|told)"
                       r"(?=\s)", re.I)
_CUE_TAIL = re.compile(r"\s+(?:(?:the|a|an|its|this)\s+)?(?:(?:[\w’'.,-]+\s+){0,7}?" + _MEETING +
                       r"(?:\s+on\s+(?:“[^”\n]{1,120}”|\x22[^\x22\n]{1,120}\x22))?\s+(?:of|at|in|on)\s+(?:the\s+)?)?", re.I)
# (a debate's quoted title may stand between: 'at the debate on "Other disarmament measures" of the')
# "in" is a cue only before the meeting it names: "in the general debate of the", never "in the Council"
_IN_MEETING = re.compile(r"\s+(?:the|a|an|its|this)\s+(?:[\w’'.,-]+\s+){0,7}?" + _MEETING + r"\s+(?:of|at|in|on)\s", re.I)
# a post, not a meeting: "Permanent Representative of Chile to the", "Mission of Japan to the"
# (a person named between office and "to" delivers: "Counsellor Petra Novak to the Forum")
_POSTED = re.compile(r"\b(?:Representative|Mission|Ambassador|Delegation|Envoy|Observer|Delegate|Representation|"
                     r"Coordinator|Adviser|Advisor|Counsell?or|Secretary|Attach[eé])(?:-at-Large)?(?:\s+of\s+[^,\n;:]{1,50}?)?"
                     r"\s+(?:to|at|in)\s+(?:the\s+)?$|\bof\s+(?:the\s+)?[A-Z][^,\n;:]{0,50}?\s+to\s+(?:the\s+)?$", re.I)
_WRAP = re.compile(r"[ \t]*\n[ \t]*(?=\S)")  # a single line break inside a wrapped sentence or title
# a body that only qualifies a noun on its line: "UN Human Rights Council resolution on ...", "OSCE Chair's ...",
# "United Nations Headquarters, New York" (a line below that opens "Agenda item 5" qualifies nothing)
_MODIFIES = re.compile(r"(?:[’']s\b|[^\S\n]+(?:resolutions?|decisions?|reports?|drafts?|members?|membership|secretariat|"
                       r"mandate|agenda|votes?|chair(?:man|person)?|president|presidency|chairmanship|headquarters)\b)", re.I)
_SPOKE = re.compile(r"\b(?:said|says|stated|told|noted|stressed|declared|underlined|emphasi[sz]ed|spoke|speaking|conveyed|voiced|"
                    r"statement|speech|remarks|address|addressing|addressed|delivered|delivering|"
                    r"made\s+(?:the|this|these|his|her|its)\s+(?:call|appeal|comments?|proposal))\b", re.I)
# a title line or a clause of one begins: "72nd ", "73 ", "79TH SESSION OF THE "
_OPENING = re.compile(r"(?:^|\n|[.:;–—|]\s|\s-\s)[\s*_#\[\]\"“(]*(?:(?:\d+(?:st|nd|rd|th)?|[A-Z][a-z]+(?:-[a-z]+)?)\s+"
                      r"(?:(?:regular\s+|substantive\s+|special\s+)?session\s+of\s+(?:the\s+)?)?)?(?:the\s+)?$|"
                      r"(?:^|\n)[\s*_#]*(?:[\w’'-]+\s+){0,3}" + _MEETING + r"\s+of\s+(?:the\s+)?$", re.I)
# (or the meeting a title line names: "High-level meeting of the General Assembly", "Open debate of the ...")
# a body's session named right after it on a title line: "Human Rights Council – 50th Session", "Council, 3rd session"
_IN_SESSION = re.compile(r"[^\S\n]*[–—,:-]?[^\S\n]*(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+(?:-[a-z]+)?)[^\S\n]+(?:(?:regular|substantive|"
                         r"special|resumed|organizational)[^\S\n]+)?session\b", re.I)
# a labelled field of a catalogue record: "Forum: UN Open-ended Working Group on ..."
_FIELD = re.compile(r"(?:^|\n)[\s*_]*(?:forum|meeting|body)\s*:\s*(?:the\s+)?(?:UN\s+|United\s+Nations\s+)?$", re.I)
# a meeting of the body's members: "The BRICS Ministers of Foreign Affairs met", "ASEAN Leaders convened"
_MET = re.compile(r"(?:[’']s?)?\s+(?:(?:Foreign|Deputy|Vice|Defen[cs]e|Finance)\s+)*(?:Ministers|Leaders|Heads\s+of\s+"
                  r"(?:State|Government)|Senior\s+Officials|Sherpas)\b[^.;\n]{0,80}?\s(?:met|convened|gathered|held\s+"
                  r"(?:their|a|an)\s+(?:[\w-]+\s+){0,3}meeting)\b")
# a header's statement of the body's ministers or leaders, made at their meeting: "Statement of the Ministers of Foreign
# Affairs of the Movement ...", "Declaration of the Heads of State of the ..."
_MINISTERS_OF = re.compile(r"\b(?:statement|declaration|communiqu[eé])\s+(?:of|by)\s+the\s+(?:(?:Foreign|Defen[cs]e)\s+)?"
                           r"(?:Ministers|Leaders|Heads\s+of\s+(?:State|Government)(?:\s+and\s+Government)?)"
                           r"(?:\s+of\s+Foreign\s+Affairs)?\s+of\s+(?:the\s+)?$", re.I)
# a body that acted the day the lead reports: "Today, in Geneva, the Council adopted", "The Committee of ... today
# approved" (never "The Council adopted in 2019 ...": a speech may recall what a body once did)
_OPENS = re.compile(r"\s*(?P<when>(?:today|yesterday|this\s+\w+|on\s+[^,.;\n]{3,30}?)\s*,?\s+)?(?P<where>in\s+[A-Z][\w .’'-]{1,30},"
                    r"\s*)?(?:the\s+)?$", re.I)
_ACTED = re.compile(r"(?:\s+of\s+the\s+[^,.;\n]{1,60}?)?,?\s+(?P<when>today\s+|yesterday\s+)?(?:approved|adopted|concluded|"
                    r"held|voted|opened|began|closed|elected|decided)\b")


def is_part_of(ent: Entity, other: Entity) -> bool:
    """Whether body ``ent`` belongs to body ``other`` (its parent, or a parent's parent)."""
    seen = set()
    key = ent.attr("parent")
    while key and key not in seen:
        if key == other.key:
            return True
        seen.add(key)
        parent = lex().organization(key)
        key = parent.attr("parent") if parent is not None else None
    return False


def _candidates(stmt: Statement, lo: int, hi: int) -> list[Mention]:
    return [m for m in stmt.mentions if lo <= m.start < hi and m.entity.kind == "Organization"
            and not m.info.get("nested") and m.entity.attr("type") in FORUM_TYPES]


def _rank(stmt: Statement, m: Mention, lo: int, body: bool) -> int:
    """3 after a cue of delivery or a "Forum:" field's label, 2 opening a title line or clause (header only), 0
    otherwise."""
    text = stmt.context.text
    ls = text.rfind("\n", max(lo, m.start - 141), m.start) + 1  # (no further back than what is read)
    a = max(lo, ls, m.start - 140)
    pre = text[a:m.start]
    wrapped = _WRAP.sub(" ", text[max(lo, m.start - 140):m.start])  # (an office's line may wrap before "to the")
    if _POSTED.search(pre) or _POSTED.search(wrapped) or KIND_AFTER.match(text, m.end):
        return 0  # an office ("Representative of X to the"), or the author ("EU Statement - ...")
    if _FIELD.search(text, max(lo, ls - 1), m.start) or _MET.match(text, m.end):
        return 4
    if body and _acted(text, lo, m):
        return 3
    if not body and (_IN_SESSION.match(text, m.end) or _MINISTERS_OF.search(_WRAP.sub(" ", text[a:m.start]))
                     or _CHAIRS_OWN.search(wrapped)):
        return 3
    cue = _cue(pre)
    if cue:
        at = a + cue.start("cue")
        posted = m.entity.key == "UN" and cue.group("cue").lower() == "to"  # "to the United Nations": a posting
        # a news lead's cue follows a verb of speech: "said at a meeting of", "told the Conference"
        spoken = cue.group("cue").lower() in ("addressed", "addressing", "addresses", "told")  # a verb of speech itself
        if not posted and (not body or spoken or _SPOKE.search(text, max(lo, at - 160), at)):
            return 3
    if not body and _OPENING.search(text[max(lo, ls - 1, m.start - 40):m.start]) and not _MODIFIES.match(text, m.end) \
            and not _topic_label(stmt, a, m):
        return 2
    return 0


# the presiding officer's own statement of a meeting: "Chairman's Statement of the 9th Ministerial Conference on ...",
# "Chair's Summary of the Meeting of ..."
_CHAIRS_OWN = re.compile(r"\b(?:co-)?(?:chair(?:man|person|woman)?|chairs|president|presidency)[’']s?\s+(?:statement|summary|"
                         r"report|declaration)\s+(?:of|at|on)\s+(?:the\s+)?(?:\d+\w{0,2}\s+)?$", re.I)


_LABEL = re.compile(r"[\s*_#]*(?P<label>[\w’' -]{2,40}?)\s*:\s*$")


def _topic_label(stmt: Statement, ls: int, m: Mention) -> bool:
    """Whether ``m`` only follows a subject's label on its line ("Cybersecurity: United Nations", a question's topic
    and the body it asks about): no body, no field's name and no kind of statement before the colon ("General
    Assembly: First Committee", "Audience: First Committee", "Explanation of vote: First Committee" stay)."""
    text = stmt.context.text
    label = _LABEL.fullmatch(text, ls, m.start)
    le = text.find("\n", m.end)
    if label is None or layout().header_field.match(text[ls:le if le >= 0 else len(text)]):
        return False  # ("Audience: First Committee" is a field of the header)
    ls_, le_ = label.span("label")
    return layout().kind_of(label.group("label")) is None and not any(
        o.entity.kind == "Organization" and ls_ <= o.start < le_ for o in stmt.mentions)


def _acted(text: str, lo: int, m: Mention) -> bool:
    """Whether the sentence opening at ``lo`` reports the body ``m`` acting on the day it tells."""
    opens, acted = _OPENS.fullmatch(text, lo, m.start), _ACTED.match(text, m.end)
    return bool(opens and acted and (opens.group("when") or opens.group("where") or acted.group("when")))


def _finer(text: str, m: Mention, cands: list[Mention]) -> Mention:
    """The body named right after ``m`` that belongs to it ("UNGA First Committee", "General Assembly: First
    Committee"), else ``m``."""
    finer = [o for o in cands if is_part_of(o.entity, m.entity) and m.end <= o.start <= m.end + 40
             and re.fullmatch(r"[\s\w:’'-]*", text[m.end:o.start])]
    return finer[-1] if finer else m


def covered_body(stmt: Statement) -> Mention | None:
    """The body whose meeting a UN press release covers: the first UN body its headline or lead names
    ("First Committee Approves 15 Draft Resolutions", "General Assembly: First Committee"), the finer of two."""
    cands = [m for m in _candidates(stmt, stmt.start, stmt.heading_end + 500)
             if m.entity.attr("type") == "UNBody" and m.entity.key != "UN"]
    return _finer(stmt.context.text, cands[0], cands) if cands else None


def _cue(pre: str) -> re.Match | None:
    """The last cue of delivery in ``pre`` that leads up to its end (the nearest cue wins: "to the organization,
    X, said at a meeting of the" is "at")."""
    for cm in reversed(list(_CUE_WORD.finditer(pre))):
        if _CUE_TAIL.fullmatch(pre, cm.end()) and (cm.group("cue").lower() != "in" or _IN_MEETING.match(pre, cm.end())):
            return cm
    return None


def _best(stmt: Statement, cands: list[Mention], lo: int, body: bool) -> Mention | None:
    ranked = [(r, m) for m in cands if (r := _rank(stmt, m, lo, body)) > 0]
    if not ranked:
        return None
    top = max(r for r, _ in ranked)
    text = stmt.context.text
    best: list[Mention] = []
    for m in (m for r, m in ranked if r == top):
        best.append(_finer(text, m, cands))
    # a body over the one it belongs to, the UN last
    best = [m for m in best if not any(is_part_of(o.entity, m.entity) for o in best)] or best
    best.sort(key=lambda m: (m.entity.key == "UN", m.start))
    return best[0]


_LEAD = 600  # how far into the body a news lead's account of the meeting reaches


def header_forum(stmt: Statement) -> Mention | None:
    """The forum named in the statement's header (preamble, heading and byline, else the short lines right
    below the heading)."""
    found = _best(stmt, _candidates(stmt, stmt.start, stmt.heading_end), stmt.start, False)
    below = below_heading(stmt)
    if found is None and below:
        found = _best(stmt, _candidates(stmt, below[0][0], below[-1][1]), below[0][0], False)
    if found is None:
        found = _masthead_organ(stmt)
    if found is not None and found.entity.key != "UN":
        # "Statement to the NPT Preparatory Committee" over "... in the general debate of the second session of the
        # Preparatory Committee for the 2031 Review Conference": the lead names the finer body the header means
        found = addressed_body(stmt, found.entity) or found
    return found


# a UN document's masthead: "United Nations" and the document's symbol ("A/86/123", "S/2031/45") on its first line, the
# organ it is a document of opening the next ("General Assembly        Distr.: General")
_UN_MASTHEAD = re.compile(r"\s*United Nations[ \t]+(?:[A-Z]{1,2}/[\w./-]+)[ \t]*\n[ \t]*")


def _masthead_organ(stmt: Statement) -> Mention | None:
    """The UN organ a document's masthead above the page's first statement names (a letter circulated "as a document
    of the General Assembly"): the forum its statements were put before."""
    text = stmt.context.text
    top = _UN_MASTHEAD.match(text, 0, stmt.start) if stmt.parent is None else None
    if top is None:
        return None
    hit = next((h for h in lex().scan(text, top.end(), min(stmt.start, top.end() + 60)) if h.start == top.end()), None)
    body = next((f.entity for f in hit.forms if f.entity is not None and f.entity.kind == "Organization"
                 and f.entity.attr("type") == "UNBody"), None) if hit else None
    return Mention(hit.start, hit.end, text[hit.start:hit.end], body, "name") if body is not None else None


def addressed_body(stmt: Statement, un: Entity) -> Mention | None:
    """The body of the United Nations ``un`` that the lead says the speaker addressed ("told the First
    Committee", "said at a meeting of the Council"): finer than the UN a headline names ("at UN talks")."""
    below = below_heading(stmt)
    bs = below[-1][1] if below else stmt.heading_end
    finer = _best(stmt, _candidates(stmt, bs, min(stmt.end, bs + _LEAD)), bs, True)
    return finer if finer is not None and is_part_of(finer.entity, un) else None


def lead_paragraph_forum(stmt: Statement, bs: int) -> Mention | None:
    """The forum the rest of the lead paragraph opening at ``bs`` names for the speech it reports ("Indonesia
    called for ... . The call was conveyed by Ambassador X during the session of the Working Group")."""
    text = stmt.context.text
    end = text.find("\n\n", bs, min(stmt.end, bs + _LEAD))
    return body_forum(stmt, bs, end if end >= 0 else min(stmt.end, bs + _LEAD))


def body_forum(stmt: Statement, bs: int, be: int) -> Mention | None:
    """The forum a news lead names for the speech it reports: "said at a meeting of the X"."""
    return _best(stmt, _candidates(stmt, bs, be), bs, True)


# a speech's opening words to a body's presiding officer: "Mr. President of the General Assembly,", "Madam Chair of
# the Committee,"
_CHAIR_ADDRESSED = re.compile(r"[\s*_]*(?:mr\.?|mister|madam|madame|ms\.?|dear)\s+(?:co-|vice-)?"
                              r"(?:president|chair(?:man|person|woman)?)\s+of\s+(?:the\s+)?", re.I)
_OPENING_LINES = 8  # the short lines a speech opens with (its salutations) before its first paragraph


def salutation_forum(stmt: Statement) -> Mention | None:
    """The body whose presiding officer the speech's opening words address ("Mr. President of the General
    Assembly,"): the body it was delivered in. Read from the heading (its block may run down to the salutation) and
    the short lines right below it."""
    text, seen = stmt.context.text, 0
    for ls, le in lines(text, stmt.start, stmt.end):
        if not text[ls:le].strip():
            continue
        seen += ls >= stmt.heading_end
        if seen > _OPENING_LINES or (ls >= stmt.heading_end and le - ls > 120):
            return None
        m = _CHAIR_ADDRESSED.match(text, ls, le)
        body = next((x for x in stmt.mentions if m and x.start == m.end() and x.entity.kind == "Organization"
                     and x.entity.attr("type") in FORUM_TYPES), None)
        if body is not None:
            return body
    return None
