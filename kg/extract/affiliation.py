"""Whom a person works for, read from the title written around the name.

"Foreign Minister of Denmark Jeppe Kofod" -> Denmark; "Russian Ambassador to the UK" -> Russia
(the state after "to" is a posting, not an employer); "Secretary General of the Council of
Europe" -> the Council of Europe; "Under-Secretary-General" -> the UN; "MI-5 employee" -> MI5
(and its state). An unqualified office ("Foreign Minister") -> the state whose page this is when
the person is the speaker; a head of state or government known to the gazetteer -> its entry.
"""
from __future__ import annotations

import re

from kg.extract.common import lex, mentions_in, titles
from kg.model import Entity, Mention, Statement

__all__ = ["affiliations", "title_spans"]

_POSTED = re.compile(r"\b(?:to|in|at)\s+(?:the\s+)?$", re.I)
# a body its holder chairs, maybe through an organ of it ("Chair of the Coordinating Bureau of the Movement")
_CHAIR = re.compile(r"\b(?:Co-)?Chair(?:man|woman|person)?\s+of\s+(?:the\s+)?"
                    r"(?:(?:[A-Z][\w-]*\s+){1,4}of\s+(?:the\s+)?)?$", re.I)


def title_spans(m: Mention) -> list[tuple[int, int]]:
    spans = []
    if m.info.get("title_start") is not None:
        spans.append((m.info["title_start"], m.info["title_end"]))
    if m.info.get("post_title"):
        spans.append(tuple(m.info["post_title"]))
    return spans


def _in_title(stmt: Statement, spans: list[tuple[int, int]]) -> list[Mention]:
    text = stmt.context.text
    out = []
    inside = {id(o): o for a, b in spans for o in mentions_in(stmt, a, b, ("State", "Organization"))}
    for other in sorted(inside.values(), key=lambda o: o.start):
        if other.form in ("capital", "metonym"):
            continue
        for a, b in spans:
            if a <= other.start and other.end <= b:
                before = text[a:other.start]
                if _POSTED.search(before) or _CHAIR.search(before):
                    break
                out.append(other)
                break
    return out


