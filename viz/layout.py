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

__all__ = ["SPACING", "layout", "spread_labels"]

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
                  limit: int = 1000) -> dict[object, tuple[float, float]]:
    """Move nodes apart until their boxes (centre x, centre y, width, height) no longer overlap.

    Each round pushes every overlapping pair apart along the axis where they overlap least, each
    node by half the overlap. Pairs are looked for among near neighbours, found again every few
    rounds. Graphs with more than ``limit`` nodes are left as they are (their labels only show
    when zoomed in)."""
    import numpy as np

    keys = list(boxes)
    if not keys or len(keys) > limit:
        return {k: (boxes[k][0], boxes[k][1]) for k in keys}
    arr = np.array([boxes[k] for k in keys], dtype=float)
    xy, wh = arr[:, :2].copy(), arr[:, 2:]
    n = len(keys)
    rng = np.random.default_rng(7)
    xy += rng.uniform(-0.5, 0.5, size=xy.shape)  # no two nodes exactly on one point: they could never part
    half = wh / 2 + np.array([2.0, 1.0])  # a little air between labels
    done = 0
    while done < iterations:
        # candidate pairs: boxes that overlap or nearly do
        d = np.abs(xy[:, None, :] - xy[None, :, :])
        reach = half[:, None, :] + half[None, :, :]
        near = np.triu((d[..., 0] < reach[..., 0] * 1.5 + 30) & (d[..., 1] < reach[..., 1] * 1.5 + 30), 1)
        i, j = np.nonzero(near)
        if len(i) == 0:
            break
        rx, ry = reach[i, j, 0], reach[i, j, 1]
        tie = np.where(rng.random(len(i)) < 0.5, -1.0, 1.0)
        moved = False
        for _ in range(25):
            done += 1
            dx, dy = xy[i, 0] - xy[j, 0], xy[i, 1] - xy[j, 1]
            ox, oy = rx - np.abs(dx), ry - np.abs(dy)
            hit = (ox > 0) & (oy > 0)
            if not hit.any():
                break
            moved = True
            on_x = hit & (ox <= oy)
            on_y = hit & ~on_x
            px = np.where(on_x, ox * 0.5 * np.where(dx == 0, tie, np.sign(dx)), 0.0)
            py = np.where(on_y, oy * 0.5 * np.where(dy == 0, tie, np.sign(dy)), 0.0)
            move = np.zeros_like(xy)
            move[:, 0] = np.bincount(i, px, n) - np.bincount(j, px, n)
            move[:, 1] = np.bincount(i, py, n) - np.bincount(j, py, n)
            xy += np.clip(move, -SPACING, SPACING)
        if not moved:
            break
    return {k: (float(xy[i_, 0]), float(xy[i_, 1])) for i_, k in enumerate(keys)}
