"""Pages split into statements; chrome (clocks, phones, banners, letterheads, 'all messages') in none."""
from kg.layout import layout
from kg.segment import segment

EMBASSY_PAGE = """16 June 2019
Moscow: 22:06
London: 20:06

Consular queries:
+44 (0) 203 668 7474

469 days have passed since the incident - no credible information from the authorities

Statement by Ambassador Ivan Petrov at the Conference on Disarmament, Geneva, 3 June 2019

Distinguished colleagues, we welcome the work of the Conference.

05.06.2019 - Article by Foreign Minister Sergey Lavrov for International Affairs magazine, June 4, 2019

The month of May is behind us.

28.05.2019 - Comment by the Information and Press Department

We noted the statement.

all messages"""

LETTERHEAD = """**Permanent Mission
of the Russian Federation
to the United Nations**

*Phone: (212) 861-4900
Fax: (212) 628-0252*

S T A T E M E N T

**BY THE HEAD OF DELEGATION DR. VLADIMIR SHIN**

New York, 13 December 2021

Unofficial translation

Your Excellency, the session is open."""


def _texts(text):
    return [text[s.start:s.end] for s in segment(text)]


def test_segment_main_text_and_dated_items():
    segs = segment(EMBASSY_PAGE)
    assert len(segs) == 3
    assert [s.listing_date for s in segs] == [None, "2019-06-05", "2019-05-28"]
    texts = _texts(EMBASSY_PAGE)
    assert texts[0].startswith("Statement by Ambassador Ivan Petrov")
    assert texts[2].endswith("We noted the statement.")


def test_segment_chrome_belongs_to_no_statement():
    joined = "\n".join(_texts(EMBASSY_PAGE))
    for chrome in ("Moscow: 22:06", "Consular queries", "+44 (0) 203", "days have passed", "all messages"):
        assert chrome not in joined


def test_segment_letterhead_is_chrome_and_heading_runs_to_the_dateline():
    segs = segment(LETTERHEAD)
    assert len(segs) == 1
    s = segs[0]
    assert LETTERHEAD[s.start:].startswith("S T A T E M E N T")
    assert LETTERHEAD[s.start:s.heading_end].endswith("New York, 13 December 2021")
    assert "Permanent Mission" not in LETTERHEAD[s.start:s.end]


def test_segment_plain_text_without_heading_is_one_statement():
    text = "We welcome the adoption of the report. " * 10
    segs = segment(text)
    assert len(segs) == 1 and segs[0].start == 0 and segs[0].end == len(text.rstrip())


def test_segment_several_headed_statements_on_one_page():
    from pathlib import Path

    from helpers import extract

    text = (Path(__file__).parent / "fixtures" / "mission_page.txt").read_text(encoding="utf-8")
    a, b = extract(text, "mission_page.txt")
    assert text[b.start:].startswith("Right of reply by Deputy Permanent Representative Dmitry Polyanskiy")
    assert (a.value("kind"), a.value("forum").key) == ("explanation of vote", "UNSC")
    assert (b.value("kind"), b.value("forum").key) == ("statement", "UNGA")
    assert [e.key for e, *_ in b.value("speakers")] == ["dmitry-polyanskiy"]
    sponsors = {(r.subject.key, r.object.key) for r in a.relations if r.predicate == "sponsoredBy"}
    assert sponsors == {("S/2022/155", "USA"), ("S/2022/155", "ALB")}


_PORTAL = ("Union External Service\n\n"
           "Union Statement – Human Rights Council: Panel on Digital Rights\n\n"
           "Geneva, 04/05/2023 - 10:15, UNIQUE ID: 230504_7\n"
           "Statements on behalf of the Union\n\n"
           "4 May 2023, Geneva – Statement by H.E. Ms. Clara Vidal, Head of the Delegation of the European Union "
           "to the United Nations, at the Human Rights Council Panel on Digital Rights\n\n"
           "Mr. President,\n\n"
           "{body}\n\nThank you.\n")


def test_segment_a_portal_title_and_its_meta_lines_head_the_statement_below_them():
    text = _PORTAL.format(body="We thank the panellists for their presentations and support the work of the Council.")
    [s] = segment(text)  # one statement, its heading running from the title to the line that says who speaks
    assert "Union Statement – Human Rights Council" in text[s.start:s.heading_end]
    assert text[s.start:s.heading_end].endswith("Human Rights Council Panel on Digital Rights")


