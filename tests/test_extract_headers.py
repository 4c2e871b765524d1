"""How statements are headed, signed, dated and attributed, on invented pages of sites the corpus has
never seen: header blocks, bylines, preambles, salutations, forums, news leads, dates, on-behalf-of."""
from helpers import extract, rels, value_keys

from kg.dates import find_dates
from kg.gazetteer import spelling_variants
from kg.layout import layout
from kg.segment import segment


def test_extract_headers_byline_block_with_blank_lines_gives_speaker_office_state_and_date():
    [s] = extract("Remarks at the Conclusion of the Open-ended Working Group on ICTs\n\n"
                  "Laura Feldman\n\nDeputy Director\n\nOffice of Cyber Policy\n\nGlobal Affairs Canada\n\n"
                  "Ottawa, Ontario\n\n4 April 2022\n\n"
                  "Madam Chair,\n\nCanada thanks you for your leadership over the past months of work.")
    assert value_keys(s, "speakers") == ["laura-feldman"]
    assert s.value("date") == "2022-04-04"
    assert s.value("forum").key == "OEWG-2021"
    assert value_keys(s, "on_behalf_of") == ["CAN"]
    assert ("laura-feldman", "affiliatedWith", "CAN") in rels([s])


def test_extract_headers_byline_above_the_salutation_ends_the_header_without_a_date():
    [s] = extract("Opening Statement on 2 May 2023\n\nMs. Priya Raman\n\nAdditional Secretary, Ministry of "
                  "External Affairs of India\n\nMr. Chair,\n\nLet me begin by congratulating you on your election.")
    assert value_keys(s, "speakers") == ["priya-raman"]
    assert value_keys(s, "on_behalf_of") == ["IND"]


def test_extract_headers_preamble_title_lines_belong_to_the_statement_and_name_its_forum():
    text = ("Search\n\nOpen Ended Working Group on Developments in the Field of ICTs\n\nSecond substantive session\n\n"
            "Statement by H.E. Mr. Tomas Lind\n\nPermanent Representative of Sweden to the United Nations\n\n"
            "New York, 11 February 2020\n\nMr. Chair,\n\nSweden aligns itself with the statement of the EU.")
    [s] = extract(text)
    assert text[s.start:].startswith("Open Ended Working Group")  # "Search" is a menu, not the title
    assert s.value("forum").key == "OEWG-2019"  # by the date: the first OEWG
    assert s.value("date") == "2020-02-11"
    assert value_keys(s, "speakers") == ["tomas-lind"] and value_keys(s, "on_behalf_of") == ["SWE"]


def test_extract_headers_letterheads_section_labels_and_doubled_labels_are_chrome():
    lay = layout()
    assert lay.letterhead.match("Permanent Mission of Ireland to the United Nations")
    assert lay.letterhead.match("Embassy of the Republic of Korea in Canberra")
    for line in ("Press Releases", "Back to Statements", "An official website of the Kingdom of Norway",
                 "Human Rights Council Human Rights Council"):
        assert lay.is_chrome(line), line
    assert not lay.is_chrome("Statement by Norway to the Human Rights Council")


def test_extract_headers_salutations_are_not_the_first_sentence():
    lay = layout()
    for line in ("Mr. Chair,", "Madam President,", "Thank you, Mr. Chairman.", "Excellencies, ladies and gentlemen,",
                 "Good afternoon colleagues."):
        assert lay.is_salutation(line), line
    for line in ("Chile aligns itself with the statement.", "Mr. Chair, we thank you for the draft."):
        assert not lay.is_salutation(line), line
    [s] = extract("Statement by Ghana\n\nMadam Chair,\n\nI speak on behalf of the African Group.")
    assert value_keys(s, "on_behalf_of") == ["AFRICAN-GROUP"] or [e.label for e in s.value("on_behalf_of")] == [
        "African Group"]


def test_extract_headers_another_delegations_on_behalf_of_is_not_this_statements():
    [s] = extract("Statement by Peru\n\nMr. Chair,\n\nPeru aligns itself with the statement delivered by Mexico "
                  "on behalf of the Group of Latin American and Caribbean States.\n\nWe believe in norms.")
    assert value_keys(s, "on_behalf_of") == ["PER"]


