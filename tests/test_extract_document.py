"""Document metadata: the title, partner and publication date a reader sees at the top."""
import json
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path

from flows.extract.document import extract, lookup_country
from flows.read import normalize

CORPUS = Path(__file__).parent / "corpus"


def test_one_word_heading_is_joined_with_its_short_subtitle():
    text = "\n\n▶ Norway\n\nILO cooperation\n\nMarch 2021\n\nNorway joined the ILO in 1919 and is a partner.\n"
    doc = extract(text)
    assert doc["title"] == "Norway - ILO cooperation"
    assert doc["partner_iso3"] == "NOR"
    assert doc["published_on"] == date(2021, 3, 1)
    assert doc["published_precision"] == "month"


def test_markdown_heading_and_updated_date_line():
    text = ("# Republic of Korea – ILO cooperation\n\n*Partner page · updated June 2024*\n\n"
            "The Republic of Korea joined the ILO in 1991.\n")
    doc = extract(text)
    assert doc["title"] == "Republic of Korea – ILO cooperation"
    assert doc["partner_iso3"] == "KOR"
    assert (doc["published_on"], doc["published_precision"]) == (date(2024, 6, 1), "month")


def test_running_header_is_not_the_title():
    text = ("ILO PROJECT FACT SHEET | KENYA | March 2022\n\n"
            "Skills for Green Jobs (Kenya component)\nBetter jobs for young people\n\n"
            "Key facts\nDuration: 2019 – 2022\n")
    doc = extract(text)
    assert doc["title"] == "Skills for Green Jobs (Kenya component)"
    assert doc["partner_iso3"] == "KEN"
    assert (doc["published_on"], doc["published_precision"]) == (date(2022, 3, 1), "month")


def test_press_release_title_partner_and_day_date():
    text = ("ILO and Sweden sign a new agreement on jobs in Ethiopia\n\n"
            "Press release | 14 February 2023\n\nADDIS ABABA (ILO News) – The ILO and Sweden ...\n")
    doc = extract(text)
    assert doc["title"].startswith("ILO and Sweden sign")
    assert doc["partner_iso3"] == "SWE"
    assert doc["partner_name"] == "Sweden"
    assert (doc["published_on"], doc["published_precision"]) == (date(2023, 2, 14), "day")


def test_partner_that_is_not_a_country_has_no_iso3():
    doc = extract("European Union – ILO cooperation\n\n2022\n\nThe EU funds work in Bangladesh.\n")
    assert doc["partner_iso3"] is None
    assert doc["partner_name"] == "European Union"
    assert (doc["published_on"], doc["published_precision"]) == (date(2022, 1, 1), "year")


def test_title_markdown_is_stripped_and_labels_skipped():
    doc = extract("PRESS RELEASE\n\n**Decent work for all in Peru**\n\n5 May 2020\n\nText.")
    assert doc["title"] == "Decent work for all in Peru"
    assert doc["partner_iso3"] == "PER"


def test_common_country_names_resolve():
    assert lookup_country("Lao PDR") == "LAO"
    assert lookup_country("Viet Nam") == "VNM"
    assert lookup_country("BRAZIL") == "BRA"
    assert lookup_country("United Republic of Tanzania") == "TZA"
    assert lookup_country("Atlantis") is None


def test_iso_date_and_country_from_running_header():
    doc = extract("PROJECT BRIEF | GHANA\n\nSafer work in cocoa farming\n\nPublished: 2021-05-03\n\nText.")
    assert doc["title"] == "Safer work in cocoa farming"
    assert doc["partner_iso3"] == "GHA"
    assert (doc["published_on"], doc["published_precision"]) == (date(2021, 5, 3), "day")


def test_empty_text():
    doc = extract("")
    assert doc["title"] is None and doc["published_on"] is None


def test_dev_documents_title_partner_and_date():
    for gold_path in sorted(CORPUS.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text())
        text = normalize((CORPUS / gold["source"]).read_text())
        doc = extract(text, gold["source"])
        want = gold["document"]
        ratio = SequenceMatcher(None, doc["title"].lower().replace("–", "-"),
                                want["title"].lower().replace("–", "-")).ratio()
        assert ratio >= 0.8, (gold["source"], doc["title"])
        assert doc["partner_iso3"] == want["partner_iso3"], gold["source"]
        assert str(doc["published_on"]).startswith(want["published"]), gold["source"]


def test_genre_label_line_is_not_the_title_and_donor_field_gives_the_partner():
    text = ("ILO EVALUATION SUMMARY\nMid-term independent evaluation, May 2021\n\n"
            "Decent Jobs in Coffee Value Chains (CAFE)\n\n"
            "Donor:     United States Department of Labor (USDOL)\n"
            "Countries: Peru and Colombia\n\nThe project works in Peru and Colombia. Peru ...\n")
    doc = extract(text)
    assert doc["title"] == "Decent Jobs in Coffee Value Chains (CAFE)"
    assert doc["partner_iso3"] == "USA"
    assert (doc["published_on"], doc["published_precision"]) == (date(2021, 5, 1), "month")


def test_title_wrapped_over_two_lines_is_joined():
    text = ("The African Union and the ILO: working together for\nsocial protection in Africa\n"
            "Partnership brief · March 2020\nThe African Union (AU) works with the ILO.\n")
    doc = extract(text)
    assert doc["title"] == "The African Union and the ILO: working together for social protection in Africa"
    assert doc["partner_iso3"] is None


def test_title_naming_a_fund_makes_the_fund_the_partner():
    text = ("TRUST FUND | PROGRESS REPORT | June 2019\n\n"
            "Global Fund for Rural Youth Employment – Progress Report 2018\n\n"
            "Donors include Denmark, Denmark's ministry and Finland. Denmark gave most.\n")
    doc = extract(text)
    assert doc["partner_iso3"] is None
    assert doc["partner_name"] == "Global Fund for Rural Youth Employment"


