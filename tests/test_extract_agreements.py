"""Agreements: kind, signing date at the precision given, parties as written, one row per agreement."""
from flows.extract.agreements import extract


def _grounded(text, rows):
    for r in rows:
        assert r["evidence"] == text[r["char_start"]:r["char_end"]] and r["evidence"]
        assert r["rule"]


def test_mou_between_the_ilo_and_a_ministry_with_its_acronym():
    text = ("The first MoU signed in 2005 between the ILO and the Ministry of Labour and Social "
            "Welfare (MOLSW) opened a new phase of cooperation.")
    rows = extract(text)
    _grounded(text, rows)
    assert [(r["kind"], r["signed_year"], r["signed_month"]) for r in rows] == [("mou", 2005, None)]
    assert set(rows[0]["parties"]) == {"ILO", "MOLSW"}


def test_day_precision_and_parties_from_the_people_who_sign():
    text = ("On 3 March 2014, in Lima, the Minister of Foreign Affairs, Ana Torres, and the Director of "
            "the ILO Office in Lima, Paul Martin, signed a Memorandum of Understanding on child labour.\n\n"
            "The Ministry of Foreign Affairs (MFA) leads the programme.")
    rows = extract(text)
    _grounded(text, rows)
    assert len(rows) == 1
    r = rows[0]
    assert (r["kind"], r["signed_year"], r["signed_month"], r["signed_day"]) == ("mou", 2014, 3, 3)
    assert set(r["parties"]) == {"ILO", "MFA"}


def test_signed_by_people_gives_their_organizations():
    text = ("The agreement was signed in Nairobi on 2 May 2021 by Jane Roe, ILO Deputy Regional "
            "Director for Africa, and John Doe, Director of the GIZ Development office in Nairobi.")
    rows = extract(text)
    assert len(rows) == 1
    assert (rows[0]["kind"], rows[0]["signed_year"], rows[0]["signed_month"]) == ("agreement", 2021, 5)
    assert set(rows[0]["parties"]) == {"ILO", "GIZ"}


def test_list_item_leading_date_and_partnership_agreement():
    text = ("### Milestones\n\n"
            "- **March 2010** – MOL and the ILO sign a Memorandum of Understanding on skills.\n"
            "- **June 2015** – In Hanoi, the ILO and the Government of Viet Nam sign the agreement that "
            "sets up the Viet Nam/ILO Partnership Programme.\n")
    rows = extract(text)
    _grounded(text, rows)
    got = {(r["kind"], r["signed_year"], r["signed_month"]) for r in rows}
    assert got == {("mou", 2010, 3), ("partnership_agreement", 2015, 6)}
    pa = next(r for r in rows if r["kind"] == "partnership_agreement")
    assert set(pa["parties"]) == {"ILO", "Government of Viet Nam"}


def test_country_parties_listed_before_the_verb():
    text = "On 9 July 2012, Chile, the United States and the ILO signed a triangular agreement on youth."
    rows = extract(text)
    assert len(rows) == 1 and rows[0]["kind"] == "agreement"
    assert set(rows[0]["parties"]) == {"ILO", "Chile", "United States"}


def test_summary_and_detail_of_one_agreement_are_one_row():
    text = ("In May 2018 the ILO and the MOSS signed a partnership agreement with a focus on social "
            "protection. Based on the Partnership Agreement signed in May 2018, the MOSS and the ILO "
            "will work together.")
    rows = extract(text)
    assert len(rows) == 1
    assert rows[0]["kind"] == "partnership_agreement" and rows[0]["signed_month"] == 5


def test_counted_mous_give_way_to_an_enumeration():
    text = ("In 2019, the ILO signed three MoUs with the Government of Ruritania and one with the "
            "Ruritanian Trade Union Federation (RTUF).\n\n"
            "In 2019 the partnership widened. Agreements were signed between the ILO and three Ministries:\n"
            "- The first MoU envisages cooperation with the Ministry of Health.\n"
            "- The second MoU signed by the Ministry of Energy focuses on safety.\n"
            "- The third MoU was signed by the Ministry of Transport.\n")
    rows = extract(text)
    parties = sorted(tuple(p for p in r["parties"] if p != "ILO") for r in rows)
    assert parties == [("Ministry of Energy",), ("Ministry of Health",), ("Ministry of Transport",), ("RTUF",)]
    assert all(r["signed_year"] == 2019 and r["kind"] == "mou" for r in rows)


def test_dwcp_with_a_signing_date_but_not_its_period():
    text = ("The project contributes to the Decent Work Country Programme 2019-2023, which the "
            "tripartite constituents launched in Accra on 12 February 2019.")
    rows = extract(text)
    assert [(r["kind"], r["signed_year"], r["signed_month"], r["parties"]) for r in rows] == \
        [("dwcp", 2019, 2, ["ILO"])]


def test_that_year_takes_the_year_of_the_sentence_before():
    text = ("The programme started in 2014 in response to the crisis. The bank signed its first "
            "agreement with the ILO that year, providing EUR 5 million.")
    rows = extract(text)
    assert [r["signed_year"] for r in rows] == [2014]


def test_no_row_without_a_date_or_a_signing():
    text = ("Agreements were signed with several partners. The ILO Centenary Declaration for the Future "
            "of Work guides this work. The Decent Work Country Programme sets three priorities. "
            "Since 2015 the ILO and Peru have signed several agreements.")
    assert extract(text) == []


def test_dateline_city_is_not_a_party():
    text = ("LISBON (ILO News) – The ILO and the Government of Portugal signed a framework agreement "
            "on 3 March 2021.")
    rows = extract(text)
    assert len(rows) == 1 and set(rows[0]["parties"]) == {"ILO", "Government of Portugal"}


def test_long_run_on_text_takes_linear_time():
    from linear import grows_linearly

    ok, small, large = grows_linearly(
        extract, lambda n: "the ILO and X signed an agreement with Y, " * n + "in 2020.", 250)
    assert ok, (small, large)


def _rows(text):
    rows = extract(text)
    for r in rows:
        assert r["evidence"] == text[r["char_start"]:r["char_end"]] and r["rule"]
    return [(r["kind"], r["signed_year"], r["signed_month"], r["signed_day"], sorted(r["parties"])) for r in rows]


def test_letters_of_intent_exchanges_of_letters_and_iso_dates():
    assert _rows("A Letter of Intent was signed by the ILO and the Port Authority of Zeeland (PAZ) on "
                 "2022-04-05.") == [("agreement", 2022, 4, 5, ["ILO", "PAZ"])]
    assert _rows("- **2019** – Exchange of Letters between the Government of Chile and the ILO on the "
                 "funding of the project.\n") == [("agreement", 2019, None, None, ["Government of Chile", "ILO"])]


def test_the_other_party_is_the_subject_of_signed_with_the_ilo():
    assert _rows("Portugal joined the Facility through a contribution agreement signed with the ILO on "
                 "3 July 2020.") == [("agreement", 2020, 7, 3, ["ILO", "Portugal"])]


def test_the_date_attached_to_the_verb_wins():
    rows = _rows("Work started in May 2021, after a grant agreement between the Acme Foundation and the ILO "
                 "was signed on 2020-11-30.")
    assert rows == [("agreement", 2020, 11, 30, ["Acme Foundation", "ILO"])]


def test_three_mous_with_a_list_of_three_partners_are_three_rows():
    rows = _rows("The ILO signed three MoUs with the Lanka Employers Federation (LEF), the National Union "
                 "Congress (NUC) and the Skills Authority of Lanka (SAL) at a ceremony in Colombo on 2 May 2023.")
    assert sorted(r[4][1] if r[4][0] == "ILO" else r[4][0] for r in rows) == ["LEF", "NUC", "SAL"]
    assert all(r[:4] == ("mou", 2023, 5, 2) for r in rows)


def test_each_agreement_of_a_sentence_gets_its_own_date():
    rows = _rows("The new agreement builds on a framework agreement that Acme Aid and the ILO concluded in "
                 "2015, and on an Exchange of Letters signed on 30 November 2019 on support in Malawi and "
                 "Mozambique.")
    assert rows == [("agreement", 2015, None, None, ["Acme Aid", "ILO"]),
                    ("agreement", 2019, 11, 30, ["Acme Aid", "ILO"])]


def test_on_the_same_day_and_signed_by_the_three_agencies():
    text = ("The Framework Agreement was signed on 2nd March 2021 by the Ministry of Finance and the ILO. "
            "It runs to 2024. On the same day, the ILO and the Confederation of Enterprise (CoE) signed a "
            "Letter of Intent on supply chains.")
    assert ("agreement", 2021, 3, 2, ["CoE", "ILO"]) in _rows(text)
    text = ("The fund is run by the International Labour Organization (ILO), the World Health Organization "
            "(WHO) and the Food and Agriculture Organization (FAO). A Letter of Intent signed by the three "
            "agencies on 2018-10-04 sets out how they report.")
    assert _rows(text) == [("agreement", 2018, 10, 4, ["FAO", "ILO", "WHO"])]