def test_segment_a_text_between_two_headings_keeps_them_apart():
    text = _PORTAL.replace("Statements on behalf of the Union\n", "The Union delivered the following statement at "
                           "the panel, together with its partners.\n").format(body="We thank the panellists.")
    assert len(segment(text)) == 2


def test_segment_a_date_and_format_label_under_the_title_is_no_listing_item():
    text = ("Statement by Norway at the Conference on Disarmament – Plenary on New Weapons\n\n"
            "2031-03-04 – Speech\n\nDelivered by Ambassador Kari Lund\n\nMr President,\n\n"
            "Norway supports a structured dialogue on emerging technologies in this Conference.\n")
    [s] = segment(text)
    assert text[s.start:].startswith("Statement by Norway") and s.listing_date is None
    assert "2031-03-04" in text[s.start:s.heading_end]


def test_segment_a_dated_item_with_a_title_of_its_own_still_starts_a_statement():
    # the negative case: a date then a real title is an item of a listing
    text = ("Statement by Norway on outer space\n\nNorway supports the open-ended working group on space threats.\n\n"
            "2031-03-04 – Speech by the State Secretary at the Oslo Forum on Mediation\n\nWe meet in difficult times.\n")
    segs = segment(text)
    assert [s.listing_date for s in segs] == [None, "2031-03-04"]


def test_segment_a_second_heading_with_its_own_dateline_or_byline_starts_a_statement():
    for under in ("Vienna, 9 May 2031", "delivered by Counsellor Ana Ruiz"):
        text = ("Statement by Peru at the thematic debate on outer space\nVienna, 9 May 2031\n\nMr. Chair,\n\n"
                "Peru supports the proposals made today on transparency measures in outer space.\n\nThank you.\n\n"
                f"Right of Reply of the Republic of Peru to the statement by the representative of Chile\n{under}\n\n"
                "Mr. Chair,\n\nPeru rejects the remarks made this morning about its space programme.\n")
        first, reply = segment(text)
        assert text[reply.start:].startswith("Right of Reply of the Republic of Peru"), under
        assert text[first.start:first.end].endswith("Thank you.")


def test_segment_a_heading_followed_by_a_long_paragraph_line_is_no_second_statement():
    # the negative case: a title-like line whose next line is prose is a sentence of the body
    text = ("Statement by Peru at the thematic debate on outer space\n\nMr. Chair,\n\n"
            "Peru supports the proposals made today on transparency measures.\n\n"
            "Statement of the Chair of the Group of Experts on verification\n"
            "was read out by the Secretary, who added that the Group had met three times and would report next year.\n")
    assert len(segment(text)) == 1


def test_segment_a_title_naming_its_kind_at_the_end_heads_the_statement_below_the_breadcrumb():
    text = ("Home > Delegation Vienna > Statements\n\n"
            "IAEA Board of Governors - Item 4: Nuclear safety review for the year - EU Statement\n\n"
            "Vienna, 04.06.2031\n\nChair,\n\nThe European Union welcomes the annual review.\n")
    [s] = segment(text)
    assert text[s.start:].startswith("IAEA Board of Governors")


_FOOTERS = ("\n\n« Previous: Minister visits the Arctic research station\nNext: National Day reception 2031 »\n"
            "Embassy of Norway · Main Street 5, Lima · Copyright © 2031\n\nAttachment: 310504_space.pdf (90KB)\n"
            "‹ Prev  Remarks at the opening of the session\n› Next  Statement on verification\n"
            "Address: 5 Main Street, Lima | Tel: 1-555-0100 | Copyright(c) Ministry of Foreign Affairs of Norway\n\nTop of page\n\nRelated content\nNorway's statement at the Human Rights Council: June 2031\n"
            "Disarmament Week: remarks by the State Secretary\n\nExplore the topic\nHuman rights\n\n"
            "Was this page helpful?  Yes  No\n\nEditorial Sections: Delegation to the UN  |  Disarmament\n"
            "Tags: Space  Cyber  Peace  Arms control\n\n"
            "All content is available under the Open Government Licence v3.0\n© Crown copyright\n")


def test_segment_feedback_boxes_and_lists_of_related_links_belong_to_no_statement():
    body = ("Statement by Norway on verification\n\nMr. Chair,\n\nNorway supports the work of the Group of "
            "Scientific Experts.\n\nThank you.")
    [s] = segment(body + _FOOTERS)
    assert (body + _FOOTERS)[s.start:s.end] == body


