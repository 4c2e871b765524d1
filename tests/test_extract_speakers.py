"""Speakers named outside the heading: field lines, transcript labels, quote attributions; and for whom they speak."""
from helpers import extract, rels, value_keys

_BODY = ("Madam Chair,\n\nOur delegation wishes to thank the facilitators for their tireless work on the draft "
         "text, which we consider a sound basis for the weeks ahead.\n\nThank you.\n")


def test_extract_speakers_delivered_by_field_line_below_the_end():
    [s] = extract("STATEMENT ON BEHALF OF THE NORDIC COUNTRIES\n\nGeneva, 9 May 2025\n\n" + _BODY +
                  "\nDelivered by: Ambassador Ingrid Halvorsen, Permanent Representative of Norway\n")
    assert value_keys(s, "speakers") == ["ingrid-halvorsen"]
    assert ("ingrid-halvorsen", "affiliatedWith", "NOR") in rels([s])


def test_extract_speakers_field_line_on_behalf_of_a_group():
    [s] = extract("Group of 77: Opening remarks\n\nSession: second session, 2-6 June 2025\nDelivered by: "
                  "Ambassador Lucas Ferreira, Permanent Representative of Brazil, on behalf of the Non-Aligned "
                  "Movement\n\nSummary\n\nThe group asked for a consensus outcome and more funding for training.\n")
    assert value_keys(s, "speakers") == ["lucas-ferreira"]
    assert value_keys(s, "on_behalf_of") == ["NAM"]


def test_extract_speakers_from_line_names_department_and_person_without_honours():
    [s] = extract("Speech\nUK statement on maritime security: Security Council open debate\n\nFrom: Foreign Office "
                  "and Julian Hartley CMG\nPublished 3 May 2025\n\n" + _BODY)
    assert value_keys(s, "speakers") == ["julian-hartley"]


def test_extract_speakers_field_line_of_another_kind_names_nobody():
    # "Delivered on:" gives a day, and a person named in the body is no field's speaker
    [s] = extract("Statement on maritime security\n\nDelivered on: 3 May 2025\n\nMadam Chair,\n\nWe thank "
                  "Ambassador Julian Hartley for his briefing on the situation at sea.\n")
    assert value_keys(s, "speakers") == []


def test_extract_speakers_transcript_labels_of_two_leaders():
    [s] = extract("Press statements following Austrian-Japanese talks\n\nMay 4, 2025\n\nFederal Chancellor of "
                  "Austria Karl Nehammer: Ladies and gentlemen,\n\nOur talks were open and useful for both sides.\n\n"
                  "Prime Minister of Japan Fumio Kishida (interpretation): Thank you, Chancellor.\n\nWe agreed "
                  "to work together on supply chains and cyber security.\n")
    assert value_keys(s, "speakers") == ["karl-nehammer", "fumio-kishida"]
    assert value_keys(s, "on_behalf_of") == ["AUT", "JPN"]


def test_extract_speakers_label_needs_a_title():
    # a line of two capitalised words before a colon is a label of a section, not a speaker
    [s] = extract("Weekly notes on arms control\n\nMay 4, 2025\n\nEditorial Notes: the page is updated weekly and "
                  "lists the meetings of the month.\n")
    assert value_keys(s, "speakers") == []


def test_extract_speakers_byline_line_right_below_the_heading():
    [s] = extract("Department Press Briefing – May 2, 2025\n\nMaria Oduya, Department Spokesperson\nWashington, "
                  "D.C.\n\nGood afternoon, everyone. We have one announcement today about the new sanctions on "
                  "the shipping companies, and then I will take your questions.\n", name="briefing.txt")
    assert value_keys(s, "speakers") == ["maria-oduya"]


def test_extract_speakers_delivered_by_line_below_a_group_heading():
    [s] = extract("Statement of the Nordic Group\ndelivered by H.E. Ambassador Kari Lund, Permanent Representative "
                  "of Finland\n\nMr. Chairman,\n\nI have the honour to deliver this statement on behalf of the "
                  "Nordic countries, which attach great importance to this debate.\n")
    assert value_keys(s, "speakers") == ["kari-lund"]
    assert ("kari-lund", "affiliatedWith", "FIN") in rels([s])