def test_an_announced_agreement_names_the_parties_of_the_signing_that_follows():
    text = ("The Minister announced a new contribution agreement between Acme Aid and the International "
            "Labour Organization (ILO). The agreement was signed in Geneva on 11 May 2022 by the "
            "Ambassador and the ILO Deputy Director-General.")
    rows = _rows(text)
    assert len(rows) == 1 and rows[0][:4] == ("agreement", 2022, 5, 11) and "Acme Aid" in rows[0][4]


def test_such_an_agreement_is_not_a_second_one_and_a_dwcp_launched_later():
    assert _rows("- 2018-06-14 — Sida and the ILO sign a Partnership Agreement for 2018–2021, the third such "
                 "agreement between them. The Swedish International Development Cooperation Agency (Sida) "
                 "funds it.") == [("partnership_agreement", 2018, 6, 14, ["ILO", "Sida"])]
    rows = _rows("The agreements build on a Letter of Intent signed by the ILO and the Skills Council (SC) "
                 "in September 2022, and on the Decent Work Country Programme 2023–2027, which was launched "
                 "in Mombasa on 7 November 2023.")
    assert rows == [("agreement", 2022, 9, None, ["ILO", "SC"]), ("dwcp", 2023, 11, 7, ["ILO"])]


def test_the_quick_noun_tests_agree_with_the_noun_pattern():
    """_NOUN_KEY_RE (a word every match holds) and _NOUN_SCAN_RE (a faster scan) stay exact."""
    import random

    from flows.extract.agreements import _ACR_SCAN_RE, _ACR_TOKEN_RE, _NOUN_KEY_RE, _NOUN_RE, _NOUN_SCAN_RE
    keys = _NOUN_KEY_RE.pattern.replace("Mo[UC]", "MoU|MoC").split("|")
    assert not [(a, b) for a in keys for b in keys if a != b and b.startswith(a)]   # one key word per start
    words = ("Memorandum Memoranda memorandum of Understanding Cooperation Agreement Intent MoU MoUs MoC MOU "
             "MOUs Partnership partnership Agreements agreement agreements Decent Work Country Programme "
             "Programmes DWCP DWCPs Joint joint Ministerial ministerial Tripartite tripartite Declaration "
             "declarations Paris Bali Letter Letters Exchange Exchanges Notes complementary Framework "
             "Cooperation Triangular bilateral Funding financing Contribution grant Host host Trust Fund "
             "Technical Loan service Collaboration project document amendment a the new ILO Xagreement "
             "aMoU the-new Über É GIZ MoLSS ABC-XYZ x/UN UNDP-ILO A").split()
    seps = [" ", "  ", "\n", ", ", ". ", "-", "’", "'", "(", ")", "/", ""]
    rnd = random.Random(7)
    for _ in range(3000):
        text = "".join(rnd.choice(words) + rnd.choice(seps) for _ in range(rnd.randint(1, 12)))
        full = [(m.span(), m.groupdict()) for m in _NOUN_RE.finditer(text)]
        assert full == [(m.span(), m.groupdict()) for m in _NOUN_SCAN_RE.finditer(text)], text
        for (s, e), _ in full:
            assert _NOUN_KEY_RE.search(text, s, e), text[s:e]
        assert [m.span() for m in _ACR_TOKEN_RE.finditer(text)] == [m.span() for m in _ACR_SCAN_RE.finditer(text)]


def test_the_grouped_country_pattern_finds_what_country_re_finds():
    import random

    from flows.extract.agreements import _country_scan
    from flows.extract.prose import country_names, country_re
    crx, fast = country_re(), _country_scan()
    assert fast is not crx                      # the grouped form was built
    names = sorted(country_names())
    rnd = random.Random(3)
    pieces = names + ["the", "of", "-", "x", "Korea", "Republic", "Niger", "Nigeria", "Guinea-Bissau"]
    for _ in range(2000):
        text = "".join(rnd.choice(pieces) + rnd.choice([" ", "", "-", ", ", "/", "s "]) for _ in range(rnd.randint(1, 8)))
        assert [m.span() for m in crx.finditer(text)] == [m.span() for m in fast.finditer(text)], text


def test_qualified_arrangement_is_an_agreement_and_a_country_before_a_ministry_is_no_party():
    text = ("The funding arrangement between the Danish Ministry of Employment and the ILO was signed on "
            "4 October 2022. Under the new arrangement, activities start in January.")
    rows = extract(text)
    _grounded(text, rows)
    assert [(r["kind"], r["signed_year"], r["signed_month"]) for r in rows] == [("agreement", 2022, 10)]
    text = ("The cooperation arrangement between the Canada Department of Employment and the ILO was "
            "signed on 4 October 2022.")
    rows = extract(text)
    assert [p for p in rows[0]["parties"] if p != "ILO"] == ["Department of Employment"]


def test_agreement_dated_by_of_and_a_date():
    text = ("Malta renewed its support. The earlier accord, an Exchange of Notes of 2 June 2017, "
            "ran until 2021.")
    rows = extract(text)
    _grounded(text, rows)
    assert [(r["kind"], r["signed_year"], r["signed_month"], r["signed_day"]) for r in rows] == [
        ("agreement", 2017, 6, 2)]
    # a year alone after 'of' dates nothing
    assert extract("The Exchange of Notes of 2017 remains in force.") == []


def test_yesterday_takes_the_dateline():
    text = ("COOPERATION NEWS\n\nLisbon, 3 July 2023\n\nThe Government of Ruritania and the ILO "
            "yesterday concluded an Exchange of Letters on skills.\n")
    rows = extract(text)
    _grounded(text, rows)
    assert [(r["signed_year"], r["signed_month"], r["signed_day"]) for r in rows] == [(2023, 7, 2)]
    assert "ILO" in rows[0]["parties"] and any(p.startswith("Government of") for p in rows[0]["parties"])


def test_partner_fallback_uses_the_government_name_the_document_gives():
    text = ("Chile and the ILO\n\nThe Government of the Republic of Chile and the ILO signed a framework "
            "agreement on 5 May 2021. A first agreement, an Exchange of Letters of 9 March 2015, "
            "covered 2015-2018.")
    rows = extract(text)
    by_year = {r["signed_year"]: r for r in rows}
    assert by_year[2015]["parties"] == ["ILO", "Government of the Republic of Chile"]


def test_dwcp_signed_by_a_list_of_constituents():
    text = ("The Decent Work Country Programme 2024-2028 was signed in Dhaka on 5 March 2024 by the "
            "Ministry of Labour and Employment (MOLE), the Bangladesh Employers' Federation (BEF), the "
            "National Coordination Committee for Workers' Education (NCCWE) and the ILO.")
    rows = extract(text)
    _grounded(text, rows)
    assert len(rows) == 1 and rows[0]["kind"] == "dwcp"
    assert set(rows[0]["parties"]) == {"ILO", "MOLE", "BEF", "NCCWE"}
    # without named signatories a DWCP is the ILO's with its constituents
    rows = extract("The tripartite constituents launched the Decent Work Country Programme on 2 May 2019.")
    assert rows[0]["parties"] == ["ILO"]


def test_no_ilo_when_two_others_sign():
    text = "A sectoral collective agreement was signed by FNTA and CNEA on 8 June 2022."
    rows = extract(text)
    assert rows[0]["parties"] == ["FNTA", "CNEA"]
    text = "An agreement was signed by FNTA and the ILO on 8 June 2022."
    assert set(extract(text)[0]["parties"]) == {"FNTA", "ILO"}


def test_undated_signing_takes_its_section_heading_date():
    text = ("SEMINAR REPORT\n\nThe seminar met in Quito on 14-16 May 2024.\n\n"
            "3. SECOND DAY (Wednesday, 15 May)\n\n"
            "The ministry and the ILO signed a Memorandum of Understanding on apprenticeships.\n\n"
            "4. FOLLOW-UP\n\nThe employers' body and the ILO signed a Letter of Intent on skills.\n")
    rows = extract(text)
    _grounded(text, rows)
    assert [(r["kind"], r["signed_year"], r["signed_month"], r["signed_day"]) for r in rows] == [
        ("mou", 2024, 5, 15)]


def test_a_date_before_signers_named_with_initials():
    text = ("Ties grew on 4 June 2021, when ILO Director-General Guy B. Ryder and IsDB President Dr Ali M. "
            "Haddad signed a Partnership Agreement in Jeddah.")
    rows = extract(text)
    _grounded(text, rows)
    assert [(r["kind"], r["signed_year"], r["signed_month"]) for r in rows] == [("partnership_agreement", 2021, 6)]
    assert set(rows[0]["parties"]) == {"ILO", "IsDB"}


