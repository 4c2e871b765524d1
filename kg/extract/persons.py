"""Persons: titled names in any case ("Foreign Minister Sergey Lavrov", "H.E.Mr. Alexander
Yakovenko", "DR. VLADIMIR SHIN"), initials ("A.V.Krutskikh"), transcript labels ("Sergey
Lavrov:"), known persons from the gazetteer, and a surname alone ("Lavrov's") resolved to the
full name met earlier in the document. Spelling variants (Sergey/Sergei) share one identity.
A name needs a title, a gazetteer entry or a speaker label: no person is made from a title
or an organization's name alone."""
from __future__ import annotations

import bisect
import functools
import re
from typing import Iterator

from kg.extract.common import CapsLines, Intervals, SpanIndex, hits, lex, titles
from kg.extract.organizations import context_date
from kg.model import Entity, Mention, Statement
from kg.segment import chrome_spans

__all__ = ["persons", "person_entity"]

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LOW = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž"
# a name's word may have a capital inside ("McConville", "O'Neill") and, read by OCR, an "l" turned "!"
_TOKEN = re.compile(rf"[{_UP}][{_LOW}]+(?:['’]?[{_UP}][{_LOW}]+)?(?:![{_LOW}]+)?(?:-[{_UP}{_LOW}][{_LOW}]+)*|[{_UP}]\.(?=\s)"
                    rf"|[{_UP}][{_UP}'’-]+|[{_LOW}]+(?:-[{_LOW}]+)*|\d+|[^\s]")
_CONNECT = {"of", "the", "to", "for", "and", "in", "on", ",", "at", "&"}


_CAPS_WORD = re.compile(rf"[{_UP}][{_UP}'’-]+")
_INITIAL = re.compile(rf"[{_UP}]\.")
_CAP_WORD = re.compile(rf"[{_UP}][{_LOW}].*")
_CAP_ANY = re.compile(rf"[{_UP}].*")
_CAP_OR_DIGIT = re.compile(rf"[{_UP}0-9].*")


def person_entity(name: str) -> Entity:
    """The person called ``name``: the gazetteer's entry if it knows the name, else a new identity."""
    lexicon = lex()
    known = lexicon.find_person(name)
    if known is not None:
        return known
    return Entity("Person", lexicon.person_key(name), name)


def _caps_to_title(name: str) -> str:
    return " ".join(t.capitalize() if t.isupper() and len(t) > 1 else t for t in name.split())


_Tok = re.Match  # a token is its match: ``start()``, ``end()`` and ``[0]`` (its text); cheaper than an object
_start = re.Match.start  # a token's start, the key its list is sorted by

# the words after a name that may be its title ("..., Under-Secretary-General for Disarmament Affairs"); in a
# heading, the title may stand on the line below the name ("Statement by H.E. Mr. X / Ambassador and ...")
_TITLE_WORDS = r"((?:(?:the|in charge of|[A-Z][\w.’'-]*|of|to|for|and|in|on)(?:[ \t]+|,[ \t]+|[ \t]*/[ \t]*|(?=[,.;:)\n])|$))+)"
_AFTER = re.compile(r"(,[ \t]*|[ \t]+)" + _TITLE_WORDS)
_AFTER_IN_HEADING = re.compile(r"(,[ \t]*|[ \t]+|[ \t]*\n[ \t*_]*(?=[A-Z]))" + _TITLE_WORDS)


def _blocked_spans(stmt: Statement) -> list[tuple[int, int]]:
    """Spans of gazetteer names that are not persons (states, bodies, places, treaties), and the lines of page
    chrome inside the statement (a menu's "Ambassador  Consular Issues", an index label "Editorial Sections:")."""
    out = []
    for h in hits(stmt):
        if not any(f.entity is not None and f.entity.kind == "Person" for f in h.forms):
            out.append((h.start, h.end))
    return out + chrome_spans(stmt)


def _title_spans(stmt: Statement, caps_line: CapsLines) -> list[tuple[int, int]]:
    text, start, end = stmt.context.text, stmt.start, stmt.end
    out = []
    for s, e in titles().title_matches(stmt):
        if text[s].isupper() or caps_line(s):
            out.append((s, e))
    # "H.E.Mr." written without spaces
    for m in re.finditer(r"H\.\s?E\.\s?(?:Mr|Ms|Mrs|Dr)\.?", text[start:end]):
        out.append((start + m.start(), start + m.end()))
    return out


# a capitalised phrase right after an office and its preposition is the office's domain, not a name
# ("Coordinator for Cyber Issues", "Commissioner for Human Rights")
_OFFICE_DOMAIN = re.compile(r"[ \t](?:for|of|on)[ \t]+$")


