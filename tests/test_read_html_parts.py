"""Big HTML read in parts like big text, HTML saved with a .txt name read as HTML, the encoding recorded
for HTML; the view's date range checked."""
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.read import _html_stream, html_to_text, read_document, read_parts

PAGE = ("<html><head><script>var hidden = 'Russia';</script></head><body><nav><a>Home</a></nav>"
        "<h1>Statement by Norway</h1><p>Oslo, 3 May 2021, Société des Nations</p>" +
        "".join(f"<p>Paragraph {i}: Norway supports the work of the Conference on Disarmament &amp; the "
                f"First Committee.</p>\n\n<div>more <b>text</b> {i}<br>next line</div>" for i in range(400)) +
        "<pre>kept\n\n\n  as is</pre></body></html>")


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=5000))
def test_read_html_parts_streamed_text_equals_the_whole_pages(size):
    chunks = [PAGE[i:i + size] for i in range(0, len(PAGE), size)]
    assert "".join(_html_stream(iter(chunks))) == html_to_text(PAGE)


def test_read_html_parts_a_big_page_is_read_in_parts_that_join_to_its_text(tmp_path):
    page = tmp_path / "big.html"
    page.write_text(PAGE, encoding="cp1252")
    parts = list(read_parts(page, part_chars=4000))
    assert len(parts) > 3 and all(p.media_type == "text/html" for p in parts)
    assert "".join(p.text for p in parts) == html_to_text(PAGE)
    assert "Russia" not in "".join(p.text for p in parts)  # the script is no text
    assert "Société" in parts[0].text  # decoded with the encoding detected, and that encoding recorded
    assert "visible text" in parts[0].text_source and parts[0].encoding in parts[0].text_source
    assert parts[0].encoding != "utf-8"


def test_read_html_parts_html_named_txt_is_read_as_html_and_its_encoding_recorded(tmp_path):
    saved = tmp_path / "page.txt"
    saved.write_text("<!DOCTYPE html>\n" + PAGE, encoding="utf-8")
    doc = read_document(saved)
    assert doc.media_type == "text/html" and "Russia" not in doc.text and doc.text.startswith("Statement by Norway")
    assert "HTML in a .txt file" in doc.text_source and "utf-8" in doc.text_source
    plain = tmp_path / "notes.txt"
    plain.write_text("Notes on <html> tags: a statement about markup.\n", encoding="utf-8")
    assert read_document(plain).media_type == "text/plain"


def test_read_html_parts_a_date_range_upside_down_is_an_error(tmp_path):
    kg = [sys.executable, "-m", "kg"]
    store = tmp_path / "store"
    src = tmp_path / "s.txt"
    src.write_text("Statement by Norway\n\n3 May 2021\n\nNorway supports the Conference on Disarmament.\n")
    assert subprocess.run(kg + ["ingest", str(src), "--store", str(store)], capture_output=True).returncode == 0
    r = subprocess.run(kg + ["render", "--store", str(store), "--from", "2022", "--to", "2021", "-o",
                             str(tmp_path / "v.html")], capture_output=True, text=True)
    assert r.returncode == 1 and "after the end date" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "v.html").exists()
