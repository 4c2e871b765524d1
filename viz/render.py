"""HTML views of a NetworkX graph: one self-contained file that loads nothing from the network.

The vis-network library pyvis ships is inlined into our own page (pyvis's own template, even
``cdn_resources="in_line"``, still links bootstrap from a CDN). Nodes and edges are written as one
JSON block in bulk (no per-node ``add_node`` calls), with positions computed in Python
(``viz.layout``) so that big graphs draw without physics. Text from documents only ever reaches the
page inside that JSON block, with ``<``, ``>`` and ``&`` escaped, and the page's script sets it with
``textContent``: nothing a statement says is run as HTML or script.
"""
from __future__ import annotations

import html
import json
import math
import re
from pathlib import Path

import networkx as nx

from kg.kinds import KINDS
from kg.headings import short_heading
from viz.layout import layout, spread_labels

__all__ = ["node_types", "page_data", "page_html", "render_html", "vis_network_js"]

PAGE_DIR = Path(__file__).resolve().parent / "page"


def node_types() -> dict[str, tuple[str, str, str]]:
    """Colour (colour-blind-safe palette), vis-network shape and legend symbol of each node type: the
    kinds of entity (kg.kinds), statements and other resources."""
    return {**{k.name: (k.color, k.shape, k.symbol) for k in KINDS.values()},
            "Statement": ("#9E9E9E", "dot", "•"), "Resource": ("#BBBBBB", "dot", "●")}

_EDGE_COLORS = {"mentions": "#c8c8c8", "speaker": "#D55E00", "onBehalfOf": "#0072B2", "forum": "#009E73"}
_RELATION_COLOR = "#555555"


def vis_network_js() -> str:
    """The vis-network library bundled with pyvis (its standalone, minified build)."""
    import pyvis

    libs = sorted((Path(pyvis.__file__).parent / "templates" / "lib").glob("vis-*/vis-network.min.js"))
    if not libs:
        raise FileNotFoundError("pyvis ships no vis-network.min.js (templates/lib/vis-*/); reinstall pyvis>=0.3.2")
    return libs[-1].read_text(encoding="utf-8")


