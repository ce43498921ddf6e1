"""Events: a dated happening with its name, dates at the precision given, and its city."""
from datetime import date

from flows.extract.events import extract


def _events(text):
    rows = extract(text)
    for r in rows:
        assert r["evidence"] == text[r["char_start"]:r["char_end"]] and r["rule"]
    return rows


def test_seminar_with_a_day_range_and_the_city_it_was_held_in():
    rows = _events("Seminar on Promoting Decent Jobs against the background of the reform was held "
                   "in Hanoi 19-20 Oct.2023. It was hosted by the Ministry.")
    assert len(rows) == 1
    r = rows[0]
    assert r["name"].startswith("Seminar on Promoting Decent Jobs")
    assert (r["start_date"], r["end_date"], r["date_precision"]) == (date(2023, 10, 19), date(2023, 10, 20), "day")
    assert r["location"] == "Hanoi"


def test_dates_written_in_different_ways():
    rows = _events("The ILO presented its report at the UN General Assembly on September 21st, 2021. "
                   "From 5 to 9 June 2017, experts met in Turin for the project's first international "
                   "seminar. A two-day knowledge sharing workshop took place in Dhaka on 16 and 17 June 2022.")
    got = {(r["start_date"], r["end_date"], r["location"]) for r in rows}
    assert got == {(date(2021, 9, 21), None, None),
                   (date(2017, 6, 5), date(2017, 6, 9), "Turin"),
                   (date(2022, 6, 16), date(2022, 6, 17), "Dhaka")}


def test_a_date_in_parentheses_belongs_to_the_event_before_it():
    rows = _events("On 17 May 2022, during the 5th World Forum on Skills (Durban, South Africa, "
                   "15-20 May 2022), the ILO co-organized a panel on good practices in apprenticeships.")
    by_start = {r["start_date"]: r for r in rows}
    assert set(by_start) == {date(2022, 5, 15), date(2022, 5, 17)}
    assert by_start[date(2022, 5, 15)]["name"].startswith("5th World Forum on Skills")
    assert by_start[date(2022, 5, 15)]["end_date"] == date(2022, 5, 20)
    assert by_start[date(2022, 5, 17)]["name"].startswith("panel on good practices")
    assert all(r["location"] == "Durban" for r in rows)


def test_year_only_event_in_the_same_sentence():
    rows = _events("The programme dates back to 1978, when the ILO brought together labour "
                   "inspectors for the Asian Regional Labour Inspection Seminar in Manila.")
    assert [(r["start_date"], r["date_precision"], r["location"]) for r in rows] == \
        [(date(1978, 1, 1), "year", "Manila")]


def test_list_item_date_and_yearless_days():
    rows = _events("- **December 2011** – The 15th Asia and the Pacific Regional Meeting, held in "
                   "Kyoto, Japan, endorses the approach.\n"
                   "- **25–28 February 2019** – The annual Steering Committee Meeting takes place in "
                   "Bangkok on 26 February, preceded by technical sessions with partner agencies on "
                   "25 February.\n")
    got = {(r["start_date"], r["date_precision"], r["location"]) for r in rows}
    assert got == {(date(2011, 12, 1), "month", "Kyoto"), (date(2019, 2, 26), "day", "Bangkok"),
                   (date(2019, 2, 25), "day", "Bangkok")}


def test_signing_and_launch_on_a_given_day_are_events():
    rows = _events("On 14 December 2007, in Maputo, the Minister and the ILO Director signed a "
                   "Memorandum of Understanding. The Decent Work Country Programme 2018-2022, which "
                   "the constituents launched in Accra on 20 November 2018, sets three priorities.")
    got = {(r["start_date"], r["location"]) for r in rows}
    assert got == {(date(2007, 12, 14), "Maputo"), (date(2018, 11, 20), "Accra")}


def test_one_event_stated_twice_is_one_row():
    rows = _events("The agreement was signed at a ceremony in Amman on 5 October 2022 by the two "
                   "directors.")
    assert len(rows) == 1 and rows[0]["location"] == "Amman"


def test_no_event_without_a_date_or_with_a_reporting_date():
    assert _events("The meeting agreed on a work plan. The Symposium is held every year.") == []
    assert _events("The report, presented at the conference, shows that by December 2022 the "
                   "target was reached.") == []
    assert _events("In 2020, the project organized 25 workshops for 300 participants.") == []


def test_a_country_is_not_the_city():
    rows = _events("A national consultation was held in Kenya on 3 March 2020.")
    assert len(rows) == 1 and rows[0]["location"] is None


def _by_start(text):
    return {r["start_date"]: r for r in _events(text)}


def test_an_events_calendar_with_dates_in_many_formats_and_the_city_last():
    rows = _by_start("## Calendar\n\n"
                     "- 12–14 May 2024 — Regional Forum on Skills Recognition, Lima\n"
                     "- September 21st, 2024 — Webinar: care work in the informal economy (online)\n"
                     "- 19-20 Oct.2024 — Training of trainers on labour inspection, Quito, Ecuador\n"
                     "- 3 to 5 December 2024 — Validation meeting of the wage study, La Paz\n")
    assert rows[date(2024, 5, 12)]["end_date"] == date(2024, 5, 14)
    assert rows[date(2024, 5, 12)]["location"] == "Lima"
    assert rows[date(2024, 9, 21)]["name"].startswith("Webinar") and rows[date(2024, 9, 21)]["location"] is None
    assert rows[date(2024, 10, 19)]["name"].startswith("Training of trainers")
    assert rows[date(2024, 10, 19)]["location"] == "Quito"
    assert rows[date(2024, 12, 3)]["end_date"] == date(2024, 12, 5)
    assert rows[date(2024, 12, 3)]["location"] == "La Paz"


def test_future_events_reviews_and_missions():
    rows = _by_start("A digital launch of the new programmes will take place on 10 March 2025. The annual "
                     "review was held on 3 November 2024.\n\n- **15–17 June 2025** – Mid-term review mission "
                     "to Lima and Cusco.\n")
    assert "launch" in rows[date(2025, 3, 10)]["name"]
    assert "review" in rows[date(2024, 11, 3)]["name"]
    assert rows[date(2025, 6, 15)]["name"] == "Mid-term review mission"


def test_a_committee_that_met_twice_and_a_launch_in_a_timeline_item():
    rows = _by_start("The Fund is governed by a Steering Committee of its donors, which met virtually on "
                     "2021-06-17 and again on 8 December 2021.\n\n- 2019-09-21 — The Minister and the ILO "
                     "Director-General launch the Global Coalition for Fair Pay in New York.\n")
    assert rows[date(2021, 6, 17)]["name"] == "Steering Committee meeting"
    assert rows[date(2021, 12, 8)]["name"] == "Steering Committee meeting"
    assert rows[date(2019, 9, 21)]["name"].startswith("Launch of")
    assert rows[date(2019, 9, 21)]["location"] == "New York"


