"""Folding and scanning: the fast forms give what the plain definitions give."""
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.gazetteer import _FOLD, fold, lexicon

# the characters that folding changes, beside plain letters, spaces and an accented capital
_ALPHABET = st.sampled_from([chr(c) for c in _FOLD] + list("aZ é.İ'-\"") + ["Russia", "OEWG", " of "])


@given(st.lists(_ALPHABET, max_size=40).map("".join))
@settings(max_examples=300, deadline=None)
def test_gazetteer_fold_matches_translate_definition(text: str):
    t = text.translate(_FOLD)
    low = t.lower()
    expected = low if len(low) == len(t) else "".join(c.lower() if len(c.lower()) == 1 else c for c in t)
    assert fold(text) == expected
    assert len(fold(text)) == len(text)


def test_gazetteer_scan_reads_curly_quotes_and_nonbreaking_spaces_as_plain_ones():
    plain = "the Russian Federation’s delegation and the Non-Aligned Movement"
    odd = plain.replace(" ", "\u00a0").replace("-", "\u2011")
    spans = [(h.start, h.end, h.forms[0].entity.key) for h in lexicon().scan(plain)]
    assert spans and [(h.start, h.end, h.forms[0].entity.key) for h in lexicon().scan(odd)] == spans


def _outer(text: str) -> list[tuple[str, str]]:
    return [(text[h.start:h.end], h.forms[0].entity.key) for h in lexicon().scan(text)
            if h.outer is None and h.forms[0].entity is not None]


def test_gazetteer_scan_longer_name_starting_inside_a_shorter_one_wins():
    # a place's name ("The Hague") overlapping a longer code's name that starts inside it: the longer one
    text = "The Hague Code of Conduct was reaffirmed by all subscribing states."
    assert _outer(text)[0] == ("Hague Code of Conduct", "HCOC")
    # the same body written two ways at once is one mention over both
    text = "the United Nations Group of Governmental Experts on Developments in the Field of Information and " \
           "Telecommunications in the Context of International Security met"
    [(quote, key)] = _outer(text)
    assert key == "GGE" and quote.startswith("United Nations Group") and quote.endswith("International Security")
    # no overlap, no change: the city stays a place
    assert _outer("We met in The Hague on Monday.")[0][0] == "The Hague"