def test_segment_menus_and_breadcrumbs_are_chrome():
    lay = layout()
    for line in ("Home  About us  Visas  Passports  Contact", "Start > Newsroom > 2031", "Inicio » Prensa » Notas",
                 "Tags: Space  Cyber  Arms control", "Start / Newsroom / Interviews", "Print  |  Send",
                 "Listen to this article  4 min", "HOME  MISSION  STATEMENTS  CONTACT",
                 "Print | Send to friend", "Visits: 1,032"):
        assert lay.is_chrome(line), line
    for line in ("Mr. Chair, we support the draft.  It is balanced.  It is fair.  We will vote for it.",
                 "Statement by Norway at the First Committee", "© Photo Agency/Jane Doe", "Category: Speech  |  4 May 2031",
                 "Declaration of the Ministers of Defence/Security / 4 May 2031",
                 "The  Group  of  Experts  met  in", "STATEMENT  BY  THE  DELEGATION  OF  PERU",
                 "Related to this, Norway recalls its earlier proposal on verification and transparency."):
        assert not lay.is_chrome(line), line


_TWO_ON_ONE_PAGE = ("First Committee – Cluster 3: Outer Space\nTuesday, 9 May 2031\n\n"
                    "Statement of the Andean Group\ndelivered by Ambassador Ana Ruiz, Permanent Representative of Peru\n\n"
                    "Mr. Chairman,\n\nThe Group supports transparency measures in outer space.\n\nThank you, Mr. Chairman.\n\n"
                    "National Statement of the Republic of Peru\ndelivered by Counsellor Luis Soto\n\n"
                    "Mr. Chairman,\n\nPeru aligns itself with the Andean Group.\n")


def test_segment_two_headed_statements_under_one_page_header_share_its_date_and_forum():
    from helpers import extract

    group, national = extract(_TWO_ON_ONE_PAGE)
    assert _TWO_ON_ONE_PAGE[national.start:].startswith("National Statement of the Republic of Peru")
    assert group.value("date") == national.value("date") == "2031-05-09"  # the date line above the first title
    assert group.value("forum").key == national.value("forum").key == "UNGA-C1"


def test_segment_a_later_statement_keeps_its_own_date():
    # the negative case: a reply dated on its own line is not given the page header's date
    from helpers import extract

    text = _TWO_ON_ONE_PAGE.replace("delivered by Counsellor Luis Soto", "New York, 11 May 2031")
    _, national = extract(text)
    assert national.value("date") == "2031-05-11"


def test_segment_a_byline_under_the_heading_dateline_belongs_to_the_heading():
    text = ("Statement by Norway at the Conference on Disarmament\n\n2031-03-04 – Speech\n\n"
            "Delivered by Ambassador Kari Lund, Permanent Representative of Norway\n\nMr President,\n\n"
            "Norway supports a structured dialogue on emerging technologies.\n")
    [s] = segment(text)
    assert text[s.start:s.heading_end].endswith("Permanent Representative of Norway")
    # the negative case: the body's first sentence under the dateline is no byline
    plain = text.replace("Delivered by Ambassador Kari Lund, Permanent Representative of Norway\n\nMr President,\n\n", "")
    [p] = segment(plain)
    assert plain[p.start:p.heading_end].endswith("2031-03-04 – Speech")


def test_segment_a_share_bar_or_audio_player_under_a_headline_does_not_cut_the_headline_off():
    for bar in ("Listen to this article  3 min", "Share this story: Facebook  X  Email", "Print  |  Share"):
        text = ("Home  World  Asia  Opinion  Sport\n\nWORLD\n\n'Space is for all': envoy Kari Lund on the talks\n\n"
                f"By Ana Ruiz\nPUBLISHED May 4, 2031\n\n{bar}\n\n"
                "GENEVA – The talks on outer space ended on Friday with a report adopted by consensus, and the envoy who "
                "chaired them said in an interview that small states had the most to gain from common rules.\n")
        [s] = segment(text)
        assert "'Space is for all'" in text[s.start:s.end], bar
    # the negative case: a menu between a line and the text still tops the page
    text = ("Old headline of another story\n\nHome  World  Asia  Opinion  Sport\n\n"
            "GENEVA – The talks on outer space ended on Friday with a report adopted by consensus, and the envoy who "
            "chaired them said in an interview that small states had the most to gain from common rules.\n")
    [s] = segment(text)
    assert text[s.start:].startswith("GENEVA")


