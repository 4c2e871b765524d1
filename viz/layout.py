"""Node positions computed in Python, so that a browser can draw a big graph without physics.

The ``backbone`` nodes with most links are placed by NetworkX's force-directed ``spring_layout``
(its dense solver: a few hundred nodes take well under a second); every other node is placed
next to the nodes it links to, in a sunflower spiral around their centre so that neighbours of
one hub do not sit on top of each other. Linear in the size of the graph after the backbone.
"""
from __future__ import annotations

import math
from collections import deque

import networkx as nx

__all__ = ["layout", "spread_labels", "SPACING"]

SPACING = 70.0  # pixels between neighbouring nodes at zoom 1
_GOLDEN = math.pi * (3 - math.sqrt(5))


def layout(graph: nx.Graph, *, backbone: int = 400, seed: int = 7) -> dict[object, tuple[float, float]]:
    """Positions in pixels for every node of ``graph``."""
    if graph.number_of_nodes() == 0:
        return {}
    und = nx.Graph()
    und.add_nodes_from(graph.nodes)
    for u, v, d in graph.edges(data=True):
        if u != v:
            w = float(d.get("weight", 1) or 1)
            if und.has_edge(u, v):
                und.edges[u, v]["weight"] += w
            else:
                und.add_edge(u, v, weight=w)
    deg = dict(und.degree())
    order = sorted(und.nodes, key=lambda n: (-deg[n], str(n)))
    core = order[:backbone]
    sub = und.subgraph(core)
    if len(core) == 1:
        raw = {core[0]: (0.0, 0.0)}
    else:
        # log-damped weights: a pair named together 50 times should not collapse onto one point
        sub = nx.Graph(sub)
        for _u, _v, d in sub.edges(data=True):
            d["weight"] = 1.0 + math.log(d["weight"])
        raw = {n: (float(p[0]), float(p[1])) for n, p in nx.spring_layout(sub, seed=seed, iterations=80).items()}
    scale = SPACING * 1.1 * math.sqrt(len(core))
    pos: dict[object, tuple[float, float]] = {n: (x * scale, y * scale) for n, (x, y) in raw.items()}
    radius = scale * 1.15
    slots: dict[tuple[int, int], int] = {}

    def spiral(cx: float, cy: float) -> tuple[float, float]:
        key = (round(cx / SPACING), round(cy / SPACING))
        k = slots.get(key, 0)
        slots[key] = k + 1
        r = SPACING * (0.9 + 0.55 * math.sqrt(k))
        a = k * _GOLDEN + (hash(key) % 628) / 100.0
        return cx + r * math.cos(a), cy + r * math.sin(a)

    queue = deque(core)
    rest = [n for n in order if n not in pos]
    ring = 0
    while True:
        while queue:
            n = queue.popleft()
            for m in und.neighbors(n):
                if m in pos:
                    continue
                placed = [pos[x] for x in und.neighbors(m) if x in pos]
                cx = sum(p[0] for p in placed) / len(placed)
                cy = sum(p[1] for p in placed) / len(placed)
                pos[m] = spiral(cx, cy)
                queue.append(m)
        rest = [n for n in rest if n not in pos]
        if not rest:
            break
        # a component the backbone does not reach: start it on a ring outside the drawing
        start = rest[0]
        a = ring * _GOLDEN
        r = radius + SPACING * 2 * math.sqrt(ring + 1)
        pos[start] = (r * math.cos(a), r * math.sin(a))
        ring += 1
        queue.append(start)
    return pos


def spread_labels(boxes: dict[object, tuple[float, float, float, float]], *, iterations: int = 400,
                  limit: int = 1500) -> dict[object, tuple[float, float]]:
    """Move nodes apart until their boxes (centre x, centre y, width, height) no longer overlap.

    Each round pushes every overlapping pair apart along the axis where they overlap least. Graphs
    with more than ``limit`` nodes are left as they are (their labels only show when zoomed in)."""
    import numpy as np

    keys = list(boxes)
    if not keys or len(keys) > limit:
        return {k: (boxes[k][0], boxes[k][1]) for k in keys}
    arr = np.array([boxes[k] for k in keys], dtype=float)
    xy, wh = arr[:, :2].copy(), arr[:, 2:]
    n = len(keys)
    rng = np.random.default_rng(7)
    xy += rng.uniform(-0.5, 0.5, size=xy.shape)  # no two nodes exactly on one point: they could never part
    tie = rng.uniform(-1, 1, size=(n, n, 2))
    tie = tie - tie.transpose(1, 0, 2)
    need_x = (wh[:, 0][:, None] + wh[:, 0][None, :]) / 2 + 4
    need_y = (wh[:, 1][:, None] + wh[:, 1][None, :]) / 2 + 2
    np.fill_diagonal(need_x, 0)
    np.fill_diagonal(need_y, 0)
    for _ in range(iterations):
        d = xy[:, None, :] - xy[None, :, :]
        over_x = need_x - np.abs(d[..., 0])
        over_y = need_y - np.abs(d[..., 1])
        hit = (over_x > 0) & (over_y > 0)
        if not hit.any():
            break
        sign = np.where(d == 0, np.sign(tie), np.sign(d))
        along_x = hit & (over_x <= over_y)
        along_y = hit & ~along_x
        move = np.zeros_like(xy)
        move[:, 0] = (np.where(along_x, over_x, 0) * sign[..., 0]).sum(axis=1) * 0.5
        move[:, 1] = (np.where(along_y, over_y, 0) * sign[..., 1]).sum(axis=1) * 0.5
        xy += np.clip(move, -SPACING, SPACING)
    return {k: (float(xy[i, 0]), float(xy[i, 1])) for i, k in enumerate(keys)}
