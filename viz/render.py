"""HTML views of a NetworkX graph with pyvis: one self-contained file, no network needed.

The pyvis network is built from data lists (not add_node/add_edge calls), the vis-network code
is inlined, and tooltips are escaped text: nothing from a document is run as HTML or script.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import networkx as nx

__all__ = ["COLORS", "SHAPES", "render_html"]

COLORS = {"State": "#1f77b4", "Organization": "#2ca02c", "Person": "#d62728", "Resolution": "#9467bd",
          "Treaty": "#8c564b", "Statement": "#bdbdbd", "Place": "#17becf"}
SHAPES = {"State": "dot", "Organization": "diamond", "Person": "triangle", "Resolution": "square",
          "Treaty": "star", "Statement": "box", "Place": "dot"}
_REMOTE = re.compile(r"<(?:link|script)\b[^>]*\b(?:href|src)=\"https?://[^\"]*\"[^>]*>(?:\s*</script>)?", re.I)


def _legend() -> str:
    items = "".join(f'<span style="margin-right:14px"><span style="display:inline-block;width:11px;height:11px;'
                    f'background:{c};border-radius:2px;margin-right:4px"></span>{html.escape(t)}</span>'
                    for t, c in COLORS.items())
    return f'<div style="font:13px sans-serif;padding:6px 10px">{items}</div>'


def render_html(graph: nx.MultiDiGraph, path: Path, title: str = "diplokg", physics_limit: int = 300) -> None:
    """Write ``graph`` as an interactive HTML page at ``path``."""
    from pyvis.network import Network

    net = Network(height="860px", width="100%", directed=True, cdn_resources="in_line", heading="")
    big = graph.number_of_nodes() > physics_limit
    pos = nx.spring_layout(nx.Graph(graph), seed=7, k=None) if big else {}
    ids = {n: i for i, n in enumerate(graph.nodes)}
    nodes = []
    for n, d in graph.nodes(data=True):
        typ = d.get("type", "")
        label = d.get("label", n)
        short = label if len(label) <= 40 else label[:39] + "…"
        node = {"id": ids[n], "label": short, "shape": SHAPES.get(typ, "dot"), "color": COLORS.get(typ, "#999"),
                "title": f"{typ}: {label}\n{n}\nnamed in {d.get('statements', 0)} statement(s)",
                "size": 8 + min(30, 2 * graph.degree(n)), "font": {"size": 12 if typ == "Statement" else 14}}
        if big:
            node.update(x=float(pos[n][0] * 2000), y=float(pos[n][1] * 2000), physics=False)
        nodes.append(node)
    edges = [{"from": ids[u], "to": ids[v], "title": d.get("label", k), "arrows": "to",
              "color": {"color": "#cccccc" if k == "mentions" else "#555555"}}
             for u, v, k, d in graph.edges(keys=True, data=True)]
    net.nodes, net.edges = nodes, edges
    net.node_ids = list(range(len(nodes)))
    net.node_map = {n["id"]: n for n in nodes}
    net.toggle_physics(not big)
    page = net.generate_html(notebook=False)
    page = _REMOTE.sub("", page)
    page = page.replace("<body>", "<body>" + f"<h3 style='font:16px sans-serif;margin:8px 10px'>{html.escape(title)}</h3>"
                        + _legend(), 1)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(page, encoding="utf-8")


