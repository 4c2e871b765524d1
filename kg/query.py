"""Named SPARQL queries (``data/queries/*.rq``), their parameters, and the result formats.

A query file starts with comment lines: what it answers, then ``# @param NAME TYPE description``
for each parameter and ``# @example ...``. Parameters are converted to RDF terms and bound with
a VALUES block (:func:`with_values`): a value is data, never SPARQL text; a ``# @bind`` line in the
body says where. ``# @kinds`` / ``# @kinds-filter`` / ``# @relations`` lines become the registry's
kinds and relations (kg.kinds). ``# @page ?var PATTERN`` (PATTERN matched inside ``GRAPH ?doc { }``),
or ``# @page ?var`` with the part of the body between ``# @page-keys`` and ``# @page-keys-end`` lines,
says how to list the values of ``?var``, the first ORDER BY key, with the documents holding their rows:
pages are then read a few values at a time (kg.paging.keyed_page).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any, Iterable

import pyoxigraph as ox

from kg import iris, kinds, paging
from kg.errors import ParameterError, QueryError
from kg.ordering import sort_rows, split_order_by
from kg.paths import QUERIES_DIR, printable
from kg.store import Result, Store
from kg.terms import PREFIXES

__all__ = ["Param", "NamedQuery", "param_types", "named_queries", "load_query", "adhoc_query", "bind", "run",
           "STREAMED", "write_result",
           "run_page", "bound_text", "format_result", "FORMATS", "values_clause", "with_values"]

_PLAIN_TYPES = ("string", "date", "integer")


def param_types() -> tuple[str, ...]:
    """The parameter types a query may declare: ``iri``, one per kind of entity (kg.kinds), plain values."""
    return ("iri", *(k.param for k in kinds.KINDS.values() if k.param), *_PLAIN_TYPES)

FORMATS = ("table", "csv", "tsv", "json")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    description: str
    optional: bool = False


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    text: str
    summary: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    example: str | None = None
    adhoc: bool = False  # --sparql text or a file without @param lines: any parameter, typed by its look
    # ``# @page ?var ...`` (see _page_keys): pages are read a few values of ?var (its first ORDER BY key) at a
    # time, each from the documents that hold it (kg.paging.keyed_page), so a first page need not answer
    # and sort the whole query. Held here as ?var and the query that lists its values with their ?doc.
    page: tuple[str, str] | None = None


def _parse(path: Path, text: str) -> NamedQuery:
    lines = []
    params = []
    example = None
    page = None
    for raw in text.splitlines():
        if not raw.startswith("#"):
            break
        line = raw[1:].strip()
        m = re.match(r"@param\s+(\w+)\s+(\w+)(\s+optional)?\s*(.*)", line)
        if m:
            if m.group(2) not in param_types():
                raise QueryError(f"{path}: parameter {m.group(1)!r} has unknown type {m.group(2)!r}; "
                                 f"use one of {', '.join(param_types())}")
            params.append(Param(m.group(1), m.group(2), m.group(4).strip(), bool(m.group(3))))
        elif line.startswith("@example"):
            example = line[len("@example"):].strip()
        elif (m := re.match(r"@page\s+\?(\w+)(?:\s+(.+))?$", line)) is not None:
            page = (m.group(1), (m.group(2) or "").strip())
        elif line:
            lines.append(line)
    sparql = _registry_values(text)
    if page is not None:
        page = (page[0], _page_keys(path, sparql, *page))
    return NamedQuery(path.stem, path, sparql, " ".join(lines), tuple(params), example, page=page)


_KEYS_REGION = re.compile(r"(?ms)^[ \t]*#[ \t]*@page-keys[ \t]*$(.*?)^[ \t]*#[ \t]*@page-keys-end[ \t]*$")


def _page_keys(path: Path, sparql: str, var: str, pattern: str) -> str:
    """The query listing each value of ``?var`` with the documents (``?doc``) that hold its rows: from
    ``# @page ?var PATTERN`` (PATTERN matched inside ``GRAPH ?doc { }``), or from ``# @page ?var`` and
    the part of the query between a ``# @page-keys`` line and a ``# @page-keys-end`` line (which must
    bind ``?doc``; a ``# @bind`` line inside it takes the parameters)."""
    if pattern:
        return f"SELECT DISTINCT ?{var} ?doc WHERE {{ GRAPH ?doc {{ {pattern} }} }}"
    m = _KEYS_REGION.search(sparql)
    if m is None:
        raise QueryError(f"{path}: `# @page ?{var}` needs a pattern after it, or the part of the query that "
                         "lists the values between `# @page-keys` and `# @page-keys-end` lines")
    return f"SELECT DISTINCT ?{var} ?doc WHERE {{\n{m.group(1)}\n}}"


