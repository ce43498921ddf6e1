"""Contacts: e-mail addresses, web addresses and phone numbers, one fact each."""
from flows.extract.contacts import extract


def facts(text: str) -> list[tuple[str, str]]:
    return [(r["kind"], r["value"]) for r in extract(text)]


CONTACT_BLOCK = """Contact details

ILO Office for Brazil
Setor de Embaixadas Norte, Lote 35
Brasília - DF, 70800-400, Brazil
Tel: +55 61 2106 4600
E-mail: Brasilia@ILO.org
www.ilo.org/brasilia.
"""


def test_contact_block():
    assert facts(CONTACT_BLOCK) == [
        ("address", "Setor de Embaixadas Norte, Lote 35, Brasília - DF, 70800-400, Brazil"),
        ("phone", "+55 61 2106 4600"),
        ("email", "brasilia@ilo.org"),
        ("url", "www.ilo.org/brasilia"),
    ]


def test_every_row_is_grounded_in_the_text():
    text = CONTACT_BLOCK + "[Ilo.org/x](https://ilo.org/x) T: +41 79 593 1355"
    for r in extract(text):
        assert r["evidence"] == text[r["char_start"]:r["char_end"]]
        assert r["rule"]


def test_markdown_link_is_one_fact_and_prefers_the_visible_address():
    text = "[Ilo.org/china-ilo-partnership](https://ilo.org/china-ilo-partnership)"
    rows = extract(text)
    assert [(r["kind"], r["value"]) for r in rows] == [("url", "ilo.org/china-ilo-partnership")]
    assert rows[0]["evidence"] == "Ilo.org/china-ilo-partnership"


def test_link_with_plain_text_gives_its_target():
    text = "the [Ministry of Employment and Labor (MOEL)](https://www.moel.go.kr/english/)"
    assert facts(text) == [("url", "https://www.moel.go.kr/english/")]
    assert facts("the [BRICS Knowledge series](#) (2021)") == []


def test_email_domain_is_not_a_url():
    assert facts("E: beijing@ilo.org and partnerships@ilo.org") == [
        ("email", "beijing@ilo.org"), ("email", "partnerships@ilo.org")]
    assert facts("[x@y.org](mailto:x@y.org)") == [("email", "x@y.org")]


def test_bare_domains_but_not_file_names_or_abbreviations():
    assert facts("South-South cooperation: southsouthpoint.net") == [
        ("url", "southsouthpoint.net")]
    assert facts("see README.md, e.g. i.e. the U.S. and No.29 and 1.2 million.See") == []


def test_url_loses_trailing_punctuation():
    assert facts("Visit **www.ilo.org/asia**. Or (https://ilo.org/y).") == [
        ("url", "www.ilo.org/asia"), ("url", "https://ilo.org/y")]


def test_phone_numbers_as_written():
    assert facts("T: +41 79 593 1355") == [("phone", "+41 79 593 1355")]
    assert facts("Tel.: +961 1 752 400") == [("phone", "+961 1 752 400")]
    assert facts("Phone (022) 799 6111") == [("phone", "(022) 799 6111")]
    assert facts("Tel: +66 2 288 1234 · Email: bangkok@ilo.org") == [
        ("phone", "+66 2 288 1234"), ("email", "bangkok@ilo.org")]
    assert facts("call her on +91 11 4750 9200.") == [("phone", "+91 11 4750 9200")]


def test_years_and_percentages_are_not_phones():
    assert facts("In 2019-2023 spending rose +20 per cent; 2,300 women; (2018-2022)") == []


def test_a_contact_written_twice_is_one_fact():
    text = "Email: delhi@ilo.org ... write to Delhi@ilo.org; www.ilo.org/x and https://ilo.org/x/"
    assert facts(text) == [("email", "delhi@ilo.org"), ("url", "www.ilo.org/x")]