def test_extract_headers_unknown_coalition_is_kept_never_replaced_by_the_speakers_country():
    [s] = extract("Statement by Ambassador Lena Holm of Denmark\n\nChair,\n\nI have the honour to speak on "
                  "behalf of the Friends of Digital Resilience Network.")
    assert [e.label for e in s.value("on_behalf_of")] == ["Friends of Digital Resilience Network"]


def test_extract_headers_joint_statement_list_ends_with_my_own_country():
    [s] = extract("Joint explanation of vote\n\n9 November 2019\n\nChair,\n\nI speak on behalf of Iceland, Norway "
                  "and my own country, Finland, to explain our vote.")
    assert sorted(value_keys(s, "on_behalf_of")) == ["FIN", "ISL", "NOR"]


def test_extract_headers_forum_cue_title_line_and_office_told_apart():
    [a] = extract("Statement by H.E. Ms. Ana Pérez, Permanent Representative of Chile to the United Nations, at "
                  "the First Committee, New York, 12 October 2023\n\nThank you.")
    assert a.value("forum").key == "UNGA-C1"
    [b] = extract("Statement by Mr. Jon Berg\nDelegation of Norway\n\n79th UNGA 1st Committee\nNew York, "
                  "14 October 2024\n\nThank you, Chair.")
    assert b.value("forum").key == "UNGA-C1"
    [c] = extract("EU Statement – Conference on Disarmament: plenary on new weapons\n\nMr. President,\n\n"
                  "The EU is concerned.")
    assert c.value("forum").key == "CD"
    [d] = extract("Security Council resolution on peacekeeping a step forward, says Minister\n\n"
                  "OSLO, 3 March 2021 – Norway's Foreign Minister Eva Dahl today welcomed the resolution adopted "
                  "by the Security Council.")
    assert d.value("forum") is None  # a body that only qualifies "resolution", and no meeting in the lead


def test_extract_headers_news_lead_speaker_forum_and_place():
    [s] = extract("Moscow wants dialogue on space security\n\nWorld news\n\n"
                  "MOSCOW, March 2. /TASS/. Moscow is ready for a dialogue on outer space, Russia's Permanent "
                  "Representative to the organization, Vassily Nebenzia, said at a meeting of the UN Security "
                  "Council in New York on Tuesday.\n\nHe added more.")
    assert value_keys(s, "speakers") == ["vasily-nebenzia"]
    assert s.value("forum").key == "UNSC"
    [t] = extract("Envoy welcomes talks\n\nGENEVA, 7 June 2022 – UN High Representative Izumi Nakamitsu today "
                  "welcomed the start of talks on a new treaty, calling them a milestone.\n\nMore text follows.")
    assert value_keys(t, "speakers") == ["izumi-nakamitsu"]
    [u] = extract("Cyber talks continue\n\nBERLIN, 3 May 2022 – As Minister Anna Vogel said last year, norms "
                  "matter, and the talks on them continued in Berlin this week.\n\nMore.")
    assert value_keys(u, "speakers") == []  # cited, not speaking


def test_extract_headers_slashed_dates_follow_the_sites_convention():
    us = "Posted 10/13/2021. The meeting of 6/10/2021 ..."
    assert [d.iso for d in find_dates(us)] == ["2021-10-13", "2021-06-10"]
    eu = "Published 13/10/2021; the session of 6/10/2021 ..."
    assert [d.iso for d in find_dates(eu)] == ["2021-10-13", "2021-10-06"]
    assert [d.iso for d in find_dates("On 6/10/2021 (see October 7, 2021)")] == ["2021-06-10", "2021-10-07"]
    assert [d.iso for d in find_dates("On 6/10/2021 (see 7 October 2021)")] == ["2021-10-06", "2021-10-07"]
    assert find_dates("On 6/10/2021 only") == []  # the page does not tell: no guess


def test_extract_headers_year_first_dates_with_dots_or_slashes():
    # year first is year, month, day whatever the separator ("2022.11.03", "2022/11/03", "2022. 11. 3.")
    for text in ("Session of 2022.11.03", "Session of 2022/11/03", "Posted 2022. 11. 3. by the mission"):
        assert [d.iso for d in find_dates(text)] == ["2022-11-03"], text
    # a version number or a longer run of dotted numbers is no date
    assert find_dates("software release 2022.11.3.1 and v4.2022.11.03") == []


