"""The words of a span and the sentence around it, taken from a document's text (``dkg:text``): the
store keeps each document's text once, and no quote with its mentions or evidence."""
from __future__ import annotations

import re

__all__ = ["SENTENCE_MAX", "sentence_around"]

SENTENCE_MAX = 400  # characters of context at most, either side of a span, so a run-on paragraph stays readable

# where a sentence ends: . ! ? (then closing quotes or brackets) before white space, or a blank line
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n\s*\n")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or sentences) holding ``text[start:end]``, white space folded; cut with ``…`` where it
    runs more than :data:`SENTENCE_MAX` characters beyond the span."""
    lo = max(0, start - SENTENCE_MAX)
    begin = lo
    for m in _END.finditer(text, lo, start):
        begin = m.end()
    hi = min(len(text), end + SENTENCE_MAX)
    m = _END.search(text, end, hi)
    finish = m.end() if m else hi
    words = " ".join(text[begin:finish].split())
    return ("…" if begin == lo > 0 else "") + words + ("…" if m is None and finish < len(text) else "")