def test_a_programme_document_signed_by_a_defined_group():
    text = ("Participating Agencies (PAs)\n"
            "  International Labour Organization (ILO)\n"
            "  United Nations Population Fund (UNFPA)\n"
            "  World Health Organization (WHO)\n\n"
            "The Joint Programme Document was signed on 3 May 2021 by the three PAs and the ministry.\n")
    rows = extract(text)
    assert [(r["signed_year"], r["signed_month"]) for r in rows] == [(2021, 5)]
    assert rows[0]["parties"] == ["ILO", "UNFPA", "WHO"]


def test_an_agreement_dated_by_the_last_signature_of_its_signature_block():
    text = ("CONTRIBUTION AGREEMENT\n\nBETWEEN\n\nTHE SWEDISH INTERNATIONAL DEVELOPMENT COOPERATION AGENCY (SIDA),\n"
            "Stockholm,\n\nAND\n\nTHE INTERNATIONAL LABOUR ORGANIZATION,\nGeneva,\n\ntogether \"the Parties\".\n\n"
            "WHEREAS the Ministry of Labour (MOL) asked for support;\n\n"
            "Article 1 - Purpose\n1.1 The ILO shall run the project.\n\n"
            "IN WITNESS WHEREOF, the representatives of the Parties have signed this Agreement.\n\n"
            "For SIDA                                  For the ILO\n"
            "Date: 2 February 2022                     Date: 9 March 2022\n")
    rows = extract(text)
    assert [(r["kind"], r["signed_year"], r["signed_month"], r["signed_day"]) for r in rows] == [
        ("agreement", 2022, 3, 9)]
    assert rows[0]["parties"] == ["ILO", "SIDA"]


def test_the_first_agreement_in_a_year():
    rows = extract("Our work builds on the first Norway–ILO framework agreement in 1998 and grew since.")
    assert [(r["signed_year"], set(r["parties"])) for r in rows] == [(1998, {"ILO", "Norway"})]
    assert extract("The first agreement was a model for others.") == []


def test_a_declaration_signed_by_the_ministers_of_a_field_names_their_ministries():
    text = ("In Uganda the partner is the Ministry of Gender, Labour and Social Development (MGLSD). In Rwanda it "
            "is the Ministry of Public Service and Labour, with the Private Sector Federation (PSF).\n\n"
            "On 9 June 2022 the forum adopted the Kigali Declaration on Fair Migration, signed by the two "
            "ministers responsible for labour and by the Secretary General of the EAC.")
    rows = extract(text)
    assert [(r["kind"], r["signed_year"]) for r in rows] == [("declaration", 2022)]
    assert set(rows[0]["parties"]) == {"EAC", "MGLSD", "Ministry of Public Service and Labour"}


def test_a_dwcp_signed_by_a_subject_list_ending_with_the_ilo_names_the_constituents():
    text = ("The Ministry of Labour (MOLX), the Federation of Ruritanian Employers (FRE), the Ruritania "
            "Trade Union Congress (RTUC) and the ILO signed the Decent Work Country Programme in Ruriton "
            "on 4 March 2024.")
    (r,) = extract(text)
    assert (r["kind"], r["signed_year"], r["signed_month"]) == ("dwcp", 2024, 3)
    assert set(r["parties"]) == {"ILO", "MOLX", "FRE", "RTUC"}


def test_a_bipartite_declaration_of_the_subject_is_signed_by_it():
    text = ("The Federation of Ruritanian Employers (FRE) and the Ruritania Trade Union Congress (RTUC) "
            "presented their bipartite Declaration on Safe Ports, signed on 5 May 2022, to the board.")
    (r,) = extract(text)
    assert (r["kind"], r["signed_year"], r["signed_month"]) == ("declaration", 2022, 5)
    assert set(r["parties"]) == {"FRE", "RTUC"}


def test_a_funding_agreement_without_parties_is_with_the_donor_of_the_sheet():
    text = ("Title: Safer Ports for Youth Project code: RUR/22/01/XYZ Donor: Ruritanian Agency for "
            "Development (RAD) Budget: USD 2,000,000\n\nResults: 300 workers trained. "
            "The funding agreement was signed in Ruriton on 3 June 2022.")
    (r,) = extract(text)
    assert (r["signed_year"], r["signed_month"]) == (2022, 6)
    assert set(r["parties"]) == {"ILO", "RAD"}


def test_a_named_accord_of_others_is_no_agreement_of_the_partner():
    text = "Colombia report. Years after the signing of the 2016 Final Peace Agreement, rural youth still lack jobs."
    assert extract(text) == []


def test_an_office_for_two_countries_does_not_sign():
    text = ("In May 2023 the Federation of Ruritanian Employers (FRE) and the ILO signed a MoU. It was signed by "
            "the Director of the ILO Country Office for Sri Lanka and the Maldives.")
    rows = extract(text)
    assert [set(r["parties"]) for r in rows] == [{"ILO", "FRE"}]


def test_today_in_a_post_under_a_rule_is_the_day_of_its_header():
    text = ("----------------------------------------------------------\n"
            "POST 2 | X | @ILORuritania | 16 May 2024, 11:05\n"
            "Today in Ruriton, the Ministry of Labour and the ILO signed a Memorandum of Understanding on "
            "fair recruitment.")
    (r,) = extract(text)
    assert (r["signed_year"], r["signed_month"], r["signed_day"]) == (2024, 5, 16)


def test_a_former_department_signs_in_a_by_clause():
    text = ("The Agency's grants are paid under the partnership arrangement signed with the ILO by the former "
            "Department for Overseas Aid (DOA) in May 2017, which is still valid.")
    (r,) = extract(text)
    assert (r["signed_year"], r["signed_month"]) == (2017, 5)
    assert set(r["parties"]) == {"ILO", "DOA"}


def test_a_promise_to_act_is_no_agreement():
    text = ("Few framework agreements were registered in 2023; the Ruritanian Union Federation (RUF) and the "
            "employers have agreed to hold joint courses in 2024.")
    assert extract(text) == []


def test_signatories_in_a_table_after_by_colon():
    text = ("The Decent Work Country Programme was signed in Ruriton on 4 May 2021 by:\n\n"
            "| Name | Position | Organization |\n|---|---|---|\n"
            "| Mr A. Bello | Minister | Ministry of Labour and Employment (MOLE) |\n"
            "| Ms C. Dara | President | Ruritanian Trade Union Congress (RTUC) |\n"
            "| Mr E. Fox | Director | ILO Country Office for Ruritania and Lilliput |\n\nNext section.")
    (r,) = extract(text)
    assert r["kind"] == "dwcp" and (r["signed_year"], r["signed_month"], r["signed_day"]) == (2021, 5, 4)
    assert set(r["parties"]) == {"ILO", "MOLE", "RTUC"}


def test_a_one_word_subject_and_a_renewal():
    text = ("# The Vellmar Trust\n\nThe Vellmar Trust is a private donor. Vellmar works with the ILO under a "
            "Public-Private Partnership (PPP) framework agreement signed in Geneva on 3 April 2016 and renewed in "
            "March 2021 for five years.")
    rows = extract(text)
    assert [(r["signed_year"], r["signed_month"]) for r in rows] == [(2016, 4), (2021, 3)]
    assert all(r["kind"] == "partnership_agreement" and set(r["parties"]) == {"ILO", "Vellmar Trust"} for r in rows)


def test_a_record_of_discussions_to_be_signed():
    text = "The Record of Discussions between the Overseas Aid Agency (OAA) and the ILO will be signed in Ruriton on 2 June 2025."
    (r,) = extract(text)
    assert (r["signed_year"], r["signed_month"], r["signed_day"]) == (2025, 6, 2)
    assert set(r["parties"]) == {"ILO", "OAA"}


def test_a_list_item_dated_without_a_year_under_a_title_with_one_year():
    text = ("# Ruriton Office: 2022 at a glance\n\n### March\n\n- **14 March** — MoU signed with the Ruritanian "
            "Employers' Association (REA) on skills; 30 firms to join.\n")
    (r,) = extract(text)
    assert (r["kind"], r["signed_year"], r["signed_month"], r["signed_day"]) == ("mou", 2022, 3, 14)
    assert set(r["parties"]) >= {"REA"}


def test_on_a_weekday_under_a_dateline_without_a_year():
    text = ("The Ruriton Herald\nThursday, May 16, 2024\n\nRURITON, 14 May — The Ministry of Labour (MOL) and the "
            "International Labour Organization (ILO) on Monday signed a memorandum of understanding on youth jobs.")
    (r,) = extract(text)
    assert (r["signed_year"], r["signed_month"], r["signed_day"]) == (2024, 5, 13)


def test_a_wire_dateline_with_the_agency_under_a_filed_slug():
    text = ("RURITON WIRE SERVICE\nPriority: routine | Filed 4 Mar 2025 09:10 GMT\n\nPort Ruri, Ruritania\n\n"
            "PORT RURI, Mar 4 (RWS) - Ruritania's Ministry of Labour and Trade and the International Labour "
            "Organization (ILO) signed a memorandum of understanding on Monday on youth jobs.")
    (r,) = extract(text)
    assert (r["kind"], r["signed_year"], r["signed_month"], r["signed_day"]) == ("mou", 2025, 3, 3)
    assert "RWS" not in r["parties"] and "RURI" not in r["parties"]


