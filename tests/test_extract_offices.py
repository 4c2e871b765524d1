"""The author a heading names by office alone is whoever held that office at the statement's date
(kg/extract/offices.py, the dated roles of data/gazetteer/persons.yaml)."""
from helpers import extract, rels, value_keys

_BODY = "\n\nExcellencies,\n\nI send my warm greetings to all participants in this seminar on outer space.\n"


def test_extract_offices_the_holder_of_the_office_at_the_date_is_the_author():
    [s] = extract("Secretary-General's video message to the Seminar on Space Security\n\nGeneva, 3 June 2019" + _BODY)
    assert value_keys(s, "speakers") == ["antonio-guterres"]
    assert value_keys(s, "on_behalf_of") == ["UN"]
    assert ("antonio-guterres", "affiliatedWith", "UN") in rels([s])
    [s] = extract("Message from the Secretary-General to the Seminar on Space Security\n\nGeneva, 3 June 2012" + _BODY)
    assert value_keys(s, "speakers") == ["ban-ki-moon"]


def test_extract_offices_no_date_a_name_after_the_office_or_an_unknown_office_names_no_holder():
    [s] = extract("Secretary-General's video message to the Seminar on Space Security" + _BODY)
    assert value_keys(s, "speakers") == []  # no date: who held it is not known
    [s] = extract("Remarks by the Secretary-General Jane Roe to the Seminar\n\nGeneva, 3 June 2019" + _BODY)
    assert "antonio-guterres" not in value_keys(s, "speakers")
    [s] = extract("The Harbour Master's message to the Seminar\n\nGeneva, 3 June 2019" + _BODY)
    assert value_keys(s, "speakers") == []


def test_extract_offices_a_state_s_office_by_its_adjective():
    [s] = extract("Russian President's address to the Federal Assembly\n\nMoscow, 1 March 2018\n\nColleagues,\n\n"
                  "We meet today to discuss the tasks ahead of us.\n")
    assert value_keys(s, "speakers") == ["vladimir-putin"] and value_keys(s, "on_behalf_of") == ["RUS"]
    # with no state or body named before it, an office many states have names nobody
    [s] = extract("President's address to the Federal Assembly\n\n1 March 2018\n\nColleagues,\n\nWe meet today.\n")
    assert value_keys(s, "speakers") == []