class _Scan:
    """What every reader of one statement looks at: the document's text, the statement's tokens, where titles
    stand (``tspans``), where gazetteer names that are not persons stand (``blocked``: no person is made of
    them) and which lines are in capitals. Computed once, shared by the readers."""

    __slots__ = ("stmt", "text", "toks", "tspans", "blocked", "caps_line")

    def __init__(self, stmt: Statement) -> None:
        self.stmt = stmt
        self.text = text = stmt.context.text
        self.blocked = SpanIndex(_blocked_spans(stmt))
        self.caps_line = CapsLines(text, stmt.start, stmt.end)
        self.tspans = SpanIndex(_title_spans(stmt, self.caps_line))
        self.toks: list[_Tok] = list(_TOKEN.finditer(text, stmt.start, stmt.end))


class _Found:
    """The persons found so far, in the order found. Each claims its span (``taken``): the readers run surest
    first, so a later reading never names a person over text an earlier one took."""

    __slots__ = ("text", "found", "taken")

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[Mention] = []
        self.taken = Intervals()

    def at(self, s: int, e: int) -> Mention | None:
        """The finding read at exactly ``text[s:e]``, if any (a later reader may add to what it says)."""
        return next((f for f in self.found if f.start == s and f.end == e), None)

    def add(self, s: int, e: int, ent: Entity, form: str, info: dict) -> None:
        """Record ``ent`` named at ``text[s:e]``, unless an earlier finding overlaps that span."""
        if self.taken.overlaps(s, e):
            return
        self.taken.add(s, e)
        self.found.append(Mention(s, e, self.text[s:e], ent, form, info))


def persons(stmt: Statement) -> Iterator[Mention]:
    """The persons ``stmt`` names, leftmost first. The readers run from the surest to the weakest (known
    persons, delegates with their state in brackets, titled names, initials and a surname, transcript labels,
    surnames met earlier), each only over text the earlier ones left free."""
    scan = _Scan(stmt)
    out = _Found(scan.text)
    _known_persons(scan, out)
    _delegates(scan, out)
    _capital_leads(scan, out)
    _titled_names(scan, out)
    _initials_and_surname(scan, out)
    _transcript_labels(scan, out)
    _quoted_names(scan, out)
    _surnames_met_earlier(scan, out)
    out.found.sort(key=lambda m: m.start)
    yield from out.found


def _known_persons(scan: _Scan, out: _Found) -> None:
    """Known persons (full names, distinctive surnames) from the gazetteer. A title read back from one stops
    at any known person's name, so it never runs over another known person."""
    stmt = scan.stmt
    known = [h for h in hits(stmt) if h.outer is None and any(f.entity is not None and f.entity.kind == "Person"
                                                               for f in h.forms)]
    spans = Intervals()
    for h in known:
        spans.add(h.start, h.end)
    for h in known:
        ent = next(f.entity for f in h.forms if f.entity is not None and f.entity.kind == "Person")
        form = next(f.form for f in h.forms if f.entity is ent)
        out.add(h.start, h.end, ent, form,
                _title_info(scan.text, stmt, scan.toks, h.start, h.end, scan.tspans, scan.blocked, spans))


def _eligible(tok: _Tok, caps: bool, tspans: SpanIndex, blocked: SpanIndex) -> bool:
    """Whether ``tok`` may be part of a name: not a title or a gazetteer name, and a capitalised word that is
    not a common one (on a line in capitals: a word in capitals), an initial or a particle ("van", "de")."""
    if tok.start() in tspans or tok.start() in blocked:
        return False
    if caps:
        return bool(_CAPS_WORD.fullmatch(tok[0])) and tok[0].capitalize() not in titles().not_names
    if _INITIAL.fullmatch(tok[0]):
        return True
    if tok[0].lower() in titles().particles and tok[0][:1].islower():
        return True
    return bool(_CAP_WORD.fullmatch(tok[0])) and tok[0] not in titles().not_names


def _name_runs(scan: _Scan) -> Iterator[tuple[int, int, bool]]:
    """Runs of adjacent tokens that may be a name, as (first, last) token indices and whether the run stands
    on a line in capitals. A run starts at a capitalised word that is no initial and does not end with a
    particle or an initial; runs do not overlap."""
    text, toks, tspans, blocked, caps_line = scan.text, scan.toks, scan.tspans, scan.blocked, scan.caps_line
    n = len(toks)
    # a name starts at a capitalised token: go from one to the next (most tokens are small words)
    if caps_line.any:
        firsts = [k for k, t in enumerate(toks) if t[0][0].isupper()]
    else:  # no name starts at a word that is never one ("The", "We"): skip those here, not one by one below
        not_names = titles().not_names
        firsts = [k for k, t in enumerate(toks) if (w := t[0])[0].isupper() and w not in not_names]
    nf = 0
    i = 0
    while nf < len(firsts):
        if firsts[nf] < i:
            nf += 1
            continue
        i = firsts[nf]
        nf += 1
        caps = caps_line(toks[i].start())
        if _INITIAL.fullmatch(toks[i][0]) or not _eligible(toks[i], caps, tspans, blocked):
            continue
        j = i
        while j + 1 < n and _eligible(toks[j + 1], caps, tspans, blocked) and _adjacent(text, toks[j], toks[j + 1]):
            j += 1
        while j > i and (toks[j][0].lower() in titles().particles or _INITIAL.fullmatch(toks[j][0])):
            j -= 1
        if not caps and j + 1 < n and _adjacent(text, toks[j], toks[j + 1]) and _caps_surname(toks[j + 1], tspans, blocked):
            j += 1  # "Yutaka ARIMA": a surname in capitals after the given name
        yield i, j, caps
        i = j + 1


