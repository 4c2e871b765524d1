"""For whom a statement speaks: the issuer a heading names, a group's members listed later, a page's own state;
and whom a speaker works for."""
from helpers import extract, rels, value_keys

_SPEECH = "Madam Chair,\n\nWe thank the facilitators for their tireless work on the draft text before us.\n"


def test_extract_behalf_spokesperson_page_not_the_body_whose_report_was_adopted():
    [s] = extract("Ministry of Foreign Affairs of Portugal\n\nMaritime law – Adoption of the final report of the "
                  "International Law Commission (03.05.2025)\n\nStatement by the Spokesperson\n\nPortugal welcomes "
                  "the adoption of the final report and thanks its members. Portugal will keep supporting the "
                  "work of the Commission.\n")
    assert value_keys(s, "on_behalf_of") == ["PRT"]


def test_extract_behalf_body_named_before_the_kind_after_a_dash():
    [s] = extract("HRC58 - Panel on the safety of journalists - EU Statement\n\nGeneva, 04.03.2025\nPress Team\n\n"
                  + _SPEECH)
    assert value_keys(s, "on_behalf_of") == ["EU"]


def test_extract_behalf_body_named_inside_a_phrase_is_no_issuer():
    [s] = extract("Reaction to the EU statement on fisheries\n\nOslo, 04.03.2025\n\nWe note the statement and "
                  "remain ready to talk with all our partners about quotas in the northern seas.\n")
    assert "EU" not in value_keys(s, "on_behalf_of")


def test_extract_behalf_counted_group_then_its_members_listed():
    [s] = extract("Joint statement on ocean science delivered by Chile\n\nOn 4 May 2025, the Permanent "
                  "Representative of Chile, Ambassador Rosa Vidal, delivered, on behalf of a group of 4 countries, "
                  "the following joint statement:\n\n\"Mr. President,\n\nI have the honour to deliver this statement "
                  "on behalf of Fiji, Iceland, Portugal and my own country, Chile.\n\nWe call for more data sharing.\n")
    assert value_keys(s, "on_behalf_of") == ["FJI", "ISL", "PRT", "CHL"]


def test_extract_behalf_counted_group_without_a_list_stays_the_group():
    [s] = extract("Joint statement on ocean science delivered by Chile\n\nOn 4 May 2025, the Permanent "
                  "Representative of Chile, Ambassador Rosa Vidal, delivered, on behalf of a group of 4 countries, "
                  "the following joint statement:\n\n\"Mr. President,\n\nWe call for more data sharing among all "
                  "coastal States.\n")
    assert [e.label for e in s.value("on_behalf_of")] == ["4 countries"]


def test_extract_behalf_speaker_with_a_form_of_address_only_speaks_for_the_page():
    [s] = extract("Permanent Mission of the Republic of Kenya to the United Nations\n\nStatement by Ms. Wanjiru "
                  "Kamau at the debate on oceans\nNew York, 4 May 2025\n\n" + _SPEECH)
    assert value_keys(s, "on_behalf_of") == ["KEN"]
    assert ("wanjiru-kamau", "affiliatedWith", "KEN") in rels([s])


def test_extract_affiliation_adjective_before_a_un_ambassador_names_the_employer():
    stmts = extract("Council split over drones\n\nMay 4 (Wire) - Japanese deputy U.N. Ambassador Kenji Sato said the "
                    "council must act. U.N. Under-Secretary-General Amina Diallo told the meeting that attacks rose.\n")
    found = rels(stmts)
    assert ("kenji-sato", "affiliatedWith", "JPN") in found
    assert ("kenji-sato", "affiliatedWith", "UN") not in found
    assert ("amina-diallo", "affiliatedWith", "UN") in found


