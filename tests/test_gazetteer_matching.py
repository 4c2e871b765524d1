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
