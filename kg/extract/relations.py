"""Typed relations between entities, each with the span it was read from.

- affiliatedWith: a person's office ("Foreign Minister of Denmark Jeppe Kofod" -> Denmark).
- chairOf: "We congratulate Switzerland on its election as the Group's Chair", "Chair of the OEWG,
  Ambassador Burhan Gafoor", "Russia will chair the UN Security Council", "the Nigerien
  chairmanship", "representing the Co-Chair countries of the OSCE Minsk Group".
- establishedBy: "the mandate of the OEWG enshrined in resolution 75/240", "established pursuant to".
- sponsoredBy: read by kg.extract.sponsors.
"""
from __future__ import annotations

import re
from typing import Iterator

from kg.extract.affiliation import affiliations, title_spans
from kg.extract.common import Keywords, listed_after, mentions_in, sentence_bounds
from kg.extract.sponsors import national_drafts, outer, sponsors
from kg.model import Entity, Mention, Relation, Statement

__all__ = ["relations"]

# "the Group", "this Working Group": the body the statement is made at
_GROUP_NOUN = (r"(?:the|this|our)\s+(?:Group|Committee|Conference|Council|Working Group|Commission|Assembly|Forum|"
               r"Meeting)")
_GROUP_WORDS = re.compile(r"\b" + _GROUP_NOUN + r"(?:['’]s)?\s*$", re.I)
_GROUP_FIRST = re.compile(_GROUP_NOUN + r"\b", re.I)
_ESTABLISH = re.compile(r"\bmandate\b[^.;]{0,120}?\b(?P<verb>enshrined|set forth|set out|established|defined|contained|"
                        r"laid down|stipulated|provided for)\s+(?:in|by|under)\b|"
                        r"\b(?P<verb2>established|set up|created|convened|mandated)\s+(?:by|pursuant to|under|"
                        r"in accordance with|in line with|through)\b", re.I)
# "resolution 73/27 that established the OEWG", "resolution 75/240 has entrusted the OEWG to ...": the body a
# resolution set up or gave its mandate
_FOUNDING = re.compile(r",?\s+(?:(?:that|which)\s+)?(?:has\s+|had\s+)?(?:established|set\s+up|created|mandated|convened|"
                       r"entrusted|tasked)\s+(?:the\s+)?", re.I)
# words (lower case) without which a group of patterns cannot match a sentence
_CHAIR_CUES = ("chair", "presid", "led", "leadership")
_ESTABLISH_CUES = ("mandate", "establish", "set", "creat", "conven", "entrust", "tasked")
_SPONSOR_CUES = ("resolution", "draft", "sponsor", "submitted", "introduced", "tabled", "presented", "proposed",
                 "authored", "put", "initiated")
# every relation pattern below needs one of these words in its sentence
_TRIGGER = Keywords(["chair", "presid", "led by", "leadership", "sponsor", "submitted", "introduced", "tabled",
                     "presented", "proposed", "authored", "drafted", "put forward", "initiated", "draft", "resolution",
                     "decision", "mandate", "established", "set up", "created", "convened", "entrusted", "tasked"])


_in = outer


def _state_of(stmt: Statement, m: Mention) -> Entity | None:
    if m.entity.kind == "State":
        return m.entity
    if m.entity.kind == "Person":
        for a in affiliations(stmt, m, False):
            if a.kind == "State":
                return a
    return None


def relations(stmt: Statement) -> Iterator[Relation]:
    speakers = {e.key for e, *_ in stmt.value("speakers", [])}
    affiliated = set()
    for m in stmt.mentions:
        if m.entity.kind == "Person":
            for r in _from_titles(stmt, m, m.entity.key in speakers):
                affiliated.add((r.subject.key, r.predicate))
                yield r
    yield from _speaker_state(stmt, affiliated)
    text = stmt.context.text
    for s0, s1 in _hot_sentences(stmt):
        low = text[s0:s1].lower()  # each group of patterns runs only where its words are
        if any(w in low for w in _CHAIR_CUES):
            yield from _chairs(stmt, s0, s1)
        if any(w in low for w in _ESTABLISH_CUES):
            yield from _established(stmt, s0, s1)
        if any(w in low for w in _SPONSOR_CUES):
            yield from sponsors(stmt, s0, s1, low)
        if "draft" in low:
            yield from national_drafts(stmt, s0, s1)


