"""DuckDB I/O: read what the warehouse holds, and load one run in one transaction.

A write connection is held only for the load's transaction. DuckDB allows one writing
process and refuses other opens while it writes, so every open retries with a bounded,
logged back-off (settings.LOCK_TIMEOUT_S) and then fails with a clear `WarehouseLocked`.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path

import duckdb
import polars as pl

from . import settings

log = logging.getLogger("coopfacts")

FACT_TABLES = ["country_mentions", "org_mentions", "persons", "money", "agreements",
               "projects", "events", "quantities", "contacts"]


class WarehouseLocked(RuntimeError):
    """Another process holds the warehouse's lock for longer than we are willing to wait."""


def sql_file(name: str) -> str:
    return (settings.WAREHOUSE_SQL / name).read_text()


def connect(db_path: Path, read_only: bool = False, timeout: float | None = None,
            on_wait=None) -> duckdb.DuckDBPyConnection:
    """Open the warehouse, waiting with back-off while another process holds its lock."""
    timeout = settings.LOCK_TIMEOUT_S if timeout is None else timeout
    deadline = time.monotonic() + timeout
    wait = settings.LOCK_FIRST_WAIT_S
    warned = False
    while True:
        try:
            if read_only:
                return duckdb.connect(str(db_path), read_only=True)
            return duckdb.connect(str(db_path), config={"threads": settings.LOAD_THREADS})
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() + wait > deadline:
                raise WarehouseLocked(
                    f"the warehouse {db_path} is locked by another process (waited {timeout:.0f} s); "
                    "try again when the other run has finished") from exc
            if not warned:
                msg = f"warehouse {db_path} is busy (another process is writing); waiting up to {timeout:.0f} s"
                (on_wait or log.warning)(msg)
                warned = True
            time.sleep(wait)
            wait = min(wait * 2, 2.0)


def snapshot(db_path: Path) -> dict:
    """What the warehouse holds now: live documents by path, and known organizations."""
    state = {"docs": {}, "doc_ids": set(), "orgs": []}
    if not Path(db_path).exists():
        return state
    con = connect(db_path, read_only=True)
    try:
        tables = {r[0] for r in con.sql(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        if "documents" not in tables:
            return state
        for doc_id, path, removed in con.sql(
                "SELECT doc_id, source_path, removed_at FROM documents").fetchall():
            state["doc_ids"].add(doc_id)
            state["docs"][path] = {"doc_id": doc_id, "removed": removed is not None}
        cols = ("org_id", "name", "acronym", "kind", "country_iso3")
        have = {r[0] for r in con.sql("SELECT column_name FROM information_schema.columns "
                                      "WHERE table_name = 'organizations'").fetchall()}
        # a warehouse from an older release may lack a column; this run's schema.sql adds it
        select = ", ".join(c if c in have else f"NULL AS {c}" for c in cols)
        state["orgs"] = [dict(zip(cols, r)) for r in
                         con.execute(f"SELECT {select} FROM organizations").fetchall()]
    finally:
        con.close()
    return state


def _insert(con, table: str, frame: pl.DataFrame) -> int:
    if frame is None or frame.height == 0:
        return 0
    con.register("incoming", frame.to_arrow())
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
    con.unregister("incoming")  # not in a finally: after a failed insert DuckDB wants ROLLBACK first
    return frame.height


def load_run(db_path: Path, *, run: dict, spilled: dict[str, list[str]], organizations: pl.DataFrame,
             countries: pl.DataFrame, replaced_doc_ids: list[str], removed_paths: list[str],
             quality: dict[str, list[dict]], on_wait=None) -> dict:
    """Load one completed run atomically: all of it, or (on any error) none of it.

    `spilled` maps each table to the Parquet files its validated rows were parked in.
    The plan was made before extraction, without a lock; another run may have loaded some
    of the same documents since. Inside the transaction, documents already present are
    skipped (with their facts), so concurrent runs never duplicate rows.
    Returns the numbers actually loaded.
    """
    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    con = connect(db_path, on_wait=on_wait)
    try:
        con.execute(sql_file("schema.sql"))
        con.execute("BEGIN TRANSACTION")
        try:
            if replaced_doc_ids:
                con.register("replaced", pl.DataFrame({"doc_id": replaced_doc_ids}).to_arrow())
                for table in [*FACT_TABLES, "documents"]:
                    con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM replaced)")
                con.unregister("replaced")
            if removed_paths:
                con.execute("UPDATE documents SET removed_at = ? WHERE source_path IN (SELECT unnest(?)) "
                            "AND removed_at IS NULL", [run["finished_at"], removed_paths])
            con.execute("CREATE OR REPLACE TEMP TABLE already_loaded AS SELECT doc_id FROM documents")
            n_docs = _insert_spilled(con, "documents", spilled.get("documents", []))
            n_facts = sum(_insert_spilled(con, t, spilled.get(t, [])) for t in FACT_TABLES)
            _upsert_organizations(con, organizations)
            con.execute(sql_file("prune_organizations.sql"))
            if con.execute("SELECT count(*) FROM countries").fetchall()[0][0] == 0:
                _insert(con, "countries", countries)
            con.execute(sql_file("views.sql"))
            run = {**run, "docs_loaded": n_docs, "facts_loaded": n_facts}
            _record_quality(con, run, quality)
            _fault_injection_pause()
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    finally:
        con.close()
    return {"docs_loaded": n_docs, "facts_loaded": n_facts}


def _insert_spilled(con, table: str, files: list[str]) -> int:
    """Rows of `table` parked in Parquet files, except those of documents already loaded."""
    if not files:
        return 0
    return con.execute(
        f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet(?) "
        "WHERE doc_id NOT IN (SELECT doc_id FROM already_loaded)", [files]).fetchall()[0][0]


def facts_by_table(db_path: Path, run_id: str) -> dict[str, int]:
    """Facts per table of the documents a run loaded (for the run summary)."""
    con = connect(db_path, read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t} JOIN documents USING (doc_id) WHERE run_id = ?",
                               [run_id]).fetchall()[0][0] for t in FACT_TABLES}
    finally:
        con.close()


