"""Several statements on one page: transcript turns (labels with a colon or alone on their line) and the
speakers of a meetings-coverage press release; an interview or a press conference stays one statement."""
from pathlib import Path

from helpers import extract, keys, labels, value_keys

FIXTURES = Path(__file__).parent / "fixtures"


def _read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_segment_turns_colon_labels_make_one_statement_per_turn_with_the_meeting_from_the_heading():
    text = _read("transcript.txt")
    stmts = extract(text)
    # the Chair's turns only give the floor and adjourn: procedural, no statements
    assert [s.heading for s in stmts] == ["Brazil", "China"]
    assert all(s.value("kind") == "transcript turn" for s in stmts)
    brazil, china = stmts
    assert value_keys(brazil, "on_behalf_of") == ["BRA"] and value_keys(china, "on_behalf_of") == ["CHN"]
    assert "I thank the representative" not in " ".join(text[s.start:s.end] for s in stmts)
    for s in stmts:  # the meeting's date, place and forum come from the page heading
        assert (s.value("date"), s.value("place").label, s.value("forum").key) == ("2022-03-28", "Geneva", "OEWG-2021")
    assert text[brazil.start:brazil.end].startswith("Brazil: Thank you") and brazil.end < china.start
    # "the OEWG" in a turn is the one the page's heading names
    assert "OEWG-2021" in {m.entity.key for m in brazil.mentions}
    assert "Open-ended working group" not in " ".join(text[s.start:s.end] for s in stmts)  # the heading frames only


def test_segment_turns_verbatim_record_labels_name_the_delegate_and_the_state():
    stmts = extract(_read("verbatim_record.txt"))
    assert [s.heading.split(" (")[0] for s in stmts] == ["Mr. Nebenzia", "Mr. Mills"]  # (the President's turns: procedural)
    neb = next(s for s in stmts if s.heading.startswith("Mr. Nebenzia"))
    mills = next(s for s in stmts if s.heading.startswith("Mr. Mills"))
    assert value_keys(neb, "speakers") == ["vasily-nebenzia"] and value_keys(neb, "on_behalf_of") == ["RUS"]
    assert [e.label for e in (x[0] for x in mills.value("speakers"))] == ["Mills"]
    assert value_keys(mills, "on_behalf_of") == ["USA"]
    assert all(s.value("date") == "2021-12-06" and s.value("forum").key == "UNGA" for s in stmts)
    assert labels(mills, "Resolution") == {"A/RES/70/237"}


def test_segment_turns_labels_alone_on_their_line():
    stmts = extract(_read("transcript_labels_alone.txt"))
    assert [s.heading for s in stmts] == ["Islamic Republic of Iran", "European Union"]  # (the Chair opens: procedural)
    assert value_keys(stmts[0], "on_behalf_of") == ["IRN"]
    assert value_keys(stmts[1], "on_behalf_of") == ["EU"]
    assert stmts[1].value("forum").key == "OEWG-2021"  # the turn's label is who speaks, not where


def test_segment_turns_press_release_keeps_its_reported_speakers_inside_one_statement():
    # a meetings-coverage release summarises speeches ("The representative of X said ..."): the UN's one statement
    text = _read("un_press_release.txt")
    [release] = extract(text)
    assert release.value("kind") == "press release" and release.value("forum").key == "UNGA-C1"
    assert value_keys(release, "speakers") == []
    assert {"SGP", "MEX"} <= keys(release, "State") and "A/C.1/76/L.13" in labels(release, "Resolution")
    assert "For information media" not in text[release.start:release.end]  # the footer is chrome


def test_segment_turns_a_vote_paragraph_between_reported_speakers_splits_nothing():
    [s] = extract("GA/DIS/4100\n3 November 2031\n\nFirst Committee Approves Draft on Outer Space Transparency\n\n"
                  "The Committee took action today on texts on outer space.\n\n"
                  "The representative of Peru said the draft would build trust among spacefaring nations.\n\n"
                  "Next, by a recorded vote of 120 in favour to 4 against, the Committee approved the second draft.\n\n"
                  "The representative of Norway said her delegation had voted in favour.\n")
    assert s.value("kind") == "press release" and {"PER", "NOR"} <= keys(s, "State")


def test_segment_turns_one_official_answering_unlabelled_questions_is_one_briefing():
    text = ("Ministry Press Briefing – 4 May 2031\n\nAnna Berg, Ministry Spokesperson\nOslo\n\n"
            "MS BERG: Good morning. One announcement before questions.\n\nQUESTION: Will Norway recall its envoy?\n\n"
            "MS BERG: No decision has been taken on that.\n\nQUESTION: And the talks in Geneva?\n\n"
            "MS BERG: They resume next week.\n")
    [s] = extract(text)
    assert s.value("kind") == "briefing" and text[s.start:s.end].endswith("resume next week.")


