"""The gazetteers load, cover every UN member state with its ISO code, and never give one form two meanings."""
from collections import Counter
from pathlib import Path

import pycountry
import pytest

from kg.errors import GazetteerError
from kg.gazetteer import Lexicon, lexicon, load_yaml
from kg.paths import GAZETTEER_DIR


def test_gazetteer_all_193_member_states_with_iso_codes():
    states = load_yaml(GAZETTEER_DIR / "states.yaml")["states"]
    members = [s for s in states.values() if s.get("status") == "member"]
    assert len(members) == 193
    codes = {c.alpha_3 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.historic_countries} | {"XKX"}
    for key, s in states.items():
        if s.get("iso3"):
            assert s["iso3"] in codes, key
    assert {"SUN", "YUG"} <= {s.get("iso3") for s in states.values()}


def test_gazetteer_no_form_names_two_states():
    states = load_yaml(GAZETTEER_DIR / "states.yaml")["states"]
    forms = Counter()
    for s in states.values():
        for field in ("names", "abbreviations", "adjectives", "capitals", "metonyms"):
            forms.update(set(s.get(field) or []))
    assert [f for f, n in forms.items() if n > 1] == []


def test_gazetteer_organizations_reference_existing_ids():
    orgs = load_yaml(GAZETTEER_DIR / "organizations.yaml")["organizations"]
    for key, o in orgs.items():
        for ref in [o.get("parent"), o.get("family"), *(o.get("requires") or [])]:
            if ref:
                assert ref in orgs, (key, ref)


def test_gazetteer_two_oewgs_are_distinct_instances_of_one_family():
    lex = lexicon()
    a, b = lex.organization("OEWG-2019"), lex.organization("OEWG-2021")
    assert a is not None and b is not None and a.key != b.key
    assert a.attr("family") == b.attr("family") == "OEWG"


def test_gazetteer_broken_yaml_names_file_line_and_column(tmp_path: Path):
    for f in GAZETTEER_DIR.glob("*.yaml"):
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "treaties.yaml").write_text("treaties:\n  NPT: {label: [unclosed\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as e:
        Lexicon(tmp_path)
    assert "treaties.yaml" in str(e.value) and "line" in str(e.value) and "column" in str(e.value)


def test_gazetteer_no_entry_lists_a_name_twice():
    # a form written twice in one entry is a slip of editing (it would match the same either way)
    twice = []
    for path in sorted(GAZETTEER_DIR.glob("*.yaml")):
        for section in (load_yaml(path) or {}).values():
            if not isinstance(section, dict):
                continue
            for key, entry in section.items():
                if not isinstance(entry, dict):
                    continue
                for field in ("names", "abbreviations", "adjectives", "capitals", "metonyms", "aliases"):
                    values = entry.get(field) or []
                    if isinstance(values, list):
                        twice += [(path.name, key, v) for v, n in Counter(values).items() if n > 1]
    assert twice == []


def test_gazetteer_a_label_with_commas_is_not_cut_into_names():
    # an unquoted name with a comma in a YAML [flow, list] falls apart into two ("International Covenant on
    # Economic", "Social and Cultural Rights"): quote it
    cut = []
    for path in sorted(GAZETTEER_DIR.glob("*.yaml")):
        for section in (load_yaml(path) or {}).values():
            for key, entry in (section.items() if isinstance(section, dict) else ()):
                label = entry.get("label") if isinstance(entry, dict) else None
                if label and ", " in label:
                    pieces = {p.strip() for p in label.split(",")[1:]}  # (the first may be a short form)
                    cut += [(path.name, key, n) for n in entry.get("names") or [] if n in pieces]
    assert cut == []
