"""The data quality report: quality tables -> report.html + report.json (+ Prefect artifacts).

`report_data` reads the warehouse (read-only) and returns one plain dict: the latest run's
header, its checks, failure samples with their source snippets, its quarantine list, row
counts per table with the change since the previous completed run, a trend over the last
runs and facts per live document. `write_report` writes that dict as report.json and renders
report.html from templates/report.html.j2 (self-contained: inline CSS and SVG, no scripts,
no network assets). `publish_artifacts` shows the run summary in the Prefect UI.
"""
from __future__ import annotations

import json
import logging
import math
from datetime import date, datetime, time, timezone
from decimal import Decimal
from pathlib import Path

from . import load, settings

log = logging.getLogger("coopfacts")

SAMPLES_PER_CHECK = 5  # failure samples shown per (table, check, column)
TREND_RUNS = 20  # runs in the trend
HTML_QUARANTINE_ROWS = 300  # quarantine rows listed in the HTML (the JSON has them all)
HTML_DOCUMENT_ROWS = 500  # documents listed in "facts per document" in the HTML (the JSON has them all)
ARTIFACT_KEY = "coopfacts-quality"
ARTIFACT_TABLE_KEY = "coopfacts-failures"
ARTIFACT_MAX_ROWS = 200
COUNT_TABLES = ["documents", "organizations", *load.FACT_TABLES]
SEVERITY_RANK = {"error": 0, "warn": 1}

VERDICTS = {
    "red": "Run failed: an error check failed, nothing of it was loaded",
    "amber": "Run loaded, with warnings",
    "green": "Run good: every check passed",
    "none": "No run recorded yet",
}


# ------------------------------------------------------------------------- helpers

def _plain(v):
    """A value JSON can hold: numbers stay numbers, dates become ISO strings."""
    if isinstance(v, (datetime, date, time)):
        return v.isoformat()
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, set)):
        return [_plain(x) for x in v]
    return v


def _rows(con, sql: str, params: list | None = None) -> list[dict]:
    result = con.execute(sql, params or [])
    cols = [d[0] for d in result.description]
    return [dict(zip(cols, r)) for r in result.fetchall()]


def _tables(con) -> set[str]:
    """Existing tables as 'name' (schema main) and 'quality.name'."""
    out = set()
    for schema, name in con.execute("SELECT table_schema, table_name FROM information_schema.tables").fetchall():
        out.add(name if schema == "main" else f"{schema}.{name}")
    return out


def _json_obj(text):
    if text is None:
        return None
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text


def _verdict(run: dict | None, checks: list[dict]) -> str:
    if run is None:
        return "none"
    if run.get("status") != "completed" or any(c["severity"] == "error" and not c["passed"] for c in checks):
        return "red"
    if any(not c["passed"] for c in checks):
        return "amber"
    return "green"


# ------------------------------------------------------------------------- the data

def report_data(db_path: Path, samples_per_check: int = SAMPLES_PER_CHECK,
                trend_runs: int = TREND_RUNS) -> dict:
    """Everything the report shows, as plain JSON-ready values (see the module docstring)."""
    con = load.connect(db_path, read_only=True)
    try:
        data = _collect(con, samples_per_check, trend_runs)
    finally:
        con.close()
    data["db_path"] = str(db_path)
    data["generated_at"] = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    return _plain(data)