def test_extract_headers_gazetteer_names_in_digits_other_spelling_and_without_hyphens():
    assert "2nd Committee" in spelling_variants("Second Committee")
    assert "X Review Conference of the Parties" in spelling_variants("Tenth Review Conference of the Parties")
    assert "X Committee" not in spelling_variants("Tenth Committee")  # a Roman numeral only before a conference
    assert "Group on Responsible State Behavior" in spelling_variants("Group on Responsible State Behaviour")
    assert "Open ended Working Group" in spelling_variants("Open-ended Working Group")


def test_extract_headers_names_and_offices_never_run_over_a_line_end():
    [s] = extract("Remarks to the Conference on Disarmament\n\nDavid Osei\nSenior Adviser\nOffice of the "
                  "Coordinator for Arms Control\nDepartment of Foreign Affairs\nAccra\n12 March 2020\n\nMr. President,"
                  "\n\nGhana is committed.")
    labels = {m.entity.label for m in s.mentions}
    assert "Arms Control" not in labels  # "Coordinator for Arms Control" is an office, not a person
    assert not any("\n" in m.quote for m in s.mentions if m.entity.kind == "Organization")
    seg = segment("Title of the remarks\n\nJane Roe\nWashington, D.C.\nMay 2, 2020\n\nText of the remarks here.")
    assert seg[0].heading_end > 30  # "D.C." ends with an abbreviation, not a sentence


def test_extract_headers_a_bodys_own_statement_is_for_the_body_at_its_meeting():
    [a] = extract("Chairperson's Statement of the 12th ASEAN Regional Forum\n\nVientiane, 29 July 2005\n\n"
                  "1. The Twelfth Meeting of the ASEAN Regional Forum was held in Vientiane. The Meeting was chaired "
                  "by H.E. Mr. Somsavat Lengsavad, Deputy Prime Minister of the Lao PDR.\n\n2. More.")
    assert value_keys(a, "on_behalf_of") == ["ARF"] and a.value("forum").key == "ARF"
    assert value_keys(a, "speakers") == ["somsavat-lengsavad"]
    assert ("somsavat-lengsavad", "chairOf", "ARF") in rels([a])
    [b] = extract("G20 Leaders' Declaration on Digital Trust\n\nRome, 31 October 2021\n\nWe, the Leaders, agree.")
    assert value_keys(b, "on_behalf_of") == ["G20"] and b.value("forum").key == "G20"
    [c] = extract("Joint Statement of Brazil and India on Cyberspace\n\n3 May 2019\n\nBoth sides agree.")
    assert "G20" not in value_keys(c, "on_behalf_of") and c.value("forum") is None


def test_extract_headers_chair_and_founding_relations_in_other_wordings():
    [s] = extract("Statement by Finland\n\n5 May 2021\n\nWe thank Sweden, presiding over the OSCE this year. "
                  "Resolution 75/240, which established the OEWG, guides us.")
    assert ("SWE", "chairOf", "OSCE") in rels([s])
    assert ("OEWG-2021", "establishedBy", "A/RES/75/240") in rels([s])


def test_extract_headers_yearless_dateline_takes_the_year_the_text_speaks_of():
    [s] = extract("Envoy hopes for progress on arms control\n\nBRUSSELS, March 4. /Agency/. The talks in 2019 "
                  "should bring results, the envoy said. Last year, in 2018, they stalled; 2019 is decisive.\n\nMore.")
    assert s.value("date") == "2019-03-04"


def test_extract_headers_news_weekday_is_the_last_such_day_before_posting():
    [s] = extract("Diplomat urges restraint\n\nAgency, October 10, 2015\n\nA senior diplomat Friday urged all "
                  "states to show restraint in cyberspace, speaking to reporters in Geneva.\n\nMore.")
    assert s.value("date") == "2015-10-09"  # 10 October 2015 was a Saturday
    [t] = extract("Briefing by the Spokesperson, May 3, 2019\n\nOn Monday, May 6, the talks will begin in Geneva "
                  "and go on for a week with many delegations present.\n\nMore.")
    assert t.value("date") == "2019-05-03"  # a written-out date is not the lead's weekday


