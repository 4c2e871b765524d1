"""Bodies, groups and instruments of multilateral disarmament, cyber and human-rights diplomacy are read
from text the gazetteers were not written for, with the right type; ambiguous short forms stay unread."""
from collections import Counter

from helpers import extract, keys, rels

from kg.gazetteer import load_yaml
from kg.paths import GAZETTEER_DIR


def _org_types(stmt) -> dict[str, str]:
    return {m.entity.key: m.entity.attr("type") for m in stmt.mentions if m.entity.kind == "Organization"}


def test_gazetteer_coverage_groups_of_states_and_regional_bodies():
    [s] = extract("Statement by South Africa on behalf of the New Agenda Coalition\n\n"
                  "We align ourselves with the Non-Aligned Movement and welcome the work of the African Space "
                  "Agency (AfSA), the Alliance of Small Island States and the Economic Community of Central "
                  "African States. The EFTA countries, members of the European Economic Area, agree. The "
                  "Freedom Online Coalition and the Global Counterterrorism Forum met, as did the Inter-American "
                  "Committee against Terrorism.")
    types = _org_types(s)
    want = {"NEW-AGENDA-COALITION", "NAM", "AFSA", "AOSIS", "ECCAS", "EFTA", "EEA", "FREEDOM-ONLINE-COALITION",
            "GCTF", "CICTE"}
    assert want <= set(types)
    assert {types[k] for k in want} == {"IntergovernmentalOrganization"}


def test_gazetteer_coverage_disarmament_bodies_and_campaigns():
    [s] = extract("Statement by the delegation of Mexico\n\n"
                  "OPANAL, the Brazilian-Argentine Agency for Accounting and Control of Nuclear Materials and the "
                  "UN Regional Centre for Peace, Disarmament and Development in Latin America and the Caribbean "
                  "work with the United Nations Mine Action Service. We named the Hague Code of Conduct against "
                  "Ballistic Missile Proliferation, the Zangger Committee, ICAN and the "
                  "Stockholm International Peace Research Institute.")
    types = _org_types(s)
    assert {"OPANAL", "ABACC", "UNLIREC", "UNMAS", "HCOC", "ZANGGER-COMMITTEE", "ICAN", "SIPRI"} <= set(types)
    assert types["UNLIREC"] == types["UNMAS"] == "UNBody"
    assert types["ICAN"] == types["SIPRI"] == "NonGovernmentalOrganization"
    assert keys(s, "Treaty") == set()  # the Hague Code is a code of conduct, not a treaty


def test_gazetteer_coverage_african_small_arms_and_cyber_instruments_are_treaties():
    [s] = extract("Statement by Ghana on behalf of the African Group\n\n"
                  "We support the Bamako Convention, the Nairobi Protocol for the Prevention, Control and "
                  "Reduction of Small Arms and Light Weapons in the Great Lakes Region and the Horn of Africa, "
                  "the Economic Community of West African States Convention on Small Arms and Light Weapons, "
                  "Their Ammunition and Other Related Materials, the Kinshasa Convention and the Malabo "
                  "Convention.")
    assert {"BAMAKO-CONVENTION", "NAIROBI-PROTOCOL", "ECOWAS-SALW-CONVENTION", "KINSHASA-CONVENTION",
            "MALABO-CONVENTION"} <= keys(s, "Treaty")
    # a body named only inside an instrument's title is not a mention of the body; capitals in titles are
    # no states
    assert "ECOWAS" not in keys(s, "Organization")
    assert keys(s, "State") == {"GHA"}


def test_gazetteer_coverage_arms_control_space_and_human_rights_treaties():
    [s] = extract("Statement by the delegation of Ireland\n\n"
                  "The Partial Test Ban Treaty, the Seabed Treaty, the 1925 Geneva Protocol, the Moon Agreement, "
                  "the Registration Convention, the Convention on the Physical Protection of Nuclear Material and "
                  "the Treaty on Non-Proliferation of Nuclear Weapons stand with the Convention on the Rights of "
                  "the Child, the Genocide Convention and the Palermo Convention.")
    assert {"PTBT", "SEABED-TREATY", "GENEVA-PROTOCOL-1925", "MOON-AGREEMENT", "REGISTRATION-CONVENTION",
            "CPPNM", "NPT", "CRC", "GENOCIDE-CONVENTION", "UNTOC"} <= keys(s, "Treaty")


def test_gazetteer_coverage_name_broken_after_its_hyphen():
    [s] = extract("Statement by Pakistan\n\nPakistan aligns itself with the statement of the Non-\nAligned "
                  "Movement and of the Non- Aligned Movement summit.")
    assert "NAM" in keys(s, "Organization")