def _collect(con, samples_per_check: int, trend_runs: int) -> dict:
    tables = _tables(con)
    empty = {"run": None, "verdict": "none", "verdict_text": VERDICTS["none"], "checks": [],
             "checks_summary": {"total": 0, "failed": 0, "failed_error": 0, "failed_warn": 0},
             "failures": [], "quarantine": [], "quarantine_summary": [],
             "row_counts": {"as_of_run_id": None, "previous_run_id": None, "tables": []},
             "trend": [], "facts_per_document": {"tables": list(load.FACT_TABLES), "documents": [], "totals": {}}}
    if "quality.runs" not in tables:
        return empty
    runs = _rows(con, "SELECT * FROM quality.runs ORDER BY started_at DESC, run_id DESC LIMIT 1")
    if not runs:
        return empty | {"facts_per_document": _facts_per_document(con, tables)}
    run = runs[0]
    run_id = run["run_id"]
    if run.get("started_at") and run.get("finished_at"):
        run["duration_s"] = round((run["finished_at"] - run["started_at"]).total_seconds(), 3)
    else:
        run["duration_s"] = None

    checks = _checks(con, run_id) if "quality.checks" in tables else []
    verdict = _verdict(run, checks)
    failed = [c for c in checks if not c["passed"]]
    return {
        "run": run,
        "verdict": verdict,
        "verdict_text": VERDICTS[verdict],
        "checks": checks,
        "checks_summary": {"total": len(checks), "failed": len(failed),
                           "failed_error": sum(c["severity"] == "error" for c in failed),
                           "failed_warn": sum(c["severity"] != "error" for c in failed)},
        "failures": _failures(con, run_id, samples_per_check) if "quality.failures" in tables else [],
        "quarantine": _quarantine(con, run_id) if "quality.quarantine" in tables else [],
        "quarantine_summary": _quarantine_summary(con, run_id) if "quality.quarantine" in tables else [],
        "row_counts": _row_counts(con, run) if "quality.table_counts" in tables else empty["row_counts"],
        "trend": _trend(con, trend_runs, tables),
        "facts_per_document": _facts_per_document(con, tables),
    }


def _checks(con, run_id: str) -> list[dict]:
    rows = _rows(con, """
        SELECT table_name AS "table", check_name AS "check", severity, passed, failing_rows,
               observed, threshold, description
        FROM quality.checks WHERE run_id = ? ORDER BY rowid""", [run_id])
    # failing first (error before warn), then in the order the checks ran
    return sorted(rows, key=lambda c: (c["passed"], 0 if c["passed"] else SEVERITY_RANK.get(c["severity"], 2)))


def _failures(con, run_id: str, limit: int) -> list[dict]:
    """Failure samples grouped by (table, check, column), at most `limit` per group."""
    rows = _rows(con, """
        WITH f AS (
            SELECT *, rowid AS rid,
                   row_number() OVER (PARTITION BY table_name, check_name, column_name ORDER BY rowid) AS k,
                   count(*) OVER (PARTITION BY table_name, check_name, column_name) AS n,
                   min(rowid) OVER (PARTITION BY table_name, check_name, column_name) AS first_rid
            FROM quality.failures WHERE run_id = ?)
        SELECT f.table_name, f.check_name, f.column_name, f.n, f.doc_id, d.source_path,
               f.failure_case, f."row" AS row_json, f.snippet
        FROM f LEFT JOIN documents d ON d.doc_id = f.doc_id
        WHERE f.k <= ? ORDER BY f.first_rid, f.k""", [run_id, limit])
    run_checks = set(settings.CHECKS)  # anything else is a Pandera check of the schema check
    groups: dict[tuple, dict] = {}
    for r in rows:
        key = (r["table_name"], r["check_name"], r["column_name"])
        g = groups.setdefault(key, {"table": key[0], "check": key[1], "column": key[2],
                                    "from_check": key[1] if key[1] in run_checks else "schema",
                                    "n_failures": r["n"], "samples": []})
        g["samples"].append({"doc_id": r["doc_id"], "source_path": r["source_path"],
                             "failure_case": r["failure_case"], "row": _json_obj(r["row_json"]),
                             "snippet": r["snippet"]})
    return list(groups.values())


def _quarantine(con, run_id: str) -> list[dict]:
    return _rows(con, """
        SELECT source_path, table_name AS "table", reason, detail
        FROM quality.quarantine WHERE run_id = ? ORDER BY rowid""", [run_id])


def _quarantine_summary(con, run_id: str) -> list[dict]:
    return _rows(con, """
        SELECT reason, table_name AS "table", count(*) AS n
        FROM quality.quarantine WHERE run_id = ?
        GROUP BY ALL ORDER BY n DESC, reason, "table" NULLS FIRST""", [run_id])


