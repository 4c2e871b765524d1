"""Faults never lose or corrupt what the store holds: `kg ingest` killed (SIGKILL) at random moments,
stopped with Ctrl-C, run twice at once, pointed at an unwritable place or a full disk. Afterwards the
store opens, every document in it is whole (its graph equals a clean ingest's), and a re-run completes."""
from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import STATEMENTS_DIR, TINY_STATEMENT, kg_env, run_kg_in


def make_corpus(root: Path, copies: int) -> Path:
    """``copies`` copies of the bundled statements, each in its own subfolder (distinct documents)."""
    for i in range(copies):
        shutil.copytree(STATEMENTS_DIR, root / f"set{i:02d}")
    return root


def graphs(store: Path) -> dict[str, set[str]]:
    """Document graph IRI -> its quads (N-Quads lines), read through the library, read-only."""
    from kg.store import Store

    out: dict[str, set[str]] = defaultdict(set)
    with Store(store, read_only=True) as st:
        for q in st.quads():
            out[q.graph_name.value].add(str(q))
    return dict(out)


def clean_graphs(corpus: Path, store: Path) -> dict[str, set[str]]:
    from kg.ingest import ingest
    from kg.store import Store

    with Store(store) as st:
        report = ingest([corpus], st)
    assert not report.failed
    return graphs(store)


def statement_count(quads: set[str]) -> int:
    return sum(1 for q in quads if "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
               "<https://w3id.org/diplokg/ontology#Statement>" in q)


def assert_documents_whole(store: Path, *references: dict[str, set[str]]) -> int:
    """Every document graph in ``store`` equals that graph in one of ``references``; returns how many."""
    held = graphs(store)
    for g, quads in held.items():
        candidates = [ref[g] for ref in references if g in ref]
        assert candidates, f"unknown graph {g}"
        assert any(quads == c for c in candidates), (
            f"{g} is not whole: {len(quads)} quads, {statement_count(quads)} statements; a clean ingest has "
            f"{[(len(c), statement_count(c)) for c in candidates]}")
    return len(held)


def popen_ingest(cwd: Path, *args: str | os.PathLike) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg", "ingest", *map(str, args)], cwd=cwd, env=kg_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")


# ------------------------------------------------------------------ SIGKILL at random moments
def timed_clean_ingest(corpus: Path, store: Path, cwd: Path) -> tuple[dict[str, set[str]], float]:
    started = time.monotonic()
    proc = run_kg_in(cwd, "ingest", corpus, "--store", store, "-q")
    assert proc.returncode == 0, proc.stderr
    return graphs(store), time.monotonic() - started


def test_store_faults_sigkill_loop_leaves_whole_documents_and_a_rerun_completes(tmp_path):
    rng = random.Random(int(os.environ.get("KG_KILL_SEED", "20211")))
    corpus = make_corpus(tmp_path / "corpus", 2)
    files = sorted(corpus.rglob("*.txt"))
    before = {f: f.read_bytes() for f in files}
    after = {f: b + b"\nThe delegation of Switzerland also took the floor.\n" for f, b in before.items()}
    old, took = timed_clean_ingest(corpus, tmp_path / "ref-old", tmp_path)
    for f, b in after.items():
        f.write_bytes(b)
    new, _ = timed_clean_ingest(corpus, tmp_path / "ref-new", tmp_path)
    for f, b in before.items():
        f.write_bytes(b)

    store = tmp_path / "store"
    deadline = time.monotonic() + 15  # the whole test stays well under a minute
    kills = []
    for phase, refs in (("add", (old,)), ("replace", (old, new))):
        if phase == "replace":  # every file changes, so ingest replaces graphs
            for f, b in after.items():
                f.write_bytes(b)
        for i in range(5):
            if i >= 2 and time.monotonic() > deadline:  # at least two kills a phase, however slow the machine
                break
            proc = popen_ingest(tmp_path, corpus, "--store", store, "--jobs", rng.choice(["1", "2"]), "-q")
            time.sleep(rng.uniform(0.1, 0.8 * took))  # anywhere from start-up to the last documents
            proc.send_signal(signal.SIGKILL)
            proc.communicate()
            held = assert_documents_whole(store, *refs) if (store / "CURRENT").exists() else 0
            kills.append((phase, proc.returncode, held))
    assert sum(1 for k in kills if k[1] == -signal.SIGKILL) >= 3, kills  # really killed, not finished
    done = run_kg_in(tmp_path, "ingest", corpus, "--store", store)
    assert done.returncode == 0, done.stderr
    assert graphs(store) == new


# ------------------------------------------------------------------ Ctrl-C
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_store_faults_sigint_stops_cleanly_with_exit_130_and_whole_documents(tmp_path, jobs):
    # enough documents that the interruption lands mid-way (the writer writes in batches of ~1 s; a batch
    # being written when Ctrl-C comes is finished, so an interruption near the end may leave everything)
    corpus = make_corpus(tmp_path / "corpus", 24)
    reference = clean_graphs(corpus, tmp_path / "ref")
    store = tmp_path / "store"
    proc = popen_ingest(tmp_path, corpus, "--store", store, "--jobs", jobs)
    deadline = time.monotonic() + 60
    while not (store / "CURRENT").exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the ingest finished before the interruption arrived")
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("Interrupted: "), err
    held = assert_documents_whole(store, reference)
    assert held < len(reference)
    rerun = run_kg_in(tmp_path, "ingest", corpus, "--store", store, "-q")
    assert rerun.returncode == 0, rerun.stderr
    assert graphs(store) == reference