def test_extract_behalf_comunicado_of_a_ministry_speaks_for_its_state():
    [s] = extract("Gobierno de Chile\n\nChile joins the consensus on ocean data sharing\n\nMinisterio de Relaciones "
                  "Exteriores | Comunicado No. 88 | Santiago, May 4th, 2025\n\nToday, in New York, the Second "
                  "Committee approved draft resolution A/C.2/79/L.5, \"Ocean data\", presented by Portugal on behalf "
                  "of a group of co-sponsors. Chile voted in favour and joined the sponsors.\n")
    assert s.value("kind") == "press release"
    assert value_keys(s, "on_behalf_of") == ["CHL"]


def test_extract_behalf_release_under_a_body_letterhead_is_the_body_s():
    [s] = extract("WORLD HEALTH ORGANIZATION\nNewsroom | Health topics | Search\n\nNewsroom > Vaccines\n\nTen states "
                  "join the vaccine data platform\n\nGeneva 4 May 2025\n\nTen States today joined the platform at a "
                  "ceremony held in Geneva during the assembly.\n")
    assert value_keys(s, "on_behalf_of") == ["WHO"]


def test_extract_behalf_body_named_in_a_sentence_up_top_is_no_letterhead():
    [s] = extract("Health news today: the World Health Organization met in Geneva.\n\nTen states join the vaccine "
                  "data platform\n\nGeneva 4 May 2025\n\nTen States today joined the platform at a ceremony held in "
                  "Geneva during the assembly.\n")
    assert value_keys(s, "on_behalf_of") != ["WHO"]


def test_extract_behalf_group_titling_a_record_is_for_whom_and_the_forum_field_is_the_forum():
    [s] = extract("Non-Aligned Movement: Opening statement\n\nForum: Conference on Disarmament\nDate delivered: "
                  "2025-05-04\nDelivered by: Ambassador Lucas Ferreira, Permanent Representative of Brazil, on behalf "
                  "of the Non-Aligned Movement\n\nSummary\n\nThe Movement asked for a programme of work.\n")
    assert value_keys(s, "on_behalf_of") == ["NAM"]
    assert s.value("forum").key == "CD"


def test_extract_behalf_group_heading_over_a_national_ambassador_field_line():
    # no "on behalf of" in the text: the heading names the group as author, the field line a national envoy
    [s] = extract("STATEMENT BY THE GROUP OF 77 AND CHINA\n\nDelivered by: H.E. Mr. Tomas Okafor, Permanent "
                  "Representative of Nigeria\n\nNew York, 4 May 2025\n\n" + _SPEECH)
    assert value_keys(s, "on_behalf_of") == ["G77"]
    assert ("tomas-okafor", "affiliatedWith", "NGA") in rels([s])


def test_extract_behalf_national_heading_over_its_ambassador_stays_the_state():
    [s] = extract("STATEMENT BY NIGERIA\n\nDelivered by: H.E. Mr. Tomas Okafor, Permanent Representative of "
                  "Nigeria\n\nNew York, 4 May 2025\n\n" + _SPEECH)
    assert value_keys(s, "on_behalf_of") == ["NGA"]


def test_extract_behalf_member_of_parliament_in_a_from_line_speaks_for_the_page():
    [s] = extract("Speech\nMinister's remarks at the ocean summit: 4 May 2025\n\nFrom: Foreign Office and The Rt Hon "
                  "Alan Whitby MP\nPublished 4 May 2025\n\nThank you, Madam Chair.\n\nThe United Kingdom welcomes "
                  "this summit and the commitments made by the coastal states.\n")
    assert value_keys(s, "speakers") == ["alan-whitby"]
    assert value_keys(s, "on_behalf_of") == ["GBR"]


def test_extract_behalf_named_group_is_not_replaced_by_a_later_list():
    [s] = extract("Statement on ocean science\n\nGeneva, 4 May 2025\n\nMr. President,\n\nI speak on behalf of the Group "
                  "of Friends of Ocean Data. We welcome the statement made on behalf of Chile, Fiji and Peru.\n")
    assert [e.label for e in s.value("on_behalf_of")] == ["Group of Friends of Ocean Data"]


