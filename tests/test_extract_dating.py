"""When, where and in which forum a statement was made, on invented pages: labelled delivery dates, page
stamps, numeric datelines, dated lines below the heading, footers and sign-offs."""
from helpers import extract

from kg.extract.header import is_stamp_line


def test_extract_dating_delivery_label_beats_the_posting_date():
    [s] = extract("Speech\nNorway's remarks on digital public goods: Economic and Social Council\n\n"
                  "From: Ministry of Foreign Affairs and Ingrid Holm\nPublished 9 May 2022\n"
                  "Delivered on: 6 May 2022 (as spoken)\n\nThank you, Madam President.\n\n"
                  "Norway welcomes the report of the Secretary-General on digital cooperation and the work ahead.")
    assert s.value("date") == "2022-05-06"
    [plain] = extract("Speech\nNorway's remarks on digital public goods\n\nPublished 9 May 2022\n\n"
                      "Thank you, Madam President.\n\nNorway welcomes the report of the Secretary-General on "
                      "digital cooperation and on the road ahead of us all.")
    assert plain.value("date") == "2022-05-09"  # no delivery label: the heading's date stands


def test_extract_dating_page_stamp_with_clock_times_yields_to_the_lead_day():
    [s] = extract("Press Release No. 77\nJoint statement on online safety delivered by Chile at the 49th session "
                  "of the Human Rights Council\n\n21/03/2022 14h05 - Updated on 21/03/2022 16h40\n\n"
                  "On March 18th, 2022, the Permanent Representative of Chile in Geneva delivered the following "
                  "joint statement on behalf of a group of countries at the Human Rights Council:\n\n"
                  "We call on all States to protect children online.")
    assert s.value("date") == "2022-03-18"
    text = "21/03/2022 14h05 - Updated on 21/03/2022 16h40\n21/03/2022 Santiago hosts talks"
    assert is_stamp_line(text, 3)
    assert not is_stamp_line(text, text.rindex("Santiago"))  # words of a headline: no stamp


def test_extract_dating_numeric_dateline_day_takes_the_posting_year_when_its_weekday_agrees():
    page = ("Ministry of Foreign Affairs\n\nThailand Calls for Inclusive Cyber Capacity Building\n\n"
            "Category: Press Release  |  Wednesday, 17 November 2021\n\n"
            "Geneva, {wd} (16/11) - Thailand called on all delegations to support capacity building in cyberspace, "
            "the Deputy Permanent Representative told the meeting of experts on Tuesday afternoon.")
    [s] = extract(page.format(wd="Tuesday"))
    assert s.value("date") == "2021-11-16"
    [wrong] = extract(page.format(wd="Friday"))  # 16 November 2021 was no Friday: the posting date stands
    assert wrong.value("date") == "2021-11-17"


def test_extract_dating_dated_line_below_a_session_header_dates_and_places_the_statement():
    [s] = extract("Media > Statements\n\nSTATEMENT ON BEHALF OF THE GROUP OF SMALL ISLAND STATES\n\n"
                  "Third Substantive Session of the Ad Hoc Committee on Ocean Governance\n\n"
                  "Agenda item 3: Capacity building\n\nPalais des Nations, Geneva, 9 May 2022\n\nMadam Chair,\n\n"
                  "1. The Group thanks you for your leadership and for the revised paper on capacity building.")
    assert s.value("date") == "2022-05-09"
    assert s.value("place").label == "Geneva"


def test_extract_dating_footer_posting_date_dates_a_page_that_nothing_else_dates():
    body = ("Statement by H.E. Ms. Lena Varga, Ambassador of Hungary, at the Plenary of the Conference on "
            "Disarmament\n\nMadam President,\n\nHungary supports an early start of negotiations on a treaty "
            "banning the production of fissile material for nuclear weapons and other devices.\n\n"
            "I thank you, Madam President.\n\n")
    [s] = extract(body + "Posted on: 2 February 2021 | Geneva\nPrint | Share\n")
    assert s.value("date") == "2021-02-02"
    assert s.value("place").label == "Geneva"
    [dated] = extract("Geneva, 28 January 2021\n\n" + body + "Posted on: 2 February 2021\n")
    assert dated.value("date") == "2021-01-28"  # the heading's date beats the posting
    [bare] = extract(body + "The next plenary meets on 9 February 2021.\n")
    assert bare.value("date") is None  # a date in prose is no posting label


