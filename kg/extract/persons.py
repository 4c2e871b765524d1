"""Persons: titled names in any case ("Foreign Minister Sergey Lavrov", "H.E.Mr. Alexander
Yakovenko", "DR. VLADIMIR SHIN"), initials ("A.V.Krutskikh"), transcript labels ("Sergey
Lavrov:"), known persons from the gazetteer, and a surname alone ("Lavrov's") resolved to the
full name met earlier in the document. Spelling variants (Sergey/Sergei) share one identity.
A name needs a title, a gazetteer entry or a speaker label: no person is made from a title
or an organization's name alone."""
from __future__ import annotations

import re
from typing import Iterator

from kg.extract.common import CapsLines, Intervals, SpanIndex, hits, lex, titles
from kg.extract.organizations import context_date
from kg.extract.titling import (CAP_ANY, CAP_WORD, CAPS_WORD, INITIAL, LOW, OFFICE_DOMAIN, TOKEN, UP, Tok, adjacent,
                                title_info)
from kg.model import Entity, Mention, Statement
from kg.segment import chrome_spans

__all__ = ["persons", "person_entity"]



def person_entity(name: str) -> Entity:
    """The person called ``name``: the gazetteer's entry if it knows the name, else a new identity."""
    lexicon = lex()
    known = lexicon.find_person(name)
    if known is not None:
        return known
    return Entity("Person", lexicon.person_key(name), name)


def _caps_to_title(name: str) -> str:
    return " ".join(t.capitalize() if t.isupper() and len(t) > 1 else t for t in name.split())




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
        self.toks: list[Tok] = list(TOKEN.finditer(text, stmt.start, stmt.end))


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
    _by_lines(scan, out)
    _signed_lines(scan, out)
    _peers(scan, out)
    _titled_names(scan, out)
    _office_surnames(scan, out)
    _split_by_timestamp(scan, out)
    _members_by_party(scan, out)
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


def _titled_names(scan: _Scan, out: _Found) -> None:
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
                name = _caps_to_title(name)
            out.add(s, e, person_entity(name), "name", info)
        elif len(run) == 1 and info.get("immediate_title") and not caps:
            when = context_date(stmt)
            ent = _by_surname(stmt.context, run[0][0], when.year if when else None)
            if ent is not None:
                out.add(s, e, ent, "surname", info)


# a caption transcript breaks its lines with a timestamp, even inside a name: "our foreign minister Jane\n1:22 Doe will"
_TIMESTAMP_SPLIT = re.compile(rf"(?<![\w’'-])(?P<a>[{UP}][{LOW}]+)[ \t]*\n[ \t]*\d{{1,2}}:\d{{2}}(?::\d{{2}})?[ \t]+"
                              rf"(?P<b>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)(?![\w’'-])")


def _split_by_timestamp(scan: _Scan, out: _Found) -> None:
    """A given name and a surname on two timestamped caption lines: the person, when a title stands before the
    given name or the given name is a known one."""
    stmt, text = scan.stmt, scan.text
    for m in _TIMESTAMP_SPLIT.finditer(text, stmt.start, stmt.end):
        a, b = m.group("a"), m.group("b")
        if m.start() in scan.blocked or m.start("b") in scan.blocked or a in titles().not_names or \
                b in titles().not_names or titles().is_title_word(a) or titles().is_title_word(b):
            continue
        info = title_info(text, stmt, scan.toks, m.start(), m.start("a") + len(a), scan.tspans, scan.blocked, out.taken)
        if info.get("immediate_title") or a in lex().given_names:
            info.pop("post_title", None)
            out.add(m.start(), m.end(), person_entity(f"{a} {b}"), "name", info)


# a parliamentary record names a minister by office, the surname in brackets: "the Minister of Defence (Jansen)"
_BRACKET_SURNAME = re.compile(rf"[ \t]\((?P<n>[{UP}][{LOW}'’-]{{2,}}(?:[ \t]+[{UP}][{LOW}'’-]{{2,}})?)\)")


# an office's complement that ends right before the bracket: "Minister of Foreign Affairs", "Minister for Trade"
_OFFICE_TAIL = re.compile(r"(?:of|for|on)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w’'-]*[ \t]+(?:and[ \t]+)?){0,3}[A-Z][\w’'-]*$")


