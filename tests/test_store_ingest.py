"""Ingest is idempotent and replaces a changed document's graph and nothing else; the store admits
one writer at a time."""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import CORPUS_FILES, TINY_STATEMENT, copy_corpus, run_kg_in, stats_json

import kg
from kg.iris import reference_graph_iri
from kg.spans import parse_span
from kg.store import Store


def nquads(store: Path, cwd: Path) -> list[str]:
    proc = run_kg_in(cwd, "export", "--format", "nquads", "--store", store)
    assert proc.returncode == 0, proc.stderr
    return [line for line in proc.stdout.splitlines() if line.strip()]


def document_graphs(store: Path, cwd: Path) -> dict[str, str]:
    """Source path -> the named graph that holds the document."""
    proc = run_kg_in(cwd, "query", "--sparql",
                     "SELECT ?path ?g WHERE { GRAPH ?g { ?d a dkg:Document ; dkg:sourcePath ?path } }",
                     "--format", "tsv", "--store", store)
    assert proc.returncode == 0, proc.stderr
    rows = [line.split("\t") for line in proc.stdout.splitlines()[1:]]
    return {path: graph for path, graph in rows}


def in_graph(line: str, graph: str) -> bool:
    return line.endswith(f" <{graph}> .")


def test_store_ingest_reingest_unchanged_is_noop(corpus_store, tmp_path):
    store, corpus = corpus_store
    before = stats_json(store, tmp_path)
    proc = run_kg_in(tmp_path, "ingest", corpus, "--store", store)
    assert proc.returncode == 0, proc.stderr
    n = len(CORPUS_FILES)
    assert f"{n} document(s): 0 added, 0 replaced, {n} unchanged" in proc.stderr
    after = stats_json(store, tmp_path)
    assert after == before
    assert after["documents"] == n


def test_store_ingest_changed_file_replaces_only_its_graph(tmp_path):
    corpus = copy_corpus(tmp_path / "statements")
    store = tmp_path / "store"
    first = run_kg_in(tmp_path, "ingest", corpus, "--store", store)
    assert first.returncode == 0, first.stderr
    before = nquads(store, tmp_path)
    graphs = document_graphs(store, tmp_path)
    assert len(graphs) == len(CORPUS_FILES)

    changed = corpus / CORPUS_FILES[2]
    changed_graph = graphs[str(changed.resolve())]
    assert "Switzerland" not in changed.read_text(encoding="utf-8")
    with changed.open("a", encoding="utf-8") as fh:
        fh.write("\nThe delegation of Switzerland also took the floor.\n")

    second = run_kg_in(tmp_path, "ingest", corpus, "--store", store)
    assert second.returncode == 0, second.stderr
    n = len(CORPUS_FILES)
    assert f"{n} document(s): 0 added, 1 replaced, {n - 1} unchanged" in second.stderr
    after = nquads(store, tmp_path)

    assert document_graphs(store, tmp_path) == graphs  # same documents, same graphs
    # every other document's quads are untouched
    assert sorted(q for q in after if not in_graph(q, changed_graph)) == \
        sorted(q for q in before if not in_graph(q, changed_graph))
    # the changed document's graph is new and now names Switzerland
    old_doc = {q for q in before if in_graph(q, changed_graph)}
    new_doc = {q for q in after if in_graph(q, changed_graph)}
    assert old_doc and new_doc and old_doc != new_doc
    assert any("/state/CHE>" in q for q in new_doc)
    assert not any("/state/CHE>" in q for q in old_doc)


def test_store_ingest_library_api(write_texts):
    from kg.ingest import ingest
    from kg.store import Store

    folder = write_texts({"a.txt": TINY_STATEMENT, "notes.md": "not a statement\n"})
    store_path = folder.parent / "libstore"
    with Store(store_path) as store:
        report = ingest([folder], store)
        assert report.added == [folder / "a.txt"]
        assert report.failed == [] and report.replaced == [] and report.unchanged == []
        assert [s.path for s in report.skipped] == [folder / "notes.md"]
        assert report.statements >= 1
        assert len(store.documents()) == 1
        reference = len(list(store.db.quads_for_pattern(None, None, None, ox.NamedNode(reference_graph_iri()))))
        assert reference > 0 and set(store.graphs()) == {*store.documents(), reference_graph_iri()}
        assert report.quads == len(store) - reference > 0  # the document's quads; the gazetteer's are apart
        labels = {row[0].value for row in store.select(
            "SELECT DISTINCT ?label WHERE { ?m dkg:inStatement ?s ; dkg:mentionOf ?e . ?e rdfs:label ?label }").rows}
        assert {"Russia", "Switzerland", "A/RES/75/240"} <= labels

        again = ingest([folder], store)
        assert again.unchanged == [folder / "a.txt"]
        assert again.added == [] and again.replaced == [] and again.quads == 0
        assert len(store.documents()) == 1
    # reopened read-only, the store holds what was written
    with Store(store_path, read_only=True) as store:
        assert len(store) == report.quads + reference


