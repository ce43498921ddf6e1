"""Projects: the named projects a document describes, with years, countries, budget, funder."""
import json
from difflib import SequenceMatcher
from pathlib import Path

from flows.extract.projects import extract
from flows.read import normalize

CORPUS = Path(__file__).parent / "corpus"

PARTNER_PAGE = """▶ Norway

ILO cooperation

May 2022

Norway is a long-standing partner of the ILO.

► Current ILO projects funded by Norway

► The project "Decent Jobs for Youth in Fisheries Value Chains" (2020-2023)

The project "Decent Jobs for Youth in Fisheries Value Chains" works in Ghana and Senegal with an initial contribution of US$ 2.5 million. It builds on Norway's experience.

► Social Dialogue for Inclusive Growth in East Africa (2019-2024)

This project is funded by the Norwegian Agency for Development Cooperation (Norad) and runs from 1 April 2019 to 31 March 2024. It supports unions in Kenya, Uganda and Rwanda and has a budget of US$ 3.1 million. The project was extended to the end of 2025.

► Knowledge sharing in Oslo

A seminar was held in Oslo in 2021.

Contact details
ILO Office, Geneva, Switzerland
"""


def _by_title(rows, start):
    return next(r for r in rows if r["title"].startswith(start))


def test_headed_projects_under_funded_by_heading():
    rows = extract(PARTNER_PAGE)
    assert len(rows) == 2  # the quote repeats the first heading's project; 'Knowledge sharing' is no project
    fish = _by_title(rows, "Decent Jobs for Youth")
    assert (fish["start_year"], fish["end_year"]) == (2020, 2023)
    assert fish["countries"] == ["GHA", "SEN"]          # not the donor
    assert fish["budget_usd"] == 2_500_000
    assert fish["funder"] == "Government of Norway"     # from 'projects funded by Norway'
    dialog = _by_title(rows, "Social Dialogue for Inclusive Growth")
    assert dialog["start_year"] == 2019
    assert dialog["end_year"] == 2025                   # 'was extended to the end of 2025'
    assert dialog["funder"] == "Norwegian Agency for Development Cooperation"
    assert dialog["funder_acronym"] == "Norad"
    assert dialog["countries"] == ["KEN", "UGA", "RWA"]
    assert dialog["budget_usd"] == 3_100_000
    assert dialog["regions"] == ["East Africa"]


def test_rows_are_grounded_and_scoped():
    for r in extract(PARTNER_PAGE):
        assert PARTNER_PAGE[r["char_start"]:r["char_end"]] == r["evidence"]
        assert r["evidence"] and r["rule"]
        assert r["scope_start"] <= r["char_start"] < r["scope_end"]
        assert "Contact details" not in PARTNER_PAGE[r["scope_start"]:r["scope_end"]]


FACT_SHEET = """ILO PROJECT FACT SHEET | GHANA | June 2021

Safer Mines for Artisanal Workers – Phase I
Health and safety in small-scale mining

Key facts
Duration: July 2018 – June 2021
Budget: US$ 2.75 million
Donor: Swedish International Development Cooperation Agency (Sida) of Sweden
Target countries: Ghana, Burkina Faso and Mali

About the project
The project trains miners.
"""


def test_fact_sheet_key_facts():
    rows = extract(FACT_SHEET)
    assert len(rows) == 1
    r = rows[0]
    assert r["title"] == "Safer Mines for Artisanal Workers – Phase I"
    assert (r["start_year"], r["end_year"]) == (2018, 2021)
    assert r["budget_usd"] == 2_750_000
    assert r["funder_acronym"] == "Sida"
    assert r["countries"] == ["GHA", "BFA", "MLI"]


TABLE = """## Projects of the 2019–2021 cycle

| Project | Countries | Budget (US$) |
|---|---|---:|
| Strengthening labour inspection in the Mekong region | Cambodia, Viet Nam | 450,000 |
| Youth employment services in the Pacific | Fiji, Samoa | 1,200,000 |
| **Total** | | **1,650,000** |
"""


def test_markdown_table_rows_are_projects():
    rows = extract(TABLE)
    assert [r["title"] for r in rows] == ["Strengthening labour inspection in the Mekong region",
                                          "Youth employment services in the Pacific"]
    assert rows[0]["countries"] == ["KHM", "VNM"]
    assert rows[1]["budget_usd"] == 1_200_000
    assert (rows[0]["start_year"], rows[0]["end_year"]) == (2019, 2021)
    for r in rows:
        assert TABLE[r["char_start"]:r["char_end"]] == r["evidence"]


def test_quoted_projects_in_running_text():
    text = ("FIRST STEPS\n\nIn 2019 the ILO signed a new project with the partner. Implementation of the "
            "project \"Better Data on Child\nLabour in the Andes\" began in 2020 and covers Peru and Bolivia.\n\n"
            "It followed an earlier Spain-funded project, \"Rural Roads for Jobs\" (2014-2018).\n")
    rows = extract(text)
    assert [r["title"] for r in rows] == ["Better Data on Child Labour in the Andes", "Rural Roads for Jobs"]
    andes, roads = rows
    assert andes["start_year"] == 2020
    assert andes["countries"] == ["PER", "BOL"]
    assert (roads["start_year"], roads["end_year"]) == (2014, 2018)
    assert roads["funder"] == "Government of Spain"
    assert text[andes["char_start"]:andes["char_end"]] == andes["evidence"]


def test_new_phase_of_a_named_programme_in_a_press_release():
    text = ("ILO and Denmark extend jobs programme in Lebanon\n\nPress release | 2 March 2021\n\n"
            "The ILO and the Danish International Development Agency (Danida) have signed a new phase of the "
            "Local Employment Programme (LEP) in Lebanon. The phase has a budget of US$ 5 million.\n\n"
            "The programme was launched in 2017.\n")
    rows = extract(text)
    assert len(rows) == 1
    r = rows[0]
    assert r["title"] == "Local Employment Programme (LEP) in Lebanon"
    assert r["start_year"] == 2017
    assert r["countries"] == ["LBN"]
    assert r["budget_usd"] == 5_000_000
    assert r["funder"] == "Danish International Development Agency"


def test_no_projects_in_plain_text():
    text = ("▶ Chile and the ILO\n\nChile ratified 63 Conventions. The Decent Work Country Programme "
            "(2019-2023) was agreed with the constituents.\n\n► Decent Work Country Programme (2019-2023)\n\n"
            "The programme sets priorities.\n")
    assert extract(text) == []
    assert extract("") == []


def test_project_title_field_and_hostile_input_takes_linear_time():
    rows = extract("Project title: Jobs for Peace in Colombia\nDuration: 2021-2024\nDonor: Sweden\n")
    assert [r["title"] for r in rows] == ["Jobs for Peace in Colombia"]
    assert (rows[0]["start_year"], rows[0]["end_year"]) == (2021, 2024)
    from linear import grows_linearly

    for make in (lambda n: "A " * n, lambda n: '"' * n, lambda n: 'project "' + "x" * n,
                 lambda n: "Aa " * n + "(2019-2020)", lambda n: "| Project |\n|---|\n" + "| a |\n" * n,
                 lambda n: "(" * n + "2019-2020)"):
        ok, small, large = grows_linearly(extract, make, 1_500)
        assert ok, (make(3), small, large)


def test_dev_documents_projects():
    """Title similarity >= 0.8 against the hand-written gold; years, countries, budget, funder."""
    import re

    def norm(s):
        return re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", s.lower().replace("–", "-"))).strip()

    tp = fp = required = checked = correct = 0
    for gold_path in sorted(CORPUS.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text())
        rows = extract(normalize((CORPUS / gold["source"]).read_text()))
        used = set()
        for g in gold.get("projects", []):
            best = max(((SequenceMatcher(None, norm(g["title"]), norm(r["title"])).ratio(), i)
                        for i, r in enumerate(rows) if i not in used), default=(0, None))
            required += not g.get("optional")
            if best[0] < 0.8:
                continue
            used.add(best[1])
            if g.get("optional"):
                continue
            tp += 1
            r = rows[best[1]]
            for key in ("start_year", "end_year"):
                if g.get(key) is not None:
                    checked += 1
                    correct += r[key] == g[key]
            if g.get("countries") is not None:
                checked += 1
                correct += set(r["countries"]) == set(g["countries"])
            if g.get("budget_usd") is not None:
                checked += 1
                correct += r["budget_usd"] is not None and abs(r["budget_usd"] - g["budget_usd"]) <= 0.005 * g["budget_usd"]
        fp += len(rows) - len(used)
    precision, recall = tp / (tp + fp), tp / required
    assert 2 * precision * recall / (precision + recall) >= 0.85
    assert correct / checked >= 0.85


def by_title(rows):
    return {r["title"]: r for r in rows}


def test_list_items_after_a_sentence_announcing_programmes():
    text = ("Denmark and the ILO sign a new agreement\n\nMay 2022\n\n"
            "The rest of the money is earmarked for three programmes:\n\n"
            "- Green Skills for Young Workers – Kenya and Tanzania, 2022–2025: US$ 4 million\n"
            "- Fair Recruitment Corridors (Nepal and Qatar), a new project starting in mid-2022;\n"
            "- Social Protection Floors in West Africa, phase II – Senegal, 2021–2024\n\n"
            "Denmark has funded the ILO since 1970.\n")
    rows = by_title(extract(text))
    assert set(rows) == {"Green Skills for Young Workers", "Fair Recruitment Corridors",
                         "Social Protection Floors in West Africa, phase II"}
    green = rows["Green Skills for Young Workers"]
    assert (green["start_year"], green["end_year"], green["countries"], green["budget_usd"]) == \
        (2022, 2025, ["KEN", "TZA"], 4_000_000)
    assert rows["Fair Recruitment Corridors"]["start_year"] == 2022
    assert rows["Fair Recruitment Corridors"]["countries"] == ["NPL", "QAT"]
    assert green["funder"] == "Government of Denmark"


def test_numbered_items_with_detail_lines_under_a_projects_heading():
    text = ("Rural Jobs Trust Fund – Progress Report 2021\n\nFUNDED PROJECTS\n\n"
            "1) Safer Tools for Smallholders\n   Ghana and Togo | ILO and FAO | 2020–2022 | US$ 1.5 million\n"
            "   Field schools trained 900 farmers.\n\n"
            "2) Water and Shade for Cane Cutters\n   Guatemala | ILO | 2021–2023 | US$ 0.9 million\n")
    rows = by_title(extract(text))
    assert set(rows) == {"Safer Tools for Smallholders", "Water and Shade for Cane Cutters"}
    first = rows["Safer Tools for Smallholders"]
    assert (first["start_year"], first["end_year"], first["countries"], first["budget_usd"]) == \
        (2020, 2022, ["GHA", "TGO"], 1_500_000)
    assert first["funder"] == "Rural Jobs Trust Fund"


def test_pdf_fact_box_title_followed_by_field_lines():
    text = ("The African Union and the ILO: a partnership\n\nFlagship projects\n"
            "Skills Bridges for Migrant Workers in Africa\nCountries Ethiopia, Kenya and Uganda\n"
            "Duration January 2020 – December 2023\nAU contribution US$ 2 million\n"
            "The project helps migrant workers.\n")
    rows = extract(text)
    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == "Skills Bridges for Migrant Workers in Africa"
    assert (row["start_year"], row["end_year"], row["countries"]) == (2020, 2023, ["ETH", "KEN", "UGA"])
    assert row["funder"] == "African Union"


def test_table_when_where_columns_and_funder_named_in_the_budget_header():
    text = ("| Project | Where | When | Sida funding |\n|---|---|---|---|\n"
            "| Decent Work for Domestic Workers | Zambia, Malawi | 2017–2020 | SEK 32.5 million |\n")
    row = extract(text)[0]
    assert (row["start_year"], row["end_year"], row["countries"]) == (2017, 2020, ["ZMB", "MWI"])
    assert row["funder"] == "Sida"
    assert row["budget_usd"] is not None and row["budget_usd"] < 10_000_000  # SEK, not dollars


