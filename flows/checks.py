"""Run-level data-quality checks, beyond the per-row Pandera schemas.

Each check looks at what this run is about to load and returns `quality.checks` rows (one
per table it looked at: observed value vs threshold, severity from settings.CHECKS or the
COOPFACTS_QUALITY_CONFIG file) plus `quality.failures` rows for the offending facts (the row
as JSON, the failing value, a snippet of the source text around its offsets). A failing
check of severity 'error' fails the run: nothing of it is loaded. 'warn' checks load and
report.

    grounding              evidence == documents.text[char_start:char_end], re-verified
    referential_integrity  every org_id, project_id and iso3 a fact names resolves
    duplicates             the same fact twice (same span, or the same entity restated)
    plausibility           projects/events ending before they start; a project budget
                           smaller than money stated for that project
    coverage               documents with no facts of a type documents usually have
    freshness              days since the newest publication date among the run's documents
    schema, schema:<check> rows quarantined by the Pandera schemas, in total and per Pandera
                           check (see `schema_checks`)

Every check is a plain function on polars frames (no Prefect, no database).
"""
from __future__ import annotations

import json
from datetime import date

import polars as pl

from . import settings
from .transform import COLUMNS
from .validate import snippet

SEVERITIES = ("error", "warn")
FAILURE_SAMPLES = 50  # quality.failures rows kept per (check, table, column); failing_rows counts all


def config() -> dict[str, dict]:
    """settings.checks_config(), with its severities and thresholds checked.

    A typo in the quality file ('erorr') must not silently turn a blocking check into none.
    """
    cfg = settings.checks_config()
    for name, c in cfg.items():
        if c.get("severity") not in SEVERITIES:
            raise ValueError(f"quality check {name!r}: severity must be one of {SEVERITIES}, "
                             f"not {c.get('severity')!r}")
        try:
            float(c["threshold"])
        except (KeyError, TypeError, ValueError):
            raise ValueError(f"quality check {name!r}: threshold must be a number, "
                             f"not {c.get('threshold')!r}") from None
    return cfg


def _check(name: str, table: str, failing: int, observed: float | None = None,
           cfg: dict | None = None, description: str | None = None) -> dict:
    """One quality.checks row. `name` may be 'schema:<pandera check>': it takes 'schema''s settings."""
    c = (cfg or config())[name.split(":", 1)[0]]
    threshold = float(c["threshold"])
    observed = float(failing) if observed is None else float(observed)
    return {"table_name": table, "check_name": name, "severity": c["severity"],
            "passed": observed <= threshold, "failing_rows": int(failing), "observed": observed,
            "threshold": threshold, "description": description or c["doc"]}


def _failures(name: str, table: str, column: str | None, frame: pl.DataFrame, texts: dict[str, str],
              case=None, limit: int = FAILURE_SAMPLES) -> list[dict]:
    """quality.failures rows for the first `limit` rows of `frame`.

    `case(row) -> str` describes the failure; by default the value of `column`.
    """
    out = []
    for row in frame.head(limit).iter_rows(named=True):
        out.append({"doc_id": row.get("doc_id"), "table_name": table, "check_name": name,
                    "column_name": column,
                    "failure_case": case(row) if case else str(row.get(column)),
                    "row": json.dumps({k: v for k, v in row.items() if not k.startswith("_")
                                       and k not in ("text_at_offsets", "doc_n_chars", "text")},
                                      default=str),
                    "snippet": snippet(texts.get(row.get("doc_id")), row.get("char_start"), row.get("char_end"))})
    return out


def _nonempty(facts: dict[str, pl.DataFrame], table: str) -> pl.DataFrame | None:
    frame = facts.get(table)
    return frame if frame is not None and frame.height else None


# --------------------------------------------------------------------------- grounding

def grounding(facts: dict[str, pl.DataFrame], texts: dict[str, str], cfg: dict | None = None):
    """Re-verify every fact's grounding against the document text itself.

    A row fails when its document text is unknown, its offsets are not 0 <= start < end <=
    len(text), or its evidence is not exactly text[start:end].
    """
    cfg = cfg or config()
    checks, failures = [], []
    for table, frame in facts.items():
        if frame is None or frame.height == 0:
            continue
        bad_mask, why = [], {}
        for i, (d, s, e, ev) in enumerate(frame.select("doc_id", "char_start", "char_end", "evidence").iter_rows()):
            text = texts.get(d)
            if text is None:
                reason = "document text unknown"
            elif s is None or e is None or not (0 <= s < e <= len(text)):
                reason = f"offsets [{s}, {e}) outside the document (0..{len(text)})"
            elif text[s:e] != ev:
                reason = f"evidence {ev!r} != text at offsets {text[s:e]!r}"
            else:
                reason = None
            bad_mask.append(reason is not None)
            if reason:
                why[i] = reason
        bad = frame.with_row_index("_i").filter(pl.Series(bad_mask))
        checks.append(_check("grounding", table, bad.height, cfg=cfg))
        failures += _failures("grounding", table, "evidence", bad, texts, case=lambda r: why[r["_i"]])
    return checks, failures


