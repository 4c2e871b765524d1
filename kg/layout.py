"""The layout rules of ``data/gazetteer/layout.yaml``, compiled once: what page chrome, headings, salutations,
letterheads, transcript labels, datelines and speaker lines look like, and which statement kind a heading names.
The segmenter (:mod:`kg.segment`) and the readers of :mod:`kg.extract` ask the same :func:`layout`."""
from __future__ import annotations

import functools
import re

from kg.errors import GazetteerError
from kg.gazetteer import load_yaml
from kg.paths import GAZETTEER_DIR

__all__ = ["Layout", "layout"]


class Layout:
    """The compiled layout rules of ``data/gazetteer/layout.yaml``."""

    def __init__(self, path=GAZETTEER_DIR / "layout.yaml") -> None:
        data = load_yaml(path)
        try:
            self._chrome_any = _any_of([str(p) for p in data["chrome_lines"]])
            self._inline_any = _any_of([str(p) for p in data["inline_chrome"]])
            self.listing = re.compile(data["listing_item"])
            self.record_header = re.compile(data["record_header"], re.I)
            self.translation_label = re.compile(data["translation_label"], re.I)
            self.comment_thread = re.compile(data["comment_thread"], re.I)
            self.comment_thread_words = _words(data["comment_thread_words"])
            self.annex_heading = re.compile(data["annex_heading"], re.I)
            self.bulletin_section = re.compile(data["bulletin_section"])
            self.annex_letter_date = re.compile(data["annex_letter_date"], re.I)
            self.annex_reference = re.compile(data["annex_reference"], re.I)
            self.link_list_label = re.compile(data["link_list_label"], re.I)
            self.contact_label = re.compile(data["contact_label"], re.I)
            self.footer_link = re.compile(data["footer_link"], re.I)
            self.kinds_first = [(str(k), re.compile(p, re.I)) for k, p in data["kinds_first"]]
            self.kinds = [(str(k), re.compile(p, re.I)) for k, p in data["kinds"]]
            self.kinds_last = [(str(k), re.compile(p, re.I)) for k, p in data["kinds_last"]]
            self.turn_roles = re.compile(data["turn_roles"], re.I)
            self.turn_delegation = re.compile(data["turn_delegation"], re.I)
            self.turn_person = re.compile(data["turn_person"], re.I)
            self.turn_titled = re.compile(data["turn_titled"])
            self.turn_behalf = re.compile(data["turn_behalf"], re.I)
            self.turn_stamp = re.compile(data["turn_stamp"])
            self.procedural_turn = re.compile(data["procedural_turn"], re.I)
            self.procedural_turn_chars = int(data["procedural_turn_chars"])
            self.one_voice_kinds = frozenset(str(k) for k in data["one_voice_kinds"])
            self.reporting_verbs = re.compile(data["reporting_verbs"])
            self.letterhead = re.compile(data["letterhead"], re.I)
            self.rule_line = re.compile(data["rule_line"])
            stamp = "(?:" + str(data["dateline_stamp"]) + ")?"
            self.datelines = [re.compile(stamp + str(p)) for p in data["datelines"]]
            self.place_field = re.compile(data["place_field"], re.I)
            self.not_places = re.compile(data["not_places"], re.I)
            self.section_label = re.compile(data["section_label"], re.I)
            self.site_section = re.compile(data["site_section"], re.I)
            self.place_clauses = re.compile("(?:" + "|".join(str(p) for p in data["place_clauses"]) + ")", re.I)
            # dated lines (kg/extract/header.py, dating.py) and lines naming a speaker (kg/extract/speakers.py)
            self.delivery_label = re.compile(data["delivery_label"], re.I)
            self.delivery_label_words = _words(data["delivery_label_words"])
            self.posting_label = re.compile(data["posting_label"], re.I)
            self.upload_stamp = re.compile(data["upload_stamp"], re.I)
            self.clock_time = re.compile(data["clock_time"], re.I)
            self.speaker_field = re.compile(data["speaker_field"], re.I | re.M)
            self.moderator_mark = re.compile(data["moderator_mark"], re.I | re.M)
            self.header_field = re.compile(data["header_field"], re.I)
            self.speaker_cue = re.compile(data["speaker_cue"], re.I)
            self.speaker_passive = re.compile(data["speaker_passive"], re.I)
            self.speaker_caps_label = re.compile(data["speaker_caps_label"], re.M)
            self.speaker_label_end = re.compile(data["speaker_label_end"])
            self.quote_before = re.compile(data["quote_before"], re.I)
            self.quote_after = re.compile(data["quote_after"], re.I)
            words = sorted({str(w).lower() for w in data["salutation_words"]}, key=len, reverse=True)
            self._salutation = re.compile(r"[\s*_]*(?:(?:" + "|".join(re.escape(w) for w in words) +
                                          r")(?![\w-])[\s,.!:;]*)+", re.I)
        except (KeyError, TypeError, ValueError) as e:
            missing = f"the rule {e}" if isinstance(e, KeyError) else f"a rule of the wrong shape ({e})"
            raise GazetteerError(f"{path}: needs {missing}: every rule the file documents must be there, "
                                 f"as a pattern or a list as documented") from None
        except re.error as e:
            raise GazetteerError(f"{path}: bad regular expression {e.pattern!r}: {e}") from None
        # (the same lines and headings are asked about by the segmenter and again by several readers: answered once)
        self.is_chrome = functools.lru_cache(maxsize=1 << 16)(self._is_chrome)
        self.kind_of = functools.lru_cache(maxsize=1 << 16)(self._kind_of)

    def _is_chrome(self, line: str) -> bool:
        """Whether ``line`` is page chrome (a menu, a breadcrumb, a share bar, a footer); ``is_chrome``."""
        return any(p.search(line) for p in self._chrome_any) or self.is_inline_chrome(line)

    def is_inline_chrome(self, line: str) -> bool:
        """Chrome that may stand inside an article (a share bar, an audio player): no edge of the page's top."""
        return any(p.search(line) for p in self._inline_any)

    def is_salutation(self, line: str) -> bool:
        """Whether ``line`` only greets ("Mr. Chair,", "Thank you, Madam President."): a speech's opening
        words, before its first sentence."""
        s = line.strip()
        return 0 < len(s) <= 80 and s[-1] in ",.!:" and self._salutation.fullmatch(s) is not None

    def _kind_of(self, heading: str) -> str | None:
        """The kind of statement ``heading`` names, if any; ``kind_of``."""
        bare = re.sub(r"[“\"«][^”\"»]*[”\"»]", " ", heading)
        for kind, pat in self.kinds_first:
            if pat.search(bare):
                return kind
        found = [(m.start(), kind) for kind, pat in self.kinds for m in [pat.search(bare)] if m]
        if found:
            return min(found)[1]
        return next((kind for kind, pat in self.kinds_last if pat.search(bare)), None)