def _caps_surname(tok: _Tok, tspans: SpanIndex, blocked: SpanIndex) -> bool:
    """Whether ``tok``, in a line of mixed case, is a surname written in capitals: no title, no known name
    or abbreviation and no common word."""
    w = tok[0]
    return bool(_CAPS_WORD.fullmatch(w)) and len(w) >= 3 and w not in titles().postnominals and \
        tok.start() not in tspans and tok.start() not in blocked and w.capitalize() not in titles().not_names and not titles().is_title_word(w)


def _titled_names(scan: _Scan, out: _Found) -> None:
    """Names of two to four words with a title ("Foreign Minister Sergey Lavrov", "DR. VLADIMIR SHIN",
    "Izumi Nakamitsu, Under-Secretary-General"), or of two or three starting with a known first name; a lone
    surname right after its title is the person of that surname, if one is known. A run glued to a further
    capitalised word may be part of a longer name or a body's name: a title counts for it only when it stands
    right before it."""
    stmt, text, toks, tspans, blocked = scan.stmt, scan.text, scan.toks, scan.tspans, scan.blocked
    n = len(toks)
    for i, j, caps in _name_runs(scan):
        run = toks[i:j + 1]
        s, e = run[0].start(), run[-1].end()
        info = _title_info(text, stmt, toks, s, e, tspans, blocked, out.taken)
        nxt = toks[j + 1] if j + 1 < n else None
        glued_after = nxt is not None and _adjacent(text, run[-1], nxt) and _CAP_ANY.fullmatch(nxt[0]) \
            and nxt.start() not in tspans and nxt[0] not in titles().postnominals  # "Jane Roe OBE" ends at "Roe"
        titled = info.get("titled") and (not caps or info.get("honorific_before") or _caps_name_ends(text, info, e)) \
            and not (glued_after and not info.get("immediate_title")) and not _OFFICE_DOMAIN.search(text, max(0, s - 8), s)
        # no title, but a known first name: "Nikolay Glushkov", "opponents of Boris Johnson"
        named = not caps and not glued_after and len(run) in (2, 3) and run[0][0] in lex().given_names \
            and not (i > 0 and _adjacent(text, toks[i - 1], run[0]) and _CAP_ANY.fullmatch(toks[i - 1][0]))
        if 2 <= len(run) <= 4 and (titled or named):
            name = text[s:e]
            if caps or run[-1][0].isupper():
                name = _caps_to_title(name)
            out.add(s, e, person_entity(name), "name", info)
        elif len(run) == 1 and info.get("immediate_title") and not caps:
            when = context_date(stmt)
            ent = _by_surname(stmt.context, run[0][0], when.year if when else None)
            if ent is not None:
                out.add(s, e, ent, "surname", info)


# in a line of capitals every word looks like a name: a title right before a run of them names a person when the
# run ends at a comma, a bracket or the line's end ("STATEMENT BY AMBASSADOR JANE DOE, PERMANENT REPRESENTATIVE")
_CAPS_NAME_END = re.compile(r"[ \t]*(?:[,(\n]|$)")


def _caps_name_ends(text: str, info: dict, e: int) -> bool:
    return bool(info.get("immediate_title")) and _CAPS_NAME_END.match(text, e) is not None


def _initials_and_surname(scan: _Scan, out: _Found) -> None:
    """Initials and a surname: "A.V.Krutskikh", "A. V. Krutskikh"; the person of that surname if one is
    known, else a new one. A title word or a common word after initials is no surname."""
    stmt, text, tspans, blocked = scan.stmt, scan.text, scan.tspans, scan.blocked
    tt = titles()
    for m in _initials_names(text[stmt.start:stmt.end]):
        s, e = stmt.start + m.start(), stmt.start + m.end()
        surname = m.group(2)
        if surname in tt.not_names or s in blocked or tt.is_title_word(surname) or stmt.start + m.start(2) in tspans:
            continue
        ent = _by_surname(stmt.context, surname) or Entity("Person", lex().person_key(m.group(0)),
                                                           m.group(1).replace(" ", "") + " " + surname)
        out.add(s, e, ent, "name", _title_info(text, stmt, scan.toks, s, e, tspans, blocked, out.taken))


# a meetings-coverage paragraph opens with a delegate and their state in brackets: "HAROLD ADLAI AGYEMAN (Ghana),
# speaking on behalf of ...", "Ana Silva (Brazil) said ..."
_DELEGATE = re.compile(rf"(?m)^[ \t*_]*(?P<n>[{_UP}][{_UP}{_LOW}'’.-]+(?:[ \t]+[{_UP}][{_UP}{_LOW}'’.-]+){{1,4}})[ \t]*"
                       r"\((?P<state>[^()\n]{2,60})\)(?=[ \t]*[,:]|[ \t]+[a-z])")


