"""chairOf from thanks, tributes, welcomes and congratulations paid to a chair (kg/extract/chairsaid.py)."""
from helpers import extract, rels


def _chairs(text: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in rels(extract(text)) if p == "chairOf"}


_CD = "Statement by Peru at the Conference on Disarmament\n\nMr. President,\n\n"


def test_extract_chairsaid_the_states_and_persons_thanked_for_presiding():
    got = _chairs(_CD + "I thank Ghana, and you, Mr. President, Ambassador Tomas Ekberg, for presiding over this "
                  "session.")
    assert {("GHA", "CD"), ("tomas-ekberg", "CD")} <= got
    got = _chairs("Remarks by the Executive Secretary\n\nLet me thank the Kingdom of Norway and the Republic of Chile "
                  "for their leadership as co-chairs of the Non-Aligned Movement.")
    assert {("NOR", "NAM"), ("CHL", "NAM")} <= got
    # thanked for something else first: only those thanked for presiding
    got = _chairs(_CD + "I thank Ghana for its paper and Kenya for presiding over this session.")
    assert ("KEN", "CD") in got and ("GHA", "CD") not in got


def test_extract_chairsaid_the_chair_named_after_a_comma():
    got = _chairs("Podcast transcript\n\nGUEST: The Group of Governmental Experts met for two years. I pay tribute to "
                  "the Chair, Ambassador Tomas Ekberg of Norway, who kept us together.")
    assert ("tomas-ekberg", "GGE") in got
    # "the committee" names the body meant; the General Assembly named after it is no meeting with a Chair
    got = _chairs("Podcast transcript\n\nGUEST: The Ad Hoc Committee on Cybercrime closed. The text now goes to the "
                  "General Assembly, and the committee was a hard one. We thank the Chair, Ambassador Tomas Ekberg.")
    assert got == {("tomas-ekberg", "UN-AHC-CYBERCRIME")}
    # "the Chair" with no body said nor forum: nothing
    assert not _chairs("Podcast transcript\n\nGUEST: We thank the Chair, Ambassador Tomas Ekberg.")


def test_extract_chairsaid_the_person_welcomed_to_the_chair():
    head = "Statement by Peru at the OPCW Executive Council\n\nMr Chairperson,\n\n"
    got = _chairs(head + "Peru welcomes you, Ambassador Tomas Ekberg of Norway, back to the Chair of this Council.")
    assert ("tomas-ekberg", "OPCW-EC") in got
    # welcomed to a city, not to a chair
    got = _chairs(head + "Peru welcomes you, Ambassador Tomas Ekberg, back to The Hague.")
    assert ("tomas-ekberg", "OPCW-EC") not in got


def test_extract_chairsaid_congratulated_on_assuming_this_responsibility():
    got = _chairs(_CD + "As this is the first time I speak under your Presidency, let me congratulate Ghana on "
                  "assuming this responsibility.")
    assert ("GHA", "CD") in got
    # the same words where no presidency is spoken of: some other responsibility
    got = _chairs(_CD + "Let me congratulate Ghana on assuming this responsibility for the mine action fund.")
    assert ("GHA", "CD") not in got
