"""The Prefect flow: scan -> (read -> extract) per batch -> transform -> validate -> check ->
spill, then one load, then the report.

The flow only strings the stages together; each stage is a plain function in its own
module. Documents move in batches (settings.BATCH_DOCS per task: each Prefect task run
costs milliseconds and log lines). A batch's results are transformed, validated, checked
and written to Parquet files in a spill folder as soon as they arrive, so memory holds a
few batches whatever the corpus size; the load then moves the spilled rows into DuckDB in
one short transaction.
"""
from __future__ import annotations

import tempfile
import uuid
from collections import deque
from datetime import datetime, timezone
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task

from . import checks, load, read, report, settings, transform, validate
from .extract import EXTRACTORS, countries, document
from .orgindex import OrgIndex


class RunFailed(RuntimeError):
    """An 'error' quality check failed: the run was recorded as failed and nothing loaded."""


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


# ------------------------------------------------------------------ stages as functions

def plan(raw_dir: Path, db_path: Path) -> dict:
    """Which files are new or changed (to extract), unchanged, removed or quarantined.

    Only hashes are compared here; no document is decoded yet.
    """
    files, quarantine = read.scan(raw_dir)
    state = load.snapshot(db_path)
    seen_paths = {f["source_path"] for f in files} | {q["source_path"] for q in quarantine}
    owner_of = {k["doc_id"]: p for p, k in state["docs"].items()}
    todo, unchanged, replaced = [], [], []
    for f in files:
        known = state["docs"].get(f["source_path"])
        if known and known["doc_id"] == f["doc_id"] and not known["removed"]:
            unchanged.append(f["source_path"])
            continue
        owner = owner_of.get(f["doc_id"])
        if owner is not None:
            if owner in seen_paths and owner != f["source_path"]:
                quarantine.append({"source_path": f["source_path"], "reason": "duplicate",
                                   "detail": f"The file has the same bytes as {owner}, which is already loaded."})
                continue
            replaced.append(f["doc_id"])  # moved, or came back after removal
        if known and known["doc_id"] != f["doc_id"]:
            replaced.append(known["doc_id"])  # changed file: its old facts go
        todo.append(f)
    removed = [p for p, k in state["docs"].items() if not k["removed"] and p not in seen_paths]
    return {"todo": todo, "unchanged": unchanged, "replaced": sorted(set(replaced)),
            "removed": removed, "quarantine": quarantine, "orgs": state["orgs"],
            "docs_seen": len(files) + len(quarantine)}


def extract_documents(docs: list[dict]) -> tuple[list[dict], list[dict]]:
    """Metadata and facts for each document; a document whose extraction fails is quarantined."""
    done, quarantine = [], []
    for doc in docs:
        try:
            meta = document.extract(doc["text"], doc["source_path"])
            facts = {table: fn(doc["text"]) for table, fn in EXTRACTORS.items()}
        except Exception as exc:  # one bad document must not stop the run
            quarantine.append({"source_path": doc["source_path"], "reason": "extract_error",
                               "detail": f"Extraction failed: {type(exc).__name__}: {exc}"})
            continue
        done.append({**doc, **meta, "facts": facts})
    return done, quarantine


def read_and_extract(files: list[dict], raw_dir: Path) -> tuple[list[dict], list[dict]]:
    """Read and decode a batch of scanned files, then extract their facts."""
    docs, quarantine = [], []
    for f in files:
        row = read.read_file(f, raw_dir)
        (quarantine if "reason" in row else docs).append(row)
    done, bad = extract_documents(docs)
    return done, quarantine + bad


def batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def build(docs: list[dict], index: OrgIndex, run_id: str, loaded_at: datetime) -> dict:
    """Transform, validate and check one batch of extracted documents.

    `index` is shared by the batches of a run, so one organization gets one id.
    """
    frames = transform.frames(docs, index)
    texts = {d["doc_id"]: d["text"] for d in docs}
    valid, failures, quarantine, schema_rows = validate.validate(frames, texts)
    valid["projects"] = valid["projects"].drop("fact_id")  # a project's id is its project_id
    documents = transform.documents_frame(docs, run_id, loaded_at)
    run_checks, run_failures = checks.run_checks(
        valid, documents, set(index.orgs), reference_iso3(), texts)
    source_of = {d["doc_id"]: d["source_path"] for d in docs}
    for q in quarantine:
        q["source_path"] = source_of.get(q.pop("doc_id"))
    return {"documents": documents, "facts": valid,
            "checks": checks.schema_checks(schema_rows) + run_checks,
            "failures": failures + run_failures, "quarantine": quarantine}


def reference_iso3() -> set[str]:
    return {c["iso3"] for c in countries.country_table()}


def merge_checks(per_batch: list[tuple[list[dict], int]]) -> list[dict]:
    """One quality.checks row per (table, check) for the whole run, from per-batch rows.

    Counts add up; 'coverage' (a share of documents) is weighted by each batch's documents;
    'freshness' (the age of the newest document) takes the smallest age.
    """
    merged: dict[tuple[str, str], dict] = {}
    weight: dict[tuple[str, str], int] = {}
    for rows, n_docs in per_batch:
        for row in rows:
            key = (row["table_name"], row["check_name"])
            if key not in merged:
                merged[key] = dict(row)
                weight[key] = n_docs
                continue
            m = merged[key]
            m["failing_rows"] += row["failing_rows"]
            if row["check_name"] == "coverage":
                total = weight[key] + n_docs
                m["observed"] = (m["observed"] * weight[key] + row["observed"] * n_docs) / max(total, 1)
                weight[key] = total
            elif row["check_name"] == "freshness":
                m["observed"] = min(m["observed"], row["observed"])
            else:
                m["observed"] += row["observed"]
            m["passed"] = m["observed"] <= m["threshold"]
    return list(merged.values())


