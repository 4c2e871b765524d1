"""States: names, official forms, abbreviations, adjectives and demonyms, and a capital or seat of
power used as an actor ("Washington has not issued visas", "Paris and Berlin") — while a capital
that is only a location ("Moscow, May 27, 2019", "in London") is left to the place reader."""
from __future__ import annotations

import re
from typing import Iterator

from kg.dates import date_follows
from kg.extract.common import hits, lex
from kg.model import Mention, Statement

__all__ = ["states", "capital_is_actor"]

_VERBS = (r"has|have|had|is|was|were|are|will|would|shall|should|must|can|cannot|could|may|might|does|did|do|"
          r"insists?|insisted|says?|said|stated?|states|believes?|believed|wants?|wanted|refuses?|refused|"
          r"continues?|continued|claims?|claimed|accuses?|accused|demands?|demanded|announced?|announces|decided?|"
          r"decides|rejects?|rejected|expects?|expected|hopes?|hoped|seeks?|sought|urges?|urged|warns?|warned|"
          r"threatens?|threatened|keeps?|kept|tries|tried|prefers?|preferred|sees?|saw|considers?|considered|"
          r"regards?|responded|responds?|reacted|reacts?|agreed|agrees?|denied|denies|imposed|imposes?|issued|"
          r"issues|plans?|planned|intends?|intended|supports?|supported|opposes?|opposed|backs?|backed|"
          r"sent|sends?|made|makes?|took|takes?|gave|gives?|told|tells?|called|calls?|proposed|proposes?|"
          r"recognized|recognised|confirmed|confirms?|stressed|stresses|noted|notes|chose|chooses|remains?|"
          r"remained|understands?|understood|knows?|knew|needs?|needed|offered|offers?|signed|signs?|withdrew|"
          r"withdraws?|expelled|expels?|retaliated|responded")
_ACTOR_AFTER = re.compile(r"^(?:[’']s\s+[a-z]|\s+(?:(?:also|now|still|already|again|repeatedly|officially|not|"
                          r"never|only|then|too|clearly|openly)\s+)*(?:" + _VERBS + r")\b)")
_AT_PLACE = re.compile(r"\b(?:in|at|near|outside)\s+$", re.I)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|near|via|into|outside|around|across|over|visit(?:ed|s)?|arrived in)\s+$", re.I)


def capital_is_actor(text: str, start: int, end: int) -> bool:
    """Is the capital at ``text[start:end]`` used for its state's government?"""
    after = text[end:end + 60]
    if date_follows(text, end):
        return False  # a dateline: "Moscow, May 27, 2019"
    before = text[max(0, start - 40):start]
    if _AT_PLACE.search(before):
        return False  # "the office in Lima supports ...": the verb's subject is what is in the city
    if _ACTOR_AFTER.match(after):
        return True
    if _PLACE_BEFORE.search(before):
        return False
    if re.search(r"\bbetween\s+\S+\s+and\s+$", before) or re.match(r"^\s+and\s+[A-Z]", after):
        return True  # "between Moscow and Washington", "Paris and Berlin"
    pair = re.search(r"\b([A-Z][\w.-]+(?:\s[A-Z][\w.-]+)?)\s+and\s+$", before)
    if pair and pair.group(1) in lex().capitals and not _PLACE_BEFORE.search(text[max(0, start - 60):start - len(pair.group(0))]):
        return True
    if re.search(r"\b(?:with|by|against|pressure on|from|call(?:s|ed)? (?:on|upon)|urge[sd]?|ask(?:s|ed)?|tell|told|"
                 r"warn(?:s|ed)?|invite[sd]?|accuse[sd]?|condemn(?:s|ed)?|critici[sz]e[sd]?)\s+$", before, re.I):
        return True
    return False


# a page's language menu: "Statement: English | Russian | Kazakh" (short items set off by bars, nothing else on the line)
_MENU_ITEM = r"[^\W\d_][\w'’-]*(?:[ \t][^\W\d_][\w'’-]*)?"
_MENU_LINE = re.compile(r"[ \t]*(?:[\w ]{1,20}:[ \t]*)?" + _MENU_ITEM + r"(?:[ \t]*\|[ \t]*" + _MENU_ITEM + r")+[ \t]*")


def _in_language_menu(text: str, start: int, end: int) -> bool:
    """Whether the adjective at ``text[start:end]`` ("Russian") names a language in a menu of languages."""
    lo, hi = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    return "|" in text[lo:hi] and _MENU_LINE.fullmatch(text, lo, hi) is not None


def states(stmt: Statement) -> Iterator[Mention]:
    text = stmt.context.text
    for hit in hits(stmt):
        if hit.outer is not None and any(f.entity is not None and f.entity.kind in ("Person", "State")
                                         for f in hit.outer.forms):
            continue  # no state inside a person's or another state's name ("Republic of China" in "People's ...")
        if hit.outer is not None and any(f.entity is not None and f.entity.attr("type") == "MediaOrganization"
                                         for f in hit.outer.forms):
            continue  # nor inside a news outlet's ("Agence France-Presse", "Radio Free Asia")
        for f in hit.forms:
            ent = f.entity
            if ent is None or ent.kind != "State":
                continue
            if f.form in ("capital", "metonym") and not capital_is_actor(text, hit.start, hit.end):
                continue
            if f.form == "adjective" and _in_language_menu(text, hit.start, hit.end):
                continue
            yield Mention(hit.start, hit.end, text[hit.start:hit.end], ent, f.form,
                          {"nested": True} if hit.outer is not None else {})
            break
