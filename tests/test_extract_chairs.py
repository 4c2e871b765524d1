"""chairOf in the phrasings of presidencies, chairships and addressed chairs (kg/extract/chairs.py)."""
from helpers import extract, rels


def _chairs(text: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in rels(extract(text)) if p == "chairOf"}


def test_extract_chairs_a_body_called_by_its_head_noun():
    got = _chairs("Press briefing by the spokesperson\n\nKenya will soon join the UN Security Council. In May the "
                  "Council will hold a debate on drones under the Presidency of Ecuador. Ghana spoke for the "
                  "Non-Aligned Movement, and Ghana assumed the Chairmanship of the Movement last year.")
    assert {("ECU", "UNSC"), ("GHA", "NAM")} <= got
    # "the Council" is no body named before: nothing to chair
    assert not _chairs("Press briefing by the spokesperson\n\nThe Council will meet under the Presidency of Ecuador.")


def test_extract_chairs_a_state_and_the_body_before_its_office():
    got = _chairs("Statement by the ministers\n\nThe ministers met in the year of Chile's BRICS Chairship. They "
                  "congratulated Japan on its successful G20 Presidency, which Peru convened during its "
                  "presidency of the 15-member body of the United Nations Security Council.")
    assert {("CHL", "BRICS"), ("JPN", "G20")} <= got
    # a body between the state and "its" owns the office: the OSCE's chairmanship is not Chile's
    got = _chairs("Statement by the ministers\n\nChile welcomed the OSCE and its G20 Presidency plans.")
    assert ("CHL", "G20") not in got


def test_extract_chairs_its_chair_and_the_chair_of_the_group_named_before():
    found = rels(extract("Statement by Peru\n\nPeru welcomes the progress of the Open-ended Working Group on security "
                         "of and in the use of ICTs 2021-2025 under the steady guidance of its Chair, Ambassador "
                         "Tomas Ekberg. We thank the Chair of the Working Group, Ambassador Lina Sorensen of Norway, "
                         "for her paper."))
    assert {("tomas-ekberg", "chairOf", "OEWG-2021"), ("lina-sorensen", "chairOf", "OEWG-2021")} <= found


def test_extract_chairs_as_the_chair_of_a_body():
    got = _chairs("Press release\n\nAs the 2022 Chair of ASEAN, Cambodia hosted a meeting on cyber norms.")
    assert ("KHM", "ASEAN") in got
    got = _chairs("Press release\n\nAs the 2022 Chair of ASEAN noted, Cambodia hosted a meeting on cyber norms.")
    assert ("KHM", "ASEAN") not in got  # the chair spoke; who chairs is not said


def test_extract_chairs_the_chair_thanked_as_you():
    head = ("STATEMENT BY PERU\n\nFourth Substantive Session of the Open-ended Working Group on security of and in "
            "the use of information and communications technologies 2021-2025\n\nMr Chair,\n\n")
    found = rels(extract(head + "1. Peru thanks you, Ambassador Tomas Ekberg, for the revised paper.\n\n"
                         "2. Peru stands ready.\n\nThank you."))
    assert ("tomas-ekberg", "chairOf", "OEWG-2021") in found
    # thanking someone else, or speaking to no chair, makes no one chair
    found = rels(extract(head + "1. Peru agrees with you, Ambassador Tomas Ekberg, on the paper.\n\nThank you."))
    found |= rels(extract(head.replace("Mr Chair,", "Colleagues,") + "1. Peru thanks you, Ambassador Tomas Ekberg, "
                          "for the revised paper.\n\nThank you."))
    assert not any(p == "chairOf" and s == "tomas-ekberg" for s, p, _ in found)


def test_extract_chairs_a_state_listed_before_a_bodys_presidency_does_not_hold_it():
    got = _chairs("Statement by the ministers\n\nThe ministers thanked Chile and the G20 Presidency. The Chilean "
                  "G20 Presidency was a success.")
    assert got == {("CHL", "G20")}
    assert _chairs("Statement by the ministers\n\nThey thanked Chile and the G20 Presidency.") == set()


def test_extract_chairs_a_bare_chair_vocative_and_the_assumption_of_a_presidency():
    head = ("Statement by Uruguay\n\nThird session of the Open-ended Working Group on security of and in the use of "
            "information and communications technologies 2021-2025\n\nChair,\n\n")
    found = rels(extract(head + "Uruguay thanks you, Ambassador Lena Kovac, for the guiding questions.\n"))
    assert ("lena-kovac", "chairOf", "OEWG-2021") in found
    assert _chairs("Statement by Peru\n\nMr. President,\n\nPeru congratulates Uruguay on the assumption of the "
                   "Presidency of the Conference on Disarmament.\n") == {("URY", "CD")}
    # an assumption of something else is no office
    assert not _chairs("Statement by Peru\n\nPeru welcomes Uruguay on the assumption of its obligations under "
                       "the OPCW.\n")


