"""The stages of a run as plain functions, and a run's bookkeeping: no Prefect here.

`flows.pipeline` strings these together as a Prefect flow; the command line also uses them
directly when a plan finds nothing to extract (an unchanged corpus), so that a re-run costs
hashing the files and one look at the warehouse, not starting Prefect (see `finish`).
Importing this module does not import Prefect.
"""
from __future__ import annotations

import uuid
from datetime import datetime, timezone
from pathlib import Path

import polars as pl

from . import checks, load, read, report, settings, transform, validate
from .extract import countries
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
    replaces: dict[str, list[str]] = {}  # a new or changed file -> the doc_ids its load replaces
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
            replaces.setdefault(f["source_path"], []).append(f["doc_id"])
        if known and known["doc_id"] != f["doc_id"]:
            replaced.append(known["doc_id"])  # changed file: its old facts go
            replaces.setdefault(f["source_path"], []).append(known["doc_id"])
        todo.append(f)
    removed = [p for p, k in state["docs"].items() if not k["removed"] and p not in seen_paths]
    return {"todo": todo, "unchanged": unchanged, "replaced": sorted(set(replaced)),
            "replaces": replaces, "removed": removed, "quarantine": quarantine, "orgs": state["orgs"],
            "docs_seen": len(files) + len(quarantine)}


def batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def split_plan(p: dict, run_docs: int) -> list[dict]:
    """A plan with more than `run_docs` files to extract, as consecutive plans of at most
    `run_docs` files each (one when it has fewer): each is loaded as a run of its own.

    Why: a run's load is one DuckDB transaction, which holds its rows in memory until it
    commits (about 28 MB per 1,000 documents), so one run over a first corpus of 50,000
    documents would need more than a gigabyte just to load. In runs of `run_docs`, memory
    stays that of one run whatever the corpus size; each run is atomic, and a run that
    fails leaves the warehouse as the runs before it left it (the failed run's files are
    new again on the next `coopfacts run`). The first plan carries the unchanged, removed
    and quarantined files; each carries the replaced versions of its own files.
    """
    todo = p["todo"]
    if run_docs <= 0 or len(todo) <= run_docs:
        return [p]
    parts = batches(todo, run_docs)
    out = []
    for k, files in enumerate(parts):
        first = k == 0
        replaced = sorted({i for f in files for i in p.get("replaces", {}).get(f["source_path"], [])})
        out.append({**p, "todo": files, "replaced": replaced,
                    "replaces": {f["source_path"]: p["replaces"][f["source_path"]] for f in files
                                 if f["source_path"] in p.get("replaces", {})},
                    "unchanged": p["unchanged"] if first else [],
                    "removed": p["removed"] if first else [],
                    "quarantine": p["quarantine"] if first else [],
                    "docs_seen": p["docs_seen"] - (len(todo) - len(files)) if first else len(files)})
    return out


def combine(summaries: list[dict]) -> dict:
    """One summary for the runs of one command (split_plan): counts added up, checks
    merged, quarantine listed together; ids, status and report from the last run."""
    if len(summaries) == 1:
        return summaries[0]
    last = summaries[-1]
    out = {**last, "run_ids": [s["run_id"] for s in summaries]}
    for key in ("docs_seen", "docs_loaded", "docs_unchanged", "docs_quarantined", "docs_removed",
                "facts_loaded"):
        out[key] = sum(s.get(key) or 0 for s in summaries)
    out["facts_by_table"] = {}
    for s in summaries:
        for table, n in (s.get("facts_by_table") or {}).items():
            out["facts_by_table"][table] = out["facts_by_table"].get(table, 0) + n
    out["checks"] = merge_checks([(s["checks"], s.get("docs_loaded") or 0) for s in summaries])
    out["quarantine"] = [q for s in summaries for q in s.get("quarantine", [])]
    return out


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