def test_extract_behalf_unnamed_group_and_the_states_listed_after_it():
    # the group's members set off after its name (a dash, a colon, brackets) are those it speaks for
    for cue in (" – ", ": ", " ("):
        [s] = extract(f"Statement by Lithuania on behalf of the Baltic States{cue}Estonia, Latvia and Lithuania\n\n"
                      + _SPEECH)
        assert value_keys(s, "on_behalf_of") == ["EST", "LVA", "LTU"], cue
    # a lone state after the name is no list of members; without a list the group stays as written
    [s] = extract("Statement by Lithuania on behalf of the Baltic States – Vilnius office\n\n" + _SPEECH)
    assert [e.label for e in s.value("on_behalf_of")] == ["Baltic States"]


def test_extract_behalf_the_issuers_a_note_names_for_a_joint_statement():
    head = "The Third Chile-Kenya Space Dialogue\n\nPRESS NOTE\n\nMAY 2, 2023\n\nShare\n\n"
    [s] = extract(head + "The following is the text of a joint statement by the Governments of Chile and Kenya on "
                  "the occasion of the third dialogue.\n\nBoth sides reaffirmed their commitment to space law.\n")
    assert value_keys(s, "on_behalf_of") == ["CHL", "KEN"]
    # a joint statement of one named state and others unnamed is no list of issuers
    [s] = extract(head + "The following is the text of a joint statement by Chile and partners on the occasion of "
                  "the third dialogue.\n\nBoth sides reaffirmed their commitment to space law.\n")
    assert "KEN" not in value_keys(s, "on_behalf_of")


def test_extract_behalf_a_heading_line_naming_the_delegation_that_delivered_it():
    [s] = extract("Right of Reply to the Republic of Chile\n   Delivered by the Delegation of Peru\n\n" + _SPEECH)
    assert value_keys(s, "on_behalf_of") == ["PER"]  # not the state replied to
    # a delegation named inside a sentence of the speech is not the heading's
    [s] = extract("Right of Reply\n\nMadam Chair,\n\nThe statement was delivered by the delegation of Peru "
                  "yesterday, and we reply to it now.\n")
    assert "PER" not in value_keys(s, "on_behalf_of")


def test_extract_behalf_governments_acting_jointly_in_the_lead():
    [s] = extract("Joint statement on the hacking campaign attributed to Belarus\n\n4 May 2025\n\nThe Governments of "
                  "Norway, Iceland and Finland have today jointly condemned a campaign of intrusions into hospital "
                  "networks carried out by a group which conducts operations on behalf of Belarus.\n\nWe call on "
                  "all States to respect the agreed norms.\n")
    assert value_keys(s, "on_behalf_of") == ["NOR", "ISL", "FIN"]


def test_extract_behalf_governments_named_but_not_acting_jointly():
    [s] = extract("Comment on the fishing dispute\n\n4 May 2025\n\nThe Governments of Norway and Iceland were urged by "
                  "several coastal communities last week to settle the dispute over the northern fishing grounds "
                  "before the season opens.\n\nThe talks go on.\n")
    assert "NOR" not in value_keys(s, "on_behalf_of")


def test_extract_behalf_speaker_acting_for_a_body_still_speaks_for_it():
    [s] = extract("Statement by Ambassador Marta Ruiz, who is acting on behalf of the European Union, at the "
                  "debate on oceans\n\nNew York, 4 May 2025\n\n" + _SPEECH)
    assert value_keys(s, "on_behalf_of") == ["EU"]


def test_extract_behalf_field_line_speaker_with_forms_of_address_only():
    [s] = extract("Ministry of Foreign Affairs of Ireland\n\nPress release\nIreland opens a consulate in Lagos\n\nFrom: "
                  "Department of Trade and The Rt Hon Lady Aoife Brennan\nPublished 4 May 2025\n\nIreland has opened a "
                  "new consulate to serve the growing trade between the two countries and its citizens abroad.\n")
    assert value_keys(s, "speakers") == ["aoife-brennan"]
    assert value_keys(s, "on_behalf_of") == ["IRL"]


