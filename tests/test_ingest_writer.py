"""The writer loads a batch in its thread while the next is gathered: documents are still told in file
order and only once written, a changed file waits for the batch before it, and a failed load is
raised with nothing after it told."""
from __future__ import annotations

import threading

import pytest

from conftest import TINY_STATEMENT

_STATES = ["Switzerland", "France", "Brazil", "Kenya", "Japan", "Chile", "Norway", "Egypt"]


def _texts(n: int) -> dict[str, str]:
    return {f"{i:02d}.txt": TINY_STATEMENT.replace("Switzerland", _STATES[i % len(_STATES)]) + f"\n\nNote {i}.\n"
            for i in range(n)}


def _small_batches(monkeypatch) -> None:
    import kg.ingest as ingest_module

    monkeypatch.setattr(ingest_module, "BATCH_DOCUMENTS", 2)  # a batch every two documents
    monkeypatch.setattr(ingest_module, "_BATCH_SECONDS", 600.0)  # and never one cut short by the clock


def test_ingest_writer_loads_in_its_thread_and_tells_in_order(tmp_path, write_texts, monkeypatch):
    from kg.ingest import ingest
    from kg.store import Store

    _small_batches(monkeypatch)
    folder = write_texts(_texts(7))
    loads: list[tuple[str, list[str]]] = []
    told: list[str] = []
    real = Store.add_documents

    def spy(self, docs):  # noqa: ANN001
        loads.append((threading.current_thread().name, [iri for iri, _ in docs]))
        real(self, docs)
        written = {g for g in self.documents()}
        assert all(iri in written for iri, _ in docs)

    monkeypatch.setattr(Store, "add_documents", spy)
    with Store(tmp_path / "s") as store:
        def on_file(path, status):  # noqa: ANN001
            told.append(path.name)
            assert status == "added"
            assert store.documents_from(path.resolve().as_posix())  # told once it is in the store

        report = ingest([folder], store, on_file=on_file)
        assert len(report.added) == 7 and len(store.documents()) == 7
    assert told == sorted(told) and len(told) == 7
    assert len(loads) == 4 and all(name.startswith("kg-writer") for name, _ in loads)
    assert [len(iris) for _, iris in loads] == [2, 2, 2, 1]


def test_ingest_writer_changed_file_waits_for_the_batch_before_it(tmp_path, write_texts, monkeypatch):
    from kg.ingest import ingest
    from kg.store import Store

    _small_batches(monkeypatch)
    texts = _texts(5)
    folder = write_texts(texts)
    with Store(tmp_path / "s") as store:
        ingest([folder], store)
        (folder / "02.txt").write_text(texts["02.txt"].replace("Note 2", "Note two"), encoding="utf-8")
        for name in ("05.txt", "06.txt"):  # new files after the change
            (folder / name).write_text(_texts(7)[name], encoding="utf-8")
        (folder / "01a.txt").write_text(_texts(8)["07.txt"], encoding="utf-8")  # a new file right before it
        told: list[tuple[str, str]] = []
        report = ingest([folder], store, on_file=lambda p, s: told.append((p.name, s)))
        assert [s for _, s in told if s != "unchanged"] == ["added", "replaced", "added", "added"]
        assert [n for n, _ in told] == sorted(n for n, _ in told)
        assert len(report.replaced) == 1 and len(store.documents()) == 8


def test_ingest_writer_failed_load_is_raised_and_later_documents_are_not_told(tmp_path, write_texts, monkeypatch):
    from kg.errors import StoreError
    from kg.ingest import ingest
    from kg.store import Store

    _small_batches(monkeypatch)
    folder = write_texts(_texts(6))
    calls = []
    real = Store.add_documents

    def failing_second(self, docs):  # noqa: ANN001
        calls.append(len(docs))
        if len(calls) == 2:
            raise StoreError("disk full (simulated)")
        real(self, docs)

    monkeypatch.setattr(Store, "add_documents", failing_second)
    told: list[str] = []
    with Store(tmp_path / "s") as store:
        with pytest.raises(StoreError, match="simulated"):
            ingest([folder], store, on_file=lambda p, s: told.append(p.name))
        assert told == ["00.txt", "01.txt"]  # the first batch only: written, then told
        assert len(store.documents()) == 2
