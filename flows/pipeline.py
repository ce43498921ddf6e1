"""The Prefect flow: read -> extract -> transform -> validate -> check -> load -> report.

The flow only strings the stages together; each stage is a plain function in its own
module. Work is batched (settings.BATCH_DOCS documents per extraction task) because each
Prefect task run costs milliseconds and log lines.
"""
from __future__ import annotations

import logging
import traceback
import uuid
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
    """Which files are new or changed (to extract), unchanged, removed or quarantined."""
    docs, quarantine = read.read_folder(raw_dir)
    state = load.snapshot(db_path)
    seen_paths = {d["source_path"] for d in docs} | {q["source_path"] for q in quarantine}
    todo, unchanged, replaced = [], [], []
    for doc in docs:
        known = state["docs"].get(doc["source_path"])
        if known and known["doc_id"] == doc["doc_id"] and not known["removed"]:
            unchanged.append(doc["source_path"])
            continue
        if doc["doc_id"] in state["doc_ids"]:
            owner = next(p for p, k in state["docs"].items() if k["doc_id"] == doc["doc_id"])
            if owner in seen_paths and owner != doc["source_path"]:
                quarantine.append({"source_path": doc["source_path"], "reason": "duplicate",
                                   "detail": f"same bytes as {owner}, which is already loaded"})
                continue
            replaced.append(doc["doc_id"])  # moved, or came back after removal
        if known and known["doc_id"] != doc["doc_id"]:
            replaced.append(known["doc_id"])  # changed file: its old facts go
        todo.append(doc)
    removed = [p for p, k in state["docs"].items() if not k["removed"] and p not in seen_paths]
    return {"todo": todo, "unchanged": unchanged, "replaced": sorted(set(replaced)),
            "removed": removed, "quarantine": quarantine, "orgs": state["orgs"],
            "docs_seen": len(docs) + len(quarantine)}


def extract_documents(docs: list[dict]) -> tuple[list[dict], list[dict]]:
    """Metadata and facts for each document; a document whose extraction fails is quarantined."""
    done, quarantine = [], []
    for doc in docs:
        try:
            meta = document.extract(doc["text"], doc["source_path"])
            facts = {table: fn(doc["text"]) for table, fn in EXTRACTORS.items()}
        except Exception as exc:  # one bad document must not stop the run
            quarantine.append({"source_path": doc["source_path"], "reason": "extract_error",
                               "detail": f"{type(exc).__name__}: {exc}"})
            continue
        done.append({**doc, **meta, "facts": facts})
    return done, quarantine


def batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or []


def build(docs: list[dict], known_orgs: list[dict], run_id: str, loaded_at: datetime) -> dict:
    """Transform, validate and check extracted documents: everything the load needs."""
    index = OrgIndex(known_orgs)
    frames = transform.frames(docs, index)
    texts = {d["doc_id"]: d["text"] for d in docs}
    valid, failures, quarantine, schema_checks = validate.validate(frames, texts)
    valid["projects"] = valid["projects"].drop("fact_id")  # a project's id is its project_id
    documents = transform.documents_frame(docs, run_id, loaded_at)
    organizations = pl.DataFrame(index.rows(), schema={"org_id": pl.Utf8, "name": pl.Utf8,
                                                       "acronym": pl.Utf8, "kind": pl.Utf8,
                                                       "country_iso3": pl.Utf8})
    country_rows = countries.country_table() if hasattr(countries, "country_table") else [{"iso3": "CHN", "name": "China", "region": "Asia"}]
    run_checks, run_failures = checks.run_checks(
        valid, documents, set(organizations["org_id"].to_list()),
        {c["iso3"] for c in country_rows}, texts)
    schema_rows = [checks._check("schema", c["table_name"], c["failing_rows"]) for c in schema_checks]
    source_of = {d["doc_id"]: d["source_path"] for d in docs}
    for q in quarantine:
        q["source_path"] = source_of.get(q.pop("doc_id"))
    return {"documents": documents, "facts": valid, "organizations": organizations,
            "countries": pl.DataFrame(country_rows),
            "checks": schema_rows + run_checks, "failures": failures + run_failures,
            "quarantine": quarantine}


# ------------------------------------------------------------------------ Prefect tasks

@task(name="plan")
def plan_task(raw_dir: Path, db_path: Path) -> dict:
    return plan(raw_dir, db_path)


@task(name="extract")
def extract_task(docs: list[dict]) -> tuple[list[dict], list[dict]]:
    return extract_documents(docs)


@task(name="transform-validate-check")
def build_task(docs, known_orgs, run_id, loaded_at) -> dict:
    return build(docs, known_orgs, run_id, loaded_at)


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
    extracted, bad_docs = [], []
    futures = [extract_task.submit(b) for b in batches(p["todo"], settings.BATCH_DOCS)]
    for fut in futures:
        done, quar = fut.result()
        extracted += done
        bad_docs += quar
    built = build_task(extracted, p["orgs"], run_id, started)
    quarantine = [{**q, "table_name": None} for q in p["quarantine"] + bad_docs] + built["quarantine"]
    facts_loaded = sum(f.height for f in built["facts"].values())
    run = {"run_id": run_id, "flow_run_id": str(flow_run.id) if flow_run.id else None,
           "started_at": started, "finished_at": None, "status": "completed",
           "docs_seen": p["docs_seen"], "docs_loaded": len(extracted),
           "docs_unchanged": len(p["unchanged"]), "docs_quarantined": len(p["quarantine"]) + len(bad_docs),
           "docs_removed": len(p["removed"]), "facts_loaded": facts_loaded, "raw_dir": str(raw),
           "error": None}
    quality = {"checks": built["checks"], "failures": built["failures"], "quarantine": quarantine}
    blocking = [c for c in built["checks"] if c["severity"] == "error" and not c["passed"]]
    if blocking:
        run.update(status="failed", finished_at=_now(), docs_loaded=0, facts_loaded=0,
                   error="; ".join(f"{c['check_name']} failed on {c['table_name']} "
                                   f"({c['failing_rows']} rows)" for c in blocking))
        load.record_failed_run(db, run, quality)
    else:
        run["finished_at"] = _now()
        run |= load_task(db, run=run, documents=built["documents"], facts=built["facts"],
                  organizations=built["organizations"], countries=built["countries"],
                  replaced_doc_ids=p["replaced"], removed_paths=p["removed"], quality=quality,
                  on_wait=logger.warning)
    paths = report.write_report(db, report_out)
    summary = {**run, "quarantine": quarantine, "checks": built["checks"],
               "facts_by_table": {t: f.height for t, f in built["facts"].items()},
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