def test_extract_dating_place_line_of_a_byline_block_below_the_heading():
    [s] = extract("Home > Briefings > Daily Press Briefing – March 3, 2022\n\nDaily Press Briefing – March 3, 2022\n\n"
                  "Jalina Porter, Deputy Spokesperson\nWashington, D.C.\n1:05 p.m. EST\n\n"
                  "MS PORTER: Good afternoon. I have two items at the top and then we will take your questions.")
    assert s.value("place").label == "Washington"
    [venue] = extract("Statements for the press after Russian-Kazakh talks\n\nOctober 4, 2022, 15:10\n"
                      "The Kremlin, Moscow\n\nFollowing the talks, the two Presidents made statements for the press.")
    assert venue.value("place").label == "Moscow"
    [person] = extract("Daily Press Briefing\n\nMarch 3, 2022\n\nJalina Porter, Deputy Spokesperson\n\n"
                       "MS PORTER: Good afternoon. I have two items at the top and then we will take questions.")
    assert person.value("place") is None  # a name and an office are no place


def test_extract_dating_city_and_country_before_the_date():
    [s] = extract("Joint Communique of the Foreign Ministers of the Andean Community\nLima, Peru, 12 August 2022\n\n"
                  "1. The Ministers met in person for the first time since the pandemic and adopted this text.")
    assert s.value("place").label == "Lima"
    assert s.value("date") == "2022-08-12"


def test_extract_dating_sign_off_at_the_end_gives_the_place():
    body = ("Transcript of the Weekly Briefing by the Spokesperson (May 5, 2022)\n\nSpokesperson: Good afternoon. "
            "We have one announcement today about the visit of the Foreign Minister to the region next week.\n\n"
            "Question: Will the visit include talks on trade?\n\nSpokesperson: I have nothing to add at this point.\n\n"
            "(Concluded)\n\n")
    [s] = extract(body + "Islamabad\nMay 5, 2022\n")
    assert s.value("place").label == "Islamabad"
    [inline] = extract(body + "Islamabad, May 5, 2022\n")
    assert inline.value("place").label == "Islamabad"
    [no] = extract(body + "Islamabad\nPrint this page\n")
    assert no.value("place") is None  # a city without its date signs nothing off


def test_extract_dating_opening_venue_beats_the_city_the_release_was_issued_in():
    [s] = extract("Chile supports the new treaty on plastics\n\nMinistry of Foreign Affairs | Release No. 88 | "
                  "Santiago, March 3rd, 2022\n\nToday, in Nairobi, the Environment Assembly adopted by consensus a "
                  "resolution to negotiate a binding instrument on plastic pollution.")
    assert s.value("place").label == "Nairobi"
    [issued] = extract("Chile supports the new treaty on plastics\n\nMinistry of Foreign Affairs | Release No. 88 | "
                       "Santiago, March 3rd, 2022\n\nToday the Environment Assembly in Nairobi adopted by consensus a "
                       "resolution to negotiate a binding instrument on plastic pollution.")
    assert issued.value("place").label == "Santiago"  # no opening "Today, in X,": the release's city stands


def test_extract_dating_session_venue_after_a_comma():
    [s] = extract("Joint statement on water security\n\nOn 14 June 2022, the Ambassador of Peru delivered the "
                  "following joint statement at the 50th session of the Human Rights Council, in Geneva:\n\n"
                  "We recall that access to safe drinking water is a human right.")
    assert s.value("place").label == "Geneva"


