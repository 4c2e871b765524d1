"""Persons: titled names in any case, initials, surnames resolved to the full name, no invented persons."""
from helpers import extract, keys, labels, rels


def test_extract_persons_titled_names_and_forms_of_address():
    [s] = extract("Statement by the delegation\n\nWe thank Under-Secretary-General Ms. Izumi Nakamitsu and "
                  "H.E.Mr. Alexander Yakovenko. Dr. Jane Okafor, Director of the Institute, spoke.")
    assert {"Izumi Nakamitsu", "Alexander Yakovenko", "Jane Okafor"} <= labels(s, "Person")


def test_extract_persons_all_caps_heading():
    [s] = extract("STATEMENT\n\nBY THE HEAD OF THE RUSSIAN DELEGATION DR. VLADIMIR SHIN\n\nColleagues, welcome.")
    assert labels(s, "Person") == {"Vladimir Shin"}
    assert [e.label for e, *_ in s.value("speakers")] == ["Vladimir Shin"]


def test_extract_persons_all_caps_title_block_of_a_pdf_statement():
    # a title right before a run of capitals names a person when the run ends at a comma or the line's end
    for head in ("STATEMENT BY H.E. AMBASSADOR MARTA KOWALCZYK, PERMANENT REPRESENTATIVE OF POLAND",
                 "REMARKS BY MINISTER MARTA KOWALCZYK\nAT THE OPEN-ENDED WORKING GROUP"):
        [s] = extract(head + "\n\nMr. Chair,\n\nPoland thanks you for your guidance and work.")
        assert [e.label for e, *_ in s.value("speakers")] == ["Marta Kowalczyk"], head
    # a run of capitals going on after the title's words is a heading, not a name
    [s] = extract("STATEMENT BY THE DELEGATION OF FRANCE\nON THE PRESIDENT OKONKWO INITIATIVE ON CYBERSPACE\n\n"
                  "Mr. Chair,\n\nFrance welcomes the support of many states for this initiative.")
    assert labels(s, "Person") == set()


def test_extract_persons_surname_alone_and_spelling_variants_merge():
    [s] = extract("Statement by the delegation\n\nForeign Minister Sergei Lavrov met his colleague. "
                  "Lavrov's proposal was welcomed.")
    persons = [m for m in s.mentions if m.entity.kind == "Person"]
    assert {m.entity.key for m in persons} == {"sergey-lavrov"}
    assert len(persons) == 2


def test_extract_persons_initials_resolve_to_a_known_person():
    [s] = extract("Statement by the delegation\n\nThe Special Representative A.V.Krutskikh opened the meeting.")
    assert keys(s, "Person") == {"andrey-krutskikh"}


def test_extract_persons_no_person_from_titles_or_bodies():
    [s] = extract("Statement by the delegation\n\nThe Secretary-General of the United Nations and the Chair of "
                  "the Group met the Minister of Foreign Affairs. Mr. Chairman, Distinguished Delegates, the "
                  "Russian Ballet Icons Gala and the Airline Total Networking Conference were held.")
    assert labels(s, "Person") == set()


def test_extract_persons_known_first_name_without_title():
    [s] = extract("Statement by the delegation\n\nWe remember the death of Nikolay Glushkov. "
                  "Ivan Petrov and Olga Smirnova attended. The Victory Museum and Red Square were closed; "
                  "the Alexander Garden too.")
    assert labels(s, "Person") == {"Nikolay Glushkov", "Ivan Petrov", "Olga Smirnova"}


def test_extract_persons_shared_surname_is_the_person_whose_dated_role_covers_the_year():
    # two known persons share the surname Patriota: their roles' years tell them apart
    def who(date_line: str) -> set[str]:
        [s] = extract(f"Statement by Chile\n\n{date_line}\n\nMr. Chair,\n\nWe thank Ambassador Patriota for his work.")
        return keys(s, "Person")
    assert who("Geneva, 20 May 2020") == {"guilherme-de-aguiar-patriota"}
    assert who("Geneva, 20 May 2012") == {"antonio-patriota"}
    assert who("Geneva, 20 May 1990") == set()  # no role covers it: no guess