def test_extract_speakers_name_inside_a_wrapped_paragraph_is_no_byline():
    [s] = extract("Communique of the Pacific Ministers of Foreign Affairs\nSuva, 3 March 2025\n\n1. The Pacific "
                  "Ministers of Foreign Affairs held their annual meeting\non 3 March 2025 in Suva. The meeting "
                  "was chaired by\nDr Anna Kolo, Minister of Foreign Affairs\nof the Republic of Fiji, in the "
                  "year of its chairmanship.\n\n2. The Ministers reaffirmed their commitment to the rule of law.\n")
    assert value_keys(s, "speakers") == []


def test_extract_speakers_quote_names_the_envoy_a_news_lead_reports():
    [s] = extract("Brazil presses rich nations on climate finance\n\nBy Wire\n\nNEW YORK (Wire) - Brazil's climate "
                  "envoy on Monday criticized wealthy countries for missing their finance pledges, as delegates "
                  "met at the United Nations.\n\n\"Promises do not cool the planet,\" Rosa Tavares told the committee."
                  "\n\nTavares did not name any country.\n")
    assert value_keys(s, "speakers") == ["rosa-tavares"]
    assert value_keys(s, "on_behalf_of") == ["BRA"]
    assert ("rosa-tavares", "affiliatedWith", "BRA") in rels([s])


def test_extract_speakers_quote_below_a_lead_on_an_event_is_no_speaker():
    [s] = extract("Twelve states sign the ocean treaty\n\nLisbon 4 May 2025\n\nTwelve States today signed the "
                  "new treaty on the high seas at a ceremony held in Lisbon during a conference on oceans.\n\n"
                  "\"This is a good day for the oceans,\" Rosa Tavares said.\n")
    assert value_keys(s, "speakers") == []


def test_extract_speakers_passive_sentence_after_the_lead_names_who_conveyed_it():
    [s] = extract("Kenya Urges Fair Access to Vaccines\n\nCategory: Press Release | Tuesday, 6 May 2025\n\nGeneva, Monday "
                  "(5/5) - Kenya called on all member states to share vaccine technology with developing countries. "
                  "The call was conveyed by the Permanent Representative of Kenya in Geneva, Ambassador Wanjiru "
                  "Mwangi, during the annual assembly.\n\nKenya also thanked its partners.\n")
    assert value_keys(s, "speakers") == ["wanjiru-mwangi"]
    assert value_keys(s, "on_behalf_of") == ["KEN"]


def test_extract_speakers_passive_of_another_act_names_no_speaker():
    # the person the passive names made a different act two sentences on: no speaker of the lead
    [s] = extract("Kenya Urges Fair Access to Vaccines\n\nCategory: Press Release | Tuesday, 6 May 2025\n\nGeneva, Monday "
                  "(5/5) - Kenya called on all member states to share vaccine technology with developing countries. "
                  "The assembly opened on Monday.\n\nThe hall was opened by Director Wanjiru Mwangi last year.\n")
    assert value_keys(s, "speakers") == []


def test_extract_speakers_group_statement_delivered_by_a_national_ambassador():
    [s] = extract("Statement of the Arab Group\ndelivered by H.E. Ambassador Omar Haddad, Permanent Representative of "
                  "Jordan\n\nMr. Chairman,\n\nI have the honour to deliver this statement on behalf of the Group of "
                  "Arab States, and the Group aligns itself with the statement delivered by Indonesia on behalf of "
                  "the Movement of Non-Aligned Countries.\n\nThank you, Mr. Chairman.\n")
    assert value_keys(s, "speakers") == ["omar-haddad"]
    assert value_keys(s, "on_behalf_of") == ["ARAB-GROUP"]
    assert ("omar-haddad", "affiliatedWith", "JOR") in rels([s])


def test_extract_speakers_known_names_as_transcript_labels():
    [s] = extract("Press statements following Russian-Indian talks\n\nMay 4, 2025\n\nVladimir Putin: Mr Prime "
                  "Minister, ladies and gentlemen,\n\nOur talks were useful.\n\nNarendra Modi (retranslated): Thank "
                  "you, Mr President.\n\nWe agreed to meet again next year.\n")
    assert value_keys(s, "speakers") == ["vladimir-putin", "narendra-modi"]
    assert value_keys(s, "on_behalf_of") == ["RUS", "IND"]


