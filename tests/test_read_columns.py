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
