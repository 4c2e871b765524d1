"""Relations: chair-of, affiliated-with, established-by, sponsored-by, each from its text span."""
from helpers import extract, rels


def test_extract_relations_chair_of():
    stmts = extract("Statement at the First Session of the UN Open-ended Working Group on Developments in the "
                    "Field of Information and Telecommunications in the Context of International Security\n\n"
                    "We congratulate Switzerland on its election as the Group's Chair. In October, Russia will "
                    "chair the UN Security Council. We thank Ambassador Burhan Gafoor, Chair of the Open-ended "
                    "Working Group on security of and in the use of ICTs 2021-2025, for his work.")
    got = rels(stmts)
    assert ("CHE", "chairOf", "OEWG-2019") in got
    assert ("RUS", "chairOf", "UNSC") in got
    assert ("burhan-gafoor", "chairOf", "OEWG-2021") in got


def test_extract_relations_affiliated_with_from_titles():
    stmts = extract("Statement by the delegation\n\nWe held talks with Foreign Minister of Denmark Jeppe Kofod, "
                    "Azerbaijani President Ilham Aliyev, Secretary General of the Council of Europe Marija "
                    "Pejčinović Burić and UN Secretary-General António Guterres. Ambassador Burhan Gafoor spoke.")
    got = rels(stmts)
    assert {("jeppe-kofod", "affiliatedWith", "DNK"), ("ilham-aliyev", "affiliatedWith", "AZE"),
            ("marija-pejcinovic-buric", "affiliatedWith", "COE"),
            ("antonio-guterres", "affiliatedWith", "UN")} <= got
    assert not any(s == "burhan-gafoor" and p == "affiliatedWith" for s, p, _ in got)


def test_extract_relations_established_and_sponsored_by():
    stmts = extract("Statement at the plenary meeting of the First Committee of the 76th session of the UN General "
                    "Assembly\n\nThe mandate of the OEWG on security of and in the use of ICTs 2021-2025 enshrined in "
                    "UNGA resolution 75/240 is clear. The Russia-US draft resolution is balanced; we call on all "
                    "States to support document L.13. Draft resolution A/C.1/76/L.11 was submitted by Singapore.")
    got = rels(stmts)
    assert ("OEWG-2021", "establishedBy", "A/RES/75/240") in got
    assert {("A/C.1/76/L.13", "sponsoredBy", "RUS"), ("A/C.1/76/L.13", "sponsoredBy", "USA"),
            ("A/C.1/76/L.11", "sponsoredBy", "SGP")} <= got


def test_extract_relations_titles_do_not_run_into_the_next_person():
    stmts = extract("Statement by the delegation\n\nI thank the Secretary-General of the CSTO Stanislav Zas, the "
                    "Secretary General of the CIS Sergey Lebedev and the Secretary-General of the SCO Vladimir Norov. "
                    "We note the statements of the High Representative for Disarmament Affairs, Mrs. Izumi "
                    "Nakamitsu, and of the Chair of the OEWG, Ambassador Jürg Lauber of Switzerland.")
    got = {(s, o) for s, p, o in rels(stmts) if p == "affiliatedWith"}
    assert got == {("stanislav-zas", "CSTO"), ("sergey-lebedev", "CIS"), ("vladimir-norov", "SCO"),
                   ("izumi-nakamitsu", "UN"), ("jurg-lauber", "CHE")}


def test_extract_relations_presidency_and_sponsors_in_other_phrasings():
    stmts = extract("Statement at the UN Security Council meeting on cyber threats\n\nWe welcome Viet Nam's "
                    "presidency of the Security Council. Russia, together with 30 co-sponsors, submitted draft "
                    "resolution A/C.1/75/L.4. The draft was co-sponsored by Belarus, China and Iran.")
    got = rels(stmts)
    assert ("VNM", "chairOf", "UNSC") in got
    assert {("A/C.1/75/L.4", "sponsoredBy", k) for k in ("RUS", "BLR", "CHN", "IRN")} <= got


