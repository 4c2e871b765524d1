"""The one place that turns findings into RDF: a document and its statements -> quads in the
document's own named graph (pyoxigraph terms, ready for the store)."""
from __future__ import annotations

from typing import Iterable

import pyoxigraph as ox

from kg import iris
from kg.model import Document, Entity, Statement
from kg.terms import DKG, RDF, RDFS, XSD

__all__ = ["assemble", "ENTITY_CLASSES", "ORG_CLASSES"]

ORG_CLASSES = {t: getattr(DKG, t) for t in ("UNBody", "IntergovernmentalOrganization", "NationalBody",
                                             "MediaOrganization", "PoliticalParty", "ArmedGroup",
                                             "NonGovernmentalOrganization", "ReligiousOrganization")}
ENTITY_CLASSES = {"State": DKG.State, "Organization": DKG.Organization, "Person": DKG.Person,
                  "Resolution": DKG.Resolution, "Treaty": DKG.Treaty, "Place": DKG.Place,
                  "UNDocument": DKG.UNDocument}
_N: dict[str, ox.NamedNode] = {}


def _n(term: str) -> ox.NamedNode:
    node = _N.get(term)
    if node is None:
        node = _N[term] = ox.NamedNode(str(term))
    return node


_INT = ox.NamedNode(str(XSD.integer))
_DATE = ox.NamedNode(str(XSD.date))


def _int(v: int) -> ox.Literal:
    return ox.Literal(str(v), datatype=_INT)


def _str(v: str) -> ox.Literal:
    return ox.Literal(v)


class _Builder:
    def __init__(self, graph: ox.NamedNode) -> None:
        self.g = graph
        self.quads: list[ox.Quad] = []
        self.seen: set[tuple] = set()
        self.described: set[tuple[str, str]] = set()

    def add(self, s: ox.NamedNode, p: str, o) -> None:  # noqa: ANN001
        key = (s.value, p, o)
        if key in self.seen:
            return
        self.seen.add(key)
        self.quads.append(ox.Quad(s, _n(p), o, self.g))

    def entity(self, ent: Entity) -> ox.NamedNode:
        """The entity's node, described once in this graph (type, label, identifiers, parents)."""
        node = ox.NamedNode(iris.entity_iri(ent.kind, ent.key))
        if (ent.kind, ent.key) in self.described:
            return node
        self.described.add((ent.kind, ent.key))
        self.add(node, RDF.type, _n(ENTITY_CLASSES[ent.kind]))
        self.add(node, RDFS.label, _str(ent.label))
        if ent.kind == "State" and ent.attr("iso3"):
            self.add(node, DKG.iso3, _str(ent.attr("iso3")))
        elif ent.kind in ("Resolution", "UNDocument"):
            self.add(node, DKG.symbol, _str(ent.attr("symbol") or ent.key))
            if ent.attr("draft"):
                self.add(node, RDF.type, _n(DKG.DraftResolution))
        elif ent.kind == "Organization":
            cls = ORG_CLASSES.get(ent.attr("type") or "")
            if cls is not None:
                self.add(node, RDF.type, _n(cls))
            from kg.extract.common import lex  # the gazetteer knows parents, families and states

            for prop, ref in ((DKG.partOf, ent.attr("parent")), (DKG.bodyFamily, ent.attr("family"))):
                other = lex().organization(ref) if ref else None
                if other is not None:
                    self.add(node, prop, self.entity(other))
            state = lex().state(ent.attr("state")) if ent.attr("state") else None
            if state is not None:
                self.add(node, DKG.ofState, self.entity(state))
        return node


