"""`kg ingest --jobs N` extracts in N processes and writes through one writer: the store it makes
is the one `--jobs 1` makes, failures are reported the same way, and re-runs skip unchanged files."""
from __future__ import annotations

import re

from conftest import STATEMENTS_DIR, TINY_STATEMENT, copy_corpus, run_kg_in

SUMMARY = re.compile(r"^(\d+ document\(s\): .*?) in [\d.]+ s \([\d.]+ MB/s\)(.*)$", re.MULTILINE)


def sorted_nquads(store, cwd) -> list[str]:
    proc = run_kg_in(cwd, "export", "--format", "nquads", "--store", store)
    assert proc.returncode == 0, proc.stderr
    return sorted(line for line in proc.stdout.splitlines() if line.strip())


def test_ingest_jobs_two_workers_make_the_same_store_as_one(tmp_path):
    corpus = copy_corpus(tmp_path / "corpus")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "tiny.txt").write_text(TINY_STATEMENT, encoding="utf-8")
    (corpus / "sub" / "blank.txt").write_text("  \n", encoding="utf-8")
    (corpus / "sub" / "scan.txt").write_bytes(b"%PDF-1.4\n")
    (corpus / "page.html").write_text("<p>" + TINY_STATEMENT.replace("\n\n", "</p><p>") + "</p>", encoding="utf-8")
    runs = {}
    for jobs in ("1", "2", "3"):
        store = tmp_path / f"store{jobs}"
        proc = run_kg_in(tmp_path, "ingest", corpus, "--store", store, "--jobs", jobs)
        assert proc.returncode == 1, proc.stderr  # two unreadable files
        errors = [line for line in proc.stderr.splitlines() if line.startswith("Error: ")]
        summary = SUMMARY.search(proc.stderr)
        assert summary, proc.stderr
        runs[jobs] = (sorted_nquads(store, tmp_path), errors, summary.group(1), summary.group(2))
    assert runs["1"][0], "the store holds quads"
    assert runs["2"] == runs["1"] and runs["3"] == runs["1"]
    assert runs["1"][2].startswith(f"{len(list(STATEMENTS_DIR.glob('*.txt'))) + 2} document(s)")
    assert runs["1"][3] == "; 2 failed"
    # a re-run with workers skips every unchanged document and changes nothing
    again = run_kg_in(tmp_path, "ingest", corpus, "--store", tmp_path / "store1", "--jobs", "2")
    assert "0 added, 0 replaced, 7 unchanged" in again.stderr
    assert sorted_nquads(tmp_path / "store1", tmp_path) == runs["1"][0]


def test_ingest_jobs_library_api_reports_like_in_process(tmp_path, write_texts):
    from kg.ingest import ingest
    from kg.store import Store

    folder = write_texts({"a.txt": TINY_STATEMENT, "b.txt": TINY_STATEMENT.replace("Switzerland", "France"),
                          "c.txt": "", "d.htm": "<p>" + TINY_STATEMENT + "</p>"})
    reports = {}
    for jobs in (1, 2):
        seen = []
        with Store(tmp_path / f"st{jobs}") as store:
            r = ingest([folder], store, jobs=jobs, on_start=seen.append,
                       on_file=lambda p, status, seen=seen: seen.append((p.name, status)))
            n = len(store)
        reports[jobs] = (r.added, r.failed, r.statements, r.quads, r.chars, r.bytes, seen, n)
    assert reports[2] == reports[1]
    assert reports[1][6] == [4, ("a.txt", "added"), ("b.txt", "added"), ("c.txt", "failed"), ("d.htm", "added")]


def test_ingest_jobs_window_bounded_by_bytes_keeps_file_order(tmp_path, write_texts, monkeypatch):
    """With room for one file's bytes at a time, the workers still give every file, in order."""
    import kg.ingest as ingest_module
    from kg.store import Store

    texts = {f"{i:02d}.txt": TINY_STATEMENT.replace("Switzerland", name) + "\n" + "More words. " * (i * 40)
             for i, name in enumerate(["France", "Chile", "Kenya", "Japan", "Peru", "Ghana", "Nepal"])}
    folder = write_texts(texts)
    smallest = min(len(t.encode()) for t in texts.values())
    monkeypatch.setattr(ingest_module, "_WINDOW_BYTES", smallest)
    seen: list[str] = []
    with Store(tmp_path / "st") as store:
        report = ingest_module.ingest([folder], store, jobs=2, on_file=lambda p, status: seen.append(p.name))
    assert seen == sorted(texts) and len(report.added) == len(texts)