def _delegates(scan: _Scan, out: _Found) -> None:
    """A delegate opening a paragraph with their state in brackets; the brackets are their title, so the
    state is their affiliation."""
    stmt, text = scan.stmt, scan.text
    if text.find("(", stmt.start, stmt.end) < 0:
        return
    for m in _DELEGATE.finditer(text, stmt.start, stmt.end):
        s, e = m.start("n"), m.end("n")
        state = [f.entity for f in lex().lookup(m.group("state")) if f.entity is not None and f.entity.kind == "State"]
        words = m.group("n").split()
        tt = titles()
        if not state or s in scan.blocked or words[0].capitalize() in tt.not_names \
                or any(tt.is_title_word(w.capitalize()) for w in words):
            continue  # ("ANGUS SEPTEMBER" is a name: a month only past the first word)
        info = {"titled": True, "post_title": (m.start("state"), m.end("state")), "title": m.group("state")}
        known = out.at(s, e)
        if known is not None:  # a known person: the brackets still say whom they serve
            known.info.setdefault("post_title", info["post_title"])
            continue
        name = _caps_to_title(m.group("n")) if m.group("n").isupper() else m.group("n")
        out.add(s, e, lex().find_person(name) or person_entity(name), "name", info)


# a meetings-coverage paragraph opening with a delegate's name in capitals and their office after a comma:
# "MARTA KOWALCZYK, Minister for Foreign Affairs of Poland, said ..."
_CAPITAL_LEAD = re.compile(rf"(?m)^[ \t*_]*(?P<n>[{_UP}][{_UP}'’-]+(?:[ \t]+[{_UP}][{_UP}'’-]+){{1,3}}),[ \t]+(?:the[ \t]+)?")


def _capital_leads(scan: _Scan, out: _Found) -> None:
    """A name in capitals opening a paragraph, followed by a comma and a title: the person that title names."""
    stmt, text, tt = scan.stmt, scan.text, titles()
    if text.find(",", stmt.start, stmt.end) < 0:
        return
    for m in _CAPITAL_LEAD.finditer(text, stmt.start, stmt.end):
        s, e = m.start("n"), m.end("n")
        words = [w.capitalize() for w in m.group("n").split()]
        if m.end() not in scan.tspans or s in scan.blocked or scan.caps_line(s) \
                or any(w in tt.not_names or tt.is_title_word(w) for w in words):
            continue  # (a line all in capitals is a heading: the titled-names reader has it)
        name = _caps_to_title(m.group("n"))
        info = _title_info(text, stmt, scan.toks, s, e, scan.tspans, scan.blocked, out.taken)
        out.add(s, e, lex().find_person(name) or person_entity(name), "name", info)


def _transcript_labels(scan: _Scan, out: _Found) -> None:
    """Transcript labels: "Sergey Lavrov: ..." at a line or sentence start, and a verbatim record's turn label,
    "Mr. Mills (United States of America):", which names a delegate by surname. Both kinds end in a colon,
    which most statements lack: their patterns, tried at every position, are then not run at all."""
    stmt, text, blocked = scan.stmt, scan.text, scan.blocked
    if text.find(":", stmt.start, stmt.end) < 0:
        return
    tt = titles()
    for m in _SPEAKER_LABEL.finditer(text[stmt.start:stmt.end]):
        s, e = stmt.start + m.start(1), stmt.start + m.end(1)
        words = m.group(1).split()
        if any(w in tt.not_names or tt.is_title_word(w) for w in words) or s in blocked:
            continue
        out.add(s, e, person_entity(m.group(1)), "name", {"speaker_label": True})
    for m in _TURN_LABEL.finditer(text[stmt.start:stmt.end]):
        s, e = stmt.start + m.start("n"), stmt.start + m.start("n") + len(m.group("n").rstrip())
        if s in blocked:
            continue
        name = text[s:e]
        # "Mr. Yamazaki (Japan):": the delegation in brackets is whom the delegate serves
        delegation = (stmt.start + m.start("state"), stmt.start + m.end("state"))
        read = out.at(s, e)
        if read is not None:  # already read as a titled name: the brackets still say whom they serve
            read.info.setdefault("post_title", delegation)
            continue
        ent = _by_surname(stmt.context, name) or person_entity(name)
        out.add(s, e, ent, "surname" if " " not in name else "name",
                {"titled": True, "speaker_label": True, "title": m.group("t"), "title_start": stmt.start + m.start("t"),
                 "title_end": stmt.start + m.end("t"), "honorific_before": True, "post_title": delegation})


# a quote's attribution in a news report: '..." Jane Doe told the committee', '...," John Roe said'
_QUOTED_BY = re.compile(r"[”\"][ \t]*,?[ \t]*(?P<n>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){1,2})[ \t]+"
                        r"(?:told|said|says|added|stressed|declared|warned)\b")