def test_long_hostile_text_takes_linear_time():
    from linear import grows_linearly

    def make(n):
        return "a@" * n + ".org" * n + "[" * (2 * n) + "+1" * n + "x." * n
    ok, small, large = grows_linearly(extract, make, 6_000)
    assert ok, (small, large)


def test_bracketed_area_code_on_a_contact_line_is_a_phone():
    assert facts("Press desk - press@example.org - (03) 9123 4567") == [
        ("email", "press@example.org"), ("phone", "(03) 9123 4567")]
    # alone in running text it is not taken
    assert facts("Table row (01) 2345 6789 shows the values") == []


def test_trunk_prefixed_national_number_on_a_contact_line_is_a_phone():
    assert facts("Help desk: Visitor Service, 0161 496 0452, desk@example.org.uk") == [
        ("phone", "0161 496 0452"), ("email", "desk@example.org.uk")]
    # not alone in running text, nor a figure with decimals
    assert facts("The ratio went from 0 250 300 in the table") == []
    assert facts("Scores 0.5 100 200, see www.example.org") == [("url", "www.example.org")]


def test_one_line_postal_address_after_an_organization_name():
    text = "Project office: ACME Trust, Calle Mayor 18, 28013 Madrid, Spain · info@acme.example.org"
    rows = [(r["kind"], r["value"]) for r in extract(text)]
    assert ("address", "Calle Mayor 18, 28013 Madrid, Spain") in rows
    text = "Field office · UN Compound, Block C-4/1, Kabul · +93 20 123 4567"
    assert ("address", "UN Compound, Block C-4/1, Kabul") not in [(r["kind"], r["value"]) for r in extract(text)]
    text = "Regional office, Tenth Floor, Sunrise Tower, 77 Harbour Road, Colombo 3, Sri Lanka. Tel. +94 11 234 5678"
    assert ("address", "Tenth Floor, Sunrise Tower, 77 Harbour Road, Colombo 3, Sri Lanka") in \
        [(r["kind"], r["value"]) for r in extract(text)]


def test_prose_and_figures_with_commas_are_not_addresses():
    for text in ("In 2023, Kenya, Uganda, Tanzania", "Total | 2,100,000 | 3,000, 4",
                 "In 2023, 12 Members, Geneva and Paris met.", "Budget: 1,200, 3,400, 5,600"):
        assert [r for r in extract(text) if r["kind"] == "address"] == []


def test_an_address_over_lines_above_a_phone_line_is_one_address():
    from flows.extract.contacts import extract

    text = ("Contact\nRegional Programme Office\nBuilding 4, Avenida Central\nSan José 10104, Costa Rica\n"
            "Tel: +506 2207 8700\n")
    rows = [r for r in extract(text) if r["kind"] == "address"]
    assert [r["value"] for r in rows] == ["Building 4, Avenida Central, San José 10104, Costa Rica"]
    assert all(text[r["char_start"]:r["char_end"]] == r["evidence"] for r in rows)


def test_lines_above_a_phone_line_without_a_country_or_a_street_are_no_address():
    from flows.extract.contacts import extract

    for text in ("Ms Ana Ruiz\nProgramme Officer, Lima Office\nTel: +51 1 615 0300\n",
                 "The workshop took place in San José, Costa Rica.\nEmail: info@example.org\n",
                 "Regional Programme Office\nSan José, Costa Rica\nTel: +506 2207 8700\n"):
        assert not [r for r in extract(text) if r["kind"] == "address"], text


def _addresses_of(text):
    rows = [r for r in extract(text) if r["kind"] == "address"]
    assert all(text[r["char_start"]:r["char_end"]] == r["evidence"] for r in rows)
    return [r["value"] for r in rows]


