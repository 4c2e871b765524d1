"""What a page's later statements take from its first: its date, place and forum, unless made on another occasion."""
from helpers import extract


def test_pipeline_a_later_release_months_apart_takes_no_place_from_the_page_s_first():
    page = ("Statement attributable to the Spokesperson on the debris accord\n\nVienna, 3 May 2031\n\nThe Organization "
            "welcomes the accord on debris mitigation adopted today.\n\n*\n\nNote to Correspondents - the Organization "
            "welcomes the registry report\n\n{day}\n\nThe Organization congratulates the members on the report.\n")
    first, second = extract(page.format(day="9 November 2031"))
    assert first.value("place").label == "Vienna" and second.value("place") is None
    # the negative case: a second statement days later at the same meeting keeps the page's place
    _, near = extract(page.format(day="5 May 2031"))
    assert near.value("place").label == "Vienna"