def test_extract_speakers_capitals_label_with_a_surname_is_the_person_named_in_full():
    [s] = extract("Department Press Briefing – May 2, 2025\n\nWashington, D.C.\n\nMS ODUYA: Good afternoon, everyone. "
                  "We have one announcement about the new sanctions on shipping companies.\n\nThat is all for today."
                  "\n\nMaria Oduya, Department Spokesperson\n")
    assert value_keys(s, "speakers") == ["maria-oduya"]


def test_extract_speakers_capitals_label_without_the_full_name_names_nobody():
    [s] = extract("Department Press Briefing – May 2, 2025\n\nWashington, D.C.\n\nMS ODUYA: Good afternoon, everyone. "
                  "We have one announcement about the new sanctions on shipping companies.\n\nThat is all for today.\n")
    assert value_keys(s, "speakers") == []


def test_extract_speakers_states_own_statement_delivered_by_in_the_lead():
    [s] = extract("Norway urges care for fishing grounds at UN\n\nNEW YORK, 4 May 2025 (NTB) -- Norway has called for "
                  "shared rules to protect the northern fishing grounds from overfishing and pollution.\n\nThis came in "
                  "Norway's statement delivered by Ambassador Kari Holm, Permanent Representative of Norway to the "
                  "United Nations, at the debate of the General Assembly on oceans held yesterday.\n\nThe talks go on.\n")
    assert value_keys(s, "speakers") == ["kari-holm"]
    assert value_keys(s, "on_behalf_of") == ["NOR"]


def test_extract_speakers_anothers_statement_delivered_by_is_no_speaker():
    [s] = extract("Norway backs Nordic call at UN\n\nNEW YORK, 4 May 2025 (NTB) -- Norway has called for shared "
                  "rules to protect the northern fishing grounds from overfishing and pollution.\n\nNorway aligned "
                  "itself with the statement delivered by Ambassador Jon Berg of Iceland on behalf of the Nordic "
                  "countries at the debate of the General Assembly on oceans.\n\nThe talks go on.\n")
    assert "jon-berg" not in value_keys(s, "speakers")


def test_extract_speakers_turn_label_then_a_delivered_by_line():
    stmts = extract("Explanations of vote on the draft on oceans\n\nNORWAY\nStatement delivered by Ambassador Kari "
                    "Holm, Permanent Representative of Norway\nNorway will vote in favour of the draft, which keeps "
                    "the fishing grounds open to science.\n\nPERU\nPeru will abstain on the draft, as it does not "
                    "address the concerns of coastal States about the fish stocks.\n")
    by_state = {tuple(value_keys(s, "on_behalf_of")): value_keys(s, "speakers") for s in stmts}
    assert by_state[("NOR",)] == ["kari-holm"]
    assert by_state[("PER",)] == []


def test_extract_speakers_body_shortened_to_its_last_word_issues_the_declaration():
    [s] = extract("TWELFTH ARCTIC COUNCIL MINISTERIAL MEETING\n\nTromso, Norway\n4 - 5 May 2025\n\nCOUNCIL "
                  "DECLARATION\n\n1. The Ministers met in Tromso and welcomed the work of the expert groups on "
                  "shipping and black carbon in the region.\n")
    assert value_keys(s, "on_behalf_of") == ["ARCTIC-COUNCIL"]


def test_extract_speakers_other_word_before_the_kind_names_no_body():
    [s] = extract("TWELFTH ARCTIC COUNCIL MINISTERIAL MEETING\n\nTromso, Norway\n4 - 5 May 2025\n\nFORUM "
                  "DECLARATION\n\n1. The Ministers met in Tromso and welcomed the work of the expert "
                  "groups on shipping and black carbon in the region.\n")
    assert "ARCTIC-COUNCIL" not in value_keys(s, "on_behalf_of")