def test_launched_and_signed_in_one_sentence_each_keep_their_date():
    rows = _events("It builds on a Letter of Intent signed by the ILO and the Council in September 2022, and "
                   "on the Decent Work Country Programme 2023–2027, which was launched in Mombasa on 7 "
                   "November 2023.")
    assert [(r["name"].split()[0], r["start_date"], r["location"]) for r in rows] == [
        ("Launch", date(2023, 11, 7), "Mombasa")]


def test_training_as_a_common_noun_is_not_an_event():
    assert _events("The project will provide training for 400 trainers by 5 May 2025.") == []


def test_signing_place_from_headquarters_or_the_dateline():
    rows = _events("A new agreement was signed at ILO headquarters on 2 March 2021.")
    assert rows[0]["location"] == "ILO headquarters"
    rows = _events("OSLO – A Framework Agreement was signed on 2nd March 2021 by the Ministry and the ILO.")
    assert rows[0]["location"] == "Oslo"


def test_a_year_in_a_web_address_is_no_date():
    assert _events("Seminar papers can be downloaded from www.example.org/seminars/skills-2021.") == []
    assert _events("Contact the seminar secretariat at skills2021@example.org for details.") == []


def test_headquarters_in_a_city_and_a_meeting_held_online():
    rows = _events("The agreement was exchanged at a brief ceremony at UNDP headquarters in New York on 3 May 2022.")
    assert rows[0]["location"] == "New York"
    rows = _by_start("A kick-off meeting with the partners was held online on 4 March 2021, and a results "
                     "seminar took place in Lomé on 9 June 2021.")
    assert rows[date(2021, 3, 4)]["location"] is None
    assert rows[date(2021, 6, 9)]["location"] == "Lomé"


def test_a_ceremony_is_named_by_what_was_signed_or_exchanged():
    rows = _events("The funding agreement was signed on 8 July 2021 at a ceremony in Accra.")
    assert rows[0]["name"] == "Signing ceremony of the funding agreement"
    rows = _events("The letters were exchanged at a small ceremony in Lisbon on 2 May 2019.")
    assert rows[0]["name"] == "Ceremony for the exchange of letters"


def test_a_review_scheduled_for_a_day():
    rows = _events("The second review is scheduled for 4 October 2022. The review of the plan showed gaps.")
    assert [(r["name"], r["start_date"]) for r in rows] == [("second review", date(2022, 10, 4))]


def test_a_list_item_led_by_a_day_is_a_happening():
    rows = _by_start("## Milestones\n\n"
                     "- **3–5 May 2021** – Peer learning: twelve inspectors spent three days in Kigali.\n"
                     "- 9 July 2021 – The Project Advisory Board met in Kampala and endorsed the workplan.\n"
                     "- 30 September 2021 – Deadline for the call for proposals.\n")
    assert set(rows) == {date(2021, 5, 3), date(2021, 7, 9)}
    assert (rows[date(2021, 5, 3)]["name"], rows[date(2021, 5, 3)]["end_date"]) == ("Peer learning", date(2021, 5, 5))
    assert rows[date(2021, 5, 3)]["location"] == "Kigali"
    assert (rows[date(2021, 7, 9)]["name"], rows[date(2021, 7, 9)]["location"]) == (
        "Project Advisory Board meeting", "Kampala")


def test_the_event_a_title_block_names():
    rows = _events("PROCEEDINGS OF THE NATIONAL TRIPARTITE SEMINAR\n\"Skills for a Green Economy\"\n"
                   "Windhoek, Namibia, 14-15 March 2022\n\nThe seminar was opened by the Minister.\n")
    assert len(rows) == 1
    r = rows[0]
    assert r["name"] == "National Tripartite Seminar Skills for a Green Economy"
    assert (r["start_date"], r["end_date"], r["location"]) == (date(2022, 3, 14), date(2022, 3, 15), "Windhoek")


def test_a_heading_dated_by_weekday_and_day_dates_the_events_under_it():
    text = ("The regional forum took place in Lima from 5 to 7 April 2022.\n\n"
            "Session 1 (Tuesday, 5 April)\n\n"
            "The forum was opened by the Minister. A panel discussion on youth employment was held after it.\n\n"
            "FIELD VISIT (Thursday, 7 April)\n\n"
            "Participants went to a textile cooperative in Gamarra.\n\n"
            "Next steps\n\n"
            "The forum ended with a joint statement. A technical meeting on the roadmap will follow.\n")
    rows = _events(text)
    got = {(r["name"], r["start_date"], r["location"]) for r in rows}
    assert ("panel discussion on youth employment", date(2022, 4, 5), None) in got
    assert ("Field visit", date(2022, 4, 7), "Gamarra") in got
    assert not any("technical meeting" in r["name"] for r in rows)       # under an undated heading
    assert not any(r["name"] == "forum" for r in rows)                   # "the forum": the event itself


def test_a_heading_date_needs_a_weekday_or_a_range_of_days_before_it():
    text = ("The plan was adopted in 2021.\n\nUpdate – 8 November\n\n"
            "A technical meeting on the roadmap was organized by the Ministry.\n")
    assert _events(text) == []


def test_a_day_heading_without_a_title_and_no_event_from_a_letter_subject_or_a_report_list():
    rows = _events("Programme of the regional forum\n\nThe forum met in Suva from 2 to 4 May 2023.\n\n"
                   "Wednesday, 3 May\n\nA high-level panel on labour migration was held in the morning.\n")
    assert (date(2023, 5, 3), "high-level panel on labour migration") in {(r["start_date"], r["name"]) for r in rows}
    assert _events("Subject: Follow-up meeting\nLisbon, 3 April 2024\n\nDear Minister,\n") == []
    assert _events("- 12 May 2023 – Progress report to the donor (PDF)\n") == []


def test_the_items_of_an_events_calendar():
    text = ("## Events\n\nFilter: Meetings | Training\n\n"
            "## Regional Workshop on Skills for Green Jobs\n\nWed 4 June 2025\n\nHotel Lumiere, Nairobi, Kenya\n\n"
            "Open to tripartite delegations.\n\n"
            "## Webinar: What next for apprenticeships?\n\nThursday, 12 June 2025, 10:00–11:30 CET\n\nOnline (Zoom)\n\n"
            "## Technical Meeting on Wage Policy\n\n03.07.2025 – 05.07.2025\n\nLilongwe, Malawi (Bingu Centre)\n")
    rows = {r["name"]: r for r in _events(text)}
    assert set(rows) == {"Regional Workshop on Skills for Green Jobs", "Webinar: What next for apprenticeships?",
                         "Technical Meeting on Wage Policy"}
    r = rows["Regional Workshop on Skills for Green Jobs"]
    assert (r["start_date"], r["location"]) == (date(2025, 6, 4), "Nairobi")
    assert rows["Webinar: What next for apprenticeships?"]["location"] is None
    r = rows["Technical Meeting on Wage Policy"]
    assert (r["start_date"], r["end_date"], r["location"]) == (date(2025, 7, 3), date(2025, 7, 5), "Lilongwe")