def test_extract_dating_forum_the_committee_a_release_lead_says_acted():
    [s] = extract("Peru backs a new register of conventional arms\n\nMinistry of Foreign Affairs | Release No. 31 | "
                  "Lima, November 4th, 2022\n\nToday, in New York, the First Committee of the United Nations General "
                  "Assembly approved by a recorded vote a draft resolution on transparency in armaments.")
    assert s.value("forum").key == "UNGA-C1"
    [cited] = extract("Peru backs a new register of conventional arms\n\nMinistry of Foreign Affairs | Release No. 31 | "
                      "Lima, November 4th, 2022\n\nPeru recalls that last year the First Committee approved a similar "
                      "draft resolution on transparency in armaments.")
    assert cited.value("forum") is None  # a body the lead only recalls held no meeting here


def test_extract_dating_forum_a_meeting_of_the_body_s_ministers():
    [s] = extract("Joint Communique of the ASEAN Foreign Ministers\nJakarta, Indonesia, 4 February 2023\n\n"
                  "1. The ASEAN Foreign Ministers met on 4 February 2023 in Jakarta for their annual retreat and "
                  "exchanged views on regional developments.")
    assert s.value("forum").key == "ASEAN"
    [named] = extract("Joint Communique on maritime cooperation\nJakarta, Indonesia, 4 February 2023\n\n"
                      "1. The two Ministers recalled the ASEAN Outlook on the Indo-Pacific and its principles "
                      "for the region and agreed on further steps.")
    assert named.value("forum") is None  # a body named in passing is no meeting


def test_extract_dating_forum_debate_s_quoted_topic_between_the_cue_and_the_committee():
    page = ("Home > News\n\nDelegates spar over conventional arms\n\nPublished 21 October 2021\n\nAmbassador Rosa "
            "Lind of Chile spoke at the thematic debate on {topic} of the First Committee on Wednesday, urging restraint "
            "in arms transfers to conflict zones.\n\nShe added that Chile would table no draft this year.")
    [s] = extract(page.format(topic='"Conventional weapons"'))
    assert s.value("forum").key == "UNGA-C1"
    [unquoted] = extract(page.format(topic="conventional weapons and the many risks they pose to civilians"))
    assert unquoted.value("forum") is None  # a long unquoted topic is no meeting's name


def test_extract_dating_forum_session_line_below_the_heading():
    [s] = extract("Home > Statements\n\nID with the Special Rapporteur on freedom of expression - EU Statement\n\n"
                  "Geneva, 21.06.2022\nPress Team\n\nHuman Rights Council – 50th Session\nInteractive Dialogue with "
                  "the Special Rapporteur\n\nMr President,\n\nI have the honour to speak on behalf of the European Union.")
    assert s.value("forum").key == "UN-HRC"
    [session] = extract("STATEMENT ON BEHALF OF THE ARAB GROUP\n\nSixth Substantive Session of the Open-ended Working "
                        "Group on security of and in the use of ICTs 2021-2025\n\nAgenda item 3: Rules, norms and "
                        "principles\n\nUnited Nations Headquarters, New York, 12 December 2023\n\nMr Chair,\n\n"
                        "I have the honour to deliver this statement on behalf of the Arab Group.")
    assert session.value("forum").key == "OEWG-2021"  # not the UN its headquarters name
    assert session.value("date") == "2023-12-12" and session.value("place").label == "New York"


def test_extract_dating_forum_labelled_field_beats_the_title_s_author():
    [s] = extract("Tracker > Sessions\n\nAfrican Group: Statement on capacity-building\n\nForum: UN Open-ended "
                  "Working Group on security of and in the use of ICTs 2021-2025\nDate delivered: 2022-07-26\n\n"
                  "Summary\n\nThe Group called on the Working Group to make capacity-building demand-driven and "
                  "sustainable for developing countries.")
    assert s.value("forum").key == "OEWG-2021"
    assert s.value("date") == "2022-07-26"