def test_extract_speakers_state_on_the_place_line_leaves_the_body_its_declaration():
    [s] = extract("Arctic Council Ministerial Declaration\n\nTromso, Norway\n4 May 2025\n\nThe Ministers met in Tromso "
                  "and welcomed the work of the expert groups on shipping and black carbon in the region.\n")
    assert value_keys(s, "on_behalf_of") == ["ARCTIC-COUNCIL"]


def test_extract_speakers_state_in_the_heading_makes_the_declaration_the_states():
    [s] = extract("Declaration of Norway and the Arctic Council on shipping\n\n1. The parties met in Tromso on 4 May "
                  "2025 and welcomed the work of the expert groups on shipping and black carbon in the region.\n")
    assert "ARCTIC-COUNCIL" not in value_keys(s, "on_behalf_of")


def test_extract_speakers_the_person_signing_the_statement_off():
    text = ("Statement on behalf of the Group of Friends of Space Law\n\nMr. Chair,\n\nThe Group thanks you for your "
            "work and looks forward to the next session.\n\nThank you.\n\nAmb. Dr. Jane Okoro\nPermanent "
            "Representative of Nigeria\n\n-----\nShare | Print | Email\n")
    [s] = extract(text)
    assert value_keys(s, "speakers") == ["jane-okoro"]
    # a known official signing off speaks for the body they serve, and a dated sign-off dates the statement
    [s] = extract("Secretary-General's remarks to the Conference on space law\n\nExcellencies,\n\nI thank you all "
                  "for your work on this matter of common concern.\n\nAntónio Guterres\nGeneva, 4 May 2021\n")
    assert value_keys(s, "speakers") == ["antonio-guterres"] and value_keys(s, "on_behalf_of") == ["UN"]
    assert s.value("date") == "2021-05-04"
    # a name inside the last paragraph's prose signs nothing
    [s] = extract(text.replace("Amb. Dr. Jane Okoro\nPermanent Representative of Nigeria\n\n",
                               "We also thank Ambassador Jane Okoro for her work.\n\n"))
    assert value_keys(s, "speakers") == []


def test_extract_speakers_an_authors_byline_under_a_title_put_as_a_question():
    page = ("Space Law Monitor, Vol. 2, No. 4\n\nEditorial: Who will keep orbits safe?\nby Mara Lindgren\n"
            "3 March 2031 | Geneva\n\nThe conference closed on Friday with States divided. Chile and Kenya asked "
            "for a new working group on debris.\n")
    [s] = extract(page)
    assert value_keys(s, "speakers") == ["mara-lindgren"]
    assert (s.value("date"), s.value("place").label) == ("2031-03-03", "Geneva")
    assert value_keys(s, "on_behalf_of") == []  # a writer speaks for no state the page names
    # "by" in a sentence is no byline
    [s] = extract(page.replace("by Mara Lindgren\n", "The text below was written by Mara Lindgren.\n"))
    assert value_keys(s, "speakers") == []


def test_extract_speakers_a_programme_heading_naming_the_speaker_after_a_dash():
    [s] = extract("Opening remarks – Lena Kovac, Director of the Institute\n\nExcellencies,\n\nWelcome to Geneva and "
                  "to this conference on the security of space systems.\n")
    assert value_keys(s, "speakers") == ["lena-kovac"]
    [s] = extract("Space security – a conference report\n\nLena Kovac, Director of the Institute, opened the "
                  "meeting, which many delegations attended.\n")
    assert "lena-kovac" not in value_keys(s, "speakers")  # a title with a dash names no speaker


def test_extract_speakers_the_office_line_under_a_signature_is_the_signers_title():
    page = ("Permanent Mission of Nigeria to the United Nations\n\nStatement of the Group of Friends of Space Law\n\n"
            "Mr. Chair,\n\nThe Group thanks you for your work and looks forward to the next session.\n\nThank you.\n\n"
            "Jane Okoro\n{}\n\nShare | Print\n")
    found = rels(extract(page.format("Ambassador, Permanent Representative")))
    assert ("jane-okoro", "affiliatedWith", "NGA") in found
    # a place and date under the name is no office: the signer's employer stays unsaid
    found = rels(extract(page.format("New York, 4 May 2031")))
    assert not any(s == "jane-okoro" and p == "affiliatedWith" for s, p, _ in found)


