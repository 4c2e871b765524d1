"""Derived NetworkX views of the store, and the filters the HTML views apply to them.

* ``statement_network``: speaker / state spoken for -> statement -> mentioned entities, plus the
  typed relations between those entities (a MultiDiGraph).
* ``comention_network``: states, bodies, resolutions and treaties linked by how many statements name
  both (an undirected Graph with ``weight``).
* ``forum_network``: person / state -> forum, weighted by statements, with their dates (a DiGraph).

Every node has ``label``, ``type``, ``iri`` and ``statements``; every edge ``label``, ``weight``,
``statements`` and ``evidence``; dated things have ``first`` (and ``last``) ISO dates.
"""
from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from kg.errors import ParameterError
from kg.nxview import (
    MAX_EVIDENCE,
    add_relations,
    count_statement,
    entity_node,
    graph_view,
    statement_node,
)
from kg.store import Store
from kg.viewdata import ENTITY_TYPES, LINK_LABELS, ViewData, load_view_data

__all__ = [
    "COMENTION_TYPES",
    "VIEWS",
    "ViewResult",
    "build_view",
    "comention_graph",
    "comention_named",
    "comention_network",
    "date_bound",
    "focus",
    "forum_graph",
    "forum_network",
    "forum_pairs",
    "keep_types",
    "prepare_view",
    "statement_graph",
    "statement_network",
    "top_nodes",
    "type_names",
]

COMENTION_TYPES = ("State", "Organization", "Resolution", "Treaty")


def statement_network(store: Store, date_from: str | None = None, date_to: str | None = None) -> nx.MultiDiGraph:
    """Who spoke (person, or the state/body spoken for) -> statement -> what it mentions."""
    return statement_graph(load_view_data(store, date_from, date_to))


def statement_graph(data: ViewData, keep: set[str] | None = None) -> nx.MultiDiGraph:
    """:func:`statement_network` of ``data``; with ``keep``, only those nodes (the subgraph they induce)."""
    g = nx.MultiDiGraph()
    seen: set[tuple[str, str]] = set()
    for st, p, e in data.links:
        st_in, e_in = keep is None or st in keep, keep is None or e in keep
        if st_in:
            statement_node(g, data, st)
        if e_in:
            entity_node(g, data, e)
            count_statement(g, data, e, st, seen)
        if not (st_in and e_in):
            continue
        info = data.statements[st]
        if p == "mentions":
            quotes = data.quotes_for(st, e)
            ev = [data.evidence(st, q) for q in quotes[:MAX_EVIDENCE]] or [data.evidence(st)]
            g.add_edge(st, e, key=p, predicate=p, label=LINK_LABELS[p], statements=[st], weight=1,
                       first=info.date or "", evidence=ev)
        elif p == "forum":
            g.add_edge(st, e, key=p, predicate=p, label="at " + LINK_LABELS[p], statements=[st], weight=1,
                       first=info.date or "", evidence=[data.evidence(st)])
        else:  # speaker, onBehalfOf: the actor points at what it said
            g.add_edge(e, st, key=p, predicate=p, label="spoke" if p == "speaker" else "spoken for", statements=[st],
                       weight=1, first=info.date or "", evidence=[data.evidence(st)])
    add_relations(g, data)
    return g


def comention_named(data: ViewData, types: tuple[str, ...] = COMENTION_TYPES) -> dict[str, list[str]]:
    """statement -> the entities of ``types`` it mentions (the comention view's raw material)."""
    named: dict[str, list[str]] = defaultdict(list)
    for st, p, e in data.links:
        if p == "mentions" and data.entities[e].type in types:
            named[st].append(e)
    return named


def comention_network(store: Store, date_from: str | None = None, date_to: str | None = None,
                      types: tuple[str, ...] = COMENTION_TYPES) -> nx.Graph:
    """States, bodies, resolutions and treaties linked by the number of statements that name both."""
    return comention_graph(load_view_data(store, date_from, date_to), types=types)


