"""Every export format parses back (with rdflib) to the graph the store holds; TriG and N-Quads keep
one named graph per document. The bundled corpus validates against the shapes."""
from __future__ import annotations

import rdflib

from kg.iris import reference_graph_iri
import pytest
from rdflib.compare import isomorphic

from conftest import CORPUS_FILES, run_kg_in

# rdflib's own parsers use its deprecated ConjunctiveGraph API internally
pytestmark = pytest.mark.filterwarnings("ignore:.*is deprecated, use Dataset.*:DeprecationWarning")

# format name, file extension, rdflib parser name, is a dataset (one named graph per document)
FORMATS = [
    ("turtle", ".ttl", "turtle", False),
    ("trig", ".trig", "trig", True),
    ("nquads", ".nq", "nquads", True),
    ("ntriples", ".nt", "nt", False),
    ("jsonld", ".jsonld", "json-ld", False),
]


@pytest.fixture(scope="module")
def merged_ntriples(corpus_store, tmp_path_factory) -> str:
    """The merged graph, as ``kg export --format ntriples`` writes it to stdout."""
    store, _ = corpus_store
    proc = run_kg_in(tmp_path_factory.mktemp("nt"), "export", "--format", "ntriples", "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return proc.stdout


@pytest.fixture(scope="module")
def merged_graph(merged_ntriples) -> rdflib.Graph:
    g = rdflib.Graph().parse(data=merged_ntriples, format="nt")
    assert len(g) > 0
    return g


def _export(store, cwd, name):
    proc = run_kg_in(cwd, "export", "-o", name, "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    return proc


@pytest.mark.parametrize("fmt,ext,parser,dataset", FORMATS)
def test_export_roundtrip_format_from_extension(corpus_store, merged_graph, tmp_path, fmt, ext, parser, dataset):
    store, _ = corpus_store
    proc = _export(store, tmp_path, f"out/graph{ext}")
    assert f"({fmt})" in proc.stderr, proc.stderr  # the format was guessed from the extension
    path = tmp_path / "out" / f"graph{ext}"
    if dataset:
        ds = rdflib.Dataset()
        ds.parse(path, format=parser)
        named = {str(c.identifier) for c in ds.graphs() if len(c) and c.identifier != rdflib.graph.DATASET_DEFAULT_GRAPH_ID}
        assert reference_graph_iri() in named  # the gazetteer's entities, described once
        assert len(named) == len(CORPUS_FILES) + 1
        assert len(ds.default_graph) == 0, "triples outside any document graph"
        merged = rdflib.Graph()
        for s, p, o, _g in ds.quads((None, None, None, None)):
            merged.add((s, p, o))
    else:
        merged = rdflib.Graph().parse(path, format=parser)
    assert len(merged) == len(merged_graph)
    assert isomorphic(merged, merged_graph)


def test_export_explicit_format_overrides_extension(corpus_store, merged_ntriples, tmp_path):
    store, _ = corpus_store
    proc = run_kg_in(tmp_path, "export", "--format", "ntriples", "-o", "graph.data", "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert "wrote graph.data (ntriples)" in proc.stderr
    assert (tmp_path / "graph.data").read_text(encoding="utf-8") == merged_ntriples


def test_export_unknown_extension_names_format_option(corpus_store, tmp_path):
    store, _ = corpus_store
    proc = run_kg_in(tmp_path, "export", "-o", "graph.rdfx", "--store", store)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip("\n").splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert "--format" in lines[0] and "graph.rdfx" in lines[0]
    assert list(tmp_path.iterdir()) == []  # nothing written, no temporary left behind


def test_export_validate_bundled_corpus_conforms(corpus_store, tmp_path):
    store, _ = corpus_store
    proc = run_kg_in(tmp_path, "validate", "--store", store)
    assert proc.returncode == 0, (proc.stdout, proc.stderr)
    assert "conforms" in proc.stdout
