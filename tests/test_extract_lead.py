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
