"""The Python API (kg.open): the issue's example as written, in a script and in IPython; rows as dicts
with Python values; rdflib graphs; views with the filters of kg render; pages inline and in files."""
from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import subprocess
import sys
import textwrap

import networkx as nx
import pytest

import kg
from conftest import PROJECT_ROOT, STATEMENTS_DIR, kg_env, run_kg_in
from kg.errors import InputError, KgError, ParameterError, QueryError

EXAMPLE = ('g = kg.open(".kg"); g.ingest(["pages/"]); rows = g.query("state-mentions", state="RUS"); '
           'G = g.view("comentions", types=["State"]); g.show("forums")')


@pytest.fixture(scope="module")
def api_store(tmp_path_factory) -> kg.Graph:
    root = tmp_path_factory.mktemp("api")
    g = kg.open(root / "store")
    g.ingest([STATEMENTS_DIR])
    return g


def test_api_issue_example_runs_as_written_in_a_script(tmp_path):
    (tmp_path / "pages").symlink_to(STATEMENTS_DIR)
    code = f"import kg\n{EXAMPLE}\nprint(len(list(rows)), sorted({{d['type'] for _n, d in G.nodes(data=True)}}))"
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env=kg_env(BROWSER="true", TMPDIR=str(tmp_path)))
    assert proc.returncode == 0, proc.stderr
    n, types = proc.stdout.strip().split(" ", 1)
    assert int(n) > 10 and types == "['State']"
    pages = list((tmp_path / "diplokg-views").glob("forums-*.html"))  # show() outside IPython: a file
    assert len(pages) == 1 and "vis.Network" in pages[0].read_text(encoding="utf-8")


def test_api_example_notebook_runs_in_ipython_and_shows_the_page_inline(tmp_path):
    """The cells of docs/example.ipynb run in an IPython shell; show() displays the page in an iframe srcdoc."""
    (tmp_path / "pages").symlink_to(STATEMENTS_DIR)
    nb = json.loads((PROJECT_ROOT / "docs" / "example.ipynb").read_text(encoding="utf-8"))
    cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    assert EXAMPLE.replace("; ", "\n") in "\n".join(line for c in cells for line in c.splitlines()
                                                   if line and line != "rows" and not line.startswith(("import", "sorted")))
    runner = textwrap.dedent("""
        import json, sys
        from IPython.core.interactiveshell import InteractiveShell
        from IPython.utils.capture import capture_output
        shell = InteractiveShell.instance()
        out = []
        for code in json.load(sys.stdin):
            with capture_output() as cap:
                result = shell.run_cell(code)
            result.raise_error()
            out.append({"html": [o.data.get("text/html", "") for o in cap.outputs], "stdout": cap.stdout})
        print(json.dumps(out))
    """)
    proc = subprocess.run([sys.executable, "-c", runner], input=json.dumps(cells), cwd=tmp_path, capture_output=True,
                          text=True, timeout=300, env=kg_env(IPYTHONDIR=str(tmp_path / "ipy"), HOME=str(tmp_path)))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.splitlines()[-1])
    assert "state" in out[0]["stdout"] or "<table>" in "".join(out[0]["html"])
    frames = [h for h in out[-1]["html"] if h]
    assert len(frames) == 1
    m = re.fullmatch(r'<iframe srcdoc="([^"]*)" style="[^"]*" title="([^"]*)"></iframe>', frames[0])
    assert m, frames[0][:200]
    page = html.unescape(m.group(1))
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page and "vis.Network" in page
    assert "forums view" in html.unescape(m.group(2))


def test_api_named_query_rows_are_the_cli_rows(api_store, tmp_path):
    rows = api_store.query("state-mentions", state="Russia")
    proc = run_kg_in(tmp_path, "query", "state-mentions", "-p", "state=RUS", "--store", api_store.path, "-f", "csv")
    want = list(csv.DictReader(io.StringIO(proc.stdout)))
    got = list(rows)
    assert len(got) == len(want) > 10 and rows.columns == list(want[0])
    assert [{k: str(v) for k, v in r.items()} for r in got] == want
    assert all(isinstance(r["statements"], int) for r in got)


def test_api_sparql_text_and_typed_values(api_store):
    rows = list(api_store.query("SELECT ?st ?date WHERE { ?st a dkg:Statement ; dkg:date ?date }"))
    assert rows and all(isinstance(r["date"], dt.date) and r["st"].startswith("https://") for r in rows)
    one = list(api_store.query("SELECT DISTINCT ?l WHERE { ?s rdfs:label ?l }", l="Switzerland"))
    assert one == [{"l": "Switzerland"}]


