"""The run's own Prefect API server (flows.prefect_server): it answers, stops, and says why
when it cannot start."""
from __future__ import annotations

import subprocess
import sys
import urllib.request

import pytest

from flows import cli, prefect_server


@pytest.fixture
def prefect_home(tmp_path, monkeypatch):
    for key, value in cli.settings.prefect_env().items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect"))
    return tmp_path / "prefect"


def test_started_server_answers_health_then_stops(prefect_home):
    server = prefect_server.start()
    try:
        prefect_server.wait_ready(server, timeout=120)
        with urllib.request.urlopen(f"{server.api_url}/health", timeout=5) as response:
            assert response.status == 200
    finally:
        prefect_server.stop(server)
    assert server.process.poll() is not None


def test_server_that_exits_gives_its_last_words(prefect_home):
    log = prefect_home / "server.log"
    log.parent.mkdir(parents=True)
    with open(log, "wb") as err:
        process = subprocess.Popen([sys.executable, "-c", "import sys; sys.exit('address already in use')"],
                                   stderr=err)
    process.wait()
    with pytest.raises(RuntimeError, match="exited with code 1: address already in use"):
        prefect_server.wait_ready(prefect_server.Server(process, 1, log), timeout=30)


def test_server_that_never_answers_times_out_and_is_stopped(prefect_home):
    log = prefect_home / "server.log"
    log.parent.mkdir(parents=True)
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    server = prefect_server.Server(process, 9, log)  # port 9 (discard): nothing answers there
    with pytest.raises(RuntimeError, match="did not answer within 1 s"):
        prefect_server.wait_ready(server, timeout=1)
    assert process.poll() is not None
