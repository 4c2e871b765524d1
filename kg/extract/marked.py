"""Persons named where a page's layout marks them: a delegate's label with the state in brackets, a line in capitals
opening a paragraph, "By X" and "(Signed) X" lines, transcript labels, a peer's rank and designation, a member of
parliament with the party in brackets, a surname in brackets after an office, a name split by a caption's time
stamp, a name after a closing quotation mark. Each reader adds to the statement's :class:`Found`."""
from __future__ import annotations

import re

from kg.extract.common import lex, titles
from kg.extract.personscan import Found, Scan, by_surname, caps_to_title, person_entity
from kg.extract.titling import LOW, UP, title_info

__all__ = ["by_lines", "capital_leads", "delegates", "members_by_party", "office_surnames", "peers", "quoted_names",
           "signed_lines", "split_by_timestamp", "transcript_labels"]


# a caption transcript breaks its lines with a timestamp, even inside a name: "our foreign minister Jane\n1:22 Doe will"
_TIMESTAMP_SPLIT = re.compile(rf"(?<![\w’'-])(?P<a>[{UP}][{LOW}]+)[ \t]*\n[ \t]*\d{{1,2}}:\d{{2}}(?::\d{{2}})?[ \t]+"
                              rf"(?P<b>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)(?![\w’'-])")


def split_by_timestamp(scan: Scan, out: Found) -> None:
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


def office_surnames(scan: Scan, out: Found) -> None:
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
        ent = by_surname(stmt.context, name) or person_entity(name)
        out.add(s, e, ent, "surname" if " " not in name else "name", info)


# a member of parliament by surname and party: "questions from member Jansen (VVD)", "MP Okafor (Labour)"
_MEMBER_PARTY = re.compile(rf"\b(?:member|MP|Member|deputy|senator|Senator)[ \t]+(?P<n>[{UP}][{LOW}'’-]{{2,}})"
                           rf"[ \t]+\((?P<p>[{UP}][\w&' -]{{1,30}})\)")


def members_by_party(scan: Scan, out: Found) -> None:
    """A member named by surname with the party in brackets: the person, the party as their title."""
    stmt, text = scan.stmt, scan.text
    for m in _MEMBER_PARTY.finditer(text, stmt.start, stmt.end):
        s, e = m.span("n")
        word = m.group("n")
        if s in scan.blocked or {word, word[:-1]} & titles().not_names or titles().is_title_word(word):
            continue  # ("member Delegations (G77)": a plural of a common word)
        ent = by_surname(stmt.context, m.group("n")) or person_entity(m.group("n"))
        out.add(s, e, ent, "surname", {"titled": True, "title": m.group(0)[:s - m.start()].strip(),
                                       "title_start": m.start(), "title_end": s, "post_title": m.span("p")})


# a peer, named by rank, name and territorial designation: "Lord Hartley of Dunmore", "Baroness Whitby of Clare"
_PEER = re.compile(r"\b(?:Lord|Baroness|Baron|Viscount|Viscountess|Earl|Countess)[ \t]+(?!(?:Mayor|Chancellor|Chief|Justice|"
                   r"Speaker|Privy|Lieutenant|Advocate|President|Chamberlain|Provost|High|Bishop|Commissioner)\b)"
                   r"[A-Z][\w’'-]+[ \t]+of[ \t]+"
                   r"[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+)?(?![\w’'-])")


def peers(scan: Scan, out: Found) -> None:
    """Members of a house of lords, whose rank and designation are their name (a peer is no "Lord X" alone)."""
    for m in _PEER.finditer(scan.text, scan.stmt.start, scan.stmt.end):
        s, e = m.span()
        out.add(s, e, person_entity(m.group(0)), "name",
                title_info(scan.text, scan.stmt, scan.toks, s, e, scan.tspans, scan.blocked, out.taken))


# a meetings-coverage paragraph opens with a delegate and their state in brackets: "HAROLD ADLAI AGYEMAN (Ghana),
# speaking on behalf of ...", "Ana Silva (Brazil) said ..."
_DELEGATE = re.compile(rf"(?m)^[ \t*_]*(?P<n>[{UP}][{UP}{LOW}'’.-]+(?:[ \t]+[{UP}][{UP}{LOW}'’.-]+){{1,4}})[ \t]*"
                       r"\((?P<state>[^()\n]{2,60})\)(?=[ \t]*[,:]|[ \t]+[a-z])")


def delegates(scan: Scan, out: Found) -> None:
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
        name = caps_to_title(m.group("n")) if m.group("n").isupper() else m.group("n")
        out.add(s, e, lex().find_person(name) or person_entity(name), "name", info)


