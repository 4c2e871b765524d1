"""``kg push``: copy the store's documents (one named graph each) to an external SPARQL 1.1 server.

Each document graph is sent whole, either with the Graph Store HTTP Protocol (one PUT per graph,
which replaces it atomically on the server) or with SPARQL Update (``DROP SILENT GRAPH`` then
``INSERT DATA`` in batches small enough for any server). A small state file beside the store records,
per server, the sha256 of each document pushed; it is rewritten after each graph succeeds, so an
interrupted push resumes where it stopped, and a re-push of an unchanged document sends nothing.
Documents removed from the store since the last push are dropped on the server.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, RemoteError, StoreError
from kg.remote import Remote
from kg.store import Store

__all__ = ["PushReport", "insert_batches", "push", "state_path_for"]

STATE_VERSION = 1
BATCH_TRIPLES = 200  # per INSERT DATA: Virtuoso 7 refuses updates that compile to over 10,000 lines of SQL
BATCH_BYTES = 256 * 1024  # of N-Triples text per INSERT DATA, whatever the count


@dataclass
class PushReport:
    sent: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    triples: int = 0
    requests: int = 0


def state_path_for(store_dir: Path) -> Path:
    """The push state file of a store: ``<store>.push.json`` beside the store folder."""
    p = Path(store_dir)
    return p.with_name(p.name + ".push.json")


def _load_state(path: Path) -> dict[str, Any]:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"version": STATE_VERSION, "targets": {}}
    except (OSError, ValueError) as e:
        raise StoreError(f"{path}: the push state cannot be read ({e}); delete it to push everything again") from None
    if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
        raise StoreError(f"{path}: not a push state file of this version; delete it to push everything again")
    return state


def _save_state(path: Path, state: dict[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as e:
        raise StoreError(f"{path}: cannot write the push state ({e.strerror or e})") from None


def _graph_triples(store: Store, graph: str) -> list[ox.Triple]:
    res = store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": ox.NamedNode(graph)})
    return [ox.Triple(sol["s"], sol["p"], sol["o"]) for sol in res]


def _marker(store: Store, graph: str, triples: list[ox.Triple]) -> str:
    """The document's sha256 as ingested; for a graph not made by ingest, a hash of its content."""
    sha = store.document_sha(graph)
    if sha is not None:
        return sha
    lines = sorted(str(t) for t in triples)
    return "content:" + hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def insert_batches(graph: str, triples: list[ox.Triple], max_triples: int = BATCH_TRIPLES,
                   max_bytes: int = BATCH_BYTES) -> Iterable[str]:
    """``INSERT DATA`` updates for ``triples`` into ``graph``, each of at most ``max_triples`` triples
    and about ``max_bytes`` of data.
    A graph with blank nodes goes in one update, so that each blank node stays one node."""
    lines = [str(t) + " ." for t in triples]
    if any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples):
        max_triples, max_bytes = len(lines), 1 << 62
    batch: list[str] = []
    size = 0
    for line in lines:
        n = len(line.encode("utf-8")) + 1
        if batch and (size + n > max_bytes or len(batch) >= max_triples):
            yield f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(batch) + "\n} }"
            batch, size = [], 0
        batch.append(line)
        size += n
    if batch:
        yield f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(batch) + "\n} }"


def push(store: Store, remote: Remote, state_path: Path, *, force: bool = False, batch_size: int = BATCH_TRIPLES,
         on_graph: Callable[[str, str, int], None] | None = None) -> PushReport:
    """Send every changed document graph of ``store`` to ``remote``; drop the ones removed locally.

    ``on_graph(graph, status, triples)`` is called after each graph (status ``sent``, ``unchanged``
    or ``removed``)."""
    state = _load_state(state_path)
    target = remote.graph_store or remote.update_endpoint
    pushed: dict[str, str] = state["targets"].setdefault(target, {})
    report = PushReport()
    local = store.graphs()  # the documents and the reference graph
    for graph in local:
        triples = _graph_triples(store, graph)
        marker = _marker(store, graph, triples)
        if not force and pushed.get(graph) == marker:
            report.unchanged.append(graph)
            if on_graph:
                on_graph(graph, "unchanged", len(triples))
            continue
        pushed.pop(graph, None)  # until the whole graph is on the server
        _save_state(state_path, state)
        if remote.graph_store is not None:
            remote.put_graph(graph, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
            report.requests += 1
        else:
            remote.update(f"DROP SILENT GRAPH <{graph}>")
            report.requests += 1
            for update in insert_batches(graph, triples, batch_size):
                try:
                    remote.update(update)
                except QueryError as e:  # a server refusing a well-formed INSERT DATA: usually its size
                    raise RemoteError(f"{e}; if the server finds the update too large, push again with a "
                                      f"smaller --batch-size (now {batch_size})") from None
                report.requests += 1
        pushed[graph] = marker
        _save_state(state_path, state)
        report.sent.append(graph)
        report.triples += len(triples)
        if on_graph:
            on_graph(graph, "sent", len(triples))
    for graph in sorted(set(pushed) - set(local)):
        remote.delete_graph(graph)
        report.requests += 1
        del pushed[graph]
        _save_state(state_path, state)
        report.removed.append(graph)
        if on_graph:
            on_graph(graph, "removed", 0)
    return report
