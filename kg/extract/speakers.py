"""Who spoke: a person the heading names as author ("Statement by ...", a byline block, "X's remarks"),
the speaker a news lead reports, the persons of a joint statement, the chair of a body's own statement;
and the office a byline gives below the speaker's name."""
from __future__ import annotations

import re

from kg.dates import find_dates
from kg.extract.behalf import un_release
from kg.extract.common import listed_after, sentence_bounds, titles
from kg.extract.header import below_heading, body_dateline, first_sentence, head_start, kind_words, lookback, tail_lines
from kg.extract.lead import lead_body, lead_report, lead_sentence, lead_speaker, lead_state
from kg.model import Entity, Mention, Statement
from kg.layout import layout
from kg.segment import is_sentence

__all__ = ["speaker_mentions", "byline_office", "collective"]


# kinds of text that report a speaker in their lead rather than name an author in their heading (so does a
# heading that names no kind at all: a news headline)
_REPORTED = ("news", "press release")
# a news headline says what someone did: "... a milestone, says OSCE Representative", "Envoy urges restraint"
_HEADLINE_VERB = re.compile(r"\b(?:says|said|calls\s+(?:for|on)|urges|warns|welcomes|condemns|hopes|stresses|"
                            r"notes|rejects|denies|slams|vows|pledges)\b", re.I)


# a byline's office after the name, to its line's end ("Jane Doe, Department Spokesperson")
_OFFICE_AFTER = re.compile(r"[ \t]*,[ \t]*[A-Z][^\n.;:]{0,80}$", re.M)


_KIND_THEN = re.compile(r"\b(?:remarks|address|statement|speech|message|keynote|intervention|presentation)"
                        r"[ \t]*[–—:-][ \t]*[*_]*$", re.I)
_QUOTE_THEN = re.compile(r"\w[.!?]?['’\"”][ \t]*[:–—-][ \t]*(?:[\w.’'-]+[ \t]+){0,4}[*_]*$")  # (an office between)


