"""Statement metadata: kind, date (range, listing fallback, readout), place, speakers, on-behalf-of, forum."""
from helpers import extract, keys, rels, value_keys


def test_extract_metadata_heading_date_place_forum_and_first_day_of_range():
    [s] = extract("Statement by Amb. Ivan Petrov, Permanent Representative of the Russian Federation, at the "
                  "First Session of the UN Open-ended Working Group on Developments in the Field of Information "
                  "and Telecommunications in the Context of International Security, New York, 3-4 June 2019\n\nText.")
    assert s.value("kind") == "statement"
    assert s.value("date") == "2019-06-03"
    assert s.value("place").label == "New York"
    assert s.value("forum").key == "OEWG-2019"
    assert value_keys(s, "on_behalf_of") == ["RUS"]


def test_extract_metadata_listing_date_is_only_a_fallback_and_readouts_use_their_day():
    a, b = extract("01.04.2019 - Welcoming letter on behalf of H.E.Mr. Alexander Yakovenko Russian Ambassador "
                   "to the UK (London, 31 March 2019)\n\nDear guests!\n\n"
                   "07.05.2020 - Press release on Foreign Minister Sergey Lavrov’s telephone conversation with UK "
                   "Foreign Secretary Dominic Raab\n\nOn May 6, Foreign Minister Sergey Lavrov had a conversation.")
    assert (a.value("date"), a.value("published"), a.value("kind")) == ("2019-03-31", "2019-04-01", "letter")
    assert a.value("place").label == "London"
    assert value_keys(a, "speakers") == ["alexander-yakovenko"] and value_keys(a, "on_behalf_of") == ["RUS"]
    assert (b.value("date"), b.value("kind")) == ("2020-05-06", "conversation")
    assert value_keys(b, "speakers") == ["sergey-lavrov", "dominic-raab"]
    assert value_keys(b, "on_behalf_of") == ["RUS", "GBR"]


def test_extract_metadata_joint_statement_speakers_from_the_first_sentence():
    [s] = extract("06.10.2020 - Joint statement calling for a ceasefire\n\nThe Minister of Foreign Affairs of "
                  "the Russian Federation Sergey Lavrov, Minister for Europe and Foreign Affairs of France "
                  "Jean-Yves Le Drian, and Secretary of State of the United States of America Michael R. Pompeo, "
                  "representing the Co-Chair countries of the OSCE Minsk Group, condemn the violence.")
    assert value_keys(s, "speakers") == ["sergey-lavrov", "jean-yves-le-drian", "mike-pompeo"]
    assert value_keys(s, "on_behalf_of") == ["RUS", "FRA", "USA"]
    assert s.value("forum").key == "OSCE-MG"


def test_extract_metadata_unsigned_comments_speak_for_their_issuer():
    stmts = extract("20.10.2020 - Embassy comment concerning statements by Foreign Secretary Dominic Raab\n\n"
                    "Russia rejects the accusations of the British side against Russia.\n\n"
                    "14.10.2020 - Statement by the Co-Chairs of the OSCE Minsk Group, Geneva-Moscow, 13 October "
                    "2020\n\nThe Co-Chairs note with alarm the violence.")
    a, b = stmts
    assert value_keys(a, "speakers") == [] and value_keys(a, "on_behalf_of") == ["RUS"]
    assert value_keys(b, "on_behalf_of") == ["OSCE-MG"] and b.value("forum").key == "OSCE-MG"
    assert b.value("place").label == "Geneva" and b.value("date") == "2020-10-13"


def test_extract_metadata_kind_is_named_first_unless_a_readout_or_press_conference():
    heads = {
        "Statement of the Embassy regarding the State Department's comments": "statement",
        "STATEMENT BY H.E. MR. VASSILY NEBENZIA AT THE UNSC BRIEFING ON UKRAINE": "statement",
        "Comment by the Spokeswoman on the joint statement by two ministers": "comment",
        "Press release on Foreign Minister Sergey Lavrov’s telephone conversation with Dominic Raab": "conversation",
        "Foreign Minister Sergey Lavrov’s statement and answers to media questions at a news conference": "remarks",
        "Article “Statement of Principles” by Foreign Minister Sergey Lavrov": "article",
        "Opening of Memory Watch 2019 national event": "news",
    }
    text = "\n\n".join(f"0{i + 1}.05.2020 - {h}\n\nBody text." for i, h in enumerate(heads))
    got = [s.value("kind") for s in extract(text)]
    assert got == list(heads.values())