def test_dotted_day_month_year_dates_and_their_ranges():
    from flows.extract.text import find_dates
    (d,) = find_dates("from 03.07.2025 – 05.07.2025 in Lilongwe")
    assert (d.first(), d.last()) == (date(2025, 7, 3), date(2025, 7, 5))
    (d,) = find_dates("on 9.10.2024.")
    assert (d.first(), d.last()) == (date(2024, 10, 9), None)
    assert find_dates("version 1.12.2020.3, v2.10.2019 and 31.02.2024") == []


def test_today_is_the_day_of_the_dateline():
    text = ("Nairobi, 3 March 2025\n\nFour ministries today signed a Memorandum of Understanding (MoU) on "
            "Skills Recognition at a ceremony held at the Treasury in Nairobi City.\n")
    (r,) = _events(text)
    assert (r["start_date"], r["location"]) == (date(2025, 3, 3), "Nairobi City")
    assert r["name"] == "Signing ceremony of the MoU on Skills Recognition"


def test_a_round_or_course_that_starts_on_a_day():
    (r,) = _events("The next round, for 40 cooperative leaders, starts on 2 May 2025 in Mwanza.")
    assert (r["start_date"], r["location"]) == (date(2025, 5, 2), "Mwanza")
    assert _events("The round of talks ended on 2 May 2025.") == []


def test_between_two_months_starts_at_the_first():
    (r,) = _events("Between March and June 2023 the union ran 9 two-day workshops in Kisumu.")
    assert (r["start_date"], r["end_date"], r["date_precision"]) == (date(2023, 3, 1), date(2023, 6, 1), "month")


def test_a_venue_named_with_its_city_is_the_location():
    (r,) = _events("At the award ceremony on 4 May 2024 at the Mombasa Beach Hotel, ten firms were honoured.")
    assert r["location"] == "Mombasa Beach Hotel"


def test_a_heading_dated_by_an_abbreviated_weekday():
    text = ("The regional forum took place in Lima from 5 to 7 April 2022.\n\n"
            "FIELD VISIT (Thu. 7 April)\n\n"
            "Participants went to a textile cooperative in Gamarra.\n")
    got = {(r["name"], r["start_date"], r["location"]) for r in _events(text)}
    assert ("Field visit", date(2022, 4, 7), "Gamarra") in got


def test_signing_and_launching_with_an_ordinal_date():
    (r,) = _events("It was on the 5th of June 2023 that I had the honour of signing in Lisbon, with the "
                   "Director-General, a new cooperation agreement between Portugal and the ILO.")
    assert (r["start_date"], r["location"], r["name"]) == (date(2023, 6, 5), "Lisbon", "Signing of cooperation agreement")
    (r,) = _events("In Ruritania, on the 12th of May 2021, we launched with the Ministry of Labour, Jobs and "
                   "Welfare a programme to extend health cover to farm workers.")
    assert r["start_date"] == date(2021, 5, 12) and r["name"].startswith("Launch of programme to extend")
    (r,) = _events("Launch: The initiative was launched in Port Louis on 4 April 2022, in the presence of the minister.")
    assert (r["start_date"], r["location"], r["name"]) == (date(2022, 4, 4), "Port Louis", "Launch of initiative")


def test_an_academy_over_a_range_of_ordinal_days_and_no_training_centre():
    (r,) = _events("The Training Centre in Turin, which will host, from the 2nd to the 6th of October 2023, "
                   "a special academy on labour statistics, is ready.")
    assert (r["name"], r["start_date"], r["end_date"], r["location"]) == (
        "special academy on labour statistics", date(2023, 10, 2), date(2023, 10, 6), "Turin")


def test_a_place_name_with_a_lowercase_particle():
    (r,) = _events("The first Steering Board met in Dar es Salaam on 4 Nov. 2023.")
    assert r["location"] == "Dar es Salaam"


def test_a_schedule_with_dot_leaders_dates_each_row_by_its_own_line():
    text = ("The review runs from May to July 2024.\n\n"
            "  Kick-off meeting with the project team (virtual) ........ 6 May 2024\n"
            "  Desk review completed ...................................... 17 May 2024\n"
            "  Field mission to Kigali and Huye ........................ 20 May - 31 May 2024\n"
            "  Validation workshop, Kigali ................................ 28 June 2024\n"
            "  Final report ................................................ 12 July 2024\n")
    got = {(r["name"], r["start_date"], r["end_date"], r["location"]) for r in _events(text)}
    assert got == {("Kick-off meeting", date(2024, 5, 6), None, None),
                   ("Field mission", date(2024, 5, 20), date(2024, 5, 31), "Kigali"),
                   ("Validation workshop", date(2024, 6, 28), None, "Kigali")}


def test_a_place_after_the_date_that_leads_an_item():
    text = ("## Events\n\n"
            "- **12–14 June 2023, Beira** – Regional seminar \"Jobs in the blue economy\", with 80 participants.\n"
            "- **3 October 2023, Luanda** – SADC Meeting of Labour Ministers, where results were shown.\n")
    got = {(r["start_date"], r["location"]) for r in _events(text)}
    assert got == {(date(2023, 6, 12), "Beira"), (date(2023, 10, 3), "Luanda")}


def test_the_conference_on_one_of_its_days_is_the_same_conference():
    (r,) = _events("The Regional Conference on Green Jobs took place in Kampala from 4. to 6.09.2023, organised "
                   "by the ILO. On 5 September 2023 the conference adopted the Kampala Declaration.")
    assert (r["start_date"], r["end_date"], r["location"]) == (date(2023, 9, 4), date(2023, 9, 6), "Kampala")


def test_a_title_block_led_by_an_ordinal_gives_its_place():
    text = ("ADDRESS BY THE MINISTER\n\n"
            "87th Session of the Regional Labour Conference\n"
            "Side event \"Skills for all\"\n"
            "Lusaka, 9 May 2023\n\n"
            "Dear colleagues, thank you for coming to this event today.\n")
    got = [(r["start_date"], r["location"]) for r in _events(text)]
    assert (date(2023, 5, 9), "Lusaka") in got


def test_a_month_that_opens_an_active_signing_dates_it_and_the_next_sentence_places_it():
    text = ("In May 2023 the Federation and the ILO signed a Memorandum of Understanding on skills. "
            "The MoU was signed in Ruriton by the President of the Federation.")
    got = [(r["start_date"], r["date_precision"], r["location"]) for r in _events(text)]
    assert got == [(date(2023, 5, 1), "month", "Ruriton")]
    assert _events("The Letter of Intent was signed by the ILO and the Fund in May 2023.") == []
    assert _events("In March 2022 the Fund and the ILO signed an agreement on skills.") == []     # (no place)