def _office_surnames(scan: _Scan, out: _Found) -> None:
    """A surname in brackets right after an office ("Answers from the Minister of Finance (Jansen)"): the person of
    that surname met in the document or known, else one named by the surname. A state or body in brackets is none."""
    stmt, text = scan.stmt, scan.text
    if text.find("(", stmt.start, stmt.end) < 0:
        return
    for m in _BRACKET_SURNAME.finditer(text, stmt.start, stmt.end):
        s, e = m.span("n")
        if s in scan.blocked or any(w in titles().not_names or titles().is_title_word(w) for w in m.group("n").split()):
            continue
        info = title_info(text, stmt, scan.toks, m.start(), m.start(), scan.tspans, scan.blocked, out.taken)
        if not info.get("immediate_title") and not _OFFICE_TAIL.search(text, max(stmt.start, m.start() - 60), m.start()):
            continue
        if not info.get("titled") or info.get("honorific_before"):
            continue
        info.pop("post_title", None)
        name = m.group("n")
        ent = _by_surname(stmt.context, name) or person_entity(name)
        out.add(s, e, ent, "surname" if " " not in name else "name", info)


# a member of parliament by surname and party: "questions from member Jansen (VVD)", "MP Okafor (Labour)"
_MEMBER_PARTY = re.compile(rf"\b(?:member|MP|Member|deputy|senator|Senator)[ \t]+(?P<n>[{UP}][{LOW}'’-]{{2,}})"
                           rf"[ \t]+\((?P<p>[{UP}][\w&' -]{{1,30}})\)")


def _members_by_party(scan: _Scan, out: _Found) -> None:
    """A member named by surname with the party in brackets: the person, the party as their title."""
    stmt, text = scan.stmt, scan.text
    for m in _MEMBER_PARTY.finditer(text, stmt.start, stmt.end):
        s, e = m.span("n")
        word = m.group("n")
        if s in scan.blocked or {word, word[:-1]} & titles().not_names or titles().is_title_word(word):
            continue  # ("member Delegations (G77)": a plural of a common word)
        ent = _by_surname(stmt.context, m.group("n")) or person_entity(m.group("n"))
        out.add(s, e, ent, "surname", {"titled": True, "title": m.group(0)[:s - m.start()].strip(),
                                       "title_start": m.start(), "title_end": s, "post_title": m.span("p")})


# a peer, named by rank, name and territorial designation: "Lord Hartley of Dunmore", "Baroness Whitby of Clare"
_PEER = re.compile(r"\b(?:Lord|Baroness|Baron|Viscount|Viscountess|Earl|Countess)[ \t]+(?!(?:Mayor|Chancellor|Chief|Justice|"
                   r"Speaker|Privy|Lieutenant|Advocate|President|Chamberlain|Provost|High|Bishop|Commissioner)\b)"
                   r"[A-Z][\w’'-]+[ \t]+of[ \t]+"
                   r"[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+)?(?![\w’'-])")


def _peers(scan: _Scan, out: _Found) -> None:
    """Members of a house of lords, whose rank and designation are their name (a peer is no "Lord X" alone)."""
    for m in _PEER.finditer(scan.text, scan.stmt.start, scan.stmt.end):
        s, e = m.span()
        out.add(s, e, person_entity(m.group(0)), "name",
                title_info(scan.text, scan.stmt, scan.toks, s, e, scan.tspans, scan.blocked, out.taken))


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
        out.add(s, e, ent, "name", title_info(text, stmt, scan.toks, s, e, tspans, blocked, out.taken))


