"""Statements inside a statement: the turns of a transcript.

A meeting transcript gives each speaker a turn, opened by a label ("Chair: ...", "Brazil: ...",
"Mr. Nebenzia (Russian Federation): ...", or the label alone on its line). Each turn becomes a
statement of its own whose parent is the page's main statement (from which it takes the date,
place, forum and event its own words leave out); the label is its heading. A briefing, an interview
or a page where one voice answers unlabelled questions stays one statement, and so does a UN
meetings-coverage press release: the speeches it summarises are reported inside it. What reads as a
label is data: ``data/gazetteer/layout.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.gazetteer import lexicon

__all__ = ["Part", "split_parts"]


@dataclass(frozen=True, slots=True)
class Part:
    start: int
    end: int
    heading_end: int
    role: str  # "turn" (a transcript turn)


_ACTOR_BODIES = ("IntergovernmentalOrganization", "UNBody")  # a news agency asking a question is no delegation
_COLON_LABEL = re.compile(r"[\s*_]*(?P<label>[^:\n]{2,90}?)\s*:[\s*_]+(?=\S)")
_SENTENCE_END = re.compile(r"[.!?][\s*_”\"’')]*$")
_SPOKE_IN = re.compile(r"\s*\((?:spoke|speaking|interpretation from|translated from) [^()]{2,30}\)\s*$", re.I)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out = []
    pos = start
    for raw in text[start:end].split("\n"):
        out.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _names_actor(name: str) -> bool:
    """Whether ``name`` is, as a whole, a state or an intergovernmental body (or group)."""
    name = name.strip(" *_.,")
    return any(f.entity is not None and f.form in ("name", "abbreviation") and (
        f.entity.kind == "State" or f.entity.attr("type") in _ACTOR_BODIES) for f in lexicon().lookup(name))


def _label_kind(label: str, lay) -> str | None:  # noqa: ANN001 - a kg.layout.Layout
    """'chair', 'actor' (a state or body), 'delegate' (a person and their state) or 'person' when ``label`` opens a
    transcript turn, else None."""
    label = _SPOKE_IN.sub("", label.strip(" *_\t"))
    if not label or len(label) > 90:
        return None
    if lay.turn_roles.fullmatch(label):
        return "chair"
    m = lay.turn_person.fullmatch(label)
    if m:
        return "delegate" if _names_actor(m.group("state")) else None
    if lay.turn_titled.fullmatch(label):
        return "person"  # "Ambassador Silva", "MS. OKAFOR": a titled name, its state unsaid
    d = lay.turn_delegation.match(label)
    rest = label[d.end():] if d else label
    rest = lay.turn_behalf.sub("", rest)  # "KENYA (on behalf of the African Group)": Kenya takes the floor
    return "actor" if _names_actor(rest) else None


def _turn_starts(lines: list[tuple[int, int, str]], chrome, lay) -> list[tuple[int, int, str]]:  # noqa: ANN001
    """(line index, label end offset, kind) of every turn label among ``lines``."""
    found = []
    for i, (s, e, raw) in enumerate(lines):
        if not raw.strip() or chrome(raw):
            continue
        stamp = lay.turn_stamp.match(raw)  # "[00:01:12] BRAZIL: ...": the label follows the time stamp
        m = _COLON_LABEL.match(raw, stamp.end() if stamp else 0)
        if m:
            kind = _label_kind(m.group("label"), lay)
            if kind:
                found.append((i, s + m.end("label"), kind))
                continue
        alone = raw.strip(" *_\t").rstrip(":").strip()
        if len(alone) <= 90 and (i == 0 or not lines[i - 1][2].strip()):
            nxt = next((ln for ln in lines[i + 1:] if ln[2].strip()), None)
            if nxt is not None and len(nxt[2].strip()) >= 40:
                kind = _label_kind(alone, lay)
                if kind:
                    found.append((i, s + len(raw.rstrip(" *_\t:")), kind))
    return found


def _voices(lines: list[tuple[int, int, str]], starts: list[tuple[int, int, str]], lay) -> set[str]:  # noqa: ANN001
    """The distinct labels that open the turns ``starts`` ("MR PRICE" four times is one voice, time stamps aside)."""
    def label(i: int, label_end: int) -> str:
        raw = lines[i][2][:label_end - lines[i][0]]
        stamp = lay.turn_stamp.match(raw)
        return " ".join(raw[stamp.end() if stamp else 0:].lower().split()).strip(" *_")
    return {label(i, label_end) for i, label_end, _ in starts}


def _procedural(text: str, part: Part, lay) -> bool:  # noqa: ANN001 - a kg.layout.Layout
    """Whether a chair's turn only runs the meeting (gives the floor, thanks a speaker, adjourns): no statement."""
    words = text[part.heading_end:part.end]
    return len(words) <= lay.procedural_turn_chars and lay.procedural_turn.search(words) is not None


def split_parts(text: str, start: int, heading_end: int, end: int, lay, chrome) -> tuple[int | None, list[Part]]:  # noqa: ANN001
    """The turns of the statement ``text[start:end]`` (heading up to ``heading_end``).

    Returns ``(main_end, parts)``: where the main statement now ends (``None`` when nothing of its own
    is left beyond the heading, so that it only frames the parts), and the parts in order. No parts
    (``(end, [])``) when the text has fewer than two speakers."""
    lines = _lines(text, heading_end, end)
    starts = _turn_starts(lines, chrome, lay)
    if all(k == "chair" for _, _, k in starts) or len(_voices(lines, starts, lay)) < 2:
        return end, []  # one voice answering unlabelled questions ("QUESTION:") is one statement
    one_voice = lay.kind_of(" ".join(text[start:heading_end].split()[:12])) in lay.one_voice_kinds or \
        lay.moderator_mark.search(text, start, lines[starts[0][0]][0]) is not None  # (an event with a moderator)
    if one_voice and not any(k in ("actor", "delegate") for _, _, k in starts):
        return end, []  # a press briefing or an interview answers its questioners in one statement; a Council
        # briefing's delegations ("Mr. Silva (Brazil):") still speak in turns
    parts = []
    for n, (i, label_end, kind) in enumerate(starts):
        stop = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        body = [ln for ln in lines[i:stop] if ln[2].strip() and not chrome(ln[2])]
        stamp = lay.turn_stamp.match(lines[i][2])  # (a time stamp before the label is no part of the turn's heading)
        s = lines[i][0] + (stamp.end() if stamp else len(lines[i][2]) - len(lines[i][2].lstrip(" *_\t")))
        e = body[-1][0] + len(body[-1][2].rstrip())
        part = Part(s, e, label_end, "turn")
        if kind != "chair" or not _procedural(text, part, lay):
            parts.append(part)
    own = [ln for ln in lines[:starts[0][0]] if ln[2].strip() and not chrome(ln[2])]
    # more than a stray "New York" under the heading, and some sentence of its own: a record's masthead (its chair, its
    # agenda item, the topic of the debate) only frames the turns
    prose = sum(len(ln[2].strip()) for ln in own) >= 40 and any(_SENTENCE_END.search(ln[2]) for ln in own)
    main_end = own[-1][0] + len(own[-1][2].rstrip()) if own and prose else None
    return main_end, parts