def test_a_named_week_is_an_event():
    (r,) = _events("The National Safety Week will be held from 22 to 26 April 2024 in Ruriton.")
    assert (r["start_date"], r["end_date"], r["location"]) == (date(2024, 4, 22), date(2024, 4, 26), "Ruriton")
    assert _events("Next Week on 3 May 2024 the office is closed.") == []


def test_a_city_named_with_of():
    (r,) = _events("The training course took place in Port of Spain from 2 to 4 June 2021.")
    assert r["location"] == "Port of Spain"


def test_the_place_between_the_phrase_and_its_date():
    (r,) = _events("Staff joined a regional knowledge-sharing workshop, Ruriton, 3-4 May 2022.")
    assert (r["start_date"], r["location"]) == (date(2022, 5, 3), "Ruriton")


def test_a_registration_deadline_does_not_date_the_forum():
    got = [r["start_date"] for r in _events("The Forum takes place 4-5 June 2024 in Ruriton. Register by 27 May "
                                             "for the forum.")]
    assert got == [date(2024, 6, 4)]


def test_a_minister_who_met_a_director_general_is_a_meeting():
    (r,) = _events("On 3 May 2022, the Minister of Labour of Ruritania met Mr. John Smith, Director-General of "
                   "the Office, at ILO headquarters in Geneva.")
    assert (r["start_date"], r["location"]) == (date(2022, 5, 3), "Geneva")
    assert _events("On 3 May 2022 the project met its targets.") == []


def test_a_meeting_title_with_date_and_venue_fields():
    text = ("MINUTES OF THE SECOND MEETING OF THE PROJECT ADVISORY BOARD\n"
            "Project: Safer Ports\n\n"
            "Date:    Monday, 2 October 2023, 09:00-12:00\n"
            "Venue:   Room 4, Ministry of Labour,\n"
            "         Harbour Road 2, Ruriton\n"
            "Chair:   Ms A. Smith\n\n"
            "1. OPENING\nThe Chair opened the session.\n")
    got = [(r["start_date"], r["location"]) for r in _events(text)]
    assert got == [(date(2023, 10, 2), "Ruriton")]


def test_a_markdown_title_over_place_dash_dates():
    text = ("# Regional Consultation on Fair Wages for Domestic Workers\n\n"
            "Ruriton, Ruritania — 3–4 June 2025\n\nSession 1 — Opening remarks.")
    rows = extract(text)
    r = next(r for r in rows if r["name"].startswith("Regional Consultation"))
    assert (str(r["start_date"]), str(r["end_date"]), r["location"]) == ("2025-06-03", "2025-06-04", "Ruriton")


def test_a_speech_header_names_its_occasion():
    text = ("Statement by Mr A. Bello, Minister of Labour\n"
            "at the launch of the National Youth Employment Strategy\n\n"
            "Harbour Convention Centre, Ruriton, 5 March 2025\n\n"
            "Excellencies, colleagues, friends,\n")
    rows = extract(text)
    r = next(r for r in rows if r["name"].startswith("Launch"))
    assert (str(r["start_date"]), r["location"]) == ("2025-03-05", "Ruriton")


def test_a_named_day_that_takes_place():
    rows = extract("The annual Ruritania Donors' Day will take place in Ruriton on 6 May 2025, with a field visit.")
    assert [(r["name"], str(r["start_date"])) for r in rows] == [("Ruritania Donors' Day", "2025-05-06")]
    assert extract("Each Tuesday in May 2025 the Day was busy.") == []
    (r,) = extract("The Lilliput Partners' Day was held in The Hague on 2 June 2024.")
    assert r["location"] == "The Hague"


def test_a_table_joined_in_one_line_dates_each_row_by_its_cell():
    text = ("Deliverable                         Due date -------------------  ---------- "
            "Work plan                           3 March 2025 Study visit to Ruriton and two districts 10 Mar - 21 Mar 2025 "
            "Validation workshop (Ruriton)       9 May 2025 Final report                        30 May 2025")
    got = sorted((r["name"].split()[0], str(r["start_date"])) for r in extract(text))
    assert got == [("Study", "2025-03-10"), ("Validation", "2025-05-09")]


def test_a_yearless_day_in_parentheses_with_a_time():
    text = ("Date: 6 March 2025\n\nAhead of Monday's meeting with the Ruritanian Embassy (10 March, 09:00-10:30, "
            "Harbour Road, Ruriton), here is the note.")
    rows = [r for r in extract(text) if "meeting" in r["name"]]
    assert [(r["name"], str(r["start_date"])) for r in rows] == [("Monday's meeting", "2025-03-10")]


def test_list_items_dated_without_a_year_take_the_year_heading_or_the_title_year():
    text = ("# Ruritania programme\n\n## Timeline\n\n**2019**\n- 4 June: kick-off seminar in Ruriton with the "
            "district councils.\n- 1 August: official start of the programme.\n\n**2020**\n- April: validation "
            "workshop in Porto Nuevo.\n")
    got = sorted((r["name"].lower(), str(r["start_date"]), r["location"]) for r in extract(text))
    assert got == [("kick-off seminar", "2019-06-04", "Ruriton"), ("validation workshop", "2020-04-01", "Porto Nuevo")]
    text = ("# Ruriton Office: 2022 at a glance\n\n### May\n\n- **10–12 May** — Regional seminar in Ruriton on "
            "social dialogue.\n- **30 May – 2 June** — Study visit of 8 inspectors.\n")
    got = sorted((str(r["start_date"]), str(r["end_date"])) for r in extract(text))
    assert got == [("2022-05-10", "2022-05-12"), ("2022-05-30", "2022-06-02")]
    assert extract("# Notes\n\n- 10 May: regional seminar in Ruriton.\n") == []     # no year anywhere


def test_a_signing_on_a_weekday_under_a_dateline_without_a_year():
    text = ("The Ruriton Herald\nThursday, May 16, 2024\n\nRURITON, 14 May — The Ministry of Labour (MOL) and the "
            "International Labour Organization (ILO) on Monday signed a memorandum of understanding on youth jobs.")
    rows = [r for r in extract(text) if r["name"].startswith("Signing")]
    assert [(str(r["start_date"]), r["location"]) for r in rows] == [("2024-05-13", "Ruriton")]


def test_a_signing_on_a_weekday_under_a_wire_dateline_with_the_agency():
    text = ("RURITON WIRE SERVICE\nPriority: routine | Filed 4 Mar 2025 09:10 GMT\n\n"
            "PORT RURI, Mar 4 (RWS) - The Ministry of Labour (MOL) and the International Labour "
            "Organization (ILO) signed a memorandum of understanding on Monday on youth jobs.")
    rows = [r for r in extract(text) if r["name"].startswith("Signing")]
    assert [str(r["start_date"]) for r in rows] == ["2025-03-03"]


