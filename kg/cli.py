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
from kg.paths import printable
from kg.read import DEFAULT_MAX_SIZE, SPLIT_ABOVE
from kg.views import VIEWS

__all__ = ["main", "cli"]

STORE_HELP = "Store folder (default ./.kg, or the KG_STORE environment variable)."


def _store_option(f):  # noqa: ANN001, ANN201
    return click.option("--store", "store_dir", type=click.Path(path_type=Path), default=Path(".kg"),
                        envvar="KG_STORE", show_envvar=True, show_default=True, help=STORE_HELP)(f)


def _remote_auth_options(f):  # noqa: ANN001, ANN201
    f = click.option("--auth", type=click.Choice(["auto", "basic", "digest"]), default="auto", show_default=True,
                     help="HTTP authentication for --endpoint (auto: as the server asks).")(f)
    f = click.option("--password", envvar="KG_REMOTE_PASSWORD", show_envvar=True,
                     help="Password for --endpoint (better in the environment than on the command line).")(f)
    return click.option("--user", envvar="KG_REMOTE_USER", show_envvar=True, help="User name for --endpoint.")(f)


def _err(msg: str) -> None:
    """A message on stderr; control characters and undecodable bytes of file names in it escaped."""
    click.echo("\n".join(printable(line) for line in msg.split("\n")), err=True)


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
              help="Extract in this many processes while one thread writes (with 1, extraction and writing "
                   "already use two cores; more jobs help where there are more cores).")
@click.option("--max-size", "max_size_mb", type=click.FloatRange(min=0),
              default=(DEFAULT_MAX_SIZE or 0) / 1024 / 1024, show_default=True,
              metavar="MB", help="Refuse files bigger than this many MB (0: no limit; a plain-text file over "
                                 f"{SPLIT_ABOVE // 1024 // 1024} MB is read in parts, one document each).")
@click.option("--wait", "wait", type=click.FloatRange(min=0), default=5, show_default=True, metavar="SECONDS",
              help="Wait this long for another kg process writing to the store, then give up.")
@click.option("--rebuild", is_flag=True,
              help="Build the store afresh from PATHS (a store of an older format must be rebuilt): the old "
                   "store is replaced only once the new one is complete.")
def ingest(paths: tuple[Path, ...], store_dir: Path, encoding: str | None, quiet: bool, jobs: int,
           max_size_mb: float, wait: float, rebuild: bool = False) -> None:
    """Read statements from files and folders (recursively) into the store.

    Each .txt, .html or .htm file is one document in its own named graph (a text file over
    8 MB is read in parts of about 1 MB, one document each, so memory stays bounded). An
    unchanged file is skipped; a changed one replaces its document and nothing else. Files
    that cannot be read are named on stderr and the others still go in.

    \b
    Exit codes: 0 all files read, 1 some could not be read (the rest were ingested) or the
    store could not be written, 2 usage error, 130 interrupted (Ctrl-C; whole documents kept).

    \b
    Example:
      kg ingest data/statements/ --store .kg
      kg ingest scraped/ --jobs 4 --max-size 50
      kg ingest --rebuild data/statements/ --store .kg
    """
    from kg.ingest import ingest as run_ingest
    from kg.read import find_files
    from kg.store import Store

    files, skipped = find_files(list(paths))
    if not files:  # nothing to read: say why, and do not create a store
        for s in skipped:
            _err(f"{'Error' if s.error else 'Warning'}: {printable(s.path)}: {'skipped, ' if not s.error else ''}{s.reason}")
        if not any(s.error for s in skipped):
            _err("Error: no .txt, .html or .htm files to ingest in " + ", ".join(str(p) for p in paths))
        sys.exit(1)

    bar = None
    started = time.perf_counter()
    total_bytes = 0
    for f in files:
        with contextlib.suppress(OSError):
            total_bytes += f.stat().st_size
    done_files = 0

    def on_start(n: int) -> None:
        nonlocal bar
        if (n > 5 or total_bytes > SPLIT_ABOVE) and not quiet:
            from tqdm import tqdm

            # counted in bytes, so that one big file read in parts moves the bar too
            bar = tqdm(total=total_bytes, unit="B", unit_scale=True, unit_divisor=1000, file=sys.stderr,
                       desc="ingest", leave=False, mininterval=0.2 if sys.stderr.isatty() else 2.0)

    def on_bytes(n: int) -> None:
        if bar is not None:
            bar.update(n)

    def on_file(path: Path, status: str) -> None:
        nonlocal done_files
        done_files += 1
        if bar is not None:
            rate = done_files / max(time.perf_counter() - started, 1e-6)
            bar.set_postfix_str(f"{done_files}/{len(files)} files, {rate:.1f} files/s", refresh=False)

    max_size = int(max_size_mb * 1024 * 1024) or None
    options = dict(encoding=encoding, jobs=jobs, max_size=max_size, on_start=on_start, on_file=on_file,
                   on_bytes=on_bytes)
    try:
        if rebuild:
            from kg.rebuild import rebuild as run_rebuild

            report = run_rebuild(list(paths), store_dir, **options)
        else:
            with Store(store_dir, wait=wait) as store:
                report = run_ingest(list(paths), store, **options)
    finally:
        if bar is not None:
            bar.close()
    _ingest_summary(report, None if quiet else time.perf_counter() - started)


