"""The only module that talks to the store: an on-disk pyoxigraph (RocksDB) database with one
named graph per document. Ingesting a document is atomic: new documents are added in batches by
one atomic bulk load each (:meth:`Store.add_documents`), a changed one is replaced by one atomic
SPARQL update (drop its graph, insert the new triples), so an interrupted ingest never leaves half
a document."""
from __future__ import annotations

import errno
import hashlib
import itertools
import os
import re
import time
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, Sequence

import pyoxigraph as ox

from kg import iris, sparql_guard
from kg.errors import QueryError, StoreBusyError, StoreError
from kg.kinds import export_prefixes
from kg.paths import printable, unicode_path
from kg.sparqlerrors import syntax_message
from kg.terms import DKG, PREFIXES

__all__ = ["Store", "Result", "BATCH_QUADS", "BATCH_DOCUMENTS", "FORMAT", "MARKER", "stored_format"]


_REFERENCE = ox.NamedNode(iris.reference_graph_iri())
_FLUSH_EVERY = 30_000  # quads: flushing keeps the memory of a long ingest flat, not growing with every document

# The most one add_documents call should take (the ingest writer's batch). Atomicity does not depend
# on it (see add_documents); it bounds the writer's memory and keeps each batch well under
# oxigraph's bulk-load batch of 1,000,000 quads (DEFAULT_BULK_LOAD_BATCH_SIZE), so one call is one
# set of SST files, one ingestion.
BATCH_QUADS = 50_000
BATCH_DOCUMENTS = 200


# the file that says a folder is a store: the database (RocksDB) deletes files in its folder that look
# like its own and that it does not know, so it is never opened on a folder without this marker
MARKER = "diplokg-store"
# The store format: how findings are written as RDF (kg.assemble). It is written in the marker; a store
# of another format is refused with the way to rebuild it, so old and new quads never mix in one store.
FORMAT = 4  # 2: mentions without rdf:type and without the inverse dkg:hasMention; 3: text once, no quotes;
# 4: gazetteer entities described once in the reference graph, spans as one dkg:span literal, no dkg:mentions
_MARKER_TEXT = ("diplokg store, format {format}. Every other file in this folder belongs to the store's database:\n"
                "do not put files here (the database may delete those named like its own).\n")
_FORMAT_LINE = re.compile(r"diplokg store, format (\d+)\b")


class Result:
    """A SELECT result: variable names and rows of RDF terms (``None`` when unbound); the rows a list, or an
    iterator when streamed (:meth:`Store.select`)."""

    def __init__(self, variables: list[str], rows: Iterable[list[Any]]) -> None:
        self.variables = variables
        self.rows = rows