def test_extract_persons_no_person_on_a_line_of_page_chrome():
    # a menu item after "Ambassador", an index label with a colon: words of the page, not names
    [s] = extract("Statement by the Embassy on visas\n\nHome  Ambassador  Visa Matters  Trade Office  Contacts\n\n"
                  "The Embassy notes the new rules on visas.\n\nEditorial Sections: Consular Desk  |  Trade\n")
    assert labels(s, "Person") == set()


def test_extract_persons_a_label_and_a_link_on_two_lines_make_no_name():
    [s] = extract("Statement by the Ministry on outer space\n\nThe Ministry welcomes the report.\n\n"
                  "Further Reading\nSpace: our strategy for the next decade\n")
    assert labels(s, "Person") == set()


def test_extract_persons_a_speaker_label_and_a_titled_name_outside_chrome_still_read():
    # the negative case: the same shapes on lines of text are names
    [s] = extract("Interview of the Minister on outer space\n\nQuestion: What is next?\n\nKari Lund: We keep "
                  "talking.\n\nShe met Ambassador Tomas Berg yesterday.\n")
    assert {"Kari Lund", "Tomas Berg"} <= labels(s, "Person")


def test_extract_persons_a_page_label_with_a_date_or_nothing_after_it_is_no_speaker():
    [s] = extract("Press release of the Embassy on outer space\n\nPosted On: 2031-05-04\n\nBegin Text:\n\n"
                  "The Embassy welcomes the adoption of the report on outer space.\n\nKari Lund: We welcome it too.\n")
    assert labels(s, "Person") == {"Kari Lund"}  # the speaker label with words after it still names a person


def test_extract_persons_a_title_case_headline_verb_ends_the_title():
    # "Secretary General Urges States to Adopt Clear Rules": no title reaches past the headline's verb
    [s] = extract("OSCE Secretary General Urges States to Adopt Clear Rules\n\n5 May 2023\n\nThe Secretary General "
                  "today called on participating States to adopt rules for the use of drones.")
    assert labels(s, "Person") == set()


def test_extract_persons_a_bodys_abbreviation_in_brackets_inside_a_title():
    [s] = extract("Press release\n\n5 May 2023\n\nThe Executive Secretary of the Economic Community of West "
                  "African States (ECOWAS), Kwame Asante, today opened the meeting.")
    assert labels(s, "Person") == {"Kwame Asante"}
    assert ("kwame-asante", "affiliatedWith", "ECOWAS") in rels([s])


def test_extract_persons_a_name_in_capitals_opening_a_paragraph_before_its_title():
    [s] = extract("Security Council\n9999th Meeting (AM)\n\nCouncil Debates Drones\n\n12 May 2023\n\nMARTA KOWALCZYK, "
                  "Minister for Foreign Affairs of Poland, said drones threaten civilians.\n\nRAPID GROWTH, the "
                  "delegate of Chile said, worries many.\n")
    assert labels(s, "Person") == {"Marta Kowalczyk"}
    assert ("marta-kowalczyk", "affiliatedWith", "POL") in rels([s])


def _person_labels(text: str) -> set[str]:
    return {m.entity.label for s in extract(text) for m in s.mentions if m.entity.kind == "Person"}


def test_extract_persons_names_with_particles_count_their_capitalised_words():
    assert _person_labels("Statement\n\nAmbassador Maria Luisa de la Cruz Vega of Peru spoke.") == \
        {"Maria Luisa de la Cruz Vega"}
    assert _person_labels("Statement\n\nAmbassador Joost in den Berg said so.") == {"Joost in den Berg"}
    # "in" is no particle before a place: the name ends before it
    assert _person_labels("Statement\n\nAmbassador Joost Berg in Harlingen said so.") == {"Joost Berg"}


def test_extract_persons_a_family_name_first_in_capitals():
    assert _person_labels("Press Conference\n\nForeign Minister MORI Haruka met the envoy.") == {"Haruka Mori"}
    # an abbreviation before a capitalised word is no family name
    assert _person_labels("Press Conference\n\nThe ICT Security Forum met the envoy.") == set()


