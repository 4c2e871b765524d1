"""Which edition of a recurring body (the OEWG, the GGE) a mention means, and who chaired it, on invented
statements: the years in brackets after its name, its ordinal, "previous" and "current", its report named in
the sentence when no group sits."""
from helpers import extract, keys, rels


def _orgs(text: str) -> list[tuple[str, str]]:
    [s] = extract(text)
    return [(m.quote, m.entity.key) for m in s.mentions if m.entity.kind == "Organization"]


def test_extract_editions_years_in_brackets_after_a_long_name():
    found = _orgs("Statement by Ghana\n\nAccra, 10 March 2023\n\nMr. Chair,\n\nThe outcome of the Open Ended Working "
                  "Group on developments in the use of ICTs in the context of security (2019-2021) guides us.")
    assert [k for q, k in found if "Working Group" in q] == ["OEWG-2019"]


def test_extract_editions_years_before_the_name_and_an_ordinal():
    found = _orgs("Statement by Ghana\n\nAccra, 10 March 2023\n\nMr. Chair,\n\nWe build on the 2019-2021 OEWG "
                  "and on the report of the Sixth UN Group of Government Experts, which we welcomed.")
    assert "OEWG-2019" in {k for _, k in found}
    assert ("UN Group of Government Experts", "GGE-2019") in found  # "Government" for "Governmental" too


def test_extract_editions_previous_and_current():
    found = _orgs("Statement by Ghana\n\nAccra, 10 March 2023\n\nMr. Chair,\n\nThe previous OEWG agreed on a "
                  "report. The current OEWG should build on it.")
    assert [k for _, k in found] == ["OEWG-2019", "OEWG-2021"]


def test_extract_editions_a_chair_named_after_the_body_and_its_report_when_no_group_sits():
    [s] = extract("Statement by Ghana\n\nNew York, 20 October 2015\n\nMr. Chairman,\n\nWe thank the Chair of the "
                  "Group of Governmental Experts on developments in the field of telecommunications, Ambassador "
                  "Ana Ruiz, for introducing the report of the Group.")
    gge = [m.entity.key for m in s.mentions if m.entity.kind == "Organization" and "Experts" in m.quote]
    assert gge == ["GGE-2014"]  # no group sat in October 2015: the one that had just reported
    assert ("ana-ruiz", "chairOf", "GGE-2014") in rels([s])


def test_extract_editions_a_body_named_after_its_chair_phrase_needs_the_comma_and_the_name():
    [s] = extract("Statement by Ghana\n\nNew York, 20 October 2015\n\nMr. Chairman,\n\nWe thank the Chair of the "
                  "First Committee for the work done, and we welcome Ambassador Ana Ruiz.")
    assert not [r for r in s.relations if r.predicate == "chairOf"]


def test_extract_editions_the_year_a_group_was_established():
    found = _orgs("Statement by Ghana\n\nAccra, 10 March 2023\n\nMr. Chair,\n\nThe OEWG was established in 2019 "
                  "and concluded its work two years later.")
    assert found == [("OEWG", "OEWG-2019")]


def test_extract_editions_a_long_name_in_lower_case_is_the_body_a_short_one_is_not():
    [s] = extract("Seventy-seventh Session,\n9th Meeting (AM)\n\nCommittee Approves Drafts\n\nThe text would have "
                  "the Assembly convene a new open-ended working group on security of and in the use of information "
                  "and communications technologies, the sponsors said.")
    assert "OEWG-2021" in keys(s, "Organization")
    [s] = extract("Seventy-seventh Session,\n9th Meeting (AM)\n\nCommittee Approves Drafts\n\nThe sponsors said an "
                  "open-ended working group would meet next year.")
    assert not any(k.startswith("OEWG") for k in keys(s, "Organization"))