def _speaker_state(stmt: Statement, affiliated: set[tuple[str, str]]) -> Iterator[Relation]:
    """A speaker who speaks for their own state serves it ("Statement by Ms. Rachel Hicks / Delegation of the
    United States of America"): affiliatedWith, read from the span that named the speaker."""
    behalf = stmt.attrs.get("on_behalf_of")
    if behalf is None or behalf.start is None or len(behalf.value) != 1 or behalf.value[0].kind != "State":
        return
    for ent, s, e, _title in stmt.value("speakers", []):
        if s == behalf.start and (ent.key, "affiliatedWith") not in affiliated:
            yield Relation(ent, "affiliatedWith", behalf.value[0], s, e)


def _from_titles(stmt: Statement, m: Mention, is_speaker: bool) -> Iterator[Relation]:
    """affiliatedWith from a person's title, and chairOf from "Chair of the OEWG, Ambassador X"."""
    text = stmt.context.text
    ranges = title_spans(m)
    for aff in affiliations(stmt, m, is_speaker):
        yield Relation(m.entity, "affiliatedWith", aff, min([m.start] + [a for a, _ in ranges]),
                       max([m.end] + [b for _, b in ranges]))
    for a, b in ranges:
        ch = re.search(r"\b(?<!Co-)(?:Chair(?:man|woman|person)?|President)\s+of\s+(?:the\s+)?", text[a:b])
        if ch:
            orgs = _starting_at(stmt, "Organization", a + ch.end())
            if orgs:
                yield Relation(m.entity, "chairOf", orgs[0].entity, min(a, m.start), max(b, m.end))


def _starting_at(stmt: Statement, kind: str, pos: int) -> list[Mention]:
    return [o for o in _in(stmt, kind, pos, stmt.end) if o.start == pos]


