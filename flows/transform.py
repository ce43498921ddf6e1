"""Rows -> polars frames: ids, organization resolution, project links, grounding columns.

The extractors return plain dicts per document; here they become one frame per warehouse
table. This is the only place that knows how facts refer to each other:

- `fact_id` is a hash of (doc_id, table, offsets): the same fact in the same document
  version gets the same id in every run;
- organization names as written (mentions, parties, funders, a person's organization)
  resolve to one `org_id` per real organization (flows/resolve.py);
- money and quantities inside a project's scope get that project's `project_id`;
- `text_at_offsets` and `doc_n_chars` are added so the schemas can check grounding.
"""
from __future__ import annotations

import hashlib
from collections import Counter

import polars as pl

from .orgindex import OrgIndex

#: columns of each fact table, in warehouse order (the DDL in warehouse/schema.sql)
COLUMNS: dict[str, list[str]] = {
    "country_mentions": ["iso3"],
    "org_mentions": ["org_id", "name", "acronym", "kind"],
    "persons": ["name", "role", "org_id"],
    "money": ["amount", "currency", "amount_usd", "qualifier", "year_from", "year_to",
              "funder_org_id", "project_id"],
    "agreements": ["kind", "signed_year", "signed_month", "signed_day", "parties", "topic"],
    "projects": ["project_id", "title", "start_year", "end_year", "funder_org_id", "budget_usd",
                 "countries", "regions"],
    "events": ["name", "start_date", "end_date", "date_precision", "location"],
    "quantities": ["value", "unit", "qualifier", "as_of", "project_id"],
    "contacts": ["kind", "value"],
}
PROVENANCE = ["char_start", "char_end", "evidence", "rule"]
#: a column whose type differs between tables (contacts.value is text, quantities.value a number)
TABLE_DTYPES: dict[str, dict[str, pl.DataType]] = {"contacts": {"value": pl.Utf8}}
DTYPES: dict[str, pl.DataType] = {
    "iso3": pl.Utf8, "org_id": pl.Utf8, "name": pl.Utf8, "acronym": pl.Utf8, "kind": pl.Utf8,
    "role": pl.Utf8, "amount": pl.Float64, "currency": pl.Utf8, "amount_usd": pl.Float64,
    "qualifier": pl.Utf8, "year_from": pl.Int32, "year_to": pl.Int32, "funder_org_id": pl.Utf8,
    "project_id": pl.Utf8, "signed_year": pl.Int32, "signed_month": pl.Int32,
    "signed_day": pl.Int32, "parties": pl.List(pl.Utf8), "topic": pl.Utf8, "title": pl.Utf8,
    "start_year": pl.Int32, "end_year": pl.Int32, "budget_usd": pl.Float64,
    "countries": pl.List(pl.Utf8), "regions": pl.List(pl.Utf8), "start_date": pl.Date,
    "end_date": pl.Date, "date_precision": pl.Utf8, "location": pl.Utf8, "value": pl.Float64,
    "unit": pl.Utf8, "as_of": pl.Date, "fact_id": pl.Utf8, "doc_id": pl.Utf8,
    "char_start": pl.Int64, "char_end": pl.Int64, "evidence": pl.Utf8, "rule": pl.Utf8,
    "text_at_offsets": pl.Utf8, "doc_n_chars": pl.Int64,
}


def fact_id(doc_id: str, table: str, start: int, end: int, n: int = 0) -> str:
    """Deterministic id: same document version, table and offsets -> same id."""
    key = f"{doc_id}|{table}|{start}|{end}|{n}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def _assign_ids(doc_id: str, table: str, rows: list[dict]) -> None:
    seen: Counter = Counter()
    for row in rows:
        span = (row["char_start"], row["char_end"])
        row["fact_id"] = fact_id(doc_id, table, *span, seen[span])
        seen[span] += 1
        row["doc_id"] = doc_id