def test_extract_behalf_un_body_meeting_summary_speaks_for_the_un():
    [s] = extract("UN Video\n\nEconomic and Social Council\nPanel on rural electrification - 7th Meeting, 2025 "
                  "Session\n4 May 2025\nNew York\n\nSummary\nThe Economic and Social Council held a panel discussion on "
                  "rural electrification, hearing experts on off-grid solar power and the costs of regional grids.\n\n"
                  "Kenya said that small grids had reached many villages.\n")
    assert value_keys(s, "on_behalf_of") == ["UN"]


def test_extract_behalf_un_body_as_topic_is_no_meeting_summary():
    [s] = extract("Kenya at the Council\n\n4 May 2025\n\nThe Economic and Social Council must do more for rural "
                  "electrification, and Kenya stands ready to share what its small grids have taught its villages "
                  "over the last ten years.\n\nKenya thanks its partners.\n")
    assert "UN" not in value_keys(s, "on_behalf_of")


_FUND = ("\nPublished 4 May 2021\n\nA new fund will support marine science in small island states, with grants for "
         "universities and coastguards in the region over five years.\n\nThe first grants will be made next year.\n")


def test_extract_behalf_from_line_naming_a_states_ministry():
    [s] = extract("Gov portal\n\nPress release\nNew fund for coastal research\n\nFrom: Foreign and Commonwealth Office"
                  + _FUND)
    assert value_keys(s, "on_behalf_of") == ["GBR"]


def test_extract_behalf_from_line_naming_an_international_body_gives_no_state():
    [s] = extract("Gov portal\n\nPress release\nNew fund for coastal research\n\nFrom: Arctic Council" + _FUND)
    assert "GBR" not in value_keys(s, "on_behalf_of") and "NOR" not in value_keys(s, "on_behalf_of")


def test_extract_behalf_the_states_a_signatories_list_names():
    head = "Joint Statement on Safe Spaceflight\n\n5 May 2022\n\n"
    [s] = extract(head + "Signatories:\nChile\nKenya\nNorway\n\nThe signatories affirm that space law applies.\n")
    assert value_keys(s, "on_behalf_of") == ["CHL", "KEN", "NOR"]
    # a list that runs into prose stops there
    [s] = extract(head + "Signatories: Chile and Kenya, with the support of Norway.\n\nThe signatories affirm that "
                  "space law applies.\n")
    assert value_keys(s, "on_behalf_of") == ["CHL", "KEN"]


def test_extract_behalf_a_counted_membership_and_a_group_with_its_members_listed():
    [s] = extract("Statement by Ghana\n\nMadam Chair,\n\nI speak on behalf of the 54 Member States of the African "
                  "Group on this item of our agenda.\n")
    assert value_keys(s, "on_behalf_of") == ["UN-AFRICAN-GROUP"]
    [s] = extract("Statement by New Zealand\n\nChair,\n\nI speak on behalf of the CANZ countries — Australia, Canada "
                  "and my own country, New Zealand.\n")
    assert value_keys(s, "on_behalf_of") == ["AUS", "CAN", "NZL"]


def test_extract_behalf_a_news_lead_whose_subject_state_acts_in_the_present():
    head = "Netherlands holds Ruritania responsible\n\nNews item | 22-10-2031 | 15:30\n\n"
    [s] = extract(head + "The Netherlands holds the Ruritanian service responsible for an attack on Georgia. "
                  "Minister of Foreign Affairs Jan Smit announced this on Thursday in a letter to parliament.\n")
    assert value_keys(s, "on_behalf_of") == ["NLD"] and value_keys(s, "speakers") == ["jan-smit"]
    # a state that is acted on, or a minister who only reacted, is neither
    [s] = extract(head + "The Netherlands is being blamed by Ruritania for the attack. Minister of Foreign "
                  "Affairs Jan Smit rejected the claim on Thursday.\n")
    assert value_keys(s, "speakers") == [] and "NLD" not in value_keys(s, "on_behalf_of")


