"""Open a page in headless Chromium with the network blocked: the DOM after the page's own script
ran, or a screenshot. Used by the browser tests, the render benchmark and the README screenshot.

The page reports what it did on ``<body>``: ``data-ready``, ``data-drawn-nodes`` (nodes the
network laid out and drew), ``data-search-result`` (for a ``#search=LABEL`` fragment).
"""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["FLAGS", "Loaded", "chromium", "load_page", "screenshot"]

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--hide-scrollbars",
         # no network: every request goes to a dead proxy, every name fails to resolve
         "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--host-resolver-rules=MAP * ~NOTFOUND"]


def chromium() -> str | None:
    """The Chromium binary (``$CHROMIUM``, else chromium / chromium-browser on PATH), or None."""
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "/usr/bin/chromium"):
        if name and (found := shutil.which(name)):
            return found
    return None


@dataclass
class Loaded:
    dom: str
    seconds: float

    def body(self, name: str) -> str | None:
        """A ``data-*`` attribute of <body> (``name`` without the prefix), unescaped."""
        m = re.search(r"<body\b([^>]*)>", self.dom)
        if not m:
            return None
        a = re.search(rf'\sdata-{re.escape(name)}="([^"]*)"', m.group(1))
        return html.unescape(a.group(1)) if a else None

    @property
    def title(self) -> str:
        m = re.search(r"<title>(.*?)</title>", self.dom, re.DOTALL)
        return html.unescape(m.group(1)) if m else ""


def _run(args: list[str], timeout: float) -> tuple[subprocess.CompletedProcess, float]:
    binary = chromium()
    if binary is None:
        raise FileNotFoundError("Chromium is not installed (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile:
        started = time.perf_counter()
        proc = subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                              text=True, timeout=timeout, check=False, encoding="utf-8", errors="replace")
        return proc, time.perf_counter() - started


def load_page(path: Path, fragment: str = "", *, budget_ms: int = 30000, timeout: float = 240,
              size: tuple[int, int] = (1400, 900)) -> Loaded:
    """Load ``path`` (``#fragment`` appended), let its scripts run up to ``budget_ms`` of virtual time,
    and return the DOM and the wall-clock seconds the browser took."""
    url = Path(path).resolve().as_uri() + (f"#{fragment}" if fragment else "")
    proc, secs = _run([f"--window-size={size[0]},{size[1]}", f"--virtual-time-budget={budget_ms}", "--dump-dom",
                       url], timeout)
    return Loaded(proc.stdout, secs)


def screenshot(path: Path, png: Path, fragment: str = "", *, size: tuple[int, int] = (1600, 1000),
               budget_ms: int = 30000, timeout: float = 240) -> Path:
    """A PNG of the page once its scripts have run."""
    url = Path(path).resolve().as_uri() + (f"#{fragment}" if fragment else "")
    png = Path(png).resolve()
    _run([f"--window-size={size[0]},{size[1]}", f"--virtual-time-budget={budget_ms}", f"--screenshot={png}", url],
         timeout)
    return png
