"""The command line: the only place that prints, reads the environment or exits.

Data goes to stdout; progress and messages to stderr. Library errors become ``Error: ...``
and exit code 1; usage errors exit 2.
"""
from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Iterator

import click

from kg.errors import KgError
from kg.read import DEFAULT_MAX_SIZE

__all__ = ["main", "cli"]

STORE_HELP = "Store folder (default ./.kg, or the KG_STORE environment variable)."


def _store_option(f):  # noqa: ANN001, ANN201
    return click.option("--store", "store_dir", type=click.Path(path_type=Path), default=Path(".kg"),
                        envvar="KG_STORE", show_envvar=True, show_default=True, help=STORE_HELP)(f)


def _err(msg: str) -> None:
    click.echo(msg, err=True)


@contextlib.contextmanager
def _stdout_reader_may_leave() -> Iterator[None]:
    """`kg export | head`: when the reader goes away, stop quietly with exit code 0 (click would
    exit 1), pointing stdout at devnull so the interpreter's last flush does not fail again."""
    try:
        yield
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="diplokg", prog_name="kg")
def cli() -> None:
    """diplokg: a knowledge graph of diplomatic statements.

    Ingest statements (.txt, .html), then query, export, validate and draw the graph.

    \b
    Example:
      kg ingest data/statements/
      kg query statements --format csv
      kg export -o out/graph.ttl
      kg render -o out/graph.html
    """


# ------------------------------------------------------------------ ingest
@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_store_option
@click.option("--encoding", help="Read every file with this encoding (e.g. cp1251, latin-1) instead of detecting it.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extract in this many processes (one process writes).")
@click.option("--max-size", "max_size_mb", type=click.FloatRange(min=0),
              default=DEFAULT_MAX_SIZE / 1024 / 1024, show_default=True,
              metavar="MB", help="Refuse files bigger than this many MB (0: no limit).")
@click.option("--wait", "wait", type=click.FloatRange(min=0), default=5, show_default=True, metavar="SECONDS",
              help="Wait this long for another kg process writing to the store, then give up.")
def ingest(paths: tuple[Path, ...], store_dir: Path, encoding: str | None, quiet: bool, jobs: int,
           max_size_mb: float, wait: float) -> None:
    """Read statements from files and folders (recursively) into the store.

    Each .txt, .html or .htm file is one document in its own named graph. An unchanged file
    is skipped; a changed one replaces its document and nothing else. Files that cannot be
    read are named on stderr and the others still go in.

    \b
    Exit codes: 0 all files read, 1 some could not be read (the rest were ingested) or the
    store could not be written, 2 usage error, 130 interrupted (Ctrl-C; whole documents kept).

    \b
    Example:
      kg ingest data/statements/ --store .kg
      kg ingest scraped/ --jobs 4 --max-size 20
    """
    from kg.ingest import ingest as run_ingest
    from kg.read import find_files
    from kg.store import Store

    files, skipped = find_files(list(paths))
    if not files:  # nothing to read: say why, and do not create a store
        for s in skipped:
            _err(f"{'Error' if s.error else 'Warning'}: {s.path}: {'skipped, ' if not s.error else ''}{s.reason}")
        if not any(s.error for s in skipped):
            _err("Error: no .txt, .html or .htm files to ingest in " + ", ".join(str(p) for p in paths))
        sys.exit(1)

    bar = None
    started = time.perf_counter()

    def on_start(n: int) -> None:
        nonlocal bar
        if n > 5 and not quiet:
            from tqdm import tqdm

            bar = tqdm(total=n, unit="doc", file=sys.stderr, desc="ingest", leave=False,
                       mininterval=0.2 if sys.stderr.isatty() else 2.0)

    read_bytes = 0

    def on_file(path: Path, status: str) -> None:
        nonlocal read_bytes
        if bar is not None:
            with contextlib.suppress(OSError):
                read_bytes += path.stat().st_size
            bar.set_postfix_str(f"{read_bytes / 1e6 / max(time.perf_counter() - started, 1e-6):.2f} MB/s",
                                refresh=False)
            bar.update(1)

    max_size = int(max_size_mb * 1024 * 1024) or None
    with Store(store_dir, wait=wait) as store:
        try:
            report = run_ingest(list(paths), store, encoding=encoding, jobs=jobs, max_size=max_size,
                                on_start=on_start, on_file=on_file)
        finally:
            if bar is not None:
                bar.close()
    for s in report.skipped:
        _err(f"Warning: {s.path}: skipped, {s.reason}")
    for _path, reason in report.failed:
        _err(f"Error: {reason}")
    if not quiet:
        secs = time.perf_counter() - started
        _err(f"{report.documents} document(s): {len(report.added)} added, {len(report.replaced)} replaced, "
             f"{len(report.unchanged)} unchanged; {report.statements} statement(s), {report.quads} quads "
             f"in {secs:.2f} s ({report.bytes / 1e6 / max(secs, 1e-6):.2f} MB/s)"
             + (f"; {len(report.failed)} failed" if report.failed else ""))
    if report.failed:
        sys.exit(1)