def test_extract_headers_date_stamps_menus_tickers_and_ui_words():
    [s] = extract("09:45\n\nMinister Karl Berg's interview with Radio Nord on arms control talks in Vienna\n\n"
                  "2231-14-05-2021\n\nQuestion: How did the talks go?\n\nKarl Berg: Well, Austria hosted them.")
    assert s.value("date") == "2021-05-14"  # a counter and a day-first date; "2231" is no year
    assert find_dates("1595-03-08") == []
    lay = layout()
    assert lay.is_chrome("Home | About | News | Contact us")
    assert lay.is_chrome("Storm hits coast  • Minister resigns  • Markets fall  • Talks resume")
    assert lay.is_chrome("You are here: Home > News")
    [t] = extract("Latest\nFloods in the north • Budget approved • New ambassador named • Rail strike ends\n\n"
                  "Envoy urges talks on cyber norms\n\nAgency, 12 March 2021 Print\n\n"
                  "An envoy on Thursday urged talks on norms in cyberspace, speaking at a conference in Geneva on "
                  "international security and stability.\n\nMore.")
    assert t.context.text[t.start:].startswith("Envoy urges talks")
    assert t.value("date") == "2021-03-11"


def test_extract_headers_statement_delivered_by_a_state_is_for_that_state():
    [s] = extract("Statement delivered by Austria at the Security Council open debate on climate and security\n\n"
                  "Mr. President,\n\nAustria thanks the presidency.")
    assert value_keys(s, "on_behalf_of") == ["AUT"] and s.value("forum").key == "UNSC"


def test_extract_headers_un_press_release_speaks_for_the_un_at_the_body_it_covers():
    [s] = extract("Seventy-eighth Session,\n21st Meeting (PM)\nGA/DIS/3721\n\nFirst Committee Adopts 12 Drafts on "
                  "Nuclear Disarmament\n\nThe First Committee (Disarmament and International Security) today adopted "
                  "twelve drafts, with delegates divided over several of them.")
    assert value_keys(s, "on_behalf_of") == ["UN"] and s.value("forum").key == "UNGA-C1"


def test_extract_headers_series_of_a_recurring_body_and_editions_by_year():
    [s] = extract("Statement by Chile\n\n10 March 2021\n\nWe build on previous Groups of Governmental Experts and "
                  "on the three consensus GGE reports. The GGE report of 2015 matters most to us.")
    keys = [m.entity.key for m in s.mentions if m.entity.kind == "Organization"]
    assert keys[:2] == ["GGE", "GGE"] and keys[2] == "GGE-2014"


def test_extract_headers_offices_and_departments_by_shape():
    [s] = extract("Remarks to the Conference on Disarmament\n\nJohn Doe\nSenior Adviser\nOffice of the Special "
                  "Envoy for Arms Control\nU.S. Department of State\nWashington, D.C.\nMay 4, 2020\n\nThank you, "
                  "Mr. President.\n\nThe Department of Energy Nuclear Posture Review and the Policy Department of "
                  "the French Foreign Ministry were discussed.")
    labels = {m.entity.label for m in s.mentions if m.entity.kind == "Organization"}
    assert "Office of the Special Envoy for Arms Control" in labels
    assert "Department of Energy" in labels  # the review is a document, not part of the name
    assert "MFA-FRA" in {m.entity.key for m in s.mentions}  # the ministry inside the department's name stays
    office = next(m.entity for m in s.mentions if m.entity.label == "Office of the Special Envoy for Arms Control")
    assert office.attr("state") == "USA"


def test_extract_headers_possessive_and_explanation_headings_name_their_issuer_and_forum():
    [a] = extract("Norway's statement to the Human Rights Council, 14 March 2022\n\nMr. President,\n\nNorway is "
                  "deeply concerned.")
    assert value_keys(a, "on_behalf_of") == ["NOR"] and a.value("forum").key == "UN-HRC"
    assert a.value("date") == "2022-03-14"
    [b] = extract("Explanation of position by Chile on the adoption of the report\n\n8 July 2023\n\nChair,\n\n"
                  "Chile joined consensus.")
    assert value_keys(b, "on_behalf_of") == ["CHL"] and b.value("kind") == "explanation of vote"