def test_extract_persons_a_peer_is_named_by_rank_and_designation():
    assert _person_labels("Written answer\n\nAnswered by Lord Penrose of Kellan, Minister of State.") == \
        {"Lord Penrose of Kellan"}
    assert _person_labels("Written answer\n\nThe Lord Mayor of London opened the fair.") == set()


def test_extract_persons_a_field_in_a_list_of_an_offices_fields_is_no_name():
    got = _person_labels("Statement\n\nThe Director for Space, Orbital Debris and Non-Proliferation, Ana Ruiz, spoke.")
    assert got == {"Ana Ruiz"}
    # a person right after a state in a title and before "and" is still a person
    got = _person_labels("Statement\n\nThe Minister of Peru, Ana Ruiz and Minister Tom Baker spoke.")
    assert "Ana Ruiz" in got


def test_extract_persons_hon_without_a_full_stop_is_a_form_of_address_not_a_given_name():
    [s] = extract("Media release\n\nNew ferry service for the islands\n\nThe Hon Mere Tipene MP, Minister for "
                  "Transport, and the Hon Rawiri Kahu MP welcomed the service.\n")
    assert {"Mere Tipene", "Rawiri Kahu"} <= labels(s, "Person")
    assert not any(label.startswith("Hon") for label in labels(s, "Person"))


def test_extract_persons_a_meeting_or_bureau_after_an_office_is_no_name():
    [s] = extract("Statement by Chile\n\nAs President of the Fifth Meeting of States Parties, and as Chair of the "
                  "Coordinating Bureau of the Movement, Chile thanks FM Rosa Vidal.\n")
    assert labels(s, "Person") == {"Rosa Vidal"}


def test_extract_persons_honour_after_a_name_in_capitals_is_no_part_of_it():
    [s] = extract("STATEMENT BY H.E. MR PIERS ALDWORTH KCMG\nPERMANENT REPRESENTATIVE OF THE UNITED KINGDOM\n\n"
                  "Madam Chair,\n\nThe United Kingdom welcomes the report of the Director-General.")
    assert labels(s, "Person") == {"Piers Aldworth"}
    # a word in capitals that is no honour still belongs to the name
    [s] = extract("STATEMENT BY H.E. MR PIERS ALDWORTH\n\nMadam Chair,\n\nWe welcome the report of the Council.")
    assert labels(s, "Person") == {"Piers Aldworth"}


def test_extract_persons_last_field_of_an_office_domain_is_no_name():
    [s] = extract("Statement by the delegation\n\nOur Envoy for Space Affairs and Emerging Technology spoke. "
                  "The Head of Division for Outreach, Export Control and Non-Proliferation at the Ministry spoke too.")
    assert labels(s, "Person") == set()
    # a known first name after "and" is a person all the same
    [s] = extract("Statement by the delegation\n\nWe thank the Minister for Trade and Ambassador Maria Lindqvist.")
    assert labels(s, "Person") == {"Maria Lindqvist"}


def test_extract_persons_role_label_with_the_name_in_brackets():
    [s] = extract("Episode 7: talking norms with an envoy\n\nPublished 2 June 2025\n\n"
                  "PRESENTER (Hana Vaskova): Welcome. My guest is Chile's cyber envoy.\n\n"
                  "GUEST (Tomas Riquelme): Thank you, it is good to be here.\n\n"
                  "PRESENTER (Hana Vaskova): What comes next?\n\nGUEST (Tomas Riquelme): A permanent mechanism.")
    assert {"Hana Vaskova", "Tomas Riquelme"} <= labels(s, "Person")
    assert [e.label for e, *_ in s.value("speakers")] == ["Tomas Riquelme"]  # the presenter asks, the guest speaks
    # a state in brackets after a part is no person's name
    [s] = extract("Episode 8: a delegate's view\n\nPublished 3 June 2025\n\nGUEST (Costa Rica): We thank you for "
                  "inviting our delegation to speak about the work of the group this year.")
    assert labels(s, "Person") == set()