_WRITTEN = ("National Assembly\nWritten questions and answers\n\nFisheries: Arctic Council\nQuestion for the Ministry of "
            "Foreign Affairs\nNo. 4471, tabled on 3 March 2031\n\nAsked by Ms Ingrid Solberg (Bergen North)\n\nTo ask "
            "the Minister what steps are being taken to protect the northern fishing grounds; and whether a new "
            "convention will be signed.\n\n{answer}\n\nNorway has worked for a binding convention in the Arctic "
            "Council and will keep doing so with all partners in the region.\n")


def test_extract_speakers_parliamentary_answer_is_the_answering_ministers_not_the_askers():
    [s] = extract(_WRITTEN.format(answer="Answered on\n10 March 2031\n\nAnswered by Lars Dahl, Minister of State "
                                         "(Arctic and Fisheries)"))
    assert value_keys(s, "speakers") == ["lars-dahl"]
    assert value_keys(s, "on_behalf_of") == ["NOR"]
    # not answered yet: the member who asked is no speaker of the record
    [s] = extract(_WRITTEN.format(answer="Awaiting answer"))
    assert "ingrid-solberg" not in value_keys(s, "speakers")


_RELEASE = ("Media releases\n\nNew Zealand welcomes the ocean data treaty\nJoint media release with:\nThe Hon Rawiri "
            "Kahu MP, Minister for Oceans\n4 May 2031\n\nThe Government welcomes the adoption of the treaty by the "
            "General Assembly, after four years of talks.\n\n{quotes}\n\nMedia enquiries\nMinister's office: 04 555 "
            "0100\n")


def test_extract_speakers_media_release_quotes_attributable_to_its_ministers():
    [s] = extract(_RELEASE.format(quotes="Quotes attributable to Minister of Foreign Affairs, the Hon Mere Tipene:\n\n"
                                         "\"This treaty protects our ocean.\"\n\nQuotes attributable to Minister for "
                                         "Oceans, the Hon Rawiri Kahu MP:\n\n\"Data helps our fishers.\""))
    assert sorted(value_keys(s, "speakers")) == ["mere-tipene", "rawiri-kahu"]
    assert value_keys(s, "on_behalf_of") == ["NZL"]
    # a quote attributed in running prose names no speaker of the release
    [s] = extract(_RELEASE.format(quotes="The remarks attributable to Minister Mere Tipene were widely reported."))
    assert "mere-tipene" not in value_keys(s, "speakers")


_LETTER = ("Letter dated 3 May 2031 from the Permanent Representative of Ghana to the United Nations addressed to the "
           "Secretary-General\n\n      I have the honour to transmit herewith the declaration adopted by the "
           "ministers of the Group at their meeting (see annex).\n      I should be grateful if you would have the "
           "present letter circulated as a document of the General Assembly.\n\n{sign}\n")


def test_extract_speakers_a_letter_signed_with_a_signature_mark_and_its_office_lines():
    [s] = extract(_LETTER.format(sign="                    (Signed) Kwame Boateng\n                    Ambassador and "
                                      "Permanent Representative\n                    Chair of the Steering Committee of "
                                      "the\n                    Non-Aligned Movement"))
    assert value_keys(s, "speakers") == ["kwame-boateng"]
    found = rels([s])
    assert ("kwame-boateng", "affiliatedWith", "GHA") in found
    assert ("kwame-boateng", "affiliatedWith", "NAM") not in found  # chairing an organ of a body is no employment
    # a name after "signed" in running prose signs nothing
    [s] = extract(_LETTER.format(sign="The declaration was signed Kwame Boateng style, in green ink."))
    assert value_keys(s, "speakers") == []


_NEWSLETTER = ("Permanent Mission of Chile to the United Nations, Vienna\nOCEAN UPDATE | Issue 7 | June 2031\n\n"
               "CHILE'S STATEMENT TO THE OCEAN CONFERENCE\n\nOn 3 June, Ambassador Rosa Vidal delivered Chile's "
               "national statement in the general debate of the Ocean Conference, held in Vienna. {note}\n\n"
               "{quote}Mr. President, Chile calls on all States to ratify the high seas treaty without delay, and to "
               "fund the science our coasts need.{end}\n\nThe full text is on our website.\n")


