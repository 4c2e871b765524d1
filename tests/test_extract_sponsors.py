"""Sponsorship (sponsoredBy): the sponsors written before the symbol, after it, and in the first person."""
from helpers import extract, rels

_C1 = "Statement at the First Committee of the 76th session of the UN General Assembly\n\n"


def _sponsors(text: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in rels(extract(_C1 + text)) if p == "sponsoredBy"}


def test_extract_sponsors_named_before_the_symbol():
    got = _sponsors("The Assembly adopted the text on outer space, tabled in the Committee by Norway as draft L.12. "
                    "A second text, introduced by Chile and Ghana as draft L.31, passed without a vote.")
    assert {("A/C.1/76/L.12", "NOR"), ("A/C.1/76/L.31", "CHL"), ("A/C.1/76/L.31", "GHA")} <= got
    # the states that tabled one text do not sponsor a draft merely named after them
    got = _sponsors("The text, tabled in the Committee by Norway, replaces draft L.12 of last year.")
    assert ("A/C.1/76/L.12", "NOR") not in got


def test_extract_sponsors_after_a_title_or_subject():
    got = _sponsors('Draft resolution A/C.1/76/L.31, "Prevention of an arms race in outer space", presented by '
                    "Chile, was approved. Draft resolution L.40 on small arms, tabled by Kenya, was approved too.")
    assert {("A/C.1/76/L.31", "CHL"), ("A/C.1/76/L.40", "KEN")} <= got
    # a body named between the symbol and the verb is what the states sponsored, not the resolution
    got = _sponsors("Resolution A/C.1/76/L.44 endorsed the Programme of Action, co-sponsored by Peru and Chile.")
    assert not got & {("A/C.1/76/L.44", "PER"), ("A/C.1/76/L.44", "CHL")}


def test_extract_sponsors_in_the_first_person_and_by_name():
    [s] = extract("Statement by Peru at the First Committee of the 76th session of the UN General Assembly\n\n"
                  "We are pleased to co-sponsor this year's draft resolution L.19 on outer space. Chile is a "
                  "co-sponsor of draft resolution A/C.1/76/L.22.\n\nThe Committee approved draft resolution L.25. "
                  "Kenya abstained, and Ghana voted in favour and joined the list of co-sponsors.")
    got = {(a, o) for a, p, o in rels([s]) if p == "sponsoredBy"}
    assert {("A/C.1/76/L.19", "PER"), ("A/C.1/76/L.22", "CHL"), ("A/C.1/76/L.25", "GHA")} <= got
    assert ("A/C.1/76/L.25", "KEN") not in got and ("A/C.1/76/L.22", "PER") not in got


def test_extract_sponsors_not_who_calls_on_the_co_sponsors():
    [s] = extract("Statement by Peru at the First Committee of the 76th session of the UN General Assembly\n\n"
                  "We call on the co-sponsors of draft resolution L.30 to reconsider. Chile is not among the "
                  "co-sponsors of draft resolution L.33.")
    assert not any(p == "sponsoredBy" for _, p, _ in rels([s]))


def test_extract_sponsors_a_state_joins_the_sponsors():
    got = _sponsors(_C1 + "Ghana joins the sponsors of draft resolution A/C.1/76/L.44 on small arms.")
    assert ("A/C.1/76/L.44", "GHA") in got
    # a state that joins a debate sponsors nothing
    assert not _sponsors(_C1 + "Ghana joins the debate on draft resolution A/C.1/76/L.44 on small arms.")


def test_extract_sponsors_a_resolution_which_we_tabled_is_the_speaking_states():
    [s] = extract("Statement by Peru at the First Committee of the 76th session of the UN General Assembly\n\n"
                  "Peru recalls resolution 74/31, which we first introduced in this Committee, and resolution 74/40, "
                  "which we voted for.")
    got = {(a, o) for a, p, o in rels([s]) if p == "sponsoredBy"}
    assert ("A/RES/74/31", "PER") in got
    assert ("A/RES/74/40", "PER") not in got


def test_extract_sponsors_the_states_a_relative_clause_says_tabled_the_resolution():
    def sponsored(text: str) -> set[tuple[str, str]]:
        return {(s, o) for s, p, o in rels(extract("Statement by Peru\n\n" + text)) if p == "sponsoredBy"}
    assert sponsored("Resolution 78/241, which Austria tabled, set up the talks.") == {("A/RES/78/241", "AUT")}
    assert sponsored("We recall resolution 77/37, which Chile and Ghana had tabled.") == \
        {("A/RES/77/37", "CHL"), ("A/RES/77/37", "GHA")}
    assert sponsored("We recall resolution 77/37, which Peru was proud to table.") == {("A/RES/77/37", "PER")}
    # a state in the clause that does something else sponsors nothing
    assert sponsored("Resolution 74/247, which Japan opposed, set up the committee.") == set()


def test_extract_sponsors_a_state_acting_after_the_sponsor_list_is_no_sponsor():
    found = {(s, o) for s, p, o in rels(extract("Statement by Peru\n\nResolution 74/247 was proposed by Russia, and "
                                                "Japan voted against it.")) if p == "sponsoredBy"}
    assert found == {("A/RES/74/247", "RUS")}


def test_extract_sponsors_every_state_of_a_list_that_tabled_the_resolution():
    got = _sponsors("The Assembly adopted resolution 76/55 last year. Ghana and Peru had tabled that resolution "
                    "together with many others.")
    assert {("A/RES/76/55", "GHA"), ("A/RES/76/55", "PER")} <= got
    # a state named before the list, in a clause of its own, did not table it
    got = _sponsors("The Assembly adopted resolution 76/55. Chile abstained, and Ghana had tabled that resolution.")
    assert ("A/RES/76/55", "CHL") not in got and ("A/RES/76/55", "GHA") in got


def test_extract_sponsors_the_cosponsors_named_after_including():
    got = _sponsors("Resolution 76/55, which Ghana presented together with some 30 co-sponsors, including Chile and "
                    "the Republic of Korea, was adopted by a large majority.")
    assert got >= {("A/RES/76/55", "GHA"), ("A/RES/76/55", "CHL"), ("A/RES/76/55", "KOR")}
    # states named after the vote are no co-sponsors
    got = _sponsors("Resolution 76/55, which Ghana presented together with some 30 co-sponsors, was opposed by "
                    "Chile and Peru.")
    assert got == {("A/RES/76/55", "GHA")}


def test_extract_sponsors_the_state_whose_initiative_the_resolution_was():
    got = _sponsors("Resolution 76/55, was Peru's initiative, and we supported it. Resolution 76/61, which was a "
                    "Chilean proposal, passed. Resolution 76/70 was adopted on the initiative of Ghana and Kenya.")
    assert {("A/RES/76/55", "PER"), ("A/RES/76/61", "CHL"), ("A/RES/76/70", "GHA"), ("A/RES/76/70", "KEN")} <= got
    assert ("A/RES/76/58", "GHA") in _sponsors("A/RES/76/58 was Ghana's initiative.")  # (a sentence with no "resolution")
    # a state whose initiative is something else, named after the resolution, is not its sponsor
    got = _sponsors("Resolution 76/55 welcomed the initiative of Peru on capacity-building.")
    assert ("A/RES/76/55", "PER") not in got
