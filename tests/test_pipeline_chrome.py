"""Names on a line of page chrome left inside a statement (a menu, a breadcrumb) are no mentions of it."""
from helpers import extract, keys


def test_pipeline_chrome_a_menu_inside_the_statement_names_nothing():
    [s] = extract("Meetings Coverage and Press Releases\nSecretary-General | Security Council | Human Rights Council | "
                  "Press Briefings\n\nThe Assembly today adopted a text on outer space tabled by Peru.\n")
    assert "PER" in keys(s, "State")
    assert not {"UNSC", "UN-HRC"} & keys(s, "Organization")


def test_pipeline_chrome_the_same_names_in_a_sentence_are_mentions():
    # the negative case: a body sentence listing bodies with bars is no menu
    [s] = extract("Press Release\n\nThe Assembly asked the Security Council and the Human Rights Council to report, "
                  "said Peru.\n")
    assert {"UNSC", "UN-HRC"} <= keys(s, "Organization")


def test_pipeline_chrome_a_list_of_links_or_a_contact_block_inside_the_statement_names_nothing():
    # the page ends in a line that is no chrome, so the lists stand inside the statement's span
    [s] = extract("Press Release\n\nThe Ministry welcomes the accession of Peru to the space debris guidelines.\n\n"
                  "Related news\n› Norway hosts a seminar with Chile on polar research\n\n"
                  "Press contacts\nAna Ruiz, Spokesperson, +41 22 555 01 01\nMedia desk - Secretariat of the OSCE\n\n"
                  "Accessibility | Contact | Privacy\n")
    assert "PER" in keys(s, "State") and not {"NOR", "CHL"} & keys(s, "State")
    assert "OSCE" not in keys(s, "Organization")


def test_pipeline_chrome_the_same_names_in_the_text_are_mentions():
    # the negative case: the same names in the body's sentences are mentions
    [s] = extract("Press Release\n\nThe Ministry welcomes the memorandum that Norway and Chile signed before the "
                  "OSCE on polar research.\n\nAccessibility | Contact | Privacy\n")
    assert {"NOR", "CHL"} <= keys(s, "State") and "OSCE" in keys(s, "Organization")
