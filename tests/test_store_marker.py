"""A store folder is known by a marker of our own: a folder of other files is never opened (so the
database never deletes a file it did not make), and a damaged store says how to rebuild it."""
from __future__ import annotations

from pathlib import Path

from conftest import TINY_STATEMENT

from kg.store import MARKER, Store


def test_store_marker_folder_with_a_file_named_like_the_databases_is_left_alone(tmp_path: Path, run_kg,
                                                                                  write_texts) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "000005.log").write_text("my notes")
    texts = write_texts({"a.txt": TINY_STATEMENT})
    for _ in range(2):  # the second run must not succeed by deleting the file either
        proc = run_kg("ingest", texts, "--store", folder)
        assert proc.returncode == 1 and "holds other files (000005.log)" in proc.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["000005.log"]
        assert (folder / "000005.log").read_text() == "my notes"


def test_store_marker_is_written_and_a_store_without_one_is_of_the_first_format(tmp_path: Path, run_kg,
                                                                                 write_texts) -> None:
    store = tmp_path / "store"
    assert run_kg("ingest", write_texts({"a.txt": TINY_STATEMENT}), "--store", store).returncode == 0
    assert (store / MARKER).is_file()
    (store / MARKER).unlink()  # as a diplokg before markers left it: format 1, whose mentions were typed
    proc = run_kg("stats", "--store", store)
    assert proc.returncode == 1 and "store format 1" in proc.stderr and "kg ingest --rebuild" in proc.stderr
    assert not (store / MARKER).exists()


def test_store_marker_read_only_open_of_a_foreign_folder_says_no_store(tmp_path: Path, run_kg) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "000005.log").write_text("x")
    proc = run_kg("query", "statements", "--store", folder)
    assert proc.returncode == 1 and "no store here yet" in proc.stderr
    assert (folder / "000005.log").read_text() == "x"


def test_store_marker_damaged_store_says_how_to_rebuild(tmp_path: Path, run_kg, write_texts) -> None:
    store = tmp_path / "store"
    assert run_kg("ingest", write_texts({"a.txt": TINY_STATEMENT}), "--store", store).returncode == 0
    (store / "CURRENT").write_text("garbage\n")
    for args in (("stats",), ("query", "statements"), ("ingest", write_texts({"b.txt": TINY_STATEMENT}))):
        proc = run_kg(*args, "--store", store)
        assert proc.returncode == 1, args
        assert proc.stderr.startswith(f"Error: {store}: the store is damaged") and "rebuild" in proc.stderr
        assert "unexpected" not in proc.stderr and "Traceback" not in proc.stderr
