"""The only place Python names ontology terms.

``DKG`` mirrors ``ontology/diplokg.ttl`` term for term (a test checks that the two agree);
``_fail = True`` makes a misspelt term raise instead of minting a new IRI. Standard
vocabularies the ontology reuses are re-exported from rdflib.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = ["DKG", "ORG", "SCHEMA", "OA", "SH", "DCTERMS", "FOAF", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD",
           "PREFIXES"]

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
SH = Namespace("http://www.w3.org/ns/shacl#")


class DKG(DefinedNamespace):
    """Terms of the diplokg ontology (``ontology/diplokg.ttl``)."""

    _NS = Namespace("https://w3id.org/diplokg/ontology#")
    _fail = True

    # classes
    Document: URIRef
    Statement: URIRef
    Mention: URIRef
    Evidence: URIRef
    Person: URIRef
    State: URIRef
    Organization: URIRef
    UNBody: URIRef
    IntergovernmentalOrganization: URIRef
    NationalBody: URIRef
    MediaOrganization: URIRef
    PoliticalParty: URIRef
    ArmedGroup: URIRef
    NonGovernmentalOrganization: URIRef
    ReligiousOrganization: URIRef
    Resolution: URIRef
    DraftResolution: URIRef
    UNDocument: URIRef
    Treaty: URIRef
    Event: URIRef
    Place: URIRef

    # statements and their provenance
    inDocument: URIRef
    span: URIRef
    heading: URIRef
    kind: URIRef
    date: URIRef
    publishedOn: URIRef
    speaker: URIRef
    speakerTitle: URIRef
    onBehalfOf: URIRef
    deliveredAt: URIRef
    forum: URIRef
    place: URIRef
    mentionOf: URIRef
    inStatement: URIRef

    # relations between entities
    chairOf: URIRef
    affiliatedWith: URIRef
    establishedBy: URIRef
    sponsoredBy: URIRef
    partOf: URIRef
    bodyFamily: URIRef
    ofState: URIRef

    # identifiers and documents
    iso3: URIRef
    symbol: URIRef
    sourcePath: URIRef
    sha256: URIRef
    gazetteerDigest: URIRef
    mediaType: URIRef
    textSource: URIRef
    charCount: URIRef
    text: URIRef


PREFIXES: dict[str, str] = {
    "dkg": str(DKG),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "foaf": str(FOAF),
    "org": str(ORG),
    "schema": str(SCHEMA),
    "id": "https://w3id.org/diplokg/id/",
}