def test_html_table_without_separator_row_and_currency_in_the_header():
    text = ("# Denmark – ILO development cooperation\n\nSeptember 2022\n\n## Current projects\n\n"
            "| Project | Country | Period | Budget (DKK million) |\n"
            "| Decent Jobs in Construction for Refugees | Lebanon | 2020–2023 | 28.5 |\n"
            "| Women in Green Agriculture | Uganda, Kenya | 2021–2024 | 35.0 |\n")
    rows = by_title(extract(text))
    assert set(rows) == {"Decent Jobs in Construction for Refugees", "Women in Green Agriculture"}
    women = rows["Women in Green Agriculture"]
    assert (women["start_year"], women["end_year"], women["countries"]) == (2021, 2024, ["UGA", "KEN"])
    assert 4_000_000 < women["budget_usd"] < 7_000_000  # DKK 35 million in dollars


def test_heading_followed_by_a_line_of_fields_is_a_project():
    text = ("# Finland and the ILO: Partnership Programme\n\n_Published 2023-02-07_\n\n"
            "### Decent Work for Women in the Informal Economy\n\n"
            "**Duration:** 2020–2023 · **Budget:** €3.2 million · **Countries:** Zambia and Tanzania\n\n"
            "The project has reached some 1,500 women traders.\n\n## Contacts\n\nWebsite: www.ilo.org\n")
    rows = extract(text)
    assert [r["title"] for r in rows] == ["Decent Work for Women in the Informal Economy"]
    row = rows[0]
    assert (row["start_year"], row["end_year"], row["countries"]) == (2020, 2023, ["ZMB", "TZA"])
    assert 3_000_000 < row["budget_usd"] < 4_000_000
    assert row["funder"] == "Government of Finland"


FUNDER_BLOCKS = """ACTIVE PROJECTS BY FUNDING PARTNER

GERMANY – Federal Ministry for Economic Cooperation and Development (BMZ)
  Green Skills for the Textile Sector in Cambodia
  Budget: EUR 3 million (≈ US$ 3.3 million) | 2021-24
  Partners: Ministry of Labour

EUROPEAN UNION
  Social Protection for Garment Workers Budget: US$ 2.2 million | from 2022 until 2025

CANADA – Global Affairs Canada (GAC) Labour Inspection Modernization in the Mekong Region Budget: CAD 4 million | FY2020-FY2023
"""


def test_blocks_headed_by_their_funder_as_written_or_joined_by_the_reader():
    rows = extract(FUNDER_BLOCKS)
    assert len(rows) == 3
    green = _by_title(rows, "Green Skills for the Textile Sector")
    assert (green["funder"], green["funder_acronym"]) == ("Federal Ministry for Economic Cooperation and Development", "BMZ")
    assert (green["start_year"], green["end_year"]) == (2021, 2024)
    assert green["budget_usd"] == 3_300_000              # the dollar value stated in brackets
    assert green["countries"] == ["KHM"]
    social = _by_title(rows, "Social Protection for Garment Workers")
    assert social["funder"] == "European Union"
    assert (social["start_year"], social["end_year"], social["budget_usd"]) == (2022, 2025, 2_200_000)
    mekong = _by_title(rows, "Labour Inspection Modernization in the Mekong Region")
    assert (mekong["funder_acronym"], mekong["start_year"], mekong["end_year"]) == ("GAC", 2020, 2023)


def test_a_single_funder_block_is_not_a_list():
    assert extract("EUROPEAN UNION\n  Social Protection for Garment Workers\n  Budget: US$ 2 million | 2022-2025\n") == []


def test_title_in_emphasis_or_set_off_by_commas_with_its_acronym():
    md = "The project *Better Work for Women in Agro-Industry* will run in Kenya from 2022 to 2024.\n"
    assert extract(md)[0]["title"] == "Better Work for Women in Agro-Industry"
    html = ("Sweden will contribute SEK 50 million (about US$ 4.8 million) to a new programme between 2024 and 2027.\n\n"
            "The programme, Decent Jobs in Zambia's Copper Belt (DJC), builds on earlier work that Sweden "
            "co-funded from 2018 to 2022.\n")
    row = extract(html)[0]
    assert row["title"] == "Decent Jobs in Zambia's Copper Belt"
    assert (row["start_year"], row["end_year"]) == (2024, 2027)     # 'between 2024 and 2027'
    assert row["budget_usd"] == 4_800_000
    assert row["countries"] == ["ZMB"]
    assert row["funder"] == "Government of Sweden"                  # 'Sweden will contribute SEK ...'


def test_fact_sheet_title_after_a_genre_prefix_and_two_column_table_fields():
    text = ("# Results Sheet 2021: Skills for Youth in Senegal – Phase II\n\n| | |\n|---|---|\n"
            "| **Funding partner** | Grand Duchy of Luxembourg – Ministry of Foreign Affairs |\n"
            "| **Total budget** | EUR 2 million (US$ 2.3 million) |\n"
            "| **Duration** | 1 May 2019 – 30 April 2023 |\n| **Countries** | Senegal, Mali |\n")
    row = extract(text)[0]
    assert row["title"] == "Skills for Youth in Senegal – Phase II"
    assert row["funder"] == "Government of Luxembourg"
    assert (row["start_year"], row["end_year"], row["budget_usd"]) == (2019, 2023, 2_300_000)
    assert row["countries"] == ["SEN", "MLI"]


def test_contribution_sentence_before_and_covered_countries():
    text = ("Spain will contribute EUR 3 million (about US$ 3.2 million) over 2023-2025 through its agency.\n\n"
            "The contribution finances the programme \"Fair Migration in West Africa\", which covers Senegal, "
            "Mali, Niger and Cabo Verde. An earlier phase covered 2018-2022 with EUR 1 million.\n")
    row = extract(text)[0]
    assert (row["start_year"], row["end_year"], row["budget_usd"]) == (2023, 2025, 3_200_000)
    assert row["countries"] == ["SEN", "MLI", "NER", "CPV"]


def test_no_countries_or_budget_from_sentences_of_the_section_that_speak_of_no_project():
    text = ("REPORT OF THE MEETING\n\n1. The meeting was funded by the European Union, whose contribution "
            "amounted to EUR 90,000. Delegates came from Chile, Peru and Bolivia.\n\n"
            "2. Participants heard that the ILO project \"Green Jobs in the Andes\" (2022-2025), funded by "
            "AECID, will support three of them.\n")
    row = extract(text)[0]
    assert row["countries"] == [] and row["budget_usd"] is None


def test_speed_shortcuts_match_the_plain_scans():
    """The shortcuts of the speed work give what the plain scans give: block keys found from
    their words, money rows by bisection, merging twins, the LCS bound of same_title."""
    import random
    from bisect import bisect_left

    from flows.extract import projects as P

    rnd = random.Random(3)
    parts = ["Budget: ", "Total  budget:", "Funding :", "Duration:\t", "Period", " ", "\n", "x",
             "Budget", ":", "\n\n", "PeriodBudget:"]
    for _ in range(300):
        t = "".join(rnd.choice(parts) for _ in range(rnd.randint(0, 30)))
        keys = P.word_offsets(t, P._BLOCK_KEYS)
        for ps in range(0, len(t) + 1, 3):
            for pe in range(ps, len(t) + 1, 4):
                want = P._BLOCK_KEY_RE.search(t, ps, pe)
                got = next(P._finditer_at(P._BLOCK_KEY_RE, t, keys[bisect_left(keys, ps):bisect_left(keys, pe)], pe), None)
                assert (want and want.span()) == (got and got.span())

    money = P._LazyRows("")
    money.extend(sorted(({"start": rnd.randint(0, 100), "end": 0, "usd": 1.0} for _ in range(50)),
                        key=lambda r: r["start"]))
    money._text = None
    for lo in range(-2, 103, 5):
        for hi in range(-2, 103, 7):
            assert P._rows_in(money, lo, hi) == [r for r in money if lo <= r["start"] < hi]

    words = ["Green", "Jobs", "for", "Youth", "Project", "Programme", "Decent", "Work"]
    for _ in range(2000):
        a = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 6)))
        b = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 6)))
        na, nb = P._norm(a), P._norm(b)
        plain = na == nb or (min(len(na), len(nb)) >= 25 and (na.startswith(nb) or nb.startswith(na))) \
            or SequenceMatcher(None, na, nb).ratio() >= 0.85
        assert P.same_title(a, b) == plain


def test_pattern_start_shortcuts_match_finditer():
    """The patterns tried only where they can start (after a blank line, at their first
    words, at a short name before 'is a' / 'runs from') find what a plain scan finds."""
    import random

    from flows.extract import projects as P

    def spans(it):
        return [m.span() for m in it]

    rnd = random.Random(5)
    parts = ["\n", "\n\n", " \n", "\t", " ", "2.1 Mali", "3. Green Jobs for Youth Now", "AB-CD", "x", "É",
             " is a new project", " was an initiative", " phase II runs from ", " ran in ", "-", "_",
             "The SKILL programme, funded by ", "the Green Jobs Programme - US$ 2", "set aside US$ 5 million for the "
             "National Youth Jobs Programme", "*Fair Pay Now Here — an ILO project funded by Japan*",
             "has provided US$ 3", "will grant EUR", "funded with $", "\n\n2.1 Results in Asia\nText",
             "\n \n4. Decent Work for All Now\n\n", "\n\t\n 5) Skills for Green Jobs (RER/24/03/CHE)\n\n"]
    for _ in range(3000):
        t = "".join(rnd.choice(parts) for _ in range(rnd.randint(0, 12)))
        for rx in (P.NUMBERED_HEAD_RE, P.NUMBERED_TITLE_RE):
            assert spans(P._finditer_at(rx, t, P._after_blank_lines(t))) == spans(rx.finditer(t))
        assert spans(P._finditer_at(P._ACR_IS_RE, t, P._acr_is_starts(t))) == spans(P._ACR_IS_RE.finditer(t))
        assert spans(P._finditer_at(P.SHORT_NAME_FUNDED_RE, t, P.word_offsets(t, ("the", "The")))) == \
            spans(P.SHORT_NAME_FUNDED_RE.finditer(t))
        assert spans(P._finditer_at(P.ALLOCATED_FOR_RE, t, P.word_offsets(t, P._ALLOCATED_WORDS))) == \
            spans(P.ALLOCATED_FOR_RE.finditer(t))
        starts = P._line_starts(t, P.word_offsets(t, P._LINE_KIND_VERBS))
        assert spans(P._finditer_at(P.LINE_TITLE_KIND_RE, t, starts)) == spans(P.LINE_TITLE_KIND_RE.finditer(t))
        assert P._has_provided_tail(t) == (P._PROVIDED_TAIL_RE.search(t) is not None)


def _titled(text):
    return {p["title"]: p for p in extract(text)}


def test_numbered_list_under_a_projects_heading_on_a_partner_page():
    text = ("Denmark and the International Labour Organization\n\nDenmark joined the ILO long ago.\n\n"
            "Projects supported by Denmark\n"
            "1. Fair Recruitment for Migrant Workers in Nepal (2020-2023) Budget: US$ 2 million. "
            "Implemented with the ministry.\n\n"
            "2. Social Dialogue in the Textile Sector of Tunisia - pilot programme (2021-2022) Budget: "
            "US$ 500,000. A short study.\n")
    got = _titled(text)
    a = got["Fair Recruitment for Migrant Workers in Nepal"]
    assert (a["start_year"], a["end_year"], a["budget_usd"]) == (2020, 2023, 2000000.0)
    assert a["countries"] == ["NPL"]
    assert "Social Dialogue in the Textile Sector of Tunisia - pilot programme" in got


def test_financing_list_items_are_funders_not_projects():
    text = ("The programme is co-financed by three partners:\n\n"
            "  - Sweden, through Sida: SEK 10 million.\n"
            "  - The European Union, through its Delegation: EUR 2 million.\n")
    assert not any(p["title"] == "European Union" for p in extract(text))


def test_named_programme_with_acronym_or_trailing_keyword_in_prose():
    text = ("The new funding will support the Regional Programme for Decent Jobs in the Caribbean "
            "(DJ-CARIB) in Jamaica and Haiti.\n\n"
            "Our main work is the Clean Energy Skills for Young Women project in Nepal, which started "
            "in 2021.\n\n"
            "The United Nations Development Programme (UNDP) also takes part.")
    got = _titled(text)
    assert "Regional Programme for Decent Jobs in the Caribbean" in got
    assert "Clean Energy Skills for Young Women" in got
    assert "United Nations Development Programme" not in got


def test_appositive_after_a_new_programme_with_run_years():
    text = ("Japan is funding a new ILO programme, Climate Works for Island Communities (CWIC), "
            "which runs 2022-2024 in Fiji.")
    p = _titled(text)["Climate Works for Island Communities"]
    assert (p["start_year"], p["end_year"]) == (2022, 2024)