class Store:
    """An open store. Use as a context manager; ``read_only`` stores can sit beside a writer."""

    def __init__(self, path: Path, *, read_only: bool = False, wait: float = 0.0) -> None:
        """Open (or create) the store at ``path``. A writer waits up to ``wait`` seconds for
        another writer to finish, then raises :class:`StoreBusyError`."""
        self.path = Path(path)
        self.read_only = read_only
        self._unflushed = 0  # quads written since the last flush
        self._state: str | None = None  # a read-only store's files when it was opened (see state())
        deadline = time.monotonic() + max(0.0, wait)
        while True:
            try:
                self._open()
                return
            except StoreBusyError:
                if time.monotonic() >= deadline:
                    if wait > 0:
                        raise StoreBusyError(f"{self.path}: another kg process is writing to this store (still, "
                                             f"after waiting {wait:g} s); wait for it to finish, give a longer "
                                             "--wait SECONDS, or use another --store") from None
                    raise
                time.sleep(0.1)

    def _open(self) -> None:
        try:
            if self.read_only:
                if not self._is_store():
                    raise StoreError(f"{self.path}: no store here yet; run `kg ingest PATH` first "
                                     "(or point --store / KG_STORE at an existing store)")
                before = _files_state(self.path)
                self._db = ox.Store.read_only(str(self.path))
                self._check_format()
                self._state = before if before == _files_state(self.path) else None
            else:
                self._prepare_folder()
                self._db = ox.Store(str(self.path))
                self._check_format()  # a store made before markers is format 1: refused unless empty
                _remove_staged_files(self.path)
        except OSError as e:
            msg = str(e)
            if "lock" in msg.lower():
                raise StoreBusyError(f"{self.path}: another kg process is writing to this store; wait for it to "
                                     "finish, or use another --store") from None
            if getattr(e, "errno", None) == errno.ENOSPC or "No space left" in msg:
                raise StoreError(f"{self.path}: the disk is full ({msg}); free some space and run again") from None
            if "Permission denied" in msg or "Read-only" in msg or "read-only" in msg:
                raise StoreError(f"{self.path}: cannot write here ({msg}); check the folder's permissions") from None
            raise StoreError(f"{self.path}: cannot open the store ({msg})") from None
        except RuntimeError as e:  # RocksDB's "Corruption: ..."
            raise _damaged(self.path, e) from None

    def _check_format(self) -> None:
        """Refuse a store written in another format (see :data:`FORMAT`); an empty one is simply taken over."""
        found = stored_format(self.path)
        if found == FORMAT:
            return
        if len(self._db) == 0:
            if not self.read_only:
                _write_marker(self.path)
            return
        self._db = None  # closed: nothing was read or written
        if found > FORMAT:
            raise StoreError(f"{self.path}: this store was written by a newer diplokg (store format {found}; this "
                             f"one reads format {FORMAT}); upgrade diplokg, or use another --store")
        raise StoreError(f"{self.path}: this store was written by an older diplokg (store format {found}; this one "
                         f"reads format {FORMAT}); rebuild it from your files with `kg ingest --rebuild PATH... "
                         f"--store {printable(str(self.path))}` (the old store stays as it is until the new one "
                         "is complete)")

    def _is_store(self) -> bool:
        """A folder with our marker, or one a diplokg before markers made (its database's CURRENT file)."""
        return (self.path / MARKER).is_file() or (self.path / "CURRENT").is_file()

    def _prepare_folder(self) -> None:
        """Make sure the folder is a store, or new: never let the database open (and clean up) a folder of
        someone else's files."""
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path}: exists and is not a folder; choose another --store")
        for parent in self.path.absolute().parents:
            if parent.exists() and not parent.is_dir():
                raise StoreError(f"{self.path}: cannot create the store, {parent} is a file, not a folder; "
                                 "choose another --store")
        if self.path.is_dir() and self._is_store():
            return
        others = sorted(f.name for f in self.path.iterdir()) if self.path.is_dir() else []
        if others:
            shown = ", ".join(printable(n) for n in others[:3]) + (", ..." if len(others) > 3 else "")
            raise StoreError(f"{self.path}: holds other files ({shown}) and no kg store (no {MARKER} file); "
                             "choose a new or empty folder for --store")
        self.path.mkdir(parents=True, exist_ok=True)
        _write_marker(self.path)  # before the database writes anything: a store killed at birth is still ours

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        db = getattr(self, "_db", None)
        if db is not None and not self.read_only:
            try:
                db.flush()
            except OSError:
                pass
        self._db = None

    @property
    def db(self) -> ox.Store:
        if self._db is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._db

    # ---------------------------------------------------------------- documents
    def document_sha(self, doc_iri: str) -> str | None:
        node = ox.NamedNode(doc_iri)
        for q in self.db.quads_for_pattern(node, ox.NamedNode(str(DKG.sha256)), None, node):
            return q.object.value
        return None

    def document_text(self, doc_iri: str) -> str | None:
        """The document's text as read (``dkg:text``): every offset of its graph refers to it."""
        node = ox.NamedNode(doc_iri)
        for q in self.db.quads_for_pattern(node, ox.NamedNode(str(DKG.text)), None, node):
            return q.object.value
        return None

    def document_shas(self) -> dict[str, str]:
        """Document IRI -> SHA-256 of the file it was read from, for every stored document."""
        sha = ox.NamedNode(str(DKG.sha256))
        return {q.subject.value: q.object.value for q in self.db.quads_for_pattern(None, sha, None, None)
                if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == q.subject.value}

    def put_document(self, doc_iri: str, sha256: str, quads: list[ox.Quad]) -> str:
        """Store one document's quads; returns ``added``, ``replaced`` or ``unchanged``."""
        old = self.document_sha(doc_iri)
        if old == sha256:
            return "unchanged"
        try:
            if old is None:
                self.db.extend(quads)
                status = "added"
            else:
                body = " .\n".join(str(ox.Triple(q.subject, q.predicate, q.object)) for q in quads)
                self.db.update(f"DROP SILENT GRAPH <{doc_iri}> ;\nINSERT DATA {{ GRAPH <{doc_iri}> {{\n{body} .\n}} }}")
                status = "replaced"
            self._unflushed += len(quads)
            if self._unflushed >= _FLUSH_EVERY:  # RocksDB's write buffers grow until flushed
                self.db.flush()
                self._unflushed = 0
            return status
        except OSError as e:
            why = "the disk is full; free some space and run again" if getattr(e, "errno", None) == errno.ENOSPC \
                else str(e)
            raise StoreError(f"{self.path}: writing {doc_iri} failed ({why}); the store still holds its "
                             "previous state") from None

    def add_documents(self, docs: Sequence[tuple[str, bytes | list[ox.Quad]]]) -> None:
        """Add NEW documents (none of them in the store yet) in one atomic bulk load: all or none.

        Each document is ``(document IRI, its quads)``, the quads as a list of :class:`pyoxigraph.Quad`
        or as N-Quads bytes (what :func:`kg.assemble.assemble_nquads` writes: loaded as they are, never
        parsed into Python objects).
        Keep a call under :data:`BATCH_QUADS` quads and :data:`BATCH_DOCUMENTS` documents.

        Why this is atomic (checked in the oxigraph 0.5 sources, lib/oxigraph/src/storage/rocksdb.rs,
        ``RocksDbStorageBulkLoader``, and rocksdb_wrapper.rs ``Db::insert_stt_files``): pyoxigraph's
        ``bulk_load``/``bulk_extend`` run one atomic bulk loader (not ``without_atomicity``). Each batch
        of up to ``DEFAULT_BULK_LOAD_BATCH_SIZE`` (1,000,000, lib/oxigraph/src/storage/mod.rs) quads is
        encoded by ``FileBulkLoader`` into sorted SST files, one per column family (id2str, graphs,
        spog, posg, ospg, gspo, gpos, gosp; written as ``bulk-<random>.sst`` in the store folder);
        nothing is written to the database until ``commit``, whose ``do_commit`` hands every SST file
        of the load to ONE ``insert_stt_files`` call, i.e. one RocksDB ``IngestExternalFiles`` over all
        column families, which RocksDB records in one atomic MANIFEST edit (rocksdb/db.h: if it fails
        or the process crashes, none of the files is ingested after recovery). Since our calls stay
        far under the batch size there is one batch, one set of SST files and one ingestion; a SIGKILL
        before it leaves only unused ``bulk-*.sst`` files, removed at the next writable open
        (_remove_staged_files). Seen too by killing a 1.2M-quad ``bulk_load`` (two batches) at random
        moments: the store then held all of it or none. The documents must be new: a bulk load adds,
        it never drops a graph, so a changed document goes through :meth:`put_document`."""
        if not docs:
            return
        try:
            for doc_iri, _ in docs:
                if self.db.contains_named_graph(ox.NamedNode(doc_iri)):
                    raise ValueError(f"{doc_iri} is already in the store; replace it with put_document")
            if all(isinstance(q, list) for _, q in docs):
                self.db.bulk_extend(itertools.chain.from_iterable(q for _, q in docs))
            else:
                data = b"".join(q if isinstance(q, bytes) else ox.serialize(q, format=ox.RdfFormat.N_QUADS)
                                for _, q in docs)
                # lenient: the IRIs were minted by kg.iris (or serialized by oxigraph): no need to check them again
                self.db.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
        except SyntaxError as e:  # a bug in writing the quads, not the user's input
            raise StoreError(f"{self.path}: the quads of {docs[0][0]}{' and others' if len(docs) > 1 else ''} "
                             f"are not valid N-Quads ({e}); nothing was written; please report this") from None
        except OSError as e:
            why = "the disk is full; free some space and run again" if getattr(e, "errno", None) == errno.ENOSPC \
                else str(e)
            first = docs[0][0] if len(docs) == 1 else f"{len(docs)} documents ({docs[0][0]}, ...)"
            raise StoreError(f"{self.path}: writing {first} failed ({why}); the store still holds its "
                             "previous state") from None

    def compact(self) -> None:
        """Compact the whole store (RocksDB full compaction; one atomic step per file set, so an
        interruption loses nothing). After many bulk loads, each left its SST files overlapping the
        others at level 0 until background compaction catches up; reads then look in every one of
        them, and queries take several times as long until the store is compacted."""
        try:
            self.db.optimize()
        except OSError as e:
            raise StoreError(f"{self.path}: compacting the store failed ({e}); it still holds every "
                             "document written") from None

    def remove_document(self, doc_iri: str) -> None:
        try:
            self.db.remove_graph(ox.NamedNode(doc_iri))
        except OSError as e:
            raise StoreError(f"{self.path}: removing {doc_iri} failed ({e})") from None

    def documents_from(self, identity: str) -> list[str]:
        """The documents read from the file ``identity`` (absolute path): the whole file, or its parts."""
        path = ox.NamedNode(str(DKG.sourcePath))
        identity = unicode_path(identity)  # as the graph holds it
        out = []
        for q in self.db.quads_for_pattern(None, path, None, None):
            v = q.object.value
            if (v == identity or (v.startswith(identity + "#part-") and v[len(identity) + 6:].isdigit())) \
                    and isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == q.subject.value:
                out.append(q.subject.value)
        return out

    def split_files(self) -> set[str]:
        """The files (absolute paths) stored as parts rather than as one document."""
        path = ox.NamedNode(str(DKG.sourcePath))
        out = set()
        for q in self.db.quads_for_pattern(None, path, None, None):
            base, sep, n = q.object.value.rpartition("#part-")
            if sep and n.isdigit():
                out.add(base)
        return out

    def documents(self) -> list[str]:
        """The IRIs of the stored documents (every named graph but the reference graph)."""
        return [g.value for g in self.db.named_graphs() if g.value != _REFERENCE.value]

    def graphs(self) -> list[str]:
        """Every named graph, the reference graph first, then the documents' (what a copy of the store needs)."""
        ref = [_REFERENCE.value] if self.db.contains_named_graph(_REFERENCE) else []
        return ref + self.documents()

    def reference_digest(self) -> str | None:
        """The gazetteer digest the reference graph was written from, or ``None`` when there is none."""
        for q in self.db.quads_for_pattern(_REFERENCE, ox.NamedNode(str(DKG.gazetteerDigest)), None, _REFERENCE):
            return q.object.value
        return None

    def put_reference(self, nquads: bytes) -> None:
        """Replace the reference graph with ``nquads`` (N-Quads of that graph alone), atomically: one bulk load
        when there is none yet, else one SPARQL update that drops the old graph and inserts the new."""
        try:
            if not self.db.contains_named_graph(_REFERENCE):
                self.db.bulk_load(nquads, format=ox.RdfFormat.N_QUADS, lenient=True)
                return
            triples = " .\n".join(str(ox.Triple(q.subject, q.predicate, q.object))
                                   for q in ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
            self.db.update(f"DROP SILENT GRAPH {_REFERENCE} ;\nINSERT DATA {{ GRAPH {_REFERENCE} {{\n{triples} .\n}} }}")
        except OSError as e:
            raise StoreError(f"{self.path}: writing the reference graph failed ({e}); the store still holds its "
                             "previous state") from None

    def graphs_of(self, subject: str) -> list[str]:
        """The named graphs (documents) that say something about ``subject``."""
        seen = []
        for q in self.db.quads_for_pattern(ox.NamedNode(subject), None, None, None):
            g = q.graph_name
            if isinstance(g, ox.NamedNode) and g.value not in seen:
                seen.append(g.value)
        return seen

    def __len__(self) -> int:
        return len(self.db)

    def state(self) -> str | None:
        """A fingerprint of what the store holds, for caches of answers derived from it (kg.paging): the
        database's files (names, sizes, times), which every write changes. A read-only store reads what its
        files held when it was opened; ``None`` when they changed while it was opening (cache nothing)."""
        return self._state if self.read_only else _files_state(self.path)

    # ---------------------------------------------------------------- queries
    def query(self, sparql: str, bindings: dict[str, Any] | None = None, *,
              graphs: Sequence[ox.NamedNode] | None = None) -> Any:
        """Run a query (never reaching outside the store: see :mod:`kg.sparql_guard`). The default graph
        is the union of every document, unless the query names its own with ``FROM`` / ``FROM NAMED``.
        With ``graphs`` (document graphs) the query sees only those and the reference graph: as its
        default graph (their union) and as the graphs ``GRAPH ?g`` ranges over."""
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        checked = sparql_guard.check(sparql, allow_load=True)  # a query cannot LOAD: the parser refuses updates
        self._check_dataset(checked)
        dataset: dict[str, Any] = {"use_default_graph_as_union": not checked.has_dataset}
        if graphs is not None and not checked.has_dataset:
            seen = [_REFERENCE, *graphs]
            dataset = {"default_graph": seen, "named_graphs": seen}
        try:
            return self.db.query(sparql, substitutions=subs or None, prefixes=PREFIXES, **dataset)
        except SyntaxError as e:
            msg = syntax_message(sparql, str(e), PREFIXES)
            if _UPDATE.match(sparql):
                msg += "; kg query only reads (SELECT, ASK, CONSTRUCT, DESCRIBE): SPARQL updates are refused"
            raise QueryError(f"the SPARQL query does not parse: {msg}") from None
        except OSError as e:
            raise QueryError(f"the query failed while reading {self.path}: {e}") from None
        except (RuntimeError, ValueError, TypeError) as e:
            if "Corruption" in str(e):
                raise _damaged(self.path, e) from None
            hint = ""
            if "projection" in str(e):
                hint = "; a bound parameter must appear in the SELECT clause (and GROUP BY, if any)"
            raise QueryError(f"the query cannot run: {e}{hint}") from None

    def _check_dataset(self, checked: sparql_guard.Checked) -> None:
        """Refuse a ``FROM`` / ``FROM NAMED`` graph the store does not hold: a dataset stays inside it."""
        for name in checked.default_graphs + checked.named_graphs:
            prefix, colon, local = name.partition(":")
            iri = PREFIXES[prefix] + local if colon and prefix in PREFIXES and not name.startswith("_:") else name
            try:
                held = self.db.contains_named_graph(ox.NamedNode(iri))
            except ValueError:
                held = False
            if not held:
                raise QueryError(f"FROM {name}: no such graph in {self.path}; a query reads only the store's "
                                 "own document graphs (list them with SELECT DISTINCT ?g { GRAPH ?g {} })")

    def update(self, sparql: str, *, allow_load: bool = False) -> None:
        """Run a SPARQL 1.1 Update as one transaction (``kg serve --allow-update``); ``LOAD`` of a URL
        only with ``allow_load`` (``kg serve --allow-load``)."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; updates need a writable store")
        self._check_dataset(sparql_guard.check(sparql, allow_load=allow_load))
        try:
            self.db.update(sparql, prefixes=PREFIXES)
        except SyntaxError as e:
            raise QueryError(f"the SPARQL update does not parse: {syntax_message(sparql, str(e), PREFIXES)}") from None
        except OSError as e:
            raise StoreError(f"{self.path}: the update failed ({e}); the store still holds its previous state") from None
        except (RuntimeError, ValueError, TypeError) as e:
            raise QueryError(f"the update cannot run: {e}") from None

    def select(self, sparql: str, bindings: dict[str, Any] | None = None, *, stream: bool = False,
               graphs: Sequence[ox.NamedNode] | None = None) -> Result:
        """A query's answer as rows (CONSTRUCT and DESCRIBE: subject, predicate, object). With ``stream`` the
        rows are an iterator read as the engine answers (memory does not grow with the answer: write them
        out while the store is open). ``graphs``: as in :meth:`query`."""
        res = self.query(sparql, bindings, graphs=graphs)
        if isinstance(res, ox.QuerySolutions):
            variables = [v.value for v in res.variables]
            rows = ([sol[v] for v in variables] for sol in res)
            return Result(variables, rows if stream else list(rows))
        if isinstance(res, ox.QueryBoolean):
            return Result(["result"], [[ox.Literal(str(bool(res)).lower(), datatype=ox.NamedNode(
                "http://www.w3.org/2001/XMLSchema#boolean"))]])
        triples = ([t.subject, t.predicate, t.object] for t in res)
        return Result(["subject", "predicate", "object"], triples if stream else list(triples))

    def triples(self) -> Iterator[ox.Triple]:
        """Every distinct triple of every document graph (the merged graph)."""
        res = self.db.query("SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        for sol in res:
            yield ox.Triple(sol["s"], sol["p"], sol["o"])

    def quads(self) -> Iterable[ox.Quad]:
        return self.db.quads_for_pattern(None, None, None, None)

    def dump(self, out: BinaryIO, fmt: ox.RdfFormat) -> None:
        try:
            if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):  # one named graph per document
                ox.serialize(self.quads(), out, format=fmt, prefixes=_prefixes(fmt))
            else:
                ox.serialize(self.triples(), out, format=fmt, prefixes=_prefixes(fmt))
        except BrokenPipeError:
            raise  # the reader went away (`kg export | head`): not a store problem
        except OSError as e:
            raise StoreError(f"writing the export failed: {e}") from None


_UPDATE = re.compile(r"\s*(?:(?:PREFIX|BASE)[^\n]*\n\s*|#[^\n]*\n\s*)*"
                     r"(?:INSERT|DELETE|DROP|CLEAR|LOAD|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)


def _files_state(path: Path) -> str:
    """The names, sizes and times of the database's data files (tables, write-ahead logs, manifest), as a
    digest: its own log (LOG) and lock files change without the data changing, so they are left out."""
    entries = []
    with os.scandir(path) as it:
        for e in it:
            if _DATA_FILE.match(e.name):
                st = e.stat()
                entries.append(f"{e.name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(sorted(entries)).encode("utf-8")).hexdigest()[:24]


_DATA_FILE = re.compile(r"\d+\.(?:sst|log)$|MANIFEST-\d+$|CURRENT$")


def stored_format(path: Path) -> int:
    """The format of the store at ``path``, as its marker says (a store made before markers, or before
    formats were numbered, is format 1)."""
    try:
        found = _FORMAT_LINE.match((Path(path) / MARKER).read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return 1
    return int(found.group(1)) if found else 1


def _write_marker(path: Path) -> None:
    tmp = path / (MARKER + ".tmp")
    tmp.write_text(_MARKER_TEXT.format(format=FORMAT), encoding="utf-8")
    tmp.replace(path / MARKER)


def _damaged(path: Path, e: Exception) -> StoreError:
    msg = " ".join(str(e).split())
    return StoreError(f"{path}: the store is damaged ({msg[:300]}); rebuild it: move the folder aside and run "
                      "`kg ingest` on your files again (then delete the old folder)")


def _remove_staged_files(path: Path) -> None:
    """Remove the SST files a bulk load staged and never ingested (it was killed): the store does not
    refer to them (an ingested file is linked under RocksDB's own numbered name), so they only take
    space. Called with the store open for writing, so no other process is loading into it."""
    for staged in path.glob("bulk-*.sst"):
        try:
            staged.unlink()
        except OSError:
            pass


def _prefixes(fmt: ox.RdfFormat) -> dict[str, str] | None:
    return export_prefixes() if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