def test_segment_turns_a_transcript_of_two_delegations_still_splits():
    # the negative case: two different labelled voices in a meeting's transcript are two turns
    stmts = extract("Informal meeting on ICT security, Vienna, 2 June 2031\n\nMs. Berg (Norway): We support the "
                    "draft text as it stands today.\n\nMr. Silva (Brazil): We ask for one more round of talks.\n")
    assert [value_keys(s, "on_behalf_of") for s in stmts] == [["NOR"], ["BRA"]]


def test_segment_turns_interview_and_press_conference_stay_one_statement():
    [interview] = extract(_read("interview.txt"))
    assert interview.value("kind") == "interview" and value_keys(interview, "speakers") == ["sergey-lavrov"]
    [briefing] = extract(_read("press_conference.txt"))  # "CCTV:" and "AFP:" ask; they are no delegations
    assert value_keys(briefing, "speakers") == ["zhao-lijian"]


def test_segment_turns_a_speech_quoting_other_delegations_stays_one_statement():
    [s] = extract("Statement by the Representative of the Russian Federation in exercise of the right of reply at the "
                  "First Committee, New York, 20 October 2022\n\nMr. Chair,\n\nThe representative of Ukraine said "
                  "today that Russia was violating international law. This is not true.\n\nThe representative of "
                  "the United States stated that our draft resolution was divisive. We reject this.\n\nThank you.")
    assert value_keys(s, "on_behalf_of") == ["RUS"]


def test_segment_turns_a_chair_named_in_the_label_is_the_speaker():
    chair, brazil, china = extract(
        "OEWG on ICT security, third substantive session, New York, 8 March 2023\n\nThe Chair (Mr. Gafoor, "
        "Singapore): Our consultations this week turn to the regular institutional dialogue, on which I "
        "circulated a paper.\n\nBrazil: Thank you, Chair. We support the Programme of Action "
        "and the work of the OEWG under your leadership.\n\nChina: Thank you, Chair. The OEWG should remain the "
        "single track on ICT security.\n")
    assert value_keys(chair, "speakers") == ["burhan-gafoor"]
    assert value_keys(brazil, "speakers") == [] and value_keys(china, "on_behalf_of") == ["CHN"]
    assert all(s.value("forum").key == "OEWG-2021" for s in (chair, brazil, china))


def test_segment_turns_a_council_briefing_transcript_still_splits_into_delegations():
    # a briefing heading does not make a verbatim record of delegations one statement
    stmts = extract("Security Council briefing on threats to space assets, 9 June 2031\n\n"
                    "Ms. Berg (Norway): Norway is concerned by the recent tests in orbit.\n\n"
                    "Mr. Silva (Brazil): Brazil calls for restraint by all spacefaring States.\n")
    assert [value_keys(s, "on_behalf_of") for s in stmts] == [["NOR"], ["BRA"]]


def test_segment_turns_a_delegation_label_with_a_note_of_whom_it_speaks_for_opens_a_turn():
    # explanations of vote under country headings in capitals, one of them with a note in brackets
    text = ("Fourth Committee, 90th session - Action on draft resolutions on outer space\n9 November 2031\n\n"
            "NORWAY\nThank you. Norway will vote for the draft on the peaceful uses of outer space as it stands.\n\n"
            "KENYA (on behalf of the African Group)\nMr. Chair, I speak for the African Group today. "
            "The Group will abstain, as the draft prejudges the outcome of the talks in Vienna.\n")
    norway, kenya = extract(text)
    assert text[kenya.start:].startswith("KENYA (on behalf") and norway.end < kenya.start
    assert value_keys(norway, "on_behalf_of") == ["NOR"] and value_keys(kenya, "on_behalf_of") == ["UN-AFRICAN-GROUP"]
    assert kenya.value("place") is None  # the note in brackets is no wire agency's dateline ("ROME (Agency) –")
    assert kenya.value("date") == "2031-11-09"


def test_segment_turns_a_bracketed_note_on_a_label_naming_no_delegation_splits_nothing():
    # the negative case: a section's title with a note of whom it speaks for is no delegation's label
    text = ("Fourth Committee, 90th session\n9 November 2031\n\nCLOSING REMARKS (on behalf of the Bureau)\n"
            "The Bureau thanks all delegations for their work on the peaceful uses of outer space this session.\n\n"
            "NORWAY\nThank you. Norway will vote for the draft on the peaceful uses of outer space as it stands.\n")
    [s] = extract(text)
    assert s.role == "main" and "CLOSING REMARKS" in text[s.start:s.end]


