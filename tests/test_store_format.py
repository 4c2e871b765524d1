"""The store's format is written in it: a store of another format is refused with the way to rebuild
it (``kg ingest --rebuild``), never read or written as if it were current."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import TINY_STATEMENT

from kg.errors import StoreError
from kg.store import FORMAT, MARKER, Store, stored_format


def _set_format(store: Path, n: int) -> None:
    text = (store / MARKER).read_text(encoding="utf-8")
    (store / MARKER).write_text(text.replace(f"format {FORMAT}.", f"format {n}."), encoding="utf-8")


def _ingested(run_kg, write_texts, store: Path, files: dict[str, str]) -> Path:
    texts = write_texts(files)
    assert run_kg("ingest", texts, "--store", store).returncode == 0
    return texts


def test_store_format_is_written_in_the_marker(tmp_path: Path, run_kg, write_texts) -> None:
    store = tmp_path / "store"
    _ingested(run_kg, write_texts, store, {"a.txt": TINY_STATEMENT})
    assert stored_format(store) == FORMAT
    assert f"format {FORMAT}." in (store / MARKER).read_text(encoding="utf-8")


def test_store_format_older_store_says_how_to_rebuild(tmp_path: Path, run_kg, write_texts) -> None:
    store = tmp_path / "store"
    texts = _ingested(run_kg, write_texts, store, {"a.txt": TINY_STATEMENT})
    _set_format(store, FORMAT - 1)
    before = len(ox.Store.read_only(str(store)))
    for args in (("stats",), ("query", "statements"), ("ingest", texts), ("remove", texts / "a.txt")):
        proc = run_kg(*args, "--store", store)
        assert proc.returncode == 1, args
        assert proc.stderr.startswith(f"Error: {store}: this store was written by an older diplokg"), proc.stderr
        assert "kg ingest --rebuild" in proc.stderr and "Traceback" not in proc.stderr
    assert stored_format(store) == FORMAT - 1  # left as it was
    assert len(ox.Store.read_only(str(store))) == before > 0
    with pytest.raises(StoreError, match="older diplokg"):
        Store(store, read_only=True)


def test_store_format_newer_store_is_refused(tmp_path: Path, run_kg, write_texts) -> None:
    store = tmp_path / "store"
    _ingested(run_kg, write_texts, store, {"a.txt": TINY_STATEMENT})
    _set_format(store, FORMAT + 1)
    proc = run_kg("stats", "--store", store)
    assert proc.returncode == 1 and "newer diplokg" in proc.stderr and "upgrade" in proc.stderr


def test_store_format_rebuild_replaces_the_store_with_exactly_the_files_given(tmp_path: Path, run_kg,
                                                                              write_texts) -> None:
    store = tmp_path / "store"
    _ingested(run_kg, write_texts, store, {"a.txt": TINY_STATEMENT, "b.txt": TINY_STATEMENT + "\nMore.\n"})
    _set_format(store, FORMAT - 1)
    only_a = write_texts({"a.txt": TINY_STATEMENT})
    proc = run_kg("ingest", "--rebuild", only_a, "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert stored_format(store) == FORMAT
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("store")) == ["store"]
    with Store(store, read_only=True) as s:
        assert [Path(d).name for d in s.documents_from((only_a / "a.txt").resolve().as_posix())] != []
        assert len(s.documents()) == 1


def test_store_format_rebuild_that_fails_leaves_the_old_store(tmp_path: Path, write_texts, monkeypatch) -> None:
    import kg.rebuild

    store = tmp_path / "store"
    texts = write_texts({"a.txt": TINY_STATEMENT})
    with Store(store) as s:
        kg.rebuild.ingest([texts], s)
        quads = len(s)

    def broken(paths, store, **options):  # noqa: ANN001, ANN003, ANN202
        kg.rebuild.__dict__["_real_ingest"](paths, store, **options)
        raise KeyboardInterrupt

    monkeypatch.setitem(kg.rebuild.__dict__, "_real_ingest", kg.rebuild.ingest)
    monkeypatch.setattr(kg.rebuild, "ingest", broken)
    with pytest.raises(KeyboardInterrupt):
        kg.rebuild.rebuild([write_texts({"b.txt": TINY_STATEMENT})], store)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("store")) == ["store"]
    with Store(store, read_only=True) as s:
        assert len(s) == quads


def test_store_format_empty_store_of_an_older_format_is_taken_over(tmp_path: Path, write_texts) -> None:
    store = tmp_path / "store"
    Store(store).close()
    _set_format(store, FORMAT - 1)
    with Store(store) as s:
        assert len(s) == 0
    assert stored_format(store) == FORMAT