def test_extract_speakers_an_editors_lead_in_names_who_delivered_the_quoted_statement():
    [s] = extract(_NEWSLETTER.format(note="Extracts follow.", quote="", end=""))
    assert value_keys(s, "speakers") == ["rosa-vidal"]
    [s] = extract(_NEWSLETTER.format(note="", quote="\"", end="\""))
    assert value_keys(s, "speakers") == ["rosa-vidal"]
    assert value_keys(s, "on_behalf_of") == ["CHL"]
    # a report of the delivery, with no text of it below, names nobody who speaks here
    [s] = extract(_NEWSLETTER.format(note="It was well received.", quote="The Mission notes: ", end=""))
    assert value_keys(s, "speakers") == []


_ANNEX = ("Annex to the letter dated 3 May 2031 from the Permanent Representative of\nGhana to the United Nations "
          "addressed to the Secretary-General\n\n      {title}\n\n      1.    The Ministers reaffirmed the positions "
          "of the Movement on ocean science and called for more data sharing among all coastal States.\n")


def test_extract_speakers_an_annexed_statement_is_the_body_its_own_title_names():
    [s] = extract(_ANNEX.format(title="Statement of the Ministers of Foreign Affairs of the Non-Aligned Movement\n"
                                      "on ocean science"))
    assert value_keys(s, "on_behalf_of") == ["NAM"]
    # an annexed text whose title names the states that issued it is theirs, not a body's
    [s] = extract(_ANNEX.format(title="Joint Statement of the Ministers of Foreign Affairs of Chile and Peru at the "
                                      "Non-Aligned Movement"))
    assert "NAM" not in value_keys(s, "on_behalf_of")


def test_extract_speakers_german_heading_names_the_minister_of_state():
    [s] = extract("Rede von Staatsminister Jonas Albrecht beim Forum Digitale Ordnung\n\n03.02.2025 - Artikel\n\n"
                  + _BODY)
    assert value_keys(s, "speakers") == ["jonas-albrecht"]
    # "von" inside a name after an office is no author cue
    [s] = extract("Rede zur Lage\n\n03.02.2025 - Artikel\n\nWir danken Botschafterin Anna von Bredow für ihre Arbeit. "
                  "Die Lage bleibt ernst und verlangt unsere volle Aufmerksamkeit in den kommenden Monaten.\n")
    assert value_keys(s, "speakers") == []


_ANSWERS = ("Annex to the Proceedings - Answers to parliamentary questions\n\n2025Z03311\n{line}\n\n"
            "Received 20 March 2025\n\nQuestion 1\nAre you aware of the report on dual-use exports published last "
            "month?\n\nAnswer 1\nYes.\n\nQuestion 2\nWill the government tighten its rules?\n\nAnswer 2\nThe "
            "government has studied the report closely. Together with its partners it will review the licensing rules "
            "for surveillance technology this year and report to the House before the summer.\n")


def test_extract_speakers_answers_from_a_minister_named_by_surname_in_brackets():
    [s] = extract(_ANSWERS.format(line="Answers from the Minister for Trade and Development (Hoekstra) to questions "
                                       "from member Vos on export controls (submitted 3 March 2025)."))
    assert [e.label for e, *_ in s.value("speakers")] == ["Hoekstra"]
    # a body or an abbreviation in brackets after an office names nobody
    [s] = extract(_ANSWERS.format(line="Answers from the Minister of Defence (NATO) to questions from member Vos."))
    assert not s.value("speakers")


def test_extract_speakers_executive_secretary_of_a_body_speaks_for_the_body():
    [s] = extract("Opening remarks at the workshop on verification\n\nRemarks by Dr. Lena Ostrova, Executive Secretary "
                  "of the Organisation for the Prohibition of Chemical Weapons\n\nThe Hague, 4 May 2025\n\n"
                  "Excellencies,\n\nI thank Peru and Kenya for hosting the regional meetings and Iran for its data.\n")
    assert value_keys(s, "speakers") == ["lena-ostrova"]
    assert value_keys(s, "on_behalf_of") == ["OPCW"]
    assert ("lena-ostrova", "affiliatedWith", "OPCW") in rels([s])


