"""Country mentions: the countries a text names, as ISO 3166 alpha-3 codes."""
from flows.extract.countries import country_table, extract, lookup_country


def isos(text: str) -> list[str]:
    return [r["iso3"] for r in extract(text)]


def test_every_row_is_grounded_in_the_text():
    text = ("In 2013, China and the ILO worked in Cambodia and Lao People's Democratic\n"
            "Republic (PDR), then with the United Republic of\nTanzania and Viet Nam.")
    rows = extract(text)
    assert rows
    for r in rows:
        assert r["evidence"] == text[r["char_start"]:r["char_end"]]
        assert r["rule"]
    assert isos(text) == ["CHN", "KHM", "LAO", "TZA", "VNM"]


def test_names_documents_use_for_awkward_countries():
    assert isos("Lao PDR, Viet Nam, Türkiye and Turkey") == ["LAO", "VNM", "TUR", "TUR"]
    assert isos("Hong Kong SAR and Macau, and Macao") == ["HKG", "MAC", "MAC"]
    assert isos("Cabo Verde, Côte d’Ivoire, Czechia, Swaziland/Eswatini") == [
        "CPV", "CIV", "CZE", "SWZ", "SWZ"]
    assert isos("Russia, Iran, Syria, Bolivia, Venezuela and Moldova") == [
        "RUS", "IRN", "SYR", "BOL", "VEN", "MDA"]
    assert isos("the United States, the USA, the U.S. and the UK") == ["USA", "USA", "USA", "GBR"]


def test_longest_name_wins():
    assert isos("the Republic of Korea") == ["KOR"]
    assert isos("the Democratic People's Republic of Korea") == ["PRK"]
    assert isos("the Democratic Republic of the Congo") == ["COD"]
    assert isos("Guinea-Bissau, Papua New Guinea and Equatorial Guinea") == ["GNB", "PNG", "GNQ"]
    assert isos("Guinea and Guinea-Bissau") == ["GIN", "GNB"]
    assert isos("Niger and Nigeria") == ["NER", "NGA"]
    assert isos("South Sudan") == ["SSD"]


def test_korea_inside_an_organization_name_is_still_korea():
    assert isos("the Human Resources Development Service of Korea (HRD Korea)") == ["KOR", "KOR"]
    assert isos("the Japan International Cooperation Agency (JICA)") == ["JPN"]


def test_money_and_small_words_are_not_countries():
    assert isos("It paid US$ 80 million and 5 million U.S. dollars.") == []
    assert isos("In 2020 Mr Smith met Ms In and the Chinese government.") == []
    assert isos("CONTACT US") == []
    assert isos("the US government") == ["USA"]


def test_all_china_federation_is_not_china():
    assert isos("the All-China Federation of Trade Unions (ACFTU)") == []


def test_demonyms_and_longer_words_are_not_names():
    assert isos("Syrian refugees, Jordanians and Brazilian experts; Afro-Brazilian") == []


def test_places_that_contain_a_country_name():
    assert isos("New Mexico, the South China Sea, the Gulf of Guinea") == []


def test_capital_letter_headings_and_postal_lines():
    assert isos("BRAZIL AND THE ILO") == ["BRA"]
    assert isos("ILO PROJECT FACT SHEET | INDIA | January 2023") == ["IND"]
    assert isos("Route des Morillons 4\nCH-1211 Geneva 22 Switzerland") == ["CHE"]


def test_lookup_country_resolves_one_name():
    assert lookup_country("Lao PDR") == "LAO"
    assert lookup_country("Kenya") == "KEN"
    assert lookup_country("the Philippines") == "PHL"
    assert lookup_country("VIET NAM") == "VNM"
    assert lookup_country("Lao People's Democratic Republic (PDR)") == "LAO"
    assert lookup_country("Asia and the Pacific") is None
    assert lookup_country("ILO") is None
    assert lookup_country("") is None


def test_country_table_has_every_iso_country_with_its_m49_region():
    table = {r["iso3"]: r for r in country_table()}
    assert len(table) >= 249
    assert table["KOR"]["name"] == "Republic of Korea"
    assert {table[c]["region"] for c in ("BRA", "USA")} == {"Americas"}
    assert table["TUR"]["region"] == "Asia" and table["CYP"]["region"] == "Asia"
    assert table["RUS"]["region"] == "Europe"
    assert table["KEN"]["region"] == "Africa" and table["FJI"]["region"] == "Oceania"
    regions = {r["region"] for r in table.values()}
    assert regions == {"Africa", "Americas", "Asia", "Europe", "Oceania", None}
    assert [c for c, r in table.items() if r["region"] is None] == ["ATA"]


def test_long_hostile_text_takes_linear_time():
    from linear import grows_linearly

    def make(n):
        return "Guinea-" * n + "Republic of " * n + " " * (5 * n) + "United " * n
    ok, small, large = grows_linearly(extract, make, 2_500)
    assert ok, (small, large)


def test_hashtags_that_run_a_country_name_together():
    text = "Thanks to #Japan for support in #LaoPDR and #SriLanka! #DecentWork #NewZealand"
    assert [r["iso3"] for r in extract(text)] == ["JPN", "LAO", "LKA", "NZL"]
    assert all(text[r["char_start"]:r["char_end"]] == r["evidence"] for r in extract(text))


def test_cities_and_companies_named_after_a_country_are_not_the_country():
    assert extract("The workshop took place in Port of Spain last week.") == []
    assert extract("Funds came from Japan Tobacco International (JTI).") == []
    assert [r["iso3"] for r in extract("the Japan International Cooperation Agency and the "
                                       "Government of Japan")] == ["JPN", "JPN"]


def test_a_city_named_after_its_country_is_a_city():
    text = "Trainers met in Panama City and later in Benin City; Panama hosts the hub."
    assert [(r["iso3"], r["evidence"]) for r in extract(text)] == [("PAN", "Panama")]
    assert [r["iso3"] for r in extract("Vatican City")] == ["VAT"]
