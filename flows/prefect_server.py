"""Prefect's temporary API server for one `coopfacts run`, started early.

Without PREFECT_API_URL, Prefect starts a temporary ("ephemeral") server the first time a
flow runs: it imports its own server code into our process (about 1.7 s) and then waits
for a server subprocess to boot (about 3.5 s), all before the first task runs. Measured
on one small document, that was half of the run's 11 s.

We start the same subprocess (uvicorn with Prefect's app factory and the environment
`prefect.server.api.server.SubprocessASGIServer` gives it) as soon as a run knows it has
work, point PREFECT_API_URL at it, and let it boot on the other core while this process
imports Prefect, Polars, Pandera and the extractors. The flow then finds a running server.
A user who sets PREFECT_API_URL keeps their own server; none is started.
"""
from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

#: what Prefect's own SubprocessASGIServer sets for its server process
_SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    log: Path  # the server's stderr, quoted when it fails to start

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _home() -> Path:
    home = Path(os.environ.get("PREFECT_HOME", Path.home() / ".prefect"))
    home.mkdir(parents=True, exist_ok=True)
    return home


def start() -> Server:
    """Launch the server process and return at once (see `wait_ready`)."""
    spec = importlib.util.find_spec("prefect")  # its location, without importing it
    app_dir = Path(spec.origin).parent.parent
    port = _free_port()
    log = _home() / "server.log"
    with open(log, "wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(app_dir), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
             "--log-level", "error", "--lifespan", "on"],
            env={**os.environ, **_SERVER_ENV}, stdout=subprocess.DEVNULL, stderr=err,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None)
    return Server(process, port, log)


def _die_with_parent() -> None:
    """In the server process, before it starts (Linux): have the kernel send it SIGTERM when
    the run's process dies, however it dies (kill, a scheduler's timeout), so that no server
    outlives its run."""
    import ctypes
    import signal

    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def wait_ready(server: Server, timeout: float) -> None:
    """Block until the server answers /health. Raises RuntimeError, with the server's last
    words, when it exits or does not answer in time (its port is fixed: PREFECT_API_URL was
    set from it before Prefect was imported, and Prefect reads its settings then)."""
    deadline = time.monotonic() + timeout
    while True:
        code = server.process.poll()
        if code is not None:
            raise RuntimeError(f"Prefect's local server exited with code {code}: {_tail(server.log)}")
        try:
            with urllib.request.urlopen(f"{server.api_url}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            stop(server)
            raise RuntimeError(f"Prefect's local server did not answer within {timeout:.0f} s "
                               f"(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS): {_tail(server.log)}")
        time.sleep(0.05)


def stop(server: Server) -> None:
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()


def _tail(log: Path) -> str:
    try:
        lines = log.read_text(errors="replace").strip().splitlines()
    except OSError:
        return "(no server log)"
    return " | ".join(lines[-3:]) or "(the server wrote nothing)"
