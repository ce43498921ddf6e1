"""Quantity extraction: counts of things and people, with the noun counted and the as-of date."""
from __future__ import annotations

from datetime import date

import pytest

from flows.extract.quantities import extract


def rows_of(text: str) -> list[tuple]:
    rows = extract(text)
    for r in rows:
        assert text[r["char_start"]:r["char_end"]] == r["evidence"]
    return [(r["value"], r["unit"]) for r in rows]


@pytest.mark.parametrize("text, value, unit", [
    ("The country has ratified 28 Conventions and leads SSTC.", 28, "Conventions"),
    ("The ILO signed nine MOUs with partners.", 9, "MOUs"),
    ("It works in twenty-two districts of origin.", 22, "districts"),
    ("- eleven domestic workers' unions and collectives supported in four cities",
     11, "domestic workers' unions and collectives"),
    ("Over its lifetime it trained 1,240 home-based workers on their rights.", 1240, "home-based workers"),
    ("It helped 36 micro and small enterprises to register formally.", 36, "micro and small enterprises"),
    ("The Network brings together 22 TVET institutes from China.", 22, "TVET institutes"),
    ("A total of 189 trade union officials participated.", 189, "trade union officials"),
    ("Brazilian auditors trained 25 labour\n  inspectors from the region.", 25, "labour inspectors"),
    ("The EIIP has generated more than 1.9 million worker days of paid employment.", 1_900_000, "worker days"),
    ("It has ratified eight of the funda-\nmental Conventions.", 8, "fundamental Conventions"),
    ("A course was organized for 25, carefully selected trade union educators.", 25, "trade union educators"),
    ("The project reached **25** countries.", 25, "countries"),
])
def test_counted_noun_phrase(text, value, unit):
    assert (value, unit) in rows_of(text)


@pytest.mark.parametrize("text, qualifier", [
    ("It reached more than 43,000 beneficiaries in South-East Asia.", "more than"),
    ("Over 12,000 children were withdrawn from child labour.", "over"),
    ("It will provide about 400,000 worker days.", "about"),
    ("- nearly 2,300 women helped to recover unpaid wages", "nearly"),
    ("It set out to reach at least 100,000 women and girls.", "at least"),
    ("Up to 500 apprentices will be trained.", "up to"),
    ("Some 200 enterprises joined.", "about"),
    ("5,000+ workers joined the union.", "more than"),
    ("The project trained 312 community peer educators.", None),
])
def test_qualifier(text, qualifier):
    rows = extract(text)
    assert len(rows) == 1
    assert rows[0]["qualifier"] == qualifier


def test_as_of_date_in_the_sentence():
    row = extract("The project has provided assistance to more than 43,000 beneficiaries in "
                  "South-East Asia (as of March 31,2024).")[0]
    assert (row["value"], row["as_of"], row["as_of_precision"]) == (43000, date(2024, 3, 31), "day")


def test_results_heading_dates_the_list_under_it():
    text = ("Results as of December 2022\n"
            "- more than 58,000 women and girls reached with information\n"
            "- 312 community peer educators trained\n"
            "- nearly 2,300 women helped to recover unpaid wages\n\n"
            "Policy links\nThe project works in five states.")
    rows = extract(text)
    assert [(r["value"], r["as_of"]) for r in rows] == [
        (58000, date(2022, 12, 1)), (312, date(2022, 12, 1)), (2300, date(2022, 12, 1)), (5, None)]
    assert rows[0]["as_of_precision"] == "month"


def test_year_clause_gives_as_of():
    row = extract("In 2023 the Fund financed activities in nine countries, including Cambodia.")[0]
    assert (row["value"], row["unit"], row["as_of"], row["as_of_precision"]) == (
        9, "countries", date(2023, 1, 1), "year")


def test_no_date_no_as_of():
    assert extract("The India component is active in five states.")[0]["as_of"] is None


def test_present_perfect_count_is_as_of_the_document_date():
    text = ("Press release | 6 October 2022\n\nThe programme was launched in 2016. Since then the "
            "programme has generated more than 1.9 million worker days of paid employment.")
    row = [r for r in extract(text) if r["value"] == 1_900_000][0]
    assert row["as_of"] == date(2022, 10, 6)


def test_label_line():
    rows = extract("- **ILO member since:** 1991\n- **Conventions ratified:** 30 (since April 2021)\n")
    assert [(r["value"], r["unit"], r["as_of"]) for r in rows] == [(30, "Conventions", date(2021, 4, 1))]


def test_number_of_things_brought_to_n():
    text = ("On 19 July 2022, Japan deposited the instrument. It was the eighth fundamental Convention "
            "accepted by Japan and brought the number of ILO Conventions ratified by the country to 50.")
    row = [r for r in extract(text) if r["value"] == 50][0]
    assert row["unit"] == "ILO Conventions"
    assert row["as_of"] == date(2022, 7, 19)


def test_count_table_column():
    text = "| Country | Workers trained | Budget (US$) |\n|---|---|---|\n| Peru | 120 | 50,000 |\n"
    assert rows_of(text) == [(120, "Workers")]


@pytest.mark.parametrize("text", [
    "Brazil has been a member since 1919 and hosted a conference in 2013.",  # years
    "Brazil paid more than US$ 80 million and China gave $ 746,014.",  # money
    "Its assessed share was 8.568 per cent, or 0.29 per cent of GNI, and 50% of staff.",  # percentages
    "Korea was the 152nd country to join; the eighth Convention; the 34th Symposium.",  # ordinals
    "A two-day workshop, a ten-year programme and a three-year cycle ran for seven years.",  # durations
    "It met from 10 to 13 May 2017 and on 16 and 17 June 2022.",  # dates
    "Children under the age of 15 and youth aged 15-24 were covered.",  # ages
    "It ratified the Abolition of Forced Labour Convention, 1957 (No. 105).",  # references
    "Tel: +41 22 799 6111\nT: +81 3 5467 2701",  # phone numbers
    "Route des Morillons 4\nCH-1211 Geneva 22 Switzerland\nUN House 8F, 5-53-70 Jingumae",  # addresses
    "1. a global project\n2. youth employment\n3. projects in Asia",  # list numbering
    "It supports the 2030 Agenda; the G7 met; the 10th Anniversary; COVID-19.",
    '► The project "Towards 2 Fair Supply Chains" (2019-2022)\n',  # headings and titles
    'It followed an earlier project, "Way out of 3 Informality Schemes".',  # quoted title
    "One of the ten permanent seats; the two sides signed; three of them in Asia.",
])
def test_not_quantities(text):
    assert rows_of(text) == []


def test_addresses_and_fractions_are_not_counts():
    text = ("Contact: Rue Aimé Smekens 40, 1030 Brussels, Belgium. Office: 4 route des Morillons, "
            "CH-1211 Geneva 22. A review found that two thirds of firms cut waste.")
    assert extract(text) == []


def test_count_per_year_in_a_table_with_years_as_columns():
    text = ("| Type of funding | 2018 | 2019 |\n|:--|--:|--:|\n"
            "| Total funding | SEK 210m | SEK 198m |\n| Projects funded | 14 | 11 |\n")
    rows = [(r["value"], r["unit"], str(r["as_of"])[:4]) for r in extract(text)]
    assert rows == [(14, "Projects", "2018"), (11, "Projects", "2019")]


