"""PDF text layers that set two columns side by side on each line, and key-facts boxes:
the reader gives each column's paragraphs in reading order and keeps 'Label: value' lines
and broken capitals headings whole (flows/read.py: split_columns, reflow)."""
from flows.read import pdf_to_text, reflow, split_columns

LEFT = ["Around 4.1 million women work in the garment",
        "sector of the region, most of them without a",
        "written contract. Wages rose by 6 per cent in",
        "2022, less than prices.",
        "Inspections doubled between 2020 and 2023,",
        "but fines remain rare."]
RIGHT = ["The survey covered 1,900 workers in three",
         "countries and was carried out between May",
         "and August 2023 by national statistics",
         "offices, with support from the European",
         "Union.",
         ""]


def _side_by_side(left, right, gutter=52):
    return [f"{a:<{gutter}}{b}".rstrip() for a, b in zip(left, right)]


def test_two_columns_side_by_side_are_read_column_after_column():
    page = ["OVERVIEW                                            METHOD", *_side_by_side(LEFT, RIGHT)]
    text = pdf_to_text(["\n".join(page)])
    assert "Around 4.1 million women work in the garment sector of the region" in text
    assert "The survey covered 1,900 workers in three countries and was carried out" in text
    assert text.index("but fines remain rare.") < text.index("The survey covered")


def test_a_line_of_the_right_column_alone_joins_its_column():
    right = RIGHT[:4] + ["Union, and checked by two independent", "reviewers."]
    page = _side_by_side(LEFT[:4], right[:4]) + [" " * 52 + right[4], " " * 52 + right[5]]
    text = "\n".join(split_columns(page))
    assert "European Union, and checked by two independent reviewers." in " ".join(text.split())


def test_aligned_tables_and_label_lists_are_not_taken_for_columns():
    table = ["Project                    Donor            Budget",
             "Decent Jobs for Youth      Norway           2,500,000",
             "Green Skills               Sweden           1,200,000",
             "Safe Migration             Australia        3,100,000",
             "Care Economy               Canada           900,000",
             "Fair Recruitment           EU               4,000,000"]
    assert split_columns(table) == table
    labels = [f"{k:<30}{v}" for k, v in [("Budget:", "US$ 2 million"), ("Donor:", "Norway"),
                                          ("Duration:", "2021-2024"), ("Partners:", "ministries"),
                                          ("Coverage:", "three provinces"), ("Contact:", "a@b.org")]]
    assert split_columns(labels) == labels


def test_label_lines_of_a_key_facts_box_stay_on_their_own_lines():
    lines = ["Donor: Government of Norway, through its",
             "embassy in Addis Ababa",
             "Budget: US$ 3.4 million",
             "Duration: 2021-2024"]
    out = reflow([lines], furniture="none", slack=0.8, keep_labels=True)
    assert "Donor: Government of Norway, through its embassy in Addis Ababa" in out
    assert "\nBudget: US$ 3.4 million\nDuration: 2021-2024" in out


def test_a_capitals_heading_broken_over_two_lines_is_one_heading():
    lines = ["SKILLS FOR THE GREEN TRANSITION IN THE", "WESTERN BALKANS (GREEN-WB)",
             "The project trains young people.", "", "PARTNERSHIP FOR INDO-", "NESIA",
             "Indonesia and the ILO agree.", "", "SOUTH-", "SOUTH COOPERATION"]
    out = reflow([lines], furniture="none")
    assert "SKILLS FOR THE GREEN TRANSITION IN THE WESTERN BALKANS (GREEN-WB)" in out
    assert "PARTNERSHIP FOR INDONESIA" in out  # the document writes the word whole elsewhere
    assert "SOUTH-SOUTH COOPERATION" in out


def test_aligned_label_lines_of_an_information_block_keep_their_own_lines():
    # a value wrapped onto an indented line, then the next label: the label starts its line
    page = ["PROGRAMME DETAILS",
            "Programme name:       Better Jobs in the Garment Sector of the Lower Mekong Basin and",
            "                      its Supplier Towns (BETTER GARMENTS)",
            "Funding partner:      Norwegian Agency for Development Cooperation (Norad)",
            "Total budget:         NOK 40,000,000 (about USD 3,800,000 at the signing date of it)",
            "Duration:             1 January 2023 - 31 December 2026",
            "", "The programme works with factories and unions in two countries of the region."]
    lines = pdf_to_text(["\n".join(page * 1)]).split("\n")
    assert "Funding partner:      Norwegian Agency for Development Cooperation (Norad)" in lines
    assert any(x.startswith("Total budget:") and x.endswith("of it)") for x in lines)
    assert any(x.startswith("Programme name:") and x.endswith("(BETTER GARMENTS)") for x in lines)