# a meetings-coverage paragraph opening with a delegate's name in capitals and their office after a comma:
# "MARTA KOWALCZYK, Minister for Foreign Affairs of Poland, said ..."
_CAPITAL_LEAD = re.compile(rf"(?m)^[ \t*_]*(?P<n>[{UP}][{UP}'’-]+(?:[ \t]+[{UP}][{UP}'’-]+){{1,3}}),[ \t]+(?:the[ \t]+)?")


def capital_leads(scan: Scan, out: Found) -> None:
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
        name = caps_to_title(m.group("n"))
        info = title_info(text, stmt, scan.toks, s, e, scan.tspans, scan.blocked, out.taken)
        out.add(s, e, lex().find_person(name) or person_entity(name), "name", info)


# an author's byline on a line of its own: "by Jane Doe", "By JANE DOE" (two or three words, each a name's)
_BY_LINE = re.compile(rf"(?m)^[ \t*_]*[Bb][Yy][ \t]+(?P<n>[{UP}][{LOW}{UP}'’-]+(?:[ \t]+[{UP}][{LOW}{UP}'’-]+){{1,2}})[ \t*_]*$")


def by_lines(scan: Scan, out: Found) -> None:
    """A byline naming the author alone on its line: the person, titled by the byline."""
    _marked_names(scan, out, _BY_LINE, "byline")


# a signature marked as such in a document's copy: "(Signed) Jane Doe", "Signed: JANE DOE", "(Sgd.) Jane Doe"
_SIGNED_LINE = re.compile(rf"(?m)^[ \t*_]*(?:\((?:[Ss]igned|SIGNED|[Ss]gd\.?)\)|(?:[Ss]igned|SIGNED)[ \t]*:)[ \t]*"
                          rf"(?P<n>[{UP}][{LOW}{UP}'’-]+(?:[ \t]+(?:[{UP}][{LOW}{UP}'’-]+|[{UP}]\.)){{1,3}})"
                          r"[ \t*_]*$")


def signed_lines(scan: Scan, out: Found) -> None:
    """A name alone after a signature mark: the person who signed, marked ``signed`` (a known one too)."""
    if re.search(r"(?i)\bs(?:igned|gd)\b", scan.text[scan.stmt.start:scan.stmt.end]):
        _marked_names(scan, out, _SIGNED_LINE, "signed", known_too=True)


def _marked_names(scan: Scan, out: Found, pattern: re.Pattern, mark: str, known_too: bool = False) -> None:
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
        name = caps_to_title(m.group("n")) if m.group("n").isupper() else m.group("n")
        out.add(s, e, lex().find_person(name) or person_entity(name), "name", {mark: True})


# the label's words on one line ("Related\nCyber:" is a list's label above a link, no name), its words after it on
# the same line and no date or number ("Begin Text:" at a line's end, "Posted On: 2031-05-04" are a page's labels)
_SPEAKER_LABEL = re.compile(rf"(?:^|(?<=[\n?.!]\s)|(?<=\n))((?:[{UP}][{LOW}]+[ \t]){{1,2}}[{UP}][{LOW}]+):[ \t]+(?=[^\d\s])")


_TURN_LABEL = re.compile(rf"(?m)^[ \t*_]*(?P<t>(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?)\s+"
                         rf"(?P<n>(?:[{UP}][{LOW}'’-]+\s?){{1,3}}?)"
                         r"\s*\((?P<state>[^()\n]{2,80})\)(?:\s*\([^()\n]{2,40}\))?\s*:")


def transcript_labels(scan: Scan, out: Found) -> None:
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
        ent = by_surname(stmt.context, name) or person_entity(name)
        out.add(s, e, ent, "surname" if " " not in name else "name",
                {"titled": True, "speaker_label": True, "title": m.group("t"), "title_start": stmt.start + m.start("t"),
                 "title_end": stmt.start + m.end("t"), "honorific_before": True, "post_title": delegation})
    _role_labels(scan, out)


# a podcast's or broadcast's label: the part played, then the name in brackets ("ANCHOR (Jane Doe):", "Guest (X):")
_ROLE_LABEL = re.compile(rf"(?m)^[ \t*_]*(?P<role>[{UP}][{UP}{LOW}]{{1,15}})[ \t]*\("
                         rf"(?P<n>[{UP}][{LOW}'’-]+(?:[ \t]+(?:[{LOW}]{{1,3}}[ \t]+)?[{UP}][{LOW}'’-]+){{1,3}})\)[ \t]*:")


def _role_labels(scan: Scan, out: Found) -> None:
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


def quoted_names(scan: Scan, out: Found) -> None:
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