def _json_for_script(value: object) -> str:
    """JSON that cannot end its <script> block or open a comment or tag inside it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _short(label: str, n: int = 32) -> str:
    label = " ".join(label.split())
    return label if len(label) <= n else label[:n - 1].rstrip() + "…"


def _node_facts(d: dict) -> list[list[str]]:
    rows = []
    for key, name in (("kind", "kind"), ("date", "date"), ("document", "document"), ("statements", "statements"),
                      ("first", "first named"), ("last", "last named")):
        v = d.get(key)
        if v not in (None, "") and not (key == "first" and d.get("type") == "Statement"):
            rows.append([name, str(v)])
    return rows


def _edge_facts(d: dict) -> list[list[str]]:
    rows = [["statements", str(len(d.get("statements") or []))]] if d.get("statements") else []
    for key, name in (("first", "first"), ("last", "last")):
        if d.get(key):
            rows.append([name, str(d[key])])
    return rows


def _dates(d: dict) -> list[str]:
    """A node's dates for the page's date filter: [first, last] (a statement: its date twice)."""
    first = str(d.get("date") or d.get("first") or "")
    last = str(d.get("date") or d.get("last") or first)
    return [first, last] if first else []


def _is_forum_link(d: dict) -> bool:
    """A link to the forum a statement was made at: ``forum`` in the statement views, ``spoke at`` in the forum view."""
    return d.get("predicate") == "forum" or str(d.get("label", "")).startswith("spoke at")


def _forums(graph: nx.Graph) -> tuple[list[str], dict]:
    """The forums of the view (labels, sorted) and, for each node, the indices of the forums it is tied to:
    a forum itself, what is linked to it as to a forum, and the nodes next to a statement made at one."""
    marks: dict = {}
    for u, v, d in graph.edges(data=True):
        if _is_forum_link(d):
            marks.setdefault(u, set()).add(v)
            marks.setdefault(v, set()).add(v)
    labels = sorted({str(graph.nodes[f].get("label") or f) for fs in marks.values() for f in fs})
    index = {lab: i for i, lab in enumerate(labels)}
    out = {n: {index[str(graph.nodes[f].get("label") or f)] for f in fs} for n, fs in marks.items()}
    for n, d in graph.nodes(data=True):
        if n in marks:
            continue
        near = set()
        for m in nx.all_neighbors(graph, n) if graph.is_directed() else graph.neighbors(n):
            if graph.nodes[m].get("type") == "Statement":
                near |= out.get(m, set())
        if near:
            out[n] = near
    return labels, out


class _Sources:
    """Evidence as the page stores it: each (statement, document, date) written once, quotes beside."""

    def __init__(self) -> None:
        self.rows: list[list[str]] = []  # [statement, document, date]
        self.ids: dict[tuple[str, str, str], int] = {}

    def evidence(self, items: list) -> list[list]:
        """Each (statement, document, date, quote) once: a name said three times in a statement is one item."""
        out: list[list] = []
        for e in items:
            key = (str(e.get("statement", "")), str(e.get("document", "")), str(e.get("date", "")))
            i = self.ids.get(key)
            if i is None:
                i = self.ids[key] = len(self.rows)
                self.rows.append(list(key))
            quote, sentence = str(e.get("quote", "")), str(e.get("sentence", ""))
            item = [i] if quote == key[0] else [i, quote] + ([sentence] if sentence and sentence != quote else [])
            if item not in out:
                out.append(item)
        return out


def _looks(graph: nx.Graph, deg: dict) -> dict:
    """node -> (type, label, short label, size, font size)."""
    looks = {}
    for n, d in graph.nodes(data=True):
        typ = str(d.get("type") or "Resource")
        label = str(d.get("label") or n)
        weight = d.get("statements") or deg[n]
        size = min(6 + 3.2 * math.sqrt(weight) if typ != "Statement" else 7 + 1.2 * math.sqrt(deg[n]), 48.0)
        font = 14 if typ == "Statement" else round(min(13 + 2 * math.sqrt(weight), 30))
        short = short_heading(label, 36) if typ == "Statement" else _short(label, 36)
        looks[n] = (typ, label, short, size, font)
    return looks


def _positions(graph: nx.Graph, looks: dict) -> dict:
    """Node positions, node and label taken as one box (the label sits under the node) and the boxes
    moved apart so that labels do not overlap."""
    pos = layout(graph)
    boxes = {}
    for n, (_typ, _label, short, size, font) in looks.items():
        w = max(2 * size, 0.62 * font * len(short))
        h = 2 * size + 1.25 * font
        boxes[n] = (pos[n][0], pos[n][1] + 0.6 * font, w, h)
    return spread_labels(boxes)


def _nodes(graph: nx.Graph, ids: dict, deg: dict, sources: _Sources,
           forums_of: dict) -> tuple[list[dict], dict[str, int]]:
    """The page's nodes, and how many there are of each type."""
    looks = _looks(graph, deg)
    spread = _positions(graph, looks)
    nodes = []
    counts: dict[str, int] = {}
    for n, d in graph.nodes(data=True):
        typ, label, short, size, font = looks[n]
        counts[typ] = counts.get(typ, 0) + 1
        x, y = spread[n][0], spread[n][1] - 0.6 * font
        node = {"id": ids[n], "label": label, "type": typ, "iri": str(d.get("iri", n)), "font": font,
                "x": round(x, 1), "y": round(y, 1), "size": round(size, 1), "degree": deg[n]}
        # defaults are left out to keep big pages small: short = label, no facts, no evidence, count = shown
        if short != label:
            node["short"] = short
        facts = _node_facts(d)
        if facts:
            node["facts"] = facts
        ev = list(d.get("evidence") or [])
        if ev:
            node["evidence"] = sources.evidence(ev)
        if int(d.get("evidence_count") or len(ev)) > len(node.get("evidence", ())):
            node["evidenceCount"] = int(d.get("evidence_count") or len(ev))
        span = _dates(d)
        if span:
            node["dates"] = span
        if forums_of.get(n):
            node["forums"] = sorted(forums_of[n])
        nodes.append(node)
    return nodes, counts