def test_a_numbered_section_heading_after_a_sentence_is_not_joined_to_it():
    lines = ["The regional office backstops the work of nine country offices and of two project",
             "teams in the subregion, whose results are summarised in the sections that follow.",
             "3.2 Cambodia",
             "Portfolio: four projects with a total budget of USD 7.9 million, most of them in the",
             "garment sector, and one on social protection for workers of the informal economy.",
             "The largest of them is funded by the European Union and runs until the end of 2026."]
    text = reflow([lines], furniture="none", slack=0.8, paragraph_after_stop=True)
    assert "\n3.2 Cambodia\n" in text
    # a section number inside a sentence stays in it
    text = reflow([["The results of the first phase are described in more detail in section",
                    "3.2 Cambodia and in the annex on the second phase of the programme there.",
                    "A last short line."]], furniture="none", slack=0.8)
    assert "section 3.2 Cambodia" in text


def test_a_short_heading_between_paragraphs_of_a_pdf_keeps_its_own_line():
    para1 = ["The programme worked with the ministries of labour of both countries and with the",
             "employers' and workers' organizations of the sector, and it ended on 30 June 2024."]
    para2 = ["Twelve cooperatives were formalized and registered with the national authorities",
             "during the second year, and their members joined the social security scheme then."]
    text = pdf_to_text(["\n".join(para1 + ["Main findings"] + para2 + ["III. Partnerships"] + para2)])
    lines = text.split("\n")
    assert "Main findings" in lines and "III. Partnerships" in lines
    assert not any(x.endswith("2024. Main findings") for x in lines)
    # the last line of a paragraph ends with a full stop: it is no heading and stays joined
    text = pdf_to_text(["\n".join(para1[:1] + ["employers' and workers' organizations of the sector, and it ended in",
                                               "Geneva and Turin."] + para2)])
    assert "and it ended in Geneva and Turin.\n" in text


def test_a_pdf_table_set_out_in_columns_keeps_its_rows():
    page = ["Table 2. Contributions received in 2023",
            "Partner                             Contribution (USD)              Share of total (%)",
            "Norway                                       3,100,000                            41.0",
            "Sweden                                       2,400,000                            31.7",
            "Japan                                        2,060,000                            27.3",
            "The three partners together provided all of the voluntary funding of the programme in",
            "the year, as in the two years before it, and they have confirmed their support to 2026."]
    lines = pdf_to_text(["\n".join(page)]).split("\n")
    assert "Sweden                                       2,400,000                            31.7" in lines
    assert lines[0] == "Table 2. Contributions received in 2023"


def test_a_slides_short_heading_between_two_lists_keeps_its_own_line():
    page = ["RESULTS BY PRIORITY",
            "Priority 1 - Jobs and skills for young people in the three northern provinces",
            "  • 1,200 apprentices placed with employers in the garment and tourism sectors",
            "  • Revised apprenticeship regulation adopted by the Council of Ministers, May 2024",
            "Priority 2 - Social protection",
            "  • 35,000 informal workers registered with the social insurance fund so far",
            "Budget still to be raised for the second half: about US$ 4 M (mostly Priority 2)",
            "Next steps",
            "  • Validation workshop with the social partners and the ministry in January 2025",
            "The review found the programme on track in two of its three priorities, and it",
            "recommended that the partners raise the rest of the budget before the end of 2025."]
    lines = pdf_to_text(["\n".join(page)]).split("\n")
    assert "Priority 2 - Social protection" in lines and "Next steps" in lines
    # a list item's wrapped second line still joins it
    text = pdf_to_text(["\n".join(page[:2] + ["  • 1,200 apprentices placed with employers in the garment and tourism sectors of the",
                                             "three provinces", "  • 35 trainers certified"])])
    assert "tourism sectors of the three provinces\n" in text