def test_end_of_a_year_dates_a_count_in_december():
    rows = extract("By the end of 2021 it had worked with more than 1,200 factories.")
    assert [(r["value"], str(r["as_of"])[:7]) for r in rows] == [(1200, "2021-12")]


def test_since_its_launch_counts_up_to_the_document_date():
    rows = extract("Press release | 3 March 2021\n\nSince its launch in 2009, SCORE has trained "
                   "more than 2,000 small enterprises.")
    assert [(r["value"], str(r["as_of"])) for r in rows] == [(2000, "2021-03-03")]


def test_thousands_grouped_with_plain_spaces_before_a_noun():
    rows = extract("The project trained 15 000 workers and 25 000+ farmers.\nTel: +41 22 799 7912 staff")
    assert [(r["value"], r["unit"], r["qualifier"]) for r in rows] == [
        (15000, "workers", None), (25000, "farmers", "more than")]


def test_indicator_table_achieved_column_with_label_after_a_row_number():
    text = ("| No. | Indicator | Baseline | Target (2024) | Achieved (June 2023) |\n"
            "|---|---|---|---|---|\n"
            "| 1 | Cooperatives registered under the new law | 0 | 120 | 85 |\n"
            "| 2 | Percentage of members who are women | 20 | 40 | 35 |\n"
            "| 3 | Guides, manuals or toolkits validated | 0 | 6 | 4 |\n")
    rows = [(r["value"], r["unit"], str(r["as_of"])[:7]) for r in extract(text) if r["qualifier"] is None]
    assert rows == [(85, "Cooperatives", "2023-06"), (4, "Guides, manuals or toolkits", "2023-06")]
    # (beside them, the targets, as targets)
    assert [(r["value"], r["unit"]) for r in extract(text) if r["qualifier"] == "target"] == [
        (120, "Cooperatives"), (6, "Guides, manuals or toolkits")]


def test_indicator_table_label_comes_from_the_indicator_column_not_the_level_column():
    text = ("| Result level | Indicator | Baseline | Target | Actual (March 2022) |\n"
            "|---|---|---|---|---|\n"
            "| Outcome A | Village savings groups formed | 0 | 40 | 52 |\n"
            "| Output A.2 | Health inspectors certified | 5 | 30 | 27 |\n")
    rows = [(r["value"], r["unit"]) for r in extract(text) if r["qualifier"] is None]
    assert rows == [(52, "Village savings groups"), (27, "Health inspectors")]


def test_a_count_stated_in_the_text_and_again_in_a_table_is_one_fact():
    text = ("By March 2022 the scheme had certified 27 health inspectors.\n\n"
            "| Indicator | Target | Actual (March 2022) |\n|---|---|---|\n"
            "| Health inspectors certified | 30 | 27 |\n")
    rows = [(r["value"], r["unit"], r["evidence"]) for r in extract(text) if r["qualifier"] is None]
    assert rows == [(27, "health inspectors", "27 health inspectors")]


def test_the_same_count_at_two_dates_is_two_facts():
    rows = rows_of("In 2021 the union had 300 branches. In 2023 it again had 300 branches.")
    assert rows == [(300, "branches"), (300, "branches")]


def test_other_or_more_between_the_number_and_the_noun():
    assert rows_of("The fund is pooled with that of six other donor governments.") == [(6, "donor governments")]
    assert rows_of("Next year 150 more apprentices will be enrolled.") == [(150, "apprentices")]
    assert rows_of("The project runs for two more years.") == []


def test_elliptical_counts_in_a_list_take_the_previous_noun():
    rows = rows_of("The panel had 30 members: 12 delegates of trade unions, 10 of employers' "
                   "federations and 8 from civil society groups.")
    assert rows == [(30, "members"), (12, "delegates"), (10, "delegates of employers' federations"),
                    (8, "delegates from civil society groups")]


def test_no_ellipsis_without_a_list():
    assert rows_of("It trained 40 mediators. Then 12 of Nepal's officials joined.") == [(40, "mediators")]


@pytest.mark.parametrize("text", [
    "The sum of USD 2,500,000 (two million five hundred thousand US dollars) is due.",
    "Norway added five million euros to the fund.",
    "They raised three hundred thousand dollars.",
])
def test_money_written_in_words_is_not_a_count(text):
    assert rows_of(text) == []


@pytest.mark.parametrize("text, value", [
    ("twenty-two", 22), ("eleven", 11), ("ninety", 90), ("three hundred", 300),
    ("two hundred and fifty", 250), ("one thousand two hundred", 1200),
    ("four hundred thousand", 400_000), ("six thousand and forty", 6040),
    ("thirty-one thousand five hundred and two", 31_502),
    ("hundred", None), ("thousand", None), ("and", None), ("five and", None),
    ("two twenty", None), ("eleven four", None), ("one thousand two thousand", None),
])
def test_parse_number_word(text, value):
    from flows.extract.text import parse_number_word
    assert parse_number_word(text) == value


@pytest.mark.parametrize("text, value, unit", [
    ("The clinic served some one thousand four hundred patients last year.", 1400, "patients"),
    ("It trained three hundred and twenty nurses.", 320, "nurses"),
    ("Two thousand five hundred farmers joined the scheme.", 2500, "farmers"),
])
def test_compound_number_words(text, value, unit):
    assert rows_of(text) == [(value, unit)]


@pytest.mark.parametrize("text, qualifier", [
    ("The scheme aims to reach 4,000 street vendors.", "target"),
    ("The new phase will equip 80 health centres.", "target"),
    ("The works are expected to generate 90,000 workdays.", "target"),
    ("It seeks to train 500 nurses in the north and to certify 40 clinics.", "target"),
    ("The plan targets 200 fishing villages.", "target"),
    ("The plan aims to reach more than 4,000 vendors.", "more than"),
    ("It trained 500 nurses and certified 40 clinics.", None),
])
def test_target_qualifier(text, qualifier):
    rows = extract(text)
    assert rows and all(r["qualifier"] == qualifier for r in rows[-1:])


@pytest.mark.parametrize("text", [
    "Ten thousand seems a lot for one district.",  # a number as a subject, then a verb
    "We make sure that donors do not send three conflicting reports.",  # under a negation
    "Send a proposal of up to 5 pages and a CV.",  # a length, not a result
])
def test_not_counts_new(text):
    assert rows_of(text) == []


def test_possessive_before_digits_is_a_count():
    assert rows_of("The review was completed; its 14 findings were shared.") == [(14, "findings")]
    assert rows_of("The two sides met.") == []


def test_label_with_a_date_in_brackets_before_the_colon():
    rows = extract("FACTS\nSchools built (as of May 2021):   9\nDistricts covered:   3\n")
    assert [(r["value"], r["unit"], str(r["as_of"])) for r in rows] == [
        (9, "Schools", "2021-05-01"), (3, "Districts", "None")]


def test_key_figures_label_line_over_a_number_line():
    text = ("Key numbers\n\nClinics opened (as of March 2020)\n\n6\n\nNurses trained since 2012\n\n"
            "about 3,400\n\nShare of women\n\n55 %\n\nContents\n\n2\n")
    rows = [(r["value"], r["unit"], r["qualifier"], str(r["as_of"])[:7]) for r in extract(text)]
    assert rows == [(6, "Clinics", None, "2020-03"), (3400, "Nurses", "about", "None")]