def test_the_year_of_a_convention_title_is_no_date_of_the_meeting():
    text = ("The Chair opened the meeting, recalling that Ruritania had ratified the Labour Inspection "
            "Convention, 1947 (No. 81) and the Promotional Framework for Occupational Safety and Health "
            "Convention, 2006 (No. 187).")
    assert [str(r["start_date"]) for r in extract(text)] == []


def test_a_year_right_before_an_event_name_is_its_only_year():
    text = ("Ruritania issued 900 permits between 2019 and mid-2023, far below the 5,000 pledged at the "
            "2017 Regional Summit on Mobility in Ruri.")
    assert [str(r["start_date"])[:4] for r in extract(text)] == ["2017"]


def test_a_conference_room_is_no_event():
    text = ("Date and venue: 3 May 2024, 09:00-15:00, Ruri Grand Hotel, conference room \"Sapphire\" "
            "(hybrid meeting)\nMinutes prepared by: the project team; circulated 10 May 2024")
    assert [str(r["start_date"]) for r in extract(text)] == ["2024-05-03"]


def test_a_date_before_a_meeting_yields_to_the_date_right_after_it():
    text = ("Further to the proposal submitted by the Office on 2 March 2023, and to the review meeting "
            "held in Ruri on 11 April 2023, we are pleased to confirm our support.")
    assert [(str(r["start_date"]), r["location"]) for r in extract(text)] == [("2023-04-11", "Ruri")]


def test_a_lowercase_steering_committee_that_will_meet():
    text = "Next: the first national steering committee will meet in Ruri in October 2025."
    rows = extract(text)
    assert [(str(r["start_date"]), r["location"]) for r in rows] == [("2025-10-01", "Ruri")]


def test_a_world_day_that_partners_mark_on_a_date():
    text = ("Unions and employers met in Ruri on 12 June 2024 to mark the World Day against Child Labour, "
            "with a march.")
    rows = extract(text)
    assert [(str(r["start_date"]), r["location"]) for r in rows] == [("2024-06-12", "Ruri")]


def test_at_work_ends_the_name_of_a_world_day_and_is_no_place():
    text = "The ILO joined partners in Ruri on 28 April 2024 to mark the World Day for Safety and Health at Work."
    (r,) = extract(text)
    assert (r["name"], r["location"]) == ("World Day for Safety and Health at Work", "Ruri")


def test_a_list_item_launching_a_report_is_a_launch_with_the_place_ending_it():
    text = "## Upcoming events\n\n- 5 November 2024 — Launch of the report \"Ruritania Jobs Outlook 2024\", Ruri\n"
    rows = extract(text)
    assert [(str(r["start_date"]), r["location"]) for r in rows] == [("2024-11-05", "Ruri")]
    assert extract("## Publications\n\n- 5 November 2024 — Annual report 2024 (PDF)\n") == []


def test_a_peer_learning_event_planned_in_a_month():
    text = "Two more countries asked to join; a peer-learning event is planned in Ruri in March 2025."
    rows = extract(text)
    assert [(str(r["start_date"]), r["location"]) for r in rows] == [("2025-03-01", "Ruri")]


def test_a_paragraph_led_by_a_year_then_in_a_month():
    text = "### Timeline\n\n2021 — In October, a joint exploratory mission visited Ruri and met 20 firms.\n"
    rows = extract(text)
    assert [(str(r["start_date"]), r["date_precision"]) for r in rows] == [("2021-10-01", "month")]


def test_job_fair_is_an_event():
    rows = extract("- A careers fair in Mombasa on 4 March 2024 drew 40 employers and 1,500 young people.")
    assert [(r["name"].lower(), str(r["start_date"]), r["location"]) for r in rows] == [("careers fair", "2024-03-04", "Mombasa")]


def test_steering_committee_took_place():
    rows = extract("The second steering committee of the programme took place in Dakar on 9 May 2023.")
    assert len(rows) == 1 and str(rows[0]["start_date"]) == "2023-05-09" and rows[0]["location"] == "Dakar"


def test_a_target_year_after_to_does_not_date_a_session():
    assert extract("14:00  Session 4: A joint road map to 2028") == []
    rows = extract("Our cooperation dates back to 1988, when the ILO held the first Regional Seminar on Labour Inspection in Manila.")
    assert [r["start_date"].year for r in rows] == [1988]


def test_exchanges_and_site_visits_are_events():
    rows = extract("The project will organize a peer exchange between dairy cooperatives of Kenya and Uganda in Mbale on 3 June 2025.")
    assert [(r["name"], str(r["start_date"]), r["location"]) for r in rows] == [("peer exchange", "2025-06-03", "Mbale")]
    rows = extract("A site visit to a bus terminal in Nairobi is planned for Friday 6 June 2025.")
    assert [(r["name"], str(r["start_date"])) for r in rows] == [("site visit", "2025-06-06")]


def test_title_with_dates_field_and_weekday_range():
    text = ("CONCEPT NOTE\n\nREGIONAL WORKSHOP ON MIGRANT WORKERS' PENSIONS\n\n"
            "Dates:      Monday 3 to Wednesday 5 March 2025\n"
            "Venue:      Lakeside Hotel, Kisumu\n")
    rows = extract(text)
    assert [(str(r["start_date"]), str(r["end_date"]), r["location"]) for r in rows] == [("2025-03-03", "2025-03-05", "Kisumu")]


def test_done_at_after_signed_this_agreement_is_the_signing():
    text = ("Article 9. This Agreement enters into force on signature.\n\n"
            "In witness whereof, the undersigned have signed this Agreement in two originals.\n\n"
            "Done at Nairobi, on 2 July 2024.\n")
    rows = extract(text)
    assert [(r["name"], str(r["start_date"]), r["location"]) for r in rows] == [("Signing of the Agreement", "2024-07-02", "Nairobi")]


def test_a_dated_visit_to_a_named_place():
    rows = extract("When the Minister visited Kigali from 4 to 6 March 2024, she met young apprentices.")
    assert [(r["name"], str(r["start_date"]), str(r["end_date"]), r["location"]) for r in rows] == [
        ("Visit to Kigali", "2024-03-04", "2024-03-06", "Kigali")]
    assert extract("The team visited 12 cooperatives on 3 May 2024.") == [] or all(
        not r["name"].startswith("Visit to") for r in extract("The team visited 12 cooperatives on 3 May 2024."))


def test_title_block_name_keeps_a_defined_acronym():
    text = ("EAC TECHNICAL MEETING ON LABOUR MIGRATION DATA\n\n"
            "Date:      12 March 2025\n"
            "Venue:     Serena Hotel, Arusha\n\n"
            "The East African Community (EAC) Secretariat hosts the meeting.\n")
    rows = [r for r in extract(text) if r["rule"] == "title_block"]
    assert [r["name"] for r in rows] == ["EAC Technical Meeting on Labour Migration Data"]