def test_extract_behalf_a_known_official_whose_title_names_no_state_speaks_for_the_state_the_page_names():
    text = ("Cyber resilience talks open\n\nVienna, 4 May 2031 – Ignazio Cassis, head of the foreign ministry, today "
            "opened talks on protecting hospitals from cyberattacks. Switzerland will host the next round.")
    [s] = extract(text)
    assert value_keys(s, "speakers") == ["ignazio-cassis"] and value_keys(s, "on_behalf_of") == ["CHE"]
    # the page names no such state: the gazetteer alone says nothing of this statement
    [s] = extract(text.replace(" Switzerland will host the next round.", ""))
    assert value_keys(s, "on_behalf_of") != ["CHE"]


_RECORD = ("The President: I call on the representative of Ghana.\n\n"
           "      Ms. Mensah (Ghana): I have the honour to speak on behalf of the Group of\nAfrican States. We "
           "welcome the report and thank the facilitators.\n\n"
           "      The President: I call on the representative of Chile.\n\n"
           "      Mr. Lopez (Chile): {chile} We stand ready to work with all delegations on the text.\n\n"
           "      The President: The meeting is adjourned.\n")


def test_extract_behalf_verbatim_turn_speaks_for_the_group_its_wrapped_first_sentence_names():
    stmts = extract(_RECORD.format(chile="My delegation supports the draft."))
    ghana = next(s for s in stmts if "Mensah" in s.context.text[s.start:s.heading_end])
    chile = next(s for s in stmts if "Lopez" in s.context.text[s.start:s.heading_end])
    assert value_keys(ghana, "on_behalf_of") == ["UN-AFRICAN-GROUP"]
    assert value_keys(chile, "on_behalf_of") == ["CHL"]


def test_extract_behalf_a_chair_speaking_in_that_capacity_speaks_for_the_body():
    stmts = extract(_RECORD.format(chile="I speak in my capacity as Chair of the Open-ended Working Group."))
    chile = next(s for s in stmts if "Lopez" in s.context.text[s.start:s.heading_end])
    assert value_keys(chile, "on_behalf_of") == ["OEWG"]
    # the capacity of another, or one's national capacity, is not
    stmts = extract(_RECORD.format(chile="We thank Peru, which serves in its capacity as a member of the bureau."))
    chile = next(s for s in stmts if "Lopez" in s.context.text[s.start:s.heading_end])
    assert value_keys(chile, "on_behalf_of") == ["CHL"]


def test_extract_behalf_the_chair_of_an_organ_of_a_body_speaks_for_the_body():
    [s] = extract("Letter dated 3 May 2031 from the Permanent Representative of Ghana addressed to the "
                  "Secretary-General\n\n      In my capacity as Chair of the Steering Committee of the Non-Aligned "
                  "Movement, I have the honour to transmit herewith the declaration of its ministers (see annex).\n\n"
                  "(Signed) Kofi Mensah\nPermanent Representative\n")
    assert value_keys(s, "on_behalf_of") == ["NAM"]


def test_extract_behalf_a_council_briefing_in_the_heading_is_the_meeting_not_the_author():
    [s] = extract("Statement by H.E. Ambassador Ana Costa\nPermanent Representative of Portugal to the United Nations\n"
                  "UN Security Council Briefing on Maritime Security\nMonday, May 5th, 2031\n\n" + _SPEECH)
    assert value_keys(s, "on_behalf_of") == ["PRT"]
    # a body that heads the text as its author still is
    [s] = extract("UN Security Council Press Statement on Maritime Security\n\nDelivered by: H.E. Ambassador Ana "
                  "Costa, Permanent Representative of Portugal\n\n" + _SPEECH)
    assert value_keys(s, "on_behalf_of") == ["UNSC"]


