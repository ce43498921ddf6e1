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
