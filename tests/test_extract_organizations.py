"""Organizations: the UN system, other bodies, national bodies by pattern, media, and the two OEWGs."""
from helpers import extract, keys, labels, rels


def test_extract_organizations_two_oewgs_are_told_apart():
    [a] = extract("Statement at the first session of the Open-ended Working Group on Developments in the Field "
                  "of Information and Telecommunications in the Context of International Security, New York, "
                  "3 June 2019\n\nThe OEWG will succeed.")
    [b] = extract("Statement at the first substantive session of the Open-ended Working Group on security of "
                  "and in the use of ICTs 2021-2025, New York, 13 December 2021\n\nThe final reports of the first "
                  "OEWG were adopted. The OEWG will now continue.", "b.txt")
    assert keys(a, "Organization") == {"OEWG-2019"}
    assert {"OEWG-2019", "OEWG-2021"} <= keys(b, "Organization")
    assert a.value("forum").key == "OEWG-2019" and b.value("forum").key == "OEWG-2021"


def test_extract_organizations_national_bodies_by_pattern():
    [s] = extract("Statement by the delegation\n\nThe Ministry of Foreign Affairs of France, the Permanent "
                  "Mission of Brazil to the United Nations and the Embassy of Japan replied.")
    got = keys(s, "Organization")
    assert {"MFA-FRA", "PM-BRA-UN", "EMB-JPN"} <= got


def test_extract_organizations_bare_foreign_ministry_is_the_pages_own():
    [s] = extract("20.10.2020 - Foreign Ministry statement on relations with Russia\n\nRussia and the Russian "
                  "side stress that Russian proposals stand.")
    assert "MFA-RUS" in keys(s, "Organization")


def test_extract_organizations_media_by_pattern_and_gazetteer():
    [s] = extract("28.09.2020 - Article for the magazine Diplomatic Courier Weekly\n\nAs reported by Izvestia "
                  "and the Financial Times.")
    got = keys(s, "Organization")
    assert {"IZVESTIA", "FT"} <= got
    assert any(k.startswith("MEDIA-DIPLOMATIC-COURIER") for k in got)


def test_extract_organizations_generic_words_need_their_body():
    [s] = extract("Statement by the delegation\n\nThe Technical Secretariat and the Executive Council met.")
    assert keys(s, "Organization") == set()
    [t] = extract("Statement by the delegation\n\nThe OPCW Technical Secretariat and the Executive Council of the "
                  "OPCW met.", "t.txt")
    assert {"OPCW-TS", "OPCW-EC", "OPCW"} <= keys(t, "Organization")


def test_extract_organizations_a_treaty_inside_a_bodys_name_is_not_a_treaty_mention():
    [s] = extract("Statement by the delegation\n\nThe Collective Security Treaty Organisation met. The 2020 Review "
                  "Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons was postponed.")
    assert keys(s, "Treaty") == {"NPT"}
    assert {"CSTO", "NPT-REVCON"} <= keys(s, "Organization")


def test_extract_organizations_pattern_mentions_quote_the_whole_name():
    [s] = extract("Statement by the delegation\n\nThe Ministry of Foreign Affairs of the Republic of Belarus and the "
                  "Permanent Mission of Brazil to the United Nations replied.")
    quotes = {m.entity.key: m.quote for m in s.mentions if m.entity.kind == "Organization"}
    assert quotes["MFA-BLR"] == "Ministry of Foreign Affairs of the Republic of Belarus"
    assert quotes["PM-BRA-UN"] == "Permanent Mission of Brazil to the United Nations"


def test_extract_organizations_departments_belong_to_the_state_that_owns_them():
    [s] = extract("05.03.2021 - Comment by the Second European Department\n\nThe US Department of Justice, the "
                  "Department of European Problems, the Department of State and the Information and Press Department "
                  "replied. Each Department replied. Russia and the Russian side regret it.")
    got = {m.entity.key: m.entity.attr("state") for m in s.mentions if m.entity.kind == "Organization"}
    assert got == {"DEPT-RUS-SECOND-EUROPEAN-DEPARTMENT": "RUS", "DEPT-USA-DEPARTMENT-OF-JUSTICE": "USA",
                   "DEPT-RUS-DEPARTMENT-OF-EUROPEAN-PROBLEMS": "RUS", "US-STATE-DEPT": "USA", "MFA-RUS-IPD": "RUS"}
    assert [e.key for e in s.value("on_behalf_of")] == ["RUS"]


def test_extract_organizations_the_ccw_experts_group_is_not_the_ict_gge():
    [s] = extract("Statement by the delegation\n\nWe follow the Group of Governmental Experts of the Convention on "
                  "Certain Conventional Weapons closely, and we recall the UN Group of Governmental Experts.")
    assert {"CCW-GGE-LAWS", "GGE"} <= keys(s, "Organization")
    assert "CCW" in keys(s, "Treaty")
    [s] = extract("Statement by the delegation\n\nWe follow the Group of Governmental Experts of the Convention on "
                  "Certain Conventional Weapons closely.")
    assert "GGE" not in keys(s, "Organization")


