"""Organizations: the gazetteer (UN system, other intergovernmental bodies, national bodies,
media, parties, armed groups) plus patterns for national bodies ("Ministry of Foreign Affairs
of X", "X's Foreign Ministry", "Permanent Mission of X to Y", "Embassy of X") and media
("News Agency X", "the magazine X"). A generic mention of a recurring body ("the OEWG") is
resolved to the instance the statement speaks of (the OEWG 2019-2021 or 2021-2025)."""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Iterator

from kg.dates import find_dates
from kg.extract.common import hits, lex, sentence_bounds
from kg.extract.resolutions import find_symbols
from kg.extract.shortnames import founding_symbol, short_name_mentions
from kg.gazetteer import Hit, Lexicon
from kg.model import Entity, Mention, Statement

__all__ = ["defence_ministry", "name_key", "group_entity", "organizations", "national_body", "state_phrase", "context_date", "resolve_instance"]

_THE = re.compile(r"\b(Republic|Kingdom|Federation|United|Union|State|States|Emirates|Islands|Commonwealth|"
                  r"Principality|Duchy|Sultanate|Confederation|Holy See|Netherlands|Philippines|Bahamas|Gambia|"
                  r"Niger|Sudan|Comoros|Maldives)\b")


def state_phrase(state: Entity) -> str:
    """'the Russian Federation', 'France': the state's name as it reads inside a body's name."""
    name = state.attr("official") or state.label
    return f"the {name}" if _THE.search(name) and not name.startswith("the ") else name


def national_body(kind: str, state: Entity, target: Entity | None = None) -> Entity:
    """The canonical entity of a state's ministry, mission or embassy."""
    iso = state.key
    if kind == "MFA":
        key, label = f"MFA-{iso}", f"Ministry of Foreign Affairs of {state_phrase(state)}"
    elif kind == "PM":
        tkey = target.key if target is not None else "UN"
        tlabel = target.label if target is not None else "United Nations"
        key, label = f"PM-{iso}-{tkey}", f"Permanent Mission of {state_phrase(state)} to the {tlabel}"
    else:
        where = target.label if target is not None else None
        key = f"EMB-{iso}-{target.key.upper()}" if target is not None else f"EMB-{iso}"
        label = f"Embassy of {state_phrase(state)}" + (f" in {where}" if where else "")
    known = lex().organization(key)
    if known is not None:
        return known
    return Entity("Organization", key, label, (("type", "NationalBody"), ("state", iso)))


def defence_ministry(state: Entity, national: bool) -> Entity:
    """A state's ministry of defence (the gazetteer's, when it lists one: "RUS-MOD")."""
    key = f"{state.key}-MOD"
    known = lex().organization(key)
    if known is not None:
        return known
    name = f"the {state.label}" if _THE.search(state.label) else state.label  # its short name: "... of Chile"
    label = f"Ministry of {'National ' if national else ''}Defence of {name}"
    return Entity("Organization", key, label, (("type", "NationalBody"), ("state", state.key)))


_MFA_OF = re.compile(r"\b(?:Ministry of Foreign Affairs|Foreign Ministry|MFA|Ministry for Foreign Affairs|"
                     r"Ministry of External Affairs)\s+of\s+(?:the\s+)?(?P<state>[A-Z][\w’' -]{1,60}?)(?=[\s,.;:)]|$)")
_MFA_ADJ = re.compile(r"\b(?P<state>[A-Z][\w-]+(?:[’']s)?)\s+(?:Foreign Ministry|Ministry of Foreign Affairs|MFA|"
                      r"Foreign Office)\b")
_MFA_BARE = re.compile(r"(?<![\w-])(?:the\s+)?(?:Foreign Ministry|Ministry of Foreign Affairs|Ministry for Foreign "
                       r"Affairs|MFA)\b(?!\s+of\b)")
