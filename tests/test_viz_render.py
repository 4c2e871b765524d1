"""The HTML page without a browser: self-contained, and document text only inside escaped JSON."""
from __future__ import annotations

import json
import re

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from viz.layout import layout
from viz.render import _json_for_script, page_data, page_html

HOSTILE = "</script><script>document.title='pwned'</script> <img src=x onerror=\"document.title='pwned'\"> <!--"


def data_block(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL)
    assert m
    return json.loads(m.group(1))


def small_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("s1", label=HOSTILE, type="Statement", iri="s1", statements=1,
               evidence=[{"quote": HOSTILE, "document": "a.txt", "date": "2021-03-05", "statement": HOSTILE}])
    g.add_node("e1", label="Russia", type="State", iri="e1", statements=1, evidence=[])
    g.add_edge("s1", "e1", key="mentions", predicate="mentions", label="mentions", statements=["s1"])
    return g


@given(st.text())
@settings(max_examples=200)
def test_viz_json_for_script_cannot_leave_its_block(text):
    out = _json_for_script({"t": text})
    assert "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out) == {"t": text}


def test_viz_page_is_self_contained():
    page = page_html(small_graph(), title="t")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.IGNORECASE)
    assert not re.search(r"<link\b", page, re.IGNORECASE)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "vis.Network" in page  # the library is inlined


def test_viz_hostile_text_stays_inside_the_data_block():
    page = page_html(small_graph(), title=HOSTILE)
    head, _sep, _rest = page.partition('<script type="application/json" id="kg-data">')
    assert "&lt;/script&gt;" in head  # the title is escaped HTML
    # no tag of the hostile text survives anywhere: only escaped HTML and \u003c-escaped JSON
    assert "<script>document" not in page and "<img" not in page and "<!--" not in page
    data = data_block(page)
    assert data["nodes"][0]["label"] == HOSTILE
    assert data["sources"][data["nodes"][0]["evidence"][0][0]] == [HOSTILE, "a.txt", "2021-03-05"]


def test_viz_page_data_has_every_node_with_a_position():
    g = nx.gnm_random_graph(700, 1400, seed=3)
    nx.set_node_attributes(g, "State", "type")
    data = page_data(g)
    assert len(data["nodes"]) == 700 and len(data["edges"]) == 1400
    xs = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(xs) > 690  # placed apart, not stacked
    assert data["legend"] == [{"type": "State", "count": 700}]


def test_viz_layout_places_disconnected_parts_and_neighbours_near():
    g = nx.Graph()
    nx.add_star(g, ["hub", *[f"leaf{i}" for i in range(600)]])
    g.add_edge("a", "b")
    pos = layout(g, backbone=50)
    assert set(pos) == set(g)
    hx, hy = pos["hub"]
    far = max(((x - hx) ** 2 + (y - hy) ** 2) ** 0.5 for n, (x, y) in pos.items() if n.startswith("leaf"))
    assert far < 2000
    assert len({(round(x), round(y)) for x, y in pos.values()}) == len(pos)


@given(st.lists(st.tuples(st.integers(-50, 50), st.integers(-50, 50), st.integers(10, 200), st.integers(10, 40)),
                min_size=2, max_size=25))
@settings(max_examples=25, deadline=None)
def test_viz_spread_labels_leaves_no_box_overlapping(boxes):
    from viz.layout import spread_labels

    given_boxes = {i: tuple(float(v) for v in b) for i, b in enumerate(boxes)}
    out = spread_labels(given_boxes)
    for i in out:
        for j in out:
            if i < j:
                (xi, yi), (xj, yj) = out[i], out[j]
                wi, hi = given_boxes[i][2:]
                wj, hj = given_boxes[j][2:]
                assert abs(xi - xj) >= (wi + wj) / 2 - 1e-6 or abs(yi - yj) >= (hi + hj) / 2 - 1e-6
