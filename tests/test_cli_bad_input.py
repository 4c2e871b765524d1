"""What `kg ingest` does with bad input, through the command line: one ``Error:``/``Warning:`` line
naming the file and the reason, no traceback, the other files still ingested, and an exit code that
says whether anything failed. Encodings are detected (or refused naming --encoding) and offsets refer
to the decoded text; HTML gives its visible text only."""
from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import zipfile

import pytest
from conftest import TINY_STATEMENT

SUMMARY = re.compile(r"^\d+ document\(s\): \d+ added, \d+ replaced, \d+ unchanged; ")

FRENCH = (
    "Déclaration du ministère de l'Europe et des Affaires étrangères, Paris, le 12 février 2021\n\n"
    "La France réaffirme son attachement à la résolution 75/240 et appelle la Fédération de Russie à "
    "respecter ses engagements. Le ministre a rappelé que la sécurité numérique était l'affaire de tous, "
    "et que les États-Unis et la Suisse partageaient cette préoccupation légitime.\n\n"
    "Nous réitérons notre détermination à œuvrer pour un cyberespace ouvert, sûr, stable et pacifique.\n"
)
RUSSIAN = (
    "Заявление Министерства иностранных дел Российской Федерации, Москва, 5 марта 2021 года\n\n"
    "Российская Федерация поддерживает резолюцию 75/240 и призывает Соединенные Штаты и Швейцарию "
    "присоединиться к консенсусу. Statement by the Ministry of Foreign Affairs of the Russian Federation: "
    "Russia calls on the United States to join the consensus on resolution 75/240.\n"
)


def stderr_lines(proc: subprocess.CompletedProcess) -> list[str]:
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.stderr.strip("\n").splitlines()


def errors_of(proc: subprocess.CompletedProcess) -> list[str]:
    """The ``Error:`` lines; every other stderr line must be a warning or the summary."""
    lines = stderr_lines(proc)
    others = [x for x in lines if not x.startswith(("Error: ", "Warning: ")) and not SUMMARY.match(x)]
    assert others == [], proc.stderr
    return [x for x in lines if x.startswith("Error: ")]


def documents(run_kg, store: str) -> set[str]:
    proc = run_kg("query", "--sparql", "SELECT ?p WHERE { ?d a dkg:Document ; dkg:sourcePath ?p }",
                  "--format", "csv", "--store", store)
    assert proc.returncode == 0, proc.stderr
    return {row["p"] for row in csv.DictReader(io.StringIO(proc.stdout))}


def mention_spans(run_kg, store: str) -> list[tuple[int, int, str, str]]:
    proc = run_kg("query", "--sparql",
                  "SELECT DISTINCT ?s ?e ?q ?label WHERE { GRAPH ?g { ?m dkg:span ?span ; dkg:mentionOf ?x . "
                  "?g dkg:text ?t } ?x rdfs:label ?label BIND(xsd:integer(STRBEFORE(?span, '-')) AS ?s) "
                  "BIND(xsd:integer(STRAFTER(?span, '-')) AS ?e) BIND(SUBSTR(?t, ?s + 1, ?e - ?s) AS ?q) }",
                  "--format", "json", "--store", store)
    assert proc.returncode == 0, proc.stderr
    import json

    rows = json.loads(proc.stdout)["results"]["bindings"]
    return [(int(r["s"]["value"]), int(r["e"]["value"]), r["q"]["value"], r["label"]["value"]) for r in rows]


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("statement.txt", TINY_STATEMENT)
    return buf.getvalue()


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


# ------------------------------------------------------------------ unreadable files beside good ones
@pytest.mark.parametrize("name,content,reason", [
    ("blank.txt", " \n\t\r\n   \n", "empty file"),
    ("scan.txt", PDF, "a PDF file"),
    ("logo.html", PNG, "a PNG image"),
    ("archive.txt", _zip_bytes(), "a zip archive"),
    ("nul.txt", b"Statement\x00\x00\x00by\x00the\x00", "NUL bytes"),
    ("scripts-only.html", b"<html><script>var Russia = 1;</script><style>p{}</style><!-- x --></html>",
     "no readable text"),
], ids=["whitespace", "pdf", "png", "zip", "nul-bytes", "html-without-text"])
def test_cli_bad_input_unreadable_file_is_one_error_and_the_rest_go_in(run_kg, write_texts, name, content, reason):
    folder = write_texts({name: content, "good.txt": TINY_STATEMENT})
    proc = run_kg("ingest", folder, "--store", "st")
    assert proc.returncode == 1
    errors = errors_of(proc)
    assert len(errors) == 1 and name in errors[0] and reason in errors[0], proc.stderr
    assert "1 added" in proc.stderr and "1 failed" in proc.stderr
    assert documents(run_kg, "st") == {str((folder / "good.txt").resolve())}