def test_extract_dating_forum_news_headline_un_yields_to_the_committee_the_envoy_told():
    [s] = extract("WORLD\n\nRussia rejects Western cyber norms at UN arms talks\n\nBy Wire Staff\nPublished on "
                  "11/10/2022 at 20:15\n\nUNITED NATIONS (Wire) - Russia's deputy envoy on Tuesday rejected proposals "
                  "for a new cyber mechanism, as delegations clashed over the future of talks on State behaviour.\n\n"
                  "\"Parallel formats only divide the membership,\" Andrei Belov told the First Committee.")
    assert s.value("forum").key == "UNGA-C1"
    [plain] = extract("WORLD\n\nRussia rejects Western cyber norms at UN arms talks\n\nBy Wire Staff\nPublished on "
                      "11/10/2022 at 20:15\n\nUNITED NATIONS (Wire) - Russia's deputy envoy on Tuesday rejected "
                      "proposals for a new cyber mechanism, as delegations clashed over the future of the talks.")
    assert plain.value("forum") is None  # no committee named: the UN as a whole holds no meeting


def test_extract_dating_forum_the_lead_paragraph_s_second_sentence_names_the_session():
    page = ("Chile Urges Restraint in Outer Space\n\nCategory: Press Release  |  Thursday, 12 May 2022\n\n"
            "Geneva, Wednesday (11/5) - Chile called on all States to refrain from destructive anti-satellite "
            "tests. {second}\n\nChile also stressed the value of transparency measures.")
    [s] = extract(page.format(second="The call was conveyed by the Deputy Permanent Representative of Chile, "
                                     "Ambassador Marta Rojas, during the second plenary meeting of the Conference "
                                     "on Disarmament."))
    assert s.value("forum").key == "CD"
    assert s.value("date") == "2022-05-11"
    [other] = extract(page.format(second="The Conference on Disarmament has not agreed on a programme of work "
                                         "since the late nineties."))
    assert other.value("forum") is None  # the body named, but no speech reported at its meeting


def test_extract_dating_a_written_release_date_is_no_page_stamp():
    text = "Press Release\n\n20 May 2022\n\n20/05/2022\n\n20 May 2022 09:40\n"
    assert not is_stamp_line(text, text.index("20 May"))  # the release's own date, written out
    assert is_stamp_line(text, text.index("20/05"))
    assert is_stamp_line(text, text.rindex("20 May"))  # with its clock time: a posting stamp
    [s] = extract("Press Release\nForeign Minister meets the Council of Europe Commissioner\n\n20 May 2022\n\n"
                  "On 17 May 2022, the Foreign Minister received the Commissioner for Human Rights and discussed "
                  "the situation of minorities in the region.")
    assert s.value("date") == "2022-05-20"


def test_extract_dating_forum_a_body_the_speech_recalls_acting_is_no_forum():
    [s] = extract("Statement by Ambassador Tomas Berg\n\nMr. Chair,\n\nThe General Assembly adopted resolution 73/27 "
                  "by a recorded vote in 2018, and we have supported its aims ever since.")
    assert s.value("forum") is None
    [today] = extract("Statement by Ambassador Tomas Berg\n\nMr. Chair,\n\nThe General Assembly today adopted "
                      "resolution 78/16 by a recorded vote, and we welcome the result.")
    assert today.value("forum").key == "UNGA"


def test_extract_dating_a_news_item_dates_an_act_held_yesterday_the_day_before_its_dateline():
    [s] = extract("Peru urges restraint in outer space at the Conference on Disarmament\n\n"
                  "GENEVA, 9 March 2023 (Andina) -- Peru has called for a ban on destructive anti-satellite tests, "
                  "in a statement delivered by Ambassador Rosa Quispe at the plenary of the Conference on "
                  "Disarmament held yesterday in Geneva.\n\nQuispe said that debris threatens all users of space.")
    assert s.value("date") == "2023-03-08"
    # "today" first: the act is the dateline's day, "yesterday" some other event
    [t] = extract("Peru urges restraint in outer space at the Conference on Disarmament\n\n"
                  "GENEVA, 9 March 2023 (Andina) -- Peru today called for a ban on destructive anti-satellite "
                  "tests, recalling a test held yesterday by another State.\n\nQuispe said that debris threatens "
                  "all users of space.")
    assert t.value("date") == "2023-03-09"


