"""`kg push` / `kg query --endpoint` with user:password in the URL: the password authenticates, and is
never echoed in a message (nor kept in the push state)."""
from __future__ import annotations

import base64
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import TINY_STATEMENT


class Refusing(BaseHTTPRequestHandler):
    seen: list[str] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        Refusing.seen.append(self.headers.get("Authorization", ""))
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b"not you"
        challenge = not self.headers.get("Authorization")
        self.send_response(401 if challenge else 403)
        if challenge:
            self.send_header("WWW-Authenticate", 'Basic realm="x"')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def refusing() -> Iterator[int]:
    Refusing.seen = []
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Refusing)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv.server_address[1]
    srv.shutdown()
    srv.server_close()


def test_remote_push_never_echoes_a_password_from_the_url(refusing: int, tmp_path: Path, run_kg, write_texts) -> None:
    store = tmp_path / "store"
    assert run_kg("ingest", write_texts({"a.txt": TINY_STATEMENT}), "--store", store).returncode == 0
    url = f"http://bob:s3cr%40t@127.0.0.1:{refusing}/sparql"
    state = tmp_path / "state.json"
    proc = run_kg("push", "--endpoint", url, "--store", store, "--state", state)
    assert proc.returncode == 1 and f"127.0.0.1:{refusing}/sparql" in proc.stderr
    assert "s3cr" not in proc.stderr + proc.stdout and "Traceback" not in proc.stderr
    assert Refusing.seen[-1] == "Basic " + base64.b64encode(b"bob:s3cr@t").decode()
    assert not state.exists() or "s3cr" not in state.read_text()
    proc = run_kg("query", "statements", "--endpoint", url)
    assert proc.returncode == 1 and "s3cr" not in proc.stderr
    proc = run_kg("push", "--endpoint", "ftp://bob:s3cret@example.org/x", "--store", store)
    assert proc.returncode == 1 and "s3cret" not in proc.stderr