def test_web_page_furniture_before_the_heading_is_skipped_and_dashed_day_first_date_read():
    text = ("Skip to main content\n\nWe use cookies to improve this site. Read more\n\n"
            "Search this site\n\nHome > News > Press releases\n\n"
            "# Denmark pledges DKK 40 million to ILO work on skills in Ghana\n\n"
            "Press release | 03-10-2022 | 09:00\n\nDenmark will fund a new programme.\n")
    doc = extract(text)
    assert doc["title"] == "Denmark pledges DKK 40 million to ILO work on skills in Ghana"
    assert doc["partner_iso3"] == "DNK"              # the subject, not the place ('in Ghana')
    assert (doc["published_on"], doc["published_precision"]) == (date(2022, 10, 3), "day")


def test_letterhead_is_not_the_title_and_a_quoted_name_under_the_title_joins_it():
    text = ("INTERNATIONAL LABOUR ORGANIZATION\n"
            "Regional Office for Asia and the Pacific,\nBangkok and Suva\n\n"
            "REPORT OF THE REGIONAL MEETING\n\"Decent Work in the Platform Economy\" Bangkok, 3-4 May 2023\n\n"
            "1. The meeting was held with financial support from the European Union.\n")
    doc = extract(text)
    assert doc["title"] == 'REPORT OF THE REGIONAL MEETING "Decent Work in the Platform Economy"'


def test_partner_is_the_donor_when_the_title_places_the_work_in_a_country():
    evaluation = ("# Final Evaluation: Safer Mines in Peru and Bolivia\n\n"
                  "- **Countries:** Peru, Bolivia\n- **Donor:** Canadian International Development Agency\n")
    assert extract(evaluation)["partner_iso3"] == "CAN"          # 'Canadian' -> CAN
    sheet = ("# Results 2021: Fair Work in Morocco\n\n| | |\n|---|---|\n"
             "| **Funding partner** | Kingdom of Belgium – Directorate-General for Development |\n"
             "| **Budget** | EUR 2 million |\n")
    assert extract(sheet)["partner_iso3"] == "BEL"
    workshop = ("REPORT OF THE WORKSHOP ON GREEN JOBS IN SOUTHERN AFRICA AND MOZAMBIQUE\n\n"
                "1. The workshop was held with financial support from the European Union and "
                "brought together delegates from Zambia, Malawi and Mozambique.\n")
    doc = extract(workshop)
    assert doc["partner_iso3"] is None                           # the EU funds it: no country
    assert doc["partner_name"] == "European Union"


def test_genre_label_and_organization_list_are_not_the_title():
    text = ("JOINT NEWS RELEASE\n\n"
            "Ministry of Labour (MOL) - Chamber of Commerce of Nepal (FNCCI) - General Federation of "
            "Trade Unions (GEFONT)\n\nFOR IMMEDIATE RELEASE\nKathmandu, 4 June 2023\n\n"
            "Social partners agree on a roadmap for minimum wage reviews\n\nThe parties met today.\n")
    doc = extract(text)
    assert doc["title"] == "Social partners agree on a roadmap for minimum wage reviews"
    assert doc["published_on"] == date(2023, 6, 4)


def test_organization_masthead_is_skipped_and_a_dateline_gives_the_day_of_an_issue_month():
    text = ("GHANA EMPLOYERS ASSOCIATION\nGEA NEWS BRIEF  |  Issue No. 7  |  March 2022\n\n"
            "GEA opens a help desk on wage guidelines for small firms\n\n"
            "Accra, 15 March 2022 - The association opened a help desk, with support from the "
            "Swiss State Secretariat for Economic Affairs (SECO).\n")
    doc = extract(text)
    assert doc["title"] == "GEA opens a help desk on wage guidelines for small firms"
    assert (doc["published_on"], doc["published_precision"]) == (date(2022, 3, 15), "day")


def test_labelled_date_wins_over_the_first_date():
    report = ("# Annual Progress Report\n\n| | |\n|---|---|\n"
              "| **Reporting period** | 1 July 2020 – 30 June 2021 |\n"
              "| **Date of submission** | 12 September 2021 |\n")
    assert extract(report)["published_on"] == date(2021, 9, 12)
    page = ("# Upcoming meetings – Asia and the Pacific\n\n"
            "Meetings organized by the regional office. Last updated 2 May 2024.\n\n"
            "## Workshop on skills in Viet Nam\n\n10 June 2024\n\nHanoi, Viet Nam\n")
    doc = extract(page)
    assert doc["published_on"] == date(2024, 5, 2)
    assert doc["partner_iso3"] is None                           # a region's page: no country


def test_partner_from_a_donor_masthead():
    text = ("MINISTRY OF FOREIGN AFFAIRS OF NORWAY\nNorad - Norwegian Agency for Development Cooperation\n"
            "ANNUAL REPORT 2022\nOslo, June 2023\n\nCHAPTER 3  PARTNERS\n\n"
            "Support to youth employment in Kenya and Kenya's counties went on in 2022.\n")
    assert extract(text)["partner_iso3"] == "NOR"


def test_country_and_organization_line_is_a_title_not_a_letterhead():
    text = ("Sweden and the International Labour Organization\nCountry brief\n"
            "Sweden has been a member of the ILO for a very long time and supports its work on "
            "social dialogue, skills and social protection in many countries of the world today.")
    assert extract(text)["title"] == "Sweden and the International Labour Organization"


def test_terms_of_reference_label_and_office_with_acronym_are_skipped():
    text = ("INTERNATIONAL LABOUR ORGANIZATION\nPartnerships Office (PARTNER)\n\n"
            "TERMS OF REFERENCE (DRAFT)\nMid-term review of the programme \"Better Jobs in Ports\"\n\n"
            "Version: 3 May 2022\n")
    assert extract(text)["title"] == 'Mid-term review of the programme "Better Jobs in Ports"'


def test_caps_genre_heading_gives_way_to_the_title_below_and_donor_fund_is_no_country():
    text = ("JOINT PROGRAMME DOCUMENT – FACT SHEET\nDecent Jobs for Rural Youth in the Sahel\n"
            "Countries: Mali, Niger and Chad\nDonor: Peacebuilding Fund (pooled fund)\n\n"
            "Mali and Niger and Chad and Mali again.")
    got = extract(text)
    assert got["title"] == "Decent Jobs for Rural Youth in the Sahel"
    assert got["partner_iso3"] is None