def test_segment_a_sentence_naming_a_kind_late_is_prose_and_the_title_above_heads_the_statement():
    text = ("Home  >  Newsroom  >  Media Notes\n\nThe Third Norway-Peru Space Dialogue\n\nMEDIA NOTE\n\nMAY 4, 2031\n\n"
            "Share\n\nThe following is the text of a joint statement by the Governments of Norway and Peru on the "
            "occasion of the third dialogue.\n\nNorway and Peru held the third dialogue on outer space in Lima on May 2-3, "
            "2031, and agreed on a programme of work on transparency measures and on the safety of space operations.\n")
    [s] = segment(text)
    assert text[s.start:].startswith("The Third Norway-Peru Space Dialogue")
    # the negative case: a heading that opens with its kind and ends with a full stop is still a heading
    text2 = "Statement by Peru on outer space at the Conference of the Committee today.\n\nPeru welcomes the report.\n"
    [s2] = segment(text2)
    assert s2.heading_end == text2.index(".\n") + 1


def test_segment_a_long_session_title_between_heading_and_dateline_stays_in_the_header():
    session = ("Ninth Substantive Session of the Open-ended Working Group on the prevention of an arms race in outer "
               "space and on transparency measures 2031-2035")
    text = (f"STATEMENT ON BEHALF OF THE ANDEAN COMMUNITY GROUP\n\n{session}\n\nAgenda item 4: Norms\n\n"
            "Palais des Nations, Geneva, 4 May 2031\n\nMr Chair,\n\nThe Group supports the draft report.\n")
    [s] = segment(text)
    assert 120 < len(session) < 200 and text[s.start:s.heading_end].endswith("Geneva, 4 May 2031")
    # the negative case: a line of prose of that length under the heading ends the header there
    prose = text.replace(session, session.replace("2031-2035", "was opened today and the Group spoke first."))
    [p] = segment(prose)
    assert prose[p.start:p.heading_end] == "STATEMENT ON BEHALF OF THE ANDEAN COMMUNITY GROUP"


def test_segment_a_delivery_date_under_the_posting_date_belongs_to_the_heading():
    from helpers import extract

    text = ("Speech\nNorway's statement at the Conference on Disarmament\n\nFrom: Ministry of Foreign Affairs\n"
            "Published 5 May 2031\nDelivered on: 4 May 2031 (as delivered in the plenary)\n\nThank you, Mr President.\n\n"
            "Norway supports a structured dialogue on emerging technologies in this Conference.\n")
    [s] = extract(text)
    assert s.value("date") == "2031-05-04"
    # the negative case: without the delivery line the posting date is all the page says
    [p] = extract(text.replace("Delivered on: 4 May 2031 (as delivered in the plenary)\n", ""))
    assert p.value("date") == "2031-05-05"


_UNDER_RULE = ("Statement by Mr. Tomas Lindqvist\nCounsellor, Permanent Mission of Sweden to the United Nations\n"
               "At the Third Session of the Working Group on outer space\nVienna, 6 May 2031\n\nMr. Chair,\n"
               "Sweden supports the draft guidelines on transparency in outer space.\nThank you.{rule}"
               "Statement by Ms. Anna Berg\nMinister Counsellor and Deputy Head of Mission of Sweden\n"
               "Before the Fourth Committee of the General Assembly\nGeneral Debate\n12 October 2030\n\n"
               "Mr. Chair,\nSweden congratulates you on your election and pledges its full cooperation.\n")


def test_segment_a_heading_under_a_rule_starts_a_statement_with_its_long_header_block():
    for rule in ("\n\n* * *\n\n", "\n\n————————\n\n", "\n\n________\n\n", "\n\n= = = = =\n\n", "\n————\n"):
        text = _UNDER_RULE.format(rule=rule)
        first, second = segment(text)
        assert text[first.start:first.end].endswith("Thank you."), rule  # the rule is in neither
        assert text[second.start:].startswith("Statement by Ms. Anna Berg"), rule
        assert text[second.start:second.heading_end].endswith("12 October 2030"), rule
        assert layout().is_chrome(rule.strip()), rule


def test_segment_a_kind_word_line_under_a_rule_followed_by_prose_is_no_heading():
    # the negative case: under a rule, a line naming a kind whose next lines are sentences is part of the text
    text = _UNDER_RULE.format(rule="\n\n* * *\n\n").split("Statement by Ms.")[0] + (
        "Statement of the Chair of the Group of Experts on verification\n"
        "was read out by the Secretary, who added that the Group had met three times and would report next year.\n")
    assert len(segment(text)) == 1