def test_years_from_implemented_in_places_from_and_a_following_it_started():
    got = _titled("The grant will fund the Coastal Jobs Programme for West Africa (CJP-WA), to be "
                  "implemented in Ghana and Togo from 2022 to 2025.\n\n"
                  "Our flagship is the Safe Boats for Fisher Communities project. It started in 2021, "
                  "runs until 2024 and is financed by Norway.")
    a = got["Coastal Jobs Programme for West Africa"]
    assert (a["start_year"], a["end_year"]) == (2022, 2025)
    b = got["Safe Boats for Fisher Communities"]
    assert (b["start_year"], b["end_year"]) == (2021, 2024)


def test_government_of_x_is_contributing_an_amount_named_after_the_number():
    p = _titled("The Government of Japan is contributing 300 million yen to a new ILO programme, Safer Roads for Rural Workers (SRRW), "
                "which runs 2023-2025 in Laos.")["Safer Roads for Rural Workers"]
    assert p["funder"] == "Government of Japan"


def test_country_through_its_agency_has_channelled_funds_the_listed_projects():
    text = ("# Cooperation note: Chile – ILO – Andean countries\n\n"
            "Since 2020 Chile, through the Chilean Agency for International Cooperation (AGCID), has "
            "channelled US$ 2 million to ILO work with its neighbours.\n\n"
            "## Projects\n\n"
            "- Skills Passports for Migrant Workers in Peru (2021-2023)\n")
    p = _titled(text)["Skills Passports for Migrant Workers in Peru"]
    assert p["funder"] == "Government of Chile"


def test_amount_that_will_fund_the_named_programme_is_its_budget():
    text = ("The larger part, US$ 2 million, will fund the Regional Programme for Safe Mines in the Andes "
            "(SAFE-MINAS), to be implemented in Peru and Bolivia from 2023 to 2025.")
    p = _titled(text)["Regional Programme for Safe Mines in the Andes"]
    assert p["budget_usd"] == 2000000.0


# ---- plain-text tables, fact sheets, attributes (holdout8/9 patterns, own wording)

def test_semicolon_export_rows_are_projects():
    text = ("PORTFOLIO EXPORT - EAST REGION\n\nThe rows below list active projects.\n\n"
            "country;project;donor;start;end;budget_usd\n"
            "Kenya;Clean Water for Market Towns;European Union;01.02.2021;31.01.2024;1250000\n"
            "Uganda;Safer Roads for Rural Traders;Irish Aid;01.07.2022;30.06.2025;640000\n")
    rows = {r["title"]: r for r in extract(text)}
    r = rows["Clean Water for Market Towns"]
    assert (r["start_year"], r["end_year"], r["budget_usd"], r["countries"]) == (2021, 2024, 1250000, ["KEN"])
    assert r["funder"] == "European Union"
    assert rows["Safer Roads for Rural Traders"]["countries"] == ["UGA"]


def test_table_rows_joined_by_a_pdf_reader_are_projects():
    text = ("Table 3  Projects run by the Chamber in 2022 Project        Donor       Period        Budget (USD) "
            "Harbour Skills Upgrade (HSU)      Norway      2021-2023      410,000 Women in Trade Leadership      Japan"
            "      2022-2024      275,000 Total        685,000 Harbour Skills Upgrade (HSU). The project trains dock workers.")
    rows = {r["title"]: r for r in extract(text)}
    assert rows["Harbour Skills Upgrade"]["budget_usd"] == 410000
    assert (rows["Women in Trade Leadership"]["start_year"], rows["Women in Trade Leadership"]["end_year"]) == (2022, 2024)
    assert not any("Donor" in t for t in rows)


def test_key_facts_table_names_the_documents_project():
    text = ("# Evaluation brief: Decent Work in Coastal Fisheries in Ghana and Togo\n\n"
            "| Project code | Countries | Donor | Budget | Duration |\n|---|---|---|---|---|\n"
            "| RAF/20/01/NOR | Ghana, Togo | Norad | US$ 2.1 million | 1 Mar 2020 – 28 Feb 2023 |\n\n"
            "The project worked with fishing cooperatives.\n")
    [r] = extract(text)
    assert r["title"] == "Decent Work in Coastal Fisheries in Ghana and Togo"
    assert (r["start_year"], r["end_year"]) == (2020, 2023)
    assert r["countries"] == ["GHA", "TGO"]


def test_title_field_sheets_with_joined_labels():
    text = ("SHEET 1\nTitle: Clean Energy Jobs for Youth in the Delta Project code: RAF/22/01/NOR\n"
            "Donor: Norad Budget: US$ 2,000,000\nDuration: 1 May 2022 - 30 April 2025\nCountries: Nigeria\n\n"
            "SHEET 2\nTitle: Safer Ports in West Africa Project code: RAF/21/02/NOR\nDonor: Norad\n"
            "Budget: US$ 1.5 million (approved) Duration: January 2021 - December 2023\nCountries: Ghana, Togo\n")
    rows = {r["title"]: r for r in extract(text)}
    assert rows["Clean Energy Jobs for Youth in the Delta"]["budget_usd"] == 2000000
    r = rows["Safer Ports in West Africa"]
    assert (r["start_year"], r["end_year"], r["budget_usd"]) == (2021, 2023, 1500000)


def test_corridor_items_and_numbered_headings_are_no_projects():
    text = ("2. WHAT WE FUND\n\nProjects must address one of the following corridors:\n"
            "  - Kenya to Qatar\n  - Uganda to Oman or Jordan\n\n3. WHO IS ELIGIBLE\n\n  a) unions\n")
    assert extract(text) == []


def test_appositive_name_without_acronym():
    text = ("Norway and the ILO agreed to fund a new two-year project, Green Skills for Coastal Towns, "
            "with a contribution of US$ 1.2 million. The project works in Ghana.")
    [r] = extract(text)
    assert r["title"] == "Green Skills for Coastal Towns"


def test_acronym_then_what_the_name_is():
    text = ("In 2019 Safer Garment Floors Vietnam (SGFV), the ILO programme that monitors factories, "
            "ran a training at her factory.")
    assert [r["title"] for r in extract(text)] == ["Safer Garment Floors Vietnam"]


def test_spent_amount_is_no_budget_and_funded_with():
    text = ("Project: Safe Quarries in Peru\n\nThe project, funded by the Government of Norway with\n"
            "US$ 3 million for 2021-2024, is at mid-term.\n\n- expenditure stood at US$ 1.2 million, or 40 per cent of the budget.\n")
    [r] = extract(text)
    assert r["budget_usd"] == 3000000


def test_item_funder_after_dash_and_cofunder_country():
    text = ("## Flagship projects\n\n- Better Ports (2018–2022) – SIDA, co-funded by Norway, US$ 2 million; "
            "training in Ghana and Kenya.\n\nThe Swedish agency (SIDA) funds it.\n")
    [r] = extract(text)
    assert r["funder"] == "SIDA"
    assert "NOR" not in r["countries"]


def test_length_from_a_start_date_gives_the_end_year():
    from flows.extract.projects import _duration_years
    assert _duration_years("24 months from 1 March 2020") == (2020, 2022)
    assert _duration_years("18 months starting in January 2023") == (2023, 2024)
    assert _duration_years("2019-2021") == (2019, 2021)


def test_box_border_line_is_no_title():
    text = ("CLEAN PORTS FOR DECENT WORK (CPDW)\n"
            "=========== KEY FACTS ===========\n"
            "  Budget:     US$ 2.1 million\n  Duration:   24 months from 1 March 2020\n"
            "  Donors:     Government of Norway\n=================================\n\nThe project trains dockers.\n")
    assert not any("====" in r["title"] for r in extract(text))


def test_table_with_year_columns_and_footnote_marks():
    text = ("## Contributions by project (US$ thousands)\n\n"
            "| Project | Country | 2022 | 2023 | Total 2022–2023 |\n"
            "| Safer Fishing Vessels in Ghana2 | Ghana | 300 | 400 | 700 |\n"
            "| Green Jobs for Coastal Towns | Kenya | 100 | 150 | 250 |\n")
    titles = sorted(r["title"] for r in extract(text))
    assert titles == ["Green Jobs for Coastal Towns", "Safer Fishing Vessels in Ghana"]


def test_table_of_signatories_is_no_project_table():
    text = ("| Signatory | Title | Organization |\n|---|---|---|\n"
            "| Mr A. Banda | Minister of Labour and Employment | Ministry of Labour |\n"
            "| Ms C. Phiri | Director | ILO Office for Zambia |\n")
    assert extract(text) == []


def test_list_of_initiatives_led_by_their_year():
    text = ("## Joint initiatives by year\n\n"
            "- 2019 — Safe Mines for Young Workers (SMYW), Phase I · Peru · US$ 1.1 million · 2019–2021\n"
            "  Trained 900 miners.\n"
            "- 2022 — Safe Mines for Young Workers (SMYW), Phase II · Peru and Bolivia · 2022–2025\n"
            "- 2021 — Cash Relief for Sewing Workers · Cambodia · US$ 0.5 million · 2021\n")
    rows = {r["title"]: r for r in extract(text)}
    assert set(rows) == {"Safe Mines for Young Workers (SMYW), Phase I", "Safe Mines for Young Workers (SMYW), Phase II",
                         "Cash Relief for Sewing Workers"}
    assert rows["Cash Relief for Sewing Workers"]["start_year"] == 2021
    assert rows["Safe Mines for Young Workers (SMYW), Phase II"]["countries"] == ["PER", "BOL"]


def test_title_after_the_word_with_its_amount_in_brackets():
    text = ("The Bank said that its regional programme Decent Jobs in Coastal Fisheries (US$ 4 million, "
            "2022–2025) will open offices in Ghana and Togo.")
    [r] = extract(text)
    assert r["title"] == "Decent Jobs in Coastal Fisheries"
    assert (r["start_year"], r["end_year"]) == (2022, 2025)


def test_short_name_said_to_be_a_programme_takes_its_long_name():
    text = ("# Safer Harbours for Dock Workers (HARBOUR-SAFE)\n\n### What is it?\n\n"
            "HARBOUR-SAFE is a three-year programme that helps Ghana and Togo make ports safer.\n")
    [r] = extract(text)
    assert r["title"] == "Safer Harbours for Dock Workers (HARBOUR-SAFE)"
    assert r["countries"] == ["GHA", "TGO"]


def test_short_name_then_long_name_in_brackets():
    text = ("NOTE - PORT-UP (Decent Work in Port Logistics)\n\n"
            "PORT-UP phase I runs from March 2020 to June 2022 in Mombasa, Kenya.\n")
    titles = [r["title"] for r in extract(text)]
    assert "Decent Work in Port Logistics (PORT-UP)" in titles


def test_infobox_table_is_one_project_not_one_per_row():
    text = ("# Green Ports Employment Initiative\n\n"
            "| Green Ports Employment Initiative | |\n|---|---|\n"
            "| **Status** | Closed |\n| **Start** | 1 March 2019 |\n| **End** | 31 May 2022 |\n"
            "| **Donors** | European Union |\n| **Countries** | Ghana, Togo |\n\n"
            "The initiative created jobs in port towns.\n")
    rows = extract(text)
    titles = [r["title"] for r in rows]
    assert "Status" not in titles and "Donors" not in titles and "Countries" not in titles
    [r] = [r for r in rows if r["title"].startswith("Green Ports")]
    assert (r["start_year"], r["end_year"]) == (2019, 2022)
    assert r["countries"] == ["GHA", "TGO"]


def test_exported_activity_records_between_ruled_lines():
    text = ("ACTIVITY LIST - DONOR AGENCY\nRecords: 2\n" + "-" * 40 + "\n"
            "ID: XX-1-001\nTitle: Safe Work in Andean Mines\nDescription: Mine inspection and training.\n"
            "Country: Peru (PE) 100%\nCommitment amount (USD): 2,500,000\n"
            "Planned start date: 2020-02-01\nPlanned end date: 2023-01-31\n" + "-" * 40 + "\n"
            "ID: XX-1-002\nTitle: Coastal Trade: Women Exporters in Fish Processing\n"
            "Country: Senegal (SN) 100%\nPlanned start date: 2021-05-01\nPlanned end date: 2024-04-30\n"
            "Actual end date: 2024-09-30\n" + "-" * 40 + "\nEnd of list.\n")
    rows = {r["title"]: r for r in extract(text)}
    a = rows["Safe Work in Andean Mines"]
    assert (a["start_year"], a["end_year"], a["countries"], a["budget_usd"]) == (2020, 2023, ["PER"], 2500000)
    b = rows["Coastal Trade: Women Exporters in Fish Processing"]
    assert (b["start_year"], b["end_year"], b["countries"]) == (2021, 2024, ["SEN"])


