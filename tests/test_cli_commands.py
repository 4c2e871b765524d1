"""The command line's contract, command by command: help with examples, data on stdout and
messages on stderr, ``Error: ...`` and exit 1 for bad input, exit 2 for usage errors."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS_FILES, QUERIES_DIR, TINY_STATEMENT, kg_env

COMMANDS = ["ingest", "query", "export", "validate", "stats", "render"]
SUMMARY = re.compile(r"^\d+ document\(s\): \d+ added, \d+ replaced, \d+ unchanged; ")


def assert_one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> str:
    """Exit 1, nothing on stdout, no traceback, stderr exactly one ``Error: ...`` line naming ``needles``."""
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.strip("\n").splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got:\n{proc.stderr}"
    assert lines[0].startswith("Error: "), lines[0]
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


def assert_ingest_error(proc: subprocess.CompletedProcess, *needles: str) -> str:
    """Exit 1 from ingest: one ``Error:`` line naming ``needles``; every other stderr line is a warning
    or the summary (so no message spills onto a second line)."""
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.strip("\n").splitlines()
    errors = [line for line in lines if line.startswith("Error: ")]
    assert len(errors) == 1, proc.stderr
    others = [line for line in lines if not line.startswith(("Error: ", "Warning: ")) and not SUMMARY.match(line)]
    assert others == [], proc.stderr
    for needle in needles:
        assert needle in errors[0], (needle, errors[0])
    return errors[0]


def assert_usage_error(proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    assert "Usage:" in proc.stderr
    assert "Error: " in proc.stderr


# ------------------------------------------------------------------ help
@pytest.mark.parametrize("command", COMMANDS)
def test_cli_help_shows_example(run_kg, command):
    proc = run_kg(command, "--help")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert re.search(rf"^Usage: .*\b{command}\b", proc.stdout, re.M), proc.stdout
    assert re.search(r"^\s*Examples?:\s*$", proc.stdout, re.M), proc.stdout
    # the example section shows this very command being run
    example = re.split(r"^\s*Examples?:\s*$", proc.stdout, flags=re.M)[1]
    assert re.search(rf"^\s+kg {command}\b", example, re.M), example


def test_cli_help_top_level_lists_every_command(run_kg):
    proc = run_kg("--help")
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"^\s*Examples?:\s*$", proc.stdout, re.M)
    for command in COMMANDS:
        assert re.search(rf"^\s+{command}\b", proc.stdout, re.M), command


def _kg_script() -> str:
    script = Path(sys.executable).parent / "kg"
    assert script.exists(), f"the `kg` entry point is not installed beside {sys.executable}"
    return str(script)


def test_cli_module_help_equals_script_help(run_kg):
    module = run_kg("--help")
    script = run_kg("--help", command=[_kg_script()])
    assert module.returncode == script.returncode == 0
    assert module.stdout == script.stdout
    assert module.stdout.startswith("Usage: kg ")


# ------------------------------------------------------------------ normal runs
def test_cli_ingest_normal_run_reports_on_stderr(run_kg, write_texts):
    folder = write_texts({"a.txt": TINY_STATEMENT})
    proc = run_kg("ingest", folder, "--store", "st")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr.startswith("1 document(s): 1 added, 0 replaced, 0 unchanged; 1 statement(s), ")
    assert (run_kg.cwd / "st").is_dir()


def test_cli_query_normal_run_data_on_stdout(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("query", "statements", "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    lines = proc.stdout.splitlines()
    assert lines[0].split()[:2] == ["statement", "document"]
    m = re.fullmatch(r"\((\d+) rows?\)", lines[-1])
    assert m and int(m.group(1)) >= len(CORPUS_FILES), lines[-1]


def test_cli_export_normal_run_data_on_stdout(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("export", "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert "dkg:Statement" in proc.stdout or "ontology#Statement" in proc.stdout
    assert "@prefix" in proc.stdout  # turtle is the default


def test_cli_export_to_file_reports_on_stderr(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("export", "-o", "out/graph.nt", "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert "wrote out/graph.nt (ntriples)" in proc.stderr
    assert (run_kg.cwd / "out" / "graph.nt").stat().st_size > 0
    assert not [p for p in (run_kg.cwd / "out").iterdir() if p.name.endswith(".part")]


def test_cli_validate_normal_run_conforms_on_stdout(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("validate", "--store", store)
    assert proc.returncode == 0, (proc.stdout, proc.stderr)
    assert proc.stdout.startswith("conforms")
    assert proc.stderr == ""


def test_cli_stats_normal_run_table_and_json(run_kg, corpus_store):
    store, _ = corpus_store
    table = run_kg("stats", "--store", store)
    assert table.returncode == 0, table.stderr
    assert table.stderr == ""
    assert re.search(rf"^documents\s+{len(CORPUS_FILES)}$", table.stdout, re.M), table.stdout
    js = run_kg("stats", "--store", store, "--format", "json")
    assert js.returncode == 0, js.stderr
    data = json.loads(js.stdout)
    assert data["documents"] == len(CORPUS_FILES)
    assert data["statements"] >= len(CORPUS_FILES)
    assert data["quads"] >= data["triples"] > 0
    for key in ("statements", "mentions", "relations", "triples", "quads"):
        assert re.search(rf"^{key}\s+{data[key]}\b", table.stdout, re.M), key


def test_cli_render_normal_run_writes_html(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("render", "-o", "out/graph.html", "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr.startswith("wrote out/graph.html (")
    page = (run_kg.cwd / "out" / "graph.html").read_text(encoding="utf-8")
    assert "<html" in page.lower()


# ------------------------------------------------------------------ bad input: exit 1
def test_cli_ingest_missing_path_is_error(run_kg):
    proc = run_kg("ingest", "no/such/folder", "--store", "st")
    assert_one_line_error(proc, "no/such/folder")


@pytest.mark.parametrize("files", [{}, {"notes.md": "Some notes.\n", "scan.pdf": b"%PDF-1.4\n"}],
                         ids=["empty-folder", "no-readable-suffix"])
def test_cli_ingest_folder_without_readable_files_is_error(run_kg, write_texts, files):
    folder = write_texts(files)
    proc = run_kg("ingest", folder, "--store", "st")
    line = assert_ingest_error(proc, str(folder))
    assert ".txt" in line


def test_cli_ingest_empty_file_beside_good_file(run_kg, write_texts):
    folder = write_texts({"empty.txt": "", "good.txt": TINY_STATEMENT})
    proc = run_kg("ingest", folder, "--store", "st")
    assert_ingest_error(proc, "empty.txt")
    assert "good.txt" not in "".join(line for line in proc.stderr.splitlines() if line.startswith("Error"))
    assert "1 added" in proc.stderr
    rows = run_kg("query", "statements", "--format", "csv", "--store", "st")
    assert rows.returncode == 0, rows.stderr
    documents = {row["document"] for row in csv.DictReader(io.StringIO(rows.stdout))}
    assert documents == {str((folder / "good.txt").resolve())}


def _query_names() -> list[str]:
    names = sorted(p.stem for p in QUERIES_DIR.glob("*.rq"))
    assert names, QUERIES_DIR
    return names


def test_cli_query_unknown_name_lists_named_queries(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("query", "no-such-query", "--store", store)
    assert_one_line_error(proc, "no-such-query", *_query_names())


def test_cli_query_missing_required_param(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("query", "resolution-mentions", "--store", store)
    assert_one_line_error(proc, "--param resolution=")


def test_cli_query_unknown_param_name(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("query", "state-mentions", "-p", "state=RUS", "-p", "colour=blue", "--store", store)
    assert_one_line_error(proc, "colour", "state")


def test_cli_query_param_on_query_without_params(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("query", "statements", "-p", "state=RUS", "--store", store)
    assert_one_line_error(proc, "'state'")


def test_cli_query_malformed_sparql_is_one_line_error(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("query", "--sparql", "SELECT ?x WHERE {", "--store", store)
    assert_one_line_error(proc, "the SPARQL query does not parse")


def test_cli_query_missing_query_file(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("query", "nothere.rq", "--store", store)
    assert_one_line_error(proc, "nothere.rq")


@pytest.mark.parametrize("args", [["query", "statements"], ["export"], ["validate"], ["stats"]],
                         ids=lambda a: a[0])
def test_cli_missing_store_says_run_ingest(run_kg, args):
    proc = run_kg(*args, "--store", "nostore")
    assert_one_line_error(proc, "nostore", "kg ingest")
    assert not (run_kg.cwd / "nostore").exists()


def test_cli_export_unknown_extension_names_format_option(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("export", "-o", "graph.xyz", "--store", store)
    assert_one_line_error(proc, "graph.xyz", "--format")
    assert not (run_kg.cwd / "graph.xyz").exists()


def test_cli_render_unwritable_output_is_error(run_kg, corpus_store):
    store, _ = corpus_store
    (run_kg.cwd / "afile").write_text("not a folder", encoding="utf-8")
    proc = run_kg("render", "-o", "afile/graph.html", "--store", store)
    assert_one_line_error(proc, "afile/graph.html")


# ------------------------------------------------------------------ usage errors: exit 2
def test_cli_query_param_without_equals_is_usage_error(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("query", "resolution-mentions", "--param", "resolution", "--store", store)
    assert_usage_error(proc)
    assert "NAME=VALUE" in proc.stderr


@pytest.mark.parametrize("args", [
    ["ingest"],
    ["query"],
    ["query", "statements", "--sparql", "SELECT * WHERE { }"],
    ["query", "statements", "--format", "xml"],
    ["export", "--format", "rdfxml"],
    ["validate", "--no-such-option"],
    ["stats", "--format", "xml"],
    ["render"],
    ["no-such-command"],
], ids=lambda a: "-".join(a)[:40])
def test_cli_usage_errors_exit_2(run_kg, args):
    assert_usage_error(run_kg(*args))


# ------------------------------------------------------------------ --list, KG_STORE
def test_cli_query_list_shows_names_and_params(run_kg):
    proc = run_kg("query", "--list")  # needs no store
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    listed = [line for line in proc.stdout.splitlines() if line and not line[0].isspace()]
    assert listed == _query_names()
    assert "--param resolution=..." in proc.stdout
    assert "--param state=..." in proc.stdout
    assert "--param forum=..." in proc.stdout


def test_cli_kg_store_environment_variable_is_honoured(run_kg, write_texts, tmp_path):
    folder = write_texts({"a.txt": TINY_STATEMENT})
    env_store = tmp_path / "env-store"
    env = kg_env(KG_STORE=str(env_store))
    ingest = run_kg("ingest", folder, env=env)
    assert ingest.returncode == 0, ingest.stderr
    assert (env_store / "CURRENT").exists()
    assert not (run_kg.cwd / ".kg").exists()
    stats = run_kg("stats", "--format", "json", env=env)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["documents"] == 1
    # without KG_STORE the default ./.kg is used, and there is none
    assert_one_line_error(run_kg("stats"), ".kg", "kg ingest")


def test_cli_ingest_missing_path_creates_no_store_and_spares_the_others(run_kg, write_texts):
    proc = run_kg("ingest", "no/such/folder", "--store", "fresh")
    assert proc.returncode == 1 and not (Path(run_kg.cwd) / "fresh").exists()
    folder = write_texts({"good.txt": TINY_STATEMENT})
    proc = run_kg("ingest", "no/such/file.txt", str(folder), "--store", "st")
    assert proc.returncode == 1
    assert "no/such/file.txt: no such file or folder" in proc.stderr
    assert "1 added" in proc.stderr and "Traceback" not in proc.stderr


def test_cli_export_to_a_reader_that_leaves_exits_quietly(corpus_store):
    store, _ = corpus_store
    for args in (["export", "--store", str(store)], ["query", "mentions", "--store", str(store)]):
        p = subprocess.Popen([sys.executable, "-m", "kg", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=kg_env())
        p.stdout.read(10)
        p.stdout.close()
        assert p.wait() == 0
        assert p.stderr.read() == b""


def test_cli_export_onto_a_folder_is_a_clear_error(run_kg, corpus_store, tmp_path):
    store, _ = corpus_store
    (tmp_path / "d.ttl").mkdir()
    proc = run_kg("export", "-o", str(tmp_path / "d.ttl"), "--store", str(store))
    assert proc.returncode == 1 and "cannot write there" in proc.stderr and "Traceback" not in proc.stderr
    assert "unexpected" not in proc.stderr


def test_cli_query_adhoc_sparql_binds_params_as_data(run_kg, corpus_store):
    store, _ = corpus_store
    proc = run_kg("query", "--sparql", "SELECT DISTINCT ?label ?s WHERE { ?s rdfs:label ?label }",
                  "-p", "label=Switzerland", "--format", "csv", "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[1] == "Switzerland,https://w3id.org/diplokg/id/state/CHE"
    proc = run_kg("query", "--sparql", "SELECT DISTINCT ?label ?s WHERE { ?s rdfs:label ?label }",
                  "-p", 'label=x" } ; DROP ALL ; #', "--format", "csv", "--store", store)
    assert proc.returncode == 0 and proc.stdout.strip() == "label,s"
