"""The evaluation contract of the shipped queries on the bundled corpus: columns, offsets, the analyst
queries, every output format, and parameters that are data, never SPARQL text."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from conftest import CORPUS_FILES, run_kg_in, stats_json
from kg.kinds import KINDS

CONTRACT = {
    "statements": ["statement", "document", "start", "end", "kind", "date", "speakers", "on_behalf_of", "event",
                   "forum", "place"],
    "mentions": ["statement", "entity", "type", "label"],
    "relations": ["subject", "subject_label", "predicate", "object", "object_label"],
}
ENTITY_TYPES = set(KINDS)
ANALYST_QUERIES = [
    ("resolution-mentions", "resolution=75/240"),
    ("state-mentions", "state=RUS"),
    ("forum-speakers", "forum=OEWG"),
    ("resolution-states", "resolution=A/RES/75/240"),
]
HOSTILE = 'x" } ; DROP ALL ; #'


def query_csv(store: Path, cwd: Path, name: str, *params: str) -> tuple[list[str], list[dict[str, str]]]:
    args = ["query", name, "--format", "csv", "--store", store]
    for p in params:
        args += ["--param", p]
    proc = run_kg_in(cwd, *args)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    reader = csv.DictReader(io.StringIO(proc.stdout))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


@pytest.fixture(scope="module")
def statements_csv(corpus_store, tmp_path_factory):
    store, _ = corpus_store
    return query_csv(store, tmp_path_factory.mktemp("q"), "statements")


@pytest.mark.parametrize("name", list(CONTRACT))
def test_query_contract_columns(corpus_store, tmp_path, name):
    store, _ = corpus_store
    header, rows = query_csv(store, tmp_path, name)
    assert header[:len(CONTRACT[name])] == CONTRACT[name]
    assert rows, f"{name} returned no rows on the bundled corpus"


def test_query_statements_cover_every_document(statements_csv, corpus_store):
    _, corpus = corpus_store
    _, rows = statements_csv
    assert {Path(r["document"]).resolve() for r in rows} == {(corpus / f).resolve() for f in CORPUS_FILES}
    assert len({r["statement"] for r in rows}) == len(rows), "a statement appears on more than one row"


def test_query_statements_offsets_within_document_text(statements_csv):
    _, rows = statements_csv
    texts: dict[str, str] = {}
    for r in rows:
        assert re.fullmatch(r"\d+", r["start"]) and re.fullmatch(r"\d+", r["end"]), (r["start"], r["end"])
        start, end = int(r["start"]), int(r["end"])
        if r["document"] not in texts:
            texts[r["document"]] = Path(r["document"]).read_text(encoding="utf-8")
        text = texts[r["document"]]
        assert 0 <= start < end <= len(text), (r["statement"], start, end, len(text))
        assert text[start:end].strip(), f"{r['statement']}: no text at [{start}:{end}]"


def test_query_statements_do_not_overlap_within_a_document(statements_csv):
    _, rows = statements_csv
    by_doc: dict[str, list[tuple[int, int]]] = {}
    for r in rows:
        by_doc.setdefault(r["document"], []).append((int(r["start"]), int(r["end"])))
    for doc, spans in by_doc.items():
        spans.sort()
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            assert e1 <= s2, f"{doc}: [{s1}:{e1}] overlaps [{s2}:{e2}]"


def test_query_mentions_types_and_labels(corpus_store, tmp_path):
    store, _ = corpus_store
    _, rows = query_csv(store, tmp_path, "mentions")
    assert {r["type"] for r in rows} <= ENTITY_TYPES
    assert {"State", "Organization", "Person"} <= {r["type"] for r in rows}
    assert all(r["label"].strip() for r in rows)
    assert all(r["entity"].startswith(("http://", "https://")) for r in rows)


def test_query_relations_predicates_are_iris(corpus_store, tmp_path):
    store, _ = corpus_store
    _, rows = query_csv(store, tmp_path, "relations")
    for r in rows:
        for col in ("subject", "predicate", "object"):
            assert r[col].startswith(("http://", "https://")), (col, r)


@pytest.mark.parametrize("name,param", ANALYST_QUERIES, ids=[q for q, _ in ANALYST_QUERIES])
def test_query_analyst_query_returns_rows(corpus_store, tmp_path, name, param):
    store, _ = corpus_store
    header, rows = query_csv(store, tmp_path, name, param)
    assert rows, f"{name} --param {param} returned no rows on the bundled corpus"
    bound = param.split("=", 1)[0]
    assert bound in header
    assert len({r[bound] for r in rows}) == 1, "every row should carry the bound parameter"


def test_query_resolution_symbol_forms_agree(corpus_store, tmp_path):
    store, _ = corpus_store
    _, short = query_csv(store, tmp_path, "resolution-states", "resolution=75/240")
    _, full = query_csv(store, tmp_path, "resolution-states", "resolution=A/RES/75/240")
    assert short == full and short


@pytest.fixture(scope="module")
def statements_in_every_format(corpus_store, tmp_path_factory):
    store, _ = corpus_store
    cwd = tmp_path_factory.mktemp("fmt")
    out = {}
    for fmt in ("table", "csv", "tsv", "json"):
        proc = run_kg_in(cwd, "query", "statements", "--format", fmt, "--store", store)
        assert proc.returncode == 0, (fmt, proc.stderr)
        assert proc.stderr == ""
        out[fmt] = proc.stdout
    return out


def test_query_format_json_is_sparql_results(statements_in_every_format):
    data = json.loads(statements_in_every_format["json"])
    assert data["head"]["vars"][:len(CONTRACT["statements"])] == CONTRACT["statements"]
    bindings = data["results"]["bindings"]
    assert isinstance(bindings, list) and bindings
    for b in bindings:
        assert set(b) <= set(data["head"]["vars"])
        for term in b.values():
            assert term["type"] in ("uri", "literal", "bnode")
            assert isinstance(term["value"], str)
        assert b["statement"]["type"] == "uri"
        assert b["start"]["type"] == "literal"
        assert b["start"].get("datatype") == "http://www.w3.org/2001/XMLSchema#integer"


def test_query_formats_agree_on_rows(statements_in_every_format):
    out = statements_in_every_format
    csv_rows = list(csv.reader(io.StringIO(out["csv"])))
    tsv_rows = [line.split("\t") for line in out["tsv"].splitlines()]
    json_data = json.loads(out["json"])
    n = len(csv_rows) - 1
    assert n > 0
    assert len(tsv_rows) - 1 == n
    assert len(json_data["results"]["bindings"]) == n
    assert csv_rows[0] == tsv_rows[0] == json_data["head"]["vars"]
    assert [r[0] for r in csv_rows[1:]] == [r[0] for r in tsv_rows[1:]] == \
        [b["statement"]["value"] for b in json_data["results"]["bindings"]]
    table = out["table"].splitlines()
    assert table[0].split() == csv_rows[0]
    assert set(table[1].replace(" ", "")) == {"-"}
    assert table[-1] == f"({n} rows)"
    assert len(table) == n + 3


@pytest.fixture
def echo_query(run_kg) -> Path:
    """A query file (in the CLI's working folder) with a string parameter that returns the value it was given."""
    path = run_kg.cwd / "echo.rq"
    path.write_text("# Echo the text parameter.\n# @param text string  Any text.\nSELECT ?text WHERE { }\n",
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus_stats(corpus_store, tmp_path_factory) -> dict:
    store, _ = corpus_store
    return stats_json(store, tmp_path_factory.mktemp("stats"))


@pytest.mark.parametrize("name,param", [("resolution-mentions", "resolution"), ("state-mentions", "state"),
                                        ("echo.rq", "text")])
def test_query_hostile_parameter_is_data_or_rejected(corpus_store, corpus_stats, run_kg, echo_query, name, param):
    store, _ = corpus_store
    proc = run_kg("query", name, "--param", f"{param}={HOSTILE}", "--format", "json", "--store", store)
    assert "Traceback" not in proc.stderr
    if proc.returncode == 0:
        assert proc.stderr == ""
        data = json.loads(proc.stdout)  # a well-formed result: the value was bound, not spliced
        if name == "echo.rq":
            assert [b["text"]["value"] for b in data["results"]["bindings"]] == [HOSTILE]
    else:
        assert proc.returncode == 1, proc.stderr
        lines = proc.stderr.strip("\n").splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"Error: --param {param}="), proc.stderr
    assert stats_json(store, run_kg.cwd) == corpus_stats
