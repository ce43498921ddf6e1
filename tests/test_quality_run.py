"""A failing 'error' check, end to end: real Prefect flow runs on a real DuckDB warehouse.

The dev corpus loads; then a document whose project runs backwards ('(2024-2019)') is
added, with the quality file making 'plausibility' an error. That run fails: the flow
state is failed, quality.runs records it with the error, quality.checks and
quality.failures show the check and the project, the report says so, and not one row of
the warehouse changes. Back on the default settings (plausibility a warning) the same
document loads and the warning is reported.
"""
from __future__ import annotations

import json
from html.parser import HTMLParser

import duckdb
import pytest

from flows.extract import projects
from flows.load import FACT_TABLES

WAREHOUSE_TABLES = ["documents", "organizations", "countries", *FACT_TABLES]
TITLE = "Decent Jobs for Rural Youth"
BACKWARDS = f"""Kenya and the ILO: decent work for young people in rural areas

Brief | 3 March 2024

Kenya and the International Labour Organization (ILO) work together to create decent jobs
for young women and men in rural counties, where most young people earn their living in
agriculture and the informal economy.

► Current ILO projects in Kenya

► The project "{TITLE}" (2024-2019)

The project, funded by the Government of Norway with a contribution of US$ 2 million,
supports young workers in rural Kenya with skills training, access to finance and
advice on starting a business. It works with county governments, employers and trade
unions.

For more information, please contact: nairobi@ilo.org
"""


def counts(db) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in WAREHOUSE_TABLES}
    finally:
        con.close()


def query(db, sql, params=()):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def visible_text(html: str) -> str:
    p = Text()
    p.feed(html)
    return " ".join(" ".join(p.parts).split())


def test_the_planted_project_runs_backwards():
    (row,) = [r for r in projects.extract(BACKWARDS) if r["title"] == TITLE]
    assert (row["start_year"], row["end_year"]) == (2024, 2019)


def test_failing_error_check_fails_the_run_and_loads_nothing(run_flow, raw_dir, tmp_path, monkeypatch):
    quality = tmp_path / "quality.toml"
    quality.write_text('[plausibility]\nseverity = "error"\n')
    monkeypatch.setenv("COOPFACTS_QUALITY_CONFIG", str(quality))
    db = tmp_path / "wh.duckdb"

    summary, state = run_flow(raw_dir, db)
    assert state.is_completed(), state.message
    assert summary["docs_loaded"] == 6
    before = counts(db)
    ids_before = {t: query(db, f"SELECT * FROM {t} ORDER BY ALL") for t in ("documents", "projects", "money")}
    assert all(n > 0 for t, n in before.items() if t not in ("persons",)), before

    (raw_dir / "kenya_rural_youth_2024-03.txt").write_text(BACKWARDS)
    summary, state = run_flow(raw_dir, db)

    # the flow run failed, and says why
    assert summary is None and state.is_failed()
    assert "plausibility" in (state.message or "")
    # the warehouse did not change, not by one row
    assert counts(db) == before
    assert {t: query(db, f"SELECT * FROM {t} ORDER BY ALL") for t in ids_before} == ids_before
    assert query(db, "SELECT count(*) FROM projects WHERE title = ?", [TITLE]) == [(0,)]

    # quality.runs records the failed run, with the error
    runs = query(db, "SELECT run_id, status, error, docs_loaded, finished_at FROM quality.runs ORDER BY started_at")
    assert [r[1] for r in runs] == ["completed", "failed"]
    run_id, _, error, docs_loaded, finished_at = runs[1]
    assert "plausibility failed on projects" in error and docs_loaded == 0 and finished_at is not None

    # quality.checks shows the failing check; quality.failures the project with its source
    failing = query(db, """SELECT table_name, check_name, severity, failing_rows, observed, threshold
                           FROM quality.checks WHERE run_id = ? AND NOT passed""", [run_id])
    assert failing == [("projects", "plausibility", "error", 1, 1.0, 0.0)]
    (fail,) = query(db, """SELECT table_name, column_name, failure_case, "row", snippet FROM quality.failures
                           WHERE run_id = ? AND check_name = 'plausibility'""", [run_id])
    assert fail[:3] == ("projects", "end_year", "ends 2019 before it starts 2024")
    assert json.loads(fail[3])["title"] == TITLE
    assert f"[[{TITLE}]]" in fail[4] and "(2024-2019)" in fail[4]

    # the report beside the warehouse shows the failed run and why
    html = (tmp_path / "reports" / "report.html").read_text()
    text = visible_text(html)
    assert run_id in text and "failed" in text and "plausibility" in text and TITLE in text
    data = json.loads((tmp_path / "reports" / "report.json").read_text())
    assert data["run"]["run_id"] == run_id and data["run"]["status"] == "failed" and data["verdict"] == "red"
    assert any(c["check"] == "plausibility" and not c["passed"] and c["severity"] == "error" for c in data["checks"])

    # on the default settings plausibility only warns: the same document loads, flagged
    monkeypatch.delenv("COOPFACTS_QUALITY_CONFIG")
    summary, state = run_flow(raw_dir, db)
    assert state.is_completed(), state.message
    assert summary["docs_loaded"] == 1
    assert query(db, "SELECT start_year, end_year FROM projects WHERE title = ?", [TITLE]) == [(2024, 2019)]
    last = query(db, "SELECT run_id FROM quality.runs ORDER BY started_at DESC LIMIT 1")[0][0]
    assert query(db, """SELECT severity, failing_rows FROM quality.checks
                        WHERE run_id = ? AND check_name = 'plausibility' AND NOT passed""", [last]) == [("warn", 1)]


def test_a_failing_run_among_consecutive_runs_keeps_the_runs_before_it(run_flow, raw_dir, tmp_path,
                                                                        monkeypatch):
    """More new files than settings.RUN_DOCS: consecutive runs. When one fails an 'error'
    check, the runs before it stay loaded, it loads nothing, and its files are new again."""
    from flows import settings

    quality = tmp_path / "quality.toml"
    quality.write_text('[plausibility]\nseverity = "error"\n')
    monkeypatch.setenv("COOPFACTS_QUALITY_CONFIG", str(quality))
    monkeypatch.setattr(settings, "RUN_DOCS", 3)
    (raw_dir / "zz_kenya_rural_youth_2024-03.txt").write_text(BACKWARDS)  # the last of 7 files
    db = tmp_path / "wh.duckdb"

    summary, state = run_flow(raw_dir, db)
    assert summary is None and state.is_failed()
    assert "plausibility" in state.message and "loaded 6 documents" in state.message
    runs = query(db, "SELECT status, docs_loaded FROM quality.runs ORDER BY started_at")
    assert runs == [("completed", 3), ("completed", 3), ("failed", 0)]
    assert counts(db)["documents"] == 6
    assert query(db, "SELECT count(*) FROM projects WHERE title = ?", [TITLE]) == [(0,)]

    monkeypatch.delenv("COOPFACTS_QUALITY_CONFIG")
    summary, state = run_flow(raw_dir, db)
    assert state.is_completed() and summary["docs_loaded"] == 1 and summary["docs_unchanged"] == 6
    assert query(db, "SELECT count(*) FROM projects WHERE title = ?", [TITLE]) == [(1,)]