def _top_level_alternation(pattern: str) -> bool:
    """Whether ``pattern`` has a ``|`` outside any group or character class."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                i += 1
            if pattern[i + 1:i + 2] == "]":  # a "]" first in a class is a character
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def _any_of(patterns: list[str]) -> list[re.Pattern]:
    """Patterns that match a line when one of ``patterns`` does (case-insensitively): those anchored at
    the line start joined under one ``^`` (a line then fails them all at its first characters, where
    sixteen separate searches cost sixteen calls), the others kept apart."""
    def joinable(p: str) -> bool:  # a back-reference would point at another group once joined
        return p.startswith("^") and not _top_level_alternation(p) and not re.search(r"\\[1-9]|\(\?P=", p)

    anchored = [p[1:] for p in patterns if joinable(p)]
    rest = [p for p in patterns if not joinable(p)]
    try:
        joined = [re.compile("^(?:" + "|".join(f"(?:{p})" for p in anchored) + ")", re.I)] if anchored else []
    except re.error:  # two patterns naming a group alike: keep all apart
        return [re.compile(p, re.I) for p in patterns]
    return joined + [re.compile(p, re.I) for p in rest]


def _words(words: list) -> re.Pattern:
    """A pattern that finds any of ``words`` in a line, in any case: the cheap test before a costly pattern."""
    return re.compile("|".join(re.escape(str(w)) for w in words), re.I)


@functools.lru_cache(maxsize=1)
def layout() -> Layout:
    return Layout()


