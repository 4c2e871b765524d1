"""How a person's title is read around a name: the title words walked back from it ("Foreign Minister",
"Permanent Representative of X to the UN, Ambassador"), a title set off after it ("X, Under-Secretary-General for
..."), an office in lower case ("X, director-general of ...") and where a title stops (before the next name).
The character classes and tokens the persons reader (kg/extract/persons.py) shares live here too."""
from __future__ import annotations

import bisect
import functools
import re

from kg.extract.common import Intervals, SpanIndex, hits, titles
from kg.model import Statement

__all__ = ["title_info", "adjacent", "Tok", "TOKEN", "UP", "LOW", "CAPS_WORD", "INITIAL", "CAP_WORD", "CAP_ANY",
           "OFFICE_DOMAIN"]

UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
LOW = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž"
# a name's word may have a capital inside ("McConville", "O'Neill") and, read by OCR, an "l" turned "!"
TOKEN = re.compile(rf"[{UP}][{LOW}]+(?:['’]?[{UP}][{LOW}]+)?(?:![{LOW}]+)?(?:-[{UP}{LOW}][{LOW}]+)*|[{UP}]\.(?=\s)"
                   rf"|[{UP}][{UP}'’-]+|[{LOW}]+(?:-[{LOW}]+)*|\d+|[^\s]")
CONNECT = {"of", "the", "to", "for", "and", "in", "on", ",", "at", "&"}
CAPS_WORD = re.compile(rf"[{UP}][{UP}'’-]+")
INITIAL = re.compile(rf"[{UP}]\.")
CAP_WORD = re.compile(rf"[{UP}][{LOW}].*")
CAP_ANY = re.compile(rf"[{UP}].*")
CAP_OR_DIGIT = re.compile(rf"[{UP}0-9].*")

# a capitalised phrase right after an office and its preposition is the office's domain, not a name
# ("Coordinator for Cyber Issues", "Commissioner for Human Rights")
OFFICE_DOMAIN = re.compile(r"[ \t](?:for|of|on)[ \t]+$")

Tok = re.Match  # a token is its match: ``start()``, ``end()`` and ``[0]`` (its text); cheaper than an object
_start = re.Match.start  # a token's start, the key its list is sorted by

# the words after a name that may be its title ("..., Under-Secretary-General for Disarmament Affairs"); in a
# heading, the title may stand on the line below the name ("Statement by H.E. Mr. X / Ambassador and ...")
_TITLE_WORDS = r"((?:(?:the|in charge of|[A-Z][\w.’'-]*|of|to|for|and|in|on)(?:[ \t]+|,[ \t]+|[ \t]*/[ \t]*|(?=[,.;:)\n])|$))+)"
_AFTER = re.compile(r"(,[ \t]*|[ \t]+)" + _TITLE_WORDS)
_AFTER_IN_HEADING = re.compile(r"(,[ \t]*|[ \t]+|[ \t]*\n[ \t*_]*(?=[A-Z]))" + _TITLE_WORDS)


def name_like(a: Tok, b: Tok, text: str, tspans, blocked) -> bool:  # noqa: ANN001
    """Two adjacent capitalised words that are neither titles, bodies nor common words: a name."""
    nn = titles().not_names
    return all(CAP_WORD.fullmatch(t[0]) and t[0] not in nn and t.start() not in tspans and t.start() not in blocked
               for t in (a, b)) and adjacent(text, a, b)


def adjacent(text: str, a: Tok, b: Tok) -> bool:
    gap = text[a.end():b.start()]
    return gap in (" ", "\u00a0") or (gap == "" and a[0].endswith("."))


