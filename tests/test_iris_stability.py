"""IRIs are minted in one place, are valid, and do not depend on how a name was written."""
import pyoxigraph as ox
from hypothesis import given, strategies as st

from kg import iris
from helpers import extract


def test_iris_same_entity_same_iri_across_documents():
    a = extract("Statement by Foreign Minister Sergey Lavrov\n\nRussia and the Russian Federation agree.")
    b = extract("Statement by Foreign Minister Sergei Lavrov\n\nThe RUSSIAN side and Moscow has said no.", "b.txt")
    pa = {m.entity.key for s in a for m in s.mentions if m.entity.kind == "Person"}
    pb = {m.entity.key for s in b for m in s.mentions if m.entity.kind == "Person"}
    assert pa == pb == {"sergey-lavrov"}
    sa = {m.entity.key for s in a for m in s.mentions if m.entity.kind == "State"}
    assert sa == {"RUS"}


def test_iris_resolution_symbol_maps_to_one_iri():
    assert iris.resolution_iri("A/RES/75/240") == iris.entity_iri("Resolution", "A/RES/75/240")
    assert iris.resolution_iri("A/RES/75/240").endswith("/resolution/A-RES-75-240")
    assert iris.state_iri("rus") == iris.state_iri("RUS")


@given(st.text(min_size=1, max_size=40))
def test_iris_person_iri_is_valid_for_any_name(name):
    ox.NamedNode(iris.person_iri(name))  # raises on an invalid IRI
    ox.NamedNode(iris.place_iri(name))
    ox.NamedNode(iris.organization_iri("MEDIA-" + iris.slug(name).upper()))
