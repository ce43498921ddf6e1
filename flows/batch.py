"""Read and extract one batch of files: what an extraction worker process runs.

Extraction is CPU-bound Python, so a run with more than one batch extracts in
`settings.WORKERS` worker processes. They are plain `concurrent.futures` processes, not
Prefect's `ProcessPoolTaskRunner`, for two reasons measured on 1,000 documents:

- Prefect's process pool runs the whole task engine in each worker, and a worker that is
  not told the parent's API address starts an ephemeral API server of its own (~200 MB
  each, seconds to start). Here a worker imports only `flows.read` and `flows.extract`
  (no Prefect, polars, pandera or DuckDB): about 60 MB instead of about 480 MB with its
  server, and nothing to start.
- The flow still runs one Prefect task per batch (`read-extract`, in a thread of the
  flow's process) and that task hands its batch to this pool and waits: Prefect keeps a
  record, retries and logs per batch, while the worker processes stay plain Python.

Workers are started with 'spawn': a fresh interpreter holds only what it imports, whereas
a forked child would inherit (and count in its resident memory) everything the flow's
process had loaded. Only the file list of a batch goes to a worker (paths and hashes);
the worker reads the files itself and sends back the documents with their facts.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from . import read
from .extract import document, extract_all


def extract_documents(docs: list[dict]) -> tuple[list[dict], list[dict]]:
    """Metadata and facts for each document; a document whose extraction fails is quarantined."""
    done, quarantine = [], []
    for doc in docs:
        try:
            meta = document.extract(doc["text"], doc["source_path"])
            facts = extract_all(doc["text"])
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


class Workers:
    """The worker processes of one run (a context manager); with n <= 1, none: `run`
    extracts in the calling process.

    Processes start on the first batch and stop when the run leaves the `with` block.
    """

    def __init__(self, n: int):
        self.n = n
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "Workers":
        global _ACTIVE
        if self.n > 1:
            self._pool = ProcessPoolExecutor(self.n, mp_context=multiprocessing.get_context("spawn"))
        _ACTIVE = self
        return self

    def __exit__(self, *exc) -> bool:
        global _ACTIVE
        _ACTIVE = None
        self.stop()
        return False

    def stop(self) -> None:
        """End the worker processes (when the last batch is in, before the load)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def submit(self, files: list[dict], raw_dir: Path) -> Future:
        if self._pool is None:
            future: Future = Future()
            try:
                future.set_result(read_and_extract(files, raw_dir))
            except BaseException as exc:  # noqa: BLE001 - handed to whoever waits on it
                future.set_exception(exc)
            return future
        return self._pool.submit(read_and_extract, files, Path(raw_dir))


_ACTIVE: Workers | None = None  # the workers of the run in progress in this process


def run(files: list[dict], raw_dir: Path) -> tuple[list[dict], list[dict]]:
    """A batch, read and extracted by this process's worker processes when a run has
    started some (`Workers`), else here (a small run, or a task running on a Dask worker)."""
    workers = _ACTIVE
    if workers is None:
        return read_and_extract(files, raw_dir)
    return workers.submit(files, raw_dir).result()