def _quoted_names(scan: _Scan, out: _Found) -> None:
    """Two or three capitalised words between a closing quote and a verb of saying name the person quoted,
    known first name or not ("..." Li Wei told the committee); a title word or a gazetteer name is no name."""
    stmt, text, blocked = scan.stmt, scan.text, scan.blocked
    tt = titles()
    for m in _QUOTED_BY.finditer(text, stmt.start, stmt.end):
        s, e = m.span("n")
        words = m.group("n").split()
        if any(w in tt.not_names or tt.is_title_word(w) for w in words) or s in blocked or (e - 1) in blocked:
            continue
        out.add(s, e, lex().find_person(m.group("n")) or person_entity(m.group("n")), "name", {})


def _surnames_met_earlier(scan: _Scan, out: _Found) -> None:
    """A surname alone ("Lavrov's") names the person met earlier in the document (or just above) with that
    surname. The persons found in this statement are remembered first; a surname that follows another
    capitalised word, not a title, is part of a longer, different name."""
    stmt, text, blocked = scan.stmt, scan.text, scan.blocked
    ctx = stmt.context
    for p in out.found:
        _remember(ctx, p.entity)
    for s, e, surname in _surname_hits(text, stmt.start, stmt.end, ctx.persons):
        if s in blocked:
            continue
        prev = text[max(0, s - 30):s]
        if _NAME_BEFORE.search(prev) and not _TITLE_BEFORE.search(prev):
            continue  # part of a longer, different name
        out.add(s, e, ctx.persons[surname], "surname", {})


_INITIALS_NAME = re.compile(rf"((?:[{_UP}]\.\s?){{1,3}})([{_UP}][{_LOW}]+)")  # after a word boundary
_UPPER = frozenset(c for c in map(chr, range(0x2000)) if re.fullmatch(rf"[{_UP}]", c))


def _initials_names(seg: str) -> Iterator[re.Match]:
    """What ``word_finditer(_INITIALS_NAME, seg)`` finds, tried only where a match can start: at a capital
    before a full stop. The stops are found at memory speed; the pattern, searched, stops at every capital."""
    pos = 0
    dot = seg.find(".", 1)
    while dot >= 0:
        c = dot - 1
        if c >= pos and seg[c] in _UPPER:
            m = _INITIALS_NAME.match(seg, c)
            if m is not None:
                if c == 0 or not (seg[c - 1].isalnum() or seg[c - 1] == "_"):
                    yield m
                    pos = m.end()
                else:
                    pos = c + 1
        dot = seg.find(".", dot + 1)


# the label's words on one line ("Related\nCyber:" is a list's label above a link, no name), its words after it on
# the same line and no date or number ("Begin Text:" at a line's end, "Posted On: 2031-05-04" are a page's labels)
_SPEAKER_LABEL = re.compile(rf"(?:^|(?<=[\n?.!]\s)|(?<=\n))((?:[{_UP}][{_LOW}]+[ \t]){{1,2}}[{_UP}][{_LOW}]+):[ \t]+(?=[^\d\s])")
_TURN_LABEL = re.compile(rf"(?m)^[ \t*_]*(?P<t>(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?)\s+"
                         rf"(?P<n>(?:[{_UP}][{_LOW}'’-]+\s?){{1,3}}?)"
                         r"\s*\((?P<state>[^()\n]{2,80})\)(?:\s*\([^()\n]{2,40}\))?\s*:")
_NAME_BEFORE = re.compile(rf"[{_UP}][{_LOW}]+\s$")
_TITLE_BEFORE = re.compile(r"(?:^|\s)(?:Mr|Ms|Mrs|Dr|Minister|President|Ambassador|Secretary)\.?\s$")


def _surname_hits(text: str, start: int, end: int, surnames: dict) -> list[tuple[int, int, str]]:  # noqa: ANN001
    """Where the surnames met so far stand as whole words in ``text[start:end]``, leftmost first, the
    longest at one place, none overlapping (a handful of names: plain substring search)."""
    found = []
    for name in surnames:
        pos = text.find(name, start, end)
        while pos >= 0:
            stop = pos + len(name)
            before = text[pos - 1] if pos > 0 else " "
            after = text[stop] if stop < end else " "
            if not (before.isalnum() or before in "_.-") and not (after.isalnum() or after in "_-"):
                found.append((pos, stop, name))
            pos = text.find(name, pos + 1, end)
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    out, reach = [], -1
    for f in found:
        if f[0] >= reach:
            out.append(f)
            reach = f[1]
    return out


def _name_like(a: _Tok, b: _Tok, text: str, tspans, blocked) -> bool:  # noqa: ANN001
    """Two adjacent capitalised words that are neither titles, bodies nor common words: a name."""
    nn = titles().not_names
    return all(_CAP_WORD.fullmatch(t[0]) and t[0] not in nn and t.start() not in tspans and t.start() not in blocked
               for t in (a, b)) and _adjacent(text, a, b)


def _adjacent(text: str, a: _Tok, b: _Tok) -> bool:
    gap = text[a.end():b.start()]
    return gap in (" ", "\u00a0") or (gap == "" and a[0].endswith("."))