def test_web_page_h1_beats_a_logo_word():
    text = ("ILO\n\n### Related\n\n- Some link\n\n# The Asian Development Bank and the ILO\n\n"
            "Partner profile · Last updated: 3 May 2023\n\nText about Viet Nam.")
    got = extract(text)
    assert got["title"] == "The Asian Development Bank and the ILO"
    assert got["partner_iso3"] is None


def test_generated_label_gives_the_date_before_a_reporting_period():
    text = ("# Programme dashboard for the Caribbean\n\nReport generated on: 05/03/2024 · "
            "Reporting period: 1 January 2023 – 31 December 2023\n")
    assert extract(text)["published_on"] == date(2024, 3, 5)


def test_party_named_the_donor_and_country_through_agency_are_the_partner():
    agreement = ("CONTRIBUTION AGREEMENT No. 12/2022\n\nBETWEEN\n\nTHE ITALIAN AGENCY FOR DEVELOPMENT "
                 "COOPERATION (AICS),\nVia Roma 1, Rome,\nhereinafter referred to as \"the Donor\",\n\nAND\n\n"
                 "THE INTERNATIONAL LABOUR ORGANIZATION\n\nThe project works in Peru and Bolivia and Peru.")
    assert extract(agreement)["partner_iso3"] == "ITA"
    note = ("PROJECT NOTE\nJobs for Youth in the Sahel (JYS)\nMali, Niger\n\nFinancing\n\n"
            "  - Sweden, through the Swedish International Development Cooperation Agency (Sida): "
            "SEK 40 million.\n\nThe project works in Mali, Niger and Mali.")
    assert extract(note)["partner_iso3"] == "SWE"


def test_newsletter_has_no_single_partner():
    text = ("ASIA UPDATE\nNewsletter of the ILO Office for Asia\nIssue 3 | May 2021\n\n"
            "In this issue: a new Japan-funded project in Nepal - Korea supports skills in Laos\n")
    assert extract(text)["partner_iso3"] is None


def test_yaml_front_matter_title():
    text = 'title: "Clean Water for Towns (CWT)"\ndonor: Acme Fund\nupdated: 2024-03-02\n\n# Clean Water for Towns (CWT)\n\nText.\n'
    assert extract(text)["title"] == "Clean Water for Towns (CWT)"


def test_contents_heading_is_no_title():
    text = ("THE CHAMBER OF COMMERCE OF ACCRA\nAnnual Report 2022  -  Excerpt\nAccra, May 2023\nCONTENTS\n"
            "Foreword ........ 3\n")
    assert extract(text)["title"].lower() == "the chamber of commerce of accra annual report 2022"


def test_running_header_above_a_paragraph_is_the_title():
    text = ("NORWAY - ILO COOPERATION | PROJECT SHEETS | June 2022\n\n"
            "Prepared by the ILO partnerships unit for the Norwegian Agency for Development Cooperation (Norad) as a summary of work.\n")
    assert extract(text)["title"] == "NORWAY - ILO COOPERATION | PROJECT SHEETS"


def test_genre_line_under_a_name_and_a_fund_has_no_country():
    text = "SAFE MIGRATION FUND (SMF)\nCALL FOR PROPOSALS 2023/02\n\nIssued: 3 March 2023\n\nThe fund works in Nepal.\n"
    doc = extract(text)
    assert doc["title"] == "SAFE MIGRATION FUND (SMF) CALL FOR PROPOSALS 2023/02"
    assert doc["partner_iso3"] is None


def test_project_code_names_the_donor():
    text = "MINUTES OF THE SECOND MEETING OF THE STEERING COMMITTEE\nProject code: GHA/21/02/DNK\n\nThe project in Ghana met.\n"
    assert extract(text)["partner_iso3"] == "DNK"


def test_news_listing_and_exported_label():
    text = "# Newsroom\n\nNews from the office. Page 1 of 3.\n\n## Ghana signs a plan\n\nGhana signed.\n"
    assert extract(text)["partner_iso3"] is None
    text = "PORTFOLIO - WEST AFRICA\nExported: 05/11/2024 (data as of 31 October 2024)\n\nRows.\n"
    doc = extract(text)
    assert (doc["partner_iso3"], str(doc["published_on"])) == (None, "2024-11-05")


def test_short_heading_completed_by_its_subject():
    text = ("JOINT STATEMENT\n\non the visit of the Minister of Labour of Ghana\nto the International Labour Office\n\n"
            "Geneva, 3 May 2023\n\n1. The Minister met the Director-General.\n")
    assert extract(text)["title"] == ("JOINT STATEMENT on the visit of the Minister of Labour of Ghana "
                                      "to the International Labour Office")


def test_mail_subject_is_the_title():
    text = ("From:    A. Mensah <mensah@ilo.org>\nTo:      B. Owusu <owusu@ilo.org>\n"
            "Date:    Monday, 3 June 2024 10:15\nSubject: RE: FW: PORT-UP budget revision - note for Friday\n\n"
            "Dear B.,\n\nPlease find the note below.\n")
    doc = extract(text)
    assert doc["title"] == "PORT-UP budget revision - note for Friday"
    assert str(doc["published_on"]) == "2024-06-03"


def test_language_switcher_and_opinion_label_are_no_title():
    text = ("International Labour Organization\n\nEnglish | Français | Español\n\nOPINION\n\n"
            "# Dock workers deserve a pension too\n\nBy A. Writer\n\n4 May 2024\n\nText.\n")
    assert extract(text)["title"] == "Dock workers deserve a pension too"


def test_caps_series_head_and_genre_words_joined_by_and():
    text = ("SENATE RECORD - WRITTEN QUESTIONS AND ANSWERS\n\nLabour Standards: Foreign Aid\n\n"
            "Question tabled on 2 May 2022.\n")
    assert extract(text)["title"] == "Labour Standards: Foreign Aid"


def test_request_for_proposals_takes_what_is_requested():
    text = ("INTERNATIONAL LABOUR ORGANIZATION\nILO Office for Ghana - Project Office Tamale\n\n"
            "REQUEST FOR PROPOSALS (RFP)\nMid-term Evaluation of the project\n\"Safe Harbours for Dock Workers (SHDW)\"\n\n"
            "Date of issue: 3 May 2024\n")
    doc = extract(text)
    assert doc["title"] == ('REQUEST FOR PROPOSALS (RFP): Mid-term Evaluation of the project '
                            '"Safe Harbours for Dock Workers (SHDW)"')


