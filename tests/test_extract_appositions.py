"""Persons named by the office written around them, on invented pages: an office in lower case after the
name, a surname in capitals, a name with a capital inside, a title that belongs to the next name, and the
news lead that gives the speaker by office first and by name in the next sentence."""
from helpers import extract, labels, rels, value_keys


def test_extract_appositions_lower_case_office_after_a_name_is_its_title():
    [s] = extract("Briefing notes\n\nOn Tuesday the talks went on. Tomas Varga, director-general of the Security "
                  "Policy Department of the Hungarian Foreign Ministry, told reporters the talks went well.")
    [p] = [m for m in s.mentions if m.entity.kind == "Person"]
    assert p.entity.label == "Tomas Varga"
    assert p.info["title"].startswith("director-general of the Security Policy Department")
    assert ("tomas-varga", "affiliatedWith", "HUN") in rels([s])


def _title_and_relations(text: str, label: str) -> tuple[str, set]:
    [s] = extract(text)
    [p] = [m for m in s.mentions if m.entity.label == label]
    return p.info["title"], rels([s])


def test_extract_appositions_lower_case_apposition_ends_at_its_comma():
    title, found = _title_and_relations("Briefing notes\n\nThe plan was welcomed by Lena Ortiz, the spokeswoman of "
                                        "the Chilean Foreign Ministry, and by Karl Weber, who spoke after her.",
                                        "Lena Ortiz")
    assert title == "the spokeswoman of the Chilean Foreign Ministry"
    assert ("lena-ortiz", "affiliatedWith", "CHL") in found


def test_extract_appositions_a_comma_and_a_common_word_make_no_title():
    [s] = extract("Briefing notes\n\nWe met Ulna Brekkar, the best of friends, and talked about rules for cyberspace.")
    assert "Ulna Brekkar" not in labels(s, "Person")  # no title, no known given name: no person is made


def test_extract_appositions_surname_in_capitals_after_the_given_name():
    [s] = extract("Press Releases\n\nOn 3 May, Haruto NAKAMURA, Ambassador for Cyber Policy, made a statement "
                  "on confidence-building measures at the session in Vienna.")
    assert "Haruto Nakamura" in labels(s, "Person")


def test_extract_appositions_capital_inside_a_name_and_an_ocr_l():
    [s] = extract("Statement by Ambassador Fiona McAllister, Permanent Representative of Ireland\n\n"
                  "Mr Chairman,\n\nIreland supports the draft.")
    assert labels(s, "Person") == {"Fiona McAllister"}
    [s] = extract("Statement by Ambassador Fiona McAl!ister, Permanent Representative of Ireland\n\n"
                  "Mr Chairman,\n\nIreland supports the draft.")
    assert labels(s, "Person") == {"Fiona McAl!ister"}  # the OCR "!" for "l" kept: no "Fiona Mc"


def test_extract_appositions_title_before_the_next_name_is_not_a_name_of_its_own():
    [s] = extract("Council decision a milestone, says OSCE Representative\nGENEVA, 4 March 2019 - OSCE Digital Rights Representative Marta Kowalczyk today welcomed the "
                  "decision of the Council on internet freedom and urged all states to implement it fully.\n"
                  "The Representative observes media developments in all participating States.")
    assert labels(s, "Person") == {"Marta Kowalczyk"}


def test_extract_appositions_news_lead_with_an_unnamed_official_then_the_name():
    [s] = extract("Envoy urges restraint in cyberspace\n\nA Brazilian diplomat on Monday called on all states to "
                  "refrain from attacks on critical infrastructure at the United Nations in New York.\n\n"
                  "Paulo Mendes, director of the Disarmament Department of the Brazilian Foreign Ministry, made the "
                  "call at the general debate of the First Committee of the General Assembly.\n\n"
                  "He said that norms must be implemented.")
    assert value_keys(s, "speakers") == ["paulo-mendes"]
    assert s.value("forum").key == "UNGA-C1"
    assert value_keys(s, "on_behalf_of") == ["BRA"]
    assert ("paulo-mendes", "affiliatedWith", "BRA") in rels([s])


