"""Page-chrome patterns joined under one anchor find the lines the separate patterns find."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.gazetteer import load_yaml
from kg.paths import DATA_DIR, GAZETTEER_DIR
from kg.read import find_files, read_document
from kg.layout import _any_of, _top_level_alternation, layout

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
    from kg.layout import Layout

    data = load_yaml(GAZETTEER_DIR / "layout.yaml")
    broken = tmp_path / "layout.yaml"
    broken.write_text(yaml.safe_dump({**data, "quote_after": "(unclosed"}), encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"layout\.yaml: bad regular expression '\(unclosed'"):
        Layout(broken)
    broken.write_text(yaml.safe_dump({k: v for k, v in data.items() if k != "posting_label"}), encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"layout\.yaml: needs the rule 'posting_label'"):
        Layout(broken)


def test_segment_chrome_a_language_menu_under_a_speaker_block_keeps_the_block_in_the_statement():
    from kg.layout import layout
    from kg.segment import segment
    text = ("General Debate of the 90th Session\nHome | Speakers | Statements | Webcast | Press\nPeru\n"
            "Her Excellency Rosa Campos\nPresident\n23 September 2035\nStatement: English | Spanish | Quechua\n"
            "Watch on UN Web TV\n\nMr. President of the General Assembly,\n\n" + "Peru comes to this Assembly with "
            "a message of hope for all the peoples of the world and for the oceans that join them. " * 2 + "\n")
    [s] = segment(text)
    assert text[s.start:].startswith("Peru\nHer Excellency Rosa Campos")
    assert layout().is_inline_chrome("Languages: English / Français / Español")
    # the negative case: a sentence naming languages is text
    assert not layout().is_chrome("English and Russian are the working languages of the Committee")


def test_segment_chrome_a_comment_thread_and_a_video_s_up_next_list_end_the_statement():
    from helpers import extract, labels
    post = ("Embassy of Peru in Lima\n3 May 2031\n\nOn Monday our Ambassador Rosa Campos opened the space week "
            "with the Minister of Chile.\n\n📸 Photos: Embassy of Peru / J. Quispe\n\n👍❤️ 120      9 comments   4 shares\n"
            "Like    Comment    Share\n\nMost relevant ▾\nAna Torres\nGreat news from Norway!\n1d  Like  Reply\n")
    [s] = extract(post)
    assert "Norway" not in post[s.start:s.end] and "J. Quispe" not in labels(s, "Person")
    video = ("Peru at the Conference - Statement by Amb. Rosa Campos\n\n120 views  Jun 6, 2031\nStatement of Peru on "
             "debris.\n\n0:02 thank you Madam President Peru welcomes this session\n\nUp next\nAutoplay\n"
             "Norway - Chair's opening remarks - 2031\nUN Web TV\n")
    [v] = extract(video)
    assert "Norway" not in video[v.start:v.end]
    # the negative case: a sentence that counts comments is text, and the post keeps the lines above its thread
    [t] = extract(post.replace("👍❤️ 120      9 comments   4 shares\nLike    Comment    Share\n\nMost relevant ▾\n",
                               "We read 9 comments from Norway with interest today.\n"))
    assert "NOR" in {m.entity.key for m in t.mentions}


def test_segment_chrome_a_comment_thread_ends_at_the_next_item_of_a_listing():
    from kg.segment import segment
    text = ("Embassy news\n\n04.05.2031 - Ambassador opens the space week in Lima with students\n\nThe Ambassador "
            "opened the space week.\n\nComments (2)\nAna Torres\nWell done!\n\n02.05.2031 - Ambassador meets the "
            "Minister of Science of Chile\n\nThe Ambassador met the Minister.\n")
    first, second = segment(text)
    assert "Ana Torres" not in text[first.start:first.end]
    assert text[second.start:second.end].endswith("The Ambassador met the Minister.")
    # the negative case: a numbered comment of a consultation is no thread
    from kg.layout import layout
    assert not layout().comment_thread.match("Comment 1") and not layout().comment_thread.match("Most recent statements")
