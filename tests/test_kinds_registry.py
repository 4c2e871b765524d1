"""A kind of entity and a relation added to the registry alone (kg/kinds.py) reach every reader of it:
the stored RDF, stats, named query parameters and VALUES blocks, the Turtle export, the views and the
HTML page."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from rdflib import URIRef

from kg import kinds
from kg.assemble import assemble_nquads
from kg.export import export
from kg.ingest import refresh_reference
from kg.iris import document_iri
from kg.model import Context, Document, Entity, Mention, Relation, Statement
from kg.query import load_query, param_types, run
from kg.stats import stats
from kg.store import Store
from kg.terms import DKG
from kg.views import build_view
from viz.render import page_data

TEXT = "Gadget Alpha belongs to Russia. Gadget Alpha was seen again."
NS = str(DKG)


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The kind ``Gadget`` and the relation ``gadgetOf`` (a gadget of a state), in the registry only."""
    monkeypatch.setitem(kinds.KINDS, "Gadget", kinds.Kind(
        "Gadget", URIRef(NS + "Gadget"), "gadget", "slug", "gadget", "#000000", "box", "▮", param="gadget",
        groups=frozenset({kinds.COMENTION})))
    monkeypatch.setitem(kinds.RELATIONS, "gadgetOf", kinds.Relation(
        "gadgetOf", URIRef(NS + "gadgetOf"), "gadget of", ("Gadget",), ("State",)))


@pytest.fixture
def store(toy, tmp_path: Path):
    """A store of one document whose statement names a gadget and Russia, and the gadget's state."""
    doc = Document(str(tmp_path / "gadget.txt"), "gadget.txt", TEXT, hashlib.sha256(TEXT.encode()).hexdigest(),
                   "text/plain", "plain", "utf-8")
    gadget = Entity("Gadget", "Gadget Alpha", "Gadget Alpha")
    russia = Entity("State", "RUS", "Russia", (("iso3", "RUS"),))
    st = Statement(0, 0, len(TEXT), TEXT.index("."), Context(doc))
    st.mentions += [Mention(0, 12, "Gadget Alpha", gadget), Mention(24, 30, "Russia", russia),
                    Mention(32, 44, "Gadget Alpha", gadget)]
    st.relations.append(Relation(gadget, "gadgetOf", russia, 0, 30))
    nquads, _n = assemble_nquads(doc, [st])
    with Store(tmp_path / "store") as s:
        s.add_documents([(document_iri(doc.identity), nquads)])
        refresh_reference(s)  # Russia is the gazetteer's: described in the reference graph
        yield s


def test_kinds_toy_kind_is_counted_by_stats(store):
    got = stats(store)
    assert got["entities"]["Gadget"] == 1
    assert got["relations"] == 1


def test_kinds_toy_kind_is_a_query_parameter_and_in_the_kinds_values(store, tmp_path: Path):
    assert "gadget" in param_types()
    path = tmp_path / "gadget.rq"
    path.write_text("# The label and type of a gadget.\n# @param thing gadget  A gadget by its name.\n"
                    "SELECT ?label ?type WHERE {\n  ?thing rdfs:label ?label ; a ?class .\n"
                    "  # @kinds ?class ?type\n}\n", encoding="utf-8")
    rows = run(store, load_query(str(path)), {"thing": "Gadget Alpha"}).rows
    assert [(r[0].value, r[1].value) for r in rows] == [("Gadget Alpha", "Gadget")]
    mentions = run(store, load_query("mentions")).rows
    assert ("Gadget Alpha", "Gadget") in {(r[3].value, r[2].value) for r in mentions}
    relations = run(store, load_query("relations")).rows
    assert [r[2].value for r in relations] == [NS + "gadgetOf"]


def test_kinds_toy_kind_has_its_export_prefix(store, tmp_path: Path):
    out = tmp_path / "graph.ttl"
    export(store, "turtle", out)
    text = out.read_text(encoding="utf-8")
    assert "@prefix gadget: <https://w3id.org/diplokg/id/gadget/> ." in text
    assert "gadget:gadget-alpha" in text


def test_kinds_toy_kind_and_relation_are_drawn(store):
    g = build_view(store, "statements")
    node = "https://w3id.org/diplokg/id/gadget/gadget-alpha"
    assert g.nodes[node]["type"] == "Gadget" and g.nodes[node]["evidence_count"] == 2
    edges = [d for u, v, k, d in g.edges(keys=True, data=True) if k == "gadgetOf"]
    assert [d["label"] for d in edges] == ["gadget of"]
    assert node in build_view(store, "comentions")
    page = page_data(g)
    assert page["types"]["Gadget"]["shape"] == "box"
    assert {"type": "Gadget", "count": 1} in page["legend"]


def test_kinds_filter_form_selects_what_the_values_form_does(store):
    base = "SELECT ?e ?type WHERE { { GRAPH ?g { ?e a ?class } } KINDS }"
    as_values = store.select(base.replace("KINDS", kinds.kind_values("class", "type"))).rows
    as_filter = store.select(base.replace("KINDS", kinds.kind_filter("class", "type"))).rows
    got = sorted((r[0].value, r[1].value) for r in as_filter)
    assert got == sorted((r[0].value, r[1].value) for r in as_values)
    assert ("https://w3id.org/diplokg/id/gadget/gadget-alpha", "Gadget") in got  # a kind added in the registry only
    profile = store.select(base.replace("KINDS", kinds.kind_filter("class", "type", kinds.PROFILE))).rows
    assert {r[1].value for r in profile} <= {k.name for k in kinds.KINDS.values() if kinds.PROFILE in k.groups}
