"""The quality report: report.html and report.json built from a real DuckDB warehouse.

The warehouse is made from warehouse/schema.sql with quality rows inserted directly (no
Prefect, no extraction): two completed runs, the second with a failing plausibility check,
its failure sample and a quarantined row.
"""
from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from flows import report, settings

DOC_A = "a" * 64
DOC_B = "b" * 64
TEXT_A = "The ILO and Germany signed in Amman. The project Decent Jobs for Youth ran 2024-2020 with USD 5 million."
TEXT_B = "Brazil and the ILO met in Brasilia in 2023."
SNIPPET = "signed in Amman. The project [[Decent Jobs for Youth]] ran 2024-2020 with USD 5 million."

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class StrictParser(HTMLParser):
    """Fails on unbalanced tags; collects the visible text and the <mark>ed text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.marked: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1]}>"
        self.stack.pop()

    def handle_data(self, data):
        if "head" in self.stack:
            return
        self.text.append(data)
        if self.stack and self.stack[-1] == "mark":
            self.marked.append(data)


def parse(html: str) -> StrictParser:
    p = StrictParser()
    p.feed(html)
    p.close()
    assert p.stack == [], f"unclosed tags: {p.stack}"
    return p


def visible(p: StrictParser) -> str:
    return " ".join(" ".join(p.text).split())


def make_warehouse(db: Path) -> None:
    con = duckdb.connect(str(db))
    con.execute((settings.WAREHOUSE_SQL / "schema.sql").read_text())
    con.execute("""INSERT INTO documents (doc_id, source_path, format, title, published_on, text, n_chars, run_id, loaded_at)
                   VALUES (?, 'jordan.txt', 'txt', 'Jobs in Jordan', DATE '2024-03-01', ?, ?, 'run1', TIMESTAMP '2025-01-01 10:00:00'),
                          (?, 'brazil.txt', 'txt', 'Brazil brief', NULL, ?, ?, 'run2', TIMESTAMP '2025-01-02 10:00:00')""",
                [DOC_A, TEXT_A, len(TEXT_A), DOC_B, TEXT_B, len(TEXT_B)])
    con.execute("""INSERT INTO country_mentions VALUES
                   ('f1', ?, 'JOR', 29, 34, 'Amman', 'r'), ('f2', ?, 'BRA', 0, 6, 'Brazil', 'r')""", [DOC_A, DOC_B])
    con.execute("""INSERT INTO projects (project_id, doc_id, title, start_year, end_year, char_start, char_end, evidence)
                   VALUES ('p1', ?, 'Decent Jobs for Youth', 2024, 2020, 49, 70, 'Decent Jobs for Youth')""", [DOC_A])
    con.execute("""INSERT INTO quality.runs VALUES
        ('run1', 'fr-1', TIMESTAMP '2025-01-01 10:00:00', TIMESTAMP '2025-01-01 10:00:05', 'completed',
         1, 1, 0, 0, 0, 2, 'raw', NULL),
        ('run2', 'fr-2', TIMESTAMP '2025-01-02 10:00:00', TIMESTAMP '2025-01-02 10:00:03.5', 'completed',
         3, 1, 1, 1, 0, 1, 'raw', NULL)""")
    for run, plaus_ok in (("run1", True), ("run2", False)):
        con.execute("""INSERT INTO quality.checks VALUES
            (?, 'country_mentions', 'grounding', 'error', true, 0, 0, 0, 'evidence equals the text'),
            (?, 'country_mentions.iso3', 'referential_integrity', 'error', true, 0, 0, 0, 'iso3 resolves'),
            (?, 'projects', 'plausibility', 'warn', ?, ?, ?, 0, 'projects ending before they start'),
            (?, 'money', 'coverage', 'warn', true, 0, 0.25, 0.5, 'share of documents without money')""",
                    [run, run, run, plaus_ok, 0 if plaus_ok else 1, 0 if plaus_ok else 1, run])
    con.execute("""INSERT INTO quality.failures VALUES
        ('run2', ?, 'projects', 'plausibility', 'end_year', '2020',
         '{"project_id": "p1", "start_year": 2024, "end_year": 2020, "char_start": 49, "char_end": 70}', ?)""",
                [DOC_A, SNIPPET])
    con.execute("""INSERT INTO quality.quarantine VALUES
        ('run1', 'old.txt', NULL, 'unreadable', 'from an older run'),
        ('run2', 'scan.pdf', NULL, 'no_text', 'the PDF has no text layer <ocr needed>')""")
    counts = {"run1": {"documents": 1, "organizations": 0, "country_mentions": 1, "projects": 1},
              "run2": {"documents": 2, "organizations": 0, "country_mentions": 2, "projects": 1}}
    for run, tables in counts.items():
        for table, n in tables.items():
            con.execute("INSERT INTO quality.table_counts VALUES (?, ?, ?)", [run, table, n])
    con.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("report")
    db = tmp_path / "wh.duckdb"
    make_warehouse(db)
    html_path, json_path = report.write_report(db, tmp_path / "out")
    html = html_path.read_text(encoding="utf-8")
    return html, parse(html), json.loads(json_path.read_text(encoding="utf-8"))


def test_report_shows_the_latest_run_with_its_failing_check_at_a_glance(built):
    html, p, data = built
    text = visible(p)
    assert data["run"]["run_id"] == "run2" and data["verdict"] == "amber"
    assert "Run loaded, with warnings" in text and "verdict-amber" in html
    assert data["run"]["duration_s"] == 3.5
    assert data["run"]["started_at"] == "2025-01-02T10:00:00"
    for check in ("grounding", "referential_integrity", "plausibility", "coverage"):
        assert check in text
        assert check in {c["check"] for c in data["checks"]}
    plaus = next(c for c in data["checks"] if c["check"] == "plausibility")
    assert plaus == {"table": "projects", "check": "plausibility", "severity": "warn", "passed": False,
                     "failing_rows": 1, "observed": 1.0, "threshold": 0.0,
                     "description": "projects ending before they start"}
    assert data["checks"][0]["check"] == "plausibility"  # failing checks come first
    assert data["checks_summary"] == {"total": 4, "failed": 1, "failed_error": 0, "failed_warn": 1}


def test_failure_sample_shows_the_snippet_with_the_fact_marked(built):
    html, p, data = built
    [group] = data["failures"]
    assert (group["table"], group["check"], group["column"], group["n_failures"]) == ("projects", "plausibility", "end_year", 1)
    [sample] = group["samples"]
    assert sample["source_path"] == "jordan.txt" and sample["failure_case"] == "2020"
    assert sample["row"]["start_year"] == 2024 and sample["snippet"] == SNIPPET
    assert p.marked == ["marked", "Decent Jobs for Youth"]  # the legend, then the fact
    assert "signed in Amman. The project Decent Jobs for Youth ran 2024-2020 with USD 5 million." in visible(p)
    assert "[[" not in visible(p)


def test_quarantine_lists_only_this_runs_rows_escaped(built):
    html, p, data = built
    assert data["quarantine"] == [{"source_path": "scan.pdf", "table": None, "reason": "no_text",
                                   "detail": "the PDF has no text layer <ocr needed>"}]
    text = visible(p)
    assert "scan.pdf" in text and "no_text" in text and "the PDF has no text layer <ocr needed>" in text
    assert "&lt;ocr needed&gt;" in html and "<ocr" not in html
    assert "old.txt" not in text


def test_row_counts_and_their_change_since_the_previous_completed_run(built):
    html, p, data = built
    rc = data["row_counts"]
    assert (rc["as_of_run_id"], rc["previous_run_id"]) == ("run2", "run1")
    by_table = {t["table"]: t for t in rc["tables"]}
    assert by_table["documents"] == {"table": "documents", "n_rows": 2, "previous": 1, "change": 1}
    assert by_table["country_mentions"]["change"] == 1 and by_table["projects"]["change"] == 0
    rows = html.split('id="counts"')[1].split("</table>")[0]
    assert "<code>documents</code></td><td class=\"n\">2</td>" in rows
    assert "+1" in rows and "±0" in rows


def test_trend_and_facts_per_document(built):
    html, p, data = built
    assert [(r["run_id"], r["docs_loaded"], r["facts_loaded"], r["facts_in_warehouse"], r["failed_checks"])
            for r in data["trend"]] == [("run1", 1, 2, 2, 0), ("run2", 1, 1, 3, 1)]
    assert html.count("<svg") == 4 and "<script" not in html and "http://" not in html.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
    fp = data["facts_per_document"]
    docs = {d["source_path"]: d for d in fp["documents"]}
    assert docs["jordan.txt"]["counts"]["country_mentions"] == 1 and docs["jordan.txt"]["counts"]["projects"] == 1
    assert docs["jordan.txt"]["total"] == 2 and docs["brazil.txt"]["total"] == 1
    assert fp["totals"]["total"] == 3
    assert "Jobs in Jordan" in visible(p)


def test_failed_latest_run_is_red_and_counts_stay_those_of_the_last_completed_run(tmp_path):
    db = tmp_path / "wh.duckdb"
    make_warehouse(db)
    con = duckdb.connect(str(db))
    con.execute("""INSERT INTO quality.runs VALUES ('run3', NULL, TIMESTAMP '2025-01-03 10:00:00',
                   TIMESTAMP '2025-01-03 10:00:01', 'failed', 1, 0, 0, 0, 0, 0, 'raw',
                   'grounding failed on money (2 rows)')""")
    con.execute("""INSERT INTO quality.checks VALUES
                   ('run3', 'money', 'grounding', 'error', false, 2, 2, 0, 'evidence equals the text')""")
    con.close()
    html_path, json_path = report.write_report(db, tmp_path / "out")
    data = json.loads(json_path.read_text())
    p = parse(html_path.read_text())
    assert data["verdict"] == "red" and data["run"]["error"] == "grounding failed on money (2 rows)"
    assert data["row_counts"]["as_of_run_id"] == "run2"
    assert [r["status"] for r in data["trend"]] == ["completed", "completed", "failed"]
    text = visible(p)
    assert "grounding failed on money (2 rows)" in text and "The latest run loaded nothing" in text


def test_empty_warehouse_still_renders(tmp_path):
    db = tmp_path / "wh.duckdb"
    con = duckdb.connect(str(db))
    con.execute((settings.WAREHOUSE_SQL / "schema.sql").read_text())
    con.close()
    html_path, json_path = report.write_report(db, tmp_path / "out")
    assert json.loads(json_path.read_text())["verdict"] == "none"
    assert "No run recorded yet" in visible(parse(html_path.read_text()))


def test_artifact_bodies_summarise_failed_checks_and_quarantine():
    summary = {"run_id": "r1", "status": "completed", "docs_seen": 3, "docs_loaded": 2, "docs_unchanged": 0,
               "docs_quarantined": 1, "docs_removed": 0, "facts_loaded": 10, "facts_by_table": {"money": 10},
               "checks": [{"table_name": "projects", "check_name": "plausibility", "severity": "warn",
                           "passed": False, "failing_rows": 1, "observed": 1.0, "threshold": 0.0,
                           "description": "end | before start"},
                          {"table_name": "money", "check_name": "grounding", "severity": "error",
                           "passed": True, "failing_rows": 0, "observed": 0.0, "threshold": 0.0}],
               "quarantine": [{"source_path": "scan.pdf", "table_name": None, "reason": "no_text", "detail": "x"}],
               "report_html": "r/report.html", "report_json": "r/report.json"}
    md = report.summary_markdown(summary)
    assert "Run loaded, with warnings" in md and "| **FAIL** | warn | plausibility | projects | 1 | 1 | 0 |" in md
    rows = report.failures_table(summary)
    assert [(r["kind"], r["name"]) for r in rows] == [("failed check", "plausibility"), ("quarantine", "no_text")]
    assert report.ARTIFACT_KEY == "coopfacts-quality"