def comention_graph(data: ViewData, keep: set[str] | None = None,
                    types: tuple[str, ...] = COMENTION_TYPES) -> nx.Graph:
    """:func:`comention_network` of ``data``; with ``keep``, only those nodes (the subgraph they induce)."""
    g = nx.Graph()
    seen: set[tuple[str, str]] = set()
    edges: dict[tuple[str, str], dict] = {}  # (u, v) with u < v -> attributes; a statement comes once
    for st, ents in comention_named(data, types).items():
        if keep is not None:
            ents = [e for e in ents if e in keep]
        for e in ents:
            entity_node(g, data, e)
            count_statement(g, data, e, st, seen)
        date = data.statements[st].date
        for pair in combinations(sorted(set(ents)), 2):
            d = edges.get(pair)
            if d is None:
                d = edges[pair] = {"weight": 0, "statements": [], "first": "", "last": "", "evidence": []}
            d["weight"] += 1
            d["statements"].append(st)
            if date:
                if not d["first"] or date < d["first"]:
                    d["first"] = date
                d["last"] = max(d["last"], date)
            if len(d["evidence"]) < MAX_EVIDENCE:
                d["evidence"].append(data.evidence(st))
    for d in edges.values():
        d["label"] = f"named together in {d['weight']} statement(s)"
    g.add_edges_from((u, v, d) for (u, v), d in edges.items())
    return g


def forum_pairs(data: ViewData) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """statement -> its forums, and statement -> its speakers and the states or bodies it was spoken for."""
    forums: dict[str, list[str]] = defaultdict(list)
    actors: dict[str, list[str]] = defaultdict(list)
    for st, p, e in data.links:
        if p == "forum":
            forums[st].append(e)
        elif p in ("speaker", "onBehalfOf"):
            actors[st].append(e)
    return forums, actors


def forum_network(store: Store, date_from: str | None = None, date_to: str | None = None) -> nx.DiGraph:
    """Speakers and the states or bodies they spoke for -> the forum they spoke at, with dates."""
    return forum_graph(load_view_data(store, date_from, date_to))


def forum_graph(data: ViewData, keep: set[str] | None = None) -> nx.DiGraph:
    """:func:`forum_network` of ``data``; with ``keep``, only those nodes (the subgraph they induce)."""
    forums, actors = forum_pairs(data)
    g = nx.DiGraph()
    seen: set[tuple[str, str]] = set()
    for st, fs in forums.items():
        info = data.statements[st]
        for f in fs:
            f_in = keep is None or f in keep
            if f_in:
                entity_node(g, data, f)
                count_statement(g, data, f, st, seen)
            for a in actors.get(st, []):
                if keep is not None and a not in keep:
                    continue
                entity_node(g, data, a)
                count_statement(g, data, a, st, seen)
                if not f_in:
                    continue
                if g.has_edge(a, f):
                    d = g.edges[a, f]
                else:
                    g.add_edge(a, f, weight=0, statements=[], dates=[], first="", last="", evidence=[])
                    d = g.edges[a, f]
                if st in d["statements"]:
                    continue
                d["weight"] += 1
                d["statements"].append(st)
                if info.date:
                    d["dates"] = sorted({*d["dates"], info.date})
                    d["first"], d["last"] = d["dates"][0], d["dates"][-1]
                if len(d["evidence"]) < MAX_EVIDENCE:
                    d["evidence"].append(data.evidence(st))
    for _u, _v, d in g.edges(data=True):
        d["label"] = f"spoke at ({d['weight']} statement(s))"
    return g


VIEWS: dict[str, Callable[..., nx.Graph]] = {
    "statements": statement_network,
    "comentions": comention_network,
    "forums": forum_network,
    "graph": lambda store, date_from=None, date_to=None: graph_view(store, date_from=date_from, date_to=date_to),
}


def build_view(store: Store, view: str, date_from: str | None = None, date_to: str | None = None) -> nx.Graph:
    if view not in VIEWS:
        raise ParameterError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    return VIEWS[view](store, date_from=date_from, date_to=date_to)


# ---------------------------------------------------------------- filters
def focus(g: nx.Graph, label: str, depth: int = 1) -> nx.Graph:
    """The nodes within ``depth`` links of the node(s) labelled ``label`` (exact, else containing it)."""
    want = label.casefold().strip()
    hits = [n for n, d in g.nodes(data=True) if str(d.get("label", "")).casefold() == want]
    if not hits:
        hits = [n for n, d in g.nodes(data=True) if want in str(d.get("label", "")).casefold()]
    if not hits:
        raise ParameterError(f"--focus {label!r}: no node of this view has that label; `kg query --sparql "
                             "'SELECT ?l WHERE { ?e rdfs:label ?l }'` lists the labels")
    und = g.to_undirected(as_view=True)
    keep: set = set()
    for h in hits:
        keep |= set(nx.single_source_shortest_path_length(und, h, cutoff=max(0, depth)))
    return g.subgraph(keep).copy()


