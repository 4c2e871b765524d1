"""Loading the gazetteers (``data/gazetteer/*.yaml``) once, and matching their names in text.

All surface forms of all gazetteers go into ONE Aho-Corasick automaton (pyahocorasick), so
that one pass over a statement finds every candidate and the longest match wins across
kinds ("ASEAN Regional Forum" over "ASEAN", "Latin American" over "American").
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import ahocorasick
import yaml

from kg.errors import GazetteerError
from kg.kinds import KINDS
from kg.model import Entity
from kg.paths import GAZETTEER_DIR

__all__ = ["Form", "Hit", "Lexicon", "load_yaml", "lexicon", "fold", "is_caps_line", "spelling_variants", "office_key",
           "unbroken", "ORG_TYPES"]

ORG_TYPES = KINDS["Organization"].subclasses

# one character in, one character out, so offsets in the folded text are offsets in the original
_FOLD = {ord(a): b for a, b in {"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-",
                                 "\u00a0": " ", "\n": " ", "\t": " "}.items()}


# ``str.translate`` leaves its ASCII fast path at the first curly quote and then looks every character
# up in the table; a ``str.replace`` per character that occurs runs in C (much faster here)
_FOLD_PAIRS = tuple((chr(a), b) for a, b in _FOLD.items())


def _norm_exact(text: str) -> str:
    """Quotes, dashes and spaces unified (what ``text.translate(_FOLD)`` gives)."""
    for a, b in _FOLD_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


def fold(text: str) -> str:
    """Lower-case and unify quotes, dashes and spaces without changing the length."""
    t = _norm_exact(text)
    low = t.lower()
    if len(low) == len(t):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in t)


@dataclass(frozen=True, slots=True)
class Form:
    """One surface form of one entity: how it may match and what it names."""

    text: str
    entity: Entity | None  # None for a blocked phrase
    form: str  # name | abbreviation | adjective | capital | metonym | surname | place | blocked
    case: str  # "exact": as written (or ALL CAPS in an all-caps line); "title": any case with a capital initial


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    forms: tuple[Form, ...]
    outer: "Hit | None" = None  # set when this name stands inside a longer one ("OPCW" in "OPCW Executive Council")


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it: several times faster


def load_yaml(path: Path) -> Any:
    """Parse one YAML file; errors name the file, line and column."""
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_LOADER)  # noqa: S506 - a safe loader
    except FileNotFoundError:
        raise GazetteerError(f"{path}: gazetteer file is missing; restore it from the repository") from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise GazetteerError(f"{path}:{where}: {e.problem or e}; fix the YAML syntax there") from None
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise GazetteerError(f"{path}: not readable YAML ({e})") from None


def _section(path: Path, key: str) -> dict[str, dict]:
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get(key), dict):
        raise GazetteerError(f"{path}: expected a top-level mapping '{key}:'; see the file's header comment")
    out = data[key]
    for k, v in out.items():
        if not isinstance(v, dict):
            raise GazetteerError(f"{path}: entry {k!r} must be a mapping of fields, not {type(v).__name__}")
        if "label" not in v:
            raise GazetteerError(f"{path}: entry {k!r} has no 'label'")
    return out


def _strs(path: Path, key: str, entry: dict, field: str) -> list[str]:
    v = entry.get(field) or []
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise GazetteerError(f"{path}: entry {key!r}: '{field}' must be a list of strings")
    return v


class Lexicon:
    """Every gazetteer entity, indexed by key and by surface form."""

    def __init__(self, folder: Path = GAZETTEER_DIR) -> None:
        self.folder = folder
        self.states: dict[str, Entity] = {}
        self.organizations: dict[str, Entity] = {}
        self.treaties: dict[str, Entity] = {}
        self.persons: dict[str, Entity] = {}
        self.places: dict[str, Entity] = {}
        self.capitals: dict[str, Entity] = {}  # capital name -> state
        self.org_data: dict[str, dict] = {}
        self.person_surnames: dict[str, list[Entity]] = {}
        self.surname_of: dict[str, str] = {}  # person key -> surname
        self.role_years: dict[str, list[tuple[int, int]]] = {}  # person key -> the years of their dated roles
        # (affiliation, office folded) -> who held it when: ("UN", "secretary-general") -> [(2017, 9999, Guterres)]
        self.office_holders: dict[tuple[str, str], list[tuple[int, int, Entity]]] = {}
        self.person_names: dict[str, Entity] = {}  # normalised full name -> person
        self.name_variants: dict[str, str] = {}  # variant token -> canonical token
        self.given_names: frozenset[str] = frozenset()  # first names that start a name even without a title
        self._forms: dict[str, list[Form]] = {}
        self._tables: dict[str, dict[str, Entity]] = {}  # kind -> its entities by key
        self._load()
        self._automaton = ahocorasick.Automaton()
        for key, forms in self._forms.items():
            self._automaton.add_word(key, (len(key), tuple(forms)))
        self._automaton.make_automaton()

    # ------------------------------------------------------------------ loading
    def _add(self, text: str, entity: Entity | None, form: str, case: str) -> None:
        text = text.strip()
        if not text:
            return
        self._forms.setdefault(fold(text), []).append(Form(text, entity, form, case))

    def _add_names(self, path: Path, key: str, entry: dict, ent: Entity) -> None:
        """A body's or treaty's names and abbreviations: single words ("Izvestia", "Taliban") must be
        written as they are; phrases may vary in case ("OPEN-ENDED WORKING GROUP" in a heading)."""
        for name in _names_with_label(entry, _strs(path, key, entry, "names")):
            for n in spelling_variants(name):
                self._add(n, ent, "name", "title" if " " in n.strip() else "exact")
        for n in _strs(path, key, entry, "abbreviations"):
            self._add(n, ent, "abbreviation", "exact")

    def _file(self, kind: str, table: dict[str, Entity]) -> Path:
        """The gazetteer file of ``kind`` (kg.kinds), whose entities go into ``table``."""
        self._tables[kind] = table
        return self.folder / str(KINDS[kind].gazetteer)

    def _load(self) -> None:
        self._load_variants()
        self._load_states()
        self._load_places()
        self._load_organizations()
        self._load_treaties()
        self._load_persons()

    def _load_variants(self) -> None:
        path = self.folder / "given_names.yaml"
        data = load_yaml(path) or {}
        names = data.get("given_names")
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise GazetteerError(f"{path}: expected 'given_names:' with a list of names")
        self.given_names = frozenset(names)
        path = self.folder / "name_variants.yaml"
        data = load_yaml(path) or {}
        for section in ("given_names", "surnames"):
            for canon, variants in (data.get(section) or {}).items():
                for v in variants or []:
                    self.name_variants[str(v)] = str(canon)

    def _load_states(self) -> None:
        path = self._file("State", self.states)
        data = load_yaml(path)
        if not isinstance(data, dict) or not isinstance(data.get("states"), dict):
            raise GazetteerError(f"{path}: expected a top-level mapping 'states:'")
        for key, e in data["states"].items():
            if not isinstance(e, dict) or "label" not in e:
                raise GazetteerError(f"{path}: entry {key!r} needs at least a 'label'")
            iso3 = e.get("iso3")
            ent = Entity("State", str(iso3 or key), e["label"],
                         (("iso3", iso3), ("official", e.get("official")), ("status", e.get("status"))))
            self.states[ent.key] = ent
            for n in [e["label"], *_strs(path, key, e, "names")]:
                self._add(n, ent, "name", "exact")
            if e.get("official"):
                self._add(e["official"], ent, "name", "exact")
            for n in _strs(path, key, e, "abbreviations"):
                self._add(n, ent, "abbreviation", "exact")
            for n in _strs(path, key, e, "adjectives"):
                self._add(n, ent, "adjective", "exact")
            for n in _strs(path, key, e, "capitals"):
                self._add(n, ent, "capital", "exact")
                self.capitals[n] = ent
            for n in _strs(path, key, e, "metonyms"):
                self._add(n, ent, "metonym", "exact")
        for phrase in data.get("blocked") or []:
            self._add(str(phrase), None, "blocked", "exact")

    def _load_places(self) -> None:
        path = self._file("Place", self.places)
        for key, e in _section(path, "places").items():
            ent = Entity("Place", str(key), e["label"], (("country", e.get("country")),))
            self.places[ent.key] = ent
            for n in [e["label"], *_strs(path, key, e, "names")]:
                self._add(n, ent, "place", "exact")

    def _load_organizations(self) -> None:
        path = self._file("Organization", self.organizations)
        for key, e in _section(path, "organizations").items():
            otype = e.get("type")
            if otype not in ORG_TYPES:
                raise GazetteerError(f"{path}: entry {key!r}: type {otype!r} is not one of {', '.join(ORG_TYPES)}")
            period = e.get("period")
            ent = Entity("Organization", str(key), e["label"], (
                ("type", otype), ("parent", e.get("parent")), ("family", e.get("family")),
                ("state", e.get("state")), ("requires", tuple(e.get("requires") or ())),
                ("period", tuple(str(p) for p in period) if period else None),
            ))
            self.organizations[ent.key] = ent
            self.org_data[ent.key] = e
            self._add_names(path, key, e, ent)
            for other in e.get("keys") or ():  # the key a pattern makes for it ("MFA-GBR" is the FCDO)
                self.organizations[str(other)] = ent

    def _load_treaties(self) -> None:
        path = self._file("Treaty", self.treaties)
        for key, e in _section(path, "treaties").items():
            ent = Entity("Treaty", str(key), e["label"], (("year", e.get("year")),))
            self.treaties[ent.key] = ent
            self._add_names(path, key, e, ent)

    def _load_persons(self) -> None:
        path = self._file("Person", self.persons)
        for key, e in _section(path, "persons").items():
            ent = Entity("Person", self.person_key(e["label"]), e["label"],
                         (("affiliation", e.get("affiliation")), ("gazetteer", str(key))))
            self.persons[ent.key] = ent
            for n in [e["label"], *_strs(path, key, e, "names")]:
                self._add(n, ent, "name", "exact")
                self.person_names[self.person_key(n)] = ent
            for role in _strs(path, key, e, "roles"):  # "Chair of ... (2019-2021)", "President (2000-2008; 2012-)"
                office = office_key(role.split("(")[0])
                for years in re.findall(r"\(([^()]*)\)", role):
                    for a, b in re.findall(r"(\d{4})\s*[-–]\s*(\d{4})?", years):
                        self.role_years.setdefault(ent.key, []).append((int(a), int(b or 9999)))
                        if e.get("affiliation"):
                            self.office_holders.setdefault((str(e["affiliation"]), office), []).append(
                                (int(a), int(b or 9999), ent))
            surname = e.get("surname")
            if surname:
                self.person_surnames.setdefault(str(surname), []).append(ent)
                self.surname_of[ent.key] = str(surname)
                if e.get("surname_alone"):
                    self._add(str(surname), ent, "surname", "exact")

    # ------------------------------------------------------------------ lookups
    def person_key(self, name: str) -> str:
        """Normalised identity of a person's name: variants unified, case and accents ignored."""
        from kg.iris import slug

        tokens = [self.name_variants.get(t, t) for t in re.split(r"\s+", name.strip())]
        return slug(" ".join(tokens))

    def find_person(self, name: str) -> Entity | None:
        return self.person_names.get(self.person_key(name))

    def describes(self, ent: Entity) -> bool:
        """Whether ``ent`` is one of the gazetteer's own entities (same kind and key): those are described
        once, in the reference graph, not in every document that names them."""
        known = self._tables.get(ent.kind, {}).get(ent.key)
        return known is not None and known.key == ent.key

    def entities(self) -> Iterator[Entity]:
        """Every entity of the gazetteer, once (an organization's extra pattern keys are not repeated)."""
        for table in self._tables.values():
            for key, ent in table.items():
                if ent.key == key:
                    yield ent

    def state(self, code: str) -> Entity | None:
        return self.states.get(code)

    def organization(self, org_id: str) -> Entity | None:
        return self.organizations.get(org_id)

    def find(self, kind: str, text: str) -> Entity | None:
        """The entity of ``kind`` whose key (as written, or upper-case) or one of whose names is ``text``."""
        table = self._tables.get(kind, {})
        found = table.get(text) or table.get(text.upper())
        return found or next((f.entity for f in self.lookup(text) if f.entity is not None and f.entity.kind == kind),
                             None)

    def lookup(self, name: str) -> list[Form]:
        """Every form whose text equals ``name`` (case-insensitively)."""
        return list(self._forms.get(fold(name.strip()), []))

    # ------------------------------------------------------------------ matching
    def scan(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Whole-word gazetteer matches in ``text[start:end]``, leftmost-longest, not overlapping."""
        end = len(text) if end is None else end
        segment = text[start:end]
        if _UNCLEAN.search(segment) is None:
            cands = self._candidates(segment, start, None)
        else:  # names broken by layout: read them in a cleaned copy, mapped back to the original offsets
            found = {}
            for clean, where in _cleaned(segment):
                found.update(((h.start, h.end), h) for h in self._candidates(clean, start, where))
            cands = list(found.values())
        cands.sort(key=lambda h: (h.start, -(h.end - h.start)))
        top = _leftmost_longest(cands)
        out: list[Hit] = list(top)
        starts = [h.start for h in cands]
        for outer in top:
            if any(f.form == "blocked" for f in outer.forms):
                continue
            mine = {(f.entity.kind, f.entity.key) for f in outer.forms if f.entity is not None}
            # "Third Meeting of States Parties to the Treaty ...": the series' name closing a numbered meeting's is
            # no name of its own there (the words inside it are: "the Treaty ..."); "... of the Non-Aligned Movement" is
            series = {("Organization", f.entity.attr("parent")) for f in outer.forms
                      if f.entity is not None and f.entity.attr("parent")}
            window = cands[bisect.bisect_left(starts, outer.start):bisect.bisect_left(starts, outer.end)]
            inner = [h for h in window if h.end <= outer.end and h is not outer
                     and not mine & {(f.entity.kind, f.entity.key) for f in h.forms if f.entity is not None}
                     and not (h.end == outer.end and series & {(f.entity.kind, f.entity.key) for f in h.forms
                                                               if f.entity is not None}
                              and not _OF_END.search(text, outer.start, h.start))]
            out += [Hit(h.start, h.end, h.forms, outer) for h in _leftmost_longest(inner)]
        out.sort(key=lambda h: (h.start, -(h.end - h.start)))
        return out

    def _candidates(self, segment: str, start: int, where: list[int] | None) -> list[Hit]:
        """Every whole-word match in ``segment``; ``where[i]`` is the offset in the statement's segment of the
        cleaned copy's character ``i`` (None when ``segment`` is the original)."""
        folded = fold(segment)
        cands: list[Hit] = []
        for last, (length, forms) in self._automaton.iter(folded):
            s = last - length + 1
            e = last + 1
            if s > 0 and (folded[s - 1].isalnum() or folded[s - 1] in "_"):
                continue
            if e < len(folded) and (folded[e].isalnum() or folded[e] in "_"):
                continue
            written = segment[s:e]
            ok = tuple(f for f in forms if f.text == written or _case_ok(f, written, segment, s, e))
            if ok:
                a, b = (s, e) if where is None else (where[s], where[e - 1] + 1)
                cands.append(Hit(start + a, start + b, ok))
        return cands


# What breaks a name in text taken from PDFs and page layouts: a soft hyphen or a zero-width character
# inside a word, a typographic ligature ("ﬁ"), a word hyphenated at the end of a line, a line break with
# indentation, several spaces. Two lines' worth of white space never joins a name (a paragraph break).
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
              "\ufb06": "st"}