def _row_counts(con, run: dict) -> dict:
    """Counts as of the latest completed run at or before `run`, vs the completed run before it.

    A failed run loads nothing, so after one the counts are those its predecessor left.
    """
    completed = _rows(con, """
        SELECT r.run_id FROM quality.runs r
        WHERE r.status = 'completed' AND r.started_at <= ?
          AND EXISTS (SELECT 1 FROM quality.table_counts t WHERE t.run_id = r.run_id)
        ORDER BY r.started_at DESC, r.run_id DESC LIMIT 2""", [run["started_at"]])
    if not completed:
        return {"as_of_run_id": None, "previous_run_id": None, "tables": []}
    now_id = completed[0]["run_id"]
    prev_id = completed[1]["run_id"] if len(completed) > 1 else None
    now = {r["table_name"]: r["n_rows"] for r in _rows(
        con, "SELECT table_name, n_rows FROM quality.table_counts WHERE run_id = ? ORDER BY rowid", [now_id])}
    prev = {r["table_name"]: r["n_rows"] for r in _rows(
        con, "SELECT table_name, n_rows FROM quality.table_counts WHERE run_id = ?", [prev_id])} if prev_id else {}
    order = [t for t in COUNT_TABLES if t in now] + [t for t in now if t not in COUNT_TABLES]
    out = []
    for t in order:
        before = prev.get(t) if prev_id else None
        out.append({"table": t, "n_rows": now[t], "previous": before,
                    "change": None if before is None else now[t] - before})
    return {"as_of_run_id": now_id, "previous_run_id": prev_id, "tables": out}


def _trend(con, n: int, tables: set[str]) -> list[dict]:
    """The last n runs, oldest first: documents and facts loaded, facts held, failed checks."""
    fact_list = ", ".join(f"'{t}'" for t in load.FACT_TABLES)
    has_checks = "quality.checks" in tables
    has_counts = "quality.table_counts" in tables
    checks_sql = ("""(SELECT count(*) FILTER (WHERE NOT passed AND severity = 'error') FROM quality.checks c
                       WHERE c.run_id = r.run_id) AS failed_error,
                     (SELECT count(*) FILTER (WHERE NOT passed AND severity <> 'error') FROM quality.checks c
                       WHERE c.run_id = r.run_id) AS failed_warn""" if has_checks
                  else "0 AS failed_error, 0 AS failed_warn")
    counts_sql = (f"""(SELECT sum(n_rows) FROM quality.table_counts t
                        WHERE t.run_id = r.run_id AND t.table_name IN ({fact_list})) AS facts_in_warehouse"""
                  if has_counts else "NULL AS facts_in_warehouse")
    rows = _rows(con, f"""
        SELECT * FROM (
            SELECT r.run_id, r.started_at, r.status, r.docs_seen, r.docs_loaded, r.docs_quarantined,
                   r.facts_loaded, {counts_sql}, {checks_sql}
            FROM quality.runs r ORDER BY r.started_at DESC, r.run_id DESC LIMIT ?)
        ORDER BY started_at, run_id""", [n])
    for r in rows:
        r["failed_checks"] = (r["failed_error"] or 0) + (r["failed_warn"] or 0)
    return rows


def _facts_per_document(con, tables: set[str]) -> dict:
    """For each live document, the number of rows in each fact table."""
    present = [t for t in load.FACT_TABLES if t in tables]
    if "documents" not in tables:
        return {"tables": present, "documents": [], "totals": {}}
    joins = "\n".join(f"LEFT JOIN (SELECT doc_id, count(*) AS n FROM {t} GROUP BY doc_id) {t} USING (doc_id)"
                      for t in present)
    cols = "".join(f", coalesce({t}.n, 0) AS {t}" for t in present)
    rows = _rows(con, f"""
        SELECT d.doc_id, d.source_path, d.title, d.published_on, d.n_chars{cols}
        FROM documents d {joins}
        WHERE d.removed_at IS NULL ORDER BY d.source_path""")
    docs = []
    for r in rows:
        counts = {t: r.pop(t) for t in present}
        docs.append({**r, "counts": counts, "total": sum(counts.values())})
    totals = {t: sum(d["counts"][t] for d in docs) for t in present}
    totals["total"] = sum(d["total"] for d in docs)
    return {"tables": present, "documents": docs, "totals": totals}