def test_extract_speakers_heading_names_the_office_and_the_text_its_holder():
    page = ("Statement attributable to the Spokesperson for the Secretary-General - on the new space treaty\n\n"
            "Geneva, 3 May 2025\n\nThe Secretary-General welcomes the adoption of the treaty, negotiated under the "
            "chairmanship of Ambassador Ilse Moerdijk of Belgium. He urges all States to ratify it.\n\n"
            "{sign}\n")
    [s] = extract(page.format(sign="Odile Marchetti, Spokesperson for the Secretary-General"))
    assert value_keys(s, "speakers") == ["odile-marchetti"]
    assert value_keys(s, "on_behalf_of") == ["UN"]  # not the state of the chair the text names
    assert ("ilse-moerdijk", "affiliatedWith", "BEL") in rels([s])
    # a person holding another office is not the author the heading names
    [s] = extract(page.format(sign="Odile Marchetti, Director of Communications"))
    assert "odile-marchetti" not in value_keys(s, "speakers")


def test_extract_speakers_joint_statement_signed_by_ministers_one_per_line():
    page = ("Joint statement of the foreign ministers on the safety of undersea cables\n\n"
            "We, the Foreign Ministers of Portugal, Ireland and Greece, are concerned by the damage done to undersea "
            "cables in our waters and call on all states to protect them.\n\nWe will share information and support "
            "one another in response and recovery.\n\n{block}\n\nLast updated: 04/02/2025\nPrint  |  Share\n")
    block = ("Rui Cardoso, Minister of Foreign Affairs of Portugal\nNiamh Kearney, Minister for Foreign Affairs of "
             "Ireland\nEleni Pappas, Minister of Foreign Affairs of Greece")
    [s] = extract(page.format(block=block))
    assert value_keys(s, "speakers") == ["rui-cardoso", "niamh-kearney", "eleni-pappas"]
    assert value_keys(s, "on_behalf_of") == ["PRT", "IRL", "GRC"]
    # each signer's office is the one after the name on its line, not the line above's
    assert {("niamh-kearney", "affiliatedWith", "IRL"), ("eleni-pappas", "affiliatedWith", "GRC")} <= rels([s])
    assert ("niamh-kearney", "affiliatedWith", "PRT") not in rels([s])
    # one signer alone is no joint block, and a closing sentence naming two ministers signs nothing
    [s] = extract(page.format(block="We thank Rui Cardoso, Minister of Foreign Affairs of Portugal, for hosting us."))
    assert "rui-cardoso" not in value_keys(s, "speakers")


def test_extract_speakers_general_debate_block_of_state_name_and_title():
    page = ("United Nations | General Debate of the 80th Session of the General Assembly\nWelcome to the United "
            "Nations\nHome | Speakers | Statements | Webcast\n{state}\n{who}\nPresident\n23 September 2025\n"
            "Statement: English | Spanish\nWatch on UN Web TV\n\nMr. President of the General Assembly,\n"
            "Excellencies,\n\nMy country "
            "supports a reform of the Council that gives a stronger voice to the regions that are underrepresented.\n")
    [s] = extract(page.format(state="Paraguay", who="His Excellency Rodrigo Benítez"))
    assert value_keys(s, "speakers") == ["rodrigo-benitez"]
    assert value_keys(s, "on_behalf_of") == ["PRY"]
    # the state of the block, not another the speech names
    [s] = extract(page.format(state="Paraguay", who="His Excellency Rodrigo Benítez").replace("My country", "Bolivia"))
    assert value_keys(s, "on_behalf_of") == ["PRY"]