_UNCLEAN = re.compile(f"[{_INVISIBLE}\ufb00-\ufb06]|\n[ \t\u00a0]|[ \t\u00a0]\n|[ \t\u00a0]{{2}}|-\n|(?<![\\w#])#(?=[A-Za-z])")
_HASHTAG = re.compile(r"(?<![\w#])#(?=[A-Za-z])")  # "the Third Meeting of States Parties to the #TPNW": a name's word
_HYPHEN_BREAK = re.compile("-[ \t\u00a0]*\n[ \t\u00a0]*(?=[a-z])")  # after a letter: checked where it matches


def _cleaned(segment: str) -> Iterator[tuple[str, list[int]]]:
    """Copies of ``segment`` with layout undone, each with the original offset of each of its characters.
    A word hyphenated at a line's end is read both joined ("Inter-|national") and hyphenated ("Open-|ended")."""
    spans = _hyphen_breaks(segment)
    tags = [(m.start(), m.end(), "") for m in _HASHTAG.finditer(segment)] if "#" in segment else []
    yield _rewrite(segment, [(a, b, "") for a, b in spans] + tags)
    if spans:
        yield _rewrite(segment, [(a, b, "-") for a, b in spans] + tags)


def unbroken(segment: str) -> tuple[str, list[int]] | None:
    """``segment`` with its words hyphenated at a line's end joined ("reso-|lution") and its layout undone, and the
    original offset of each character; None when no word is broken so."""
    spans = _hyphen_breaks(segment)
    return _rewrite(segment, [(a, b, "") for a, b in spans]) if spans else None