# ------------------------------------------------------------------------ rendering

def passed_groups(checks: list[dict]) -> list[dict]:
    """Passed checks folded to one line per (check, severity): which tables, highest observed value."""
    groups: dict[tuple, dict] = {}
    for c in checks:
        if not c["passed"]:
            continue
        g = groups.setdefault((c["check"], c["severity"]), {
            "check": c["check"], "severity": c["severity"], "tables": [], "observed_max": None,
            "thresholds": [], "description": c.get("description")})
        g["tables"].append(c["table"])
        if c.get("observed") is not None:
            g["observed_max"] = c["observed"] if g["observed_max"] is None else max(g["observed_max"], c["observed"])
        if c.get("threshold") not in g["thresholds"]:
            g["thresholds"].append(c.get("threshold"))
    return list(groups.values())


def snippet_parts(snippet: str | None) -> tuple[str, str, str] | None:
    """Split a snippet 'left [[fact]] right' into (left, fact, right); no marker -> ('', '', text)."""
    if snippet is None:
        return None
    start = snippet.find("[[")
    end = snippet.find("]]", start + 2) if start >= 0 else -1
    if start < 0 or end < 0:
        return "", "", snippet
    return snippet[:start], snippet[start + 2:end], snippet[end + 2:]


def fmt_num(v) -> str:
    """1234 -> '1,234'; 0.5 -> '0.5'; 574.0 -> '574'; None -> '—'."""
    if v is None:
        return "—"
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, float):
        if v.is_integer():
            return f"{int(v):,}"
        return f"{v:,.3f}".rstrip("0").rstrip(".")
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def fmt_delta(v) -> str:
    if v is None:
        return "new"
    if v == 0:
        return "±0"
    return f"+{v:,}" if v > 0 else f"−{-v:,}"


def fmt_when(v) -> str:
    """ISO timestamp -> 'YYYY-MM-DD HH:MM:SS' (UTC)."""
    if not v:
        return "—"
    return str(v).replace("T", " ")[:19]


