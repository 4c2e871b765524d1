"""The lead of a news item or press release: who it reports as speaking, and the state it opens with as its subject."""
from helpers import extract, rels, value_keys

_TAIL = "\n\nThe text will be sent to all delegations before the next session of the Assembly.\n"


def test_extract_lead_speaker_before_a_time_of_day_and_a_verb():
    [s] = extract("Ministry of Foreign Affairs of Norway\n\nNorway sets out its view on maritime law\n\nForeign Minister "
                  "Ingrid Solberg this afternoon delivered Norway's national view on how the law of the sea applies to "
                  "new shipping lanes to the diplomats accredited in Oslo, at a meeting in the Ministry." + _TAIL)
    assert value_keys(s, "speakers") == ["ingrid-solberg"]
    assert value_keys(s, "on_behalf_of") == ["NOR"]
    assert ("ingrid-solberg", "affiliatedWith", "NOR") in rels([s])


def test_extract_lead_time_of_day_then_no_speech_is_no_speaker():
    [s] = extract("Ministry of Foreign Affairs of Norway\n\nVisit to the northern ports\n\nForeign Minister Ingrid "
                  "Solberg this afternoon arrived in the northern port of Tromso for a two-day visit to the coast guard "
                  "and the fishing communities of the region." + _TAIL)
    assert value_keys(s, "speakers") == []


def test_extract_lead_state_opening_the_lead_speaks():
    [s] = extract("Peru stresses water security at UN\n\nLIMA, 4 May 2025 (Andes Wire) -- The Republic of Peru has "
                  "today reaffirmed its commitment to shared rivers and glaciers, stressing that water security must "
                  "be a concern of all States in the region." + _TAIL)
    assert value_keys(s, "on_behalf_of") == ["PER"]


def test_extract_lead_state_named_inside_the_lead_is_no_subject():
    [s] = extract("Water talks end in Lima\n\nLIMA, 4 May 2025 (Andes Wire) -- Talks on shared rivers between the "
                  "delegations of Peru and Bolivia ended without agreement on Sunday, after three days of meetings in "
                  "the capital on the future of the glaciers." + _TAIL)
    assert value_keys(s, "on_behalf_of") == []


def test_extract_lead_state_listed_with_another_is_no_single_subject():
    [s] = extract("Water accord signed\n\nLIMA, 4 May 2025 (Andes Wire) -- Peru and Bolivia have signed an accord on "
                  "shared rivers and glaciers after three days of meetings in the capital, officials from both sides "
                  "told reporters in the evening." + _TAIL)
    assert value_keys(s, "on_behalf_of") == []


def test_extract_lead_state_that_has_been_acted_on_is_no_subject():
    [s] = extract("Floods in the north\n\nLIMA, 4 May 2025 (Andes Wire) -- Peru has been hit by the worst floods in "
                  "forty years, with rivers breaking their banks in six regions and thousands of families moved to "
                  "higher ground." + _TAIL)
    assert value_keys(s, "on_behalf_of") == []