def test_speech_transcript_label_and_title_carried_on():
    text = ("TRANSCRIPT\n\nRemarks by Mr A. Banda, Director, ILO Office for Zambia\n"
            "at the opening of the national dialogue on the future of work in the copper mining towns\n\n"
            "Lusaka, 3 March 2024\n\nGood morning.\n")
    assert extract(text)["title"] == ("Remarks by Mr A. Banda, Director, ILO Office for Zambia at the opening of "
                                      "the national dialogue on the future of work in the copper mining towns")


def test_status_date_is_not_the_publication_date():
    text = ("# Country Programme Review\n\n*Indicators as of June 2023 · Prepared by the ILO Office for Zambia "
            "with the tripartite committee and partners · September 2023*\n\nText.\n")
    assert str(extract(text)["published_on"]) == "2023-09-01"


def test_summary_subtitle_completes_a_caps_title():
    text = "GREEN JOBS IN THE SAHEL 2024\nSummary of the regional report\nILO Dakar, May 2024\n\nText.\n"
    assert extract(text)["title"] == "GREEN JOBS IN THE SAHEL 2024: Summary of the regional report"


def test_partner_profile_of_a_foundation_has_no_country():
    text = ("# Partner profile: Birchwood Foundation\n\n## Overview\n\nThe Birchwood Foundation funds work "
            "in Ghana and Togo.\n")
    assert extract(text)["partner_iso3"] is None


def test_status_date_alone_is_the_date():
    text = "ZAMBIA\nILO portfolio - country profile\nStatus as of 31 May 2023 | ILO Office, Lusaka\n\nText.\n"
    assert str(extract(text)["published_on"]) == "2023-05-31"


def test_masthead_above_the_main_heading_is_not_the_title():
    text = ("The Harbour Gazette\n\nMonday, 4 May 2026 · the port city's paper\n\nNEWS > ECONOMY\n\n"
            "# Dock workers and port authority agree on new safety rules\n\nBy A. Writer\n\n"
            "MOMBASA, 3 May — The port authority and the dockers' union signed an agreement.\n")
    assert extract(text)["title"] == "Dock workers and port authority agree on new safety rules"


def test_bulleted_or_page_labelled_dates_are_the_documents():
    text = ("EXECUTIVE SUMMARY\nMid-term review of a project\nKey data\n- Donor: Norad\n"
            "- Evaluation period: May to June 2022\n- Date of submission: 3 August 2022\n")
    assert str(extract(text)["published_on"]) == "2022-08-03"
    text = "# A programme page\n\nPage updated: 4 April 2026\n\n## Context\n\nText.\n"
    assert str(extract(text)["published_on"]) == "2026-04-04"
    text = ("BACK-TO-OFFICE REPORT\n\nSubject: Mission to the port\nMission dates: 2-4 May 2026\n"
            "Date of BTOR: 9 May 2026\n")
    assert str(extract(text)["published_on"]) == "2026-05-09"


def test_a_letters_subject_line_is_its_title():
    text = ("MINISTRY OF FOREIGN AFFAIRS OF FINLAND\nDepartment for Development Policy\n\n"
            "Helsinki, 3 May 2024\n\nDirector\nInternational Labour Office\n\n"
            "Subject: FUNDING DECISION - \"Green Skills for Coastal Youth in Ghana\n"
            "         and Togo (GREENCOAST)\", ILO project code RAF/24/02/FIN\n\n"
            "Dear Director,\n\nI am pleased to inform you of the decision.\n")
    assert extract(text)["title"] == "FUNDING DECISION - Green Skills for Coastal Youth in Ghana and Togo (GREENCOAST)"


def test_report_kind_and_period_heading_joined_with_the_project_heading_under_it():
    text = ("# Semi-annual Progress Report — H1 2025\n\n## Decent Jobs in Rwandan Tea Estates (TEA-WORK)\n\n"
            "| | |\n|---|---|\n| **Donor** | Irish Aid |\n\nThe project made progress.\n")
    assert extract(text)["title"] == ("Semi-annual Progress Report — H1 2025: "
                                      "Decent Jobs in Rwandan Tea Estates (TEA-WORK)")


def test_official_paper_header_line_date_and_agenda_item_label():
    text = ("110th Session, Geneva, 2-13 June 2026\nGovernance Section          GB.999/INS/4   Date: 3 April 2026   "
            "Original: English\nSECOND ITEM ON THE AGENDA\nFunding of the Office in 2025: an overview\n"
            "Purpose of the document\nThis document reports on funding from Chile, Peru, Brazil, Kenya, Japan and "
            "Sweden.\n")
    d = extract(text)
    assert d["title"] == "Funding of the Office in 2025: an overview"
    assert d["published_on"] == date(2026, 4, 3)
    assert d["partner_iso3"] is None            # many countries, none more than another


def test_concept_note_label_and_a_regional_government_funder():
    text = ("CONCEPT NOTE\n(draft of 5 May 2026)\n\nREGIONAL FORUM ON SKILLS FOR THE CARE ECONOMY\n\n"
            "Venue: Gaborone, Botswana\n\nWith financial support from the Government of Wallonia.\n\n"
            "1. BACKGROUND\n\nCare work in Botswana and Namibia is growing.\n")
    d = extract(text)
    assert d["title"] == "REGIONAL FORUM ON SKILLS FOR THE CARE ECONOMY"
    assert d["partner_iso3"] is None
    assert d["published_on"] == date(2026, 5, 5)


def test_agreement_signing_day_and_period_fields_are_not_the_date():
    text = ("# FINANCING AGREEMENT\n\n## between the Kingdom of Norway and the ILO on skills (2025–2028)\n\n"
            "The Parties agree as follows.\n\nDone at Oslo, on 9 April 2025.\n")
    assert extract(text, "norway_skills_agreement_2025-04.md")["published_on"] == date(2025, 4, 9)
    text = ("SUMMARY\nSkills for Green Jobs in Ghana (SGJ) Executive summary\nKEY FACTS\n"
            "Countries:   Ghana            Duration:   1 March 2021 - 28 February 2025\n"
            "Fieldwork:  2-9 December 2024\nBackground\nThe project trained young people.\n")
    d = extract(text, "ghana_sgj_evaluation_2025-03.pdf")
    assert (d["published_on"], d["published_precision"]) == (date(2025, 3, 1), "month")


