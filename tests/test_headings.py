"""Statement headings as labels: spaced capitals joined, markup dropped, cut at a word."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.headings import LABEL_LENGTH, clean_heading, short_heading


def test_headings_spaced_capitals_and_markup():
    raw = "S T A T E M E N T **BY HEAD OF THE RUSSIAN DELEGATION** New York,   13 December 2021"
    assert clean_heading(raw) == "STATEMENT BY HEAD OF THE RUSSIAN DELEGATION New York, 13 December 2021"
    assert clean_heading("Remarks by `Ms. X` at __the__ UN") == "Remarks by Ms. X at the UN"
    assert clean_heading("З А Я В Л Е Н И Е МИД") == "ЗАЯВЛЕНИЕ МИД"


def test_headings_lone_letters_in_prose_stay():
    assert clean_heading("Plan A B or plan a b c") == "Plan A B or plan a b c"


def test_headings_short_drops_the_leading_date_and_cuts_at_a_word():
    s = short_heading("16.07.2020 - Embassy comment concerning today's unfriendly statements", 30)
    assert s == "Embassy comment concerning…"


@given(st.lists(st.sampled_from(list("AB ab*_`#<>\n-12.") + ["S T A", "**X**"]), max_size=200).map("".join))
def test_headings_clean_is_short_single_line_and_idempotent(text):
    out = clean_heading(text)
    assert len(out) <= LABEL_LENGTH and "\n" not in out and "  " not in out and "**" not in out
    if not out.endswith("…"):
        assert clean_heading(out) == out