# a state's ministry of defence: "Ministry of National Defence of Chile", "Chile's Ministry of Defense", "the
# Chilean Ministry of National Defence" (the word "National" kept in its label, as such ministries are named)
_MOD = r"Ministry\s+of\s+(?P<nat>National\s+)?Defen[cs]e"
_MOD_OF = re.compile(r"\b" + _MOD + r"\s+of\s+(?:the\s+)?(?P<state>[A-Z][\w’' -]{1,60}?)(?=[\s,.;:)]|$)")
_MOD_ADJ = re.compile(r"\b(?P<state>[A-Z][\w-]+(?:[’']s)?)\s+" + _MOD + r"\b")
_MOD_BARE = re.compile(r"\bthe\s+(?P<name>" + _MOD + r")\b(?!\s+of\b)")
_MISSION = re.compile(r"\bPermanent Mission\s+of\s+(?:the\s+)?(?P<state>[A-Z][\w’' -]{1,60}?)\s+to\s+(?:the\s+)?"
                      r"(?P<target>[A-Z][\w.’' -]{1,60}?)(?=[\s,.;:)*]|$)")
_EMBASSY = re.compile(r"\bEmbassy\s+of\s+(?:the\s+)?(?P<state>[A-Z][\w’' -]{1,60}?)(?:\s+(?:in|to)\s+(?:the\s+)?"
                      r"(?P<target>[A-Z][\w’' -]{1,40}?))?(?=[\s,.;:)]|$)")
# a ministry's or government's department: "the Second European Department", "the Department of European
# Problems", "the US Department of Justice"
_DOCUMENT_NOUN = r"(?:Strategy|Report|Review|Policy|Doctrine|Plan|Budget|Statement|Guidance|Directive|Spokes\w+|Officials?)\b"
_DOCUMENT_AFTER = re.compile(r"[ \t]+" + _DOCUMENT_NOUN)
_DEPARTMENT = re.compile(r"(?<![\w-])(?P<name>(?:[A-Z][\w.-]*[ \t]+){0,4}Department(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
                         r"[A-Z][\w-]*(?:(?:[ \t]+(?:and|of|for|on)|[ \t]+(?:of|for)[ \t]+the)?[ \t]+(?!" + _DOCUMENT_NOUN +
                         r")[A-Z][\w-]*){0,5})?)")
# (a name never runs over a line end; "the Department of Defense Cyber Strategy" names the department)
# "Office of the Coordinator for Cyber Issues", "Office of the High Representative for Disarmament Affairs"
_OFFICE = re.compile(r"(?<![\w-])(?P<name>Office[ \t]+of[ \t]+(?:the[ \t]+)?(?:[A-Z][\w-]*[ \t]+){0,3}[A-Z][\w-]*"
                     r"(?:[ \t]+(?:for|on|of)[ \t]+(?:the[ \t]+)?[A-Z][\w-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w-]*){0,4})?)")
# named groups of states speaking together: "the Group of Friends in Defense of the Charter of the United Nations"
_GROUP = re.compile(r"\bGroup of Friends(?:[ \t]+(?:(?:of|in|for|on|the|and)[ \t]+)*[A-Z][\w-]*)+")
_MEDIA = re.compile(r"\b(?:News Agency|news agency|[Mm]agazine|[Nn]ewspaper|TV channel|[Jj]ournal)\s+[“\"«]?"
                    r"(?P<name>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4})[”\"»]?")
_MEDIA_WORDS = ("News Agency", "news agency", "agazine", "ewspaper", "TV channel", "ournal")  # one stands in every match


def _named_at(stmt: Statement, start: int, kinds: tuple[str, ...] = ("State",)) -> tuple[Entity, int] | None:
    """The entity (of ``kinds``) whose name is written at ``start``, and where that name ends."""
    for h in hits(stmt):
        if h.start == start and h.outer is None:
            for f in h.forms:
                if f.entity is not None and f.entity.kind in kinds:
                    return f.entity, h.end
    return None


