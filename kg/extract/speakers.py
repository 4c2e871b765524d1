"""Who spoke: a person the heading names as author ("Statement by ...", a byline block, "X's remarks"),
the speaker a news lead reports, the persons of a joint statement, the chair of a body's own statement;
and the office a byline gives below the speaker's name."""
from __future__ import annotations

import re

from kg.dates import find_dates
from kg.extract.behalf import un_release
from kg.extract.common import listed_after, sentence_bounds, titles
from kg.extract.header import below_heading, body_dateline, first_sentence, head_start, kind_words, lookback
from kg.extract.lead import lead_report, lead_sentence, lead_speaker, lead_state
from kg.extract.speakerlines import (ASKED, answered_by, attributed, field_speaker, persons_in, signature_block,
                                    signed)
from kg.layout import layout
from kg.model import Mention, Statement
from kg.segment import is_sentence

__all__ = ["speaker_mentions", "byline_office"]


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
    elif stmt.role in ("main", "item") and answered_by(stmt):
        chosen = answered_by(stmt)  # a parliamentary answer: its minister, not the member who asked
    else:
        for m in head:
            ts = m.info.get("title_start", m.start)
            if ASKED.search(text, max(hs, ts - 40), ts):
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
            chosen = attributed(stmt) or _named_below_heading(stmt) or _byline_author(stmt) or _lead_in(stmt)
        if not chosen and stmt.role in ("main", "item"):
            chosen = field_speaker(stmt) or _label_speakers(stmt) or _quoted_lead_person(stmt)
        if not chosen and stmt.role in ("main", "item") and kind not in _REPORTED:
            chosen = signature_block(stmt) or signed(stmt) or _office_holder(stmt)
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
    named = persons_in(stmt, at, at + 1)
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
        for m in persons_in(stmt, ps, pe):
            if _DELIVERED.match(text, m.end, pe):
                return [m]
    return []


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


def _label_speakers(stmt: Statement) -> list[Mention]:
    """A transcript's speakers: the persons whose titled (or known) names open a line as its label, before a
    colon ("Official Spokesperson, Ms. X: Good afternoon", "President of Y Z (retranslated): Dear friends")."""
    text = stmt.context.text
    out: list[Mention] = []
    for m in persons_in(stmt, stmt.heading_end, stmt.end):
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
        named = persons_in(stmt, cue.end(), min(be, cue.end() + 160))
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
    for m in persons_in(stmt, be, min(stmt.end, be + _QUOTE_REACH)):
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
    leads = {m.entity.key: m for m in persons_in(stmt, bs, be)}
    if not leads or _wire_report(stmt):
        return []  # (a wire report quoting several sides has no speaker of its own)
    quoted = []
    for m in persons_in(stmt, be, stmt.end):
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
