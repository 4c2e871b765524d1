"""Resolutions in any written or spoken form, each with its canonical symbol; reports are documents."""
from helpers import extract, keys, rels


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


def test_extract_resolutions_a_word_hyphenated_at_a_line_end_in_pdf_text():
    [s] = extract("Statement by Ghana\n\nNew York, 5 October 2022\n\nMr. Chair,\n\nWe recall General Assembly reso-\n"
                  "lution 74/28 and deci-\nsion 75/550 on this item.\n")
    assert {"A/RES/74/28", "A/DEC/75/550"} <= keys(s, "Resolution")


def test_extract_resolutions_the_group_a_founding_resolution_named_after_it_set_up():
    # two founding resolutions in one sentence: the one right after "established by" says which group it is
    for gap in (" ", "\n"):
        [s] = extract("Statement by Ghana\n\nNew York, 5 October 2022\n\nMr. Chair,\n\nWe recall the Open-ended "
                      f"Working Group established by General Assembly resolution{gap}73/27 and the report endorsed "
                      "by resolution 75/240.\n")
        assert ("OEWG-2019", "establishedBy", "A/RES/73/27") in rels([s]), gap


def test_extract_resolutions_a_bare_draft_number_takes_the_full_symbol_the_page_writes():
    page = ("General Assembly, Second Committee, 81st session\nAction on draft resolution A/C.2/81/L.17 "
            "\"Digital public infrastructure\"\n\nMalawi supports L.17 and thanks its facilitators. Nepal will "
            "abstain on L.17 and on L.23.\n")
    stmts = extract(page)
    bare = {(s.context.text[m.start:m.end], m.entity.key) for s in stmts for m in s.mentions
            if m.entity.kind == "Resolution"}
    assert ("L.17", "A/C.2/81/L.17") in bare
    # L.23 is written out nowhere on the page: no symbol is guessed for it
    assert not any(text == "L.23" for text, _ in bare)
    [alone] = extract("Statement by the delegation\n\nWe support L.17 as it stands.")
    assert keys(alone, "Resolution") == set()


def test_extract_resolutions_council_resolutions_by_their_bare_number():
    [s] = extract("Statement by Norway at the Security Council\n\nThese launches breach resolutions 1695, 2087 "
                  "and 2270, and resolution 2094 before them.")
    assert keys(s, "Resolution") == {"S/RES/1695", "S/RES/2087", "S/RES/2270", "S/RES/2094"}
    # the year the page gives a resolution elsewhere is kept: one identity for it
    [y] = extract("Statement by Norway at the Security Council\n\nResolution 1373 (2001) binds all; resolution "
                  "1373 is no option.", "y.txt")
    assert keys(y, "Resolution") == {"S/RES/1373 (2001)"}


def test_extract_resolutions_a_bare_number_outside_the_council_or_of_another_body_is_no_council_resolution():
    [s] = extract("Statement by Norway\n\nOslo, 2 May 2023\n\nWe recall resolutions 1695 and 2087 of the union.")
    assert keys(s, "Resolution") == set()
    [ga] = extract("Statement by Norway at the Security Council\n\nGeneral Assembly resolution 2625 and resolution "
                   "1514 (XV) guide us; Human Rights Council resolution 2051 too.", "ga.txt")
    assert keys(ga, "Resolution") == set()


def test_extract_resolutions_a_bare_symbol_where_the_sentence_speaks_of_a_resolution():
    [s] = extract("Podcast transcript\n\nHOST: Which text started it? GUEST: The resolution that launched the talks, "
                  "77/112, was a compromise. Its follow-up, 78/9, too.")
    assert keys(s, "Resolution") == {"A/RES/77/112"}  # (the second sentence speaks of no resolution)
    # scores, ratios and dates are no symbols, nor is a number with a session before the General Assembly's
    [s] = extract("Press release\n\nThe resolution passed 150/12 in a vote; on 24/7 duty, 12/45 and 50/50 splits "
                  "were discussed with the resolution's authors.")
    assert keys(s, "Resolution") == set()