def test_extract_headers_delivered_by_and_addressed_leads():
    [a] = extract("Statement on small arms\n\nDelivered by Counsellor Petra Novak to the Forum for Security "
                  "Co-operation, Vienna, 9 June 2021\n\nMadam Chairperson,\n\nSlovenia supports the draft.")
    assert value_keys(a, "speakers") == ["petra-novak"] and a.value("forum").key == "OSCE-FSC"
    assert a.value("date") == "2021-06-09"
    [b] = extract("Ireland at the Conference on Disarmament\n\nAmbassador Niamh Byrne addressed the Conference on "
                  "Disarmament today, calling for a treaty banning the production of fissile material.\n\nMore.")
    assert value_keys(b, "speakers") == ["niamh-byrne"] and b.value("forum").key == "CD"


def test_extract_headers_agency_dateline_and_an_unnamed_envoy():
    [s] = extract("Envoy calls for restraint in outer space\n\nNAIROBI, June 7 (Agency) -- Kenya's envoy to the "
                  "UN said on Tuesday that outer space must remain peaceful, adding that 2023 is decisive.\n\nMore.")
    assert value_keys(s, "speakers") == [] and value_keys(s, "on_behalf_of") == ["KEN"]
    assert s.value("place").label == "Nairobi" and s.value("date") == "2023-06-07"


def test_extract_headers_transcript_labels_in_capitals_titled_names_and_short_pages():
    turns = extract("Summary record of the 3rd meeting of the Working Group\n\nVienna, 2 March 2023\n\n"
                    "THE CHAIR: I give the floor to the delegation of Peru.\n\nPERU: Thank you, Chair. Peru supports "
                    "the proposal on norms.\n\nAmbassador Rossi\n\nI speak for Italy, and Italy agrees with the draft "
                    "that is before us today.\n\nMr. President:\n\nThat was not a label.")
    assert [t.role for t in turns] == ["turn", "turn"]  # (THE CHAIR only gives the floor: procedural)
    assert [value_keys(t, "on_behalf_of") for t in turns] == [["PER"], ["ITA"]]
    assert all(t.value("date") == "2023-03-02" for t in turns)


def test_extract_headers_a_short_statement_is_still_a_statement():
    [s] = extract("Comment by the Spokesperson\n\nWe regret the decision taken today by the Council.")
    assert s.value("kind") == "comment"


def test_extract_headers_in_the_name_of_god_says_for_no_one():
    [s] = extract("Statement by\nMr. Ali Karimi\nCounsellor\nPermanent Mission of the Islamic Republic of Iran to the "
                  "United Nations\nNew York, 4 April 2022\nIn the Name of God, the Compassionate, the Merciful.\n"
                  "Mr. Chair,\nIran supports the work of this Group.")
    assert value_keys(s, "on_behalf_of") == ["IRN"]


def test_extract_headers_a_body_inside_a_treaty_name_is_not_counted_twice():
    [s] = extract("Statement by Fiji\n\n2 May 2022\n\nWe uphold the Charter of the United Nations in cyberspace.")
    keys = {m.entity.key for m in s.mentions}
    assert "UN-CHARTER" in keys and "UN" not in keys


def test_extract_headers_relation_wordings():
    def rel_of(sentence: str) -> set:
        return rels(extract("Statement by Chile\n\n10 March 2021\n\n" + sentence))
    assert rel_of("We welcome resolution 78/16 on outer space, which was tabled by Japan and Mexico.") >= {
        ("A/RES/78/16", "sponsoredBy", "JPN"), ("A/RES/78/16", "sponsoredBy", "MEX")}
    assert ("A/C.1/79/L.40", "sponsoredBy", "CHN") in rel_of("We cannot support the Chinese draft A/C.1/79/L.40.")
    assert ("EGY", "chairOf", "UNSC") in rel_of("Egypt assumed the presidency of the Security Council in May.")
    got = rel_of("Ambassador Lena Holm of Denmark chaired the Conference on Disarmament.")
    assert ("lena-holm", "chairOf", "CD") in got and ("DNK", "chairOf", "CD") not in got
    assert ("maria-rossi", "affiliatedWith", "ITA") in rel_of(
        "The talks must go on, Italy's deputy UN envoy Maria Rossi told reporters.")


def test_extract_headers_a_bare_item_heading_takes_the_title_lines_below_it():
    [s] = extract("12 Jun 2024 | Statement\n\nIceland's statement to the Human Rights Council\n\nDelivered by "
                  "Ambassador Einar Gunnarsson\n\nThank you, President. Iceland thanks the Special Rapporteur.")
    assert value_keys(s, "speakers") == ["einar-gunnarsson"] and value_keys(s, "on_behalf_of") == ["ISL"]
    assert s.value("forum").key == "UN-HRC"


