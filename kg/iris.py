"""The only place that mints IRIs.

Entity IRIs depend only on the entity's canonical key (ISO code, gazetteer ID, resolution
symbol, normalised name), so the same thing gets the same IRI in every run and from every
document. Document IRIs depend on the document's identity (its absolute path); statement,
mention and evidence IRIs hang below their document's.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from urllib.parse import quote

from kg.kinds import KINDS
from kg.terms import PREFIXES

__all__ = [
    "BASE",
    "slug",
    "state_iri",
    "organization_iri",
    "person_iri",
    "resolution_iri",
    "treaty_iri",
    "place_iri",
    "event_iri",
    "undocument_iri",
    "document_iri",
    "document_key",
    "statement_iri",
    "mention_iri",
    "evidence_iri",
    "entity_iri",
    "reference_graph_iri",
]

BASE = PREFIXES["id"]


def slug(text: str) -> str:
    """ASCII, lowercase, hyphen-separated form of ``text`` (never empty)."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    out = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if not out:  # a name written only in a script that folds to nothing
        out = "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return out


def _key(text: str) -> str:
    """An IRI-safe path segment that keeps the key readable (A-Z, digits, '-', '.', '_')."""
    return quote(text, safe="-._~")


_KEY_STYLES: dict[str, Callable[[str], str]] = {
    "upper": lambda key: _key(key.upper()),  # ISO codes
    "id": _key,  # gazetteer IDs
    "slug": lambda key: _key(slug(key)),  # names
    "symbol": lambda key: _key(key.replace("/", "-").replace(" ", "")),  # A/RES/75/240 -> A-RES-75-240
}


def entity_iri(kind: str, key: str) -> str:
    """IRI of an entity of ``kind`` (a name in :data:`kg.kinds.KINDS`) with canonical ``key``."""
    k = KINDS.get(kind)
    if k is None or k.key_style is None:
        raise ValueError(f"no IRI scheme for entity kind {kind!r}")
    return f"{BASE}{k.path}/{_KEY_STYLES[k.key_style](key)}"


def state_iri(code: str) -> str:
    return entity_iri("State", code)


def organization_iri(org_id: str) -> str:
    return entity_iri("Organization", org_id)


def person_iri(key: str) -> str:
    return entity_iri("Person", key)


def resolution_iri(symbol: str) -> str:
    """``A/RES/75/240`` -> ``.../resolution/A-RES-75-240``."""
    return entity_iri("Resolution", symbol)


def undocument_iri(symbol: str) -> str:
    return entity_iri("UNDocument", symbol)


def treaty_iri(treaty_id: str) -> str:
    return entity_iri("Treaty", treaty_id)


def place_iri(key: str) -> str:
    return entity_iri("Place", key)


def event_iri(document_key: str, label: str) -> str:
    """An event is told by one statement of one document: its IRI hangs on the document's key."""
    return f"{BASE}{KINDS['Event'].path}/{document_key}-{slug(label)[:80]}"


def document_iri(identity: str) -> str:
    """A document is identified by its absolute source path; the IRI holds a digest of it."""
    return f"{BASE}doc/{document_key(identity)}"


def document_key(identity: str) -> str:
    """From the path's bytes: a name that is not UTF-8 (held by Python as surrogates) gets its own key."""
    return hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def reference_graph_iri() -> str:
    """The named graph that describes, once, every entity the gazetteer knows (type, label, codes,
    parents); a document's own graph only points at them."""
    return f"{BASE}reference"


def statement_iri(doc_iri: str, index: int) -> str:
    return f"{doc_iri}/statement/{index}"


def mention_iri(doc_iri: str, start: int, end: int, kind: str) -> str:
    return f"{doc_iri}/mention/{start}-{end}-{kind.lower()}"


def evidence_iri(doc_iri: str, statement_index: int, n: int) -> str:
    return f"{doc_iri}/statement/{statement_index}/evidence/{n}"