def test_extract_organizations_an_outlet_named_after_another_is_not_it():
    [s] = extract("Press briefing\n\nQuestion (Ravi Menon, CNN-News18): Any update? Answer: CNN asked the same.")
    assert {"CNN-NEWS18", "CNN"} <= keys(s, "Organization")
    [s] = extract("Press briefing\n\nQuestion (Ravi Menon, CNN-News18): Any update?")
    assert "CNN" not in keys(s, "Organization")


def test_extract_organizations_council_of_europe_and_brics_bodies():
    [s] = extract("Press release\n\nThe Cybercrime Programme Office (C-PROC) will train judges; the BRICS Working "
                  "Group on ICT Security met; Peru signed the Second Additional Protocol to the Budapest Convention.")
    assert {"COE-CPROC", "BRICS-WG-ICT"} <= keys(s, "Organization")
    assert "BUDAPEST-SECOND-PROTOCOL" in keys(s, "Treaty")


def test_extract_organizations_a_body_after_u_n_with_periods_in_lower_case():
    [s] = extract("News report, 2 July 2021\n\nChile urged all sides to talk in the U.N. open-ended working group.")
    assert "OEWG" in keys(s, "Organization")  # between the two groups: the series
    [s] = extract("Interview, 1 October 2021\n\nA: Last spring the Open-ended Working Group adopted its final report.")
    assert "OEWG-2019" in keys(s, "Organization")  # the group that has just reported


def test_extract_organizations_the_eu_delegation_in_geneva_is_not_the_one_in_new_york():
    [s] = extract("Statement by the Delegation of the European Union to the UN and other international organisations "
                  "in Geneva\n\nThe EU welcomes the report.")
    got = keys(s, "Organization")
    assert "EU-DEL-GENEVA" in got and "EU-DEL-UN" not in got


def test_extract_organizations_body_inside_a_longer_name_only_when_it_is_the_parent():
    [s] = extract("Statement by the delegation\n\nWe note the role of the Main Directorate of the General Staff of "
                  "the Armed Forces of the Russian Federation in these incidents.")
    assert "GRU" in keys(s, "Organization") and "RUS-ARMED-FORCES" not in keys(s, "Organization")
    [t] = extract("Statement by the delegation\n\nThe Department of International Information Security of the "
                  "Ministry of Foreign Affairs of the Russian Federation issued a note.")
    assert {"MFA-RUS-DIIS", "MFA-RUS"} <= keys(t, "Organization")


def test_extract_organizations_national_cyber_and_electoral_bodies():
    [s] = extract("Statement by the delegation\n\nAnalysts of the Australian Signals Directorate and the "
                  "Australian Cyber Security Centre briefed the UAE Cyber Security Council, while the UK "
                  "Electoral Commission and the Foreign, Commonwealth & Development Office took note.")
    assert {"ASD", "ACSC", "ARE-CSC", "GBR-ELECTORAL-COMMISSION", "FCDO"} <= keys(s, "Organization")
    [t] = extract("Statement by the delegation\n\nThe Electoral Commission met; a cyber security council "
                  "was proposed.")
    assert not {"GBR-ELECTORAL-COMMISSION", "ARE-CSC"} & keys(t, "Organization")


def test_extract_organizations_a_regional_secretariat_is_not_the_un_one():
    [s] = extract("Statement by the delegation\n\nThe United Nations welcomed the report of the Pacific Islands "
                  "Forum Secretariat on ocean data.")
    got = keys(s, "Organization")
    assert "PIFS" in got and "UN-SECRETARIAT" not in got


def test_extract_organizations_a_bare_secretariat_another_body_owns_is_not_the_uns():
    [s] = extract("Statement by the delegation\n\nThe United Nations and the Permanent Secretariat of the Andean "
                  "Community signed a note; the General Secretariat replied.")
    assert "UN-SECRETARIAT" not in keys(s, "Organization")
    [t] = extract("Statement by the delegation\n\nWe thank the United Nations and the Secretariat for the report.")
    assert "UN-SECRETARIAT" in keys(t, "Organization")


def test_extract_organizations_an_office_then_its_holder_serves_the_body():
    stmts = extract("Communique of the Leaders\n\nLeaders welcomed the Secretary General of the Pacific Islands "
                    "Forum Secretariat, Tevita Lolohea, to his first meeting.")
    assert ("tevita-lolohea", "affiliatedWith", "PIFS") in rels(stmts)
    [s] = extract("Communique of the Leaders\n\nLeaders welcomed the incoming Secretary General, Baron Waqa.")
    assert "baron-waqa" in keys(s, "Person")  # a given name that is also a title of nobility