class Run:
    """One run's bookkeeping, from its plan to its summary.

    Batches are added as they are extracted (`add`): each is built, spilled to Parquet and
    forgotten, so what this object keeps grows with the problems found (failures,
    quarantine) and the organizations known, not with the documents. `finish` loads the
    spilled rows in one transaction (or records the run as failed), writes the report
    and returns the summary the command line prints.
    """

    def __init__(self, raw_dir: Path, db_path: Path, report_dir: Path | None, plan: dict,
                 flow_run_id: str | None = None, index: OrgIndex | None = None):
        self.raw, self.db = Path(raw_dir), Path(db_path)
        self.report_dir = Path(report_dir) if report_dir else self.db.parent / settings.REPORT_DIRNAME
        self.plan = plan
        self.run_id = uuid.uuid4().hex[:12]
        self.started = _now()
        self.flow_run_id = flow_run_id
        # the runs of one command share one index: an organization found by the first has
        # the same id in the next (`index`)
        self.index = index if index is not None else OrgIndex(plan["orgs"])
        self.quarantine = [{**q, "table_name": None} for q in plan["quarantine"]]
        self.batch_checks: list[tuple[list[dict], int]] = []
        self.failures: list[dict] = []
        self.docs_extracted = self.docs_bad = 0

    def add(self, docs: list[dict], bad: list[dict], spill: Spill) -> None:
        """A batch of extracted documents (and those that could not be read or extracted)."""
        self.quarantine += [{**q, "table_name": None} for q in bad]
        self.docs_bad += len(bad)
        built = build(docs, self.index, self.run_id, self.started)
        self.docs_extracted += len(docs)
        spill.write(built)
        self.batch_checks.append((built["checks"], len(docs)))
        self.failures += built["failures"]
        self.quarantine += built["quarantine"]

    def finish(self, spill: Spill | None, load_fn=load.load_run, on_wait=None,
               write_report: bool = True) -> dict:
        """Load (or record the failed run), write the report; the run's summary.

        `load_fn` is `load.load_run` or the flow's Prefect task around it. When an 'error'
        check failed, nothing is loaded and the summary's status is 'failed'.
        """
        p = self.plan
        run_checks = merge_checks(self.batch_checks)
        run = {"run_id": self.run_id, "flow_run_id": self.flow_run_id,
               "started_at": self.started, "finished_at": None, "status": "completed",
               "docs_seen": p["docs_seen"], "docs_loaded": self.docs_extracted,
               "docs_unchanged": len(p["unchanged"]),
               "docs_quarantined": len(p["quarantine"]) + self.docs_bad,
               "docs_removed": len(p["removed"]), "facts_loaded": 0, "raw_dir": str(self.raw), "error": None}
        quality = {"checks": run_checks, "failures": self.failures, "quarantine": self.quarantine}
        blocking = [c for c in run_checks if c["severity"] == "error" and not c["passed"]]
        if blocking:
            run.update(status="failed", finished_at=_now(), docs_loaded=0,
                       error="; ".join(f"{c['check_name']} failed on {c['table_name']} "
                                       f"({c['failing_rows']} rows)" for c in blocking))
            load.record_failed_run(self.db, run, quality)
        else:
            organizations = pl.DataFrame(self.index.rows(), schema={
                "org_id": pl.Utf8, "name": pl.Utf8, "acronym": pl.Utf8, "kind": pl.Utf8,
                "country_iso3": pl.Utf8})
            run["finished_at"] = _now()
            run |= load_fn(self.db, run=run, spilled=spill.tables() if spill else {},
                           organizations=organizations,
                           countries=pl.DataFrame(countries.country_table()),
                           replaced_doc_ids=p["replaced"], removed_paths=p["removed"],
                           quality=quality, on_wait=on_wait)
        if write_report or blocking:
            paths = report.write_report(self.db, self.report_dir)
        else:  # a run followed by another of the same command: the last one writes it
            paths = (self.report_dir / "report.html", self.report_dir / "report.json")
        return {**run, "quarantine": self.quarantine, "checks": run_checks,
                "facts_by_table": load.facts_by_table(self.db, self.run_id) if not blocking else {},
                "report_html": str(paths[0]), "report_json": str(paths[1]), "db_path": str(self.db)}


def nothing_to_extract(p: dict, raw_dir: Path) -> dict | None:
    """The plan, when none of its new or changed files can be read (so there is nothing to
    extract), with those files moved to its quarantine; None as soon as one can be read.

    A file that cannot be read (a broken PDF, an empty file) is never loaded, so it is
    new on every run until it is fixed or removed; reading it again here is cheap, and
    lets a run over an otherwise unchanged corpus skip extraction.
    """
    bad = []
    for f in p["todo"]:
        row = read.read_file(f, raw_dir)
        if "reason" not in row:
            return None
        bad.append(row)
    return {**p, "todo": [], "quarantine": p["quarantine"] + bad}


def run_without_extraction(raw_dir: Path, db_path: Path, report_dir: Path | None, p: dict) -> dict:
    """A whole run for a plan with nothing to extract, in this process, without Prefect.

    Starting Prefect (its temporary API server) takes several seconds, many times the cost
    of hashing an unchanged corpus and comparing it with the warehouse, so the command line
    takes this path when `nothing_to_extract` returns a plan. The run is recorded in the warehouse's
    quality tables like any other (quality.runs, with no flow_run_id).
    """
    out = Run(raw_dir, db_path, report_dir, p).finish(None)
    if out["status"] == "failed":
        raise RunFailed(out["error"])
    return out