def _remember(ctx, ent: Entity) -> None:  # noqa: ANN001
    parts = [p for p in ent.label.split() if p.rstrip(".,") not in ("Jr", "Sr", "II", "III", "IV")]
    if len(parts) >= 2:
        surname = parts[-1]
        if len(surname) >= 3 and surname not in titles().not_names:
            ctx.persons.setdefault(surname, ent)
    sname = lex().surname_of.get(ent.key)
    if sname and len(lex().person_surnames.get(sname, ())) == 1:
        ctx.persons.setdefault(sname, ent)


def _by_surname(ctx, surname: str, year: int | None = None) -> Entity | None:  # noqa: ANN001
    """The person of ``surname`` met in the document, else the one known person of that surname; of several,
    the one whose dated role covers ``year`` (the statement's), if only one does."""
    if surname in ctx.persons:
        return ctx.persons[surname]
    known = lex().person_surnames.get(surname) or []
    if len(known) > 1 and year is not None:
        years = lex().role_years
        known = [p for p in known if any(a <= year <= b for a, b in years.get(p.key, ()))]
    return known[0] if len(known) == 1 else None


def _title_info(text: str, stmt: Statement, toks: list[_Tok], s: int, e: int, tspans: SpanIndex,
                blocked: SpanIndex, taken: Intervals | None = None) -> dict:
    """Read the title before the name at ``[s, e)`` (and one after it, set off by a comma).

    Walking back from the name: title words ("Foreign Minister", "Mr"), their complements ("of the
    Republic of Belarus", "to the OPCW", "for Disarmament Affairs") and a comma before a form of
    address ("President of Niger, His Excellency Mr"). The title starts at the earliest title word
    reached, plus the capitalised words glued to its front ("UK Foreign Secretary", "MI-5 employee").
    The walk stays in the name's paragraph and stops at text already ``taken`` by another person.
    """
    info: dict = {}
    brk = text.rfind("\n\n", max(0, s - 602), s)  # (the walk reads 600 characters at most)
    lo = max(stmt.start, brk + 2 if brk >= 0 else stmt.start, s - 600)
    before = toks[bisect.bisect_left(toks, lo, key=_start):bisect.bisect_left(toks, s, key=_start)]
    if before and before[-1].end() > s:  # tokens do not overlap: only the last can run past ``s``
        before.pop()
    walked = _walk_back(text, before, lo, s, tspans, blocked, taken if taken is not None else Intervals())
    if walked is not None:
        earliest, immediate, honorific = walked
        title_start = _glued_start(text, before, earliest, blocked)
        info.update(titled=True, title_start=title_start, title_end=s, immediate_title=immediate,
                    honorific_before=honorific, title=text[title_start:s].strip(" ,"))
    _title_after(text, stmt, e, tspans, blocked, info)
    return info


def _is_title(text: str, t: _Tok, s: int, tspans: SpanIndex) -> bool:
    """Whether ``t`` starts a title: one of the statement's title spans, or a lower-case role ending by ``s``."""
    if t.start() in tspans:
        return True
    m = titles().lower_re.match(text, t.start())
    return bool(m) and m.end() <= s


def _role_start(text: str, t: _Tok, lo: int, before: list[_Tok]) -> int | None:
    """Index in ``before`` of the first token of a lower-case role ("head of state") that ends with ``t``."""
    for m in titles().lower_re.finditer(text, max(lo, t.start() - 40), t.end()):
        if m.end() == t.end():
            for i, x in enumerate(before):
                if x.start() == m.start():
                    return i
    return None


_HONORIFIC = re.compile(r"(?i)(?:dr|mr|ms|mrs|miss|mme|sir|prof|amb|h\.\s?e\.\s?(?:mr|ms|dr)?)\.?|"
                        r"(?:his|her|your) excellency")


def _is_honorific(text: str, t: _Tok, tspans: SpanIndex) -> bool:
    """Whether the title holding ``t`` is a form of address ("Mr", "H.E.", "His Excellency"), not an office."""
    a, b = next(((a, b) for a, b in tspans.spans if a <= t.start() < b), (t.start(), t.end()))
    words = text[a:b].strip()
    return words in titles().honorifics or bool(_HONORIFIC.fullmatch(words))