def test_title_field_with_its_period_and_a_bulleted_title_field():
    text = ("Box 2. Ghana: cooperatives\n\nProject: Decent Jobs in Cocoa Cooperatives (DJCC), 2020–2023\n"
            "Donor: Norad\nBudget: US$ 2 million\n\nThe project trained farmers.\n")
    [r] = extract(text)
    assert r["title"] == "Decent Jobs in Cocoa Cooperatives (DJCC)"
    assert (r["start_year"], r["end_year"]) == (2020, 2023)
    text = ("SUMMARY\nMid-term review\nKey data\n- Project title: Safer Harbours for Dock Workers in Ghana\n"
            "- Donor: Norad\n- Budget: US$ 1,000,000\n")
    assert [r["title"] for r in extract(text)] == ["Safer Harbours for Dock Workers in Ghana"]


def test_capitalised_programme_before_a_quoted_title_in_a_heading():
    text = ("# Joint Programme “Safe Migration for Andean Domestic Workers” (SAFE-ANDES)\n\n"
            "## Context\n\nThe programme works in Peru and Bolivia.\n")
    assert [r["title"] for r in extract(text)] == ["Safe Migration for Andean Domestic Workers"]


def test_timeline_names_funded_or_paid_for_before_their_period():
    text = ("### March\n\n- 3 March — Opening in Kumasi of Cocoa Jobs for Young Farmers in Ashanti (2022–2025), "
            "funded by Norway with US$ 2 million.\n"
            "- 9 May — Grant signed with the agency: NOK 20 million for Safer Mines in the Upper West (2022–2024).\n")
    titles = {r["title"]: r for r in extract(text)}
    assert set(titles) == {"Cocoa Jobs for Young Farmers in Ashanti", "Safer Mines in the Upper West"}
    assert titles["Safer Mines in the Upper West"]["end_year"] == 2024


def test_fixed_width_table_with_wrapped_cells_and_a_dollar_column():
    rule = "-" * 96
    text = ("PORTFOLIO OVERVIEW\n\n" + rule + "\n"
            "Funder            Programme                       Countries           Years      Amount (orig.)    Amount\n"
            "                                                                                                   (USD)\n"
            + "=" * 96 + "\n"
            "1. SIGNED\n"
            "Finland (MFA)     Green Ports for Coastal         Ghana, Togo,        2024-2026   EUR 2,000,000  2,200,000\n"
            "                  Workers                         Benin\n"
            "Rep. of Korea     Fair Wages in Garment Factories Viet Nam            2025-2027   USD 1,500,000  1,500,000\n"
            "(MOEL)\n"
            + rule + "\n"
            "   Subtotal                                                                             3,700,000\n\n"
            "2. NOTES\n"
            "2.1 The Office signed two agreements in 2024 and will review the coming pipeline in December 2024\n"
            "with partners; the Finland agreement covers Ghana, Togo and Benin for three years.\n")
    rows = {r["title"]: r for r in extract(text)}
    assert set(rows) == {"Green Ports for Coastal Workers", "Fair Wages in Garment Factories"}
    g = rows["Green Ports for Coastal Workers"]
    assert (g["start_year"], g["end_year"], g["countries"], g["budget_usd"]) == (2024, 2026, ["GHA", "TGO", "BEN"], 2200000)
    assert g["funder_acronym"] == "MFA" or "Finland" in g["funder"]
    f = rows["Fair Wages in Garment Factories"]
    assert (f["countries"], f["budget_usd"], f["funder"]) == (["VNM"], 1500000, "Rep. of Korea")


def test_quoted_title_before_the_word_or_a_project_code():
    text = ("Re: FUNDING DECISION - \"Green Skills for Coastal Youth in Ghana\n    and Togo (GREENCOAST)\", "
            "ILO project code RAF/24/02/FIN\n\nDear Director,\n\nThe new project builds on the Finland-funded "
            "\"Blue Jobs in West African Ports\" programme (2019-2022) and starts in 2025.\n")
    rows = {r["title"]: r for r in extract(text)}
    assert "Green Skills for Coastal Youth in Ghana and Togo (GREENCOAST)" in rows
    b = rows["Blue Jobs in West African Ports"]
    assert (b["start_year"], b["end_year"]) == (2019, 2022)
    # a quoted slogan before 'initiative' with no article is not taken
    assert not [r for r in extract('We back "Jobs Now For All" initiative plans.\n') if "Jobs Now" in r["title"]]


def test_bold_name_field_in_a_key_facts_block_and_a_funder_named_in_a_money_label():
    text = ("# Sida backs fair recruitment in Nepal\n\n## Key facts\n\n**The project**\n"
            "- **Name:** Fair Recruitment Corridors for Nepali Workers\n- **Duration:** 4 years, 2024–2027\n"
            "- **Countries:** Nepal and Malaysia\n\n**The money**\n- **Sida grant:** SEK 30 million\n")
    [r] = extract(text)
    assert r["title"] == "Fair Recruitment Corridors for Nepali Workers"
    assert (r["start_year"], r["end_year"], r["countries"]) == (2024, 2027, ["NPL", "MYS"])
    assert r["funder"] == "Sida"
    # a person's name field is no project
    assert extract("Speaker\n- **Name:** Ms Ana Lopez Garcia\n- **Role:** Director\n") == []


def test_quoted_title_with_its_funding_after_it_and_numbered_country_headings():
    text = ("Regional overview of the year.\n\n3.1 Ghana\n"
            "The Royal Danish Embassy finances \"Green Jobs in Cocoa Cooperatives\" with USD 2.5 million over 2023-2026. "
            "The project trained 300 farmers.\n\n3.2 Togo\n"
            "Work under \"Safer Ports for Lomé Dock Workers\", funded by Japan with USD 1.2 million (2022-2024), "
            "resumed in May.\n")
    rows = {r["title"]: r for r in extract(text)}
    g = rows["Green Jobs in Cocoa Cooperatives"]
    assert (g["start_year"], g["end_year"], g["budget_usd"], g["countries"]) == (2023, 2026, 2500000, ["GHA"])
    assert "Danish" in g["funder"]
    t = rows["Safer Ports for Lomé Dock Workers"]
    assert (t["start_year"], t["end_year"], t["budget_usd"], t["countries"]) == (2022, 2024, 1200000, ["TGO"])
    # a quoted slogan with an amount but no funding verb is no project
    assert extract('The minister said "Jobs Come First For All" with USD 5 million pledged.\n') == []


def test_project_cards_with_stacked_fields_under_a_group_heading():
    text = ("# Our partners\n\nIntro text about the partnership.\n\n"
            "## Projects supported by Ireland\n\nFigures in euros.\n\n"
            "### Green Skills for Coastal Towns\n\nCountries\n\nGhana, Togo\n\nPeriod\n\n2021 – 2024\n\n"
            "Amount\n\nEUR 2.0 million\n\nTrains young people in coastal towns.\n\n"
            "### Better Work Lesotho – Irish contribution\n\nCountries\n\nLesotho\n\nPeriod\n\n2020 – 2023\n\n"
            "Amount\n\nEUR 1.1 million\n\nFactory assessments.\n\n"
            "### Safer Fishing Jobs in the Atlantic\n\nCountries\n\nSenegal\n\nPeriod\n\n2025 – 2027\n\n"
            "Amount\n\nEUR 3.0 million\n\nCrew conditions.\n\n## Contact\n\nWrite to us.\n")
    rows = {r["title"]: r for r in extract(text)}
    assert set(rows) == {"Green Skills for Coastal Towns", "Better Work Lesotho – Irish contribution",
                         "Safer Fishing Jobs in the Atlantic"}
    g = rows["Green Skills for Coastal Towns"]
    assert (g["start_year"], g["end_year"], g["countries"]) == (2021, 2024, ["GHA", "TGO"])
    assert g["budget_usd"] and g["budget_usd"] > 2_000_000
    assert rows["Safer Fishing Jobs in the Atlantic"]["countries"] == ["SEN"]


def test_fact_sheet_title_after_a_report_kind_and_period():
    text = ("# Annual Progress Report 2024\n\n## Decent Jobs in Rwandan Tea Estates (TEA-WORK)\n\n"
            "| | |\n|---|---|\n| **Donor** | Irish Aid |\n| **Countries** | Rwanda |\n"
            "| **Project period** | 2023 – 2026 |\n| **Total budget** | USD 2,000,000 |\n\n"
            "The project trained 300 pickers.\n")
    rows = extract(text)
    assert [r["title"] for r in rows] == ["Decent Jobs in Rwandan Tea Estates (TEA-WORK)"]
    assert (rows[0]["start_year"], rows[0]["end_year"]) == (2023, 2026)


def test_fact_box_in_two_columns_under_an_at_a_glance_heading():
    text = ("MID-TERM EVALUATION\nSafer Mines for Workers in Ghana and Togo (SAFEMINE) Executive summary\n"
            "PROJECT AT A GLANCE\nCountries:       Ghana, Togo                  Total budget:     USD 4.0 million\n"
            "Duration:        1 May 2021 - 30 April 2025       Donors:           Sweden\n"
            "Background\nThe project works with mine workers.\n")
    rows = extract(text)
    assert [r["title"] for r in rows] == ["Safer Mines for Workers in Ghana and Togo (SAFEMINE)"]
    assert (rows[0]["start_year"], rows[0]["end_year"], rows[0]["budget_usd"]) == (2021, 2025, 4_000_000)


def test_named_ranges_with_an_acronym_in_a_list_of_funded_projects():
    text = ("Main projects: Safety at Work in Dhaka Factories (SAWDF, 2021–2024), funded by the Government of "
            "Norway with USD 2 million; Skills for Coastal Youth in Chattogram (2022–2025), funded by the "
            "European Union with USD 3 million.\n")
    rows = {r["title"]: r for r in extract(text)}
    assert set(rows) == {"Safety at Work in Dhaka Factories", "Skills for Coastal Youth in Chattogram"}
    a, b = rows["Safety at Work in Dhaka Factories"], rows["Skills for Coastal Youth in Chattogram"]
    assert (a["start_year"], a["end_year"], a["budget_usd"]) == (2021, 2024, 2_000_000)
    assert (b["start_year"], b["budget_usd"]) == (2022, 3_000_000)


def test_table_budget_with_its_currency_in_a_column_of_its_own():
    text = ("# Portfolio\n\n| Code | Project title | Country | Donor | Budget | Currency | Start | End |\n"
            "|---|---|---|---|---|---|---|---|\n"
            "| A/1 | Safer Ports for Dock Workers | Kenya | European Union | 2,000,000 | EUR | 2022-01-01 | 2024-12-31 |\n"
            "| A/2 | Skills for Coastal Towns | Ghana | Norad | 500,000 | USD | 2021-01-01 | 2023-12-31 |\n")
    rows = {r["title"]: r for r in extract(text)}
    assert round(rows["Safer Ports for Dock Workers"]["budget_usd"]) == 2107114   # EUR at the 2022 rate
    assert rows["Skills for Coastal Towns"]["budget_usd"] == 500000


def test_acronym_with_a_digit_after_a_programme_name():
    text = ("Intro.\n\nThe Coastal Roads and Green Jobs Programme (C2J) is implemented by the ILO and funded by "
            "Norway with USD 2 million for 2022–2024.\n")
    titles = [r["title"] for r in extract(text)]
    assert titles == ["Coastal Roads and Green Jobs Programme"]


def test_project_is_called_and_possessive_lead_before_a_quoted_programme():
    text = 'Intro.\n\nHOST: So what is it? GUEST: The project is called "Safer Ports for Dock Workers", funded by Norway.\n'
    assert [r["title"] for r in extract(text)] == ["Safer Ports for Dock Workers"]
    text = ('Intro.\n\n- 2019 – Japan commits USD 2 million to the ILO\'s "Skills for Coastal Towns and Villages" '
            'programme (2019–2021), which trains fishers.\n')
    rows = extract(text)
    assert [r["title"] for r in rows] == ["Skills for Coastal Towns and Villages"]
    assert (rows[0]["start_year"], rows[0]["end_year"]) == (2019, 2021)


