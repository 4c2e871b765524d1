"""Files into the store: read, extract, assemble, write — one document, one transaction.

An unchanged file (same SHA-256 as stored) is skipped before any extraction; a changed one
replaces its document's graph and nothing else. Files that cannot be read are reported and
the others still go in. The library never prints: progress goes to a callback.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kg import iris
from kg.assemble import assemble
from kg.errors import InputError
from kg.pipeline import extract_document
from kg.read import Skipped, find_files, read_document
from kg.store import Store

__all__ = ["IngestReport", "ingest"]


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

    @property
    def documents(self) -> int:
        return len(self.added) + len(self.replaced) + len(self.unchanged)


def ingest(paths: list[Path], store: Store, *, encoding: str | None = None,
           on_start: Callable[[int], None] | None = None,
           on_file: Callable[[Path, str], None] | None = None) -> IngestReport:
    """Ingest files and folders (recursively) into ``store``."""
    files, skipped = find_files(paths)
    report = IngestReport(skipped=[s for s in skipped if not s.missing],
                          failed=[(s.path, f"{s.path}: {s.reason}") for s in skipped if s.missing])
    if on_start:
        on_start(len(files))
    for path in files:
        status = _one(path, store, encoding, report)
        if on_file:
            on_file(path, status)
    return report


def _one(path: Path, store: Store, encoding: str | None, report: IngestReport) -> str:
    try:
        doc = read_document(path, encoding)
    except InputError as e:
        report.failed.append((path, str(e)))
        return "failed"
    doc_iri = iris.document_iri(doc.identity)
    if store.document_sha(doc_iri) == doc.sha256:
        report.unchanged.append(path)
        return "unchanged"
    statements = extract_document(doc)
    quads = assemble(doc, statements)
    status = store.put_document(doc_iri, doc.sha256, quads)
    getattr(report, status).append(path)
    report.statements += len(statements)
    report.quads += len(quads)
    report.chars += len(doc.text)
    return status
