"""Hostile content: file names and texts with quotes, angle brackets, newlines, backslashes, control
characters, right-to-left marks and emoji. IRIs stay valid, the exact strings are kept, and every
export format parses back (rdflib) to a graph isomorphic to the one the store holds."""
from __future__ import annotations

import re

import pytest
import rdflib
from conftest import TINY_STATEMENT, run_kg_in
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from kg.iris import reference_graph_iri
from kg.spans import parse_span

pytestmark = pytest.mark.filterwarnings("ignore:.*is deprecated, use Dataset.*:DeprecationWarning")

DKG = rdflib.Namespace("https://w3id.org/diplokg/ontology#")
NASTY = 'q"uo\'te <b>&amp; \\back\\slash\t\x07\x1b \u202eRTL\u200f 😀 \u2028 }{ ; DROP ALL ; # '
HEADING = f"Statement by Foreign Minister Sergey Lavrov {NASTY}on the situation, Moscow, 27 May 2019"
TEXT = (HEADING + "\n\n" + TINY_STATEMENT.split("\n\n", 1)[1].replace(
    "Switzerland", "Switzerland \u200f(\"the Swiss\" <i>Confederation</i>) \\ 😀")
        + "\n<script>alert('x')</script> ]]> --> \x0b\x0c\x1c\u0085 end.\n")
FILE_NAMES = ["plain.txt", 'q"uote <angle> back\\slash 😀 \u200frtl.txt', "new\nline\ttab\x07bell.txt"]
# characters an IRI may not hold (RFC 3987): space, controls, <>"{}|\^`
BAD_IRI_CHAR = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]')

FORMATS = [("turtle", "ttl", "turtle"), ("trig", "trig", "trig"), ("nquads", "nq", "nquads"),
           ("ntriples", "nt", "nt"), ("jsonld", "jsonld", "json-ld")]


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "in <dir> \"x\""
    folder.mkdir()
    for name in FILE_NAMES:
        (folder / name).write_text(TEXT, encoding="utf-8")
    store = root / "store"
    proc = run_kg_in(root, "ingest", folder, "--store", store)
    assert proc.returncode == 0, proc.stderr
    return store, folder, root


@pytest.fixture(scope="module")
def merged(hostile_store) -> rdflib.Graph:
    store, _folder, root = hostile_store
    proc = run_kg_in(root, "export", "--format", "ntriples", "--store", store)
    assert proc.returncode == 0, proc.stderr
    return rdflib.Graph().parse(data=proc.stdout, format="nt")


def test_export_hostile_strings_are_kept_exactly_and_iris_stay_valid(hostile_store, merged):
    _store, folder, _root = hostile_store
    paths = {str(o) for o in merged.objects(None, DKG.sourcePath)}
    assert paths == {str((folder / n).resolve()) for n in FILE_NAMES}
    labels = {str(o) for o in merged.objects(None, rdflib.RDFS.label)}
    assert set(FILE_NAMES) <= labels
    headings = {str(o) for o in merged.objects(None, DKG.heading)}
    assert any(" ".join(NASTY.split()) in h for h in headings), headings  # whitespace runs become one space
    spans = {parse_span(str(v)) for m in merged.subjects(DKG.mentionOf, None) for v in merged.objects(m, DKG.span)}
    texts = [str(t) for t in merged.objects(None, DKG.text)]
    quotes = {text[s:e] for text in texts for s, e in spans}
    assert "Switzerland" in quotes and "Sergey Lavrov" in quotes
    assert any(NASTY in text for text in texts)  # the text is kept exactly, whitespace and all
    iris = {str(t) for triple in merged for t in triple if isinstance(t, rdflib.URIRef)}
    assert iris
    for iri in iris:
        assert re.match(r"^[a-z][a-z0-9+.-]*:", iri) and not BAD_IRI_CHAR.search(iri), repr(iri)


@pytest.mark.parametrize("fmt,ext,parser", FORMATS)
def test_export_hostile_every_format_parses_back_isomorphic(hostile_store, merged, fmt, ext, parser):
    store, _folder, root = hostile_store
    out = root / f"graph.{ext}"
    proc = run_kg_in(root, "export", "-o", out, "--store", store)
    assert proc.returncode == 0, proc.stderr
    data = out.read_text(encoding="utf-8")
    if fmt in ("trig", "nquads"):
        ds = rdflib.Dataset()
        ds.parse(data=data, format=parser)
        named = {c.identifier for c in ds.graphs() if len(c) and c.identifier != rdflib.graph.DATASET_DEFAULT_GRAPH_ID}
        assert rdflib.URIRef(reference_graph_iri()) in named  # the gazetteer's entities, described once
        assert len(named) == len(FILE_NAMES) + 1 and len(ds.default_graph) == 0
        back = rdflib.Graph()
        for s, p, o, _g in ds.quads((None, None, None, None)):
            back.add((s, p, o))
    else:
        back = rdflib.Graph().parse(data=data, format=parser)
    assert len(back) == len(merged)
    assert isomorphic(back, merged)


# ------------------------------------------------------------------ property: any text assembles to valid RDF
PIECES = ["Russia", "Foreign Minister Sergey Lavrov", "resolution 75/240", "Switzerland", "\n\n", '"', "<", ">",
          "\\", "\u200f", "😀", "\x00", "\x0b", "\r", "Statement by the Permanent Representative of France"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=25),
       st.text(min_size=1, max_size=15))
def test_export_hostile_any_text_assembles_to_rdf_that_parses_back(parts, name):
    import hashlib

    import pyoxigraph as ox

    from kg.assemble import assemble
    from kg.model import Document
    from kg.pipeline import extract_document

    text = " ".join(parts)
    identity = "/hostile/" + name.replace("\x00", "")
    doc = Document(identity=identity, name=name, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                   media_type="text/plain", text_source="test", encoding="utf-8")
    quads = assemble(doc, extract_document(doc))
    for q in quads:
        for term in (q.subject, q.predicate, q.object, q.graph_name):
            if isinstance(term, ox.NamedNode):
                assert not BAD_IRI_CHAR.search(term.value), repr(term.value)
    nq = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")
    ds = rdflib.Dataset()
    ds.parse(data=nq, format="nquads")
    assert len(list(ds.quads((None, None, None, None)))) == len(set(quads))
    back = {str(o) for _s, _p, o, _g in ds.quads((None, rdflib.RDFS.label, None, None))}
    assert name in back
