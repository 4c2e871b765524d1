"""Persons: titled names in any case ("Foreign Minister Sergey Lavrov", "H.E.Mr. Alexander
Yakovenko", "DR. VLADIMIR SHIN"), initials ("A.V.Krutskikh"), transcript labels ("Sergey
Lavrov:"), known persons from the gazetteer, and a surname alone ("Lavrov's") resolved to the
full name met earlier in the document. Spelling variants (Sergey/Sergei) share one identity.
A name needs a title, a gazetteer entry or a speaker label: no person is made from a title
or an organization's name alone."""
from __future__ import annotations

import re
from typing import Iterator

from kg.extract.common import Intervals, SpanIndex, hits, lex, titles
from kg.extract.organizations import context_date
from kg.extract.titling import (CAP_ANY, CAP_WORD, CAPS_WORD, INITIAL, LOW, OFFICE_DOMAIN, UP, Tok, adjacent,
                                title_info)
from kg.extract.marked import (by_lines, capital_leads, delegates, members_by_party, office_surnames, peers,
                               quoted_names, signed_lines, split_by_timestamp, transcript_labels)
from kg.extract.personscan import Found, Scan, by_surname, caps_to_title, person_entity
from kg.model import Entity, Mention, Statement

__all__ = ["persons"]


def persons(stmt: Statement) -> Iterator[Mention]:
    """The persons ``stmt`` names, leftmost first. The readers run from the surest to the weakest (known
    persons, delegates with their state in brackets, titled names, initials and a surname, transcript labels,
    surnames met earlier), each only over text the earlier ones left free."""
    scan = Scan(stmt)
    out = Found(scan.text)
    _known_persons(scan, out)
    delegates(scan, out)
    capital_leads(scan, out)
    by_lines(scan, out)
    signed_lines(scan, out)
    peers(scan, out)
    _titled_names(scan, out)
    office_surnames(scan, out)
    split_by_timestamp(scan, out)
    members_by_party(scan, out)
    _initials_and_surname(scan, out)
    transcript_labels(scan, out)
    quoted_names(scan, out)
    _surnames_met_earlier(scan, out)
    out.found.sort(key=lambda m: m.start)
    yield from out.found


def _known_persons(scan: Scan, out: Found) -> None:
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
                title_info(scan.text, stmt, scan.toks, h.start, h.end, scan.tspans, scan.blocked, spans))


def _eligible(tok: Tok, caps: bool, tspans: SpanIndex, blocked: SpanIndex) -> bool:
    """Whether ``tok`` may be part of a name: not a title or a gazetteer name, and a capitalised word that is
    not a common one (on a line in capitals: a word in capitals), an initial or a particle ("van", "de")."""
    if tok.start() in tspans or tok.start() in blocked:
        return False
    if caps:
        return bool(CAPS_WORD.fullmatch(tok[0])) and tok[0].capitalize() not in titles().not_names
    if INITIAL.fullmatch(tok[0]):
        return True
    if tok[0].lower() in titles().particles and tok[0][:1].islower():
        return True
    if tok[0] == "in" and _DUTCH_IN.match(tok.string, tok.end()):  # "Piet in den Bosch", "Anna in 't Veld"
        return True
    return bool(CAP_WORD.fullmatch(tok[0])) and tok[0] not in titles().not_names


_DUTCH_IN = re.compile(r"[ \t]+(?:den|der|het|'t|’t)[ \t]+[A-Z]")


def _name_runs(scan: Scan) -> Iterator[tuple[int, int, bool]]:
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
        j = i
        if not caps and i + 1 < n and _caps_surname(toks[i], tspans, blocked) and adjacent(text, toks[i], toks[i + 1]) \
                and re.fullmatch(CAP_WORD, toks[i + 1][0]) and toks[i + 1][0][1:].islower() \
                and _eligible(toks[i + 1], caps, tspans, blocked):
            j = i + 1  # "Foreign Minister TANAKA Hiroko": the family name first, in capitals
        elif INITIAL.fullmatch(toks[i][0]) or not _eligible(toks[i], caps, tspans, blocked):
            continue
        while j + 1 < n and _eligible(toks[j + 1], caps, tspans, blocked) and adjacent(text, toks[j], toks[j + 1]):
            j += 1
        while j > i and (toks[j][0].lower() in titles().particles or INITIAL.fullmatch(toks[j][0])
                         or caps and toks[j][0] in titles().postnominals):  # "JANE ROE CMG": the honour ends no name
            j -= 1
        if not caps and j + 1 < n and adjacent(text, toks[j], toks[j + 1]) and _caps_surname(toks[j + 1], tspans, blocked):
            j += 1  # "Yutaka ARIMA": a surname in capitals after the given name
        yield i, j, caps
        i = j + 1