def test_api_query_errors_are_kg_errors(api_store):
    with pytest.raises(ParameterError, match="no such state"):
        api_store.query("state-mentions", state="Atlantis")
    with pytest.raises(ParameterError, match="needs --param resolution"):
        api_store.query("resolution-mentions")
    with pytest.raises(QueryError, match="unknown prefix foo:"):
        api_store.query("SELECT ?x WHERE { ?x foo:bar ?y }")
    with pytest.raises(QueryError, match="give a string, a whole number or a date"):
        api_store.query("state-mentions", state=["RUS"])


def test_api_df_without_pandas_says_how_to_get_it(api_store, monkeypatch):
    rows = api_store.query("statements")
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if not installed
    with pytest.raises(KgError, match="pip install pandas"):
        rows.df()


def test_api_df_with_pandas(api_store):
    pd = pytest.importorskip("pandas")
    frame = api_store.query("statements").df()
    assert isinstance(frame, pd.DataFrame) and len(frame) == 34 and "heading" in frame.columns


def test_api_rdflib_dataset_graph_and_construct(api_store):
    stats = api_store.stats()
    ds = api_store.dataset()
    named = [c for c in ds.graphs() if str(c.identifier).startswith("https://w3id.org/diplokg/id/doc/")]
    assert len(named) == stats["documents"] == 5
    reference = [c for c in ds.graphs() if str(c.identifier) == "https://w3id.org/diplokg/id/reference"]
    assert len(reference) == 1 and len(reference[0]) > 0  # the gazetteer's entities, described once
    assert sum(len(c) for c in named + reference) == stats["quads"]
    merged = api_store.graph()
    assert len(merged) == stats["triples"]
    states = api_store.graph("CONSTRUCT { ?s a dkg:State } WHERE { ?m dkg:mentionOf ?s . ?s a dkg:State }")
    assert len(states) == stats["entities"]["State"]
    assert merged.namespace_manager.store.namespace("dkg") is not None
    with pytest.raises(QueryError, match="CONSTRUCT"):
        api_store.graph("SELECT * WHERE { ?s ?p ?o }")


def test_api_view_applies_render_filters_and_min_weight(api_store):
    from kg.store import Store
    from kg.views.prepare import prepare_view

    strong = api_store.view("comentions")
    every = api_store.view("comentions", min_weight=1)
    with Store(api_store.path, read_only=True) as store:
        built = prepare_view(store, "comentions").graph
    assert nx.utils.graphs_equal(every, built)
    assert strong.number_of_edges() < every.number_of_edges()
    assert min(w for _u, _v, w in strong.edges(data="weight")) >= 2
    dated = api_store.view("statements", date_from="2020", date_to=dt.date(2020, 6, 30))
    dates = [d["date"] for _n, d in dated.nodes(data=True) if d.get("type") == "Statement"]
    assert dates and all("2020-01-01" <= x <= "2020-06-30" for x in dates)
    with pytest.raises(ParameterError, match="--type"):
        api_store.view("comentions", types=["Planet"])


def test_api_page_write_and_show_outside_ipython(api_store, tmp_path, monkeypatch):
    page = api_store.page("forums", max_nodes=5)
    assert "forums view" in page.summary and "showing the 5 nodes" in page.summary
    path = page.write(tmp_path / "sub" / "forums.html")
    assert path.read_text(encoding="utf-8") == page.html
    opened = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", None)
    shown = api_store.show("forums")
    assert opened == [shown.resolve().as_uri()] and shown.parent == tmp_path / "diplokg-views"
    with pytest.raises(TypeError, match="colour"):
        api_store.page("forums", colour="red")


def test_api_ingest_reports_unreadable_files_after_ingesting_the_rest(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text((STATEMENTS_DIR / sorted(p.name for p in STATEMENTS_DIR.iterdir())[0])
                                   .read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    g = kg.open(tmp_path / "store")
    with pytest.raises(InputError, match="empty.txt") as err:
        g.ingest([folder])
    assert err.value.report.documents == 1 and g.stats()["documents"] == 1
    assert g.remove([folder / "ok.txt"]) and g.stats()["documents"] == 0


def test_api_reading_a_missing_store_says_run_ingest(tmp_path):
    with pytest.raises(KgError, match="kg ingest"):
        kg.open(tmp_path / "nothing").query("statements")
    assert not (tmp_path / "nothing").exists()
