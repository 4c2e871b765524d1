"""UN resolutions, decisions and drafts in any written or spoken form, with a canonical symbol.

``A/RES/75/240``, "resolution 75/240", "resolutions 73/27 and 73/266", ``A/C.1/76/L.13``,
``/Rev.1``, "draft L.13" / "document L.13" (placed in its session and committee when the text
tells them), "decision 75/564", Security Council "resolution 2334 (2016)". Report symbols such
as ``A/68/98`` are UN documents, not resolutions."""
from __future__ import annotations

import functools
import re
from typing import Iterator

from kg.extract.common import anchored_finditer, sentence_bounds, word_finditer
from kg.gazetteer import unbroken
from kg.model import Entity, Mention, Statement

__all__ = ["resolutions", "find_symbols", "normalize_symbol", "canonical_symbol", "resolution_entity", "session_of"]

_REV = r"(?:\s*/\s*[Rr]ev\.?\s*(?P<rev>\d+))?"  # "/Rev.1", "/rev1"
# The written symbols start with their literal letter and no \b: read them with word_finditer, which checks
# the word boundary (with a leading \b the regex engine would try every position of the text, 30x slower).
_GA_RES = re.compile(r"A\s*/\s*RES\s*/\s*(?P<s>\d{1,3})\s*/\s*(?P<n>\d{1,4})" + _REV)
_DEC = re.compile(r"A\s*/\s*DEC\s*/\s*(?P<s>\d{1,3})\s*/\s*(?P<n>\d{1,4})")
_COMMITTEE_DRAFT = re.compile(r"A\s*/\s*C\.\s*(?P<c>[1-6])\s*/\s*(?P<s>\d{1,3})\s*/\s*L\.\s*(?P<n>\d{1,4})" + _REV)
_PLENARY_DRAFT = re.compile(r"A\s*/\s*(?P<s>\d{1,3})\s*/\s*L\.\s*(?P<n>\d{1,4})" + _REV)
_SC_DOC = re.compile(r"S\s*/\s*(?P<y>(?:19|20)\d{2})\s*/\s*(?P<n>\d{1,4})")  # S/2022/155: a draft or a letter
_SC_RES = re.compile(r"S\s*/\s*RES\s*/\s*(?P<n>\d{1,4})\s*\((?P<y>\d{4})\)")
_REPORT = re.compile(r"A\s*/\s*(?P<s>\d{2,3})\s*/\s*(?P<n>\d{1,4})(?P<add>\s*/\s*(?:Add|Corr)\.\s*\d+)?(?![\w/])")
# "resolution 75/240", "UNGA resolutions 73/27 and 73/266", "decision 75/564"
_SPOKEN = re.compile(r"\b(?P<word>[Rr]esolutions?|[Dd]ecisions?|RESOLUTIONS?|DECISIONS?)\s+(?P<list>\d{2,3}/\d{1,4}"
                     r"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*|\s+as well as\s+)\d{2,3}/\d{1,4})*)")
# "resolution 2334 (2016)", "Security Council resolution 1540"
_SC_SPOKEN = re.compile(r"\b[Rr]esolutions?\s+(?P<n>\d{3,4})\s*\((?P<y>(?:19|20)\d{2})\)")
_SC_PLAIN = re.compile(r"Security Council\s+[Rr]esolutions?\s+(?P<n>\d{3,4})\b(?!\s*\()")
# "draft L.13", "document L.13", "L.13/Rev.1", "resolution L.13" (an L. symbol is a draft's, whatever it is called)
_SHORT_DRAFT = re.compile(r"\b(?:[Dd]raft(?:\s+resolution)?|[Dd]ocument|[Dd]raft decision|[Rr]esolutions?|RESOLUTIONS?)"
                          r"\s+(?P<sym>L\.\s*(?P<n>\d{1,4}))" + _REV)

_ORD_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
              "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
              "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
         "eightieth": 80, "ninetieth": 90}
_TENS_CARD = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
              "ninety": 90}