def speaker_mentions(stmt: Statement, kind: str, hs: int) -> list[Mention]:
    """The person mentions that name the statement's speakers."""
    text = stmt.context.text
    head = [m for m in stmt.mentions if m.entity.kind == "Person" and hs <= m.start < stmt.heading_end]
    chosen: list[Mention] = []
    if stmt.role == "turn":  # "The Chair (Mr. Gafoor, Singapore): ...": whoever the label names, else a line
        chosen = list(head[:1]) or _named_below_heading(stmt)  # below it: "Statement delivered by Ambassador X, ..."
    elif kind == "conversation":
        chosen = list(head)
        if len({m.entity.key for m in chosen}) < 2:
            bs, be = first_sentence(stmt)
            chosen += [m for m in stmt.mentions if m.entity.kind == "Person" and bs <= m.start < be]
    elif stmt.role in ("main", "item") and _answered_by(stmt):
        chosen = _answered_by(stmt)  # a parliamentary answer: its minister, not the member who asked
    else:
        for m in head:
            ts = m.info.get("title_start", m.start)
            if _ASKED.search(text, max(hs, ts - 40), ts):
                continue  # "Asked by Ms X (Tooting)": who put the question, not who answers it
            after = text[m.end:m.end + 2]
            end = m.info.get("title_start", m.start)
            pre = lookback(text, hs, end)  # the whole prefix only where a rule needs it (once per mention)
            # a byline: a titled person starting a heading line below the kind word ("Press Statement /
            # Antony J. Blinken, Secretary of State", "Speech / ... / Ambassador Neil Holland condemns ...")
            byline = pre.rstrip(" *_").endswith("\n") and kind_words(text[hs:end]) >= 1 and (
                m.info.get("titled") or _alone_on_line(text, m) or _OFFICE_AFTER.match(text, m.end, stmt.heading_end))
            blank = not pre.strip(" *_\n") and not text[hs:end].strip(" *_\n")
            # a news headline quoting its speaker: "'Norms are not optional': Defence Minister Jane Doe"
            quoted = _QUOTE_THEN.search(pre) is not None
            # a programme's heading: "Welcome remarks – Jane Doe, Director of ...", "Keynote address: X"
            dashed = _KIND_THEN.search(pre) is not None
            if after in ("’s", "'s") or blank or byline or quoted or dashed or _under_state_line(stmt, hs, m) or (
                    re.search(r"\b(?:by|of|from|on behalf of|von|par|por)\s+(?:the\s+)?[*_]*$", pre, re.I)
                    and kind_words(text[hs:end]) <= 1):
                chosen.append(m)
                break
        if not chosen:  # "Statement by India ... delivered by Ambassador T.S. Tirumurti"
            for m in head:
                if re.search(r"\b(?:delivered|read|presented|made)\s+(?:out\s+)?by\s+(?:the\s+)?(?:(?:H\.\s?E\.|[A-Z][\w.-]+)\s*){0,4}[*_]*$",
                             lookback(text, hs, m.info.get("title_start", m.start)), re.I):
                    chosen.append(m)
                    break
        if chosen and re.search(r"\bjoint\b", text[hs:stmt.heading_end], re.I):
            # "Joint statement by Jean-Yves Le Drian and Heiko Maas": every person of the list
            chosen += listed_after(stmt, chosen[-1].end, ("Person",), stmt.heading_end)
        if not chosen:
            # "Following are UN Secretary-General António Guterres’ remarks to ...": the text names its speaker
            bs, be = first_sentence(stmt)
            if re.match(r"\s*(?:(?:The\s+)?following\s+(?:are|is)|Below\s+(?:are|is))\b", text[bs:be], re.I) or \
                    re.search(r"\b(?:issued|made|released|delivered|gave)\s+the\s+following\s+(?:joint\s+)?"
                              r"(?:statement|remarks|comment|message|declaration)", text[bs:be], re.I):
                # "Following are X's remarks ...", "X, Minister of ..., today issued the following statement"
                chosen = [m for m in stmt.mentions if m.entity.kind == "Person" and bs <= m.start < be][:1]
        if not chosen and re.search(r"\bjoint\b", text[hs:stmt.heading_end], re.I):
            bs, be = first_sentence(stmt)
            chosen = [m for m in stmt.mentions if m.entity.kind == "Person" and bs <= m.start < be]
        if not chosen:
            chosen = _attributed(stmt) or _named_below_heading(stmt) or _byline_author(stmt) or _lead_in(stmt)
        if not chosen and stmt.role in ("main", "item"):
            chosen = _field_speaker(stmt) or _label_speakers(stmt) or _quoted_lead_person(stmt)
        if not chosen and stmt.role in ("main", "item") and kind not in _REPORTED:
            chosen = _signature_block(stmt) or _signed(stmt) or _office_holder(stmt)
        heading = text[hs:stmt.heading_end]
        if not chosen and stmt.role in ("main", "item") and not un_release(stmt) and (
                kind in _REPORTED or _HEADLINE_VERB.search(heading) or layout().kind_of(heading) is None):
            # a news lead: "..., Alexander Lukashevich, said at a meeting of ...", "X today welcomed ..." (a
            # statement, comment or article has its author in its heading, not in its first sentence; a UN
            # meetings coverage release reports what others said: its lead names no speaker of its own)
            said = lead_speaker(stmt, *lead_report(stmt))
            chosen = [said] if said is not None else (_passive_lead(stmt) or _quoted_after_lead(stmt)
                                                      or _announced_this(stmt))
    out, seen = [], set()
    for m in chosen:
        if m.entity.key not in seen:
            seen.add(m.entity.key)
            out.append(m)
    if len(out) == 1 and out[0].info.get("byline"):
        _writer_note(stmt, out[0])
    return out


# an op-ed's note on its author: "The writer is the ambassador of France to Chile. - Ed."
_WRITER_IS = re.compile(r"(?:^|(?<=[\n.]))[ \t*_]*The[ \t]+(?:writer|author)[ \t]+is[ \t]+(?:the[ \t]+|an?[ \t]+)?"
                        r"(?P<t>[^.\n]{3,160})", re.I)


def _writer_note(stmt: Statement, m: Mention) -> None:
    """The office an editor's note gives the byline's author ("The writer is the ambassador of X to Y."): the
    author's title, when the byline gives none."""
    if m.info.get("post_title") or m.info.get("title"):
        return
    note = _WRITER_IS.search(stmt.context.text, stmt.heading_end, stmt.end)
    if note is not None and titles().title_re.search(note.group("t")):
        m.info.update(post_title=note.span("t"), titled=True, title=note.group("t"))


# "Statement by X" written as a title, not as prose ("we welcome the statement by X")
_TITLE_BY = re.compile(r"\b(?:Statement|Remarks|Address|Speech|Intervention|STATEMENT|REMARKS|ADDRESS|SPEECH|"
                       r"INTERVENTION)\s+(?:(?:delivered|made|read)\s+)?(?:by|BY)\s+(?:the\s+)?")
_BELOW = 600  # how far below the heading a title block may still run
_PROSE_LINE = 250  # a line this long is the speech's prose (a title block's line may be long, not this long)