def affiliations(stmt: Statement, m: Mention, is_speaker: bool) -> list[Entity]:
    """The states and organizations the person mentioned at ``m`` acts for, best first."""
    spans = title_spans(m)
    if not spans:
        acting = _acts_for(stmt, m)
        return [acting] if acting is not None else []
    text = stmt.context.text
    title = " ".join(text[a:b] for a, b in spans)
    found = _in_title(stmt, spans)
    out: list[Entity] = []
    states = [o.entity for o in found if o.entity.kind == "State"]
    owner = _possessor(stmt, min(a for a, _ in spans))
    if owner is not None and owner.kind == "State" and owner.key not in {e.key for e in states}:
        states.insert(0, owner)  # "Russia's deputy UN envoy": Russia's; the UN is the posting
    orgs = [o.entity for o in found if o.entity.kind == "Organization"]
    if owner is not None and owner.kind == "Organization" and owner.key not in {e.key for e in orgs}:
        orgs.insert(0, owner)  # "UN disarmament chief"
    if states:
        out.append(states[0])
    for org in orgs:
        if org.attr("type") != "NationalBody":
            if not states:  # an international official: the organization
                out.append(org)
            continue
        state = None if states else lex().state(org.attr("state") or "")
        # a ministry's official serves the state first ("Foreign Ministry Spokeswoman" -> Russia, then the
        # ministry); an agency's employee serves the agency ("MI-5 employee" -> MI5, then the UK)
        pair = (state, org) if org.key.startswith("MFA-") else (org, state)
        out += [e for e in pair if e is not None]
    if out:
        return _unique(out)
    tt = titles()
    low = title.lower()
    for org_id, phrases in tt.implies.items():
        if any(p in low for p in phrases):
            ent = lex().organization(org_id)
            if ent is not None:
                return [ent]
    known = m.entity.attr("affiliation")
    known_ent = (lex().state(known) or lex().organization(known)) if known else None
    if known_ent is not None and known_ent.kind == "Organization" and known_ent.attr("type") != "NationalBody":
        return [known_ent]  # a known international official by a bare office: "Director-General, Ambassador X"
    acting = _acts_for(stmt, m, max(b for _, b in spans))
    if acting is not None:  # "the Mexican delegation was headed by Ambassador X", "X delivered Chile's statement"
        return [acting]
    words = {w for w in tt.national if re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", low)}
    if not words:
        return []
    if is_speaker:
        # the gazetteer knows whom a famous speaker serves; anyone else speaks for the state the heading
        # names as the issuer, else for the page's own state (not in a transcript: its turns are others')
        if known_ent is not None and known_ent.kind == "State":
            return [known_ent]
        own = stmt.own_state or (stmt.context.home_state if stmt.role not in ("turn", "part") else None)
        if own is not None:
            return [own]
    if words <= tt.ranks:
        return []
    if known_ent is None and not is_speaker:
        # an office of a state's government named bare in that state's own statement ("Foreign Secretary X
        # stated ..." in its ministry's communiqué, "FM X will join ..." in its thread): that state's (not a
        # counterpart's whom the minister meets: "in Hanoi she will meet Deputy Prime Minister X")
        start = min(a for a, _ in spans)
        if _MEETS.search(text, max(stmt.start, start - 40), start):
            return []
        own = _own_statement_state(stmt)
        return [own] if own is not None else []
    return [known_ent] if known_ent is not None else []


_MEETS = re.compile(r"\b(?:meets?|met|meeting|receives?|received|hosts?|hosted|talks|call)\s+(?:with\s+)?(?:the\s+|his\s+|"
                    r"her\s+|their\s+)?(?:counterparts?,?\s+)?$", re.I)


# the delegation a person heads: "the Mexican delegation was headed by", "the delegation of Chile, led by"
# (an office the title reader did not take may stand between: "led by Ambassador at Large for Cyber Policy X")
_OFFICE_GAP = r"(?:(?:[A-Z][\w.-]*|at|for|of|and|the|in|on|to|charge)\s+){0,10}"
_HEADS = re.compile(r"(?i:(?:[’']s)?\s+delegation\b[^.;]{0,80}?\b(?:headed|led)\s+by\s+(?:the\s+)?)" + _OFFICE_GAP + "$")
_DELEGATION_OF = re.compile(r"\bdelegation\s+of\s+(?:the\s+)?$", re.I)
_HEADED_AFTER = re.compile(r"(?i:[^.;]{0,80}?\b(?:headed|led)\s+by\s+(?:the\s+)?)" + _OFFICE_GAP + "$")
# a statement the person delivered for a state: "delivered Chile's national statement", "..., who delivered the
# explanation of vote on behalf of Chile"
_DELIVERS = re.compile(r"(?:,[^.;]{0,160}?,)?(?:,?\s+who)?\s+(?:(?:today|yesterday|also|has|had)\s+)*"
                       r"(?:delivered|made|read(?:\s+out)?|presented)\s+(?:(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?"
                       r"(?:on\s+behalf\s+of|for)\s+(?:the\s+)?|(?P<own>))", re.I)
_STATEMENT_AFTER = re.compile(r"[’']s?\s+(?:[\w-]+\s+){0,2}?(?:statement|remarks|speech|address|intervention|"
                              r"explanation\s+of\s+(?:vote|position))\b", re.I)


def _acts_for(stmt: Statement, m: Mention, after: int | None = None) -> Entity | None:
    """The state the sentence says the person at ``m`` acts for: whose delegation they head, or whose statement
    they delivered. ``after``: where the person's title ends, when it runs past the name."""
    text = stmt.context.text
    start = m.info.get("title_start", m.start)
    for o in reversed(mentions_in(stmt, max(stmt.start, start - 120), start, ("State",))):
        if o.form in ("capital", "metonym"):
            continue
        if _HEADS.fullmatch(text, o.end, start) or (_DELEGATION_OF.search(text, max(stmt.start, o.start - 30), o.start)
                                                and _HEADED_AFTER.fullmatch(text, o.end, start)):
            return o.entity
    d = _DELIVERS.match(text, max(m.end, after or m.end), min(stmt.end, m.end + 400))
    state = next((o for o in mentions_in(stmt, d.end(), d.end() + 60, ("State",)) if o.start == d.end()), None) if d \
        else None
    if state is None or state.form in ("capital", "metonym"):
        return None
    if d.group("own") is not None and not _STATEMENT_AFTER.match(text, state.end):
        return None  # "delivered Chile's ..." must go on to a statement
    return state.entity


def _own_statement_state(stmt: Statement) -> Entity | None:
    """The one state a page's own statement (not a turn of a record) speaks for, when that is the page's state."""
    behalf = stmt.attrs.get("on_behalf_of")
    home = stmt.context.home_state
    if behalf is None or home is None or stmt.role not in ("main", "item") or len(behalf.value) != 1:
        return None
    state = behalf.value[0]
    return state if state.kind == "State" and state.key == home.key else None


_POSSESSIVE_GAP = re.compile(r"[’']s\s+(?:[a-z][\w-]*\s+){0,3}$")
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that"}
_WORDS_GAP = re.compile(r"\s+((?:[a-z][\w-]*\s+){1,3})$")


def _possessor(stmt: Statement, title_start: int) -> Entity | None:
    """The state or body whose office a title names by the words right before it: a possessive ("Russia's
    deputy UN envoy", "America's new ambassador"), a state's adjective and a qualifier ("Russian deputy UN
    Ambassador"), a body and the office's field in lower case ("UN disarmament chief")."""
    text = stmt.context.text
    tt = titles()
    for o in reversed(mentions_in(stmt, max(stmt.start, title_start - 40), title_start, ("State", "Organization"))):
        if o.form in ("capital", "metonym"):
            continue
        if o.entity.kind == "State" and _POSSESSIVE_GAP.fullmatch(text, o.end, title_start):
            return o.entity
        if o.entity.attr("type") == "NationalBody" and _POSSESSIVE_GAP.fullmatch(text, o.end, title_start):
            return o.entity  # "the Chilean Foreign Ministry's Ambassador for Oceans": the ministry's (and its state's)
        gap = _WORDS_GAP.fullmatch(text, o.end, title_start)
        words = gap.group(1).split() if gap else []
        if not words or any(w in tt.stops for w in words):
            continue
        if o.entity.kind == "State" and o.form == "adjective" and all(w in tt.modifiers for w in words):
            return o.entity
        if o.entity.kind == "Organization" and not o.info.get("nested") and len(words) <= 2 and \
                text[title_start:title_start + 1].islower() and not set(words) & _DETERMINERS:
            return o.entity  # "UN disarmament chief" (not "The EU thanks the Special Rapporteur")
    return None


def _unique(ents: list[Entity]) -> list[Entity]:
    seen, out = set(), []
    for e in ents:
        if (e.kind, e.key) not in seen:
            seen.add((e.kind, e.key))
            out.append(e)
    return out