def test_extract_metadata_mfa_listing_page_headings_and_untitled_speakers():
    from pathlib import Path

    text = (Path(__file__).parent / "fixtures" / "mfa_listing_page.txt").read_text(encoding="utf-8")
    stmts = extract(text, "mfa_listing_page.txt")
    assert len(stmts) == 5
    first = stmts[0]
    assert text[first.start:].startswith("Foreign Ministry Spokeswoman Maria Zakharova’s answer")
    assert (first.value("kind"), first.value("date")) == ("comment", "2021-11-22")
    assert value_keys(stmts[1], "speakers") == ["sergey-lavrov"] and value_keys(stmts[1], "on_behalf_of") == ["RUS"]
    assert [s.value("kind") for s in stmts] == ["comment", "remarks", "letter", "article", "statement"]


def test_extract_metadata_heading_over_several_lines_and_a_state_as_issuer():
    from pathlib import Path

    text = (Path(__file__).parent / "fixtures" / "state_statement.txt").read_text(encoding="utf-8")
    [s] = extract(text, "state_statement.txt")
    assert (s.value("date"), s.value("place").label, s.value("forum").key) == ("2023-03-07", "New York", "OEWG-2021")
    assert value_keys(s, "on_behalf_of") == ["IND"] and value_keys(s, "speakers") == []


def test_extract_metadata_bylines_and_issuing_states_of_other_governments():
    from pathlib import Path

    fixtures = Path(__file__).parent / "fixtures"
    [us] = extract((fixtures / "us_press_statement.txt").read_text(encoding="utf-8"), "us.txt")
    assert value_keys(us, "speakers") == ["antony-blinken"] and value_keys(us, "on_behalf_of") == ["USA"]
    assert us.value("date") == "2022-03-03"
    [uk] = extract((fixtures / "uk_speech.txt").read_text(encoding="utf-8"), "uk.txt")
    assert (uk.value("kind"), uk.value("date"), uk.value("forum").key) == ("speech", "2022-03-10", "OSCE-PC")
    assert value_keys(uk, "speakers") == ["neil-holland"] and value_keys(uk, "on_behalf_of") == ["GBR"]
    assert "NLD" not in {m.entity.key for m in uk.mentions}


def test_extract_metadata_group_statements_and_no_person_from_event_names():
    from pathlib import Path

    text = (Path(__file__).parent / "fixtures" / "group_statements.txt").read_text(encoding="utf-8")
    a, b = extract(text, "groups.txt")
    assert [e.label for e in a.value("on_behalf_of")] == ["Group of Friends in Defense of the Charter of the United Nations"]
    assert a.value("forum").key == "UNGA-C1"
    assert not [m for m in a.mentions if m.entity.kind == "Person"]  # "the General Debate of the First Committee"
    # "a group of like-minded States" is a group without a gazetteer name: the group as written
    assert [e.label for e in b.value("on_behalf_of")] == ["like-minded States"]


def test_extract_metadata_joint_statement_of_several_states_and_messages():
    from pathlib import Path

    text = (Path(__file__).parent / "fixtures" / "joint_and_letters.txt").read_text(encoding="utf-8")
    a, b = extract(text, "joint.txt")
    assert value_keys(a, "on_behalf_of") == ["RUS", "CHN"] and value_keys(a, "speakers") == []
    assert b.value("kind") == "letter"
    assert value_keys(b, "speakers") == ["sergey-lavrov"] and value_keys(b, "on_behalf_of") == ["RUS"]


def test_extract_metadata_dates_take_the_first_day_of_any_range():
    from kg.dates import find_dates

    cases = {"29 April – 10 May 2019": "2019-04-29", "April 29 - May 10, 2019": "2019-04-29",
             "3-4 June 2019": "2019-06-03", "June 3–4, 2019": "2019-06-03", "May 27, 2019": "2019-05-27",
             "05.06.2019": "2019-06-05", "2021-12-13": "2021-12-13"}
    assert {t: [h.iso for h in find_dates(t)] for t in cases} == {t: [d] for t, d in cases.items()}


