"""Validate each table's frame against its Pandera model: valid rows load, the rest quarantine.

A failing row is not dropped silently: it becomes a `quality.quarantine` row (which table,
which rule it broke, its evidence) and one `quality.failures` row per broken rule (the
failing value, the row as JSON, a snippet of the source text around its offsets).

Failures are named per Pandera check, so a data owner sees WHICH rule failed:
'schema:grounded' / 'schema:offsets_in_document' (a dataframe check of the model, by its
method name) or 'schema:<column>.<check>' such as 'schema:currency.isin' or
'schema:year_from.greater_than_or_equal_to'. `validate` returns, per table, the number of
quarantined rows and the same per-check breakdown (`by_check`), which
`flows.checks.schema_checks` turns into quality.checks rows.

A money or quantity row linked to a project that was quarantined keeps loading, with its
`project_id` cleared (reported as 'schema:project_quarantined'): otherwise one bad
project row would leave dangling links and fail the run's referential-integrity check.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

import pandera.polars as pa
import polars as pl

from schemas import FACT_SCHEMAS

HELPER_COLUMNS = ["text_at_offsets", "doc_n_chars"]
#: the column a dataframe-level check of schemas.Fact/Money is about (for quality.failures)
DATAFRAME_CHECK_COLUMNS = {"grounded": "evidence", "offsets_in_document": "char_end",
                           "years_ordered": "year_from"}
PROJECT_LINKS = ("money", "quantities")  # tables whose project_id points into projects
PROJECT_QUARANTINED = "schema:project_quarantined"


def snippet(text: str | None, start: int | None, end: int | None, width: int = 80) -> str | None:
    """The source text around [start, end), the fact marked with [[ ]] (offsets clamped to the text)."""
    if text is None or start is None or end is None:
        return None
    start = min(max(0, start), len(text))
    end = min(max(start, end), len(text))
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


@lru_cache(maxsize=None)
def _schema(table: str):
    return FACT_SCHEMAS[table].to_schema()


_OPS = {"greater_than_or_equal_to": (">=", "min_value"), "less_than_or_equal_to": ("<=", "max_value"),
        "greater_than": (">", "min_value"), "less_than": ("<", "max_value"),
        "equal_to": ("==", "value"), "not_equal_to": ("!=", "value")}


def _describe_column_check(column: str, name: str, stats: dict | None, check: str) -> str:
    stats = stats or {}
    if name in _OPS:
        op, key = _OPS[name]
        return f"{column} {op} {stats.get(key)}"
    if name == "isin":
        return f"{column} is one of {len(stats.get('allowed_values') or [])} allowed values"
    if name == "notin":
        return f"{column} is none of {len(stats.get('forbidden_values') or [])} forbidden values"
    if name == "str_length":
        lo, hi = stats.get("min_value"), stats.get("max_value")
        return (f"{column} has {lo} to {hi} characters" if lo is not None and hi is not None
                else f"{column} has at least {lo} characters" if lo is not None
                else f"{column} has at most {hi} characters")
    if name == "in_range":
        return f"{column} between {stats.get('min_value')} and {stats.get('max_value')}"
    if name == "str_matches":
        return f"{column} matches {stats.get('pattern')!r}"
    if name == "field_uniqueness":
        return f"{column} is unique"
    if name == "not_nullable":
        return f"{column} is not null"
    if name in ("dtype", "coerce_dtype"):
        return f"{column} has type {check[len(name):].strip('()')}"
    return f"{column}: {check}"


def _name_case(table: str, case: dict) -> tuple[str, str | None, str]:
    """(check_name, column_name, description) of one Pandera failure case."""
    schema = _schema(table)
    check, number, column = str(case.get("check")), case.get("check_number"), case.get("column")
    if case.get("schema_context") == "DataFrameSchema":
        if number is not None and 0 <= number < len(schema.checks):
            c = schema.checks[number]
            name = c.name or re.sub(r"\W+", "_", check).strip("_")
            return f"schema:{name}", DATAFRAME_CHECK_COLUMNS.get(name), c.error or check
        name = re.match(r"\w*", check).group() or "dataframe"
        return f"schema:{name}", None, check  # e.g. column_in_dataframe: a column is missing
    col = schema.columns.get(column)
    if col is not None and number is not None and 0 <= number < len(col.checks):
        c = col.checks[number]
        return f"schema:{column}.{c.name}", column, _describe_column_check(column, c.name, c.statistics, check)
    name = re.match(r"\w*", check).group() or "check"
    return f"schema:{column}.{name}", column, _describe_column_check(column, name, None, check)


def _failure_value(name: str, case: dict, row: dict | None, description: str) -> str | None:
    if name == "schema:grounded" and row:
        return f"evidence {row.get('evidence')!r} != text at offsets {row.get('text_at_offsets')!r}"
    if name.startswith("schema:") and case.get("schema_context") == "DataFrameSchema":
        return description
    return None if case.get("failure_case") is None else str(case["failure_case"])


def _quoted(value: str | None) -> str:
    """1800 -> 1800, ABC -> 'ABC' (Pandera gives every failing value as a string)."""
    if value is None:
        return "null"
    try:
        float(value)
        return value
    except ValueError:
        return repr(value)


def _row_json(row: dict | None) -> str | None:
    return json.dumps({k: v for k, v in row.items() if k not in HELPER_COLUMNS}, default=str) if row else None


def validate_table(table: str, frame: pl.DataFrame, texts: dict[str, str]):
    """Validate one table. Returns (valid frame without helper columns, failures,
    quarantine rows, quarantined row count, by_check breakdown, quarantined frame)."""
    failures: list[dict] = []
    reasons: dict[int, list[str]] = {}  # row index -> what it broke
    by_check: dict[str, dict] = {}
    if frame.height:
        try:
            FACT_SCHEMAS[table].validate(frame, lazy=True)
        except pa.errors.SchemaErrors as exc:
            for case in exc.failure_cases.iter_rows(named=True):
                name, column, description = _name_case(table, case)
                idx = case.get("index")
                row = frame.row(idx, named=True) if idx is not None and 0 <= idx < frame.height else None
                entry = by_check.setdefault(name, {"check_name": name, "column_name": column,
                                                   "description": description, "rows": set(), "cases": 0})
                entry["cases"] += 1
                value = _failure_value(name, case, row, description)
                if row is not None:
                    entry["rows"].add(idx)
                    if name == "schema:grounded":
                        why = value
                    elif case.get("schema_context") == "DataFrameSchema":
                        why = f"breaks '{description}'"
                    else:
                        why = f"{column}={_quoted(value)} breaks '{description}'"
                    reasons.setdefault(idx, []).append(f"{why} [{name}]")
                failures.append({
                    "doc_id": row["doc_id"] if row else None, "table_name": table, "check_name": name,
                    "column_name": column, "failure_case": value, "row": _row_json(row),
                    "snippet": snippet(texts.get(row["doc_id"]), row.get("char_start"), row.get("char_end")) if row else None,
                })
    quarantine = []
    mask = pl.Series([i in reasons for i in range(frame.height)], dtype=pl.Boolean)
    bad = frame.filter(mask)
    for i, row in zip(sorted(reasons), bad.iter_rows(named=True)):
        quarantine.append({"doc_id": row["doc_id"], "table_name": table, "reason": "schema",
                           "detail": f"{'; '.join(dict.fromkeys(reasons[i]))} — evidence {(row.get('evidence') or '')[:80]!r}"})
    breakdown = [{"check_name": e["check_name"], "column_name": e["column_name"], "description": e["description"],
                  "failing_rows": len(e["rows"]) or e["cases"]} for e in by_check.values()]
    ok = frame.filter(~mask).drop(HELPER_COLUMNS, strict=False)
    return ok, failures, quarantine, len(reasons), breakdown, bad


def _clear_links_to_quarantined_projects(valid: dict[str, pl.DataFrame], bad_projects: pl.DataFrame,
                                         texts: dict[str, str]) -> tuple[list[dict], dict[str, int]]:
    """Money/quantities linked to a quarantined project keep loading, unlinked."""
    failures, cleared = [], {}
    if bad_projects.height == 0 or "project_id" not in bad_projects.columns:
        return failures, cleared
    gone = sorted(p for p in bad_projects["project_id"].to_list() if p is not None)
    for table in PROJECT_LINKS:
        frame = valid.get(table)
        if frame is None or frame.height == 0 or "project_id" not in frame.columns:
            continue
        hit = pl.col("project_id").is_in(gone).fill_null(False)
        for row in frame.filter(hit).iter_rows(named=True):
            failures.append({"doc_id": row["doc_id"], "table_name": table, "check_name": PROJECT_QUARANTINED,
                             "column_name": "project_id", "failure_case": str(row["project_id"]),
                             "row": _row_json(row),
                             "snippet": snippet(texts.get(row["doc_id"]), row.get("char_start"), row.get("char_end"))})
        n = frame.filter(hit).height
        if n:
            cleared[table] = n
            valid[table] = frame.with_columns(
                project_id=pl.when(hit).then(pl.lit(None, dtype=frame.schema["project_id"])).otherwise(pl.col("project_id")))
    return failures, cleared


def validate(frames: dict[str, pl.DataFrame], texts: dict[str, str]):
    """Validate every fact table. Returns (valid frames, failures, quarantine, check rows).

    Check rows: per table {table_name, check_name 'schema', failing_rows (quarantined rows),
    observed, by_check: [{check_name, column_name, description, failing_rows}]}.
    """
    valid, failures, quarantine, checks = {}, [], [], []
    bad_projects = None
    for table, frame in frames.items():
        ok, fails, quar, n_bad, breakdown, bad = validate_table(table, frame, texts)
        valid[table] = ok
        failures += fails
        quarantine += quar
        checks.append({"table_name": table, "check_name": "schema", "failing_rows": n_bad,
                       "observed": float(n_bad), "by_check": breakdown})
        if table == "projects":
            bad_projects = bad
    if bad_projects is not None:
        fails, cleared = _clear_links_to_quarantined_projects(valid, bad_projects, texts)
        failures += fails
        for c in checks:
            if c["table_name"] in cleared:
                c["by_check"].append({"check_name": PROJECT_QUARANTINED, "column_name": "project_id",
                                      "description": "linked to a project that was quarantined: "
                                                     "the link is cleared, the fact loads",
                                      "failing_rows": cleared[c["table_name"]]})
    return valid, failures, quarantine, checks