def test_a_ministry_named_in_french_with_lowercase_adjectives_is_one_party():
    text = ("In May 2023 the ILO and the Ministère du Travail, de l'Emploi et du Dialogue social signed a "
            "memorandum of understanding on labour inspection.")
    (r,) = extract(text)
    assert r["parties"] == ["ILO", "Ministère du Travail, de l'Emploi et du Dialogue social"]
    assert (r["signed_year"], r["signed_month"]) == (2023, 5)


def test_an_undated_signing_takes_the_dateline_line_under_its_news_item_heading():
    text = ("# Ruriton Labour Bulletin\n\n### Ruritania: new skills centre opens\n\n2 April 2024 · Ruri\n\n"
            "A training centre opened in Ruri.\n\n### Ruritania: ILO and the Ruritanian Chamber of Commerce sign MoU\n\n"
            "9 April 2024 · Port Ruri\n\nThe ILO and the Ruritanian Chamber of Commerce signed a memorandum of "
            "understanding in Port Ruri on apprenticeships.\n")
    (r,) = extract(text)
    assert (r["kind"], r["signed_year"], r["signed_month"], r["signed_day"]) == ("mou", 2024, 4, 9)
    assert r["parties"] == ["ILO", "Ruritanian Chamber of Commerce"]


def test_a_signing_on_the_margins_of_a_launch_takes_the_when_field_of_its_section():
    text = ("## Launch event\n\n- When: Friday 7 June 2024, 09:00-12:00\n- Where: Ruri\n"
            "- Signing: the RDA–ILO grant agreement was signed on the margins of the launch.\n\n"
            "The Ruritanian Development Agency (RDA) funds the programme.\n")
    (r,) = extract(text)
    assert (r["signed_year"], r["signed_month"], r["signed_day"]) == (2024, 6, 7)
    assert set(r["parties"]) == {"ILO", "RDA"}


def test_legal_text_preamble_alias_and_done_at_signature():
    text = ("# GRANT AGREEMENT\n\n"
            "## between the Government of the Kingdom of Lesotho and the International Labour Organization on rural jobs\n\n"
            "The Government of the Kingdom of Lesotho, represented by its Ministry of Finance (hereinafter \"the Government\"),\n\n"
            "and the International Labour Organization (hereinafter \"the ILO\"),\n\n"
            "Whereas the Government and the ILO signed a Memorandum of Understanding in Maseru on 2 May 2019;\n\n"
            "Now, therefore, the Parties have agreed as follows:\n\n"
            "Article 1. The ILO shall carry out the programme.\n\n"
            "In witness whereof, the undersigned have signed this Agreement in two originals.\n\n"
            "Done at Maseru, on 9 October 2023.\n")
    rows = extract(text)
    _grounded(text, rows)
    got = sorted((r["kind"], r["signed_year"], r["signed_month"], tuple(sorted(r["parties"]))) for r in rows)
    gov = "Government of the Kingdom of Lesotho"
    assert got == [("agreement", 2023, 10, tuple(sorted(("ILO", gov)))), ("mou", 2019, 5, tuple(sorted(("ILO", gov))))]


def test_acronym_once_given_after_a_country_still_names_the_agency():
    text = ("Funding: EUR 2 million from Norway (NORAD).\n\n"
            "The Norwegian Agency for Development Cooperation (NORAD) supports the work. "
            "The Framework Agreement between NORAD and the ILO, signed in Oslo in May 2021, runs to 2025.")
    rows = extract(text)
    assert [(r["signed_year"], sorted(r["parties"])) for r in rows] == [(2021, ["ILO", "NORAD"])]


def test_that_agreement_takes_the_parties_of_the_one_named_before():
    text = ("Belgium and the ILO: hearing notes\n\n"
            "Belgian support to the ILO goes through the framework agreement between the Federal Department of Cooperation, "
            "the FDC, and the ILO for 2020-2024. That agreement was signed in Geneva in March 2020 and "
            "provides EUR 9 million for Belgium.")
    rows = extract(text)
    assert len(rows) == 1 and rows[0]["signed_year"] == 2020 and "FDC" in rows[0]["parties"]


def test_register_entries_read_from_their_parties_and_signed_fields():
    text = ("REGISTER OF INSTRUMENTS. The Ministry of Labour (MINLAB) chairs the board.\n\n"
            "(A) Memorandum of Understanding on skills statistics\n"
            "    Parties : National Bureau of Statistics (NBS); ILO\n"
            "    Signed  : 21/09/2020, Kampala\n"
            "    Duration: 3 years\n\n"
            "(B) Partnership agreement on green jobs\n"
            "    Parties : ILO; Agence Nationale pour l'Emploi (ANPE);\n"
            "              Office of Labour Studies (MINLAB)\n"
            "    Signed  : 2022/04/07\n\n"
            "(C) Declaration of intent on apprenticeships\n"
            "    Parties : Federation of Employers; ILO\n"
            "    Signed  : 05-11-2023\n")
    rows = extract(text)
    _grounded(text, rows)
    got = sorted((r["kind"], r["signed_year"], r["signed_month"], r["signed_day"], tuple(r["parties"])) for r in rows)
    assert got == [("declaration", 2023, 11, 5, ("Federation of Employers", "ILO")),
                   ("mou", 2020, 9, 21, ("NBS", "ILO")),
                   ("partnership_agreement", 2022, 4, 7, ("ILO", "ANPE", "Office of Labour Studies"))]


def test_dwcp_subject_list_after_a_timeline_year_or_a_possessive_country():
    text = ("- 2021 – On 3 May 2021, the Ministry of Labour and Social Protection (MLSP), the Employers' Federation (EFK) "
            "and the ILO sign the second Decent Work Country Programme for Kenya.")
    rows = extract(text)
    _grounded(text, rows)
    assert [(r["kind"], r["signed_year"], r["signed_month"]) for r in rows] == [("dwcp", 2021, 5)]
    assert set(rows[0]["parties"]) == {"ILO", "MLSP", "EFK"}
    text = ("Chile's Ministry of Labour (MINTRAB), the Workers' Union (CUT) and the ILO signed the "
            "Decent Work Country Programme 2023–2027 on 9 March 2023.")
    rows = extract(text)
    assert [(r["kind"], r["signed_year"]) for r in rows] == [("dwcp", 2023)]
    assert set(rows[0]["parties"]) == {"ILO", "MINTRAB", "CUT"}


def test_a_ministry_named_with_its_country_keeps_the_country():
    text = "In May 2022, the ILO signed a memorandum of understanding with the Ministry of Health of the Republic of Chile."
    rows = extract(text)
    _grounded(text, rows)
    assert [(r["kind"], r["signed_year"], r["signed_month"]) for r in rows] == [("mou", 2022, 5)]
    assert set(rows[0]["parties"]) == {"ILO", "Ministry of Health of the Republic of Chile"}


def test_yesterday_under_a_header_dated_after_a_weekday():
    text = ("MORNING NOTES OF THE INFORMATION OFFICE\n"
            "United Nations Office at Geneva, Palais des Nations, Geneva -- Thursday, 6 June 2024\n\n"
            "Yesterday, the ILO and the Ministry of Labour of the Republic of Peru signed a memorandum "
            "of understanding on youth employment.")
    rows = extract(text)
    _grounded(text, rows)
    assert [(r["kind"], r["signed_year"], r["signed_month"], r["signed_day"]) for r in rows] == [("mou", 2024, 6, 5)]


def test_a_cooperation_protocol_is_an_agreement():
    text = "The ILO and the National Employment Agency (NEA) renewed their cooperation protocol on 3 June 2021 in Tirana."
    rows = extract(text)
    _grounded(text, rows)
    assert [(r["kind"], r["signed_year"], r["signed_month"], r["signed_day"]) for r in rows] == [("agreement", 2021, 6, 3)]
    assert set(rows[0]["parties"]) == {"ILO", "NEA"}


def test_the_two_organizations_signed_names_the_parties_of_the_sentence_before():
    text = ("WORKPLACE DIALOGUE\nKUWU and FKE meet every quarter on the estates' safety board. In June 2022 the two "
            "organizations signed a joint declaration on heat stress, witnessed by the ILO.")
    rows = extract(text)
    _grounded(text, rows)
    assert [(r["kind"], r["signed_year"], r["signed_month"]) for r in rows] == [("declaration", 2022, 6)]
    assert rows[0]["parties"] == ["KUWU", "FKE"]


def test_declaration_adopted_by_the_ministers_of_the_countries_listed():
    text = ("The meeting brought together the labour ministers of:\n\n- Kenya\n- Uganda\n- Rwanda\n\n"
            "On 3 March 2023 the ministers adopted the Kampala Declaration on Migrant Workers.")
    rows = extract(text)
    _grounded(text, rows)
    assert [(r["kind"], r["signed_year"], r["signed_month"]) for r in rows] == [("declaration", 2023, 3)]
    assert rows[0]["parties"] == ["Kenya", "Uganda", "Rwanda"]


