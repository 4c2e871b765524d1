"""Ingest at scale with bounded memory: one huge file and a folder of many small files.

    python bench/robust_scale.py [--big-mb 20,200] [--files 10000] [--jobs 1,2] [--keep DIR]

In a temporary folder it writes
  * huge text files of ``--big-mb`` MB each (the bundled statements repeated), ingested in parts
    (one document per ~1 MB part): the peak RSS should not grow with the file's size; and the biggest
    one again with ``--max-size 5``, refused before it is read;
  * ``--files`` small statements (slices of the bundled ones, each with its own header) ingested with
    each ``--jobs`` value, and a tenth as many, to show memory does not grow with the number of files.
Each run is a fresh ``kg ingest`` process; wall time and peak RSS (the largest process: the writer or a
worker, from ``wait4``) are printed. Run on demand; not part of the unit tests.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATEMENTS = ROOT / "data" / "statements"


def corpus_bytes() -> bytes:
    return b"\n\n".join(p.read_bytes() for p in sorted(STATEMENTS.glob("*.txt")))


def write_big(path: Path, mb: float) -> int:
    chunk = corpus_bytes() + b"\n\n"
    target = int(mb * 1024 * 1024)
    written = 0
    with path.open("wb") as fh:
        while written < target:
            piece = chunk[: target - written]
            fh.write(piece)
            written += len(piece)
    return written


def write_small(folder: Path, n: int) -> int:
    """``n`` statements of about 1-2 KB: paragraphs of the bundled corpus under a header of their own."""
    paragraphs = [p.strip() for p in corpus_bytes().decode("utf-8").split("\n\n") if len(p.strip()) > 80]
    total = 0
    for i in range(n):
        body = "\n\n".join(paragraphs[(i * 3 + k) % len(paragraphs)] for k in range(3))[:1800]
        text = (f"Statement no. {i} by the Permanent Representative of the Russian Federation at the UN "
                f"Security Council, New York, {1 + i % 28} March 2021\n\n{body}\n")
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        data = text.encode("utf-8")
        (sub / f"s{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def run(args: list[str], cwd: Path) -> tuple[int, float, float, str]:
    """Exit code, wall seconds, peak RSS in MB (largest process of the run), last stderr line
    (with the CPU seconds of all its processes appended)."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "kg", *args], cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    err_lines: list[str] = []
    assert proc.stderr is not None
    for line in proc.stderr:  # drain while it runs (the progress bar writes here)
        err_lines.append(line.rstrip("\n"))
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    secs = time.perf_counter() - started
    last = next((x.split("\r")[-1] for x in reversed(err_lines) if x.strip()), "")
    last += f"  [cpu {usage.ru_utime + usage.ru_stime:.1f} s]"
    return proc.returncode, secs, usage.ru_maxrss / 1024, last


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--big-mb", default="20,200", help="sizes (MB) of the huge files, comma-separated")
    ap.add_argument("--files", type=int, default=10_000, help="number of small files")
    ap.add_argument("--jobs", default="1,2", help="--jobs values for the many-files run")
    ap.add_argument("--keep", type=Path, help="work here (kept) instead of a temporary folder")
    a = ap.parse_args()
    work = a.keep or Path(tempfile.mkdtemp(prefix="kg-robust-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"work folder: {work}  (cpus: {os.cpu_count()}, load {os.getloadavg()[0]:.1f})")
    try:
        for mb in (float(x) for x in a.big_mb.split(",") if x):
            big = work / f"huge-{mb:g}MB.txt"
            n = write_big(big, mb)
            rc, secs, rss, last = run(["ingest", str(big), "--store", str(work / "st-huge"), "-q"], work)
            print(f"huge file {n / 1e6:.0f} MB, read in parts: exit {rc} in {secs:.0f} s "
                  f"({n / 1e6 / secs:.2f} MB/s), peak RSS {rss:.0f} MB")
            rc, secs, rss, last = run(["ingest", str(big), "--store", str(work / "st-refuse"), "--max-size", "5"], work)
            print(f"    with --max-size 5: exit {rc} in {secs:.2f} s, peak RSS {rss:.0f} MB\n    {last}")
            big.unlink()
            shutil.rmtree(work / "st-huge", ignore_errors=True)
            shutil.rmtree(work / "st-refuse", ignore_errors=True)

        for count in (max(1, a.files // 10), a.files):
            folder = work / f"small-{count}"
            folder.mkdir()
            size = write_small(folder, count)
            for jobs in a.jobs.split(","):
                store = work / f"st-small-{count}-j{jobs}"
                rc, secs, rss, last = run(["ingest", str(folder), "--store", str(store), "--jobs", jobs], work)
                print(f"{count} small files ({size / 1e6:.1f} MB), --jobs {jobs}: exit {rc} in {secs:.1f} s "
                      f"({count / secs:.0f} docs/s, {size / 1e6 / secs:.2f} MB/s), peak RSS {rss:.0f} MB\n    {last}")
                shutil.rmtree(store, ignore_errors=True)
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        if a.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