def _named_below_heading(stmt: Statement) -> list[Mention]:
    """"... in the context of international security Statement by X, Deputy Permanent Representative ...":
    a title block the page runs together below what was read as the heading (an OCR'd letterhead, a
    title and agenda item on one line), or a byline line below it, still names the speaker, before the
    speech's first paragraph."""
    text = stmt.context.text
    pos, stop = stmt.heading_end, min(stmt.end, stmt.heading_end + _BELOW)
    lines = 0
    while pos < stop:
        le = text.find("\n", pos, stop)
        le = stop if le < 0 else le
        line = text[pos:le]
        if lines < 2 and layout().speaker_cue.match(line) and (named := _byline(stmt, pos, le, first=lines == 0)):
            return named  # "delivered by Mr. X, ..., on behalf of A, B, C and D": however long its list runs
        if len(line) >= _PROSE_LINE or is_sentence(line) or layout().is_salutation(line):
            break
        for by in _TITLE_BY.finditer(line):
            at = pos + by.end()
            named = [m for m in stmt.mentions if m.entity.kind == "Person" and m.info.get("title_start", m.start) == at]
            if named:
                return named[:1]
        if line.strip(" \t*_") and lines < 2 and not layout().header_field.match(line.strip(" \t*_")):
            # a byline is the block's first or second line, never further down (its fields, "Type: Speech", aside)
            named = _byline(stmt, pos, le, first=lines == 0)
            lines += 1
            if named:
                return named
        pos = le + 1
    return []


def _byline(stmt: Statement, ls: int, le: int, first: bool) -> list[Mention]:
    """The speaker a line below the heading names: "delivered by H.E. Ambassador X, ...", or (the ``first``
    line) a byline opening with the name ("Jane Doe, Department Spokesperson", a name alone on its line)."""
    text = stmt.context.text
    cue = layout().speaker_cue.match(text, ls, le)
    at = cue.end() if cue else ls + len(text[ls:le]) - len(text[ls:le].lstrip(" \t*_"))
    if re.search(r"(?:(?<![\w’'-])[a-z][\w’'-]*|[,;])[ \t]*\n?[ \t]*$", text[max(stmt.start, ls - 80):ls]):
        return []  # the line goes on with a sentence from the line above ("The meeting was chaired by\nDr X, ...")
    named = _persons_in(stmt, at, at + 1)
    if named and (cue or first and re.match(r"[ \t*_]*(?:,|$)", text[named[0].end:le])):
        return named[:1]
    return []


# an editor's lead-in above the quoted text of a speech: "On 4 May, Ambassador X delivered Chile's statement in the
# debate ... Extracts follow." (the delivery, then a note that the text follows, or the quote opening below)
_DELIVERED = re.compile(r"[ \t,]+(?:(?:today|yesterday|also|has|had)[ \t]+)*(?:delivered|made|gave|read(?:[ \t]+out)?)"
                        r"[ \t]+(?:[\w’'-]+[ \t]+){0,4}?(?:statement|remarks|speech|address|intervention)\b", re.I)
_FOLLOWS = re.compile(r"(?:(?:extracts|excerpts|the\s+text|the\s+full\s+text|the\s+statement|highlights)\s+"
                      r"(?:follows?|(?:is|are)\s+below)|(?:read|see)\s+(?:it|the\s+statement|the\s+text)\s+below)"
                      r"\s*[.:]?\s*$", re.I)
_LEAD_IN_REACH = 1200  # how far below the heading an editor's lead-in may stand


def _lead_in(stmt: Statement) -> list[Mention]:
    """The speaker an editor's lead-in names as delivering the statement quoted below it."""
    text = stmt.context.text
    pos, stop = stmt.heading_end, min(stmt.end, stmt.heading_end + _LEAD_IN_REACH)
    for para in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text[pos:stop]):
        ps, pe = pos + para.start(), pos + para.end()
        nxt = text[pe:stmt.end].lstrip()
        if not (_FOLLOWS.search(text, ps, pe) or nxt[:1] in "\"“") or not nxt:
            continue
        for m in _persons_in(stmt, ps, pe):
            if _DELIVERED.match(text, m.end, pe):
                return [m]
    return []


# a written question's record: who asked it, and who answered ("Asked by Ms X", "Answered by Y, Minister of State")
_ASKED = re.compile(r"\b(?:asked|tabled|raised)\s+by[ \t]*:?[ \t]*$", re.I)
_ANSWERED = re.compile(r"^[ \t*_]*(?:(?:answered|replied)(?:\s+on\s+[^\n]{4,30}?)?\s+(?:to\s+)?by[ \t]*:?|answers?\s+(?:from|by|of)\s+(?:the\s+)?)"
                       r"[ \t]*", re.I | re.M)