def _link_projects(facts: dict[str, list[dict]]) -> None:
    """Money and quantities inside a project's scope belong to that project (innermost wins)."""
    projects = facts.get("projects", [])
    for p in projects:
        p["project_id"] = p["fact_id"]
    # one sweep over positions (not every row against every project: a 20 MB text has
    # thousands of each); ties between scopes of one length go to the first project listed
    scopes = sorted((p["scope_start"], p["scope_end"], i) for i, p in enumerate(projects)
                    if p.get("scope_start") is not None)
    for table in ("money", "quantities"):
        rows = sorted(facts.get(table, []), key=lambda r: r["char_start"])
        open_: list[tuple[int, int, int]] = []
        k = 0
        for row in rows:
            pos = row["char_start"]
            while k < len(scopes) and scopes[k][0] <= pos:
                open_.append(scopes[k])
                k += 1
            open_ = [s for s in open_ if s[1] > pos]
            if open_:
                _, _, i = min(open_, key=lambda s: (s[1] - s[0], s[2]))
                row["project_id"] = projects[i]["project_id"]


def _resolve_names(docs: list[dict], index: OrgIndex) -> None:
    """Organization mentions, parties, funders and persons' organizations -> org_id."""
    for doc in docs:
        facts, partner = doc["facts"], doc.get("partner_iso3")
        for m in facts.get("org_mentions", []):
            m["org_id"] = index.add_mention(m["name"], m.get("acronym"), m.get("kind"), partner)
        for p in facts.get("persons", []):
            p["org_id"] = index.find(p.get("org"), partner=partner) if p.get("org") else None
        for m in facts.get("money", []):
            m["funder_org_id"] = index.find_or_add(m["funder"], partner) if m.get("funder") else None
        for p in facts.get("projects", []):
            p["funder_org_id"] = index.find_or_add(p["funder"], partner) if p.get("funder") else None
        for a in facts.get("agreements", []):
            ids = [index.find_or_add(name, partner) for name in a.get("parties") or []]
            a["parties"] = list(dict.fromkeys(i for i in ids if i))


def frames(docs: list[dict], index: OrgIndex) -> dict[str, pl.DataFrame]:
    """One frame per fact table (with validation helper columns) from extracted documents.

    Each doc is {doc_id, text, facts: {table: [rows]}}.
    """
    for doc in docs:
        for table, rows in doc["facts"].items():
            _assign_ids(doc["doc_id"], table, rows)
        _link_projects(doc["facts"])
    _resolve_names(docs, index)

    out: dict[str, pl.DataFrame] = {}
    for table, cols in COLUMNS.items():
        names = ["fact_id", "doc_id", *cols, *PROVENANCE, "text_at_offsets", "doc_n_chars"]
        rows = []
        for doc in docs:
            text = doc["text"]
            for row in doc["facts"].get(table, []):
                row["text_at_offsets"] = text[row["char_start"]:row["char_end"]]
                row["doc_n_chars"] = len(text)
                rows.append(row)
        dtypes = {**DTYPES, **TABLE_DTYPES.get(table, {})}
        # polars reads the named keys of each dict (a missing key is null)
        out[table] = pl.DataFrame(rows, schema={c: dtypes[c] for c in names}, strict=False,
                                  infer_schema_length=None)
    return out


def documents_frame(docs: list[dict], run_id: str, loaded_at) -> pl.DataFrame:
    """The `documents` rows for newly loaded documents."""
    cols = ["doc_id", "source_path", "format", "title", "partner_iso3", "partner_name",
            "published_on", "published_precision", "text", "n_chars", "n_pages"]
    rows = [{c: d.get(c) for c in cols} for d in docs]
    schema = {"doc_id": pl.Utf8, "source_path": pl.Utf8, "format": pl.Utf8, "title": pl.Utf8,
              "partner_iso3": pl.Utf8, "partner_name": pl.Utf8, "published_on": pl.Date,
              "published_precision": pl.Utf8, "text": pl.Utf8, "n_chars": pl.Int64,
              "n_pages": pl.Int32}
    return pl.DataFrame(rows, schema=schema).with_columns(
        run_id=pl.lit(run_id), loaded_at=pl.lit(loaded_at, dtype=pl.Datetime("us")),
        removed_at=pl.lit(None, dtype=pl.Datetime("us")))