def test_cli_bad_input_other_file_types_in_a_folder_are_warnings_named_ones_errors(run_kg, write_texts):
    folder = write_texts({"scan.pdf": PDF, "logo.png": PNG, "good.txt": TINY_STATEMENT})
    proc = run_kg("ingest", folder, "--store", "st")
    assert proc.returncode == 0, proc.stderr  # nothing the user asked for failed
    warnings = [x for x in stderr_lines(proc) if x.startswith("Warning: ")]
    assert sorted(w.split(": ")[1].rsplit("/", 1)[-1] for w in warnings) == ["logo.png", "scan.pdf"]
    assert errors_of(proc) == []
    # naming a PDF on the command line is asking for it: an error, and the good file still goes in
    proc = run_kg("ingest", folder / "scan.pdf", folder / "good.txt", "--store", "st2")
    assert proc.returncode == 1
    errors = errors_of(proc)
    assert len(errors) == 1 and "scan.pdf" in errors[0] and "unsupported file type '.pdf'" in errors[0]
    assert documents(run_kg, "st2") == {str((folder / "good.txt").resolve())}


def test_cli_bad_input_named_folder_without_readable_files_is_an_error_beside_good_files(run_kg, write_texts):
    folder = write_texts({"good.txt": TINY_STATEMENT, "empty/notes.md": "x"})
    proc = run_kg("ingest", folder / "empty", folder / "good.txt", "--store", "st")
    assert proc.returncode == 1
    errors = errors_of(proc)
    assert len(errors) == 1 and f"{folder / 'empty'}: no .txt, .html or .htm files in it" in errors[0], proc.stderr
    assert documents(run_kg, "st") == {str((folder / "good.txt").resolve())}


def test_cli_bad_input_a_pipe_or_device_is_refused_not_read(run_kg, write_texts, tmp_path):
    folder = write_texts({"good.txt": TINY_STATEMENT})
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    proc = run_kg("ingest", fifo, "/dev/zero", folder, "--store", "st")  # would block, or never end
    assert proc.returncode == 1
    errors = errors_of(proc)
    assert len(errors) == 2 and all("not a regular file" in e for e in errors), proc.stderr
    assert documents(run_kg, "st") == {str((folder / "good.txt").resolve())}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_cli_bad_input_unreadable_file_names_permissions(run_kg, write_texts):
    folder = write_texts({"secret.txt": TINY_STATEMENT, "good.txt": TINY_STATEMENT})
    (folder / "secret.txt").chmod(0)
    proc = run_kg("ingest", folder, "--store", "st")
    errors = errors_of(proc)
    assert proc.returncode == 1 and len(errors) == 1 and "secret.txt" in errors[0] and "permission" in errors[0]


def test_cli_bad_input_file_over_max_size_is_refused_naming_the_option(run_kg, write_texts):
    big = TINY_STATEMENT * 200  # ~40 KB
    folder = write_texts({"big.txt": big, "good.txt": TINY_STATEMENT})
    proc = run_kg("ingest", folder, "--store", "st", "--max-size", "0.01")
    assert proc.returncode == 1
    errors = errors_of(proc)
    assert len(errors) == 1 and "big.txt" in errors[0] and "--max-size" in errors[0], proc.stderr
    assert documents(run_kg, "st") == {str((folder / "good.txt").resolve())}
    proc = run_kg("ingest", folder, "--store", "st", "--max-size", "0")  # 0: no limit
    assert proc.returncode == 0, proc.stderr
    assert "1 added" in proc.stderr and "1 unchanged" in proc.stderr


def test_cli_bad_input_exit_codes_usage_is_2(run_kg, write_texts):
    folder = write_texts({"good.txt": TINY_STATEMENT})
    for args in (["--jobs", "0"], ["--max-size", "-1"], ["--wait", "x"]):
        proc = run_kg("ingest", folder, "--store", "st", *args)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr and "Usage:" in proc.stderr


# ------------------------------------------------------------------ encodings
@pytest.mark.parametrize("text,encoding,cue", [
    (RUSSIAN, "utf-8", "Russia"),
    (RUSSIAN, "utf-8-sig", "Russia"),
    (RUSSIAN, "utf-16", "Russia"),  # with its BOM, little-endian
    (RUSSIAN, "utf-16-be", "Russia"),  # BOM written by hand below
    (RUSSIAN, "cp1251", "Russia"),
    (RUSSIAN, "utf-16-le", "Russia"),  # no BOM: its NUL bytes do not make it binary
    (FRENCH, "latin-1", "France"),
    (FRENCH.replace("œ", "oe"), "iso-8859-1", "France"),
    (FRENCH, "cp1252", "France"),
], ids=["utf8", "utf8-bom", "utf16", "utf16be-bom", "cp1251", "utf16le-no-bom", "latin1-fr", "iso8859-1-fr", "cp1252-fr"])
def test_cli_bad_input_encodings_are_detected_and_offsets_refer_to_decoded_text(run_kg, write_texts, text,
                                                                                 encoding, cue):
    if encoding == "latin-1":
        text = text.replace("œ", "oe")  # not in Latin-1
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    folder = write_texts({"statement.txt": data})
    proc = run_kg("ingest", folder, "--store", "st")
    assert proc.returncode == 0, proc.stderr
    spans = mention_spans(run_kg, "st")
    assert spans, "the decoded statement names entities"
    for start, end, quote, _label in spans:
        assert text[start:end] == quote  # offsets index the decoded text, BOM dropped
    labels = {label for *_, label in spans}
    assert cue in labels, labels
    # the encoding the document records reads the file as the text it was written from
    proc = run_kg("query", "--sparql", "SELECT ?src ?n WHERE { ?d dkg:textSource ?src ; dkg:charCount ?n }",
                  "--format", "tsv", "--store", "st")
    src, n = proc.stdout.splitlines()[1].split("\t")
    recorded = re.fullmatch(r"file decoded as (\S+), line ends normalised to LF", src).group(1)
    assert data.decode(recorded).lstrip("\ufeff") == text and int(n) == len(text)


