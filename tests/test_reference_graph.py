"""The reference graph (id:reference): the gazetteer's entities described once, a document's graph holding
only what that document says; rewritten when the gazetteer changes; untouched by removing a document."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import iris
from kg.ingest import ingest, refresh_reference
from kg.query import load_query, run
from kg.store import Store
from kg.terms import DKG, RDFS

# invented wordings: a state the gazetteer knows, and a speaker it does not
FIRST = ("Statement by Ambassador Orla Quennevik at the Conference on Disarmament, Geneva, 3 May 2022\n\n"
         "Mr. President,\n\nNorway supports the work of this Conference.\n")
SECOND = ("Statement by Ambassador Teodor Valmarisk at the Conference on Disarmament, Geneva, 4 May 2022\n\n"
          "Mr. President,\n\nNorway and Chile welcome the report.\n")
LABEL = ox.NamedNode(str(RDFS.label))
REFERENCE = ox.NamedNode(iris.reference_graph_iri())


def _graphs_describing(store: Store, iri: str) -> set[str]:
    return {q.graph_name.value for q in store.db.quads_for_pattern(ox.NamedNode(iri), LABEL, None, None)}


@pytest.fixture
def two_docs(tmp_path: Path, write_texts) -> tuple[Path, Path]:
    folder = write_texts({"first.txt": FIRST, "second.txt": SECOND})
    store = tmp_path / "store"
    with Store(store) as s:
        assert len(ingest([folder], s).added) == 2
    return store, folder


def test_reference_graph_describes_a_gazetteer_entity_once_and_a_new_one_in_its_document(two_docs) -> None:
    store, folder = two_docs
    with Store(store, read_only=True) as s:
        norway = iris.state_iri("NOR")
        assert _graphs_describing(s, norway) == {REFERENCE.value}  # named by both documents, described once
        second = iris.document_iri((folder / "second.txt").resolve().as_posix())
        person = [q.object.value for q in s.db.quads_for_pattern(None, ox.NamedNode(str(DKG.speaker)), None,
                                                                   ox.NamedNode(second))]
        assert len(person) == 1 and _graphs_describing(s, person[0]) == {second}  # not in the gazetteer
        rows = run(s, load_query("statements")).rows
        assert {(r[6].value, r[7].value) for r in rows} == {("Orla Quennevik", "Norway"),
                                                             ("Teodor Valmarisk", "Norway")}


def test_reference_graph_is_rewritten_only_when_the_gazetteer_changes(two_docs, monkeypatch) -> None:
    store, _ = two_docs
    with Store(store) as s:
        before = s.reference_digest()
        assert before and refresh_reference(s) is False  # same gazetteer: nothing written
        monkeypatch.setattr("kg.ingest.gazetteer_digest", lambda: "0" * 64)
        assert refresh_reference(s) is True and s.reference_digest() == "0" * 64
        assert _graphs_describing(s, iris.state_iri("NOR")) == {REFERENCE.value}  # replaced whole, not doubled
        assert sum(1 for _ in s.db.quads_for_pattern(None, ox.NamedNode(str(DKG.gazetteerDigest)), None,
                                                     REFERENCE)) == 1


def test_reference_graph_stays_when_a_document_is_removed(two_docs, run_kg) -> None:
    store, folder = two_docs
    proc = run_kg("remove", folder / "first.txt", "--store", store)
    assert proc.returncode == 0, proc.stderr
    with Store(store, read_only=True) as s:
        assert len(s.documents()) == 1 and s.graphs()[0] == REFERENCE.value
        rows = run(s, load_query("statements")).rows
        assert [(r[6].value, r[7].value) for r in rows] == [("Teodor Valmarisk", "Norway")]
        assert not any("Quennevik" in q.object.value for q in s.db.quads_for_pattern(None, LABEL, None, None))
