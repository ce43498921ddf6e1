"""Plain-text tables: rows of cells with their offsets."""
from flows.extract.tables import find_tables, grid_tables, markdown_tables


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


def test_a_delimited_export_with_empty_fields_keeps_its_cells_offsets():
    text = ("Data export\n\nregion;title;funder;start;end;amount_eur\n"
            "Sahel;Decent jobs for herders;KfW;01.02.2021;31.01.2024;1250000\n"
            "Andes;Safer small mines;AECID;15.06.2022;14.06.2025;780000\n\nEnd of export.\n")
    [t] = find_tables(text)
    assert t.kind == "delimited" and t.names(text)[-1] == "amount_eur" and len(t.rows) == 2
    assert t.cell_text(text, t.rows[1], 1) == "Safer small mines"


def test_joined_rows_end_at_a_total_row_kept_only_when_asked():
    text = ("Table 4  Projects run by the council in 2021 Project       Funder     Period"
            "       Budget (EUR) Green ports       Norway     2020-2022      640,000 "
            "Safe harvests     Italy      2021-2023    1,100,000 Total"
            "                          1,740,000 Green ports. The project trained dockers.")
    [t] = find_tables(text)
    assert t.kind == "joined" and t.names(text) == ["project", "funder", "period", "budget (eur)"]
    assert [t.cell_text(text, t.rows[1], k) for k in range(4)] == [
        "Safe harvests", "Italy", "2021-2023", "1,100,000"]
    assert len(t.rows) == 2
    [t] = find_tables(text, totals=True)
    assert [t.cell_text(text, t.rows[2], k) for k in range(4)] == ["Total", "", "", "1,740,000"]


def test_markdown_tables_with_and_without_a_separator_line():
    text = ("Intro\n\n| Project | Budget (USD) |\n|---|---:|\n| Ports | 1,000 |\n| Mines | 2,000 |\n\n"
            "| Window | Partner |\n| Jobs | Norway |\n\n| 2021 | 2022 |\n| 5 | 6 |\n")
    (h1, b1), (h2, b2) = markdown_tables(text)
    assert [c[2].strip() for c in h1] == ["Project", "Budget (USD)"]
    assert [[c[2].strip() for c in row] for row in b1] == [["Ports", "1,000"], ["Mines", "2,000"]]
    assert text[b1[0][1][0]:b1[0][1][1]] == " 1,000 "     # cells as written between the pipes
    assert [c[2].strip() for c in h2] == ["Window", "Partner"] and len(b2) == 1
    assert markdown_tables("no table here") == ()


def test_an_html_table_header_may_name_years():
    from flows.extract.tables import markdown_tables
    text = "| Partner | 2020 | 2021 | Total 2020–2021 |\n| Union A | 300 | 450 | 750 |\n"
    (header, body), = markdown_tables(text)
    assert [c[2].strip() for c in header] == ["Partner", "2020", "2021", "Total 2020–2021"]
    assert text.count("\n") == 1 + len(body)


def test_a_first_row_starting_with_a_year_is_no_header():
    from flows.extract.tables import markdown_tables
    assert markdown_tables("| 2019 | Signed MoU |\n| 2021 | Launched plan |\n") == ()


def test_grid_table_with_a_header_over_two_lines():
    text = ("+-----------+---------+--------+\n"
            "| Item      | Planned | Spent  |\n"
            "|           | cost    | so far |\n"
            "+===========+=========+========+\n"
            "| Training  |  40,000 | 12,500 |\n"
            "+-----------+---------+--------+\n")
    ((header, body),) = grid_tables(text)
    assert [c[2] for c in header] == ["Item", "Planned cost", "Spent so far"]
    assert [c[2].strip() for c in body[0]] == ["Training", "40,000", "12,500"]
    assert text[body[0][1][0]:body[0][1][1]].strip() == "40,000"


def test_grid_table_with_borders_joined_to_the_rows_by_a_reader():
    text = ("+------+------+------+\n| Line | Plan | Cost |\n|      | A    | B    | +------+------+------+\n"
            "| Rent |  900 |  850 | +------+------+------+\n| Fuel |  300 |  310 |\n"
            "+------+------+------+ Note: costs are provisional.\n")
    ((header, body),) = grid_tables(text)
    assert [c[2] for c in header] == ["Line", "Plan A", "Cost B"]
    assert [[c[2].strip() for c in row] for row in body] == [["Rent", "900", "850"], ["Fuel", "300", "310"]]


def test_a_very_wide_aligned_table_takes_linear_time():
    """A header and rows of thousands of gap-separated cells (a broken export): each cell finds
    its column by binary search, not by scanning every column."""
    from linear import grows_linearly

    def make(n):
        head = "   ".join(["Project"] + ["Country"] * n)
        return "\n".join([head] + ["   ".join(["x1"] * (n + 1))] * 5) + "\n"

    ok, a, b = grows_linearly(find_tables, make, 600)
    assert ok, f"{a:.3f}s at n, {b:.3f}s at 8n"


def test_a_pipe_header_without_separator_may_name_a_full_date():
    text = ("| Indicator | Target (2026) | Achieved (as of 31 March 2025) |\n"
            "| Water user associations formed | 20 | 12 |\n")
    tables = markdown_tables(text)
    assert len(tables) == 1 and len(tables[0][1]) == 1


def test_a_row_whose_text_cell_wraps_onto_a_second_line_keeps_the_table_going():
    text = ("Region      Initiative                          Years\n"
            "North       Clean water for small towns and     2020-2022\n"
            "            their markets\n"
            "South       Safer mines                         2021-2024\n"
            "            with a long tail that ends it\n"
            "A closing remark.\n")
    [t] = find_tables(text)
    assert cells(text, t) == [["North", "Clean water for small towns and", "2020-2022"],
                              ["South", "Safer mines", "2021-2024"]]