def test_extract_chairs_who_chairs_the_group_named_before():
    got = _chairs("Statement by the delegation\n\nWe followed the Open-ended Working Group on security of and in "
                  "the use of ICTs 2021-2025 closely. We thank Ambassador Ilse Marwick, Permanent Representative "
                  "of Norway, who chairs the Group so patiently.")
    assert ("ilse-marwick", "OEWG-2021") in got
    # "the Group" with no group named before: nothing to chair
    assert not any(o == "OEWG-2021" for _, o in _chairs(
        "Statement by the delegation\n\nWe thank Ambassador Ilse Marwick, who chairs the Group so patiently."))


def test_extract_chairs_which_holds_the_council_presidency():
    got = _chairs("Press briefing by the spokesperson\n\nThe Security Council met on Monday in a session convened "
                  "by Ecuador, which holds the Council presidency this month.")
    assert ("ECU", "UNSC") in got
    # the clause after a body, not a state, names no chair
    assert not _chairs("Press briefing by the spokesperson\n\nThe Security Council met with the African Union, "
                       "which holds the Council presidency in high regard.")


def test_extract_chairs_chaired_by_an_office_then_its_holder():
    stmts = extract("Communique of the Pacific Islands Forum Leaders Meeting\n\nThe Leaders met in Apia. The "
                    "Meeting was chaired by the President of Palau, the Honourable Tomas Remengesau.")
    got = rels(stmts)
    assert {("tomas-remengesau", "chairOf", "PIF"), ("tomas-remengesau", "affiliatedWith", "PLW")} <= got
    assert ("PLW", "chairOf", "PIF") not in got
    # a state that chairs by itself stays the chair
    assert ("PLW", "PIF") in _chairs("Communique of the Pacific Islands Forum Leaders Meeting\n\nThe Meeting was "
                                     "chaired by Palau.")


def test_extract_chairs_a_person_thanked_for_work_as_chair_of_this_body():
    head = ("Statement by Peru at the Open-ended Working Group on security of and in the use of ICTs 2021-2025\n\n"
            "Chair,\n\n")
    found = rels(extract(head + "We thank you, Ambassador Tomas Ekberg of Norway, for your patient leadership as Chair "
                         "of this Working Group."))
    assert ("tomas-ekberg", "chairOf", "OEWG-2021") in found
    # praising the chair's paper names no one else as chair
    found = rels(extract(head + "We thank Ambassador Tomas Ekberg of Norway for the paper of the Chair of this "
                         "Working Group."))
    assert ("tomas-ekberg", "chairOf", "OEWG-2021") not in found


def test_extract_chairs_the_group_which_a_state_chairs():
    got = _chairs("Statement by Peru\n\nPeru speaks on behalf of the Non-Aligned Movement, which Uganda currently "
                  "chairs, on the question of outer space.")
    assert ("UGA", "NAM") in got
    # "which" followed by a state that only acts: no chair
    got = _chairs("Statement by Peru\n\nPeru supports the Non-Aligned Movement, which Uganda addressed yesterday.")
    assert ("UGA", "NAM") not in got


def test_extract_chairs_a_states_chairmanship_is_of_the_organisation_whose_council_meets():
    text = ("Statement by Peru to the OSCE Permanent Council\n\nMr. Chairperson,\n\nPeru welcomes the attention the "
            "Maltese Chairmanship has given to cyber security this year.")
    assert ("MLT", "OSCE") in _chairs(text)
    # a presidency stays the forum's own: the Security Council's president presides over the Council
    text = ("Statement by Peru at the United Nations Security Council\n\nMr. President,\n\nPeru welcomes the "
            "Maltese presidency's focus on cyber security this month.")
    assert ("MLT", "UNSC") in _chairs(text)
    # no forum: the one body the sentence names
    assert ("MLT", "OSCE") in _chairs("Comment of the Spokesperson\n\nWe welcome the Maltese Chairmanship's plan for a "
                                      "dialogue within the OSCE.")


def test_extract_chairs_the_person_addressed_with_their_state_on_election_as_chair_of_this_session():
    page = ("Statement to the Conference on Disarmament\n\nGeneva, 3 May 2023\n\nMadam President, let me congratulate "
            "you, Ambassador Ana Lucia Ruiz of Peru, on your election as Chair of this session.")
    got = _chairs(page)
    assert any(o == "CD" and "ruiz" in s for s, o in got) and ("PER", "CD") not in got


def test_extract_chairs_chaired_by_a_states_ambassador_is_the_ambassador():
    got = _chairs("Statement by Peru\n\nLima, 4 March 2023\n\nThe Open-ended Working Group on security of and in "
                  "the use of ICTs 2021-2025, chaired by Kenya's Ambassador Wanjiru Mwangi, met twice.")
    assert any(o == "OEWG-2021" and "mwangi" in s for s, o in got) and ("KEN", "OEWG-2021") not in got
    # a state alone still chairs
    got = _chairs("Statement by Peru\n\nLima, 4 March 2023\n\nThe Open-ended Working Group on security of and in "
                  "the use of ICTs 2021-2025, chaired by Kenya, met twice.")
    assert ("KEN", "OEWG-2021") in got