def _walk_back(text: str, before: list[_Tok], lo: int, s: int, tspans: SpanIndex, blocked: SpanIndex,
               taken: Intervals) -> tuple[int, bool, bool] | None:
    """Walk back over the tokens ``before`` the name (at ``s``) while they read as its title: title words,
    lower-case roles, connectives, states and bodies, a comma before a further title. Stops at a stop word,
    another name or ``taken`` text. Gives the index of the earliest title word reached, whether a title
    stands right before the name (maybe after a comma) and whether that title is a form of address; None
    when no title was reached."""
    tt = titles()
    k = len(before) - 1
    earliest = None
    immediate = False
    honorific = False
    while k >= 0:
        t = before[k]
        if taken.overlaps(t.start(), t.start() + 1):
            break
        low = t[0].lower()
        if _is_title(text, t, s, tspans):
            if earliest is None and (k == len(before) - 1 or (k == len(before) - 2 and before[-1][0] == ",")):
                immediate = True
                honorific = _is_honorific(text, t, tspans)
            earliest = k
        elif t[0][:1].islower() and low not in _CONNECT and (r := _role_start(text, t, lo, before)) is not None:
            if earliest is None and k >= len(before) - 2:
                immediate = True
            earliest = r
            k = r - 1
            continue
        elif low in tt.stops:
            break
        elif t[0] == ",":
            nxt = before[k + 1] if k + 1 < len(before) else None
            if nxt is None or not _is_title(text, nxt, s, tspans):
                if earliest is None and k == len(before) - 1:
                    k -= 1
                    continue  # "head of state, Petr Poroshenko"
                break
        elif low in _CONNECT or t[0] in ("’", "'", "-"):
            pass
        elif t[0] == ")" and (j := _bracket_open(before, k)) is not None:
            k = j - 1  # a body's abbreviation in brackets: "Secretary General of the ... States (OAS), X"
            continue
        elif t.start() in blocked or _CAP_OR_DIGIT.fullmatch(t[0]):
            if k > 0 and _name_like(before[k - 1], t, text, tspans, blocked):
                break  # "Chinese Ambassador Zheng Zeguang and Josep Borrell": another person's name
        else:
            break
        k -= 1
    return None if earliest is None else (earliest, immediate, honorific)


def _bracket_open(before: list[_Tok], k: int) -> int | None:
    """Index of the "(" that opens the short bracket closed at ``before[k]`` (an abbreviation), else None."""
    for j in range(k - 1, max(-1, k - 4), -1):
        if before[j][0] == "(":
            return j if j < k - 1 else None
        if not re.fullmatch(r"[\w.&-]+", before[j][0]):
            return None
    return None


def _glued_start(text: str, before: list[_Tok], idx: int, blocked: SpanIndex) -> int:
    """Where the title whose first word is ``before[idx]`` starts: up to four capitalised words, numbers or
    gazetteer names glued to its front belong to it ("UK Foreign Secretary", "MI-5 employee")."""
    title_start = before[idx].start()
    j = idx - 1
    glued = 0
    while j >= 0 and glued < 4:
        t = before[j]
        if text[t.end():before[j + 1].start()] not in (" ", "") or t[0].lower() in titles().stops:
            break
        if _CAP_OR_DIGIT.fullmatch(t[0]) or t.start() in blocked:
            title_start = t.start()
            glued += 1
            j -= 1
            continue
        break
    return title_start


def _title_after(text: str, stmt: Statement, e: int, tspans: SpanIndex, blocked: SpanIndex, info: dict) -> None:
    """Read a title after the name ending at ``e`` into ``info`` (``post_title``; ``title`` unless one stands
    before): "Izumi Nakamitsu, Under-Secretary-General ...", "Alexander Yakovenko Russian Ambassador", and for a
    titled person "Ambassador Jürg Lauber of Switzerland". It ends before a time or place ("at the ...") and
    before the next person's name."""
    after = text[e:min(stmt.end, e + 300)]
    low = _office_after(text, e, min(stmt.end, e + 300))
    m = None if low else (_AFTER_IN_HEADING if e < stmt.heading_end else _AFTER).match(after)
    if low is not None:  # "Wang Wei, director-general of the ... Department": an office in lower case
        seg_s, seg_e = low
        of_state = False
    elif not m:
        return
    else:
        seg_s = e + m.start(2)
        seg_e = e + m.end(2)
        lead = re.match(r"(?:the\s+)?", text[seg_s:seg_e]).end()
        first = next((a for a, b in tspans.spans if seg_s + lead <= a < seg_s + lead + 40), None)
        # a title right after the name, maybe after a state or body ("Alexander Yakovenko Russian Ambassador")
        starts_with_title = first is not None and all(  # (a state's possessive too: "X, Japan's Ambassador")
            p in blocked for p in range(seg_s + lead, first) if not text[p].isspace() and not (
                text[p] in "’'" or text[p] == "s" and text[p - 1] in "’'"))
        of_m = re.match(r"of\s+(?:the\s+)?", text[seg_s:seg_e])
        # "Ambassador Jürg Lauber of Switzerland": says whom an already titled person serves, makes no person
        of_state = of_m is not None and m.group(1).strip() == "" and info.get("titled") and any(
            h.start == seg_s + of_m.end() and any(f.entity is not None and f.entity.kind == "State" for f in h.forms)
            for h in hits(stmt))
        # a title that stands before the next name is that name's ("X Russian Ambassador Y", "We thank X,
        # Under-Secretary-General Y, the ..."), unless that next name is a state, body or place
        if not (starts_with_title or of_state) or (starts_with_title and _titles_next_name(text, first, tspans, blocked)):
            return
    cut = re.search(r",?\s+(?:at|during|on|in|before|AT|DURING|ON|IN|BEFORE)\s+(?:the|a|THE|A)\s", text[seg_s:seg_e])
    end2 = seg_s + cut.start() if cut else seg_e
    if of_state:  # "of Singapore, Chair of ..." goes on; "of Switzerland, and of the ..." does not
        for c in re.finditer(r",\s+(?:and\s+)?(?:of\s+)?(?:the\s+)?(?=[A-Z])", text[seg_s:end2]):
            if (seg_s + c.end()) not in tspans or re.match(r",\s+and\b", c.group(0)):
                end2 = seg_s + c.start()
                break
    if low:  # an apposition in lower case ends at its comma
        comma = text.find(",", seg_s, end2)
        end2 = comma if comma >= 0 else end2
    else:  # a title in capitals ends before the next name
        end2 = _before_next_name(text, seg_s, end2, tspans, blocked)
    end2 = seg_s + len(text[seg_s:end2].rstrip(" ,"))
    if end2 > seg_s:
        info.update(post_title=(seg_s, end2), titled=True)
        info.setdefault("title", text[seg_s:end2])