def _patterns(stmt: Statement) -> Iterator[Mention]:
    text = stmt.context.text
    seg = text[stmt.start:stmt.end]
    off = stmt.start
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _MISSION.finditer(seg) if "Permanent Mission" in seg else ():
        state = _named_at(stmt, off + m.start("state"))
        if state is None:
            continue
        target = _named_at(stmt, off + m.start("target"), ("Organization",))
        ent = national_body("PM", state[0], target[0] if target else None)
        s, e = off + m.start(), (target[1] if target else state[1])
        taken.append((s, e))
        yield Mention(s, e, text[s:e], ent, "pattern")
    for m in _EMBASSY.finditer(seg) if "Embassy" in seg else ():
        state = _named_at(stmt, off + m.start("state"))
        if state is None or not free(off + m.start(), state[1]):
            continue
        s, e = off + m.start(), state[1]
        taken.append((s, e))
        yield Mention(s, e, text[s:e], national_body("EMB", state[0]), "pattern")
    ministry = "Ministry" in seg or "MFA" in seg or "Foreign Office" in seg
    for pat in (_MFA_OF, _MFA_ADJ):
        for m in pat.finditer(seg) if ministry else ():
            state = _named_at(stmt, off + m.start("state"))
            if state is None:
                continue
            s, e = off + m.start(), max(off + m.end(), state[1])
            if not free(s, e):
                continue
            taken.append((s, e))
            yield Mention(s, e, text[s:e], national_body("MFA", state[0]), "pattern")
    if "Defen" in seg:
        yield from _defence_ministries(stmt, taken)
    if "Ministry" in seg:
        yield from _state_ministries(stmt, taken)
    home = stmt.context.home_state
    if home is not None and ministry:
        for m in _MFA_BARE.finditer(seg):
            s, e = off + m.start(), off + m.end()
            if not free(s, e) or _inside_gazetteer_name(stmt, s, e):
                continue
            if m.group(0)[:1].islower() and not m.group(0).startswith("the "):
                continue
            taken.append((s, e))
            yield Mention(s, e, text[s:e], national_body("MFA", home), "pattern")
    yield from _offices(stmt, taken)
    for m in _GROUP.finditer(seg) if "Group of Friends" in seg else ():
        s, e = off + m.start(), off + m.end()
        if not free(s, e) or [f for f in lex().lookup(m.group(0)) if f.entity is not None]:
            continue
        taken.append((s, e))
        name = " ".join(m.group(0).split())
        ent = group_entity(name)
        yield Mention(s, e, text[s:e], ent, "pattern")
    for m in _MEDIA.finditer(seg) if any(w in seg for w in _MEDIA_WORDS) else ():
        s, e = off + m.start("name"), off + m.end("name")
        if not free(s, e) or _inside_gazetteer_name(stmt, s, e):
            continue
        name = m.group("name").strip()
        known = [f.entity for f in lex().lookup(name) if f.entity is not None]
        if known:
            continue  # the gazetteer reader reports it
        taken.append((s, e))
        ent = Entity("Organization", name_key("MEDIA", name), name,
                     (("type", "MediaOrganization"),))
        yield Mention(s, e, text[s:e], ent, "pattern")


def _offices(stmt: Statement, taken: list[tuple[int, int]]) -> Iterator[Mention]:
    """A government's departments and offices by their shape: "the Second European Department", "the US
    Department of Justice", "Office of the Coordinator for Cyber Issues" (a ministry named inside one stays
    a mention of its own: "Arms Control Department of the Chinese Foreign Ministry")."""
    text = stmt.context.text
    seg = text[stmt.start:stmt.end]
    for pat, word in ((_DEPARTMENT, "Department"), (_OFFICE, "Office of")):
        for m in pat.finditer(seg) if word in seg else ():
            s, e = stmt.start + m.start("name"), stmt.start + m.end("name")
            lead = re.match(r"(?:The|This|That|Our|Each|Every|Its|Their)\s+", text[s:e])
            s += lead.end() if lead else 0
            if len(text[s:e].split()) < 2 or any(a < e and s < b and not (s <= a and b <= e) for a, b in taken) \
                    or _inside_gazetteer_name(stmt, s, e) or _known_name(stmt, s, e):
                continue
            doc = _DOCUMENT_AFTER.match(text, e)
            if doc:  # "the Department of Defense Cyber Strategy": the department, then its document
                head = re.match(r".*?(?:Department|Office)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w-]*", text[s:e])
                e = s + head.end() if head else e
            state, s = _office_owner(stmt, s, e)
            name = " ".join(text[s:e].split())
            if state is None or name in ("Department", "Office"):
                continue
            taken.append((s, e))
            for inner in stmt.mentions:  # already read: a ministry inside the name stays a mention of its own
                if inner.entity.kind == "Organization" and s <= inner.start and inner.end <= e:
                    inner.info["nested"] = True
            key = name_key(f"DEPT-{state.key}", name)
            known = lex().organization(key)
            ent = known or Entity("Organization", key, name, (("type", "NationalBody"), ("state", state.key)))
            yield Mention(s, e, text[s:e], ent, "pattern")


