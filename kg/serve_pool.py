"""The worker processes behind ``kg serve``: each query or update runs in one, under a time and a
memory budget, and the pool hands workers out fairly.

Why processes: pyoxigraph can neither cancel a query nor bound what it allocates. A worker past the
time limit is killed and replaced (503). Each worker's data memory (heap and private mappings,
``RLIMIT_DATA``) is capped at what it uses once it has opened the store plus the budget (unlike
``RLIMIT_AS`` it does not count the ~500 MB of address space RocksDB reserves without using it): a query that sorts or joins past the cap makes the allocator fail,
the worker aborts, and the client gets 503 while the pool starts another. A result bigger than a
quarter of the budget is refused too, so the server process never holds more than that per answer.

Fairness: at most ``queue_max`` requests wait for a worker (more get 503 at once), and one client
address holds at most ``size - 1`` workers (1 with a single worker), so a client sending slow queries
cannot keep every worker from the others.
"""
from __future__ import annotations

import multiprocessing as mp
import signal
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

__all__ = ["GRAPH_TYPES", "QUERY_TYPES", "Pool", "Reply", "negotiate"]

# media type -> pyoxigraph format name, first one the default
QUERY_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
GRAPH_TYPES = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "text/plain": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML",
    "application/ld+json": "JSON_LD",
    "application/n-quads": "N_QUADS",
    "application/trig": "TRIG",
}


class Reply(Exception):
    """An HTTP answer other than 200, with a plain-text message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def negotiate(accept: str | None, offered: dict[str, str]) -> str | None:
    """The media type of ``offered`` the ``Accept`` header prefers (q-values, ``type/*``, ``*/*``);
    the first offered type when there is no header; ``None`` when nothing offered is acceptable."""
    if not accept or not accept.strip():
        return next(iter(offered))
    best: tuple[tuple[float, int, int], str] | None = None
    for order, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        mtype, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q <= 0 or "/" not in mtype:
            continue
        if mtype == "*/*":
            cand = next(iter(offered))
        elif mtype.endswith("/*"):
            cand = next((t for t in offered if t.startswith(mtype[:-1])), None)
        else:
            cand = mtype if mtype in offered else None
        if cand is None:
            continue
        key = (q, 0 if "*" in mtype else 1, -order)  # higher q, then more specific, then earlier
        if best is None or key > best[0]:
            best = (key, cand)
    return best[1] if best else None


# ---------------------------------------------------------------- workers (separate processes)
def _serialize(res: Any, accept: str | None) -> tuple[str, bytes]:
    import pyoxigraph as ox

    if isinstance(res, ox.QueryTriples):
        mtype = negotiate(accept, GRAPH_TYPES)
        if mtype is None:
            raise Reply(406, f"a CONSTRUCT/DESCRIBE result can be sent as {', '.join(GRAPH_TYPES)}; "
                             f"none of them is in Accept: {accept}")
        return mtype, res.serialize(format=getattr(ox.RdfFormat, GRAPH_TYPES[mtype]))
    mtype = negotiate(accept, QUERY_TYPES)
    if mtype is None:
        raise Reply(406, f"a SELECT/ASK result can be sent as {', '.join(QUERY_TYPES)}; "
                         f"none of them is in Accept: {accept}")
    return mtype, res.serialize(format=getattr(ox.QueryResultsFormat, QUERY_TYPES[mtype]))


def _answer(store: Any, op: str, text: str, accept: str | None, allow_load: bool,
            max_result: int) -> tuple:
    from kg.errors import QueryError, StoreError

    plain = "text/plain; charset=utf-8"
    try:
        if op == "update":
            store.update(text, allow_load=allow_load)
            return 204, "text/plain", b""
        nxt: tuple = ()
        if op == "page":
            status, mtype, body, cursor = _page_answer(store, text, accept)
            if status != 200:
                return status, mtype, body
            nxt = (cursor,)
        else:
            mtype, body = _serialize(store.query(text), accept)  # evaluation happens here, while serializing
        if len(body) > max_result:
            return 503, plain, (f"the answer is {len(body) / 1e6:.0f} MB, over this server's limit of "
                                f"{max_result / 1e6:.0f} MB per answer; add a LIMIT, or raise kg serve "
                                "--memory").encode()
        return (200, mtype + ("; charset=utf-8" if mtype.startswith("text/") else ""), body, *nxt)
    except Reply as r:
        return r.status, plain, r.message.encode()
    except QueryError as e:
        return 400, plain, str(e).encode()
    except StoreError as e:
        return 503, plain, str(e).encode()
    except (OSError, RuntimeError, ValueError, TypeError) as e:  # raised while evaluating lazily
        return 400, plain, f"the query cannot run: {e}".encode()


def _page_answer(store: Any, request: str, accept: str | None) -> tuple[int, str, bytes, str | None]:
    """One page of a named query (``request``: JSON of its name, parameter values, limit, offset and
    cursor), read as ``kg query --limit`` reads it (kg.query.run_page: by keys where the query has them),
    sent in the format asked for, and the next page's cursor (``None``: the last page)."""
    import json

    import pyoxigraph as ox

    from kg.errors import KgError
    from kg.query import load_query, run_page, values_clause

    asked = json.loads(request)
    try:
        got = run_page(store, load_query(asked["name"]), asked["values"], limit=asked["limit"],
                       offset=asked["offset"], after=asked["after"])
    except KgError as e:
        return 400, "text/plain; charset=utf-8", str(e).encode(), None
    # the rows as a SPARQL result, so that every result format is written by the engine's own writers
    names = " ".join("?" + v for v in got.variables)
    res = ox.Store().query(f"SELECT {names} WHERE {{ {values_clause(got.variables, got.rows)} }}")
    mtype, data = _serialize(res, accept)
    return 200, mtype, data, got.next