_KINDS_HERE = re.compile(r"(?m)^([ \t]*)#[ \t]*@kinds(-filter)?[ \t]+\?(\w+)[ \t]+\?(\w+)(?:[ \t]+(\w+))?[ \t]*$")
_RELATIONS_HERE = re.compile(r"(?m)^([ \t]*)#[ \t]*@relations[ \t]+\?(\w+)[ \t]*$")


def _registry_values(sparql: str) -> str:
    """The query with its ``# @kinds ?class ?type [GROUP]`` and ``# @relations ?p`` lines replaced by VALUES
    blocks of the kinds (of a group: kg.kinds) and relations of the registry; ``# @kinds-filter ...`` by the
    same kinds as a FILTER and a BIND (:func:`kg.kinds.kind_filter`)."""
    sparql = _KINDS_HERE.sub(lambda m: m.group(1) + (kinds.kind_filter if m.group(2) else kinds.kind_values)(
        m.group(3), m.group(4), m.group(5)), sparql)
    return _RELATIONS_HERE.sub(lambda m: m.group(1) + kinds.relation_values(m.group(2)), sparql)


def adhoc_query(text: str) -> NamedQuery:
    """A query given as --sparql TEXT."""
    return NamedQuery("--sparql", Path("-"), text, "", (), None, True)