def test_ilo_project_title_followed_by_its_acronym_in_brackets():
    text = ("Intro.\n\nThe app was built under the ILO project Safer Ports for Dock Workers in Kenya (SPDW-K), "
            "which runs from March 2022 to February 2025.\n")
    rows = extract(text)
    assert [r["title"] for r in rows] == ["Safer Ports for Dock Workers in Kenya"]
    assert rows[0]["countries"] == ["KEN"]


def test_fields_just_above_a_project_field_are_its_own():
    text = ("# Good practice: port workers\n\nCountry: Kenya\nFunding: Norad\nPeriod: May 2020 – June 2023\n"
            "Budget: USD 1.5 million\nProject: Safer Ports for Dock Workers\n\n## Challenge\n\n"
            "A dock worker earns about US$ 9 a day. The project began work in 2021.\n")
    row = next(r for r in extract(text) if r["title"] == "Safer Ports for Dock Workers")
    assert (row["start_year"], row["end_year"], row["budget_usd"]) == (2020, 2023, 1500000)


def test_factsheet_heading_with_a_short_name_takes_the_full_name_below():
    text = ("# Monitoring Plan — SAFE-PORT\n\nSafer Ports for Dock Workers in Kenya (SAFE-PORT)\n\n| | |\n|---|---|\n"
            "| Donor | Norad |\n| Budget | USD 2,000,000 |\n| Duration | 1 May 2022 – 30 April 2025 |\n\n## Outcomes\n\nText.\n")
    rows = extract(text)
    assert [r["title"] for r in rows] == ["Safer Ports for Dock Workers in Kenya (SAFE-PORT)"]


def test_name_with_acronym_said_to_run_over_years():
    text = ("Cooperation with Norway\n\nSafer Ports and Decent Work in East Africa (SAFE-PORT II) began in 2020 and runs "
            "until 2024 with a contribution of NOK 20 million.\n\nFair Fishing Jobs in Kenya and Tanzania (FFJ-KE/TZ) started "
            "in 2021 and will end in 2023. Both programmes train fishers.\n")
    titles = sorted(r["title"] for r in extract(text))
    assert titles == ["Fair Fishing Jobs in Kenya and Tanzania", "Safer Ports and Decent Work in East Africa"]


def test_paragraph_opening_with_a_title_and_its_years_in_brackets():
    text = ("Photo story.\n\nDock workers unload ships at night.\n\n"
            "Safer Ports: Decent Work in Kenya's Coastal Economy (2021–2024) is funded by Norway and implemented by the ILO.\n")
    rows = extract(text)
    assert [(r["title"], r["start_year"], r["end_year"]) for r in rows] == \
        [("Safer Ports: Decent Work in Kenya's Coastal Economy", 2021, 2024)]


def test_fund_report_names_a_project_with_its_period_and_amount_in_brackets():
    text = ("3. Allocations\nThe board approved US$ 9 million for seven projects in four countries.\n"
            "   Country     Projects    Approved\n   Kenya          4        5,000,000\n   Uganda         3        4,000,000\n"
            "The biggest grant, Safer Harbours for Dock Workers (2021-2024, US$ 1.9 million), is run with the "
            "Ministry of Labour of Kenya. In Uganda, Cleaner Brick Kilns for Young Workers (2022-2025, US$ 0.8 million) "
            "trains kiln owners.\n")
    rows = {r["title"]: r for r in extract(text)}
    assert set(rows) == {"Safer Harbours for Dock Workers", "Cleaner Brick Kilns for Young Workers"}
    a, b = rows["Safer Harbours for Dock Workers"], rows["Cleaner Brick Kilns for Young Workers"]
    assert (a["start_year"], a["end_year"], a["budget_usd"], a["countries"]) == (2021, 2024, 1900000, ["KEN"])
    assert (b["budget_usd"], b["countries"]) == (800000, ["UGA"])


def test_quoted_title_followed_by_a_programme_apposition():
    text = ("Thread 1/4: Today in Accra we opened #CoolJobsGH - \"Cooling Technicians for Ghana's Cities\", a three-year "
            "programme (2025–2027) for young technicians. It is funded by Denmark with USD 3 million.\n")
    rows = extract(text)
    assert [(r["title"], r["start_year"], r["end_year"]) for r in rows] == \
        [("Cooling Technicians for Ghana's Cities", 2025, 2027)]


def test_appositive_title_after_a_joint_agency_programme_with_a_plus_acronym():
    text = ("Norway announced a grant of NOK 20 million to a joint ILO–UNDP programme, Green Ports for Coastal Youth "
            "(PORTS+), to be implemented in Kenya and Tanzania from 2025 to 2028.\n")
    rows = extract(text)
    assert [r["title"] for r in rows] == ["Green Ports for Coastal Youth"]
    assert rows[0]["countries"] == ["KEN", "TZA"] and rows[0]["funder"]


def test_fields_in_a_drawn_box_and_a_dated_genre_suffix():
    text = ("Safer Kilns for Brick Workers in Nepal (SKB-Nepal) Progress brief - June 2024\n\nThe project trains kiln owners.\n\n"
            "+----------------------------------------+\n|  PROJECT DATA                          |\n"
            "|  Duration:   May 2021 - April 2024     |\n|  Budget:     USD 2.5 million           |\n"
            "|  Donor:      Government of Japan       |\n+----------------------------------------+\n")
    rows = extract(text)
    assert [r["title"] for r in rows] == ["Safer Kilns for Brick Workers in Nepal (SKB-Nepal)"]
    assert (rows[0]["start_year"], rows[0]["end_year"], rows[0]["budget_usd"]) == (2021, 2024, 2500000)


def test_numbered_phase_of_a_programme_and_a_capitalised_initiative_with_its_amount():
    text = ("| 3 May 2024 | Launch of phase III of the Rural Roads Employment Programme in Nepal | Kathmandu |\n\n"
            "This year we started with the ILO the Andean Fair Recruitment Initiative – USD 4 million from 2024 to 2027.\n")
    titles = {r["title"]: r for r in extract(text)}
    assert "Rural Roads Employment Programme in Nepal" in titles
    r = titles["Andean Fair Recruitment Initiative"]
    assert (r["start_year"], r["end_year"], r["budget_usd"]) == (2024, 2027, 4000000)


def test_no_title_between_two_quoted_references_nor_from_a_list_of_partners():
    text = ("Intro.\n\nReferences\n1. \"Peru launches a new fisheries project\". Andina. 3 May 2024.\n"
            "2. \"Unions back port safety programme\". Port News. 9 June 2023.\n\n"
            "Project: Safer Ports for Dock Workers\nNational partners: Ministry of Labour (MTPE);\n"
            "  Peruvian Port Workers Union (SUTP); National Society of Industries (SNI)\nStart date: 2022-01-01\n"
            "End date: 2024-12-31\nBudget: USD 1,000,000\n")
    titles = [r["title"] for r in extract(text)]
    assert titles == ["Safer Ports for Dock Workers"]


def test_fixed_width_table_without_rulers_wrapped_cells_and_caption_funder():
    text = ("Our work with partners in the region is reviewed every year. Table 2: Danida-funded ILO projects in the region\n"
            "No. Project                            Countries    Period       DKK       US$ equiv.\n"
            "\n"
            "1   Fair Wages for Tea Pickers          Kenya        2021-2024  9,000,000   1,300,000\n"
            "2   Cleaner Kilns for Brick Workers     Uganda,      2022-2025  6,000,000     870,000\n"
            "    (CLEAN-KILN)                        Rwanda\n"
            "    Total                                                     15,000,000   2,170,000\n"
            "Note: commitments at signature.\n")
    rows = by_title(extract(text))
    assert set(rows) == {"Fair Wages for Tea Pickers", "Cleaner Kilns for Brick Workers (CLEAN-KILN)"}
    kiln = rows["Cleaner Kilns for Brick Workers (CLEAN-KILN)"]
    assert (kiln["start_year"], kiln["end_year"], kiln["budget_usd"], kiln["countries"]) == \
        (2022, 2025, 870_000, ["UGA", "RWA"])
    assert kiln["funder"] == "Danida"
    for r in rows.values():
        assert text[r["char_start"]:r["char_end"]] == r["evidence"]


def test_email_signature_names_the_project_and_grant_agreement_funder():
    text = ("Subject: RE: SAFE-NETS - revised workplan\n\nDear Tom,\n\n"
            "We propose moving EUR 200,000 from Output 1 to Output 2.\n\n"
            "For the record, the grant agreement was signed between the Embassy of Finland in Hanoi and "
            "the ILO for EUR 3 million (approx. USD 3.3 million) for 2022-2025.\n\n"
            "Best,\nMai\n\nMai Tran\nChief Technical Adviser, SAFE-NETS - Safer Fishing Nets for Coastal Workers\n"
            "ILO Country Office for Viet Nam | Hanoi\n")
    rows = extract(text)
    assert [r["title"] for r in rows] == ["SAFE-NETS - Safer Fishing Nets for Coastal Workers"]
    r = rows[0]
    assert (r["start_year"], r["end_year"], r["budget_usd"]) == (2022, 2025, 3_300_000)
    assert r["funder"] == "Embassy of Finland in Hanoi"


def test_wrapped_title_field_and_origin_country_in_title():
    text = ("PROJECT AT A GLANCE\n"
            "Title:        Job Placement for Refugees from Syria and Host\n"
            "              Communities in Jordan (JOBS-J)\n"
            "Duration:     March 2022 – February 2025\n"
            "Funded by:    Royal Danish Embassy\n")
    rows = extract(text)
    assert len(rows) == 1
    assert rows[0]["title"] == "Job Placement for Refugees from Syria and Host Communities in Jordan"
    assert rows[0]["countries"] == ["JOR"]


def test_a_persons_role_with_an_acronym_is_no_project():
    text = ("The project trains migrants in Lima. For Ana Ruiz, Head of the National Training Authority "
            "(NTA), the project has changed how the public service works.\n")
    assert not [r for r in extract(text) if "Head" in r["title"]]


def test_table_cells_plain_word_country_list_and_amount_column_fallback():
    text = ("------------------------------------------------------------------------------------------------\n"
            "No.  Funding partner     Amount            US$ eq.   Period     Purpose / project\n"
            "------------------------------------------------------------------------------------------------\n"
            "1    Finland             EUR 2,000,000     n/a       2024       Unearmarked\n"
            "2    New Zealand         NZD 4,000,000     n/a       2024–2026  Safe Boats for Island Fishers\n"
            "                                                                (Fiji, Tonga)\n"
            "------------------------------------------------------------------------------------------------\n")
    rows = extract(text)
    assert [r["title"] for r in rows] == ["Safe Boats for Island Fishers"]
    assert rows[0]["countries"] == ["FJI", "TON"]
    assert rows[0]["budget_usd"] and rows[0]["budget_usd"] > 2_000_000


def test_x_funded_project_title_with_acronym_years_and_amount_in_brackets():
    text = ("The session will hear about the new EU-funded project Decent Jobs in Coastal Tourism "
            "(DJCT, 2023–2026; EUR 2 million, approx. US$ 2.2 million).\n")
    rows = extract(text)
    assert [r["title"] for r in rows] == ["Decent Jobs in Coastal Tourism"]
    assert (rows[0]["start_year"], rows[0]["end_year"], rows[0]["budget_usd"]) == (2023, 2026, 2_200_000)


def test_short_name_partnership_funded_by_and_budget_set_aside_for_a_programme():
    text = ("In the north, the BRIDGES partnership, funded by Norway and bringing together three agencies, "
            "has trained 5,000 people. This year the Ministry of Finance has set aside USD 12 million "
            "for the National Youth Service Programme, which will employ young people.\n")
    rows = by_title(extract(text))
    assert rows["BRIDGES partnership"]["funder"] == "Government of Norway"
    nysp = rows["National Youth Service Programme"]
    assert nysp["budget_usd"] == 12_000_000 and nysp["funder"] == "Ministry of Finance"