def _limit_memory(memory_mb: int) -> None:
    """Cap the process's data memory at what it uses now plus ``memory_mb``."""
    import resource

    used = 0
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            used = next((int(line.split()[1]) * 1024 for line in fh if line.startswith("VmData:")), 0)
    except OSError:
        pass
    limit = used + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


def _quiet_stderr() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


def _worker(conn: Any, store_path: str, read_only: bool, allow_load: bool, memory_mb: int) -> None:
    """Answer (op, text, accept) requests from ``conn`` until it closes."""
    from kg.errors import KgError
    from kg.store import Store

    try:
        held = None if read_only else Store(Path(store_path))
        if held is None:
            Store(Path(store_path), read_only=True).close()  # what opening costs is not the queries' budget
    except KgError as e:
        conn.send(("failed", str(e)))
        return
    _limit_memory(memory_mb)  # after the imports and the open: what is left is the queries' budget
    _quiet_stderr()  # the allocator's last words when over budget are the server's to say, as a 503
    conn.send(("ready", ""))  # time limits count from here
    max_result = memory_mb * 1024 * 1024 // 4
    while True:
        try:
            op, text, accept = conn.recv()
        except (EOFError, OSError):
            break
        try:
            if held is not None:
                reply = _answer(held, op, text, accept, allow_load, max_result)
            else:  # reopen for each request: the answer reflects the store as it is now
                with Store(Path(store_path), read_only=True) as store:
                    reply = _answer(store, op, text, accept, allow_load, max_result)
        except KgError as e:
            reply = (503, "text/plain; charset=utf-8", str(e).encode())
        except Exception as e:  # noqa: BLE001 - e.g. the store changing under a reader: answer, never die
            reply = (503, "text/plain; charset=utf-8",
                     f"the store could not be read ({type(e).__name__}: {e}); try again".encode())
        conn.send(reply)
    if held is not None:
        held.close()