def test_segment_credit_contact_and_address_lines_are_chrome():
    lay = layout()
    for line in ("XNA/Jane Doe/John Roe", "PTA/Maria del Campo/Ines Roe Lopez",
                 "Ana Ruiz, Spokesperson for Trade, +41 22 555 01 01",
                 "Ministry of Foreign Affairs · Main Street 5, Lima · +51 1 555 0100",
                 "Embassy of Norway, 12 Grand Avenue, Albany, NY 12207"):
        assert lay.is_chrome(line), line
    for line in ("A/RES/75/240", "GA/DIS/4100", "EU/NATO Cooperation Framework", "© Photo Agency/Jane Doe",
                 "Call the duty office at +41 22 555 01 01.", "The draft passed by 150 votes to 4, with 12 abstentions",
                 "The meeting in Albany, NY 12207 was postponed to next year."):
        assert not lay.is_chrome(line), line


def test_segment_other_releases_and_contact_blocks_belong_to_no_statement():
    body = ("Press release on the space debris guidelines\n\nThe Ministry welcomes the adoption of the guidelines "
            "on space debris mitigation by the Committee.")
    for tail in ("\n\nOther Press Releases\nNo: 41, 3 May 2031, Press Release Regarding the Floods in Peru\n"
                 "No: 40, 2 May 2031, Press Release Regarding the Visit of the Foreign Minister of Chile",
                 "\n\nRelated Sites\nCommittee on the Peaceful Uses of Outer Space (5 - 9 May 2031)",
                 "\n\nPress contacts\nAna Ruiz, Deputy Spokesperson for Trade and External Relations, +41 22 555 01 01\n"
                 "Media desk - Secretariat of the Assembly"):
        [s] = segment(body + tail)
        assert (body + tail)[s.start:s.end] == body, tail


def test_segment_a_contact_label_takes_no_paragraph_after_its_block():
    # the negative case: the contact block ends at a blank line; the paragraph after it is the statement's text
    from helpers import extract, keys

    text = ("Statement by Norway on verification\n\nMr. Chair,\n\nNorway supports the Group.\n\nMedia enquiries\n"
            "Media desk of the Ministry\n\nThe Ministry will send the full report to Chile next week.")
    [s] = extract(text)
    assert text[s.start:s.end].endswith("next week.") and "CHL" in keys(s, "State")
    assert layout().contact_label.match("Media enquiries") and not layout().contact_label.match("Media enquiries grew")


def test_segment_a_heading_under_its_own_posting_stamp_starts_a_statement_from_the_stamp():
    text = ("Ministry of Foreign Affairs of Peru\nNews > Comments\n\n9 May 2031, 16:20\nStatement of the Ministry on the "
            "outage of the national registry\n\nLima, 9 May 2031\n\nThe outage of the registry on Friday was caused by an "
            "intrusion.\n\n"
            "8 May 2031, 09:05\nComment of the Spokesperson Ana Ruiz on the vote in the Council\n\n"
            "The vote showed wide support for the resolution.\n")
    first, second = segment(text)
    assert text[second.start:].startswith("8 May 2031, 09:05\nComment of the Spokesperson")
    assert text[first.start:first.end].endswith("by an intrusion.")
    # a date above a line of prose, or a date not set off from the paragraph above, starts nothing
    for other in ("8 May 2031\nThe Ministry will comment on the vote tomorrow.\n",
                  "9 May 2031\nComment of the Spokesperson on the vote\n"):
        plain = text.split("8 May 2031, 09:05")[0].rstrip("\n") + ("\n\n" if other.startswith("8") else "\n") + other
        assert len(segment(plain)) == 1, other


def test_segment_a_heading_over_a_block_of_header_fields_starts_a_statement():
    first = ("Speeches\n\nThird Committee: Item 68 – Rights of the child\nDate: 4 May 2031\nType: Statement\n\n"
             "Delivered by Ambassador Ana Ruiz, Permanent Representative of Peru\n\nChair,\n\nPeru supports the draft "
             "before the Committee and thanks the facilitators for their work.\n\n")
    second = ("Explanation of position: draft decision L.12 on the working methods\nDate: 6 May 2031\nType: Explanation "
              "of position\nAudience: Third Committee\n\nChair,\n\nPeru joined the consensus on this decision today.\n")
    segs = segment(first + second)
    assert [(first + second)[s.start:].split("\n")[0] for s in segs][-1] == second.split("\n")[0]
    assert len(segs) == 2
    # a turn of a transcript ("Brazil: ...") over a field line is no heading
    turn = "Brazil: We support the draft as it stands in front of us today\nDate: 6 May 2031\n\nThank you.\n"
    assert len(segment(first + turn)) == 1


