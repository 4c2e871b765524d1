"""`kg render` options: the view, filters and --max-nodes, and their errors."""
from __future__ import annotations

import json
import re

import pytest


def page_data(path) -> dict:
    page = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL).group(1))


def test_viz_cli_render_type_filter_and_view(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("render", "--view", "comentions", "--type", "state,Resolution", "-o", "c.html", "--store", store)
    assert proc.returncode == 0, proc.stderr
    data = page_data(run_kg.cwd / "c.html")
    assert {n["type"] for n in data["nodes"]} == {"State", "Resolution"}
    assert data["directed"] is False
    assert "comentions view" in proc.stderr and "types State, Resolution" in proc.stderr


def test_viz_cli_render_max_nodes_says_so_on_the_page(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("render", "--max-nodes", "30", "-o", "m.html", "--store", store)
    assert proc.returncode == 0, proc.stderr
    page = (run_kg.cwd / "m.html").read_text(encoding="utf-8")
    assert len(page_data(run_kg.cwd / "m.html")["nodes"]) == 30
    summary = re.search(r'<p id="kg-summary">(.*?)</p>', page).group(1)
    assert re.search(r"showing the 30 nodes with most links of \d+", summary)


def test_viz_cli_render_focus_and_dates(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("render", "--focus", "Russia", "--depth", "1", "--from", "2020", "--to", "2020-06", "-o", "f.html",
                  "--store", store)
    assert proc.returncode == 0, proc.stderr
    nodes = page_data(run_kg.cwd / "f.html")["nodes"]
    dates = [f[1] for n in nodes if n["type"] == "Statement" for f in n.get("facts", []) if f[0] == "date"]
    assert dates and all("2020-01-01" <= d <= "2020-06-30" for d in dates)
    assert "Russia" in {n["label"] for n in nodes}


@pytest.mark.parametrize("args,needle", [
    (["--focus", "Atlantis"], "--focus 'Atlantis'"),
    (["--type", "Planet"], "--type 'Planet'"),
    (["--from", "2020-02-30"], "--from '2020-02-30'"),
])
def test_viz_cli_render_bad_filter_is_one_line_error(run_kg, corpus_store, args, needle):
    store, _ = corpus_store
    proc = run_kg("render", *args, "-o", "x.html", "--store", store)
    assert proc.returncode == 1
    assert proc.stderr.startswith("Error: ") and needle in proc.stderr and proc.stderr.count("\n") == 1
    assert not (run_kg.cwd / "x.html").exists()


def test_viz_cli_render_unknown_view_is_usage_error(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("render", "--view", "timeline", "-o", "x.html", "--store", store)
    assert proc.returncode == 2 and "timeline" in proc.stderr
