"""Page-chrome patterns joined under one anchor find the lines the separate patterns find."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.gazetteer import load_yaml
from kg.paths import DATA_DIR, GAZETTEER_DIR
from kg.read import find_files, read_document
from kg.segment import _any_of, _top_level_alternation, layout

# the plain definition: each chrome pattern of the layout file, compiled and searched on its own
_LAYOUT = load_yaml(GAZETTEER_DIR / "layout.yaml")
_SEPARATE = [re.compile(p, re.I) for p in _LAYOUT["chrome_lines"] + _LAYOUT["inline_chrome"]]


def _separately(line: str) -> bool:
    return any(p.search(line) for p in _SEPARATE)


def test_segment_chrome_joined_patterns_agree_on_every_bundled_line():
    files, _ = find_files([DATA_DIR / "statements"])
    lines = [ln for p in files for ln in read_document(p).text.split("\n")]
    lines += ["Moscow: 22:06", "Tel.: +7 495 244-16-06", "Page 2 of 5", "Read more", "* * *", "Share"]
    assert any(_separately(ln) for ln in lines) and not all(_separately(ln) for ln in lines)
    assert [layout().is_chrome(ln) for ln in lines] == [_separately(ln) for ln in lines]


@given(st.text(alphabet=st.sampled_from(list("Tel:.+0123456789 ()-*_aPgeof2Shr\t")), max_size=30))
@settings(max_examples=300, deadline=None)
def test_segment_chrome_joined_patterns_agree_on_random_lines(line: str):
    assert layout().is_chrome(line) == _separately(line)


def test_segment_top_level_alternation():
    assert _top_level_alternation("^a|b")
    assert _top_level_alternation(r"^a\\|b")  # an escaped backslash, then a real bar
    for p in ("^(a|b)", "^[|]x", "^[]|]x", r"^\|x", "^[^]|]x", "^a(?:b|c)d"):
        assert not _top_level_alternation(p), p


def test_segment_any_of_keeps_unanchored_and_alternating_patterns_apart():
    pats = _any_of(["^home$", "^print|share", "banner"])
    assert len(pats) == 3  # "^print|share" may not go under the shared anchor: "share" matches anywhere
    assert any(p.search("please share") for p in pats)
    assert not any(p.search("go home") for p in pats)
    assert len(_any_of(["^(a)\\1", "^b"])) == 2  # a back-reference stays in its own pattern
    assert any(p.search("aa") for p in _any_of(["^(a)\\1", "^b"]))
    named = _any_of(["^(?P<w>x)", "^(?P<w>y)"])  # one name twice cannot be joined: both kept apart
    assert len(named) == 2 and any(p.search("y") for p in named)


def test_segment_layout_file_with_a_bad_or_missing_pattern_names_the_file_and_the_key(tmp_path):
    import pytest
    import yaml

    from kg.errors import GazetteerError
    from kg.segment import Layout

    data = load_yaml(GAZETTEER_DIR / "layout.yaml")
    broken = tmp_path / "layout.yaml"
    broken.write_text(yaml.safe_dump({**data, "quote_after": "(unclosed"}), encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"layout\.yaml: bad regular expression '\(unclosed'"):
        Layout(broken)
    broken.write_text(yaml.safe_dump({k: v for k, v in data.items() if k != "posting_label"}), encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"layout\.yaml: needs .*\('posting_label'\)"):
        Layout(broken)