def test_leader_dot_values_do_not_count_the_next_line():
    text = "COSTS (EUR)\n  Agency A ...... 1,200,000\n  Field offices ....... 300,000\n"
    assert rows_of(text) == []


def test_sub_row_of_whom_women_in_a_results_table():
    text = ("| Indicator | Target | Achieved (as of 31/03/2022) |\n|---|---|---|\n"
            "| Farmers trained | 900 | 850 |\n| of whom women | 400 | 390 |\n")
    rows = [(r["value"], r["unit"], str(r["as_of"])) for r in extract(text) if r["qualifier"] is None]
    assert rows == [(850, "Farmers", "2022-03-31"), (390, "women", "2022-03-31")]


def test_status_heading_and_sub_headings_date_the_lists_under_them():
    text = ("Intro.\n\n## 2. Results (as of May 2021)\n\nHealth\n- 40 nurses trained\n\n"
            "Schools\n- 12 classrooms built since 2018\n\n4. Progress (status 30.06.2022)\n\n"
            "  - 7 depots opened\n")
    rows = [(r["value"], str(r["as_of"])) for r in extract(text)]
    assert rows == [(40, "2021-05-01"), (12, "2021-05-01"), (7, "2022-06-30")]


def test_dot_thousands_in_a_document_that_groups_with_dots():
    text = "The fund has EUR 2.400.000. So far 2.350 farmers enrolled; 1.5 million trees and 2.5 workers."
    assert (2350, "farmers") in rows_of(text)
    assert rows_of("So far 2.350 farmers enrolled.") == []


def test_street_vendors_are_counted_but_street_numbers_are_not():
    assert rows_of("It trained 400 street vendors.") == [(400, "street vendors")]
    assert rows_of("Office: 4 route des Morillons, Geneva.") == []


def test_contents_lines_and_dot_leaders_are_page_numbers():
    text = ("CONTENTS\nForeword ......... 3 Annual Results ......... 7 Member Services ..... 12\n\n"
            "Contents\n4 Regional Programmes\nStaff and Budget 9\n\nThe office trained 35 inspectors.")
    assert rows_of(text) == [(35, "inspectors")]


def test_a_number_at_a_column_gap_is_a_table_cell():
    text = "Fisheries Project   2021-2024      250,000 Youth in Business   Norway\nIt hired 12   Drivers."
    assert rows_of(text) == []


def test_of_them_and_of_whom_count_a_part_of_the_previous_group():
    assert rows_of("The course gathered 30 trade unionists, 11 of them women, from five provinces.") == [
        (30, "trade unionists"), (11, "women unionists"), (5, "provinces")]
    assert rows_of("Some 55 clinics joined; 20 of them hired a nurse.") == [(55, "clinics"), (20, "clinics")]
    assert rows_of("By June, 300 farmers had enrolled, of whom 120\n  were women.") == [
        (300, "farmers"), (120, "women")]
    assert rows_of("She met 12 farmers. Two of them sold goats.") == [(12, "farmers")]


def test_people_named_by_their_country():
    assert rows_of("Nearly 900 Pakistanis and 400 Somalis work there.") == [(900, "Pakistanis"), (400, "Somalis")]
    from flows.extract.quantities import _is_plural
    assert not any(_is_plural(w) for w in ("Paris", "Crisis", "Tunis", "Analysis"))


def test_the_n_nouns_is_a_count_but_not_the_two_or_of_the_n():
    assert rows_of("Well done to the 450 apprentices who graduated.") == [(450, "apprentices")]
    assert rows_of("The seven cooperatives share a depot.") == [(7, "cooperatives")]
    assert rows_of("The two sides met; five of the eight regions agreed.") == [(5, "regions")]


def test_will_clauses_and_target_labels_are_targets():
    rows = extract("Next year the union will open its services to a further 80 domestic workers "
                   "and train 25 shop stewards.\n| Target group | 900 smallholder farmers |")
    assert [(r["value"], r["qualifier"]) for r in rows] == [(80, "target"), (25, "target"), (900, "target")]
    rows = extract("It will build on what 40 cooperatives have done.")
    assert [r["qualifier"] for r in rows] == [None]


def test_a_to_date_heading_dates_the_list_under_it():
    text = "Results to date (30 June 2024):\n\n- 85 clinics opened\n- 1,200 nurses trained\n"
    assert [(r["value"], str(r["as_of"])) for r in extract(text)] == [(85, "2024-06-30"), (1200, "2024-06-30")]


def test_of_which_then_a_verb_counts_the_noun_before():
    assert rows_of("Inspectors visited 36 mines, of which 14 now keep an accident register.") == [
        (36, "mines"), (14, "mines")]
    assert rows_of("It employed 2,400 people, of which 30 per cent were women.") == [(2400, "people")]


def test_a_count_restated_under_a_dated_heading_takes_that_date():
    text = ("The centre trained 25 midwives.\n\nRESULTS (AS OF 31 MARCH 2023)\n"
            "  - 25 midwives passed the exam.\n")
    rows = extract(text)
    assert [(r["value"], r["unit"], str(r["as_of"])) for r in rows] == [(25, "midwives", "2023-03-31")]


def test_a_lead_in_so_far_line_with_a_date_dates_the_list():
    text = ("Background text.\n\nAccording to the monitoring report (May 2023), the fund has so far:\n\n"
            "  - built 12 water points;\n  - trained 75 plumbers.\n\nIt also runs 3 schools.\n")
    rows = [(r["value"], str(r["as_of"])[:7]) for r in extract(text)]
    assert rows == [(12, "2023-05"), (75, "2023-05"), (3, "None")]


def test_numbered_notes_are_not_counts():
    text = ("Notes\n\n2 Totals are rounded.\n\n3 Figures exclude 40 seconded experts.\n\n"
            "4 Grants approved in 2023 only.\n")
    assert rows_of(text) == [(40, "seconded experts")]
    # a count at the start of a line, with no numbered neighbours, stays
    assert rows_of("Key facts\n\n12 Countries joined the network.\n") == [(12, "Countries")]


def test_a_bare_number_pointing_back_takes_the_noun_of_the_count_before():
    rows = extract("The fund enrolled 870 apprentices in 2021 against a target of 1,000. It ended.")
    assert [(r["value"], r["unit"], r["qualifier"]) for r in rows] == [
        (870, "apprentices", None), (1000, "apprentices", "target")]
    assert rows_of("Clinics reported 12 outbreaks last year, down from 19 in 2019.") == [
        (12, "outbreaks"), (19, "outbreaks")]


def test_of_the_plural_then_a_bare_number_counts_that_plural():
    assert rows_of("Of the trainees, 310 had found jobs and a further 45 had opened shops.") == [
        (310, "trainees"), (45, "trainees")]
    # no plural named: nothing
    assert rows_of("Of the total, 310 was spent.") == []


def test_n_of_the_m_counts_both_numbers():
    assert rows_of("So far only 7 of the 30 pilot schools have a canteen.") == [
        (7, "pilot schools"), (30, "pilot schools")]
    assert rows_of("She won one of the ten seats.") == []