# an office after a name: in lower case after a comma ("..., director-general of ...", "..., the head of ...") or
# held "as" ("... was sworn in as Romania's new president"); ``t`` marks where the title starts
_LOWER_OFFICE = re.compile(r",[ \t]+(?P<t>)(?:the[ \t]+)?(?:(?:former|acting|then|current|new|senior|incoming|outgoing)"
                           r"[ \t]+)?(?=[a-z])")
_AS_OFFICE = re.compile(r"[ \t]+(?:(?:was|is|has[ \t]+been|had[ \t]+been|will[ \t]+be)[ \t]+)?(?:(?:sworn[ \t]+in|elected|"
                        r"re-elected|appointed|named|confirmed|inaugurated|installed)[ \t]+)?as[ \t]+(?P<t>)(?:(?:the|a)[ \t]+)?"
                        r"(?:[A-Z][\w-]*(?:[ \t][A-Z][\w-]*){0,3}['’]s[ \t]+)?(?:(?:new|next|incoming|interim|acting|"
                        r"first|former)[ \t]+)?")
_TITLE_RUN = re.compile(_TITLE_WORDS)


@functools.lru_cache(maxsize=1)
def _office_words() -> frozenset[str]:
    return frozenset(w.lower() for w in titles().offices)


def _office_after(text: str, e: int, stop: int) -> tuple[int, int] | None:
    """The span of an office the name ending at ``e`` is said to hold, in lower case after a comma or "as"
    (see ``_LOWER_OFFICE``, ``_AS_OFFICE``), with the words of its title that follow ("of the Arms Control
    Department"); None when no office (a form of address such as "sir" is none) stands there."""
    for pattern, lower in ((_LOWER_OFFICE, True), (_AS_OFFICE, False)):
        m = pattern.match(text, e, stop)
        o = titles().title_re.match(text, m.end(), stop) if m is not None else None
        if o is None or o.group(0).lower() not in _office_words() or (lower and not o.group(0).islower()):
            continue
        rest = _TITLE_RUN.match(text, o.end() + 1, stop) if text[o.end():o.end() + 1] == " " else None
        return m.start("t"), rest.end() if rest else o.end()
    return None


def _titles_next_name(text: str, first: int, tspans: SpanIndex, blocked: SpanIndex | None = None) -> bool:
    """Whether the title starting at ``first`` stands right before another name ("OSCE Media Freedom
    Representative Dunja Mijatović"): it is that name's title, and the words before it qualify the office."""
    spans = tspans.spans
    i = bisect.bisect_left(tspans.starts, first)
    end = spans[i][1]
    while i + 1 < len(spans) and spans[i + 1][0] == end + 1 and text[end] == " ":  # "Deputy Head Mr. X"
        i += 1
        end = spans[i][1]
    return (text[end:end + 1] == " " and (blocked is None or end + 1 not in blocked)
            and bool(_NAME_PAIR.match(text, end + 1) or _LISTED_SURNAME.match(text, end + 1)))


_NAME_PAIR = re.compile(rf"(?<![\w-])[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?\s+[{_UP}][{_LOW}]+")
# a surname alone, then the list goes on or ends ("We thank Ambassador X, Under-Secretary-General Y, the ...")
_LISTED_SURNAME = re.compile(rf"(?<![\w-])[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?(?=\s*(?:[,;.)]|\s(?:and|&)\s))")


def _before_next_name(text: str, start: int, end: int, tspans, blocked) -> int:  # noqa: ANN001
    """Cut a title that runs on into the next person's name ("..., the Secretary General of the CIS Sergey Lebedev")."""
    for m in _NAME_PAIR.finditer(text, start, end):
        if _OFFICE_DOMAIN.search(text, max(0, m.start() - 8), m.start()):
            continue  # "Ambassador for Cyber Policy": the office's domain, not a name
        if m.start() not in tspans and m.start() not in blocked and (m.end() - 1) not in tspans \
                and (m.end() - 1) not in blocked:
            words = m.group(0).split()
            if not any(w in titles().not_names for w in words):
                prev = re.search(r"(?:,\s*|\s+and\s+|\s+)(?:the\s+)?(?:[\w.-]+\s+)*$", text[start:m.start()])
                return start + (prev.start() if prev else m.start() - start)
    return end