def test_segment_a_byline_under_the_header_fields_names_the_speaker():
    from helpers import extract, value_keys
    [s] = extract("Third Committee: Item 68 – Rights of the child\nDate: 4 May 2031\nType: Statement\nAudience: Third "
                  "Committee\n\nDelivered by Ambassador Ana Ruiz, Permanent Representative of Peru\n\nChair,\n\nPeru "
                  "supports the draft before the Committee and thanks the facilitators for their work.\n")
    assert value_keys(s, "speakers") == ["ana-ruiz"]


def test_segment_an_annex_to_a_letter_is_a_statement_of_its_own_and_the_job_number_is_chrome():
    text = ("Letter dated 9 May 2031 from the Permanent Representative of Ruritania to the United Nations\n\n"
            "I have the honour to transmit the declaration adopted by the Ministers on 30 April 2031 (see annex).\n\n"
            "(Signed) Jan Kowal\n\n"
            "Annex to the letter dated 9 May 2031 from the Permanent Representative of\n"
            "Ruritania to the United Nations addressed to the President of the Council\n\n"
            "Declaration of the Ministers on outer space\n\n"
            "1. The Ministers call for a treaty banning weapons in orbit.\n\n"
            "31-04567 (E)    120531\n*3104567*\n")
    letter, annex = segment(text)
    assert text[letter.start:letter.end].endswith("(Signed) Jan Kowal")
    assert text[annex.start:annex.end].startswith("Annex to the letter")
    assert text[annex.start:annex.end].endswith("weapons in orbit.")  # (the job number and bar code: chrome)
    # the negative case: "annex" inside a sentence starts nothing
    assert len(segment("Statement by Ruritania\n\nWe welcome the report.\n\nAnnex I of the report lists the "
                       "measures that States have taken.\n")) == 1


def test_segment_a_newsletter_item_runs_over_its_quoted_paragraphs_and_its_upcoming_notice_is_another():
    text = ("View this email in your browser\n\nSPACE NEWS | Issue 4 | May 2031\n\nIn this issue:\n"
            "» Chile at the Outer Space Committee\n» Upcoming: a panel on debris\n\n----------\n\n"
            "CHILE'S STATEMENT TO THE OUTER SPACE COMMITTEE\n\n"
            "On 2 May, Ambassador Ana Rojas spoke in the general debate. Extracts follow.\n\n"
            "\"Chile calls for a registry of all objects placed in orbit, and for rules on their removal.\n\n"
            "We also ask all States to share the data they hold on debris in low orbit with each other.\"\n\n"
            "----------\n\nUPCOMING\nPanel: \"Debris and the commons\", 9 June 2031, Room 3, Vienna International "
            "Centre. Registration required.\n\n----------\n\n"
            "You are receiving this email because you subscribed to our list.\n"
            "Our mailing address is: 5 Ring Road, 1400 Vienna, Austria\n"
            "You can update your preferences or unsubscribe from this list.\n")
    item, notice = [text[s.start:s.end] for s in segment(text)]
    # a quotation's last paragraph ends inside its closing mark: no heading of its own
    assert item.startswith("CHILE'S STATEMENT") and item.endswith("with each other.\"")
    assert notice.startswith("UPCOMING") and notice.endswith("Registration required.")
    assert "Austria" not in item + notice and "In this issue" not in item  # the mailing's frame is chrome
    # the negative case: a section word in a sentence under a rule is no heading
    assert len(segment("Statement by Chile\n\nWe welcome the report.\n\n----------\n\nUpcoming talks will "
                       "decide more, and Chile will take part in them.\n")) == 1


def test_segment_a_related_questions_list_is_chrome():
    from helpers import extract, keys
    text = ("Outer space: Treaties\nQuestion 4411, tabled on 2 March 2031\n\nRuritania supports a treaty banning "
            "weapons in orbit, as we said before.\n\nRelated questions\nOuter space: Norway (Question 4102)\n"
            "Debris: Chile (Question 3990)\n\nRuritania will say more in due course, and Peru agrees with us.\n")
    [s] = extract(text)
    assert keys(s, "State") == {"PER"}  # the titles of other questions name no state of this answer
    # the negative case: a "related" word inside a sentence starts no list
    [t] = extract(text.replace("Related questions\n", "Related questions were put by others today, we note.\n"))
    assert {"NOR", "PER"} <= keys(t, "State")