def _hyphen_breaks(segment: str) -> list[tuple[int, int]]:
    """The spans of the hyphens at a line's end, and the line break after them, that split a word."""
    return [m.span() for m in _HYPHEN_BREAK.finditer(segment) if m.start() and segment[m.start() - 1].isalpha()]


_RUN = re.compile(f"[{_INVISIBLE}]|[\ufb00-\ufb06]|[ \t\u00a0]+\n[ \t\u00a0]*|\n[ \t\u00a0]+|[ \t\u00a0]{{2,}}")


def _rewrite(segment: str, breaks: list[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """``segment`` with each hyphen break replaced as given, invisible characters dropped, ligatures spelt out and
    each run of white space made one space or one line break; and where each character came from."""
    edits = sorted(breaks + [(m.start(), m.end(), _replacement(m.group())) for m in _RUN.finditer(segment)
                             if not any(a <= m.start() < b for a, b, _ in breaks)])
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for a, b, rep in edits:
        out.append(segment[pos:a])
        where.extend(range(pos, a))
        out.append(rep)
        where.extend([a] * len(rep))
        pos = b
    out.append(segment[pos:])
    where.extend(range(pos, len(segment)))
    return "".join(out), where


def _replacement(run: str) -> str:
    if run in _LIGATURES:
        return _LIGATURES[run]
    if run[0] in _INVISIBLE:
        return ""
    return "\n" if "\n" in run else " "


def office_key(office: str) -> str:
    """An office's name folded for lookup: case, hyphens and spaces unified ("Secretary General" is
    "Secretary-General")."""
    return " ".join(fold(office).replace("-", " ").split())


_OF_END = re.compile(r"\bof\s+(?:the\s+)?$", re.I)


def _leftmost_longest(cands: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, leftmost first; of two that overlap, the longer ("The Hague Code of Conduct" is
    the code, not the city: the name starting inside the first and reaching further wins when it is longer)."""
    out: list[Hit] = []
    reach = -1
    for h in cands:
        if h.start >= reach:
            out.append(h)
            reach = h.end
        elif h.end > reach and h.end - h.start > out[-1].end - out[-1].start and \
                (len(out) < 2 or out[-2].end <= h.start):
            # the same name written two ways at once ("United Nations Group of ... on Developments ..."): both
            same = {f.entity for f in h.forms} & {f.entity for f in out[-1].forms} - {None}
            out[-1] = Hit(out[-1].start, h.end, h.forms) if same else h
            reach = h.end
    return out


_ORDINAL_DIGITS = {"First": "1st", "Second": "2nd", "Third": "3rd", "Fourth": "4th", "Fifth": "5th", "Sixth": "6th",
                   "Seventh": "7th", "Eighth": "8th", "Ninth": "9th", "Tenth": "10th"}
_ORDINAL_ROMAN = {"First": "I", "Second": "II", "Third": "III", "Fourth": "IV", "Fifth": "V", "Sixth": "VI",
                  "Seventh": "VII", "Eighth": "VIII", "Ninth": "IX", "Tenth": "X", "Eleventh": "XI"}
# British and American spellings of the words bodies' names are made of
_SPELLINGS = (("Behaviour", "Behavior"), ("behaviour", "behavior"), ("Organisation", "Organization"),
              ("organisation", "organization"), ("Programme", "Program"), ("Centre", "Center"),
              ("Defence", "Defense"), ("Labour", "Labor"))


def spelling_variants(name: str) -> list[str]:
    """``name`` and the ways it is also written: ordinals in digits ("1st Committee"), the other
    side's spelling ("Responsible State Behavior")."""
    out = [name]
    digits = re.sub(r"\b(" + "|".join(_ORDINAL_DIGITS) + r")\b", lambda m: _ORDINAL_DIGITS[m.group(1)], name)
    if digits != name:
        out.append(digits)
    # a conference's ordinal in Roman numerals, as title pages write it ("X Review Conference of the Parties ...")
    roman = re.sub(r"^(" + "|".join(_ORDINAL_ROMAN) + r")\b(?= Review Conference| Session)",
                   lambda m: _ORDINAL_ROMAN[m.group(1)], name)
    if roman != name:
        out.append(roman)
    if re.search(r"[A-Za-z]-[A-Za-z]", name):  # "Open-ended" is also written "Open Ended"
        out.append(re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", " ", name))
    for a, b in _SPELLINGS:
        for n in list(out):
            for x, y in ((a, b), (b, a)):
                if x in n:
                    out.append(n.replace(x, y))
    return list(dict.fromkeys(out))


def _names_with_label(entry: dict, names: list[str]) -> list[str]:
    """A body's label is also a name to look for only when it is distinctive (three words or more):
    "Foreign Affairs" (a journal) or "International Affairs" must not match the common phrase."""
    label = str(entry["label"])
    return names if label in names or len(label.split()) < 3 else [label, *names]


def _case_ok(form: Form, written: str, segment: str, s: int, e: int) -> bool:
    w = _norm_exact(written)
    f = _norm_exact(form.text)
    if w == f:
        return True
    if form.case == "title" and written[:1].isupper() and w.lower() == f.lower():
        return True
    # a long name in lower case is still that name ("a new open-ended working group on security of and in the use
    # of ..."), where a short one is a common phrase ("the working group")
    if form.case == "title" and w.lower() == f.lower() and len(f.split()) >= _LOWER_NAME_WORDS:
        return True
    # an ALL-CAPS heading ("THE RUSSIAN FEDERATION"): accept the upper-case form of a name
    if w == f.upper() and len(f) > 3 and _line_is_caps(segment, s, e):
        return True
    return False


_LOWER_NAME_WORDS = 6  # words a name needs to be read in lower case
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_LOWER = re.compile(r"[a-z]")


def is_caps_line(line: str, least: int = 8) -> bool:
    """A line written in capitals (an ALL-CAPS heading): ``least`` letters or more, none of them lower case."""
    if _ASCII_LOWER.search(line):  # most lines: settled at the first small letter, without listing the letters
        return False
    letters = _LETTER.findall(line)
    return len(letters) >= least and not any(c.islower() for c in letters)


# a transcript's label in capitals opening its line, after any time stamp ("[00:01:12] NORWAY:", "UNITED KINGDOM:"); the
# stamp as layout.yaml's turn_stamp writes it (kg.segment reads this module, so it cannot read that loader)
_CAPS_LABEL_BEFORE = re.compile(r"[ \t*_]*(?:[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])][ \t]*)?")
_CAPS_LABEL_AFTER = re.compile(r"[ \t]*:")


def _line_is_caps(segment: str, s: int, e: int) -> bool:
    ls = segment.rfind("\n", 0, s) + 1
    le = segment.find("\n", e)
    if _CAPS_LABEL_BEFORE.fullmatch(segment, ls, s) and _CAPS_LABEL_AFTER.match(segment, e):
        return True
    return is_caps_line(segment[ls: le if le >= 0 else len(segment)])


@functools.lru_cache(maxsize=4)
def lexicon(folder: Path = GAZETTEER_DIR) -> Lexicon:
    """The lexicon of ``folder``, loaded once per process."""
    return Lexicon(folder)


def iter_forms(lex: Lexicon) -> Iterator[Form]:
    for forms in lex._forms.values():
        yield from forms