def trend_charts(trend: list[dict]) -> list[dict]:
    """Geometry of the trend's small multiples (one bar chart per measure); the template draws it."""
    specs = [
        ("Facts in the warehouse", [("facts_in_warehouse", "bar-total", "facts held after the run")], None),
        ("Facts loaded by the run", [("facts_loaded", "bar-facts", "facts loaded")], None),
        ("Documents loaded by the run", [("docs_loaded", "bar-docs", "documents loaded")], None),
        ("Failed checks", [("failed_error", "bar-error", "failed error checks"),
                           ("failed_warn", "bar-warn", "failed warn checks")], "no check failed in these runs"),
    ]
    width, height, left, right, top, bottom = 300, 150, 40, 8, 10, 22
    plot_w, plot_h = width - left - right, height - top - bottom
    n = len(trend)
    charts = []
    for title, series, empty_text in specs:
        totals = [sum(r.get(k) or 0 for k, _, _ in series) for r in trend]
        top_value = max(totals + [0])
        scale_max = _nice_max(top_value)
        slot = plot_w / max(n, 1)
        bar_w = max(2.0, min(28.0, slot * 0.7))
        bars, labels = [], []
        for i, r in enumerate(trend):
            x = left + slot * i + (slot - bar_w) / 2
            base = top + plot_h
            stacked = 0
            for key, css, what in series:
                v = r.get(key)
                if v is None:
                    continue
                h = plot_h * v / scale_max if scale_max else 0
                if v:
                    bars.append({"x": round(x, 1), "y": round(base - stacked - h, 1), "w": round(bar_w, 1),
                                 "h": round(max(h, 1), 1), "cls": css,
                                 "title": f"run {r['run_id']} ({fmt_when(r['started_at'])}, {r['status']}): "
                                          f"{fmt_num(v)} {what}"})
                stacked += h
            if r.get("status") != "completed":
                bars.append({"x": round(x, 1), "y": top, "w": round(bar_w, 1), "h": plot_h, "cls": "bar-failed-run",
                             "title": f"run {r['run_id']} ({fmt_when(r['started_at'])}): failed, loaded nothing"})
            step = max(1, math.ceil(n / 8))
            if i == n - 1 or (i % step == 0 and n - 1 - i >= max(step, 2 if n > 8 else 1)):
                labels.append({"x": round(left + slot * i + slot / 2, 1), "y": height - 6,
                               "text": f"#{i + 1}" if i < n - 1 else "latest"})
        ticks = [{"y": round(top + plot_h - plot_h * f, 1), "label": fmt_num(round(scale_max * f))}
                 for f in (0, 0.5, 1)] if scale_max else [{"y": top + plot_h, "label": "0"}]
        # the latest value; for a measure a failed run does not record, the last one recorded
        latest_parts = [fmt_num(next((r.get(k) for r in reversed(trend) if r.get(k) is not None), None))
                        for k, _, _ in series]
        charts.append({"title": title, "empty_text": empty_text if not top_value else None, "width": width, "height": height, "left": left,
                       "right_x": width - right, "top": top, "base": top + plot_h, "bars": bars,
                       "ticks": ticks, "labels": labels,
                       "latest": " error / ".join(latest_parts) + " warn" if len(series) > 1 else latest_parts[0],
                       "legend": [{"cls": css, "text": what} for _, css, what in series] if len(series) > 1 else []})
    return charts


def _nice_max(v: float) -> float:
    """A round, even axis maximum at or above v, so the middle tick is a whole number."""
    if v <= 0:
        return 0
    if v <= 10:
        return 2 * math.ceil(v / 2)
    exp = 10 ** math.floor(math.log10(v))
    return next(m * exp for m in (1, 2, 4, 5, 10) if m * exp >= v)


def render_html(data: dict) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(num=fmt_num, delta=fmt_delta, when=fmt_when, parts=snippet_parts,
                       tojson_pretty=lambda v: json.dumps(v, ensure_ascii=False, indent=1, default=str))
    return env.get_template("report.html.j2").render(
        d=data, charts=trend_charts(data["trend"]), passed=passed_groups(data["checks"]), quarantine_limit=HTML_QUARANTINE_ROWS,
        document_limit=HTML_DOCUMENT_ROWS)


