"""``kg ingest --rebuild``: a store built afresh from files, taking the place of the old one only once
it is complete.

The new store is written beside the old one (``<store>.rebuilding``); the old store stays as it was,
locked against other writers, until the new one holds every file read. Then the old folder is moved
aside (``<store>.replaced``), the new one takes its name, and the old one is deleted. An interrupted or
failed rebuild leaves the old store untouched (its partial new store is deleted, or at the latest by
the next rebuild). This is how a store of an older format (:data:`kg.store.FORMAT`) is brought up to
date, and how a store is made to hold exactly the given files and no others.
"""
from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import Any, Iterator

import pyoxigraph as ox

from kg.errors import StoreBusyError, StoreError
from kg.ingest import IngestReport, ingest
from kg.store import MARKER, Store

__all__ = ["rebuild"]


def rebuild(paths: list[Path], store_path: Path, **options: Any) -> IngestReport:
    """Ingest ``paths`` into a new store that then replaces the one at ``store_path`` (or becomes it,
    if there is none); ``options`` are :func:`kg.ingest.ingest`'s."""
    store_path = Path(store_path)
    fresh = store_path.with_name(store_path.name + ".rebuilding")
    aside = store_path.with_name(store_path.name + ".replaced")
    with _locked(store_path):
        for leftover in (fresh, aside):  # an earlier rebuild's, interrupted
            _remove_store_folder(leftover)
        try:
            with Store(fresh) as store:
                report = ingest(paths, store, **options)
        except BaseException:
            _remove_store_folder(fresh)
            raise
    try:
        if store_path.exists():
            store_path.rename(aside)
        fresh.rename(store_path)
    except OSError as e:
        raise StoreError(f"{store_path}: the rebuilt store is complete in {fresh} but could not take the "
                         f"old one's place ({e}); move {fresh} to {store_path} yourself") from None
    _remove_store_folder(aside)
    return report


@contextlib.contextmanager
def _locked(store_path: Path) -> Iterator[None]:
    """Hold the old store's write lock (whatever its format), so no other kg process writes to it
    while it is being rebuilt (what it wrote would be lost)."""
    if not (store_path / MARKER).is_file() and not (store_path / "CURRENT").is_file():
        if store_path.exists() and (not store_path.is_dir() or any(store_path.iterdir())):
            raise StoreError(f"{store_path}: holds other files and no kg store (no {MARKER} file); "
                             "choose a new or empty folder for --store")
        yield
        return
    try:
        db = ox.Store(str(store_path))
    except OSError as e:
        if "lock" in str(e).lower():
            raise StoreBusyError(f"{store_path}: another kg process is writing to this store; wait for it to "
                                 "finish, then rebuild") from None
        raise StoreError(f"{store_path}: cannot open the store to rebuild it ({e})") from None
    except RuntimeError:  # damaged: nothing to protect, it is being replaced
        db = None
    try:
        yield
    finally:
        del db  # closed (and unlocked) before the folders are moved


def _remove_store_folder(path: Path) -> None:
    """Delete a folder this module made (never one without our marker)."""
    if path.is_dir() and (path / MARKER).is_file():
        shutil.rmtree(path, ignore_errors=True)