def test_a_numbered_street_then_a_city_with_its_postcode_is_an_address():
    assert _addresses_of("Press desk · press@x.org · 12 rue des Lilas, 69003 Lyon · www.x.org") == [
        "12 rue des Lilas, 69003 Lyon"]
    assert _addresses_of("Project office: GREENJOBS, 18 Amir Temur Avenue, Samarkand 140100 · info@gj.org") == [
        "18 Amir Temur Avenue, Samarkand 140100"]
    # two parts without a street word or a postcode: no address
    assert _addresses_of("He lives at 12 Main Street, Boston.") == []
    assert _addresses_of("We met 12 partners, 4 donors in 2023, and 6 others.") == []


def test_an_address_line_ending_in_a_comma_goes_on_on_the_next_line():
    text = "Questions: a@b.org\nILO Office for the Pacific, FNPF Place, 8 Victoria Parade,\nSuva, Fiji\n\nEND"
    assert _addresses_of(text) == ["FNPF Place, 8 Victoria Parade, Suva, Fiji"]


def test_one_address_line_above_a_phone_line():
    text = "Contact:\nJane Doe, Press Officer\nLabour House, Church Street, Kampala, Uganda\nTel: +256 41 234 567\n"
    assert _addresses_of(text) == ["Labour House, Church Street, Kampala, Uganda"]


def test_a_part_starting_with_a_building_word_and_a_floor():
    assert _addresses_of("Ministry of Labour — Immeuble Horizon, 4e étage, Abidjan, Senegal\n") == [
        "Immeuble Horizon, 4e étage, Abidjan, Senegal"]


def test_an_office_park_and_block_before_the_street():
    assert _addresses_of("  Riverside Office Park, Block B, 12 Main Road, Hatfield, Pretoria 0083\n") == [
        "Riverside Office Park, Block B, 12 Main Road, Hatfield, Pretoria 0083"]


def test_a_street_named_with_a_suffix_and_a_postcode_city_between_dashes():
    assert _addresses_of("Press Office, Friedrichstraße 108, 10117 Berlin - press@example.de\n") == [
        "Friedrichstraße 108, 10117 Berlin"]


def test_a_street_with_an_elided_article():
    assert _addresses_of("Ministry: Directorate, 12, rue de l'Église, L-2540 Luxembourg; tel. 1\n") == [
        "12, rue de l'Église, L-2540 Luxembourg"]


def test_a_dash_inside_a_street_name_does_not_cut_the_address():
    assert _addresses_of("Contact us at\nPlot 9 Mengo - Kabuusu Road, P.O. Box 120, Kampala, Uganda\n") == [
        "Plot 9 Mengo - Kabuusu Road, P.O. Box 120, Kampala, Uganda"]


def test_an_address_going_on_on_the_next_line_up_to_a_dash_before_a_web_address():
    text = "Regional team for the Sahel, Riverside Office Park, Block A,\n7 Canal Road, Niamey, Niger - www.example.org\n"
    assert _addresses_of(text) == ["Riverside Office Park, Block A, 7 Canal Road, Niamey, Niger"]


def test_a_date_and_time_line_with_a_room_is_no_address():
    assert facts("**Thursday 6 March 2025, 09:30–11:00, Room 4**\n") == []
    assert facts("Venue: Hall B, 14 Rue du Lac, 1201 Geneva, Switzerland\n") == [
        ("address", "14 Rue du Lac, 1201 Geneva, Switzerland")]


def test_an_address_after_a_label_and_colon_and_an_italian_square():
    assert facts("*Field office in Quito: Avenida Amazonas 21-40, Sector 3, Quito – www.example.org*\n")[0] == (
        "address", "Avenida Amazonas 21-40, Sector 3, Quito")
    assert facts("Embassy · Piazza della Libertà 8, 50129 Florence · Tel +39 055 000000\n")[0] == (
        "address", "Piazza della Libertà 8, 50129 Florence")


def test_an_address_part_with_a_bracketed_word():
    assert facts("Office: House 7, Road 3 (Old), Gulshan, Dhaka 1212 · Tel +880 2 000 0000\n")[0] == (
        "address", "House 7, Road 3 (Old), Gulshan, Dhaka 1212")