def test_extract_metadata_unnamed_representative_and_qualified_forum():
    [s] = extract("Statement by the Representative of the Russian Federation at the 1st meeting of the UN OEWG on "
                  "ICT security, New York, 12 December 2022\n\nMr. Chair, the Russian delegation stands ready.")
    assert value_keys(s, "on_behalf_of") == ["RUS"]
    assert s.value("forum").key == "OEWG-2021"


def test_extract_metadata_dateline_opening_the_body():
    a, b = extract("Russia calls for an independent investigation\n\nMOSCOW, March 3, 2022 (TASS) – Russia calls for an "
                   "independent investigation, a diplomat said.\n\n05.03.2022 - Talks with a Turkish counterpart\n\n"
                   "Antalya, 4 March 2022 – The ministers held talks.")
    assert (a.value("date"), a.value("place").label) == ("2022-03-03", "Moscow")
    assert (b.value("date"), b.value("place").label, b.value("published")) == ("2022-03-04", "Antalya", "2022-03-05")


def test_extract_metadata_joint_statement_by_two_ministers_names_both():
    [s] = extract("Cyberspace - Joint statement by Jean-Yves Le Drian and Heiko Maas (Paris, 12 February 2021)\n\n"
                  "Jean-Yves Le Drian, Minister for Europe and Foreign Affairs, and Heiko Maas, Federal Minister for "
                  "Foreign Affairs of Germany, today issued the following statement.")
    assert value_keys(s, "speakers") == ["jean-yves-le-drian", "heiko-maas"]
    assert value_keys(s, "on_behalf_of") == ["FRA", "DEU"]
    assert (s.value("date"), s.value("place").label) == ("2021-02-12", "Paris")


def test_extract_metadata_press_release_symbol_heading_and_following_are_remarks():
    from pathlib import Path
    text = (Path(__file__).parent / "fixtures" / "sg_press_release.txt").read_text(encoding="utf-8")
    [s] = extract(text)  # the symbol and date above the title are one heading, not a statement of their own
    assert (s.value("kind"), s.value("date")) == ("remarks", "2021-06-29")
    assert value_keys(s, "speakers") == ["antonio-guterres"] and value_keys(s, "on_behalf_of") == ["UN"]
    assert s.value("forum").key == "UNSC"
    [r] = extract("GA/DIS/3671\n12 October 2021\n\nThe First Committee continued its general debate today, "
                  "hearing speakers on nuclear disarmament and cyber security.")
    assert r.value("kind") == "press release"


def test_extract_metadata_byline_block_down_to_the_date():
    from pathlib import Path
    text = (Path(__file__).parent / "fixtures" / "us_mission_remarks.txt").read_text(encoding="utf-8")
    [s] = extract(text)
    assert (s.value("kind"), s.value("date"), s.value("place").label) == ("remarks", "2021-05-22", "New York")
    assert value_keys(s, "speakers") == ["linda-thomas-greenfield"] and value_keys(s, "on_behalf_of") == ["USA"]
    # "the OEWG report" in May 2021 is the finished 2019-2021 group's; "the new OEWG" the 2021-2025 one
    assert {"OEWG-2019", "OEWG-2021"} <= {m.entity.key for m in s.mentions}


def test_extract_metadata_forum_is_the_committee_named_after_its_assembly():
    [s] = extract("EU Statement – UN General Assembly 77th First Committee: Thematic Discussion on Cyber\n\n"
                  "New York, 25 October 2022\n\nMr. Chair,\n\nThe EU supports draft resolution L.60 and regrets "
                  "the competing draft resolution L.23.")
    assert s.value("forum").key == "UNGA-C1"
    assert {m.entity.key for m in s.mentions if m.entity.kind == "Resolution"} == {"A/C.1/77/L.60", "A/C.1/77/L.23"}


