"""`kg export -o`: only a regular file is ever replaced; `-o -` writes to stdout."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest


def test_export_refuses_a_fifo_and_leaves_it(corpus_store, run_kg, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.ttl"
    os.mkfifo(fifo)
    proc = run_kg("export", "-o", fifo, "--store", corpus_store[0])
    assert proc.returncode == 1 and "named pipe" in proc.stderr and "Traceback" not in proc.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_export_refuses_a_symlink_and_leaves_it_and_its_target(corpus_store, run_kg, tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    link = tmp_path / "graph.ttl"
    link.symlink_to(target)
    proc = run_kg("export", "-o", link, "--store", corpus_store[0])
    assert proc.returncode == 1 and "symbolic link" in proc.stderr
    assert link.is_symlink() and target.read_text() == "keep me"


def test_export_refuses_a_device_and_a_folder(corpus_store, run_kg, tmp_path: Path) -> None:
    folder = tmp_path / "out.ttl"
    folder.mkdir()
    proc = run_kg("export", "-o", folder, "--store", corpus_store[0])
    assert proc.returncode == 1 and "folder" in proc.stderr and folder.is_dir()
    device = tmp_path / "null.ttl"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    except (PermissionError, OSError):
        pytest.skip("cannot make a device node here (not root)")
    proc = run_kg("export", "-o", device, "--store", corpus_store[0])
    assert proc.returncode == 1 and "a device" in proc.stderr
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_export_replaces_a_regular_file_and_dash_is_stdout(corpus_store, run_kg, tmp_path: Path) -> None:
    out = tmp_path / "graph.nt"
    out.write_text("old")
    proc = run_kg("export", "-o", out, "--store", corpus_store[0])
    assert proc.returncode == 0 and out.read_text() != "old" and "<" in out.read_text()
    proc = run_kg("export", "-o", "-", "--format", "ntriples", "--store", corpus_store[0])
    assert proc.returncode == 0 and proc.stdout == out.read_text()
    assert not (run_kg.cwd / "-").exists()