# --------------------------------------------------------------- referential integrity

#: (table, column) -> which set of known ids its values must be in
REFERENCES = [("org_mentions", "org_id", "org"), ("persons", "org_id", "org"),
              ("money", "funder_org_id", "org"), ("projects", "funder_org_id", "org"),
              ("money", "project_id", "project"), ("quantities", "project_id", "project"),
              ("country_mentions", "iso3", "iso3")]
LIST_REFERENCES = [("agreements", "parties", "org"), ("projects", "countries", "iso3")]


def referential_integrity(facts: dict[str, pl.DataFrame], org_ids: set[str], iso3: set[str],
                          texts: dict[str, str], cfg: dict | None = None,
                          documents: pl.DataFrame | None = None):
    """Every org_id, project_id and iso3 a fact names must exist (one check row per column).

    Projects are those of this run: a fact links only to a project of its own document,
    and a document is loaded whole. `documents.partner_iso3` is checked when given.
    """
    cfg = cfg or config()
    projects = _nonempty(facts, "projects")
    known = {"org": sorted(org_ids), "iso3": sorted(iso3),
             "project": sorted(projects["project_id"].to_list()) if projects is not None else []}
    checks, failures = [], []

    def add(table, column, bad):
        checks.append(_check("referential_integrity", f"{table}.{column}", bad.height, cfg=cfg))
        failures.extend(_failures("referential_integrity", table, column, bad, texts,
                                  case=lambda r: f"{column} {r[column]!r} resolves to no row"))

    for table, column, kind in REFERENCES:
        frame = _nonempty(facts, table)
        if frame is None or column not in frame.columns:
            continue
        add(table, column, frame.filter(pl.col(column).is_not_null() & ~pl.col(column).is_in(known[kind])))
    for table, column, kind in LIST_REFERENCES:
        frame = _nonempty(facts, table)
        if frame is None or column not in frame.columns:
            continue
        ids = set(known[kind])
        mask = [any(v is None or v not in ids for v in (vals or [])) for vals in frame[column].to_list()]
        bad = frame.filter(pl.Series(mask, dtype=pl.Boolean))
        checks.append(_check("referential_integrity", f"{table}.{column}", bad.height, cfg=cfg))
        failures += _failures("referential_integrity", table, column, bad, texts,
                              case=lambda r, c=column: f"{c} {[v for v in r[c] or [] if v not in ids]!r} resolve to no row")
    if documents is not None and documents.height and "partner_iso3" in documents.columns:
        bad = documents.filter(pl.col("partner_iso3").is_not_null() & ~pl.col("partner_iso3").is_in(known["iso3"]))
        add("documents", "partner_iso3", bad)
    return checks, failures


# -------------------------------------------------------------------------- duplicates

def _title_key(col: str) -> pl.Expr:
    return (pl.col(col).str.to_lowercase().str.replace_all(r"[^\p{L}\p{N}]+", " ")
            .str.strip_chars())


#: the same entity stated twice in one document (the contract: one row per agreement,
#: project or event). Money, mentions and quantities legitimately repeat across a text.
ENTITY_KEYS: dict[str, list[pl.Expr]] = {
    "projects": [pl.col("doc_id"), _title_key("title")],
    "events": [pl.col("doc_id"), _title_key("name"), pl.col("start_date")],
    "agreements": [pl.col("doc_id"), pl.col("kind"), pl.col("signed_year"), pl.col("signed_month"),
                   pl.col("signed_day"), pl.col("parties").list.sort()],
    "persons": [pl.col("doc_id"), _title_key("name")],
    "contacts": [pl.col("doc_id"), pl.col("kind"), pl.col("value").str.to_lowercase()],
}
ENTITY_COLUMNS = {"projects": ["title"], "events": ["name", "start_date"],
                  "agreements": ["kind", "signed_year", "signed_month", "signed_day", "parties"],
                  "persons": ["name"], "contacts": ["kind", "value"]}
#: a row without this value is no entity to compare (two undated MOUs may be two MOUs)
ENTITY_NEEDS = {"agreements": "signed_year"}


def _span_key(table: str, frame: pl.DataFrame) -> list[pl.Expr]:
    values = [c for c in COLUMNS.get(table, [])
              if c in frame.columns and not (table == "projects" and c == "project_id")]
    return [pl.col(c) for c in ["doc_id", "char_start", "char_end", *values]]