def _answered_by(stmt: Statement) -> list[Mention]:
    """The person an "Answered by X" line names: the speaker of a parliamentary answer (once per statement)."""
    if "answered" not in stmt.cache:
        text = stmt.context.text
        found: list[Mention] = []
        for cue in _ANSWERED.finditer(text, stmt.start, stmt.end):
            found = _persons_in(stmt, cue.end(), cue.end() + 1)[:1]
            if found:
                break
        stmt.cache["answered"] = found
    return stmt.cache["answered"]


# a media release's lines that name who speaks in it: "Quotes attributable to Minister for X, Jane Doe:", and the
# ministers a joint release is issued with ("Joint media release with:" above their names and offices)
_ATTRIBUTABLE = re.compile(r"^[ \t*_]*(?:quotes?|comments?|remarks)\s+(?:attributable|attributed)\s+to\b", re.I | re.M)
_JOINT_WITH = re.compile(r"^[ \t*_]*joint\s+(?:media\s+|press\s+|news\s+)?(?:release|statement)\s+with\b[ \t]*:?",
                         re.I | re.M)


def _attributed(stmt: Statement) -> list[Mention]:
    """The persons a media release's "Quotes attributable to ..." lines name (the last name of each line: the
    office stands before it), and those its "Joint media release with:" line (or the lines below it) names."""
    text = stmt.context.text
    out: list[Mention] = []
    for cue in _ATTRIBUTABLE.finditer(text, stmt.start, stmt.end):
        le = text.find("\n", cue.end(), stmt.end)
        out += _persons_in(stmt, cue.end(), stmt.end if le < 0 else le)[-1:]
    if not out:
        return []
    for cue in _JOINT_WITH.finditer(text, stmt.start, stmt.end):
        para = text.find("\n\n", cue.end(), stmt.end)
        out += [m for m in _persons_in(stmt, cue.end(), stmt.end if para < 0 else para)
                if _starts_line(text, m.info.get("title_start", m.start))]
    return out


def _starts_line(text: str, at: int) -> bool:
    """Whether only spaces or emphasis stand between the line's start and ``at``."""
    return not text[text.rfind("\n", 0, at) + 1:at].strip(" \t*_")


def _persons_in(stmt: Statement, a: int, b: int) -> list[Mention]:
    return [m for m in stmt.mentions if m.entity.kind == "Person" and a <= m.info.get("title_start", m.start) < b]


def _field_speaker(stmt: Statement) -> list[Mention]:
    """A labelled field line names the speaker, above the text or below its end ("Delivered by: Ambassador X,
    Permanent Representative of ...", "From: Foreign Office and X"): the first person on the line. The line's
    span is kept on the mention (it may also say for whom: "..., on behalf of the Group of 77")."""
    text = stmt.context.text
    for f in layout().speaker_field.finditer(text, stmt.start, stmt.end):
        le = text.find("\n", f.end(), stmt.end)
        le = stmt.end if le < 0 else le
        named = [m for m in _persons_in(stmt, f.end(), le) if not _moderates(text, m.end, le)]
        if named:
            named[0].info["field_line"] = (f.start(), le)
            return named[:1]
    return []


def _moderates(text: str, at: int, le: int) -> bool:
    """Whether the entry of a list of participants that runs from ``at`` to the next ";" marks its person as the
    moderator ("B, Senior Fellow (moderator)")."""
    entry = text.find(";", at, le)
    return layout().moderator_mark.search(text[at:le if entry < 0 else entry]) is not None


# the lead's act owned in the next sentence: "... responsible for the attack. Minister X announced this on Thursday."
_ANNOUNCED = re.compile(r"[ \t]+(?:(?:today|yesterday|on\s+\w+day|this\s+(?:morning|afternoon|week))[ \t]+)?"
                        r"(?:announced|said|stated|declared|confirmed|made)[ \t]+(?:this|so)\b")


def _announced_this(stmt: Statement) -> list[Mention]:
    """The person the lead paragraph says announced what it reports ("X announced this on Thursday")."""
    text = stmt.context.text
    bs = first_sentence(stmt)[0]
    pe = text.find("\n\n", bs, stmt.end)
    pe = stmt.end if pe < 0 else pe
    return [m for m in stmt.mentions if m.entity.kind == "Person" and bs <= m.start < pe
            and _ANNOUNCED.match(text, m.end, pe)][:1]


def _wire_report(stmt: Statement) -> bool:
    """Whether the body opens with a dateline crediting a news agency ("UNITED NATIONS, May 4 (Wire) -")."""
    dateline = body_dateline(stmt)
    return dateline is not None and bool(dateline.credit)