def test_gazetteer_coverage_ambiguous_short_forms_are_not_read():
    [s] = extract("Statement by the delegation of Norway\n\n"
                  "The NAC met in Brussels. The EEA published data. The Ministerial Council met. FOSS and PSI "
                  "were discussed, and CAT and FIRST are words.")
    assert keys(s, "Organization") == set()
    assert keys(s, "Treaty") == set()


def test_gazetteer_coverage_no_form_names_two_bodies_or_instruments():
    forms: Counter = Counter()
    for file, section in (("organizations.yaml", "organizations"), ("treaties.yaml", "treaties")):
        for entry in load_yaml(GAZETTEER_DIR / file)[section].values():
            forms.update({f.lower() for f in entry.get("names") or []} | set(entry.get("abbreviations") or []))
    assert [f for f, n in forms.items() if n > 1] == []


def test_gazetteer_coverage_security_council_committees_named_by_their_founding_resolution():
    [s] = extract("Statement by Peru\n\nMr. President,\n\nThe Committee established pursuant to resolution 1540 "
                  "(2004), the Security Council Committee established pursuant to resolution 1718 (2006) and the "
                  "Panel of Experts established pursuant to resolution 1874 (2009) all reported to the Council.")
    assert {"UNSC-1540", "UNSC-1718", "UN-POE-1718"} <= keys(s, "Organization")
    # each was set up by the resolution its own name gives, not by the next one the sentence names
    found = {(s_, o) for s_, p, o in rels([s]) if p == "establishedBy"}
    assert {("UNSC-1718", "S/RES/1718 (2006)"), ("UN-POE-1718", "S/RES/1874 (2009)")} <= found
    assert ("UNSC-1718", "S/RES/1874 (2009)") not in found


def test_gazetteer_coverage_the_movements_group_at_npt_meetings_is_the_movement():
    [s] = extract("Statement on behalf of the Group of the Non-Aligned States Parties to the Treaty on the "
                  "Non-Proliferation of Nuclear Weapons\n\nMadam President,\n\nThe Group reaffirms its positions.")
    assert "NAM" in keys(s, "Organization") and [e.key for e in s.value("on_behalf_of")] == ["NAM"]


def test_gazetteer_coverage_osce_centre_canz_and_the_ad_hoc_committee_in_other_words():
    [s] = extract("Statement by Canada\n\nMr. Chair,\n\nThe OSCE's Conflict Prevention Centre ran the checks. CANZ "
                  "supports the Ad Hoc Committee on a comprehensive international convention on countering the use of "
                  "ICTs for criminal purposes.")
    assert {"OSCE-CPC", "CANZ", "UN-AHC-CYBERCRIME"} <= keys(s, "Organization")
    # the centre is the OSCE's only where the OSCE is named
    [s] = extract("Statement by Canada\n\nMr. Chair,\n\nThe national Conflict Prevention Centre ran the checks.")
    assert "OSCE-CPC" not in keys(s, "Organization")


def test_gazetteer_coverage_national_cyber_agencies_carry_their_state():
    [s] = extract("Statement by the delegation of Chile\n\nMadam Chair,\n\nOur CERT met experts of ANSSI, the "
                  "Federal Office for Information Security, the Communications Security Establishment, CERT-In, "
                  "KISA, the Israel National Cyber Directorate, CERT-UA and the Office of the National Cyber "
                  "Director, and we read the advisories of the Government Communications Security Bureau.")
    want = {"ANSSI": "FRA", "BSI": "DEU", "CSE-CAN": "CAN", "CERT-IN": "IND", "KISA": "KOR", "INCD": "ISR",
            "CERT-UA": "UKR", "US-ONCD": "USA", "GCSB": "NZL"}
    found = {m.entity.key: m.entity for m in s.mentions if m.entity.kind == "Organization"}
    assert set(want) <= set(found)
    assert {k: found[k].attr("state") for k in want} == want
    assert {found[k].attr("type") for k in want} == {"NationalBody"}


def test_gazetteer_coverage_research_bodies_are_nongovernmental_and_a_meeting_rule_is_none():
    [s] = extract("Statement by the delegation of Kenya\n\nMr. Chair,\n\nStudies by the International Institute "
                  "for Strategic Studies, RUSI, the Stimson Center, the China Institute of International Studies, "
                  "the Observer Research Foundation and the Geneva Centre for Security Policy informed us.")
    types = _org_types(s)
    want = {"IISS", "RUSI", "STIMSON-CENTER", "CIIS", "ORF", "GCSP"}
    assert want <= set(types)
    assert {types[k] for k in want} == {"NonGovernmentalOrganization"}
    # the rule of a meeting's confidentiality is no mention of the institute it is named after; the
    # Canadian intelligence service is not the Washington think tank that shares its initials
    [s] = extract("Statement by the delegation of Kenya\n\nMr. Chair,\n\nThe consultations followed the Chatham "
                  "House rule. The Canadian Security Intelligence Service briefed us.")
    assert keys(s, "Organization") == {"CSIS-CAN"}


