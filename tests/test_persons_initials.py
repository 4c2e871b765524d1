"""Initials before a surname ("A.V.Krutskikh", "A. V. Krutskikh"): the finder that starts only at a capital
before a full stop finds what the pattern searched over every position (after a word boundary) finds."""
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.common import word_finditer
from kg.extract.persons import _INITIALS_NAME, _initials_names

_PIECES = st.sampled_from(["A.", "V.", "Ž.", "É.", " ", ".", "x", "Krutskikh", "Lavrov", "ab", "_", "9", "\n", "A", "é", "-"])


@given(st.lists(_PIECES, max_size=25).map("".join))
@settings(max_examples=500, deadline=None)
def test_persons_initials_finder_equals_bounded_search(seg: str):
    assert [m.span() for m in _initials_names(seg)] == [m.span() for m in word_finditer(_INITIALS_NAME, seg)]


def test_persons_initials_finder_reads_both_spacings_and_skips_glued_words():
    seg = "said A.V.Krutskikh and A. V. Krutskikh, not xA.Lavrov"
    assert [m[0] for m in _initials_names(seg)] == ["A.V.Krutskikh", "A. V. Krutskikh"]