def test_first_before_a_count_is_not_a_name():
    assert rows_of("- First 25 village savings groups registered with the district.") == [
        (25, "village savings groups")]


def test_the_number_of_from_one_count_to_another_gives_both():
    rows = extract("The union wants to raise the number of shop stewards from the present 40 to at least 75 by 2027.")
    assert [(r["value"], r["unit"], r["qualifier"]) for r in rows] == [
        (40, "shop stewards", None), (75, "shop stewards", "at least")]


def test_a_dash_ruled_text_table_counts_under_a_plural_header():
    text = ("The federation has two member unions:\n\n"
            "  Union                          Code     Branches   Members\n"
            "  ------------------------------ -------- ---------- --------\n"
            "  Dockworkers Union              DWU            12      4,300\n"
            "  Hotel Staff Union              HSU             7        950\n"
            "  ------------------------------ -------- ---------- --------\n\n"
            "Next steps follow.\n")
    assert sorted(rows_of(text)) == sorted([(2, "member unions"), (12, "Branches"), (4300, "Members"),
                                            (7, "Branches"), (950, "Members")])


def test_a_second_count_in_a_parallel_in_place_clause_takes_the_first_noun():
    rows = extract("Street vending employs some 40,000 people in Accra and about 25,000 in Kumasi.")
    assert [(r["value"], r["unit"], r["qualifier"]) for r in rows] == [
        (40000, "people", "about"), (25000, "people", "about")]
    assert rows_of("The plant has 120 workers in Lima and 2023 in total.") == [(120, "workers")]


def test_part_of_the_target_whole_counts_the_plain_noun():
    assert rows_of("Clinics now run in 12 of the 20 target districts.") == [
        (12, "districts"), (20, "target districts")]


def test_a_count_stated_plainly_then_with_its_approximation_is_one_fact():
    text = ("Port deal to open jobs for 8,000 dockers\n\n"
            "The agreement could bring up to 8,000 dockers into formal work, officials said.\n")
    rows = extract(text)
    assert [(r["value"], r["unit"], r["qualifier"]) for r in rows] == [(8000, "dockers", "up to")]
    # a target of the same size is another fact
    rows = extract("The project trained 500 nurses. It aims to train 500 nurses more next year.")
    assert [(r["value"], r["qualifier"]) for r in rows] == [(500, None), (500, "target")]


def test_a_text_table_joined_into_one_paragraph_counts_under_a_plural_header():
    text = ("The federation has two member unions:\n\n"
            "  Union                          Code     Members ------------------------------ -------- -------- "
            "Dockworkers Union              DWU         4,300 Hotel Staff Union              HSU           950 "
            "------------------------------ -------- -------- Total                                    5,250\n\nNext.")
    assert rows_of(text) == [(2, "member unions"), (4300, "Members"), (950, "Members")]
    # a column of sums of money is not a column of counts
    text = ("Donor              Partners     Contributions\n"
            "Norway             4            120,000\n"
            "Sweden             3            95,000\n")
    assert rows_of(text) == [(4, "Partners"), (3, "Partners")]


def test_an_acronym_in_brackets_inside_the_counted_phrase():
    assert rows_of("The ministry will admit them to 22 technical and vocational education and training "
                   "(TVET) colleges near camps.") == [
        (22, "technical and vocational education and training (TVET) colleges")]


def test_n_things_out_of_m_is_a_share_not_a_count():
    assert rows_of("Informality concerns more than nine workers out of ten in the country.") == []
    assert rows_of("It helped 300 workers out of poverty.") == [(300, "workers")]


def test_counts_in_a_list_under_an_aim_lead_in_or_a_targets_heading_are_targets():
    text = ("Intro text.\n\n"
            "By the end of the project, the agency is expected to have:\n"
            "  (a) trained 900 nurses in first aid;\n"
            "  (b) equipped 12 rural clinics.\n\n"
            "Targets (by 2030)\n"
            "- 5,000 households covered\n"
            "- 20 cooperatives registered\n\n"
            "Results so far: 300 nurses trained.\n")
    rows = extract(text)
    assert [(r["value"], r["qualifier"]) for r in rows] == [
        (900, "target"), (12, "target"), (5000, "target"), (20, "target"), (300, None)]
    assert [str(r["as_of"]) for r in rows][2:4] == ["2030-01-01", "2030-01-01"]


def test_a_list_of_infinitives_after_an_aim_verb_are_all_targets():
    rows = extract("By 2028 the project aims to enrol 8,000 farmers, to train 300 extension officers, "
                   "and to support 4 regional fairs.")
    assert [r["qualifier"] for r in rows] == ["target", "target", "target"]
    assert [r["qualifier"] for r in extract("The firm hired 40 staff, to serve 300 clients.")] == [None, None]
    # a passive 'will be spent as follows:' sets out no aim
    text = "The balance will be spent as follows:\n   - 2024: activities in all three outcomes\n"
    assert [r["qualifier"] for r in extract(text)] == [None]


def test_a_results_table_with_a_this_quarter_and_a_cumulative_column():
    text = ("Results as at 31 March 2025. Targets are for the end of the project.\n\n"
            "| Indicator | Target | Achieved this quarter | Cumulative |\n"
            "|---|---|---|---|\n"
            "| 1.1 Farmers trained in bookkeeping | 900 | 45 | 310 |\n"
            "| 1.1a of whom women | 500 | 20 | 170 |\n")
    rows = [(r["value"], r["unit"], r["qualifier"], str(r["as_of"])) for r in extract(text)
            if r["qualifier"] != "target"]
    assert rows == [(45, "Farmers", "this quarter", "None"), (310, "Farmers", None, "2025-03-31"),
                    (20, "women", "this quarter", "None"), (170, "women", None, "2025-03-31")]


def test_a_work_plan_item_opening_with_a_verb():
    text = "Next steps:\n\n1. Train 40 district officers in Mzuzu.\n2. Hold 3 regional fairs.\n"
    assert rows_of(text) == [(40, "district officers"), (3, "regional fairs")]
    assert rows_of("The Geneva 22 delegates met.") == []


def test_a_plain_text_table_with_a_number_column():
    text = ("Participants:\n\n"
            "  Group                                Number\n"
            "  Trade union delegates                    14\n"
            "  Employers' delegates                     14\n"
            "  Government officials                      9\n"
            "  TOTAL                                    37\n\n"
            "End.\n")
    assert rows_of(text) == [(14, "Trade union delegates"), (14, "Employers' delegates"),
                             (9, "Government officials")]


def test_a_year_before_a_noun_dates_the_count():
    rows = extract("The agency enrolled 2,100 domestic workers during its 2023 registration drive.")
    assert [(r["value"], str(r["as_of"])) for r in rows] == [(2100, "2023-01-01")]


def test_a_bare_count_after_a_further_in_bold_or_a_target_by_a_year():
    assert rows_of("- **1,200** trainees found jobs; a further **300** started their own firms.") == [
        (1200, "trainees"), (300, "trainees")]
    rows = extract("By 2023, 9,100 domestic workers were covered, against a target of 12,000 by\n2026.")
    assert [(r["value"], r["unit"], r["qualifier"]) for r in rows] == [
        (9100, "domestic workers", None), (12000, "domestic workers", "target")]