def _ingest_summary(report, secs: float | None) -> None:  # noqa: ANN001
    """What ingest skipped and could not read, and (unless quiet: ``secs`` None) what it did; exit 1 on failures."""
    for s in report.skipped:
        _err(f"Warning: {printable(s.path)}: skipped, {s.reason}")
    for _path, reason in report.failed:
        _err(f"Error: {reason}")
    if secs is not None:
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
    from kg.store import Store

    missing = []
    with Store(store_dir, read_only=True):
        pass  # no store there: say so, and do not create one
    with Store(store_dir) as store:
        for p in paths:
            found = store.documents_from(p.resolve().as_posix())  # the file's document, or its parts
            if not found:
                missing.append(p)
                continue
            for doc_iri in found:
                store.remove_document(doc_iri)
            _err(f"removed {printable(p)}" + (f" ({len(found)} parts)" if len(found) > 1 else ""))
    for p in missing:
        _err(f"Error: {printable(p)}: no such document in {store_dir}; `kg query --sparql 'SELECT ?p WHERE "
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
@click.option("--endpoint", metavar="URL", help="Run the query on this external SPARQL endpoint instead of the store.")
@_remote_auth_options
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="Give one page of N rows (the next page's "
              "--after CURSOR is said on stderr).")
@click.option("--offset", type=click.IntRange(min=0), default=0, metavar="N", help="With --limit: skip N rows first.")
@click.option("--after", metavar="CURSOR", help="With --limit: the page after the one that printed this cursor.")
def query(name: str | None, sparql: str | None, params: tuple[str, ...], fmt: str, list_: bool,
          store_dir: Path, endpoint: str | None, user: str | None, password: str | None, auth: str,
          limit: int | None = None, offset: int = 0, after: str | None = None) -> None:
    """Run a named query (data/queries/NAME.rq), a query FILE.rq, or --sparql TEXT.

    The default graph is the union of all documents and id:reference (the gazetteer's entities, described
    once); GRAPH ?doc { ... } reaches one document.

    \b
    Examples:
      kg query --list
      kg query statements --format csv
      kg query resolution-mentions --param resolution=75/240
      kg query state-mentions -p state=RUS -f json
      kg query --sparql 'SELECT DISTINCT ?s ?label WHERE { ?s a dkg:State ; rdfs:label ?label }'
      kg query --sparql 'SELECT DISTINCT ?label ?s WHERE { ?s rdfs:label ?label }' -p label=Switzerland
      kg query statements --endpoint http://localhost:8890/sparql
      kg query mentions --limit 100
      kg query mentions --limit 100 --after CURSOR

    With --sparql or a .rq file that declares no parameters, a --param value that looks like an IRI is
    bound as an IRI, anything else as a string.

    A triple stated by several documents comes back once per document: use DISTINCT.

    With --endpoint the query runs on an external SPARQL server (e.g. one filled by `kg push`);
    parameters are bound there with a VALUES block, and the dkg:, rdfs: ... prefixes are declared.
    """
    from kg.query import STREAMED, adhoc_query, format_result, load_query, named_queries, run, write_result
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
    if limit is None and (offset or after):
        raise click.UsageError("--offset and --after page the answer: give --limit N too")
    if offset and after:
        raise click.UsageError("give --offset or --after, not both (a cursor says where its page starts)")
    if endpoint is not None and after:
        raise click.UsageError("with --endpoint, page with --limit and --offset (cursors are the store's)")
    values: dict[str, str] = {}
    for item in params:
        if "=" not in item:
            raise click.UsageError(f"--param {item!r}: write it as NAME=VALUE")
        k, v = item.split("=", 1)
        values[k.strip()] = v
    q = load_query(name) if name else adhoc_query(sparql or "")
    if endpoint is not None:
        from kg.query import bind
        from kg.remote import Remote, with_prefixes, with_values

        remote = Remote(endpoint, user=user, password=password, auth=auth)
        text = with_values(q.text, bind(q, values))
        if limit is not None:
            from kg.paging import paged_sparql

            text = paged_sparql(text, limit, offset) or text
        result = remote.select(with_prefixes(text))
    else:
        with Store(store_dir, read_only=True) as store:
            if limit is None and fmt in STREAMED:  # written as the engine answers: memory stays small
                with _stdout_reader_may_leave():
                    write_result(run(store, q, values, stream=True), fmt, sys.stdout)
                    sys.stdout.flush()
                return
            result = run(store, q, values) if limit is None else _query_page(store, q, values, limit, offset, after)
    with _stdout_reader_may_leave():
        sys.stdout.write(format_result(result, fmt))
        sys.stdout.flush()