def test_signing_and_launch_under_a_news_item_heading_with_day_place_and_no_year():
    from flows.extract.events import extract
    text = ("# Cooperation bulletin\n\nIssue 7 · 10–16 March 2025\n\n"
            "### 11 Mar · Nairobi, Kenya — Unions and the ILO sign skills pact\n\n"
            "The Central Organization of Trade Unions and the ILO signed a memorandum of understanding on apprenticeships.\n\n"
            "### 13 Mar · Kigali, Rwanda — Portal goes live\n\n"
            "The Ministry of Public Service and Labour launched the national job portal with ILO support.\n")
    rows = extract(text)
    got = sorted((str(r["start_date"]), r["location"], r["name"].split()[0]) for r in rows)
    assert ("2025-03-11", "Nairobi", "Signing") in got
    assert ("2025-03-13", "Kigali", "Launch") in got


def test_a_month_signing_that_names_its_place_and_a_timeline_present_tense_signing():
    text = ("- 2011 – A Framework Agreement on cooperation is signed in Lisbon in October 2011 between "
            "the Government of Portugal and the ILO.\n"
            "- 2023 – On 4 April 2023, the Ministry of Labour and Social Protection, the Employers' "
            "Confederation (EC), the Federation of Trade Unions (FTU) and the ILO sign the second "
            "Decent Work Country Programme.\n")
    rows = _events(text)
    got = {(str(r["start_date"]), r["date_precision"], r["location"]) for r in rows if r["name"].startswith("Signing")}
    assert ("2011-10-01", "month", "Lisbon") in got
    assert ("2023-04-04", "day", None) in got


def test_a_calendar_table_one_event_a_row_dated_by_its_own_date_cell():
    text = ("## Calendar\n\n"
            "| Date | Event | Venue / City | Notes |\n"
            "|---|---|---|---|\n"
            "| 3–4 Mar 2026 | Subregional seminar on pay equity | Radisson Blu, Dar es Salaam | Report 2025 discussed |\n"
            "| 9 Apr 2026 | Launch of the Youth Skills Survey 2025 (online) | Zoom | Open to all |\n"
            "| 2025 | Annual review | Kampala, Uganda | - |\n")
    rows = _events(text)
    got = {(r["name"], str(r["start_date"]), str(r["end_date"]), r["location"]) for r in rows}
    assert got == {("Subregional seminar on pay equity", "2026-03-03", "2026-03-04", "Dar es Salaam"),
                   ("Launch of the Youth Skills Survey 2025", "2026-04-09", "None", "online")}
    assert all(r["rule"] == "table_row" for r in rows)


def test_a_milestone_schedule_of_dated_lines():
    text = ("MILESTONES\n\n"
            "2025-03-02 to 2025-03-13  Final independent evaluation (field work in two districts) ... DONE\n"
            "2025-06-11                Second Project Advisory Board meeting, Lilongwe ... PLANNED\n"
            "2025-09                   Launch of the farmers' insurance pilot ... PLANNED\n"
            "2025-10-01                Report submitted to the donor\n")
    rows = _events(text)
    got = {(r["name"], str(r["start_date"]), str(r["end_date"]), r["date_precision"], r["location"]) for r in rows}
    assert got == {("Final independent evaluation", "2025-03-02", "2025-03-13", "day", None),
                   ("Second Project Advisory Board meeting", "2025-06-11", "None", "day", "Lilongwe"),
                   ("Launch of the farmers' insurance pilot", "2025-09-01", "None", "month", None)}


def test_a_coming_range_without_a_year_takes_the_year_of_the_document_date():
    text = ("Newsletter · Published 2 February 2026\n\n"
            "The agreement was renewed in March 2025. In May the ministry will host a national dialogue on "
            "wage policy in Mzuzu, from 19 to 21 May, with ILO support.")
    rows = [r for r in _events(text) if "dialogue" in r["name"]]
    assert [(str(r["start_date"]), str(r["end_date"]), r["location"]) for r in rows] == [("2026-05-19", "2026-05-21", "Mzuzu")]


def test_scheduled_meetings_of_bodies_evaluations_and_a_signature_noun():
    text = ("The national steering committee is scheduled to meet in Gulu on 14 May 2025. "
            "A technical working group of labour inspectors will meet in Jinja in August 2025. "
            "A final evaluation is planned for January–February 2026. "
            "Training started after the signature of a tripartite MOU on 2 June 2024 in Mbale.")
    rows = _events(text)
    got = {(str(r["start_date"]), str(r["end_date"]), r["location"]) for r in rows}
    assert ("2025-05-14", "None", "Gulu") in got
    assert ("2025-08-01", "None", "Jinja") in got
    assert ("2026-01-01", "2026-02-01", None) in got
    assert ("2024-06-02", "None", "Mbale") in got


def test_a_scheme_launched_on_a_day_and_a_country_joining_an_organization():
    text = ("The insurance scheme was launched on 3 March 2021 in Lusaka. "
            "Namibia became the ILO's 150th member State on 3 November 1978.")
    rows = _events(text)
    got = {(r["name"], str(r["start_date"]), r["location"]) for r in rows}
    assert ("Namibia joins the ILO", "1978-11-03", None) in got
    assert any(n.startswith("Launch of") and d == "2021-03-03" and loc == "Lusaka" for n, d, loc in got)


def test_launched_this_morning_is_the_dateline_day_and_a_hashtag_is_named_by_its_quote():
    text = ("Country Office @ILOLusaka\nThread · 8 Oct 2025\n\n"
            "1/4 This morning in Ndola we launched #GreenJobsZM – \"Green Jobs for Young Zambians\", a "
            "three-year programme to train young people.\n")
    rows = _events(text)
    assert [(r["name"], str(r["start_date"]), r["location"]) for r in rows] == \
        [("Launch of Green Jobs for Young Zambians", "2025-10-08", "Ndola")]


def test_a_briefing_an_opening_of_a_place_and_a_launch_named_at_the_start_of_an_item():
    text = ("A briefing for partner embassies was held in Maseru on 6 May 2025. "
            "The briefing note of 7 May 2025 lists the risks. "
            "The opening of the new employment centre in Butha-Buthe took place on 20 May 2025. "
            "The opening of new export markets in 2025 was slow.\n\n"
            "- Launch of the national wage survey, 2 June 2025\n")
    rows = _events(text)
    got = {(r["name"], str(r["start_date"])) for r in rows}
    assert got == {("briefing for partner embassies", "2025-05-06"),
                   ("opening of the new employment centre", "2025-05-20"),
                   ("Launch of the national wage survey", "2025-06-02")}


def test_an_event_phrase_with_its_city_then_its_year():
    rows = _events("The secretariat will report on progress at a follow-up forum in Kumasi in 2026. "
                   "Findings were shared at a meeting in Tamale in 2023.")
    assert [(r["name"], str(r["start_date"]), r["date_precision"], r["location"]) for r in rows] == \
        [("follow-up forum", "2026-01-01", "year", "Kumasi")]


