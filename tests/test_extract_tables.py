"""Plain-text tables: rows of cells with their offsets."""
from flows.extract.tables import find_tables


def cells(text, table):
    return [[text[c[0]:c[1]] if c else None for c in row] for row in table.rows]


def test_semicolon_export_rows():
    text = ("Portfolio export\n\nregion;title;funder;budget\n"
            "North;Water for Towns;Acme Fund;120000\n"
            "South;Roads to Markets;Beta Trust;95000\n\nNotes follow.\n")
    [t] = find_tables(text)
    assert t.kind == "delimited" and t.names(text) == ["region", "title", "funder", "budget"]
    assert cells(text, t) == [["North", "Water for Towns", "Acme Fund", "120000"],
                              ["South", "Roads to Markets", "Beta Trust", "95000"]]


def test_comma_needs_two_rows_and_prose_is_no_table():
    assert find_tables("We met Anna, Ben, Carla and Dev.\nThen, later, we left.\n") == []


def test_space_aligned_columns_under_a_header():
    text = ("Name                  Funder      Years\n"
            "Clean Harbours        Acme        2020-2022\n"
            "Safer Mines Pilot     Beta        2021-2024\n")
    [t] = find_tables(text)
    assert t.kind == "aligned"
    assert cells(text, t) == [["Clean Harbours", "Acme", "2020-2022"], ["Safer Mines Pilot", "Beta", "2021-2024"]]


def test_rows_joined_into_one_paragraph_by_a_reader():
    text = ("Table 2  Our work in 2022 Initiative        Partner      Years        Cost (EUR) "
            "Clean Harbours (CH)      Acme      2020-2022      150,000 Safer Mines Pilot      Beta      "
            "2021-2024      2,300,000 Total          2,450,000 More text follows here.")
    [t] = find_tables(text)
    assert t.kind == "joined" and t.names(text) == ["initiative", "partner", "years", "cost (eur)"]
    assert cells(text, t) == [["Clean Harbours (CH)", "Acme", "2020-2022", "150,000"],
                              ["Safer Mines Pilot", "Beta", "2021-2024", "2,300,000"]]


def test_offsets_point_into_the_text():
    text = "a;b;c\nx;y;z\n"
    [t] = find_tables(text)
    assert [text[s:e] for s, e in t.header] == ["a", "b", "c"]