# ------------------------------------------------------------------ remove
@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_store_option
def remove(paths: tuple[Path, ...], store_dir: Path) -> None:
    """Take documents out of the store (by the path they were ingested from; the files
    themselves need not exist any more). Every other document stays as it is.

    
    Example:
      kg remove data/statements/000_3d589752d8a82ee5.txt
    """
    from kg import iris
    from kg.store import Store

    missing = []
    with Store(store_dir, read_only=True) as store:
        known = set(store.documents())
    with Store(store_dir) as store:
        for p in paths:
            doc_iri = iris.document_iri(p.resolve().as_posix())
            if doc_iri not in known:
                missing.append(p)
                continue
            store.remove_document(doc_iri)
            _err(f"removed {p}")
    for p in missing:
        _err(f"Error: {p}: no such document in {store_dir}; `kg query --sparql 'SELECT ?p WHERE "
             "{ ?d dkg:sourcePath ?p }'` lists them")
    if missing:
        sys.exit(1)


# ------------------------------------------------------------------ query
@cli.command()
@click.argument("name", required=False)
@click.option("--sparql", help="Run this SPARQL text instead of a named query or file.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A query parameter, bound as an RDF term (repeatable).")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True)
@click.option("--list", "list_", is_flag=True, help="List the named queries and their parameters.")
@_store_option
def query(name: str | None, sparql: str | None, params: tuple[str, ...], fmt: str, list_: bool,
          store_dir: Path) -> None:
    """Run a named query (data/queries/NAME.rq), a query FILE.rq, or --sparql TEXT.

    The default graph is the union of all documents; GRAPH ?doc { ... } reaches one document.

    \b
    Examples:
      kg query --list
      kg query statements --format csv
      kg query resolution-mentions --param resolution=75/240
      kg query state-mentions -p state=RUS -f json
      kg query --sparql 'SELECT DISTINCT ?s ?label WHERE { ?s a dkg:State ; rdfs:label ?label }'
      kg query --sparql 'SELECT DISTINCT ?label ?s WHERE { ?s rdfs:label ?label }' -p label=Switzerland

    With --sparql or a .rq file that declares no parameters, a --param value that looks like an IRI is
    bound as an IRI, anything else as a string.

    A triple stated by several documents comes back once per document: use DISTINCT.
    """
    from kg.query import adhoc_query, format_result, load_query, named_queries, run
    from kg.store import Store

    if list_:
        for q in named_queries().values():
            click.echo(f"{q.name}\n    {q.summary}")
            for p in q.params:
                click.echo(f"    --param {p.name}=...  ({p.type}) {p.description}")
            if q.example:
                click.echo(f"    e.g. {q.example}")
        return
    if (name is None) == (sparql is None):
        raise click.UsageError("give a query NAME or FILE.rq, or --sparql TEXT (one of them); "
                               "`kg query --list` shows the named queries")
    values: dict[str, str] = {}
    for item in params:
        if "=" not in item:
            raise click.UsageError(f"--param {item!r}: write it as NAME=VALUE")
        k, v = item.split("=", 1)
        values[k.strip()] = v
    q = load_query(name) if name else adhoc_query(sparql or "")
    with Store(store_dir, read_only=True) as store:
        result = run(store, q, values)
    with _stdout_reader_may_leave():
        sys.stdout.write(format_result(result, fmt))
        sys.stdout.flush()