def _edges(graph: nx.Graph, ids: dict, sources: _Sources) -> tuple[list[dict], dict[str, int], dict[str, int]]:
    """The page's edges, with their labels and colours each listed once."""
    edges = []
    labels: dict[str, int] = {}
    colors: dict[str, int] = {}
    keyed = graph.is_multigraph()
    for e in graph.edges(keys=True, data=True) if keyed else graph.edges(data=True):
        u, v, d = (e[0], e[1], e[3]) if keyed else e
        pred = str(d.get("predicate") or "")
        w = float(d.get("weight") or 1)
        label = str(d.get("label") or pred or "link")
        color = _EDGE_COLORS.get(pred, _RELATION_COLOR if pred else "#9aa7b5")
        edge = {"from": ids[u], "to": ids[v], "l": labels.setdefault(label, len(labels)),
                "c": colors.setdefault(color, len(colors))}
        if w > 1:
            edge["w"] = round(min(1 + 1.5 * math.log2(w), 9), 2)
        if len(d.get("statements") or []) > 1:
            edge["facts"] = _edge_facts(d)
        ev = list(d.get("evidence") or [])
        if ev:
            edge["evidence"] = sources.evidence(ev[:12])
            if len(ev) > 12:
                edge["evidenceCount"] = len(ev)
        edges.append(edge)
    return edges, labels, colors


def page_data(graph: nx.Graph, *, simplify_limit: int = 1000) -> dict:
    """The JSON the page draws: nodes with positions, sizes and evidence; edges; types and legend."""
    ids = {n: i for i, n in enumerate(graph.nodes)}
    deg = dict(graph.degree())
    sources = _Sources()
    forum_labels, forums_of = _forums(graph)
    nodes, counts = _nodes(graph, ids, deg, sources, forums_of)
    edges, labels, colors = _edges(graph, ids, sources)
    looks = node_types()
    types = {t: {"color": c, "border": "#333333", "shape": s, "symbol": sym} for t, (c, s, sym) in looks.items()}
    types["_default"] = {"color": "#bbbbbb", "border": "#333333", "shape": "dot", "symbol": "●"}
    legend = [{"type": t, "count": counts[t]} for t in [*looks, *sorted(counts)] if t in counts]
    legend = list({x["type"]: x for x in legend}.values())
    return {"nodes": nodes, "edges": edges, "edgeLabels": list(labels), "edgeColors": list(colors),
            "sources": sources.rows, "types": types, "legend": legend, "directed": graph.is_directed(),
            "simplifyLimit": simplify_limit, "forums": forum_labels}


def page_html(graph: nx.Graph, *, title: str = "diplokg", summary: str = "", simplify_limit: int = 1000) -> str:
    """The whole page as a string."""
    parts = {
        "TITLE": html.escape(title),
        "SUMMARY": html.escape(summary),
        "PAGE_CSS": (PAGE_DIR / "page.css").read_text(encoding="utf-8"),
        "PAGE_JS": (PAGE_DIR / "page.js").read_text(encoding="utf-8"),
        "VIS_JS": vis_network_js(),
        "DATA": _json_for_script(page_data(graph, simplify_limit=simplify_limit)),
    }
    template = (PAGE_DIR / "page.html").read_text(encoding="utf-8")
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: parts[m.group(1)], template)


def render_html(graph: nx.Graph, path: Path, title: str = "diplokg", *, summary: str = "",
                simplify_limit: int = 1000) -> int:
    """Write ``graph`` as an interactive, self-contained HTML page at ``path``; returns its size in bytes."""
    page = page_html(graph, title=title, summary=summary, simplify_limit=simplify_limit)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = page.encode("utf-8")
    path.write_bytes(data)
    return len(data)