def test_segment_turns_an_event_with_a_moderator_is_one_statement_of_its_guest():
    head = ("Event transcript: Norms for outer space after the Lima talks\nEvent date: 4 May 2031\n\n"
            "Speakers: Ambassador Lina Sorensen, Special Envoy for Cyber Affairs, Ministry of Foreign Affairs of Norway; "
            "Dr. Tom Baker, Senior Fellow (moderator)\n\n")
    turns = ("DR. BAKER: Welcome. Ambassador, where do the talks stand after Lima?\n\nAMBASSADOR SORENSEN: They stand "
             "on firm ground. Norway wants a political commitment this year.\n\nDR. BAKER: And Brazil?\n\n"
             "AMBASSADOR SORENSEN: Brazil shares that aim.\n")
    [s] = extract(head + turns)
    assert value_keys(s, "speakers") == ["lina-sorensen"] and value_keys(s, "on_behalf_of") == ["NOR"]
    # without a moderator the two voices are two turns
    assert len(extract(head.replace(" (moderator)", "") + turns)) > 1


def test_segment_turns_a_guest_label_is_no_field_naming_the_speaker():
    [s] = extract("Episode 4: Orbits and rules\n\nPublished 4 May 2031\n\nHOST: Welcome back. What happened in Vienna?\n\n"
                  "GUEST: We thanked the Chair, Ambassador Lina Sorensen of Norway, for her patience with us.\n")
    assert "lina-sorensen" not in value_keys(s, "speakers")


def test_segment_turns_time_stamped_capital_labels_open_turns_and_the_chair_only_calls_them():
    text = ("Video archive\n\nFourth Committee - 12th meeting\nNew York  ·  2031-11-05  ·  01:10:44\n\n"
            "[00:00:05] CHAIR: I call to order the 12th meeting. I give the floor to Chile.\n\n"
            "[00:00:20] CHILE: Thank you, Chair. Chile welcomes the report on space debris.\n"
            "[00:00:31] We call for a registry of all objects placed in orbit.\n\n"
            "[00:00:52] CHAIR: I thank Chile. I give the floor to Norway.\n\n"
            "[00:01:01] NORWAY: Norway shares the views of the previous speaker on space debris.\n")
    chile, norway = extract(text)
    assert (chile.heading, norway.heading) == ("CHILE", "NORWAY")  # the time stamp is no part of the label
    assert value_keys(chile, "on_behalf_of") == ["CHL"] and value_keys(norway, "on_behalf_of") == ["NOR"]
    assert "CHL" in keys(chile, "State")  # the label in capitals names its state
    # the negative case: a name in capitals inside a line of text is no label and names nothing
    [other] = extract("Statement on debris\n\nWe thank the team of PERU for their draft on the debris in orbit.\n")
    assert "PER" not in keys(other, "State")
    assert text[chile.start:chile.end].endswith("placed in orbit.")
    assert all(s.value("date") == "2031-11-05" for s in (chile, norway))  # the masthead's date dates the turns


def test_segment_turns_a_chair_turn_of_substance_stays_a_statement():
    # the negative case: a chair who speaks to the matter (no floor given, no adjournment) makes a statement
    chair, peru = extract("Working Group on outer space, second session, Vienna, 4 March 2031\n\nChair: Let me set out "
                          "how I see our task this year: a common text on transparency in orbit, and a calendar for "
                          "its adoption.\n\nPeru: Thank you, Chair. Peru supports the text on transparency.\n")
    assert chair.heading == "Chair" and value_keys(peru, "on_behalf_of") == ["PER"]


def test_segment_turns_a_verbatim_record_masthead_only_frames_its_turns():
    text = ("United Nations                                   A/C.4/90/PV.7\nGeneral Assembly\nNinetieth session\n"
            "Fourth Committee\n7th meeting\nWednesday, 5 November 2031, 3 p.m.\nNew York\n\n"
            "Chair:   Mr. Okoro . . . . . . . . . . . . . . . . . . . . (Ruritania)\n\n"
            "      This record contains the text of speeches delivered in English and of the\n"
            "      interpretation of speeches delivered in the other languages.\n\n"
            "            The meeting was called to order at 3.10 p.m.\n\n"
            "Agenda item 49 (continued)\n\nInternational cooperation in the peaceful uses of outer space\n\n"
            "      The Chair: I give the floor to the representative of Chile.\n\n"
            "      Mr. Rojas (Chile): Chile calls for a registry of all objects placed in orbit, as the\n"
            "progress report of the Subcommittee, which we welcome, proposes.\n\n"
            "      Ms. Berg (Norway): Norway supports the registry that Chile proposes.\n")
    stmts = extract(text)
    # no statement for the masthead, the record's note or the Chair calling speakers; a wrapped line that opens in
    # lower case ("progress report ...") is no heading
    assert [s.heading.split(" (")[0] for s in stmts] == ["Mr. Rojas", "Ms. Berg"]
    assert all(s.value("date") == "2031-11-05" and s.value("forum").key == "UNGA-C4" for s in stmts)
