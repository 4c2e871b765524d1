"""The one place that turns findings into RDF: a document and its statements -> the quads of the
document's own named graph, written as N-Quads (what the store bulk-loads, with no Python object made
per quad; :func:`assemble` gives them as pyoxigraph quads); and the gazetteer -> the reference graph.

An entity the gazetteer knows (a state, a body, a treaty ...) is described once, in the reference graph
(:func:`reference_nquads`); a document's graph only points at it. An entity first read in a document
(a person, a resolution, a body not in the gazetteer) is described in that document's graph, so
removing the document removes exactly what it said."""
from __future__ import annotations

import functools
import hashlib
from types import SimpleNamespace
from typing import Iterable

import pyoxigraph as ox

from kg import iris
from kg.kinds import KINDS, RELATIONS
from kg.headings import LABEL_LENGTH, clean_heading
from kg.model import Document, Entity, Statement
from kg.paths import GAZETTEER_DIR, unicode_path
from kg.spans import span_literal
from kg.terms import DKG, RDF, RDFS, XSD

__all__ = ["assemble", "assemble_nquads", "reference_nquads", "gazetteer_digest"]


def _iri(iri: str) -> str:
    """An IRI as an N-Quads term. Every IRI written here comes from kg.iris or kg.terms, which mint
    only characters an IRI reference may hold (no space, ``<>"{}|^`\\``)."""
    return f"<{iri}>"


# The terms used below, as N-Quads terms, looked up once: an attribute of a DefinedNamespace (DKG)
# costs a Python call each time.
_D = SimpleNamespace(**{name: _iri(str(getattr(DKG, name))) for name in (
    "Document", "Statement", "Evidence", "DraftResolution", "sourcePath", "sha256",
    "mediaType", "textSource", "charCount", "inDocument", "span", "heading", "kind", "date",
    "publishedOn", "speaker", "speakerTitle", "onBehalfOf", "forum", "place", "deliveredAt",
    "mentionOf", "inStatement", "text", "iso3", "symbol", "partOf", "bodyFamily", "ofState", "gazetteerDigest")})
_TYPE, _LABEL = _iri(str(RDF.type)), _iri(str(RDFS.label))
_SUBJECT, _PREDICATE, _OBJECT = _iri(str(RDF.subject)), _iri(str(RDF.predicate)), _iri(str(RDF.object))
_INT = f"^^{_iri(str(XSD.integer))}"
_DATE = f"^^{_iri(str(XSD.date))}"


@functools.lru_cache(maxsize=4096)
def _dkg(name: str) -> str:
    """An ontology term (a relation's predicate ``chairOf``, a subclass ``UNBody``) as an N-Quads term."""
    return _iri(str(getattr(DKG, name)))


def _class(kind: str) -> str:
    """The class of an entity kind (kg.kinds) as an N-Quads term."""
    return _iri(str(KINDS[kind].term))


def _predicate(name: str) -> str:
    """A relation's predicate as an N-Quads term: its registered term (kg.kinds), else the ontology's."""
    rel = RELATIONS.get(name)
    return _iri(str(rel.term)) if rel is not None else _dkg(name)


@functools.lru_cache(maxsize=65536)
def _entity_term(kind: str, key: str) -> str:
    return _iri(iris.entity_iri(kind, key))


def _str(v: str) -> str:
    """A plain string literal: N-Quads escapes the quote, the backslash and the two line ends."""
    if "\\" in v or '"' in v or "\n" in v or "\r" in v:
        v = v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{v}"'


def _span(start: int, end: int) -> str:
    return f'"{span_literal(start, end)}"'


def _int(v: int) -> str:
    return f'"{v}"{_INT}'


def _date(v: str) -> str:
    return f'"{v}"{_DATE}'