def test_extract_relations_state_then_office_after_a_name():
    stmts = extract("Statement by the delegation\n\nWe congratulate Ambassador Burhan Gafoor of Singapore, Chair of "
                    "the Open-ended Working Group on security of and in the use of ICTs 2021-2025, on the report.")
    got = rels(stmts)
    assert {("burhan-gafoor", "affiliatedWith", "SGP"), ("burhan-gafoor", "chairOf", "OEWG-2021")} <= got


def test_extract_relations_other_phrasings():
    from pathlib import Path

    text = (Path(__file__).parent / "fixtures" / "relations_phrasings.txt").read_text(encoding="utf-8")
    stmts = extract(text, "relations_phrasings.txt")
    got = rels(stmts)
    assert {("jurg-lauber", "chairOf", "OEWG-2019"), ("OEWG-2019", "establishedBy", "A/RES/73/27"),
            ("guilherme-de-aguiar-patriota", "chairOf", "GGE-2019"), ("GGE-2019", "establishedBy", "A/RES/73/266"),
            ("A/RES/73/266", "sponsoredBy", "USA"), ("A/RES/73/27", "sponsoredBy", "RUS"),
            ("A/RES/76/19", "sponsoredBy", "RUS"), ("A/RES/76/19", "sponsoredBy", "USA"),
            ("KAZ", "chairOf", "CSTO"), ("zheng-zeguang", "affiliatedWith", "CHN"),
            ("josep-borrell", "affiliatedWith", "EU")} <= got
    assert ("josep-borrell", "affiliatedWith", "CHN") not in got
    assert ("A/RES/73/27", "sponsoredBy", "USA") not in got
    assert [e.key for e in stmts[0].value("on_behalf_of")] == ["RUS"]


def test_extract_relations_chairmanship_of_the_body_just_named():
    stmts = extract("05.01.2022 - Interview\n\nThe OSCE could play its role, but the Polish chairmanship has not "
                    "shown interest.")
    assert ("POL", "chairOf", "OSCE") in rels(stmts)


def test_extract_relations_who_chaired_clause():
    stmts = extract("Remarks at the Security Council, New York, 22 May 2021\n\nI want to recognize Ambassador "
                    "Guilherme de Aguiar Patriota of Brazil, who chaired the Group of Governmental Experts, and "
                    "Ambassador Jürg Lauber of Switzerland, who presided over the Open-ended Working Group.")
    found = rels(stmts)
    assert ("guilherme-de-aguiar-patriota", "chairOf", "GGE-2019") in found
    assert {o for s, p, o in found if s == "jurg-lauber" and p == "chairOf"} & {"OEWG", "OEWG-2019"}


def test_extract_relations_co_chair_countries_listed_after_the_body():
    stmts = extract("Comment by the Information and Press Department, 12 August 2021\n\nThe Co-Chair countries of the "
                    "OSCE Minsk Group, Russia, the United States and France, will meet in Vienna.")
    found = rels(stmts)
    assert {("RUS", "chairOf", "OSCE-MG"), ("USA", "chairOf", "OSCE-MG"), ("FRA", "chairOf", "OSCE-MG")} <= found


_AT_THE_GROUP = ("Statement by the delegation of Chile at the final session of the Open-ended Working Group, "
                 "New York, 12 March 2021\n\nMr. Chair,\n\n")


def test_extract_relations_the_chair_a_paragraph_is_addressed_to():
    [s] = extract(_AT_THE_GROUP + "Ambassador Tomas Ekberg, let me thank you and your staff for months of patient "
                  "work. Guided by our tireless chair, the delegations found common ground.\n\nThank you.")
    assert ("tomas-ekberg", "chairOf", "OEWG-2019") in rels([s])
    [s] = extract(_AT_THE_GROUP + "Ambassador Tomas Ekberg, under your steady chairmanship the Group agreed on "
                  "its report.\n\nThank you.")
    assert ("tomas-ekberg", "chairOf", "OEWG-2019") in rels([s])


