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


_COMMUNIQUE = ("Ministerio de Relaciones Exteriores | Comunicado No. 41 | Lima, May 4, 2031\n\nPeru welcomes the "
               "adoption of the ocean data resolution\n\nThe Government of Peru welcomes the adoption yesterday of the "
               "resolution on ocean data, co-sponsored by Peru. {who} stated that \"data belongs to all\" and "
               "reiterated Peru's support for the treaty.\n\nPeru will keep working with every partner.\n")


def test_extract_affiliation_a_bare_national_office_in_a_states_own_communique_is_that_states():
    assert _aff(_COMMUNIQUE.format(who="Foreign Minister Rosa Quispe"), "rosa-quispe") == {"PER"}
    # a rank alone says nothing of whom a person serves, even there
    assert _aff(_COMMUNIQUE.format(who="Ambassador Rosa Quispe"), "rosa-quispe") == set()


def test_extract_affiliation_a_bare_national_office_in_another_states_statement_names_no_state():
    # Chile's statement on a page that names Peru most: the host's minister it thanks is neither's by her title
    got = _aff("Statement by the delegation of Chile\n\nMr. Chair,\n\nWe thank Foreign Minister Rosa Quispe for "
               "hosting us. Peru has been generous, Peru's people kind and Peru's coast beautiful.\n", "rosa-quispe")
    assert got == set()


def test_extract_affiliation_the_head_of_a_states_delegation_serves_that_state():
    for lead in ("The Chilean delegation was headed by", "The delegation of Chile to the conference was led by"):
        got = _aff(f"Ocean talks end\n\nThe talks ended on Friday. {lead} Ambassador Ana Rojas, who spoke twice. "
                   "Peru and Ecuador also took part.\n", "ana-rojas")
        assert got == {"CHL"}, lead
    # an office the title reader leaves out may stand between the cue and a known name
    got = _aff("Ocean talks end\n\nThe talks ended on Friday. The Brazilian delegation was led by Special Envoy for "
               "Coastal Resilience Mauro Vieira and included coastguard officers.\n", "mauro-vieira")
    assert got == {"BRA"}
    # a delegation she only met says nothing of whom she serves
    got = _aff("Ocean talks end\n\nThe Chilean delegation met Ambassador Ana Rojas on Friday.\n", "ana-rojas")
    assert got == set()


def test_extract_affiliation_who_delivered_a_states_statement_serves_that_state():
    for act in ("delivered Chile's national statement", "delivered the explanation of vote on behalf of Chile"):
        got = _aff("Statement by the delegation of Peru\n\nMr. Chair,\n\nPeru agrees with Ambassador Ana Rojas, who "
                   f"{act} this morning, and with Ecuador.\n", "ana-rojas")
        assert got == {"CHL"}, act
    # a statement she only heard, or a state's other act, is not hers
    got = _aff("Statement by the delegation of Peru\n\nMr. Chair,\n\nPeru agrees with Ambassador Ana Rojas, who "
               "welcomed Chile's national statement this morning.\n", "ana-rojas")
    assert got == set()
    got = _aff("Statement by the delegation of Peru\n\nMr. Chair,\n\nPeru agrees with Ambassador Ana Rojas, who "
               "delivered Chile's fish to the market.\n", "ana-rojas")
    assert got == set()


def test_extract_affiliation_known_international_official_by_a_bare_office():
    [s] = extract("Statement by the delegation of Chile\n\nMadam Chair,\n\nWe thank the Director-General, Ambassador "
                  "Fernando Arias, for his report, and we note the message of Secretary-General António Guterres.\n")
    assert {("fernando-arias", "affiliatedWith", "OPCW"), ("antonio-guterres", "affiliatedWith", "UN")} <= rels([s])
    # someone the gazetteer does not know gets no body from a bare office
    [s] = extract("Statement by the delegation of Chile\n\nMadam Chair,\n\nWe thank the Director-General, Ambassador "
                  "Jana Novakova, for her report on the inspections.\n")
    assert not {r for r in rels([s]) if r[0] == "jana-novakova"}


def test_extract_affiliation_counterpart_a_minister_meets_is_not_the_pages_state():
    page = ("Ministry of Foreign Affairs of Japan\n\nPress Conference by the Press Secretary\n\nTokyo, 3 June 2025\n\n"
            "Press Secretary Hana Ito: Good "
            "afternoon. Foreign Minister Ken Sato will visit Chile. In Santiago he will {verb} Minister for Foreign "
            "Affairs Ana Rojas. That is all from me.\n")
    assert "JPN" not in _aff(page.format(verb="meet"), "ana-rojas")
    # the page's own minister, named bare before the visit, is still that state's
    assert _aff(page.format(verb="meet"), "ken-sato") == {"JPN"}