def duplicates(facts: dict[str, pl.DataFrame], texts: dict[str, str], cfg: dict | None = None):
    """The same fact twice: the same span with the same values (any table), or the same
    project / event / agreement / person / contact restated in one document.

    The first row of each group is the fact; every further copy is a failing row, its
    failure_case naming the id of the row it repeats.
    """
    cfg = cfg or config()
    checks, failures = [], []
    for table, frame in facts.items():
        if frame is None or frame.height == 0:
            continue
        id_col = "fact_id" if "fact_id" in frame.columns else "project_id"
        keyed = frame.with_row_index("_i").with_columns(_span=pl.struct(_span_key(table, frame)).hash())
        keyed = keyed.with_columns(
            _first=pl.col(id_col).first().over("_span"),
            _kind=pl.when(~pl.col("_span").is_first_distinct()).then(pl.lit("same span and values")))
        if table in ENTITY_KEYS and set(["doc_id", *ENTITY_COLUMNS[table]]) <= set(frame.columns):
            keys = list(ENTITY_KEYS[table])
            if table in ENTITY_NEEDS:
                keys.append(pl.when(pl.col(ENTITY_NEEDS[table]).is_null()).then(pl.col("_i")))
            keyed = keyed.with_columns(_ent=pl.struct([k.alias(f"_k{i}") for i, k in enumerate(keys)]).hash())
            restated = pl.col("_kind").is_null() & ~pl.col("_ent").is_first_distinct()
            keyed = keyed.with_columns(
                _first=pl.when(restated).then(pl.col(id_col).first().over("_ent")).otherwise(pl.col("_first")),
                _kind=pl.when(restated).then(pl.lit("same entity restated")).otherwise(pl.col("_kind")))
        dup = keyed.filter(pl.col("_kind").is_not_null())
        checks.append(_check("duplicates", table, dup.height, cfg=cfg))
        failures += _failures("duplicates", table, id_col, dup, texts,
                              case=lambda r: f"duplicate of {r['_first']} ({r['_kind']})")
    return checks, failures


# ------------------------------------------------------------------------ plausibility

def plausibility(facts: dict[str, pl.DataFrame], texts: dict[str, str], cfg: dict | None = None):
    """Projects ending before they start or with a budget below the money stated for them;
    events ending before they start.

    'Money stated for a project' is the largest amount_usd linked to it (money.project_id)
    whose years, when stated, overlap the project's: several tranches may each be below the
    budget, but none can exceed it (0.5 % slack for rounding: 'EUR 18 million, about
    US$ 17.6 million').
    """
    cfg = cfg or config()
    checks, failures = [], []
    projects = _nonempty(facts, "projects")
    if projects is not None:
        backwards = projects.filter(pl.col("end_year") < pl.col("start_year"))
        small = projects.head(0)
        money = _nonempty(facts, "money")
        if money is not None and "budget_usd" in projects.columns:
            linked = (money.filter(pl.col("project_id").is_not_null() & pl.col("amount_usd").is_not_null())
                      .join(projects.select("project_id", _p_from="start_year", _p_to="end_year"),
                            on="project_id", how="inner"))
            # money stated for other years ('from 2014 to 2020, Norway provided ...') is not
            # this project's money, whatever paragraph it sits in
            m_from = pl.coalesce("year_from", "year_to")
            m_to = pl.coalesce("year_to", "year_from")
            outside = ((m_to < pl.col("_p_from")).fill_null(False) | (m_from > pl.col("_p_to")).fill_null(False))
            stated = (linked.filter(~outside)
                      .group_by("project_id").agg(pl.col("amount_usd").max().alias("_stated"),
                                           pl.col("evidence").sort_by("amount_usd").last().alias("_stated_as")))
            small = (projects.join(stated, on="project_id", how="inner")
                     .filter(pl.col("budget_usd") < pl.col("_stated") * 0.995))
        n_bad = len(set(backwards["project_id"].to_list()) | set(small["project_id"].to_list()))
        checks.append(_check("plausibility", "projects", n_bad, cfg=cfg))
        failures += _failures("plausibility", "projects", "end_year", backwards, texts,
                              case=lambda r: f"ends {r['end_year']} before it starts {r['start_year']}")
        failures += _failures("plausibility", "projects", "budget_usd", small, texts,
                              case=lambda r: f"budget_usd {r['budget_usd']:,.0f} < {r['_stated']:,.0f} "
                                             f"stated for the project ({r['_stated_as']!r})")
    events = _nonempty(facts, "events")
    if events is not None and {"start_date", "end_date"} <= set(events.columns):
        backwards = events.filter(pl.col("end_date") < pl.col("start_date"))
        checks.append(_check("plausibility", "events", backwards.height, cfg=cfg))
        failures += _failures("plausibility", "events", "end_date", backwards, texts,
                              case=lambda r: f"ends {r['end_date']} before it starts {r['start_date']}")
    return checks, failures