def test_extract_appositions_named_speaker_in_the_lead_is_not_replaced_by_the_next_sentence():
    [s] = extract("Envoy urges restraint\n\nA Brazilian diplomat, Paulo Mendes, on Monday said all states must "
                  "refrain from attacks on critical infrastructure, at the United Nations.\n\n"
                  "Carla Dias, director of the Department, made the call at the First Committee.")
    assert value_keys(s, "speakers") == ["paulo-mendes"]


def test_extract_appositions_national_office_of_a_person_who_is_not_the_speaker():
    cases = {"We met Japan's Ambassador Kenji Sato in Geneva last week.": ("kenji-sato", "JPN"),
             "We met Romanian President Ion Popescu in Geneva last week.": ("ion-popescu", "ROU"),
             "We met Kenji Sato, the Minister of Foreign Affairs of Japan, last week.": ("kenji-sato", "JPN"),
             "We met Kenji Sato, Japan's Ambassador for Cyber Policy, last week.": ("kenji-sato", "JPN")}
    for sentence, (person, state) in cases.items():
        [s] = extract("Statement by Ghana\n\nMr. Chair,\n\n" + sentence)
        assert (person, "affiliatedWith", state) in rels([s]), sentence
        assert (person, "affiliatedWith", "GHA") not in rels([s]), sentence


def test_extract_appositions_office_held_as():
    title, found = _title_and_relations("Statement by Ghana\n\nMr. Chair,\n\nIon Popescu was sworn in as Romania's "
                                        "new president yesterday, and we congratulate him.", "Ion Popescu")
    assert title == "Romania's new president"
    assert ("ion-popescu", "affiliatedWith", "ROU") in found
    [s] = extract("Statement by Ghana\n\nMr. Chair,\n\nThe Council elected Ghana as its chair and Peru as "
                  "a member of the bureau.")
    assert not [m for m in s.mentions if m.entity.kind == "Person"]


def test_extract_appositions_domain_of_an_office_is_not_the_next_name():
    [s] = extract("Statement by Ghana\n\nMr. Chair,\n\nWe met Haruto Nakamura, Ambassador for Digital Policy, "
                  "last week.")
    [p] = [m for m in s.mentions if m.entity.kind == "Person"]
    assert p.info["title"] == "Ambassador for Digital Policy"


def test_extract_appositions_a_bodys_leaders_speaking_together_in_a_news_lead():
    text = ("Cooperation against the criminal misuse of new technologies must grow, the ASEAN leaders on Friday "
            "stressed in the declaration issued here after two days of talks.\n"
            "\"We will work together on rules of responsible behaviour,\" they said.")
    [s] = extract(text)
    assert value_keys(s, "on_behalf_of") == ["ASEAN"]
    assert s.value("forum").key == "ASEAN"
    [s] = extract("Leaders meet in the capital\n\n" + text.replace("\n", "\n\n"))
    assert value_keys(s, "on_behalf_of") == ["ASEAN"]


def test_extract_appositions_a_statement_citing_a_bodys_leaders_is_not_theirs():
    [s] = extract("Statement by Brazil\n\nMr. Chair,\n\nAs the BRICS leaders stressed last year in their declaration, "
                  "cooperation against the criminal misuse of technologies must grow and Brazil will do its part.")
    assert value_keys(s, "on_behalf_of") == ["BRA"]


def test_extract_appositions_a_title_before_the_next_surname_is_that_persons():
    [s] = extract("Statement by the delegation of Chile\n\nMr. Chair,\n\nWe thank Ambassador Nadia Okonkwo, Under-Secretary-"
                  "General Lindqvist, the Secretariat and the support team for their work this year.")
    [p] = [m for m in s.mentions if m.entity.label.endswith("Okonkwo")]
    assert "post_title" not in p.info  # the office is Lindqvist's
    assert not any(r[0].endswith("okonkwo") and r[1] == "affiliatedWith" for r in rels([s]))


def test_extract_appositions_a_title_after_a_name_ending_its_clause_is_the_names():
    [s] = extract("Statement by the delegation of Chile\n\nMr. Chair,\n\nWe listened to Ambassador Nadia Okonkwo, "
                  "Under-Secretary-General for Disarmament Affairs, who opened the session.")
    [p] = [m for m in s.mentions if m.entity.label.endswith("Okonkwo")]
    start, end = p.info["post_title"]
    assert s.context.text[start:end] == "Under-Secretary-General for Disarmament Affairs"