def test_a_key_figure_to_be_reached_is_a_target_and_may_carry_a_note():
    text = "Key figures\n\nFarmers to be reached\n8,000 (half of them women)\n\nEnd of the page.\n"
    rows = extract(text)
    assert [(r["value"], r["unit"], r["qualifier"]) for r in rows] == [(8000, "Farmers", "target")]


def test_a_count_that_opens_a_sentence_after_a_full_stop():
    text = "The survey ended in May. 2,400\nfarmers joined the scheme; Convention No. 102 applies."
    assert rows_of(text) == [(2400, "farmers")]
    assert rows_of("**Project 4 – Apprenticeships.** 610 young men found work.") == [(610, "young men")]
    assert rows_of("3.1 Risks. Two loans are exposed to currency movements.") == []
    assert rows_of("3.2 Training. 85 nurses were certified.") == [(85, "nurses")]


def test_such_between_a_count_and_its_noun():
    assert rows_of("By May 2022, 35 such cooperatives had opened.") == [(35, "cooperatives")]


def test_a_target_verb_or_noun_right_before_a_count():
    rows = extract("**Project B.** Targets 6,000\nyouth in 40 districts; registration drive, target 20,000 new members.")
    assert [(r["value"], r["unit"], r["qualifier"]) for r in rows] == [
        (6000, "youth", "target"), (40, "districts", None), (20000, "new members", "target")]
    assert rows_of("The work supports SDG Target 8 and Target 5 partners.") == []


def test_a_list_item_label_changed_from_one_count_to_another():
    text = ("Revised figures:\n\n"
            "  - health workers trained and deployed to rural clinics: from 1,500 to 2,200;\n"
            "  - cooperatives registered: from 90 to 140.\n"
            "  - Share of women: from 30 to 45 per cent.\n")
    assert rows_of(text) == [(1500, "health workers"), (2200, "health workers"),
                             (90, "cooperatives"), (140, "cooperatives")]


def test_a_data_as_of_line_dates_the_undated_counts():
    text = "KEY RESULTS\n\n7,300\nhouseholds reached\n\n45\nwater points built\n\nFigures as of 31 March 2024\n"
    rows = extract(text)
    assert [(r["value"], str(r["as_of"])) for r in rows] == [(7300, "2024-03-31"), (45, "2024-03-31")]


def test_a_numbered_step_in_capitals_and_an_angle_are_not_counts():
    text = "HOW WE WORK\n1 FARMERS\nchoose the crops\n2 BUYERS\nsign contracts\nSlopes of up to 30 degrees are farmed.\n"
    assert rows_of(text) == []


def test_a_sex_breakdown_table_keeps_its_total_row():
    text = ("Attendance by group:\n\n"
            "Group                                   Women     Men    Total\n"
            "Farmers' unions                             5       8       13\n"
            "District officials                          3       4        7\n"
            "Total                                       8      12       20\n\n"
            "End.\n")
    assert rows_of(text) == [(13, "Farmers' unions"), (7, "District officials"), (8, "Women"), (12, "Men")]


def test_revised_targets_percentage_points_and_a_targeted_whole():
    text = "2. REVISED TARGETS\n\nAs agreed:\n\n  - cooperatives registered: from 90 to 140.\n"
    assert [(r["value"], r["qualifier"]) for r in extract(text)] == [(90, None), (140, "target")]
    assert rows_of("Enrolment rose by 7 percentage points.") == []
    assert rows_of("So far 800 of the targeted 2,500 traders have joined.")[0] == (800, "traders")


def test_a_results_matrix_with_baseline_and_target_columns():
    text = ("| Level | Result | Indicator | Baseline (year) | Target (year) | Source |\n"
            "|---|---|---|---|---|---|\n"
            "| Outcome 1 | More firms | 1.1 Number of cooperatives registered | 25 (2022) | 140 (2026) | Registry |\n"
            "| | | 1.2 Accidents per 1,000 members | 12 (2022) | 6 (2026) | Survey |\n"
            "| Output 1.1 | Audits | 1.1.1 Number of auditors certified, of whom women | 0 (2022) | 60, of whom 25 women (2025) | Records |\n")
    rows = extract(text)
    assert [(r["value"], r["unit"], r["qualifier"], str(r["as_of"])) for r in rows] == [
        (25, "cooperatives", "baseline", "2022-01-01"), (140, "cooperatives", "target", "2026-01-01"),
        (60, "auditors", "target", "2025-01-01")]


def test_of_the_count_after_a_non_partitive_word_and_seasons_as_duration():
    assert rows_of("The minister spoke on behalf of the 14 farmer groups present.") == [(14, "farmer groups")]
    assert rows_of("Each of the nine unions signed; she saved over three seasons.") == []


def test_nouns_listed_as_modifiers_of_one_plural():
    assert rows_of("The scheme covers 40 tea, rubber and coconut plantations.") == [
        (40, "tea, rubber and coconut plantations")]
    assert rows_of("It took 5 years, 3 months and 2 days.") == []


def test_of_them_on_the_next_line_of_a_fact_sheet():
    text = "The fund in 2024:\n\n75\nloans granted\nto cooperatives\n30\nof them\nto women-led groups\n"
    assert rows_of(text) == [(75, "loans"), (30, "loans")]


def _q(text: str) -> dict:
    """value -> (unit, qualifier, as_of) of every count in `text`."""
    rows = extract(text)
    for r in rows:
        assert text[r["char_start"]:r["char_end"]] == r["evidence"]
    return {r["value"]: (r["unit"], r["qualifier"], r["as_of"]) for r in rows}


def test_results_table_with_inner_pipes_gives_targets_and_dated_results():
    text = ("RESULTS FRAMEWORK\n\n"
            "Code | Indicator                                   | Baseline | Target | Actual | As of\n"
            "-----+---------------------------------------------+----------+--------+--------+-----------\n"
            "A1   | Fishing cooperatives registered with the     |       12 |    150 |    96  | 2023-06-30\n"
            "     |   national cooperative agency                |          |        |        |\n"
            "A2   |   - of whom led by women                     |        0 |     40 |    31  | 2023-05-31\n"
            "A3   | Labour inspectors certified in OSH           |        0 |      5 |     1  | 2023-06-30\n")
    got = _q(text)
    assert got[96] == ("Fishing cooperatives", None, date(2023, 6, 30))
    assert got[150][:2] == ("Fishing cooperatives", "target")
    assert got[12][:2] == ("Fishing cooperatives", "baseline")
    assert got[31][2] == date(2023, 5, 31) and got[40][1] == "target"
    assert got[1][:2] == ("Labour inspectors", None)  # a single result in a results matrix


def test_markdown_results_table_gives_targets_beside_what_was_achieved():
    text = ("| Indicator | Baseline | Target | Achieved (June 2023) |\n|---|---|---|---|\n"
            "| Water user committees trained | 4 | 60 | 45 |\n")
    got = _q(text)
    assert got[60][:2] == ("Water user committees", "target")
    assert got[45] == ("Water user committees", None, date(2023, 6, 1))