def test_a_speech_given_at_a_signing_ceremony_and_a_forum_tomorrow():
    text = ("Remarks by Ana Ruiz, Regional Director, at the signing ceremony of the Youth Employment Compact\n\n"
            "Kigali, 4 June 2025\n\n"
            "Good morning to all of you. We have worked for two years on this compact.\n\n"
            "Tomorrow, 5 June, the Ministry hosts the Kigali Skills Forum at the Marriott Conference Centre.\n")
    got = {(r["name"], str(r["start_date"]), r["location"]) for r in _events(text)}
    assert ("Signing ceremony of the Youth Employment Compact", "2025-06-04", "Kigali") in got
    assert ("Kigali Skills Forum", "2025-06-05", "Marriott Conference Centre") in got


def test_an_email_dates_days_in_its_own_year_and_no_conditional_signing():
    text = ("From: A. Banda <banda@example.org>\nSent: Monday, 3 March 2025 09:10\nTo: B. Phiri\n"
            "Subject: extension\n\nDear B,\n\n"
            "An extension to 31 March 2028 would need an addendum signed by both parties. "
            "Let us discuss it at the meeting on 20 March.\n\n"
            "2. Monitoring visit.\nOur adviser and I will be in Chipata from 7 to 9 April.\n\n"
            "The next Technical Committee (TC) is scheduled for 20 March 2025 in Lusaka.\n")
    got = {(r["name"], str(r["start_date"]), str(r["end_date"]), r["location"]) for r in _events(text)}
    assert got == {("Technical Committee meeting", "2025-03-20", "None", "Lusaka"),
                   ("Monitoring visit", "2025-04-07", "2025-04-09", "Chipata")}


def test_this_month_a_discussion_with_an_official_and_a_launch_in_a_relative_clause():
    text = ("Answered on\n\n12 April 2025\n\n"
            "Our staff discussed the plan with the ILO Country Director for Nepal in Kathmandu on 2 April 2025, "
            "and we will raise it at the 353rd session of the Governing Body in Geneva this month. "
            "This builds on the Skills Alliance for Asia that we launched in May 2023.")
    got = {(r["name"], str(r["start_date"]), r["date_precision"]) for r in _events(text)}
    assert got == {("Meeting with the ILO Country Director for Nepal", "2025-04-02", "day"),
                   ("353rd session of the Governing Body", "2025-04-01", "month"),
                   ("Launch of Skills Alliance for Asia", "2023-05-01", "month")}


def test_field_work_a_business_fair_and_no_training_authority_or_year_in_another_cell():
    text = ("Field work took place from 3 to 14 March 2025 in Tamale and Kumasi. "
            "She sold her goods at the \"Open Market\" business fair, held in Cali on 8 May 2024. "
            "The National Vocational Training Authority (NVTA) placed 900 trainees in 2024.\n\n"
            "| 10:00 | Review of the Labour Act of 2019 | Chair: Ms X, Chairperson, Council Panel: ABC, DEF |\n")
    got = {(r["name"], str(r["start_date"])) for r in _events(text)}
    assert got == {("Field work", "2025-03-03"), ("business fair", "2024-05-08")}


def test_the_first_sentence_under_a_dated_news_heading_takes_its_day():
    text = ("## Updates\n\n"
            "### 14 May 2024 · Partners review the first year\n\n"
            "The first meeting of the Technical Working Group took place at the labour ministry in Mombasa. "
            "Members agreed on a new workplan.\n\n"
            "### 3 June 2024 · New agreement with the port authority\n\n"
            "In Mombasa, the ILO and the Kenya Ports Authority signed a memorandum of understanding on "
            "dock work safety.\n\n"
            "28 June 2024 · Nairobi\n\n"
            "The union held a meeting on wages.\n")
    got = {(r["name"], str(r["start_date"]), r["location"]) for r in _events(text)}
    assert ("first meeting of the Technical Working Group", "2024-05-14", "Mombasa") in got
    assert any(n.startswith("Signing of memorandum") and d == "2024-06-03" for n, d, _ in got)
    assert not any(d == "2024-06-28" for _, d, _ in got)      # a dateline with a place is no headline


def test_launches_led_by_the_participle_or_with_an_indefinite_subject():
    text = ("Launched in Kigali on 4 February 2023, the project trains young electricians. "
            "A new regional programme worth USD 9 million was launched in Lomé on 16 October 2024 by three ministries.")
    got = {(r["name"], str(r["start_date"]), r["location"]) for r in _events(text)}
    assert ("Launch of project", "2023-02-04", "Kigali") in got
    assert ("Launch of new regional programme", "2024-10-16", "Lomé") in got


def test_a_signing_on_the_margins_of_a_conference_is_an_event_of_its_own():
    text = ("On 12 June 2024, on the margins of the 112th Session of the International Labour Conference "
            "in Geneva, the two federations signed a memorandum of understanding on migrant workers.")
    got = {(r["name"], str(r["start_date"])) for r in _events(text)}
    assert ("Signing of memorandum", "2024-06-12") in got
    assert any(n.startswith("112th Session") for n, _ in got)


def _got(text):
    return {(r["start_date"], r["end_date"], r["location"]) for r in _events(text)}


def test_fairs_rallies_exchanges_and_named_day_events():
    assert _got("Upcoming events:\n  - Kenya Skills Fair, Mombasa, 3-4 June 2025 (with the employers)\n") == {
        (date(2025, 6, 3), date(2025, 6, 4), "Mombasa")}
    assert _got("A second national exchange was held in Kumasi on 9–10 May 2022 and gathered 40 officials.") == {
        (date(2022, 5, 9), date(2022, 5, 10), "Kumasi")}
    assert _got("The minister spoke at the Green Jobs Day event in Lima on 4 October 2023.") == {
        (date(2023, 10, 4), None, "Lima")}
    assert _got("On World Day Against Child Labour, 12 June 2022, the union organized a rally in Tamale.") == {
        (date(2022, 6, 12), None, "Tamale")}


def test_a_possessive_launch_and_a_committee_scheduled_for_a_month():
    assert _got("She recalled the programme's launch in Mwanza in April 2019.") == {(date(2019, 4, 1), None, "Mwanza")}
    assert _got("The first steering committee of the programme is scheduled for March 2026 in Arusha.") == {
        (date(2026, 3, 1), None, "Arusha")}


def test_a_yearless_morning_and_the_most_recent_of_a_recurring_meeting():
    rows = _events("The fund was pledged on 2 May 2024 in Bonn. The pledge was made at a side event on the "
                   "morning of 3 May.")
    assert (date(2024, 5, 3), None) in {(r["start_date"], r["end_date"]) for r in rows}
    rows = _events("Norway and the ILO meet every year for annual consultations. The most recent took place "
                   "in Oslo on 5 March 2024, chaired by the ministry.")
    assert [(r["start_date"], r["location"]) for r in rows] == [(date(2024, 3, 5), "Oslo")]
    assert "consultations" in rows[0]["name"]


