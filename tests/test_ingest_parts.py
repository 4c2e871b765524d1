"""A big plain-text file is read in parts, each its own document: memory holds one part, the parts
together give back the file's text, and re-ingesting or removing the file handles all its parts."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TINY_STATEMENT

import kg.read
from kg.ingest import ingest
from kg.read import read_parts
from kg.store import Store


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.read, "SPLIT_ABOVE", 4_000)
    monkeypatch.setattr(kg.read, "PART_CHARS", 3_000)


def _big(path: Path, copies: int) -> str:
    text = "\n\n".join(TINY_STATEMENT.replace("5 March 2021", f"{1 + i % 28} March 2021") for i in range(copies))
    path.write_text(text, encoding="utf-8")
    return text


def test_ingest_parts_join_back_to_the_file_text_cut_at_blank_lines(tmp_path: Path) -> None:
    text = _big(tmp_path / "dump.txt", 40).replace("\r\n", "\n")
    parts = list(read_parts(tmp_path / "dump.txt", part_chars=2_500))
    assert len(parts) > 3 and "".join(p.text for p in parts) == text
    assert all(p.text.endswith("\n\n") for p in parts[:-1])  # never inside a paragraph
    assert [p.identity.rsplit("#", 1)[1] for p in parts] == [f"part-{i}" for i in range(1, len(parts) + 1)]
    offsets = [int(p.text_source.split("characters ")[1].split("-")[0]) for p in parts]
    assert offsets == [sum(len(q.text) for q in parts[:i]) for i in range(len(parts))]


def test_ingest_parts_stream_decodes_legacy_encodings(tmp_path: Path) -> None:
    body = "Заявление МИД России по резолюции 75/240. " * 200
    (tmp_path / "ru.txt").write_bytes(body.encode("cp1251"))
    parts = list(read_parts(tmp_path / "ru.txt", part_chars=1_000))
    assert "".join(p.text for p in parts) == body and parts[0].encoding.replace("_", "").lower() == "cp1251"


def test_ingest_parts_each_part_is_a_whole_document_and_reingest_is_a_no_op(tmp_path: Path, small_parts: None) -> None:
    dump = tmp_path / "dump.txt"
    _big(dump, 40)
    with Store(tmp_path / "st") as store:
        first = ingest([dump], store)
        docs = store.documents_from(dump.resolve().as_posix())
        assert first.added == [dump] and len(docs) > 3 and first.statements >= 40
        rows = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?m dkg:mentionOf ?e }").rows
        assert int(rows[0][0].value) > 0
        again = ingest([dump], store)
        assert again.unchanged == [dump] and again.statements == 0
        _big(dump, 20)  # the file shrinks: its extra parts go
        third = ingest([dump], store)
        fewer = store.documents_from(dump.resolve().as_posix())
        assert third.replaced == [dump] and 1 < len(fewer) < len(docs)
        _big(dump, 3)  # small enough to be one document again: every part goes
        fourth = ingest([dump], store)
        assert fourth.added == [dump] and store.documents_from(dump.resolve().as_posix()) == store.documents()
        assert len(store.documents()) == 1


def test_ingest_parts_remove_takes_every_part(tmp_path: Path, small_parts: None, run_kg) -> None:  # noqa: ANN001
    dump = tmp_path / "dump.txt"
    _big(dump, 30)
    with Store(tmp_path / "st") as store:
        ingest([dump], store)
        assert len(store.documents_from(dump.resolve().as_posix())) > 2
    r = run_kg("remove", dump, "--store", tmp_path / "st")
    assert r.returncode == 0 and "parts" in r.stderr
    with Store(tmp_path / "st", read_only=True) as store:
        assert store.documents() == []


def test_ingest_parts_in_worker_processes_give_the_same_store(tmp_path: Path, small_parts: None) -> None:
    """Parts extracted by two processes (and new parts bulk-loaded) give the quads one process gives;
    a changed part is replaced and the others stay."""
    dump = tmp_path / "dump.txt"
    _big(dump, 30)
    dumps = {}
    for jobs in (1, 2):
        with Store(tmp_path / f"st{jobs}") as store:
            report = ingest([dump], store, jobs=jobs)
            assert report.added == [dump] and len(store.documents_from(dump.resolve().as_posix())) > 2
            dumps[jobs] = sorted(str(q) for q in store.db.quads_for_pattern(None, None, None, None))
            first_statements = report.statements
    assert dumps[2] == dumps[1] and dumps[1]
    text = dump.read_text(encoding="utf-8")
    dump.write_text(text.replace("Switzerland", "Norway", 1), encoding="utf-8")  # only the first part changes
    with Store(tmp_path / "st2") as store:
        parts_before = store.documents_from(dump.resolve().as_posix())
        again = ingest([dump], store, jobs=2)
        assert again.replaced == [dump] and store.documents_from(dump.resolve().as_posix()) == parts_before
        assert 0 < again.statements < first_statements  # the changed part is read again, not the others
        norway = store.select('SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?m dkg:mentionOf ?x ; dkg:span ?span . '
                              '?g dkg:text ?t } BIND(xsd:integer(STRBEFORE(?span, "-")) AS ?s) '
                              'FILTER(SUBSTR(?t, ?s + 1, xsd:integer(STRAFTER(?span, "-")) - ?s) = "Norway") }').rows
        assert int(norway[0][0].value) >= 1