def test_segment_a_site_footer_block_tags_and_a_prev_next_link_are_chrome():
    from helpers import extract, keys
    text = ("Statement on the launch in orbit\n\nPeru regrets the launch and calls for restraint by all.\n\n"
            "Tags\nOuter Space   Norway   Security\n\n"
            "Prev  Remarks by the Ambassador at the Chile Forum\nNext  Joint Statement with Brazil on debris\n\n"
            "Ministry Home\nInspector General of Norway\nArchives\nPrivacy Policy\nAccessibility Statement\n")
    [s] = extract(text)
    assert keys(s, "State") == {"PER"}  # no tag, neighbouring page or footer link names a state of the statement
    # the negative case: short lines of a text with no footer link among them stay text
    [t] = extract("Statement on the launch in orbit\n\nPeru regrets the launch.\n\nWe call on\nNorway\nand Chile\n"
                  "to act now.\n")
    assert {"NOR", "CHL"} <= keys(t, "State")
    assert not layout().is_chrome("Next steps will be decided by the Council in May, and Peru will take part.")


def test_segment_a_date_and_one_word_under_a_title_is_its_dateline_not_a_listing_item():
    text = ("Embassy of Peru\nNews\n\nAmbassador opens the space security week in Lisbon\n25.04.2031 - Artikel\n\n"
            "The Ambassador of Peru opened on Thursday the space security week at the university.\n")
    [s] = segment(text)
    assert s.listing_date is None and text[s.start:].startswith("Ambassador opens the space security week")
    # a date and a title of several words is an item of a listing
    listing = text + "\n20.04.2031 - Ambassador visits the observatory in Porto\n\nThe visit was short.\n"
    assert [x.listing_date for x in segment(listing)] == [None, "2031-04-20"]


def test_segment_a_headline_byline_and_date_above_an_article_tool_row_head_the_text():
    text = ("The Andes Courier\nHome | Politics | World | Opinion | Sports | Subscribe\nOpinion > Columns\n\n"
            "[Perspective] Why the lunar registry needs a home\nBy Marta Quispe\nPublished : June 2, 2031 - 09:10\n"
            "Text size  A A   Print   Comments (3)\n\n" + "When the probe went dark over the far side, nobody knew "
            "whose it was, and that is the problem this column is about, for every spacefaring nation. " * 2 + "\n")
    [s] = segment(text)
    assert text[s.start:].startswith("[Perspective] Why the lunar registry")
    assert layout().is_inline_chrome("Font size: A+ A-")
    # the negative case: a menu row with no tool in it still tops the page, the headline above it is left out
    menu = text.replace("Text size  A A   Print   Comments (3)", "World  Sports  Culture  Weather")
    [m] = segment(menu)
    assert menu[m.start:].startswith("When the probe went dark")


def test_segment_a_state_s_position_paper_title_with_its_label_heads_the_cover():
    text = ("Peru: Position Paper on Outer Space Security\n\nMinisterio de Relaciones Exteriores\n\n"
            "Peru\nPosition Paper on Outer Space\nSecurity\n\nMay 2031\n\n1. Introduction\n\n"
            "1. Peru is committed to a peaceful and secure outer space for\nall States and peoples.\n\n"
            "2. Peru recalls that the reports of the Group of Govern-\nmental Experts on transparency in outer "
            "space activities remain valid today.\n")
    [s] = segment(text)
    assert s.start == 0  # the cover belongs to the paper
    assert layout().kind_of("Position Paper on Outer Space") == "statement"
    # the negative case: a transcript's turn opening with a label stays no heading
    turns = "Peru: Thank you, Mr. Chair, for the floor.\n\nChile: We support the Chair's proposal on debris.\n"
    assert all(not turns[x.start:].startswith("Peru: Position") for x in segment(turns))


def test_segment_a_lone_star_between_two_releases_separates_them():
    text = ("Spokesperson's Office\n\nStatement attributable to the Spokesperson on the space debris accord\n\n"
            "Geneva, 3 May 2031\n\nThe Organization welcomes the accord reached today on debris mitigation.\n\n"
            "Jana Novak, Spokesperson\n\n*\n\nNote to Correspondents - the Organization welcomes the registry report"
            "\n\n9 June 2031\n\nThe Organization congratulates the members on the registry report adopted today.\n")
    first, second = segment(text)
    assert text[first.start:first.end].endswith("Jana Novak, Spokesperson")  # the star is no part of either
    assert text[second.start:].startswith("Note to Correspondents")
    # the negative case: a title naming no kind under a blank line stays inside the release
    plain = text.replace("\n*\n\nNote to Correspondents - the", "\nSecond part: the")
    assert len(segment(plain)) == 1