class _Builder:
    """The quads of one document's graph as N-Quads lines, each once, in the order first added."""

    def __init__(self, graph: str, *, reference: bool = False) -> None:
        """``reference``: this is the reference graph, where the gazetteer's entities are described; in a
        document's graph they are only pointed at."""
        self.g = f" {graph} .\n"
        self.reference = reference
        self.lines: list[str] = []
        self.seen: set[str] = set()
        self.described: set[tuple[str, str]] = set()

    def add(self, s: str, p: str, o: str) -> None:
        """Add the triple ``s p o`` (each an N-Quads term: ``<iri>`` or a literal)."""
        line = f"{s} {p} {o}{self.g}"
        if line not in self.seen:
            self.seen.add(line)
            self.lines.append(line)

    def entity(self, ent: Entity) -> str:
        """The entity's node, described once in this graph (type, label, identifiers, parents), unless the
        reference graph describes it."""
        node = _entity_term(ent.kind, ent.key)
        if (ent.kind, ent.key) in self.described:
            return node
        self.described.add((ent.kind, ent.key))  # described here, or (asked once) in the reference graph
        if not self.reference and _known(ent):
            return node
        self.add(node, _TYPE, _class(ent.kind))
        self.add(node, _LABEL, _str(ent.label))
        if ent.attr("type") in KINDS[ent.kind].subclasses:
            self.add(node, _TYPE, _dkg(ent.attr("type")))
        if ent.kind == "State" and ent.attr("iso3"):
            self.add(node, _D.iso3, _str(ent.attr("iso3")))
        elif ent.kind in ("Resolution", "UNDocument"):
            self.add(node, _D.symbol, _str(ent.attr("symbol") or ent.key))
            if ent.attr("draft"):
                self.add(node, _TYPE, _D.DraftResolution)
        elif ent.kind == "Organization":
            self._body_links(node, ent)
        return node

    def _body_links(self, node: str, ent: Entity) -> None:
        """A body's parent, family and state, as the gazetteer knows them."""
        from kg.extract.common import lex

        for prop, ref in ((_D.partOf, ent.attr("parent")), (_D.bodyFamily, ent.attr("family"))):
            other = lex().organization(ref) if ref else None
            if other is not None:
                self.add(node, prop, self.entity(other))
        state = lex().state(ent.attr("state")) if ent.attr("state") else None
        if state is not None:
            self.add(node, _D.ofState, self.entity(state))


def _known(ent: Entity) -> bool:
    from kg.extract.common import lex

    return lex().describes(ent)


def gazetteer_digest() -> str:
    """SHA-256 of the gazetteer's files (names and bytes): the reference graph is rewritten when it changes."""
    h = hashlib.sha256()
    for path in sorted(GAZETTEER_DIR.glob("*.yaml")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def reference_nquads(digest: str | None = None) -> tuple[bytes, int]:
    """The reference graph (:func:`kg.iris.reference_graph_iri`): every entity of the gazetteer described
    once, and the gazetteer's digest (``digest``, else :func:`gazetteer_digest`); as N-Quads (UTF-8) and how
    many quads they hold."""
    from kg.extract.common import lex

    graph = _iri(iris.reference_graph_iri())
    b = _Builder(graph, reference=True)
    for ent in lex().entities():
        b.entity(ent)
    b.add(graph, _D.gazetteerDigest, _str(digest or gazetteer_digest()))
    return "".join(b.lines).encode("utf-8"), len(b.lines)


def assemble(doc: Document, statements: Iterable[Statement]) -> list[ox.Quad]:
    """All quads of ``doc`` in its named graph (the graph IRI is the document IRI), as pyoxigraph quads."""
    nquads, _ = assemble_nquads(doc, statements)
    return list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))


def assemble_nquads(doc: Document, statements: Iterable[Statement]) -> tuple[bytes, int]:
    """All quads of ``doc`` in its named graph (the graph IRI is the document IRI): N-Quads (UTF-8) and
    how many quads they hold."""
    doc_iri = iris.document_iri(doc.identity)
    b = _Builder(_iri(doc_iri))
    _add_document(b, doc)
    for st in statements:
        s = _add_statement(b, doc, doc_iri, st)
        _add_mentions(b, doc_iri, s, st)
        _add_relations(b, doc_iri, s, st)
    return "".join(b.lines).encode("utf-8"), len(b.lines)


def _add_document(b: _Builder, doc: Document) -> None:
    d = _iri(iris.document_iri(doc.identity))
    b.add(d, _TYPE, _D.Document)
    b.add(d, _LABEL, _str(unicode_path(doc.name)))
    b.add(d, _D.sourcePath, _str(unicode_path(doc.identity)))
    b.add(d, _D.sha256, _str(doc.sha256))
    b.add(d, _D.mediaType, _str(doc.media_type))
    b.add(d, _D.textSource, _str(unicode_path(doc.text_source)))
    b.add(d, _D.charCount, _int(len(doc.text)))
    b.add(d, _D.text, _str(doc.text))  # once: every span's words are taken from it


