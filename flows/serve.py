"""Scheduled runs: serve the flow on a cron (or interval) schedule.

Prefect schedules fire only when a Prefect server with its scheduler is running; the
ephemeral server a one-off `coopfacts run` starts has none. So when no PREFECT_API_URL is
configured, `coopfacts serve` starts a local `prefect server` on 127.0.0.1 for as long as
it serves, and stops it on exit. With PREFECT_API_URL set (your own server, a work pool
setup), it serves against that server instead and starts nothing.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def local_server(echo, timeout: float = 180):
    """A `prefect server` on a free loopback port, for the life of the block."""
    if os.environ.get("PREFECT_API_URL"):
        yield os.environ["PREFECT_API_URL"]
        return
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    log = Path(os.environ["PREFECT_HOME"]) / "server.log"
    echo(f"starting a local Prefect server on {url} (log: {log})")
    with open(log, "w") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                                 "--port", str(port)], stdout=fh, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the local Prefect server did not start; see {log}")
                time.sleep(0.5)
        from prefect.settings import PREFECT_API_URL, temporary_settings

        os.environ["PREFECT_API_URL"] = url  # for flow-run subprocesses
        with temporary_settings(updates={PREFECT_API_URL: url}):  # prefect is already imported
            yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


DEPLOYMENT = "coopfacts-scheduled"


def _forget_previous_schedule() -> None:
    """Delete the deployment a previous `serve` left behind, with its scheduled runs.

    Prefect keeps scheduled runs in its database after the serving process stops; a new
    `serve` (perhaps with another raw folder or warehouse) would otherwise first execute
    that backlog with the old parameters.
    """
    from prefect import get_client
    from prefect.exceptions import ObjectNotFound

    with get_client(sync_client=True) as client:
        try:
            old = client.read_deployment_by_name(f"coopfacts-run/{DEPLOYMENT}")
        except ObjectNotFound:
            return
        client.delete_deployment(old.id)


def serve(raw: Path, db: Path, cron: str | None, interval: float | None, tz: str, echo) -> None:
    """Serve `coopfacts-run` on the schedule until interrupted, one run at a time."""
    with local_server(echo):
        _forget_previous_schedule()
        from prefect.schedules import Cron, Interval

        from .pipeline import coopfacts_run

        schedule = (Interval(timedelta(seconds=interval), timezone=tz) if interval
                    else Cron(cron, timezone=tz))
        echo(f"serving coopfacts-run on {'every %gs' % interval if interval else repr(cron)} ({tz}): "
             f"{raw} -> {db}; Ctrl-C stops")
        coopfacts_run.serve(name=DEPLOYMENT, schedules=[schedule], print_starting_message=False, limit=1,
                            parameters={"raw_dir": str(raw.resolve()), "db_path": str(db.resolve())})