def write_report(db_path: Path, out_dir: Path) -> tuple[Path, Path]:
    """Write report.html and report.json into out_dir; returns their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = report_data(Path(db_path))
    html, js = out_dir / "report.html", out_dir / "report.json"
    js.write_text(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False), encoding="utf-8")
    html.write_text(render_html(data), encoding="utf-8")
    return html, js


# ------------------------------------------------------------------ Prefect artifacts

def _md_cell(v) -> str:
    text = fmt_num(v) if not isinstance(v, str) else v
    return " ".join(text.replace("|", "\\|").split())


def summary_markdown(summary: dict) -> str:
    """The run summary and its checks as Markdown (the keyed artifact's body)."""
    checks = sorted(summary.get("checks") or [],
                    key=lambda c: (bool(c.get("passed")), SEVERITY_RANK.get(c.get("severity"), 2)))
    verdict = _verdict({"status": summary.get("status")},
                       [{"severity": c.get("severity"), "passed": c.get("passed")} for c in checks])
    icon = {"red": "🔴", "amber": "🟠", "green": "🟢"}.get(verdict, "⚪")
    lines = [f"# coopfacts run `{summary.get('run_id')}`: {summary.get('status')}", "",
             f"{icon} **{VERDICTS.get(verdict, '')}**", ""]
    if summary.get("error"):
        lines += [f"> {_md_cell(summary['error'])}", ""]
    lines += ["| documents seen | loaded | unchanged | quarantined | removed | facts loaded |",
              "|---:|---:|---:|---:|---:|---:|",
              "| " + " | ".join(_md_cell(summary.get(k)) for k in
                               ("docs_seen", "docs_loaded", "docs_unchanged", "docs_quarantined",
                                "docs_removed", "facts_loaded")) + " |", ""]
    facts = {t: n for t, n in (summary.get("facts_by_table") or {}).items() if n}
    if facts:
        lines += ["Facts loaded: " + ", ".join(f"{t} {n:,}" for t, n in facts.items()), ""]
    failed = [c for c in checks if not c.get("passed")]
    lines += [f"## Checks: {len(checks)} run, {len(failed)} failed", "",
              "| result | severity | check | table | failing rows | observed | threshold |",
              "|---|---|---|---|---:|---:|---:|"]
    for c in checks:
        lines.append("| " + " | ".join([
            "pass" if c.get("passed") else "**FAIL**", _md_cell(c.get("severity")), _md_cell(c.get("check_name")),
            _md_cell(c.get("table_name")), _md_cell(c.get("failing_rows")), _md_cell(c.get("observed")),
            _md_cell(c.get("threshold"))]) + " |")
    quarantine = summary.get("quarantine") or []
    lines += ["", f"Quarantined rows or documents: {len(quarantine)}"]
    if summary.get("report_html"):
        lines += ["", f"Full report: `{summary['report_html']}` (JSON: `{summary.get('report_json')}`)"]
    return "\n".join(lines)


def failures_table(summary: dict) -> list[dict]:
    """Failed checks and quarantine rows, one row each (the table artifact)."""
    rows = []
    for c in summary.get("checks") or []:
        if not c.get("passed"):
            rows.append({"kind": "failed check", "severity": c.get("severity"), "name": c.get("check_name"),
                         "table": c.get("table_name"), "source_path": None,
                         "failing_rows": c.get("failing_rows"), "observed": c.get("observed"),
                         "threshold": c.get("threshold"), "detail": c.get("description")})
    for q in summary.get("quarantine") or []:
        rows.append({"kind": "quarantine", "severity": None, "name": q.get("reason"),
                     "table": q.get("table_name"), "source_path": q.get("source_path"),
                     "failing_rows": None, "observed": None, "threshold": None, "detail": q.get("detail")})
    if len(rows) > ARTIFACT_MAX_ROWS:
        more = len(rows) - ARTIFACT_MAX_ROWS
        rows = rows[:ARTIFACT_MAX_ROWS] + [{"kind": "…", "severity": None, "name": None, "table": None,
                                           "source_path": None, "failing_rows": None, "observed": None,
                                           "threshold": None,
                                           "detail": f"{more} more rows: see quality.checks / quality.quarantine"}]
    return [_plain(r) for r in rows]


def publish_artifacts(summary: dict) -> None:
    """Attach the run summary to the current Prefect flow run; never fails the run."""
    try:
        from prefect.context import FlowRunContext

        if FlowRunContext.get() is None:
            log.debug("no Prefect flow run: quality artifacts not published")
            return
        from prefect.artifacts import create_markdown_artifact, create_table_artifact

        run_id = summary.get("run_id")
        create_markdown_artifact(markdown=summary_markdown(summary), key=ARTIFACT_KEY,
                                 description=f"coopfacts data quality, run {run_id}")
        rows = failures_table(summary)
        create_table_artifact(table=rows or [{"kind": "none", "detail": "no failed checks, nothing quarantined"}],
                              key=ARTIFACT_TABLE_KEY,
                              description=f"coopfacts failed checks and quarantine, run {run_id}")
    except Exception as exc:  # the report is a convenience: never fail the run for it
        log.warning("could not publish the quality artifacts to Prefect: %s: %s", type(exc).__name__, exc)
