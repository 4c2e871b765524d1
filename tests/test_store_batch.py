"""New documents go into the store in batches, each one atomic bulk load (`Store.add_documents`):
a batch holds exactly what writing the same documents one by one holds, a changed document in the
middle of a run is replaced in its turn, and progress is told only for documents already stored."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import STATEMENTS_DIR, TINY_STATEMENT


def nquad_lines(store) -> set[str]:
    return {str(q) for q in store.quads()}


def finished_documents(folder: Path) -> list:
    """Each file of ``folder`` read, extracted and assembled as the ingest workers do."""
    from kg.ingest import _work

    done = [_work((p, None, None, None)) for p in sorted(folder.glob("*.txt"))]
    assert done and all(d.status == "ready" for d in done)
    return done


def quads_of(done) -> list:
    return list(ox.parse(done.nquads, format=ox.RdfFormat.N_QUADS))


def test_store_batch_bulk_load_holds_what_one_by_one_writes(tmp_path):
    from kg.store import Store

    done = finished_documents(STATEMENTS_DIR)
    with Store(tmp_path / "one") as one:
        for d in done:
            assert one.put_document(d.doc_iri, d.sha256, quads_of(d)) == "added"
        expected = nquad_lines(one)
    # half the documents as the N-Quads bytes the assembler writes, half as quads: loaded in one call
    docs = [(d.doc_iri, d.nquads if i % 2 else quads_of(d))
            for i, d in enumerate(done)]
    with Store(tmp_path / "bulk") as bulk:
        bulk.add_documents(docs)
        assert nquad_lines(bulk) == expected
        assert sorted(bulk.documents()) == sorted(d.doc_iri for d in done)
        assert bulk.document_shas() == {d.doc_iri: d.sha256 for d in done}
    with Store(tmp_path / "quads") as only_quads:  # the bulk_extend path
        only_quads.add_documents([(d.doc_iri, quads_of(d)) for d in done])
        assert nquad_lines(only_quads) == expected
    assert not list((tmp_path / "bulk").glob("bulk-*.sst"))  # the staged files went into the store


def test_store_batch_refuses_a_document_already_stored_and_changes_nothing(tmp_path):
    from kg.store import Store

    first, second = finished_documents(STATEMENTS_DIR)[:2]
    with Store(tmp_path / "s") as store:
        store.add_documents([(first.doc_iri, quads_of(first))])
        before = nquad_lines(store)
        with pytest.raises(ValueError, match="already in the store"):
            store.add_documents([(second.doc_iri, quads_of(second)), (first.doc_iri, quads_of(first))])
        assert nquad_lines(store) == before


def test_store_batch_writable_open_removes_staged_files_of_a_killed_load(tmp_path):
    from kg.store import Store

    with Store(tmp_path / "s") as store:
        store.add_documents([(d.doc_iri, quads_of(d)) for d in finished_documents(STATEMENTS_DIR)[:1]])
        held = nquad_lines(store)
    staged = tmp_path / "s" / "bulk-123456789.sst"  # what a load killed before its ingestion leaves
    staged.write_bytes(b"not ingested")
    with Store(tmp_path / "s", read_only=True) as reader:
        assert nquad_lines(reader) == held
    assert staged.exists()  # a reader leaves the folder alone
    with Store(tmp_path / "s") as store:
        assert nquad_lines(store) == held
    assert not staged.exists()


@pytest.mark.parametrize("jobs", [1, 2])
def test_store_batch_changed_document_in_the_middle_of_a_batch_ends_correct(tmp_path, monkeypatch, jobs):
    from kg import ingest as ingest_mod
    from kg.ingest import ingest
    from kg.store import Store

    monkeypatch.setattr(ingest_mod, "BATCH_DOCUMENTS", 2)  # several batches from a handful of files
    corpus = tmp_path / "corpus"
    shutil.copytree(STATEMENTS_DIR, corpus)
    names = sorted(p.name for p in corpus.glob("*.txt"))
    middle = corpus / names[len(names) // 2]
    with Store(tmp_path / "store") as store:
        ingest([corpus / names[len(names) // 2]], store)
    # new files before and after the stored one, which changes
    middle.write_text(middle.read_text(encoding="utf-8") + "\nThe delegation of Switzerland agreed.\n",
                      encoding="utf-8")
    (corpus / "0-first.txt").write_text(TINY_STATEMENT, encoding="utf-8")
    (corpus / "zz-last.txt").write_text(TINY_STATEMENT.replace("Switzerland", "France"), encoding="utf-8")
    told = []
    with Store(tmp_path / "store") as store:

        def on_file(path: Path, status: str) -> None:
            told.append((path.name, status))
            doc = ingest_mod.iris.document_iri(path.resolve().as_posix())
            assert store.document_sha(doc) is not None, f"{path.name} told before it is stored"

        report = ingest([corpus], store, jobs=jobs, on_file=on_file)
        got = nquad_lines(store)
    files = sorted(p.name for p in corpus.glob("*.txt"))
    assert [name for name, _ in told] == files  # in the order of the files
    assert dict(told)[middle.name] == "replaced"
    assert {s for n, s in told if n != middle.name} == {"added"}
    assert len(report.added) == len(files) - 1 and report.replaced == [middle]
    with Store(tmp_path / "clean") as clean:
        ingest([corpus], clean)
        assert got == nquad_lines(clean)


def test_store_batch_interrupted_ingest_holds_only_whole_told_documents(tmp_path, monkeypatch):
    from kg import ingest as ingest_mod
    from kg.ingest import ingest
    from kg.store import Store

    monkeypatch.setattr(ingest_mod, "BATCH_DOCUMENTS", 2)
    corpus = tmp_path / "corpus"
    shutil.copytree(STATEMENTS_DIR, corpus)
    told = []

    def on_file(path: Path, status: str) -> None:
        told.append(path)
        if len(told) == 3:
            raise KeyboardInterrupt

    with Store(tmp_path / "store") as store, pytest.raises(KeyboardInterrupt):
        ingest([corpus], store, on_file=on_file)
    with Store(tmp_path / "clean") as clean:
        ingest([corpus], clean)
        reference = {}
        for q in clean.quads():
            reference.setdefault(q.graph_name.value, set()).add(str(q))
    with Store(tmp_path / "store", read_only=True) as store:
        held = {}
        for q in store.quads():
            held.setdefault(q.graph_name.value, set()).add(str(q))
    assert 3 <= len(held) < len(reference)  # the told ones (and the rest of their batch), not all
    for graph, quads in held.items():
        assert quads == reference[graph]
