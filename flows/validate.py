"""Validate each table's frame against its Pandera model: valid rows load, the rest quarantine.

A failing row is not dropped silently: it becomes a `quality.quarantine` row (which table,
why) and a `quality.failures` row (the failing value, the row as JSON, a snippet of the
source text around its offsets).
"""
from __future__ import annotations

import json

import pandera.polars as pa
import polars as pl

from schemas import FACT_SCHEMAS

HELPER_COLUMNS = ["text_at_offsets", "doc_n_chars"]


def snippet(text: str | None, start: int | None, end: int | None, width: int = 80) -> str | None:
    """The source text around [start, end), the fact marked with [[ ]]."""
    if text is None or start is None or end is None:
        return None
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


def validate_table(table: str, frame: pl.DataFrame, texts: dict[str, str]):
    """(valid frame without helper columns, failures, quarantine rows, failing row count)."""
    model = FACT_SCHEMAS[table]
    failures: list[dict] = []
    bad_idx: set[int] = set()
    if frame.height:
        try:
            model.validate(frame, lazy=True)
        except pa.errors.SchemaErrors as exc:
            cases = exc.failure_cases
            for case in cases.iter_rows(named=True):
                idx = case.get("index")
                row = frame.row(idx, named=True) if idx is not None else None
                if idx is not None:
                    bad_idx.add(idx)
                failures.append({
                    "doc_id": row["doc_id"] if row else None,
                    "table_name": table,
                    "check_name": str(case.get("check")),
                    "column_name": case.get("column"),
                    "failure_case": None if case.get("failure_case") is None else str(case["failure_case"]),
                    "row": json.dumps({k: v for k, v in row.items() if k not in HELPER_COLUMNS},
                                      default=str) if row else None,
                    "snippet": snippet(texts.get(row["doc_id"]), row["char_start"], row["char_end"]) if row else None,
                })
    quarantine = []
    if bad_idx:
        mask = pl.Series([i in bad_idx for i in range(frame.height)])
        for row, f in zip(frame.filter(mask).iter_rows(named=True), _first_failure(failures, frame, bad_idx)):
            quarantine.append({"doc_id": row["doc_id"], "table_name": table, "reason": "schema",
                               "detail": f"{f} — {row['evidence'][:80]!r}"})
        frame = frame.filter(~mask)
    return frame.drop(HELPER_COLUMNS), failures, quarantine, len(bad_idx)


def _first_failure(failures: list[dict], frame: pl.DataFrame, bad_idx: set[int]) -> list[str]:
    by_id: dict[str, str] = {}
    for f in failures:
        if f["row"]:
            fid = json.loads(f["row"]).get("fact_id")
            by_id.setdefault(fid, f"{f['check_name']} failed on {f['column_name']}")
    ids = frame.select("fact_id").to_series().to_list()
    return [by_id.get(ids[i], "schema check failed") for i in sorted(bad_idx)]


def validate(frames: dict[str, pl.DataFrame], texts: dict[str, str]):
    """Validate every fact table. Returns (valid frames, failures, quarantine, check rows)."""
    valid, failures, quarantine, checks = {}, [], [], []
    for table, frame in frames.items():
        ok, fails, quar, n_bad = validate_table(table, frame, texts)
        valid[table] = ok
        failures += fails
        quarantine += quar
        checks.append({"table_name": table, "check_name": "schema", "failing_rows": n_bad,
                       "observed": float(n_bad)})
    return valid, failures, quarantine, checks