def test_store_second_writer_raises_store_busy(tmp_path):
    from kg.errors import StoreBusyError
    from kg.store import Store

    path = tmp_path / "store"
    first = Store(path)
    try:
        with pytest.raises(StoreBusyError, match=r"another .*process is writing"):
            Store(path)
    finally:
        first.close()


def test_store_busy_cli_ingest_is_one_line_error(tmp_path, write_texts):
    from kg.store import Store

    folder = write_texts({"a.txt": TINY_STATEMENT})
    path = tmp_path / "store"
    with Store(path):
        proc = run_kg_in(tmp_path, "ingest", folder, "--store", path)
        # readers may sit beside the writer
        reader = run_kg_in(tmp_path, "stats", "--format", "json", "--store", path)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip("\n").splitlines()
    assert len(lines) == 1 and re.match(r"Error: .*another kg process is writing", lines[0]), proc.stderr
    assert reader.returncode == 0, reader.stderr


def test_store_ingest_remove_takes_out_one_document_only(tmp_path):
    import subprocess
    import sys

    from conftest import copy_corpus, kg_env, stats_json

    corpus = copy_corpus(tmp_path / "corpus")
    store = tmp_path / "st"
    run = lambda *a: subprocess.run([sys.executable, "-m", "kg", *map(str, a)], capture_output=True, text=True,  # noqa: E731
                                    env=kg_env(), cwd=tmp_path)
    assert run("ingest", corpus, "--store", store).returncode == 0
    before = stats_json(store, tmp_path)
    victim = sorted(corpus.glob("*.txt"))[2]
    proc = run("remove", victim, "--store", store)
    assert proc.returncode == 0, proc.stderr
    after = stats_json(store, tmp_path)
    assert after["documents"] == before["documents"] - 1 and after["triples"] < before["triples"]
    proc = run("remove", victim, "--store", store)
    assert proc.returncode == 1 and "no such document" in proc.stderr
    assert run("ingest", corpus, "--store", store).stderr.count("1 added") == 1
    assert stats_json(store, tmp_path) == before


def test_store_ingest_replacing_a_document_with_hostile_text_keeps_it_whole(tmp_path):
    import rdflib
    from rdflib.compare import isomorphic

    from kg.ingest import ingest
    from kg.store import Store

    hostile = ('Statement by Foreign Minister Sergey Lavrov on "quotes" \\ backslashes } { ; DROP ALL ; #\n\n'
               "Russia\u200f and the \x07 US <script>alert(1)</script> 😀 met in Moscow, May 27, 2019. '''\"\"\"\n")
    f = tmp_path / "h.txt"
    f.write_text(hostile, encoding="utf-8")
    with Store(tmp_path / "st") as store:
        assert ingest([f], store).added
        f.write_text(hostile + "\nSwitzerland agreed.\n", encoding="utf-8")
        assert ingest([f], store).replaced
        nt = b"".join(
            (str(t) + " .\n").encode("utf-8") for t in store.triples())
    g = rdflib.Graph().parse(data=nt.decode("utf-8"), format="nt")
    dkg = rdflib.Namespace("https://w3id.org/diplokg/ontology#")
    texts = [str(o) for o in g.objects(None, dkg.text)]
    assert texts == [hostile + "\nSwitzerland agreed.\n"]  # kept exactly, through the SPARQL update too
    quotes = {texts[0][slice(*parse_span(str(v)))] for m in g.subjects(dkg.mentionOf, None)
              for v in g.objects(m, dkg.span)}
    assert "Switzerland" in quotes and "Sergey Lavrov" in quotes
    # the stored graph is what a fresh ingest of the changed file gives
    with Store(tmp_path / "fresh") as fresh:
        ingest([f], fresh)
        nt2 = "".join(str(t) + " .\n" for t in fresh.triples())
    assert isomorphic(g, rdflib.Graph().parse(data=nt2, format="nt"))


def test_store_state_changes_with_a_write_not_with_a_read(tmp_path: Path, write_texts) -> None:
    path = tmp_path / "st"
    graph = kg.Graph(path)
    graph.ingest(write_texts({"a.txt": TINY_STATEMENT}))
    with Store(path, read_only=True) as s:
        before = s.state()
        s.select("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")
    with Store(path, read_only=True) as s:
        assert before is not None and s.state() == before  # opening and reading change nothing
    graph.ingest(write_texts({"b.txt": TINY_STATEMENT.replace("Switzerland", "Austria")}))
    with Store(path, read_only=True) as s:
        assert s.state() != before