def test_social_post_title_is_its_first_line_and_a_verbatim_record_its_agenda_item():
    text = ("ILO Country Office for Kenya\n3,210 followers\n5d • 🌐\n\n🎉 Big news from Nairobi! 🇰🇪\n\n"
            "Today we launched a programme with Sweden.\n")
    assert extract(text)["title"] == "Big news from Nairobi!"
    text = ("SENATE OF RURITANIA\n\nCOMMITTEE ON FOREIGN AFFAIRS\n\nMeeting of Monday 4 March 2024\n\n"
            "Item 2 on the agenda: Questions on Irish support to labour inspection in Kenya (questions nos. 1234 and 1250)\n\n"
            "THE CHAIR: We come to item 2.\n")
    assert extract(text)["title"] == "Questions on Irish support to labour inspection in Kenya"


def test_memo_heading_gives_way_to_its_subject_line():
    text = ("INTERNATIONAL LABOUR ORGANIZATION\n\nINTERNAL MEMORANDUM - NO-COST EXTENSION\n\n"
            "Date:     3 May 2024\nTo:       PARDEV, Geneva\n"
            "Subject:  Extension of \"Safer Ports for Dock Workers\" (SPDW), 1 March 2022 - 28 February 2025\n\n"
            "1. The project requests a no-cost extension.\n")
    assert extract(text)["title"] == "Extension of Safer Ports for Dock Workers (SPDW)"


def test_briefing_by_an_office_is_a_title_not_a_letterhead():
    text = ("WEEKLY PRESS BRIEFING BY THE OFFICE OF THE DIRECTOR-GENERAL\nNotes taken by the press team\n\n"
            "Good morning. Two items today.\n")
    assert extract(text)["title"] == "WEEKLY PRESS BRIEFING BY THE OFFICE OF THE DIRECTOR-GENERAL"


def test_periodical_issue_line_and_caps_subtitle_complete_the_title():
    text = "# Coastal Jobs Letter\n\nIssue 7 · 1–7 June 2024\n\nNews from the ports.\n"
    assert extract(text)["title"] == "Coastal Jobs Letter, Issue 7 · 1–7 June 2024"
    text = "GHANA NATIONAL SKILLS DEVELOPMENT STRATEGY 2021–2025\nFINAL REVIEW: LESSONS LEARNED\nPresented by the review team\n\nText.\n"
    assert extract(text)["title"] == "GHANA NATIONAL SKILLS DEVELOPMENT STRATEGY 2021–2025 FINAL REVIEW: LESSONS LEARNED"


def test_bracketed_annotation_line_is_no_title():
    text = "[Layer: header]\nSAFER PORTS FOR DOCK WORKERS IN KENYA\n\n[Layer: logos]\nilo\n"
    assert extract(text)["title"] == "SAFER PORTS FOR DOCK WORKERS IN KENYA"


def test_project_codes_of_several_donors_name_no_partner():
    text = ("# Portfolio export\n\n| Code | Title |\n|---|---|\n| KEN/22/01/SWE | Safer Ports |\n"
            "| GHA/23/02/NOR | Coastal Skills |\n")
    assert extract(text)["partner_iso3"] is None


# ---------------------------------------------------------------- lines that are no title

def test_letterhead_of_an_office_between_dashes_and_a_site_menu_are_no_title():
    text = ("National Employment Agency – Office for the Northern Provinces (OFNP)\n\n"
            "- Home\n- About us\n- Projects\n- Contact\n\n"
            "# Vacancy notices\n\nThe Office publishes its open posts below.\n")
    assert extract(text)["title"] == "Vacancy notices"


def test_postal_address_line_is_no_title_and_names_no_partner():
    text = ("WORLD FOOD ORGANIZATION\n"
            "Plot 22, Riverside Business Park, Lusaka, Zambia\n\n"
            "Skills and Jobs for Young Farmers\n\n"
            "The programme is funded by the European Union and runs until 2026.\n")
    doc = extract(text)
    assert doc["title"] == "Skills and Jobs for Young Farmers"
    assert doc["partner_iso3"] is None


def test_memo_field_block_subject_in_capitals_and_wrapped_is_the_title():
    text = ("HEADQUARTERS OFFICE\n\n              M E M O\n\n"
            " TO:        Head of Finance\n FROM:      Project Manager\n DATE:      2 May 2023\n"
            " SUBJECT:   Budget revision of the project \"Clean Water for Rural Schools\"\n"
            "            to 31 December 2024\n\n1. The project asks for a revision.\n")
    assert extract(text)["title"] == \
        "Budget revision of the project Clean Water for Rural Schools to 31 December 2024"


def test_export_banner_gives_way_to_the_project_title_field():
    text = ("=========================================\n"
            " GRANTS TRACKER :: EXPORT (plain text)\n"
            "=========================================\n"
            "Exported: 2024-05-02 10:00\n"
            "Project code: PER/21/03/ESP\n"
            "Project title: Safer Fishing Ports in Peru (SAFE-Peru)\n"
            "Country: Peru\nDonor: Government of Spain\n")
    doc = extract(text)
    assert doc["title"] == "Safer Fishing Ports in Peru (SAFE-Peru)"
    assert doc["partner_iso3"] == "ESP"


def test_social_account_line_gives_way_to_the_name_the_post_quotes():
    text = ("ILO Lima @OITLima · Official account of the ILO Office for the Andean Countries\n"
            "Thread · 4 Mar 2024\n\n"
            "1/5 🎉 Today in Cusco we opened \"Green Tourism Jobs for Youth\", a new programme funded by "
            "the Government of Canada 🇨🇦 #DecentWork\n\n2/5 More soon.\n")
    doc = extract(text)
    assert doc["title"] == "Green Tourism Jobs for Youth"


def test_gazette_issue_under_a_tagline_and_across_a_column_gap():
    text = ("                 KINGDOM OFFICIAL BULLETIN\n\n"
            "                 Printed by Order\n\n"
            "Issue 211                 PORT TOWN, MONDAY, 3RD JUNE, 2024\n\nNOTICE No. 12\n")
    assert extract(text)["title"] == "KINGDOM OFFICIAL BULLETIN, Issue 211"


