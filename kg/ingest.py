"""Files into the store: read, extract, assemble, write — whole documents only.

An unchanged file (same SHA-256 as stored) is skipped before any extraction; a changed one
replaces its document's graph and nothing else. Files that cannot be read (or that are over
``max_size`` bytes) are reported and the others still go in. The library never prints:
progress goes to callbacks.

With ``jobs > 1`` reading, extraction and assembly run in that many worker processes and the
calling process is the only writer. New documents are written in batches, each one atomic bulk
load (:meth:`kg.store.Store.add_documents`: up to 200 documents or 50,000 quads, or what came in
about a second); a changed document is replaced in its own transaction once the batch before it
is written, so documents go in in the order of the files. A batch is loaded by a thread while the
next one is gathered (the bulk load runs outside the GIL: with one job, extraction and writing use
both cores; at most one batch is being written and one gathered). A document is reported
(``on_file``, ``on_bytes``, the report) only once it is in the store. A run that grew the store by
a quarter or more compacts it at the end (bulk-loaded files overlap until compacted, which slows
queries down). A bounded number of documents (256 per worker, 8 MB of input at most) is in flight,
enough for the workers to go on while a batch is written, and memory stays bounded however many
files there are.
An interruption (Ctrl-C) stops the workers; the store then holds only whole documents.
"""
from __future__ import annotations

import collections
import concurrent.futures
import multiprocessing
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import pyoxigraph as ox

from kg import iris
from kg.assemble import assemble_nquads, gazetteer_digest, reference_nquads
from kg.errors import InputError, KgError
from kg.model import Document
from kg.paths import printable, unicode_path
from kg.pipeline import extract_document
from kg.read import DEFAULT_MAX_SIZE, Skipped, find_files, is_split, read_document, read_parts
from kg.store import BATCH_DOCUMENTS, BATCH_QUADS, Store

__all__ = ["IngestReport", "ingest", "refresh_reference", "DEFAULT_MAX_SIZE"]

_WINDOW_PER_JOB = 256  # documents in flight per worker process: enough to keep working while a batch is written
_WINDOW_BYTES = 8 * 1024 * 1024  # and at most this much input in flight (whatever the number of documents)
_BATCH_SECONDS = 1.0  # a batch of new documents is written once it is this old, so progress stays live
_COMPACT_GROWTH = 4  # compact the store after a run that bulk-loaded a quarter as many documents as it held


@dataclass
class IngestReport:
    added: list[Path] = field(default_factory=list)
    replaced: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    statements: int = 0
    quads: int = 0
    chars: int = 0
    bytes: int = 0  # size of the files read (added, replaced or unchanged)

    @property
    def documents(self) -> int:
        return len(self.added) + len(self.replaced) + len(self.unchanged)


@dataclass
class _Done:
    """What reading and extracting one file gave: a failure, "unchanged", or the document's quads."""

    path: Path
    status: str  # failed | unchanged | ready
    error: str | None = None
    doc_iri: str = ""
    sha256: str = ""
    nquads: bytes = b""  # the quads as N-Quads: written straight from the findings, bulk-loaded as they are
    n_quads: int = 0
    statements: int = 0
    chars: int = 0
    size: int = 0


