"""affiliatedWith from the words around a title: a state's adjective and a qualifier, a body and an office's field,
two titles joined by a slash (kg/extract/affiliation.py)."""
from helpers import extract, rels


def _aff(text: str, who: str) -> set[str]:
    return {o for s, p, o in rels(extract(text)) if p == "affiliatedWith" and s == who}


def test_extract_affiliation_a_state_adjective_and_a_qualifier_before_the_title():
    got = _aff("News report\n\nChilean deputy U.N. Ambassador Ana Rojas said the plan was unfair.", "ana-rojas")
    assert got == {"CHL"}  # an ambassador to the UN serves the state that sends her
    got = _aff("News report\n\nChilean officials met U.N. Ambassador Ana Rojas on Monday.", "ana-rojas")
    assert "CHL" not in got


def test_extract_affiliation_a_body_and_the_field_of_a_lower_case_office():
    got = _aff("News report\n\nU.N. human rights chief Ana Rojas urged restraint.", "ana-rojas")
    assert got == {"UN"}
    got = _aff("News report\n\nThe U.N. said the chief Ana Rojas urged restraint.", "ana-rojas")
    assert "UN" not in got


def test_extract_affiliation_two_titles_joined_by_a_slash():
    text = ("STATEMENT BY H.E. ANA ROJAS, AMBASSADOR/PERMANENT REPRESENTATIVE OF CHILE, AT THE THIRD SESSION OF "
            "THE OPEN-ENDED WORKING GROUP\n\nMr. Chair,\n\nChile supports the report.\n\nThank you.")
    assert "CHL" in _aff(text, "ana-rojas")


def test_extract_affiliation_a_body_that_thanks_a_titled_person_is_not_their_employer():
    got = _aff("Statement by the delegation\n\nThe EU thanks the Special Rapporteur, Ms Ana Rojas, for her report.",
               "ana-rojas")
    assert "EU" not in got
