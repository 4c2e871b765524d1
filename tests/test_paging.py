"""Paged queries: ``kg query NAME --limit N [--offset N | --after CURSOR]`` and ``Graph.query(limit=...)``
give the whole answer, page by page, in its order; a cursor of another query or of a store that changed
is refused, never answered with rows skipped or repeated."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from conftest import TINY_STATEMENT

import kg
from kg.errors import ParameterError, QueryError
from kg.paging import page
from kg.query import load_query
from kg.store import Store


def _csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))[1:]


def _pages(run_kg, store: Path, *args: str, limit: int) -> list[list[str]]:
    rows: list[list[str]] = []
    after: list[str] = []
    for _ in range(1000):
        proc = run_kg("query", *args, "--limit", str(limit), *after, "-f", "csv", "--store", store)
        assert proc.returncode == 0, proc.stderr
        got = _csv(proc.stdout)
        assert len(got) <= limit
        rows += got
        m = re.search(r"next page: --after (\S+)", proc.stderr)
        if m is None:
            return rows
        assert len(got) == limit
        after = ["--after", m.group(1)]
    raise AssertionError("no last page")


def test_paging_cursor_pages_of_a_named_query_are_its_whole_answer_in_order(run_kg, corpus_store) -> None:
    store, _ = corpus_store
    whole = run_kg("query", "mentions", "-f", "csv", "--store", store)
    assert whole.returncode == 0
    assert _pages(run_kg, store, "mentions", limit=40) == _csv(whole.stdout)


def test_paging_an_unordered_query_is_paged_by_the_engine(run_kg, corpus_store) -> None:
    store, _ = corpus_store
    sparql = "SELECT ?m ?e WHERE { ?m dkg:mentionOf ?e }"
    whole = _csv(run_kg("query", "--sparql", sparql, "-f", "csv", "--store", store).stdout)
    paged = _pages(run_kg, store, "--sparql", sparql, limit=50)
    assert len(paged) == len(whole) > 50 and sorted(paged) == sorted(whole)


def test_paging_offset_is_the_answer_from_that_row(run_kg, corpus_store) -> None:
    store, _ = corpus_store
    whole = _csv(run_kg("query", "statements", "-f", "csv", "--store", store).stdout)
    proc = run_kg("query", "statements", "--limit", "3", "--offset", "5", "-f", "csv", "--store", store)
    assert proc.returncode == 0 and _csv(proc.stdout) == whole[5:8]
    mentions = _csv(run_kg("query", "mentions", "-f", "csv", "--store", store).stdout)
    proc = run_kg("query", "mentions", "--limit", "3", "--offset", "5", "-f", "csv", "--store", store)
    assert proc.returncode == 0 and _csv(proc.stdout) == mentions[5:8]
    cursor = re.search(r"--after (\S+)", proc.stderr).group(1)  # an offset page's cursor: the rows after it
    proc = run_kg("query", "mentions", "--limit", "3", "--after", cursor, "-f", "csv", "--store", store)
    assert proc.returncode == 0 and _csv(proc.stdout) == mentions[8:11]


def test_paging_usage_errors_exit_2(run_kg, corpus_store) -> None:
    store, _ = corpus_store
    for args in (("--after", "x"), ("--offset", "3"), ("--limit", "2", "--offset", "1", "--after", "x"),
                 ("--limit", "0")):
        proc = run_kg("query", "statements", *args, "--store", store)
        assert proc.returncode == 2, args
        assert "Traceback" not in proc.stderr


def test_paging_cursor_of_another_query_or_garbage_is_refused(run_kg, corpus_store) -> None:
    store, _ = corpus_store
    proc = run_kg("query", "statements", "--limit", "2", "--store", store)
    cursor = re.search(r"--after (\S+)", proc.stderr).group(1)
    other = run_kg("query", "mentions", "--limit", "2", "--after", cursor, "--store", store)
    assert other.returncode == 1 and "another query" in other.stderr
    bad = run_kg("query", "mentions", "--limit", "2", "--after", "!!nonsense", "--store", store)
    assert bad.returncode == 1 and "not a page cursor" in bad.stderr


def test_paging_cursor_after_the_store_changed_is_refused(tmp_path: Path, write_texts) -> None:
    graph = kg.Graph(tmp_path / "st")
    before = write_texts({"b.txt": TINY_STATEMENT})
    graph.ingest(before)
    sparql = "SELECT ?m ?e WHERE { ?m dkg:mentionOf ?e } ORDER BY ?m"  # paged by offset
    first = graph.query(sparql, limit=2)
    assert len(first) == 2 and first.next
    graph.remove([before / "b.txt"])  # another document in its place: every row names another statement
    graph.ingest(write_texts({"a.txt": TINY_STATEMENT}))
    with pytest.raises(QueryError, match="store changed"):
        graph.query(sparql, limit=2, after=first.next)


def test_paging_keyed_pages_go_on_after_their_last_value_when_the_store_changes(tmp_path: Path,
                                                                                write_texts) -> None:
    graph = kg.Graph(tmp_path / "st")
    texts = write_texts({"a.txt": TINY_STATEMENT, "b.txt": TINY_STATEMENT + "\nMore.\n"})
    graph.ingest(texts)
    whole = [r["statement"] for r in graph.query("mentions")]
    first = graph.query("mentions", limit=2)
    assert [r["statement"] for r in first] == whole[:2] and first.next
    graph.remove([texts / "b.txt"])
    graph.ingest(write_texts({"c.txt": TINY_STATEMENT}))  # statements come and go, before and after the page
    now = [r["statement"] for r in graph.query("mentions")]
    after = [r["statement"] for r in graph.query("mentions", limit=1000, after=first.next)]
    rows = list(first)
    last = rows[-1]["statement"]
    given = sum(1 for r in rows if r["statement"] == last)
    expected = [st for st in now if st >= last][given:] if last in now else [st for st in now if st > last]
    assert after == expected  # none repeated, none skipped


def test_paging_statements_pages_are_its_whole_answer(run_kg, corpus_store) -> None:
    store, _ = corpus_store
    whole = run_kg("query", "statements", "-f", "csv", "--store", store)
    assert _pages(run_kg, store, "statements", limit=7) == _csv(whole.stdout)


def test_paging_api_rows_iterates_every_page(corpus_store) -> None:
    store, _ = corpus_store
    graph = kg.Graph(store)
    assert list(graph.rows("mentions", page=17)) == list(graph.query("mentions"))
    with Store(store, read_only=True) as s, pytest.raises(ParameterError):
        page(s, "SELECT * WHERE { ?s ?p ?o }", limit=0)


def test_paging_keyed_cursor_past_the_last_value_gives_an_empty_last_page(tmp_path: Path, write_texts) -> None:
    graph = kg.Graph(tmp_path / "st")
    texts = write_texts({"a.txt": TINY_STATEMENT, "b.txt": TINY_STATEMENT + "\nMore.\n"})
    graph.ingest(texts)
    whole = list(graph.query("mentions"))
    statements = sorted({r["statement"] for r in whole})
    first_statement = [r for r in whole if r["statement"] == statements[0]]
    first = graph.query("mentions", limit=len(first_statement))
    assert first.next  # the other statement's rows follow
    graph.remove([texts / "a.txt", texts / "b.txt"])
    graph.ingest(write_texts({"c.txt": "Nothing to see.\n"}))  # a statement, no mentions
    rest = graph.query("mentions", limit=5, after=first.next)
    assert list(rest) == [] and rest.next is None and rest.columns[0] == "statement"


def _speech(state: str, when: str) -> str:
    """An invented statement at the Security Council by ``state``, dated ``when`` (or undated: "")."""
    dated = f", New York, {when}" if when else ""
    return (f"Statement by the delegation of {state} at the UN Security Council{dated}\n\n"
            f"Mr. President,\n\n{state} supports resolution 75/240 and the work of the Council.\n\nThank you.\n")


def test_paging_pages_keyed_by_date_are_the_whole_answer_undated_rows_first(tmp_path: Path,
                                                                            write_texts) -> None:
    graph = kg.Graph(tmp_path / "st")
    graph.ingest(write_texts({"a.txt": _speech("Chile", "3 May 2022"), "b.txt": _speech("Ghana", "1 April 2021"),
                              "c.txt": _speech("Norway", ""), "d.txt": _speech("Peru", "1 April 2021"),
                              "e.txt": _speech("Kenya", "3 May 2022")}))
    for name, params in (("forum-speakers", {"forum": "UNSC"}), ("resolution-mentions", {"resolution": "75/240"})):
        whole = [dict(r) for r in graph.query(name, **params)]
        assert len(whole) == 5 and whole[0]["date"] is None  # the undated statement sorts first, as in SPARQL
        for limit in (1, 2, 3):
            rows, after = [], None
            while True:
                got = graph.query(name, limit=limit, after=after, **params)
                rows += [dict(r) for r in got]
                if got.next is None:
                    break
                after = got.next
            assert rows == whole, (name, limit)


def test_paging_keyed_first_page_sees_a_document_ingested_since(tmp_path: Path, write_texts) -> None:
    graph = kg.Graph(tmp_path / "st")
    graph.ingest(write_texts({"b.txt": _speech("Ghana", "1 April 2021")}))
    assert [r["on_behalf_of"] for r in graph.query("forum-speakers", forum="UNSC", limit=10)] == ["Ghana"]
    graph.ingest(write_texts({"a.txt": _speech("Chile", "3 May 2020")}))  # earlier: the new first row
    assert [r["on_behalf_of"] for r in graph.query("forum-speakers", forum="UNSC", limit=10)] == ["Chile", "Ghana"]


def test_query_page_directive_without_keys_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.rq"
    path.write_text("# @page ?date\nSELECT ?s ?date WHERE { GRAPH ?doc { ?s dkg:date ?date } } ORDER BY ?date\n")
    with pytest.raises(QueryError, match=r"broken\.rq.*@page-keys"):
        load_query(str(path))


def test_paging_aggregate_pages_are_its_whole_answer(run_kg, corpus_store) -> None:
    store, _ = corpus_store  # relations: counted over every document, answered whole once, then cut page by page
    graph = kg.Graph(store)
    whole = [dict(r) for r in graph.query("relations")]
    rows, after = [], None
    while True:
        got = graph.query("relations", limit=4, after=after)
        rows += [dict(r) for r in got]
        if got.next is None:
            break
        after = got.next
    assert len(whole) > 8 and rows == whole


def test_query_file_of_ones_own_keeps_its_page_directive(tmp_path: Path) -> None:
    # a query file without parameters is read as the user wrote it, @page included: its pages go by keys
    path = tmp_path / "dated.rq"
    path.write_text("# @page ?date ?s dkg:date ?date\n"
                    "SELECT ?s ?date WHERE { GRAPH ?doc { ?s dkg:date ?date } } ORDER BY ?date\n")
    q = load_query(str(path))
    assert q.adhoc and q.page is not None and q.page[0] == "date"