# a meetings-coverage paragraph opens with a delegate and their state in brackets: "HAROLD ADLAI AGYEMAN (Ghana),
# speaking on behalf of ...", "Ana Silva (Brazil) said ..."
_DELEGATE = re.compile(rf"(?m)^[ \t*_]*(?P<n>[{UP}][{UP}{LOW}'’.-]+(?:[ \t]+[{UP}][{UP}{LOW}'’.-]+){{1,4}})[ \t]*"
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
_CAPITAL_LEAD = re.compile(rf"(?m)^[ \t*_]*(?P<n>[{UP}][{UP}'’-]+(?:[ \t]+[{UP}][{UP}'’-]+){{1,3}}),[ \t]+(?:the[ \t]+)?")


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
        info = title_info(text, stmt, scan.toks, s, e, scan.tspans, scan.blocked, out.taken)
        out.add(s, e, lex().find_person(name) or person_entity(name), "name", info)


# an author's byline on a line of its own: "by Jane Doe", "By JANE DOE" (two or three words, each a name's)
_BY_LINE = re.compile(rf"(?m)^[ \t*_]*[Bb][Yy][ \t]+(?P<n>[{UP}][{LOW}{UP}'’-]+(?:[ \t]+[{UP}][{LOW}{UP}'’-]+){{1,2}})[ \t*_]*$")


def _by_lines(scan: _Scan, out: _Found) -> None:
    """A byline naming the author alone on its line: the person, titled by the byline."""
    _marked_names(scan, out, _BY_LINE, "byline")


# a signature marked as such in a document's copy: "(Signed) Jane Doe", "Signed: JANE DOE", "(Sgd.) Jane Doe"
_SIGNED_LINE = re.compile(rf"(?m)^[ \t*_]*(?:\((?:[Ss]igned|SIGNED|[Ss]gd\.?)\)|(?:[Ss]igned|SIGNED)[ \t]*:)[ \t]*"
                          rf"(?P<n>[{UP}][{LOW}{UP}'’-]+(?:[ \t]+(?:[{UP}][{LOW}{UP}'’-]+|[{UP}]\.)){{1,3}})"
                          r"[ \t*_]*$")


def _signed_lines(scan: _Scan, out: _Found) -> None:
    """A name alone after a signature mark: the person who signed, marked ``signed`` (a known one too)."""
    if re.search(r"(?i)\bs(?:igned|gd)\b", scan.text[scan.stmt.start:scan.stmt.end]):
        _marked_names(scan, out, _SIGNED_LINE, "signed", known_too=True)


def _marked_names(scan: _Scan, out: _Found, pattern: re.Pattern, mark: str, known_too: bool = False) -> None:
    """The names ``pattern`` finds (group ``n``), each a person marked ``mark`` in its info; a word of a title or a
    common word in it makes it none. With ``known_too``, a person already read there is marked as well."""
    stmt, text, tt = scan.stmt, scan.text, titles()
    for m in pattern.finditer(text, stmt.start, stmt.end):
        s, e = m.start("n"), m.end("n")
        words = [w.capitalize() for w in m.group("n").split()]
        if s in scan.blocked or any(w in tt.not_names or tt.is_title_word(w) for w in words):
            continue
        known = out.at(s, e)
        if known is not None and known_too:
            known.info[mark] = True
            continue
        name = _caps_to_title(m.group("n")) if m.group("n").isupper() else m.group("n")
        out.add(s, e, lex().find_person(name) or person_entity(name), "name", {mark: True})


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
    _role_labels(scan, out)


# a podcast's or broadcast's label: the part played, then the name in brackets ("ANCHOR (Jane Doe):", "Guest (X):")
_ROLE_LABEL = re.compile(rf"(?m)^[ \t*_]*(?P<role>[{UP}][{UP}{LOW}]{{1,15}})[ \t]*\("
                         rf"(?P<n>[{UP}][{LOW}'’-]+(?:[ \t]+(?:[{LOW}]{{1,3}}[ \t]+)?[{UP}][{LOW}'’-]+){{1,3}})\)[ \t]*:")


def _role_labels(scan: _Scan, out: _Found) -> None:
    """Labels that give the part a person plays and their name in brackets: the person, marked as a label of that
    part (``label_role``: who asks and who answers)."""
    stmt, text, blocked = scan.stmt, scan.text, scan.blocked
    for m in _ROLE_LABEL.finditer(text, stmt.start, stmt.end):
        s, e = m.span("n")
        if s in blocked or m.start("role") in blocked or any(w in titles().not_names for w in m.group("n").split()):
            continue
        info = {"speaker_label": True, "label_role": m.group("role").lower(), "label_start": m.start("role")}
        read = out.at(s, e)
        if read is not None:  # (its title, if any, stays: "GUEST" says nothing of whom they serve)
            read.info.update(info)
        else:
            out.add(s, e, person_entity(m.group("n")), "name", info)


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


# the label's words on one line ("Related\nCyber:" is a list's label above a link, no name), its words after it on
# the same line and no date or number ("Begin Text:" at a line's end, "Posted On: 2031-05-04" are a page's labels)
_SPEAKER_LABEL = re.compile(rf"(?:^|(?<=[\n?.!]\s)|(?<=\n))((?:[{UP}][{LOW}]+[ \t]){{1,2}}[{UP}][{LOW}]+):[ \t]+(?=[^\d\s])")
_TURN_LABEL = re.compile(rf"(?m)^[ \t*_]*(?P<t>(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?)\s+"
                         rf"(?P<n>(?:[{UP}][{LOW}'’-]+\s?){{1,3}}?)"
                         r"\s*\((?P<state>[^()\n]{2,80})\)(?:\s*\([^()\n]{2,40}\))?\s*:")
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
