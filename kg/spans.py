"""Spans: how they are written in the graph (one ``dkg:span`` literal, ``"START-END"``), and the words
and the sentence around one, taken from a document's text (``dkg:text``): the store keeps each
document's text once, and no quote with its mentions or evidence."""
from __future__ import annotations

import re

__all__ = ["SENTENCE_MAX", "sentence_around", "span_literal", "parse_span"]

SENTENCE_MAX = 400  # characters of context at most, either side of a span, so a run-on paragraph stays readable

# where a sentence ends: . ! ? (then closing quotes or brackets) before white space, or a blank line
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n\s*\n")


def span_literal(start: int, end: int) -> str:
    """How a span is written in the graph (``dkg:span``): ``"START-END"``, code-point offsets into the
    document's text, the end exclusive (Python's ``text[start:end]``)."""
    return f"{start}-{end}"


def parse_span(value: str) -> tuple[int, int]:
    """``"120-128"`` -> ``(120, 128)``: the offsets of a ``dkg:span`` literal."""
    start, _, end = value.partition("-")
    return int(start), int(end)


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