def test_two_column_fact_card_is_read_column_by_column(tmp_path):
    """The reader lays a plain-text card's columns out one after the other (read.split_columns);
    the projects of its right column then read as list items."""
    from flows.read import read_document

    left = ["AT A GLANCE", "Member since ....... 1950", "Conventions ........ 60", "Offices ............ 2",
            "Main channel: the Agency for", "Development (ADA)", "", "CONTACTS", "Some Street 1", "City", "", ""]
    right = ["WHAT IT FUNDS", "- Green Ports for Dock Workers in", "Ghana and Togo (2021-2024; US$ 2.5",
             "million), with the port authorities.", "- Fair Work for Domestic Workers in",
             "Peru (2022-2025; US$ 1.8 million). So far",
             "3,000 workers have been reached and two", "laws were amended in the period.",
             "", "Reviewing together. The annual review", "met in the capital in March with the",
             "social partners of both countries."]
    body = "\n".join(f"{a:<44}{b}".rstrip() for a, b in zip(left, right))
    (tmp_path / "card.txt").write_text("AUSTRIA AND THE ILO        PARTNERSHIP CARD\n\n" + body + "\n",
                                       encoding="utf-8")
    text = read_document(tmp_path / "card.txt", tmp_path)["text"]
    rows = by_title(extract(text))
    assert set(rows) == {"Green Ports for Dock Workers in Ghana and Togo", "Fair Work for Domestic Workers in Peru"}
    ports = rows["Green Ports for Dock Workers in Ghana and Togo"]
    assert (ports["start_year"], ports["end_year"], ports["budget_usd"], ports["countries"]) == \
        (2021, 2024, 2_500_000, ["GHA", "TGO"])
    for r in rows.values():
        assert text[r["char_start"]:r["char_end"]] == r["evidence"]


def test_numbered_briefs_with_codes_and_a_summary_table_of_short_names():
    """'1. Title (ABC/23/01/XYZ)' lines are project headings; the summary table's short names
    are the same projects (its columns of ISO codes and 'MM/YYYY-MM/YYYY' periods fill in)."""
    text = ("PORTFOLIO NOTE\n\nThree ongoing projects are summarised below.\n\n"
            "1. Cleaner Brick Kilns for Decent Work in Nepal (NPL/22/03/GBR)\n\n"
            "Starting from a pilot in two districts, the project (March 2022 - February 2025) organizes "
            "kiln workers. It is funded by the Ocean Trust with GBP 1.2 million.\n\n"
            "2. Port Skills for Youth in Ghana and Togo (RAF/23/07/NLD)\n\n"
            "Funded by the Harbour Foundation with EUR 2m for 2023-2026 (approx. US$ 2.2 million), "
            "the project trains young dockers.\n\n"
            "3. Results so far\n\nThe projects trained 900 people.\n\n"
            "Summary table\n\n"
            "Project                      Countries      Period             Funder\n"
            "Cleaner Brick Kilns          NPL            03/2022-02/2025    Ocean Trust\n"
            "Port Skills for Youth        GHA, TGO       2023-2026          Harbour Foundation\n")
    rows = by_title(extract(text))
    assert set(rows) == {"Cleaner Brick Kilns for Decent Work in Nepal", "Port Skills for Youth in Ghana and Togo"}
    kilns = rows["Cleaner Brick Kilns for Decent Work in Nepal"]
    assert (kilns["start_year"], kilns["end_year"], kilns["countries"]) == (2022, 2025, ["NPL"])
    port = rows["Port Skills for Youth in Ghana and Togo"]
    assert (port["start_year"], port["end_year"], port["countries"], port["budget_usd"]) == \
        (2023, 2026, ["GHA", "TGO"], 2_200_000)


def test_quoted_title_with_years_in_brackets_and_a_project_in_a_place():
    text = ("Earmarked funds went to \"Safer Boats for Small-Scale Fishers\" (2021-2024), "
            "which trains crews in Senegal.\n\n"
            "The ILO also runs a project in Malawi, \"Better Tea Estates for Workers\", funded by "
            "the U.S. Department of Labor (USDOL) with $1.4 million for 2022 to 2025.\n\n"
            "The report \"Fishing Safety in West Africa Today\" (2019-2020) is out.")
    rows = by_title(extract(text))
    assert set(rows) == {"Safer Boats for Small-Scale Fishers", "Better Tea Estates for Workers"}
    assert (rows["Safer Boats for Small-Scale Fishers"]["start_year"],
            rows["Safer Boats for Small-Scale Fishers"]["end_year"]) == (2021, 2024)
    tea = rows["Better Tea Estates for Workers"]
    assert tea["budget_usd"] == 1_400_000 and tea["funder_acronym"] == "USDOL"


def test_funder_before_and_the_ilo_with_its_acronym():
    text = ("In May, Iceland's Directorate for Development (DDI) and the ILO signed the agreement for "
            "\"Coastal Jobs for Young Women\" (2024-2026).")
    row = extract(text)[0]
    assert row["funder_acronym"] == "DDI" and (row["start_year"], row["end_year"]) == (2024, 2026)


def test_an_amount_is_no_project_title():
    text = ("| Project | Budget |\n| --- | --- |\n| Green Roads for Rural Jobs | 2,000,000 |\n"
            "| 6,150,000 | 6,150,000 |\n")
    assert [r["title"] for r in extract(text)] == ["Green Roads for Rural Jobs"]


def test_pdf_boxes_with_several_fields_to_a_line():
    """A PDF flattens a project box: the fields come several to a line, a title may wrap at its
    bracket or run into its fields on one line."""
    text = ("Main projects\n"
            "Clean Air Jobs for Urban Workers in Asia (CLEAN-AIR) Period: 2021-2024. Countries: Nepal and "
            "India. Budget: EUR 4.0 million (approx. US$ 4.4 million). Funded by the Blue Fund.\n\n"
            "Fair Harvest Work for Seasonal Migrants\n"
            "Period: 2022-2025. Countries: Chile and Peru. Budget: EUR 2.0 million (approx. US$ 2.2 million).\n\n"
            "The project reached 4,000 workers.\n\n"
            "Safer Quarries and Decent Work in the Highlands (SQ-\n"
            "HIGH)\n"
            "Period: 2020-2023. Countries: Ethiopia. Budget: EUR 1.0 million (approx. US$ 1.1 million).\n")
    rows = by_title(extract(text))
    assert set(rows) == {"Clean Air Jobs for Urban Workers in Asia (CLEAN-AIR)", "Fair Harvest Work for Seasonal Migrants",
                         "Safer Quarries and Decent Work in the Highlands"}
    harvest = rows["Fair Harvest Work for Seasonal Migrants"]
    assert (harvest["start_year"], harvest["end_year"], harvest["countries"], harvest["budget_usd"]) == \
        (2022, 2025, ["CHL", "PER"], 2_200_000)
    air = rows["Clean Air Jobs for Urban Workers in Asia (CLEAN-AIR)"]
    assert (air["start_year"], air["countries"], air["budget_usd"]) == (2021, ["NPL", "IND"], 4_400_000)
    assert rows["Safer Quarries and Decent Work in the Highlands"]["countries"] == ["ETH"]


def test_name_after_the_and_a_duration_before_the_word_programme():
    text = ("A joint programme was launched in Lira on 3 May 2025. The three-year Green Farms for "
            "Young Workers in Lango programme brings four agencies together.")
    assert [r["title"] for r in extract(text)] == ["Green Farms for Young Workers in Lango"]


def test_subtitle_calling_the_title_a_funded_project_and_its_whole_amount():
    """A newsletter's subtitle 'Title — an ILO project funded by X' names the project the whole
    document is about; 'funded by X with AMOUNT' is its budget, not a year's workplan budget."""
    text = ("# Harbour Jobs Bulletin\n\n"
            "*Decent Work for Dock Workers in Mombasa — an ILO project funded by the Government of Norway*\n\n"
            "## News\n\nThe steering committee approved a budget of KES 20 million for activities in 2025.\n\n"
            "## About the project\n\nThe project runs from March 2023 to February 2026 in Kenya. It is funded "
            "by the Government of Norway with NOK 30 million (approximately US$ 2.9 million).\n")
    rows = extract(text)
    assert [r["title"] for r in rows] == ["Decent Work for Dock Workers in Mombasa"]
    assert rows[0]["funder"] == "Government of Norway" and rows[0]["budget_usd"] == 2_900_000


def test_fact_sheet_title_under_a_banner_line():
    text = ("REGIONAL COOPERATION  ·  PROJECT FACT SHEET  ·  March 2025\n\n"
            "Andes – Caribbean: Sharing Port Skills for Young Workers\n(PORT-SKILLS)\n\n"
            "Duration:      1 May 2023 – 30 April 2026\n"
            "Countries:     Peru, Chile and Jamaica\n"
            "Total budget:  US$ 2,400,000\n"
            "Donors:        Agency for Port Cooperation\n")
    rows = extract(text)
    assert [r["title"] for r in rows] == ["Andes – Caribbean: Sharing Port Skills for Young Workers"]
    assert (rows[0]["start_year"], rows[0]["end_year"], rows[0]["budget_usd"]) == (2023, 2026, 2_400_000)


def test_a_list_of_objectives_names_no_projects():
    text = ("The project pursues two immediate objectives:\n\n"
            "1. Labour inspectorates apply national laws on safety and health in mines.\n\n"
            "2. Mine workers and employers use social dialogue to improve conditions.\n")
    assert extract(text) == []


def test_phases_of_a_programme_are_projects_of_their_own():
    """'Name – Phase II: subtitle' in running text is a phase, not the programme itself; a
    heading 'Phase II (2023–2026)' above it gives its years; '### Origins (2018–2019)' is a chapter."""
    text = ("# Clean Ports Programme\n\n"
            "| Clean Ports for Decent Jobs | |\n| --- | --- |\n| Duration | 2018 – 2026 |\n| Budget | US$ 9 million |\n\n"
            "### Origins (2016–2017)\n\nThe programme grew out of a port study.\n\n"
            "### Phase II (2022–2026)\n\n"
            "The Government of Ruritania signed an agreement with the ILO in May 2022 for Clean Ports for Decent "
            "Jobs – Phase II: Scaling up in Ghana and Togo, with a contribution of US$ 4 million.\n")
    rows = by_title(extract(text))
    assert "Origins" not in rows
    phase = rows["Clean Ports for Decent Jobs – Phase II: Scaling up in Ghana and Togo"]
    assert (phase["start_year"], phase["end_year"], phase["budget_usd"]) == (2022, 2026, 4_000_000)
    assert any("Phase" not in t and t.startswith("Clean Ports") for t in rows)     # the programme itself


def test_lettered_items_over_a_line_of_fields_with_funder_and_period():
    """'a) Title' then 'Funder: X | Period: 2021-2023' and 'Budget: ...': the marker is no part
    of the title; the Funder field names the funder; '* Title (2022-2024)' over its field line
    has its years in the title's brackets."""
    text = ("PORTFOLIO\n\n"
            "a) Rural Roads for Jobs in the Northern Highlands\n"
            "   Funder: Nordic Relief Agency | Period: 2021-2023\n"
            "   Budget: US$ 3 million\n"
            "   The project built 40 km of roads.\n\n"
            "* Fair Recruitment Corridors for Migrant Workers (2022-2024)\n"
            "  Countries: Nepal, Qatar | Funder: Ministry of Labour | Budget: US$ 900,000\n")
    rows = by_title(extract(text))
    a = rows["Rural Roads for Jobs in the Northern Highlands"]
    assert (a["start_year"], a["end_year"], a["budget_usd"]) == (2021, 2023, 3_000_000)
    assert "Nordic Relief Agency" in a["funder"]
    b = rows["Fair Recruitment Corridors for Migrant Workers"]
    assert (b["start_year"], b["end_year"], b["budget_usd"]) == (2022, 2024, 900_000)
    assert set(b["countries"]) == {"NPL", "QAT"}


def test_a_list_item_title_keeps_its_subtitle_after_a_colon():
    text = ("Projects funded by Ruritania:\n\n"
            "- Clean Harbours: Decent Work for Dock Workers in Togo and Benin — 2022–2025, US$ 2.2 million.\n"
            "- Skills for Tomorrow — Kenya, 2021–2024, US$ 1.1 million.\n")
    rows = by_title(extract(text))
    assert "Clean Harbours: Decent Work for Dock Workers in Togo and Benin" in rows
    assert rows["Clean Harbours: Decent Work for Dock Workers in Togo and Benin"]["budget_usd"] == 2_200_000