def test_extract_dating_a_title_block_line_of_a_city_and_its_country_alone():
    head, body = "THIRTIETH SUMMIT OF THE AFRICAN UNION\n\n", ("\n14 - 16 October 2031\n\nFINAL COMMUNIQUE\n\n1. The "
                                                          "Assembly met for three days and adopted decisions on "
                                                          "maritime safety and on the blue economy of the region.")
    [s] = extract(head + "Port Louis, Mauritius" + body)
    assert s.value("place") is not None and s.value("place").label == "Port Louis"
    # a city the gazetteer places in another state, or an office before the state, is no place line
    [wrong] = extract(head + "Geneva, Mauritius" + body)
    assert wrong.value("place") is None
    [office] = extract(head + "Permanent Secretariat, Mauritius" + body)
    assert office.value("place") is None


def test_extract_dating_a_venue_field_listing_a_known_city_among_other_words():
    [s] = extract("Conference on Space Security\nDate: 6 July 2031\nVenue: Palais des Nations, Geneva, and online\n\n"
                  "Opening remarks – Lena Kovac, Director\n\nExcellencies,\n\nWelcome to this conference.\n")
    assert s.value("place").label == "Geneva"


def test_extract_dating_an_annex_takes_the_day_its_covering_letter_gives_it_not_the_letters_own():
    letter, annex = extract(
        "Letter dated 9 May 2031 from the Permanent Representative of Ruritania to the United Nations\n\n"
        "I have the honour to transmit the declaration adopted by the Ministers at their meeting held on 30 April 2031 "
        "(see annex).\n\n(Signed) Jan Kowal\n\n"
        "Annex to the letter dated 9 May 2031 from the Permanent Representative of\n"
        "Ruritania to the United Nations addressed to the President of the Council\n\n"
        "Declaration of the Ministers on outer space\n\n1. The Ministers call for a treaty banning weapons in orbit.\n")
    assert letter.value("date") == "2031-05-09"
    assert annex.value("date") == "2031-04-30"


def test_extract_dating_a_yearless_day_takes_the_year_of_the_issue_not_of_a_future_conference():
    [s] = extract("SPACE NEWS | Issue 4 | May 2031\n\nCHILE'S STATEMENT TO THE OUTER SPACE COMMITTEE\n\n"
                  "On 2 May, Ambassador Ana Rojas spoke at the session preparing the 2035 Review Conference of the "
                  "Outer Space Treaty. Extracts follow.\n\n\"Chile calls for a registry of all objects in orbit.\"\n")
    assert s.value("date") == "2031-05-02"
    # the negative case: with no issue date above, an event's year still dates nothing
    [bare] = extract("CHILE'S STATEMENT TO THE OUTER SPACE COMMITTEE\n\nOn 2 May, Ambassador Ana Rojas spoke at "
                     "the session preparing the 2035 Review Conference of the Outer Space Treaty.\n")
    assert bare.value("date") in (None, "")


def test_extract_dating_a_written_answer_is_dated_by_its_answered_on_line_not_by_the_day_it_was_tabled():
    text = ("Outer space: Treaties\nQuestion for the Ministry of Foreign Affairs\nQuestion 4411, tabled on 2 March 2031\n\n"
            "Asked by Ms Ada Lind\n\nTo ask the Minister what steps are taken to promote a ban on weapons in orbit.\n\n"
            "Answered on\n11 March 2031\n\nAnswered by Tom Berg, Minister of State\n\n"
            "Ruritania supports talks on a treaty banning weapons in orbit and will raise them at the Conference.\n")
    [s] = extract(text)
    assert s.value("date") == "2031-03-11"
    [same_line] = extract(text.replace("Answered on\n11 March 2031", "Answered on 11 March 2031"))
    assert same_line.value("date") == "2031-03-11"
    # the negative case: a line that only mentions answering, with a date in its sentence, labels nothing
    [prose] = extract(text.replace("Answered on\n11 March 2031", "The ministry answered on 5 March 2031 a similar "
                                   "question by letter, and we recall it here in full for the record."))
    assert prose.value("date") == "2031-03-02"


