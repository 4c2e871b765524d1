"""SPARQL syntax errors in one line a person can act on.

pyoxigraph reports ``error at L:C: expected one of ...`` followed by every character class its parser
would take (hundreds of characters for an unknown prefix). :func:`syntax_message` keeps the position,
shows the text there, and names the problem when it can: an unknown prefix (with the known ones),
an unclosed group, an unfinished string.
"""
from __future__ import annotations

import re

__all__ = ["syntax_message"]

_POSITION = re.compile(r"^error at (\d+):(\d+):\s*")
_DECLARED = re.compile(r"(?im)^\s*PREFIX\s+([A-Za-z][\w.-]*)?:\s*<")
# a prefixed name (prefix:local) outside an IRI, a string or a variable
_PREFIXED = re.compile(r"(?<![\w<\"'?$:/#.-])([A-Za-z][\w.-]*)?:(?!//)")


def _near(line: str, col: int) -> str:
    """The words around column ``col`` (1-based) of ``line``."""
    start = max(0, col - 1 - 20)
    text = line[start:col - 1 + 12].strip()
    return ("…" if start > 0 else "") + text


def _masked(sparql: str) -> str:
    """``sparql`` with strings, IRIs and comments blanked out (same length, same line breaks)."""
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))  # noqa: E731
    return re.sub(r'"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|'r"'(?:[^'\\\n]|\\.)*'|<[^>\s]*>|#[^\n]*",
                  blank, sparql)


def _unknown_prefix(sparql: str, known: dict[str, str]) -> str | None:
    """``unknown prefix foo: ...`` for the first prefixed name whose prefix is neither known nor declared."""
    declared = set(known) | {m.group(1) or "" for m in _DECLARED.finditer(sparql)}
    for line_no, line in enumerate(_masked(sparql).splitlines(), 1):
        for m in _PREFIXED.finditer(line):
            prefix = m.group(1) or ""
            if prefix not in declared and not re.match(r"\s*PREFIX\b", line[:m.start()], re.IGNORECASE):
                shown = ", ".join(f"{p}:" for p in sorted(known))
                return (f"unknown prefix {prefix}: at line {line_no}, column {m.start() + 1}; the known prefixes are "
                        f"{shown} (declare others with PREFIX {prefix}: <IRI>)")
    return None


def _expected(rest: str) -> str:
    """What the parser expected, shortened to a few readable tokens."""
    rest = " ".join(rest.split())
    if not rest.startswith("expected"):
        return rest[:120]
    words = re.findall(r'"((?:[^"\\]|\\.)*)"|\b([A-Z][A-Za-z]+)\b', rest[len("expected"):])
    tokens = [a or b for a, b in words if (a or b) not in ("one", "of")]
    if not tokens:
        return "unexpected text"
    more = ", …" if len(tokens) > 8 else ""
    shown = [t if t[:1].isalpha() else f'"{t}"' for t in tokens[:8]]
    return "expected " + ("one of " if len(tokens) > 1 else "") + ", ".join(shown) + more


def syntax_message(sparql: str, error: str, known: dict[str, str] | None = None) -> str:
    """One line for pyoxigraph's ``error``: the problem, its line and column, and the text there."""
    error = error.strip()
    m = _POSITION.match(error)
    if m is None:
        return " ".join(error.split())[:200]
    line_no, col = int(m.group(1)), int(m.group(2))
    rest = error[m.end():]
    named = _unknown_prefix(sparql, known or {})  # the parser does not always say "Prefix not found"
    if named:
        return named
    lines = sparql.splitlines() or [""]
    line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    where = f"error at line {line_no}, column {col}, near {_near(line, col)!r}"
    body = _masked(sparql)
    if not re.match(r"\s*(?:(?:PREFIX|BASE)\b[^\n]*\n\s*)*(?:SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|DROP|CLEAR|"
                    r"LOAD|CREATE|ADD|MOVE|COPY|WITH)\b", body, re.IGNORECASE):
        return f"{where}: a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE (after any PREFIX lines)"
    if body.count('"') % 2:
        return f"{where}: a string is not closed (\" ... \")"
    for opening, closing in (("{", "}"), ("(", ")")):
        if body.count(opening) > body.count(closing):
            return f"{where}: a {opening} is not closed; {_expected(rest)}"
    return f"{where}: {_expected(rest)}"
