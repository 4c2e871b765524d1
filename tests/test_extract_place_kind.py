"""Where a statement was made and what kind it is, read as a careful reader reads a header, a dateline or a
news lead; a city or a kind word met elsewhere in the text decides nothing."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import extract
from kg.extract.common import lex


def place(text: str) -> str | None:
    found = extract(text)[0].value("place")
    return found.label if found is not None else None


def kind(text: str) -> str:
    return extract(text)[0].value("kind")


@pytest.mark.parametrize("text, city", [
    # a dated line of the header, the city in capitals as letterheads print it
    ("Statement by Ambassador Lena Koval\n\nPermanent Representative of Ukraine to the United Nations\n\n"
     "GENEVA, 4 May 2021\n\nMr. President,\n\nWe support the draft before us.", "Geneva"),
    # the date first, the city after a comma, the title after a dash
    ("12 March 2022, Vienna – Statement by H.E. Ms. Ana Silva at the Permanent Council\n\nMr. Chair,\n\n"
     "We thank the Chairmanship.", "Vienna"),
    # a city the gazetteer does not know, on a line of its own with the date
    ("Ministerial Declaration on Lake Shipping\n\nBled, 2 September 2019\n\nWe, the ministers, agree to "
     "cooperate on safe shipping.", "Bled"),
    # a catalogue record's labelled field
    ("[Title] Joint Communique of the Fifth Ministerial Meeting\n\n[Place] NAIROBI\n[Date] May 5, 2018\n\n"
     "1. The ministers met to review the plan of action.", "Nairobi"),
    ("Joint Communique of the Ministers of Trade\n\nVenue: Geneva\n\nThe ministers met to review the plan of "
     "action.", "Geneva"),
])
def test_extract_venue_header_lines_give_the_place(text, city):
    assert place(text) == city


def test_extract_venue_session_line_of_the_preamble_with_a_venue_abbreviation():
    text = ("Conference on Disarmament\n\nSecond Part of the Session\n\n10-14 August 2020 UNOG Geneva\n\n"
            "Statement on 11 August 2020\n\nMs. Rina Tal\n\nMr. President,\n\nLet me begin by thanking you.")
    s = extract(text)[-1]
    assert (s.value("place").label, s.value("date")) == ("Geneva", "2020-08-11")


def test_extract_venue_meeting_held_in_a_city():
    text = ("Second meeting of the expert group on maritime law\n\nMay 5, 2022\n\nOn 3 and 4 May, the second "
            "meeting of the expert group on maritime law was held in Nairobi. Experts from twenty states took part.")
    assert place(text) == "Nairobi"


def test_extract_venue_document_signed_in_a_city_in_a_lead_without_headline():
    text = ("The two states on Tuesday voiced shared concern over attacks on critical infrastructure, according to a "
            "joint statement signed in Astana on Tuesday.\n\nThe ministers also agreed to meet again next year.")
    assert place(text) == "Astana"


@pytest.mark.parametrize("text, city, expected_kind", [
    # the lead names where the act took place: the wire desk's city is only where the agency filed
    ("Moscow urges dialogue on cyber norms\n\nMOSCOW, April 2. /TASS/. Russia wants a regular dialogue on cyber "
     "norms, Russia's envoy Ivan Petrov said at a session of the Council in Geneva.\n\n\"We are open to talks,\" "
     "the diplomat said.", "Geneva", "news"),
    # a wire dateline's city that the gazetteer does not know
    ("Diplomat hails vote on the ICT draft\n\nUNITED NATIONS (Wire Service - 5 May, 2021) The adoption of the "
     "draft is a success, a senior diplomat of Ruritania told reporters on Friday after the vote.\n\nMore text.",
     "United Nations", "news"),
    # the dateline of a page without a headline, after a date stamp; the kind its lead names
    (" date 2020-03-04 MOSCOW, March 4. /TASS/. Talks on a treaty will open next year, the Russian Foreign "
     "Ministry said in a comment issued on Wednesday after the vote in New York on Monday.\n\n"
     "\"The vote shows broad support,\" the ministry noted.", "Moscow", "comment"),
])
def test_extract_venue_news_datelines_and_leads(text, city, expected_kind):
    s = extract(text)[0]
    assert (s.value("place").label, s.value("kind")) == (city, expected_kind)


@pytest.mark.parametrize("text", [
    # cities the speech talks about
    "Statement by the delegation of Chile\n\nMr. Chair,\n\nWe recall the talks in Paris and the conference in "
    "Nairobi last year, and we condemn the shelling of a school in Odesa.",
    # a news agency's credit line and a weekday are no places
    "Envoy urges restraint in cyberspace\n\nXinhua, March 2, 2016\n\nA Chinese diplomat urged restraint in "
    "cyberspace, speaking to reporters after the vote in Geneva last week.",
    "Statement on the weekly consultations\n\nMonday, 5 May 2021\n\nConsultations continued on the draft text.",
    "Statement on the weekly consultations\n\nPress Office, 5 May 2021\n\nConsultations continued on the draft text.",
    "Statement on the weekly consultations\n\nAmbassador, 5 May 2021\n\nConsultations continued on the draft text.",
    # a city that is the subject of a dated headline, and a city the topic of the meeting names
    "Regional forum on cyber resilience\n\n5 May 2021 | Nairobi hosts the regional forum\n\nThe forum opened today "
    "with ministers from ten states.",
    "Statement by the delegation of Chile\n\nMr. President,\n\nWe speak today at the Council meeting on the "
    "situation in Aleppo, which worsens by the day.",
])
def test_extract_venue_a_city_met_elsewhere_is_not_the_place(text):
    assert place(text) is None


@pytest.mark.parametrize("text, expected", [
    ("Foreign Ministry Spokesperson Li Wen's Regular Press Conference on May 3, 2021\n\nQ: Will the talks go on?"
     "\n\nA: China is ready to talk.", "briefing"),
    ("Daily press briefing by the Spokesperson\n\nQ: Any comment?\n\nA: None.", "briefing"),
    # a minister's news conference stays remarks
    ("Minister Anna Vogel's remarks and answers to media questions at a news conference\n\nThank you.", "remarks"),
])
def test_extract_metadata_kind_of_a_spokesperson_press_conference(text, expected):
    assert kind(text) == expected


def test_extract_metadata_kind_free_speech_is_no_speech_and_a_bare_dateline_is_a_press_release():
    text = ("Court ruling a setback for free speech, says Media Representative\n\nVIENNA, 5 May 2021 – The "
            "Representative on Freedom of the Media today criticised a court ruling against two journalists.")
    s = extract(text)[0]
    assert (s.value("kind"), s.value("place").label) == ("press release", "Vienna")


def test_extract_metadata_kind_from_the_section_label_above_a_heading_that_names_none():
    body = ("Second round of consultations on maritime law\n\nJune 2, 2022\n\nOn June 1, the second round of "
            "consultations on maritime law took place between the two ministries.")
    assert kind("Press Releases\n\n" + body) == "press release"
    assert kind("Speeches\n\n" + body) == "speech"
    assert kind(body) == "statement"  # no label: the default
    assert kind("Related articles\n\n" + body) == "statement"  # a list of links names no kind of its own


def test_extract_metadata_kind_wire_dateline_makes_news():
    assert kind("Diplomat hails vote on the ICT draft\n\nGENEVA, 12 May (Xinhua) -- A senior diplomat on Friday "
                "hailed the adoption of the draft on information security.") == "news"


def test_extract_metadata_kind_an_interview_named_in_passing_does_not_make_the_kind():
    text = ("Statement by the delegation of Chile\n\nMr. Chair,\n\nAs our minister said in an interview last week, "
            "we support the open-ended working group and its press conference was useful.")
    assert kind(text) == "statement"


@pytest.mark.parametrize("heading, expected", [
    ("Comment by the Press Department on the interview of the Ambassador of Ruritania to a daily", "comment"),
    ("Statement regarding remarks made in a television interview by a foreign official", "statement"),
    ("Minister Karl Berg's interview with Radio Nord on the talks", "interview"),
    ("Interview of the Deputy Minister to a weekly, and his comments on the talks", "interview"),
])
def test_extract_metadata_kind_an_interview_a_heading_is_about_is_not_its_kind(heading, expected):
    assert kind(heading + "\n\nThe text of the item, which runs on for a sentence or two.") == expected


_CITIES = sorted(e.label for e in lex().places.values() if e.label.replace(" ", "").isalpha())
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


@settings(max_examples=60, deadline=None)
@given(city=st.sampled_from(_CITIES), day=st.integers(1, 28), month=st.sampled_from(_MONTHS),
       year=st.integers(1995, 2030), caps=st.booleans(), day_first=st.booleans())
def test_extract_venue_any_known_city_on_the_dated_line_of_a_header(city, day, month, year, caps, day_first):
    date = f"{day} {month} {year}" if day_first else f"{month} {day}, {year}"
    line = f"{city.upper() if caps else city}, {date}"
    text = f"Statement by the delegation of Chile\n\n{line}\n\nMr. Chair,\n\nWe support the draft before us."
    s = extract(text)[0]
    assert (s.value("place").label, s.value("date")) == (city, f"{year}-{_MONTHS.index(month) + 1:02d}-{day:02d}")


@pytest.mark.parametrize("heading, expected", [
    ("Keynote address – Ana Ruiz, Minister of Foreign Affairs of Peru", "speech"),
    ("Closing address by the Director at the Lima Forum on Space Security", "speech"),
    ("Programme address list and delegations", "statement"),  # an address that is no speech: the default
])
def test_extract_metadata_kind_an_address_named_by_its_place_in_a_programme(heading, expected):
    assert kind(heading + "\n\nDear participants,\n\nWe meet at a time of growing risks in outer space.") == expected