def test_declaration_adopted_by_an_organization_whose_ministers_met():
    text = ("The review asked for closer work with the Southern African Development Community (SADC), whose "
            "ministers of labour adopted the Maseru Declaration on social security in May 2022.")
    rows = extract(text)
    assert [(r["kind"], r["signed_year"], r["parties"]) for r in rows] == [("declaration", 2022, ["SADC"])]


def test_the_signature_of_an_mou_signs_it():
    text = ("Training with the Kenya Federation of Employers (FKE) began in May 2023 after the signature of a "
            "bipartite MOU on 2 April 2023 in Nairobi.")
    rows = extract(text)
    _grounded(text, rows)
    assert [(r["kind"], r["signed_year"], r["signed_month"]) for r in rows] == [("mou", 2023, 4)]


def test_table_of_signed_contributions_gives_one_agreement_a_row():
    text = ("Table 2. Contributions signed in 2023\n"
            "----------------------------------------------------------------\n"
            "No.  Donor                          Signed    Amount\n"
            "----------------------------------------------------------------\n"
            "1    Finland – Ministry for         04/2023   EUR 2,000,000\n"
            "     Foreign Affairs\n"
            "2    Alpha Beta Fund (ABF)          11/2023   USD 900,000\n"
            "----------------------------------------------------------------\n"
            "     TOTAL                                    2,980,000\n")
    rows = extract(text)
    _grounded(text, rows)
    got = {(r["kind"], r["signed_year"], r["signed_month"], tuple(r["parties"])) for r in rows}
    assert got == {("agreement", 2023, 4, ("ILO", "Ministry for Foreign Affairs")),
                   ("agreement", 2023, 11, ("ILO", "ABF"))}


def test_pipe_table_with_a_date_signed_column():
    text = ("| Funding partner | Date signed | Amount |\n"
            "| --- | --- | --- |\n"
            "| Gamma Development Agency (GDA) | 12 March 2022 | USD 1,000,000 |\n")
    rows = extract(text)
    _grounded(text, rows)
    assert [(r["signed_year"], r["signed_month"], r["signed_day"], r["parties"]) for r in rows] == \
        [(2022, 3, 12, ["ILO", "GDA"])]


def test_plural_agreements_naming_no_party_are_no_agreement():
    text = "Funding news: voluntary contributions to the ILO signed in 2023: selected agreements\nRome, 2 March 2024\n"
    assert extract(text) == []


def test_dwcp_signatories_in_a_relative_clause_after_its_years():
    text = ("Both projects serve Ruritania's Decent Work Country Programme 2021-2025, which the Government of "
            "Ruritania, the Ruritanian Employers' Federation (REF), the Ruritanian Trade Union Congress (RTUC) "
            "and the ILO signed in Utopolis in May 2021.")
    rows = extract(text)
    assert len(rows) == 1 and (rows[0]["kind"], rows[0]["signed_year"], rows[0]["signed_month"]) == ("dwcp", 2021, 5)
    assert set(rows[0]["parties"]) == {"ILO", "Government of Ruritania", "REF", "RTUC"}


def test_embassy_named_with_its_city_and_a_currency_code_is_no_party():
    text = ("The grant agreement was signed on 2 June 2021 between the Royal Danish Embassy in Accra "
            "and the ILO for DKK 15 million.")
    rows = extract(text)
    assert len(rows) == 1
    assert set(rows[0]["parties"]) == {"ILO", "Royal Danish Embassy in Accra"}


def test_an_embassy_signs_for_the_agency_named_before():
    text = ("DANIDA approved the change through an amendment to the agreement, signed by the Embassy of Sweden "
            "in Kenya and the ILO on 3 April 2023.")
    rows = extract(text)
    assert len(rows) == 1 and set(rows[0]["parties"]) == {"ILO", "DANIDA"}


def test_the_two_organizations_that_signed_are_those_named_before():
    text = ("In the region the ILO works with the Coastal States Secretariat (CSS) under the Memorandum of "
            "Understanding that the two organizations signed in Apia on 5 May 2020, and with the Island "
            "Employers Council (IEC).")
    rows = extract(text)
    assert len(rows) == 1 and rows[0]["kind"] == "mou" and set(rows[0]["parties"]) == {"ILO", "CSS"}


def test_this_morning_far_down_a_speech_is_its_dateline_and_an_apposed_acronym_is_one_party():
    text = ("Opening remarks\n\nKampala, 4 March 2024\n\n" + "We thank our hosts for the welcome. " * 120
            + "\n\nEarlier this morning we witnessed the signature of a Memorandum of Understanding between "
            "the ILO and the Uganda Bureau of Labour Data, UBLD, on surveys.")
    rows = extract(text)
    assert len(rows) == 1
    r = rows[0]
    assert (r["kind"], r["signed_year"], r["signed_month"], r["signed_day"]) == ("mou", 2024, 3, 4)
    assert r["parties"] == ["ILO", "UBLD"]


def test_dwcp_constituents_named_a_few_sentences_on():
    text = ("Lusaka, 9 June 2023\n\nToday we sign the second Decent Work Country Programme of Ruritania. "
            "Many of you drafted it. It is your programme, the programme of the Ministry of Labour, "
            "of RTUC and of REF, agreed through social dialogue.")
    rows = extract(text)
    assert len(rows) == 1 and rows[0]["kind"] == "dwcp"
    assert set(rows[0]["parties"]) == {"ILO", "Ministry of Labour", "RTUC", "REF"}


def test_agenda_signing_row_with_signatories_under_a_dated_heading():
    text = ("Organized by the Ministry of Labour and Employment (MLE) with the Ruritanian Trade Union "
            "Congress (RTUC) and the Ruritanian Employers' Federation (REF).\n\n"
            "## Day 2 – Thursday, 6 April 2023\n\n"
            "| Time | Session | Speakers |\n| --- | --- | --- |\n"
            "| 10:00 | Coffee | |\n"
            "| 12:00 | Signing ceremony of the DWCP | Signatories: Minister of Labour and Employment; RTUC; REF; ILO |\n")
    rows = extract(text)
    _grounded(text, rows)
    assert len(rows) == 1
    r = rows[0]
    assert (r["kind"], r["signed_year"], r["signed_month"], r["signed_day"]) == ("dwcp", 2023, 4, 6)
    assert set(r["parties"]) == {"ILO", "MLE", "RTUC", "REF"}


def _brief(rows):
    return [(r["kind"], r["signed_year"], r["signed_month"], r["signed_day"], set(r["parties"])) for r in rows]


def test_timeline_lead_with_the_month_in_parentheses_and_a_named_programme_agreement():
    text = ("# Denmark and the ILO\n\nDenmark has supported the ILO since 1990.\n\n## Timeline\n\n"
            "- 2012 (March) — Programme Cooperation Agreement 2012–2015 signed in Aarhus; Denmark commits DKK 250 million.\n"
            "- 2016 (May) — New Programme Cooperation Agreement 2016–2019 with more unearmarked funding.\n"
            "- 2021 (9 December) — Partnership Agreement 2021–2025 signed in Aarhus by the Ministry of Culture and the ILO.\n")
    rows = extract(text)
    _grounded(text, rows)
    assert _brief(rows) == [("agreement", 2012, 3, None, {"ILO", "Denmark"}),
                            ("agreement", 2016, 5, None, {"ILO", "Denmark"}),
                            ("partnership_agreement", 2021, 12, 9, {"ILO", "Ministry of Culture"})]


def test_dwcp_signed_by_a_subject_list_after_a_dateline_on_a_weekday():
    text = ("News\n\n12 March 2025\n\nKIGALI, Rwanda - The Government of Rwanda, the Private Sector Federation (PSF), "
            "the Central Trade Union Congress (CTUC) and the International Labour Organization (ILO) on Tuesday signed "
            "the country's second Decent Work Country Programme (DWCP), which will run until the end of 2029.")
    rows = extract(text)
    _grounded(text, rows)
    assert _brief(rows) == [("dwcp", 2025, 3, 11, {"ILO", "Government of Rwanda", "PSF", "CTUC"})]


def test_dwcp_subject_opening_with_the_ilo():
    text = "In May 2022 the ILO and the Government of Peru signed a Decent Work Country Programme for 2022-2026."
    assert _brief(extract(text)) == [("dwcp", 2022, 5, None, {"ILO", "Government of Peru"})]


def test_dwcp_relative_clause_after_its_acronym_names_defined_partners():
    text = ("The Peruvian Workers' Council (PWC) and Business Peru Unity (BPU) joined the board.\n\n"
            "The MoU builds on the Peru Decent Work Country Programme (DWCP) 2022–2026, which MTPE, PWC, BPU "
            "and the ILO signed in Lima in June 2022.")
    rows = [r for r in extract(text) if r["kind"] == "dwcp"]
    assert _brief(rows) == [("dwcp", 2022, 6, None, {"ILO", "MTPE", "PWC", "BPU"})]