def test_expected_output_column_holds_targets():
    text = ("| # | Activity | Budget (EUR) | Expected output |\n|---|---|---:|---|\n"
            "| 1 | Training of mediators | 30,000 | 25 mediators accredited |\n")
    assert _q(text)[25] == ("mediators", "target", None)


def test_aims_list_after_a_blank_line_is_targets():
    text = "Over four years the initiative aims to:\n\n- equip 700 smallholder farmers with irrigation kits;\n"
    assert _q(text)[700][1] == "target"


def test_second_language_of_a_bilingual_text_is_not_counted_again():
    text = ("The project reached 2,300 fishers in the coastal districts and trained 45 extension officers "
            "for the cooperatives of the region.\n\n"
            "Version française\n\n"
            "**Communiqué | Dakar, le 3 avril 2024**\n\n"
            "Le projet a touché 2 300 pêcheurs dans les districts côtiers et a formé 45 agents de "
            "vulgarisation pour les coopératives de la région, dont 30 femmes âgées de 18 à 35 ans.\n")
    assert sorted(_q(text)) == [45, 2300]


def test_instalments_and_french_years_are_not_counts():
    assert _q("The grant is paid in 3 instalments over the period.") == {}
    assert _q("Il a travaillé pendant 12 ans au Sénégal, depuis le 6 mai 2012.") == {}


def test_key_figure_leading_its_line_with_an_acronym():
    text = ("Key results (cumulative to 30 June 2024)\n"
            "     45  TVET instructors certified in solar installation\n"
            "      6  national just transition plans adopted by the partner countries\n")
    got = _q(text)
    assert got[45] == ("TVET instructors", None, date(2024, 6, 30))
    assert got[6] == ("national just transition plans", None, date(2024, 6, 30))


def test_counts_of_instruments_ratified_and_in_force():
    text = ("By March 2024 the country had ratified 33 Conventions and 3 Protocols; "
            "29 Conventions are in force.")
    got = {(r["value"], r["qualifier"]) for r in extract(text)}
    assert got == {(33, "ratified"), (3, "ratified"), (29, "in force")}


def test_count_after_a_possessive_capitalised():
    assert _q("Their 250+ member cooperatives will host interns.")[250][:2] == ("member cooperatives", "more than")


def test_count_in_words_restated_in_digits():
    text = "The Council shall appoint twenty-four (24) assessors, with a target of\n two thousand (2,000) apprentices placed."
    got = _q(text)
    assert got[24][0] == "assessors" and got[2000][:2] == ("apprentices", "target")


def test_estimated_count_keeps_its_qualifier():
    assert _q("An estimated 7,500 street vendors lost income.")[7500][1] == "estimated"


def test_of_those_n_refers_back_to_the_count_n():
    text = "The scheme enrolled 85 fish processors last year. Of those 85, 52 were still active in June."
    assert _q(text)[52][0] == "fish processors"


def _asof(text):
    return {r["value"]: (str(r["as_of"]) if r["as_of"] else None) for r in extract(text)}


def test_a_dated_heading_over_a_blank_line_dates_the_table_or_list_below():
    text = ("## Progress\n\nFigures at a glance as of 31 March 2025\n\n"
            "| Indicator | Result |\n|---|---:|\n| Cooperatives registered | 48 |\n| Farmers trained | 1,320 |\n\n"
            "WHAT WE ACHIEVED (as at 30 June 2024)\n\n"
            "  75   fishers enrolled in the insurance pilot\n"
            " 410   households reached by cash transfers\n")
    got = _asof(text)
    assert got[48] == got[1320] == "2025-03-31"
    assert got[75] == got[410] == "2024-06-30"


def test_a_by_date_lead_in_dates_its_list():
    text = ("Progress so far.\n\nBy October 2023:\n  - 95 health workers had completed the course;\n"
            "  - 12 clinics had been refurbished.\n")
    got = _asof(text)
    assert got[95] == got[12] == "2023-10-01"


def test_a_paragraph_opening_with_as_of_and_a_paragraph_over_a_table():
    text = ("As of 15 May 2024, 730 apprentices had signed contracts. Eleven employers have joined "
            "the scheme.\n\nThe network of partners (as at 1 January 2025) is shown below.\n\n"
            "   Province            Budget (EUR)        Members\n"
            "   North                 2.5 million           34\n"
            "   South                 1.1 million           27\n"
            "   East                  0.9 million           19\n")
    got = _asof(text)
    assert got[11] == "2024-05-15"
    assert got[34] == got[27] == "2025-01-01"


def test_figures_are_as_of_a_date_for_the_whole_document():
    text = ("Project note, March 2025. All figures are as of 31 December 2024 unless stated otherwise.\n\n"
            "In its first year the project trained 410 mediators. During the 2024 season 2,200 vendors "
            "registered. In 2019 a pilot reached 90 markets.")
    got = _asof(text)
    assert got[410] == got[2200] == "2024-12-31"
    assert got[90] == "2019-01-01"        # (a year before it: the count's own)


def test_a_month_without_a_year_is_the_last_such_month_before_the_documents_date():
    text = "Posted 9 February 2025\n\nLooking back. By November, 640 drivers had enrolled in the scheme."
    assert _asof(text)[640] == "2024-11-01"


def test_present_perfect_count_after_another_clauses_year_holds_at_the_documents_date():
    text = ("News, 4 March 2024\n\nThe country became a member in 1992 and has ratified 14 Conventions. "
            "By 31 January 2024 the fund has paid 3,100 claims.")
    got = _asof(text)
    assert got[14] == "2024-03-04"
    assert got[3100] == "2024-01-31"


def test_results_table_with_an_indicator_column_and_phase_and_target_columns():
    text = ("| Indicator | Phase 1 | Phase 2 (to June 2025) | Programme target |\n"
            "|---|---|---|---|\n"
            "| Workers insured | 3,400 | 1,250 | 6,000 |\n"
            "| Certified assessment | 220 | 95 | 400 |\n"
            "| Average wage (USD) | 180 | 210 | 250 |\n")
    got = {(r["value"], r["unit"], r["qualifier"], str(r["as_of"]) if r["as_of"] else None) for r in extract(text)}
    assert (3400, "Workers", None, None) in got and (1250, "Workers", None, "2025-06-01") in got
    assert (6000, "Workers", "target", None) in got
    assert (220, "Certified assessment", None, None) in got and (400, "Certified assessment", "target", None) in got
    assert not any(v in (180, 210, 250) for v, *_ in got)


def test_a_bare_count_after_including_or_up_from_a_qualifier_takes_the_previous_noun():
    text = ("Posted 2 March 2025. The clinics served 5,200 patients in 2024, up from about 3,900 in 2023. "
            "The centre certified 90 welders, including 14 who passed the advanced level.")
    got = _q(text)
    assert got[3900] == ("patients", "about", date(2023, 1, 1))
    assert got[5200][2] == date(2024, 1, 1)
    assert got[14][0] == "welders"


def test_a_results_heading_with_one_year_dates_its_list_and_a_grouped_count_is_no_year():
    text = ("Key results of the partnership (selection, 2022)\n"
            "   - 38 labour inspectors were certified.\n\n"
            "   - 2,600 domestic workers joined the pension scheme.\n\n"
            "| Indicator | Result |\n|---|---:|\n| Apprentices placed | 1,985 |\n")
    got = _asof(text)
    assert got[38] == got[2600] == "2022-01-01"
    assert 1985 in got


