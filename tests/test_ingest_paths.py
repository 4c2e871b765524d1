"""File names of any bytes are ingested and printed escaped; every path that cannot be read, named or
inside a folder, is an `Error: FILE: reason` while the rest goes in (exit 1)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import TINY_STATEMENT


def _names(run_kg, store: Path) -> list[str]:
    proc = run_kg("query", "--sparql", "SELECT ?l WHERE { ?d a dkg:Document ; rdfs:label ?l } ORDER BY ?l",
                  "-f", "csv", "--store", store)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()[1:]


def test_ingest_paths_name_of_any_bytes_is_ingested_and_removable(tmp_path: Path, run_kg) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bad = os.fsencode(folder) + b"/bad\xff\xfename.txt"
    with open(bad, "wb") as fh:
        fh.write(TINY_STATEMENT.encode())
    (folder / "ok.txt").write_text(TINY_STATEMENT.replace("Thank", "Thanks"))
    store = tmp_path / "store"
    proc = run_kg("ingest", folder, "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert _names(run_kg, store) == ["bad\\xff\\xfename.txt", "ok.txt"]
    proc = run_kg("remove", os.fsdecode(bad), "--store", store)
    assert proc.returncode == 0 and "removed" in proc.stderr and "bad\\xff\\xfename.txt" in proc.stderr
    assert _names(run_kg, store) == ["ok.txt"]


def test_ingest_paths_control_characters_are_printed_escaped(tmp_path: Path, run_kg) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "red\x1b[31m\nname.txt").write_text("")  # empty: named in an error line
    (folder / "ok.txt").write_text(TINY_STATEMENT)
    store = tmp_path / "store"
    proc = run_kg("ingest", folder, "--store", store)
    assert proc.returncode == 1
    assert "red\\x1b[31m\\nname.txt: empty file" in proc.stderr and "\x1b" not in proc.stderr
    (folder / "red\x1b[31m\nname.txt").write_text(TINY_STATEMENT.replace("Thank", "Thanks"))
    assert run_kg("ingest", folder, "--store", store).returncode == 0
    table = run_kg("query", "--sparql", "SELECT ?l WHERE { ?d a dkg:Document ; rdfs:label ?l }", "--store", store)
    assert "red\\x1b[31m" in table.stdout and "\x1b" not in table.stdout


def test_ingest_paths_unreadable_entries_in_a_folder_are_errors_and_the_rest_goes_in(tmp_path: Path, run_kg) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "ok.txt").write_text(TINY_STATEMENT)
    (folder / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (folder / "device.txt").symlink_to("/dev/null")
    os.mkfifo(folder / "fifo.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    store = tmp_path / "store"
    proc = run_kg("ingest", folder, "--store", store)
    assert proc.returncode == 1, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("Error: ")]
    for name, why in [("dangling.txt", "a broken link"), ("device.txt", "not a regular file"),
                      ("fifo.txt", "not a regular file"), ("loop.txt", "cannot be read")]:
        assert any(f"{folder / name}: {why}" in e for e in errors), (name, errors)
    assert "1 added" in proc.stderr and "Traceback" not in proc.stderr
    assert _names(run_kg, store) == ["ok.txt"]


def test_ingest_paths_named_unreadable_path_beside_a_readable_one(tmp_path: Path, run_kg) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TINY_STATEMENT)
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    store = tmp_path / "store"
    proc = run_kg("ingest", fifo, good, "--store", store)
    assert proc.returncode == 1 and f"Error: {fifo}: not a regular file" in proc.stderr
    assert _names(run_kg, store) == ["good.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file and folder")
def test_ingest_paths_unreadable_subfolder_and_file_are_named(tmp_path: Path, run_kg) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "a.txt").write_text(TINY_STATEMENT)
    (folder / "ok.txt").write_text(TINY_STATEMENT)
    secret = tmp_path / "secret.txt"
    secret.write_text(TINY_STATEMENT.replace("Thank", "Thanks"))
    os.chmod(folder / "locked", 0)
    os.chmod(secret, 0)
    try:
        proc = run_kg("ingest", folder, secret, "--store", tmp_path / "store")
    finally:
        os.chmod(folder / "locked", 0o755)
    assert proc.returncode == 1
    assert f"Error: {folder / 'locked'}: cannot be read" in proc.stderr
    assert f"Error: {secret}: cannot be read" in proc.stderr and "1 added" in proc.stderr