def _add_statement(b: _Builder, doc: Document, doc_iri: str, st: Statement) -> str:
    """The statement's node: span, heading, kind, dates, speakers, forum, place and event."""
    s = _iri(iris.statement_iri(doc_iri, st.index))
    b.add(s, _TYPE, _D.Statement)
    b.add(s, _D.inDocument, _iri(doc_iri))
    b.add(s, _D.span, _span(st.start, st.end))
    heading = " ".join(st.heading.split())
    b.add(s, _D.heading, _str(heading))
    b.add(s, _LABEL, _str(clean_heading(heading) or heading[:LABEL_LENGTH]))
    b.add(s, _D.kind, _str(st.value("kind") or "statement"))
    if st.value("date"):
        b.add(s, _D.date, _date(st.value("date")))
    if st.value("published") and st.value("published") != st.value("date"):
        b.add(s, _D.publishedOn, _date(st.value("published")))
    for ent, _s, _e, title in st.value("speakers", []):
        b.add(s, _D.speaker, b.entity(ent))
        if title:
            b.add(s, _D.speakerTitle, _str(" ".join(title.split())))
    for ent in st.value("on_behalf_of", []):
        b.add(s, _D.onBehalfOf, b.entity(ent))
    forum, place = st.value("forum"), st.value("place")
    if forum is not None:
        b.add(s, _D.forum, b.entity(forum))
    if place is not None:
        b.add(s, _D.place, b.entity(place))
    if st.value("event"):
        _add_event(b, doc, s, st)
    return s


def _add_event(b: _Builder, doc: Document, s: str, st: Statement) -> None:
    """The event the statement was delivered at, with the statement's forum, place and date."""
    event, forum, place = st.value("event"), st.value("forum"), st.value("place")
    ev = _iri(iris.event_iri(iris.document_key(doc.identity), f"{st.index}-{event}"))
    b.add(ev, _TYPE, _class("Event"))
    b.add(ev, _LABEL, _str(event))
    if forum is not None:
        b.add(ev, _D.forum, b.entity(forum))
    if place is not None:
        b.add(ev, _D.place, b.entity(place))
    if st.value("date"):
        b.add(ev, _D.date, _date(st.value("date")))
    b.add(s, _D.deliveredAt, ev)


def _add_mentions(b: _Builder, doc_iri: str, s: str, st: Statement) -> None:
    """Each mention as its entity, statement and span, three triples: no type (``dkg:mentionOf`` implies
    ``dkg:Mention``) and no link back from the statement or the entity; its words are the document's
    ``dkg:text`` within the span."""
    for m in st.mentions:
        mn = _iri(iris.mention_iri(doc_iri, m.start, m.end, m.entity.kind))
        b.add(mn, _D.mentionOf, b.entity(m.entity))
        b.add(mn, _D.inStatement, s)
        b.add(mn, _D.span, _span(m.start, m.end))


def _add_relations(b: _Builder, doc_iri: str, s: str, st: Statement) -> None:
    """Each relation once (none of an entity with itself), with an Evidence node for its span (its words
    are the document's ``dkg:text`` between the offsets)."""
    seen_rel: set[tuple] = set()
    for r in st.relations:
        key = (r.subject.kind, r.subject.key, r.predicate, r.object.kind, r.object.key)
        if key in seen_rel or key[:2] == key[3:]:
            continue
        seen_rel.add(key)
        subj, obj = b.entity(r.subject), b.entity(r.object)
        pred = _predicate(r.predicate)
        b.add(subj, pred, obj)
        ev = _iri(iris.evidence_iri(doc_iri, st.index, len(seen_rel)))
        b.add(ev, _TYPE, _D.Evidence)
        b.add(ev, _SUBJECT, subj)
        b.add(ev, _PREDICATE, pred)
        b.add(ev, _OBJECT, obj)
        b.add(ev, _D.inStatement, s)
        b.add(ev, _D.span, _span(r.start, r.end))