def _byline_author(stmt: Statement) -> list[Mention]:
    """The author a "by Jane Doe" line names in the header, or on the short lines right below it."""
    lines = [(stmt.start, stmt.heading_end)] + below_heading(stmt)
    return [m for m in stmt.mentions if m.info.get("byline") and any(a <= m.start < b for a, b in lines)][:1]


def _signed(stmt: Statement) -> list[Mention]:
    """The person who signs the statement off: a name alone on one of its last short lines, maybe with a form of
    address or title before it ("Amb. Dr. Jane Doe", "António Guterres"), above a title or a place and date line."""
    text = stmt.context.text
    marked = next((m for m in stmt.mentions if m.entity.kind == "Person" and m.info.get("signed")), None)
    if marked is not None:  # "(Signed) Jane Doe": wherever it stands, above the office lines under it
        if "post_title" not in marked.info:
            _office_block(stmt, marked)
        return [marked]
    signs = [(ls, le) for ls, le in tail_lines(stmt, 8) if not layout().is_chrome(text[ls:le])][-4:]
    for n, (ls, le) in enumerate(signs):  # (the page's footer below it aside)
        named = [m for m in _persons_in(stmt, ls, le) if not text[m.end:le].strip(" ,.*_")
                 and not text[ls:m.info.get("title_start", m.start)].strip(" *_")]
        if named:
            if n + 1 < len(signs) and "post_title" not in named[0].info and _office_line(text[slice(*signs[n + 1])]):
                named[0].info.update(post_title=signs[n + 1], titled=True)  # "Ambassador, Permanent Representative"
            return named[:1]
    return []


# a heading that names its author by office: "Statement attributable to the Spokesperson for the Secretary-General"
_BY_OFFICE = re.compile(r"\b(?:by|attributable\s+to|attributed\s+to|from)\s+the\s+(?P<o>[A-Z][\w’'-]*(?:[ \t]+(?:(?:for|of|to|"
                        r"on|the|and)[ \t]+)*[A-Z][\w’'-]*)*)")


def _office_holder(stmt: Statement) -> list[Mention]:
    """The person the statement names with the very office its heading names as author ("Statement by the High
    Representative ..." above "Jane Doe, High Representative ..."), wherever in the statement that stands."""
    text = stmt.context.text
    by = _BY_OFFICE.search(text, head_start(stmt), stmt.heading_end)
    if by is None or not titles().title_re.match(by.group("o")):
        return []
    office = " ".join(by.group("o").split()).casefold()
    for m in stmt.mentions:
        if m.entity.kind == "Person" and " ".join((m.info.get("title") or "").split()).strip(" ,").casefold() == office:
            return [m]
    return []


def _signature_block(stmt: Statement) -> list[Mention]:
    """The signers of a joint text: two or more of its last lines each a name and the signer's office after a
    comma ("Jane Doe, Minister for Foreign Affairs of X"), one under the other."""
    text = stmt.context.text
    signers: list[Mention] = []
    for ls, le in reversed(tail_lines(stmt, 12)):
        named = [m for m in _persons_in(stmt, ls, le) if not text[ls:m.start].strip(" \t*_")
                 and m.info.get("post_title") and text[m.end:m.end + 1] == ","
                 and not text[m.info["post_title"][1]:le].strip(" .,;*_")]
        if not named and not signers and not _persons_in(stmt, ls, le):
            continue  # (the page's footer below the block: "Last updated: ...", "Print | Share")
        if not named:
            break
        signers.append(named[0])
    return signers[::-1] if len(signers) >= 2 else []


def _office_block(stmt: Statement, m: Mention) -> None:
    """The office lines under a signature ("Ambassador and Permanent Representative / Chair of the Bureau of the /
    Movement"): an office line, and each line a wrapped one goes on to, as the signer's title."""
    text = stmt.context.text
    a = b = text.find("\n", m.end, stmt.end)
    while 0 <= b < stmt.end:
        le = text.find("\n", b + 1, stmt.end)
        le = stmt.end if le < 0 else le
        line = text[b + 1:le]
        wrapped = b > a and re.search(r"\b(?:of|the|and|to|for|on)[ \t]*$", text[a:b], re.I)
        opens = titles().title_re.match(line.strip(" \t*_"))  # "Chair of the Bureau of the": an office too
        if not line.strip() or not (_office_line(line) or (wrapped or opens) and not is_sentence(line)):
            break
        b = le
    if a >= 0 and b > a:
        s = a + 1 + len(text[a + 1:b]) - len(text[a + 1:b].lstrip())
        m.info.update(post_title=(s, b), titled=True)