def test_extract_persons_title_after_a_name_ends_with_its_sentence():
    [s] = extract("Statement by the delegation\n\nWe thank Ambassador Ilse Moerdijk of Belgium. The Secretary-General "
                  "spoke next. We also thank Ambassador Ilse Moerdijk of Belgium, Chair of the Working Group.")
    first, second = [m for m in s.mentions if m.entity.kind == "Person"]
    text = s.context.text
    assert text[slice(*first.info["post_title"])] == "of Belgium"
    assert text[slice(*second.info["post_title"])] == "of Belgium, Chair of the Working Group"


def test_extract_persons_capitalised_short_given_name_that_is_also_a_particle():
    [s] = extract("Statement by the delegation\n\nWe met Dr Al Hartigan and Ms Van Osei today.")
    assert {"Al Hartigan", "Van Osei"} <= labels(s, "Person")
    # a lower-case particle alone before a surname is still no name of two words
    [s] = extract("Statement by the delegation\n\nWe met Dr al Hartigan today.")
    assert "al Hartigan" not in labels(s, "Person")


def test_extract_persons_name_split_by_a_caption_timestamp():
    [s] = extract("Statement of Peru at the session (video)\n\nTranscript\n0:04 thank you chair as our foreign minister "
                  "Lucia\n0:07 Carranza said in April this is not a\n0:10 parallel process\n")
    assert "Lucia Carranza" in labels(s, "Person")
    # a capitalised word after the timestamp that follows no name is no surname
    [s] = extract("Statement of Peru at the session (video)\n\nTranscript\n0:04 thank you chair as we said in "
                  "April\n0:07 Geneva will host the talks\n")
    assert labels(s, "Person") == set()


def test_extract_persons_office_with_a_qualifier_after_the_name():
    [s] = extract("Statement by the delegation\n\nWe heard Baroness Ashwell of Kerne, Parliamentary Under-Secretary "
                  "(Home Office), and Mr. Tomas Ruiz, Legal Adviser, on the draft.")
    by = {m.entity.label: m.info.get("title") for m in s.mentions if m.entity.kind == "Person"}
    assert by["Baroness Ashwell of Kerne"] == "Parliamentary Under-Secretary"
    assert by["Tomas Ruiz"] == "Mr."  # the honorific before it stays its title; the office after is read too
    assert any(m.info.get("post_title") for m in s.mentions if m.entity.label == "Tomas Ruiz")
    # a capitalised word after the comma that leads to no office is no title
    [s] = extract("Statement by the delegation\n\nWe heard Mr. Tomas Ruiz, Chilean Ambassador Ana Rojas and others.")
    assert not any(m.info.get("post_title") for m in s.mentions if m.entity.label == "Tomas Ruiz")


def test_extract_persons_member_of_parliament_by_surname_and_party():
    [s] = extract("Statement by the delegation\n\nWe answer the questions from member Verhoeven (GroenLinks) and "
                  "from senator Okafor (Labour) on export controls.")
    assert {"Verhoeven", "Okafor"} <= labels(s, "Person")
    # member states with a body in brackets are no person
    [s] = extract("Statement by the delegation\n\nWe thank the member States (EU) and the member Delegations (G77).")
    assert labels(s, "Person") == set()


def test_extract_persons_known_given_name_after_an_office_domain():
    [s] = extract("Media note\n\nThe Kenyan delegation was led by Ambassador in charge of Digital Policy Akiko Wanjiru "
                  "of the Ministry of Foreign Affairs and included experts of the Ministry of Defence.")
    assert labels(s, "Person") == {"Akiko Wanjiru"}
    assert ("akiko-wanjiru", "affiliatedWith", "KEN") in rels([s])
    # a domain of capitalised words with no known given name in it names nobody
    [s] = extract("Media note\n\nThe Kenyan delegation was led by the Ambassador in charge of Digital Policy Affairs "
                  "Office and included experts of the Ministry of Defence.")
    assert labels(s, "Person") == set()