def test_a_sentence_case_title_after_the_word_project_and_before_its_years():
    text = ("The regional project Improving labour migration governance in the Gulf and South Asia "
            "(2023–2026) is financed with EUR 2 million. A new programme, Green Ports for Coastal Towns "
            "(2024–2027), will start in Ghana.\n")
    rows = by_title(extract(text))
    assert "Improving labour migration governance in the Gulf and South Asia" in rows
    assert (rows["Green Ports for Coastal Towns"]["start_year"], rows["Green Ports for Coastal Towns"]["end_year"]) == (2024, 2027)


def test_titles_with_years_under_a_heading_that_names_programmes():
    """A PDF's list of programmes run together: 'Title (2020-2022) Countries | With ... | budget'."""
    text = ("Selected joint programmes\n"
            "Safer Markets for Women Traders in the Sahel (2020-2022) Mali, Niger | With FAO | Total budget "
            "US$ 2 million. Traders were trained. Water Points for Peace in the Border Area (2021-2023)\n"
            "Chad | With UNDP | Total budget US$ 1 million.\n")
    rows = by_title(extract(text))
    assert rows["Safer Markets for Women Traders in the Sahel"]["start_year"] == 2020
    assert rows["Water Points for Peace in the Border Area"]["end_year"] == 2023


def test_a_table_of_named_components_under_a_title_that_names_the_funder():
    """'| Component | Countries | EUR |': named components are projects of the funder the
    title names; budget lines ('Programme support costs', 'Outcome 1 – ...') are not."""
    text = ("# Ruritania commits EUR 9 million to fair work in Africa\n\n"
            "Ruritania will provide EUR 9 million to the ILO.\n\n"
            "## Allocation\n\n"
            "| Component | Countries | EUR | approx. US$ |\n"
            "| Fair Harvest Ghana | Ghana | 4 million | 4.3 million |\n"
            "| Fair Harvest Togo | Togo | 3 million | 3.2 million |\n"
            "| Outcome 3 – Labour Inspection Systems | – | 1 million | 1.1 million |\n"
            "| Programme support costs | – | 1 million | 1.1 million |\n")
    rows = by_title(extract(text))
    assert set(rows) == {"Fair Harvest Ghana", "Fair Harvest Togo"}
    assert rows["Fair Harvest Ghana"]["budget_usd"] == 4_300_000
    assert rows["Fair Harvest Ghana"]["countries"] == ["GHA"]
    assert "Ruritania" in (rows["Fair Harvest Ghana"]["funder"] or "")


def test_subheadings_under_a_projects_heading_and_short_name_headings():
    """Under '## Joint projects', a subheading whose text says 'a project that ...' or 'is
    funded by' is a project; a subheading that only repeats, in short, a project named in full
    in the table above ('Port safety in Togo') is that project, not another."""
    text = ("# Ruritania and the ILO\n\n"
            "## Joint projects\n\n"
            "| Project | Countries | Period | Budget |\n|---|---|---|---|\n"
            "| Strengthening Port Safety Committees in West Africa | Togo | 2021–2024 | US$ 2 million |\n\n"
            "### Port safety in Togo\n\nWorking with the port authority, the project set up 12 committees.\n\n"
            "### Seeds of Work for Rural Women\n\n"
            "Ruritania financed with US$ 800,000 a project that trained women farmers in Benin and Togo "
            "between 2020 and 2023.\n\n"
            "### Labour court exchange with Chad\n\n"
            "Judges from Chad visited Ruritania in 2022. The exchange is funded by Ruritania.\n")
    rows = by_title(extract(text))
    assert "Port safety in Togo" not in rows
    assert "Strengthening Port Safety Committees in West Africa" in rows
    seeds = rows["Seeds of Work for Rural Women"]
    assert (seeds["start_year"], seeds["end_year"]) == (2020, 2023)
    assert "Labour court exchange with Chad" in rows


def test_a_portfolio_overview_title_and_dot_leader_fields_are_no_projects():
    text = ("ILO OFFICE FOR RURITANIA\n\n"
            "RURITANIA: DEVELOPMENT COOPERATION PORTFOLIO OVERVIEW\n"
            "Status: March 2025\n\n"
            "2.1 Decent Harvest Jobs in the Eastern Valleys\n"
            "Donor: European Union\n"
            "Period: 2022-2026\n"
            "Budget: US$ 4 million\n\n"
            "Project code ........... RUR/22/01/EUR\n"
            "Duration ............... 2022 - 2026\n"
            "Budget ................. US$ 4 million\n")
    rows = extract(text)
    assert [r["title"] for r in rows] == ["Decent Harvest Jobs in the Eastern Valleys"]
    assert (rows[0]["start_year"], rows[0]["end_year"]) == (2022, 2026)


def test_a_text_naming_thousands_of_projects_takes_linear_time():
    # every title was compared with every title merged before it (time growing with the
    # square of their number); beyond a few hundred, only titles sharing a rarer word are
    from linear import grows_linearly

    def make(n):
        return "".join(f"## Project {i} for Decent Work (2020–2024)\n\nFunded by Sweden with SEK {i + 1} million.\n\n"
                       for i in range(n))
    ok, a, b = grows_linearly(extract, make, 300, factor=10)  # quadratic code: ratio ~57; linear ~13
    assert ok, (a, b)


def test_a_project_stated_twice_is_one_project():
    text = ("## Skills for Green Jobs in Coastal Kenya (2021–2024)\n\nFunded by Norway with NOK 20 million.\n\n"
            "Later, the Skills for Green Jobs in Coastal Kenya project trained 900 young people.\n")
    assert len(extract(text)) == 1


def test_a_list_item_opening_with_a_name_and_its_years_that_it_calls_the_project():
    text = ("AGREEMENTS CONCLUDED LAST YEAR\n\n"
            "- Clean Harbours and Decent Dock Work in Ghana (2024-2027). Signed in Accra on 3 May 2024 by "
            "Norad and the ILO, NOK 25 million. The project works with the port authority.\n\n"
            "- Study tour on wage policy. Labour officials visited Oslo in June.\n")
    rows = extract(text)
    assert [r["title"] for r in rows] == ["Clean Harbours and Decent Dock Work in Ghana"]
    assert (rows[0]["start_year"], rows[0]["end_year"], rows[0]["countries"]) == (2024, 2027, ["GHA"])


def test_an_agreement_amount_is_the_projects_budget():
    text = ("- Fair Wages for Tea Pickers in Malawi (2023-2026). Denmark signed a DKK 20 million agreement "
            "with the ILO in May 2023. The project supports tea estate unions.\n")
    rows = extract(text)
    assert len(rows) == 1 and 2_500_000 < rows[0]["budget_usd"] < 3_500_000


def test_a_name_with_an_elided_article_before_its_years():
    text = ("Safe Cashew Processing in Côte d'Ivoire (2022-2025). With a budget of US$ 2 million from Japan, "
            "this project trains cooperative members.\n")
    rows = extract(text)
    assert [r["title"] for r in rows] == ["Safe Cashew Processing in Côte d'Ivoire"]
    assert rows[0]["budget_usd"] == 2_000_000


def test_a_name_before_a_comma_that_calls_it_a_programme_with_years():
    text = ("The trust fund will finance Trabajo Digno Rural: Decent Work for Rural Youth in Peru, "
            "a four-year programme (2024–2027) run by the Ministry of Labour.\n")
    rows = extract(text)
    assert [r["title"] for r in rows] == ["Trabajo Digno Rural: Decent Work for Rural Youth in Peru"]
    assert (rows[0]["start_year"], rows[0]["end_year"]) == (2024, 2027)


def test_a_fixed_width_table_read_cut_at_a_wrapped_cell_is_read_whole():
    text = ("Selected joint programmes\n"
            "Country      Joint programme                          Period      Budget\n"
            "                                                                  (US$)\n"
            "Ghana        Decent jobs for young women in           2021-2023   1,500,000\n"
            "             coastal fisheries\n"
            "Peru         Social insurance for domestic workers    2021-2023   1,200,000\n"
            "Nepal        Green skills for returning migrant       2022-2024   900,000\n"
            "             workers\n"
            "In Ghana, the programme trained 2,000 women.\n")
    rows = extract(text)
    assert sorted(r["title"] for r in rows) == ["Decent jobs for young women in coastal fisheries",
                                                "Green skills for returning migrant workers",
                                                "Social insurance for domestic workers"]
    nepal = _by_title(rows, "Green skills")
    assert (nepal["countries"], nepal["start_year"], nepal["budget_usd"]) == (["NPL"], 2022, 900_000)


def test_a_line_of_countries_a_dash_and_a_name_over_its_grant():
    text = ("GRANTS WITH ILO TECHNICAL ASSISTANCE\n\n"
            "Kenya and Uganda - Labour market study of the Lake Victoria fisheries corridor\n"
            "Funded by the Nordic Development Fund (NDF): a grant of US$ 300,000 (2021-2022).\n\n"
            "Zambia - Youth Skills Programme for the Copperbelt Grant of US$ 500,000 in 2023 from the "
            "Climate Investment Funds (CIF).\n\n"
            "Ghana - World Bank loan of US$ 100 million, 2020-2025.\n\n"
            "NORWAY – Royal Norwegian Embassy in Accra\n"
            "  Safe Jobs in Cocoa Farming (grant)\n")
    rows = extract(text)
    lake = _by_title(rows, "Labour market study of the Lake Victoria")
    assert (lake["countries"], lake["start_year"], lake["end_year"], lake["budget_usd"]) == \
        (["KEN", "UGA"], 2021, 2022, 300_000)
    cop = _by_title(rows, "Youth Skills Programme for the Copperbelt")
    assert cop["title"] == "Youth Skills Programme for the Copperbelt" and cop["countries"] == ["ZMB"]
    assert not any("Embassy" in r["title"] for r in rows)


def test_a_boxs_fields_joined_on_one_line_keep_apart():
    text = ("New Zealand funds one ILO project in the Pacific.\n\n"
            "3.2 Decent Work in Island Fisheries (DWIF) Period: 2022 - 2025 | Budget: US$ 2 million | "
            "Funder: MFAT Countries: Fiji and Tonga\n\n"
            "The project trains fishers' associations.\n")
    row = _by_title(extract(text), "Decent Work in Island Fisheries")
    assert row["title"] == "Decent Work in Island Fisheries (DWIF)"     # no section number
    assert row["funder"] == "MFAT" and row["countries"] == ["FJI", "TON"]


def test_a_fact_sheets_countries_wrapped_or_split_by_origin_and_destination():
    wrapped = ("PROJECT FACT SHEET\n\nGreen Skills for the Lower Danube Basin\n\n"
               "Donor:\t\t\tAustrian Development Agency (ADA)\n"
               "Budget:\t\t\tEUR 2,000,000\n"
               "Duration:\t\t1 March 2023 - 28 February 2026\n"
               "Geographical coverage:\tRomania - Tulcea county; study visits\n"
               "\t\t\tto Bulgaria and Serbia\n"
               "Status:\t\t\tOngoing\n")
    rows = extract(wrapped)
    assert len(rows) == 1 and rows[0]["countries"] == ["ROU", "BGR", "SRB"]
    split = ("# Fair Passage: Labour Migration from Central Asia to Korea\n\n"
             "## At a glance\n\n"
             "| Duration | 1 May 2023 – 30 April 2026 |\n"
             "| Budget | US$ 3 million |\n"
             "| Funded by | Korea International Cooperation Agency (KOICA) |\n"
             "| Countries of origin | Kyrgyzstan, Uzbekistan |\n"
             "| Countries of destination | Republic of Korea |\n")
    rows = extract(split)
    assert len(rows) == 1 and sorted(rows[0]["countries"]) == ["KGZ", "KOR", "UZB"]


def test_a_page_titled_with_a_programmes_short_name_that_it_says_is_a_programme():
    text = ("# SAFE-GROW: Safe Work and Fair Growth in the Andes\n\n"
            "SAFE-GROW is a regional programme of the ILO that supports labour inspectorates.\n\n"
            "## Participating countries\n\n- Bolivia\n- Ecuador\n- Peru\n\n"
            "## Results\n\nSome 900 inspectors were trained, with help from Chile.\n")
    rows = extract(text)
    assert [r["title"] for r in rows] == ["SAFE-GROW: Safe Work and Fair Growth in the Andes"]
    assert rows[0]["countries"] == ["BOL", "ECU", "PER"]
    faq = ("# SAFE-GROW: Frequently asked questions\n\n"
           "SAFE-GROW is a regional programme of the ILO that supports labour inspectorates.\n")
    assert not any(r["title"].startswith("SAFE-GROW: Frequently") for r in extract(faq))