def test_extract_dating_a_topic_label_before_a_body_names_no_forum():
    [s] = extract("Outer space: United Nations\nQuestion for the Ministry of Foreign Affairs\nQuestion 4411, tabled on "
                  "2 March 2031\n\nRuritania supports talks at the United Nations on a treaty banning weapons in orbit.\n")
    assert s.value("forum") is None
    # the negative case: a body before the colon makes it the forum's title ("General Assembly: First Committee")
    [t] = extract("General Assembly: First Committee\nStatement by Ruritania, 2 March 2031\n\nRuritania supports talks "
                  "on a treaty banning weapons in orbit.\n")
    assert t.value("forum").key == "UNGA-C1"


def test_extract_dating_forum_the_un_as_a_whole_is_no_forum():
    [s] = extract("Speech by the Minister of State at the United Nations on space security\nBerlin, 4 May 2031\n\n"
                  "Ladies and gentlemen,\n\nWe meet at a time of growing risks in outer space.")
    assert s.value("forum") is None
    # an organ of the UN the header names is
    [s] = extract("Speech by the Minister of State at the United Nations General Assembly on space security\n"
                  "New York, 4 May 2031\n\nMr. President,\n\nWe meet at a time of growing risks in outer space.")
    assert s.value("forum").key == "UNGA"


def test_extract_dating_an_answer_line_opening_with_its_date_beats_the_tabling_date():
    [s] = extract("Space Debris\nQuestion for the Ministry of Space Affairs\nUIN 4711, tabled on 2 May 2031\n\n"
                  "Asked by Ms Ana Ruiz (Green - Lakeside)\n\nTo ask the Minister what steps she is taking on debris.\n\n"
                  "Answered on 9 May 2031 by Mr Tom Berg, Minister of State (Ministry of Space Affairs)\n\n"
                  "The Government works closely with partners on debris mitigation and will keep doing so.\n")
    assert s.value("date") == "2031-05-09"
    # the negative case: a long line naming an answer in passing dates nothing
    [t] = extract("Space Debris\nQuestion for the Ministry of Space Affairs\nUIN 4711, tabled on 2 May 2031\n\n"
                  "The Minister said she answered on 9 May 2031 a question on the same matter in the other chamber.\n")
    assert t.value("date") == "2031-05-02"


def test_extract_dating_received_line_of_written_answers_beats_the_publication_footer():
    body = ("Answers to parliamentary questions\n\n2031Z0412\nAnswers from the Minister of Space Affairs (Berg) to "
            "questions from member Ruiz on the debris accord (submitted 2 April 2031).\n\n{line}\n\nQuestion 1\n"
            "Do you know the report on debris in low orbit?\n\nAnswer 1\nYes, and the cabinet has read it.\n\n"
            "Publicatiedatum: 06-05-2031\nDeel deze pagina\n")
    [s] = extract(body.format(line="Received 5 May 2031"))
    assert s.value("date") == "2031-05-05"
    # the negative case: with no such line the Dutch publication footer dates the answers
    [t] = extract(body.format(line="The answers follow."))
    assert t.value("date") == "2031-05-06"


def test_extract_dating_a_video_description_s_closing_date_beats_the_upload_stamp():
    page = ("Peru at the Conference on Space Security - Statement by Amb. Rosa Campos\n\nPeru in Geneva\n"
            "Subscribe\n\n310 views  Jun 6, 2031\n{desc}\n#Space #Debris\n\n0:02 thank you Madam President Peru "
            "welcomes this session\n")
    [s] = extract(page.format(desc="Statement of Peru delivered by Ambassador Rosa Campos at the Conference on "
                                   "Space Security, Palais des Nations, Geneva, 4 June 2031."))
    assert s.value("date") == "2031-06-04"
    # the negative case: a description that names a date inside its sentence, not at its end, leaves the stamp
    [t] = extract(page.format(desc="Statement of Peru recalling the accord of 4 June 2031 on debris mitigation."))
    assert t.value("date") == "2031-06-06"


