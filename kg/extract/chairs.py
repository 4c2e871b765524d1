"""chairOf: who chairs or presides over a body, each with the span it was read from.

"We congratulate Switzerland on its election as the Group's Chair", "Chair of the OEWG, Ambassador Burhan
Gafoor", "Russia will chair the UN Security Council", "the Nigerien chairmanship", "representing the Co-Chair
countries of the OSCE Minsk Group".
"""
from __future__ import annotations

import re
from typing import Iterator

from kg.extract.affiliation import affiliations
from kg.extract.common import lex, listed_after, mentions_in, outer, sentence_bounds
from kg.model import Entity, Mention, Relation, Statement

__all__ = ["CAPACITY", "addressed_chairs", "body_at", "chairs", "starting_at", "whole_chaired"]

_in = outer

# a speaker or state that acts as a body's chair: "in my capacity as Chair of the Working Group", "Chile, in its
# capacity as President of the Council" (read for chairOf by kg.extract.chairlines, for on-behalf by kg.extract.behalf)
CAPACITY = re.compile(r"\bin\s+(?P<whose>my|our|his|her|its|their)\s+capacity\s+as\s+(?:the\s+)?(?:(?:current|outgoing|"
                      r"incoming|rotating)\s+)?(?:Co-)?(?P<office>Chair(?:man|woman|person)?|President|Coordinator)\s+of\s+"
                      r"(?:the\s+)?", re.I)

# "the Group", "this Working Group": the body the statement is made at
_GROUP_NOUN = (r"(?:the|this|our)\s+(?:Group|Committee|Conference|Council|Working Group|Commission|Assembly|Forum|"
               r"Meeting|[Ss]ession)")
_GROUP_WORDS = re.compile(r"\b" + _GROUP_NOUN + r"(?:['’]s)?\s*$", re.I)
_GROUP_FIRST = re.compile(_GROUP_NOUN + r"\b", re.I)


def _state_of(stmt: Statement, m: Mention) -> Entity | None:
    if m.entity.kind == "State":
        return m.entity
    if m.entity.kind == "Person":
        for a in affiliations(stmt, m, False):
            if a.kind == "State":
                return a
    return None


def starting_at(stmt: Statement, kind: str, pos: int) -> list[Mention]:
    return [o for o in _in(stmt, kind, pos, stmt.end) if o.start == pos]


