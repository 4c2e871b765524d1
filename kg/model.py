"""The plain data that travels through the pipeline: documents, statements and findings.

Extractors read a :class:`Statement` (its offsets into the document text plus the
document-level :class:`Context`) and yield findings: :class:`Mention`, :class:`Relation`
and :class:`Attribute`. Only :mod:`kg.assemble` turns findings into RDF.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

__all__ = [
    "Document",
    "Entity",
    "Mention",
    "Relation",
    "Attribute",
    "Finding",
    "Statement",
    "Context",
]


@dataclass(frozen=True, slots=True)
class Document:
    """One source file read as text. Offsets everywhere refer to ``text``."""

    identity: str  # absolute POSIX path of the source file
    name: str  # file name, for people
    text: str
    sha256: str  # digest of the raw bytes
    media_type: str  # text/plain or text/html
    text_source: str  # how ``text`` was obtained from the bytes
    encoding: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world thing with a canonical key; ``kind`` picks the IRI scheme and class."""

    kind: str  # State | Organization | Person | Resolution | Treaty | Place | UNDocument
    key: str
    label: str
    attrs: tuple[tuple[str, Any], ...] = ()

    def attr(self, name: str, default: Any = None) -> Any:
        for k, v in self.attrs:
            if k == name:
                return v
        return default


@dataclass(slots=True)
class Mention:
    """An entity named at ``text[start:end]`` (``quote`` is that text, verbatim)."""

    start: int
    end: int
    quote: str
    entity: Entity
    form: str = "name"  # name | abbreviation | adjective | capital | metonym | surname | pattern | short
    info: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Relation:
    """``subject predicate object`` read from ``text[start:end]``."""

    subject: Entity
    predicate: str  # chairOf | affiliatedWith | establishedBy | sponsoredBy
    object: Entity
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Attribute:
    """A fact about the statement itself (kind, date, speaker, forum, ...)."""

    name: str
    value: Any
    start: int | None = None
    end: int | None = None


Finding = Union[Mention, Relation, Attribute]


@dataclass(slots=True)
class Context:
    """What the document as a whole tells every statement in it."""

    document: Document
    home_state: Entity | None = None  # the state whose page this is (its embassy, ministry, mission)
    persons: dict[str, Entity] = field(default_factory=dict)  # surname -> person met so far
    session: int | None = None  # General Assembly session the document speaks of (76th -> 76)
    hits: list[Any] | None = None  # gazetteer matches over the whole text (kg.gazetteer.Hit), when found in one pass

    @property
    def text(self) -> str:
        return self.document.text


@dataclass(slots=True)
class Statement:
    """One statement: a span of the document plus everything read from it so far."""

    index: int
    start: int
    end: int
    heading_end: int  # the heading is text[start:heading_end]
    context: Context
    listing_date: str | None = None  # the date a listing page filed it under (ISO)
    role: str = "main"  # main | item | turn (of a transcript) | part (a speaker in a press release) | frame
    parent: "Statement | None" = None  # the statement a turn or part belongs to (date, place, forum come from it)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    attrs: dict[str, Attribute] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)  # per-statement scratch shared by extractors
    title_start: int | None = None  # where the heading's title line begins when a preamble (forum, session) precedes it
    own_state: Entity | None = None  # the state the heading names as issuer ("UK statement to the OSCE"), once read

    @property
    def text(self) -> str:
        return self.context.document.text[self.start:self.end]

    @property
    def heading(self) -> str:
        return self.context.document.text[self.start:self.heading_end]

    def value(self, name: str, default: Any = None) -> Any:
        a = self.attrs.get(name)
        return a.value if a is not None else default

    def entities(self, kind: str | None = None) -> list[Entity]:
        seen: dict[tuple[str, str], Entity] = {}
        for m in self.mentions:
            if kind is None or m.entity.kind == kind:
                seen.setdefault((m.entity.kind, m.entity.key), m.entity)
        return list(seen.values())