def test_extract_behalf_spokesperson_under_a_ministry_letterhead_speaks_for_its_state():
    [s] = extract("Skip to content\nFederal Foreign Office\n\nChile Blocks Council Decision on Fisheries\n\nPress "
                  "Statement\nAnna Weber, Spokesperson\nMay 4, 2031\n\nToday, Chile blocked a Council decision on "
                  "fisheries. Chile alone voted against it, and Chile must explain why. Chile has isolated itself; "
                  "Germany will raise the matter again.\n")
    assert value_keys(s, "on_behalf_of") == ["DEU"]
    assert ("anna-weber", "affiliatedWith", "CHL") not in rels([s])
    # a ministry named inside a line of prose is no letterhead: the page is the state's it names most
    [s] = extract("Skip to content\nAs the Federal Foreign Office reported, fishing talks went on.\n\nChile Blocks "
                  "Council Decision on Fisheries\n\nPress Statement\nAnna Weber, Spokesperson\nMay 4, 2031\n\nToday, "
                  "Chile blocked a Council decision on fisheries. Chile alone voted against it, and Chile must explain "
                  "why.\n")
    assert s.context.home_state.key == "CHL"


_THREAD = ("Post\n\nConversation\n\n{account}\n@{handle}\nToday Chile marks World Oceans Day, proclaimed by the "
           "General Assembly. FM Rosa Vidal will open the ocean forum in Valparaiso. 1/2\n9:15 AM · Jun 8, 2031\n\n"
           "{account}\n@{handle}\nChile calls on all States to ratify the high seas treaty. 2/2\n9:16 AM · Jun 8, 2031\n"
           "\nTerms of Service  Privacy Policy  Cookie Policy\n")


def test_extract_behalf_a_ministry_account_thread_speaks_for_its_state():
    [s] = extract(_THREAD.format(account="Ministry of Foreign Affairs of Chile", handle="MinrelChile"))
    assert value_keys(s, "on_behalf_of") == ["CHL"] and value_keys(s, "speakers") == []
    assert ("rosa-vidal", "affiliatedWith", "CHL") in rels([s])
    # an account that is no body's says nothing of for whom
    [s] = extract(_THREAD.format(account="Ocean Watch News", handle="oceanwatch"))
    assert value_keys(s, "on_behalf_of") != ["CHL"] or s.context.home_state.key == "CHL"


def test_extract_behalf_a_group_named_by_its_number_of_members():
    [s] = extract("Statement by Ghana\n\nMr. President,\n\nI have the honour to speak on behalf of the Group of 31 on "
                  "this item.\n")
    assert [e.label for e in s.value("on_behalf_of")] == ["Group of 31"]
    # a number that ends no name is no part of it ("the Group at 31 ...")
    [s] = extract("Statement by Ghana\n\nMr. President,\n\nI speak on behalf of the Group Chair, 31 years on.\n")
    assert [e.label for e in s.value("on_behalf_of")] == ["Group Chair"]


def test_extract_behalf_an_unsigned_newsletter_item_under_a_missions_letterhead_is_its_states():
    item = ("OCEAN UPDATE | Issue 7 | June 2031\n\n--------------------\n\nUPCOMING\nSide event: \"Ocean data for "
            "all\", 12 September 2031, 13:15-14:30, Room IV. Co-hosted with Peru and the World Meteorological "
            "Organization. Registration required.\n")
    [s] = extract("View this email in your browser\n\nPermanent Mission of Chile to the United Nations, Vienna\n" + item)
    assert value_keys(s, "on_behalf_of") == ["CHL"]
    # a newsletter whose masthead names no state's mission is no state's
    [s] = extract("View this email in your browser\n\nFriends of the Ocean Network, Vienna\n" + item)
    assert value_keys(s, "on_behalf_of") != ["CHL"]


_INTERVIEW = ("WORLD\n\n'Ice does not wait for consensus': Arctic Council chair Ana Rojas\n\nThe Chilean diplomat who "
              "chairs the talks tells our reporter why the deadline matters.\n\nPUBLISHED May 4, 2031\n\nOSLO - The "
              "ministers agreed on Friday to a new work plan, after a week of late-night talks in the northern "
              "capital.\n\nWas this plan harder to agree than the last?\n\nYes. {answer}\n")