def _known_name(stmt: Statement, s: int, e: int) -> bool:
    return any(h.start <= s and e <= h.end and h.outer is None
               and any(f.entity is not None and f.entity.kind == "Organization" for f in h.forms) for h in hits(stmt))


def _office_owner(stmt: Statement, s: int, e: int) -> tuple[Entity | None, int]:
    """The state a department or office belongs to, and where its name starts: the state written first
    ("US Department of Justice"), the state or ministry just before ("Russia's ..."), the government body
    named right after it ("Office of ...\nU.S. Department of State"), else the page's own state."""
    text = stmt.context.text
    owner = _named_at(stmt, s)
    if owner is not None:
        return owner[0], owner[1] + 1
    for inner in stmt.mentions:  # "the Policy Department of the Swedish Foreign Ministry": the ministry's state
        if s <= inner.start and inner.end <= e and inner.entity.kind == "Organization" and inner.entity.attr("state"):
            state = lex().state(inner.entity.attr("state"))
            if state is not None:
                return state, s
    before = re.search(r"(?:(?P<st>[A-Z][\w’' -]{1,40}?)(?:[’']s)?\s+)$", text[max(stmt.start, s - 45):s])
    prior = _named_at(stmt, s - len(before.group(0))) if before else None
    if prior is not None:
        return prior[0], s
    gap = re.match(r"[ \t]*\n[ \t]*(?:the\s+)?", text[e:e + 8])  # a byline's next line (a comma may start a list)
    body = _named_at(stmt, e + gap.end(), ("Organization", "State")) if gap else None
    if body is not None and body[0].kind == "Organization" and body[0].attr("state"):
        return lex().state(body[0].attr("state")), s
    return stmt.context.home_state, s


def _defence_ministries(stmt: Statement, taken: list[tuple[int, int]]) -> Iterator[Mention]:
    """"Ministry of National Defence of Chile", "Peru's Ministry of Defense", and bare "the Ministry of Defence"
    on a page whose own state is known; not where ``taken`` (spans read already) or the gazetteer names a body."""
    text = stmt.context.text

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken) and not _gazetteer_org_at(stmt, s, e)

    for pat in (_MOD_OF, _MOD_ADJ):
        for m in pat.finditer(text, stmt.start, stmt.end):
            state = _named_at(stmt, m.start("state"))
            if state is None or not free(m.start(), max(m.end(), state[1])):
                continue
            taken.append((m.start(), max(m.end(), state[1])))
            yield Mention(m.start(), taken[-1][1], text[m.start():taken[-1][1]],
                          defence_ministry(state[0], bool(m.group("nat"))), "pattern")
    home = stmt.context.home_state
    for m in _MOD_BARE.finditer(text, stmt.start, stmt.end) if home is not None else ():
        if free(m.start("name"), m.end()):
            taken.append((m.start("name"), m.end()))
            yield Mention(m.start("name"), m.end(), text[m.start("name"):m.end()],
                          defence_ministry(home, bool(m.group("nat"))), "pattern")


# a state's ministry named by its portfolio: "Kenya's Ministry of Information, Communications and the Digital
# Economy", "the Chilean Ministry of Science", "Ministry of Health of Peru" (the name ends where the capitals do)
_CAPS = r"(?-i:[A-Z])[\w-]*(?:[ \t]+(?-i:[A-Z])[\w-]*)*"
_PORTFOLIO = (r"(?P<name>(?:Federal[ \t]+)?Ministry[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?" + _CAPS + r"(?:(?:,[ \t]+" + _CAPS +
              r")*,?[ \t]+and[ \t]+(?:the[ \t]+)?" + _CAPS + r")?)")