def test_extract_dating_forum_the_body_whose_president_the_speech_salutes():
    page = ("Peru\nHer Excellency Rosa Campos\nPresident\n23 September 2035\n\n{salute}\nExcellencies,\n\n"
            "Peru comes with a message of hope for the peoples of the world and for the oceans that join them.\n")
    [s] = extract(page.format(salute="Mr. President of the General Assembly,"))
    assert s.value("forum").key == "UNGA"
    # the negative case: a plain salutation names no forum
    [t] = extract(page.format(salute="Mr. President,"))
    assert t.value("forum") is None


def test_extract_dating_forum_the_meeting_a_chairman_s_statement_is_of():
    page = ("Posted on 5 May 2031\n\n{head}\nOF THE 12TH ASEAN MINISTERIAL CONFERENCE ON CYBERSECURITY (AMCC)\n"
            "4 MAY 2031, BRUNEI\n\n"
            "1. The 12th ASEAN Ministerial Conference on Cybersecurity (AMCC) was convened on 4 May 2031 in Brunei, "
            "on the sidelines of the Vientiane Digital Week. "
            "The Conference was chaired by Mr Somsak Vong, Minister of Technology.\n")
    [s] = extract(page.format(head="CHAIRMAN'S STATEMENT"))
    assert s.value("forum").key == "AMCC"
    # the negative case: a statement about the meeting by someone else names no forum by that
    [t] = extract(page.format(head="COMMENTARY ON THE OUTCOME"))
    assert t.value("forum") is None or t.value("forum").key != "AMCC"


def test_extract_dating_place_after_the_clock_time_of_a_dated_heading():
    [s] = extract("Press Conference by Foreign Minister Rosa Campos\nTuesday, May 6, 2031, 4:15 p.m. (Local Time)  "
                  "Geneva, Switzerland\n\nMinister Campos: Today Peru chaired the meeting on debris in orbit.\n")
    assert s.value("place").label == "Geneva"
    # the negative case: a city in the text below, not beside the date, places nothing
    [t] = extract("Press Conference by Foreign Minister Rosa Campos\nTuesday, May 6, 2031, 4:15 p.m. (Local Time)\n\n"
                  "Minister Campos: Next month the talks move to Geneva, Switzerland, for a week.\n")
    assert t.value("place") is None


def test_extract_dating_place_a_speaker_says_they_stand_here_in():
    body = ("Speech by Minister of State Rosa Campos at the conference on space security\n\n"
            "Welcome. It is good to see so many of you {where} – colleagues from Geneva and Vienna alike.\n")
    [s] = extract(body.format(where="here in Lima"))
    assert s.value("place").label == "Lima"
    # the negative case: a city named with no "here in" places nothing
    [t] = extract(body.format(where="after the meeting in Lima"))
    assert t.value("place") is None


def test_extract_dating_place_before_the_date_a_video_description_ends_on():
    page = ("Peru at the Conference - Statement by Amb. Rosa Campos\n\n310 views  Jun 6, 2031\n{desc}\n\n"
            "0:02 thank you Madam President Peru welcomes this session\n")
    [s] = extract(page.format(desc="Statement of Peru delivered by Ambassador Rosa Campos at the Conference on "
                                   "Space Security, Palais des Nations, Vienna, 4 June 2031."))
    assert s.value("place").label == "Vienna"
    # the negative case: a city named earlier in the sentence, not before its date, places nothing
    [t] = extract(page.format(desc="Statement of Peru in Vienna delivered by Ambassador Rosa Campos at the "
                                   "Conference on Space Security on 4 June 2031."))
    assert t.value("place") is None or t.value("place").label != "Vienna"