def test_a_target_colon_inside_a_paragraph_marks_the_count_a_target():
    got = _q("The works cover three districts. The target: 1,800 local workers, half of them women.")
    assert got[1800][:2] == ("local workers", "target") and got[3][1] is None


def test_a_plain_text_results_matrix_gives_baselines_targets_and_results_at_the_stated_date():
    text = ("PROGRESS (as at 30 June 2023)\n"
            "Indicator                              Baseline    Target     Achieved\n"
            "                                       (2020)      (2024)     (Jun 2023)\n"
            "Savings groups registered                  5          40          31\n"
            "Women trained as paralegals                -         600         452\n"
            "Proportion of groups led by women (%)      -          60          58\n"
            "Data: field monitoring.\n")
    rows = {(r["value"], r["qualifier"]): r for r in extract(text)}
    assert rows[(5, "baseline")]["as_of"] == date(2020, 1, 1)
    assert (40, "target") in rows and (600, "target") in rows
    assert rows[(31, None)]["as_of"] == date(2023, 6, 30)
    assert rows[(452, None)]["unit"].lower().startswith("women")
    assert not any(v in (60, 58) for v, _ in rows)


def test_a_pipe_table_header_may_name_a_full_date_and_a_result_may_carry_a_note():
    text = ("| Indicator | Target (2026) | Achieved (as of 31 March 2025) |\n"
            "| Farmers using drip irrigation | 2,000 | 1,420 (38% women) |\n"
            "| Water user associations formed | 20 | 12 |\n")
    rows = {r["value"]: r for r in extract(text)}
    assert rows[1420]["as_of"] == date(2025, 3, 31)
    assert rows[12]["as_of"] == date(2025, 3, 31)
    assert rows[2000]["qualifier"] == "target"


def test_counts_under_a_results_heading_for_a_past_period_hold_at_its_last_year():
    text = ("Fact sheet | March 2025\n\n## Results 2018–2024\n\n"
            "- 35 countries adopted national employment policies\n\n"
            "## Results 2024–2027\n\n- 12 countries to be supported\n")
    rows = {r["value"]: r for r in extract(text)}
    assert rows[35]["as_of"] == date(2024, 1, 1)
    assert rows[12]["as_of"] is None


def test_by_mid_year_dates_the_counts_of_its_sentence():
    rows = {r["value"]: r for r in extract("By mid-2023 the project had trained 640 nurses and equipped 12 clinics.")}
    assert rows[640]["as_of"] == date(2023, 1, 1) and rows[12]["as_of"] == date(2023, 1, 1)


def test_a_will_lead_in_ending_a_paragraph_makes_its_blank_separated_list_targets():
    text = ("The programme works with district councils to improve road maintenance in the "
            "highlands. Over its four years it will:\n\n"
            "- employ 2,000 local workers on the roads;\n\n"
            "- train 120 small contractors in labour-based methods.\n\n"
            "In 2023 the first 35 contractors were trained.\n")
    rows = {r["value"]: r for r in extract(text)}
    assert rows[2000]["qualifier"] == "target" and rows[120]["qualifier"] == "target"
    assert rows[35]["qualifier"] is None


def test_a_key_figures_box_with_dot_leaders_gives_counts_at_its_heading_year():
    text = ("Some prose here.\n\nKey figures (2022)\n\n"
            "  Cooperatives supported with training ..................... 120\n"
            "  Women members registered ................ 3,400\n"
            "  Share of women in leadership (%) ........... 38\n\n"
            "Contents\n\n  Introduction ................ 3\n  Recommendations ............ 12\n")
    rows = {r["value"]: r for r in extract(text)}
    assert rows[120]["as_of"] == date(2022, 1, 1) and rows[3400]["unit"] == "Women members"
    assert 38 not in rows and 12 not in rows


def _by_value(text: str) -> dict:
    return {r["value"]: r for r in extract(text)}


def test_an_as_of_paragraph_ending_in_a_colon_dates_the_table_under_it():
    text = ("Project news.\n\nAs of 30 June 2023, the programme had reached the following results:\n\n"
            "| Indicator | Kenya | Uganda |\n| Cooperatives registered | 120 | 75 |\n\nMore text follows.\n")
    rows = _by_value(text)
    assert rows[120.0]["as_of"] == date(2023, 6, 30)
    assert rows[75.0]["as_of"] == date(2023, 6, 30)


def test_a_numbered_highlights_heading_and_a_progress_heading_date_their_lists():
    text = ("3. HIGHLIGHTS OF 2022\n\nResults reported for the year include:\n\n"
            "* Skills. Eleven provinces adopted the new curriculum.\n\n"
            "## Progress at 30 September 2021\n\n- 640 apprentices certified\n- 18 training centres upgraded\n")
    rows = _by_value(text)
    assert rows[11.0]["as_of"] == date(2022, 1, 1)
    assert rows[640.0]["as_of"] == date(2021, 9, 30)
    assert rows[18.0]["as_of"] == date(2021, 9, 30)


def test_targets_include_makes_every_count_of_its_clause_a_target():
    text = ("The new strategy was adopted in May. Its targets include 40,000 farmers reached by extension "
            "services and 600 cooperatives registered by 2030.")
    rows = _by_value(text)
    assert rows[40000.0]["qualifier"] == "target"
    assert rows[600.0]["qualifier"] == "target"


def test_numbers_found_from_their_possible_starts_are_the_scan_s():
    # the count scan tries NUM_RE only where a digit run or a number word starts: the same
    # matches as a scan of every offset, with capitals, hyphens, scale words, dotted and
    # grouped figures, Unicode digits and a FOLD_SPECIAL text (scanned whole)
    from flows.extract.quantities import NUM_RE, _number_matches
    base = ("Twenty-two ONE hundred thousand Seventy five often someone 1,240 15 000 workers 3.5 "
            "million x12 -4 ٣٤ (53) fifty-three Nineteen. Eight-year-old, eleven; 2024 and 7 "
            "sixty Ninety-Nine twelve thousand and ten ZERO tenants network\n")
    for text in (base, base + " \u017fix \u0131 thirty", base * 3):
        assert [m.span() for m in _number_matches(text)] == [m.span() for m in NUM_RE.finditer(text)]


def _rows(text: str) -> list[dict]:
    rows = extract(text)
    for r in rows:
        assert text[r["char_start"]:r["char_end"]] == r["evidence"]
    return rows


def test_a_results_matrix_ruled_off_from_its_header_counts_its_rows():
    text = ("Indicator                                Baseline    Target   Achieved\n"
            "                                           (2020)    (2024)  (Jun 2024)\n"
            "------------------------------------------------------------------------\n"
            "Health workers trained                        10       500        620\n"
            "Clinics equipped                               0        40         37\n"
            "------------------------------------------------------------------------\n")
    got = {(r["value"], r["unit"], r["qualifier"]): r["as_of"] for r in _rows(text)}
    assert got[(500, "Health workers", "target")] is None
    assert got[(620, "Health workers", None)] == date(2024, 6, 1)
    assert got[(37, "Clinics", None)] == date(2024, 6, 1)