def test_a_programme_a_funding_agreement_supports_is_not_signed_and_a_slashed_dateline_is_no_party():
    text = ("LIMA/GENEVA (ILO News) – 3 May 2024 – The Peruvian Agency for International Cooperation (APCI) and the "
            "International Labour Organization (ILO) yesterday signed a funding agreement of US$ 2 million to support "
            "the implementation of Peru's Decent Work Country Programme (DWCP) 2022–2026.")
    assert _brief(extract(text)) == [("agreement", 2024, 5, 2, {"ILO", "APCI"})]   # (the day before the dateline's)


def test_a_minister_heads_the_department_the_text_defines():
    text = ("Minister of Employment and Social Development Mr Juan Pérez (left) and Ms Ana Ruiz, Director of the ILO "
            "Office for the Andean Countries, exchange the signed MoU in Lima on 11 September 2024.\n\n"
            "The Department of Employment and Social Development (DESD) and the International Labour Organization "
            "(ILO) on Wednesday, 11 September 2024, signed a memorandum of understanding on social security.")
    assert _brief(extract(text)) == [("mou", 2024, 9, 11, {"DESD", "ILO"})]


def test_two_agreements_of_one_sentence_keep_their_own_dates_and_parties():
    text = ("The programme builds on a Memorandum of Understanding signed in Nairobi in March 2025 between the Ministry "
            "of Labour (MOL) and the ILO, and on the Nairobi Declaration on Jobs for Refugees adopted by IGAD member "
            "States in March 2019.")
    assert _brief(extract(text)) == [("mou", 2025, 3, None, {"MOL", "ILO"}), ("declaration", 2019, 3, None, {"IGAD"})]


def test_signatory_list_with_a_role_word_inside_a_defined_name():
    text = ("Peru's DWCP 2022–2026 was signed on 6 March 2023 by the Government of Peru, the Peruvian General Labour "
            "Union (PGLU), the Peruvian Union of Industry, Trade and Crafts (UPITC) and the ILO.")
    assert _brief(extract(text)) == [("dwcp", 2023, 3, 6, {"ILO", "Government of Peru", "PGLU", "UPITC"})]


def test_a_renewed_mou_sought_by_a_deadline_is_not_signed():
    text = ("The Congress resolved to:\n(a) endorse a new Strategy for 2026-2030;\n"
            "(b) mandate the Union to seek a renewed MoU with ACTRAV by the end of 2026.")
    assert extract(text) == []


def test_the_foundation_and_the_commission_stand_for_the_one_the_text_names():
    text = ("# The Sunrise Foundation and the ILO\n\nThe Sunrise Foundation has worked with the ILO since 2016.\n\n"
            "Strategic Partnership Agreement – signed on 23 June 2021 by the ILO Deputy Director-General, Mr A. Smith, "
            "and the Foundation's Chief Program Officer, Ms B. Jones.\n\n"
            "In June 2023 the European Commission and the ILO met. In July 2023 the Commission and the ILO adopted a "
            "Joint Declaration on Supply Chains.")
    assert _brief(extract(text)) == [("partnership_agreement", 2021, 6, 23, {"ILO", "Sunrise Foundation"}),
                                     ("declaration", 2023, 7, None, {"ILO", "European Commission"})]


def test_the_n_agencies_of_a_between_clause_are_the_n_named_earlier_and_each_noun_keeps_its_verb():
    text = ("The programme brings together the ILO, UNDP, FAO and UN Women to create decent work. It runs in the north.\n\n"
            "It is led by the Ministry of Gender, Labour and Social Development (MGLSD).\n\n"
            "The programme builds on a Memorandum of Understanding signed in Kampala in March 2025 between MGLSD and the "
            "four agencies, and on the Kampala Declaration adopted by IGAD member States in March 2019.")
    rows = extract(text)
    _grounded(text, rows)
    assert _brief(rows) == [("mou", 2025, 3, None, {"MGLSD", "ILO", "UNDP", "FAO", "UN Women"}),
                            ("declaration", 2019, 3, None, {"IGAD"})]


def test_the_two_institutions_that_signed_are_the_pair_named_just_before():
    text = ("Cooperation between the European Commission and the ILO goes back to 1958. It grew in July 2004, when the "
            "two institutions signed a Memorandum of Understanding (MoU) on development cooperation.")
    assert _brief(extract(text)) == [("mou", 2004, 7, None, {"European Commission", "ILO"})]


def test_an_agreement_dated_by_an_attributive_year_between_the_two_institutions():
    text = ("The agreement was signed by Dr A. Mensah, Vice-President at the WAB, and Ms B. Khumalo, ILO Regional "
            "Director for Africa. It replaces a 2011 cooperation agreement between the two institutions.\n\n"
            "The West African Bank (WAB) finances the work.")
    rows = extract(text)
    assert ("agreement", 2011, None, None, {"WAB", "ILO"}) in _brief(rows)


def test_a_list_item_completed_by_a_participial_signed_by_sentence():
    text = ("# Iceland and the ILO\n\nDevelopment cooperation with the ILO is managed by Iceland Aid.\n\n"
            "## Signed agreements\n\n"
            "- Memorandum of Understanding, November 2019. Signed in Reykjavik by the ILO and the then Department of "
            "Foreign Affairs and Trade (DFAT), setting out shared priorities.\n"
            "- Partnership Agreement 2022–2025, signed 14 March 2022. Signed in Geneva by the ILO Deputy "
            "Director-General, Ms A. Lund, and Mr B. Hurley, Director General of Iceland Aid.\n")
    rows = extract(text)
    _grounded(text, rows)
    assert _brief(rows) == [("mou", 2019, 11, None, {"ILO", "DFAT"}),
                            ("partnership_agreement", 2022, 3, 14, {"ILO", "Iceland Aid"})]


def test_a_month_without_a_year_takes_the_year_of_the_last_full_date_before_it():
    text = ("On 11 November 2024 we signed the country programme review.\n\n"
            "Roads that create jobs. In August, Japan's Ministry of Foreign Affairs (MOFA) and the ILO signed the "
            "agreement for a rural roads project (2024-2027).")
    rows = [r for r in extract(text) if r["kind"] == "agreement"]
    assert _brief(rows) == [("agreement", 2024, 8, None, {"MOFA", "ILO"})]


def test_a_un_cooperation_framework_signed_by_the_government_and_the_country_team():
    text = ("This is one outcome of the United Nations Sustainable Development Cooperation Framework (CF) 2022-2026, "
            "which the Government of Peru and the UN Country Team (UNCT) signed in Lima on 8 April 2022.")
    assert _brief(extract(text)) == [("agreement", 2022, 4, 8, {"Government of Peru", "UNCT"})]


def test_an_agreement_signed_by_both_governments_is_between_the_two_countries_named():
    text = ("Chile has trained fishers for decades. When Peru's Ministry of Fisheries (MOF) asked for support, the two "
            "countries turned to a framework agreement on vocational training signed by both governments in Lima in "
            "November 2019.")
    assert _brief(extract(text)) == [("agreement", 2019, 11, None, {"Chile", "Peru"})]


def test_reference_acronyms_are_parties_even_when_their_names_end_with_programme():
    text = ("The programme brings together the ILO, UNDP and FAO to create decent work.\n\n"
            "It builds on a Memorandum of Understanding signed in Lima in March 2025 between the Ministry of Labour (MOL) "
            "and the three agencies.")
    assert _brief(extract(text)) == [("mou", 2025, 3, None, {"MOL", "ILO", "UNDP", "FAO"})]


def test_an_agreement_of_two_other_bodies_does_not_get_the_ilo():
    text = ("Most of the union's work is financed by the Ruritanian Aid Agency (RAA) under a framework agreement "
            "that the Ruritanian Federation of Trade Unions (RFTU) and RAA signed in January 2021.")
    rows = extract(text)
    assert _brief(rows) == [("agreement", 2021, 1, None, {"RFTU", "RAA"})]


def test_a_timeline_with_word_processor_bullets_reads_like_one_with_dashes():
    # '·' and '▪' lists (word-processor and PDF exports) are lists like '-' and '•' ones
    base = ("Milestones\n\n"
            "{b} 3 March 2019 – The Agency and the ILO sign a Memorandum of Understanding on skills, in Accra.\n"
            "{b} 9 June 2020 – Inception workshop in Kumasi with the ministry and the Skills Council (NSC).\n"
            "{b} May 2021 – Partnership agreement between the Agency, the Fund and the ILO.\n")
    def found(bullet):
        return sorted((r["kind"], tuple(r["parties"])) for r in extract(base.format(b=bullet)))
    dashes = found("-")
    assert len(dashes) == 2
    assert found("·") == dashes and found("▪") == dashes


def _krows(text):
    rows = extract(text)
    _grounded(text, rows)
    return sorted((r["kind"], r["signed_year"], r["signed_month"], frozenset(r["parties"])) for r in rows)