# ------------------------------------------------------------------ export
@cli.command()
@click.option("--format", "-f", "fmt", type=click.Choice(["turtle", "trig", "nquads", "ntriples", "jsonld"]),
              help="Output format (default: from the file extension, else turtle).")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write here instead of stdout.")
@_store_option
def export(fmt: str | None, output: Path | None, store_dir: Path) -> None:
    """Write the graph out. TriG and N-Quads keep one named graph per document; Turtle,
    N-Triples and JSON-LD merge them.

    \b
    Examples:
      kg export -o out/graph.ttl
      kg export --format trig -o out/graph.trig
      kg export --format nquads > graph.nq
    """
    from kg.export import export as run_export
    from kg.export import guess_format
    from kg.store import Store

    chosen = guess_format(output, fmt)
    with Store(store_dir, read_only=True) as store, _stdout_reader_may_leave():
        run_export(store, chosen, output)
    if output is not None:
        _err(f"wrote {output} ({chosen})")


# ------------------------------------------------------------------ validate
@cli.command()
@_store_option
def validate(store_dir: Path) -> None:
    """Check the store against ontology/shapes.ttl (SHACL) and list each violation with its
    node and the document it came from. Exit code 1 when the graph does not conform.

    \b
    Example:
      kg validate --store .kg
    """
    from kg.store import Store
    from kg.validate import validate as run_validate

    with Store(store_dir, read_only=True) as store:
        conforms, violations = run_validate(store)
    if conforms:
        click.echo("conforms: the graph satisfies every shape in ontology/shapes.ttl")
        return
    for v in violations:
        where = ", ".join(v.documents) or "(no document)"
        path = f" {v.path}" if v.path else ""
        click.echo(f"{v.focus}{path}: {v.message}" + (f" (value {v.value})" if v.value else "") + f"\n    in {where}")
    _err(f"Error: {len(violations)} violation(s)")
    sys.exit(1)


# ------------------------------------------------------------------ stats
@cli.command()
@_store_option
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(store_dir: Path, fmt: str) -> None:
    """Count documents, statements, entities by type, relations and triples.

    \b
    Example:
      kg stats --format json
    """
    from kg.stats import stats as run_stats
    from kg.store import Store

    with Store(store_dir, read_only=True) as store:
        s = run_stats(store)
    if fmt == "json":
        click.echo(json.dumps(s, indent=1))
        return
    for key in ("documents", "statements", "mentions", "relations"):
        click.echo(f"{key:<14}{s[key]:>10}")
    for typ, n in s["entities"].items():
        click.echo(f"  {typ:<12}{n:>10}")
    click.echo(f"{'triples':<14}{s['triples']:>10}   (distinct, all documents merged)")
    click.echo(f"{'quads':<14}{s['quads']:>10}   (as stored, one graph per document)")


# ------------------------------------------------------------------ render
@cli.command()
@click.option("--output", "-o", type=click.Path(path_type=Path), required=True, help="The HTML file to write.")
@_store_option
def render(output: Path, store_dir: Path) -> None:
    """Draw the whole graph (statements, entities and their relations) as one interactive,
    self-contained HTML page.

    \b
    Example:
      kg render -o out/graph.html
    """
    from kg.nxview import graph_view
    from kg.store import Store
    from viz.render import render_html

    with Store(store_dir, read_only=True) as store:
        g = graph_view(store)
    try:
        render_html(g, output, title=f"diplokg: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    except OSError as e:
        raise KgError(f"{output}: cannot write the page ({e.strerror or e})") from None
    _err(f"wrote {output} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)")


def main() -> None:
    """Entry point of ``kg`` and ``python -m kg``."""
    try:
        cli.main(standalone_mode=False, prog_name="kg")
    except click.exceptions.Abort:  # click's form of Ctrl-C (KeyboardInterrupt)
        _err("Interrupted: the store keeps every document that was fully written.")
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except KgError as e:
        _err(f"Error: {e}")
        sys.exit(1)
    except KeyboardInterrupt:
        _err("Interrupted: the store keeps every document that was fully written.")
        sys.exit(130)
    except Exception as e:  # noqa: BLE001 - the last line of defence: no traceback for users
        if os.environ.get("KG_DEBUG"):
            raise
        _err(f"Error: unexpected failure ({type(e).__name__}: {e}); rerun with KG_DEBUG=1 for the "
             "traceback and report it")
        sys.exit(1)