def _chairs(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    text = stmt.context.text
    sent = text[s0:s1]
    forum = stmt.value("forum")
    # "<State> on its election as the Group's Chair", "you, Ambassador Lauber, on your election as the Chair of
    # this Working Group": a body named there, or "the Group" = this forum
    for mm in re.finditer(r"\bon\s+(?:its|their|her|his|your)\s+election\s+as\s+(?P<what>[^.;]{0,80}?)\s*"
                          r"(?:Chair(?:man|person)?|President|Presidency)\b(?:\s+of\s+(?P<of>[^.;,]{0,80}))?", sent):
        subj = ([x for x in _in(stmt, "Person", s0, s0 + mm.start()) if s0 + mm.start() - x.end <= 3]
                or _in(stmt, "State", s0, s0 + mm.start()))
        where = (mm.start("what"), mm.end("what")) if not mm.group("of") else (mm.start("of"), mm.end("of"))
        obj = _in(stmt, "Organization", s0 + where[0], s0 + where[1])
        words = (mm.group("what") if not mm.group("of") else " ".join(mm.group("of").split()[:3])) + " "
        target = obj[0].entity if obj else (forum if _GROUP_WORDS.search(words) or _GROUP_FIRST.match(words)
                                            else None)
        if subj and target is not None:
            yield Relation(subj[-1].entity, "chairOf", target, subj[-1].start, s0 + mm.end())
    yield from _chair_verbs(stmt, s0, s1)
    # "the Nigerien chairmanship", "Viet Nam's presidency of the Security Council" (else: this forum)
    for mm in re.finditer(r"\b(?:chairmanship|presidency|chairship)\b", sent, re.I):
        adj = [x for x in _in(stmt, "State", s0, s0 + mm.start())
               if re.fullmatch(r"(?:[’']s)?\s?", text[x.end:s0 + mm.start()])]
        of = re.match(r"\s+of\s+(?:the\s+)?", sent[mm.end():])
        named = _starting_at(stmt, "Organization", s0 + mm.end() + of.end()) if of else []
        earlier = [o for o in _in(stmt, "Organization", s0, s0 + mm.start()) if o.entity.attr("type") != "NationalBody"]
        # "... of the Security Council"; else this statement's forum; else the body just named
        obj = named[0].entity if named else (forum or (earlier[-1].entity if earlier else None))
        if adj and obj is not None:
            yield Relation(adj[-1].entity, "chairOf", obj, adj[-1].start, s0 + mm.end())
    # "the Group ... was chaired by Ambassador X", "worked under the chairmanship of Ambassador X": the body
    # named last before the phrase (else this forum) is chaired by the person or state named right after it
    for mm in re.finditer(r"\b(?:(?:was|is|were|are|being)\s+)?(?:chaired|presided(?:\s+over)?|led)\s+by\s+|"
                          r"\bunder\s+the\s+(?:chairmanship|chairpersonship|presidency|leadership)\s+of\s+", sent, re.I):
        bodies = [o for o in _in(stmt, "Organization", s0, s0 + mm.start()) if o.entity.attr("type") != "NationalBody"
                  and not re.match(r"\s+resolutions?\b", text[o.end:o.end + 14])]  # "General Assembly resolution"
        body = bodies[-1].entity if bodies else forum
        who = [x for x in mentions_in(stmt, s0 + mm.end(), s1, ("Person", "State"))
               if not x.info.get("nested") and not re.search(r"[.;,]", text[s0 + mm.end():x.start])]
        if body is not None and who and who[0].start - (s0 + mm.end()) <= 40:
            yield Relation(who[0].entity, "chairOf", body, s0 + mm.start(), who[0].end)
    yield from _chair_named_after(stmt, s0, s1)
    yield from _addressed_chair(stmt, s0, s1)
    # "..., representing the Co-Chair countries of the OSCE Minsk Group": the states of the persons
    # named before (or the states named, when no person is)
    for mm in re.finditer(r"\bCo-?Chair(?:s|men)?(?:\s+countries|\s+states)?\s+of\s+(?:the\s+)?", sent, re.I):
        obj = _starting_at(stmt, "Organization", s0 + mm.end())
        if not obj:
            continue
        before = mentions_in(stmt, s0, s0 + mm.start(), ("Person", "State"))
        if not before:  # "The Co-Chair countries of the OSCE Minsk Group, Russia, the United States and France, ..."
            before = listed_after(stmt, obj[0].end, ("State",), s1)
        persons = [x for x in before if x.entity.kind == "Person"]
        states = [s for s in (_state_of(stmt, x) for x in (persons or before)) if s is not None]
        for st in {s.key: s for s in states}.values():
            yield Relation(st, "chairOf", obj[0].entity, s0, obj[0].end)


_CHAIR_OF = re.compile(r"\b(?<!Co-)(?:Chair(?:man|woman|person)?|President)\s+of\s+(?:the\s+)?")
# after the body's name and what qualifies it, the person set off by commas: ", Ambassador X,"
_THEN_NAMED = re.compile(r"[^,;.()]{0,160}?,\s+(?:the\s+)?")


def _chair_named_after(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    """"the Chair of the Group of ... on developments in ..., Carlos Ruiz, for introducing ...": a body whose
    chair is named after its (maybe long) name, set off by a comma."""
    text = stmt.context.text
    for mm in _CHAIR_OF.finditer(text, s0, s1):
        body = _starting_at(stmt, "Organization", mm.end())
        if not body:
            continue
        gap = _THEN_NAMED.match(text, body[0].end, s1)
        if gap is None:
            continue
        who = [x for x in _in(stmt, "Person", gap.end(), min(s1, gap.end() + 60))
               if x.start == gap.end() or x.info.get("title_start") == gap.end()]
        if who:
            yield Relation(who[0].entity, "chairOf", body[0].entity, mm.start(), who[0].end)


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


def _chair_verbs(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    """chairOf from a verb: "<State> will chair the UN Security Council", "Estonia holds the presidency of
    the Council", "Austria, presiding over the OSCE", "Ambassador X of Brazil, who chaired the GGE"."""
    text = stmt.context.text
    sent = text[s0:s1]
    # "<State> will chair the UN Security Council"
    for mm in re.finditer(r"\b(?:will\s+|shall\s+|to\s+)?(?:chairs?|chaired|presides?\s+over|presided\s+over)\s+"
                          r"(?:the\s+)?", sent):
        subj = [x for x in _in(stmt, "State", s0, s0 + mm.start()) if s0 + mm.start() - x.end <= 2]
        obj = _starting_at(stmt, "Organization", s0 + mm.end())
        if subj and obj:
            # "Ambassador X of Brazil chaired the GGE": the person, whose state only says whom they serve
            who = [p for p in _in(stmt, "Person", max(s0, subj[-1].start - 80), subj[-1].start)
                   if re.fullmatch(r",?\s+of\s+(?:the\s+)?", text[p.end:subj[-1].start])]
            first = who[-1] if who else subj[-1]
            yield Relation(first.entity, "chairOf", obj[0].entity, first.start, obj[0].end)
    # "Estonia holds the presidency of the Security Council", "Kenya assumed the chairmanship of ..."
    for mm in re.finditer(r"\b(?:holds?|held|holding|assumes?|assumed|assuming|takes?\s+over|took\s+over)\s+the\s+"
                          r"(?:rotating\s+)?(?:presidency|chairmanship|chair|chairpersonship)\s+of\s+(?:the\s+)?", sent):
        subj = [x for x in _in(stmt, "State", s0, s0 + mm.start()) + _in(stmt, "Person", s0, s0 + mm.start())
                if re.fullmatch(r"\s*(?:(?:has|had|also|currently|now|will)\s+)*", text[x.end:s0 + mm.start()])]
        obj = _starting_at(stmt, "Organization", s0 + mm.end())
        if subj and obj:
            yield Relation(subj[-1].entity, "chairOf", obj[0].entity, subj[-1].start, obj[0].end)
    # "Austria, presiding over the OSCE this year", "Viet Nam, chairing ASEAN": the state or person just before
    for mm in re.finditer(r",\s+(?:currently\s+)?(?:presiding\s+over|chairing|holding\s+the\s+(?:rotating\s+)?"
                          r"(?:chairmanship|chair|presidency)\s+of)\s+(?:the\s+)?", sent):
        obj = _starting_at(stmt, "Organization", s0 + mm.end())
        subj = [x for x in mentions_in(stmt, s0, s0 + mm.start(), ("Person", "State"))
                if not x.info.get("nested") and x.end == s0 + mm.start()]
        if obj and subj:
            yield Relation(subj[-1].entity, "chairOf", obj[0].entity, subj[-1].start, obj[0].end)
    # "Ambassador Guilherme de Aguiar Patriota of Brazil, who chaired the GGE": the person (else state) before
    for mm in re.finditer(r",\s+who\s+(?:has\s+|had\s+|will\s+|is\s+|was\s+)?(?:chair(?:s|ed|ing)?|presided?\s+over|"
                          r"presides\s+over|presiding\s+over)\s+(?:the\s+)?", sent):
        obj = _starting_at(stmt, "Organization", s0 + mm.end())
        before = [x for x in mentions_in(stmt, max(s0, s0 + mm.start() - 90), s0 + mm.start(), ("Person", "State"))
                  if not x.info.get("nested")]
        who = [x for x in before if x.entity.kind == "Person"] or before
        if obj and who and not re.search(r"[;]", text[who[-1].end:s0 + mm.start()]):
            yield Relation(who[-1].entity, "chairOf", obj[0].entity, who[-1].start, obj[0].end)


def _established(stmt: Statement, s0: int, s1: int) -> Iterator[Relation]:
    """"the mandate of the OEWG enshrined in resolution 75/240", "established pursuant to resolution X":
    the nearest body named before the verb, the first resolution after it."""
    sent = stmt.context.text[s0:s1]
    for mm in _ESTABLISH.finditer(sent):
        verb = s0 + (mm.start("verb") if mm.group("verb") else mm.start("verb2"))
        orgs = [o for o in _in(stmt, "Organization", s0, verb)
                if (o.entity.attr("family") or o.entity.attr("type") == "UNBody")
                and o.entity.key not in ("UN", "UNGA", "UNSC")]
        res = _in(stmt, "Resolution", s0 + mm.end(), s1)
        if orgs and res:
            yield Relation(orgs[-1].entity, "establishedBy", res[0].entity, orgs[-1].start, res[0].end)
    # the active voice: "resolution 73/27 that established the OEWG", "decision X, which set up the Group"
    for mm in _FOUNDING.finditer(sent):
        res = [r for r in _in(stmt, "Resolution", s0, s0 + mm.start()) if s0 + mm.start() - r.end <= 2]
        orgs = [o for o in _starting_at(stmt, "Organization", s0 + mm.end()) if o.entity.attr("family")
                or o.entity.attr("type") == "UNBody"]
        if res and orgs:
            yield Relation(orgs[0].entity, "establishedBy", res[-1].entity, res[-1].start, orgs[0].end)


def _hot_sentences(stmt: Statement) -> Iterator[tuple[int, int]]:
    """The sentences holding a word some relation pattern needs ("chair", "sponsor", "mandate", ...): the
    patterns run there only, not on every sentence."""
    text = stmt.context.text
    done = -1
    for pos in _TRIGGER.positions(stmt):
        if pos < done:
            continue
        s0, s1 = sentence_bounds(text, pos, stmt.start, stmt.end)
        if s1 <= s0:
            s1 = s0 + 1
        done = s1
        yield s0, s1