def test_extract_behalf_a_chair_interviewed_as_chair_speaks_for_the_body():
    [s] = extract(_INTERVIEW.format(answer="My role as chair is to find common ground, not to pick a side."))
    assert value_keys(s, "speakers") == ["ana-rojas"]
    assert value_keys(s, "on_behalf_of") == ["ARCTIC-COUNCIL"]
    # a chair who speaks of her country's interest, never as chair, is not the body's voice
    [s] = extract(_INTERVIEW.format(answer="Chile wants a plan that protects its fishing grounds."))
    assert "ARCTIC-COUNCIL" not in value_keys(s, "on_behalf_of")


_JOINT_PRESSER = ("{top}\nHome | Press | Contact\nHome > Press > 2025\n"
                  "Joint press conference with the Foreign Minister of Chile\nOslo, 03.04.2025\n\n"
                  "Transcript of the statements after the talks of Minister Ingrid Solberg with the Minister of Foreign "
                  "Affairs of Chile, Tomás Rivas, at the Ministry in Oslo.\n\nMinister Solberg: Welcome to Oslo, dear "
                  "Tomás. Norway and Chile agree that the oceans need stronger protection and better science.\n\n"
                  "Minister Rivas: Thank you, Ingrid. Chile will host the next conference on the high seas treaty. "
                  "Chile has ratified it, Chile funds its science body, and Chile's navy patrols the south.\n")


def test_extract_behalf_joint_press_conference_on_a_ministry_page_headed_by_the_states_official_name():
    s = extract(_JOINT_PRESSER.format(top="Ministry\nKingdom of Norway\nForeign Affairs"))[0]  # (its turns follow)
    assert value_keys(s, "speakers") == ["ingrid-solberg", "tomas-rivas"]
    assert value_keys(s, "on_behalf_of") == ["NOR", "CHL"]  # the host's state (the page's) and the guest's
    assert ("ingrid-solberg", "affiliatedWith", "CHL") not in rels([s])


def test_extract_behalf_headline_welcoming_a_bodys_report_is_the_office_holders():
    page = ("{top}\nHome | Statements | Notes\n\nNote to Correspondents - Secretary-General welcomes the final report "
            "of the Group of Governmental Experts on Outer Space\n\n3 June 2025\n\nThe Secretary-General congratulates "
            "the experts on their consensus and pays tribute to the Chair of the Group, Ambassador Lena Varga of "
            "Hungary, for her leadership.\n")
    [s] = extract(page.format(top="United Nations Secretary-General"))
    assert value_keys(s, "on_behalf_of") == ["UN"]  # not the group whose report it welcomes, nor the chair's state
    # a line naming the body and more than an office is no letterhead
    [s] = extract(page.format(top="United Nations Secretary-General visits the region"))
    assert value_keys(s, "on_behalf_of") != ["UN"]


def test_extract_behalf_state_colon_position_paper_heading():
    [s] = extract("Chile: Position Paper on the Application of International Law to Outer Space\n\n1. Chile is committed "
                  "to a peaceful outer space. It welcomes the work of the Open-ended Working Group and of Mexico.\n")
    assert value_keys(s, "on_behalf_of") == ["CHL"]
    # a state before a colon with no kind of text after it is a topic, not the author
    [s] = extract("Chile: the outlook for the space talks\n\n1. The talks resume this year. Observers expect a long "
                  "negotiation and few results before the summer, as Mexico said.\n")
    assert value_keys(s, "on_behalf_of") != ["CHL"]


def test_extract_behalf_unsigned_page_under_a_ministry_letterhead_with_its_abbreviation():
    page = ("{top}\nHome > Foreign policy > Disarmament\n\nOuter space security: questions and answers\n\n"
            "On this page we answer the questions most often asked about the space talks and our position.\n\n"
            "What are the talks about?\nThey are about rules for military activity in orbit, which Chile and Mexico "
            "support.\n")
    [s] = extract(page.format(top="Federal Department of Foreign Affairs FDFA"))
    assert value_keys(s, "on_behalf_of") == ["CHE"]
    # the ministry named inside a sentence of the first lines is no letterhead
    [s] = extract(page.format(top="News about the Federal Department of Foreign Affairs FDFA and others"))
    assert value_keys(s, "on_behalf_of") != ["CHE"]