_MINISTRY = re.compile(r"\b" + _PORTFOLIO + r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?"
                       r"(?P<state>(?-i:[A-Z])[\w’' -]{1,60}?)(?=[\s,.;:)]|$))?")


def _state_before(stmt: Statement, pos: int) -> Entity | None:
    """The state named right before ``pos``: "Kenya's ", "the Chilean "."""
    text = stmt.context.text
    for h in hits(stmt):
        if h.outer is None and pos - 4 <= h.end < pos and re.fullmatch(r"(?:[’']s)?[ \t]+", text[h.end:pos]):
            return next((f.entity for f in h.forms if f.entity is not None and f.entity.kind == "State"
                         and f.form not in ("capital", "metonym")), None)
    return None


def _state_ministries(stmt: Statement, taken: list[tuple[int, int]]) -> Iterator[Mention]:
    """A state's ministry by its portfolio, where the state is named with it and no other reader has the words (a
    foreign or defence ministry, a ministry the gazetteer lists)."""
    text = stmt.context.text
    for m in _MINISTRY.finditer(text, stmt.start, stmt.end):
        s, e = m.start("name"), m.end("name")
        after = _named_at(stmt, m.start("state")) if m.group("state") else None
        state = after[0] if after is not None else _state_before(stmt, s)
        if state is None or any(a < e and s < b for a, b in taken) or _gazetteer_org_at(stmt, s, e):
            continue
        name = " ".join(text[s:e].split())
        taken.append((s, e))
        # the gazetteer's entry where it lists the ministry with its state ("Ministry of State Security of China")
        known = [f.entity for f in lex().lookup(f"{name} of {state.label}") if f.entity is not None
                 and f.entity.kind == "Organization"]
        ent = known[0] if known else Entity("Organization", name_key(f"MIN-{state.key}", name), name,
                                            (("type", "NationalBody"), ("state", state.key)))
        yield Mention(s, e, text[s:e], ent, "pattern")


def _gazetteer_org_at(stmt: Statement, s: int, e: int) -> bool:
    """Whether the gazetteer names a body over any part of ``[s, e)``."""
    return any(h.start < e and s < h.end and any(f.entity is not None and f.entity.kind == "Organization"
                                                 for f in h.forms) for h in hits(stmt))


def _inside_gazetteer_name(stmt: Statement, s: int, e: int) -> bool:
    for h in hits(stmt):
        if h.start <= s and e <= h.end and (h.end - h.start) > (e - s):
            return any(f.entity is not None and f.entity.kind == "Organization" for f in h.forms)
    return False


# ---------------------------------------------------------------- instances of recurring bodies
@functools.lru_cache(maxsize=1)
def _families() -> dict[str, list[Entity]]:
    fam: dict[str, list[Entity]] = {}
    for ent in lex().organizations.values():
        if ent.attr("family") and ent.attr("period"):
            fam.setdefault(ent.attr("family"), []).append(ent)
    for members in fam.values():
        members.sort(key=lambda e: e.attr("period")[0])
    return fam


def context_date(stmt: Statement) -> dt.date | None:
    """The date a statement speaks from: its heading date, its listing date, or its GA session."""
    if "context_date" in stmt.cache:
        return stmt.cache["context_date"]
    found = None
    head = find_dates(stmt.context.text, stmt.start, stmt.heading_end)
    iso = head[-1].iso if head else stmt.listing_date
    if iso:
        found = dt.date.fromisoformat(iso)
    elif stmt.parent is not None:
        found = context_date(stmt.parent)
    elif stmt.context.session:
        found = dt.date(1945 + stmt.context.session, 10, 15)
    stmt.cache["context_date"] = found
    return found


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
# "the final reports of the OEWG", "the outcomes of the OEWG and (of) the GGE": a body whose work is done
_REPORT_OF = re.compile(r"\b(?:reports?|outcomes?|results|conclusions|recommendations)\s+of\s+(?:the\s+)?"
                        r"(?:[^.;]{0,100}?\band\s+(?:of\s+)?(?:the\s+)?)?$", re.I)
