"""A body called by the generic head of its name ("the Ad Hoc Committee", "the Working Group") where the text
says which body that is, and nothing where it does not."""
from helpers import extract, keys, rels


def test_extract_shortnames_a_head_with_its_founding_resolution_names_the_body_it_set_up():
    [s] = extract("Statement by Peru\n\nLima, 4 March 2023\n\nPeru took part in every round of the Ad Hoc "
                  "Committee set up under General Assembly resolution 74/247 and will keep doing so.")
    assert "UN-AHC-CYBERCRIME" in keys(s, "Organization")
    assert ("UN-AHC-CYBERCRIME", "establishedBy", "A/RES/74/247") in rels([s])
    # a panel named only by its head and the Council resolution behind it
    [p] = extract("Statement by Norway at the Security Council\n\nThe Panel of Experts established pursuant to "
                  "resolution 1874 published its last report before its mandate lapsed.", "p.txt")
    assert "UN-POE-1718" in keys(p, "Organization")
    assert ("UN-POE-1718", "establishedBy", "S/RES/1874") in rels([p])


def test_extract_shortnames_a_head_founded_by_a_resolution_the_gazetteer_does_not_tie_names_nothing():
    [s] = extract("Statement by Peru\n\nLima, 4 March 2023\n\nThe Ad Hoc Committee established by resolution "
                  "61/89 on the arms trade met twice; an ad hoc committee of the Conference may follow.")
    assert keys(s, "Organization") == set()


def test_extract_shortnames_a_head_names_the_body_named_in_full_before_it():
    page = ("Provisional verbatim record\n\nMs. Okafor (Ghana): Ghana welcomes the progress of the Open-ended "
            "Working Group on security of and in the use of ICTs 2021-2025 this year.\n\n"
            "Mr. Lindqvist (Sweden): Sweden trusts that the Working Group will close its work by consensus.\n")
    stmts = extract(page)
    last = [s for s in stmts if "Sweden trusts" in s.context.text[s.start:s.end]][-1]
    assert "OEWG-2021" in keys(last, "Organization")


def test_extract_shortnames_a_head_of_another_body_or_with_nothing_before_names_nothing():
    [other] = extract("Statement by Peru\n\nLima, 4 March 2023\n\nThe Open-ended Working Group on security of and "
                      "in the use of ICTs 2021-2025 met. The Working Group on Arbitrary Detention also met.")
    assert keys(other, "Organization") == {"OEWG-2021"}
    [alone] = extract("Statement by Peru\n\nLima, 4 March 2023\n\nPeru hopes the Working Group will agree soon.",
                      "alone.txt")
    assert keys(alone, "Organization") == set()


def test_extract_shortnames_a_head_beside_the_treaty_its_body_negotiated():
    [s] = extract("Statement by Peru\n\nLima, 4 March 2025\n\nPeru will sign the UN Convention against "
                  "Cybercrime, whose text the Ad Hoc Committee agreed last summer.")
    assert "UN-AHC-CYBERCRIME" in keys(s, "Organization")
    [bare] = extract("Statement by Peru\n\nLima, 4 March 2025\n\nPeru thanks the Ad Hoc Committee for its "
                     "report on the budget.", "bare.txt")
    assert "UN-AHC-CYBERCRIME" not in keys(bare, "Organization")