def test_a_table_of_instruments_with_date_and_signatories_columns():
    text = ("## Agreements\n\n| Date | Instrument | Signatories |\n"
            "| 4 May 2015 | Letter of intent on skills for migrant workers | NAVO and the ILO |\n"
            "| 12 June 2020 | Agreement on a joint project on fisheries | NAVO, the Fisheries Authority of Ruritania (FAR) and the ILO |\n"
            "| 1 March 2021 | Annual report on results | NAVO |\n")
    assert _krows(text) == [("agreement", 2015, 5, frozenset({"ILO", "NAVO"})),
                           ("agreement", 2020, 6, frozenset({"ILO", "NAVO", "FAR"}))]


def test_a_listed_agreement_between_parties_with_a_date_in_parentheses():
    text = ("AGREEMENTS\n\n* Cooperation Agreement between the ILO and the Ruritania Relief Centre (RRC) "
            "(March 2021) for emergency employment.\n")
    assert _krows(text) == [("agreement", 2021, 3, frozenset({"ILO", "RRC"}))]


def test_a_joint_action_plan_agreed_by_the_ilo_and_an_agency():
    text = "- The ILO–UNICEF Joint Action Plan 2021–2023, agreed in April 2021, sets out common work.\n"
    assert _krows(text) == [("agreement", 2021, 4, frozenset({"ILO", "UNICEF"}))]


def test_a_country_programme_is_signed_for_the_country_its_name_holds():
    assert _krows("The YES-Kenya project supports the Kenya Decent Work Country Programme 2019-2023, "
                 "signed by the ILO and the constituents in March 2019.") == [
        ("dwcp", 2019, 3, frozenset({"ILO", "Kenya"}))]
    assert _krows("It serves Chile's Decent Work Country Programme, adopted in May 2022.") == [
        ("dwcp", 2022, 5, frozenset({"ILO", "Chile"}))]


def test_parties_an_envoy_a_named_foundation_and_an_ilo_unit():
    text = ("The agreement was signed on 2 May 2023 by Ambassador A. Berg, Permanent Representative of Norway "
            "to the United Nations, and B. Chen, Director of the ILO Enterprises Department (ENTERPRISES).")
    assert _krows(text) == [("agreement", 2023, 5, frozenset({"ILO", "Norway"}))]
    text = ("The agreement was signed on 2 May 2023 by A. Berg, Director of the ILO Office, and B. Chen, "
            "Chief Officer of the ACME Foundation.")
    assert _krows(text) == [("agreement", 2023, 5, frozenset({"ILO", "ACME Foundation"}))]


def test_an_acronym_of_an_account_is_no_party_and_a_listed_acronym_stays_one():
    text = ("The Joint Declaration on youth jobs was adopted by the ILO, UNICEF and the World Food "
            "Programme (WFP) in June 2022.")
    assert _krows(text) == [("declaration", 2022, 6, frozenset({"ILO", "UNICEF", "WFP"}))]
    text = ("Finland signed a framework agreement with the ILO on 4 June 2010, which pooled its funds into "
            "the Regular Budget Supplementary Account (RBSA).")
    assert _krows(text) == [("agreement", 2010, 6, frozenset({"ILO", "Finland"}))]


def test_a_list_item_naming_an_agreement_dated_by_the_signed_sentence_after_it():
    text = ("Agreements\n\n"
            "* Memorandum of Understanding on seafarers' welfare. Signed in Manila on 7 April 2021 between\n"
            "  DOLE and the ILO, it covers training of port inspectors.\n"
            "* ILO-Canada Strategic Partnership Framework 2020-2024. Signed in Geneva on 2 July 2020 by\n"
            "  the ILO Director-General and the Ambassador of Canada.\n")
    assert _krows(text) == [("mou", 2021, 4, frozenset({"ILO", "DOLE"})),
                            ("partnership_agreement", 2020, 7, frozenset({"ILO", "Canada"}))]


def test_plural_agreements_detailed_as_dated_pairs_of_parties():
    text = ("3. Two bilateral MoUs on nurses' recruitment negotiated with project support\n"
            "   — between Ghana and Germany (June 2019, assisted by the ILO) and between Kenya and\n"
            "   Oman (signed in Muscat on 2 May 2023)\n")
    assert _krows(text) == [("mou", 2019, 6, frozenset({"Ghana", "Germany"})),
                            ("mou", 2023, 5, frozenset({"Kenya", "Oman"}))]


def test_their_dated_agreement_is_signed_by_the_pair_named_before():
    text = ("Labour agreements were reviewed against ILO standards, and the project helped Kenya and Oman "
            "revise the annex to their 2019 memorandum of understanding on domestic work.")
    assert _krows(text) == [("mou", 2019, None, frozenset({"Kenya", "Oman"}))]


def test_an_envoy_signing_on_behalf_of_an_agency_signs_for_the_agency():
    text = ("The agreement was signed in Geneva on 4 May 2022 by Ambassador A. Lund, Permanent Representative "
            "of Norway to the United Nations Office and other organisations in Geneva, on behalf of the "
            "Norwegian Agency for Development Cooperation (Norad), and by B. Chen, ILO Deputy Director-General.")
    assert _krows(text) == [("agreement", 2022, 5, frozenset({"ILO", "Norad"}))]


def test_an_acronym_with_an_office_word_the_text_defines_is_one_party():
    text = ("The Fund is administered by the Joint Trust Fund Office (JTF Office). The ILO signed a "
            "Memorandum of Understanding with the JTF Office on 3 April 2020.")
    assert [r["parties"] for r in extract(text)] == [["ILO", "JTF Office"]]


def test_a_dated_count_of_agreements_dates_the_undated_list_below_it():
    text = ("Three agreements between Pacific governments and the ILO were signed at the regional forum, "
            "which closed in Suva on 6 June 2023.\n\nAgreements signed\n\n"
            "- Fiji and the ILO signed a Memorandum of Understanding on labour inspection.\n"
            "- Samoa signed a DWCP with the ILO and its social partners.\n"
            "- Tonga and Vanuatu signed a Joint Declaration on seasonal work.\n")
    assert _krows(text) == [("declaration", 2023, 6, frozenset({"Tonga", "Vanuatu"})),
                            ("dwcp", 2023, 6, frozenset({"ILO", "Samoa"})),
                            ("mou", 2023, 6, frozenset({"ILO", "Fiji"}))]


def test_an_agreement_signed_at_the_same_ceremony_takes_the_day_before():
    text = ("The loan agreement was signed on 4 May 2023 in Accra by the two governments. A separate "
            "Memorandum of Understanding between the Ministry of Education and the ILO, signed at the same "
            "ceremony, sets out the ILO's role.")
    assert ("mou", 2023, 5, frozenset({"ILO", "Ministry of Education"})) in _krows(text)


def test_a_renewed_agreement_without_parties_is_renewed_by_the_parties_of_the_one_before():
    text = ("* 4 May 2016 - Memorandum of Understanding between the IsDB and the ILO, signed in Jeddah.\n"
            "* 12 June 2022 - Renewed Memorandum of Understanding for 2022-2026, signed in Geneva.\n")
    assert _krows(text) == [("mou", 2016, 5, frozenset({"ILO", "IsDB"})), ("mou", 2022, 6, frozenset({"ILO", "IsDB"}))]


def test_a_partnership_programme_signed_and_named_after_its_partner():
    text = ("The Norwegian Agency for Development Cooperation (Norad) is a long-standing partner. The current "
            "framework, the Norad-ILO Partnership Programme "
            "2021-2024, was signed in Oslo on 3 February 2021.")
    assert _krows(text) == [("partnership_agreement", 2021, 2, frozenset({"ILO", "Norad"}))]


def test_the_country_of_a_city_where_it_took_place_is_no_party():
    assert extract("The previous meeting took place in Accra, Ghana, on 26 October 2022, where ministers "
                   "adopted the Accra Declaration on Youth Jobs.") == []
    assert _krows("In March, Ghana and the ILO signed a Memorandum of Understanding on 4 March 2022.") == [
        ("mou", 2022, 3, frozenset({"ILO", "Ghana"}))]
    assert _krows("At the Conference in Geneva, Ghana and the ILO signed a Memorandum of Understanding on "
                  "4 March 2022.") == [("mou", 2022, 3, frozenset({"ILO", "Ghana"}))]