# ---------------------------------------------------------------------------- coverage

def coverage(facts: dict[str, pl.DataFrame], documents: pl.DataFrame, cfg: dict | None = None):
    """Per fact type documents usually have (settings: coverage.tables): the share of this
    run's documents without any such fact. Each such document is a failure row."""
    cfg = cfg or config()
    checks, failures = [], []
    if documents is None or documents.height == 0:
        return checks, failures
    n = documents.height
    for table in cfg["coverage"].get("tables", ["country_mentions", "org_mentions", "money"]):
        frame = facts.get(table)
        have = set(frame["doc_id"].to_list()) if frame is not None and frame.height else set()
        missing = documents.filter(~pl.col("doc_id").is_in(sorted(have)))
        checks.append(_check("coverage", table, missing.height, observed=missing.height / n, cfg=cfg))
        for row in missing.head(FAILURE_SAMPLES).iter_rows(named=True):
            text = row.get("text") or ""
            failures.append({
                "doc_id": row["doc_id"], "table_name": table, "check_name": "coverage",
                "column_name": None, "failure_case": f"no {table} in {row.get('source_path')}",
                "row": json.dumps({k: row.get(k) for k in ("doc_id", "source_path", "title", "n_chars")},
                                  default=str),
                "snippet": " ".join(text[:160].split()) or None})
    return checks, failures


# --------------------------------------------------------------------------- freshness

def freshness(documents: pl.DataFrame, today: date | None = None, cfg: dict | None = None):
    """Days since the newest publication date among this run's documents.

    observed: that age; failing_rows: documents older than the threshold; the check fails
    when even the newest is older (each document is then a failure row).
    """
    cfg = cfg or config()
    today = today or date.today()
    if documents is None or documents.height == 0 or "published_on" not in documents.columns:
        return [], []
    dated = documents.filter(pl.col("published_on").is_not_null())
    if dated.height == 0:
        return [], []
    limit = float(cfg["freshness"]["threshold"])
    dated = dated.with_columns(_age=pl.lit(today) - pl.col("published_on"))
    dated = dated.with_columns(_age=pl.col("_age").dt.total_days())
    newest_age = dated["_age"].min()
    stale = dated.filter(pl.col("_age") > limit)
    check = _check("freshness", "documents", stale.height, observed=newest_age, cfg=cfg)
    failures = []
    if not check["passed"]:
        for row in stale.head(FAILURE_SAMPLES).iter_rows(named=True):
            failures.append({
                "doc_id": row["doc_id"], "table_name": "documents", "check_name": "freshness",
                "column_name": "published_on",
                "failure_case": f"published {row['published_on']}, {row['_age']} days ago",
                "row": json.dumps({k: row.get(k) for k in ("doc_id", "source_path", "title", "published_on")},
                                  default=str),
                "snippet": " ".join((row.get("text") or "")[:160].split()) or None})
    return [check], failures


# ------------------------------------------------------------------------------ schema

def schema_checks(validate_rows: list[dict], cfg: dict | None = None) -> list[dict]:
    """quality.checks rows for the Pandera validation (flows/validate.validate's 4th value).

    Per table: one 'schema' row (rows quarantined), then one 'schema:<check>' row per
    Pandera check that failed, e.g. 'schema:grounded' or 'schema:currency.isin', so a
    data owner sees WHICH rule rows broke. The failures carry the same check_name.
    """
    cfg = cfg or config()
    out = []
    for r in validate_rows:
        out.append(_check("schema", r["table_name"], r["failing_rows"], cfg=cfg))
        for b in r.get("by_check", []):
            out.append(_check(b["check_name"], r["table_name"], b["failing_rows"], cfg=cfg,
                              description=b.get("description")))
    return out


# ---------------------------------------------------------------------------- together

def run_checks(facts: dict[str, pl.DataFrame], documents: pl.DataFrame, org_ids: set[str],
               iso3: set[str], texts: dict[str, str], today: date | None = None) -> tuple[list[dict], list[dict]]:
    """All run-level checks: (quality.checks rows, quality.failures rows)."""
    cfg = config()
    checks, failures = [], []
    for c, f in (grounding(facts, texts, cfg),
                 referential_integrity(facts, org_ids, iso3, texts, cfg, documents=documents),
                 duplicates(facts, texts, cfg), plausibility(facts, texts, cfg),
                 coverage(facts, documents, cfg), freshness(documents, today, cfg)):
        checks += c
        failures += f
    return checks, failures