_YEAR_BEFORE = re.compile(r"\b(?:the|its|their|his|her)\s+((?:19|20)\d{2})\b[^.;\n]{0,20}$", re.I)


_PREVIOUS = re.compile(r"\b(?:previous|preceding|last|former|past|earlier)\s+(?:un\s+)?$", re.I)
# the years of a group in brackets after its (maybe longer) name, within its sentence: "(2019-2021)"
_SPAN_AFTER = re.compile(r"[^.;()\n]{0,160}?\(\s*((?:19|20)\d{2})\s*[-–]\s*(?:19|20)?\d{2}\s*\)")
_PLURAL = re.compile(r"\b(?:Groups|Committees|Councils|Conferences|Commissions|Meetings)\b")
_REPORTS_AFTER = re.compile(r"(?:[’']s)?\s+(?:\w+\s+)?reports\b", re.I)
_YEAR_AFTER = re.compile(r"(?:[’']s)?\s+(?:(?:final|consensus|substantive)\s+)?report\s+(?:of|in|from)\s+((?:19|20)\d{2})\b|"
                         r"\s+(?:was|were|had\s+been)\s+(?:established|created|set\s+up|convened|launched)\s+in\s+"
                         r"((?:19|20)\d{2})\b", re.I)  # "the GGE report in 2015", "the OEWG was established in 2019"


def resolve_instance(stmt: Statement, ent: Entity, start: int, end: int, heading_instances: list[Entity],
                     named: list[Entity] = ()) -> Entity:
    """The instance of the recurring body ``ent`` that the mention at ``[start, end)`` means; ``named`` are the
    instances the statement names in full (the one of them, when no date tells which one sits)."""
    members = _families().get(ent.key)
    if not members:
        return ent
    text = stmt.context.text
    before = text[max(stmt.start, start - 30):start].lower()
    m = re.search(r"\b(first|second|third|fourth|fifth|sixth|seventh)\s+(?:un\s+)?$", before)
    if m and _ORDINALS[m.group(1)] <= len(members):
        return members[_ORDINALS[m.group(1)] - 1]
    after = text[end:min(stmt.end, end + 60)]
    plural = text[end:end + 1] == "s" or _PLURAL.search(text, start, end) is not None  # "GGEs", "UN Groups of ..."
    if plural or _REPORTS_AFTER.match(after):
        return ent  # "previous GGEs", "the three consensus GGE reports of 2010, 2013 and 2015": the series
    span = _SPAN_AFTER.match(text, end, min(stmt.end, end + 200))
    if span:  # "the Open-ended Working Group on ... security (2019-2021)": the group of those years
        begun = [e for e in members if e.attr("period")[0][:4] == span.group(1)]
        if len(begun) == 1:
            return begun[0]
    y = _YEAR_BEFORE.search(before) or _YEAR_AFTER.match(after)
    if y:  # "the 2015 report of the GGE", "the GGE report in 2015", "the 2019-2021 OEWG"
        year = next(g for g in y.groups() if g)
        dated = [e for e in members if e.attr("period")[0][:4] <= year <= e.attr("period")[1][:4]]
        if dated:
            return dated[-1]
    s0, s1 = sentence_bounds(text, start, stmt.start, stmt.end)
    symbol = founding_symbol(text, end, min(stmt.end, end + 120))
    if symbol:  # "the OEWG established by General Assembly resolution 73/27": the group that resolution set up
        founded = [e for e in members if lex().org_data.get(e.key, {}).get("established_by") == symbol]
        if len(founded) == 1:
            return founded[0]
    near = text[max(s0, start - 60):min(s1, end + 100)]
    symbols = {sym.key for _, _, sym, _ in find_symbols(near)}
    founded = [e for e in members if lex().org_data.get(e.key, {}).get("established_by") in symbols]
    if len(founded) == 1:  # "the OEWG, convened pursuant to resolution 73/27"
        return founded[0]
    when = context_date(stmt)
    if when is not None and re.search(r"\bnew\s+(?:UN\s+)?$", before, re.I):
        # "the new OEWG": the latest instance begun by then, or about to begin
        soon = [e for e in members if dt.date.fromisoformat(e.attr("period")[0]) <= when + dt.timedelta(days=365)]
        if soon:
            return soon[-1]
    active = [] if when is None else [e for e in members if dt.date.fromisoformat(e.attr("period")[0]) <= when
                                      <= dt.date.fromisoformat(e.attr("period")[1])]
    if when is not None and _PREVIOUS.search(before):  # "the previous OEWG", "the last GGE": the one done by then
        done = [e for e in members if dt.date.fromisoformat(e.attr("period")[1]) <= when]
        return done[-1] if done else ent
    # its reports, or (when none sits) its report named in the sentence ("the Chair of the GGE, X, for
    # introducing the Report of the Group"): the group that last ended, within a year
    if when is not None and (_REPORT_OF.search(text[max(s0, start - 140):start])
                             or re.match(r"(?:[’']s)?\s+(?:final\s+|substantive\s+|consensus\s+)?reports?\b", text[end:end + 30])
                             or not active and re.search(r"\breport\b", text[s0:s1], re.I)):
        ended = [e for e in members
                 if dt.date.fromisoformat(e.attr("period")[1]) <= when
                 and (when - dt.date.fromisoformat(e.attr("period")[1])).days <= 400]
        if ended:
            return ended[-1]
    for h in heading_instances:
        if h.attr("family") == ent.key:
            return h
    if active:
        return active[-1]  # "the current OEWG", "the OEWG" while one sits
    here = {e.key: e for e in named if e.attr("family") == ent.key}
    return next(iter(here.values())) if len(here) == 1 and when is None else ent