def test_cli_bad_input_wrong_or_unknown_encoding_names_the_option(run_kg, write_texts):
    folder = write_texts({"ru.txt": RUSSIAN.encode("cp1251"), "good.txt": TINY_STATEMENT})
    proc = run_kg("ingest", folder, "--store", "st", "--encoding", "utf-8")
    assert proc.returncode == 1
    errors = errors_of(proc)
    assert len(errors) == 1 and "ru.txt" in errors[0] and "--encoding" in errors[0], proc.stderr
    assert "1 added" in proc.stderr
    proc = run_kg("ingest", folder, "--store", "st2", "--encoding", "klingon-8")
    errors = errors_of(proc)
    assert proc.returncode == 1 and len(errors) == 2 and all("unknown encoding 'klingon-8'" in e for e in errors)
    # the right encoding reads it
    proc = run_kg("ingest", folder / "ru.txt", "--store", "st3", "--encoding", "cp1251")
    assert proc.returncode == 0, proc.stderr


def test_cli_bad_input_bytes_no_encoding_fits_is_refused_naming_the_option(run_kg, write_texts):
    folder = write_texts({"noise.txt": bytes(range(0x80, 0x100)) * 20, "good.txt": TINY_STATEMENT})
    proc = run_kg("ingest", folder, "--store", "st")
    assert proc.returncode == 1
    errors = errors_of(proc)
    assert len(errors) == 1 and "noise.txt" in errors[0] and "--encoding" in errors[0], proc.stderr


# ------------------------------------------------------------------ HTML
HOSTILE_HTML = """<!DOCTYPE html><html><head><title>Switzerland news</title>
<script>document.write("Statement by the United Kingdom"); var s = '</p>';</script>
<style>p::before { content: "China"; }</style></head>
<body><!-- Statement by Japan: commented out --><nav>Germany | India</nav>
<p>Statement by the Permanent Representative of the Russian Federation at the UN Security Council,
New York, 5 March 2021</p>
<p>The Russian Federation &amp; the United States &#8212; &quot;partners&quot; &lt;sic&gt; &eacute;tudient
<b>resolution <i>75/240</b></i> <p>unclosed paragraph about France
<script type="text/template"><p>Statement by Brazil</p></script>
<div><![CDATA[ Statement by Canada ]]></div><img src=x onerror=alert(1)>
<p>Thank you.
"""


def test_cli_bad_input_html_gives_visible_text_only(run_kg, write_texts):
    folder = write_texts({"page.html": HOSTILE_HTML})
    proc = run_kg("ingest", folder, "--store", "st")
    assert proc.returncode == 0, proc.stderr
    labels = {label for *_, label in mention_spans(run_kg, "st")}
    assert {"Russia", "United States", "France"} <= labels, labels  # France: after broken markup
    for hidden in ("Switzerland", "United Kingdom", "China", "Japan", "Brazil", "Germany", "India"):
        assert hidden not in labels, (hidden, labels)
    quotes = {q for _s, _e, q, _l in mention_spans(run_kg, "st")}
    assert not any("<" in q or "&amp;" in q for q in quotes)
    export = run_kg("export", "--format", "nquads", "--store", "st")
    assert "alert(1)" not in export.stdout and "document.write" not in export.stdout


def test_cli_bad_input_broken_gazetteer_is_one_error_naming_line_and_column(tmp_path, write_texts, monkeypatch,
                                                                            capsys):
    import sys

    import kg.extract.common
    from kg import cli
    from kg.gazetteer import Lexicon
    from kg.paths import GAZETTEER_DIR

    broken = tmp_path / "gazetteer"
    broken.mkdir()
    for f in GAZETTEER_DIR.glob("*.yaml"):
        (broken / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    (broken / "treaties.yaml").write_text("treaties:\n  NPT: {label: [unclosed\n", encoding="utf-8")
    monkeypatch.setattr(kg.extract.common, "lexicon", lambda: Lexicon(broken))
    folder = write_texts({"a.txt": TINY_STATEMENT, "b.txt": TINY_STATEMENT})
    monkeypatch.setattr(sys, "argv", ["kg", "ingest", str(folder), "--store", str(tmp_path / "st")])
    with pytest.raises(SystemExit) as e:
        cli.main()
    assert e.value.code == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and re.match(rf"Error: {re.escape(str(broken / 'treaties.yaml'))}: line \d+, column \d+: ",
                                        lines[0]), lines
