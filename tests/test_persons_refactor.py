"""Persons, read at the seams of its steps: the collector that lets the surest reading win, the title walked
back from a name (glued words, a form of address) and the title after it."""
from helpers import extract

from kg.extract.personscan import Found
from kg.model import Entity


def _person_info(text: str) -> dict[str, dict]:
    [s] = extract("Statement by the delegation\n\n" + text)
    return {m.quote: m.info for m in s.mentions if m.entity.kind == "Person"}


def test_persons_collector_keeps_the_first_of_overlapping_findings():
    text = "Foreign Minister Sergey Lavrov"
    out = Found(text)
    first, second = Entity("Person", "sergey-lavrov", "Sergey Lavrov"), Entity("Person", "lavrov", "Lavrov")
    out.add(17, 30, first, "name", {})
    out.add(24, 30, second, "surname", {})  # inside the name already taken
    out.add(0, 7, second, "name", {})  # free text: taken as well
    assert [(m.start, m.end, m.entity, m.quote) for m in out.found] == [
        (17, 30, first, "Sergey Lavrov"), (0, 7, second, "Foreign")]


def test_persons_title_before_takes_the_capitalised_words_glued_to_it():
    info = _person_info("UK Foreign Secretary James Cleverly met the press.")["James Cleverly"]
    assert info["title"] == "UK Foreign Secretary"
    assert info["immediate_title"] and not info["honorific_before"]


def test_persons_title_before_tells_a_form_of_address_from_an_office():
    info = _person_info("We welcomed H.E. Mr. Alexander Yakovenko yesterday.")["Alexander Yakovenko"]
    assert info["honorific_before"] and info["immediate_title"]


def test_persons_title_after_the_name_stops_before_the_place():
    text = "Izumi Nakamitsu, Under-Secretary-General for Disarmament Affairs, at the meeting said so."
    info = _person_info(text)["Izumi Nakamitsu"]
    s, e = info["post_title"]
    assert info["titled"] and info["title"] == "Under-Secretary-General for Disarmament Affairs"
    assert ("Statement by the delegation\n\n" + text)[s:e] == info["title"]