def _caps_surname(tok: Tok, tspans: SpanIndex, blocked: SpanIndex) -> bool:
    """Whether ``tok``, in a line of mixed case, is a surname written in capitals: no title, no known name
    or abbreviation and no common word."""
    w = tok[0]
    return bool(CAPS_WORD.fullmatch(w)) and len(w) >= 3 and w not in titles().postnominals and \
        tok.start() not in tspans and tok.start() not in blocked and w.capitalize() not in titles().not_names and not titles().is_title_word(w)


def _titled_names(scan: Scan, out: Found) -> None:
    """Names of two to four words with a title ("Foreign Minister Sergey Lavrov", "DR. VLADIMIR SHIN",
    "Izumi Nakamitsu, Under-Secretary-General"), or of two or three starting with a known first name; a lone
    surname right after its title is the person of that surname, if one is known. A run glued to a further
    capitalised word may be part of a longer name or a body's name: a title counts for it only when it stands
    right before it."""
    stmt, text, toks, tspans, blocked = scan.stmt, scan.text, scan.toks, scan.tspans, scan.blocked
    n = len(toks)
    for i, j, caps in _name_runs(scan):
        split = False
        if not caps and OFFICE_DOMAIN.search(text, max(0, toks[i].start() - 8), toks[i].start()):
            # "Ambassador in charge of Cyber Policy Akiko Sato": the office's domain, then a known given name
            k = next((k for k in range(i + 1, j) if toks[k][0] in lex().given_names and 1 <= j - k <= 2), None)
            if k is not None:
                i, split = k, True
        run = toks[i:j + 1]
        s, e = run[0].start(), run[-1].end()
        info = title_info(text, stmt, toks, s, e, tspans, blocked, out.taken)
        if split:
            out.add(s, e, person_entity(text[s:e]), "name", info)
            continue
        nxt = toks[j + 1] if j + 1 < n else None
        glued_after = nxt is not None and adjacent(text, run[-1], nxt) and CAP_ANY.fullmatch(nxt[0]) \
            and nxt.start() not in tspans and nxt[0] not in titles().postnominals  # "Jane Roe OBE" ends at "Roe"
        titled = info.get("titled") and (not caps or info.get("honorific_before") or _caps_name_ends(text, info, e)) \
            and not (glued_after and not info.get("immediate_title")) and not OFFICE_DOMAIN.search(text, max(0, s - 8), s)
        # no title, but a known first name: "Nikolay Glushkov", "opponents of Boris Johnson"
        named = not caps and not glued_after and len(run) in (2, 3) and run[0][0] in lex().given_names \
            and not (i > 0 and adjacent(text, toks[i - 1], run[0]) and CAP_ANY.fullmatch(toks[i - 1][0]))
        words = sum(1 for t in run if (t[0].lower() not in titles().particles or t[0][:1].isupper()) and t[0] != "in")
        if 2 <= words <= 4 and len(run) <= 6 and (titled or named) and not _in_office_domain(text, s, e):
            name = text[s:e]
            if not caps and run[0][0].isupper() and len(run[0][0]) > 1 and not run[-1][0].isupper():
                name = " ".join([t[0] for t in run[1:]] + [run[0][0].capitalize()])  # "TANAKA Hiroko": Hiroko Tanaka
            elif caps or run[-1][0].isupper():
                name = caps_to_title(name)
            out.add(s, e, person_entity(name), "name", info)
        elif len(run) == 1 and info.get("immediate_title") and not caps:
            when = context_date(stmt)
            ent = by_surname(stmt.context, run[0][0], when.year if when else None)
            if ent is not None:
                out.add(s, e, ent, "surname", info)


