"""The Prefect flow: scan -> (read -> extract) per batch -> transform -> validate -> check ->
spill, then one load, then the report (a command with more than settings.RUN_DOCS new
documents does this as consecutive runs: stages.split_plan).

The flow only strings the stages together; each stage is a plain function (flows/stages.py,
flows/batch.py). Documents move in batches (settings.BATCH_DOCS per task: each Prefect task
run costs milliseconds and log lines). Each batch is one Prefect task (`read-extract`) that
hands its files to the run's worker processes (flows/batch.py says why those are plain
processes rather than Prefect's process pool). A batch's results are transformed,
validated, checked and written to Parquet files in a spill folder as soon as they arrive,
and at most two batches per worker are in flight, so memory holds a few batches whatever
the corpus size; the load then moves the spilled rows into DuckDB in one short transaction.
"""
from __future__ import annotations

import gc
import shutil
import tempfile
from collections import deque
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from . import batch, load, read, report, settings
from .batch import extract_documents, read_and_extract  # noqa: F401 - the stages, by their old names
from .stages import (RunFailed, Run, Spill, batches, build, combine, merge_checks,  # noqa: F401
                     plan, reference_iso3, split_plan)


# ------------------------------------------------------------------------ Prefect tasks

@task(name="plan")
def plan_task(raw_dir: Path, db_path: Path) -> dict:
    return plan(raw_dir, db_path)


@task(name="read-extract", cache_policy=NO_CACHE)
def extract_task(files: list[dict], raw_dir: Path) -> tuple[list[dict], list[dict]]:
    """One batch, read and extracted in the run's worker processes (or here: see batch.run)."""
    return batch.run(files, raw_dir)


@task(name="load", retries=2, cache_policy=NO_CACHE, retry_delay_seconds=2,
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
    logger = get_run_logger()
    p = plan_task(raw, db)
    # more than settings.RUN_DOCS new files: consecutive runs, each loaded on its own, so the
    # load's memory is that of one run whatever the corpus size (stages.split_plan says why)
    parts = split_plan(p, settings.RUN_DOCS)
    todo = deque((k, files) for k, part in enumerate(parts)
                 for files in batches(part["todo"], settings.BATCH_DOCS))
    left = [sum(1 for k2, _ in todo if k2 == k) for k in range(len(parts))]  # batches per run
    summaries: list[dict] = []
    run = None
    with tempfile.TemporaryDirectory(prefix="coopfacts-spill-") as spill_root, \
            batch.Workers(workers_for(len(todo), any(batch.is_long(f) for f in p["todo"]))) as workers:

        def start(k: int) -> tuple[Run, Spill]:
            # the runs of one command share one organization index (same ids across runs)
            r = Run(raw, db, Path(report_dir) if report_dir else None, parts[k],
                    flow_run_id=str(flow_run.id) if flow_run.id else None,
                    index=run.index if run is not None else None)
            return r, Spill(Path(tempfile.mkdtemp(dir=spill_root)))

        def finish(r: Run, spill: Spill, k: int) -> dict:
            if k == len(parts) - 1:
                workers.stop()  # their memory is free before the last load needs its own
            out = r.finish(spill, load_task, on_wait=logger.warning, write_report=k == len(parts) - 1)
            shutil.rmtree(spill.folder, ignore_errors=True)
            return out

        run, spill = start(0)
        current = 0
        pending: deque = deque()
        in_flight = 2 * max(workers.n, 1)  # results are consumed as they come
        while True:
            # a run whose batches are all in is loaded, while the workers go on with the next
            # run's first batches (already in flight)
            while current < len(parts) and left[current] == 0:
                summaries.append(finish(run, spill, current))
                if summaries[-1]["status"] == "failed":
                    break
                current += 1
                if current < len(parts):
                    run, spill = start(current)
            if current == len(parts) or summaries[-1:] and summaries[-1]["status"] == "failed":
                break  # all loaded, or a run failed: the next runs' files stay new
            while todo and len(pending) < in_flight:
                k, files = todo.popleft()
                pending.append((k, extract_task.submit(files, raw)))
            k, future = pending.popleft()
            docs, bad = future.result()
            run.add(docs, bad, spill)
            left[k] -= 1
            del docs, bad, future
            # Prefect's futures and states hold a batch's result in reference cycles, which
            # only a full collection frees: without this the flow grew ~40 MB per 1,000 docs
            gc.collect()
    summary = combine(summaries)
    report.publish_artifacts(summary)
    if summary["status"] == "failed":
        loaded = sum(s["docs_loaded"] or 0 for s in summaries[:-1])
        raise RunFailed(summary["error"] + (f" (this command's {len(summaries) - 1} earlier run(s) "
                                            f"loaded {loaded} documents)" if loaded else ""))
    return summary


def workers_for(n_batches: int, long_docs: bool = False) -> int:
    """Worker processes for a run of n_batches: none (extract in the flow's process) for a
    single batch, where starting processes would cost more than it saves, or when the
    batches go to a Dask cluster. A run with a document long enough to be extracted in
    parts (batch.is_long) gets every worker even in one batch: its parts run side by side."""
    if settings.WORKERS <= 1 or settings.RUNNER == "dask":
        return 0
    if long_docs:
        return settings.WORKERS
    if n_batches <= 1:
        return 0
    return min(settings.WORKERS, n_batches)


def flow_for(raw_dir: Path):
    """The flow with its task runner: a thread per batch in flight, each waiting on the
    worker processes (flows/batch.py), or a Dask cluster when one is configured
    (settings.DASK_ADDRESS / `coopfacts run --runner dask`)."""
    from prefect.task_runners import ThreadPoolTaskRunner

    if settings.RUNNER == "dask":
        return coopfacts_run.with_options(task_runner=dask_runner())
    return coopfacts_run.with_options(
        task_runner=ThreadPoolTaskRunner(max_workers=2 * max(settings.WORKERS, 1)))


def dask_runner(**cluster_kwargs):
    """prefect-dask's DaskTaskRunner: the cluster at settings.DASK_ADDRESS, or a local
    cluster of settings.WORKERS single-threaded processes (`cluster_kwargs` override).

    Each extract batch is then a Prefect task on a Dask worker, which must reach the same
    Prefect API as the flow: a real cluster needs PREFECT_API_URL set on its workers; for a
    local cluster the flow's own API address (its temporary server) is put in the
    environment the worker processes inherit, so they do not each start a server.
    """
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as exc:
        raise RuntimeError("the Dask runner needs prefect-dask: pip install 'coopfacts[dask]'") from exc

    class Runner(DaskTaskRunner):
        def __enter__(self):
            import os

            from prefect.client.orchestration import get_client

            import logging

            # Dask's own INFO lines (scheduler and worker start-up) stay off the terminal
            os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
            logging.getLogger("distributed").setLevel(logging.WARNING)
            self._set_url = not os.environ.get("PREFECT_API_URL")
            if self._set_url:
                with get_client(sync_client=True) as client:
                    os.environ["PREFECT_API_URL"] = str(client.api_url)
            return super().__enter__()

        def __exit__(self, *exc):
            import os

            try:
                super().__exit__(*exc)
            finally:
                if getattr(self, "_set_url", False):
                    os.environ.pop("PREFECT_API_URL", None)

    if settings.DASK_ADDRESS:
        return Runner(address=settings.DASK_ADDRESS)
    return Runner(cluster_kwargs={"n_workers": max(settings.WORKERS, 1), "threads_per_worker": 1,
                                  "processes": True, "dashboard_address": None, **cluster_kwargs})
