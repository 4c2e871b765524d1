"""A statement's heading as people read it: the label written to the store, the node label of the views.

Headings are copied from documents, with their typography: letter-spaced capitals
(``S T A T E M E N T``), Markdown emphasis (``**BY HEAD OF ...**``), runs of spaces. The store keeps the
heading as read (``dkg:heading``: it is provenance) and labels the statement with the cleaned form.
"""
from __future__ import annotations

import re

__all__ = ["clean_heading", "short_heading", "LABEL_LENGTH"]

LABEL_LENGTH = 160  # a statement's rdfs:label: the cleaned heading, cut at a word to at most this many characters

_CAP = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_SPACED = re.compile(rf"(?<!\w)(?:[{_CAP}] ){{2,}}[{_CAP}](?!\w)")  # S T A T E M E N T: capitals standing alone
_MARKUP = re.compile(r"\*{1,3}|_{2,3}|`+|^#{1,6}\s+|<[^<>]{1,40}>|\[\[|\]\]")
_LEADING_DATE = re.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}\s*[-–—:]\s*")


def _cut(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–—(") + "…"


def clean_heading(text: str, limit: int = LABEL_LENGTH) -> str:
    """Letter-spaced capitals joined, markup (``**``, ``__``, backticks, tags) dropped, spaces folded,
    cut at a word to ``limit`` characters."""
    text = " ".join(text.split())
    while (bare := " ".join(_MARKUP.sub(" ", text).split())) != text:  # `#*A`: one mark hid another
        text = bare
    text = _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)
    return _cut(text.strip(" -–—:|"), limit)


def short_heading(text: str, limit: int = 40) -> str:
    """A node label: the cleaned heading without a leading date (``16.07.2020 - ``), cut to ``limit``."""
    text = clean_heading(text, 10_000)
    return _cut(_LEADING_DATE.sub("", text) or text, limit)