def test_dashed_page_header_with_a_meeting_day_is_no_title():
    text = ("PAY FORUM - Plenary, Lusaka, 3 June 2025 - Summary record\n\n"
            "SUMMARY RECORD OF THE PLENARY OF THE REGIONAL PAY FORUM\n\n1. The forum met.\n")
    assert extract(text)["title"] == "SUMMARY RECORD OF THE PLENARY OF THE REGIONAL PAY FORUM"


# ------------------------------------------------------------ titles completed, not cut

def test_page_headed_by_a_country_name_takes_its_first_section():
    text = ("# Chile\n\nFrom a reference wiki, last edited 2 March 2024.\n\n"
            "## Cooperation with the World Trade Forum\n\nChile joined the forum in 1995.\n")
    assert extract(text)["title"] == "Chile - Cooperation with the World Trade Forum"


def test_report_kind_and_period_under_a_fund_name_complete_it_and_name_no_partner():
    text = ("OCEAN JOBS TRUST FUND FOR THE PACIFIC (OJ-TF)\n"
            "Annual Progress Report 2023 - Executive Summary\n"
            "1. Overview\nThe Fund pooled money from Australia, Japan and New Zealand.\n"
            "Japan gave most. Japan again.\n")
    doc = extract(text)
    assert doc["title"] == "OCEAN JOBS TRUST FUND FOR THE PACIFIC (OJ-TF) - Annual Progress Report 2023 - Executive Summary"
    assert doc["partner_iso3"] is None


def test_short_name_with_a_wrapped_subtitle_is_read_whole():
    text = ("[Layer: header]\nWATER FOR WORK\nLabour-based irrigation schemes\nin Malawi and Zambia\n"
            "RESULTS 2021–2023\n\n[Layer: logos]\nfunded by Ireland\n")
    assert extract(text)["title"] == "WATER FOR WORK - Labour-based irrigation schemes in Malawi and Zambia"


def test_episode_line_under_a_series_name_is_the_title():
    text = ("TALKING WORK - a podcast about jobs and rights\n"
            "Episode 9: \"Bricks and Wages in Northern Uganda\" Published: 2 April 2024\n\n"
            "[00:00:01] HOST: Welcome. The project is financed by Denmark.\n")
    doc = extract(text)
    assert doc["title"] == "Talking Work Episode 9: Bricks and Wages in Northern Uganda"
    assert doc["published_on"] == date(2024, 4, 2)


# --------------------------------------------------------------------------- partner

def test_funding_organization_that_is_no_country_makes_the_partner_none():
    text = ("Training rural nurses\n\nThe project is funded by the European Union and implemented "
            "in Ghana with the Ministry of Health. Ghana has many nurses. Ghana trains them.\n")
    assert extract(text)["partner_iso3"] is None


def test_donor_field_wrapped_in_its_box_and_place_in_header_and_acronym():
    text = ("RESULTS NOTE | FARM-Peru | June 2024\n\n"
            "Safer Farms for Workers in Peru (FARM-Peru) results note - June 2024\n\n"
            "+--------------------------------------------------------+\n"
            "|  Duration:  2021 - 2024                                 |\n"
            "|  Donor:     Ministry of Foreign Affairs and Trade       |\n"
            "|             (MFAT), New Zealand                         |\n"
            "+--------------------------------------------------------+\n")
    assert extract(text)["partner_iso3"] == "NZL"


def test_funding_field_names_the_donor():
    text = ("# Good practice | Paid leave for carers in Honduras\n\n"
            "Country: Honduras\nFunding: Swiss Agency for Development and Cooperation (SDC)\n\n"
            "Honduras adopted a law.\n")
    assert extract(text)["partner_iso3"] == "CHE"


def test_title_placing_work_in_a_region_names_no_host_country():
    text = ("Ministry of Labour of Panama (MITRADEL) · Secretariat of the Regional Forum\n\n"
            "# Declaration of the Forum on Skills in Central America and Belize\n\n"
            "1. The forum met in Panama City, Panama.\n")
    assert extract(text)["partner_iso3"] is None
    text2 = ("# Fisheries Adviser – Decent Work in East African Lake Fisheries (LAKE-FISH)\n\n"
             "| Duty station | Kampala, Uganda |\n\nUganda and Kenya and Uganda.\n")
    assert extract(text2)["partner_iso3"] is None


def test_regional_office_letterhead_over_a_title_without_country_names_no_partner():
    text = ("World Health Agency – Regional Office for South Asia (ROSA)\n\n"
            "# Meetings calendar\n\n| 3 May 2024 | Workshop | Dhaka, Bangladesh |\n"
            "| 9 May 2024 | Forum | Kathmandu, Nepal | Nepal |\n")
    assert extract(text)["partner_iso3"] is None


def test_work_in_a_part_of_a_country_is_placed_there():
    text = ("# Clinics in rural Malawi\n\nThe clinics are financed by Norway through Norad.\n")
    assert extract(text)["partner_iso3"] == "NOR"


def test_title_in_capitals_with_the_word_export_is_still_a_title():
    text = "EXPORT PROCESSING ZONES IN KENYA\n\nA study of jobs in the zones.\n"
    assert extract(text)["title"] == "EXPORT PROCESSING ZONES IN KENYA"


def test_capitals_label_of_a_series_or_notice_is_not_the_title():
    text = ("VOICES FROM THE FIELD\nPeru | Green jobs | 4 March 2025\n\n"
            "How a fishing cooperative in Paita learned to keep its books\n\nThe cooperative has 40 members.\n")
    assert extract(text)["title"] == "How a fishing cooperative in Paita learned to keep its books"
    text2 = ("GRANT ANNOUNCEMENT\nThree new grants for rural apprenticeships in 2025\nRome, 2 April 2025\n\n"
             "The fund signed three grants.\n")
    assert extract(text2)["title"] == "Three new grants for rural apprenticeships in 2025"