def test_gazetteer_coverage_treaty_meetings_and_regional_organs_need_their_body():
    [s] = extract("Statement by the delegation of Thailand\n\nMr. President,\n\nAt the Second Meeting of States "
                  "Parties to the TPNW, the CCW Meeting of High Contracting Parties and the ARF ISM on ICTs we "
                  "spoke; the IAEA reported to its General Conference, and the ASEAN Ministerial Conference on "
                  "Cybersecurity met.")
    org = keys(s, "Organization")
    assert {"TPNW-2MSP", "CCW-MHCP", "ARF-ISM-ICT", "IAEA-GC", "AMCC"} <= org
    assert "TPNW-MSP" not in org  # the numbered meeting, not the series as well
    # generic organ names are read only where their body is named
    [s] = extract("Statement by the delegation of Thailand\n\nMr. President,\n\nThe General Conference, the "
                  "Committee of Ministers, the Foreign Affairs Council and the Provisional Technical Secretariat "
                  "met.")
    assert keys(s, "Organization") == set()



def test_gazetteer_coverage_the_ctbt_article_xiv_conference_is_a_forum():
    [s] = extract("Statement by Peru at the Fourteenth Conference on Facilitating the Entry into Force of the "
                  "Comprehensive Nuclear-Test-Ban Treaty\nNew York, 25 September 2031\n\nMr. President,\n\nPeru calls "
                  "on the remaining States to ratify the Treaty.")
    assert s.value("forum").key == "CTBT-ART14"
    # the Treaty alone is no conference
    [s] = extract("Statement by Peru\n\nPeru calls on the remaining States to ratify the Comprehensive "
                  "Nuclear-Test-Ban Treaty.")
    assert "CTBT-ART14" not in keys(s, "Organization")


def test_gazetteer_coverage_demining_expert_groups_parties_and_ccw_protocols():
    [s] = extract("Statement by the delegation of Chile\n\nMr. President,\n\nWe recall the report of the High-level "
                  "FMCT Expert Preparatory Group, the work of the Geneva International Centre for Humanitarian "
                  "Demining and the ASEAN Regional CERT, and Protocol V on Explosive Remnants of War. The "
                  "questions came from member Bakker (VVD) and a member of the CDA.")
    assert {"HLEPG-FMCT", "GICHD", "ASEAN-CERT", "NLD-VVD", "NLD-CDA"} <= keys(s, "Organization")
    assert "CCW-P5" in keys(s, "Treaty")
    # bare "Protocol V" and "Federal Council" name nothing by themselves
    [s] = extract("Statement by the delegation of Chile\n\nProtocol V and the Federal Council were discussed.")
    assert not keys(s, "Organization") and not keys(s, "Treaty")


def test_gazetteer_coverage_a_federal_council_beside_the_swiss_ministry_and_the_austrian_ministry():
    [s] = extract("FDFA questions and answers\n\nOn this page the FDFA answers questions. The Federal Council "
                  "decided not to sign. The Austrian Federal Ministry for European and International Affairs agreed.")
    assert {"MFA-CHE", "CHE-FEDERAL-COUNCIL", "MFA-AUT"} <= keys(s, "Organization")


def test_gazetteer_coverage_a_numbered_meeting_names_the_treaty_of_its_series():
    [s] = extract("Statement by Chile\n\nChile will preside over the Third Meeting of States Parties to the Treaty "
                  "on the Prohibition of Nuclear Weapons.")
    assert "TPNW" in keys(s, "Treaty")
    # a body whose name ends "of <its parent>" still names the parent
    [s] = extract("Statement by Chile\n\nThe Coordinating Bureau of the Non-Aligned Movement met.")
    assert "NAM" in keys(s, "Organization")


def test_gazetteer_coverage_a_hashtag_inside_a_bodys_name():
    [s] = extract("Post\n\nAs President of the Third Meeting of States Parties to the #TPNW, Chile will act. #CTBT")
    assert keys(s, "Organization") == {"TPNW-3MSP"} and keys(s, "Treaty") == {"TPNW", "CTBT"}
    # a hash glued to another word is no hashtag of the name's word
    [s] = extract("Post\n\nAs President of the Third Meeting of States Parties to the C#TPNW, Chile will act.")
    assert "TPNW-3MSP" not in keys(s, "Organization")
