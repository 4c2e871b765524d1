"""Named queries read: every row names its statement's heading (cleaned) and its document's file name,
and no named query returns a row twice (on the bundled corpus, each with its @example parameters)."""
from __future__ import annotations

import csv
import io
import shlex

import pytest

from conftest import CORPUS_FILES, run_kg_in
from kg.query import named_queries

QUERIES = named_queries()


def _example_params(example: str | None) -> list[str]:
    toks = shlex.split(example or "")
    return [toks[i + 1] for i, t in enumerate(toks) if t in ("--param", "-p")]


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_readable_rows_carry_heading_and_file_and_come_once(corpus_store, tmp_path, name):
    store, _ = corpus_store
    args = ["query", name, "--store", store, "--format", "csv"]
    for p in _example_params(QUERIES[name].example):
        args += ["-p", p]
    proc = run_kg_in(tmp_path, *args)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.reader(io.StringIO(proc.stdout)))
    header, body = rows[0], rows[1:]
    assert body, f"{name} returned nothing on the bundled corpus"
    assert len({tuple(r) for r in body}) == len(body), f"{name} returns duplicate rows"
    heading = "heading" if "heading" in header else "headings"
    file = "file" if "file" in header else "files"
    for r in body:
        row = dict(zip(header, r))
        assert row[heading].strip() and row[file].strip(), row
        assert "**" not in row[heading] and "S T A T" not in row[heading], row[heading]
        files = row[file].split(" | ")
        assert set(files) <= set(CORPUS_FILES) and len(set(files)) == len(files), row[file]
        if heading == "headings":
            assert len(set(row[heading].split(" | "))) == len(row[heading].split(" | "))
