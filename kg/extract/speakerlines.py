"""Speakers named on lines of their own: a labelled field ("Delivered by:", "Speakers:" without the moderator), a
signature and the office lines under it, a joint text's block of signing ministers, a written answer's "Answered by",
a media release's "Quotes attributable to" lines. Read by kg/extract/speakers.py."""
from __future__ import annotations

import re

from kg.dates import find_dates
from kg.extract.common import titles
from kg.extract.header import tail_lines
from kg.layout import layout
from kg.model import Mention, Statement
from kg.segment import is_sentence

__all__ = ["ASKED", "answered_by", "attributed", "field_speaker", "persons_in", "signature_block", "signed"]


def persons_in(stmt: Statement, a: int, b: int) -> list[Mention]:
    return [m for m in stmt.mentions if m.entity.kind == "Person" and a <= m.info.get("title_start", m.start) < b]


def field_speaker(stmt: Statement) -> list[Mention]:
    """A labelled field line names the speaker, above the text or below its end ("Delivered by: Ambassador X,
    Permanent Representative of ...", "From: Foreign Office and X"): the first person on the line. The line's
    span is kept on the mention (it may also say for whom: "..., on behalf of the Group of 77")."""
    text = stmt.context.text
    for f in layout().speaker_field.finditer(text, stmt.start, stmt.end):
        le = text.find("\n", f.end(), stmt.end)
        le = stmt.end if le < 0 else le
        named = [m for m in persons_in(stmt, f.end(), le) if not _moderates(text, m.end, le)]
        if named:
            named[0].info["field_line"] = (f.start(), le)
            return named[:1]
    return []


def _moderates(text: str, at: int, le: int) -> bool:
    """Whether the entry of a list of participants that runs from ``at`` to the next ";" marks its person as the
    moderator ("B, Senior Fellow (moderator)")."""
    entry = text.find(";", at, le)
    return layout().moderator_mark.search(text[at:le if entry < 0 else entry]) is not None


# a written question's record: who asked it, and who answered ("Asked by Ms X", "Answered by Y, Minister of State")
ASKED = re.compile(r"\b(?:asked|tabled|raised)\s+by[ \t]*:?[ \t]*$", re.I)


_ANSWERED = re.compile(r"^[ \t*_]*(?:(?:answered|replied)(?:\s+on\s+[^\n]{4,30}?)?\s+(?:to\s+)?by[ \t]*:?|answers?\s+(?:from|by|of)\s+(?:the\s+)?)"
                       r"[ \t]*", re.I | re.M)


def answered_by(stmt: Statement) -> list[Mention]:
    """The person an "Answered by X" line names: the speaker of a parliamentary answer (once per statement)."""
    if "answered" not in stmt.cache:
        text = stmt.context.text
        found: list[Mention] = []
        for cue in _ANSWERED.finditer(text, stmt.start, stmt.end):
            found = persons_in(stmt, cue.end(), cue.end() + 1)[:1]
            if found:
                break
        stmt.cache["answered"] = found
    return stmt.cache["answered"]


# a media release's lines that name who speaks in it: "Quotes attributable to Minister for X, Jane Doe:", and the
# ministers a joint release is issued with ("Joint media release with:" above their names and offices)
_ATTRIBUTABLE = re.compile(r"^[ \t*_]*(?:quotes?|comments?|remarks)\s+(?:attributable|attributed)\s+to\b", re.I | re.M)


_JOINT_WITH = re.compile(r"^[ \t*_]*joint\s+(?:media\s+|press\s+|news\s+)?(?:release|statement)\s+with\b[ \t]*:?",
                         re.I | re.M)


def attributed(stmt: Statement) -> list[Mention]:
    """The persons a media release's "Quotes attributable to ..." lines name (the last name of each line: the
    office stands before it), and those its "Joint media release with:" line (or the lines below it) names."""
    text = stmt.context.text
    out: list[Mention] = []
    for cue in _ATTRIBUTABLE.finditer(text, stmt.start, stmt.end):
        le = text.find("\n", cue.end(), stmt.end)
        out += persons_in(stmt, cue.end(), stmt.end if le < 0 else le)[-1:]
    if not out:
        return []
    for cue in _JOINT_WITH.finditer(text, stmt.start, stmt.end):
        para = text.find("\n\n", cue.end(), stmt.end)
        out += [m for m in persons_in(stmt, cue.end(), stmt.end if para < 0 else para)
                if _starts_line(text, m.info.get("title_start", m.start))]
    return out


