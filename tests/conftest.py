"""Shared fixtures: run the ``kg`` command line in a subprocess, a store of the bundled corpus
(ingested once per session from a copy of ``data/statements/``), and a writer of small text folders."""
from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
STATEMENTS_DIR = PROJECT_ROOT / "data" / "statements"
QUERIES_DIR = PROJECT_ROOT / "data" / "queries"
CORPUS_FILES = sorted(p.name for p in STATEMENTS_DIR.glob("*.txt"))

# A short statement that the extractors read as one statement naming a few entities.
TINY_STATEMENT = (
    "Statement by the Permanent Representative of the Russian Federation Vassily Nebenzia at the UN Security "
    "Council, New York, 5 March 2021\n\n"
    "Mr. President,\n\n"
    "The Russian Federation supports resolution 75/240 and calls on the United States and Switzerland to join "
    "the consensus.\n\n"
    "Thank you.\n"
)


def kg_env(**overrides: str) -> dict[str, str]:
    """The environment for a ``kg`` subprocess: KG_STORE and KG_DEBUG unset, UTF-8 output."""
    env = dict(os.environ)
    env.pop("KG_STORE", None)
    env.pop("KG_DEBUG", None)
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(overrides)
    return env


def run_kg_in(cwd: Path, *args: str | os.PathLike, env: dict[str, str] | None = None,
              command: list[str] | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m kg ARGS`` (or ``command ARGS``) in ``cwd``; stdout and stderr captured as text."""
    base = command if command is not None else [sys.executable, "-m", "kg"]
    return subprocess.run(
        [*base, *(str(a) for a in args)],
        cwd=cwd,
        env=env if env is not None else kg_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
    )


@pytest.fixture
def run_kg(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess]:
    """``run_kg(*args, cwd=None, env=None, command=None)``: the CLI in a subprocess, cwd a fresh tmp dir."""
    workdir = tmp_path / "cwd"
    workdir.mkdir()

    def run(*args: str | os.PathLike, cwd: Path | None = None, env: dict[str, str] | None = None,
            command: list[str] | None = None) -> subprocess.CompletedProcess:
        return run_kg_in(cwd or workdir, *args, env=env, command=command)

    run.cwd = workdir  # type: ignore[attr-defined]
    return run


def copy_corpus(dest: Path) -> Path:
    """A copy of the bundled statements in ``dest``; returns the folder."""
    shutil.copytree(STATEMENTS_DIR, dest)
    return dest


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """``(store_path, corpus_path)``: a copy of data/statements/ ingested once into a fresh store.

    Tests must not change this store (re-ingesting the unchanged corpus is allowed)."""
    root = tmp_path_factory.mktemp("corpus")
    corpus = copy_corpus(root / "statements")
    store = root / "store"
    proc = run_kg_in(root, "ingest", corpus, "--store", store)
    assert proc.returncode == 0, proc.stderr
    return store, corpus


def stats_json(store: Path, cwd: Path) -> dict:
    """``kg stats --format json`` of ``store`` as a dict."""
    proc = run_kg_in(cwd, "stats", "--store", store, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture
def write_texts(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """``write_texts({"a.txt": "...", "sub/b.html": b"..."})``: a new folder holding these files."""
    counter = itertools.count()

    def write(files: dict[str, str | bytes]) -> Path:
        folder = tmp_path / f"texts{next(counter)}"
        folder.mkdir()
        for name, content in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return folder

    return write


def bench_generate():
    """bench/generate.py as a module (bench/ is not an installed package), loaded once."""
    import importlib.util
    import sys

    if "bench_generate" not in sys.modules:
        spec = importlib.util.spec_from_file_location("bench_generate", PROJECT_ROOT / "bench" / "generate.py")
        mod = importlib.util.module_from_spec(spec)
        sys.modules["bench_generate"] = mod
        spec.loader.exec_module(mod)
    return sys.modules["bench_generate"]