def keep_types(g: nx.Graph, types: list[str]) -> nx.Graph:
    """Only entities of ``types``; statements stay while they still link two kept nodes or more."""
    known = {d.get("type") for _n, d in g.nodes(data=True)}
    unknown = [t for t in types if t not in known and t != "Statement"]
    if unknown and not any(t in known for t in types):
        raise ParameterError(f"--type {','.join(types)}: this view has no nodes of that type; it has "
                             + ", ".join(sorted(t for t in known if t)))
    wanted = set(types)
    keep = [n for n, d in g.nodes(data=True) if d.get("type") in wanted or d.get("type") == "Statement"]
    sub = g.subgraph(keep)
    drop = [n for n, d in sub.nodes(data=True)
            if d.get("type") == "Statement" and "Statement" not in wanted and sub.degree(n) < 1]
    return sub.subgraph([n for n in keep if n not in set(drop)]).copy()


def top_nodes(g: nx.Graph, max_nodes: int) -> nx.Graph:
    """The ``max_nodes`` nodes with most links (ties by label); the graph itself when it is small enough."""
    if g.number_of_nodes() <= max_nodes:
        return g
    ranked = sorted(g.nodes, key=lambda n: (-g.degree(n), str(g.nodes[n].get("label", n)), str(n)))
    return g.subgraph(ranked[:max_nodes]).copy()


# ---------------------------------------------------------------- one call for `kg render` / `kg export`
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_bound(text: str | None, *, end: bool, option: str) -> str | None:
    """``2020``, ``2020-03`` or ``2020-03-05`` as an ISO day: the first day of the period, or the last with ``end``."""
    if text is None or not text.strip():
        return None
    m = _DATE.match(text.strip())
    if not m:
        raise ParameterError(f"{option} {text!r}: write a date as YYYY-MM-DD, YYYY-MM or YYYY")
    y, mo, d = int(m.group(1)), int(m.group(2) or (12 if end else 1)), m.group(3)
    try:
        if d is not None:
            day = datetime.date(y, mo, int(d))
        elif end:
            day = (datetime.date(y + (mo == 12), mo % 12 + 1, 1) - datetime.timedelta(days=1))
        else:
            day = datetime.date(y, mo, 1)
    except ValueError:
        raise ParameterError(f"{option} {text!r}: no such date; write it as YYYY-MM-DD, YYYY-MM or YYYY") from None
    return day.isoformat()


def type_names(text: str | None) -> list[str]:
    """``State,resolution`` -> ``["State", "Resolution"]`` (names of entity types, any case)."""
    if not text:
        return []
    known = {t.casefold(): t for t in (*ENTITY_TYPES, "Statement")}
    out = []
    for part in text.split(","):
        name = part.strip()
        if not name:
            continue
        if name.casefold() not in known:
            raise ParameterError(f"--type {name!r}: not a type; choose from {', '.join(known.values())}")
        out.append(known[name.casefold()])
    return out


@dataclass
class ViewResult:
    graph: nx.Graph
    total_nodes: int  # before --max-nodes
    summary: str


def prepare_view(store: Store, view: str = "statements", *, focus_label: str | None = None, depth: int = 1,
                 types: list[str] | None = None, date_from: str | None = None, date_to: str | None = None,
                 max_nodes: int | None = None) -> ViewResult:
    """Build ``view`` and apply the filters in order: dates, types, focus, then the top ``max_nodes``
    (without --type and --focus, ranked before any evidence is read: see kg.viewtop)."""
    notes = []
    if date_from or date_to:
        notes.append(f"statements dated {date_from or '…'} to {date_to or '…'}")
    if max_nodes is not None and not types and not focus_label and view in VIEWS:
        from kg.viewtop import top_view

        g, total = top_view(store, view, max_nodes, date_from, date_to)
    else:
        g = build_view(store, view, date_from, date_to)
        if types:
            g = keep_types(g, types)
            notes.append("types " + ", ".join(types))
        if focus_label:
            g = focus(g, focus_label, depth)
            notes.append(f"within {depth} link(s) of “{focus_label}”")
        total = g.number_of_nodes()
        if max_nodes is not None and total > max_nodes:
            g = top_nodes(g, max_nodes)
    if max_nodes is not None and total > max_nodes:
        notes.append(f"showing the {max_nodes:,} nodes with most links of {total:,} (raise --max-nodes to see more)")
    summary = f"{view} view: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} links"
    if notes:
        summary += " · " + " · ".join(notes)
    return ViewResult(g, total, summary)