def test_segment_two_parliamentary_records_on_a_search_page_are_two_statements():
    record = ("{title}\nQuestion for the Ministry of Space Affairs\nUIN {uin}, tabled on {day} May 2031\n\n"
              "Asked by Ms Ana Ruiz (Green - Lakeside)\n\nTo ask the Minister what steps she is taking on debris.\n\n"
              "Answered on {ans} May 2031 by Mr Tom Berg, Minister of State (Ministry of Space Affairs)\n\n"
              "The Government works closely with partners on debris mitigation and will keep doing so.\n\n")
    text = ("Parliament\nSearch results: 2 questions matching \"debris\"\nSort by: Date answered\n\n"
            + record.format(title="Space Debris", uin="4711", day="2", ans="9")
            + record.format(title="Lunar Registry: Standards", uin="4702", day="1", ans="6"))
    first, second = segment(text)
    assert text[first.start:].startswith("Space Debris") and text[second.start:].startswith("Lunar Registry")
    # the negative case: a title line over plain prose is no record's title
    plain = text.replace("Standards\nQuestion for the Ministry of Space Affairs\nUIN 4702, tabled on 1 May 2031",
                         "Standards\nWe were told on 1 May 2031 that more would follow")
    assert len(segment(plain)) == 1


def test_segment_an_agenda_item_over_its_byline_starts_the_delegation_s_next_statement():
    text = ("Conference on Space Security\nGeneva, 2-4 May 2031\nStatements of the delegation of Peru\n\n"
            "Agenda item 3: General debate\nDelivered by Ambassador Rosa Campos\n2 May 2031\n\nMr. President,\n\n"
            "Peru welcomes the convening of this conference and the work of its bureau.\n\nThank you.\n\n"
            "Agenda item 4: Debris mitigation\nDelivered by Mr. Luis Vera, Legal Adviser\n3 May 2031\n\n"
            "Mr. President,\n\nPeru supports the guidelines on debris mitigation before the conference.\n\n"
            "Thank you.\n")
    first, second = segment(text)
    assert text[second.start:].startswith("Agenda item 4") and "Agenda item 4" not in text[first.start:first.end]
    # the negative case: a title with no byline under it stays in the statement
    assert len(segment(text.replace("Delivered by Mr. Luis Vera, Legal Adviser\n", ""))) == 1


def test_segment_a_translation_under_its_label_is_the_same_statement():
    text = ("Embaixada do Peru\n\nPeru e Chile realizam consultas sobre o espaço\n\n02.05.2031 - Artigo\n\n"
            "O Embaixador do Peru esteve em Santiago para consultas sobre a segurança espacial.\n\n---\n\n"
            "English version\n\nPeru and Chile hold space consultations\n\n02.05.2031 - Article\n\n"
            "The Ambassador of Peru was in Santiago for consultations on space security.\n")
    [s] = segment(text)
    assert text[s.start:s.end].endswith("consultations on space security.")
    # the negative case: with no translation's label, the dated article line under the rule heads a statement
    bare = text.replace("English version\n\n", "")
    assert not any("Embaixador" in bare[x.start:x.end] and "Ambassador" in bare[x.start:x.end] for x in segment(bare))


def test_segment_a_headline_and_its_subtitle_under_the_page_s_label_are_one_heading():
    text = ("Joint statement\n\nDate: 05/04/2031\n\nAndean Four joint statement on debris in low orbit\n\n"
            "Joint statement of the Andean Four ahead of the conference on \"Debris in orbit\"\n\n"
            "We, the Foreign Ministers of Bolivia, Colombia, Ecuador and Peru, are concerned by debris in orbit.\n")
    [s] = segment(text)
    assert text[s.heading_end - 20:s.heading_end] == "on \"Debris in orbit\""
    # the negative case: a heading with text of its own between it and the next is a statement of its own
    worded = text.replace("\n\nJoint statement of the Andean",
                          "\n\nWe share the concern of all nations about debris in orbit and its risks.\n\n"
                          "Joint statement of the Andean")
    assert len(segment(worded)) == 2