def ingest(paths: list[Path], store: Store, *, encoding: str | None = None, jobs: int = 1,
           max_size: int | None = DEFAULT_MAX_SIZE,
           on_start: Callable[[int], None] | None = None,
           on_file: Callable[[Path, str], None] | None = None,
           on_bytes: Callable[[int], None] | None = None) -> IngestReport:
    """Ingest files and folders (recursively) into ``store``, extracting in ``jobs`` processes.

    ``max_size`` (bytes, ``None`` for no limit) refuses bigger files before reading them. A plain-text
    file over :data:`kg.read.SPLIT_ABOVE` bytes is read in parts, each its own document (extracted by the
    ``jobs`` processes too, a new part bulk-loaded), so memory stays bounded whatever its size.
    ``on_file`` is told of each file when it is done, ``on_bytes`` of the bytes read so far, a document
    (file or part) at a time."""
    if jobs < 1:
        raise ValueError(f"jobs must be 1 or more, not {jobs}")
    files, skipped = find_files(paths)
    report = IngestReport(skipped=[s for s in skipped if not s.error],
                          failed=[(s.path, f"{printable(s.path)}: {s.reason}") for s in skipped if s.error])
    if on_start:
        on_start(len(files))
    known = store.document_shas()
    refresh_reference(store)
    split = [is_split(p) and not (max_size is not None and p.stat().st_size > max_size) for p in files]
    big = [p for p, b in zip(files, split) if b]
    small = [p for p, b in zip(files, split) if not b]
    tasks = [(path, encoding, known.get(iris.document_iri(path.resolve().as_posix())), max_size) for path in small]
    results = _in_process(tasks) if jobs == 1 or len(small) < 2 else _in_workers(tasks, jobs)
    writer = _Writer(store, report, set(known), store.split_files(), on_file, on_bytes)
    try:
        for _task, done in results:
            writer.take(done)
        writer.flush()
        writer.settle()
    finally:
        results.close()  # on an interruption or a write error: stop the workers now
        writer.close()
    if writer.bulk_documents and writer.bulk_documents * _COMPACT_GROWTH >= len(known):
        store.compact()  # the run grew the store by a quarter or more: amortized, a constant cost per quad
    for path in big:
        status = _ingest_parts(path, store, encoding, known, report, on_bytes, jobs)
        if on_file:
            on_file(path, status)
    return report


def refresh_reference(store: Store) -> bool:
    """Write the reference graph (the gazetteer's entities, described once) if the store has none or has one
    written from another gazetteer; whether it was written."""
    digest = gazetteer_digest()
    if store.reference_digest() == digest:
        return False
    store.put_reference(reference_nquads(digest)[0])
    return True


def _ingest_parts(path: Path, store: Store, encoding: str | None, known: dict[str, str], report: IngestReport,
                  on_bytes: Callable[[int], None] | None, jobs: int = 1) -> str:
    """A big file, part by part: a new part goes in by one bulk load, a changed one in one transaction;
    parts (or the whole-file document) an earlier ingest left and this one no longer has are taken out
    at the end. With ``jobs > 1`` the parts are extracted in that many processes, read here in order."""
    before = set(store.documents_from(path.resolve().as_posix()))
    written: set[str] = set()
    statuses = set()
    file_size = path.stat().st_size
    told = 0  # progress in characters as the parts go by (about bytes); the rest is told at the end
    parts = read_parts(path, encoding)
    extracted = _parts_in_workers(parts, known, jobs) if jobs > 1 else (
        (doc, _extract_part(doc) if _changed(doc, known) else None) for doc in parts)
    try:
        for doc, done in extracted:
            doc_iri = iris.document_iri(doc.identity)
            written.add(doc_iri)
            if done is None:
                statuses.add("unchanged")
            else:
                if doc_iri in before:
                    statuses.add(store.put_document(doc_iri, doc.sha256, _quads(done)))
                else:
                    store.add_documents([(doc_iri, done.nquads)])
                    statuses.add("added")
                report.statements += done.statements
                report.quads += done.n_quads
                report.chars += done.chars
            step = min(len(doc.text), file_size - told)
            told += step
            if on_bytes:
                on_bytes(step)
    except InputError as e:
        report.failed.append((path, str(e)))
        return "failed"
    finally:
        extracted.close()  # an error or an interruption: stop the workers now
    report.bytes += file_size
    if on_bytes and file_size > told:
        on_bytes(file_size - told)
    for stale in before - written:
        store.remove_document(stale)
    status = "added" if statuses <= {"added"} and not before else \
        "unchanged" if statuses == {"unchanged"} and before == written else "replaced"
    getattr(report, status).append(path)
    return status