def _query_page(store, q, values: dict[str, str], limit: int, offset: int, after: str | None):  # noqa: ANN001, ANN202
    """One page of the query's answer as a Result; the next page's cursor said on stderr."""
    from kg.query import run_page
    from kg.store import Result

    page = run_page(store, q, values, limit=limit, offset=offset, after=after)
    if page.next is not None:
        _err(f"next page: --after {page.next}")
    return Result(page.variables, page.rows)


def _view_option(help_text: str):  # noqa: ANN201
    """``--view NAME``: one of the views of kg.views.VIEWS."""
    return click.option("--view", type=click.Choice(list(VIEWS)), default="statements", show_default=True,
                        help=help_text)


# ------------------------------------------------------------------ export
@cli.command()
@click.option("--format", "-f", "fmt",
              type=click.Choice(["turtle", "trig", "nquads", "ntriples", "jsonld", "gexf", "graphml"]),
              help="Output format (default: from the file extension, else turtle). gexf and graphml write a "
              "network view (see --view) for Gephi and other graph tools, with dates as attributes.")
@click.option("--output", "-o", type=click.Path(path_type=Path),
              help="Write to this file (replaced atomically; never a device, pipe or link) instead of stdout (-o -).")
@_view_option("The network view gexf and graphml write (see `kg render --help`).")
@_store_option
def export(fmt: str | None, output: Path | None, view: str, store_dir: Path) -> None:
    """Write the graph out. TriG and N-Quads keep one named graph per document; Turtle,
    N-Triples and JSON-LD merge them.

    \b
    Examples:
      kg export -o out/graph.ttl
      kg export --format trig -o out/graph.trig
      kg export --format nquads > graph.nq
      kg export --view comentions -o out/comentions.gexf
      kg export --view forums --format graphml -o out/forums.graphml
    """
    from kg.export import export as run_export
    from kg.export import guess_format
    from kg.store import Store

    if output is not None and str(output) == "-":
        output = None  # stdout
    chosen = guess_format(output, fmt)
    with Store(store_dir, read_only=True) as store, _stdout_reader_may_leave():
        run_export(store, chosen, output, view=view)
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
@_view_option("; ".join(f"{name}: {summary}" for name, summary in VIEWS.items()) + ".")
@click.option("--focus", "focus_label", metavar="LABEL", help="Only the nodes near the node with this label.")
@click.option("--depth", type=click.IntRange(0, 10), default=1, show_default=True, help="Links from --focus.")
@click.option("--type", "types", metavar="T1,T2", help="Only these types, e.g. State,Resolution (statements stay "
              "as the links between them).")
@click.option("--from", "date_from", metavar="DATE", help="Only statements on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", metavar="DATE", help="Only statements on or before DATE (YYYY[-MM[-DD]]).")
@click.option("--max-nodes", type=click.IntRange(1), default=3000, show_default=True,
              help="Keep the nodes with most links (the page says so when it leaves some out).")
@click.option("--min-weight", type=click.IntRange(1), metavar="N",
              help="Hide links supported by fewer than N statements, and the nodes only they linked (default: 2 "
                   "for comentions, 1 for the other views; the page says how many are hidden).")
