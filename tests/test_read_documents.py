"""Files become documents: HTML gives its visible text, encodings are decoded, binaries refused."""
from pathlib import Path

import pytest

from kg.errors import DecodeError, InputError
from kg.read import find_files, read_document

FIXTURES = Path(__file__).parent / "fixtures"


def test_read_html_keeps_visible_text_only():
    d = read_document(FIXTURES / "ministry_page.html")
    assert d.media_type == "text/html"
    assert "Statement by Foreign Minister Yoshimasa Hayashi" in d.text
    assert "tracking" not in d.text and "Commented Out" not in d.text and "font-family" not in d.text
    assert "Republic of Korea & the international community" in d.text  # entities decoded


def test_read_text_offsets_are_python_indices_of_the_decoded_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("Déclaration\r\nÀ New York".encode("utf-8"))
    d = read_document(p)
    assert d.text == "Déclaration\nÀ New York"


@pytest.mark.parametrize("encoding", ["utf-16", "cp1251", "utf-8-sig"])
def test_read_other_encodings_are_decoded(tmp_path, encoding):
    text = "Заявление МИД России о ситуации. Statement of the Ministry of Foreign Affairs of Russia on the situation."
    p = tmp_path / "r.txt"
    p.write_bytes(text.encode(encoding))
    assert read_document(p).text == text


def test_read_binary_and_empty_files_are_refused(tmp_path):
    pdf = tmp_path / "x.txt"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    with pytest.raises(DecodeError, match="PDF"):
        read_document(pdf)
    empty = tmp_path / "e.txt"
    empty.write_text("   \n")
    with pytest.raises(InputError, match="empty"):
        read_document(empty)


def test_read_find_files_recurses_and_reports_other_types(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "two.htm").write_text("<p>x</p>")
    (tmp_path / "three.pdf").write_text("x")
    found, skipped = find_files([tmp_path])
    assert sorted(p.name for p in found) == ["one.txt", "two.htm"]
    assert [s.path.name for s in skipped] == ["three.pdf"]
    found, skipped = find_files([tmp_path / "missing", tmp_path / "two.htm"])
    assert [p.name for p in found] == ["two.htm"]
    assert [(s.path.name, s.missing) for s in skipped] == [("missing", True)]
    assert "no such file" in skipped[0].reason


def test_read_html_site_chrome_is_dropped():
    d = read_document(FIXTURES / "embassy_page.html")
    assert "Statement by Ambassador Andrei Kelin" in d.text and "Chemical Weapons Convention" in d.text
    for chrome in ("Home", "Statement archive", "Related statements", "privacy policy", "Kensington"):
        assert chrome not in d.text
    assert "questions.\nWe call" in d.text  # <br> is a line break