# ------------------------------------------------------------------ two writers
def test_store_faults_two_ingests_at_once_both_succeed_with_the_whole_result(tmp_path):
    make_corpus(tmp_path / "corpus", 2)
    a, b = tmp_path / "corpus" / "set00", tmp_path / "corpus" / "set01"
    reference = clean_graphs(tmp_path / "corpus", tmp_path / "ref")
    store = tmp_path / "store"
    procs = [popen_ingest(tmp_path, folder, "--store", store, "--wait", "120", "-q") for folder in (a, b)]
    outs = [p.communicate(timeout=180) for p in procs]
    for p, (_o, err) in zip(procs, outs):
        assert p.returncode == 0, err
    assert graphs(store) == reference


def test_store_faults_second_writer_waits_for_the_lock_then_writes(tmp_path, write_texts):
    from kg.store import Store

    folder = write_texts({"a.txt": TINY_STATEMENT})
    store = tmp_path / "store"
    holder = Store(store)
    try:
        proc = popen_ingest(tmp_path, folder, "--store", store, "--wait", "60")
        time.sleep(2.5)
        assert proc.poll() is None, proc.communicate()  # still waiting
    finally:
        holder.close()
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "1 added" in err


def test_store_faults_second_writer_gives_up_after_wait_with_a_clear_message(tmp_path, write_texts):
    from kg.store import Store

    folder = write_texts({"a.txt": TINY_STATEMENT})
    store = tmp_path / "store"
    with Store(store):
        started = time.monotonic()
        proc = run_kg_in(tmp_path, "ingest", folder, "--store", store, "--wait", "1")
        waited = time.monotonic() - started
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and "after waiting 1 s" in proc.stderr and "--wait" in proc.stderr
    assert waited >= 1
    assert graphs(store) == {}


# ------------------------------------------------------------------ unwritable places
def test_store_faults_store_under_a_regular_file_is_a_clear_error(tmp_path, write_texts):
    folder = write_texts({"a.txt": TINY_STATEMENT})
    blocker = tmp_path / "plain-file"
    blocker.write_text("not a folder\n")
    for store in (blocker / "store", blocker):
        proc = run_kg_in(tmp_path, "ingest", folder, "--store", store)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"Error: {store}: ") and "--store" in lines[0], proc.stderr
    assert blocker.read_text() == "not a folder\n"


def test_store_faults_store_pointed_at_a_folder_of_other_files_leaves_it_alone(tmp_path, write_texts):
    folder = write_texts({"a.txt": TINY_STATEMENT})
    before = sorted(p.name for p in folder.iterdir())
    proc = run_kg_in(tmp_path, "ingest", folder, "--store", folder)  # `kg ingest docs/ --store docs/`
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"Error: {folder}: holds other files (a.txt) and no kg store"), proc.stderr
    assert sorted(p.name for p in folder.iterdir()) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders; see the full-disk test")
def test_store_faults_read_only_store_is_a_clear_error_and_unchanged(tmp_path, write_texts):
    folder = write_texts({"a.txt": TINY_STATEMENT})
    store = tmp_path / "store"
    assert run_kg_in(tmp_path, "ingest", folder, "--store", store).returncode == 0
    before = graphs(store)
    (folder / "a.txt").write_text(TINY_STATEMENT + "\nSwitzerland agreed.\n", encoding="utf-8")
    modes = {p: p.stat().st_mode for p in [store, *store.iterdir()]}
    for p in modes:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        proc = run_kg_in(tmp_path, "ingest", folder, "--store", store)
    finally:
        for p, mode in modes.items():
            p.chmod(mode)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and proc.stderr.startswith("Error: "), proc.stderr
    assert graphs(store) == before


class _FullDisk:
    """A pyoxigraph store whose writes fail as on a full disk; reads go through."""

    def __init__(self, db) -> None:
        self._db = db

    def _full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    extend = update = add = remove = remove_graph = bulk_extend = load = bulk_load = _full

    def __getattr__(self, name: str):
        return getattr(self._db, name)


def test_store_faults_full_disk_is_a_clear_error_and_the_store_unchanged(tmp_path, write_texts, monkeypatch,
                                                                         capsys):
    from kg import cli
    from kg.store import Store

    folder = write_texts({"a.txt": TINY_STATEMENT, "b.txt": TINY_STATEMENT.replace("Switzerland", "France")})
    store = tmp_path / "store"
    def kg(*args: str | os.PathLike) -> int:
        monkeypatch.setattr(sys, "argv", ["kg", *map(str, args)])
        try:
            cli.main()
        except SystemExit as e:
            return e.code or 0
        return 0

    assert kg("ingest", folder / "a.txt", "--store", store, "-q") == 0
    before = graphs(store)
    (folder / "a.txt").write_text(TINY_STATEMENT + "\nThe United Kingdom agreed.\n", encoding="utf-8")

    real_open = Store._open

    def full_disk_open(self):
        real_open(self)
        if not self.read_only:
            self._db = _FullDisk(self._db)

    monkeypatch.setattr(Store, "_open", full_disk_open)
    capsys.readouterr()
    code = kg("ingest", folder, "--store", store, "-q")
    err = capsys.readouterr().err
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {store}: writing ") and "disk is full" in lines[0], err
    assert "still holds its previous state" in lines[0]
    monkeypatch.setattr(Store, "_open", real_open)
    assert graphs(store) == before  # neither the replaced document nor the new one went in half-way