def test_site_section_name_over_a_speech_is_not_its_title():
    text = ("World Health Agency\nSpeeches and remarks\n\n"
            "Address by Jane Doe, Chair of the Board, at the opening of the regional forum on care work\n\n"
            "Accra, 2 June 2025\n\nDear colleagues,\n")
    assert extract(text)["title"].startswith("Address by Jane Doe, Chair of the Board")


def test_unit_name_under_a_letterhead_is_not_the_title():
    text = ("Embassy of Sweden in Lusaka\nMigration and Trade Unit\n"
            "COUNTRY PLAN FOR ZAMBIA 2024-2027\nSummary        May 2024\n\nThe plan sets out ...\n")
    assert extract(text)["title"] == "COUNTRY PLAN FOR ZAMBIA 2024-2027"


def test_call_for_proposals_title_is_the_kind_and_its_subject():
    text = ("WORLD HEALTH AGENCY\n\nCALL FOR PROPOSALS\nReference: WHA/CFP/2025/07\nDate of issue: 3 June 2025\n"
            "Deadline: 30 June 2025\n\nTitle of the assignment: Baseline survey of care workers in two districts\n\n"
            "1. Background\n")
    doc = extract(text)
    assert doc["title"] == "Call for Proposals: Baseline survey of care workers in two districts"
    assert doc["published_on"] == date(2025, 6, 3)


def test_card_heading_left_of_its_running_header_is_the_title():
    text = ("PERU AND THE ILO                         PARTNER CARD | May 2025\n"
            "Two decades of working together\n==========\n\nPeru joined the ILO in 1919.\n")
    doc = extract(text)
    assert doc["title"] == "PERU AND THE ILO"
    assert doc["partner_iso3"] == "PER"


def test_written_question_is_published_when_answered():
    text = ("# Ghana: Child Labour\n\nQuestion for the Foreign Office\n\nTabled on\n\n3 April 2025\n\n"
            "## Question\n\nTo ask the Secretary of State ...\n\n## Answer\n\nAnswered on\n\n11 April 2025\n\n"
            "The UK funds ...\n")
    assert extract(text)["published_on"] == date(2025, 4, 11)


def test_agenda_is_published_on_its_version_date_not_the_meeting_days():
    text = ("# National Workshop on Skills Policy\n\nAccra, 20–21 May 2025\n\n"
            "Provisional programme – version of 6 May 2025\n\nOrganized by the Ministry.\n")
    assert extract(text)["published_on"] == date(2025, 5, 6)


def test_many_countries_each_named_once_or_twice_name_no_partner():
    text = ("# New contributions signed in 2024\n\nGeneva, 3 February 2025\n\n"
            "We thank Denmark, whose funds came early, and all partners.\n\n"
            "| Partner | Amount |\n|---|---|\n| Denmark | 1 |\n| Belgium | 2 |\n| Norway | 3 |\n"
            "| Sweden | 4 |\n| Japan | 5 |\n| Canada | 6 |\n| Spain | 7 |\n| Italy | 8 |\n")
    assert extract(text)["partner_iso3"] is None


def test_table_header_row_is_no_donor_field():
    text = ("# KIT-PAC: Questions and answers\n\nThe programme helps Pacific workers.\n\n"
            "The programme is funded by the Government of New Zealand.\n\n"
            "| Funding partner | Contribution |\n|---|---|\n| New Zealand | NZD 2 million |\n")
    assert extract(text)["partner_iso3"] == "NZL"


def test_title_opening_with_a_donors_own_cooperation_names_that_donor():
    text = ("DANISH DEVELOPMENT COOPERATION IN KENYA 2025-2029\n\nOverview   March 2025\n\n"
            "Kenya and Denmark have worked together for decades.\n")
    assert extract(text)["partner_iso3"] == "DNK"


def test_breadcrumb_with_links_and_section_bar_are_no_title():
    text = ("Home (https://example.org) › Partners (https://example.org/p) › Funds › Harbour Trust\n\n"
            "# Harbour Trust\n\nThe Harbour Trust is a private foundation.\n")
    assert extract(text)["title"] == "Harbour Trust"
    text = ("Stories | ILO in Andean Countries\n\nPeru and Bolivia agree on a shared plan for mining safety\n\n"
            "The plan was agreed in Lima.\n")
    assert extract(text)["title"] == "Peru and Bolivia agree on a shared plan for mining safety"


def test_wire_masthead_and_slug():
    text = ("PANAFRICA NEWS AGENCY\n\nUPDATE 1-Kenya dockworkers end strike after pay deal\n\n"
            "By Jane Roe\n\nMOMBASA, June 5 (PNA) - Dockworkers went back to work on Thursday.\n")
    out = extract(text, "kenya_dock_strike_2024-06.txt")
    assert out["title"] == "Kenya dockworkers end strike after pay deal"
    assert str(out["published_on"]) == "2024-06-05"


def test_caps_heading_with_its_subtitle_or_letterhead():
    text = "WORKS ADVISORY BOARD (WAB)\nMINUTES OF THE THIRD MEETING OF 2023\n\nDate: 3 May 2023\n"
    assert extract(text)["title"] == "WORKS ADVISORY BOARD (WAB): MINUTES OF THE THIRD MEETING OF 2023"
    text = ("SINDICATO NACIONAL DE MINEROS (SNM)\nReport of the Board to the National Assembly, June 2024\n\n"
            "The Board met six times.\n")
    assert extract(text)["title"] == "Report of the Board to the National Assembly, June 2024"
    text = "FROM COAST TO CAPITAL\nHow port apprentices found jobs in two countries\n\nIn 2023 the port trained...\n"
    assert extract(text)["title"] == "FROM COAST TO CAPITAL: How port apprentices found jobs in two countries"


def test_newsletter_issue_line_is_not_joined():
    text = "# Harbour Skills Newsletter\n\nIssue No. 3 · Second quarter 2024\n\nDear partners,\n"
    title = extract(text)["title"]
    assert title.startswith("Harbour Skills Newsletter") and " - " not in title
    text = "# Harbour Skills Newsletter\n\nIssue No. 3 · Second quarter 2024 (April–June)\n\nDear partners,\n"
    assert extract(text)["title"] == "Harbour Skills Newsletter"