def test_postal_boxes_and_lower_case_street_kinds():
    text = ("Write to the Workers' Council, Labour House, P.O. Box 4412, Harbour Lane, Lusaka\n"
            "Tel: +260 21 123 4567\n\n"
            "Secretariat\n04 BP 1170 Cotonou 04, Benin\n\n"
            "Nordic Desk\nNordre gate 17, 0153 Oslo, Norway\n"
            "Tel.: +47 22 11 22 33")
    addresses = [v for k, v in facts(text) if k == "address"]
    assert "P.O. Box 4412, Harbour Lane, Lusaka" in addresses or \
        "Labour House, P.O. Box 4412, Harbour Lane, Lusaka" in addresses
    assert "04 BP 1170 Cotonou 04, Benin" in addresses
    assert "Nordre gate 17, 0153 Oslo, Norway" in addresses


def test_the_last_line_of_a_block_address_is_not_an_address_of_its_own():
    text = "Regional Office\nRue des Jardins, Cocody\n08 BP 220 Abidjan 08, Côte d'Ivoire\nTel: +225 27 22 00 11 00\n"
    assert [v for k, v in facts(text) if k == "address"] == [
        "Rue des Jardins, Cocody, 08 BP 220 Abidjan 08, Côte d'Ivoire"]


def test_an_organization_name_before_the_address_on_its_line_is_not_part_of_it():
    text = ("Letters may be sent to the Regional Employment Office, Avenue du Port, BP 2211, Lomé, Togo. "
            "Replies follow within a week.\n\n"
            "Workers' Education Unit, Torre Norte, Edificio C, Barrio Escalante, San José, Costa Rica\n")
    addresses = [v for k, v in facts(text) if k == "address"]
    assert "Avenue du Port, BP 2211, Lomé, Togo" in addresses
    assert "Torre Norte, Edificio C, Barrio Escalante, San José, Costa Rica" in addresses


def test_a_street_or_postal_box_with_a_prefixed_postcode_and_district_before_an_email():
    text = ("Skills Branch (SKILLS), 12 chemin des Fleurs, CH-1202 Geneva 3 E-mail: skills@example.org\n"
            "Refugee Desk, Case Postale 41, CH-1211 Genève 10 Cornavin E-mail: desk@example.org\n")
    addresses = [v for k, v in facts(text) if k == "address"]
    assert addresses == ["12 chemin des Fleurs, CH-1202 Geneva 3", "Case Postale 41, CH-1211 Genève 10 Cornavin"]


def test_a_phone_number_with_other_lines_after_a_slash():
    text = "Country office\nTel.: +254 20 276 0000/1\nFax: +254 20 276 0099\n"
    phones = [v for k, v in facts(text) if k == "phone"]
    assert phones == ["+254 20 276 0000/1", "+254 20 276 0099"]


def test_an_address_block_a_blank_line_above_its_phone_line():
    from flows.extract.contacts import extract as _ex
    text = "#### Ministry of Works\n\nKariba House, Unity Way\nP.O. Box 1234, Lusaka, Zambia\n\nTel: +260 211 111 111\n"
    assert ("address", "Kariba House, Unity Way, P.O. Box 1234, Lusaka, Zambia") in \
        [(r["kind"], r["value"]) for r in _ex(text)]


def test_a_building_and_street_between_an_office_name_and_its_postal_box():
    from flows.extract.contacts import extract as _ex
    text = ("Contact: jo@ilo.org | Tel. +961 1 111 111 ILO Regional Office for Arab States, Nour Centre, "
            "Hamra Street, Ras Beirut, P.O. Box 11-1111, Beirut, Lebanon\n")
    assert [r["value"] for r in _ex(text) if r["kind"] == "address"] == \
        ["Nour Centre, Hamra Street, Ras Beirut, P.O. Box 11-1111, Beirut, Lebanon"]