def _fault_injection_pause() -> None:
    """For crash tests only: COOPFACTS_TEST_PAUSE_IN_LOAD=SECONDS holds the open transaction
    (after touching COOPFACTS_TEST_LOAD_MARKER) so a test can kill or query mid-load."""
    import os

    pause = float(os.environ.get("COOPFACTS_TEST_PAUSE_IN_LOAD", 0))
    if pause > 0:
        marker = os.environ.get("COOPFACTS_TEST_LOAD_MARKER")
        if marker:
            Path(marker).write_text("loading")
        time.sleep(pause)


def _upsert_organizations(con, organizations: pl.DataFrame) -> None:
    if organizations.height == 0:
        return
    con.register("incoming", organizations.to_arrow())
    con.execute(sql_file("upsert_organizations.sql"))
    con.unregister("incoming")


def record_failed_run(db_path: Path, run: dict, quality: dict[str, list[dict]]) -> None:
    """A failed run loads no facts but is still recorded, with the checks that failed it."""
    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    con = connect(db_path)
    try:
        con.execute(sql_file("schema.sql"))
        con.execute("BEGIN TRANSACTION")
        _record_quality(con, run, quality)
        con.execute("COMMIT")
    finally:
        con.close()


def _record_quality(con, run: dict, quality: dict[str, list[dict]]) -> None:
    run_id = run["run_id"]
    _insert(con, "quality.runs", pl.DataFrame([run]))
    for table in ("checks", "failures", "quarantine"):
        rows = [{**r, "run_id": run_id} for r in quality.get(table, [])]
        if rows:
            _insert(con, f"quality.{table}", pl.DataFrame(rows, infer_schema_length=None))
    if run["status"] == "completed":
        counts = [{"run_id": run_id, "table_name": t,
                   "n_rows": con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]}
                  for t in ["documents", "organizations", *FACT_TABLES]]
        _insert(con, "quality.table_counts", pl.DataFrame(counts))
