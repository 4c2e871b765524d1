"""Property tests: random text with entity names at random places never breaks the extractors, and
every recorded span lies inside its document with the quote equal to the text there."""
from hypothesis import HealthCheck, given, settings, strategies as st

from helpers import extract

NAMES = ["Russia", "the Russian Federation", "Moscow has said", "UN Security Council", "resolution 75/240",
         "A/C.1/76/L.13", "Foreign Minister Sergey Lavrov", "Lavrov's", "New START", "OEWG", "Switzerland",
         "H.E.Mr. Alexander Yakovenko", "DR. VLADIMIR SHIN", "05.06.2019 - Statement by ", "\n\n", "“", "’s",
         "Chair of the OSCE Minsk Group, ", "\u200f", "😀", "<script>", "\\", '"', "\x00"]

chunks = st.lists(st.one_of(st.sampled_from(NAMES), st.text(max_size=30)), max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(chunks)
def test_extract_properties_spans_lie_inside_and_quotes_match(parts):
    text = " ".join(parts)
    for s in extract(text):
        assert 0 <= s.start <= s.heading_end <= s.end <= len(text)
        for m in s.mentions:
            assert s.start <= m.start < m.end <= s.end
            assert m.quote == text[m.start:m.end]
        for r in s.relations:
            assert 0 <= r.start < r.end <= len(text)
        for a in s.attrs.values():
            if a.start is not None:
                assert 0 <= a.start <= a.end <= len(text)
