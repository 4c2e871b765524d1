"""A body called by the generic head of its name: "the Ad Hoc Committee", "the Panel of Experts", "the Working
Group" (the heads are listed under ``short_names`` in data/gazetteer/organizations.yaml).

Such a head names a body only where the text says which one:
- "the Ad Hoc Committee established by resolution 74/247": the body the gazetteer says that resolution set up;
- a body whose name holds the head, named in full earlier in the document ("the Open-ended Working Group ...",
  then "the Working Group"): that body again;
- the statement names one of the body's ``cues`` (the treaty it negotiated) or the resolution that set it up.
Elsewhere ("an ad hoc committee", "the Working Group on Arbitrary Detention") it names nothing here.
"""
from __future__ import annotations

import bisect
import functools
import re
from pathlib import Path
from typing import Iterator

from kg.errors import GazetteerError
from kg.extract.common import hits, lex
from kg.extract.resolutions import find_symbols
from kg.gazetteer import fold, load_yaml
from kg.model import Entity, Mention, Statement

__all__ = ["founding_symbol", "short_name_mentions"]


@functools.lru_cache(maxsize=2)
def _heads(folder: Path) -> re.Pattern | None:
    """"the <head>" for the heads the organizations file lists (each word capitalised as written)."""
    path = folder / "organizations.yaml"
    heads = (load_yaml(path) or {}).get("short_names") or []
    if not isinstance(heads, list) or not all(isinstance(h, str) and h.strip() for h in heads):
        raise GazetteerError(f"{path}: 'short_names' must be a list of names (\"Ad Hoc Committee\")")
    if not heads:
        return None
    alts = "|".join(r"\s+".join(map(re.escape, h.split())) for h in sorted(heads, key=len, reverse=True))
    # not "the Working Group on Arbitrary Detention" (another body, by a longer name the gazetteer lacks)
    return re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+(?P<head>" + alts + r")\b"
                      r"(?!\s+(?:on|of|for|to|in)\s+(?:the\s+)?(?-i:[A-Z]))(?![\w-])")


# "... established by (General Assembly) resolution X" after a body's name (a few words may qualify it first): the
# resolution that set the body up
_FOUNDED = re.compile(r"[^.;()\n]{0,60}?\b(?:established|created|set\s+up|convened|mandated)\s+(?:by|pursuant\s+to|under|"
                      r"in\s+accordance\s+with)\s+(?:the\s+)?(?:UN\s+|United\s+Nations\s+)?(?:General\s+Assembly\s+)?", re.I)
_BARE_COUNCIL = re.compile(r"(?:Security\s+Council\s+|UNSC\s+)?[Rr]esolution\s+(?P<n>\d{3,4})\b(?![/.]\d)")


def _holds(ent: Entity, head: str) -> bool:
    """Whether one of the body's names (or its label) holds the words of ``head``."""
    want = r"\b" + r"\s+".join(map(re.escape, fold(head).split())) + r"\b"
    names = [ent.label, *(lex().org_data.get(ent.key, {}).get("names") or [])]
    return any(re.search(want, fold(n)) for n in names)


def founding_symbol(text: str, pos: int, end: int) -> str | None:
    """The symbol of the resolution named right after "established by" that follows a body's name ending at
    ``pos`` ("resolution 74/247", "Security Council resolution 1874")."""
    said = _FOUNDED.match(text, pos, end)
    if said is None:
        return None
    near = text[said.end():min(end, said.end() + 60)]
    found = find_symbols(near)
    if found and found[0][0] <= 30 and found[0][2].kind == "Resolution":
        return re.sub(r"\s*\(\d{4}\)$", "", found[0][2].key)  # "S/RES/1874 (2009)" is set up as "S/RES/1874"
    bare = _BARE_COUNCIL.match(near, near.find("esolution") - 1) if "esolution" in near[:40] else None
    return f"S/RES/{bare.group('n')}" if bare else None


def _founded_by(symbol: str, head: str) -> Entity | None:
    bodies = [e for k, e in lex().organizations.items() if e.key == k
              and lex().org_data.get(k, {}).get("established_by") == symbol and _holds(e, head)]
    return bodies[0] if len(bodies) == 1 else None


def _named_before(stmt: Statement, pos: int, head: str) -> Entity | None:
    """The body last named in full before ``pos`` in the document whose name holds ``head``."""
    every = stmt.context.hits
    before = every[:bisect.bisect_left(every, pos, key=lambda h: h.start)] if every is not None else \
        lex().scan(stmt.context.text, max(0, pos - 20_000), pos)
    for h in reversed(before):
        if h.outer is not None or h.end > pos:  # a name inside a longer one: the longer one is the body named
            continue
        bodies = [f.entity for f in h.forms if f.entity is not None and f.entity.kind == "Organization"
                  and re.search(r"\s", f.text)]
        if bodies and _holds(bodies[0], head) and fold(h.forms[0].text) != fold(head):
            return bodies[0]
    return None


def _cued(stmt: Statement, head: str) -> Entity | None:
    """The one body holding ``head`` whose cue (a treaty or body it is known by) or founding resolution the
    statement names."""
    if "cue_keys" not in stmt.cache:
        stmt.cache["cue_keys"] = ({f.entity.key for h in hits(stmt) for f in h.forms if f.entity is not None},
                                  {e.key for _, _, e, _ in find_symbols(stmt.context.text[stmt.start:stmt.end])})
    named, symbols = stmt.cache["cue_keys"]
    fits = {}
    for key, data in lex().org_data.items():
        if data.get("cues") is None:  # (only a body listed with cues is called so without its name)
            continue
        if set(data["cues"]) & named or data.get("established_by") in symbols:
            ent = lex().organization(key)
            if ent is not None and _holds(ent, head):
                fits[ent.key] = ent
    return next(iter(fits.values())) if len(fits) == 1 else None


def short_name_mentions(stmt: Statement, found: list[Mention]) -> Iterator[Mention]:
    """The bodies ``stmt`` calls by a generic head, where the text says which (not where ``found``, the
    bodies read by name, already covers the words)."""
    pattern = _heads(lex().folder)
    text = stmt.context.text
    for m in pattern.finditer(text, stmt.start, stmt.end) if pattern is not None else ():
        s, e = m.span("head")
        if any(o.start < e and s < o.end for o in found) or _in_longer_name(stmt, s, e):
            continue
        head = " ".join(m.group("head").split())
        symbol = founding_symbol(text, e, stmt.end)
        ent = (_founded_by(symbol, head) if symbol else None) or _named_before(stmt, s, head) or _cued(stmt, head)
        if ent is not None:
            yield Mention(s, e, text[s:e], ent, "short")


def _in_longer_name(stmt: Statement, s: int, e: int) -> bool:
    return any(h.start <= s and e <= h.end and (h.end - h.start) > (e - s) for h in hits(stmt)
               if any(f.entity is not None for f in h.forms))