def test_a_plain_text_card_in_two_columns_is_read_column_after_column(tmp_path):
    from pathlib import Path

    from flows.read import read_document

    left = ["AT A GLANCE", "-" * 30, "Member since ............ 1960",
            "Conventions ratified .... 44", *LEFT]
    right = [*RIGHT[:5], "", "The next survey is planned for 2026 and will",
             "cover the same three countries with a larger", "sample of workers and of firms.", ""]
    wide = ["The committee met twice in the year and agreed on the work plan for the next two years,",
            "with a focus on inspections, on wages and on the rights of workers in the garment",
            "sector, where most workers are women and most of them are without a written contract."]
    page = ["COUNTRY CARD", "=" * 90, *_side_by_side(left, right, gutter=48), "", *wide]
    path = tmp_path / "card.txt"
    path.write_text("\n".join(page) + "\n", encoding="utf-8")
    text = read_document(path, tmp_path)["text"]
    assert "The survey covered 1,900 workers in three countries and was carried out" in text
    # dot-leader lines keep their own lines instead of running into one another
    assert "Member since ............ 1960\n" in text


def test_a_plain_text_attendance_table_is_not_taken_for_two_columns(tmp_path):
    from flows.read import read_document

    rows = [f"  {name:<28}{role}" for name, role in [
        ("Mr. Adam Brown", "Minister of Labour and Social Affairs (Chair)"),
        ("Ms. Carla Diaz", "Chief Director, Ministry of Labour"),
        ("Mr. Emil Fors", "Secretary-General, National Trade Union Centre"),
        ("Ms. Greta Holm", "President, National Employers' Federation"),
        ("Mr. Ivan Jovic", "Executive Director, Employers' Federation"),
        ("Ms. Kira Lund", "Programme Officer, ILO Country Office for the region")]]
    path = tmp_path / "minutes.txt"
    path.write_text("PRESENT\n" + "\n".join(rows) + "\n\nThe meeting opened at 10:00 with a long "
                    "review of the matters arising from the previous meeting of the committee.\n",
                    encoding="utf-8")
    text = read_document(path, tmp_path)["text"]
    assert "Mr. Adam Brown              Minister of Labour and Social Affairs (Chair)" in text


def test_a_field_with_one_space_after_its_label_starts_its_own_line_in_a_key_facts_box():
    # 'Implementing unit: ...' is written with one space, but follows aligned fields whose
    # values fill the line: it is the next field, not the wrap of the countries
    page = ["KEY FACTS",
            "Duration:       36 months (1 March 2023 - 28 February 2026), with a no-cost extension",
            "Countries:      Malawi, Mozambique, Zambia and the United Republic of Tanzania",
            "Implementing unit: ILO Country Office for Zambia, Malawi and Mozambique (CO-Lusaka)",
            "", "The project works with cooperatives and unions in the four countries."]
    lines = pdf_to_text(["\n".join(page)]).split("\n")
    assert "Countries:      Malawi, Mozambique, Zambia and the United Republic of Tanzania" in lines
    assert any(x.startswith("Implementing unit:") for x in lines)


def test_a_bracket_left_open_at_a_line_end_goes_on_on_the_next_line():
    # a title whose acronym is broken over two lines, and an acronym in capitals that ends
    # a sentence on a line of its own: neither is a heading
    page = ["Better Work for Seasonal Farm Labour in the Southern Cone Region Countries (BW-",
            "SOUTHCONE)",
            "Period: 2021-2025. Countries: Argentina, Chile and Uruguay, with three partners.",
            "The review was chaired by the Director of the ILO Department of Statistics and Data",
            "(STATISTICS).",
            "It met again in 2024 with the employers' and workers' groups of the three countries."]
    lines = pdf_to_text(["\n".join(page)]).split("\n")
    assert "Better Work for Seasonal Farm Labour in the Southern Cone Region Countries (BW-SOUTHCONE)" in lines
    assert any(x.endswith("Department of Statistics and Data (STATISTICS).") for x in lines)
    # 'from 2021-' + '2026)' keeps its hyphen without a space
    text = reflow([["The agreement runs until the end of the second phase of the programme (2021-",
                    "2026) and covers three countries of the region in full."]], furniture="none")
    assert "(2021-2026)" in text