def _starts_line(text: str, at: int) -> bool:
    """Whether only spaces or emphasis stand between the line's start and ``at``."""
    return not text[text.rfind("\n", 0, at) + 1:at].strip(" \t*_")


def signed(stmt: Statement) -> list[Mention]:
    """The person who signs the statement off: a name alone on one of its last short lines, maybe with a form of
    address or title before it ("Amb. Dr. Jane Doe", "António Guterres"), above a title or a place and date line."""
    text = stmt.context.text
    marked = next((m for m in stmt.mentions if m.entity.kind == "Person" and m.info.get("signed")), None)
    if marked is not None:  # "(Signed) Jane Doe": wherever it stands, above the office lines under it
        if "post_title" not in marked.info:
            _office_block(stmt, marked)
        return [marked]
    signs = [(ls, le) for ls, le in tail_lines(stmt, 8) if not layout().is_chrome(text[ls:le])][-4:]
    for n, (ls, le) in enumerate(signs):  # (the page's footer below it aside)
        named = [m for m in persons_in(stmt, ls, le) if not text[m.end:le].strip(" ,.*_")
                 and not text[ls:m.info.get("title_start", m.start)].strip(" *_")]
        if named:
            if n + 1 < len(signs) and "post_title" not in named[0].info and _office_line(text[slice(*signs[n + 1])]):
                named[0].info.update(post_title=signs[n + 1], titled=True)  # "Ambassador, Permanent Representative"
            return named[:1]
    return []


def signature_block(stmt: Statement) -> list[Mention]:
    """The signers of a joint text: two or more of its last lines each a name and the signer's office after a
    comma ("Jane Doe, Minister for Foreign Affairs of X"), one under the other."""
    text = stmt.context.text
    signers: list[Mention] = []
    for ls, le in reversed(tail_lines(stmt, 12)):
        named = [m for m in persons_in(stmt, ls, le) if not text[ls:m.start].strip(" \t*_")
                 and m.info.get("post_title") and text[m.end:m.end + 1] == ","
                 and not text[m.info["post_title"][1]:le].strip(" .,;*_")]
        if not named and not signers and not persons_in(stmt, ls, le):
            continue  # (the page's footer below the block: "Last updated: ...", "Print | Share")
        if not named:
            break
        signers.append(named[0])
    return signers[::-1] if len(signers) >= 2 else []


def _office_block(stmt: Statement, m: Mention) -> None:
    """The office lines under a signature ("Ambassador and Permanent Representative / Chair of the Bureau of the /
    Movement"): an office line, and each line a wrapped one goes on to, as the signer's title."""
    text = stmt.context.text
    a = b = text.find("\n", m.end, stmt.end)
    while 0 <= b < stmt.end:
        le = text.find("\n", b + 1, stmt.end)
        le = stmt.end if le < 0 else le
        line = text[b + 1:le]
        wrapped = b > a and re.search(r"\b(?:of|the|and|to|for|on)[ \t]*$", text[a:b], re.I)
        opens = titles().title_re.match(line.strip(" \t*_"))  # "Chair of the Bureau of the": an office too
        if not line.strip() or not (_office_line(line) or (wrapped or opens) and not is_sentence(line)):
            break
        b = le
    if a >= 0 and b > a:
        s = a + 1 + len(text[a + 1:b]) - len(text[a + 1:b].lstrip())
        m.info.update(post_title=(s, b), titled=True)


def _office_line(line: str) -> bool:
    """A short line under a signature that names an office or rank ("Ambassador, Permanent Representative"), no
    sentence and no date."""
    low = line.strip(" *_").lower()
    tt = titles()
    return 0 < len(low) < 120 and not is_sentence(line) and not find_dates(line) and \
        any(re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", low) for w in tt.national | tt.ranks)
