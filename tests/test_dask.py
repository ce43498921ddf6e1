"""The extract batches on a Dask cluster (prefect-dask's DaskTaskRunner): the same warehouse.

Skipped when prefect-dask is not installed (`pip install -e '.[dask]'`).
"""
from __future__ import annotations

import duckdb
import pytest

pytest.importorskip("prefect_dask")


def test_a_run_on_a_local_dask_cluster_loads_what_a_local_run_loads(prefect_harness, raw_dir, tmp_path, monkeypatch):
    from flows import pipeline, settings

    monkeypatch.setattr(settings, "BATCH_DOCS", 2)  # six documents: three batches, three tasks
    monkeypatch.setattr(settings, "RUNNER", "dask")
    runner = pipeline.dask_runner(n_workers=2)  # a dask.distributed LocalCluster of 2 processes
    dask_db, local_db = tmp_path / "dask.duckdb", tmp_path / "local.duckdb"
    summary = pipeline.coopfacts_run.with_options(task_runner=runner)(str(raw_dir), str(dask_db))
    assert summary["status"] == "completed" and summary["docs_loaded"] == 6

    monkeypatch.setattr(settings, "RUNNER", "local")
    pipeline.coopfacts_run(str(raw_dir), str(local_db))
    query = "SELECT fact_id FROM {} ORDER BY 1"
    for table in ("money", "org_mentions", "projects"):
        key = "project_id" if table == "projects" else "fact_id"
        rows = [duckdb.connect(str(db), read_only=True).execute(query.replace("fact_id", key).format(table)).fetchall()
                for db in (dask_db, local_db)]
        assert rows[0] == rows[1] and rows[0], table