def _extract_part(doc: Document) -> _Done:
    """Extract and assemble one part of a big file (in this process or in a worker)."""
    statements = extract_document(doc)
    nquads, count = assemble_nquads(doc, statements)
    return _Done(Path(doc.identity), "ready", nquads=nquads, n_quads=count, statements=len(statements),
                 chars=len(doc.text))


def _quads(done: _Done) -> list[ox.Quad]:
    """A document's quads as pyoxigraph terms, for the transaction that replaces a changed document."""
    return list(ox.parse(done.nquads, format=ox.RdfFormat.N_QUADS))


def _parts_in_workers(parts: Iterator[Document], known: dict[str, str], jobs: int
                      ) -> Iterator[tuple[Document, _Done | None]]:
    """Each part with what extracting it gave (``None`` when unchanged), in order, from ``jobs`` processes;
    two parts per process in flight (a part is about a megabyte of text)."""
    return _in_order(jobs, ((doc, _extract_part if _changed(doc, known) else None, (doc,), len(doc.text))
                            for doc in parts), 2 * jobs)


def _changed(doc: Document, known: dict[str, str]) -> bool:
    """Whether the store lacks ``doc`` as it is now (``known``: document IRI -> SHA-256 stored)."""
    return known.get(iris.document_iri(doc.identity)) != doc.sha256


