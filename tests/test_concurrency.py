"""Real processes against one warehouse: concurrent runs, a query during a load, a crash.

These drive the installed `coopfacts` command as an operator would. Each process starts its
own Prefect ephemeral server (seconds), so the file keeps the number of runs small.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from flows.load import FACT_TABLES

COOPFACTS = str(Path(sys.executable).with_name("coopfacts"))


def start(*args, env_extra: dict | None = None, log: Path | None = None) -> subprocess.Popen:
    """Start `coopfacts ARGS` in its own session; with `log`, output goes to that file
    (a long-lived process must not block on a full pipe nobody reads)."""
    env = {**os.environ, "COOPFACTS_LOCK_TIMEOUT": "300", **(env_extra or {})}
    env.pop("PREFECT_API_URL", None)  # each process: its own ephemeral server
    env.pop("PREFECT_HOME", None)
    out = open(log, "w") if log else subprocess.PIPE
    return subprocess.Popen([COOPFACTS, *args], stdout=out, stderr=subprocess.STDOUT if log else subprocess.PIPE,
                            text=True, env=env, start_new_session=True)


def finish(proc: subprocess.Popen, timeout: float = 300) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                for t in ["documents", "organizations", *FACT_TABLES]}
    finally:
        con.close()


def wait_for(path: Path, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            pytest.fail(f"{path} did not appear in {timeout} s")
        time.sleep(0.2)


def test_two_runs_at_once_both_complete_without_duplicates(raw_dir, tmp_path):
    db = tmp_path / "wh.duckdb"
    a = start("run", "--raw", str(raw_dir), "--db", str(db))
    b = start("run", "--raw", str(raw_dir), "--db", str(db))
    (ra, oa, ea), (rb, ob, eb) = finish(a), finish(b)
    assert ra == 0, ea
    assert rb == 0, eb
    assert "Traceback" not in ea + eb
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*), count(DISTINCT source_path) FROM documents").fetchall() == [(6, 6)]
        assert con.execute("SELECT count(*) FROM quality.runs WHERE status = 'completed'").fetchall()[0][0] == 2
        assert con.execute("SELECT sum(docs_loaded) FROM quality.runs").fetchall()[0][0] == 6
        for t in FACT_TABLES:
            key = "project_id" if t == "projects" else "fact_id"
            n, distinct = con.execute(f"SELECT count(*), count(DISTINCT {key}) FROM {t}").fetchall()[0]
            assert n == distinct, t
    finally:
        con.close()


def test_query_during_a_load_answers_after_it(raw_dir, tmp_path):
    db, marker = tmp_path / "wh.duckdb", tmp_path / "loading"
    run = start("run", "--raw", str(raw_dir), "--db", str(db),
                env_extra={"COOPFACTS_TEST_PAUSE_IN_LOAD": "4", "COOPFACTS_TEST_LOAD_MARKER": str(marker)})
    wait_for(marker)
    query = start("sql", "SELECT count(*) AS n FROM documents", "--db", str(db), "--format", "csv")
    rq, out, err = finish(query, timeout=120)
    rr, _, run_err = finish(run)
    assert rr == 0, run_err
    assert rq == 0, err
    assert out.strip().splitlines() == ["n", "6"]  # it saw the finished load, not a half one
    assert "busy" in err and "Traceback" not in err


def test_run_killed_during_load_leaves_warehouse_unchanged(raw_dir, tmp_path):
    db, marker = tmp_path / "wh.duckdb", tmp_path / "loading"
    keep = sorted(raw_dir.iterdir())[:2]
    later = [p for p in raw_dir.iterdir() if p not in keep]
    hold = tmp_path / "hold"
    hold.mkdir()
    for p in later:
        p.rename(hold / p.name)
    rc, _, err = finish(start("run", "--raw", str(raw_dir), "--db", str(db)))
    assert rc == 0, err
    before = counts(db)
    for p in later:
        (hold / p.name).rename(raw_dir / p.name)

    run = start("run", "--raw", str(raw_dir), "--db", str(db),
                env_extra={"COOPFACTS_TEST_PAUSE_IN_LOAD": "60", "COOPFACTS_TEST_LOAD_MARKER": str(marker)})
    wait_for(marker)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait(timeout=30)
    assert counts(db) == before  # the killed run's transaction never happened

    rc, out, err = finish(start("run", "--raw", str(raw_dir), "--db", str(db)))
    assert rc == 0, err
    after = counts(db)
    assert after["documents"] == 6 and after["money"] > before["money"]


def test_serve_loads_a_new_file_on_the_next_scheduled_run(raw_dir, tmp_path):
    """`coopfacts serve` with a short interval picks up a file added while it serves."""
    db = tmp_path / "wh.duckdb"
    hold = tmp_path / "hold"
    hold.mkdir()
    newcomer = raw_dir / "germany_kfw_ilo_jordan_2022-10.txt"
    newcomer.rename(hold / newcomer.name)
    log = tmp_path / "serve.log"
    proc = start("serve", "--raw", str(raw_dir), "--db", str(db), "--interval", "5", log=log,
                 env_extra={"PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2",
                            "PREFECT_RUNNER_POLL_FREQUENCY": "2"})
    t0 = time.monotonic()
    try:
        def loaded() -> set[str]:
            if not db.exists():
                return set()
            try:
                con = duckdb.connect(str(db), read_only=True)
            except duckdb.IOException:  # a scheduled run is writing right now
                return set()
            try:
                return {r[0] for r in con.execute("SELECT source_path FROM documents").fetchall()}
            except duckdb.CatalogException:
                return set()
            finally:
                con.close()

        def wait_until(done, seconds: float, what: str) -> None:
            deadline = time.monotonic() + seconds
            while not done():
                assert proc.poll() is None, f"serve exited: {log.read_text()[-3000:]}"
                assert time.monotonic() < deadline, f"{what} after {time.monotonic() - t0:.0f} s:\n{log.read_text()[-3000:]}"
                time.sleep(2)

        wait_until(lambda: len(loaded()) >= 5, 300, "the first scheduled run never loaded the folder")
        (hold / newcomer.name).rename(newcomer)
        wait_until(lambda: newcomer.name in loaded(), 180, "the added file was not loaded by a later run")
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
