"""Shared fixtures: one Prefect test harness per session, copies of the dev corpus."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from flows import settings

for _k, _v in settings.prefect_env().items():
    os.environ.setdefault(_k, _v)

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="session")
def prefect_harness():
    """A real (ephemeral, temporary) Prefect backend for the whole session: starting one costs seconds."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    """A raw folder holding the six dev documents (no gold files)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for f in CORPUS.iterdir():
        if not f.name.endswith(".gold.json") and f.suffix in (".txt", ".md"):
            shutil.copy(f, raw / f.name)
    return raw


@pytest.fixture
def run_flow(prefect_harness):
    """Run the real Prefect flow; returns (summary or None, final state)."""
    from flows.pipeline import coopfacts_run

    def _run(raw: Path, db: Path, report: Path | None = None):
        state = coopfacts_run(str(raw), str(db), str(report) if report else None, return_state=True)
        return (state.result() if state.is_completed() else None), state
    return _run
