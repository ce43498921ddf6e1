"""Run-level data-quality checks, beyond the per-row Pandera schemas.

Each check looks at what this run is about to load and returns one `quality.checks` row
(observed value vs threshold, severity from settings.CHECKS) plus `quality.failures` rows
for the offending facts. A failing check of severity 'error' fails the run: nothing of it
is loaded. 'warn' checks load and report.
"""
from __future__ import annotations

import json
from datetime import date

import polars as pl

from . import settings
from .validate import snippet


def _check(name: str, table: str, failing: int, observed: float | None = None) -> dict:
    cfg = settings.checks_config()[name]
    threshold = float(cfg["threshold"])
    observed = float(failing) if observed is None else float(observed)
    return {"table_name": table, "check_name": name, "severity": cfg["severity"],
            "passed": observed <= threshold, "failing_rows": int(failing), "observed": observed,
            "threshold": threshold, "description": cfg["doc"]}


def _failures(name: str, table: str, column: str, frame: pl.DataFrame, texts: dict[str, str],
              limit: int = 50) -> list[dict]:
    out = []
    for row in frame.head(limit).iter_rows(named=True):
        out.append({"doc_id": row.get("doc_id"), "table_name": table, "check_name": name,
                    "column_name": column, "failure_case": str(row.get(column)),
                    "row": json.dumps(row, default=str),
                    "snippet": snippet(texts.get(row.get("doc_id")), row.get("char_start"), row.get("char_end"))})
    return out


def grounding(facts: dict[str, pl.DataFrame], texts: dict[str, str]):
    checks, failures = [], []
    for table, frame in facts.items():
        if frame.height == 0:
            continue
        bad_mask = [texts.get(d, "")[s:e] != ev or not ev for d, s, e, ev in
                    frame.select("doc_id", "char_start", "char_end", "evidence").iter_rows()]
        bad = frame.filter(pl.Series(bad_mask))
        checks.append(_check("grounding", table, bad.height))
        failures += _failures("grounding", table, "evidence", bad, texts)
    return checks, failures


def referential_integrity(facts: dict[str, pl.DataFrame], org_ids: set[str], iso3: set[str],
                          texts: dict[str, str]):
    """Every org_id, project_id and iso3 a fact names must exist."""
    project_ids = set(facts["projects"]["project_id"].to_list()) if "projects" in facts else set()
    refs = [("org_mentions", "org_id", org_ids), ("persons", "org_id", org_ids),
            ("money", "funder_org_id", org_ids), ("projects", "funder_org_id", org_ids),
            ("money", "project_id", project_ids), ("quantities", "project_id", project_ids),
            ("country_mentions", "iso3", iso3)]
    checks, failures = [], []
    for table, column, known in refs:
        frame = facts.get(table)
        if frame is None or frame.height == 0:
            continue
        bad = frame.filter(pl.col(column).is_not_null() & ~pl.col(column).is_in(sorted(known)))
        checks.append(_check("referential_integrity", f"{table}.{column}", bad.height))
        failures += _failures("referential_integrity", table, column, bad, texts)
    agreements = facts.get("agreements")
    if agreements is not None and agreements.height:
        bad = agreements.filter(pl.col("parties").list.eval(~pl.element().is_in(sorted(org_ids))).list.any())
        checks.append(_check("referential_integrity", "agreements.parties", bad.height))
        failures += _failures("referential_integrity", "agreements", "parties", bad, texts)
    return checks, failures


DUPLICATE_KEYS = {
    "money": ["doc_id", "amount", "currency", "char_start"],
    "agreements": ["doc_id", "kind", "signed_year", "signed_month", "parties"],
    "projects": ["doc_id", "title"],
    "events": ["doc_id", "name", "start_date"],
    "persons": ["doc_id", "name"],
    "contacts": ["doc_id", "kind", "value"],
}


def duplicates(facts: dict[str, pl.DataFrame], texts: dict[str, str]):
    """The same fact twice in one document (same key columns)."""
    checks, failures = [], []
    for table, keys in DUPLICATE_KEYS.items():
        frame = facts.get(table)
        if frame is None or frame.height == 0:
            continue
        dup = frame.filter(pl.struct(keys).is_duplicated())
        checks.append(_check("duplicates", table, dup.height))
        failures += _failures("duplicates", table, keys[1], dup, texts)
    return checks, failures


def plausibility(facts: dict[str, pl.DataFrame], texts: dict[str, str]):
    """Projects ending before they start; budgets below the money stated for the project."""
    projects = facts.get("projects")
    checks, failures = [], []
    if projects is None or projects.height == 0:
        return checks, failures
    backwards = projects.filter(pl.col("end_year") < pl.col("start_year"))
    money = facts.get("money")
    small = projects.head(0)
    if money is not None and money.height:
        stated = (money.filter(pl.col("project_id").is_not_null())
                  .group_by("project_id").agg(pl.col("amount_usd").max().alias("max_stated")))
        small = (projects.join(stated, on="project_id")
                 .filter(pl.col("budget_usd") < pl.col("max_stated") * 0.995).drop("max_stated"))
    bad = pl.concat([backwards, small]).unique("project_id", keep="first")
    checks.append(_check("plausibility", "projects", bad.height))
    failures += _failures("plausibility", "projects", "end_year", backwards, texts)
    failures += _failures("plausibility", "projects", "budget_usd", small, texts)
    return checks, failures


def coverage(facts: dict[str, pl.DataFrame], documents: pl.DataFrame):
    """Share of loaded documents missing a fact type such documents usually have."""
    checks = []
    n = documents.height
    if n == 0:
        return checks, []
    for table in ("country_mentions", "org_mentions", "money"):
        frame = facts.get(table)
        have = set(frame["doc_id"].to_list()) if frame is not None else set()
        missing = sum(1 for d in documents["doc_id"].to_list() if d not in have)
        checks.append(_check("coverage", table, missing, observed=missing / n))
    return checks, []


def freshness(documents: pl.DataFrame, today: date | None = None):
    """Days since the newest publication date among the documents of this run."""
    today = today or date.today()
    dates = [d for d in documents["published_on"].to_list() if d is not None] if documents.height else []
    if not dates:
        return [], []
    age = (today - max(dates)).days
    return [_check("freshness", "documents", 0 if age <= settings.checks_config()["freshness"]["threshold"] else 1,
                   observed=age)], []


def run_checks(facts: dict[str, pl.DataFrame], documents: pl.DataFrame, org_ids: set[str],
               iso3: set[str], texts: dict[str, str]) -> tuple[list[dict], list[dict]]:
    """All run-level checks: (quality.checks rows, quality.failures rows)."""
    checks, failures = [], []
    for c, f in (grounding(facts, texts), referential_integrity(facts, org_ids, iso3, texts),
                 duplicates(facts, texts), plausibility(facts, texts), coverage(facts, documents),
                 freshness(documents)):
        checks += c
        failures += f
    return checks, failures