def test_extract_organizations_defence_ministries_by_pattern():
    [s] = extract("Statement by the delegation\n\nThe Ministry of National Defence of Ecuador and the Peruvian "
                  "Ministry of Defense met Uruguay's Ministry of Defence.")
    assert {"ECU-MOD", "PER-MOD", "URY-MOD"} <= keys(s, "Organization")
    assert "Ministry of National Defence of Ecuador" in labels(s, "Organization")
    [rus] = extract("Statement by the delegation\n\nThe Ministry of Defence of the Russian Federation replied.")
    assert keys(rus, "Organization") == {"RUS-MOD"}  # the gazetteer's entry, not a second one
    [bare] = extract("Statement by the delegation\n\nThe Ministry of Defence will help; defence ministries met.")
    assert not any(k.endswith("-MOD") for k in keys(bare, "Organization"))  # whose ministry: not said
    [home] = extract("20.10.2020 - Foreign Ministry statement on drills\n\nRussia notes that the Ministry of Defence "
                     "has published the schedule.")
    assert "RUS-MOD" in keys(home, "Organization")  # the page's own state's ministry


def test_extract_organizations_a_bureau_after_an_office_is_no_person():
    # the Chair "of" a bureau the gazetteer knows: the body, never a person's name
    [s] = extract("Statement by Chile\n\nSantiago, 3 May 2023\n\nMexico thanked the Chair of the Coordinating Bureau "
                  "of the Non-Aligned Movement, and NAM's Coordinating Bureau met.")
    assert "NAM-CB" in keys(s, "Organization")
    assert keys(s, "Person") == set()
    # another body's bureau is not the Movement's
    [other] = extract("Statement by Chile\n\nSantiago, 3 May 2023\n\nThe Coordinating Bureau of the Pacific Fund met.",
                      "other.txt")
    assert "NAM-CB" not in keys(other, "Organization")


def test_extract_organizations_an_undated_generic_mention_is_the_one_instance_the_statement_names():
    [s] = extract("Statement by Peru\n\nPeru took part in the Open-ended Working Group on security of and in the use of "
                  "ICTs 2021-2025 from the start. The OEWG must keep its consensus.")
    assert keys(s, "Organization") == {"OEWG-2021"}
    # two instances named: the generic mention is left generic
    [two] = extract("Statement by Peru\n\nThe Open-ended Working Group on security of and in the use of ICTs "
                    "2021-2025 built on the Open-ended Working Group on Developments in the Field of Information and "
                    "Telecommunications in the Context of International Security. The OEWG must keep its consensus.",
                    "two.txt")
    assert "OEWG" in keys(two, "Organization")


def test_extract_organizations_a_secretariat_department_of_an_organisation_is_no_national_body():
    [s] = extract("Statement by Latvia\n\nRiga, 5 May 2023\n\nLatvia funds the OSCE Secretariat's Transnational "
                  "Threats Department.")
    assert {"OSCE-SEC", "OSCE-TNTD"} <= keys(s, "Organization")
    assert not any(k.startswith("DEPT-") for k in keys(s, "Organization"))
    # the department is the OSCE's only where the OSCE is named
    [s] = extract("Statement by Latvia\n\nRiga, 5 May 2023\n\nOur Transnational Threats Department ran a workshop.")
    assert "OSCE-TNTD" not in keys(s, "Organization")


def test_extract_organizations_the_conference_on_disarmaments_group_of_21():
    [s] = extract("Statement by Peru to the Conference on Disarmament\n\nGeneva, 4 March 2023\n\nPeru speaks on behalf "
                  "of the Group of 21; the G21 paper stands. A group of 21 experts met too.")
    assert "G21" in keys(s, "Organization")
    [low] = extract("Statement by Peru\n\nGeneva, 4 March 2023\n\nA group of 21 experts met.", "low.txt")
    assert "G21" not in keys(low, "Organization")


def test_extract_organizations_a_states_ministry_by_its_portfolio():
    [s] = extract("Press release\n\nThe summit was hosted by Ghana's Ministry of Energy, Mines and the Blue Economy, "
                  "with the Ministry of Health of Peru and the Chilean Ministry of Science.")
    got = {m.entity.label: m.entity.attr("state") for m in s.mentions if m.entity.kind == "Organization"}
    assert got == {"Ministry of Energy, Mines and the Blue Economy": "GHA", "Ministry of Health": "PER",
                   "Ministry of Science": "CHL"}
    # no state named with it: no state's ministry; a foreign ministry keeps its own reading
    [s] = extract("Press release\n\nThe Ministry of Health replied. Ghana's Ministry of Foreign Affairs replied too.")
    assert keys(s, "Organization") == {"MFA-GHA"}


def test_extract_organizations_a_portfolio_ministry_the_gazetteer_lists_is_its_entry():
    [s] = extract("Press release\n\nChina's Ministry of State Security denied it.")
    assert keys(s, "Organization") == {"CHN-MSS"}