def test_extract_headers_capital_headings_meeting_title_lines_and_date_lines_with_a_time():
    [a] = extract("STATEMENT BY H.E. MS. AMA OWUSU, PERMANENT REPRESENTATIVE OF GHANA, AT THE THEMATIC DEBATE ON "
                  "OUTER SPACE, 79TH SESSION OF THE FIRST COMMITTEE\n\nNEW YORK, 21 OCTOBER 2024\n\nMr. Chair,\n\n"
                  "Ghana associates itself with the statement delivered by Kenya on behalf of the African Group.")
    assert a.value("forum").key == "UNGA-C1" and value_keys(a, "on_behalf_of") == ["GHA"]
    [b] = extract("Intervention by Chile on behalf of the Group of Friends of Digital Cooperation\n\nHigh-level "
                  "meeting of the General Assembly, 20 September 2024\n\nMr. President,\n\nWe welcome the pact.")
    assert b.value("forum").key == "UNGA"
    assert [e.label for e in b.value("on_behalf_of")] == ["Group of Friends of Digital Cooperation"]
    stmts = extract("Press Conference by Press Secretary Aiko Mori\n\nTuesday, May 7, 2024, 3:05 p.m. Ministry of "
                    "Foreign Affairs\n\nOpening Remarks\n\nPress Secretary Mori: Good afternoon. Japan will host the "
                    "digital ministers next week.")
    assert len(stmts) == 1 and stmts[0].value("date") == "2024-05-07"


def test_extract_headers_delegates_with_their_state_in_brackets():
    stmts = extract("Seventy-ninth session\nGA/DIS/3740\n\nFirst Committee continues debate\n\nKOFI OWUSU MARCH "
                    "(Ghana), speaking on behalf of the African Group, said that outer space must stay peaceful.\n\n"
                    "Lucia Ferreira (Brazil) said norms apply to every State in cyberspace without exception.")
    got = rels(stmts)
    assert ("kofi-owusu-march", "affiliatedWith", "GHA") in got and ("lucia-ferreira", "affiliatedWith", "BRA") in got
    assert value_keys(stmts[0], "on_behalf_of") == ["UN"]  # the release, not the African Group it reports


def test_extract_headers_an_html_page_with_banner_share_buttons_and_a_split_dateline(tmp_path):
    from kg.pipeline import extract_document
    from kg.read import read_document
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><div>We use cookies on this site.</div><nav><a>Home</a> <a>News</a></nav>"
        "<div><a>Share on Facebook</a><a>Share on X</a></div>"
        "<h1>EU Statement – UN Security Council: Open Debate on Women, Peace and Security</h1>"
        "<p>14.05.2024</p><p>New York</p>"
        "<p>Statement on behalf of the European Union by H.E. Ambassador Olof Skoog, Head of the EU Delegation "
        "to the UN</p><p>Madam President,</p><p>I have the honour to speak on behalf of the European Union and "
        "its Member States.</p></body></html>", encoding="utf-8")
    [s] = extract_document(read_document(page))
    assert s.context.text[s.start:].startswith("EU Statement")
    assert value_keys(s, "speakers") == ["olof-skoog"] and value_keys(s, "on_behalf_of") == ["EU"]
    assert s.value("forum").key == "UNSC" and s.value("date") == "2024-05-14"


def test_extract_headers_verbatim_record_delegates_serve_the_delegation_in_brackets():
    turns = extract("Security Council\n9400th meeting\nMonday, 4 March 2024, 10 a.m.\nNew York\n\nThe President: I "
                    "give the floor to the representative of Chile.\n\nMr. Ortega Ruiz (Chile): Chile thanks the "
                    "presidency for this debate on the protection of civilians in armed conflict.\n\nMs. Tanaka "
                    "(Japan): Japan shares the concern expressed by Chile on this matter today.")
    got = rels(turns)
    assert ("ortega-ruiz", "affiliatedWith", "CHL") in got and ("tanaka", "affiliatedWith", "JPN") in got
    assert all(t.value("forum").key == "UNSC" for t in turns)