def test_an_event_dated_by_its_closing_day_and_called_n_day_runs_back_to_its_first_day():
    text = ("Labour ministers met at the Pacific Employment Forum, which closed in Suva on 6 June 2023. "
            "The four-day forum, hosted by the Government of Fiji from 3 to 6 June, brought together 12 countries.")
    assert [(e["name"], e["start_date"], e["end_date"]) for e in extract(text)] == [
        ("Pacific Employment Forum", date(2023, 6, 3), date(2023, 6, 6))]


def test_a_completed_n_day_visit_and_no_launch_dated_by_its_last_day():
    text = ("SUVA (ILO News) - The Minister of Labour of Norway completed a two-day visit to Fiji on "
            "9 June 2023, during which she launched a new project on decent work in tourism.")
    rows = extract(text)
    assert [(e["name"], e["start_date"], e["end_date"], e["location"]) for e in rows] == [
        ("Visit to Fiji", date(2023, 6, 8), date(2023, 6, 9), "Suva")]


def test_the_latest_round_dates_the_recurring_meeting_named_before():
    text = ("Norway and the ILO hold annual consultations on the partnership. The latest round took place "
            "in Oslo on 12 March 2024 and was chaired by the two directors.")
    rows = extract(text)
    assert [(e["start_date"], e["location"]) for e in rows] == [(date(2024, 3, 12), "Oslo")]


def test_in_consultation_with_and_a_ministry_name_are_no_events():
    assert extract("Prepared by the ILO in consultation with the Finnish Ministry for Foreign Affairs\n"
                   "Geneva, May 2024\n") == []
    assert extract("Under a grant signed with the Ministry of Higher Education, Vocational Training and "
                   "Employment in March 2021, the ILO supports two centres.") == []


def test_a_project_period_field_dates_no_event_of_the_fields_below():
    text = ("Project code:\tKEN/21/01/NOR\n"
            "Duration:\t1 March 2021 - 28 February 2025 (48 months)\n"
            "Coverage:\tKenya - Nairobi and Mombasa; peer learning workshops with Uganda\n")
    assert extract(text) == []


def test_the_split_scans_find_what_the_patterns_find():
    """_dated_head_lines is _DATED_HEAD_RE.finditer (on lines with a year's "19" or "20"); _lines
    gives each line's stripped span."""
    import random

    from flows.extract.events import _DATED_HEAD_RE, _dated_head_lines, _lines
    words = ["### 8 July 2024", "5–9 August 2024", "12 May 1999 -", "x20", "Y" * 70, "·", "—", "|", ":",
             "Steering committee meets", "Trainers",
             "certified", "**", "#", "Bishkek", "x", ".", ","]
    seps = [" ", "\n", "\n\n", "\t", " \n ", ""]
    rnd = random.Random(5)
    for _ in range(3000):
        text = "".join(rnd.choice(words) + rnd.choice(seps) for _ in range(rnd.randint(1, 12)))
        assert [m.span("line") for m in _dated_head_lines(text)] == [
            m.span("line") for m in _DATED_HEAD_RE.finditer(text) if "19" in m.group("line") or "20" in m.group("line")], text
        pos, spans = 0, []
        for line in text.split("\n"):
            st = line.strip()
            a = pos + (line.find(st[0]) if st else 0)
            spans.append((a, a + len(st)))
            pos += len(line) + 1
        assert _lines(text) == spans, text


def test_every_body_met_match_holds_a_body_word():
    import random

    from flows.extract.events import _BODY_MET_RE, _BODY_WORDS
    words = ("The Project Steering Committee Board Council Commission Task Force Working Group Advisory Bureau Panel "
             "first regional steering advisory coordination management oversight committee board group council "
             "technical joint working group task force met meets convened will meet took place is scheduled for "
             "to 12 May 2024 in Accra").split()
    rnd = random.Random(13)
    for _ in range(3000):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 14)))
        for m in _BODY_MET_RE.finditer(text):
            assert any(w in m.group(0) for w in _BODY_WORDS), text


def test_every_month_name_opens_with_a_month_stem():
    import re

    from flows.extract.events import _MONTH_STEMS
    from flows.extract.text import MONTH
    names = re.findall(r"[A-Z][a-z]+", MONTH)
    assert names and all(n.lower()[:3] in _MONTH_STEMS for n in names)


def test_dateline_line_under_a_headline_dates_the_item():
    text = ("## News\n\n### Training centres open their doors\n\n12 April 2023 · Kumasi\n\n"
            "The launch workshop brought together 60 trainers and employers from the region.\n\n"
            "### Another item\n\nNothing happened here.\n")
    rows = extract(text)
    assert [r["start_date"] for r in rows] == [date(2023, 4, 12)]
    # (a dateline that is not under a headline dates nothing)
    assert extract("Intro line.\n12 April 2023 · Kumasi\n\nThe launch workshop brought together 60 trainers.\n") == []


def test_place_dateline_under_an_all_caps_headline_dates_and_places_the_signing():
    text = ("OFFICE BULLETIN\n\n2. NEW FUNDING FOR RURAL ROADS\nDodoma, 14 March 2022\n\n"
            "The Government of Korea and the ILO signed an agreement for a rural roads project.\n")
    rows = extract(text)
    assert [(r["start_date"], r["location"]) for r in rows] == [(date(2022, 3, 14), "Dodoma")]
    assert rows[0]["evidence"] == text[rows[0]["char_start"]:rows[0]["char_end"]]


def test_timeline_entries_date_their_signings_not_a_dateline():
    text = ("MILESTONES\n\nApril 2018 - The ACME Foundation and the ILO sign a Letter of Intent in Nairobi.\n\n"
            "7 May 2019 - A grant agreement is signed by the two directors.\n\n"
            "12 June 2021 - At the annual forum, the two partners sign an amendment adding a new component.\n")
    rows = extract(text)
    assert sorted((r["start_date"], r["date_precision"], r["location"]) for r in rows) == [
        (date(2018, 4, 1), "month", "Nairobi"), (date(2019, 5, 7), "day", None), (date(2021, 6, 12), "day", None)]


def test_an_n_day_conference_on_its_last_day_is_the_named_conference():
    text = ("LUSAKA – Ministers on Friday closed a three-day conference on 12 May 2023.\n\n"
            "The Lusaka Conference on Skills, held on 10–12 May 2023, gathered 300 delegates.\n")
    rows = extract(text)
    assert [(r["name"], r["start_date"], r["end_date"]) for r in rows] == \
        [("Lusaka Conference on Skills", date(2023, 5, 10), date(2023, 5, 12))]


def test_launched_lead_with_its_partners_before_the_comma():
    text = ("Launched in Mombasa on 8 June 2022 with the Federation of Kenya Employers (FKE) and the Central "
            "Organization of Trade Unions (COTU), the project trains young fishers.\n")
    rows = extract(text)
    assert [(r["start_date"], r["location"]) for r in rows] == [(date(2022, 6, 8), "Mombasa")]
    assert rows[0]["name"].startswith("Launch of")