def test_extract_metadata_title_on_the_line_below_the_name_and_forum_after_before():
    from pathlib import Path
    text = (Path(__file__).parent / "fixtures" / "iran_oewg_statement.txt").read_text(encoding="utf-8")
    [s] = extract(text)
    assert value_keys(s, "speakers") == ["majid-takht-ravanchi"] and value_keys(s, "on_behalf_of") == ["IRN"]
    assert s.value("forum").key == "OEWG-2019" and s.value("date") == "2019-09-10"
    assert ("jurg-lauber", "chairOf", "OEWG-2019") in rels([s])  # "you, Ambassador Lauber, on your election as ..."


def test_extract_metadata_statement_by_a_state_delivered_by_its_ambassador():
    [s] = extract("Statement by India at the Security Council Open Debate on Cyber Security delivered by Ambassador "
                  "T.S. Tirumurti, Permanent Representative of India to the UN\n\nJune 29, 2021\n\nMadam President,\n\n"
                  "India thanks Estonia for organizing this debate.")
    assert value_keys(s, "speakers") == ["t-s-tirumurti"] and value_keys(s, "on_behalf_of") == ["IND"]
    assert s.value("forum").key == "UNSC" and s.value("event") == "Security Council Open Debate on Cyber Security"
    assert ("t-s-tirumurti", "affiliatedWith", "IND") in rels([s])


def test_extract_metadata_on_behalf_of_lists_groups_and_also():
    def behalf(heading: str) -> list[str]:
        [s] = extract(heading + "\n\nMr. Chair,\n\nWe support the work of the OEWG.")
        return [e.key for e in s.value("on_behalf_of", [])]
    assert behalf("Statement by Japan, also on behalf of Australia and New Zealand, New York, 5 March 2022") == \
        ["JPN", "AUS", "NZL"]
    assert behalf("Statement by Egypt on behalf of the Arab Group, OEWG, Geneva, 12 December 2022") == ["ARAB-GROUP"]
    assert behalf("Statement by Sweden on behalf of the Nordic countries, New York, 5 March 2022") == \
        ["GROUP-NORDIC-COUNTRIES"]
    assert behalf("Statement by Indonesia on behalf of the Non-Aligned Movement, New York, 10 October 2022") == ["NAM"]
    assert behalf("Statement on behalf of the member States of the European Union, New York, 5 March 2022") == ["EU"]


def _fixture(name: str) -> str:
    from pathlib import Path
    return (Path(__file__).parent / "fixtures" / name).read_text(encoding="utf-8")


def test_extract_metadata_news_release_speaker_issued_the_following_statement_and_place_after_date():
    [s] = extract(_fixture("canada_news_release.txt"))
    assert (s.value("kind"), s.value("date"), s.value("place").label) == ("press release", "2023-03-14", "Ottawa")
    assert value_keys(s, "speakers") == ["melanie-joly"] and value_keys(s, "on_behalf_of") == ["CAN"]
    assert "MFA-CAN" in {m.entity.key for m in s.mentions}  # "Global Affairs Canada", a ministry with its own name
    assert ("burhan-gafoor", "chairOf", "OEWG-2021") in rels([s])


def test_extract_metadata_readout_day_under_a_later_posting_stamp():
    [s] = extract(_fixture("china_mfa_news.txt"))  # posted 2022-09-20, "On September 19, 2022 local time, ..."
    assert s.value("date") == "2022-09-19"
    assert value_keys(s, "speakers") == ["wang-yi"] and value_keys(s, "on_behalf_of") == ["CHN"]


def test_extract_metadata_co_sponsored_the_resolution_named_before():
    [s] = extract(_fixture("germany_press_release.txt"))
    assert value_keys(s, "speakers") == ["annalena-baerbock"] and value_keys(s, "on_behalf_of") == ["DEU"]
    assert {("A/RES/77/37", "sponsoredBy", k) for k in ("DEU", "FRA", "EGY")} <= rels([s])


