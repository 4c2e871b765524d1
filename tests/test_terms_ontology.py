"""The namespace module and ontology/diplokg.ttl name the same terms, each labelled and explained."""
import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kg.paths import ONTOLOGY_FILE, SHAPES_FILE
from kg.terms import DKG

NS = str(DKG)


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY_FILE, format="turtle")


def _python_terms() -> set[str]:
    return {k for k in DKG.__annotations__}


def _ontology_terms(g: rdflib.Graph) -> set[str]:
    out = set()
    for s in g.subjects(RDF.type, None):
        if isinstance(s, rdflib.URIRef) and str(s).startswith(NS):
            out.add(str(s)[len(NS):])
    return out


def test_terms_ontology_python_and_turtle_name_the_same_terms(onto):
    assert _python_terms() == _ontology_terms(onto)


def test_terms_ontology_every_term_has_label_and_comment(onto):
    for name in _ontology_terms(onto):
        term = rdflib.URIRef(NS + name)
        assert onto.value(term, RDFS.label) is not None, name
        assert onto.value(term, RDFS.comment) is not None, name


def test_terms_ontology_classes_and_properties_are_declared(onto):
    classes = set(onto.subjects(RDF.type, OWL.Class))
    props = set(onto.subjects(RDF.type, OWL.ObjectProperty)) | set(onto.subjects(RDF.type, OWL.DatatypeProperty))
    for name in _python_terms():
        term = rdflib.URIRef(NS + name)
        assert term in classes or term in props, name


def test_terms_ontology_reuses_standard_vocabularies(onto):
    supers = {str(o) for o in onto.objects(None, RDFS.subClassOf)} | {str(o) for o in onto.objects(None, RDFS.subPropertyOf)}
    for ns in ("http://www.w3.org/ns/prov#", "http://www.w3.org/ns/org#", "http://xmlns.com/foaf/0.1/",
               "https://schema.org/", "http://purl.org/dc/terms/", "http://www.w3.org/2004/02/skos/core#"):
        assert any(s.startswith(ns) for s in supers), ns


def test_terms_ontology_misspelt_term_raises():
    with pytest.raises(AttributeError):
        DKG.Statment  # noqa: B018


def test_terms_ontology_shapes_use_only_known_terms(onto):
    shapes = rdflib.Graph().parse(SHAPES_FILE, format="turtle")
    known = _ontology_terms(onto) | {"DocumentShape", "StatementShape", "MentionShape", "EvidenceShape",
                                     "EntityLabelShape", "StateShape", "ResolutionShape", "RelationShape"}
    for t in shapes.all_nodes():
        if isinstance(t, rdflib.URIRef) and str(t).startswith(NS):
            assert str(t)[len(NS):] in known, t