def named_queries(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """The shipped queries by name."""
    return {p.stem: _parse(p, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.rq"))}


def load_query(name_or_file: str, folder: Path = QUERIES_DIR) -> NamedQuery:
    """A named query (``statements``) or a query file (``my.rq``)."""
    p = Path(name_or_file)
    if p.suffix == ".rq" or "/" in name_or_file:
        try:
            q = _parse(p, p.read_text(encoding="utf-8"))
            return q if q.params else replace(q, adhoc=True)  # its @page still holds
        except FileNotFoundError:
            raise QueryError(f"{name_or_file}: no such query file") from None
        except (OSError, UnicodeDecodeError) as e:
            raise QueryError(f"{name_or_file}: cannot be read ({e})") from None
    known = named_queries(folder)
    if name_or_file not in known:
        raise QueryError(f"no query named {name_or_file!r}; the named queries are: {', '.join(known)} "
                         "(or give a FILE.rq or --sparql TEXT)")
    return known[name_or_file]


def _entity_key(param: Param, kind: kinds.Kind, value: str) -> str:
    """The key of the entity of ``kind`` that ``value`` names: by its gazetteer ID or one of its names, a
    resolution by its symbol, a person also when the gazetteer does not know them; a kind with no
    gazetteer takes the value as its key."""
    from kg.extract.common import lex
    from kg.extract.resolutions import normalize_symbol

    v = value.strip()
    if kind.name == "Resolution":
        key = normalize_symbol(v)
    elif kind.gazetteer is None:
        key = v or None
    else:
        lexicon = lex()
        if kind.name == "Person":
            found = lexicon.find_person(v)
            return found.key if found is not None else lexicon.person_key(v)
        found = lexicon.find(kind.name, v)
        key = found.key if found is not None else None
        if key is None and kind.name == "Organization" and re.fullmatch(r"(?:MFA|PM|EMB|MEDIA)-[A-Z0-9-]+", v.upper()):
            key = v.upper()  # a body named by pattern (MFA-FRA, PM-BRA-UN)
    if key is None:
        raise ParameterError(f"--param {param.name}={value!r}: {kind.param_hint or f'names no {kind.param}'}")
    return key


def _convert(param: Param, value: str) -> Any:
    v = value.strip()
    t = param.type
    if t == "iri":
        v = v.strip("<>")
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*$", v):
            raise ParameterError(f"--param {param.name}={value!r}: not an IRI (expected e.g. https://...)")
        return ox.NamedNode(v)
    if t == "string":
        return ox.Literal(value)
    if t == "integer":
        if not re.fullmatch(r"[+-]?\d+", v):
            raise ParameterError(f"--param {param.name}={value!r}: not a whole number")
        return ox.Literal(v, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if t == "date":
        try:
            dt.date.fromisoformat(v)
        except ValueError:
            raise ParameterError(f"--param {param.name}={value!r}: not a date; write it as YYYY-MM-DD") from None
        return ox.Literal(v, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    kind = kinds.by_param(t)
    if kind is not None:
        return ox.NamedNode(iris.entity_iri(kind.name, _entity_key(param, kind, value)))
    raise ParameterError(f"parameter {param.name!r} has unknown type {t!r}")  # pragma: no cover


def bind(query: NamedQuery, values: dict[str, str]) -> dict[str, Any]:
    """Check ``values`` against the query's declared parameters and convert them to RDF terms."""
    declared = {p.name: p for p in query.params}
    if query.adhoc:  # no declarations: an IRI-looking value is an IRI, anything else a string
        declared = {k: Param(k, "iri" if re.match(r"^<?[a-zA-Z][a-zA-Z0-9+.-]*://", v.strip()) else "string", "")
                    for k, v in values.items()}
    unknown = [k for k in values if k not in declared]
    if unknown:
        have = ", ".join(f"{p.name} ({p.type})" for p in query.params) or "none"
        raise ParameterError(f"query {query.name!r} has no parameter {unknown[0]!r}; its parameters: {have}")
    missing = [p for p in query.params if p.name not in values and not p.optional]
    if missing:
        p = missing[0]
        raise ParameterError(f"query {query.name!r} needs --param {p.name}=... ({p.type}: {p.description})")
    return {k: _convert(declared[k], v) for k, v in values.items()}


def run(store: Store, query: NamedQuery, values: dict[str, str] | None = None, *, stream: bool = False) -> Result:
    """The query on the local store, its parameters bound; a simple final ORDER BY is done here
    (:mod:`kg.ordering`: the engine's own sort reads long strings back at every comparison). With ``stream``
    an answer that needs no sorting here comes as an iterator of rows (see :meth:`Store.select`)."""
    sparql = with_values(query.text, bind(query, values or {}))
    unordered, keys = split_order_by(_strip_comments(sparql))
    if keys is None:
        return store.select(sparql, stream=stream)
    result = store.select(unordered)
    rows = sort_rows(result.variables, result.rows, keys)
    return store.select(sparql) if rows is None else Result(result.variables, rows)


def run_page(store: Store, query: NamedQuery, values: dict[str, str] | None = None, *, limit: int,
             offset: int = 0, after: str | None = None) -> paging.Page:
    """One page of the query's answer (:mod:`kg.paging`): ``limit`` rows from ``offset``, or after the
    page whose ``next`` cursor is ``after``; by keys (``# @page``) when the query declares them."""
    bindings = bind(query, values or {})
    text = _strip_comments(with_values(query.text, bindings))
    if query.page is not None and not offset:
        var, keys = query.page
        keys = _strip_comments(with_values(keys, bindings))
        return paging.keyed_page(store, text, var, keys, limit=limit, after=after)
    return paging.page(store, text, limit=limit, offset=offset, after=after)


def bound_text(query: NamedQuery, values: dict[str, str] | None = None) -> str:
    """The query's SPARQL with its parameters bound (:func:`bind`, :func:`with_values`), comments gone."""
    return _strip_comments(with_values(query.text, bind(query, values or {})))


def values_clause(names: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    """``VALUES (?a ?b) { (t1 t2) ... }``: each value an RDF term written by pyoxigraph, never text
    pasted into SPARQL (``None``: UNDEF, the cell left unbound)."""
    body = " ".join("(" + " ".join("UNDEF" if term is None else str(term) for term in row) + ")" for row in rows)
    return f"VALUES ({' '.join('?' + n for n in names)}) {{ {body} }}"


_BIND_HERE = re.compile(r"(?m)^[ \t]*#[ \t]*@bind[ \t]*$")


def with_values(sparql: str, bindings: dict[str, Any]) -> str:
    """Bind parameters with a ``VALUES`` block: the value is data (an RDF term written by pyoxigraph),
    never pasted-in SPARQL, and any SPARQL 1.1 server takes it. The block opens the top-level WHERE
    group, or the ``GRAPH ?doc { ... }`` group that opens it, or where a ``# @bind`` line in the query
    says (inside a subquery that must see the value): there pyoxigraph joins from the bound
    value, where a binding outside the graph pattern (its own substitutions too) is applied after
    the whole pattern has been matched."""
    if not bindings:
        return sparql
    names = list(bindings)
    return _insert_block(sparql, values_clause(names, [[bindings[n] for n in names]]))


def _insert_block(sparql: str, block: str) -> str:
    """``sparql`` with the VALUES ``block`` where :func:`with_values` puts it."""
    marked = _BIND_HERE.search(sparql)
    if marked:  # the query says where its parameters are best bound
        return _strip_comments(sparql[:marked.start()]) + "\n  " + block + "\n" + _strip_comments(sparql[marked.end():])
    body = _strip_comments(sparql)
    m = re.search(r"\bWHERE\s*\{", body, re.IGNORECASE) or re.search(r"\{", body)
    if m is None:
        raise QueryError("the query has no WHERE { ... } group to bind parameters in")
    m = re.compile(r"\s*GRAPH\s+\?\w+\s*\{", re.IGNORECASE).match(body, m.end()) or m
    return body[: m.end()] + "\n  " + block + "\n" + body[m.end():]


def _strip_comments(sparql: str) -> str:
    """Drop ``#`` comments (outside IRIs and strings), so that braces in them do not count."""
    out = []
    for line in sparql.splitlines():
        cut, quote, in_iri = None, None, False
        for i, ch in enumerate(line):
            if quote:
                if ch == quote and line[i - 1] != "\\":
                    quote = None
            elif in_iri:
                in_iri = ch != ">"
            elif ch in "\"'":
                quote = ch
            elif ch == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", line[i:]):
                in_iri = True
            elif ch == "#":
                cut = i
                break
        out.append(line if cut is None else line[:cut])
    return "\n".join(out)



# ---------------------------------------------------------------- formatting
def _plain(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def _short(term: Any) -> str:
    s = _plain(term)
    if isinstance(term, ox.NamedNode):
        for prefix, ns in PREFIXES.items():
            if s.startswith(ns):
                return f"{prefix}:{s[len(ns):]}"
    return s


def _json_term(term: Any) -> dict | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


STREAMED = ("csv", "tsv", "json")  # the formats written a row at a time (a table must see every row first)


def write_result(result: Result, fmt: str, out: IO[str]) -> None:
    """Write a result as CSV, TSV or SPARQL 1.1 JSON results to ``out``, a row at a time (so a streamed
    answer of millions of rows is never held whole)."""
    if fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(result.variables)
        for row in result.rows:
            w.writerow([_plain(t) for t in row])
    elif fmt == "tsv":
        def cell(t: Any) -> str:
            return _plain(t).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
        out.write("\t".join(result.variables) + "\n")
        for row in result.rows:
            out.write("\t".join(cell(t) for t in row) + "\n")
    elif fmt == "json":
        out.write('{\n "head": ' + json.dumps({"vars": result.variables}, ensure_ascii=False) +
                  ',\n "results": {\n  "bindings": [')
        for n, row in enumerate(result.rows):
            binding = {v: _json_term(t) for v, t in zip(result.variables, row) if t is not None}
            out.write(("," if n else "") + "\n   " + json.dumps(binding, ensure_ascii=False))
        out.write("\n  ]\n }\n}\n")
    else:
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(STREAMED)}")


def format_result(result: Result, fmt: str, width: int = 60) -> str:
    """Render a result as an aligned table, CSV, TSV or SPARQL 1.1 JSON results."""
    if fmt in STREAMED:
        buf = io.StringIO()
        write_result(result, fmt, buf)
        return buf.getvalue()
    if fmt != "table":
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    cells = [[printable(re.sub(r"\s+", " ", _short(t))) for t in row] for row in result.rows]  # no raw escapes
    cells = [[c if len(c) <= width else c[: width - 1] + "…" for c in row] for row in cells]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
    out = ["  ".join(v.ljust(w) for v, w in zip(result.variables, widths)).rstrip(),
           "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    out.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(out) + "\n"
