"""The fast matchers give exactly what the plain regex scan gives: ``word_finditer`` (a word boundary
checked outside the regex) and ``anchored_finditer`` (a pattern tried only near a literal anchor)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.common import anchored_finditer, word_finditer
from kg.extract.resolutions import _SESSION, _SESSION_ANCHOR, find_symbols, session_of

# texts made of the pieces symbols and sessions are written with, so that matches (and near misses) are common
PIECES = ["A", "/", "RES", "75", "240", " ", "XA", "C.1", "L.", "13", "resolution", "Resolutions", "decision",
          "76th", "session", "seventy-sixth", "of the", "General Assembly", "UNGA", "77", "Committee", "First",
          "\n", ",", "and", "S/RES/", "2334", "(2016)", "Security Council", "_", "é", "draft"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(0, 20))
def test_extract_matching_word_finditer_equals_a_leading_word_boundary(text, pos):
    bare = re.compile(r"A\s*/\s*RES\s*/\s*(\d{1,3})\s*/\s*(\d{1,4})")
    bounded = re.compile(r"\b" + bare.pattern)
    pos = min(pos, len(text))
    assert [m.span() for m in word_finditer(bare, text, pos)] == [m.span() for m in bounded.finditer(text, pos)]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_extract_matching_anchored_finditer_equals_a_scan_of_every_position(text):
    got = [(m.span(), m.group(0)) for m in anchored_finditer(_SESSION, _SESSION_ANCHOR, 60, text)]
    assert got == [(m.span(), m.group(0)) for m in _SESSION.finditer(text)]


def test_extract_matching_symbols_after_a_letter_or_slash_are_not_read():
    text = "See A/RES/75/240, XA/RES/75/241, the report A/76/135 and B/A/76/136."
    keys = [ent.key for _, _, ent, _ in find_symbols(text)]
    assert keys == ["A/RES/75/240", "A/76/135"]


def test_extract_matching_session_is_found_by_its_words_anywhere_in_a_long_text():
    filler = "The delegation spoke at length about confidence-building measures. " * 2000
    assert session_of(filler + "At the seventy-sixth session of the General Assembly, we agreed.") == 76
    assert session_of(filler) is None


def test_extract_matching_session_from_a_meetings_coverage_header():
    assert session_of("Seventy-eighth Session,\n21st Meeting (PM)\nGA/DIS/9999\n\nCommittee Hears Debate") == 78
    assert session_of("Eighty-first session, 5th & 6th Meetings (AM & PM)\n\nText.") == 81
    # an ordinal session of another body, with no meeting line, says nothing of the General Assembly's
    assert session_of("Human Rights Council, forty-sixth session\n\nThe Council heard statements.") is None