def test_a_report_part_heading_under_a_list_of_projects_is_no_project():
    text = ("## Projects funded by Norway\n\n"
            "### Decent Work in Coastal Fisheries\n\nThe project trains 300 fishers in Ghana.\n\n"
            "### Results so far\n\nUnder the fisheries project, 300 fishers were trained.\n")
    titles = [r["title"] for r in extract(text)]
    assert "Decent Work in Coastal Fisheries" in titles and "Results so far" not in titles


def test_a_pages_key_facts_each_name_over_its_value_and_a_funders_unit():
    text = ("# Green Ports and Decent Jobs in Kenya and Tanzania\n\n"
            "A three-year project that helps port authorities create safe jobs.\n\n"
            "## Key facts\n\nDuration\n\n1 March 2023 – 28 February 2026\n\n"
            "Countries\n\nKenya, United Republic of Tanzania\n\n"
            "Total budget\n\nEUR 3,000,000\n\n"
            "Funded by\n\nEuropean Union, Directorate-General for International Partnerships (DG INTPA)\n\n"
            "## Background\n\nPorts employ many casual workers.\n")
    rows = extract(text)
    assert len(rows) == 1
    row = rows[0]
    assert (row["start_year"], row["end_year"], row["countries"]) == (2023, 2026, ["KEN", "TZA"])
    assert row["funder"] == "Directorate-General for International Partnerships"


def test_cards_with_a_line_of_facts_under_their_titles():
    """'### Title' over '2021–2024 · Peru · EUR 2 million': a card's period, country and amount."""
    text = ("# Finland and the ILO: partner brief\n\n"
            "## Projects\n\n"
            "### Safer Mines for Andean Workers\n\n"
            "2021–2024 · Peru, Bolivia · US$ 3.5 million\n\n"
            "Miners' unions and inspectors learn to prevent accidents together.\n\n"
            "### Fair Wages in Coffee Farming\n\n"
            "2022–2026 · Honduras · US$ 1.2 million\n\n"
            "Growers' cooperatives negotiate wage floors with buyers.\n\n"
            "## Contacts\n\nfinland@example.org\n")
    rows = by_title(extract(text))
    assert set(rows) == {"Safer Mines for Andean Workers", "Fair Wages in Coffee Farming"}
    mines, coffee = rows["Safer Mines for Andean Workers"], rows["Fair Wages in Coffee Farming"]
    assert (mines["start_year"], mines["end_year"], mines["countries"]) == (2021, 2024, ["PER", "BOL"])
    assert mines["budget_usd"] == 3_500_000
    # the next card's title is no part of the first card's text
    assert (coffee["start_year"], coffee["countries"], coffee["budget_usd"]) == (2022, ["HND"], 1_200_000)


def test_bulleted_fields_under_a_heading_and_a_title_naming_the_funders_own_country():
    text = ("# Qatar and the ILO: partnership\n\n"
            "## Projects funded by Qatar\n\n"
            "### Modernising labour inspection in Qatar\n"
            "- Period: 2018 – 2021\n"
            "- Budget: US$ 2.0 million\n"
            "- Results: 200 inspectors trained.\n\n"
            "### Jobs for displaced youth in Iraq\n"
            "- Period: 2022–2024\n"
            "- Budget: US$ 1.5 million\n")
    rows = by_title(extract(text))
    insp, jobs = rows["Modernising labour inspection in Qatar"], rows["Jobs for displaced youth in Iraq"]
    assert (insp["start_year"], insp["end_year"], insp["budget_usd"]) == (2018, 2021, 2_000_000)
    assert insp["countries"] == ["QAT"]          # the funder's own country, where the title says it works
    assert jobs["countries"] == ["IRQ"] and jobs["budget_usd"] == 1_500_000


def test_numbered_items_with_fields_on_their_line_or_the_next():
    """A PDF's numbered list: '1. Title Period: ... | Country: ... | Funder: X Text runs on', a
    title with a colon, a field line right above the next item."""
    text = ("Sweden and the ILO: a partnership for decent work\n\n"
            "Sweden has funded ILO work since 1970, through Sida and its embassies.\n\n"
            "PROJECTS FUNDED BY SWEDEN\n"
            "1. Green Skills for Forest Workers Period: 2020-2023 | Country: Kenya | Budget: US$ 2.2 million | "
            "Funder: Sida Over 900 workers were trained in safe felling.\n\n"
            "2. Fair recruitment: piloting ethical agencies in Nepal\n"
            "   Period: 2021-2024 | Country: Nepal | Budget: US$ 1.1 million Funder: Swedish Embassy\n"
            "3. Social Protection for Platform Workers in Chile\n"
            "   Period: 2023-2026 | Country: Chile | Funder: Sida\n")
    rows = by_title(extract(text))
    assert set(rows) == {"Green Skills for Forest Workers", "Fair recruitment: piloting ethical agencies in Nepal",
                         "Social Protection for Platform Workers in Chile"}
    forest = rows["Green Skills for Forest Workers"]
    assert (forest["start_year"], forest["end_year"], forest["funder"]) == (2020, 2023, "Sida")
    assert rows["Fair recruitment: piloting ethical agencies in Nepal"]["funder"] == "Swedish Embassy"
    assert rows["Social Protection for Platform Workers in Chile"]["start_year"] == 2023


def test_a_donor_brief_on_one_country_and_dot_leader_fields():
    brief = ("DONOR BRIEF\nJapan's support to the ILO in Cambodia\nPhnom Penh, May 2024\n\n"
             "1. Current projects\n\n"
             "1.1 Skills for Garment Workers (SKILL-G) (2021-2024)\n"
             "Budget: US$ 2.0 million\n"
             "Location: Phnom Penh and Kandal provinces\n"
             "The project trains sewing operators.\n\n"
             "1.2 Safe Roads Construction Jobs (2022-2025)\n"
             "Budget: US$ 1.0 million\n"
             "The project builds rural roads.\n\n"
             "2. Funding\n\n"
             "  Year    Project                 US$\n"
             "  2021    SKILL-G                 700,000\n")
    rows = by_title(extract(brief))
    assert "Japan's support to the ILO in Cambodia" not in rows
    garment = rows["Skills for Garment Workers (SKILL-G)"]
    assert garment["countries"] == ["KHM"] and garment["funder"] == "Government of Japan"
    assert rows["Safe Roads Construction Jobs"]["budget_usd"] == 1_000_000   # one field under a dated title
    assert "SKILL-G" not in rows                # the table's short name is the same project
    sheet = ("ILO PROJECT FACT SHEET\nBetter Jobs in Fisheries in Ghana (FISH-GH)\n\n"
             " Country ............... Ghana (Central region)\n"
             " Duration .............. 1 May 2020 - 30 April 2023\n"
             " Donor ................. Ministry of Foreign Affairs of Iceland\n"
             " Budget ................ US$ 1,500,000\n\n"
             "Fishers from Togo and Benin also work on Ghana's boats.\n")
    row = extract(sheet)[0]
    assert row["funder"] == "Ministry of Foreign Affairs of Iceland" and row["countries"] == ["GHA"]


def test_an_amount_sizing_the_project_and_its_rate_of_the_first_year():
    """'this EUR 2 million project': the amount is the budget, at the rate of the project's first
    year when the sentence gives none."""
    text = ("## Projects\n\n"
            "### Clean Kilns for Brick Workers (2022–2025)\n\n"
            "Working with kiln owners in Nepal, this EUR 2 million project cuts dust and heat for the "
            "workers.\n")
    row = extract(text)[0]
    assert row["budget_usd"] is not None and 2_000_000 < row["budget_usd"] < 2_200_000   # EUR at its 2022 rate


def test_a_name_with_its_short_name_before_the_word_project_and_a_pledge():
    text = ("The two agencies worked together through the West Andes Rural Roads (WARR) project, funded by "
            "the World Bank with US$ 12 million from 2019 to 2023. The Korea International Cooperation "
            "Agency (KOICA) has pledged US$ 3 million for 2025-2027 to a new ILO project, Green Roads "
            "for Mountain Villages, which will train local contractors in Peru.\n")
    rows = by_title(extract(text))
    warr = rows["West Andes Rural Roads"]
    assert (warr["start_year"], warr["end_year"], warr["budget_usd"]) == (2019, 2023, 12_000_000)
    new = rows["Green Roads for Mountain Villages"]
    assert new["budget_usd"] == 3_000_000 and new["funder_acronym"] == "KOICA"
    jpo = "Sweden finances the Junior Professional Officer (JPO) programme at the ILO.\n"
    assert extract(jpo) == []


def test_a_possessive_before_the_name_and_a_budget_line_under_its_short_name():
    text = ("Japan has committed JPY 300 million to the International Labour Organization's Global "
            "Programme on Safe Heat at Work (SAFE-HEAT), which works in India and Ghana.\n\n"
            "Key figures\n\n"
            "- Japanese contribution: JPY 300 million\n"
            "- SAFE-HEAT budget: US$ 9 million for 2024–2028\n")
    rows = by_title(extract(text))
    row = rows["Global Programme on Safe Heat at Work"]
    assert (row["budget_usd"], row["start_year"], row["end_year"]) == (9_000_000, 2024, 2028)


def test_a_partner_briefs_title_naming_the_ilo_is_no_project():
    text = ("UNESCO and the ILO: skills for the future of work\n\n"
            "Partnership brief, May 2024\n\n"
            "Budget: US$ 4 million\nDuration: 2021-2024\nDonors: UNESCO\n\n"
            "The two agencies run joint skills projects.\n")
    assert not any(r["title"].startswith("UNESCO and the ILO") for r in extract(text))


def test_a_name_before_its_subtitle_is_the_same_project():
    text = ("| Country | Project | Period | Budget (US$) |\n"
            "|---|---|---|---|\n"
            "| Peru | Safe Harbours Initiative: Callao–Paita | 2021–2024 | 1,500,000 |\n\n"
            "The Safe Harbours Initiative project trains dock workers in two ports.\n")
    titles = [r["title"] for r in extract(text)]
    assert titles == ["Safe Harbours Initiative: Callao–Paita"]


def test_financed_from_a_fund_and_an_amount_with_its_dollar_value_from_a_funder():
    text = ("Decent Work in Andean Quarries (2021-2024). Financed from the Andes Solidarity Trust Fund with "
            "a budget of US$ 700,000, the project trained 300 quarry workers in Bolivia.\n\n"
            "Coastal Skills for Island Youth (2024-2026).\n\n"
            "The newest project, approved in 2024 with EUR 1 million (about US$ 1.1 million) from the "
            "Island Growth Facility, trains young people in Fiji.\n")
    rows = by_title(extract(text))
    assert rows["Decent Work in Andean Quarries"]["funder"] == "Andes Solidarity Trust Fund"
    island = rows["Coastal Skills for Island Youth"]
    assert island["budget_usd"] == 1_100_000 and island["funder"] == "Island Growth Facility"


def test_a_donor_field_naming_a_country_then_its_unit():
    text = ("PROJECT FACT SHEET\nClean Water Jobs for Rural Malawi\n\n"
            "Duration: 2022-2025\n"
            "Donor: Iceland - Embassy of Iceland in Lilongwe\n"
            "Budget: US$ 2,000,000\n\n"
            "The project creates jobs in water works in Malawi.\n")
    row = extract(text)[0]
    assert row["funder"] == "Embassy of Iceland in Lilongwe" and row["countries"] == ["MWI"]


def test_an_amount_approved_for_this_programme():
    text = ("2. Safe Harvest Work in Tea Estates in Sri Lanka\n"
            "   Period:    2021-2024\n"
            "   Funded by: Danish Red Cross\n"
            "   In 2021 the donor approved US$ 2.5 million for this programme, which trains pickers.\n")
    row = extract(text)[0]
    assert row["budget_usd"] == 2_500_000


def test_years_after_a_quoted_name_set_off_by_a_comma():
    text = ('The two ministries will run a joint project, "Safe Boats: Fisheries Cooperation between Peru '
            'and Ecuador", from 2024 to 2026, with support from the ILO.\n')
    row = extract(text)[0]
    assert (row["start_year"], row["end_year"]) == (2024, 2026)