class Pool:
    """Worker processes handing out answers, fairly; a worker past the time limit is killed and replaced."""

    def __init__(self, store: Path, *, read_only: bool, size: int, timeout: float, memory_mb: int = 1024,
                 allow_load: bool = False, queue_max: int | None = None) -> None:
        self._ctx = mp.get_context("spawn")  # no fork of a threaded server holding a store
        self._store, self._read_only, self._timeout = str(store), read_only, timeout
        self._allow_load, self._memory_mb = allow_load, memory_mb
        self._size = size
        self._queue_max = queue_max if queue_max is not None else 4 * size
        self._cond = threading.Condition()
        self._idle: list[tuple[Any, Any]] = []
        self._held: Counter[str] = Counter()  # workers in use, by client address
        self._waiting = 0
        self._all: list[Any] = []
        try:
            for _ in range(size):
                self._give_back(self._spawn())
        except Reply:
            self.close()
            raise

    def _spawn(self) -> tuple[Any, Any]:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker, daemon=True,
                                 args=(child, self._store, self._read_only, self._allow_load, self._memory_mb))
        proc.start()
        child.close()
        with self._cond:
            self._all.append(proc)
        status, message = "failed", "the worker did not start within 120 s"
        try:
            if parent.poll(120):
                status, message = parent.recv()
        except (EOFError, OSError):
            message = "the worker exited while starting"
        if status != "ready":
            self._retire(proc, parent)
            raise Reply(503, message)
        return proc, parent

    def _give_back(self, worker: tuple[Any, Any] | None, client: str | None = None) -> None:
        with self._cond:
            if client is not None:
                self._held[client] -= 1
            if worker is not None:
                self._idle.append(worker)
            self._cond.notify_all()

    def _replace(self) -> None:
        """Start a worker in place of a retired one, in the background (the caller answers at once)."""
        def start() -> None:
            for _ in range(3):
                try:
                    self._give_back(self._spawn())
                    return
                except Reply:
                    continue
        threading.Thread(target=start, daemon=True).start()

    def _retire(self, proc: Any, conn: Any) -> None:
        proc.kill()
        proc.join(5)
        conn.close()
        with self._cond:
            if proc in self._all:
                self._all.remove(proc)

    def _take(self, client: str) -> tuple[Any, Any]:
        """An idle worker for ``client``: waits in line (up to the time limit) while every worker is busy
        or the client already holds its share."""
        share = max(1, self._size - 1)
        deadline = time.monotonic() + self._timeout
        with self._cond:
            if self._waiting >= self._queue_max:
                raise Reply(503, f"{self._waiting} requests are already waiting for a worker; try again later")
            self._waiting += 1
            try:
                while not self._idle or self._held[client] >= share:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise Reply(503, f"every worker is busy; try again (the time limit is {self._timeout:g} s)")
                    self._cond.wait(left)
                self._held[client] += 1
                return self._idle.pop(0)
            finally:
                self._waiting -= 1

    def run(self, op: str, text: str, accept: str | None, client: str = "") -> tuple:
        """The answer to one request: ``(status, content type, body)``; a "page" request's answer also
        holds the next page's cursor (``None`` on the last page)."""
        proc, conn = self._take(client)
        try:
            conn.send((op, text, accept))
            if conn.poll(self._timeout):
                reply = conn.recv()
                self._give_back((proc, conn), client)
                return reply
        except (EOFError, OSError):
            self._retire(proc, conn)
            self._give_back(None, client)
            self._replace()
            if proc.exitcode == -signal.SIGABRT:  # the allocator failed: over RLIMIT_DATA
                raise Reply(503, f"the {op} needed more memory than this server's budget of {self._memory_mb} MB "
                                 "per query and was stopped (narrow it, or raise kg serve --memory)") from None
            raise Reply(500, "the worker answering this request died; it is being replaced") from None
        self._retire(proc, conn)  # past the limit: stop it for real
        self._give_back(None, client)
        self._replace()
        raise Reply(503, f"the {op} ran longer than the time limit of {self._timeout:g} s and was stopped "
                         "(raise it with kg serve --timeout)")

    def close(self) -> None:
        """Stop every worker: an idle one by closing its pipe (it closes its store and exits), a busy
        one or one that does not exit within 10 s by killing it."""
        with self._cond:
            idle, self._idle = self._idle, []
        for proc, conn in idle:
            conn.close()
            proc.join(10)
        with self._cond:
            procs = list(self._all)
        for p in procs:
            if p.is_alive():
                p.kill()
            p.join(5)