def test_an_as_of_heading_in_a_text_box_dates_the_lines_of_the_box():
    text = ("+------------------------------------------------+\n"
            "| KEY FIGURES (as of 31 March 2025)              |\n"
            "|  2,300  nurses trained in infection control     |\n"
            "|     45  clinics refurbished                     |\n"
            "+------------------------------------------------+\n")
    assert {r["value"]: r["as_of"] for r in _rows(text)} == {2300: date(2025, 3, 31), 45: date(2025, 3, 31)}


def test_a_bracketed_target_after_a_count_is_a_target_of_the_same_noun():
    rows = _rows("The project has trained 1,200 inspectors (target by 2027: 1,500).")
    assert [(r["value"], r["unit"], r["qualifier"], r["as_of"]) for r in rows] == [
        (1200, "inspectors", None, None), (1500, "inspectors", "target", None)]


def test_of_them_after_a_dated_opening_points_back_to_the_sentence_before():
    rows = _rows("Japan has funded 23 experts since 2010. As of March 2024, seven of them were serving in Asia.")
    assert (7, "experts", date(2024, 3, 1)) in [(r["value"], r["unit"], r["as_of"]) for r in rows]


def test_a_by_date_lead_in_ending_a_paragraph_dates_the_list_and_bare_items_take_the_noun_above():
    text = ("The programme trains young people in solar installation with national partners. "
            "Its grant was extended in 2023. By March 2024:\n\n"
            "- 4,100 young people had completed training;\n"
            "- 2,050 had found a job within six months;\n"
            "- 90 trainers had been certified.\n")
    got = [(r["value"], r["unit"], r["as_of"]) for r in _rows(text)]
    assert got == [(4100, "young people", date(2024, 3, 1)), (2050, "young people", date(2024, 3, 1)),
                   (90, "trainers", date(2024, 3, 1))]


def test_counts_in_a_list_of_verbs_governed_by_an_aim_are_targets():
    rows = _rows("The programme aims to train 50 teachers in the capital, equip 14 schools across the "
                 "country, and write new curricula for six trades.")
    assert [(r["value"], r["qualifier"]) for r in rows] == [(50, "target"), (14, "target"), (6, "target")]
    rows = _rows("The project aims to train 40 instructors, and trained 50 more last year.")
    assert [(r["value"], r["qualifier"]) for r in rows] == [(40, "target")]


def test_an_objectives_heading_over_a_list_makes_its_counts_targets():
    text = "## Objectives\n\n- Equip 20 workshops with new tools;\n- Train 700 apprentices.\n\nMore 5 text.\n"
    assert {r["value"]: r["qualifier"] for r in _rows(text)} == {20: "target", 700: "target"}


def test_an_ese_demonym_is_a_plural_noun_and_an_adjective_before_its_noun():
    assert rows_of("Some 3,000 young Timorese are expected to benefit.") == [(3000, "young Timorese")]
    assert rows_of("It trained 18 Senegalese master craftsmen and trainers.") == [
        (18, "Senegalese master craftsmen and trainers")]


def test_a_count_a_year_earlier_holds_a_year_before_the_sentence_date():
    rows = _rows("At the end of 2023 the union had 1,200 members, up from 950 members a year earlier.")
    assert {r["value"]: r["as_of"] for r in rows} == {1200: date(2023, 12, 31), 950: date(2022, 12, 31)}


def test_lengths_and_rankings_are_not_counts():
    assert rows_of("The herders graze their flocks at heights above 3,500 metres.") == []
    assert rows_of("The crew dug the first twelve metres of the channel.") == []
    assert rows_of("Norway is one of the five biggest donors of the fund.") == []
    assert rows_of("It rehabilitated 85 kilometres of feeder roads.") == [(85, "kilometres")]


def test_a_bare_target_by_the_end_of_takes_the_noun_of_the_count_before():
    rows = _rows("So far 2,300 cooperatives were registered, against a target of 3,000 by the end of the phase.")
    assert [(r["value"], r["unit"], r["qualifier"]) for r in rows] == [
        (2300, "cooperatives", None), (3000, "cooperatives", "target")]


def test_a_second_verb_after_and_ends_the_counted_noun():
    assert rows_of("Last month the team ran three regional workshops and recruited new staff.") == [
        (3, "regional workshops")]
    assert rows_of("It assisted 500 migrants and displaced persons.") == [(500, "migrants and displaced persons")]


def test_a_two_column_glance_box_gives_counts_with_their_dates():
    text = ("KEY FACTS AT A GLANCE\n"
            "Member of the ILO since          1947\n"
            "Conventions in force             64 (as of March 2025)\n"
            "Lead ministry                    Ministry of Labour and Employment\n"
            "Budget contributions             1,250,000\n")
    rows = _rows(text)
    assert [(r["value"], r["unit"], r["as_of"]) for r in rows] == [(64, "Conventions", date(2025, 3, 1))]
    assert rows_of("Some text.\nActive partnerships       9\n") == []


def test_and_one_protocol_is_a_count_of_one():
    rows = _rows("The government has now ratified 41 Conventions and one Protocol.")
    assert [(r["value"], r["unit"], r["qualifier"]) for r in rows] == [
        (41, "Conventions", "ratified"), (1, "Protocol", "ratified")]
    assert rows_of("She came with three daughters and one bag.") == [(3, "daughters")]


def test_a_membership_of_n_counts_members():
    rows = _rows("The project backs 12 unions with a total membership of nearly 4,500.")
    assert [(r["value"], r["unit"], r["qualifier"]) for r in rows] == [
        (12, "unions", None), (4500, "members", "nearly")]


def test_a_count_stated_again_as_the_aim_is_one_fact():
    text = ("Key figures\n\nSmallholder groups\n\n240\n\n"
            "The project will organize 240 smallholder groups in the three provinces.")
    rows = _rows(text)
    assert [(r["value"], r["qualifier"]) for r in rows if r["value"] == 240] == [(240, None)]
    rows = _rows("It will train 8,000 young women and men. The plan aims to reach 8,000 young people.")
    assert [(r["value"], r["unit"]) for r in rows] == [(8000, "young people")]


def test_n_of_m_nouns_counts_the_part_and_the_whole():
    assert rows_of("By June, 12 of 30 pilot schools had adopted the plan.") == [
        (12, "pilot schools"), (30, "pilot schools")]
    assert rows_of("Decree 5 of 2021 applies.") == []


def test_the_number_of_x_has_passed_n_is_more_than_n():
    rows = _rows("Officials say the number of households relocated by the floods has passed 52,000.")
    assert [(r["value"], r["unit"], r["qualifier"]) for r in rows] == [(52000, "households", "more than")]


def test_a_definite_count_after_will_is_a_known_set_not_a_target():
    rows = _rows("The office will assist the 11 ECOWAS Member States in drafting the plan. "
                 "The office will assist 300 firms next year.")
    assert [(r["value"], r["qualifier"]) for r in rows] == [(11, None), (300, "target")]


def test_the_few_partners_of_an_agreement_are_not_a_count():
    assert rows_of("A steering group of the three partners will meet in June.") == []
    assert rows_of("The fund now has 14 partners.") == [(14, "partners")]
