"""Resolutions in any written or spoken form, each with its canonical symbol; reports are documents."""
from helpers import extract, keys


def test_extract_resolutions_symbols_and_spoken_forms():
    [s] = extract("Statement by the delegation\n\nRecalling A/RES/75/240, resolutions 73/27 and 73/266, "
                  "decision 75/564, draft A/C.1/76/L.13/Rev.1 and Security Council resolution 2334 (2016).")
    assert keys(s, "Resolution") == {"A/RES/75/240", "A/RES/73/27", "A/RES/73/266", "A/DEC/75/564",
                                     "A/C.1/76/L.13/Rev.1", "S/RES/2334 (2016)"}


def test_extract_resolutions_short_draft_resolved_to_its_session():
    [s] = extract("Statement at the plenary meeting of the First Committee of the 76th session of the UN "
                  "General Assembly\n\nWe call on all States to support consensus on document L.13.")
    assert "A/C.1/76/L.13" in keys(s, "Resolution")


def test_extract_resolutions_report_symbols_are_not_resolutions():
    [s] = extract("Statement by the delegation\n\nThe report A/68/98 of the Group remains valid.")
    assert keys(s, "Resolution") == set()
    assert keys(s, "UNDocument") == {"A/68/98"}


def test_extract_resolutions_an_l_symbol_called_a_resolution_is_a_draft_with_its_revision():
    [s] = extract("Explanation of vote on Resolution L.41/rev2: Oceans and the law of the sea\n\n"
                  "Chair,\n\nWe cannot support the resolutions L.41/Rev 2 and L.44 this year.")
    found = {m.entity.key: m.entity.attr("draft") for m in s.mentions if m.entity.kind == "Resolution"}
    assert found == {"L.41/Rev.2": True}
    [s] = extract("Statement at the 76th session of the First Committee\n\nWe support resolution L.13/rev1.")
    assert keys(s, "Resolution") == {"A/C.1/76/L.13/Rev.1"}