def test_extract_speakers_long_delivered_by_line_with_a_list_of_states():
    states = ("Cuba, the Lao People's Democratic Republic, the Republic of Nicaragua, the Russian Federation, "
              "the Syrian Arab Republic, the Kingdom of Cambodia")
    [s] = extract("3 November 2025\n\nExplanation of vote after the adoption of draft resolution A/C.1/80/L.12\n\n"
                  "delivered by Mr. Ilya Sokolenko, Permanent Representative of the Republic of Belarus, on behalf of "
                  f"Belarus, {states} and the Republic of Zimbabwe\n\n" + _BODY)
    assert value_keys(s, "speakers") == ["ilya-sokolenko"]
    assert value_keys(s, "on_behalf_of")[:2] == ["BLR", "CUB"]
    # a long line of prose below the heading that names a person delivers nothing
    [s] = extract("3 November 2025\n\nExplanation of vote after the adoption of draft resolution A/C.1/80/L.12\n\n"
                  "We thank Mr. Ilya Sokolenko, Permanent Representative of the Republic of Belarus, for his work on "
                  f"behalf of Belarus, {states} and the Republic of Zimbabwe\n\n" + _BODY)
    assert "ilya-sokolenko" not in value_keys(s, "speakers")


def test_extract_speakers_answered_on_a_date_by_a_minister():
    [s] = extract(_ANSWERS.format(line="Asked by Dr Al Hartigan (Independent)\n\nAnswered on 9 April 2025 by Maeve "
                                       "Dunmore, Minister of State (Foreign Office)"))
    assert value_keys(s, "speakers") == ["maeve-dunmore"]  # who answers, not who asked


def test_extract_speakers_chairmans_statement_dated_at_a_host_state():
    page = ("CHAIRMAN'S STATEMENT\nOF THE 30TH ASEAN REGIONAL FORUM\n{line}\n\n1. The 30th ASEAN Regional Forum was "
            "held on 9 July 2025. The Meeting was chaired by Mr Haris Osman, Minister of Foreign Affairs "
            "of Malaysia.\n\n2. The Ministers reaffirmed their commitment to peace in the region.\n")
    [s] = extract(page.format(line="9 JULY 2025, MALAYSIA"))
    assert value_keys(s, "speakers") == ["haris-osman"]
    assert value_keys(s, "on_behalf_of") == ["ARF"]
    # a state the heading names otherwise than where it met makes the text that state's, not the forum's
    [s] = extract(page.format(line="AS ISSUED BY MALAYSIA"))
    assert value_keys(s, "on_behalf_of") != ["ARF"]


def test_extract_speakers_embassy_item_quoting_the_person_its_lead_reports():
    page = ("Embassy news\n\nChile and Norway hold talks on ocean governance\n\n12.05.2025 - Article\n\n"
            "The Chilean Foreign Ministry's Ambassador for Oceans, Marta Lillo, was in Oslo on 10 and 11 May for "
            "the third round of bilateral talks on ocean governance with the Norwegian Foreign Ministry.\n\n"
            "\"Norway is a close partner for healthy oceans and we will work together on the new treaty,\" said "
            "{who}.\n\nThe two countries agreed to share research on marine protected areas.\n")
    [s] = extract(page.format(who="Ambassador Lillo"))
    assert value_keys(s, "speakers") == ["marta-lillo"]
    assert value_keys(s, "on_behalf_of") == ["CHL"]
    # a quote attributed to someone the lead does not report names no speaker of the item
    [s] = extract(page.format(who="Ambassador Erik Dahl"))
    assert "erik-dahl" not in value_keys(s, "speakers")
    # an item quoting two voices has no speaker of its own
    two = page.format(who="Ambassador Lillo").replace("The two countries", "\"We agree,\" said State Secretary Erik "
                                                      "Dahl. The two countries")
    [s] = extract(two)
    assert "marta-lillo" not in value_keys(s, "speakers")


def test_extract_speakers_editors_note_gives_the_byline_authors_office():
    page = ("A fair deal for the high seas\n\nBy Luc Marchand\n\nPublished : May 4, 2025\n\nThe oceans cover most of "
            "our planet, yet most of them lie beyond any state's jurisdiction. The new treaty changes that, and Chile "
            "and Peru have led the way.\n\n{note}\n")
    [s] = extract(page.format(note="The writer is the ambassador of Belgium to the Republic of Chile. - Ed."))
    assert value_keys(s, "speakers") == ["luc-marchand"]
    assert value_keys(s, "on_behalf_of") == ["BEL"]  # whom he serves, not where he is posted
    # a note naming no office gives none
    [s] = extract(page.format(note="The writer is a novelist who lives in Santiago. - Ed."))
    assert value_keys(s, "on_behalf_of") != ["BEL"]