_SESSION = re.compile(r"\b(?P<num>\d{1,3})(?:st|nd|rd|th)\s+(?:session\b|(?:UN\s+|United Nations\s+)?(?:General Assembly|"
                      r"UNGA)\b|(?:First|Second|Third|Fourth|Fifth|Sixth)\s+Committee\b)|\bUNGA\s?(?P<num2>\d{2})\b|\b(?P<word>(?:(?:twenty|thirty|forty|fifty|"
                      r"sixty|seventy|eighty|ninety)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
                      r"ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
                      r"eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|"
                      r"ninetieth))\s+session\s+of\s+the\s+(?:UN\s+|United Nations\s+)?General Assembly|"
                      # a UN meetings coverage header: "Seventy-fifth Session, 14th Meeting (AM)"
                      r"^[ \t]*(?P<word2>(?:(?:fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth)|(?:forty|fifty|sixty|"
                      r"seventy|eighty|ninety)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)))"
                      r"\s+session,?\s+\d{1,4}(?:st|nd|rd|th)\s+(?:(?:&|and)\s+\d{1,4}(?:st|nd|rd|th)\s+)?meetings?\b",
                      re.I | re.M)
_COMMITTEE = re.compile(r"\b(First|Second|Third|Fourth|Fifth|Sixth)\s+Committee\b")
# where a spoken form or a session can stand: a literal found at memory speed, then the pattern tried near it
_SPOKEN_ANCHOR = re.compile(r"esolution|ecision|ESOLUTION|ECISION")
_L_DOT = re.compile(r"L\.")
_SESSION_ANCHOR = re.compile(r"ession|ESSION|Assembly|ASSEMBLY|assembly|UNGA|unga|Unga|Committee|COMMITTEE|committee")
_COMMITTEE_NUM = {"First": 1, "Second": 2, "Third": 3, "Fourth": 4, "Fifth": 5, "Sixth": 6}


def _ordinal(word: str) -> int | None:
    w = word.lower().replace(" ", "-")
    if "-" in w:
        tens, unit = w.split("-", 1)
        if tens in _TENS_CARD and unit in _ORD_WORDS:
            return _TENS_CARD[tens] + _ORD_WORDS[unit]
        return None
    return _ORD_WORDS.get(w) or _TENS.get(w)


def session_of(text: str) -> int | None:
    """The General Assembly session a text speaks of ("76th session", "seventy-sixth session", A/C.1/76/...)."""
    m = next(word_finditer(_COMMITTEE_DRAFT, text), None) or next(word_finditer(_GA_RES, text), None) \
        if "/" in text else None
    for m2 in anchored_finditer(_SESSION, _SESSION_ANCHOR, 60, text):
        num = m2.group("num") or m2.group("num2")
        if num and int(num) >= 40:
            return int(num)
        if m2.group("word") or m2.group("word2"):
            n = _ordinal(m2.group("word") or m2.group("word2"))
            if n and n >= 40:
                return n
    if m:
        return int(m.group("s"))
    return None


def canonical_symbol(kind: str, **p: str | int | None) -> str:
    rev = f"/Rev.{p['rev']}" if p.get("rev") else ""
    if kind == "ga":
        return f"A/RES/{p['s']}/{p['n']}"
    if kind == "dec":
        return f"A/DEC/{p['s']}/{p['n']}"
    if kind == "cdraft":
        return f"A/C.{p['c']}/{p['s']}/L.{p['n']}{rev}"
    if kind == "pdraft":
        return f"A/{p['s']}/L.{p['n']}{rev}"
    if kind == "sc":
        return f"S/RES/{p['n']} ({p['y']})"
    if kind == "short":
        return f"L.{p['n']}{rev}"
    raise ValueError(kind)


def resolution_entity(symbol: str, draft: bool = False) -> Entity:
    return Entity("Resolution", symbol, symbol, (("symbol", symbol), ("draft", draft)))