def title_info(text: str, stmt: Statement, toks: list[Tok], s: int, e: int, tspans: SpanIndex,
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
    ls = text.rfind("\n", 0, s) + 1
    if info.get("post_title") and info.get("title_start", ls) < ls and not text[ls:s].strip(" \t*_"):
        # a signature block's line: "Jane Doe, Minister of X" under "John Roe, Minister of Y": the office before
        # the line is the line above's, the name's own follows it
        for k in ("titled", "title_start", "title_end", "immediate_title", "honorific_before", "title"):
            info.pop(k, None)
        info.update(titled=True, title=text[slice(*info["post_title"])])
    return info


def _is_title(text: str, t: Tok, s: int, tspans: SpanIndex) -> bool:
    """Whether ``t`` starts a title: one of the statement's title spans, or a lower-case role ending by ``s``."""
    if t.start() in tspans:
        return True
    m = titles().lower_re.match(text, t.start())
    return bool(m) and m.end() <= s


def _role_start(text: str, t: Tok, lo: int, before: list[Tok]) -> int | None:
    """Index in ``before`` of the first token of a lower-case role ("head of state") that ends with ``t``."""
    for m in titles().lower_re.finditer(text, max(lo, t.start() - 40), t.end()):
        if m.end() == t.end():
            for i, x in enumerate(before):
                if x.start() == m.start():
                    return i
    return None


_HONORIFIC = re.compile(r"(?i)(?:dr|mr|ms|mrs|miss|mme|sir|prof|amb|h\.\s?e\.\s?(?:mr|ms|dr)?)\.?|"
                        r"(?:his|her|your) excellency")


def _is_honorific(text: str, t: Tok, tspans: SpanIndex) -> bool:
    """Whether the title holding ``t`` is a form of address ("Mr", "H.E.", "His Excellency"), not an office."""
    a, b = next(((a, b) for a, b in tspans.spans if a <= t.start() < b), (t.start(), t.end()))
    words = text[a:b].strip()
    return words in titles().honorifics or bool(_HONORIFIC.fullmatch(words))


def _walk_back(text: str, before: list[Tok], lo: int, s: int, tspans: SpanIndex, blocked: SpanIndex,
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
        elif t[0][:1].islower() and low not in CONNECT and (r := _role_start(text, t, lo, before)) is not None:
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
        elif low in CONNECT or t[0] in ("’", "'", "-"):
            pass
        elif t[0] == ")" and (j := _bracket_open(before, k)) is not None:
            k = j - 1  # a body's abbreviation in brackets: "Secretary General of the ... States (OAS), X"
            continue
        elif t.start() in blocked or CAP_OR_DIGIT.fullmatch(t[0]):
            if k > 0 and name_like(before[k - 1], t, text, tspans, blocked):
                break  # "Chinese Ambassador Zheng Zeguang and Josep Borrell": another person's name
        else:
            break
        k -= 1
    return None if earliest is None else (earliest, immediate, honorific)


def _bracket_open(before: list[Tok], k: int) -> int | None:
    """Index of the "(" that opens the short bracket closed at ``before[k]`` (an abbreviation), else None."""
    for j in range(k - 1, max(-1, k - 4), -1):
        if before[j][0] == "(":
            return j if j < k - 1 else None
        if not re.fullmatch(r"[\w.&-]+", before[j][0]):
            return None
    return None


def _glued_start(text: str, before: list[Tok], idx: int, blocked: SpanIndex) -> int:
    """Where the title whose first word is ``before[idx]`` starts: up to four capitalised words, numbers or
    gazetteer names glued to its front belong to it ("UK Foreign Secretary", "MI-5 employee")."""
    title_start = before[idx].start()
    j = idx - 1
    glued = 0
    while j >= 0 and glued < 4:
        t = before[j]
        if text[t.end():before[j + 1].start()] not in (" ", "") or t[0].lower() in titles().stops:
            break
        if CAP_OR_DIGIT.fullmatch(t[0]) or t.start() in blocked:
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
        starts_with_title = first is not None and (all(  # (a state's possessive too: "X, Japan's Ambassador")
            p in blocked for p in range(seg_s + lead, first) if not text[p].isspace() and not (
                text[p] in "’'" or text[p] == "s" and text[p - 1] in "’'"))
            # a qualifier glued to the office after a comma: "X, Parliamentary Under-Secretary", "X, Legal Adviser"
            or m.group(1).startswith(",") and _QUALIFIER.fullmatch(text, seg_s + lead, first) is not None)
        of_m = re.match(r"of\s+(?:the\s+)?", text[seg_s:seg_e])
        # "Ambassador Jürg Lauber of Switzerland": says whom an already titled person serves, makes no person
        of_state = of_m is not None and m.group(1).strip() == "" and info.get("titled") and any(
            h.start == seg_s + of_m.end() and any(f.entity is not None and f.entity.kind == "State" for f in h.forms)
            for h in hits(stmt))
        # a title that stands before the next name is that name's ("X Russian Ambassador Y", "We thank X,
        # Under-Secretary-General Y, the ..."), unless that next name is a state, body or place
        if not (starts_with_title or of_state) or (starts_with_title and titles_next_name(text, first, tspans, blocked)):
            return
    # (a title ends before a time or place, and at a sentence's end: "Ambassador X of Algeria. The ...")
    cut = re.search(r",?\s+(?:at|during|on|in|before|AT|DURING|ON|IN|BEFORE)\s+(?:the|a|THE|A)\s|(?<=[a-z]{3})\.(?=\s|$)",
                    text[seg_s:seg_e])
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


_QUALIFIER = re.compile(r"[A-Z][a-z]+[ \t]+")


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


def titles_next_name(text: str, first: int, tspans: SpanIndex, blocked: SpanIndex | None = None) -> bool:
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


_NAME_PAIR = re.compile(rf"(?<![\w-])[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?\s+[{UP}][{LOW}]+")
# a surname alone, then the list goes on or ends ("We thank Ambassador X, Under-Secretary-General Y, the ...")
_LISTED_SURNAME = re.compile(rf"(?<![\w-])[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?(?=\s*(?:[,;.)]|\s(?:and|&)\s))")


def _before_next_name(text: str, start: int, end: int, tspans, blocked) -> int:  # noqa: ANN001
    """Cut a title that runs on into the next person's name ("..., the Secretary General of the CIS Sergey Lebedev")."""
    for m in _NAME_PAIR.finditer(text, start, end):
        if OFFICE_DOMAIN.search(text, max(0, m.start() - 8), m.start()):
            continue  # "Ambassador for Cyber Policy": the office's domain, not a name
        if m.start() not in tspans and m.start() not in blocked and (m.end() - 1) not in tspans \
                and (m.end() - 1) not in blocked:
            words = m.group(0).split()
            if not any(w in titles().not_names for w in words):
                prev = re.search(r"(?:,\s*|\s+and\s+|\s+)(?:the\s+)?(?:[\w.-]+\s+)*$", text[start:m.start()])
                return start + (prev.start() if prev else m.start() - start)
    return end
