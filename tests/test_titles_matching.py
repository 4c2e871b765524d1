"""Title words: the fast finder (Aho-Corasick for long titles, a boundary pattern for short ones) gives
exactly what the plain definition, ``Titles.title_re`` over the statement, gives."""
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.common import titles
from kg.model import Context, Document, Statement

_T = titles()
_SHORT = sorted(w for w in _T.title_word_set if len(w) <= 3)
_LONG = sorted(w for w in _T.title_word_set if len(w) > 3)[:40]
# pieces that make titles, near-titles and the characters around them: "the" holds "he", "draft" holds "dr"
_PIECES = st.sampled_from(_SHORT + [w.title() for w in _SHORT] + _LONG + [w.upper() for w in _LONG[:10]]
                          + ["the", "draft", "Mr.", "H.E.", "x", "_", ".", " ", " ", "\n", "-", "’", "9", "é", "(", "İ"])


def _statement(text: str) -> Statement:
    doc = Document("/t.txt", "t.txt", text, "0" * 64, "text/plain", "plain", "utf-8")
    return Statement(0, 0, len(text), 0, Context(doc))


def _plain(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _T.title_re.finditer(text)]


@given(st.lists(_PIECES, max_size=30).map("".join))
@settings(max_examples=400, deadline=None)
def test_titles_fast_matches_equal_title_re(text: str):
    assert _T.title_matches(_statement(text)) == _plain(text)


def test_titles_short_titles_inside_words_are_not_titles():
    text = "He said the draft, said Dr. Ms Smith to the MP and H.E. Mr. Lee; mme. x-dr"
    found = [text[s:e] for s, e in _T.title_matches(_statement(text))]
    assert found == _plain_words(text)
    assert "the" not in " ".join(found).lower().split()
    assert any(f.lower().startswith("dr") for f in found) and not any("draft" in f.lower() for f in found)


def _plain_words(text: str) -> list[str]:
    return [text[s:e] for s, e in _plain(text)]
