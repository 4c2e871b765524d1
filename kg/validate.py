"""Checking the store against ``ontology/shapes.ttl`` with pySHACL."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.paths import ONTOLOGY_FILE, SHAPES_FILE
from kg.store import Store
from kg.terms import SH

__all__ = ["Violation", "validate"]


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str | None
    message: str
    value: str | None
    documents: tuple[str, ...]


def validate(store: Store, shapes: Path = SHAPES_FILE, ontology: Path = ONTOLOGY_FILE) -> tuple[bool, list[Violation]]:
    """Validate the merged graph; each violation names its node and the documents it came from."""
    import pyshacl

    data = rdflib.Graph()
    nt = ox.serialize(store.triples(), format=ox.RdfFormat.N_TRIPLES)
    data.parse(data=nt.decode("utf-8"), format="nt")
    shacl = rdflib.Graph().parse(shapes, format="turtle")
    ont = rdflib.Graph().parse(ontology, format="turtle")
    conforms, report, _text = pyshacl.validate(data, shacl_graph=shacl, ont_graph=ont, inference="none",
                                               abort_on_first=False, allow_warnings=True)
    out: list[Violation] = []
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        msg = report.value(result, SH.resultMessage)
        value = report.value(result, SH.value)
        docs = tuple(store.graphs_of(str(focus))) if isinstance(focus, rdflib.URIRef) else ()
        out.append(Violation(str(focus), str(path) if path is not None else None, str(msg or "violation"),
                             str(value) if value is not None else None, docs))
    out.sort(key=lambda v: (v.documents, v.focus, v.path or ""))
    return bool(conforms), out