def test_publication_dates_from_labels_footers_and_file():
    text = "# Board meeting: summary\n\nAccra, 3–4 June 2024 · Document B/4 · Published 20 June 2024\n\nText.\n"
    assert str(extract(text)["published_on"]) == "2024-06-20"
    text = "# Port programme\n\nThe programme runs.\n\nThis page was last edited on 9 May 2025, at 10:41.\n"
    assert str(extract(text)["published_on"]) == "2025-05-09"
    text = ("# Skills news\n\nThe project is halfway through its life (July 2023 – June 2026). In Hanoi on "
            "8 April 2022 the plan was signed.\n")
    assert str(extract(text, "skills_news_2024-10.md")["published_on"]) == "2024-10-01"


def test_post_title_under_its_author_and_donors_in_turn():
    text = ("Marta Kowalska-Berg\nDirector, ILO Office for the Baltic States | Skills, jobs\n"
            "2 February 2025 · Edited · 🌐\n\n2024: ten things we learned (a long read)\n\nEvery year I look back.\n")
    assert extract(text)["title"] == "2024: ten things we learned"
    text = ("# Coastal Jobs Programme\n\n| Coastal Jobs | |\n| --- | --- |\n"
            "| Funding | European Union (Phase I); Australia (Phase II) |\n\nThe programme trains workers in Viet Nam.\n")
    assert extract(text)["partner_iso3"] is None


def test_a_kicker_of_short_labels_is_not_the_title():
    text = ("Newsroom | Skills | Asia\n\n"
            "Nepal and the ILO open a training centre for migrant workers\n\n"
            "3 March 2025\n\nKATHMANDU – The Government of Nepal opened a centre.\n")
    r = extract(text)
    assert r["title"] == "Nepal and the ILO open a training centre for migrant workers"
    assert r["partner_iso3"] == "NPL"


def test_labels_in_columns_and_a_document_symbol_are_not_the_title():
    text = ("PRESS RELEASE            For immediate release\n"
            "                                      ABC/24/07\n"
            "Chile funds a new apprenticeship programme\n\nSANTIAGO – Chile announced ...\n")
    assert extract(text)["title"] == "Chile funds a new apprenticeship programme"


def test_a_donor_agency_named_in_its_own_language_gives_its_country():
    text = ("# Clean Energy Jobs for Young People in Morocco\n\n"
            "| Funding | Agencia Española de Cooperación Internacional para el Desarrollo |\n"
            "| Budget | EUR 2 million |\n\nThe project trains young people.\n")
    assert extract(text)["partner_iso3"] == "ESP"


def test_a_partnership_heading_under_a_series_name_and_category_is_the_title():
    text = ("WORKING TOGETHER\nRegional Development Banks\n\nThe Asian Development Bank and the ILO\n"
            "Partner brief - June 2022\n\nOVERVIEW\n\nThe Bank lends to governments in the region.\n")
    assert extract(text)["title"] == "The Asian Development Bank and the ILO"


def test_a_boxed_country_ilo_cooperation_heading_under_a_letterhead_is_the_title():
    text = ("INTERNATIONAL LABOUR ORGANIZATION                          PARTNER BRIEF\n"
            "Multilateral Cooperation Unit                                   May 2021\n"
            "======================================================================\n\n"
            "                      NEW ZEALAND  -  ILO COOPERATION\n\n"
            "======================================================================\n\n"
            "New Zealand is a founding member of the ILO.\n")
    doc = extract(text)
    assert doc["title"] == "NEW ZEALAND - ILO COOPERATION"
    assert doc["partner_iso3"] == "NZL"


def test_a_letterhead_in_two_languages_above_a_press_release_label_is_no_title():
    text = ("Department of Foreign Affairs\nRoinn na dTeangacha\n\nPRESS RELEASE\n\n"
            "Minister announces support for fair recruitment in Nepal\n\n4 April 2022\n\n"
            "The Minister today announced new funding.\n")
    assert extract(text)["title"] == "Minister announces support for fair recruitment in Nepal"


def test_a_two_column_page_header_of_letterhead_and_dated_kind_is_no_title():
    text = ("NATIONAL TRAINING AGENCY                             Donor brief, May 2023\n\n"
            "MALAWI\nFunding rural jobs with the Agency\n"
            "Malawi joined the Agency in 1999 and funds its work.\n")
    assert extract(text)["title"] == "MALAWI - Funding rural jobs with the Agency"
    text = ("ILO Development Cooperation - Partner brief                     October 2023\n\n"
            "Some Heading About Skills\nThe programme trains people.\n")
    assert extract(text)["title"] == "Some Heading About Skills"


def test_a_country_kicker_over_a_heading_that_names_it_again_leaves_the_heading():
    text = ("DENMARK\nDenmark and the ILO: thirty years of support to skills and social dialogue\n"
            "Denmark funds the ILO's work on skills.\n")
    assert extract(text)["title"] == "Denmark and the ILO: thirty years of support to skills and social dialogue"


def test_a_site_label_and_section_bar_is_a_running_header():
    text = ("Press release | Asia and the Pacific\n\nNew fund for fishers launched in Bangkok\n\n"
            "3 May 2024\n\nBANGKOK - A new fund was launched today.\n")
    assert extract(text)["title"] == "New fund for fishers launched in Bangkok"


def test_a_wire_masthead_with_desk_slugs_is_no_title():
    text = ("GLOBAL NEWS AGENCY - ASIA / LABOUR\n\nUPDATE 2-Thailand and ILO agree on fishers' rights plan\n\n"
            "By Jane Roe\n\nBANGKOK, May 3 (GNA) - Thailand agreed a plan on Friday.\n")
    assert extract(text)["title"] == "Thailand and ILO agree on fishers' rights plan"


def test_a_completion_summary_field_block_title_wrapped_on_an_indented_line():
    text = ("PROJECT CLOSING SUMMARY\n\n"
            "Project title:   Better Jobs for Young Workers in Rural Coastal Districts of\n"
            "                 Eastern Province (BJYW)\n"
            "Project code:    XYZ/20/01/ABC\n"
            "Date of summary: 12 March 2024\n\n1. SUMMARY\n\nThe project trained young workers.\n")
    doc = extract(text)
    assert doc["title"] == "Better Jobs for Young Workers in Rural Coastal Districts of Eastern Province (BJYW)"
    assert doc["published_on"] == date(2024, 3, 12)
