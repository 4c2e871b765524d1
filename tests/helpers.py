"""Small helpers shared by the extraction tests: run the pipeline on a string."""
from __future__ import annotations

import hashlib

from kg.model import Document, Statement
from kg.pipeline import extract_document


def doc(text: str, name: str = "fixture.txt") -> Document:
    return Document(identity=f"/fixtures/{name}", name=name, text=text,
                    sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), media_type="text/plain",
                    text_source="test", encoding="utf-8")


def extract(text: str, name: str = "fixture.txt") -> list[Statement]:
    return extract_document(doc(text, name))


def labels(stmt: Statement, kind: str) -> set[str]:
    return {m.entity.label for m in stmt.mentions if m.entity.kind == kind}


def keys(stmt: Statement, kind: str) -> set[str]:
    return {m.entity.key for m in stmt.mentions if m.entity.kind == kind}


def rels(stmts: list[Statement]) -> set[tuple[str, str, str]]:
    return {(r.subject.key, r.predicate, r.object.key) for s in stmts for r in s.relations}


def value_keys(stmt: Statement, name: str) -> list[str]:
    v = stmt.value(name, [])
    return [(x[0] if isinstance(x, tuple) else x).key for x in v]