def _requires_met(stmt: Statement, ent: Entity, quote: str, lexicon: Lexicon) -> bool:
    need = ent.attr("requires") or ()
    if not need:
        return True
    doc = stmt.context.text
    for rid in need:
        other = lexicon.organization(rid)
        forms = [rid] + ([other.label] if other else []) + list(lexicon.org_data.get(rid, {}).get("abbreviations") or [])
        if any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", quote) for f in forms):
            return True
        if any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", doc[stmt.start:stmt.end]) for f in forms):
            return True
    return False


# a generic body word ("Secretariat") that another body owns: qualified before it ("General Secretariat",
# "Permanent Secretariat"), or "of" a body that is not the one it is read for ("Secretariat of the Council")
_QUALIFIED = re.compile(r"(?-i:[A-Z])[\w-]+[ \t]+$")
_OF_ANOTHER = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?(?!United Nations\b|UN\b|U\.N\.)(?-i:[A-Z])")


def _anothers_generic(text: str, start: int, end: int) -> bool:
    """Whether the bare generic word at ``start:end`` names another body's organ, not the one it is read for."""
    before = _QUALIFIED.search(text, max(0, start - 30), start)
    return (before is not None and before.group(0).strip().lower() not in ("the", "this", "our", "a")) \
        or _OF_ANOTHER.match(text, end) is not None


def name_key(prefix: str, name: str) -> str:
    """The key of a body read by its shape: ``prefix`` and the name in capitals, words joined by "-"."""
    return prefix + "-" + re.sub(r"[^A-Z0-9]+", "-", name.upper()).strip("-")


def group_entity(name: str) -> Entity:
    """A group of states known by a description, not a gazetteer name ("Group of Friends in Defense of the
    Charter of the United Nations", "like-minded States")."""
    return Entity("Organization", name_key("GROUP", name), name,
                  (("type", "IntergovernmentalOrganization"),))


# a short capitals code listed beside others: "Joint Secretary [EG & IT and CD]" names divisions, not bodies
_CODE_BESIDE = re.compile(r"(?:^|[\s\[(,/])[A-Z]{2,4}\s*(?:&|and|,|/)\s*$")
_CODE_AFTER = re.compile(r"\s*(?:&|and|,|/)\s*[A-Z]{2,4}(?:$|[\s\]),/])")


