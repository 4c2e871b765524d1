"""Statements inside a statement: the turns of a transcript and the speakers of a press release.

A meeting transcript gives each speaker a turn, opened by a label ("Chair: ...", "Brazil: ...",
"Mr. Nebenzia (Russian Federation): ...", or the label alone on its line). A UN meetings-coverage
press release reports several speakers under one heading, each in paragraphs opening with the
speaker ("The representative of Mexico said ..."). Either way each speaker's part becomes a
statement of its own whose parent is the page's main statement (from which it takes the date,
place, forum and event its own words leave out). The label or speaker clause is the statement's
heading. What reads as a label or opener is data: ``data/gazetteer/layout.yaml``.
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
    role: str  # "turn" (a transcript turn) or "part" (a speaker's part of a press release)


_REPORTING_KINDS = (None, "press release", "news", "report", "briefing")
_ACTOR_BODIES = ("IntergovernmentalOrganization", "UNBody")  # a news agency asking a question is no delegation
_COLON_LABEL = re.compile(r"[\s*_]*(?P<label>[^:\n]{2,90}?)\s*:[\s*_]+(?=\S)")
_SPOKE_IN = re.compile(r"\s*\((?:spoke|speaking|interpretation from|translated from) [^()]{2,30}\)\s*$", re.I)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


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


def _label_kind(label: str, lay) -> str | None:  # noqa: ANN001 - a kg.segment.Layout
    """'chair', 'actor' or 'person' when ``label`` opens a transcript turn, else None."""
    label = _SPOKE_IN.sub("", label.strip(" *_\t"))
    if not label or len(label) > 90:
        return None
    if lay.turn_roles.fullmatch(label):
        return "chair"
    m = lay.turn_person.fullmatch(label)
    if m:
        return "person" if _names_actor(m.group("state")) else None
    if lay.turn_titled.fullmatch(label):
        return "person"  # "Ambassador Silva", "MS. OKAFOR": a titled name, its state unsaid
    d = lay.turn_delegation.match(label)
    rest = label[d.end():] if d else label
    return "actor" if _names_actor(rest) else None


def _turn_starts(lines: list[tuple[int, int, str]], chrome, lay) -> list[tuple[int, int, str]]:  # noqa: ANN001
    """(line index, label end offset, kind) of every turn label among ``lines``."""
    found = []
    for i, (s, e, raw) in enumerate(lines):
        if not raw.strip() or chrome(raw):
            continue
        m = _COLON_LABEL.match(raw)
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


def _opener_starts(lines: list[tuple[int, int, str]], chrome, lay) -> list[tuple[int, int, str]]:  # noqa: ANN001
    """(line index, speaker clause end, "part") of every paragraph opening with a reported speaker."""
    found = []
    for i, (s, e, raw) in enumerate(lines):
        if not raw.strip() or chrome(raw) or (i > 0 and lines[i - 1][2].strip()):
            continue
        lead = len(raw) - len(raw.lstrip(" *_\t"))
        body = raw[lead:]
        stop = _SENTENCE_END.search(body)
        sentence = body[:stop.start() + 1] if stop else body
        for n, pat in enumerate(lay.speaker_openers):
            m = pat.match(sentence)
            if not m or not lay.reporting_verbs.search(sentence, m.end("who")):
                continue
            who = m.group("who")
            if (n < 2) != _names_actor(who):  # "The representative of X": X a state or body; "Name, title": not
                continue
            end = m.end() if n < 2 else m.end("who")
            clause = sentence[:end].rstrip(" ,")
            found.append((i, s + lead + len(clause), "part"))
            break
    return found


def split_parts(text: str, start: int, heading_end: int, end: int, lay, chrome) -> tuple[int | None, list[Part]]:  # noqa: ANN001
    """The turns or speakers' parts of the statement ``text[start:end]`` (heading up to ``heading_end``).

    Returns ``(main_end, parts)``: where the main statement now ends (``None`` when nothing of its own
    is left beyond the heading, so that it only frames the parts), and the parts in order. No parts
    (``(end, [])``) when the text has fewer than two speakers."""
    lines = _lines(text, heading_end, end)
    starts = _turn_starts(lines, chrome, lay)
    if len(starts) < 2 or all(k == "chair" for _, _, k in starts):
        # reported speakers only on a page that reports (a speech quoting "the representative of X said" is one)
        reporting = lay.kind_of(" ".join(text[start:heading_end].split()[:12])) in _REPORTING_KINDS
        starts = _opener_starts(lines, chrome, lay) if reporting else []
        if len(starts) < 2:
            return end, []
    parts = []
    for n, (i, label_end, kind) in enumerate(starts):
        stop = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        body = [ln for ln in lines[i:stop] if ln[2].strip() and not chrome(ln[2])]
        s = lines[i][0] + (len(lines[i][2]) - len(lines[i][2].lstrip(" *_\t")))
        e = body[-1][0] + len(body[-1][2].rstrip())
        parts.append(Part(s, e, label_end, "turn" if kind != "part" else "part"))
    own = [ln for ln in lines[:starts[0][0]] if ln[2].strip() and not chrome(ln[2])]
    prose = sum(len(ln[2].strip()) for ln in own) >= 40  # more than a stray "New York" under the heading
    main_end = own[-1][0] + len(own[-1][2].rstrip()) if own and prose else None
    return main_end, parts