def _committee(stmt: Statement) -> int | None:
    """The Main Committee the statement (else its document) names first."""
    text = stmt.context.text
    # the pattern begins at a word boundary, so it is tried at every position: first look for its word
    m = _COMMITTEE.search(text, stmt.start, stmt.end) if text.find("Committee", stmt.start, stmt.end) >= 0 else None
    return _COMMITTEE_NUM[m.group(1)] if m else _document_committee(text)


@functools.lru_cache(maxsize=4)
def _document_committee(text: str) -> int | None:
    m = _COMMITTEE.search(text) if "Committee" in text else None
    return _COMMITTEE_NUM[m.group(1)] if m else None


def find_symbols(seg: str, session: int | None = None, committee: int | None = None) -> list[tuple[int, int, Entity, str]]:
    """Every resolution, draft, decision and UN document symbol in ``seg``: (start, end, entity, form); a word
    hyphenated at a line's end ("reso-|lution 73/27", as PDF text breaks it) is read joined."""
    joined = unbroken(seg) if "-\n" in seg or "- \n" in seg else None
    if joined is None:
        return _symbols(seg, session, committee)
    text, where = joined
    return [(where[s], where[e - 1] + 1, ent, form) for s, e, ent, form in _symbols(text, session, committee)]


def _symbols(seg: str, session: int | None, committee: int | None) -> list[tuple[int, int, Entity, str]]:
    out: list[tuple[int, int, Entity, str]] = []

    def emit(s: int, e: int, ent: Entity, form: str) -> None:
        if not any(s < b and a < e for a, b, _, _ in out):
            out.append((s, e, ent, form))

    slash = "/" in seg  # every written symbol has one; spoken forms name a resolution, decision or draft
    spoken = "esolution" in seg or "ecision" in seg or "ESOLUTION" in seg or "ECISION" in seg
    for pat, kind, draft in ((_COMMITTEE_DRAFT, "cdraft", True), (_PLENARY_DRAFT, "pdraft", True),
                             (_GA_RES, "ga", False), (_DEC, "dec", False), (_SC_RES, "sc", False)):
        for m in word_finditer(pat, seg) if slash else ():
            emit(m.start(), m.end(), resolution_entity(canonical_symbol(kind, **m.groupdict()), draft), "symbol")
    for m in anchored_finditer(_SC_SPOKEN, _SPOKEN_ANCHOR, 1, seg) if spoken else ():
        emit(m.start("n"), m.end("y") + 1, resolution_entity(canonical_symbol("sc", n=m.group("n"), y=m.group("y"))),
             "spoken")
    for m in word_finditer(_SC_PLAIN, seg) if spoken else ():
        emit(m.start("n"), m.end("n"), resolution_entity(f"S/RES/{m.group('n')}"), "spoken")
    for m in anchored_finditer(_SPOKEN, _SPOKEN_ANCHOR, 1, seg) if spoken else ():
        kind = "dec" if m.group("word").lower().startswith("decision") else "ga"
        for n in re.finditer(r"(\d{2,3})/(\d{1,4})", m.group("list")):
            s, e = m.start("list") + n.start(), m.start("list") + n.end()
            emit(s, e, resolution_entity(canonical_symbol(kind, s=n.group(1), n=n.group(2))), "spoken")
    for m in anchored_finditer(_SHORT_DRAFT, _L_DOT, 30, seg) if "L." in seg else ():
        if session and committee:
            sym = canonical_symbol("cdraft", c=committee, s=session, n=m.group("n"), rev=m.group("rev"))
        elif session:
            sym = canonical_symbol("pdraft", s=session, n=m.group("n"), rev=m.group("rev"))
        else:
            sym = canonical_symbol("short", n=m.group("n"), rev=m.group("rev"))
        emit(m.start("sym"), m.end(), resolution_entity(sym, True), "spoken")
    for m in word_finditer(_SC_DOC, seg) if slash else ():
        sym = f"S/{m.group('y')}/{m.group('n')}"
        if re.search(r"\bdraft(?:\s+resolution)?\s*$", seg[max(0, m.start() - 25):m.start()], re.I):
            emit(m.start(), m.end(), resolution_entity(sym, True), "symbol")
        else:
            emit(m.start(), m.end(), Entity("UNDocument", sym, sym, (("symbol", sym),)), "symbol")
    for m in word_finditer(_REPORT, seg) if slash else ():
        if m.start() > 0 and seg[m.start() - 1] == "/":
            continue
        sym = f"A/{m.group('s')}/{m.group('n')}" + (m.group("add") or "").replace(" ", "")
        emit(m.start(), m.end(), Entity("UNDocument", sym, sym, (("symbol", sym),)), "symbol")
    return sorted(out, key=lambda x: x[0])