def assemble(doc: Document, statements: Iterable[Statement]) -> list[ox.Quad]:
    """All quads of ``doc`` in its named graph (the graph IRI is the document IRI)."""
    doc_iri = iris.document_iri(doc.identity)
    d = ox.NamedNode(doc_iri)
    b = _Builder(d)
    b.add(d, RDF.type, _n(DKG.Document))
    b.add(d, RDFS.label, _str(doc.name))
    b.add(d, DKG.sourcePath, _str(doc.identity))
    b.add(d, DKG.sha256, _str(doc.sha256))
    b.add(d, DKG.mediaType, _str(doc.media_type))
    b.add(d, DKG.textSource, _str(doc.text_source))
    b.add(d, DKG.charCount, _int(len(doc.text)))
    text = doc.text
    for st in statements:
        s = ox.NamedNode(iris.statement_iri(doc_iri, st.index))
        b.add(s, RDF.type, _n(DKG.Statement))
        b.add(s, DKG.inDocument, d)
        b.add(s, DKG.startOffset, _int(st.start))
        b.add(s, DKG.endOffset, _int(st.end))
        heading = " ".join(st.heading.split())
        b.add(s, DKG.heading, _str(heading))
        b.add(s, RDFS.label, _str(heading if len(heading) <= 160 else heading[:157] + "..."))
        b.add(s, DKG.kind, _str(st.value("kind") or "statement"))
        if st.value("date"):
            b.add(s, DKG.date, ox.Literal(st.value("date"), datatype=_DATE))
        if st.value("published") and st.value("published") != st.value("date"):
            b.add(s, DKG.publishedOn, ox.Literal(st.value("published"), datatype=_DATE))
        for ent, _s, _e, title in st.value("speakers", []):
            b.add(s, DKG.speaker, b.entity(ent))
            if title:
                b.add(s, DKG.speakerTitle, _str(" ".join(title.split())))
        for ent in st.value("on_behalf_of", []):
            b.add(s, DKG.onBehalfOf, b.entity(ent))
        forum = st.value("forum")
        if forum is not None:
            b.add(s, DKG.forum, b.entity(forum))
        place = st.value("place")
        if place is not None:
            b.add(s, DKG.place, b.entity(place))
        event = st.value("event")
        if event:
            ev = ox.NamedNode(iris.event_iri(iris.document_key(doc.identity), f"{st.index}-{event}"))
            b.add(ev, RDF.type, _n(DKG.Event))
            b.add(ev, RDFS.label, _str(event))
            if forum is not None:
                b.add(ev, DKG.forum, b.entity(forum))
            if place is not None:
                b.add(ev, DKG.place, b.entity(place))
            if st.value("date"):
                b.add(ev, DKG.date, ox.Literal(st.value("date"), datatype=_DATE))
            b.add(s, DKG.deliveredAt, ev)
        for m in st.mentions:
            ent_node = b.entity(m.entity)
            b.add(s, DKG.mentions, ent_node)
            mn = ox.NamedNode(iris.mention_iri(doc_iri, m.start, m.end, m.entity.kind))
            b.add(s, DKG.hasMention, mn)
            b.add(mn, RDF.type, _n(DKG.Mention))
            b.add(mn, DKG.mentionOf, ent_node)
            b.add(mn, DKG.inStatement, s)
            b.add(mn, DKG.startOffset, _int(m.start))
            b.add(mn, DKG.endOffset, _int(m.end))
            b.add(mn, DKG.quote, _str(text[m.start:m.end]))
        seen_rel: set[tuple] = set()
        for r in st.relations:
            key = (r.subject.kind, r.subject.key, r.predicate, r.object.kind, r.object.key)
            if key in seen_rel or key[:2] == key[3:]:
                continue
            seen_rel.add(key)
            subj, obj = b.entity(r.subject), b.entity(r.object)
            pred = getattr(DKG, r.predicate)
            b.add(subj, pred, obj)
            ev = ox.NamedNode(iris.evidence_iri(doc_iri, st.index, len(seen_rel)))
            b.add(ev, RDF.type, _n(DKG.Evidence))
            b.add(ev, RDF.subject, subj)
            b.add(ev, RDF.predicate, _n(pred))
            b.add(ev, RDF.object, obj)
            b.add(ev, DKG.inStatement, s)
            b.add(ev, DKG.startOffset, _int(r.start))
            b.add(ev, DKG.endOffset, _int(r.end))
            b.add(ev, DKG.quote, _str(text[r.start:r.end]))
    return b.quads