@_store_option
def render(output: Path, view: str, focus_label: str | None, depth: int, types: str | None, date_from: str | None,
           date_to: str | None, max_nodes: int, min_weight: int | None, store_dir: Path) -> None:
    """Draw the graph as one interactive, self-contained HTML page (works offline; one file to
    e-mail). Hover or click a node or link for its evidence; search a label; hide types.

    \b
    Examples:
      kg render -o out/graph.html
      kg render --view comentions --type State,Resolution -o out/comentions.html
      kg render --view comentions --min-weight 1 -o out/all-comentions.html
      kg render --focus Russia --depth 2 --from 2020 --to 2020-06 -o out/russia.html
      kg render --view forums -o out/forums.html
    """
    from kg.store import Store
    from kg.views.filtered import filtered_view
    from kg.views.filters import date_bound, type_names
    from viz.render import render_html

    with Store(store_dir, read_only=True) as store:
        result = filtered_view(store, view, focus_label=focus_label, depth=depth, types=type_names(types),
                               date_from=date_bound(date_from, end=False, option="--from"),
                               date_to=date_bound(date_to, end=True, option="--to"), max_nodes=max_nodes,
                               min_weight=min_weight)
    g = result.graph
    try:
        size = render_html(g, output, title=f"diplokg — {view}", summary=result.summary)
    except OSError as e:
        raise KgError(f"{output}: cannot write the page ({e.strerror or e}); choose another -o FILE") from None
    _err(f"wrote {output} ({result.summary}; {size / 1e6:.1f} MB)")


# ------------------------------------------------------------------ vocab
@cli.command()
@click.option("--examples", is_flag=True, help="Also run the example questions on the store and show the answers.")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write here instead of stdout.")
@_store_option
def vocab(examples: bool, output: Path | None, store_dir: Path) -> None:
    """The vocabulary for writing queries, as Markdown: every class and property of the ontology
    with its comment, domain and range (docs/vocabulary.md is this, with --examples, on the
    bundled corpus).

    \b
    Examples:
      kg vocab | less
      kg vocab --examples --store .kg -o docs/vocabulary.md
    """
    from kg.store import Store
    from kg.vocab import vocabulary_markdown

    if examples:
        with Store(store_dir, read_only=True) as store:
            text = vocabulary_markdown(store)
    else:
        text = vocabulary_markdown()
    if output is None:
        with _stdout_reader_may_leave():
            sys.stdout.write(text)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as e:
        raise KgError(f"{output}: cannot write ({e.strerror or e}); choose another -o FILE") from None
    _err(f"wrote {output}")


# ------------------------------------------------------------------ push
@cli.command()
@click.option("--endpoint", metavar="URL", required=True,
              help="SPARQL Update endpoint of the server (Virtuoso: http://HOST:8890/sparql-auth).")
@click.option("--graph-store", metavar="URL",
              help="Use the Graph Store HTTP Protocol at this URL instead (one PUT per document).")
@_remote_auth_options
@click.option("--force", is_flag=True, help="Send every document, even those pushed unchanged before.")
@click.option("--batch-size", default=200, show_default=True, type=click.IntRange(1, 1_000_000),
              help="Triples per INSERT DATA request (SPARQL Update only; at most 256 kB each).")
@click.option("--state", "state_file", type=click.Path(path_type=Path),
              help="Where to remember what was pushed (default: STORE.push.json beside the store).")
@_store_option
def push(endpoint: str, graph_store: str | None, user: str | None, password: str | None, auth: str, force: bool,
         batch_size: int, state_file: Path | None, store_dir: Path) -> None:
    """Send the store's documents (one named graph each) to an external SPARQL 1.1 server:
    Virtuoso, Apache Jena Fuseki, GraphDB, Amazon Neptune ...

    Only documents changed since the last push to the same server are sent; documents removed
    from the store are dropped there. Failed requests are retried; an interrupted push resumes.

    \b
    Examples:
      kg push --endpoint http://localhost:8890/sparql-auth --user dba --password dba
      kg push --endpoint http://localhost:3030/ds/update --graph-store http://localhost:3030/ds/data
      kg query statements --endpoint http://localhost:8890/sparql
      kg query mentions --limit 100
      kg query mentions --limit 100 --after CURSOR
    """
    from kg.push import push as run_push
    from kg.push import state_path_for
    from kg.remote import Remote
    from kg.store import Store

    remote = Remote(endpoint, graph_store=graph_store, user=user, password=password, auth=auth)

    def on_graph(graph: str, status: str, triples: int) -> None:
        if status != "unchanged":
            _err(f"{status} {graph}" + (f" ({triples} triples)" if status == "sent" else ""))

    started = time.perf_counter()
    with Store(store_dir, read_only=True) as store:
        report = run_push(store, remote, state_file or state_path_for(store_dir), force=force,
                          batch_size=batch_size, on_graph=on_graph)
    _err(f"{len(report.sent)} graph(s) sent ({report.triples} triples), {len(report.unchanged)} unchanged, "
         f"{len(report.removed)} removed; {report.requests} request(s) in {time.perf_counter() - started:.2f} s")