def test_extract_headers_a_plural_body_name_is_the_series():
    [s] = extract("G20 Statement on cyberspace\n\nRome, 3 May 2021\n\nWe recall the reports of the United Nations "
                  "Groups of Governmental Experts and welcome the work of the OEWG.")
    assert "GGE" in {m.entity.key for m in s.mentions}


def test_extract_headers_a_statement_about_anothers_statement_is_the_issuers_own():
    stmts = extract("Embassy of Peru\n\nNews\n\n02.03.2021 - Comment by the Embassy on the statement by Chile\n\n"
                    "Peru regrets the remarks. Chile and Peru will meet again.\n\n01.03.2021 - Statement by Ecuador "
                    "on fisheries\n\nA minister, Ana Ruiz, said today that Ecuador wants talks with Peru and Chile.")
    assert value_keys(stmts[0], "on_behalf_of") == ["PER"]  # the embassy's, not Chile's
    assert value_keys(stmts[1], "speakers") == []  # a statement's author is in its heading, not its first sentence
    assert value_keys(stmts[1], "on_behalf_of") == ["ECU"]


def test_extract_headers_counterparts_and_a_department_inside_a_ministry():
    got = rels(extract("Statement\n\n3 May 2019\n\nChancellor Olaf Berg met his Austrian counterpart Karl Huber. Anna "
                       "Lind, Director of the Policy Department of the Swedish Foreign Ministry, agreed."))
    assert ("karl-huber", "affiliatedWith", "AUT") in got and ("anna-lind", "affiliatedWith", "SWE") in got
    assert ("anna-lind", "affiliatedWith", "DEPT-SWE-POLICY-DEPARTMENT-OF-THE-SWEDISH-FOREIGN-MINISTRY") in got


def test_extract_headers_division_codes_are_no_bodies_and_a_secretary_speaks_for_the_page():
    [s] = extract("Permanent Mission of Kenya\n\nOpening Statement on 4 March 2024\n\nMs. Wanjiru Kamau\n\nJoint "
                  "Secretary [PD & IO and CD]\n\nMr. Chair,\n\nKenya supports the work of the Group and of Kenya's "
                  "partners, and Kenya will host a workshop.")
    assert "CD" not in {m.entity.key for m in s.mentions}
    assert value_keys(s, "speakers") == ["wanjiru-kamau"] and value_keys(s, "on_behalf_of") == ["KEN"]


def test_extract_headers_unsigned_press_release_speaks_for_the_state_of_its_page():
    [s] = extract("Press release on the outcome of the vote in the Committee\n\n"
                  "On 6 November the Committee adopted the draft that Norway had put forward with wide support. "
                  "Norway welcomes the result and will keep working with all partners.")
    assert value_keys(s, "on_behalf_of") == ["NOR"]
    [s] = extract("Press release on the outcome of the vote in the Committee\n\n"
                  "On 6 November the Committee adopted the draft with wide support after a long debate.")
    assert value_keys(s, "on_behalf_of") == []  # no state named: none guessed


_RUN_TOGETHER = ("PERMANENT MISSION OF ELBONIA ~ ~ 1 2 3 ~~ I-.-III\n"
                 "UNITED NATIONS GENERAL ASSEMBLY FIRST COMMITTEE 12 October 2019\n-\n"
                 "General debate on all disarmament and international security agenda items {by}\nMr Chairman\n"
                 "The delegation wishes to thank all colleagues for the constructive discussion held during this "
                 "session, and to set out its views on the questions before the Committee this year.\n")


def test_extract_headers_statement_by_in_a_title_block_below_the_heading_names_the_speaker():
    by = "Statement by Ms. Carla Mendes, Deputy Permanent Representative to the United Nations"
    [s] = extract(_RUN_TOGETHER.format(by=by))
    assert value_keys(s, "speakers") == ["carla-mendes"]


def test_extract_headers_a_statement_by_in_prose_names_no_speaker():
    # written as prose (lower case): someone else's statement
    [s] = extract(_RUN_TOGETHER.format(by="We welcome the statement by Ms. Carla Mendes, Deputy Permanent "
                                          "Representative to the United Nations"))
    assert value_keys(s, "speakers") == []


