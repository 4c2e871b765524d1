"""chairOf read from a record's field lines ("Chair: Mr. X (State)", "Chairpersonship: State") and from a
speaker's own words about their office ("in my capacity as Chair of ...") (kg/extract/chairlines.py)."""
from helpers import extract, rels

_RECORD = ("United Nations                                A/C.4/80/PV.3\nGeneral Assembly\nEightieth session\n"
           "Fourth Committee\n3rd meeting\nMonday, 6 October 2025, 3 p.m.\nNew York\n\n"
           "{field}\n\n      The meeting was called to order at 3.10 p.m.\n\n"
           "      Mr. Halvorsen (Norway): Norway supports the draft before us and thanks the Bureau.\n")


def test_extract_chairlines_the_masthead_chair_chairs_the_body_named_above_and_serves_the_state_in_brackets():
    found = rels(extract(_RECORD.format(field="Chair:    Mr. Obiora Nwachukwu . . . . . . . . . . . . (Nigeria)")))
    chair = {(s, o) for s, p, o in found if p == "chairOf"}
    assert {o for s, o in chair if "nwachukwu" in s} == {"UNGA-C4"}
    assert any(p == "affiliatedWith" and o == "NGA" and "nwachukwu" in s for s, p, o in found)


def test_extract_chairlines_a_chair_line_that_names_no_person_gives_nothing():
    found = rels(extract(_RECORD.format(field="Chair: Thanks were expressed to all delegations.")))
    assert not any(p == "chairOf" and o == "UNGA-C4" for s, p, o in found)


def test_extract_chairlines_a_held_office_field_names_the_state_chairing_the_organisation():
    page = ("Organization for Security and Co-operation in Europe\nPermanent Council\n\nChairpersonship: Malta\n\n"
            "1450th Plenary Meeting of the Permanent Council\n16 November 2023, Vienna\n\nSTATEMENT BY NORWAY\n\n"
            "Mr. Chair,\n\nNorway supports the budget proposal.\n")
    assert ("MLT", "chairOf", "OSCE") in rels(extract(page))
    vague = page.replace("Chairpersonship: Malta", "Chairpersonship: to be confirmed")
    assert not any(p == "chairOf" for s, p, o in rels(extract(vague)))


def test_extract_chairlines_my_capacity_as_chair_makes_the_speaker_the_chair():
    page = ("Provisional verbatim record\n\nMs. Okafor (Ghana): In my capacity as President of the Conference on "
            "Disarmament, I report on our consultations.\n\nMr. Lindqvist (Sweden): Sweden, in its capacity as "
            "Chair of the Group of Seven, also reports.\n")
    chair = {(s, o) for s, p, o in rels(extract(page)) if p == "chairOf"}
    assert any("okafor" in s and o == "CD" for s, o in chair)
    assert ("SWE", "G7") in chair
    # an office not of chair, and a capacity of someone else: nothing
    other = ("Provisional verbatim record\n\nMs. Okafor (Ghana): In my capacity as a member of the Conference on "
             "Disarmament, and in his capacity as Chair of the Group of Seven, we report.\n")
    assert not any(p == "chairOf" for s, p, o in rels(extract(other, "other.txt")))