# ------------------------------------------------------------------ serve
@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (IPv4 or IPv6); anything but loopback exposes the store to the network.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="0 picks a free port.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query or update may run before it is stopped (HTTP 503).")
@click.option("--memory", "memory_mb", default=1024, show_default=True, type=click.IntRange(min=64), metavar="MB",
              help="Memory a query may use (in its worker process, beyond what opening the store takes) before "
                   "it is stopped (HTTP 503).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Queries answered at once (one process each; 1 with --allow-update). One client holds at "
                   "most all but one of them.")
@click.option("--idle-timeout", default=15.0, show_default=True, type=click.FloatRange(min=0.5), metavar="SECONDS",
              help="Close a connection idle or half-sent for this long.")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL Update (the store is opened for writing); each "
              "update needs the token printed at start (or KG_SERVE_TOKEN) as Authorization: Bearer TOKEN.")
@click.option("--allow-load", is_flag=True, help="With --allow-update: let LOAD <url> fetch remote data.")
@click.option("--allow-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Also answer requests whose Host is NAME (IP addresses and localhost always are).")
@_store_option
def serve(host: str, port: int, timeout: float, memory_mb: int, workers: int, idle_timeout: float,
          allow_update: bool, allow_load: bool, allowed_hosts: tuple[str, ...], store_dir: Path) -> None:
    """Serve the store over the SPARQL 1.1 Protocol at http://HOST:PORT/sparql (GET and POST;
    JSON, XML, CSV, TSV results; Turtle, N-Triples, RDF/XML, JSON-LD for CONSTRUCT/DESCRIBE, by
    the Accept header). A query form is at http://HOST:PORT/. Read-only unless --allow-update.

    The default graph is the union of all documents and id:reference (the gazetteer's entities, described
    once); GRAPH ?doc { ... } reaches one document.
    Queries never reach outside the store (SERVICE, LOAD and FROM <elsewhere> are refused).
    Named queries at /query/NAME?PARAM=VALUE, a page at a time with &limit=N (&offset=N, or &after=CURSOR
    from the Link: <...>; rel="next" header of the page before, as `kg query --limit` pages).
    Stop the server (Ctrl-C) while `kg ingest` writes to the same store.

    \b
    Example:
      kg serve --store .kg --port 7878
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s a dkg:State } LIMIT 3' \\
           http://127.0.0.1:7878/sparql
    """
    import secrets
    import signal

    from kg.serve import ServeConfig, make_server

    if allow_load and not allow_update:
        raise click.UsageError("--allow-load needs --allow-update (LOAD is an update)")
    token = (os.environ.get("KG_SERVE_TOKEN") or secrets.token_urlsafe(24)) if allow_update else None
    cfg = ServeConfig(store_dir, host=host, port=port, timeout=timeout, workers=workers, allow_update=allow_update,
                      token=token, allow_load=allow_load, memory_mb=memory_mb, idle_timeout=idle_timeout,
                      allowed_hosts=allowed_hosts)
    try:
        server = make_server(cfg)
    except OSError as e:
        raise KgError(f"cannot listen on {host}:{port} ({e.strerror or e}); choose another --port or --host") from None
    bound_host, bound_port = server.server_address[:2]
    shown = f"[{bound_host}]" if ":" in str(bound_host) else bound_host
    if host not in ("127.0.0.1", "localhost", "::1"):
        _err(f"Warning: listening on {host}: anyone who can reach this machine can query the store")
    _err(f"serving {store_dir} at http://{shown}:{bound_port}/sparql "
         f"({'read-write' if allow_update else 'read-only'}, {timeout:g} s and {memory_mb} MB per query); Ctrl-C stops")
    if allow_update and not os.environ.get("KG_SERVE_TOKEN"):
        _err(f"updates need the header  Authorization: Bearer {token}  (or set KG_SERVE_TOKEN before starting)")

    def on_term(signum: int, frame: object) -> None:
        raise KeyboardInterrupt  # a clean stop: the workers close the store

    signal.signal(signal.SIGTERM, on_term)
    try:
        server.serve_forever()  # returns on Ctrl-C
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    _err("stopped")


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