def test_extract_relations_our_chair_is_not_whoever_a_paragraph_addresses():
    found = rels(extract(_AT_THE_GROUP + "Ambassador Tomas Ekberg, your delegation raised a fair point. Our chair "
                         "will no doubt weigh it.\n\nThank you."))  # no thanks to the person addressed
    found |= rels(extract(_AT_THE_GROUP + "We heard Ambassador Tomas Ekberg, and we thank you all. Our chair "
                          "summed up the debate.\n\nThank you."))  # the paragraph is addressed to no one
    assert not any(r[1] == "chairOf" and r[0] == "tomas-ekberg" for r in found)


def test_extract_relations_a_resolution_that_entrusted_a_body_established_it():
    found = rels(extract("Statement by the delegation of Chile, 3 May 2022\n\nMr. Chair,\n\nResolution 75/240 has "
                         "entrusted the OEWG to study norms of responsible behaviour.\n\nThank you."))
    assert ("OEWG-2021", "establishedBy", "A/RES/75/240") in found
    found = rels(extract("Statement by the delegation of Chile, 3 May 2022\n\nMr. Chair,\n\nResolution 75/240 and the "
                         "OEWG have entrusted experts with a study.\n\nThank you."))  # the body is not what it entrusted
    assert not any(r[1] == "establishedBy" for r in found)


def test_extract_relations_the_head_of_an_eu_delegation_serves_it():
    [s] = extract("Statement by Ms. Clara Vidal, Head of the Delegation of the European Union to the United "
                  "Nations, at the Security Council, New York, 2 May 2023\n\nMr. President,\n\nThe EU supports the "
                  "framework.\n\nThank you.")
    assert ("clara-vidal", "affiliatedWith", "EU-DEL-UN") in rels([s])


def test_extract_relations_established_by_in_the_noun_form_and_the_group_said():
    got = rels(extract("Statement by the delegation\n\nWe value the Open-ended Working Group on security of and in "
                       "the use of ICTs 2021-2025. Chile has followed the Group from the day of its establishment by the "
                       "General Assembly resolution 75/240."))
    assert ("OEWG-2021", "establishedBy", "A/RES/75/240") in got
    # a state's own creation is no body's founding
    got = rels(extract("Statement by the delegation\n\nChile has served the Group since the creation by the "
                       "General Assembly resolution 75/240 of a new fund."))
    assert not any(p == "establishedBy" for _, p, _ in got)


def test_extract_relations_the_resolution_that_set_up_the_body_said_then_its_symbol():
    got = rels(extract("Podcast transcript\n\nGUEST: The Ad Hoc Committee on Cybercrime is done. The resolution that set "
                       "up the committee, 74/247, was divisive."))
    assert ("UN-AHC-CYBERCRIME", "establishedBy", "A/RES/74/247") in got
    # a committee the text never named: no body to found
    got = rels(extract("Podcast transcript\n\nGUEST: The resolution that set up the committee, 74/247, was divisive."))
    assert not any(p == "establishedBy" for _, p, _ in got)


def test_extract_relations_a_members_party_in_brackets_after_the_name():
    got = rels(extract("Answers to parliamentary questions\n\nQuestions from Senator Mary Lou Brown (SPD) and from "
                       "Senator John Carter (VVD ) on arms exports."))
    assert {("mary-lou-brown", "affiliatedWith", "DEU-SPD"), ("john-carter", "affiliatedWith", "NLD-VVD")} <= got
    # a party named in brackets later on, after other words, is no affiliation
    got = rels(extract("Answers to parliamentary questions\n\nSenator Mary Lou Brown asked (as the SPD did) about arms."))
    assert not any(o == "DEU-SPD" for _, _, o in got)
