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
