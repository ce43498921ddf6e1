"""Run-level quality checks and Pandera validation on polars frames with planted defects.

Plain function calls (no Prefect, no database): one clean document's facts pass every
check; each planted defect shows up as a failing check whose quality.failures rows name the
offending row; a row that breaks its table's schema is quarantined with a clear reason
while the rest of the table loads.
"""
from __future__ import annotations

import json
from datetime import date

import polars as pl
import pytest

from flows import checks, validate
from flows.transform import COLUMNS, DTYPES, TABLE_DTYPES

DOC = "a" * 64
DOC_B, DOC_C = "b" * 64, "c" * 64
TEXT = ("The ILO and the Government of Norway signed an MOU in Nairobi on 3 May 2021. "
        'The project "Decent Jobs for Rural Youth" (2019-2024), funded by Norway with '
        "US$ 2 million, reached 5,000 young workers in Kenya. Again: US$ 2 million. "
        "Contact: youth@example.org")
TEXTS = {DOC: TEXT, DOC_B: "A short note without facts.", DOC_C: "Another note."}
ORGS = {"ilo", "nor"}
ISO3 = {"KEN", "NOR"}
TODAY = date(2024, 6, 1)


def at(s: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(s, start + 1)
    return start, start + len(s)


def frame(table: str, rows: list[dict], text: str = TEXT) -> pl.DataFrame:
    """A fact frame as flows.transform builds it (ids, provenance, validation helper columns)."""
    names = ["fact_id", "doc_id", *COLUMNS[table], "char_start", "char_end", "evidence", "rule",
             "text_at_offsets", "doc_n_chars"]
    full = []
    for i, r in enumerate(rows):
        r = {"fact_id": r["project_id"] if table == "projects" else f"{table[:3]}{i}", "doc_id": DOC, "rule": "test", **r}
        r.setdefault("evidence", text[r["char_start"]:r["char_end"]])
        r.setdefault("text_at_offsets", text[r["char_start"]:r["char_end"]])
        r.setdefault("doc_n_chars", len(text))
        full.append({c: r.get(c) for c in names})
    dtypes = {**DTYPES, **TABLE_DTYPES.get(table, {})}
    return pl.DataFrame(full, schema={c: dtypes[c] for c in names}, strict=False)


def s(span: str, nth: int = 0) -> dict:
    a, b = at(span, nth)
    return {"char_start": a, "char_end": b}


def clean_facts() -> dict[str, pl.DataFrame]:
    return {
        "country_mentions": frame("country_mentions", [{"iso3": "NOR", **s("Norway")},
                                                       {"iso3": "KEN", **s("Kenya")}]),
        "org_mentions": frame("org_mentions", [{"org_id": "ilo", "name": "International Labour Organization",
                                                "acronym": "ILO", "kind": "un", **s("ILO")},
                                               {"org_id": "nor", "name": "Government of Norway",
                                                "kind": "government", **s("Government of Norway")}]),
        "persons": frame("persons", []),
        "money": frame("money", [{"amount": 2e6, "currency": "USD", "amount_usd": 2e6, "funder_org_id": "nor",
                                  "project_id": "p1", **s("US$ 2 million")},
                                 {"amount": 2e6, "currency": "USD", "amount_usd": 2e6, "project_id": "p1",
                                  **s("US$ 2 million", 1)}]),
        "agreements": frame("agreements", [{"kind": "mou", "signed_year": 2021, "signed_month": 5, "signed_day": 3,
                                             "parties": ["ilo", "nor"], **s("MOU")}]),
        "projects": frame("projects", [{"project_id": "p1", "title": "Decent Jobs for Rural Youth",
                                        "start_year": 2019, "end_year": 2024, "funder_org_id": "nor",
                                        "budget_usd": 2e6, "countries": ["KEN"], "regions": [],
                                        **s("Decent Jobs for Rural Youth")}]),
        "events": frame("events", []),
        "quantities": frame("quantities", [{"value": 5000.0, "unit": "young workers", "project_id": "p1",
                                            **s("5,000 young workers")}]),
        "contacts": frame("contacts", [{"kind": "email", "value": "youth@example.org", **s("youth@example.org")}]),
    }


def documents(*doc_ids: str) -> pl.DataFrame:
    doc_ids = doc_ids or (DOC,)
    return pl.DataFrame({"doc_id": list(doc_ids), "source_path": [f"{d[0]}.txt" for d in doc_ids],
                         "title": ["t"] * len(doc_ids), "partner_iso3": ["KEN"] * len(doc_ids),
                         "published_on": [date(2024, 5, 1)] * len(doc_ids),
                         "text": [TEXTS[d] for d in doc_ids], "n_chars": [len(TEXTS[d]) for d in doc_ids]})


def run(facts, docs=None, today=TODAY):
    """The run-level checks as flows.pipeline.build calls them (a project's id is its project_id)."""
    if "fact_id" in facts["projects"].columns:
        facts = {**facts, "projects": facts["projects"].drop("fact_id")}
    return checks.run_checks(facts, documents() if docs is None else docs, ORGS, ISO3, TEXTS, today=today)


def failed(check_rows, name=None):
    return [(c["table_name"], c["check_name"]) for c in check_rows
            if not c["passed"] and (name is None or c["check_name"] == name)]


def fact_ids(failures, check_name, table=None):
    return [json.loads(f["row"]).get("fact_id") or json.loads(f["row"]).get("project_id")
            for f in failures if f["check_name"] == check_name and (table is None or f["table_name"] == table)]


def with_row(facts, table, i, **changes):
    f = facts[table]
    facts[table] = f.with_columns(**{k: pl.when(pl.int_range(pl.len()) == i).then(pl.lit(v, dtype=f.schema[k]))
                                     .otherwise(pl.col(k)) for k, v in changes.items()})
    return facts


# ------------------------------------------------------------------------ clean frames

def test_clean_frames_pass_every_check():
    rows, failures = run(clean_facts())
    assert failed(rows) == []
    assert failures == []
    names = {c["check_name"] for c in rows}
    assert names == {"grounding", "referential_integrity", "duplicates", "plausibility", "coverage", "freshness"}
    for c in rows:  # every row carries what the report shows
        assert {"table_name", "severity", "passed", "failing_rows", "observed", "threshold"} <= c.keys()


def test_clean_frames_validate_without_quarantine():
    valid, failures, quarantine, rows = validate.validate(clean_facts(), TEXTS)
    assert failures == [] and quarantine == []
    assert all(r["failing_rows"] == 0 and r["by_check"] == [] for r in rows)
    assert valid["money"].height == 2 and "text_at_offsets" not in valid["money"].columns


# --------------------------------------------------------------- referential integrity

@pytest.mark.parametrize("table,i,column,value", [
    ("org_mentions", 0, "org_id", "ghost"),
    ("persons", None, "org_id", "ghost"),
    ("money", 0, "funder_org_id", "ghost"),
    ("money", 1, "project_id", "p-gone"),
    ("projects", 0, "funder_org_id", "ghost"),
    ("quantities", 0, "project_id", "p-gone"),
    ("country_mentions", 1, "iso3", "XKX"),
])
def test_dangling_reference_fails_referential_integrity(table, i, column, value):
    facts = clean_facts()
    if table == "persons":  # no person in the clean document: plant one
        facts["persons"] = frame("persons", [{"name": "Kari Nordmann", "role": "Minister", "org_id": "ghost",
                                              **s("Government of Norway")}])
        i = 0
    else:
        with_row(facts, table, i, **{column: value})
    rows, failures = run(facts)
    assert failed(rows, "referential_integrity") == [(f"{table}.{column}", "referential_integrity")]
    hit = [f for f in failures if f["check_name"] == "referential_integrity"]
    assert len(hit) == 1
    assert hit[0]["table_name"] == table and hit[0]["column_name"] == column
    assert json.loads(hit[0]["row"])[column] == value
    assert value in hit[0]["failure_case"]
    assert "[[" in hit[0]["snippet"]


def test_agreement_party_that_resolves_to_no_organization():
    facts = with_row(clean_facts(), "agreements", 0, parties=["ilo", "ghost"])
    rows, failures = run(facts)
    assert failed(rows) == [("agreements.parties", "referential_integrity")]
    (f,) = failures
    assert f["table_name"] == "agreements" and "ghost" in f["failure_case"] and "ilo'" not in f["failure_case"]
    assert f["snippet"].count("[[MOU]]") == 1


def test_dangling_reference_is_an_error_by_default():
    facts = with_row(clean_facts(), "org_mentions", 0, org_id="ghost")
    rows, _ = run(facts)
    (c,) = [c for c in rows if not c["passed"]]
    assert c["severity"] == "error" and c["failing_rows"] == 1 and c["observed"] == 1 and c["threshold"] == 0


# --------------------------------------------------------------------------- grounding

def test_ungrounded_fact_fails_grounding_with_its_row():
    facts = with_row(clean_facts(), "country_mentions", 1, evidence="Kenia")
    rows, failures = run(facts)
    assert failed(rows) == [("country_mentions", "grounding")]
    (f,) = failures
    assert json.loads(f["row"])["fact_id"] == "cou1"
    assert "'Kenia'" in f["failure_case"] and "'Kenya'" in f["failure_case"]
    assert "[[Kenya]]" in f["snippet"]


def test_grounding_catches_shifted_and_impossible_offsets():
    a, b = at("Kenya")
    facts = with_row(clean_facts(), "country_mentions", 1, char_start=a + 1, char_end=b + 1)
    facts = with_row(facts, "contacts", 0, char_start=len(TEXT) - 5, char_end=len(TEXT) + 10)
    facts = with_row(facts, "projects", 0, char_start=-27, char_end=-1)  # a negative slice could match
    rows, failures = run(facts)
    assert sorted(failed(rows)) == [("contacts", "grounding"), ("country_mentions", "grounding"),
                                    ("projects", "grounding")]
    assert sorted(fact_ids(failures, "grounding")) == ["con0", "cou1", "p1"]
    assert any("outside the document" in f["failure_case"] for f in failures if f["table_name"] == "contacts")


# ------------------------------------------------------------------------ plausibility

def test_project_ending_before_it_starts_fails_plausibility():
    facts = with_row(clean_facts(), "projects", 0, start_year=2024, end_year=2019)
    rows, failures = run(facts)
    assert failed(rows) == [("projects", "plausibility")]
    (f,) = failures
    assert f["column_name"] == "end_year" and f["failure_case"] == "ends 2019 before it starts 2024"
    assert json.loads(f["row"])["project_id"] == "p1"
    assert "[[Decent Jobs for Rural Youth]]" in f["snippet"]


def test_budget_below_the_money_stated_for_the_project_fails_plausibility():
    facts = with_row(clean_facts(), "projects", 0, budget_usd=500_000.0)
    rows, failures = run(facts)
    assert failed(rows) == [("projects", "plausibility")]
    (f,) = failures
    assert f["column_name"] == "budget_usd" and json.loads(f["row"])["project_id"] == "p1"
    assert "500,000" in f["failure_case"] and "2,000,000" in f["failure_case"]


def test_budget_rounded_from_another_currency_is_plausible():
    facts = with_row(clean_facts(), "projects", 0, budget_usd=1_995_000.0)  # within 0.5 %
    assert failed(run(facts)[0]) == []


def test_money_stated_for_other_years_does_not_count_against_the_budget():
    # 'From 2014 to 2018, Norway provided US$ 2 million' in the project's paragraph is not its money
    facts = with_row(clean_facts(), "projects", 0, budget_usd=500_000.0)
    facts = with_row(with_row(facts, "money", 0, year_from=2014, year_to=2018), "money", 1, year_to=2017)
    assert failed(run(facts)[0]) == []


def test_event_ending_before_it_starts_fails_plausibility():
    facts = clean_facts()
    facts["events"] = frame("events", [{"name": "Youth forum", "start_date": date(2021, 5, 3),
                                        "end_date": date(2021, 5, 1), **s("3 May 2021")}])
    rows, failures = run(facts)
    assert failed(rows) == [("events", "plausibility")]
    assert fact_ids(failures, "plausibility") == ["eve0"]


def test_plausibility_severity_comes_from_the_quality_file(tmp_path, monkeypatch):
    cfg = tmp_path / "quality.toml"
    cfg.write_text('[plausibility]\nseverity = "error"\n')
    monkeypatch.setenv("COOPFACTS_QUALITY_CONFIG", str(cfg))
    facts = with_row(clean_facts(), "projects", 0, start_year=2024, end_year=2019)
    (c,) = [c for c in run(facts)[0] if not c["passed"]]
    assert c["check_name"] == "plausibility" and c["severity"] == "error"


def test_misspelt_severity_in_the_quality_file_is_refused(tmp_path, monkeypatch):
    cfg = tmp_path / "quality.toml"
    cfg.write_text('[plausibility]\nseverity = "erorr"\n')
    monkeypatch.setenv("COOPFACTS_QUALITY_CONFIG", str(cfg))
    with pytest.raises(ValueError, match="plausibility.*severity"):
        run(clean_facts())


# -------------------------------------------------------------------------- duplicates

def test_same_fact_twice_fails_duplicates_naming_the_original():
    facts = clean_facts()
    copy = facts["money"].head(1).with_columns(fact_id=pl.lit("mon-copy"))
    facts["money"] = pl.concat([facts["money"], copy])
    rows, failures = run(facts)
    assert failed(rows) == [("money", "duplicates")]
    (f,) = failures
    assert json.loads(f["row"])["fact_id"] == "mon-copy"
    assert f["failure_case"] == "duplicate of mon0 (same span and values)"


def test_project_restated_in_the_same_document_is_a_duplicate():
    facts = clean_facts()
    again = frame("projects", [{"project_id": "p2", "title": "decent jobs for rural youth ",
                                "start_year": 2019, "end_year": 2024, **s("Decent Jobs for Rural Youth")}])
    again = again.with_columns(char_start=pl.lit(0, dtype=pl.Int64), char_end=pl.lit(3, dtype=pl.Int64),
                               evidence=pl.lit(TEXT[0:3]))
    facts["projects"] = pl.concat([facts["projects"], again])
    rows, failures = run(facts)
    assert failed(rows) == [("projects", "duplicates")]
    (f,) = failures
    assert json.loads(f["row"])["project_id"] == "p2" and "duplicate of p1" in f["failure_case"]


def test_the_same_amount_stated_twice_is_not_a_duplicate():
    rows, _ = run(clean_facts())  # 'US$ 2 million' twice, at two places
    assert [c["failing_rows"] for c in rows if c["check_name"] == "duplicates" and c["table_name"] == "money"] == [0]


# ------------------------------------------------------------------ coverage, freshness

def test_documents_without_usual_facts_are_listed_by_coverage():
    rows, failures = run(clean_facts(), documents(DOC, DOC_B, DOC_C))
    cov = {c["table_name"]: c for c in rows if c["check_name"] == "coverage"}
    assert set(cov) == {"country_mentions", "org_mentions", "money"}
    assert all(not c["passed"] and c["failing_rows"] == 2 and c["observed"] == pytest.approx(2 / 3)
               for c in cov.values())
    missing_money = [f for f in failures if f["check_name"] == "coverage" and f["table_name"] == "money"]
    assert sorted(f["doc_id"] for f in missing_money) == [DOC_B, DOC_C]
    assert missing_money[0]["snippet"] == TEXTS[DOC_B]


def test_freshness_fails_when_even_the_newest_document_is_old():
    rows, _ = run(clean_facts(), today=TODAY)
    (fresh,) = [c for c in rows if c["check_name"] == "freshness"]
    assert fresh["passed"] and fresh["observed"] == 31
    rows, failures = run(clean_facts(), today=date(2040, 1, 1))
    assert failed(rows) == [("documents", "freshness")]
    assert [f["doc_id"] for f in failures if f["check_name"] == "freshness"] == [DOC]


# -------------------------------------------------------------------- Pandera schemas

def test_bad_rows_are_quarantined_with_a_clear_reason_and_the_rest_kept():
    facts = clean_facts()
    facts = with_row(facts, "money", 0, year_from=1800, year_to=2020)
    facts = with_row(facts, "money", 1, currency="ABC")
    facts = with_row(facts, "country_mentions", 0, iso3="XYZ")
    facts = with_row(facts, "contacts", 0, evidence="youth@example.com")
    valid, failures, quarantine, rows = validate.validate(facts, TEXTS)

    assert valid["money"].height == 0 and valid["country_mentions"]["iso3"].to_list() == ["KEN"]
    assert valid["contacts"].height == 0 and valid["org_mentions"].height == 2
    assert valid["projects"].height == 1 and valid["quantities"].height == 1
    by_table = {}
    for q in quarantine:
        by_table.setdefault(q["table_name"], []).append(q["detail"])
    assert sorted(by_table) == ["contacts", "country_mentions", "money"]
    money = sorted(by_table["money"])
    assert len(money) == 2
    assert any("year_from=1800" in d and ">= 1919" in d for d in money)
    assert any("currency='ABC'" in d and "allowed values" in d for d in money)
    (iso,) = by_table["country_mentions"]
    assert "iso3='XYZ'" in iso and "[schema:iso3.isin]" in iso and "'Norway'" in iso
    (contact,) = by_table["contacts"]
    assert "'youth@example.com' != text at offsets 'youth@example.org'" in contact and "[schema:grounded]" in contact

    names = {(f["table_name"], f["check_name"], f["column_name"]) for f in failures}
    assert names == {("money", "schema:year_from.greater_than_or_equal_to", "year_from"),
                     ("money", "schema:currency.isin", "currency"),
                     ("country_mentions", "schema:iso3.isin", "iso3"),
                     ("contacts", "schema:grounded", "evidence")}
    ccy = next(f for f in failures if f["check_name"] == "schema:currency.isin")
    assert ccy["failure_case"] == "ABC" and json.loads(ccy["row"])["fact_id"] == "mon1"
    assert "text_at_offsets" not in json.loads(ccy["row"])
    assert "[[US$ 2 million]]" in ccy["snippet"]


def test_schema_failures_are_summarized_per_table_and_per_pandera_check():
    facts = with_row(clean_facts(), "money", 0, year_from=1800, year_to=2020)
    facts = with_row(facts, "money", 1, currency="ABC")
    facts = with_row(facts, "contacts", 0, evidence="youth@example.com")
    _, _, _, rows = validate.validate(facts, TEXTS)
    summary = {(c["table_name"], c["check_name"]): c for c in checks.schema_checks(rows)}
    assert summary[("money", "schema")]["failing_rows"] == 2 and not summary[("money", "schema")]["passed"]
    assert summary[("money", "schema:currency.isin")]["failing_rows"] == 1
    assert summary[("money", "schema:year_from.greater_than_or_equal_to")]["description"] == "year_from >= 1919"
    assert summary[("contacts", "schema:grounded")]["description"] == "evidence equals the document text at its offsets"
    assert summary[("projects", "schema")]["passed"]
    # passing Pandera checks are not listed one by one: only the per-table total
    assert not any(k[0] == "projects" and k[1] != "schema" for k in summary)
    assert all(c["severity"] == "warn" for c in summary.values())


def test_links_to_a_quarantined_project_are_cleared_not_left_dangling():
    facts = with_row(clean_facts(), "projects", 0, start_year=1800)
    valid, failures, quarantine, rows = validate.validate(facts, TEXTS)
    assert valid["projects"].height == 0 and [q["table_name"] for q in quarantine] == ["projects"]
    assert valid["money"]["project_id"].to_list() == [None, None]
    assert valid["quantities"]["project_id"].to_list() == [None]
    cleared = [f for f in failures if f["check_name"] == "schema:project_quarantined"]
    assert sorted(f["table_name"] for f in cleared) == ["money", "money", "quantities"]
    run_rows, _ = run(valid)
    assert failed(run_rows, "referential_integrity") == []
    summary = {(c["table_name"], c["check_name"]) for c in checks.schema_checks(rows) if not c["passed"]}
    assert summary == {("projects", "schema"), ("projects", "schema:start_year.greater_than_or_equal_to"),
                       ("money", "schema:project_quarantined"), ("quantities", "schema:project_quarantined")}
