"""States by name, short and official forms, adjectives and demonyms; capitals as actors vs places."""
from helpers import extract, keys


def test_extract_states_names_adjectives_and_abbreviations():
    [s] = extract("Statement by the delegation\n\nThe Russian Federation, the US and British authorities "
                  "discussed Swiss proposals with Nigerien officials and the U.K.")
    assert keys(s, "State") == {"RUS", "USA", "GBR", "CHE", "NER"}


def test_extract_states_capital_as_actor_but_not_as_location():
    [s] = extract("Statement by the delegation\n\nWashington has not issued visas. The talks were held in "
                  "Moscow, May 27, 2019, and Paris and Berlin objected.")
    assert keys(s, "State") == {"USA", "FRA", "DEU"}
    assert "moscow" in keys(s, "Place")


def test_extract_states_possessive_capital_is_actor_unless_a_place_name_follows():
    [s] = extract("Statement by the delegation\n\nFrom Moscow's perspective the report is sensational. "
                  "A museum stands on Moscow’s Poklonnaya Gora.")
    got = [m for m in s.mentions if m.entity.kind == "State"]
    assert len(got) == 1 and got[0].quote == "Moscow"
    assert s.context.text[got[0].end:got[0].end + 2] == "'s"


def test_extract_states_regions_and_languages_are_not_states():
    [s] = extract("Statement by the delegation\n\nLatin American and North American partners met.")
    assert keys(s, "State") == set()


def test_extract_states_historical_states():
    [s] = extract("Statement by the delegation\n\nThe Soviet Union defeated the Third Reich.")
    assert keys(s, "State") == {"SUN", "THIRD-REICH"}


def test_extract_states_none_inside_a_news_outlets_name():
    [s] = extract("Statement by the delegation\n\nAccording to Agence France-Presse, Chile and France agreed.")
    assert keys(s, "State") == {"CHL", "FRA"}
    [s] = extract("Statement by the delegation\n\nAccording to Agence France-Presse, Chile agreed.")
    assert keys(s, "State") == {"CHL"}


def test_extract_states_a_capital_after_in_is_a_place_even_before_a_verb():
    [s] = extract("Statement by the delegation\n\nThe regional office in Lima supports training. Quito rejected "
                  "the plan.")
    assert keys(s, "State") == {"ECU"}
    assert "lima" in keys(s, "Place")


def test_extract_states_states_in_free_association_are_states():
    [s] = extract("Statement by the delegation\n\nDelegates from Niue and the Cook Islands joined Samoa.")
    assert {"NIU", "COK", "WSM"} <= keys(s, "State")
    [t] = extract("Statement by the delegation\n\nCaptain Cook sailed past many islands.")
    assert not {"NIU", "COK"} & keys(t, "State")


def test_extract_states_a_language_in_a_language_menu_names_no_state():
    [s] = extract("Statement by Ghana\nRead in: English | Russian | Hindi\n\nGhana spoke with the Russian side and "
                  "Indian experts.")
    assert keys(s, "State") == {"GHA", "RUS", "IND"}
    got = [m for m in s.mentions if m.entity.kind == "State" and m.entity.key in ("RUS", "IND")]
    assert all(m.start > s.context.text.index("Ghana spoke") for m in got)  # from the sentence, not the menu
    # a line of prose with a bar in it is no menu
    [s] = extract("Statement by Ghana\n\nGhana | a Russian delegation met us today in Accra.")
    assert "RUS" in keys(s, "State")