def test_extract_metadata_event_of_a_heading_wrapped_over_lines_of_capitals():
    [s] = extract("STATEMENT BY THE DELEGATION OF CHILE AT THE THIRD\n    SUBSTANTIVE SESSION OF THE OPEN-ENDED "
                  "WORKING GROUP\n\nNEW YORK, 8 MARCH 2023\n\nMr. Chair,\n\nChile recalls RESOLUTION 75/240 "
                  "and thanks you.")
    assert s.value("event") == "THIRD SUBSTANTIVE SESSION OF THE OPEN-ENDED WORKING GROUP"
    assert "A/RES/75/240" in keys(s, "Resolution")
    # a heading in ordinary case still ends at its line
    [s] = extract("Statement at the third session\nNew York, 8 March 2023\n\nMr. Chair,\n\nChile thanks you.")
    assert s.value("event") == "third session"


def test_extract_metadata_un_meetings_coverage_names_no_speaker_of_its_own():
    # a UN release reports what others said: its headline's and lead's speaker is reported, not the author
    [s] = extract("GA/DIS/3999\n12 October 2023\n\nGeneral Assembly\nFirst Committee\n\nSpace Race Must Not Turn into "
                  "Arms Race, Under-Secretary-General Tells First Committee\n\nThe arms race in outer space must be "
                  "prevented, Under-Secretary-General Izumi Nakamitsu told the First Committee today, as delegates "
                  "began their thematic debate.\n\nThe representative of Chile said that norms were needed.\n")
    assert value_keys(s, "speakers") == [] and value_keys(s, "on_behalf_of") == ["UN"]
    # the same lead on a news page names its speaker
    [s] = extract("Space Race Must Not Turn into Arms Race, Under-Secretary-General Tells First Committee\n\n"
                  "12 October 2023\n\nThe arms race in outer space must be prevented, Under-Secretary-General Izumi "
                  "Nakamitsu told the First Committee today, as delegates began their thematic debate.\n")
    assert value_keys(s, "speakers") == ["izumi-nakamitsu"]


def test_extract_metadata_news_headline_quoting_its_speaker_and_a_published_line_below_the_byline():
    page = ("WORLD\n\n'Space must stay free of weapons': defence minister Jana Horak\n\nThe minister who leads the "
            "talks tells our correspondent why the treaty still matters to small states.\n\nPetra Novak\nForeign "
            "Correspondent\n\nPUBLISHED Mar 3, 2023, 06:00 AM CET\n\nPRAGUE – On Friday, after a week of talks, the "
            "treaty conference closed. Minister Horak spoke to us afterwards.\n")
    [s] = extract(page)
    assert value_keys(s, "speakers") == ["jana-horak"]
    assert s.value("date") == "2023-03-03"
    # a quote in the headline without a name after it names nobody; a date in the prose is no posting line
    [s] = extract(page.replace(": defence minister Jana Horak", " say delegates").replace("PUBLISHED ", "On "))
    assert value_keys(s, "speakers") == [] and s.value("date") is None


def test_extract_metadata_an_explanation_of_vote_speaks_in_the_committee_of_its_draft():
    body = "\n\nMr. Chair,\n\nOur delegation will vote in favour of the draft resolution before us today.\n"
    [s] = extract("Explanation of vote by Peru\n\nDraft resolution A/C.3/77/L.21" + body)
    assert s.value("forum").key == "UNGA-C3"
    # a statement of another kind naming a committee's draft is not thereby at that committee
    [s] = extract("Press release by Peru\n\nPeru welcomes draft resolution A/C.3/77/L.21 on the right to food, "
                  "tabled last week.\n")
    assert s.value("forum") is None


def test_extract_metadata_kind_of_a_podcast_episode_an_op_ed_tag_a_german_speech_and_a_press_secretary():
    from kg.layout import layout
    lay = layout()
    assert lay.kind_of("Episode 7: Lunar law with the Ambassador of Peru") == "interview"
    assert lay.kind_of("[Opinion] Why the lunar registry matters") == "article"
    assert lay.kind_of("Rede von Staatsministerin Anna Berg zur Weltraumsicherheit") == "speech"
    assert lay.kind_of("Press Conference by the Press Secretary Tom Berg") == "briefing"
    # the negative cases: the Portuguese "rede" (network) names no speech, a minister's press conference stays remarks
    assert lay.kind_of("Rede de cooperação espacial") is None
    assert lay.kind_of("Press Conference by Foreign Minister Rosa Campos") == "remarks"