def chairs(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    text = stmt.context.text
    sent = text[s0:s1]
    forum = stmt.value("forum")
    # "<State> on its election as the Group's Chair", "you, Ambassador Lauber, on your election as the Chair of
    # this Working Group": a body named there, or "the Group" = this forum
    # "<State> on the assumption of the Presidency of the Conference": the same, for taking the office up
    for mm in _ELECTED.finditer(sent):
        subj = ([x for x in _in(stmt, "Person", s0, s0 + mm.start()) if s0 + mm.start() - x.end <= 3
                 or _OF_STATE.fullmatch(text, x.end, s0 + mm.start()) and _in(stmt, "State", x.end, s0 + mm.start())]
                or _in(stmt, "State", s0, s0 + mm.start()))
        what, of = ("what", "of") if mm.group("what2") is None else ("what2", "of2")
        where = (mm.start(what), mm.end(what)) if not mm.group(of) else (mm.start(of), mm.end(of))
        obj = _in(stmt, "Organization", s0 + where[0], s0 + where[1])
        words = (mm.group(what) if not mm.group(of) else " ".join(mm.group(of).split()[:3])) + " "
        target = obj[0].entity if obj else (forum if _GROUP_WORDS.search(words) or _GROUP_FIRST.match(words)
                                            else None) or _session_body(stmt, mm.group(of))
        if subj and target is not None:
            yield Relation(subj[-1].entity, "chairOf", target, subj[-1].start, s0 + mm.end())
    yield from _chair_verbs(stmt, s0, s1)
    yield from _chair_nouns(stmt, s0, s1)
    # "the Group ... was chaired by Ambassador X", "worked under the chairmanship of Ambassador X": the body
    # named last before the phrase (else this forum) is chaired by the person or state named right after it
    for mm in re.finditer(r"\b(?:(?:was|is|were|are|being)\s+)?(?:chaired|presided(?:\s+over)?|led)\s+by\s+|"
                          r"\bunder\s+the\s+(?:(?:able|skilful|skillful|wise|capable|steady|effective|competent)\s+)?"
                          r"(?:chairmanship|chairpersonship|chairship|presidency|leadership)\s+of\s+", sent, re.I):
        bodies = [o for o in _in(stmt, "Organization", s0, s0 + mm.start()) if o.entity.attr("type") != "NationalBody"
                  and not re.match(r"\s+resolutions?\b", text[o.end:o.end + 14])]  # "General Assembly resolution"
        said = [x for x in _BODY_WORD.finditer(text, s0, s0 + mm.start())]  # "the Council will meet under ..."
        body = bodies[-1].entity if bodies else (_body_called(stmt, said[-1]) if said else None) or forum
        who = [x for x in mentions_in(stmt, s0 + mm.end(), s1, ("Person", "State"))
               if not x.info.get("nested") and not re.search(r"[.;,]", text[s0 + mm.end():x.start])]
        if body is not None and who and who[0].start - (s0 + mm.end()) <= 40:
            holder = _office_holder(stmt, s0 + mm.end(), who[0], s1) or _states_person(stmt, who[0], s1)
            if holder is not None:  # "chaired by the Prime Minister of X, the Honourable Y": Y, who serves X
                yield Relation(holder.entity, "chairOf", body, s0 + mm.start(), holder.end)
                yield Relation(holder.entity, "affiliatedWith", who[0].entity, who[0].start, holder.end)
            else:
                yield Relation(who[0].entity, "chairOf", body, s0 + mm.start(), who[0].end)
    yield from _chair_named_after(stmt, s0, s1)
    yield from _addressed_chair(stmt, s0, s1)
    # "..., representing the Co-Chair countries of the OSCE Minsk Group": the states of the persons
    # named before (or the states named, when no person is)
    for mm in re.finditer(r"\bCo-?Chair(?:s|men)?(?:\s+countries|\s+states)?\s+of\s+(?:the\s+)?", sent, re.I):
        obj = starting_at(stmt, "Organization", s0 + mm.end())
        if not obj:
            continue
        before = mentions_in(stmt, s0, s0 + mm.start(), ("Person", "State"))
        if not before:  # "The Co-Chair countries of the OSCE Minsk Group, Russia, the United States and France, ..."
            before = listed_after(stmt, obj[0].end, ("State",), s1)
        persons = [x for x in before if x.entity.kind == "Person"]
        states = [s for s in (_state_of(stmt, x) for x in (persons or before)) if s is not None]
        for st in {s.key: s for s in states}.values():
            yield Relation(st, "chairOf", obj[0].entity, s0, obj[0].end)


# "on its election as the Group's Chair", "on the assumption of the Presidency of", "on assuming the chairmanship of",
# "on its election to chair the Council"
_ELECTED = re.compile(r"\bon\s+(?:(?:its|their|her|his|your|the)\s+(?:election\s+as|assumption\s+of)|assuming|taking\s+"
                      r"(?:up|over))\s+(?P<what>[^.;]{0,80}?)\s*(?:Chair(?:man|woman|person)?(?:ship)?|President|Presidency)"
                      r"\b(?:\s+of\s+(?P<of>[^.;,]{0,80}))?|\bon\s+(?:its|their|her|his|your)\s+election\s+to\s+(?P<what2>)"
                      r"(?:chair|preside\s+over)\s+(?P<of2>[^.;,]{0,80})", re.I)
# "President of the seventy-ninth session": a session named by its number alone
_NUMBERED_SESSION = re.compile(r"(?:the\s+)?(?:\d+(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+(?:regular\s+)?session\b", re.I)


def _session_body(stmt: Statement, of: str | None) -> Entity | None:
    """The body whose session ``of`` names by its number alone ("the seventy-ninth session"): this forum, else
    the General Assembly where the statement names it (whose presidents are elected session by session)."""
    if not of or not _NUMBERED_SESSION.match(of):
        return None
    forum = stmt.value("forum")
    if forum is not None:
        return forum
    return next((m.entity for m in _in(stmt, "Organization", stmt.start, stmt.end) if m.entity.key == "UNGA"), None)


# "you, Ambassador X of Kazakhstan, on your election": the state the person addressed serves, set off after the name
_OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?(?-i:[A-Z])[\w' -]{1,50}?,?\s*")
# "chaired by Singapore's Ambassador X", "chaired by the Kenyan Ambassador X": the person, whose state stands before
_STATES_PERSON = re.compile(r"(?:['’]s)?\s+")


# an office of a state, named before the state: "the Prime Minister of", "the Foreign Minister of the"
_OFFICE_OF = re.compile(r"\s*(?:the\s+)?(?:(?-i:[A-Z])[\w-]*\s+){1,3}of\s+(?:the\s+)?", re.I)
_THEN_PERSON = re.compile(r",\s+(?:the\s+)?")


def _states_person(stmt: Statement, state: Mention, s1: int) -> Mention | None:
    """The person named right after ``state`` and its "'s" ("Singapore's Ambassador X"), if any."""
    gap = _STATES_PERSON.match(stmt.context.text, state.end, s1) if state.entity.kind == "State" else None
    if gap is None:
        return None
    return next((p for p in _in(stmt, "Person", gap.end(), min(s1, gap.end() + 60))
                 if gap.end() in (p.start, p.info.get("title_start"))), None)


def _office_holder(stmt: Statement, pos: int, state: Mention, s1: int) -> Mention | None:
    """The person set off after "the <Office> of <State>" (which starts at ``pos``): "the Prime Minister of X, the
    Honourable Y", "the President of X, Y"; None when the state is not named by an office or no person follows."""
    text = stmt.context.text
    if state.entity.kind != "State" or not _OFFICE_OF.fullmatch(text, pos, state.start):
        return None
    gap = _THEN_PERSON.match(text, state.end, s1)
    if gap is None:
        return None
    return next((p for p in _in(stmt, "Person", gap.end(), min(s1, gap.end() + 60))
                 if gap.end() in (p.start, p.info.get("title_start"))), None)


# a body referred to by its head noun ("the Council", "the Movement", "the 15-member body"): see _body_called
# ("The Conference was chaired by ...", "the committee": a meeting body's head noun in any case; the others capitalised)
_BODY_WORD = re.compile(r"\b(?i:the|this|our)\s+(?:\d+-member\s+)?(?P<head>(?i:working\s+group|group|committee|conference|"
                        r"council|commission|assembly)|Forum|Movement|Organi[sz]ation|Union|Alliance|Community|body)\b")


def _body_called(stmt: Statement, said: re.Match) -> Entity | None:
    """The body that "the Council" (``said``, a match of _BODY_WORD) stands for: the last one named before it
    whose name holds that word ("Non-Aligned Movement" for "the Movement"; any body for "the body"), else
    this statement's forum when its name holds the word."""
    head = " ".join(said.group("head").split()).lower()
    text = stmt.context.text

    def fits(label: str) -> bool:
        return head == "body" or re.search(r"\b" + head + r"\b", label.lower()) is not None

    named = [o for o in _in(stmt, "Organization", stmt.start, said.start())
             if o.entity.attr("type") != "NationalBody" and (fits(o.entity.label) or fits(text[o.start:o.end]))]
    if named:
        return named[-1].entity
    forum = stmt.value("forum")
    return forum if forum is not None and fits(forum.label) else None


_DET = re.compile(r"(?i:the|this|our)\s+")


def body_at(stmt: Statement, pos: int) -> tuple[Entity, int] | None:
    """The body named at ``pos`` (after "of the"), and where its name ends: by its name, else by its head noun
    ("the Working Group")."""
    text = stmt.context.text
    det = _DET.match(text, pos)  # ("of this Second Meeting ...": the body named after the word)
    named = starting_at(stmt, "Organization", pos) or (starting_at(stmt, "Organization", det.end()) if det else [])
    if named:
        return named[0].entity, named[0].end
    said = _BODY_WORD.match(text, pos - 4 if text[pos - 4:pos].lower() == "the " else pos)
    body = _body_called(stmt, said) if said else None
    return (body, said.end()) if body is not None else None


def _soft(word: str) -> str:
    """A pattern for ``word`` that also reads it broken at a line's end ("Presi-\ndency")."""
    return r"(?:-[ \t]*\n[ \t]*)?".join(word)


_CHAIR_NOUN = re.compile(r"\b(?:" + "|".join(_soft(w) for w in ("chairmanship", "chairpersonship", "presidency",
                                                                "chairship")) + r")\b", re.I)
# between a state and the body whose office it holds: "Chile's G20", "Chile's successful G20" (not "Chile and the")
_HOLDER_GAP = re.compile(r"[’']s\s+(?:(?!(?:and|or|of|the|to|in|with)\s)[a-z]+\s+){0,2}")
_ITS = re.compile(r"\b(?:its|their)\s+(?:[a-z]+\s+){0,2}$")


def _chair_nouns(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    """"the Nigerien chairmanship", "Viet Nam's presidency of the Security Council" (else: this forum, else the
    body just named), "Chile's G20 Presidency", "Chile ... its successful G20 Presidency", "its presidency of the
    Council" (the state named last before "its")."""
    text = stmt.context.text
    forum = stmt.value("forum")
    for mm in _CHAIR_NOUN.finditer(text, s0, s1):
        org = [o for o in _in(stmt, "Organization", s0, mm.start()) if re.fullmatch(r"\s?", text[o.end:mm.start()])]
        at = org[-1].start if org else mm.start()
        holder = [x for x in _in(stmt, "State", s0, at) if x.form not in ("capital", "metonym")
                  and (re.fullmatch(r"(?:[’']s)?\s?", text[x.end:at]) and (x.form == "adjective" or not org
                                                                          or text[x.end:at].strip())
                       or org and _HOLDER_GAP.fullmatch(text, x.end, at))]  # ("the Chilean G20 Presidency")
        its = _ITS.search(text, s0, at)
        if not holder and its:  # "its": the state named last before, unless a body stands between them
            prior = [x for x in _in(stmt, "State", s0, its.start()) if x.form not in ("capital", "metonym")]
            if prior and not _in(stmt, "Organization", prior[-1].end, its.start()):
                holder = prior[-1:]
        of = re.compile(r"\s+of\s+(?:the\s+)?").match(text, mm.end(), s1)
        named = (body_at(stmt, of.end()) or (None,))[0] if of else None
        bodies = [o for o in _in(stmt, "Organization", s0, s1) if o.entity.attr("type") != "NationalBody"]
        earlier = [o for o in bodies if o.end <= mm.start()]
        later = {o.entity.key: o.entity for o in bodies if o.start >= mm.end()}
        # "... of the Security Council"; "Chile's G20 presidency"; else this forum; else the body just named; else
        # the one body the rest of the sentence names ("the Maltese Chairmanship's plan ... within the OSCE")
        obj = named or (org[-1].entity if org else whole_chaired(forum, mm.group(0)) if forum is not None
                        else earlier[-1].entity if earlier else next(iter(later.values())) if len(later) == 1 else None)
        if holder and obj is not None:
            yield Relation(holder[-1].entity, "chairOf", obj, holder[-1].start, mm.end())


def whole_chaired(forum: Entity, noun: str) -> Entity:
    """The body a state's "chairmanship" at ``forum`` is of: a state chairs an organisation for its year, not the
    council its ambassador then chairs ("the Maltese Chairmanship" at an organisation's permanent council: the
    organisation); a presidency, and the organs of the UN, stay the forum's own."""
    parent = forum.attr("parent")
    if not re.match(r"(?i)chair", noun) or not parent or parent == "UN":
        return forum
    return lex().organization(parent) or forum


_ITS_CHAIR = re.compile(r"\b(?:its|their)\s+(?:[a-z]+\s+)?(?:Chair(?:man|woman|person)?|President)\b,?\s+")
_AS_CHAIR = re.compile(r"\b[Aa]s\s+(?:the\s+)?(?:(?:\d{4}|current|incoming|outgoing|rotating)\s+)?"
                       r"(?:Chair(?:man|woman|person)?|President)\s+of\s+(?:the\s+)?")
# "As Chair of ASEAN, Chile" / "As Chair of ASEAN in 2022, Chile" (not "As the Chair of ASEAN noted, Chile")
_AS_CHAIR_COMMA = re.compile(r"(?:\s+(?:in|for)\s+(?:\d{4}|(?:the\s+month\s+of\s+)?(?:January|February|March|April|May|June|"
                             r"July|August|September|October|November|December)(?:\s+\d{4})?)|\s+this\s+(?:year|month))?,"
                             r"\s+(?:the\s+)?")
# "Kenya, as President of the Council for June, ...": the state or person right before the comma
_COMMA_AS_CHAIR = re.compile(r",\s+as\s+(?:the\s+)?(?:(?:current|incoming|outgoing|rotating)\s+)?"
                             r"(?:Chair(?:man|woman|person)?|President)\s+of\s+(?:the\s+)?")
_CHAIR_OF = re.compile(r"\b(?<!Co-)(?:Chair(?:man|woman|person)?|President)\s+of\s+(?:the\s+)?")
# after the body's name and what qualifies it, the person set off by commas: ", Ambassador X,"
_THEN_NAMED = re.compile(r"[^,;.()]{0,160}?,\s+(?:the\s+)?")


def _chair_named_after(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    """"the Chair of the Group of ... on developments in ..., Carlos Ruiz, for introducing ...": a body whose
    chair is named after its (maybe long) name, set off by a comma."""
    text = stmt.context.text
    for mm in _CHAIR_OF.finditer(text, s0, s1):
        body = body_at(stmt, mm.end())  # "the Chair of the Working Group, Ambassador X": the body meant
        gap = _THEN_NAMED.match(text, body[1], s1) if body else None
        if gap is None:
            continue
        who = [x for x in _in(stmt, "Person", gap.end(), min(s1, gap.end() + 60))
               if x.start == gap.end() or x.info.get("title_start") == gap.end()]
        if who:
            yield Relation(who[0].entity, "chairOf", body[0], mm.start(), who[0].end)
    # "the Working Group, under the able leadership of its Chair, Ambassador X": the body named last before
    for mm in _ITS_CHAIR.finditer(text, s0, s1):  # (named in this paragraph: "... the Group ... We commend its Chair")
        para = max(stmt.start, text.rfind("\n", stmt.start, mm.start()) + 1)
        bodies = [o for o in _in(stmt, "Organization", min(s0, para), mm.start())
                  if o.entity.attr("type") != "NationalBody"]
        who = [x for x in _in(stmt, "Person", mm.end(), min(s1, mm.end() + 60))  # (its title may hold "Chair")
               if x.start == mm.end() or mm.start() <= x.info.get("title_start", -1) <= mm.end()]
        if bodies and who:
            yield Relation(who[0].entity, "chairOf", bodies[-1].entity, bodies[-1].start, who[0].end)
    # "Kenya, as President of the Security Council for June, ...": the state or person right before
    for mm in _COMMA_AS_CHAIR.finditer(text, s0, s1):
        body = body_at(stmt, mm.end())
        who = [x for x in mentions_in(stmt, s0, mm.start(), ("State", "Person")) if not x.info.get("nested")
               and x.end == mm.start() and x.form not in ("capital", "metonym", "adjective")]
        if body and who:
            yield Relation(who[-1].entity, "chairOf", body[0], who[-1].start, body[1])
    # "As the 2023 Chair of ASEAN, Chile ...": the state or person right after the comma
    for mm in _AS_CHAIR.finditer(text, s0, s1):
        body = body_at(stmt, mm.end())
        comma = _AS_CHAIR_COMMA.match(text, body[1], s1) if body else None
        who = [x for x in mentions_in(stmt, comma.end(), s1, ("State", "Person")) if not x.info.get("nested")
               and comma.end() in (x.start, x.info.get("title_start"))] if comma else []
        if not who and comma and re.match(r"(?:he|she)\b", text[comma.end():comma.end() + 4]):
            # "... Ambassador X of Y. As Chair of the Group, he has ...": the person the sentence before ends with
            ps = max(stmt.start, text.rfind("\n", stmt.start, mm.start()) + 1)
            who = [x for x in mentions_in(stmt, ps, mm.start(), ("Person",)) if not x.info.get("nested")][-1:]
        if who:
            yield Relation(who[0].entity, "chairOf", body[0], min(mm.start(), who[0].start), max(mm.end(), who[0].end))


# the chair spoken to: "your able chairmanship", "your presidency", "your leadership as Chair"; the chair spoken
# of while thanking the person addressed: "with the help of our tireless chair"
_YOUR_CHAIR = re.compile(r"\byour\s+(?:[a-z]+\s+){0,2}?(?:chairmanship|chairpersonship|chairship|presidency|"
                         r"leadership\s+as\s+(?:the\s+)?chair)\b|\bour\s+(?:[a-z]+\s+){0,2}?chair(?:man|woman|person)?\b"
                         r"(?!\s+of\b|['’]s)", re.I)
_THANKS = re.compile(r"\b(?:thank|thanks|gratitude|grateful|congratulat\w*|appreciat\w*|commend)\b", re.I)
_VOCATIVE = re.compile(r"[\s*_]*(?:(?:dear|my\s+dear)\s+)?", re.I)


def _addressed_chair(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    """chairOf for the person a paragraph is addressed to ("Ambassador X, I thank you ... With the help of
    our tireless chair, ...", "Ambassador X, under your able chairmanship ..."): the chair of this forum."""
    forum = stmt.value("forum")
    text = stmt.context.text
    cue = _YOUR_CHAIR.search(text, s0, s1)
    if forum is None or cue is None:
        return
    ps = max(text.rfind("\n", stmt.start, s0) + 1, stmt.heading_end)
    opening = _VOCATIVE.match(text, ps, s0).end()
    addressed = [m for m in _in(stmt, "Person", opening, s1)
                 if m.info.get("title_start", m.start) == opening and text[m.end:m.end + 1] == ","]
    speakers = {e.key for e, *_ in stmt.value("speakers", [])}
    if not addressed or addressed[0].entity.key in speakers:
        return
    said = text[addressed[0].end:s1]
    if cue.group(0).lower().startswith("our") and not (_THANKS.search(said) and re.search(r"\byou\b", said, re.I)):
        return  # "our chair" is the addressee's only where the paragraph thanks them ("I thank you ...")
    yield Relation(addressed[0].entity, "chairOf", forum, addressed[0].start, cue.end())


# "Mr. Chair," or "Chair," on a line of its own or opening a paragraph: the statement speaks to the chair of its
# meeting
_MR_CHAIR = re.compile(r"^[ \t*_]*(?:(?:Mr\.?|Mister|Madam|Madame|Mme\.?)\s+)?(?:Chair(?:man|woman|person)?|Co-Chairs?)\s*,",
                       re.M)
# "we thank you, Ambassador X, for ...": the person spoken to, named right after "you,"
_YOU_NAMED = re.compile(r"\byou\s*,\s+")


def addressed_chairs(stmt: Statement) -> Iterator[Relation]:
    """chairOf for the person thanked as "you" in a statement that speaks to its chair ("Mr. Chair, ... We thank
    you, Ambassador X, for the paper"): the chair of this forum, else of the one body its title block names."""
    text = stmt.context.text
    voc = _MR_CHAIR.search(text, stmt.start, stmt.end) if "you" in text[stmt.start:stmt.end] else None
    if voc is None:
        return
    speakers = {e.key for e, *_ in stmt.value("speakers", [])}
    for mm in _YOU_NAMED.finditer(text, stmt.start, stmt.end):
        who = [x for x in _in(stmt, "Person", mm.end(), min(stmt.end, mm.end() + 80))
               if mm.end() == x.info.get("title_start", x.start) and text[x.end:x.end + 1] == ","
               and re.search(r"\b(?:Ambassador|Chair)", x.info.get("title", "")) and x.entity.key not in speakers]
        s0, _ = sentence_bounds(text, mm.start(), stmt.start, stmt.end)
        body = stmt.value("forum") or _title_body(stmt, voc.start())
        if who and body is not None and _THANKS.search(text, s0, mm.start()):
            yield Relation(who[0].entity, "chairOf", body, mm.start(), who[0].end)


def _title_body(stmt: Statement, end: int) -> Entity | None:
    """The one meeting body the statement's title block names above ``end`` (where it first speaks to the
    chair): an OEWG or GGE, else a UN organ other than the UN itself ("United Nations Headquarters")."""
    bodies = [o.entity for o in _in(stmt, "Organization", stmt.start, end)]
    for fits in (lambda e: e.attr("family"), lambda e: e.attr("type") == "UNBody" and e.key != "UN"):
        named = {e.key: e for e in bodies if fits(e)}
        if named:
            return next(iter(named.values())) if len(named) == 1 else None
    return None


_WHICH_HOLDS = re.compile(r",\s+which\s+(?:currently\s+|now\s+)?(?:holds|held|has\s+held|assumed|has\s+assumed)\s+the\s+"
                          r"(?:rotating\s+)?(?P<body>(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,3})\s+"
                          r"(?:presidency|chairmanship|chairpersonship|chairship)\b", re.I)


_WHICH_STATE_CHAIRS = re.compile(r",\s+which\s+(?:the\s+)?(?=[A-Z])")
_CHAIRS_VERB = re.compile(r"\s+(?:currently\s+|now\s+|also\s+)?(?:chairs|chaired|presides\s+over|presided\s+over|"
                          r"(?:is|was)\s+(?:chairing|presiding\s+over))\b")


def _chair_verbs(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    """chairOf from a verb: "<State> will chair the UN Security Council", "Estonia holds the presidency of
    the Council", "Austria, presiding over the OSCE", "Ambassador X of Brazil, who chaired the GGE"."""
    text = stmt.context.text
    sent = text[s0:s1]
    # "<State> will chair the UN Security Council"
    for mm in re.finditer(r"\b(?:will\s+|shall\s+|to\s+)?(?:chairs?|chaired|presides?\s+over|presided\s+over)\s+"
                          r"(?:the\s+)?", sent):
        subj = [x for x in _in(stmt, "State", s0, s0 + mm.start()) if s0 + mm.start() - x.end <= 2]
        obj = starting_at(stmt, "Organization", s0 + mm.end())
        if subj and obj:
            # "Ambassador X of Brazil chaired the GGE": the person, whose state only says whom they serve
            who = [p for p in _in(stmt, "Person", max(s0, subj[-1].start - 80), subj[-1].start)
                   if re.fullmatch(r",?\s+of\s+(?:the\s+)?", text[p.end:subj[-1].start])]
            first = who[-1] if who else subj[-1]
            yield Relation(first.entity, "chairOf", obj[0].entity, first.start, obj[0].end)
    # "Estonia holds the presidency of the Security Council", "Kenya assumed the chairmanship of ..."
    for mm in re.finditer(r"\b(?:holds?|held|holding|assumes?|assumed|assuming|takes?\s+over|took\s+over)\s+the\s+"
                          r"(?:rotating\s+)?(?i:presidency|chairmanship|chair|chairpersonship|chairship)\s+of\s+(?:the\s+)?", sent):
        subj = [x for x in _in(stmt, "State", s0, s0 + mm.start()) + _in(stmt, "Person", s0, s0 + mm.start())
                if re.fullmatch(r"\s*(?:(?:has|had|also|currently|now|will)\s+)*", text[x.end:s0 + mm.start()])]
        obj = body_at(stmt, s0 + mm.end())  # "... of the Movement": the body named before
        if subj and obj:
            yield Relation(subj[-1].entity, "chairOf", obj[0], subj[-1].start, obj[1])
    # "convened by Chile, which holds the Council presidency this month": the state before "which", the body
    # the noun names (its name, or "the Council": the body named before)
    for mm in _WHICH_HOLDS.finditer(text, s0, s1):
        subj = [x for x in _in(stmt, "State", s0, mm.start()) if x.end == mm.start() and x.form not in ("capital", "metonym")]
        obj = body_at(stmt, mm.start("body"))
        if subj and obj:
            yield Relation(subj[-1].entity, "chairOf", obj[0], subj[-1].start, mm.end())
    # "the Group of X, which Malta chairs this year": the body before "which", the state (or person) after it
    for mm in _WHICH_STATE_CHAIRS.finditer(text, s0, s1):
        body = [o for o in _in(stmt, "Organization", s0, mm.start()) if o.end == mm.start()]
        who = [x for x in mentions_in(stmt, mm.end(), s1, ("State", "Person")) if not x.info.get("nested")
               and mm.end() in (x.start, x.info.get("title_start"))]
        verb = _CHAIRS_VERB.match(text, who[0].end, s1) if who else None
        if body and verb:
            yield Relation(who[0].entity, "chairOf", body[-1].entity, body[-1].start, verb.end())
    # "Austria, presiding over the OSCE this year", "Viet Nam, chairing ASEAN": the state or person just before
    for mm in re.finditer(r",\s+(?:currently\s+)?(?:presiding\s+over|chairing|holding\s+the\s+(?:rotating\s+)?"
                          r"(?:chairmanship|chair|presidency)\s+of)\s+(?:the\s+)?", sent):
        obj = starting_at(stmt, "Organization", s0 + mm.end())
        subj = [x for x in mentions_in(stmt, s0, s0 + mm.start(), ("Person", "State"))
                if not x.info.get("nested") and x.end == s0 + mm.start()]
        if obj and subj:
            yield Relation(subj[-1].entity, "chairOf", obj[0].entity, subj[-1].start, obj[0].end)
    # "Ambassador Guilherme de Aguiar Patriota of Brazil, who chaired the GGE": the person (else state) before
    for mm in re.finditer(r",\s+who\s+(?:has\s+|had\s+|will\s+|is\s+|was\s+)?(?:chair(?:s|ed|ing)?|presided?\s+over|"
                          r"presides\s+over|presiding\s+over)\s+(?:the\s+)?", sent):
        obj = body_at(stmt, s0 + mm.end())  # (or "who chairs the Group": the body named before)
        before = [x for x in mentions_in(stmt, max(s0, s0 + mm.start() - 90), s0 + mm.start(), ("Person", "State"))
                  if not x.info.get("nested")]
        who = [x for x in before if x.entity.kind == "Person"] or before
        if obj and who and not re.search(r"[;]", text[who[-1].end:s0 + mm.start()]):
            yield Relation(who[-1].entity, "chairOf", obj[0], who[-1].start, obj[1])