# a list of an office's fields: "Director for Disarmament, Arms Control and Non-Proliferation" (no person "Arms Control")
_DOMAIN_LIST_BEFORE = re.compile(r"[ \t](?:for|of|on)[ \t]+(?:[A-Z][\w’'-]*[ \t]+){0,3}[A-Z][\w’'-]*,[ \t]+$")


_AND_FIELD_AFTER = re.compile(r"[ \t]+(?:and|&)[ \t]+[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)?[ \t]*(?:,|$|\n|"
                              r"(?:at|in|of|within|with)[ \t])")  # (the office's seat may follow: "... at the Ministry")


# the last field of an office's domain: "Envoy for Cyber Affairs and Digital Technology" (no person "Digital Technology")
_DOMAIN_AND_BEFORE = re.compile(r"[ \t](?:for|of|on)[ \t]+(?:[A-Z][\w’'-]*,?[ \t]+){1,4}(?:and|&)[ \t]+$")


def _in_office_domain(text: str, s: int, e: int) -> bool:
    """Whether the run ``[s, e)`` is one field in a list of an office's fields, not a name: after "for/of/on X, " and
    before "and Y" that ends the list."""
    if _DOMAIN_AND_BEFORE.search(text, max(0, s - 80), s) and text[s:e].split()[0] not in lex().given_names:
        return True
    return _DOMAIN_LIST_BEFORE.search(text, max(0, s - 80), s) is not None and \
        _AND_FIELD_AFTER.match(text, e) is not None


# in a line of capitals every word looks like a name: a title right before a run of them names a person when the
# run ends at a comma, a bracket or the line's end ("STATEMENT BY AMBASSADOR JANE DOE, PERMANENT REPRESENTATIVE")
_CAPS_NAME_END = re.compile(r"[ \t]*(?:[,(\n]|$)")


_CAPS_HONOUR = re.compile(r"[ \t]+([A-Z]{2,5})\b")


def _caps_name_ends(text: str, info: dict, e: int) -> bool:
    """Whether a run in capitals ends its name there (honours after it aside: "AMBASSADOR JANE ROE CMG, ...")."""
    while (h := _CAPS_HONOUR.match(text, e)) and h.group(1) in titles().postnominals:
        e = h.end()
    return bool(info.get("immediate_title")) and _CAPS_NAME_END.match(text, e) is not None


def _initials_and_surname(scan: Scan, out: Found) -> None:
    """Initials and a surname: "A.V.Krutskikh", "A. V. Krutskikh"; the person of that surname if one is
    known, else a new one. A title word or a common word after initials is no surname."""
    stmt, text, tspans, blocked = scan.stmt, scan.text, scan.tspans, scan.blocked
    tt = titles()
    for m in _initials_names(text[stmt.start:stmt.end]):
        s, e = stmt.start + m.start(), stmt.start + m.end()
        surname = m.group(2)
        if surname in tt.not_names or s in blocked or tt.is_title_word(surname) or stmt.start + m.start(2) in tspans:
            continue
        ent = by_surname(stmt.context, surname) or Entity("Person", lex().person_key(m.group(0)),
                                                           m.group(1).replace(" ", "") + " " + surname)
        out.add(s, e, ent, "name", title_info(text, stmt, scan.toks, s, e, tspans, blocked, out.taken))


def _surnames_met_earlier(scan: Scan, out: Found) -> None:
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


_INITIALS_NAME = re.compile(rf"((?:[{UP}]\.\s?){{1,3}})([{UP}][{LOW}]+)")  # after a word boundary


_UPPER = frozenset(c for c in map(chr, range(0x2000)) if re.fullmatch(rf"[{UP}]", c))


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


_NAME_BEFORE = re.compile(rf"[{UP}][{LOW}]+\s$")


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


def _remember(ctx, ent: Entity) -> None:  # noqa: ANN001
    parts = [p for p in ent.label.split() if p.rstrip(".,") not in ("Jr", "Sr", "II", "III", "IV")]
    if len(parts) >= 2:
        surname = parts[-1]
        if len(surname) >= 3 and surname not in titles().not_names:
            ctx.persons.setdefault(surname, ent)
    sname = lex().surname_of.get(ent.key)
    if sname and len(lex().person_surnames.get(sname, ())) == 1:
        ctx.persons.setdefault(sname, ent)