def test_extract_chairs_a_states_chairpersonship_at_an_organisations_council():
    got = _chairs("Organization for Security and Co-operation in Europe\nPermanent Council\n\n1450th Plenary Meeting "
                  "of the Permanent Council\n16 November 2023, Vienna\n\nSTATEMENT BY NORWAY\n\nMr. Chair,\n\n"
                  "Norway thanks the Maltese Chairpersonship for its report on the OSCE budget.")
    assert ("MLT", "OSCE") in got


def test_extract_chairs_on_assuming_or_election_to_chair_and_the_able_chairmanship():
    assert ("ECU", "CD") in _chairs("Statement by Peru\n\nPeru congratulates Ecuador on assuming the Presidency of the "
                                    "Conference on Disarmament.")
    assert ("KEN", "AU-PSC") in _chairs("Statement by Peru\n\nWe congratulated Kenya on its election to chair the Peace "
                                        "and Security Council of the African Union.")
    found = rels(extract("Statement by Peru\n\nThe Conference on Disarmament agreed the text under the able "
                         "chairmanship of Ambassador Lina Sorensen of Norway."))
    assert ("lina-sorensen", "chairOf", "CD") in found
    found = rels(extract("Statement by Peru\n\nWe congratulate you, Ambassador Lina Sorensen, on your assumption of the "
                         "chairmanship of the Conference on Disarmament."))
    assert ("lina-sorensen", "chairOf", "CD") in found
    # congratulating a state on something else makes it chair nothing
    assert not _chairs("Statement by Peru\n\nPeru congratulates Ecuador on assuming its seat at the Conference on "
                       "Disarmament.")


def test_extract_chairs_a_state_as_president_of_a_body_for_a_month():
    assert ("MLT", "UNSC") in _chairs("Statement by Peru\n\nThe debate was convened by Malta, as President of the "
                                      "Security Council for June, on cyber threats.")
    assert ("MLT", "UNSC") in _chairs("Statement by Peru\n\nAs President of the Security Council for March, Malta "
                                      "convened a debate on cyber threats.")
    # "as the Council noted" makes no one its president
    assert not _chairs("Statement by Peru\n\nThe debate was convened by Malta, as the Security Council noted.")


def test_extract_chairs_a_body_called_by_its_head_noun_in_any_case():
    got = _chairs("Chairman's statement\n\nThe 4th ASEAN Ministerial Conference on Cybersecurity met in Hanoi. The "
                  "Conference was chaired by Ambassador Tomas Ekberg. The committee that reviewed it was led by "
                  "Ghana.")
    assert ("tomas-ekberg", "AMCC") in got
    assert not any(s == "GHA" for s, _ in got)  # no committee named before "the committee"


def test_extract_chairs_elected_president_of_a_numbered_session():
    text = ("Statement by Ghana in the general debate\n\nMr. President of the General Assembly,\n\nLet me congratulate "
            "His Excellency Tomas Ekberg of Norway on his election as President of the eighty-first session.")
    assert ("tomas-ekberg", "UNGA") in _chairs(text)
    # a session of no body the statement names: nothing
    assert not _chairs("Press release\n\nWe congratulate Tomas Ekberg of Norway on his election as President of "
                       "the eighty-first session.")


def test_extract_chairs_its_chair_in_the_sentence_after_the_body():
    got = _chairs("Answer to a written question\n\nThe UK takes part in the Group of Governmental Experts on Lethal "
                  "Autonomous Weapons Systems. We commend its Chair, Ambassador Tomas Ekberg of Norway, for the "
                  "rolling text.")
    assert ("tomas-ekberg", "CCW-GGE-LAWS") in got
    # a body of an earlier paragraph is not the one "its" stands for
    got = _chairs("Answer to a written question\n\nThe UK takes part in the Group of Governmental Experts on Lethal "
                  "Autonomous Weapons Systems.\n\nWe met the Minister. We commend its Chair, Ambassador Tomas Ekberg.")
    assert ("tomas-ekberg", "CCW-GGE-LAWS") not in got


def test_extract_chairs_as_chair_of_a_body_he_is_the_person_just_named():
    text = ("Speech by the Minister\n\nWe thank Ambassador Lina Sorensen of Norway. As Chair of the Conference on "
            "Disarmament, she has kept the delegations talking.")
    assert ("lina-sorensen", "chairOf", "CD") in rels(extract(text))
    # with no person named in the paragraph before, "she" is nobody
    text = ("Speech by the Minister\n\nWe thank Norway.\n\nAs Chair of the Conference on Disarmament, she has kept the "
            "delegations talking.")
    assert not any(p == "chairOf" for _, p, _ in rels(extract(text)))