def test_extract_headers_a_site_title_in_the_plural_is_no_heading_and_a_breadcrumb_names_the_section():
    text = ("Agency of the Americas :: Press Releases\n\nAbout  Member States  Newsroom  Documents\n\n"
            "Newsroom > Press Releases > 2031\n\nRegional Ministers Agree on a Common Space Agenda\n\n"
            "The ministers of the region agreed today in Lima on a common agenda for outer space, said the Secretary "
            "General of the Agency, who welcomed the result of two days of talks among the delegations present.\n")
    [s] = extract(text)
    assert text[s.start:].startswith("Regional Ministers Agree")
    assert s.value("kind") == "press release"  # the section the breadcrumb ends in


def test_extract_headers_a_plural_kind_tied_to_one_act_still_heads_the_statement():
    # the negative case: "Statements for the press following ..." is one act's heading, not the site's
    text = ("Statements for the press following Peruvian-Chilean talks\n\nMay 4, 2031\nLima\n\n"
            "Following the talks, the two presidents made statements for the press.\n")
    [s] = extract(text)
    assert text[s.start:].startswith("Statements for the press") and s.value("date") == "2031-05-04"


def test_extract_headers_the_lead_names_the_finer_body_the_header_means():
    [s] = extract("NORWAY'S STATEMENT TO THE NPT PREPARATORY COMMITTEE\n\nOn 5 May 2025, Ambassador Kari Dahl delivered "
                  "Norway's statement in the cluster debate of the third session of the Preparatory Committee for the "
                  "2026 Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons.\n\n"
                  "Norway supports a strengthened review process.")
    assert s.value("forum").key == "NPT-PREPCOM-2026"  # its own body, not the Review Conference it prepares
    # the negative case: a body the text only names, with no meeting of it, leaves the header's forum
    [t] = extract("NORWAY'S STATEMENT TO THE NPT PREPARATORY COMMITTEE\n\nNorway looks ahead to the work of the "
                  "Preparatory Committee for the 2026 Review Conference, and supports a strengthened review process.")
    assert t.value("forum").key == "NPT-REVCON"


def test_extract_headers_an_office_wrapped_before_to_the_body_is_no_forum():
    [s] = extract("Organization for Security and Co-operation in Europe\nPermanent Council\n\n"
                  "1502nd Plenary Meeting of the Permanent Council\n4 March 2031, Vienna\n\n"
                  "STATEMENT OF NORWAY ON SPACE SECURITY\n\nDelivered by Ambassador Kari Dahl, Permanent Representative "
                  "of Norway\nto the OSCE\n\nMr. Chair,\n\nNorway welcomes the report on space security.\n")
    assert s.value("forum").key == "OSCE-PC"  # the council that met, not its organization named in an office
    # the negative case: a wrapped line delivering to the organization itself, no office before it, still names it
    [t] = extract("STATEMENT OF NORWAY ON SPACE SECURITY\nas delivered by the delegation of Norway at the plenary\n"
                  "meeting of the OSCE\n4 March 2031, Vienna\n\nMr. Chair,\n\nNorway welcomes the report on space "
                  "security.\n")
    assert t.value("forum").key == "OSCE"


def test_extract_headers_a_un_document_masthead_names_the_organ_its_letter_is_put_before():
    text = ("United Nations                                   S/2031/88\nSecurity Council              Distr.: General\n"
            "                                                 9 May 2031\n\n"
            "Letter dated 8 May 2031 from the Permanent Representative of Norway to the United Nations addressed to "
            "the President of the Security Council\n\nI have the honour to inform you of the launch of a satellite.\n")
    [s] = extract(text)
    assert s.value("forum").key == "UNSC" and s.value("date") == "2031-05-08"
    # the negative case: with no document symbol the top lines are no UN document's masthead
    [t] = extract(text.replace("S/2031/88", "").replace("President of the Security Council", "Secretary-General"))
    assert t.value("forum") is None


def test_extract_headers_a_statement_of_a_bodys_ministers_is_made_at_their_meeting():
    [s] = extract("Statement of the Ministers of Foreign Affairs of the Non-Aligned Movement\non outer space\n\n"
                  "1. The Ministers reaffirmed that outer space must remain free of weapons of any kind.\n")
    assert s.value("forum").key == "NAM"
    # the negative case: a statement about the body's ministers, by someone else, is not made at their meeting
    [t] = extract("Statement of Norway on the meeting held by the Ministers\n\nNorway notes the work of the Non-Aligned "
                  "Movement on outer space and welcomes it.\n")
    assert t.value("forum") is None or t.value("forum").key != "NAM"
