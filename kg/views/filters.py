"""The filters the HTML and network views apply to a view's graph, and the parsing of their options."""
from __future__ import annotations

import datetime
import re

import networkx as nx

from kg.errors import ParameterError
from kg.kinds import KINDS

__all__ = ["date_bound", "focus", "keep_types", "top_nodes", "type_names"]


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
    known = {t.casefold(): t for t in (*KINDS, "Statement")}
    out = []
    for part in text.split(","):
        name = part.strip()
        if not name:
            continue
        if name.casefold() not in known:
            raise ParameterError(f"--type {name!r}: not a type; choose from {', '.join(known.values())}")
        out.append(known[name.casefold()])
    return out