def _office_line(line: str) -> bool:
    """A short line under a signature that names an office or rank ("Ambassador, Permanent Representative"), no
    sentence and no date."""
    low = line.strip(" *_").lower()
    tt = titles()
    return 0 < len(low) < 120 and not is_sentence(line) and not find_dates(line) and \
        any(re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", low) for w in tt.national | tt.ranks)


def _label_speakers(stmt: Statement) -> list[Mention]:
    """A transcript's speakers: the persons whose titled (or known) names open a line as its label, before a
    colon ("Official Spokesperson, Ms. X: Good afternoon", "President of Y Z (retranslated): Dear friends")."""
    text = stmt.context.text
    out: list[Mention] = []
    for m in _persons_in(stmt, stmt.heading_end, stmt.end):
        ls = text.rfind("\n", 0, m.info.get("title_start", m.start)) + 1
        role = m.info.get("label_role")
        if role in titles().asking_roles or text[ls:m.info.get("label_start", m.info.get("title_start", m.start))].strip(
                " \t*_") or not (role or layout().speaker_label_end.match(text, m.end)):
            continue  # (a host's label, "HOST (Jane Doe):", names who asks, not who speaks)
        if not (role or m.info.get("titled") or m.entity.attr("gazetteer")) or "\n" in m.quote:
            continue  # a title or a known name makes a label ("Editorial Sections:" is none)
        if m.entity.key not in {o.entity.key for o in out}:
            out.append(m)
    return out or _caps_label_speaker(stmt)


def _caps_label_speaker(stmt: Statement) -> list[Mention]:
    """"MR PRICE: Good afternoon": the person of that surname the statement names in full elsewhere ("Ned Price,
    Department Spokesperson")."""
    text = stmt.context.text
    for lab in layout().speaker_caps_label.finditer(text, stmt.heading_end, stmt.end):
        surname = lab.group("surname").casefold()
        named = [m for m in stmt.mentions if m.entity.kind == "Person" and " " in m.entity.label
                 and m.entity.label.split()[-1].casefold() == surname]
        if named:
            return named[:1]
    return []


def _passive_lead(stmt: Statement) -> list[Mention]:
    """The lead or the sentence after it says who performed its act, in the passive: "Indonesia called on ...
    . The call was conveyed by the Deputy Permanent Representative of Indonesia, Ambassador X, during ..."."""
    text = stmt.context.text
    bs, be = lead_sentence(stmt)
    if be < stmt.end:  # the next sentence too
        nb = be + len(text[be:stmt.end]) - len(text[be:stmt.end].lstrip(" \t\n.!?\"”"))
        be = sentence_bounds(text, nb, nb, stmt.end)[1]
    for cue in layout().speaker_passive.finditer(text, bs, be):
        named = _persons_in(stmt, cue.end(), min(be, cue.end() + 160))
        if named and not re.search(r"[.;]\s", text[cue.end():named[0].info.get("title_start", named[0].start)]):
            return named[:1]
    return []


_QUOTE_REACH = 800  # how far below a news lead the quote naming its unnamed speaker may stand


def _quoted_after_lead(stmt: Statement) -> list[Mention]:
    """A lead that reports a state's unnamed envoy or official ("China's disarmament ambassador on Tuesday
    accused ...") and a quote below it attributed by name ('..." Li Wei told the committee'): the quoted
    person is the speaker, for the lead's state (kept on the mention)."""
    bs, be = lead_sentence(stmt)
    state = lead_state(stmt, bs, be)
    if state is None:
        return []
    text = stmt.context.text
    for m in _persons_in(stmt, be, min(stmt.end, be + _QUOTE_REACH)):
        ts = m.info.get("title_start", m.start)
        before = layout().quote_before.search(text, max(be, ts - 40), ts)
        # the verb of saying before the name ('..." said X') or after it ('..." X told the committee')
        if before and (re.search(r"[a-z]\s*$", before.group(0)) or layout().quote_after.match(text, m.end)):
            m.info["lead_state"] = state
            return [m]
    return []


def _under_state_line(stmt: Statement, hs: int, m: Mention) -> bool:
    """A speakers' list entry: the state alone on the heading's first line, the titled name alone on the next
    ("Chile / Her Excellency Jane Doe / President / 24 September 2025", a general debate's block)."""
    text = stmt.context.text
    ts = m.info.get("title_start", m.start)
    first = re.fullmatch(r"[ \t*_]*([^\n]+?)[ \t*_]*\n[ \t*_]*", text[hs:ts])
    le = text.find("\n", m.end)
    if first is None or not m.info.get("titled") or text[m.end:le if le >= 0 else len(text)].strip(" \t*_"):
        return False
    a, b = hs + first.start(1), hs + first.end(1)
    return any(o.entity.kind == "State" and o.start == a and o.end == b and o.form != "adjective" for o in stmt.mentions)


# a quote's attribution with the verb first and a title between: '...," said Ambassador Doe', '..." says Minister X'
_SAID_TITLED = re.compile(r"[”\"][ \t]*,?[ \t]*(?:said|says|stated|added|stressed|declared)[ \t]+"
                          r"(?:(?:the[ \t]+)?[A-Z][\w.’'-]*[ \t]+){0,3}$")


def _quoted_lead_person(stmt: Statement) -> list[Mention]:
    """A news item's lead reports a person ("Ambassador X was in Y for talks ...") whom a quote below is attributed
    to ('..." said Ambassador X'): that person speaks (the lead's mention, with its title, is kept)."""
    text = stmt.context.text
    bs, be = lead_sentence(stmt)
    leads = {m.entity.key: m for m in _persons_in(stmt, bs, be)}
    if not leads or _wire_report(stmt):
        return []  # (a wire report quoting several sides has no speaker of its own)
    quoted = []
    for m in _persons_in(stmt, be, stmt.end):
        ts = m.info.get("title_start", m.start)
        said = _SAID_TITLED.search(text, max(be, m.start - 60), m.start) or _SAID_TITLED.search(text, max(be, ts - 60), ts)
        after = layout().quote_after.match(text, m.end) and layout().quote_before.search(text, max(be, ts - 40), ts)
        if said or after:
            quoted.append(m.entity.key)
    if len(set(quoted)) == 1 and quoted[0] in leads:  # one voice only, the one the lead reports
        return [leads[quoted[0]]]
    return []


def _alone_on_line(text: str, m: Mention) -> bool:
    """Whether the name at ``m`` fills its line (a byline: "Michele Markoff" above her office)."""
    ls = text.rfind("\n", 0, m.start) + 1
    le = text.find("\n", m.end)
    return not text[ls:m.start].strip(" *_\t") and not text[m.end:le if le >= 0 else len(text)].strip(" *_,\t")


def byline_office(stmt: Statement, m: Mention) -> None:
    """A byline names the speaker's office on the lines below the name, down to the place and date
    ("Acting Coordinator / Office of the Coordinator for Cyber Issues / U.S. Department of State"): that
    block is the speaker's title, for whom they speak and the affiliation read from it."""
    text = stmt.context.text
    le = text.find("\n", m.end)
    if m.info.get("post_title") or text[m.end:le if le >= 0 else len(text)].strip(" *_,\t"):
        return  # the name does not end its line ("Statement by Ms. Rachel Hicks" does)
    a = text.find("\n", m.end, stmt.heading_end)
    if a < 0:
        return
    b = a
    for line in re.finditer(r"[^\n]+", text[a:stmt.heading_end]):
        if find_dates(line.group(0)) or not line.group(0).strip():
            break
        b = a + line.end()
    if b > a:
        m.info.update(post_title=(a + 1, b), titled=True)
        m.info.setdefault("title", " ".join(text[a + 1:b].split()))


# a statement a body makes as a whole: its chair's statement, its leaders' declaration or communiqué
_CHAIRS_STATEMENT = re.compile(r"\b(?:Co-)?Chair(?:man|person|woman)?[’']?s?[’']?\s+(?:statement|summary)\b|"
                               r"\bstatement\s+(?:by|of)\s+the\s+(?:Co-)?Chair(?:man|person|woman)?\b", re.I)

_COLLECTIVE = re.compile(r"\b(?:declaration|communiqu[eé]|joint\s+statement|statement\s+of\s+(?:the\s+)?(?:heads|leaders|"
                         r"ministers|foreign\s+ministers|member\s+states))\b", re.I)

_CHAIRED_BY = re.compile(r"\b(?:chaired|presided(?:\s+over)?|co-chaired)\s+by\s+|\bunder\s+the\s+(?:co-)?"
                         r"(?:chairmanship|chairpersonship|chair|presidency)\s+of\s+", re.I)


# a state named as where the meeting sat, on a line of its own after a city: "Valletta, Malta", "Suva, Fiji, 3 May"
_PLACE_LINE = re.compile(r"(?:^|\n)[ \t*_]*[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,2},[ \t]*(?:the[ \t]+)?$")


# a collective text headed by the body's name shortened to its last word: "Forum Communiqué", "Council Declaration"
_SHORT_NAMED = re.compile(r"[\s*_]*(?P<word>[A-Za-z-]+)\s+(?:communiqu[eé]|declaration)[\s*_]*$", re.I)


_ABOVE = 400  # how far above a heading the body it names by its last word may stand


def _named_above(stmt: Statement, hs: int, word: str) -> Entity | None:
    """The intergovernmental body whose name ends in ``word`` on the lines right above ``hs`` (the page's
    title block, even where that block belongs to no statement)."""
    text = stmt.context.text
    for h in reversed([h for h in stmt.context.hits or [] if max(0, hs - _ABOVE) <= h.start < hs and h.outer is None]):
        ent = next((f.entity for f in h.forms if f.entity is not None and f.entity.kind == "Organization"), None)
        if ent is not None and ent.attr("type") == "IntergovernmentalOrganization" \
                and text[h.start:h.end].split()[-1].casefold() == word.casefold():
            return ent
    return None


def _on_dateline(text: str, m: Mention) -> bool:
    """Whether the state at ``m`` ends a line that opens with a date ("18 OCTOBER 2025, MALTA"): where it met."""
    ls = text.rfind("\n", 0, m.start) + 1
    le = text.find("\n", m.end)
    dates = find_dates(text[ls:m.start].title())
    return bool(dates) and not text[m.end:le if le >= 0 else len(text)].strip(" \t*_.") and \
        not text[ls:m.start][dates[-1].end:].strip(" \t,–—-")


_ANNEX = re.compile(r"[\s*_]*annex\b", re.I)


def _annex_title(stmt: Statement) -> tuple[int, int] | None:
    """The annexed text's own title below an annex's heading ("Annex to the letter dated ..." above "Statement of
    the Ministers of ..."), up to the next blank line; None for any other heading."""
    text = stmt.context.text
    if not _ANNEX.match(text, head_start(stmt), stmt.heading_end):
        return None
    start = stmt.heading_end + len(text[stmt.heading_end:stmt.end]) - len(text[stmt.heading_end:stmt.end].lstrip())
    blank = text.find("\n\n", start, min(stmt.end, start + 300))
    return (start, blank) if blank >= 0 else None


def collective(stmt: Statement, hs: int) -> tuple[Entity, Mention | None] | None:
    """A body's own statement: "Chairman's Statement of the 27th ASEAN Regional Forum" (for the body, spoken by
    whoever the text says chaired it), "G7 Declaration on ...", "Statement of Heads of State of Member States of
    the SCO" (for the body, at its meeting). The body, and the chair when named."""
    text = stmt.context.text
    hs, he = _annex_title(stmt) or (hs, stmt.heading_end)
    heading = text[hs:he]
    chair = _CHAIRS_STATEMENT.search(heading)
    if not chair and not _COLLECTIVE.search(heading):
        # a news lead: "..., the BRICS leaders on Sunday emphasised ...": the body speaks, at its meeting (the
        # lead may be all the heading there is: a page that opens with its first paragraph)
        prose = len(heading.strip()) >= 100 and "\n" not in heading.strip() and heading.rstrip()[-1:] in ".!?\"”"
        if prose:
            together = lead_body(stmt, *sentence_bounds(text, hs, hs, stmt.heading_end))
        else:
            together = lead_body(stmt, *lead_sentence(stmt)) if layout().kind_of(heading) in (None, "news") else None
        return (together, None) if together is not None else None
    bodies = [m for m in stmt.mentions if hs <= m.start < he and m.entity.kind == "Organization"
              and not m.info.get("nested") and m.entity.attr("type") == "IntergovernmentalOrganization"]
    short = _SHORT_NAMED.match(heading)
    above = _named_above(stmt, hs, short.group("word")) if short and not bodies else None
    if above is not None:  # "SUMMIT COMMUNIQUÉ" below "... ANDEAN SUMMIT ...": the body named above, by its last word
        return above, None
    if not bodies or any(m.entity.kind == "State" and hs <= m.start < he and not m.info.get("nested")
                         and not _PLACE_LINE.search(text, max(hs, m.start - 40), m.start)
                         and not _on_dateline(text, m) for m in stmt.mentions):
        return None  # "Joint Statement of Russia and China" is the states'
    who = None
    if chair:
        bs, _ = first_sentence(stmt)
        for c in _CHAIRED_BY.finditer(text, bs, min(stmt.end, bs + 600)):
            who = next((p for p in stmt.mentions if p.entity.kind == "Person"
                        and c.end() <= p.start <= c.end() + 30), None)
            if who is not None:
                break
    return bodies[0].entity, who