def normalize_symbol(text: str) -> str | None:
    """The canonical symbol ``text`` stands for ("75/240" -> "A/RES/75/240"), or None."""
    t = text.strip()
    if re.fullmatch(r"\d{2,3}/\d{1,4}", t):
        t = "resolution " + t
    elif re.fullmatch(r"\d{3,4}\s*\(\d{4}\)", t):
        t = "resolution " + t
    found = find_symbols(t)
    return found[0][2].key if found else None


# a draft's number alone, "L.60" ("vote in favour of L.60"), not inside a written symbol ("A/C.1/78/L.60")
_BARE_DRAFT = re.compile(r"(?<![\w/.])L\.\s?(?P<n>\d{1,4})(?!\s*/\s*[Rr]ev|[\w/])")


@functools.lru_cache(maxsize=4)
def _page_drafts(text: str) -> dict[str, str]:
    """The drafts the page writes out in full, by their number: {"60": "A/C.1/78/L.60"}; a number two full
    symbols share ("A/C.1/77/L.60" and "A/C.1/78/L.60") is left out."""
    found: dict[str, set[str]] = {}
    for pat, kind in ((_COMMITTEE_DRAFT, "cdraft"), (_PLENARY_DRAFT, "pdraft")):
        for m in word_finditer(pat, text) if "/" in text else ():
            if not m.group("rev"):
                found.setdefault(m.group("n"), set()).add(canonical_symbol(kind, **m.groupdict()))
    return {n: next(iter(syms)) for n, syms in found.items() if len(syms) == 1}


def _bare_drafts(stmt: Statement, taken: list[tuple[int, int]]) -> Iterator[Mention]:
    """"L.60" with no word before it, where the page names that draft in full elsewhere (a heading shared by
    several statements: "draft resolution A/C.1/78/L.60"): the full symbol."""
    text = stmt.context.text
    full = _page_drafts(text)
    for m in _BARE_DRAFT.finditer(text, stmt.start, stmt.end) if full else ():
        sym = full.get(m.group("n"))
        if sym is not None and not any(a < m.end() and m.start() < b for a, b in taken):
            yield Mention(m.start(), m.end(), m.group(0), resolution_entity(sym, True), "spoken")


# "resolutions 1718, 1874 and 2397": Security Council resolutions by their number alone (the Assembly's have
# carried their session since 1976: "75/240"; its older ones a session in roman numerals: "2625 (XXV)")
_COUNCIL_NUMBER = r"(?:[1-9]\d{2}|[12]\d{3})(?![\d/.]|\s*\(\s*[IVXL]+\s*\))"
_COUNCIL_BARE = re.compile(r"(?P<word>[Rr]esolutions?)\s+(?P<list>" + _COUNCIL_NUMBER + r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|"
                           r"\s*&\s*|\s+as\s+well\s+as\s+)" + _COUNCIL_NUMBER + r")*)")
# a body other than the Council whose resolutions are numbered so ("General Assembly resolution 2625", "Human Rights
# Council resolution", "IAEA General Conference resolution")
_OTHER_BODY = re.compile(r"(?:\b(?:Assembly|GA|UNGA|HRC|ECOSOC|Conference|Board|IAEA|WHA|OAS|PACE|Commission)|"
                         r"(?<!Security)\s+Council)(?:[’']s)?\s+$")