def _in_code_list(text: str, hit: Hit) -> bool:
    """Whether a short abbreviation stands in a list of codes the gazetteer does not know."""
    if hit.end - hit.start > 4:
        return False
    before = _CODE_BESIDE.search(text, max(0, hit.start - 12), hit.start)
    after = _CODE_AFTER.match(text, hit.end, hit.end + 12)
    codes = [m.group(0).strip(" [(,/&") for m in (before, after) if m]
    codes = [re.sub(r"\b(?:and)\b|[&,/\s\])]", "", c) for c in codes]
    return bool(codes) and all(not lex().lookup(c) for c in codes if c)


def _part_of_name(inner: Entity, outer: list[Entity]) -> bool:
    """Whether the body ``inner``, named inside the name of a known body (``outer``), only helps spell that name:
    the department of a ministry names the ministry it belongs to ("Department X of the Ministry of Foreign
    Affairs", its parent), the directorate of a general staff does not name the armed forces it serves."""
    orgs = [o for o in outer if o.kind == "Organization"]
    return bool(orgs) and all(inner.key not in _ancestors(o) for o in orgs)


def _ancestors(ent: Entity) -> set[str]:
    keys: set[str] = set()
    parent = ent.attr("parent")
    while parent and parent not in keys:
        keys.add(parent)
        found = lex().organization(parent)
        parent = found.attr("parent") if found is not None else None
    return keys


def organizations(stmt: Statement) -> Iterator[Mention]:
    text = stmt.context.text
    lexicon = lex()
    found: list[Mention] = []
    for hit in hits(stmt):
        outer = [f.entity for f in hit.outer.forms if f.entity is not None] if hit.outer is not None else []
        for f in hit.forms:
            ent = f.entity
            if ent is None or ent.kind != "Organization":
                continue
            if any(o.kind in ("Person", "Treaty") or o.attr("family") == ent.key or o.key == ent.key for o in outer):
                continue  # "Group of Governmental Experts" inside the name of one particular Group; "United
                # Nations" inside "Charter of the United Nations" (the treaty is the mention)
            if outer and f.form == "name" and " " not in f.text:
                continue  # a bare word ("Secretariat") inside a longer name names nothing by itself
            if outer and not re.search(r"\bof\s+(?:the\s+)?$", text[hit.outer.start:hit.start], re.I):
                continue  # "UN" in "UN General Assembly" qualifies the Assembly; "... of the Ministry" names one
            if outer and _part_of_name(ent, outer):
                continue  # "... of the General Staff of the Armed Forces of X": a body the outer one is not part of
            quote = text[hit.start:hit.end]
            if not _requires_met(stmt, ent, quote, lexicon) or (f.form == "abbreviation" and _in_code_list(text, hit)):
                continue
            if ent.attr("requires") and " " not in quote and _anothers_generic(text, hit.start, hit.end):
                continue
            found.append(Mention(hit.start, hit.end, quote, ent, f.form, {"nested": True} if hit.outer else {}))
            break
    found = sorted(found + list(short_name_mentions(stmt, found)), key=lambda m: m.start)
    yield from _resolved(stmt, found)
    yield from _patterns(stmt)


def _resolved(stmt: Statement, found: list[Mention]) -> Iterator[Mention]:
    """``found`` with each generic mention of a recurring body set to the instance it means."""
    text = stmt.context.text
    heading = [m.entity for m in found if m.start < stmt.heading_end and m.entity.attr("family")]
    if stmt.parent is not None:  # a transcript turn speaks of the bodies its page's heading names
        heading += [m.entity for m in stmt.parent.mentions if m.start < stmt.parent.heading_end and m.entity.attr("family")]
    named = [m.entity for m in found if m.entity.attr("family")]
    prev: Mention | None = None
    said: dict[str, Entity] = {}  # what each body named so far was read as
    for m in found:
        raw = m.entity.key
        if prev is not None and re.fullmatch(r"\s*\(", text[prev.end:m.start]) and \
                (prev.entity.attr("family") == m.entity.key or prev.entity.key == m.entity.key):
            m.entity = prev.entity  # "the Open-ended Working Group (OEWG)": the abbreviation names the same body
        elif m.form == "short" and raw in said:
            m.entity = said[raw]  # "the Working Group": the group named before, as it was read there
        else:
            m.entity = resolve_instance(stmt, m.entity, m.start, m.end, heading, named)
        said[raw] = m.entity
        prev = m
        yield m