class Spill:
    """A batch's validated rows, parked as Parquet until the load: memory stays flat."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.n = 0

    def write(self, built: dict) -> None:
        for table, frame in {"documents": built["documents"], **built["facts"]}.items():
            if frame.height:
                (self.folder / table).mkdir(exist_ok=True)
                frame.write_parquet(self.folder / table / f"{self.n:06d}.parquet")
        self.n += 1

    def tables(self) -> dict[str, list[str]]:
        """table -> its Parquet files."""
        return {d.name: sorted(str(p) for p in d.glob("*.parquet"))
                for d in self.folder.iterdir() if d.is_dir()}


# ------------------------------------------------------------------------ Prefect tasks

@task(name="plan")
def plan_task(raw_dir: Path, db_path: Path) -> dict:
    return plan(raw_dir, db_path)


@task(name="read-extract")
def extract_task(files: list[dict], raw_dir: Path) -> tuple[list[dict], list[dict]]:
    return read_and_extract(files, raw_dir)


@task(name="load", retries=2, retry_delay_seconds=2,
      retry_condition_fn=lambda task, run, state: _is_lock_error(state))
def load_task(db_path: Path, **kwargs) -> dict:
    return load.load_run(db_path, **kwargs)


def _is_lock_error(state) -> bool:
    """Retry the load for lock contention only, never for bad data."""
    return isinstance(state.result(raise_on_failure=False), load.WarehouseLocked)


@flow(name="coopfacts-run", log_prints=False)
def coopfacts_run(raw_dir: str = str(settings.DEFAULT_RAW), db_path: str = str(settings.DEFAULT_DB),
                  report_dir: str | None = None) -> dict:
    """Load new and changed documents from raw_dir into the warehouse at db_path."""
    from prefect.runtime import flow_run

    raw, db = Path(raw_dir), Path(db_path)
    report_out = Path(report_dir) if report_dir else db.parent / settings.REPORT_DIRNAME
    run_id = uuid.uuid4().hex[:12]
    started = _now()
    logger = get_run_logger()

    p = plan_task(raw, db)
    index = OrgIndex(p["orgs"])
    quarantine = [{**q, "table_name": None} for q in p["quarantine"]]
    batch_checks, failures, docs_extracted, docs_bad = [], [], 0, 0
    with tempfile.TemporaryDirectory(prefix="coopfacts-spill-") as spill_dir:
        spill = Spill(Path(spill_dir))
        # at most two batches per worker in flight: results are consumed as they come
        pending, todo = deque(), deque(batches(p["todo"], settings.BATCH_DOCS))
        while todo or pending:
            while todo and len(pending) < 2 * max(settings.WORKERS, 1):
                pending.append(extract_task.submit(todo.popleft(), raw))
            docs, bad = pending.popleft().result()
            quarantine += [{**q, "table_name": None} for q in bad]
            docs_bad += len(bad)
            built = build(docs, index, run_id, started)
            docs_extracted += len(docs)
            spill.write(built)
            batch_checks.append((built["checks"], len(docs)))
            failures += built["failures"]
            quarantine += built["quarantine"]
            del docs, built

        run_checks = merge_checks(batch_checks)
        run = {"run_id": run_id, "flow_run_id": str(flow_run.id) if flow_run.id else None,
               "started_at": started, "finished_at": None, "status": "completed",
               "docs_seen": p["docs_seen"], "docs_loaded": docs_extracted,
               "docs_unchanged": len(p["unchanged"]), "docs_quarantined": len(p["quarantine"]) + docs_bad,
               "docs_removed": len(p["removed"]), "facts_loaded": 0, "raw_dir": str(raw), "error": None}
        quality = {"checks": run_checks, "failures": failures, "quarantine": quarantine}
        blocking = [c for c in run_checks if c["severity"] == "error" and not c["passed"]]
        if blocking:
            run.update(status="failed", finished_at=_now(), docs_loaded=0,
                       error="; ".join(f"{c['check_name']} failed on {c['table_name']} "
                                       f"({c['failing_rows']} rows)" for c in blocking))
            load.record_failed_run(db, run, quality)
        else:
            organizations = pl.DataFrame(index.rows(), schema={
                "org_id": pl.Utf8, "name": pl.Utf8, "acronym": pl.Utf8, "kind": pl.Utf8,
                "country_iso3": pl.Utf8})
            run["finished_at"] = _now()
            run |= load_task(db, run=run, spilled=spill.tables(), organizations=organizations,
                             countries=pl.DataFrame(countries.country_table()),
                             replaced_doc_ids=p["replaced"], removed_paths=p["removed"],
                             quality=quality, on_wait=logger.warning)
    paths = report.write_report(db, report_out)
    summary = {**run, "quarantine": quarantine, "checks": run_checks,
               "facts_by_table": load.facts_by_table(db, run_id) if not blocking else {},
               "report_html": str(paths[0]), "report_json": str(paths[1]), "db_path": str(db)}
    report.publish_artifacts(summary)
    if blocking:
        raise RunFailed(run["error"])
    return summary


def flow_for(raw_dir: Path):
    """The flow with a task runner sized to the job.

    Extraction is CPU-bound Python, so more than one batch of documents goes to a process
    pool (settings.WORKERS processes); a small run stays in-process, where starting worker
    processes would cost more than it saves.
    """
    from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

    n_files = len(read.discover(Path(raw_dir))) if Path(raw_dir).is_dir() else 0
    if n_files > settings.BATCH_DOCS and settings.WORKERS > 1:
        return coopfacts_run.with_options(task_runner=ProcessPoolTaskRunner(max_workers=settings.WORKERS))
    return coopfacts_run.with_options(task_runner=ThreadPoolTaskRunner(max_workers=1))