def test_the_key_word_spans_and_line_scans_find_what_the_patterns_find():
    """_key_spans (str.find) gives _NOUN_KEY_RE's occurrences; line_matches gives finditer's matches."""
    import random

    from flows.extract.agreements import _SOLE_RE, _key_spans, _NOUN_KEY_RE, line_matches
    from flows.extract.events import _JOINED_RE
    words = ("Memorandum MoU MoC MOU Agreement arrangement Decent DWCP Declaration Letter Exchange project document "
             "amendment Record Protocol Framework UNDAF Action Plan Work plan Partnership Programme the of Mongolia "
             "joined became a member ILO World Bank Mastercard Foundation European Commission on 21 June 1968").split()
    seps = [" ", "  ", "\n", "\t", ", ", ". ", "-", "(", ")", ""]
    rnd = random.Random(11)
    for _ in range(3000):
        text = "".join(rnd.choice(words) + rnd.choice(seps) for _ in range(rnd.randint(1, 14)))
        spans = []
        pos = 0
        while (m := _NOUN_KEY_RE.search(text, pos)) is not None:
            spans.append(m.span())
            pos = m.start() + 1
        assert sorted(_key_spans(text)) == spans, text
        for rx, ws in ((_SOLE_RE, ("Foundation", "Commission", "Bank")), (_JOINED_RE, ("joined", "became"))):
            assert [m.span() for m in line_matches(rx, text, ws)] == [m.span() for m in rx.finditer(text)], text


def test_the_standalone_lines_are_the_pattern_s():
    import random

    from flows.extract.agreements import _STANDALONE_RE, _standalone_lines
    words = ["5 May", "Heading", "x" * 60, "A line.", "", " ", "\t"]
    seps = [" ", "\n", "\n\n", "\n \n", "\n\t\n", ""]
    rnd = random.Random(9)
    for _ in range(3000):
        text = "".join(rnd.choice(words) + rnd.choice(seps) for _ in range(rnd.randint(1, 10)))
        assert [m.span("line") for m in _standalone_lines(text)] == [m.span("line") for m in _STANDALONE_RE.finditer(text)], text


def test_the_record_fields_are_the_pattern_s():
    import random

    from flows.extract.agreements import _REC_SIGNED_RE, _rec_signed_fields
    words = ["Signed", "signed on", "Date signed", "SIGNING date", "Signature  date", ":", " : ", "2019-11-26", "x:", ""]
    seps = [" ", "\n", "\t", "\n  ", ""]
    rnd = random.Random(17)
    for _ in range(3000):
        text = "".join(rnd.choice(words) + rnd.choice(seps) for _ in range(rnd.randint(1, 10)))
        assert [m.span() for m in _rec_signed_fields(text)] == [m.span() for m in _REC_SIGNED_RE.finditer(text)], text


def test_present_tense_adoption_in_a_timeline_item():
    rows = extract("- March 2022 – The Government of Ghana, the Ghana Employers Association (REF) and the "
                   "Trades Union Congress (RTUC) endorse the first Decent Work Country Programme.\n")
    assert [(r["kind"], r["signed_year"], r["signed_month"]) for r in rows] == [("dwcp", 2022, 3)]
    assert {"Government of Ghana", "REF", "RTUC"} <= set(rows[0]["parties"])
    rows = extract("In May 2021 the Ministry of Labour (MOL) and the Chamber of Commerce (RCC) adopt the Ruritania "
                   "Declaration on Fair Recruitment.")
    assert [(r["kind"], r["signed_year"], r["signed_month"], r["parties"]) for r in rows] == \
        [("declaration", 2021, 5, ["MOL", "RCC"])]


def test_declaration_of_a_place():
    rows = extract("The project backed the Declaration of Villaverde on Safe Work, signed on 3 May 2021 by the "
                   "Ministry of Labour (MOL) and the Provincial Council (PCV).")
    assert [(r["kind"], r["signed_year"], r["signed_month"], r["parties"]) for r in rows] == \
        [("declaration", 2021, 5, ["MOL", "PCV"])]


def test_group_relative_without_pronoun_names_the_signers_before():
    rows = extract("The new MoU was signed on 4 April 2024 in Lusaka by Ms Ann Bee, ILO Regional Director, and "
                   "Mr Tom Cee, COMESA Assistant Secretary-General. It replaces the agreement the two "
                   "organizations concluded in May 2012.")
    old = [r for r in rows if r["signed_year"] == 2012]
    assert old and old[0]["signed_month"] == 5 and "COMESA" in old[0]["parties"]


def test_partner_country_signs_when_the_by_clause_names_only_the_ilo():
    text = ("# Finland and the ILO: partner brief\n\nFinland is a long-standing partner of the ILO. "
            "Finland funds projects on skills.\n\n"
            "- 3 May 2022 – Partnership Agreement 2022–2025, signed in Geneva by Mr Tom Bee, State Secretary "
            "for Development, and Ms Ann Cee, ILO Deputy Director-General.\n")
    rows = extract(text)
    assert [(r["kind"], r["signed_year"], r["signed_month"]) for r in rows] == [("partnership_agreement", 2022, 5)]
    assert "Finland" in rows[0]["parties"]


def test_place_dateline_under_an_all_caps_headline_dates_the_items_first_signing():
    text = ("OFFICE BULLETIN\n\n2. NEW FUNDING FOR RURAL ROADS\nDodoma, 14 March 2022\n\n"
            "The Government of Korea and the ILO signed an agreement for a rural roads project. "
            "The agreement was signed by the Ambassador and the ILO Director.\n\n"
            "3. OTHER NEWS\nArusha, 20 March 2022\n\nTraining continued.\n")
    rows = extract(text)
    _grounded(text, rows)
    assert [(r["kind"], r["signed_year"], r["signed_month"], r["signed_day"]) for r in rows] == \
        [("agreement", 2022, 3, 14)]
    assert set(rows[0]["parties"]) == {"ILO", "Government of Korea"}
    # (a headline under the dateline is not a signing sentence of the item)
    assert extract("PRESS RELEASE\nLima, 2 May 2021\n\nMinistry and ILO sign MoU on child labour\n") == []


def test_the_two_partners_on_a_page_about_an_organization_are_it_and_the_ilo():
    text = ("ACME Foundation and the ILO: partner brief\n\nThe ACME Foundation funds skills work.\n\n"
            "- Framework Partnership Agreement signed on 5 May 2020 in Geneva\n\n"
            "On 9 June 2023, on the margins of the UN General Assembly, the heads of the two partners "
            "signed a Cooperation Agreement on youth employment.\n")
    rows = extract(text)
    _grounded(text, rows)
    assert [(r["kind"], r["signed_year"], sorted(r["parties"])) for r in rows] == \
        [("partnership_agreement", 2020, ["ACME Foundation", "ILO"]), ("agreement", 2023, ["ACME Foundation", "ILO"])]


def test_timeline_entry_dates_its_later_signing_sentence_and_memoranda_with_two_give_two():
    text = ("TIMELINE\n\nMay 2019 - Kick-off. Country visits to Ruritania and Freedonia.\n\n"
            "October 2019 - Field missions. Memoranda of Understanding are signed with the National Employment "
            "Agency (NEA) of Ruritania and the Skills Authority (SKA) of Freedonia.\n\n"
            "2020 - Activities start.\n")
    rows = extract(text)
    _grounded(text, rows)
    assert sorted((r["kind"], r["signed_year"], r["signed_month"], tuple(sorted(r["parties"]))) for r in rows) == \
        [("mou", 2019, 10, ("ILO", "NEA")), ("mou", 2019, 10, ("ILO", "SKA"))]


def test_signing_on_the_margins_of_the_conference_takes_the_news_items_month():
    text = ("By A. Writer · 12 May 2023\n\nDelegates from 40 countries met in Lusaka for a forum on skills.\n\n"
            "On the sidelines of the conference, the Ministry of Labour (MoLS) and the ILO signed a Memorandum "
            "of Understanding on apprenticeships.\n")
    rows = extract(text)
    _grounded(text, rows)
    assert [(r["kind"], r["signed_year"], r["signed_month"], r["signed_day"]) for r in rows] == [("mou", 2023, 5, None)]
    assert set(rows[0]["parties"]) == {"ILO", "MoLS"}


def test_closing_adoption_by_the_co_organizers_named_after_the_comma():
    text = ("By A. Writer · 3 October 2024\n\nThe forum ended with the adoption of the Accra Declaration on Youth "
            "Jobs by the co-organizers, Ghana, the ILO and UNDP.\n")
    rows = extract(text)
    _grounded(text, rows)
    assert [(r["kind"], r["signed_year"], r["signed_month"]) for r in rows] == [("declaration", 2024, 10)]
    assert set(rows[0]["parties"]) == {"Ghana", "ILO", "UNDP"}


def test_timeline_entry_date_shares_events_lead_forms():
    """agreements and events read a timeline entry's opening date with one pattern (TIMELINE_LEAD):
    'March 5, 2021 - ...' and '3rd March 2021 - ...' open an entry too."""
    from flows.extract.agreements import _timeline_entry_date
    for lead in ("March 5, 2021 - ", "3rd March 2021 - ", "September 2021 - "):
        T = "Intro.\n\n" + lead + "Inception missions in X. Memoranda of Understanding are signed with A and B.\n"
        ss = T.index("Memoranda")
        d = _timeline_entry_date(T, ss, T[ss:T.index("\n", ss)])
        assert d is not None and d.year == 2021 and d.month in (3, 9), lead
