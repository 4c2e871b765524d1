"""The one registry of entity kinds and of the typed relations between entities.

A :class:`Kind` says everything the code outside its reader needs to know about one kind of entity:
its ontology class, how its IRIs are made, its export prefix, how views draw it, the query parameter
type that names one, the gazetteer file it is read from and the groups it belongs to. A
:class:`Relation` gives a relation's ontology term, its label and the kinds it links. iris, assemble,
stats, the views, the named queries, the HTML page and the tests read these tables when they run (so a
kind added here, even by a test, is seen everywhere); nothing else lists kinds or relations.

Adding a kind: its class in ``ontology/diplokg.ttl`` (and ``kg/terms.py``), a :class:`Kind` here, and the
reader that finds it. Adding a relation: its property in the ontology, a :class:`Relation` here, and the
patterns that read it.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from kg.terms import DKG, PREFIXES

__all__ = [
    "COMENTION",
    "KINDS",
    "PROFILE",
    "RELATIONS",
    "Kind",
    "Relation",
    "by_param",
    "export_prefixes",
    "in_group",
    "kind_filter",
    "kind_values",
    "relation_values",
]

COMENTION = "comention"  # group: drawn in the comentions view (what statements name together)
PROFILE = "profile"  # group: counted when profiling what an actor's statements mention (state-mentions.rq)


@dataclass(frozen=True)
class Kind:
    """One kind of entity. ``name`` is the class's local name: ``Entity.kind``, a view node's ``type``."""

    name: str
    term: URIRef  # its class in the ontology
    path: str  # IRIs are BASE + path + "/" + the key written in ``key_style``
    key_style: str | None  # kg.iris: "upper" | "id" | "slug" | "symbol"; None: minted per document (events)
    prefix: str  # the Turtle/TriG export prefix of its IRIs
    color: str  # HTML view: fill colour (colour-blind-safe palette), vis-network shape, legend symbol
    shape: str
    symbol: str
    param: str | None = None  # the query parameter type that names one (``@param NAME state``)
    param_hint: str = ""  # what that parameter takes, for the error message on a value that names none
    gazetteer: str | None = None  # its file in data/gazetteer/
    subclasses: tuple[str, ...] = ()  # finer classes an entity's ``type`` attribute may give
    groups: frozenset[str] = frozenset()  # COMENTION, PROFILE


@dataclass(frozen=True)
class Relation:
    """A typed relation read from text: ``subject term object``."""

    name: str  # the property's local name (``chairOf``), ``model.Relation.predicate``
    term: URIRef
    label: str
    subjects: tuple[str, ...]  # kinds of its subject
    objects: tuple[str, ...]  # kinds of its object


_BOTH = frozenset({COMENTION, PROFILE})

KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("State", DKG.State, "state", "upper", "state", "#0072B2", "dot", "●", "state",
         "no such state; give an ISO 3166-1 alpha-3 code (RUS) or a name (Russia)", "states.yaml", groups=_BOTH),
    Kind("Organization", DKG.Organization, "org", "id", "body", "#009E73", "diamond", "◆", "organization",
         "no such body in the gazetteer; give its ID (OEWG-2021, UNSC, MFA-FRA) or a name (Security Council)",
         "organizations.yaml", groups=_BOTH,
         subclasses=("UNBody", "IntergovernmentalOrganization", "NationalBody", "MediaOrganization",
                     "PoliticalParty", "ArmedGroup", "NonGovernmentalOrganization", "ReligiousOrganization")),
    Kind("Person", DKG.Person, "person", "slug", "person", "#D55E00", "triangle", "▲", "person",
         "", "persons.yaml", groups=frozenset({PROFILE})),
    Kind("Resolution", DKG.Resolution, "resolution", "symbol", "resolution", "#CC79A7", "square", "■",
         "resolution", "not a resolution symbol; write e.g. A/RES/75/240, 75/240 or A/C.1/76/L.13", groups=_BOTH),
    Kind("Treaty", DKG.Treaty, "treaty", "id", "treaty", "#E69F00", "star", "★", "treaty",
         "no such treaty; give its ID (NPT) or a name", "treaties.yaml", groups=_BOTH),
    Kind("UNDocument", DKG.UNDocument, "document", "symbol", "undoc", "#F0E442", "square", "■"),
    Kind("Place", DKG.Place, "place", "slug", "place", "#56B4E9", "dot", "●", gazetteer="places.yaml"),
    Kind("Event", DKG.Event, "event", None, "event", "#882255", "hexagon", "⬢"),
)}

RELATIONS: dict[str, Relation] = {r.name: r for r in (
    Relation("chairOf", DKG.chairOf, "chair of", ("Person", "State"), ("Organization",)),
    Relation("affiliatedWith", DKG.affiliatedWith, "affiliated with", ("Person",), ("State", "Organization")),
    Relation("establishedBy", DKG.establishedBy, "established by", ("Organization",), ("Resolution",)),
    Relation("sponsoredBy", DKG.sponsoredBy, "sponsored by", ("Resolution",), ("State", "Organization")),
)}


def export_prefixes() -> dict[str, str]:
    """Turtle/TriG exports: the ontology's prefixes and one per kind of entity, so that names need no
    escaped slashes."""
    return {k: v for k, v in PREFIXES.items() if k != "id"} | {
        k.prefix: f"{PREFIXES['id']}{k.path}/" for k in KINDS.values()}


def in_group(group: str) -> tuple[str, ...]:
    """The names of the kinds of ``group``, in registry order."""
    return tuple(k.name for k in KINDS.values() if group in k.groups)


def by_param(param_type: str) -> Kind | None:
    """The kind a query parameter of type ``param_type`` names, if any."""
    return next((k for k in KINDS.values() if k.param == param_type), None)


def kind_values(class_var: str, type_var: str, group: str | None = None) -> str:
    """``VALUES (?class ?type) { (<State class> "State") ... }`` over all kinds, or those of ``group``."""
    rows = " ".join(f'(<{k.term}> "{k.name}")' for k in KINDS.values() if group is None or group in k.groups)
    return f"VALUES (?{class_var} ?{type_var}) {{ {rows} }}"


def kind_filter(class_var: str, type_var: str, group: str | None = None) -> str:
    """The same as :func:`kind_values`, as a FILTER on ``?class`` and a BIND of ``?type``: for a query whose
    ``?class`` comes from a UNION, which pyoxigraph joins with a VALUES block by scanning."""
    chosen = [k for k in KINDS.values() if group is None or group in k.groups]
    names = '""'
    for k in reversed(chosen):
        names = f'IF(?{class_var} = <{k.term}>, "{k.name}", {names})'
    return (f"FILTER (?{class_var} IN ({', '.join(f'<{k.term}>' for k in chosen)})) "
            f"BIND ({names} AS ?{type_var})")


def relation_values(var: str) -> str:
    """``VALUES ?p { <chairOf> ... }`` over every relation."""
    return f"VALUES ?{var} {{ {' '.join(f'<{r.term}>' for r in RELATIONS.values())} }}"