class _Writer:
    """The single writer: new documents are gathered into a batch written by one atomic bulk load;
    a changed one is written alone, after the batch before it. Documents are told (report, callbacks)
    in the order of the files, and only once they are in the store; a document never written
    (interruption, write error) is never told."""

    def __init__(self, store: Store, report: IngestReport, stored: set[str], parted: set[str],
                 on_file: Callable[[Path, str], None] | None, on_bytes: Callable[[int], None] | None) -> None:
        self.store = store
        self.report = report
        self.stored = stored  # document IRIs in the store (or in the pending batch)
        self.parted = parted  # files read in parts before: a part no longer there must go
        self.on_file = on_file
        self.on_bytes = on_bytes
        self.pending: list[_Done] = []  # to tell, in order; the "ready" ones are still to write
        self.bulk_documents = 0  # written by bulk loads so far
        self.docs = 0
        self.quads = 0
        self.since = 0.0
        self._loader = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-writer")
        self._loading: tuple[concurrent.futures.Future, list[_Done], int] | None = None  # the batch being written

    def take(self, done: _Done) -> None:
        if done.status != "ready":  # failed or unchanged: nothing to write, told in its turn
            if self.pending or self._loading:
                self.pending.append(done)
                if time.monotonic() - self.since >= _BATCH_SECONDS:
                    self.flush()
            else:
                self._tell(done, done.status)
            return
        if done.doc_iri in self.stored:  # changed: replaced in its own transaction, after the batch
            self.flush()
            self.settle()
            self._tell(done, self.store.put_document(done.doc_iri, done.sha256, _quads(done)))
            return
        self.stored.add(done.doc_iri)
        if not self.docs:
            self.since = time.monotonic()
        self.pending.append(done)
        self.docs += 1
        self.quads += done.n_quads
        if self.docs >= BATCH_DOCUMENTS or self.quads >= BATCH_QUADS or \
                time.monotonic() - self.since >= _BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Start writing the pending new documents (one bulk load, in the loader thread) once the batch
        before them is written; they are told when :meth:`settle` sees them written."""
        if not self.pending:
            return
        pending, self.pending = self.pending, []
        self.docs = self.quads = 0
        self.settle()
        batch = [(d.doc_iri, d.nquads) for d in pending if d.status == "ready"]
        if not batch:  # failed or unchanged files only: nothing to write
            for done in pending:
                self._tell(done, done.status)
            return
        self._loading = (self._loader.submit(self.store.add_documents, batch), pending, len(batch))

    def settle(self) -> None:
        """Wait for the batch being written (raising its error, if any), then tell its documents."""
        if self._loading is None:
            return
        future, pending, written = self._loading
        self._loading = None
        future.result()
        self.bulk_documents += written
        for done in pending:
            self._tell(done, "added" if done.status == "ready" else done.status)

    def close(self) -> None:
        """Wait for the batch being written, if any (an interruption leaves whole batches only)."""
        self._loader.shutdown(wait=True)

    def _tell(self, done: _Done, status: str) -> None:
        report = self.report
        if status == "failed":
            report.failed.append((done.path, done.error or f"{done.path}: cannot be read"))
        else:
            report.bytes += done.size
            getattr(report, status).append(done.path)
            if status != "unchanged":
                report.statements += done.statements
                report.quads += done.n_quads
                report.chars += done.chars
            identity = unicode_path(done.path.resolve().as_posix()) if self.parted else ""
            if identity in self.parted:  # stored in parts before, whole now (or unchanged: a no-op)
                for stale in self.store.documents_from(identity):
                    if stale != done.doc_iri:
                        self.store.remove_document(stale)
        if self.on_bytes:
            self.on_bytes(done.size)
        if self.on_file:
            self.on_file(done.path, status)


def _work(task: tuple[Path, str | None, str | None, int | None]) -> _Done:
    """Read, extract and assemble one file (in this process or in a worker)."""
    path, encoding, known_sha, max_size = task
    try:
        doc = read_document(path, encoding, max_size=max_size)
    except InputError as e:
        return _Done(path, "failed", str(e))
    size = path.stat().st_size
    if known_sha == doc.sha256:
        return _Done(path, "unchanged", size=size)
    try:
        statements = extract_document(doc)
        nquads, count = assemble_nquads(doc, statements)
    except KgError:
        raise  # not this file's fault (a broken gazetteer): stop and say so
    except Exception as e:  # noqa: BLE001 - a bug met by one odd text must not stop the others
        return _Done(path, "failed", f"{printable(path)}: extraction failed unexpectedly ({type(e).__name__}: {e}); "
                                     "the other files went in; please report this file")
    return _Done(path, "ready", doc_iri=iris.document_iri(doc.identity), sha256=doc.sha256, nquads=nquads,
                 n_quads=count, statements=len(statements), chars=len(doc.text), size=size)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reported by the worker that reads it


def _in_process(tasks: list) -> Iterator[tuple[tuple, _Done]]:
    for task in tasks:
        yield task, _work(task)


def _worker_init() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the workers, they need not react
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from kg.extract.common import lex

    try:
        lex()  # the gazetteers, once per worker
    except KgError:
        pass  # raised again by the first task, and so reported by the parent (a failing initializer would loop)


def _in_workers(tasks: list, jobs: int) -> Iterator[tuple[tuple, _Done]]:
    """Each task with its result, in task order, computed by ``jobs`` processes."""
    return _in_order(min(jobs, len(tasks)), ((task, _work, (task,), _size(task[0])) for task in tasks),
                     jobs * _WINDOW_PER_JOB)


def _in_order(jobs: int, work: Iterable[tuple[Any, Callable | None, tuple, int]], window: int
              ) -> Iterator[tuple[Any, Any]]:
    """``(item, fn(*args))`` for each ``(item, fn, args, size)`` of ``work``, in its order, computed by
    ``jobs`` spawned processes (``None`` for an item without ``fn``), with at most ``window`` items and
    :data:`_WINDOW_BYTES` of input (their ``size``) in flight. Closing the generator (an interruption,
    a write error) stops the processes at once."""
    ctx = multiprocessing.get_context("spawn")  # no fork of a process holding the store's threads
    pool = ctx.Pool(processes=jobs, initializer=_worker_init)
    try:
        pending: collections.deque = collections.deque()  # (item, async result or None, size)
        in_flight = 0
        for item, fn, args, size in work:
            while pending and (len(pending) >= window or in_flight + size > _WINDOW_BYTES):
                first, result, n = pending.popleft()
                in_flight -= n
                yield first, None if result is None else result.get()
            pending.append((item, None if fn is None else pool.apply_async(fn, args), size))
            in_flight += size
        while pending:
            first, result, _n = pending.popleft()
            yield first, None if result is None else result.get()
        pool.close()
        pool.join()
    finally:
        pool.terminate()