_COUNCIL = re.compile(r"Security\s+Council|\bUNSC\b|S/RES/")


@functools.lru_cache(maxsize=4)
def _council_years(text: str) -> dict[str, str]:
    """The Council resolutions the page writes with their year, by number: {"1540": "S/RES/1540 (2004)"}."""
    found: dict[str, set[str]] = {}
    for pat in (_SC_SPOKEN, _SC_RES):
        for m in pat.finditer(text) if "esolution" in text or "RES" in text else ():
            found.setdefault(m.group("n"), set()).add(canonical_symbol("sc", n=m.group("n"), y=m.group("y")))
    return {n: next(iter(syms)) for n, syms in found.items() if len(syms) == 1}


def _council_resolutions(stmt: Statement, taken: list[tuple[int, int]]) -> Iterator[Mention]:
    """Resolutions cited by their bare number in a statement that speaks of (or at) the Security Council: the
    symbol with the year the page gives it elsewhere ("resolution 1540 (2004)"), else without one."""
    text = stmt.context.text
    years = _council_years(text)
    where = [stmt] + ([stmt.parent] if stmt.parent is not None else [])
    if not any(_COUNCIL.search(text, s.start, s.end) for s in where):
        return
    for m in anchored_finditer(_COUNCIL_BARE, _SPOKEN_ANCHOR, 1, text, stmt.start, stmt.end):
        if (m.start() and text[m.start() - 1].isalnum()) or _OTHER_BODY.search(text, max(0, m.start() - 40), m.start()):
            continue
        for n in re.finditer(r"\d+", m.group("list")):
            s, e = m.start("list") + n.start(), m.start("list") + n.end()
            if not any(a < e and s < b for a, b in taken):
                sym = years.get(n.group(0), f"S/RES/{n.group(0)}")
                yield Mention(s, e, n.group(0), resolution_entity(sym), "spoken")


# a General Assembly symbol with no word before it, "74/247" (sessions numbered since 1976: the 31st on)
_BARE_GA = re.compile(r"(?<![\w/.,-])(?P<s>3[1-9]|[4-9]\d|1[0-2]\d)/(?P<n>[1-9]\d{0,3})(?![\w/-]|[.,]\d)")
_RESOLUTION_WORD = re.compile(r"\b[Rr]esolutions?\b|\bRESOLUTIONS?\b")


def _bare_symbols(stmt: Statement, taken: list[tuple[int, int]]) -> Iterator[Mention]:
    """"The resolution that set up the committee, 74/247, ...": a session/number pair standing alone, in a sentence
    that speaks of a resolution (elsewhere "74/247" may be a score, a ratio or a file number)."""
    text = stmt.context.text
    for m in _BARE_GA.finditer(text, stmt.start, stmt.end):
        if m.group("s") == m.group("n") or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        s0, s1 = sentence_bounds(text, m.start(), stmt.start, stmt.end)
        if _RESOLUTION_WORD.search(text, s0, s1):
            sym = canonical_symbol("ga", s=m.group("s"), n=m.group("n"))
            yield Mention(m.start(), m.end(), m.group(0), resolution_entity(sym), "spoken")


def resolutions(stmt: Statement) -> Iterator[Mention]:
    text = stmt.context.text
    seg = text[stmt.start:stmt.end]
    taken: list[tuple[int, int]] = []
    for s, e, ent, form in find_symbols(seg, stmt.context.session, _committee(stmt)):
        taken.append((stmt.start + s, stmt.start + e))
        yield Mention(stmt.start + s, stmt.start + e, seg[s:e], ent, form)
    if "L." in seg:
        yield from _bare_drafts(stmt, taken)
    if "esolution" in seg or "ESOLUTION" in seg:
        yield from _council_resolutions(stmt, taken)
        yield from _bare_symbols(stmt, taken)
